"""The schema.org JSON-LD of every offer page, checked against the properties each type requires and recommends
(schema.org; Google's rich results for Course info and Event), and against what the data says."""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup
from catalogue.data.model import actor_from_document, offer_from_document
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.jsonld import offer_jsonld, schema_type, script_json

from .conftest import BuiltSite
from .sample_data import PUBLICATION, PUBLISHED, SETTINGS, prefix

# type -> (required, recommended); a path a.b means property b of a (of every item when a is a list).
RULES: dict[str, tuple[list[str], list[str]]] = {
    "Course": (
        ["name", "description", "provider.name", "offers.category", "hasCourseInstance.courseMode", "hasCourseInstance.location"],
        ["offers.price", "offers.priceCurrency", "inLanguage", "hasCourseInstance.startDate"],
    ),
    "Event": (
        ["name", "startDate", "location", "location.@type"],
        ["endDate", "eventStatus", "eventAttendanceMode", "description", "organizer.name", "offers.price", "offers.priceCurrency", "offers.url", "offers.availability"],
    ),
    "Service": (["name", "description", "provider.name"], ["areaServed", "offers.price", "offers.priceCurrency"]),
}
RULES["EducationEvent"] = RULES["Event"]
SCHEDULE_REQUIRED = ["repeatFrequency", "repeatCount"]
SCHEDULE_RECOMMENDED = ["duration", "startDate", "endDate", "byDay", "startTime", "endTime"]
ISO_DURATION = re.compile(r"PT(?:\d+H)?(?:\d+M)?")
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d")


def values_at(document: Any, path: str) -> list[Any]:
    found = [document]
    for part in path.split("."):
        found = [item for value in found for item in (value if isinstance(value, list) else [value])]
        found = [value[part] for value in found if isinstance(value, dict) and part in value]
    return found


def problems_of(document: dict[str, Any]) -> list[str]:
    kind = document["@type"]
    required, recommended = RULES[kind]
    problems = [f"{kind}: {path} missing" for path in required + recommended if not values_at(document, path) and not (path == "offers.price" and document["offers"]["category"] == "Paid")]
    if kind == "Course":
        for instance in document["hasCourseInstance"]:
            if "courseSchedule" not in instance and "courseWorkload" not in instance:
                problems.append("CourseInstance: neither courseSchedule nor courseWorkload")
            if "courseSchedule" in instance:
                schedule = instance["courseSchedule"]
                problems += [f"Schedule: {name} missing" for name in SCHEDULE_REQUIRED + SCHEDULE_RECOMMENDED if name not in schedule]
                if not isinstance(schedule.get("repeatCount"), int) or schedule["repeatCount"] < 1:
                    problems.append("Schedule: repeatCount not a positive number")
                if not ISO_DURATION.fullmatch(schedule.get("duration", "")):
                    problems.append("Schedule: duration not ISO 8601")
            if "courseWorkload" in instance and not ISO_DURATION.fullmatch(instance["courseWorkload"]):
                problems.append("CourseInstance: courseWorkload not ISO 8601")
    if kind.endswith("Event"):
        for name in ("startDate", "endDate"):
            if not ISO_MOMENT.fullmatch(document.get(name, "")):
                problems.append(f"{kind}: {name} without time zone")
    return problems


def page_documents(site: BuiltSite, offer_id: str, language: str) -> list[dict[str, Any]]:
    page = BeautifulSoup(site.page(f"{prefix(language)}offers/{offer_id}/index.html"), "html.parser")
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("language", ["de", "ar", "ti"])
def test_every_offer_page_has_json_ld_with_what_its_type_requires_and_recommends(sample_site: BuiltSite, language: str) -> None:
    problems = {}
    for offer in PUBLISHED:
        (document,) = page_documents(sample_site, offer.id, language)
        assert document["@context"] == "https://schema.org"
        assert document["@type"] == schema_type(offer)
        if found := problems_of(document):
            problems[offer.id] = found
    assert problems == {}


def test_no_course_without_a_schedule(sample_site: BuiltSite) -> None:
    assert "Course" in {schema_type(offer) for offer in PUBLISHED}
    for offer in PUBLISHED:
        if schema_type(offer) == "Course":
            assert offer.schedule.weekly or len(offer.schedule.sessions) > 1


# -- crafted offers -----------------------------------------------------------------------------------------------

READER = ReaderLanguage(SETTINGS, "de", labels={})
TAXONOMY = PUBLICATION.catalogue.taxonomy
TODAY = date(2026, 11, 26)
ACTOR = actor_from_document({
    "id": "vhs", "name": {"de": "VHS"}, "type": "adult_education", "description": {"de": "Kurse."}, "contact": {},
    "locations": [{"id": "haus", "name": {"de": "Haus"}, "street": "Markt 1", "postcode": "12345", "city": "Neustadt", "district": "mitte"}],
})


def crafted(categories: list[str], **fields: Any) -> Any:
    document = {
        "id": "x", "actor": "vhs", "status": "active", "categories": categories, "title": {"de": "Titel"},
        "summary": {"de": "Kurz."}, "description": {"de": "Lang."}, "mode": "in_person", "costs": {"free": True},
        "last_verified": {"date": "2026-10-01", "by": "VHS"}, "locations": ["haus"],
    }
    document.update(fields)
    return offer_from_document(document)


WEEKLY = {"weekly": [{"day": "mon", "start": "18:00", "end": "20:15"}, {"day": "thu", "start": "18:00", "end": "20:15"}]}
CASES = {
    "course with weekly times until an end": (crafted(["german"], valid_from="2027-01-04", valid_until="2027-03-29", schedule=WEEKLY), "Course"),
    "course with dated sessions": (crafted(["german"], schedule={"sessions": [{"date": "2027-01-04", "start": "09:00", "end": "12:00"}, {"date": "2027-01-05", "start": "20:00", "end": "01:00"}]}), "Course"),
    "job fair on one day": (crafted(["training-work"], schedule={"sessions": [{"date": "2027-03-06", "start": "10:00", "end": "16:00"}]}), "EducationEvent"),
    "online information evening": (crafted(["leisure"], mode="online", locations=[], schedule={"sessions": [{"date": "2027-03-06", "start": "19:00"}]}), "Event"),
    "grant without dates": (crafted(["university"], costs={"free": False, "amount": 0}), "Service"),
    "open weekly group": (crafted(["german"], schedule=WEEKLY), "Service"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_kind_of_offer_gets_its_type_with_what_the_type_needs(case: str) -> None:
    offer, expected = CASES[case]
    document = offer_jsonld(offer, ACTOR, TAXONOMY, READER, "https://example.org/offers/x/", TODAY)
    assert document["@type"] == expected
    assert problems_of(document) == []


def test_a_weekly_course_schedule_counts_its_weeks_and_a_session_course_its_hours() -> None:
    weekly = offer_jsonld(CASES["course with weekly times until an end"][0], ACTOR, TAXONOMY, READER, "https://example.org/", TODAY)
    schedule = weekly["hasCourseInstance"][0]["courseSchedule"]
    assert (schedule["repeatCount"], schedule["duration"], schedule["repeatFrequency"]) == (13, "PT2H15M", "Weekly")
    assert schedule["byDay"] == ["https://schema.org/Monday", "https://schema.org/Thursday"]
    dated = offer_jsonld(CASES["course with dated sessions"][0], ACTOR, TAXONOMY, READER, "https://example.org/", TODAY)
    assert dated["hasCourseInstance"][0]["courseWorkload"] == "PT8H"
    event = offer_jsonld(CASES["job fair on one day"][0], ACTOR, TAXONOMY, READER, "https://example.org/", TODAY)
    assert (event["startDate"], event["endDate"]) == ("2027-03-06T10:00+01:00", "2027-03-06T16:00+01:00")


def test_json_in_a_script_element_cannot_close_it() -> None:
    offer = crafted(["german"], title={"de": "Kurs </script><script>alert(1)</script> & <!-- mehr"})
    text = script_json(offer_jsonld(offer, ACTOR, TAXONOMY, READER, "https://example.org/", TODAY))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "Kurs </script><script>alert(1)</script> & <!-- mehr"
    parsed = BeautifulSoup(f'<script type="application/ld+json">{text}</script>', "html.parser")
    assert json.loads(parsed.find("script").string)["name"].startswith("Kurs </script>")
