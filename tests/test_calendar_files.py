"""The iCalendar writer read back with icalendar and expanded with recurring-ical-events.

Offers here are built from documents the tests own. RFC 5545 3.1 (folding), 3.3.10 (RRULE, UNTIL in UTC with a
local DTSTART), 3.8.5.1 (EXDATE).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from catalogue.data.model import actor_from_document, offer_from_document
from catalogue.exports.calendar_files import CalendarEvent, calendar_of, offer_calendar
from catalogue.language.localise import Localiser
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = datetime(2026, 11, 26, 0, 0, tzinfo=BERLIN)
URL = "https://bildung.example.org/offers/abendkurs/"
ACTOR = actor_from_document(
    {
        "id": "vhs",
        "name": {"de": "Volkshochschule"},
        "type": "adult_education",
        "description": {"de": "Kurse."},
        "contact": {},
        "locations": [
            {"id": "haus", "name": {"de": "Haus am Markt"}, "street": "Markt 1", "postcode": "12345", "city": "Neustadt", "district": "mitte"}
        ],
    }
)
GERMAN = Localiser("de", "de")
SESSION_WINDOW = (datetime(2026, 1, 1, tzinfo=BERLIN), datetime(2028, 1, 1, tzinfo=BERLIN))


def offer(**fields: Any) -> Any:
    document: dict[str, Any] = {
        "id": "abendkurs",
        "actor": "vhs",
        "status": "active",
        "categories": ["german"],
        "title": {"de": "Deutsch am Abend"},
        "summary": {"de": "Deutsch lernen nach der Arbeit."},
        "description": {"de": "Ein Kurs."},
        "mode": "in_person",
        "costs": {"free": True},
        "last_verified": {"date": "2026-10-01", "by": "VHS"},
        "locations": ["haus"],
    }
    document.update(fields)
    return offer_from_document(document)


def calendar_bytes(subject: Any) -> bytes:
    return offer_calendar(subject, ACTOR, GERMAN, URL, STAMP)


def physical_lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def assert_no_split_escape(data: bytes) -> None:
    for line in physical_lines(data):
        trailing = len(line) - len(line.rstrip(b"\\"))
        assert trailing % 2 == 0, f"a fold splits an escape: {line!r}"
        assert len(line) <= 75, f"a line longer than 75 octets: {line!r}"


def occurrences(data: bytes, start: datetime = SESSION_WINDOW[0], end: datetime = SESSION_WINDOW[1]) -> list[tuple[datetime, datetime]]:
    events = recurring_ical_events.of(Calendar.from_ical(data)).between(start, end)
    return sorted((event.decoded("dtstart"), event.decoded("dtend")) for event in events)


# -- folding ------------------------------------------------------------------------------------------------------


def test_a_62_character_summary_does_not_split_the_newline_escape_of_the_description() -> None:
    summary = "Deutsch lernen nach der Arbeit, mit Kinderbetreuung im Hause.."[:62].ljust(62, "x")
    assert len(summary) == 62
    data = calendar_bytes(offer(summary={"de": summary}))
    assert_no_split_escape(data)
    event = Calendar.from_ical(data).walk("VEVENT")
    assert not event  # no dates, no weekly times: no events
    data = calendar_bytes(offer(summary={"de": summary}, schedule={"sessions": [{"date": "2027-01-11", "start": "18:00"}]}))
    assert_no_split_escape(data)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["description"]) == f"{summary}\n{URL}"


@pytest.mark.parametrize("comma_at", range(55, 160))
def test_a_comma_at_any_fold_point_keeps_its_escape_whole(comma_at: int) -> None:
    title = ("Kurs" * 60)[:comma_at] + ", Teil 2; Ende\\Anfang"
    data = calendar_bytes(offer(title={"de": title}, schedule={"sessions": [{"date": "2027-01-11", "start": "18:00"}]}))
    assert_no_split_escape(data)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["summary"]) == title


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a,;\\\nüأ€🙂 ")), min_size=1, max_size=300))
def test_any_text_folds_into_lines_icalendar_reads_back_unchanged(text: str) -> None:
    event = CalendarEvent(
        uid="x@example.org",
        start=datetime(2027, 1, 11, 18, 0, tzinfo=BERLIN),
        end=datetime(2027, 1, 11, 19, 0, tzinfo=BERLIN),
        summary=text,
        description=text,
        url=URL,
        location=text,
        stamp=STAMP,
    )
    data = calendar_of([event], text)
    assert_no_split_escape(data)
    (parsed,) = Calendar.from_ical(data).walk("VEVENT")
    expected = text.replace("\r\n", "\n")
    assert (str(parsed["summary"]), str(parsed["description"]), str(parsed["location"])) == (expected,) * 3


# -- weekly times and dated sessions -------------------------------------------------------------------------------


def test_monday_to_thursday_evenings_recur_every_week_until_valid_until() -> None:
    weekly = [{"day": day, "start": "18:00", "end": "20:15"} for day in ("mon", "tue", "wed", "thu")]
    subject = offer(valid_from="2027-01-04", valid_until="2027-02-26", schedule={"weekly": weekly})
    found = occurrences(calendar_bytes(subject))
    expected = []
    day = date(2027, 1, 4)
    while day <= date(2027, 2, 26):
        if day.weekday() < 4:
            expected.append((datetime.combine(day, time(18, 0), BERLIN), datetime.combine(day, time(20, 15), BERLIN)))
        day += timedelta(days=1)
    assert found == expected
    assert len(found) == 32


def test_weekly_times_skip_the_exceptions_and_dated_sessions_stay_single() -> None:
    subject = offer(
        valid_from="2026-12-01",
        valid_until="2027-01-31",
        schedule={
            "sessions": [{"date": "2027-02-02", "start": "10:00", "end": "12:00"}],
            "weekly": [{"day": "fri", "start": "17:00", "end": "18:30"}],
            "exceptions": ["2026-12-25", "2027-01-01", "2027-01-05"],
        },
    )
    starts = [start for start, _ in occurrences(calendar_bytes(subject))]
    fridays = [date(2026, 12, 4) + timedelta(weeks=week) for week in range(9)]
    expected_fridays = [day for day in fridays if day not in (date(2026, 12, 25), date(2027, 1, 1))]
    assert [start.date() for start in starts] == [*expected_fridays, date(2027, 2, 2)]
    assert starts[-1].time() == time(10, 0)


def test_weekly_times_without_valid_from_start_on_the_publication_day_and_run_on_without_valid_until() -> None:
    subject = offer(schedule={"weekly": [{"day": "wed", "start": "09:00", "end": "11:00"}]})
    data = calendar_bytes(subject)
    found = occurrences(data, STAMP, STAMP + timedelta(weeks=52))
    assert found[0][0] == datetime(2026, 12, 2, 9, 0, tzinfo=BERLIN)
    assert len(found) == 52
    assert b"UNTIL" not in data


def test_until_is_utc_and_includes_the_last_day_across_summer_time() -> None:
    subject = offer(valid_from="2027-03-01", valid_until="2027-04-05", schedule={"weekly": [{"day": "mon", "start": "19:00", "end": "21:00"}]})
    data = calendar_bytes(subject)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    until = event["rrule"]["UNTIL"][0]
    assert until == datetime(2027, 4, 5, 17, 0, tzinfo=timezone.utc)
    found = occurrences(data)
    assert found[-1][0] == datetime(2027, 4, 5, 19, 0, tzinfo=BERLIN)
    assert {start.time() for start, _ in found} == {time(19, 0)}
    assert len(found) == 6


def test_an_end_before_the_start_ends_on_the_next_day() -> None:
    subject = offer(
        valid_from="2027-01-01",
        valid_until="2027-01-31",
        schedule={
            "sessions": [{"date": "2027-01-08", "start": "20:30", "end": "01:00"}],
            "weekly": [{"day": "sat", "start": "22:00", "end": "00:00"}],
        },
    )
    found = occurrences(calendar_bytes(subject))
    assert found[0] == (datetime(2027, 1, 2, 22, 0, tzinfo=BERLIN), datetime(2027, 1, 3, 0, 0, tzinfo=BERLIN))
    assert (datetime(2027, 1, 8, 20, 30, tzinfo=BERLIN), datetime(2027, 1, 9, 1, 0, tzinfo=BERLIN)) in found
    assert all(end - start in (timedelta(hours=2), timedelta(hours=4, minutes=30)) for start, end in found)


def test_an_offer_whose_weekday_never_comes_before_valid_until_has_no_recurrence() -> None:
    subject = offer(valid_from="2027-01-04", valid_until="2027-01-05", schedule={"weekly": [{"day": "fri", "start": "18:00", "end": "19:00"}]})
    assert occurrences(calendar_bytes(subject)) == []
