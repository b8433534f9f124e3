"""The published offers as open data: one JSON document, one CSV table and one iCalendar of all dated sessions and
weekly times (the Excel workbook is in spreadsheet.py).

Every export holds only what the publication shows on its day; hidden offers stay out. The same publication,
settings and stamp give byte-identical files, so builds on different machines compare equal.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from catalogue.data.model import Actor, Contact, Location, Offer, Taxonomy, Term, Texts
from catalogue.data.settings import Settings
from catalogue.data.spreadsheet import spreadsheet_safe
from catalogue.language.localise import Localiser
from catalogue.publication.visibility import Publication

from .calendar_files import calendar_of, session_events

CSV_COLUMNS = (
    "id",
    "title",
    "summary",
    "actor_id",
    "actor_name",
    "categories",
    "target_groups",
    "eligible",
    "age_min",
    "age_max",
    "languages",
    "german_level",
    "mode",
    "free",
    "free_with",
    "amount_eur",
    "per",
    "districts",
    "postcodes",
    "addresses",
    "phone",
    "email",
    "registration_required",
    "registration_deadline",
    "valid_from",
    "valid_until",
    "last_verified",
    "url",
)
CSV_LIST_SEPARATOR = "; "

_PHONE_SEPARATORS = re.compile(r"[\s/]+")


def attribution(settings: Settings) -> str:
    return f"{settings.office}, {settings.town}"


def licence_note(settings: Settings) -> str:
    return f"{settings.licence} ({settings.licence_url}): {attribution(settings)}"


def offer_url(settings: Settings, language: str, offer_id: str) -> str:
    return f"{settings.site_url}{settings.url_prefix(language)}offers/{offer_id}/"


def _published_offers(publication: Publication) -> list[Offer]:
    return sorted(publication.offers, key=lambda offer: offer.id)


# --- JSON -------------------------------------------------------------------------------------------------------


def _texts(texts: Texts) -> dict[str, str]:
    return dict(texts)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _contact(contact: Contact) -> dict[str, Any]:
    return {
        "phone": contact.phone,
        "email": contact.email,
        "role": _texts(contact.role),
        "hours": _texts(contact.hours),
    }


def _term(term: Term) -> dict[str, Any]:
    return {"id": term.id, "label": _texts(term.label)}


def _location(place: Location, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": _texts(place.name),
        "street": place.street,
        "postcode": place.postcode,
        "city": place.city,
        "district": _term(taxonomy.district(place.district)),
        "latitude": place.latitude,
        "longitude": place.longitude,
        "accessibility": _texts(place.accessibility),
    }


def offer_location_ids(offer: Offer) -> list[str]:
    """Every place an offer uses: its own locations first, then places that only its sessions name."""
    ids = list(offer.locations)
    for session in offer.schedule.sessions:
        if session.location is not None and session.location not in ids:
            ids.append(session.location)
    return ids


def _offer_document(offer: Offer, actor: Actor, taxonomy: Taxonomy, settings: Settings) -> dict[str, Any]:
    registration = offer.registration
    return {
        "id": offer.id,
        "url": {code: offer_url(settings, code, offer.id) for code in settings.language_codes},
        "status": offer.status,
        "title": _texts(offer.title),
        "summary": _texts(offer.summary),
        "description": _texts(offer.description),
        "actor": {"id": actor.id, "name": _texts(actor.name), "type": actor.type, "website": actor.website},
        "categories": list(offer.categories),
        "target_groups": list(offer.target_groups),
        "eligible": list(offer.eligible),
        "age_min": offer.age_min,
        "age_max": offer.age_max,
        "languages": list(offer.languages),
        "german_level": offer.german_level,
        "mode": offer.mode,
        "locations": [_location(actor.location(place_id), taxonomy) for place_id in offer_location_ids(offer)],
        "schedule": {
            "sessions": [
                {
                    "date": session.date.isoformat(),
                    "start": session.start,
                    "end": session.end,
                    "location": session.location,
                }
                for session in offer.schedule.sessions
            ],
            "weekly": [{"day": slot.day, "start": slot.start, "end": slot.end} for slot in offer.schedule.weekly],
            "exceptions": [day.isoformat() for day in offer.schedule.exceptions],
            "note": _texts(offer.schedule.note),
        },
        "costs": {
            "free": offer.costs.free,
            "amount": offer.costs.amount,
            "currency": "EUR",
            "per": offer.costs.per,
            "reductions": _texts(offer.costs.reductions),
            "free_with": list(offer.costs.free_with),
        },
        "registration": None
        if registration is None
        else {
            "required": registration.required,
            "how": _texts(registration.how),
            "deadline": _iso(registration.deadline),
            "url": registration.url,
        },
        "contact": _contact(offer.contact),
        "eligibility": _texts(offer.eligibility),
        "website": offer.website,
        "valid_from": _iso(offer.valid_from),
        "valid_until": _iso(offer.valid_until),
        "last_verified": {"date": offer.last_verified.date.isoformat(), "by": offer.last_verified.by},
    }


def offers_document(publication: Publication, settings: Settings) -> dict[str, Any]:
    catalogue = publication.catalogue
    taxonomy = catalogue.taxonomy
    return {
        "licence": {"id": settings.licence, "url": settings.licence_url, "attribution": attribution(settings)},
        "publisher": {"name": settings.office, "town": settings.town, "url": settings.site_url},
        "generated": publication.today.isoformat(),
        "languages": list(settings.language_codes),
        "default_language": settings.default_language,
        "taxonomy": {
            "categories": [_term(term) for term in taxonomy.categories],
            "target_groups": [_term(term) for term in taxonomy.target_groups],
            "districts": [_term(term) for term in taxonomy.districts],
            "entitlements": [_term(term) for term in taxonomy.entitlements],
            "eligibility": [_term(term) for term in taxonomy.eligibility],
        },
        "offers": [
            _offer_document(offer, catalogue.actors[offer.actor], taxonomy, settings)
            for offer in _published_offers(publication)
        ],
    }


def offers_json(publication: Publication, settings: Settings) -> bytes:
    """All published offers with every field in every language; compact, since texts make up most of its size."""
    document = offers_document(publication, settings)
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# --- CSV --------------------------------------------------------------------------------------------------------


def phone_cell(phone: str) -> str:
    """An international number as a tel: URI (RFC 3966): +49 6221 555-0100 -> tel:+49-6221-555-0100.

    It stays readable and dialable where a leading + would start a formula; a national number (0621 …) stays as it is.
    """
    return "tel:" + _PHONE_SEPARATORS.sub("-", phone.strip()) if phone.startswith("+") else phone


def csv_cells(row: Mapping[str, str]) -> dict[str, str]:
    """A row of offer_row() made safe for spreadsheets, every cell alike."""
    return {
        column: spreadsheet_safe(phone_cell(value) if column == "phone" else value) for column, value in row.items()
    }


def _joined(values: Iterable[str]) -> str:
    return CSV_LIST_SEPARATOR.join(dict.fromkeys(values))


def _number(value: int | float | None) -> str:
    return "" if value is None else repr(value)


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def _reachable_contact(offer: Offer, actor: Actor) -> Contact:
    return offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact


def _address(place: Location) -> str:
    return f"{place.street}, {place.postcode} {place.city}"


def offer_row(offer: Offer, actor: Actor, taxonomy: Taxonomy, settings: Settings) -> dict[str, str]:
    """One table row: texts in the default language, taxonomy terms by their default-language label, codes as codes.

    Values as they are; csv_cells() guards them for a CSV file."""
    localiser = Localiser(settings.default_language, settings.default_language)
    places = [actor.location(place_id) for place_id in offer_location_ids(offer)]
    contact = _reachable_contact(offer, actor)
    registration = offer.registration
    return {
        "id": offer.id,
        "title": localiser.text(offer.title),
        "summary": localiser.text(offer.summary),
        "actor_id": actor.id,
        "actor_name": localiser.text(actor.name),
        "categories": _joined([localiser.text(taxonomy.category(term).label) for term in offer.categories]),
        "target_groups": _joined([localiser.text(taxonomy.target_group(term).label) for term in offer.target_groups]),
        "eligible": _joined([localiser.text(taxonomy.eligibility_term(term).label) for term in offer.eligible]),
        "age_min": _number(offer.age_min),
        "age_max": _number(offer.age_max),
        "languages": _joined(list(offer.languages)),
        "german_level": offer.german_level or "",
        "mode": offer.mode,
        "free": _flag(offer.costs.free),
        "free_with": _joined(
            [localiser.text(taxonomy.entitlement(term_id).label) for term_id in offer.costs.free_with]
        ),
        "amount_eur": _number(offer.costs.amount),
        "per": offer.costs.per or "",
        "districts": _joined([localiser.text(taxonomy.district(place.district).label) for place in places]),
        "postcodes": _joined([place.postcode for place in places]),
        "addresses": _joined([_address(place) for place in places]),
        "phone": contact.phone or "",
        "email": contact.email or "",
        "registration_required": _flag(None if registration is None else registration.required),
        "registration_deadline": (_iso(registration.deadline) if registration else None) or "",
        "valid_from": _iso(offer.valid_from) or "",
        "valid_until": _iso(offer.valid_until) or "",
        "last_verified": offer.last_verified.date.isoformat(),
        "url": offer_url(settings, settings.default_language, offer.id),
    }


def offers_csv(publication: Publication, settings: Settings) -> bytes:
    """One row per published offer; UTF-8 with a byte order mark so that spreadsheets guess the encoding right."""
    catalogue = publication.catalogue
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    for offer in _published_offers(publication):
        writer.writerow(csv_cells(offer_row(offer, catalogue.actors[offer.actor], catalogue.taxonomy, settings)))
    return buffer.getvalue().encode("utf-8-sig")


# --- iCalendar --------------------------------------------------------------------------------------------------


def sessions_ics(publication: Publication, settings: Settings, *, stamp: datetime) -> bytes:
    """Every dated session and weekly time of every published offer, default-language texts, with the licence."""
    language = settings.default_language
    localiser = Localiser(language, language)
    actors: Mapping[str, Actor] = publication.catalogue.actors
    events = (
        event
        for offer in _published_offers(publication)
        for event in session_events(
            offer, actors[offer.actor], localiser, offer_url(settings, language, offer.id), stamp
        )
    )
    return calendar_of(events, settings.language(language).site_name, licence_note=licence_note(settings))
