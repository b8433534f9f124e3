"""Every kind of page at twice the text size on a 360 px phone, in Arabic and German (WCAG 1.4.4 Resize text, 1.4.10
Reflow): text grows with the reader's setting, nothing scrolls sideways, no text is cut off, runs out of its box or
lies over other text, no word breaks between two letters where it would fit a line, the header leaves the screen to
the page, and the home page's search box keeps its width. How the text is made larger: text_layout.py."""
from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from catalogue.publication.ended_offers import ended_offers
from tests.site.sample_data import PUBLICATION

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import NOT_FOUND, PAGE_PATHS, SitePage, language_path, pages
from .static_server import SiteServer
from .text_layout import layout_problem_lines, layout_problems, root_font_size, set_browser_font_size, set_phone_text_size, what_a_person_would_see_wrong

LARGE = 2.0
"""200 %: the size WCAG 1.4.4 asks a page to take without loss of content or function."""
LANGUAGES = ("ar", "de")
"""A right-to-left language, and the left-to-right one with the longest words."""
FIRST_SCREEN = PHONE["viewport"]["height"]
HEADER_SHARE = 0.25
"""The most of the first screen the header and the main navigation may take at large text."""

SETTINGS: dict[str, Callable[[BrowserContext, Page, float], None]] = {
    "phone-text-size": set_phone_text_size,
    "browser-font-size": set_browser_font_size,
}


def _phone(chromium: Browser, server: SiteServer, factor: float = 1.0) -> Iterator[Tab]:
    context = chromium.new_context(**PHONE)
    try:
        tab = Tab.open_in(context, server)
        if factor != 1.0:
            set_browser_font_size(context, tab.page, factor)
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def large_text_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """One phone tab with the browser's text size at 200 %, visiting page after page."""
    yield from _phone(chromium, site_server, LARGE)


@pytest.mark.parametrize("setting", SETTINGS)
def test_text_grows_with_the_readers_setting(chromium: Browser, site_server: SiteServer, setting: str) -> None:
    """A phone's own text size reaches the page only where the page opts in (<meta name="text-scale">); without it Chrome
    falls back on text autosizing, which Material's style sheet switches off."""
    context = chromium.new_context(**PHONE)
    try:
        tab = Tab.open_in(context, site_server)
        tab.visit(language_path("de"))
        regular = root_font_size(tab.page)
        SETTINGS[setting](context, tab.page, LARGE)
        tab.visit(language_path("de"))
        assert root_font_size(tab.page) == pytest.approx(regular * LARGE), f"with the {setting} at 200 % the text is {root_font_size(tab.page)} px, at 100 % {regular} px"
    finally:
        context.close()


MORE_PATHS = {"news-archive": "news/archive/", "ended-offer": f"offers/{ended_offers(PUBLICATION)[0].id}/"}
"""Kinds of page the tests' page list does not name: the news archive and the page an ended offer keeps."""
EVERY_PAGE = [(str(page), page.path, page.expected_status) for page in pages(tuple(kind for kind in PAGE_PATHS if kind != NOT_FOUND), LANGUAGES)]
EVERY_PAGE += [(f"{language}:{kind}", language_path(language, path), 200) for language in LANGUAGES for kind, path in MORE_PATHS.items()]
EVERY_PAGE += [(str(SitePage(NOT_FOUND, "de")), SitePage(NOT_FOUND, "de").path, 404)]


@pytest.mark.parametrize(("name", "path", "status"), EVERY_PAGE, ids=[name for name, _, _ in EVERY_PAGE])
def test_every_page_reads_well_at_200_percent_text(large_text_phone: Tab, name: str, path: str, status: int) -> None:
    large_text_phone.visit(path, status)
    problems = layout_problem_lines(layout_problems(large_text_phone.page))
    assert not problems, f"{path} at 200 % text:\n" + "\n".join(problems[:15])


@pytest.mark.parametrize("kind", ["home", "offer"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_leaves_the_first_screen_to_the_page(large_text_phone: Tab, language: str, kind: str) -> None:
    large_text_phone.visit(language_path(language, PAGE_PATHS[kind]))
    box = large_text_phone.page.locator(".cat-mainnav").bounding_box()
    assert box is not None
    bottom = box["y"] + box["height"]
    assert bottom <= FIRST_SCREEN * HEADER_SHARE, f"header and navigation end at {bottom:.0f} px of a {FIRST_SCREEN} px screen"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_navigation_is_one_tap_away_at_large_text(large_text_phone: Tab, language: str) -> None:
    page = large_text_phone.page
    large_text_phone.visit(language_path(language))
    links = page.locator(".cat-mainnav li a")
    assert links.count() >= 4
    assert not links.first.is_visible(), "the main navigation takes the first screen instead of folding behind its button"
    page.locator(".cat-menu__button").click()
    assert all(links.nth(index).is_visible() for index in range(links.count()))
    links.nth(1).click()
    page.wait_for_load_state()
    assert page.url.endswith(language_path(language, PAGE_PATHS["catalogue"]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_navigation_stays_open_at_regular_text(phone: Tab, language: str) -> None:
    phone.visit(language_path(language))
    assert not phone.page.locator(".cat-menu__button").is_visible()
    links = phone.page.locator(".cat-mainnav li a")
    assert all(links.nth(index).is_visible() for index in range(links.count()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_search_box_keeps_its_width_at_large_text(large_text_phone: Tab, language: str) -> None:
    large_text_phone.visit(language_path(language))
    field = large_text_phone.page.locator(".cat-home-search input[type=search]").bounding_box()
    form = large_text_phone.page.locator(".cat-home-search").bounding_box()
    assert field is not None and form is not None
    assert field["width"] >= 0.9 * form["width"], f"the search box is {field['width']:.0f} px wide in a {form['width']:.0f} px form"


_TILE_COUNT = "() => document.querySelectorAll('.cat-tile').length"


@pytest.mark.parametrize("factor", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("language", ["de", "ar", "uk", "ti"])
def test_tile_labels_keep_whole_words_at_every_text_size(chromium: Browser, site_server: SiteServer, language: str, factor: float) -> None:
    for tab in _phone(chromium, site_server, factor):
        tab.visit(language_path(language))
        assert tab.page.evaluate(_TILE_COUNT) > 0
        broken = [entry for entry in layout_problems(tab.page)["broken_words"] if " in span.cat-tile__" in entry]
        assert not broken, f"at {factor:.0%} text: {broken}"


@pytest.mark.parametrize("kind", ["home", "catalogue", "offer"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_large_text_screenshot(large_text_phone: Tab, screenshot_dir: Path, language: str, kind: str) -> None:
    large_text_phone.visit(language_path(language, PAGE_PATHS[kind]))
    path = screenshot_dir / f"phone-200-percent-text-{language}-{kind}.png"
    assert not (wrong := what_a_person_would_see_wrong(large_text_phone.page)), "\n".join(wrong[:15])
    large_text_phone.page.screenshot(path=str(path), full_page=True, scale="css")
    assert struct.unpack(">I", path.read_bytes()[16:20])[0] == PHONE["viewport"]["width"], "the page is wider than the phone"
