"""Facts from the sample data that the newcomer's journey relies on, read from the data so that they stay true."""
from __future__ import annotations

from pathlib import Path

import yaml

from tests.site.conftest import REPO

ARABIC_TO_PERSIAN_KEYBOARD = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
"""ي -> ی and ك -> ک: what a Persian keyboard types for the Arabic letters."""


def offer_titles(offer_id: str) -> dict[str, str]:
    [path] = (REPO / "data" / "offers").glob(f"*/{offer_id}.yml")
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))["title"]


def persian_keyboard_spelling(arabic_word: str) -> str:
    spelled = arabic_word.translate(ARABIC_TO_PERSIAN_KEYBOARD)
    assert spelled != arabic_word, f"{arabic_word} has no ي or ك, so a Persian keyboard spells it the same"
    return spelled
