"""What the checks still read of a record the schema refused in parts (data/schema_validation.py usable_parts): the
refused values are left out, nothing else, and the positions of what is left stay where the file has them."""

from __future__ import annotations

from typing import Any

from catalogue.data.schema_loading import schema_set
from catalogue.data.schema_validation import usable_parts


def _offer(**changes: Any) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "id": "deutschkurs", "actor": "vhs", "status": "active", "categories": ["german"],
        "title": {"de": "Deutschkurs"}, "summary": {"de": "Deutsch lernen."}, "description": {"de": "Ein Kurs."},
        "mode": "in_person", "costs": {"free": True}, "last_verified": {"date": "2026-10-01", "by": "VHS"},
    }
    offer.update(changes)
    return offer


def test_the_offer_these_tests_change_is_valid() -> None:
    assert not any(schema_set().validators["offer"].iter_errors(_offer()))


def test_a_too_long_text_is_left_out_and_the_rest_kept() -> None:
    refused, usable = usable_parts("offer", _offer(title={"de": "x" * 3000, "en": "German"}), schema_set())
    assert refused == {("title", "de")}
    assert usable["title"] == {"en": "German"}
    assert usable["id"] == "deutschkurs" and usable["categories"] == ["german"]


def test_a_refused_list_item_takes_its_list_so_no_other_item_moves() -> None:
    schedule = {
        "weekly": [{"day": "mon", "start": "09:00", "end": "10:00"}, {"day": "tue", "start": "25:00", "end": "11:00"}],
        "sessions": [{"date": "2027-01-11", "start": "18:00", "end": "09:00"}],
    }
    refused, usable = usable_parts("offer", _offer(schedule=schedule), schema_set())
    assert refused == {("schedule", "weekly")}
    assert usable["schedule"] == {"sessions": schedule["sessions"]}


def test_an_unknown_field_is_left_out_and_a_missing_one_only_recorded() -> None:
    offer = _offer(colour="blue")
    del offer["summary"]
    refused, usable = usable_parts("offer", offer, schema_set())
    assert refused == {("colour",), ("summary",)}
    assert "colour" not in usable and usable["title"] == {"de": "Deutschkurs"}


def test_a_document_that_is_no_mapping_leaves_nothing_to_check() -> None:
    refused, usable = usable_parts("offer", ["not", "a", "record"], schema_set())
    assert usable is None and refused == {()}
