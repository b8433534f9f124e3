"""Rules the town's sample texts once broke, kept so that no translation breaks them again (checks of the town's
site: they read whatever data/ holds)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest

from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import read_settings
from catalogue.data.strict_yaml import read_yaml_file

REPO = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(REPO / "mkdocs.yml")
CATALOGUE = load_catalogue(SETTINGS, today=date(2026, 11, 26)).catalogue
assert CATALOGUE is not None

GERMAN_FLOOR = re.compile(r"\b(\d+)\.\s*(?:Stock|Obergeschoss|OG|Etage)\b")
# Ukrainian and Russian count the ground floor as the first: German "2. Stock" is their third floor.
GROUND_FLOOR_IS_FIRST = {
    "uk": re.compile(r"\b(\d+)-(?:й|му|го)\s+поверс?[хі]"),
    "ru": re.compile(r"\b(\d+)-(?:й|м|го)\s+этаж"),
}


def text_maps(data: Any) -> Iterator[dict[str, str]]:
    if isinstance(data, dict):
        if SETTINGS.default_language in data and all(isinstance(value, str) for value in data.values()):
            yield data
        else:
            for value in data.values():
                yield from text_maps(value)
    elif isinstance(data, list):
        for value in data:
            yield from text_maps(value)


def floor_texts() -> list[tuple[str, dict[str, str]]]:
    found = []
    for file in sorted(SETTINGS.data_dir.rglob("*.yml")):
        document = read_yaml_file(file, file.name).document
        if document is None:
            continue
        for texts in text_maps(document.data):
            if GERMAN_FLOOR.search(texts[SETTINGS.default_language]) and set(texts) & set(GROUND_FLOOR_IS_FIRST):
                found.append((file.relative_to(REPO).as_posix(), texts))
    return found


@pytest.mark.parametrize(("path", "texts"), floor_texts() or [pytest.param("", {}, marks=pytest.mark.skip("no floors in the data"))])
def test_a_floor_is_counted_the_readers_way(path: str, texts: dict[str, str]) -> None:
    german = [int(number) for number in GERMAN_FLOOR.findall(texts[SETTINGS.default_language])]
    for language, pattern in GROUND_FLOOR_IS_FIRST.items():
        if language in texts:
            for number in (int(value) for value in pattern.findall(texts[language])):
                assert number - 1 in german, f"{path}: {language} floor {number} for German {german}: {texts[language]}"


INTEGRATION_COURSES = [offer for offer in CATALOGUE.offers if "Integrationskurs" in offer.title[SETTINGS.default_language]]


@pytest.mark.parametrize("offer", INTEGRATION_COURSES, ids=lambda offer: offer.id)
def test_an_integration_course_charges_per_lesson_unit_and_names_the_exemption(offer) -> None:
    """An entitlement to the course does not waive its fee; an exemption (Bürgergeld, AsylbLG, BAMF decision) does."""
    assert offer.costs.free is False and offer.costs.per == "lesson_unit"
    reductions = offer.costs.reductions or {}
    assert "Befreiung" in reductions.get(SETTINGS.default_language, "")
    for language, text in reductions.items():
        assert "BAMF" in text, (language, text)
