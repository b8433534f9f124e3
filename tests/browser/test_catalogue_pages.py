"""The catalogue as pages of offers on a 360 px phone, right to left and left to right: pages that work without
script, the filters for German, time of day and 'free with a voucher', and results drawn from the index's data."""
from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from catalogue.data.model import Offer
from catalogue.site.catalogue_listing import LISTING_PAGE_SIZE

from tests.site.conftest import LANGUAGES as FIXTURE_LANGUAGES
from tests.site.sample_data import PUBLISHED, title_in
from tests.site.test_catalogue_pages import lets_through
from tests.towns import BuiltSite

from .browser_setup import PHONE
from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .conftest import _tab
from .site_pages import language_path
from .static_server import SiteServer

LANGUAGES = ("ar", "en")
"""Right to left and left to right."""
CARD_REQUEST = re.compile(r"/search/[a-z]{2}/cards/\d+\.json")


@pytest.fixture(scope="module")
def larger_server(larger_site: BuiltSite) -> Iterator[SiteServer]:
    with SiteServer(larger_site.root) as server:
        yield server


@pytest.fixture
def larger_phone(chromium: Browser, larger_server: SiteServer) -> Iterator[Tab]:
    with _tab(chromium, larger_server, **PHONE) as tab:
        yield tab


@pytest.fixture
def larger_phone_without_script(chromium: Browser, larger_server: SiteServer) -> Iterator[Tab]:
    with _tab(chromium, larger_server, **PHONE, java_script_enabled=False) as tab:
        yield tab


def _template_category() -> str:
    template = next(offer for offer in PUBLISHED if offer.id == "integrationskurs-abend")
    return template.categories[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_script_a_reader_pages_through_a_stage_of_life(larger_phone_without_script: Tab, language: str) -> None:
    tab = larger_phone_without_script
    page = tab.page
    tab.visit(language_path(language, "catalogue/"))
    assert page.locator("li.cat-card:visible").count() == LISTING_PAGE_SIZE
    with page.expect_navigation():
        page.locator(f'.cat-browse a[href="../catalogue/{_template_category()}/"]').tap()
    first = page.locator("li.cat-card").evaluate_all("cards => cards.map(card => card.dataset.id)")
    assert len(first) == LISTING_PAGE_SIZE
    with page.expect_navigation(url=re.compile(r"/page/2/$")):
        page.locator('.cat-pager a[rel="next"]').tap()
    second = page.locator("li.cat-card").evaluate_all("cards => cards.map(card => card.dataset.id)")
    assert second and not set(second) & set(first)
    assert page.locator('.cat-pager a[rel="prev"]').is_visible() and page.locator(".cat-pager__position").is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    with page.expect_navigation(url=re.compile(rf"/catalogue/{_template_category()}/$")):
        page.locator('.cat-pager a[rel="prev"]').tap()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_filter_shows_a_page_of_offers_fetching_only_their_cards(larger_phone: Tab, language: str) -> None:
    tab = larger_phone
    tab.visit(language_path(language, "catalogue/") + f"?c={_template_category()}")
    view = CatalogueView(tab.page).settled()
    assert view.count() > 2 * LISTING_PAGE_SIZE
    shown = tab.page.locator("#cat-ranked li.cat-card")
    assert shown.count() == LISTING_PAGE_SIZE
    assert len([url for url in tab.watch.requests if CARD_REQUEST.search(url)]) == LISTING_PAGE_SIZE
    tab.page.locator("#cat-more-offers").tap()
    tab.page.wait_for_function(f"() => document.querySelectorAll('#cat-ranked li.cat-card').length === {2 * LISTING_PAGE_SIZE}")
    assert tab.page.evaluate("() => document.activeElement.closest('li.cat-card') === document.querySelectorAll('#cat-ranked li.cat-card')[20]")
    tab.settle()
    assert len([url for url in tab.watch.requests if CARD_REQUEST.search(url)]) == 2 * LISTING_PAGE_SIZE


FILTERS = [("g", "A1", "g-A1"), ("g", "none", "g-none"), ("t", "evening", "t-evening"), ("t", "weekend", "t-weekend"), ("free", "1", "free"), ("e", "bamf-admission", "e-bamf-admission")]


def _expected(facet: str) -> frozenset[str]:
    return frozenset(offer.id for offer in PUBLISHED if lets_through(facet, offer))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("field", "value", "facet"), FILTERS, ids=[facet for _, _, facet in FILTERS])
def test_each_new_filter_keeps_the_offers_it_names(phone: Tab, language: str, field: str, value: str, facet: str) -> None:
    expected = _expected(facet)
    assert expected and expected != frozenset(offer.id for offer in PUBLISHED), f"{facet} filters nothing in the tests' town"
    phone.visit(language_path(language, "catalogue/"))
    view = CatalogueView(phone.page).settled().open_filters()
    control = phone.page.locator(f"#cat-filters [name={field}]")
    if field == "free":
        control.check()
    else:
        control.select_option(value)
    assert view.settled().visible_offer_ids() == expected
    assert view.count() == len(expected)


@pytest.mark.parametrize("language", FIXTURE_LANGUAGES)
def test_who_may_take_part_filters_in_every_language(phone: Tab, language: str) -> None:
    expected = _expected("e-buergergeld")
    phone.visit(language_path(language, "catalogue/") + "?e=buergergeld")
    view = CatalogueView(phone.page).settled().open_filters()
    assert view.visible_offer_ids() == expected
    chosen = phone.page.locator("#cat-e option:checked")
    assert chosen.get_attribute("value") == "buergergeld" and chosen.inner_text().strip()
    for offer_id in expected:
        assert phone.page.locator(f'#cat-ranked li.cat-card[data-id="{offer_id}"] .cat-card__eligible').is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_free_only_includes_offers_free_with_a_voucher_and_says_so(phone: Tab, language: str) -> None:
    with_voucher = next(offer for offer in PUBLISHED if offer.costs.free_with and not offer.costs.free)
    phone.visit(language_path(language, "catalogue/") + "?free=1")
    view = CatalogueView(phone.page).settled().open_filters()
    assert with_voucher.id in view.visible_offer_ids()
    assert phone.page.locator("#cat-free-note").is_visible()
    card = phone.page.locator(f'#cat-ranked li.cat-card[data-id="{with_voucher.id}"] .cat-card__free-with')
    assert card.is_visible()


def _searched_offer(language: str) -> tuple[Offer, str]:
    """An offer and the longest word of its title, as a reader might type it."""
    offer = next(offer for offer in PUBLISHED if offer.id == "integrationskurs-abend")
    return offer, max(re.findall(r"\w+", title_in(offer, language)), key=len)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_are_cards_fetched_from_the_index(phone: Tab, language: str) -> None:
    offer, word = _searched_offer(language)
    phone.visit(language_path(language, "catalogue/"))
    view = CatalogueView(phone.page).settled()
    phone.watch.forget()
    view.search(word)
    assert phone.page.locator("#cat-ranked li.cat-card").first.get_attribute("data-id") == offer.id
    assert not phone.page.locator("#cat-first").is_visible(), "the page's first offers stay beside the results"
    fetched = [url for url in phone.watch.requests if CARD_REQUEST.search(url)]
    assert len(fetched) == view.count() <= LISTING_PAGE_SIZE
