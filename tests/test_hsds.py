"""The Open Referral HSDS 3.0 export, validated against the specification's own JSON Schemas (tests/fixtures/hsds-3.0)
and read back: schedules through dateutil's RFC 5545 recurrence parser, exceptions through icalendar's."""
from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from catalogue.build.rendering import RenderJob
from catalogue.checks.loading import load_catalogue
from catalogue.data.model import Offer
from catalogue.data.settings import TOWN_TIME_ZONE
from catalogue.exports.hsds import hsds_files, hsds_organizations, hsds_services, record_id
from catalogue.exports.open_data import offer_location_ids
from catalogue.language.formatting import WEEKDAYS
from dateutil.rrule import rrulestr
from icalendar import Event
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.test_open_data import HIDDEN_IDS, PUBLICATION, PUBLISHED_IDS, SETTINGS, TODAY

SCHEMAS = Path(__file__).resolve().parent / "fixtures" / "hsds-3.0"
BASE = "https://hsds.schemas.invalid/"
LOADED = load_catalogue(SETTINGS, today=TODAY)
JOB = RenderJob(PUBLICATION, SETTINGS, LOADED.labels)
LANGUAGES = list(SETTINGS.language_codes)
DEFAULT = SETTINGS.default_language


def _closed(node: Any) -> Any:
    """The schema with `additionalProperties: false` on every object, as the specification's own CI validates its
    examples (compiletojsonschema --set-additional-properties-false-everywhere): a misspelt field fails."""
    if isinstance(node, dict):
        closed = {key: _closed(value) for key, value in node.items()}
        if "properties" in node:
            closed["additionalProperties"] = False
        return closed
    if isinstance(node, list):
        return [_closed(item) for item in node]
    return node


def _validator(name: str) -> Draft202012Validator:
    resources = [
        (BASE + path.name, Resource.from_contents(_closed(json.loads(path.read_text(encoding="utf-8"))), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    registry: Registry = Registry().with_resources(resources)
    return Draft202012Validator({"type": "array", "items": {"$ref": BASE + name}}, registry=registry, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def services() -> dict[str, list[dict[str, Any]]]:
    return {code: hsds_services(PUBLICATION, SETTINGS, JOB.reader(code)) for code in LANGUAGES}


@pytest.fixture(scope="module")
def organizations() -> dict[str, list[dict[str, Any]]]:
    return {code: hsds_organizations(PUBLICATION, SETTINGS, JOB.reader(code)) for code in LANGUAGES}


def service_of(services: list[dict[str, Any]], offer_id: str) -> dict[str, Any]:
    return next(service for service in services if service["id"] == record_id(SETTINGS, "service", offer_id))


def _errors(validator: Draft202012Validator, records: list[dict[str, Any]]) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(records)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_service_validates_against_the_hsds_3_schemas(services: dict[str, list[dict[str, Any]]], language: str) -> None:
    assert _errors(_validator("service.json"), services[language]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_organization_validates_against_the_hsds_3_schemas(organizations: dict[str, list[dict[str, Any]]], language: str) -> None:
    assert _errors(_validator("organization.json"), organizations[language]) == []


def test_the_specifications_own_example_passes_the_validator() -> None:
    example = json.loads((SCHEMAS / "examples" / "service_full.json").read_text(encoding="utf-8"))
    assert _errors(_validator("service.json"), [example]) == []


def test_the_validator_refuses_a_broken_service(services: dict[str, list[dict[str, Any]]]) -> None:
    broken = [dict(services[DEFAULT][0], status="open", id="offer-1", colour="blue")]
    messages = " ".join(_errors(_validator("service.json"), broken))
    assert "'open' is not one of" in messages and "is not a 'uuid'" in messages and "colour" in messages


def _ids(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" or key.endswith("_id"):
                yield value
            else:
                yield from _ids(value)
    elif isinstance(node, list):
        for item in node:
            yield from _ids(item)


def test_every_id_is_a_uuid_and_the_same_in_every_language(services: dict[str, list[dict[str, Any]]], organizations: dict[str, list[dict[str, Any]]]) -> None:
    default_ids = list(_ids([services[DEFAULT], organizations[DEFAULT]]))
    assert all(str(uuid.UUID(value)) == value for value in default_ids)
    for code in LANGUAGES:
        assert list(_ids([services[code], organizations[code]])) == default_ids


def test_ids_stay_the_same_from_build_to_build_and_differ_between_towns() -> None:
    again = hsds_services(PUBLICATION, SETTINGS, JOB.reader(DEFAULT))
    elsewhere = hsds_services(PUBLICATION, replace(SETTINGS, site_url="https://bildung.anderstadt.example.org/"), JOB.reader(DEFAULT))
    assert [service["id"] for service in again] == [record_id(SETTINGS, "service", offer_id) for offer_id in PUBLISHED_IDS]
    assert not set(_ids(again)) & set(_ids(elsewhere))
    assert uuid.UUID(again[0]["id"]).version == 5


def test_the_export_holds_exactly_the_published_offers_and_their_actors(services: dict[str, list[dict[str, Any]]], organizations: dict[str, list[dict[str, Any]]]) -> None:
    assert [service["url"] for service in services[DEFAULT]] == [f"{SETTINGS.site_url}offers/{offer_id}/" for offer_id in PUBLISHED_IDS]
    assert not {record_id(SETTINGS, "service", hidden) for hidden in HIDDEN_IDS} & {service["id"] for service in services[DEFAULT]}
    actors = sorted({offer.actor for offer in PUBLICATION.offers})
    assert [organization["id"] for organization in organizations[DEFAULT]] == [record_id(SETTINGS, "organization", actor) for actor in actors]
    known = {organization["id"] for organization in organizations[DEFAULT]}
    assert {service["organization_id"] for service in services[DEFAULT]} <= known


@pytest.mark.parametrize("offer_id", PUBLISHED_IDS)
def test_a_service_carries_the_offers_facts(services: dict[str, list[dict[str, Any]]], offer_id: str) -> None:
    offer = PUBLICATION.offer(offer_id)
    assert offer is not None
    service = service_of(services[DEFAULT], offer_id)
    assert service["name"] == offer.title[DEFAULT]
    assert service["assured_date"] == offer.last_verified.date.isoformat()
    assert service.get("eligibility_description") == (offer.eligibility.get(DEFAULT) or None)
    assert (service.get("minimum_age"), service.get("maximum_age")) == (offer.age_min, offer.age_max)
    assert [language["code"] for language in service.get("languages", [])] == list(offer.languages)
    assert service.get("phones", [{}])[0].get("number") == offer.contact.phone or not offer.contact.phone
    options = service.get("cost_options", [])
    if offer.costs.free:
        assert options[0]["amount"] == 0 and options[0]["currency"] == "EUR"
    elif offer.costs.amount is not None:
        assert options[0]["amount"] == offer.costs.amount
    assert len([option for option in options if option["amount"] == 0]) == int(offer.costs.free) + len(offer.costs.free_with)
    assert urlsplit(service["url"]).scheme == "https" and urlsplit(service["url"]).netloc
    places = [link["location"] for link in service.get("service_at_locations", [])]
    actor = PUBLICATION.catalogue.actors[offer.actor]
    expected = [actor.location(place_id) for place_id in offer_location_ids(offer)]
    assert [(place["addresses"][0]["address_1"], place["addresses"][0]["postal_code"]) for place in places] == [
        (place.street, place.postcode) for place in expected
    ]
    assert [place["attributes"][0]["taxonomy_term"]["code"] for place in places] == [place.district for place in expected]
    codes = {(item["link_type"], item["taxonomy_term"]["code"]) for item in service["attributes"]}
    assert {("mode", offer.mode), *(("categories", term) for term in offer.categories)} <= codes
    registration = offer.registration
    assert (registration is None) or ("registration", "required" if registration.required else "not_required") in codes


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_text_is_in_the_files_language_where_the_record_has_it_else_in_the_default_one(services: dict[str, list[dict[str, Any]]], language: str) -> None:
    for offer in PUBLICATION.offers:
        assert service_of(services[language], offer.id)["name"] == offer.title.get(language, offer.title[DEFAULT])


def test_a_machine_translated_draft_is_left_out_and_the_default_language_text_given() -> None:
    offer = PUBLICATION.offers[0]
    drafted = replace(offer, title={**offer.title, "en": "Machine draft"}, translation=replace(offer.translation, machine=("en",)))
    publication = replace(PUBLICATION, offers=(drafted, *PUBLICATION.offers[1:]))
    english = service_of(hsds_services(publication, SETTINGS, JOB.reader("en")), offer.id)
    assert english["name"] == offer.title[DEFAULT]
    undrafted = replace(publication, offers=(replace(drafted, translation=offer.translation), *PUBLICATION.offers[1:]))
    assert service_of(hsds_services(undrafted, SETTINGS, JOB.reader("en")), offer.id)["name"] == "Machine draft"


# --- schedules: RFC 5545 recurrence -----------------------------------------------------------------------------


def _rule(schedule: dict[str, Any]) -> str:
    """The RRULE the schedule's fields spell (HSDS 3.0 schedule: freq, interval, byday, wkst, count, until)."""
    parts = [f"FREQ={schedule['freq']}"]
    for field, name in (("interval", "INTERVAL"), ("count", "COUNT"), ("byday", "BYDAY"), ("wkst", "WKST")):
        if field in schedule:
            parts.append(f"{name}={schedule[field]}")
    if "until" in schedule:
        parts.append("UNTIL=" + schedule["until"].replace("-", "") + "T235959")
    return "RRULE:" + ";".join(parts)


def _starts(schedule: dict[str, Any], first: date, last: date) -> list[datetime]:
    clock = time.fromisoformat(schedule["opens_at"][:5])
    start = datetime.combine(date.fromisoformat(schedule.get("dtstart", first.isoformat())), clock)
    rule = rrulestr(_rule(schedule), dtstart=start)
    return rule.between(datetime.combine(first, time.min), datetime.combine(last, time.max), inc=True)


def _exceptions(schedule: dict[str, Any]) -> set[date]:
    if "notes" not in schedule:
        return set()
    event = Event.from_ical("BEGIN:VEVENT\r\n" + schedule["notes"] + "\r\nEND:VEVENT\r\n")
    lists = event.get("exdate")
    return {item.dt for entry in (lists if isinstance(lists, list) else [lists]) for item in entry.dts}


WEEKLY_OFFERS = [offer.id for offer in PUBLICATION.offers if offer.schedule.weekly]
SESSION_OFFERS = [offer.id for offer in PUBLICATION.offers if offer.schedule.sessions]


def _offer(offer_id: str) -> Offer:
    offer = PUBLICATION.offer(offer_id)
    assert offer is not None
    return offer


@pytest.mark.parametrize("offer_id", WEEKLY_OFFERS)
def test_weekly_times_recur_on_the_offers_days_in_an_rrule_without_its_holidays(services: dict[str, list[dict[str, Any]]], offer_id: str) -> None:
    offer = _offer(offer_id)
    service = service_of(services[DEFAULT], offer_id)
    first = max(offer.valid_from or TODAY, TODAY)
    last = min(offer.valid_until or first + timedelta(days=70), first + timedelta(days=70))
    expected = sorted(
        datetime.combine(first + timedelta(days=offset), time.fromisoformat(slot.start))
        for offset in range((last - first).days + 1)
        for slot in offer.schedule.weekly
        if WEEKDAYS[(first + timedelta(days=offset)).weekday()] == slot.day
    )
    weekly = [schedule for schedule in service["schedules"] if "count" not in schedule]
    found = sorted(start for schedule in weekly for start in _starts(schedule, first, last))
    assert found == expected
    assert all(_exceptions(schedule) == set(offer.schedule.exceptions) for schedule in weekly)
    assert all((schedule["opens_at"], schedule["closes_at"]) in {(slot.start, slot.end) for slot in offer.schedule.weekly} for schedule in weekly)


@pytest.mark.parametrize("offer_id", SESSION_OFFERS)
def test_each_dated_session_is_a_schedule_with_one_occurrence_at_its_place(services: dict[str, list[dict[str, Any]]], offer_id: str) -> None:
    offer = _offer(offer_id)
    service = service_of(services[DEFAULT], offer_id)
    schedules = [*service.get("schedules", []), *(s for link in service.get("service_at_locations", []) for s in link.get("schedules", []))]
    dated = [schedule for schedule in schedules if schedule.get("count") == 1]
    occurrences = sorted(start for schedule in dated for start in _starts(schedule, date(2000, 1, 1), date(2100, 1, 1)))
    assert occurrences == sorted(datetime.combine(session.date, time.fromisoformat(session.start)) for session in offer.schedule.sessions)
    for schedule in dated:
        moment = datetime.fromisoformat(f"{schedule['dtstart']}T{schedule['opens_at']}")
        assert moment.utcoffset() == moment.replace(tzinfo=TOWN_TIME_ZONE).utcoffset()


def test_the_files_name_each_other_and_are_byte_identical_for_the_same_input() -> None:
    readers = [JOB.reader(code) for code in LANGUAGES]
    files = hsds_files(PUBLICATION, SETTINGS, readers)
    assert files == hsds_files(PUBLICATION, SETTINGS, readers)
    index = json.loads(files["index.json"])
    assert index["hsds_version"] == "3.0" and index["default_language"] == DEFAULT
    assert index["licence"]["url"] == SETTINGS.licence_url
    named = {path for entry in index["languages"].values() for path in entry.values()}
    assert named == set(files) - {"index.json"}
    assert list(index["languages"]) == LANGUAGES
