"""What a newcomer does on a phone: search in Arabic from any keyboard, filter, share the address, call the provider,
switch language; and the catalogue still lists everything without JavaScript."""
from __future__ import annotations

import re

import pytest

from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .newcomer_data import offer_titles, persian_keyboard_spelling
from .site_pages import SAMPLE_OFFER, language_path

SEARCHED_OFFER = "jobcenter-willkommensteam"
ARABIC_WORDS = ["مركز", "الترحيب"]
"""Words of the offer's Arabic title: 'centre' with ك, 'welcome' with ي."""


@pytest.fixture
def arabic_catalogue(phone: Tab) -> CatalogueView:
    phone.visit(language_path("ar", "catalogue/"))
    return CatalogueView(phone.page).settled()


@pytest.mark.parametrize("word", ARABIC_WORDS)
def test_an_arabic_word_finds_the_offer(arabic_catalogue: CatalogueView, word: str) -> None:
    assert word in offer_titles(SEARCHED_OFFER)["ar"], "the sample data changed: pick a word of the offer's Arabic title"
    everything = arabic_catalogue.all_offer_ids()
    found = arabic_catalogue.search(word).visible_offer_ids()
    assert SEARCHED_OFFER in found, f"searching {word} showed {sorted(found)}"
    assert len(found) < len(everything), f"searching {word} filtered nothing"
    assert arabic_catalogue.count() == len(found), arabic_catalogue.count_line()


@pytest.mark.parametrize("word", ARABIC_WORDS)
def test_the_persian_keyboard_spelling_finds_the_same_offers(arabic_catalogue: CatalogueView, word: str) -> None:
    found_in_arabic = arabic_catalogue.search(word).visible_offer_ids()
    found_in_persian = arabic_catalogue.search(persian_keyboard_spelling(word)).visible_offer_ids()
    assert found_in_persian == found_in_arabic


@pytest.mark.parametrize(("field", "value"), [("age", "4"), ("d", "altstadt")], ids=["age", "district"])
def test_a_filter_changes_the_count(arabic_catalogue: CatalogueView, field: str, value: str) -> None:
    before = arabic_catalogue.count_line()
    arabic_catalogue.open_filters()
    control = arabic_catalogue.page.locator(f"#cat-filters [name={field}]")
    control.tap()
    if field == "age":
        control.press_sequentially(value)
    else:
        control.select_option(value)
    arabic_catalogue.settled()
    assert 0 < arabic_catalogue.count() < len(arabic_catalogue.all_offer_ids())
    assert arabic_catalogue.count_line() != before


def test_the_address_keeps_the_filters(arabic_catalogue: CatalogueView, second_phone: Tab) -> None:
    page = arabic_catalogue.page
    arabic_catalogue.search("الاندماج").open_filters()
    page.locator("#cat-age").fill("30")
    page.locator("#cat-d").select_option("weststadt")
    page.locator("#cat-free").tap()
    arabic_catalogue.settled()
    assert arabic_catalogue.count() > 0, "the sample data changed: these filters should leave the free German course"

    second_phone.page.goto(page.url)
    reopened = CatalogueView(second_phone.page).settled()
    assert reopened.control_values() == arabic_catalogue.control_values()
    assert reopened.count_line() == arabic_catalogue.count_line()
    assert reopened.visible_offer_ids() == arabic_catalogue.visible_offer_ids()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_without_javascript_the_catalogue_lists_every_offer(phone_without_script: Tab, offer_count: int, language: str) -> None:
    phone_without_script.visit(language_path(language, "catalogue/"))
    page = phone_without_script.page
    assert page.locator("li.cat-card:visible").count() == offer_count
    assert not page.locator("#cat-filters").is_visible(), "filters that cannot work without JavaScript are shown"


@pytest.mark.parametrize("scheme", ["tel", "mailto"])
def test_the_offer_can_be_called_and_written_to(phone: Tab, scheme: str) -> None:
    phone.visit(language_path("ar", f"offers/{SAMPLE_OFFER}/"))
    link = phone.page.locator(f'a[href^="{scheme}:"]').first
    assert link.is_visible(), f"no visible {scheme}: link"
    if scheme == "tel":
        assert re.fullmatch(r"tel:\+\d{6,}", link.get_attribute("href") or ""), link.get_attribute("href")


@pytest.mark.parametrize(
    "opens_switcher, english_link",
    [("header .cat-language-button", 'header .cat-languages__list a[hreflang="en"]'), (None, '.cat-footer a[hreflang="en"]')],
    ids=["header", "footer"],
)
def test_the_language_switcher_keeps_the_offer(phone: Tab, opens_switcher: str | None, english_link: str) -> None:
    phone.visit(language_path("ar", f"offers/{SAMPLE_OFFER}/"))
    if opens_switcher:
        phone.page.locator(opens_switcher).tap()
    with phone.page.expect_navigation():
        phone.page.locator(english_link).tap()
    assert phone.page.url == phone.server.url(language_path("en", f"offers/{SAMPLE_OFFER}/"))
    assert phone.page.locator("h1").inner_text().strip() == offer_titles(SAMPLE_OFFER)["en"]
