"""Searching the built site on a phone: a word of an offer's title, typed as a reader types it, brings that offer
first; no result says so and offers a way on; the home page's search lands on its results. The words are chosen
from whatever data/ holds (a town replaces it); ranking and matching rules themselves are tested on the tests'
own catalogue (tests/test_search_ranking.py)."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from catalogue.language.localise import Localiser
from catalogue.site.search_terms import analyser

from tests.site.sample_data import PUBLISHED, SETTINGS

from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .site_pages import language_path

SEARCHED_LANGUAGES = tuple(code for code in ("ar", "fa", "de", "uk", "tr") if code in SETTINGS.language_codes)
"""The languages the issue names, as far as the town's site has them (the tests' own town has no Turkish: Turkish
queries run on the ranking fixture, tests/test_search_ranking.py)."""
WORDS_PER_LANGUAGE = 3


def _title_words(language: str) -> list[tuple[str, str]]:
    """(offer id, word) for words of translated titles whose terms no other offer's title or summary holds."""
    words = analyser(language)
    localiser = Localiser.of(SETTINGS, language)
    elsewhere: Counter[str] = Counter()
    titles = {}
    for offer in PUBLISHED:
        title_terms = {term for word in words.text_words(localiser.text(offer.title)) for term in words.word_terms(word)}
        summary_terms = {term for word in words.text_words(localiser.text(offer.summary)) for term in words.word_terms(word)}
        elsewhere.update(title_terms | summary_terms)
        if language in offer.title:
            titles[offer.id] = localiser.text(offer.title)
    chosen = []
    for offer_id in sorted(titles):
        unique = [word for word in words.text_words(titles[offer_id])
                  if len(word) >= 5 and not word.isdigit() and all(elsewhere[term] == 1 for term in words.word_terms(word))]
        if unique:
            chosen.append((offer_id, max(unique, key=len)))
    return chosen[:WORDS_PER_LANGUAGE]


CASES = [pytest.param(language, offer_id, word, id=f"{language}-{word}") for language in SEARCHED_LANGUAGES for offer_id, word in _title_words(language)]


def test_every_searched_language_with_translated_titles_has_words_to_try() -> None:
    translated = {code for code in SEARCHED_LANGUAGES if any(code in offer.title for offer in PUBLISHED)}
    assert translated
    assert {case.values[0] for case in CASES} == translated


@pytest.mark.parametrize(("language", "offer_id", "word"), CASES)
def test_a_title_word_brings_its_offer_first(phone: Tab, language: str, offer_id: str, word: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    catalogue = CatalogueView(phone.page).settled().search(word)
    first = phone.page.locator("li.cat-card:visible").first.get_attribute("data-id")
    assert first == offer_id, f"searching {word!r} in {language} showed {first} first"
    assert catalogue.count() >= 1


@pytest.mark.parametrize("language", ["de", "ar"])
def test_nothing_found_says_so_and_gives_the_office_phone(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    CatalogueView(phone.page).settled().search("qqqxqqq")
    notice = phone.page.locator("#cat-no-match")
    notice.wait_for(state="visible")
    assert phone.page.locator("li.cat-card:visible").count() == 0
    assert notice.locator('a[href^="tel:"]').count() == 1
    assert phone.page.locator("#cat-empty").is_hidden()


def test_a_misspelt_word_is_offered_its_spelling(phone: Tab) -> None:
    offer_id, word = _title_words("de")[0]
    misspelt = word[:2] + word[3] + word[2] + word[4:]  # two letters swapped, as a thumb does
    assert misspelt != word
    phone.visit(language_path("de", "catalogue/"))
    CatalogueView(phone.page).settled().search(misspelt)
    assert phone.page.locator("li.cat-card:visible").count() == 0
    suggestion = phone.page.locator("#cat-suggest a", has_text=word.lower()).first
    suggestion.wait_for(state="visible")
    suggestion.tap()
    CatalogueView(phone.page).settled()
    assert phone.page.locator("li.cat-card:visible").first.get_attribute("data-id") == offer_id


def test_home_search_lands_on_its_results(phone: Tab) -> None:
    offer_id, word = _title_words("de")[0]
    phone.visit(language_path("de"))
    phone.page.locator("#cat-home-q").fill(word)
    phone.page.locator("#cat-home-q").press("Enter")
    catalogue = CatalogueView(phone.page).settled()
    assert phone.page.url.endswith("#cat-results")
    assert catalogue.control_values()["q"] == word
    count_line = phone.page.locator("#cat-results")
    assert count_line.get_attribute("aria-live") == "polite"
    box = count_line.bounding_box()
    assert box is not None and 0 <= box["y"] < phone.page.viewport_size["height"], "the count is not on screen"


def test_without_javascript_the_home_search_is_replaced_by_a_note(phone_without_script: Tab) -> None:
    phone_without_script.visit(language_path("de"))
    page = phone_without_script.page
    assert page.locator("form.cat-home-search").is_hidden()
    note = page.locator("p.cat-notice", has=page.locator('a[href^="tel:"]'))
    assert note.is_visible()


SAME_RESULTS = [
    pytest.param("ar", "الحضانة", "حضانة", id="ar-without-article"),
    pytest.param("ar", "الحضانة", "بالحضانة", id="ar-one-letter-prefix"),
    pytest.param("ar", "الحضانة", "الحضانه", id="ar-heh-for-teh-marbuta"),
    pytest.param("fa", "قدم‌های", "قدمهای", id="fa-without-half-space"),
    pytest.param("fa", "قدم‌های", "قدم های", id="fa-with-space"),
]


def _shown(catalogue: CatalogueView) -> list[str | None]:
    return [card.get_attribute("data-id") for card in catalogue.page.locator("li.cat-card:visible").all()]


@pytest.mark.parametrize(("language", "written", "typed"), SAME_RESULTS)
def test_another_spelling_finds_the_same_offers_in_the_same_order(phone: Tab, language: str, written: str, typed: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    catalogue = CatalogueView(phone.page).settled()
    expected = _shown(catalogue.search(written))
    assert expected
    assert _shown(catalogue.search(typed)) == expected


def _offers_whose(language: str, field: str, pattern: str) -> set[str]:
    localiser = Localiser.of(SETTINGS, language)
    return {offer.id for offer in PUBLISHED if re.search(pattern, localiser.text(getattr(offer, field)), re.IGNORECASE)}


def test_kurs_finds_the_german_courses_whose_titles_hide_it_in_a_compound(phone: Tab) -> None:
    compounds = _offers_whose("de", "title", r"\w+kurs\b")
    assert compounds
    phone.visit(language_path("de", "catalogue/"))
    found = set(_shown(CatalogueView(phone.page).settled().search("kurs")))
    assert compounds <= found, compounds - found


def test_german_in_ukrainian_brings_a_german_course_first_although_every_offer_lists_german(phone: Tab) -> None:
    courses = _offers_whose("uk", "title", r"німецьк")
    assert courses
    phone.visit(language_path("uk", "catalogue/"))
    found = _shown(CatalogueView(phone.page).settled().search("німецька"))
    assert found and found[0] in courses, found


@pytest.mark.parametrize(("language", "word"), [("de", "kostenlos"), ("ar", "مجاني")])
def test_a_word_that_names_a_filter_offers_it_in_one_tap(phone: Tab, language: str, word: str) -> None:
    free = {offer.id for offer in PUBLISHED if offer.costs.free_for_some}
    phone.visit(language_path(language, "catalogue/"))
    catalogue = CatalogueView(phone.page).settled().search(word)
    hint = phone.page.locator("#cat-filter-hints button")
    hint.first.wait_for(state="visible")
    assert hint.count() == 1
    assert hint.inner_text().strip() == (phone.page.locator('label[for="cat-free"]').text_content() or "").strip()
    hint.tap()
    catalogue.settled()
    assert catalogue.control_values()["free"] is True and catalogue.control_values()["q"] == ""
    assert "free=1" in phone.page.url
    assert catalogue.count() == len(free)
    assert catalogue.visible_offer_ids() <= free
    assert phone.page.locator("#cat-filter-hints").is_hidden()
