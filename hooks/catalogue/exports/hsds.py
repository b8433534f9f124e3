"""The published catalogue in the Open Referral Human Services Data Specification (HSDS) 3.0, for directories that
read HSDS: actors are organizations, offers are services, their places are locations linked to services by
service_at_location, weekly times and dated sessions are schedules in the RFC 5545 recurrence fields.

HSDS has no packaging format for many records in one file (HSDS 3.0, "Serialization": the API's `Page` is not part of
the data model); a bulk file here is a JSON array of fully dereferenced records, the shape of the specification's
compiled `service_package.json` and `organization_package.json`. HSDS texts have no language, so each reader language
gets its own pair of files with the same ids: a text in that language where the record has it, else the default
language's text (never a third language, so that a text equal to the default-language one reads as untranslated;
nor an unchecked machine draft, which HSDS could not mark as one).
`index.json` names the files, the HSDS version and the licence. A record nested in another leaves out the ids that
point back to it (service_id, location_id …), as the specification's own examples do.

Ids are UUIDs (HSDS 3.0, "Identifiers"), version 5 from the site URL, the kind of record and the record's own id, so
they stay the same from build to build and differ between towns. Times are local time in the town (Europe/Berlin);
a dated session's times carry their UTC offset, which is exact for that day.
"""

from __future__ import annotations

import html
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, Protocol

from catalogue.data.model import Actor, Contact, Location, Offer, Schedule, Taxonomy, Term, Texts
from catalogue.data.schema_enums import RRULE_WEEKDAYS, WEEKDAYS
from catalogue.data.settings import TOWN_TIME_ZONE, Settings
from catalogue.publication.visibility import Publication

from .open_data import attribution, offer_location_ids, offer_url

HSDS_VERSION = "3.0"
HSDS_FOLDER = "hsds"
INDEX_FILE = "index.json"
SERVICES_FILE = "services.json"
ORGANIZATIONS_FILE = "organizations.json"

_STATUS = {"active": "active", "paused": "temporarily closed", "ended": "inactive"}

# Amtlicher Regionalschlüssel: its first two digits name the Land (Statistisches Bundesamt, Gemeindeverzeichnis).
LAND_OF_KEY = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}


class Words(Protocol):
    """The interface words of one language (catalogue.language.reader_language.ReaderLanguage)."""

    code: str

    def t(self, key: str, **values: object) -> str: ...

    def language_name(self, code: str) -> str: ...


def record_id(settings: Settings, kind: str, *parts: str) -> str:
    """A record's HSDS id: a UUID version 5 (RFC 4122) in the URL namespace of `<site_url>#hsds/<kind>/<parts…>`.

    The same site, kind and parts give the same UUID on every build; another town's site URL gives another."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.site_url}#hsds/{kind}/" + "/".join(parts)))


def state_province(settings: Settings) -> str:
    """The Land of the town from the first two digits of its Regionalschlüssel (`extra.catalogue.geocoding.key`),
    '' where none is set."""
    return LAND_OF_KEY.get(settings.geocoding_key[:2], "")


def _compact(document: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that have a value: HSDS leaves out what a publisher does not know."""
    return {key: value for key, value in document.items() if value not in (None, "", [], {})}


class _Writer:
    """The HSDS records of one publication in one language."""

    def __init__(
        self, publication: Publication, settings: Settings, words: Words, ids: dict[tuple[str, ...], str] | None = None
    ) -> None:
        self.publication = publication
        self.ids = {} if ids is None else ids
        """Ids already made, shared by the writers of one export: every language's file has the same ids."""
        self.settings = settings
        self.words = words
        self.language = words.code
        self.default = settings.default_language
        self.taxonomy: Taxonomy = publication.catalogue.taxonomy

    def id(self, kind: str, *parts: str) -> str:
        key = (kind, *parts)
        made = self.ids.get(key)
        if made is None:
            made = self.ids[key] = record_id(self.settings, kind, *parts)
        return made

    def text(self, texts: Texts, drafts: tuple[str, ...] = ()) -> str:
        """The text in this file's language, else in the default language; a machine-translated draft nobody has
        checked (the record's `machine_translated`) counts as missing, since HSDS cannot mark it as such."""
        own = texts.get(self.language) if self.language not in drafts else None
        return own or texts.get(self.default) or ""

    def label(self, key: str) -> str:
        return html.unescape(str(self.words.t(key)))

    # --- taxonomy -------------------------------------------------------------------------------------------

    def attributes(self, owner_kind: str, owner: str, taxonomy: str, terms: Iterable[Term]) -> list[dict[str, Any]]:
        return [
            {
                "id": self.id("attribute", owner_kind, owner, taxonomy, term.id),
                "link_type": taxonomy,
                "link_entity": owner_kind,
                "taxonomy_term": _compact(
                    {
                        "id": self.id("taxonomy_term", taxonomy, term.id),
                        "code": term.id,
                        "name": self.text(term.label),
                        "description": self.text(term.description) or self.text(term.label),
                        "taxonomy": taxonomy,
                        "language": self.language if self.language in term.label else self.default,
                    }
                ),
            }
            for term in terms
        ]

    def codes(self, owner_kind: str, owner: str, taxonomy: str, codes: Iterable[str]) -> list[dict[str, Any]]:
        """Attributes whose terms are the catalogue's own codes (mode, costs, German level, registration, actor type),
        so that a reader of the HSDS (the regional catalogue, `catalogue region`) gets the record back as it was."""
        return self.attributes(
            owner_kind, owner, taxonomy, [Term(id=code, label={self.language: code}) for code in codes]
        )

    # --- organizations and locations ------------------------------------------------------------------------

    def phones(self, kind: str, owner: str, contact: Contact, drafts: tuple[str, ...]) -> list[dict[str, Any]]:
        if not contact.phone:
            return []
        return [
            _compact(
                {
                    "id": self.id("phone", kind, owner),
                    "number": contact.phone,
                    "type": "voice",
                    "description": self.text(contact.hours, drafts),
                }
            )
        ]

    def location(self, actor: Actor, place: Location) -> dict[str, Any]:
        return _compact(
            {
                "id": self.id("location", actor.id, place.id),
                "location_type": "physical",
                "name": self.text(place.name, actor.translation.machine),
                "latitude": place.latitude,
                "longitude": place.longitude,
                "addresses": [
                    {
                        "id": self.id("address", actor.id, place.id),
                        "address_1": place.street,
                        "city": place.city,
                        "state_province": state_province(self.settings),
                        "postal_code": place.postcode,
                        "country": "DE",
                        "address_type": "physical",
                    }
                ],
                "accessibility": [
                    {
                        "id": self.id("accessibility", actor.id, place.id),
                        "description": self.text(place.accessibility, actor.translation.machine),
                    }
                ]
                if place.accessibility
                else [],
                "attributes": self.attributes(
                    "location", f"{actor.id}/{place.id}", "districts", [self.taxonomy.district(place.district)]
                ),
            }
        )

    def organization(self, actor: Actor, *, with_locations: bool) -> dict[str, Any]:
        return _compact(
            {
                "id": self.id("organization", actor.id),
                "name": self.text(actor.name, actor.translation.machine),
                "description": self.text(actor.description, actor.translation.machine),
                "email": actor.contact.email,
                "website": actor.website,
                "uri": f"{self.settings.site_url}{self.settings.url_prefix(self.language)}actors/{actor.id}/",
                "phones": self.phones("organization", actor.id, actor.contact, actor.translation.machine),
                "locations": [self.location(actor, place) for place in actor.locations] if with_locations else [],
                "attributes": self.codes("organization", actor.id, "actor_types", [actor.type]),
            }
        )

    # --- services -------------------------------------------------------------------------------------------

    def schedules(self, offer: Offer, schedule: Schedule) -> list[dict[str, Any]]:
        """The weekly times as one recurring schedule per pair of opening and closing times (FREQ=WEEKLY, BYDAY),
        with the holidays as an RFC 5545 EXDATE in `notes`; the dated sessions without a place of their own."""
        groups: dict[tuple[str, str], list[str]] = {}
        for slot in schedule.weekly:
            groups.setdefault((slot.start, slot.end), []).append(slot.day)
        exceptions = ",".join(day.strftime("%Y%m%d") for day in schedule.exceptions)
        weekly = [
            _compact(
                {
                    "id": self.id("schedule", offer.id, "weekly", start, end),
                    "valid_from": _iso(offer.valid_from),
                    "valid_to": _iso(offer.valid_until),
                    "dtstart": _iso(offer.valid_from),
                    "until": _iso(offer.valid_until),
                    "wkst": "MO",
                    "freq": "WEEKLY",
                    "interval": 1,
                    "byday": ",".join(RRULE_WEEKDAYS[day] for day in sorted(set(days), key=WEEKDAYS.index)),
                    "opens_at": start,
                    "closes_at": end,
                    "description": self.text(schedule.note, offer.translation.machine),
                    "notes": f"EXDATE;VALUE=DATE:{exceptions}" if exceptions else "",
                }
            )
            for (start, end), days in groups.items()
        ]
        return weekly + self.sessions(offer, None)

    def sessions(self, offer: Offer, location: str | None) -> list[dict[str, Any]]:
        """Each dated session at this place (None: without a place of its own) as a schedule with one occurrence."""
        return [
            _compact(
                {
                    "id": self.id("schedule", offer.id, "session", str(index)),
                    "valid_from": session.date.isoformat(),
                    "valid_to": session.date.isoformat(),
                    "dtstart": session.date.isoformat(),
                    "count": 1,
                    "freq": "WEEKLY",
                    "byday": RRULE_WEEKDAYS[WEEKDAYS[session.date.weekday()]],
                    "opens_at": _with_offset(session.date, session.start),
                    "closes_at": _with_offset(session.date, session.end) if session.end else None,
                }
            )
            for index, session in enumerate(offer.schedule.sessions)
            if session.location == location
        ]

    def service_at_locations(self, offer: Offer, actor: Actor) -> list[dict[str, Any]]:
        records = []
        for place_id in offer_location_ids(offer):
            location = self.location(actor, actor.location(place_id))
            records.append(
                _compact(
                    {
                        "id": self.id("service_at_location", offer.id, place_id),
                        "location_id": location["id"],
                        "schedules": self.sessions(offer, place_id),
                        "location": location,
                    }
                )
            )
        return records

    def cost_options(self, offer: Offer) -> list[dict[str, Any]]:
        """Free for everyone: one option of 0 EUR; else the price and what it is paid for; then one option of 0 EUR
        per entitlement with which the offer costs nothing."""
        costs = offer.costs
        common = {"valid_from": _iso(offer.valid_from), "valid_to": _iso(offer.valid_until), "currency": "EUR"}
        options: list[dict[str, Any]] = []
        if costs.free:
            options.append(
                {
                    "id": self.id("cost_option", offer.id, "free"),
                    **common,
                    "option": self.label("offer.free"),
                    "amount": 0,
                }
            )
        elif costs.amount is not None:
            options.append(
                {
                    "id": self.id("cost_option", offer.id, "price"),
                    **common,
                    "amount": costs.amount,
                    "amount_description": self.label(f"per.{costs.per}") if costs.per else None,
                }
            )
        for term_id in costs.free_with:
            options.append(
                {
                    "id": self.id("cost_option", offer.id, "free_with", term_id),
                    **common,
                    "option": self.text(self.taxonomy.entitlement(term_id).label),
                    "amount": 0,
                }
            )
        return [_compact(option) for option in options]

    def service(self, offer: Offer) -> dict[str, Any]:
        actor = self.publication.catalogue.actors[offer.actor]
        registration = offer.registration
        contact = offer.contact
        drafts = offer.translation.machine
        return _compact(
            {
                "id": self.id("service", offer.id),
                "organization_id": self.id("organization", actor.id),
                "name": self.text(offer.title, drafts),
                "description": "\n\n".join(
                    text for text in (self.text(offer.summary, drafts), self.text(offer.description, drafts)) if text
                ),
                "url": offer_url(self.settings, self.language, offer.id),
                "email": contact.email,
                "status": _STATUS[offer.status],
                "application_process": None
                if registration is None
                else "\n\n".join(
                    text for text in (self.text(registration.how, drafts), registration.url or "") if text
                ),
                "fees_description": self.text(offer.costs.reductions, drafts),
                "eligibility_description": self.text(offer.eligibility, drafts),
                "minimum_age": offer.age_min,
                "maximum_age": offer.age_max,
                "assured_date": offer.last_verified.date.isoformat(),
                "phones": self.phones("service", offer.id, contact, drafts),
                "schedules": self.schedules(offer, offer.schedule),
                "service_at_locations": self.service_at_locations(offer, actor),
                "languages": [
                    {"id": self.id("language", offer.id, code), "name": self.words.language_name(code), "code": code}
                    for code in offer.languages
                ],
                "cost_options": self.cost_options(offer),
                "contacts": [
                    _compact(
                        {
                            "id": self.id("contact", "service", offer.id),
                            "title": self.text(contact.role, drafts),
                            "email": contact.email,
                        }
                    )
                ]
                if contact.role
                else [],
                "attributes": [
                    *self.attributes(
                        "service", offer.id, "categories", [self.taxonomy.category(term) for term in offer.categories]
                    ),
                    *self.attributes(
                        "service",
                        offer.id,
                        "target_groups",
                        [self.taxonomy.target_group(term) for term in offer.target_groups],
                    ),
                    *self.codes("service", offer.id, "mode", [offer.mode]),
                    *self.codes("service", offer.id, "costs", ["free" if offer.costs.free else "not_free"]),
                    *self.codes(
                        "service", offer.id, "german_level", [offer.german_level] if offer.german_level else []
                    ),
                    *self.codes(
                        "service",
                        offer.id,
                        "registration",
                        [] if registration is None else ["required" if registration.required else "not_required"],
                    ),
                ],
            }
        )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _with_offset(day: date, clock: str) -> str:
    """HH:MM with the town's UTC offset on that day, as HSDS asks for opens_at and closes_at: '18:00+01:00'."""
    hours, minutes = clock.split(":")
    moment = datetime.combine(day, time(int(hours), int(minutes)), tzinfo=TOWN_TIME_ZONE)
    return moment.isoformat(timespec="minutes")[-11:]


def hsds_services(
    publication: Publication, settings: Settings, words: Words, ids: dict[tuple[str, ...], str] | None = None
) -> list[dict[str, Any]]:
    """Every published offer as an HSDS 3.0 service in words.code's language, sorted by the offer's id; each embeds
    its locations, schedules, languages, cost options, phones and contacts, and names its organization by
    `organization_id` (the organizations, in their own file, would otherwise be repeated with each of their offers)."""
    writer = _Writer(publication, settings, words, ids)
    return [writer.service(offer) for offer in sorted(publication.offers, key=lambda offer: offer.id)]


def hsds_organizations(
    publication: Publication, settings: Settings, words: Words, ids: dict[tuple[str, ...], str] | None = None
) -> list[dict[str, Any]]:
    """Every actor with at least one published offer as an HSDS 3.0 organization with its locations, sorted by id."""
    writer = _Writer(publication, settings, words, ids)
    actors = publication.catalogue.actors
    shown = sorted({offer.actor for offer in publication.offers})
    return [writer.organization(actors[actor_id], with_locations=True) for actor_id in shown]


def _json(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def hsds_index(settings: Settings, today: date) -> dict[str, Any]:
    """The files of the HSDS export, per language, relative to the index; with the version and the licence."""
    return {
        "hsds_version": HSDS_VERSION,
        "publisher": {
            "name": settings.office,
            "town": settings.town,
            "town_names": dict(settings.town_names),
            "url": settings.site_url,
        },
        "licence": {"id": settings.licence, "url": settings.licence_url, "attribution": attribution(settings)},
        "generated": today.isoformat(),
        "default_language": settings.default_language,
        "languages": {
            code: {"services": f"{code}/{SERVICES_FILE}", "organizations": f"{code}/{ORGANIZATIONS_FILE}"}
            for code in settings.language_codes
        },
    }


def hsds_files(publication: Publication, settings: Settings, words: Sequence[Words]) -> dict[str, bytes]:
    """The HSDS export as files below data/hsds/: index.json and <language>/services.json, organizations.json.

    The same publication and settings give byte-identical files."""
    return dict(hsds_file_stream(publication, settings, words))


def hsds_file_stream(
    publication: Publication, settings: Settings, words: Sequence[Words]
) -> Iterator[tuple[str, bytes]]:
    """`hsds_files` one file after the other, (name below data/hsds/, content), so that a build at 10,000 offers
    never holds every language's services at once (about 55 MB each at 10,000 offers, 628 MB in all)."""
    yield INDEX_FILE, _json(hsds_index(settings, publication.today))
    ids: dict[tuple[str, ...], str] = {}
    for language_words in words:
        code = language_words.code
        yield f"{code}/{SERVICES_FILE}", _json(hsds_services(publication, settings, language_words, ids))
        yield f"{code}/{ORGANIZATIONS_FILE}", _json(hsds_organizations(publication, settings, language_words, ids))
