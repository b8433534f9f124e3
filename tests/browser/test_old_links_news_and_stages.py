"""On a 360 px phone, in Arabic and a left-to-right language: the stage of life for older people, news that is
current (older news in an archive, the subscription explained), old links to ended offers, and the 404 page in the
language the address names."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.publication.ended_offers import ended_offers, similar_offers
from catalogue.publication.news_archive import archive_cutoff, archived_news, current_news
from catalogue.language.localise import Localiser

from tests.site.sample_data import DEFAULT, PUBLICATION, SETTINGS, TODAY

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import language_path
from .text_layout import what_a_person_would_see_wrong

FIRST_SCREEN = PHONE["viewport"]["height"]
PHONE_WIDTH = PHONE["viewport"]["width"]
PHONE_LANGUAGES = ("ar", "en")
"""A right-to-left language and a left-to-right one."""
SCREENSHOT_LANGUAGES = ("de", "ar", "ti")
TAXONOMY = PUBLICATION.catalogue.taxonomy
LATER_LIFE = "seniors"
ENDED = ended_offers(PUBLICATION)
ENDED_OFFER = next(offer for offer in ENDED if similar_offers(PUBLICATION, offer))
MISSING = "gibt-es-nicht/mehr/"


def label(texts: object, language: str) -> str:
    return Localiser.of(SETTINGS, language).text(texts)  # type: ignore[arg-type]


def direction(tab: Tab, selector: str) -> str:
    return tab.page.locator(selector).first.evaluate("element => getComputedStyle(element).direction")


def no_sideways_scroll(tab: Tab) -> bool:
    return tab.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_later_life_is_a_stage_of_life_on_the_home_page(phone: Tab, language: str) -> None:
    phone.visit(language_path(language))
    tile = phone.page.locator(f'a.cat-tile[href="catalogue/{LATER_LIFE}/"]')
    assert tile.is_visible(), "no tile for the stage of life of older people"
    assert tile.locator(".cat-tile__label").inner_text() == label(TAXONOMY.category(LATER_LIFE).label, language)
    tile.tap()
    phone.page.wait_for_url(f"**{language_path(language, f'catalogue/{LATER_LIFE}/')}")
    shown = phone.page.locator("li.cat-card").evaluate_all("cards => cards.map(card => card.dataset.id)")
    assert shown and set(shown) == {offer.id for offer in PUBLICATION.offers_in_category(LATER_LIFE)}


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_the_news_page_shows_this_years_news_and_keeps_older_news_in_an_archive(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "news/"))
    dates = phone.page.locator("ul.cat-news time:visible").evaluate_all("times => times.map(time => time.dateTime)")
    assert dates == [item.date.isoformat() for item in current_news(PUBLICATION.catalogue.news, TODAY)]
    assert min(dates) >= archive_cutoff(TODAY).isoformat()
    phone.page.locator(".cat-news-archive-link a").tap()
    phone.page.wait_for_url(f"**{language_path(language, 'news/archive/')}")
    archived = phone.page.locator("ul.cat-news time:visible").evaluate_all("times => times.map(time => time.dateTime)")
    assert archived == [item.date.isoformat() for item in archived_news(PUBLICATION.catalogue.news, TODAY)]


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_the_feed_address_fits_the_phone_reads_left_to_right_and_one_tap_selects_it(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "news/"))
    address = phone.page.locator("code.cat-feed-address")
    address.scroll_into_view_if_needed()
    box = address.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH
    assert no_sideways_scroll(phone)
    assert direction(phone, "code.cat-feed-address") == "ltr"
    address.tap()
    expected = f"{SETTINGS.site_url}{SETTINGS.url_prefix(language)}news/feed.xml"
    assert phone.page.evaluate("() => window.getSelection().toString().trim()") == expected
    assert phone.page.locator(".cat-subscribe h2").is_visible()


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_an_old_link_to_an_ended_offer_says_it_ended_and_leads_on(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, f"offers/{ENDED_OFFER.id}/"))
    notice = phone.page.locator(".cat-notice--ended")
    box = notice.bounding_box()
    assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN, "the reader must see at once that it ended"
    assert direction(phone, ".cat-notice--ended") == ("rtl" if language == "ar" else "ltr")
    assert phone.page.locator('.cat-contact a[href^="tel:"]').is_visible()
    cards = phone.page.locator(".cat-similar li.cat-card")
    expected = [offer.id for offer in similar_offers(PUBLICATION, ENDED_OFFER)]
    assert cards.evaluate_all("cards => cards.map(card => card.dataset.id)") == expected
    assert no_sideways_scroll(phone)
    cards.first.locator("a").first.tap()
    phone.page.wait_for_url(f"**{language_path(language, f'offers/{expected[0]}/')}")
    assert phone.page.locator(".cat-notice--ended").count() == 0


@pytest.mark.parametrize(("path_language", "shown"), [("ar", ["ar"]), ("en", ["en"]), ("ti", ["ti"]), (DEFAULT, [DEFAULT, "en"])])
def test_the_404_page_speaks_the_language_the_address_names(phone: Tab, path_language: str, shown: list[str]) -> None:
    phone.visit(language_path(path_language, MISSING), expected_status=404)
    sections = phone.page.locator("section.cat-not-found__language:visible")
    assert sections.evaluate_all("sections => sections.map(section => section.lang)") == shown
    first = sections.first
    assert first.evaluate("element => getComputedStyle(element).direction") == ("rtl" if path_language == "ar" else "ltr")
    assert first.locator('a[href^="tel:"]').is_visible()
    assert no_sideways_scroll(phone)
    first.locator(f'a.cat-button[href="{language_path(shown[0], "catalogue/")}"]').tap()
    phone.page.wait_for_url(f"**{language_path(shown[0], 'catalogue/')}")


def test_the_404_page_of_an_address_in_no_language_folder_is_german_with_english(phone: Tab) -> None:
    phone.visit("/xx/" + MISSING, expected_status=404)
    langs = phone.page.locator("section.cat-not-found__language:visible").evaluate_all("sections => sections.map(section => section.lang)")
    assert langs == [DEFAULT, "en"]


def test_without_script_the_404_page_is_german_with_english(phone_without_script: Tab) -> None:
    phone_without_script.visit(language_path("ar", MISSING), expected_status=404)
    langs = phone_without_script.page.locator("section.cat-not-found__language:visible").evaluate_all("sections => sections.map(section => section.lang)")
    assert langs == [DEFAULT, "en"]


@pytest.mark.parametrize("language", SCREENSHOT_LANGUAGES)
@pytest.mark.parametrize(("kind", "path", "status"), [
    ("ended-offer", f"offers/{ENDED_OFFER.id}/", 200), ("not-found", MISSING, 404), ("news", "news/", 200), ("home", "", 200),
])
def test_screenshot(phone: Tab, screenshot_dir: Path, language: str, kind: str, path: str, status: int) -> None:
    """For people to look at: the pages these promises are about, full length, at 360 px."""
    phone.visit(language_path(language, path), expected_status=status)
    target = screenshot_dir / f"phone-{kind}-{language}.png"
    assert not (wrong := what_a_person_would_see_wrong(phone.page)), "\n".join(wrong[:15])
    phone.page.screenshot(path=str(target), full_page=True, scale="css")
