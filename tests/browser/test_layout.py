"""Nothing scrolls sideways, on a phone or a desktop, and phone numbers keep their order in right-to-left text."""
from __future__ import annotations

from typing import Any

import pytest

from tests.site.sample_data import PUBLISHED

from .browser_tab import Tab
from .site_pages import MAIN_KINDS, SAMPLE_OFFER, SitePage, language_path, pages

_OVERFLOW = """() => ({
  width: document.documentElement.scrollWidth,
  viewport: document.documentElement.clientWidth,
  wider: Array.from(document.body.querySelectorAll('*'))
    .filter(element => { const box = element.getBoundingClientRect(); return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1); })
    .slice(0, 5)
    .map(element => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '')),
})"""

_PHONE_NUMBER = """() => {
  const number = document.querySelector('a[href^="tel:"] bdi');
  const text = number.firstChild;
  const characters = Array.from(text.textContent);
  const left = index => { const range = document.createRange(); range.setStart(text, index); range.setEnd(text, index + 1); return range.getBoundingClientRect().left; };
  const digits = characters.map((character, index) => /[0-9]/.test(character) ? index : -1).filter(index => index >= 0);
  return {
    text: text.textContent,
    direction: getComputedStyle(number).direction,
    plus: left(characters.indexOf('+')),
    firstDigit: left(digits[0]),
    lastDigit: left(digits[digits.length - 1]),
  };
}"""


def _overflow(tab: Tab) -> dict[str, Any]:
    return tab.page.evaluate(_OVERFLOW)


@pytest.mark.parametrize("site_page", pages(MAIN_KINDS, ("ar", "fa", "de")), ids=str)
def test_no_sideways_scrolling_on_a_phone(phone: Tab, site_page: SitePage) -> None:
    phone.visit(site_page.path)
    overflow = _overflow(phone)
    assert overflow["width"] <= 360, f"{site_page.path} is {overflow['width']} px wide on a 360 px phone; too wide: {overflow['wider']}"


_SPILLING_TEXT = """() => Array.from(document.querySelectorAll('.md-content *'))
  .filter(element => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1
    && getComputedStyle(element).overflowX === 'visible')
  .slice(0, 5)
  .map(element => element.tagName.toLowerCase() + ': ' + element.textContent.trim().slice(0, 40))"""

@pytest.mark.parametrize("language", ["de", "ar", "uk"])
@pytest.mark.parametrize("offer_id", [offer.id for offer in PUBLISHED])
def test_no_text_runs_out_of_its_box_on_a_phone(phone: Tab, offer_id: str, language: str) -> None:
    """A page can be clipped rather than scroll: then a long word such as "Deutschkenntnisse" runs off unseen."""
    phone.visit(language_path(language, f"offers/{offer_id}/"))
    assert phone.page.evaluate(_SPILLING_TEXT) == []


@pytest.mark.parametrize("site_page", pages(MAIN_KINDS, ("ar", "de")), ids=str)
def test_no_sideways_scrolling_on_a_desktop(desktop: Tab, site_page: SitePage) -> None:
    desktop.visit(site_page.path)
    overflow = _overflow(desktop)
    assert overflow["width"] <= 1280, f"{site_page.path} is {overflow['width']} px wide; too wide: {overflow['wider']}"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_phone_numbers_read_left_to_right(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, f"offers/{SAMPLE_OFFER}/"))
    assert phone.page.evaluate("() => document.body.dir || document.dir") == "rtl"
    number = phone.page.evaluate(_PHONE_NUMBER)
    assert number["direction"] == "ltr", f"{number['text']} is set {number['direction']}"
    assert number["plus"] < number["firstDigit"] < number["lastDigit"], f"{number['text']} is shown out of order: {number}"
