"""Languages Material for MkDocs has no interface for (Pashto right to left, Kurmanji, Somali, Tigrinya): each page
speaks the language's own interface words in its direction on a 360 px phone; and a fallback chain (the tests' own
town: Tigrinya -> English) shows the English text marked as English."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.material_language import material_has_language

from tests.site.sample_data import DEFAULT, LOADED, PUBLISHED, SETTINGS as FIXTURE_SETTINGS

from .browser_tab import Tab
from .site_pages import language_path
from .test_layout import _overflow
from .town_pages import PAGE_PATHS, SETTINGS, TownPage

WITHOUT_MATERIAL = [code for code in SETTINGS.language_codes if not material_has_language(code)]
"""The town's languages whose interface words come from their labels file's `theme:` map."""
PHONE_PAGES = [TownPage(kind, code) for code in WITHOUT_MATERIAL for kind in ("home", "catalogue", "offer", "about") if kind in PAGE_PATHS]


def labels(code: str) -> dict:
    """The words the town's site shows in a language: its own labels file, or the product's."""
    own = SETTINGS.data_dir / "labels" / f"{code}.yml"
    return yaml.safe_load((own if own.is_file() else DEFAULTS_DIR / "labels" / f"{code}.yml").read_text(encoding="utf-8"))


_LAYOUT = r"""() => {
  const firstLetter = selector => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {acceptNode: node => node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
    const text = walker.nextNode();
    const start = text.textContent.search(/\S/);
    const range = document.createRange(); range.setStart(text, start); range.setEnd(text, start + 1);
    const r = range.getBoundingClientRect();
    return {left: r.left, right: r.right};
  };
  return {
    lang: document.documentElement.lang,
    dir: document.body.dir,
    direction: getComputedStyle(document.body).direction,
    heading: firstLetter('.md-content h1'),
    paragraph: firstLetter('.md-content p'),
    skip: document.querySelector('.md-skip') ? document.querySelector('.md-skip').textContent.trim() : null,
    home: Array.from(document.querySelectorAll('a')).map(a => a.textContent.trim()),
  };
}"""


@pytest.mark.parametrize("town_page", PHONE_PAGES, ids=str)
def test_a_language_without_materials_interface_speaks_its_own_words_in_its_direction(town_visiting_phone: Tab, town_page: TownPage) -> None:
    tab = town_visiting_phone
    tab.forget()
    tab.visit(town_page.path)
    words = labels(town_page.language)
    layout = tab.page.evaluate(_LAYOUT)
    direction = words["direction"]
    assert (layout["lang"], layout["dir"], layout["direction"]) == (town_page.language, direction, direction)
    assert layout["skip"] == words["theme"]["action.skip"]
    assert words["site"]["nav.home"] in layout["home"]
    overflow = _overflow(tab)
    assert overflow["width"] <= 360, f"{town_page.path} is {overflow['width']} px wide: {overflow['wider']}"
    for part in ("heading", "paragraph"):
        first = layout[part]
        assert first is not None, f"{town_page.path} has no {part}"
        if direction == "rtl":
            assert first["right"] > 300, f"{town_page.path}: the {part}'s first letter is not at the right edge: {first}"
        else:
            assert first["left"] < 60, f"{town_page.path}: the {part}'s first letter is not at the left edge: {first}"


@pytest.mark.parametrize("language", WITHOUT_MATERIAL)
def test_phone_screenshot_of_a_language_without_materials_interface(town_visiting_phone: Tab, screenshot_dir: Path, language: str) -> None:
    for kind in ("home", "offer"):
        town_visiting_phone.forget()
        town_visiting_phone.visit(TownPage(kind, language).path)
        path = screenshot_dir / f"phone-{language}-{kind}-town.png"
        town_visiting_phone.page.screenshot(path=str(path), full_page=False)
        assert path.stat().st_size > 0


CHAINED = [code for code in FIXTURE_SETTINGS.language_codes if len(FIXTURE_SETTINGS.fallback_chain(code)) > 1]
CHAIN_CASES = [
    (code, offer.id, shown)
    for code in CHAINED
    for offer in PUBLISHED
    if code not in offer.title
    and (shown := next(language for language in FIXTURE_SETTINGS.fallback_chain(code) if language in offer.title)) != DEFAULT
]

_FALLBACK_TITLE = """() => {
  const element = document.querySelector('h1 .cat-fallback');
  const notice = document.querySelector('article .cat-notice[role=note]:not(.cat-notice--preview)');
  return element && {lang: element.lang, direction: getComputedStyle(element).direction, text: element.textContent,
                     notice: notice && notice.textContent};
}"""


def test_the_fixture_town_has_a_fallback_chain_case() -> None:
    assert CHAIN_CASES, "no offer of the fixture town falls back to a chain language other than the default"


@pytest.mark.parametrize(("language", "offer_id", "shown"), CHAIN_CASES[:2])
def test_a_chain_fallback_shows_the_chain_language_marked_and_named(phone: Tab, language: str, offer_id: str, shown: str) -> None:
    phone.visit(language_path(language, f"offers/{offer_id}/"))
    title = phone.page.evaluate(_FALLBACK_TITLE)
    offer = next(offer for offer in PUBLISHED if offer.id == offer_id)
    assert title is not None and (title["lang"], title["direction"], title["text"]) == (shown, "ltr", offer.title[shown])
    reader = ReaderLanguage(FIXTURE_SETTINGS, language, LOADED.labels[language], LOADED.labels[DEFAULT])
    assert reader.language_name(shown) in (title["notice"] or "")
    assert _overflow(phone)["width"] <= 360
