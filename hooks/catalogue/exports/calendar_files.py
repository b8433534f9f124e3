"""iCalendar files (RFC 5545) of offers' dated sessions and weekly times, for a reader's calendar and for open data.

Dated sessions become single events; weekly times become recurring events (RRULE:FREQ=WEEKLY) from the offer's
`valid_from` (or the publication day) until its `valid_until`, without the days in `schedule.exceptions` (EXDATE).
An end earlier than the start is on the next day (an evening from 20:30 to 01:00).

Written directly rather than through the icalendar package: a catalogue of 1,000 offers in 8 languages needs
thousands of small calendars per build, and icalendar's serialiser took most of the build's time. The tests read
every file back with icalendar's parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from catalogue.data.model import Actor, Offer, WeeklySlot
from catalogue.data.schema_enums import RRULE_WEEKDAYS, WEEKDAYS
from catalogue.data.settings import TOWN_TIME_ZONE
from catalogue.language.localise import Localiser

_UTC = ZoneInfo("UTC")
_DEFAULT_LENGTH = timedelta(hours=1)
_PRODUCT_ID = "-//Bildungskatalog für Neuzugewanderte//Offer calendar//DE"

# Central European Time with the EU's summer-time rule (last Sunday of March and of October), valid since 1996.
_BERLIN_TIME_ZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str
    url: str
    location: str | None
    stamp: datetime
    rule: str | None = None
    """The value of an RRULE, for a recurring event."""
    exceptions: tuple[datetime, ...] = ()
    """Starts of recurrences that do not take place (EXDATE)."""


def _moment(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=TOWN_TIME_ZONE)


def _end(day: date, start: str, end: str) -> datetime:
    """The end of a session that starts on day: an end earlier than the start is on the next day."""
    return _moment(day + timedelta(days=1) if end < start else day, end)


def _address(actor: Actor, location_id: str | None, localiser: Localiser) -> str | None:
    if location_id is None:
        return None
    place = actor.location(location_id)
    return f"{localiser.text(place.name)}, {place.street}, {place.postcode} {place.city}"


def session_events(
    offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime
) -> Iterator[CalendarEvent]:
    """One event per dated session, then one recurring event per group of weekly slots with the same times.

    stamp is the moment the calendar is made (DTSTAMP); without `valid_from` the weekly times start on its day.
    """
    host = offer_url.split("/")[2]
    for index, session in enumerate(offer.schedule.sessions):
        start = _moment(session.date, session.start)
        yield CalendarEvent(
            uid=f"{offer.id}-{session.date.isoformat()}-{index}@{host}",
            start=start,
            end=_end(session.date, session.start, session.end) if session.end else start + _DEFAULT_LENGTH,
            summary=localiser.text(offer.title),
            description=f"{localiser.text(offer.summary)}\n{offer_url}",
            url=offer_url,
            location=_address(actor, session.location or next(iter(offer.locations), None), localiser),
            stamp=stamp,
        )
    yield from _weekly_events(offer, actor, localiser, offer_url, stamp, host)


def _weekly_events(
    offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime, host: str
) -> Iterator[CalendarEvent]:
    groups: dict[tuple[str, str], list[WeeklySlot]] = {}
    for slot in offer.schedule.weekly:
        groups.setdefault((slot.start, slot.end), []).append(slot)
    first_day = offer.valid_from or stamp.astimezone(TOWN_TIME_ZONE).date()
    for (start_clock, end_clock), slots in groups.items():
        weekdays = sorted({WEEKDAYS.index(slot.day) for slot in slots})
        offset = next(offset for offset in range(7) if (first_day.weekday() + offset) % 7 in weekdays)
        day = first_day + timedelta(days=offset)
        if offer.valid_until is not None and day > offer.valid_until:
            continue
        by_day = ",".join(RRULE_WEEKDAYS[WEEKDAYS[weekday]] for weekday in weekdays)
        rule = "FREQ=WEEKLY;BYDAY=" + by_day
        if offer.valid_until is not None:
            # RFC 5545 3.3.10: with a local DTSTART and a time zone, UNTIL is given in UTC.
            last_moment = _moment(offer.valid_until, start_clock)
            rule += ";UNTIL=" + last_moment.astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")
        exceptions = tuple(
            _moment(excluded, start_clock)
            for excluded in offer.schedule.exceptions
            if excluded >= day and excluded.weekday() in weekdays
        )
        yield CalendarEvent(
            uid=f"{offer.id}-weekly-{by_day.replace(',', '')}-{start_clock.replace(':', '')}@{host}",
            start=_moment(day, start_clock),
            end=_end(day, start_clock, end_clock),
            summary=localiser.text(offer.title),
            description=f"{localiser.text(offer.summary)}\n{offer_url}",
            url=offer_url,
            location=_address(actor, next(iter(offer.locations), None), localiser),
            stamp=stamp,
            rule=rule,
            exceptions=exceptions,
        )


def _text(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Content lines longer than 75 octets continue on lines that start with a space (RFC 5545 3.1).

    A fold never falls inside a character, nor between a backslash and the character it escapes: RFC 5545 allows
    the latter, but some calendar clients (Google Calendar among them) drop events whose escapes are split.
    """
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        return line
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    escaping = False  # the last character in current is a backslash that escapes the next one
    for character in line:
        width = 1 if character < "\x80" else len(character.encode("utf-8"))
        if size + width > limit:
            carried = [current.pop()] if escaping else []
            parts.append("".join(current))
            current, size, limit = carried, len(carried), 74
        current.append(character)
        size += width
        escaping = character == "\\" and not escaping
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _event_lines(event: CalendarEvent) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{event.stamp.astimezone(_UTC).strftime('%Y%m%dT%H%M%SZ')}"
    yield f"DTSTART;TZID=Europe/Berlin:{_local(event.start)}"
    yield f"DTEND;TZID=Europe/Berlin:{_local(event.end)}"
    if event.rule:
        yield f"RRULE:{event.rule}"
    if event.exceptions:
        yield "EXDATE;TZID=Europe/Berlin:" + ",".join(_local(moment) for moment in event.exceptions)
    yield f"SUMMARY:{_text(event.summary)}"
    yield f"DESCRIPTION:{_text(event.description)}"
    yield f"URL:{event.url}"
    if event.location:
        yield f"LOCATION:{_text(event.location)}"
    yield "END:VEVENT"


def calendar_of(events: Iterable[CalendarEvent], name: str, licence_note: str | None = None) -> bytes:
    events = list(events)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
        "X-WR-TIMEZONE:Europe/Berlin",
    ]
    if licence_note:
        lines.append(f"X-LICENCE:{licence_note.replace(chr(10), ' ')}")
    if events:
        lines.extend(_BERLIN_TIME_ZONE)
    for event in events:
        lines.extend(_event_lines(event))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


def offer_calendar(offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime) -> bytes:
    return calendar_of(session_events(offer, actor, localiser, offer_url, stamp), localiser.text(offer.title))
