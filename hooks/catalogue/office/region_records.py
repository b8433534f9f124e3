"""One town's harvested HSDS 3.0 as the catalogue's own actor and offer documents, for a regional catalogue.

What maps back how (the reverse of catalogue.exports.hsds): organizations become actors and services offers, with ids
`<town>-<the town's own id>` (the id in the record's page address, else one made from the name and the HSDS id);
every place gets the town as its district, so the region's district filter is a filter by town; weekly schedules
(FREQ=WEEKLY with BYDAY) become weekly times, schedules with COUNT=1 dated sessions, an EXDATE in `notes` the
exception days; the catalogue's own codes (categories, target groups, mode, costs, German level, registration, actor
type) come from the records' attributes. Each offer's `website` is its page
in the town's catalogue, and its `last_verified.by` the source as the town's licence asks to be named. A text is taken
in a language where the town's file in that language differs from its default-language one (HSDS texts have no language;
the town fills a missing one with the default-language text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from catalogue.data.schema_enums import GERMAN_LEVELS, MODES, RRULE_WEEKDAYS

from .region_harvest import TownCopy

TEXT_MAX = 400
ID_MAX = 80
_DAY_OF_RRULE_CODE = {code: day for day, code in RRULE_WEEKDAYS.items()}
DEFAULT_ACTOR_TYPE = "association"
_PAGE_ID = re.compile(r"/(offers|actors)/([a-z0-9]+(?:-[a-z0-9]+)*)/$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d")
_EXDATE = re.compile(r"EXDATE[^:]*:([0-9,]+)")


@dataclass
class TownRecords:
    """A town's actors and offers as documents, and what could not be taken over (for the harvest's report)."""

    town_id: str
    actors: list[dict[str, Any]] = field(default_factory=list)
    offers: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(record, why): records not taken over."""
    left_out: list[tuple[str, str, str]] = field(default_factory=list)
    """(record, field, why): values left out of a record that was taken over."""


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII letters, digits and hyphens (German umlauts written out): 'Bad Musterstadt a. d. Weinstraße' ->
    'bad-musterstadt-a-d-weinstrasse'."""
    folded = text.lower()
    for letter, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(letter, written)
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return words[:limit].strip("-") or "x"


def record_slug(town_id: str, record: Mapping[str, Any], address_key: str) -> str:
    """`<town>-<id>`: the id in the record's page address (…/offers/<id>/), else the name's slug and the HSDS id's
    start."""
    found = _PAGE_ID.search(str(record.get(address_key) or ""))
    own = found.group(2) if found else f"{slug(str(record.get('name') or ''))}-{str(record['id'])[:8]}"
    return f"{town_id}-{own}"[:ID_MAX].strip("-")


def _short(text: str) -> str:
    """A text that fits a plain-text field: whitespace joined, at most TEXT_MAX characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= TEXT_MAX:
        return text
    return text[: TEXT_MAX - 1].rsplit(" ", 1)[0] + "…"


def _codes(record: Mapping[str, Any], taxonomy: str) -> list[str]:
    return [
        str(item["taxonomy_term"]["code"])
        for item in record.get("attributes") or []
        if item.get("link_type") == taxonomy
        and isinstance(item.get("taxonomy_term"), dict)
        and item["taxonomy_term"].get("code")
    ]


class _Texts:
    """The same record in every language file of the town, by HSDS id."""

    def __init__(self, copy: TownCopy, kind: str, languages: Sequence[str]) -> None:
        default = copy.default_language
        source = copy.services if kind == "services" else copy.organizations
        self.default = default
        self.by_language = {
            code: {str(record["id"]): record for record in source.get(code, [])}
            for code in [default, *(code for code in languages if code != default)]
            if code in source
        }

    def texts(self, record_id: str, read: Any) -> dict[str, str]:
        """read(record) -> text or ''; the default language's text, and every other language's where it differs."""
        base = read(self.by_language[self.default][record_id])
        if not base:
            return {}
        found = {self.default: base}
        for code, records in self.by_language.items():
            other = records.get(record_id)
            text = read(other) if other is not None else ""
            if code != self.default and text and text != base:
                found[code] = text
        return found


def _paragraphs(text: str) -> tuple[str, str]:
    first, _, rest = text.strip().partition("\n\n")
    return first.strip(), rest.strip()


def _schedule(service: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    weekly: list[dict[str, str]] = []
    sessions: list[dict[str, str]] = []
    exceptions: set[str] = set()
    links = service.get("service_at_locations") or []
    placed = [(schedule, None) for schedule in service.get("schedules") or []]
    placed += [(schedule, link) for link in links for schedule in link.get("schedules") or []]
    notes: list[str] = []
    for schedule, link in placed:
        opens, closes = str(schedule.get("opens_at") or ""), str(schedule.get("closes_at") or "")
        if not _TIME.match(opens):
            notes.append(f"schedule without an opening time ({schedule.get('id')})")
            continue
        start, end = opens[:5], closes[:5] if _TIME.match(closes) else ""
        if schedule.get("count") == 1 and schedule.get("dtstart"):
            session = {"date": str(schedule["dtstart"])[:10], "start": start, **({"end": end} if end else {})}
            if link is not None:
                session["location"] = str(link.get("location_id"))
            sessions.append(session)
        elif schedule.get("freq") == "WEEKLY" and schedule.get("byday") and end:
            for day in str(schedule["byday"]).split(","):
                if day.strip() in _DAY_OF_RRULE_CODE:
                    weekly.append({"day": _DAY_OF_RRULE_CODE[day.strip()], "start": start, "end": end})
            for match in _EXDATE.finditer(str(schedule.get("notes") or "")):
                exceptions.update(
                    f"{day[:4]}-{day[4:6]}-{day[6:8]}" for day in match.group(1).split(",") if len(day) == 8
                )
        else:
            notes.append(f"schedule that is neither weekly nor one date ({schedule.get('id')})")
    result: dict[str, Any] = {}
    # A publisher may give one time both for the service and for the service at a place: each is kept once.
    if sessions:
        unique = {tuple(sorted(item.items())): item for item in sessions}
        result["sessions"] = sorted(unique.values(), key=lambda item: (item["date"], item["start"]))
    if weekly:
        result["weekly"] = list({tuple(item.values()): item for item in weekly}.values())
    if exceptions and weekly:
        result["exceptions"] = sorted(exceptions)
    return result, notes


def _validity(service: Mapping[str, Any]) -> dict[str, str]:
    for record in [*(service.get("schedules") or []), *(service.get("cost_options") or [])]:
        if "count" in record:
            continue
        found = {
            key: str(record[source])[:10]
            for key, source in (("valid_from", "valid_from"), ("valid_until", "valid_to"))
            if record.get(source)
        }
        if found:
            return found
    return {}


def _costs(service: Mapping[str, Any]) -> dict[str, Any]:
    """Free as the catalogue's `costs` code says; from another publisher, free when every cost option is 0."""
    options = [option for option in service.get("cost_options") or [] if isinstance(option.get("amount"), (int, float))]
    paid = [option for option in options if option["amount"] > 0]
    codes = _codes(service, "costs")
    costs: dict[str, Any] = {"free": "free" in codes if codes else bool(options) and not paid}
    if paid:
        costs["amount"] = paid[0]["amount"]
    return costs


def _contact(record: Mapping[str, Any]) -> dict[str, str]:
    phones = record.get("phones") or []
    return {
        **({"phone": str(phones[0].get("number"))} if phones and phones[0].get("number") else {}),
        **({"email": str(record["email"])} if record.get("email") else {}),
    }


class _TownReader:
    """Reads one town's copy into documents; collects what it cannot take over."""

    def __init__(
        self, copy: TownCopy, town_id: str, languages: Sequence[str], known: Mapping[str, frozenset[str]]
    ) -> None:
        self.copy = copy
        self.town_id = town_id
        self.known = known
        self.default = copy.default_language
        self.services = _Texts(copy, "services", languages)
        self.organizations = _Texts(copy, "organizations", languages)
        # Who checked an offer: the town's office as its licence asks to be named, so each offer page names its source.
        self.source = (str(copy.licence.get("attribution") or copy.town)[:120]).ljust(2, ".")
        self.result = TownRecords(town_id)
        self.actor_ids: dict[str, str] = {}
        self.places: dict[str, dict[str, dict[str, Any]]] = {}

    def actor(self, organization: Mapping[str, Any]) -> dict[str, Any]:
        hsds_id = str(organization["id"])
        actor_id = self.actor_ids[hsds_id] = record_slug(self.town_id, organization, "uri")
        self.places[actor_id] = {}
        types = _codes(organization, "actor_types")
        name = self.organizations.texts(hsds_id, lambda record: _short(str(record.get("name") or "")))
        return {
            "id": actor_id,
            "name": name,
            "type": types[0] if types else DEFAULT_ACTOR_TYPE,
            "description": self.organizations.texts(
                hsds_id, lambda record: str(record.get("description") or "").strip()
            )
            or name,
            **({"website": organization["website"]} if organization.get("website") else {}),
            "contact": _contact(organization),
        }

    def place_ids(
        self, service: Mapping[str, Any], actor_id: str, schedule: dict[str, Any], notes: list[str]
    ) -> list[str]:
        """The service's places as the actor's locations (the town as their district); sessions name them."""
        place_ids = []
        for link in service.get("service_at_locations") or []:
            place = link.get("location") or {}
            address = (place.get("addresses") or [{}])[0]
            if not re.fullmatch(r"\d{5}", str(address.get("postal_code") or "")) or not address.get("address_1"):
                notes.append(f"place without a German address ({place.get('name')})")
                continue
            place_id = slug(str(place.get("name") or address["address_1"]), 30) + "-" + str(place["id"])[:8]
            place_ids.append(place_id)
            self.places[actor_id].setdefault(
                place_id,
                {
                    "id": place_id,
                    "name": {self.default: _short(str(place.get("name") or address["address_1"]))},
                    "street": str(address["address_1"]),
                    "postcode": str(address["postal_code"]),
                    "city": str(address.get("city") or self.copy.town),
                    "district": self.town_id,
                    **{
                        key: place[key] for key in ("latitude", "longitude") if isinstance(place.get(key), (int, float))
                    },
                },
            )
            for session in schedule.get("sessions", []):
                if session.get("location") == link.get("location_id"):
                    session["location"] = place_id
        for session in schedule.get("sessions", []):
            if session.get("location") not in place_ids:
                session.pop("location", None)
        return place_ids

    def offer(self, service: Mapping[str, Any]) -> dict[str, Any] | None:
        hsds_id = str(service["id"])
        name = f"{service.get('name')} ({service.get('url') or hsds_id})"
        actor_id = self.actor_ids.get(
            str(service.get("organization_id") or (service.get("organization") or {}).get("id"))
        )
        categories = [
            code for code in _codes(service, "categories") if code in self.known.get("categories", frozenset())
        ]
        why = (
            "no organization"
            if actor_id is None
            else f"status {service.get('status')}"
            if service.get("status") in ("inactive", "defunct")
            else "no category the region knows"
            if not categories
            else ""
        )
        if actor_id is None or why:
            self.result.skipped.append((name, why))
            return None
        texts = self.services.texts
        offer_id = record_slug(self.town_id, service, "url")
        title = texts(hsds_id, lambda record: _short(str(record.get("name") or "")))
        summary = texts(hsds_id, lambda record: _short(_paragraphs(str(record.get("description") or ""))[0]))
        body = texts(hsds_id, lambda record: _paragraphs(str(record.get("description") or ""))[1])
        schedule, notes = _schedule(service)
        place_ids = self.place_ids(service, actor_id, schedule, notes)
        self.result.left_out.extend(
            (offer_id, "schedule" if note.startswith("schedule") else "locations", note) for note in notes
        )
        modes = [code for code in _codes(service, "mode") if code in MODES]
        levels = [code for code in _codes(service, "german_level") if code in GERMAN_LEVELS]
        registration = _codes(service, "registration")
        how = texts(hsds_id, lambda record: _short(str(record.get("application_process") or "")))
        eligibility = texts(hsds_id, lambda record: _short(str(record.get("eligibility_description") or "")))
        reductions = texts(hsds_id, lambda record: _short(str(record.get("fees_description") or "")))
        offer: dict[str, Any] = {
            "id": offer_id,
            "actor": actor_id,
            "status": "paused" if service.get("status") == "temporarily closed" else "active",
            "categories": categories,
            "title": title,
            "summary": summary or title,
            "description": body or summary or title,
            "target_groups": [
                code
                for code in _codes(service, "target_groups")
                if code in self.known.get("target_groups", frozenset())
            ],
            **{
                key: int(service[source])
                for key, source in (("age_min", "minimum_age"), ("age_max", "maximum_age"))
                if isinstance(service.get(source), (int, float))
            },
            "languages": [str(language["code"]) for language in service.get("languages") or [] if language.get("code")],
            **({"german_level": levels[0]} if levels else {}),
            "mode": modes[0] if modes else ("in_person" if place_ids else "online"),
            "locations": place_ids,
            "schedule": schedule,
            "costs": {**_costs(service), **({"reductions": reductions} if reductions else {})},
            **(
                {"registration": {"required": registration[0] == "required", **({"how": how} if how else {})}}
                if registration
                else {}
            ),
            "contact": _contact(service),
            "eligibility": eligibility,
            **(
                {"website": service["url"]} if str(service.get("url") or "").startswith(("https://", "http://")) else {}
            ),
            **_validity(service),
            "last_verified": {
                "date": str(service.get("assured_date") or self.copy.harvested.isoformat())[:10],
                "by": self.source,
            },
        }
        return {key: value for key, value in offer.items() if value not in ([], {}, None)}


def town_records(
    copy: TownCopy, town_id: str, languages: Sequence[str], known: Mapping[str, frozenset[str]]
) -> TownRecords:
    """The town's actors and offers as documents of the regional catalogue in its languages.

    known: taxonomy group ('categories', 'target_groups') -> the region's term ids; terms the region does not know are
    left out, and an offer left with no category, or no longer offered (HSDS status inactive or defunct), is skipped
    (named in `skipped`)."""
    reader = _TownReader(copy, town_id, languages, known)
    result = reader.result
    result.actors = [reader.actor(organization) for organization in copy.organizations.get(copy.default_language, [])]
    result.offers = [
        offer
        for service in copy.services.get(copy.default_language, [])
        if (offer := reader.offer(service)) is not None
    ]
    for actor in result.actors:
        if reader.places[actor["id"]]:
            actor["locations"] = list(reader.places[actor["id"]].values())
    return result
