"""The time-of-day filter's values, derived from an offer's schedule by the hour boundaries of catalogue.data.time_of_day."""
from __future__ import annotations

from datetime import date

import pytest

from catalogue.data.model import Schedule, Session, WeeklySlot
from catalogue.data.time_of_day import parts_of_day, times_of_day

SLOTS = [
    ("08:30", "11:45", ("morning",)),
    ("11:00", "12:00", ("morning",)),  # ends where the afternoon begins: not in it
    ("11:30", "12:30", ("morning", "afternoon")),
    ("13:00", "16:59", ("afternoon",)),
    ("16:30", "18:00", ("afternoon", "evening")),
    ("17:00", "21:15", ("evening",)),
    ("09:00", "18:00", ("morning", "afternoon", "evening")),  # opening hours: one can come at any part of the day
    ("22:00", "01:00", ("evening",)),  # past midnight: runs to midnight
    ("05:00", "05:45", ()),  # before six: no part of the day
    ("18:00", None, ("evening",)),  # a session without an end: its start
]


@pytest.mark.parametrize(("start", "end", "parts"), SLOTS, ids=[f"{start}-{end}" for start, end, _ in SLOTS])
def test_a_slot_belongs_to_every_part_of_the_day_it_overlaps(start: str, end: str | None, parts: tuple[str, ...]) -> None:
    assert parts_of_day(start, end) == parts


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (Schedule(weekly=(WeeklySlot("mon", "18:00", "21:15"),)), ("evening",)),
        (Schedule(weekly=(WeeklySlot("sat", "09:00", "10:00"),)), ("morning", "weekend")),
        (Schedule(sessions=(Session(date(2027, 1, 10), "14:00", "16:00"),)), ("afternoon", "weekend")),  # a Sunday
        (Schedule(sessions=(Session(date(2027, 1, 11), "09:00"),), weekly=(WeeklySlot("wed", "17:30", "19:00"),)), ("morning", "evening")),
        (Schedule(), ()),
    ],
    ids=["weekday-evening", "saturday-morning", "sunday-session", "session-and-weekly", "by-appointment"],
)
def test_an_offers_times_of_day_come_from_its_weekly_times_and_sessions(schedule: Schedule, expected: tuple[str, ...]) -> None:
    assert times_of_day(schedule) == expected
