"""The town's settings (mkdocs.yml, `extra.catalogue`) and the placeholders that carry them into content pages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from catalogue.data.settings import settings_from_config
from catalogue.language.reader_language import ReaderLanguage
from catalogue.data.messages import Messages
from catalogue.site.messages import TABLE as SITE_MESSAGES
from catalogue.site.content_placeholders import fill_page, fill_placeholders, placeholder_values

LANGUAGES = {"plugins": [{"i18n": {"languages": [
    {"locale": "de", "name": "Deutsch", "default": True}, {"locale": "ar", "name": "العربية"}, {"locale": "ps", "name": "پښتو"},
]}}]}


def settings(**catalogue: object):
    return settings_from_config({**LANGUAGES, "site_url": "https://bildung.musterstadt.example.org", "extra": {"catalogue": catalogue}}, Path("."))


def test_a_plain_town_name_serves_every_language() -> None:
    plain = settings(town="Musterstadt", office="Bildungsbüro")
    assert plain.town == plain.town_in("ar") == "Musterstadt"
    assert plain.office == "Bildungsbüro" and plain.office_email == ""


def test_a_town_name_per_language_falls_back_to_the_default_languages() -> None:
    named = settings(town={"de": "Musterstadt", "ar": "موسترشتات"})
    assert (named.town, named.town_in("ar"), named.town_in("ps")) == ("Musterstadt", "موسترشتات", "Musterstadt")


def test_the_office_and_the_legal_date_are_read_from_the_settings() -> None:
    office = settings(town="Musterstadt", office={"name": "Bildungsbüro", "address": "Markt 1, 11111 Musterstadt",
                                                  "phone": "+49 30 1234-56", "email": "bildung@musterstadt.example.org"},
                      legal_date="2027-01-15")
    assert (office.office, office.office_address, office.office_phone, office.office_email) == (
        "Bildungsbüro", "Markt 1, 11111 Musterstadt", "+49 30 1234-56", "bildung@musterstadt.example.org")
    assert office.legal_date == date(2027, 1, 15)


def test_the_offices_name_per_language_shows_in_the_readers_language_or_marked_as_german() -> None:
    town = settings(town="Musterstadt", office={"name": {"de": "Bildungsbüro", "ar": "مكتب التعليم"}})
    assert (town.office, town.office_in("ar"), town.office_in("ps")) == ("Bildungsbüro", "مكتب التعليم", "Bildungsbüro")
    assert str(ReaderLanguage(town, "ar", labels={}).office) == "<bdi>مكتب التعليم</bdi>"
    assert str(ReaderLanguage(town, "ps", labels={}).office) == '<bdi lang="de" dir="ltr">Bildungsbüro</bdi>'


def test_a_town_may_keep_preview_languages_out_of_the_menu() -> None:
    assert settings(town="Musterstadt", preview_languages="hide").hide_preview_languages
    assert not settings(town="Musterstadt").hide_preview_languages


def reader(code: str) -> ReaderLanguage:
    town = settings(town={"de": "Musterstadt", "ar": "موسترشتات"}, office={"name": "Bildungsbüro", "phone": "+49 (30) 1234-56"},
                    legal_date="2027-01-15")
    return ReaderLanguage(town, code, labels={})


def test_placeholders_speak_the_readers_language() -> None:
    german, arabic = placeholder_values(reader("de")), placeholder_values(reader("ar"))
    assert german["town"] == "Musterstadt" and arabic["town"] == "موسترشتات"
    assert german["legal_date"] == "15. Januar 2027"
    assert german["languages"] == "Deutsch, Arabisch und Paschtu"
    assert german["languages_list"].splitlines() == ["- Deutsch", "- Arabisch", "- Paschtu"]
    assert german["language_count"] == "3"
    assert german["office_phone_tel"] == "+493012345" + "6"
    assert german["site_host"] == "bildung.musterstadt.example.org"


@pytest.mark.parametrize(
    ("text", "filled", "unknown"),
    [
        ("Willkommen in {{ town }}!", "Willkommen in Musterstadt!", ()),
        ("{{town}}, {{  town  }}", "Musterstadt, Musterstadt", ()),
        ("Post: {{ office_address }}", "Post: {{ office_address }}", ("office_address",)),
        ("{{ towm }} und {{ towm }}", "{{ towm }} und {{ towm }}", ("towm",)),
        ("{ town } and {{ Town }}", "{ town } and {{ Town }}", ()),
    ],
    ids=["filled", "spacing", "setting left empty", "misspelt once reported", "not a placeholder"],
)
def test_filling_placeholders_reports_what_no_setting_provides(text: str, filled: str, unknown: tuple[str, ...]) -> None:
    result = fill_placeholders(text, placeholder_values(reader("de")))
    assert (result.text, result.unknown) == (filled, unknown)


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "{{ towm }} ist keine Einstellung – verwenden Sie eine von"), ("en", "{{ towm }} is not a setting – use one of")],
)
def test_a_page_with_an_unknown_name_gets_one_warning_in_the_offices_language(language: str, words: str) -> None:
    page = fill_page(
        "{{ towm }}, {{ town }}", {"title": "{{ towm }} in {{ town }}", "order": 2}, reader("de"),
        source="kontakt.md", messages=Messages(language, SITE_MESSAGES),
    )
    assert page.text.endswith(", Musterstadt") and page.meta == {"title": "{{ towm }} in Musterstadt", "order": 2}
    assert len(page.warnings) == 1
    assert page.warnings[0].startswith(f"kontakt.md: {words}") and "town" in page.warnings[0]


def test_a_legal_page_says_it_is_not_reviewed_until_the_town_sets_the_date() -> None:
    not_reviewed = ReaderLanguage(settings(town="Musterstadt"), "de", labels={"legal.not_reviewed": "Nicht geprüft"})
    unreviewed = fill_page("Text", {}, not_reviewed, source="impressum.md", messages=Messages("de"))
    other = fill_page("Text", {}, not_reviewed, source="kontakt.md", messages=Messages("de"))
    reviewed = fill_page("Text", {}, reader("de"), source="impressum.md", messages=Messages("de"))
    assert unreviewed.text == '<p class="cat-notice" role="note">Nicht geprüft</p>\n\nText'
    assert other.text == reviewed.text == "Text"


@pytest.mark.parametrize("hide", [False, True])
def test_the_menu_lists_a_preview_language_unless_the_town_hides_it(hide: bool) -> None:
    from catalogue.site.site_chrome import SiteChrome

    town = settings(town="Musterstadt", preview_languages="hide" if hide else "show")
    german = SiteChrome(ReaderLanguage(town, "de", labels={}, preview_languages=frozenset({"ps"})))
    pashto = SiteChrome(ReaderLanguage(town, "ps", labels={}, preview_languages=frozenset({"ps"})))
    assert german.in_menu("ar") and german.in_menu("de")
    assert german.in_menu("ps") is not hide
    assert pashto.in_menu("ps") and pashto.preview and not german.preview


CONCILIATION = {
    "name": "Schlichtungsstelle BGG Musterland",
    "address": "Ministeriumstraße 1, 12345 Landeshauptstadt",
    "email": "schlichtung@musterland.example.org",
    "url": "https://schlichtung.musterland.example.org/",
}


def test_the_accessibility_statement_names_the_states_law_and_conciliation_body_from_the_settings() -> None:
    town = settings(town="Musterstadt", accessibility={"law": "Landesbehindertengleichstellungsgesetz (LBGG)", "conciliation": CONCILIATION})
    german = placeholder_values(ReaderLanguage(town, "de", labels={"legal.conciliation_email": "E-Mail", "legal.conciliation_website": "Website"}))
    assert german["accessibility_law"] == "Landesbehindertengleichstellungsgesetz (LBGG)"
    body = german["conciliation_body"]
    assert body.startswith("**Schlichtungsstelle BGG Musterland**, Ministeriumstraße 1, 12345 Landeshauptstadt")
    assert "E-Mail: [schlichtung@musterland.example.org](mailto:schlichtung@musterland.example.org)" in body
    assert "Website: [https://schlichtung.musterland.example.org/](https://schlichtung.musterland.example.org/)" in body


def test_without_the_setting_the_statement_says_in_the_readers_words_what_the_town_fills_in() -> None:
    town = settings(town="Musterstadt")
    words = {"legal.conciliation_missing": "[Die Stadt trägt hier die Schlichtungsstelle ein]", "legal.accessibility_law_missing": "[Gesetz]"}
    values = placeholder_values(ReaderLanguage(town, "de", labels=words))
    assert values["conciliation_body"] == "**[Die Stadt trägt hier die Schlichtungsstelle ein]**"
    assert values["accessibility_law"] == "**[Gesetz]**"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://schlichtung.example.org/", "schlichtung.example.org"])
def test_a_conciliation_address_that_is_no_https_link_is_not_linked(url: str) -> None:
    town = settings(town="Musterstadt", accessibility={"conciliation": {**CONCILIATION, "url": url}})
    body = placeholder_values(ReaderLanguage(town, "de", labels={}))["conciliation_body"]
    assert f"]({url})" not in body and "javascript" not in body
