"""A page's one notice about its language says exactly which of its parts are not in the reader's language, and in
which language they are shown; a page whose texts are all translated says nothing of the kind."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from catalogue.language.reader_language import ReaderLanguage

from .conftest import LANGUAGES, BuiltSite
from .sample_data import DEFAULT, LOADED, PUBLICATION, PUBLISHED, SETTINGS, prefix

LANGUAGE_NOTICE = "article > .cat-notice[role=note]:not(.cat-notice--stale):not(.cat-notice--paused)"


def reader(language: str) -> ReaderLanguage:
    return ReaderLanguage(SETTINGS, language, LOADED.labels[language], LOADED.labels[DEFAULT],
                          chain_labels={code: LOADED.labels[code] for code in SETTINGS.fallback_chain(language)})


def own_fallbacks(article: Tag) -> list[Tag]:
    """The texts of the page itself (not of the offer cards it lists) shown in another language."""
    return [element for element in article.select(".cat-fallback") if element.find_parent(class_="cat-card") is None]


def page_parts(page: str, site: BuiltSite) -> tuple[Tag, list[Tag]]:
    article = BeautifulSoup(site.page(page), "html.parser").select_one("article")
    return article, article.select(LANGUAGE_NOTICE)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != DEFAULT])
@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_an_offer_page_names_what_is_not_translated_in_one_notice(sample_site: BuiltSite, offer, language: str) -> None:
    article, notices = page_parts(f"{prefix(language)}offers/{offer.id}/index.html", sample_site)
    words = reader(language)
    fallbacks = own_fallbacks(article)
    assert len(notices) <= 1, [notice.get_text() for notice in notices]
    machine = language in offer.translation.machine
    if not fallbacks:
        assert not notices or (machine and notices[0].get_text() == words.t("machine.notice"))
        return
    text = notices[0].get_text()
    for shown in {element["lang"] for element in fallbacks}:
        assert words.language_name(shown) in text
    assert str(words.t("fallback.notice")) not in text, "no whole-page 'not translated' where parts are named"
    if language in offer.title:
        assert str(words.t("fallback.part_title")) not in text, "the notice names the title only where it is not translated"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != DEFAULT])
def test_an_offer_with_a_translated_text_and_german_hours_names_only_the_hours(sample_site: BuiltSite, language: str) -> None:
    words = reader(language)
    for offer in PUBLISHED:
        if not all(language in texts for texts in (offer.title, offer.summary, offer.description)):
            continue
        article, notices = page_parts(f"{prefix(language)}offers/{offer.id}/index.html", sample_site)
        if notices and own_fallbacks(article):
            text = notices[0].get_text()
            assert str(words.t("fallback.part_title")) not in text and str(words.t("fallback.part_text")) not in text


def test_the_fixture_town_has_an_offer_whose_only_german_part_is_a_side_text() -> None:
    """So that the tests above see a translated page with a German calling-hours or access line."""
    actors = PUBLICATION.catalogue.actors
    assert any(
        "en" in offer.title and "en" in offer.description
        and any(texts and "en" not in texts for texts in (actors[offer.actor].contact.hours, offer.eligibility))
        for offer in PUBLISHED
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_menu_names_each_language_in_its_own_words_and_the_pages(sample_site: BuiltSite, language: str) -> None:
    """'ትግርኛ · Tigrinisch' on a German page, so that a helper finds the family's language."""
    menu = BeautifulSoup(sample_site.page(f"{prefix(language)}index.html"), "html.parser").select("header .cat-languages__list a")
    words = reader(language)
    assert {link["hreflang"] for link in menu} == set(LANGUAGES)
    for link in menu:
        code = link["hreflang"]
        endonym = link.select_one(".cat-languages__endonym")
        assert endonym["lang"] == code and endonym.get_text() == SETTINGS.language(code).name
        name = link.select_one(".cat-languages__name")
        if code == language:
            assert name is None and link["aria-current"] == "true"
        else:
            assert name.get_text(" ", strip=True) == "· " + words.language_name(code) != "· " + endonym.get_text()


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != DEFAULT])
def test_a_news_headline_in_another_language_names_it_on_the_home_page(sample_site: BuiltSite, language: str) -> None:
    home = BeautifulSoup(sample_site.page(f"{prefix(language)}index.html"), "html.parser")
    words = reader(language)
    for headline in home.select(".cat-news li a"):
        shown = headline.select_one(".cat-fallback")
        if shown is not None:
            assert headline.get_text(" ", strip=True).endswith(f"({words.language_name(shown['lang'])})")
            assert shown["dir"] in ("ltr", "rtl")


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != DEFAULT])
def test_the_404_page_says_its_menu_is_german_in_each_language(sample_site: BuiltSite, language: str) -> None:
    page = BeautifulSoup(sample_site.page("404.html"), "html.parser")
    section = page.select_one(f'.cat-not-found__language[lang="{language}"]')
    note = section.select_one(".cat-muted").get_text()
    words = reader(language)
    assert words.language_name(DEFAULT) in note and str(words.t("nav.main")) in note
    assert page.select_one("html")["lang"] == DEFAULT, "the page's own menu and footer are marked as German"


PREVIEWS = frozenset(LOADED.unreviewed) - {DEFAULT}


def test_the_tests_town_has_preview_languages() -> None:
    """No labels file of the tests' town names a native reviewer yet, so every language but German is a preview."""
    assert PREVIEWS == set(LANGUAGES) - {DEFAULT}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_preview_language_is_marked_in_the_menu_and_on_its_pages_in_it_and_in_german(sample_site: BuiltSite, language: str) -> None:
    words, german = reader(language), reader(DEFAULT)
    for path in ("index.html", "catalogue/index.html", "about/index.html"):
        page = BeautifulSoup(sample_site.page(f"{prefix(language)}{path}"), "html.parser")
        notice = page.select_one("#cat-content > .cat-notice--preview")
        if language in PREVIEWS:
            assert notice.get_text(" ", strip=True) == f'{words.t("language.preview_notice")} {german.t("language.preview_notice")}'
            assert notice.select_one(f'span[lang="{DEFAULT}"]') is not None
        else:
            assert notice is None
        for link in page.select("header .cat-languages__list a"):
            tag = link.select_one(".cat-languages__preview")
            assert (tag is not None) is (link["hreflang"] in PREVIEWS)
            assert tag is None or tag.get_text() == f'({words.t("language.preview")})'
