"""Each record's status in a language follows the rules of catalogue.figures.translation_status, in their order."""
from __future__ import annotations

from types import MappingProxyType

import pytest

from catalogue.data.model import TextUnit, TranslationRecord
from catalogue.figures.translation_status import translation_status, word_count, words_to_translate


def record(*texts: dict[str, str], sources: dict[str, str] | None = None, machine: tuple[str, ...] = ()) -> TranslationRecord:
    return TranslationRecord(
        fingerprint="aaaa1111",
        sources=MappingProxyType(sources or {}),
        machine=machine,
        units=tuple(TextUnit(("field", index), MappingProxyType(text)) for index, text in enumerate(texts)),
    )


TITLE = {"de": "Deutsch für Eltern", "ar": "الألمانية للآباء"}
SUMMARY_DE_ONLY = {"de": "Mit Kinderbetreuung im Haus."}
SUMMARY = {**SUMMARY_DE_ONLY, "ar": "مع رعاية الأطفال."}


@pytest.mark.parametrize(
    "translation, status, words",
    [
        (record(TITLE, SUMMARY), "current", 0),
        (record(TITLE, SUMMARY, sources={"ar": "aaaa1111"}), "current", 0),
        (record(TITLE, SUMMARY_DE_ONLY), "missing", 4),
        (record({"de": "Nur Deutsch"}, SUMMARY_DE_ONLY), "missing", 2 + 4),
        (record(TITLE, SUMMARY, sources={"ar": "bbbb2222"}), "outdated", 3 + 4),
        (record(TITLE, SUMMARY, machine=("ar",)), "machine", 3 + 4),
        (record(TITLE, SUMMARY, sources={"ar": "bbbb2222"}, machine=("ar",)), "machine", 3 + 4),
        (record(TITLE, SUMMARY_DE_ONLY, machine=("ar",)), "missing", 4),
    ],
    ids=["complete", "fingerprint-matches", "one-text-missing", "all-missing", "outdated", "machine", "machine-before-outdated", "missing-before-machine"],
)
def test_status_and_words_left(translation: TranslationRecord, status: str, words: int) -> None:
    assert translation_status(translation, "ar") == status
    assert words_to_translate(translation, "ar", "de") == words


@pytest.mark.parametrize(
    "text, words",
    [("Deutsch-Kurs für Mütter", 3), ("Mo–Fr 8–12 Uhr", 5), ("**fett** und [Link](https://x.example)", 3), ("Schreiben Sie an kurse@vhs.example.org", 3), ("", 0)],
)
def test_word_count(text: str, words: int) -> None:
    assert word_count(text) == words
