"""One "did you mean …?" for every check: the closest known value, as it is written, or none."""

from __future__ import annotations

import pytest

from catalogue.data.suggestions import closest


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("deutsch-a1-kur", ["deutsch-a1-kurs", "elterncafe"], "deutsch-a1-kurs"),
        ("Elterncafe", ["deutsch-a1-kurs", "elterncafe"], "elterncafe"),
        ("in_persn", ["in_person", "online", "hybrid"], "in_person"),
        ("B1", ["A1", "A2", "B1"], "B1"),
        ("xyz", ["deutsch-a1-kurs", "elterncafe"], None),
        ("kita", [], None),
        (12, ["12", "13"], None),
        (None, ["none"], None),
    ],
)
def test_the_closest_known_value_is_offered_as_it_is_written(
    word: object, candidates: list[str], expected: str | None
) -> None:
    assert closest(word, candidates) == expected


def test_a_stricter_cutoff_offers_less() -> None:
    assert closest("kurs", ["kurse"]) == "kurse"
    assert closest("kurs", ["kurse"], cutoff=0.95) is None
