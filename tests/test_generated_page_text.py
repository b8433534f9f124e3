"""What a generated page says about itself in the reader's language: the notice on text shown in German (the page's own,
or only some of the entries it lists), and numbers in the language's own digits."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import read_settings
from catalogue.language.formatting import numbering_system
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.page_renderer import RenderedPage, template_environment
from catalogue.site.pages import PageRenderer

REPO = Path(__file__).resolve().parents[1]
TREE = Path(__file__).parent / "data" / "valid" / "tree"
TODAY = date(2026, 11, 26)
UNTRANSLATED = "fussball-kinder"
LABELS = {
    "fallback.notice": "OWN TEXT IN GERMAN", "fallback.notice_some": "SOME ENTRIES IN GERMAN",
    "fallback.parts": "IN {language}: {parts}", "fallback.part_title": "TITLE",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Publication, object]:
    """The small site with the English title of one offer removed."""
    root = tmp_path_factory.mktemp("fallback") / "site"
    shutil.copytree(TREE, root)
    offer_file = root / "data/offers/sportverein-altstadt/fussball-kinder.yml"
    text = offer_file.read_text(encoding="utf-8")
    assert ", en: Football for children" in text
    offer_file.write_text(text.replace(", en: Football for children", ""), encoding="utf-8")
    settings = read_settings(root / "mkdocs.yml")
    loaded = load_catalogue(settings, today=TODAY)
    assert loaded.catalogue is not None, loaded.errors
    return publish(loaded.catalogue, TODAY), settings


def pages(site: tuple[Publication, object], language: str) -> dict[str, RenderedPage]:
    publication, settings = site
    renderer = PageRenderer(publication, ReaderLanguage(settings, language, labels=LABELS), template_environment())
    return {page.path: page for page in renderer.all_pages()}


def notice(page: RenderedPage) -> str | None:
    found = BeautifulSoup(page.body, "html.parser").select_one(".cat-notice[role=note]")
    return found.get_text(strip=True) if found else None


def test_an_untranslated_offer_says_which_of_its_texts_is_german(site) -> None:
    english = pages(site, "en")
    assert notice(english[f"offers/{UNTRANSLATED}/index.html"]) == "IN German: TITLE"
    assert notice(english["offers/deutsch-a1/index.html"]) is None


@pytest.mark.parametrize("path", ["catalogue/index.html", "actors/sportverein-altstadt/index.html"])
def test_a_list_with_one_untranslated_entry_says_only_some_are_german(site, path: str) -> None:
    assert notice(pages(site, "en")[path]) == LABELS["fallback.notice_some"]


def test_a_list_whose_entries_are_all_translated_has_no_notice(site) -> None:
    tigrinya = pages(site, "ti")
    assert notice(tigrinya["catalogue/index.html"]) is None
    assert notice(pages(site, "en")["actors/sprachschule-nord/index.html"]) is None


def own_text(html: str, language: str) -> str:
    """The page's text without what is in another language or reads left to right on purpose (phone numbers, codes)."""
    document = BeautifulSoup(html, "html.parser")
    for element in document.select("[lang], [dir=ltr]"):
        if element.get("lang", language) != language or element.get("dir") == "ltr":
            element.decompose()
    return document.get_text(" ")


NUMBER_LABELS = {
    "offer.ages.other": "{min}–{max}",
    "offer.age_from.other": "{min}+",
    "offer.age_to.other": "–{max}",
    "catalogue.count.other": "{count}",
    "catalogue.intro.other": "{count} {town}",
    "offer.time_range": "{start}–{end}",
    "offer.date_time": "{date} {time}",
    "offer.period": "{start}–{end}",
    "offer.period_from": "{start}",
    "offer.period_until": "{end}",
    "offer.deadline": "{date}",
    "offer.checked": "{date} {by}",
    "offer.price": "{amount} / {per}",
}
OWN_DIGIT_LANGUAGES = [code for code in read_settings(REPO / "mkdocs.yml").language_codes if numbering_system(code) != "latn"]


@pytest.mark.parametrize("language", OWN_DIGIT_LANGUAGES)
def test_a_page_in_a_language_with_its_own_digits_writes_no_latin_digit(site, language: str) -> None:
    publication, settings = site
    reader = ReaderLanguage(settings, language, labels={**LABELS, **NUMBER_LABELS})
    renderer = PageRenderer(publication, reader, template_environment())
    rendered = [page.body for page in renderer.all_pages()] + [renderer.home_fragment("categories", "")]
    for html in rendered:
        text = own_text(html, language)
        assert not any(character in "0123456789" for character in text), text
    assert any(character.isdecimal() for html in rendered for character in own_text(html, language))
