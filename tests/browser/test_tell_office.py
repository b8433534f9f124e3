"""'Did not find it?' in every language: the catalogue's no-results state and the end of each category page offer an
e-mail to the office, a mailto: link read from the page in Chromium and parsed with urllib (RFC 6068): the office's
address, a subject and body in German and in the reader's language with the search, the filters and the page's
language."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.site.sample_data import SETTINGS
from tests.towns import town_settings, town_under_test

from .axe_check import axe_violations, describe_violations
from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .conftest import AXE_SCRIPT
from .site_pages import LANGUAGES, language_path

WORD = "qqqxqqq"
READER_SEARCHED = {"de": "Gesucht", "en": "Searched for", "ar": "بحثت عن", "fa": "جستجو", "uk": "Шукали", "ti": "ዝተደለየ"}
"""The first words of the reader's 'searched' line, as the labels have them (German is the office's block)."""


def _mail(href: str) -> tuple[str, str, str]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    return unquote(parts.path), query["subject"][0], query["body"][0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_found_offers_an_email_with_search_filters_and_language(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/") + f"?q={WORD}&d=altstadt&free=1")
    CatalogueView(phone.page).settled()
    line = phone.page.locator("#cat-tell")
    line.wait_for(state="visible")
    address, subject, body = _mail(line.locator("a#cat-tell-mail").get_attribute("href") or "")
    assert address == SETTINGS.office_email
    assert subject.startswith(f"Nicht gefunden: {WORD}")
    german, *reader = body.split("\r\n---\r\n")
    assert f"Gesucht: {WORD}\r\n" in german and "Filter: Stadtteil: Altstadt, Nur kostenlose Angebote" in german
    assert f"Sprache der Seite: {language}" in german or f"({language})" in german
    if language == "de":
        assert reader == []
    else:
        (own,) = reader
        assert own.startswith(f"{READER_SEARCHED[language]}: {WORD}") and f"({language})" in own
        assert len(subject.split(" / ")) == 2


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_line_shown_has_no_accessibility_violations(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/") + f"?q={WORD}")
    CatalogueView(phone.page).settled()
    phone.page.locator("#cat-tell").wait_for(state="visible")
    violations = axe_violations(phone.page, AXE_SCRIPT)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_end_of_a_category_page_offers_the_email_and_the_phone(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/german/"))
    line = phone.page.locator("p.cat-tell")
    assert line.count() == 1 and line.is_visible()
    assert line.locator('a[href^="tel:"]').count() == 1
    address, subject, body = _mail(line.locator("a.cat-tell__mail").get_attribute("href") or "")
    assert address == SETTINGS.office_email
    assert subject.startswith("Nicht gefunden: Deutsch lernen")
    assert "Gesucht: Deutsch lernen\r\nFilter: keine\r\n" in body
    assert body.count("\r\n---\r\n") == (0 if language == "de" else 1)
    last = phone.page.locator("main p:not(.cat-notice--preview), main nav").last  # the preview note closes every page of a preview language
    assert last.evaluate("(element) => element.classList.contains('cat-tell')"), "the line stands at the end of the page"


TOWN = town_settings(town_under_test())


@pytest.mark.parametrize("language", TOWN.language_codes)
def test_the_towns_no_results_email_works_in_every_language(town_visiting_phone: Tab, language: str) -> None:
    """The town under test (the sample town: all 11 languages): the e-mail reaches the office's address with a German
    block and one in the page's language."""
    if not TOWN.office_email:
        pytest.skip("the town gives no office e-mail address (extra.catalogue.office.email): no line to test")
    tab = town_visiting_phone
    tab.forget()
    tab.visit("/" + TOWN.url_prefix(language) + f"catalogue/?q={WORD}")
    line = tab.page.locator("#cat-tell")
    line.wait_for(state="visible")
    address, subject, body = _mail(line.locator("a#cat-tell-mail").get_attribute("href") or "")
    assert address == TOWN.office_email
    assert subject.startswith(f"Nicht gefunden: {WORD}") and WORD in subject.split(" / ")[-1]
    blocks = body.split("\r\n---\r\n")
    assert len(blocks) == (1 if language == TOWN.default_language else 2)
    assert all(WORD in block and f"({language})" in block for block in blocks)
