"""Large text and mixed directions on a 360 px phone at 200 % text: Arabic-script words are never cut between two
letters or hyphenated, phone numbers never wrap, the site's name in the header is cut with an ellipsis on one line,
and a block whose whole text is a German fallback is laid out left to right on a right-to-left page."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import PAGE_PATHS, SAMPLE_ACTOR, language_path
from .static_server import SiteServer
from .text_layout import layout_problems, set_browser_font_size

LARGE = 2.0
ARABIC_SCRIPT = ("ar", "fa")
"""The tests' town's right-to-left languages (Pashto, the third, is the sample town's)."""
KINDS = ("home", "catalogue", "offer", "actor", "news-item", "figures")


@pytest.fixture(scope="module")
def large_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    context = chromium.new_context(**PHONE)
    try:
        tab = Tab.open_in(context, site_server)
        set_browser_font_size(context, tab.page, LARGE)
        yield tab
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["offer", "catalogue", "actor"])
@pytest.mark.parametrize("language", ARABIC_SCRIPT)
def test_arabic_script_words_stay_whole_at_200_percent(large_phone: Tab, language: str, kind: str) -> None:
    large_phone.visit(language_path(language, PAGE_PATHS[kind]))
    assert not layout_problems(large_phone.page)["broken_words"]
    styles = large_phone.page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset :is(p, dt, dd, li, h1, h2, h3, a, span)')]
             .filter((element) => element.closest('[lang]').lang === document.documentElement.lang && !element.closest('[dir=ltr]')
                 && /[\u0600-\u06ff]/.test([...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent).join('')))
             .map((element) => { const style = getComputedStyle(element); return [style.hyphens, style.overflowWrap, style.wordBreak]; })"""
    )
    wrong = [style for style in styles if style[0] != "manual" or style[1] == "anywhere" or style[2] != "normal"]
    assert styles and not wrong, wrong[:5]


@pytest.mark.parametrize("path", ["offers/deutsch-von-anfang-an/", f"actors/{SAMPLE_ACTOR}/", "diese-seite-gibt-es-nicht/"])
@pytest.mark.parametrize("language", ["de", "ar", "fa", "ti"])
def test_a_phone_number_never_wraps(large_phone: Tab, language: str, path: str) -> None:
    large_phone.visit(language_path(language, path), 404 if path.startswith("diese-seite") else 200)
    lines = large_phone.page.evaluate(
        """() => [...document.querySelectorAll('a[href^="tel:"] bdi')].filter((bdi) => bdi.offsetParent)
             .map((bdi) => new Set([...bdi.getClientRects()].map((rect) => Math.round(rect.top))).size)"""
    )
    assert lines and all(count == 1 for count in lines), lines


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_site_name_keeps_one_line_and_ends_in_an_ellipsis(large_phone: Tab, language: str, kind: str) -> None:
    large_phone.visit(language_path(language, PAGE_PATHS[kind]))
    name = large_phone.page.evaluate(
        """() => { const link = document.querySelector('.md-header .cat-sitename'); const style = getComputedStyle(link);
             const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
             return {overflow: style.textOverflow, wrap: style.whiteSpace, height: link.getBoundingClientRect().height, line,
                     title: link.title, right: link.getBoundingClientRect().right, left: link.getBoundingClientRect().left, width: innerWidth}; }"""
    )
    assert (name["overflow"], name["wrap"]) == ("ellipsis", "nowrap")
    assert name["height"] <= name["line"] * 1.2, "one line"
    assert 0 <= name["left"] and name["right"] <= name["width"]
    assert name["title"], "the whole name stays readable as the link's title"


@pytest.mark.parametrize("kind", ["catalogue", "offer", "home", "news-item"])
@pytest.mark.parametrize("language", ARABIC_SCRIPT)
def test_a_block_that_is_all_german_fallback_reads_left_to_right(phone: Tab, language: str, kind: str) -> None:
    phone.visit(language_path(language, PAGE_PATHS[kind]))
    blocks = phone.page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset .cat-fallback[dir=ltr]')].map((span) => {
             let block = span;
             while (getComputedStyle(block).display === 'inline') block = block.parentElement;
             return {whole: block.textContent.trim() === span.textContent.trim(), direction: getComputedStyle(block).direction,
                     text: span.textContent.trim().slice(0, 40), gap: span.getBoundingClientRect().left - block.getBoundingClientRect().left};
           }).filter((block) => block.whole)"""
    )
    wrong = [block["text"] for block in blocks if block["direction"] != "ltr" or block["gap"] > 24]
    assert not wrong, f"German blocks laid out right to left: {wrong}"
