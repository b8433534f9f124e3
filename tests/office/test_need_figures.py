"""Needs beside offers (catalogue.figures.need_figures): which needs are open, what meets them, the gaps, waiting lists,
quarters, and the CSV files the council downloads, read back with the csv module."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from catalogue.figures.need_figures import WHOLE_TOWN, need_figures, offers_meeting, shown_people
from catalogue.exports.figures_csv import need_csv_files

from .needs_site import add_needs
from .test_figures import published


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_open_needs_leave_out_the_addressed_and_count_their_people(office_site: Path) -> None:
    numbers = need_figures(published(add_needs(office_site)))
    assert (numbers.recorded, numbers.open, numbers.people) == (4, 3, 40 + 3 + 9)
    assert numbers.latest_report == date(2026, 10, 2)


def test_an_offer_meets_a_need_in_its_topic_district_and_ages(office_site: Path) -> None:
    publication = published(add_needs(office_site))
    needs = {need.id: need for need in publication.catalogue.needs}
    assert [offer.id for offer in offers_meeting(needs["2026-09-deutsch-nord"], publication)] == ["deutsch-a1"]
    assert offers_meeting(needs["2026-10-schule-nord"], publication) == ()
    assert {offer.id for offer in offers_meeting(needs["2026-07-freizeit-kinder"], publication)} == {"fussball-kinder", "schwimmen"}


def test_the_gap_is_against_seats_where_known_and_against_offers_where_not(office_site: Path) -> None:
    gaps = {(gap.topic, gap.district): gap for gap in need_figures(published(add_needs(office_site))).gaps}
    german = gaps[("german", "nordstadt")]
    assert (german.people, german.seats, german.measured_against, german.people_per_unit) == (40, 12, "seats", 40 / 12)
    leisure = gaps[("leisure", WHOLE_TOWN)]
    assert (leisure.people, leisure.seats, leisure.offers, leisure.measured_against) == (9, None, 2, "offers")
    school = gaps[("school", "nordstadt")]
    assert (school.offers, school.people_per_unit) == (0, None)


def test_the_matrices_set_people_in_need_beside_offers(office_site: Path) -> None:
    numbers = need_figures(published(add_needs(office_site)))
    table = numbers.by_district
    german = dict(zip(table.rows, table.cells))["german"]
    north = german[table.columns.index("nordstadt")]
    assert (north.offers, north.needs, north.people) == (1, 1, 40)
    town = dict(zip(table.rows, table.cells))["leisure"][table.columns.index(WHOLE_TOWN)]
    assert (town.needs, town.people) == (1, 9)
    bands = numbers.by_age_band
    school = dict(zip(bands.rows, bands.cells))["school"]
    assert [cell.people for cell in school][:4] == [0, 0, 3, 3]


@pytest.mark.parametrize(("as_of", "listed"), [("2026-11-01", True), ("2026-08-25", False)])
def test_waiting_lists_count_only_numbers_of_the_last_three_months(office_site: Path, as_of: str, listed: bool) -> None:
    numbers = need_figures(published(add_needs(office_site, waiting=7, as_of=as_of)))
    assert [(row.topic, row.offers, row.people) for row in numbers.waiting_lists] == ([("german", 1, 7)] if listed else [])


def test_quarters_count_needs_recorded_and_addressed(office_site: Path) -> None:
    quarters = {row.quarter: (row.opened, row.addressed) for row in need_figures(published(add_needs(office_site))).quarters}
    assert quarters == {"2026-Q2": (1, 0), "2026-Q3": (2, 1), "2026-Q4": (1, 0)}


def test_the_csv_files_hold_the_same_numbers_with_small_ones_hidden(office_site: Path) -> None:
    publication = published(add_needs(office_site))
    numbers = need_figures(publication)
    files = need_csv_files(numbers, publication, "de")
    gaps = {(row["topic"], row["district"]): row for row in rows(files["needs_gaps.csv"])}
    assert gaps[("german", "nordstadt")] == {
        "topic": "german", "district": "nordstadt", "people": "40", "open_needs": "1", "matching_offers": "1",
        "seats": "12", "offers_giving_seats": "1", "measured_against": "seats",
    }
    assert gaps[("school", "nordstadt")]["people"] == "< 5"
    assert gaps[("leisure", "*")]["seats"] == ""
    cells = {(row["category"], row["column"]): row for row in rows(files["needs_districts.csv"])}
    assert (cells[("german", "nordstadt")]["offers"], cells[("german", "nordstadt")]["people"]) == ("1", "40")
    assert cells[("school", "nordstadt")]["people"] == "< 5"
    assert len(cells) == len(numbers.by_district.rows) * len(numbers.by_district.columns)
    assert rows(files["waiting_lists.csv"]) == [{"category": "german", "offers_with_waiting_list": "1", "people_waiting": "7", "oldest_as_of": "2026-11-01"}]
    assert [row["quarter"] for row in rows(files["need_quarters.csv"])] == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert all(text.endswith("\r\n") for text in files.values())


@pytest.mark.parametrize(("people", "shown"), [(1, "< 5"), (4, "< 5"), (5, "5"), (120, "120")])
def test_numbers_of_people_under_five_are_published_as_less_than_five(people: int, shown: str) -> None:
    assert shown_people(people) == shown
