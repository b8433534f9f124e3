"""The open-data exports (JSON, CSV, iCalendar) read back with real parsers and compared with the data, field by field."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from catalogue.data.model import Catalogue, Offer, Texts
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import Settings, read_settings
from catalogue.exports.spreadsheet import offers_xlsx
from catalogue.exports.open_data import (
    CSV_COLUMNS,
    csv_cells,
    licence_note,
    offer_location_ids,
    offer_row,
    offers_csv,
    offers_json,
    sessions_ics,
)
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from icalendar import Calendar

from tests.towns import FIXTURE_CONFIG, loaded_town

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
STAMP = datetime(2026, 11, 26, 6, 0, tzinfo=timezone.utc)
BERLIN = ZoneInfo("Europe/Berlin")
HIDDEN_TITLE = "Nicht veröffentlichtes Testangebot"


def shipped_catalogue() -> Catalogue:
    loaded = loaded_town(FIXTURE_CONFIG, TODAY)
    if loaded.catalogue is None:
        raise RuntimeError("the shipped data does not load: " + "; ".join(f"{error.path}:{error.line}: {error.message}" for error in loaded.errors))
    return loaded.catalogue


def with_hidden_offers(catalogue: Catalogue) -> Catalogue:
    """The shipped data plus offers that must stay out of every export: one ended, one expired, one not yet started."""
    model = next((offer for offer in catalogue.offers if offer.schedule.sessions), catalogue.offers[0])
    title = {"de": HIDDEN_TITLE, "en": HIDDEN_TITLE}
    hidden = (
        replace(model, id="hidden-ended-offer", status="ended", title=title),
        replace(model, id="hidden-expired-offer", valid_from=None, valid_until=date(2026, 1, 31), title=title),
        replace(model, id="hidden-future-offer", valid_from=date(2027, 6, 1), valid_until=None, title=title),
    )
    return replace(catalogue, offers=catalogue.offers + hidden)


SETTINGS = read_settings(FIXTURE_CONFIG)
PUBLICATION = publish(with_hidden_offers(shipped_catalogue()), TODAY)
DEFAULT = SETTINGS.default_language
PUBLISHED_IDS = sorted(offer.id for offer in PUBLICATION.offers)
HIDDEN_IDS = sorted(item.offer.id for item in PUBLICATION.hidden)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return SETTINGS


@pytest.fixture(scope="module")
def publication() -> Publication:
    return PUBLICATION


def published(offer_id: str) -> Offer:
    offer = PUBLICATION.offer(offer_id)
    assert offer is not None
    return offer


def german(texts: Texts) -> str:
    return texts[DEFAULT]


def url_of(language: str, offer_id: str) -> str:
    return f"{SETTINGS.site_url}{SETTINGS.url_prefix(language)}offers/{offer_id}/"


def test_the_test_data_has_published_and_hidden_offers() -> None:
    assert PUBLISHED_IDS
    assert {"hidden-ended-offer", "hidden-expired-offer", "hidden-future-offer"} <= set(HIDDEN_IDS)


# --- JSON -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    raw = offers_json(PUBLICATION, SETTINGS)
    assert raw.endswith(b"\n")
    parsed: dict[str, Any] = json.loads(raw.decode("utf-8"))
    return parsed


def json_offer(document: dict[str, Any], offer_id: str) -> dict[str, Any]:
    return next(item for item in document["offers"] if item["id"] == offer_id)


def test_json_names_licence_build_date_and_languages(document: dict[str, Any]) -> None:
    assert document["licence"] == {
        "id": "dl-de/by-2-0",
        "url": SETTINGS.licence_url,
        "attribution": f"{SETTINGS.office}, {SETTINGS.town}",
    }
    assert document["generated"] == TODAY.isoformat()
    assert document["languages"] == list(SETTINGS.language_codes)
    assert document["default_language"] == DEFAULT


def test_json_holds_exactly_the_published_offers_sorted_by_id(document: dict[str, Any]) -> None:
    assert [item["id"] for item in document["offers"]] == PUBLISHED_IDS


def test_json_taxonomy_carries_every_label(document: dict[str, Any]) -> None:
    taxonomy = PUBLICATION.catalogue.taxonomy
    for key, terms in (
        ("categories", taxonomy.categories), ("target_groups", taxonomy.target_groups), ("districts", taxonomy.districts),
        ("entitlements", taxonomy.entitlements), ("eligibility", taxonomy.eligibility),
    ):
        assert document["taxonomy"][key] == [{"id": term.id, "label": dict(term.label)} for term in terms]


@pytest.mark.parametrize("offer_id", PUBLISHED_IDS)
def test_json_offer_matches_the_data(document: dict[str, Any], offer_id: str) -> None:
    offer = published(offer_id)
    item = json_offer(document, offer_id)
    for field in ("title", "summary", "description", "eligibility"):
        assert item[field] == dict(getattr(offer, field)), field
    assert item["status"] == offer.status
    assert item["categories"] == list(offer.categories)
    assert item["target_groups"] == list(offer.target_groups)
    assert item["eligible"] == list(offer.eligible)
    assert (item["age_min"], item["age_max"]) == (offer.age_min, offer.age_max)
    assert item["languages"] == list(offer.languages)
    assert item["german_level"] == offer.german_level
    assert item["mode"] == offer.mode
    assert item["website"] == offer.website
    assert item["valid_from"] == (offer.valid_from.isoformat() if offer.valid_from else None)
    assert item["valid_until"] == (offer.valid_until.isoformat() if offer.valid_until else None)
    assert item["last_verified"] == {"date": offer.last_verified.date.isoformat(), "by": offer.last_verified.by}
    assert item["url"] == {code: url_of(code, offer_id) for code in SETTINGS.language_codes}


@pytest.mark.parametrize("offer_id", PUBLISHED_IDS)
def test_json_offer_costs_registration_contact_and_schedule(document: dict[str, Any], offer_id: str) -> None:
    offer = published(offer_id)
    item = json_offer(document, offer_id)
    assert item["costs"] == {
        "free": offer.costs.free, "amount": offer.costs.amount, "currency": "EUR", "per": offer.costs.per,
        "reductions": dict(offer.costs.reductions), "free_with": list(offer.costs.free_with),
    }
    registration = offer.registration
    assert item["registration"] == (None if registration is None else {
        "required": registration.required, "how": dict(registration.how),
        "deadline": registration.deadline.isoformat() if registration.deadline else None, "url": registration.url,
    })
    assert item["contact"] == {
        "phone": offer.contact.phone, "email": offer.contact.email,
        "role": dict(offer.contact.role), "hours": dict(offer.contact.hours),
    }
    assert item["schedule"]["sessions"] == [
        {"date": session.date.isoformat(), "start": session.start, "end": session.end, "location": session.location}
        for session in offer.schedule.sessions
    ]
    assert item["schedule"]["weekly"] == [{"day": slot.day, "start": slot.start, "end": slot.end} for slot in offer.schedule.weekly]
    assert item["schedule"]["note"] == dict(offer.schedule.note)


@pytest.mark.parametrize("offer_id", PUBLISHED_IDS)
def test_json_offer_resolves_actor_and_locations(document: dict[str, Any], offer_id: str) -> None:
    offer = published(offer_id)
    actor = PUBLICATION.catalogue.actors[offer.actor]
    taxonomy = PUBLICATION.catalogue.taxonomy
    item = json_offer(document, offer_id)
    assert item["actor"]["id"] == actor.id
    assert item["actor"]["name"] == dict(actor.name)
    assert item["actor"]["type"] == actor.type
    assert item["actor"]["website"] == actor.website
    assert [place["id"] for place in item["locations"]][: len(offer.locations)] == list(offer.locations)
    assert [place["id"] for place in item["locations"]] == offer_location_ids(offer)
    session_places = {session.location for session in offer.schedule.sessions if session.location}
    assert session_places <= {place["id"] for place in item["locations"]}
    for place in item["locations"]:
        expected = actor.location(place["id"])
        assert place["name"] == dict(expected.name)
        assert (place["street"], place["postcode"], place["city"]) == (expected.street, expected.postcode, expected.city)
        assert place["district"] == {"id": expected.district, "label": dict(taxonomy.district(expected.district).label)}
        assert (place["latitude"], place["longitude"]) == (expected.latitude, expected.longitude)
        assert place["accessibility"] == dict(expected.accessibility)


def test_json_is_byte_identical_for_the_same_input() -> None:
    assert offers_json(PUBLICATION, SETTINGS) == offers_json(PUBLICATION, SETTINGS)


# --- CSV --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_bytes() -> bytes:
    return offers_csv(PUBLICATION, SETTINGS)


@pytest.fixture(scope="module")
def rows(csv_bytes: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def row_of(rows: list[dict[str, str]], offer_id: str) -> dict[str, str]:
    return next(row for row in rows if row["id"] == offer_id)


def test_csv_is_utf8_with_bom_crlf_and_a_header(csv_bytes: bytes) -> None:
    assert csv_bytes.startswith(b"\xef\xbb\xbfid,title,summary,")
    text = csv_bytes.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.split("\r\n", 1)[0] == ",".join(CSV_COLUMNS)


def test_csv_has_one_row_per_published_offer_in_id_order(rows: list[dict[str, str]]) -> None:
    assert [row["id"] for row in rows] == PUBLISHED_IDS


@pytest.mark.parametrize("offer_id", PUBLISHED_IDS)
def test_csv_row_matches_the_data(rows: list[dict[str, str]], offer_id: str) -> None:
    offer = published(offer_id)
    actor = PUBLICATION.catalogue.actors[offer.actor]
    taxonomy = PUBLICATION.catalogue.taxonomy
    places = [actor.location(place_id) for place_id in offer_location_ids(offer)]
    contact = offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact
    row = row_of(rows, offer_id)
    assert row["title"] == german(offer.title)
    assert row["summary"] == german(offer.summary)
    assert row["actor_id"] == actor.id
    assert row["actor_name"] == german(actor.name)
    assert row["categories"].split("; ") == [german(taxonomy.category(term).label) for term in offer.categories]
    assert row["target_groups"] == "; ".join(german(taxonomy.target_group(term).label) for term in offer.target_groups)
    assert row["eligible"] == "; ".join(german(taxonomy.eligibility_term(term).label) for term in offer.eligible)
    assert row["age_min"] == ("" if offer.age_min is None else str(offer.age_min))
    assert row["age_max"] == ("" if offer.age_max is None else str(offer.age_max))
    assert row["languages"] == "; ".join(offer.languages)
    assert row["german_level"] == (offer.german_level or "")
    assert row["mode"] == offer.mode
    assert row["free"] == ("true" if offer.costs.free else "false")
    assert row["free_with"] == "; ".join(german(taxonomy.entitlement(term).label) for term in offer.costs.free_with)
    assert (float(row["amount_eur"]) if row["amount_eur"] else None) == offer.costs.amount
    assert row["per"] == (offer.costs.per or "")
    assert row["districts"] == "; ".join(dict.fromkeys(german(taxonomy.district(place.district).label) for place in places))
    assert row["postcodes"] == "; ".join(dict.fromkeys(place.postcode for place in places))
    assert row["addresses"] == "; ".join(dict.fromkeys(f"{place.street}, {place.postcode} {place.city}" for place in places))
    assert row["phone"].removeprefix("tel:").replace("-", "") == (contact.phone or "").replace(" ", "").replace("/", "").replace("-", "")
    assert row["email"] == (contact.email or "")
    registration = offer.registration
    assert row["registration_required"] == ("" if registration is None else ("true" if registration.required else "false"))
    assert row["registration_deadline"] == (registration.deadline.isoformat() if registration and registration.deadline else "")
    assert row["valid_from"] == (offer.valid_from.isoformat() if offer.valid_from else "")
    assert row["valid_until"] == (offer.valid_until.isoformat() if offer.valid_until else "")
    assert row["last_verified"] == offer.last_verified.date.isoformat()
    assert row["url"] == url_of(DEFAULT, offer_id)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_free_text_cannot_start_a_spreadsheet_formula() -> None:
    offer = published(PUBLISHED_IDS[0])
    actor = PUBLICATION.catalogue.actors[offer.actor]
    tricky = replace(offer, title={DEFAULT: '=HYPERLINK("https://example.com","Klick")'}, summary={DEFAULT: "-2+3"})
    row = csv_cells(offer_row(tricky, actor, PUBLICATION.catalogue.taxonomy, SETTINGS))
    assert row["title"] == "'" + '=HYPERLINK("https://example.com","Klick")'
    assert row["summary"] == "'-2+3"


def test_no_cell_of_the_csv_starts_a_formula_and_phone_numbers_stay_readable(rows: list[dict[str, str]]) -> None:
    phones = [row["phone"] for row in rows if row["phone"]]
    assert phones
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_STARTS), (row["id"], column, value)
    for phone in phones:
        assert re.fullmatch(r"tel:\+[0-9]+(?:[-().][0-9]+|[()])*|0[0-9 /()-]+", phone), phone


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=+-@\t\r ;,a1\"'")), max_size=12), st.sampled_from(["phone", "email", "title", "summary", "actor_name", "addresses", "postcodes"]))
def test_any_value_in_any_text_column_is_guarded(value: str, column: str) -> None:
    offer = published(PUBLISHED_IDS[0])
    actor = PUBLICATION.catalogue.actors[offer.actor]
    row = offer_row(offer, actor, PUBLICATION.catalogue.taxonomy, SETTINGS)
    row[column] = value
    (parsed,) = csv.DictReader(io.StringIO(_csv_text([csv_cells(row)])))
    assert not parsed[column].startswith(FORMULA_STARTS)
    if column != "phone":
        assert parsed[column] in (value, "'" + value)


def _csv_text(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def test_csv_is_byte_identical_for_the_same_input(csv_bytes: bytes) -> None:
    assert offers_csv(PUBLICATION, SETTINGS) == csv_bytes


# --- iCalendar --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ics_bytes() -> bytes:
    return sessions_ics(PUBLICATION, SETTINGS, stamp=STAMP)


@pytest.fixture(scope="module")
def calendar(ics_bytes: bytes) -> Calendar:
    return Calendar.from_ical(ics_bytes)


def events_of(calendar: Calendar, offer_id: str) -> list[Any]:
    return [event for event in calendar.walk("VEVENT") if str(event["url"]) == url_of(DEFAULT, offer_id)]


def test_ics_names_the_licence_and_attribution(calendar: Calendar) -> None:
    note = str(calendar["x-licence"])
    assert "dl-de/by-2-0" in note
    assert SETTINGS.licence_url in note
    assert f"{SETTINGS.office}, {SETTINGS.town}" in note
    assert str(calendar["version"]) == "2.0"


def test_ics_holds_every_session_and_weekly_time_of_every_published_offer_and_nothing_else(calendar: Calendar) -> None:
    single = [event for event in calendar.walk("VEVENT") if "rrule" not in event]
    recurring = [event for event in calendar.walk("VEVENT") if "rrule" in event]
    assert len(single) == sum(len(offer.schedule.sessions) for offer in PUBLICATION.offers)
    assert {str(event["url"]) for event in recurring} == {
        url_of(DEFAULT, offer.id) for offer in PUBLICATION.offers if offer.schedule.weekly
    }
    assert {str(event["url"]) for event in calendar.walk("VEVENT")} == {
        url_of(DEFAULT, offer.id) for offer in PUBLICATION.offers if offer.schedule.sessions or offer.schedule.weekly
    }


@pytest.mark.parametrize("offer_id", [offer_id for offer_id in PUBLISHED_IDS if published(offer_id).schedule.sessions])
def test_ics_sessions_start_at_the_right_time_in_berlin(calendar: Calendar, offer_id: str) -> None:
    offer = published(offer_id)
    events = sorted((event for event in events_of(calendar, offer_id) if "rrule" not in event), key=lambda event: event.decoded("dtstart"))
    assert len(events) == len(offer.schedule.sessions)
    for session, event in zip(offer.schedule.sessions, events):
        start = event.decoded("dtstart")
        hours, minutes = session.start.split(":")
        assert start == datetime.combine(session.date, time(int(hours), int(minutes)), tzinfo=BERLIN)
        assert getattr(start.tzinfo, "key", None) == "Europe/Berlin"
        assert event["dtstart"].params["TZID"] == "Europe/Berlin"
        if session.end:
            hours, minutes = session.end.split(":")
            assert event.decoded("dtend") == datetime.combine(session.date, time(int(hours), int(minutes)), tzinfo=BERLIN)
        assert str(event["summary"]) == german(offer.title)
        assert event.decoded("dtstamp") == STAMP


def test_ics_is_byte_identical_for_the_same_stamp(ics_bytes: bytes) -> None:
    assert sessions_ics(PUBLICATION, SETTINGS, stamp=STAMP) == ics_bytes


# --- hidden offers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("hidden_id", HIDDEN_IDS)
def test_hidden_offers_appear_in_no_export(hidden_id: str, document: dict[str, Any], rows: list[dict[str, str]], ics_bytes: bytes) -> None:
    assert hidden_id not in {item["id"] for item in document["offers"]}
    assert hidden_id not in {row["id"] for row in rows}
    unfolded_ics = ics_bytes.replace(b"\r\n ", b"")
    for export in (offers_json(PUBLICATION, SETTINGS), offers_csv(PUBLICATION, SETTINGS), unfolded_ics):
        assert f"offers/{hidden_id}/".encode() not in export
        assert HIDDEN_TITLE.encode() not in export


def test_exports_hold_no_paths_of_the_build_machine(document: dict[str, Any], csv_bytes: bytes, ics_bytes: bytes) -> None:
    root = str(SETTINGS.root.resolve()).encode()
    for export in (offers_json(PUBLICATION, SETTINGS), csv_bytes, ics_bytes):
        assert root not in export
    assert all("source" not in item for item in document["offers"])


# --- Excel workbook ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook_bytes() -> bytes:
    return offers_xlsx(PUBLICATION, SETTINGS)


@pytest.fixture(scope="module")
def sheet_rows(workbook_bytes: bytes) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    return list(workbook["Angebote"].iter_rows(values_only=True))


def test_xlsx_has_the_csv_columns_and_one_row_per_published_offer(sheet_rows: list[tuple[Any, ...]]) -> None:
    assert sheet_rows[0] == CSV_COLUMNS
    assert [row[0] for row in sheet_rows[1:]] == PUBLISHED_IDS


def test_xlsx_stores_numbers_dates_and_flags_as_such_and_texts_unchanged(sheet_rows: list[tuple[Any, ...]]) -> None:
    priced = 0
    for values in sheet_rows[1:]:
        cell = dict(zip(CSV_COLUMNS, values))
        offer = published(cell["id"])
        assert cell["title"] == german(offer.title)
        assert cell["age_min"] == offer.age_min and (offer.age_min is None or type(cell["age_min"]) is int)
        if offer.costs.amount is not None:
            priced += 1
            assert isinstance(cell["amount_eur"], (int, float)) and cell["amount_eur"] == offer.costs.amount
        assert cell["free"] is offer.costs.free
        assert cell["last_verified"] == datetime.combine(offer.last_verified.date, time(0))
        actor = PUBLICATION.catalogue.actors[offer.actor]
        contact = offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact
        assert cell["phone"] == contact.phone  # as written: a text cell, no formula to fear
        assert cell["email"] == contact.email
    assert priced


def test_xlsx_keeps_a_formula_like_title_as_text() -> None:
    offer = published(PUBLISHED_IDS[0])
    tricky = replace(offer, title={DEFAULT: '=HYPERLINK("https://example.com","Klick")'})
    catalogue = replace(PUBLICATION.catalogue, offers=(tricky,))
    workbook = openpyxl.load_workbook(io.BytesIO(offers_xlsx(publish(catalogue, TODAY), SETTINGS)))
    cell = workbook["Angebote"]["B2"]
    assert cell.value == '=HYPERLINK("https://example.com","Klick")'
    assert cell.data_type == "s"


def test_xlsx_names_the_licence_and_is_byte_identical_for_the_same_input(workbook_bytes: bytes) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    assert workbook["Lizenz"]["A1"].value == licence_note(SETTINGS)
    assert offers_xlsx(PUBLICATION, SETTINGS) == workbook_bytes
