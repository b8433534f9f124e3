"""Facts from the sample data that the newcomer's journey relies on, read from the data so that they stay true."""
from __future__ import annotations

from tests.site.sample_data import PUBLICATION

ARABIC_TO_PERSIAN_KEYBOARD = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
"""ي -> ی and ك -> ک: what a Persian keyboard types for the Arabic letters."""


def offer_titles(offer_id: str) -> dict[str, str]:
    offer = PUBLICATION.offer(offer_id)
    assert offer is not None, f"{offer_id} is not published on the tests' build date"
    return dict(offer.title)


def persian_keyboard_spelling(arabic_word: str) -> str:
    spelled = arabic_word.translate(ARABIC_TO_PERSIAN_KEYBOARD)
    assert spelled != arabic_word, f"{arabic_word} has no ي or ك, so a Persian keyboard spells it the same"
    return spelled
