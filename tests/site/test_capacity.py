"""Capacity on cards and offer pages: 'waiting list' or 'fully booked' in the reader's language while the numbers are
at most 3 months old, and nothing at all once they are older (or not yet true)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.build.rendering import RenderJob
from catalogue.publication.capacity import capacity_state, shown_capacity
from catalogue.data.model import Capacity, Costs, Offer, Verification
from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import publish
from catalogue.data.settings import read_settings
from tests.office.conftest import TODAY, write_office_site
from tests.office.needs_site import add_needs

_ANY_OFFER = Offer(
    id="kurs", actor="anbieter", status="active", categories=("german",), title={"de": "Kurs"}, summary={"de": "Kurs"},
    description={"de": "Kurs"}, mode="in_person", costs=Costs(free=True), last_verified=Verification(date(2026, 11, 1), "Büro"),
)
WORDS = {("de", "waiting_list"): "Warteliste", ("en", "waiting_list"): "Waiting list", ("de", "full"): "Ausgebucht", ("en", "full"): "Fully booked"}


def _pages(tmp_path: Path, language: str, *, waiting: int, as_of: str) -> tuple[BeautifulSoup, BeautifulSoup]:
    site = add_needs(write_office_site(tmp_path / "site"), waiting=waiting, as_of=as_of)
    settings = read_settings(site / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None
    publication = publish(loaded.catalogue, date.fromisoformat(TODAY))
    renderer = RenderJob(publication, settings, loaded.labels).renderer(language)
    offer = publication.offer("deutsch-a1")
    assert offer is not None
    category = publication.catalogue.taxonomy.category("german")
    listing = "".join(page.body for page in renderer.category_pages(category))
    return BeautifulSoup(renderer.offer_page(offer).body, "html.parser"), BeautifulSoup(listing, "html.parser")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("waiting", "state"), [(7, "waiting_list"), (0, "full")])
def test_current_numbers_say_waiting_list_or_fully_booked(tmp_path: Path, language: str, waiting: int, state: str) -> None:
    offer_page, listing = _pages(tmp_path, language, waiting=waiting, as_of="2026-11-01")
    card = listing.find("li", attrs={"data-id": "deutsch-a1"})
    assert card.find("p", class_="cat-card__capacity").get_text() == WORDS[(language, state)]
    notice = offer_page.find("p", class_="cat-notice--capacity").get_text()
    assert notice.startswith(WORDS[(language, state)]) and "2026" in notice
    assert str(waiting) not in notice.replace("2026", ""), "no number of people is shown"
    others = [item for item in listing.find_all("li", class_="cat-card") if item["data-id"] != "deutsch-a1"]
    assert others and not any(item.find("p", class_="cat-card__capacity") for item in others)


def test_numbers_older_than_three_months_show_nothing(tmp_path: Path) -> None:
    offer_page, listing = _pages(tmp_path, "de", waiting=7, as_of="2026-08-25")
    assert listing.find("p", class_="cat-card__capacity") is None
    assert offer_page.find("p", class_="cat-notice--capacity") is None


@pytest.mark.parametrize(
    ("as_of", "shown"),
    [("2026-11-26", True), ("2026-08-26", True), ("2026-08-25", False), ("2026-11-27", False)],
)
def test_three_calendar_months_back_to_the_day(as_of: str, shown: bool) -> None:
    offer = replace(_ANY_OFFER, capacity=Capacity(as_of=date.fromisoformat(as_of), waiting_list=3))
    assert (shown_capacity(offer, date.fromisoformat(TODAY)) is not None) is shown
    assert capacity_state(offer, date.fromisoformat(TODAY)) == ("waiting_list" if shown else None)
