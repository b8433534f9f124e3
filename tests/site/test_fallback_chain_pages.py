"""The fixture town's fallback chain (Tigrinya: English, then German) on its built pages: a text shows in the first
language of the chain that has it, marked with that language and its direction, under a notice that names it."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from catalogue.language.reader_language import ReaderLanguage, direction_of

from .conftest import BuiltSite
from .sample_data import DEFAULT, LOADED, PUBLISHED, SETTINGS, prefix

CHAINED = [code for code in SETTINGS.language_codes if len(SETTINGS.fallback_chain(code)) > 1]


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(path), "html.parser")


def reader(language: str) -> ReaderLanguage:
    return ReaderLanguage(SETTINGS, language, LOADED.labels[language], LOADED.labels[DEFAULT],
                          chain_labels={code: LOADED.labels[code] for code in SETTINGS.fallback_chain(language)})


def shown_in(texts: dict[str, str], language: str) -> str:
    return next(code for code in (language, *SETTINGS.fallback_chain(language)) if code in texts)


def test_the_fixture_town_has_a_chain_to_test() -> None:
    assert CHAINED, "tests/fixtures/town/mkdocs.yml gives no language a fallback chain"


@pytest.mark.parametrize("language", CHAINED)
@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_an_offer_page_shows_the_first_language_of_the_chain_and_names_it(sample_site: BuiltSite, offer, language: str) -> None:
    shown = shown_in(offer.title, language)
    if shown == language:
        pytest.skip("translated")
    page = soup(sample_site, f"{prefix(language)}offers/{offer.id}/index.html")
    title = page.select_one("h1 .cat-fallback")
    assert title is not None and (title["lang"], title["dir"]) == (shown, direction_of(shown))
    assert title.get_text() == offer.title[shown]
    notice = page.select_one("article .cat-notice[role=note]:not(.cat-notice--preview)")
    assert notice is not None
    words = reader(language)
    assert words.language_name(shown) in notice.get_text() and str(words.t("fallback.part_title")) in notice.get_text()


@pytest.mark.parametrize("language", CHAINED)
def test_the_catalogue_names_every_language_its_cards_fall_back_to(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, f"{prefix(language)}catalogue/index.html")
    words = reader(language)
    expected = {shown_in(offer.title, language) for offer in PUBLISHED} - {language}
    notice = page.select_one(".cat-notice[role=note]:not(.cat-notice--preview)")
    assert notice is not None and notice.get_text() == words.fallback_note("fallback.notice_some", expected)
    for offer in PUBLISHED:
        card = page.select_one(f'.cat-card[data-id="{offer.id}"]')
        shown = shown_in(offer.title, language)
        note = card.select_one(".cat-card__fallback")
        if shown == language:
            continue
        assert card.select_one(".cat-card__title .cat-fallback")["lang"] == shown
        assert note is not None and note.get_text() == words.fallback_note("card.fallback", {shown_in(offer.summary, language), shown})


@pytest.mark.parametrize("language", CHAINED)
def test_a_hand_written_page_comes_from_the_chain_marked_with_its_language(sample_site: BuiltSite, language: str) -> None:
    docs = SETTINGS.docs_dir
    assert docs is not None and not (docs / f"about.{language}.md").exists()
    shown = next((code for code in SETTINGS.fallback_chain(language) if (docs / f"about.{code}.md").is_file()), DEFAULT)
    page = soup(sample_site, f"{prefix(language)}about/index.html")
    content = page.select_one(f'#cat-content > div[lang="{shown}"]')
    assert content is not None and content["dir"] == direction_of(shown)
    assert page.select_one("#cat-content > .cat-notice:not(.cat-notice--preview)").get_text() == reader(language).fallback_note("fallback.notice", [shown])
    assert SETTINGS.town_in(shown) in content.get_text()
