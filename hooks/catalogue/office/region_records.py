"""One town's harvested HSDS 3.0 as the catalogue's own actor and offer documents, for a regional catalogue.

What maps back how (the reverse of catalogue.exports.hsds): organizations become actors and services offers, with ids
`<town>-<the town's own id>` (the id in the record's page address, else one made from the name and the HSDS id);
every place gets the town as its district, so the region's district filter is a filter by town; weekly schedules
(FREQ=WEEKLY with BYDAY) become weekly times, schedules with COUNT=1 dated sessions, an EXDATE in `notes` the
exception days; the catalogue's own codes (categories, target groups, mode, costs, German level, registration, actor
type) come from the records' attributes. Each offer's `website` is its page
in the town's catalogue, and its `last_verified.by` the source as the town's licence asks to be named. A text is taken in a language where the town's file in that language differs from its
default-language one (HSDS texts have no language; the town fills a missing one with the default-language text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .region_harvest import TownCopy

TEXT_MAX = 400
ID_MAX = 80
WEEKDAYS = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat", "SU": "sun"}
MODES = ("in_person", "online", "hybrid")
GERMAN_LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
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
    """Lower-case ASCII letters, digits and hyphens (German umlauts written out): 'Neustadt a. d. Weinstraße' ->
    'neustadt-a-d-weinstrasse'."""
    folded = text.lower()
    for letter, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(letter, written)
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return words[:limit].strip("-") or "x"


def record_slug(town_id: str, record: Mapping[str, Any], address_key: str) -> str:
    """`<town>-<id>`: the id in the record's page address (…/offers/<id>/), else the name's slug and the HSDS id's start."""
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
        if item.get("link_type") == taxonomy and isinstance(item.get("taxonomy_term"), dict) and item["taxonomy_term"].get("code")
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
                if day.strip() in WEEKDAYS:
                    weekly.append({"day": WEEKDAYS[day.strip()], "start": start, "end": end})
            for match in _EXDATE.finditer(str(schedule.get("notes") or "")):
                exceptions.update(f"{day[:4]}-{day[4:6]}-{day[6:8]}" for day in match.group(1).split(",") if len(day) == 8)
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
        found = {key: str(record[source])[:10] for key, source in (("valid_from", "valid_from"), ("valid_until", "valid_to")) if record.get(source)}
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


def town_records(copy: TownCopy, town_id: str, languages: Sequence[str], known: Mapping[str, frozenset[str]]) -> TownRecords:
    """The town's actors and offers as documents of the regional catalogue in its languages.

    known: taxonomy group ('categories', 'target_groups') -> the region's term ids; terms the region does not know are
    left out, and an offer left with no category is skipped (named in `skipped`)."""
    result = TownRecords(town_id)
    services = _Texts(copy, "services", languages)
    organizations = _Texts(copy, "organizations", languages)
    default = copy.default_language
    actor_ids: dict[str, str] = {}
    source = (str(copy.licence.get("attribution") or copy.town)[:120]).ljust(2, ".")
    # who checked an offer: the town's office as its licence asks to be named, so the offer page names the source
    actor_places: dict[str, dict[str, dict[str, Any]]] = {}
    for organization in copy.organizations.get(default, []):
        hsds_id = str(organization["id"])
        actor_id = actor_ids[hsds_id] = record_slug(town_id, organization, "uri")
        types = [code for code in _codes(organization, "actor_types")]
        contact = {
            **({"phone": organization["phones"][0]["number"]} if organization.get("phones") else {}),
            **({"email": organization["email"]} if organization.get("email") else {}),
        }
        name = organizations.texts(hsds_id, lambda record: _short(str(record.get("name") or "")))
        actor_places[actor_id] = {}
        result.actors.append({
            "id": actor_id,
            "name": name,
            "type": types[0] if types else DEFAULT_ACTOR_TYPE,
            "description": organizations.texts(hsds_id, lambda record: str(record.get("description") or "").strip()) or name,
            **({"website": organization["website"]} if organization.get("website") else {}),
            "contact": contact,
        })
    actors_by_id = {actor["id"]: actor for actor in result.actors}
    for service in copy.services.get(default, []):
        hsds_id = str(service["id"])
        actor_id = actor_ids.get(str(service.get("organization_id") or (service.get("organization") or {}).get("id")))
        offer_id = record_slug(town_id, service, "url")
        categories = [code for code in _codes(service, "categories") if code in known.get("categories", frozenset())]
        if actor_id is None or not categories:
            result.skipped.append((f"{service.get('name')} ({service.get('url') or hsds_id})", "no organization" if actor_id is None else "no category the region knows"))
            continue
        summary = services.texts(hsds_id, lambda record: _short(_paragraphs(str(record.get("description") or ""))[0]))
        body = services.texts(hsds_id, lambda record: _paragraphs(str(record.get("description") or ""))[1])
        title = services.texts(hsds_id, lambda record: _short(str(record.get("name") or "")))
        schedule, notes = _schedule(service)
        place_ids = []
        for link in service.get("service_at_locations") or []:
            place = link.get("location") or {}
            address = (place.get("addresses") or [{}])[0]
            if not re.fullmatch(r"\d{5}", str(address.get("postal_code") or "")) or not address.get("address_1"):
                notes.append(f"place without a German address ({place.get('name')})")
                continue
            place_id = slug(str(place.get("name") or address["address_1"]), 30) + "-" + str(place["id"])[:8]
            place_ids.append(place_id)
            actor_places[actor_id].setdefault(place_id, {
                "id": place_id,
                "name": {default: _short(str(place.get("name") or address["address_1"]))},
                "street": str(address["address_1"]),
                "postcode": str(address["postal_code"]),
                "city": str(address.get("city") or copy.town),
                "district": town_id,
                **{key: place[key] for key in ("latitude", "longitude") if isinstance(place.get(key), (int, float))},
            })
            for session in schedule.get("sessions", []):
                if session.get("location") == link.get("location_id"):
                    session["location"] = place_id
        for session in schedule.get("sessions", []):
            if session.get("location") not in place_ids:
                session.pop("location", None)
        modes = [code for code in _codes(service, "mode") if code in MODES]
        levels = [code for code in _codes(service, "german_level") if code in GERMAN_LEVELS]
        registration = _codes(service, "registration")
        how = services.texts(hsds_id, lambda record: _short(str(record.get("application_process") or "")))
        contact = {
            **({"phone": service["phones"][0]["number"]} if service.get("phones") else {}),
            **({"email": service["email"]} if service.get("email") else {}),
        }
        offer: dict[str, Any] = {
            "id": offer_id,
            "actor": actor_id,
            "status": "paused" if service.get("status") == "temporarily closed" else "active",
            "categories": categories,
            "title": title,
            "summary": summary or title,
            "description": body or summary or title,
            "target_groups": [code for code in _codes(service, "target_groups") if code in known.get("target_groups", frozenset())],
            **{key: int(service[source]) for key, source in (("age_min", "minimum_age"), ("age_max", "maximum_age")) if isinstance(service.get(source), (int, float))},
            "languages": [str(language["code"]) for language in service.get("languages") or [] if language.get("code")],
            **({"german_level": levels[0]} if levels else {}),
            "mode": modes[0] if modes else ("in_person" if place_ids else "online"),
            "locations": place_ids,
            "schedule": schedule,
            "costs": _costs(service),
            **({"registration": {"required": registration[0] == "required", **({"how": how} if how else {})}} if registration else {}),
            "contact": contact,
            **({"eligibility": eligibility} if (eligibility := services.texts(hsds_id, lambda record: _short(str(record.get("eligibility_description") or "")))) else {}),
            **({"website": service["url"]} if str(service.get("url") or "").startswith(("https://", "http://")) else {}),
            **_validity(service),
            "last_verified": {"date": str(service.get("assured_date") or copy.harvested.isoformat())[:10], "by": source},
        }
        reductions = services.texts(hsds_id, lambda record: _short(str(record.get("fees_description") or "")))
        if reductions:
            offer["costs"]["reductions"] = reductions
        result.offers.append({key: value for key, value in offer.items() if value not in ([], {}, None)})
        result.left_out.extend((offer_id, "schedule" if note.startswith("schedule") else "locations", note) for note in notes)
    for actor_id, places in actor_places.items():
        if places:
            actors_by_id[actor_id]["locations"] = list(places.values())
    return result

