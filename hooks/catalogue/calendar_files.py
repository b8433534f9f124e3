"""iCalendar files (RFC 5545) of offers' dated sessions, for a reader's calendar and for open data."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from .model import Actor, Offer
from .localise import Localiser

TOWN_TIME_ZONE = ZoneInfo("Europe/Berlin")
_DEFAULT_LENGTH = timedelta(hours=1)
_PRODUCT_ID = "-//Bildungskatalog für Neuzugewanderte//Offer calendar//DE"


def offer_has_dates(offer: Offer) -> bool:
    return bool(offer.schedule.sessions)


def _moment(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=TOWN_TIME_ZONE)


def _address(actor: Actor, location_id: str | None, localiser: Localiser) -> str | None:
    if location_id is None:
        return None
    place = actor.location(location_id)
    return f"{localiser.text(place.name)}, {place.street}, {place.postcode} {place.city}"


def session_events(offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime) -> Iterable[Event]:
    for index, session in enumerate(offer.schedule.sessions):
        event = Event()
        start = _moment(session.date, session.start)
        end = _moment(session.date, session.end) if session.end else start + _DEFAULT_LENGTH
        event.add("uid", f"{offer.id}-{session.date.isoformat()}-{index}@{offer_url.split('/')[2]}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", localiser.text(offer.title))
        event.add("description", f"{localiser.text(offer.summary)}\n{offer_url}")
        event.add("url", offer_url)
        event.add("organizer", vText(localiser.text(actor.name)))
        location = _address(actor, session.location or next(iter(offer.locations), None), localiser)
        if location:
            event.add("location", location)
        yield event


def calendar_of(events: Iterable[Event], name: str, licence_note: str | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", _PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    if licence_note:
        calendar.add("x-licence", licence_note)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def offer_calendar(offer: Offer, actor: Actor, localiser: Localiser, offer_url: str, stamp: datetime) -> bytes:
    return calendar_of(session_events(offer, actor, localiser, offer_url, stamp), localiser.text(offer.title))
