"""An edited record is written back so that only the edited values change in the file."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from catalogue.office.yaml_round_trip import UnreadableYaml, merge_yaml, new_yaml, plain_data

VALID = Path(__file__).resolve().parents[1] / "data" / "valid"
RECORDS = sorted([*VALID.glob("offers/*.yml"), *VALID.glob("actors/*.yml"), *VALID.glob("news/*.yml"), *VALID.glob("tree/data/**/*.yml")])


@pytest.mark.parametrize("file", RECORDS, ids=lambda file: file.relative_to(VALID).as_posix())
def test_writing_back_an_unchanged_record_changes_nothing(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    assert merge_yaml(text, plain_data(text, file.name)) == text


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    assert len(before.splitlines()) == len(after.splitlines())
    return [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]


OFFER = VALID / "tree" / "data" / "offers" / "sprachschule-nord" / "deutsch-a1.yml"


def test_one_changed_text_changes_one_line() -> None:
    text = "# checked by phone\n" + OFFER.read_text(encoding="utf-8")
    edited = plain_data(text, "offer.yml")
    edited["summary"]["de"] = "Deutsch für den Alltag."
    assert _changed(text, merge_yaml(text, edited)) == [("  de: Deutsch für den Alltag, mit Kinderbetreuung.", "  de: Deutsch für den Alltag.")]


def test_a_changed_date_keeps_its_quotes_and_the_flow_style_around_it() -> None:
    text = OFFER.read_text(encoding="utf-8")
    edited = plain_data(text, "offer.yml")
    edited["schedule"]["sessions"][0]["date"] = "2027-01-18"
    assert _changed(text, merge_yaml(text, edited)) == [
        ('    - {date: "2027-01-11", start: "09:00", end: "12:00", location: haus-nord}', '    - {date: "2027-01-18", start: "09:00", end: "12:00", location: haus-nord}'),
    ]


def test_a_removed_field_goes_and_a_new_one_is_added_at_the_end() -> None:
    text = OFFER.read_text(encoding="utf-8")
    edited = plain_data(text, "offer.yml")
    del edited["age_min"]
    edited["website"] = "https://sprachschule-nord.example.org/"
    merged = merge_yaml(text, edited)
    assert "age_min" not in merged
    assert merged.endswith("website: https://sprachschule-nord.example.org/\n")
    assert plain_data(merged, "offer.yml") == edited


def test_a_list_that_grows_keeps_its_first_items_as_written() -> None:
    text = OFFER.read_text(encoding="utf-8")
    edited = plain_data(text, "offer.yml")
    edited["schedule"]["weekly"].append({"day": "wed", "start": "09:00", "end": "12:00"})
    merged = merge_yaml(text, edited)
    assert '    - {day: mon, start: "09:00", end: "12:00"}\n' in merged
    assert plain_data(merged, "offer.yml") == edited


def test_a_new_file_quotes_dates_times_and_phone_numbers_and_writes_long_texts_as_blocks() -> None:
    record = {
        "id": "neu", "last_verified": {"date": "2026-11-20", "by": "Büro"}, "contact": {"phone": "+49 6221 555-0100"},
        "schedule": {"weekly": [{"day": "mon", "start": "9:00", "end": "10:30"}]},
        "description": {"de": "Erste Zeile.\n\nZweiter Absatz."},
    }
    text = new_yaml(copy.deepcopy(record), "# yaml-language-server: $schema=../../../schemas/offer.schema.json")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/offer.schema.json\nid: neu\n")
    assert 'date: "2026-11-20"' in text and 'phone: "+49 6221 555-0100"' in text and 'start: "9:00"' in text
    assert "  de: |\n    Erste Zeile.\n\n    Zweiter Absatz.\n" in text
    assert plain_data(text, "new.yml") == {**record, "description": {"de": "Erste Zeile.\n\nZweiter Absatz.\n"}}


def test_text_that_is_no_yaml_mapping_is_refused() -> None:
    with pytest.raises(UnreadableYaml):
        plain_data("id: [unclosed\n", "broken.yml")
