"""The schemas are the one source of their closed value lists: the lists the code reads come from them, and every
table that says something per value (a schema.org term, a German label, an iCalendar code) covers every value."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

import pytest
from icalendar.prop import vWeekday

from catalogue.data import schema_enums
from catalogue.figures import statistics
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.exports import hsds
from catalogue.office import issue_form
from catalogue.site import jsonld


def _enum(file: str, *path: str) -> list[str]:
    node: Any = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
    for key in path:
        node = node[key]
    return list(node["enum"])


def test_the_lists_are_the_schemas_enums_in_their_order() -> None:
    assert list(schema_enums.GERMAN_LEVELS) == _enum("offer.schema.json", "properties", "german_level")
    assert list(schema_enums.MODES) == _enum("offer.schema.json", "properties", "mode")
    assert list(schema_enums.NEED_SOURCES) == _enum("need.schema.json", "properties", "source")


def test_a_missing_enum_is_a_key_error_naming_the_path() -> None:
    with pytest.raises(KeyError, match="german_levels"):
        schema_enums.schema_enum("offer.schema.json", "properties", "german_levels")


def test_german_levels_start_with_none_and_climb_the_cefr() -> None:
    """The catalogue's `g-B1` filter and the issue form's choices rely on this order."""
    assert schema_enums.GERMAN_LEVELS == ("none", "A1", "A2", "B1", "B2", "C1", "C2")


def test_weekdays_follow_python_weekday_numbers_and_rfc_5545_codes() -> None:
    monday = date(2026, 11, 30)
    week = [monday + timedelta(days) for days in range(7)]
    assert [schema_enums.WEEKDAYS[day.weekday()] for day in week] == list(schema_enums.WEEKDAYS)
    ical_order = sorted(vWeekday.week_days, key=lambda code: (vWeekday.week_days[code] - 1) % 7)
    assert list(schema_enums.RRULE_WEEKDAYS.values()) == ical_order


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (jsonld._COURSE_MODES, schema_enums.MODES),
        (jsonld._ATTENDANCE_MODES, schema_enums.MODES),
        (jsonld._DAY_URIS, schema_enums.WEEKDAYS),
        (hsds._STATUS, schema_enums.OFFER_STATUSES),
        (statistics.MODES, schema_enums.MODES),
        (issue_form.MODES.values(), schema_enums.MODES),
        (issue_form.PER.values(), schema_enums.COST_UNITS),
        (issue_form.LEVELS.values(), schema_enums.GERMAN_LEVELS),
    ],
    ids=[
        "schema.org course modes",
        "schema.org attendance",
        "schema.org days",
        "HSDS status",
        "figures' modes",
        "issue form modes",
        "issue form price units",
        "issue form levels",
    ],
)
def test_every_table_per_value_covers_every_value_of_the_schema(
    table: Collection[str], values: tuple[str, ...]
) -> None:
    assert sorted(table) == sorted(values)
