"""schema.org JSON-LD of an offer, so that search engines and other portals understand the page.

Each offer is typed by what its data says it is, with the properties that type needs:

- Course: a learning category (German, school, training, university, adult education) with weekly times until a
  known end, or with several dated sessions. Its CourseInstance has a `courseSchedule` (weekly times: Schedule with
  repeatFrequency and repeatCount) or a `courseWorkload` (dated sessions: their total length), which Google's
  course rich result requires (developers.google.com/search/docs/appearance/structured-data/course-info).
- Event (EducationEvent for a learning category): dated sessions only, and not a course: a fair, an information
  evening. startDate and location are required by Google's event rich result; one subEvent per session.
- Service: everything else (advice, grants, open groups); weekly times become `hoursAvailable`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from catalogue.data.model import Actor, Offer, Session, Taxonomy
from catalogue.data.settings import TOWN_TIME_ZONE
from catalogue.language.reader_language import ReaderLanguage

_COURSE_CATEGORIES = {"german", "adult-education", "training-work", "university", "school"}
_DAY_URIS = {
    "mon": "https://schema.org/Monday",
    "tue": "https://schema.org/Tuesday",
    "wed": "https://schema.org/Wednesday",
    "thu": "https://schema.org/Thursday",
    "fri": "https://schema.org/Friday",
    "sat": "https://schema.org/Saturday",
    "sun": "https://schema.org/Sunday",
}
_COURSE_MODES = {"in_person": "Onsite", "online": "Online", "hybrid": "Blended"}
_ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}
_DEFAULT_SESSION = timedelta(hours=1)
# JSON inside <script> must not close the element or open a comment: <, > and & are written as \u escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def schema_type(offer: Offer) -> str:
    """Course, Event, EducationEvent or Service (see the module's docstring)."""
    schedule = offer.schedule
    learning = bool(_COURSE_CATEGORIES.intersection(offer.categories))
    if learning and ((schedule.weekly and offer.valid_until) or len(schedule.sessions) > 1):
        return "Course"
    if schedule.sessions and not schedule.weekly:
        return "EducationEvent" if learning else "Event"
    return "Service"


def script_json(document: Any) -> str:
    """JSON for a <script> element: compact, and with <, > and & escaped (the HTML standard's script data rules)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _place(actor: Actor, location_id: str, reader: ReaderLanguage) -> dict[str, Any]:
    place = actor.location(location_id)
    result: dict[str, Any] = {
        "@type": "Place",
        "name": reader.plain(place.name),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "postalCode": place.postcode,
            "addressLocality": place.city,
            "addressCountry": "DE",
        },
    }
    if place.latitude is not None and place.longitude is not None:
        result["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    return result


def _price(offer: Offer, url: str) -> dict[str, Any]:
    price = 0 if offer.costs.free else offer.costs.amount
    result: dict[str, Any] = {
        "@type": "Offer",
        "priceCurrency": "EUR",
        "category": "Free" if offer.costs.free else "Paid",
        "url": url,
        "availability": "https://schema.org/InStock",
    }
    if price is not None:
        result["price"] = price
    if offer.valid_from:
        result["validFrom"] = offer.valid_from.isoformat()
    return result


def _moment(day: date, clock: str) -> datetime:
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=TOWN_TIME_ZONE)


def _session_span(session: Session) -> tuple[datetime, datetime]:
    start = _moment(session.date, session.start)
    if session.end is None:
        return start, start + _DEFAULT_SESSION
    end = _moment(session.date, session.end)
    return start, end + timedelta(days=1) if end <= start else end


def _duration(length: timedelta) -> str:
    """An ISO 8601 duration: PT2H15M."""
    minutes = int(length.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _location(
    offer: Offer, actor: Actor, reader: ReaderLanguage, url: str, location_id: str | None = None
) -> dict[str, Any]:
    place_id = location_id or next(iter(offer.locations), None)
    if place_id is not None:
        return _place(actor, place_id, reader)
    return {"@type": "VirtualLocation", "url": offer.website or url}


def _weeks(first: date, last: date) -> int:
    return (last - first).days // 7 + 1


def _course_schedule(offer: Offer, first: date) -> dict[str, Any]:
    weekly = offer.schedule.weekly
    assert offer.valid_until is not None
    start = _moment(first, weekly[0].start)
    end = _moment(first, weekly[0].end)
    return {
        "@type": "Schedule",
        "repeatFrequency": "Weekly",
        "repeatCount": _weeks(first, offer.valid_until),
        "byDay": sorted({_DAY_URIS[slot.day] for slot in weekly}),
        "startTime": weekly[0].start,
        "endTime": weekly[0].end,
        "duration": _duration(end - start if end > start else end + timedelta(days=1) - start),
        "startDate": first.isoformat(),
        "endDate": offer.valid_until.isoformat(),
    }


def offer_jsonld(
    offer: Offer, actor: Actor, taxonomy: Taxonomy, reader: ReaderLanguage, url: str, today: date
) -> dict[str, Any]:
    """The JSON-LD document of one offer page; today is the publication day (a course's schedule starts there when
    the offer has no valid_from)."""
    provider: dict[str, Any] = {"@type": "Organization", "name": reader.plain(actor.name)}
    if actor.website:
        provider["url"] = actor.website
    contact = offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact
    if contact.phone:
        provider["telephone"] = contact.phone
    if contact.email:
        provider["email"] = contact.email
    kind = schema_type(offer)
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "name": reader.plain(offer.title),
        "description": reader.plain(offer.summary),
        "inLanguage": reader.code,
        "offers": _price(offer, url),
        "audience": {
            "@type": "PeopleAudience",
            "audienceType": ", ".join(reader.plain(taxonomy.target_group(group).label) for group in offer.target_groups)
            or None,
            "suggestedMinAge": offer.age_min,
            "suggestedMaxAge": offer.age_max,
        },
    }
    document["audience"] = {key: value for key, value in document["audience"].items() if value is not None}
    if offer.languages:
        document["availableLanguage"] = list(offer.languages)
    if kind == "Course":
        document["provider"] = provider
        document["hasCourseInstance"] = [_course_instance(offer, actor, reader, url, today)]
    elif kind.endswith("Event"):
        document["organizer"] = provider
        document.update(_event_times(offer, actor, reader, url))
    else:
        document["provider"] = provider
        document["areaServed"] = {"@type": "City", "name": reader.town}
        if offer.locations:
            place = _place(actor, offer.locations[0], reader)
            document["availableChannel"] = {"@type": "ServiceChannel", "serviceLocation": place}
        if offer.schedule.weekly:
            document["hoursAvailable"] = [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": _DAY_URIS[slot.day],
                    "opens": slot.start,
                    "closes": slot.end,
                }
                for slot in offer.schedule.weekly
            ]
    return document


def _course_instance(offer: Offer, actor: Actor, reader: ReaderLanguage, url: str, today: date) -> dict[str, Any]:
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": _COURSE_MODES[offer.mode],
        "location": _location(offer, actor, reader, url),
    }
    sessions = offer.schedule.sessions
    if offer.schedule.weekly and offer.valid_until:
        first = offer.valid_from or today
        instance["courseSchedule"] = _course_schedule(offer, first)
        instance["startDate"] = first.isoformat()
        instance["endDate"] = offer.valid_until.isoformat()
    else:
        spans = [_session_span(session) for session in sessions]
        instance["courseWorkload"] = _duration(sum((end - start for start, end in spans), timedelta()))
        instance["startDate"] = sessions[0].date.isoformat()
        instance["endDate"] = sessions[-1].date.isoformat()
    return instance


def _event_times(offer: Offer, actor: Actor, reader: ReaderLanguage, url: str) -> dict[str, Any]:
    sessions = offer.schedule.sessions
    spans = [_session_span(session) for session in sessions]
    result: dict[str, Any] = {
        "startDate": spans[0][0].isoformat(timespec="minutes"),
        "endDate": max(end for _, end in spans).isoformat(timespec="minutes"),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": _ATTENDANCE_MODES[offer.mode],
        "location": _location(offer, actor, reader, url, sessions[0].location),
    }
    if len(sessions) > 1:
        result["subEvent"] = [
            {
                "@type": "Event",
                "name": reader.plain(offer.title),
                "startDate": start.isoformat(timespec="minutes"),
                "endDate": end.isoformat(timespec="minutes"),
                "location": _location(offer, actor, reader, url, session.location),
            }
            for session, (start, end) in zip(sessions, spans, strict=True)
        ]
    return result
