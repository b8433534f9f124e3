"""iCalendar files (RFC 5545) of offers' dated sessions, for a reader's calendar and for open data.

Written directly rather than through the icalendar package: a catalogue of 1,000 offers in 8 languages needs
thousands of small calendars per build, and icalendar's serialiser took most of the build's time. The tests read
every file back with icalendar's parser.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from catalogue.data.model import Actor, Offer
from catalogue.language.localise import Localiser

TOWN_TIME_ZONE = ZoneInfo("Europe/Berlin")
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


def _moment(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=TOWN_TIME_ZONE)


def _address(actor: Actor, location_id: str | None, localiser: Localiser) -> str | None:
    if location_id is None:
        return None
    place = actor.location(location_id)
    return f"{localiser.text(place.name)}, {place.street}, {place.postcode} {place.city}"


def session_events(offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime) -> Iterator[CalendarEvent]:
    host = offer_url.split("/")[2]
    for index, session in enumerate(offer.schedule.sessions):
        start = _moment(session.date, session.start)
        yield CalendarEvent(
            uid=f"{offer.id}-{session.date.isoformat()}-{index}@{host}",
            start=start,
            end=_moment(session.date, session.end) if session.end else start + _DEFAULT_LENGTH,
            summary=localiser.text(offer.title),
            description=f"{localiser.text(offer.summary)}\n{offer_url}",
            url=offer_url,
            location=_address(actor, session.location or next(iter(offer.locations), None), localiser),
            stamp=stamp,
        )


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Content lines longer than 75 octets continue on lines that start with a space, never inside a character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts: list[str] = []
    current, size, limit = [], 0, 75
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(character)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _event_lines(event: CalendarEvent) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{event.stamp.astimezone(ZoneInfo('UTC')).strftime('%Y%m%dT%H%M%SZ')}"
    yield f"DTSTART;TZID=Europe/Berlin:{_local(event.start)}"
    yield f"DTEND;TZID=Europe/Berlin:{_local(event.end)}"
    yield f"SUMMARY:{_text(event.summary)}"
    yield f"DESCRIPTION:{_text(event.description)}"
    yield f"URL:{event.url}"
    if event.location:
        yield f"LOCATION:{_text(event.location)}"
    yield "END:VEVENT"


def calendar_of(events: Iterable[CalendarEvent], name: str, licence_note: str | None = None) -> bytes:
    events = list(events)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_text(name)}", "X-WR-TIMEZONE:Europe/Berlin"]
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
