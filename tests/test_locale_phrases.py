"""Generated numbers, dates, times, amounts, lists and phrases with a number read right in every configured language:
CLDR digits, one date pattern, one money style, the plural form the number asks for."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel import Locale
from babel.dates import format_time, get_day_names
from babel.numbers import get_decimal_symbol

from catalogue.data.settings import read_settings
from catalogue.data.plural_rules import plural_categories
from catalogue.language.formatting import LocaleFormatter, cldr_locale, numbering_system
from catalogue.language.reader_language import ReaderLanguage

REPO = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(REPO / "mkdocs.yml")
LANGUAGES = SETTINGS.language_codes

ZERO_NAMES = {"latn": "DIGIT ZERO", "arab": "ARABIC-INDIC DIGIT ZERO", "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO"}
SAMPLE_DAYS = [date(2026, 9, 1), date(2027, 1, 11), date(2027, 12, 24)]
AMOUNTS_WITH_CENTS = [2.29, 0.5, 1234.75]
WHOLE_AMOUNTS = [0, 10, 160, 1600]


def digit_zeros(text: str) -> set[str]:
    """The zero of every digit's numbering system found in the text."""
    return {chr(ord(character) - unicodedata.decimal(character)) for character in text if character.isdecimal()}


def expected_zero(language: str) -> str:
    system = Locale.parse(cldr_locale(language).language).default_numbering_system
    return unicodedata.lookup(ZERO_NAMES[system])


def reader(language: str, labels: dict[str, str], fallback_labels: dict[str, str] | None = None) -> ReaderLanguage:
    return ReaderLanguage(SETTINGS, language, labels=labels, fallback_labels=fallback_labels or {})


def test_the_settings_configure_several_languages() -> None:
    assert len(LANGUAGES) > 1 and SETTINGS.default_language in LANGUAGES


def test_persian_writes_persian_digits() -> None:
    assert numbering_system("fa") == "arabext"
    assert LocaleFormatter("fa").number(49) == "۴۹"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_generated_number_uses_the_locales_default_digits(language: str) -> None:
    formatter = LocaleFormatter(language)
    texts = [formatter.number(value) for value in (0, 7, 49, 1234)]
    texts += [formatter.long_date(day) for day in SAMPLE_DAYS] + [formatter.full_date(day) for day in SAMPLE_DAYS]
    texts += [formatter.time(value) for value in ("08:30", "18:00", "23:59")]
    texts += [formatter.price(amount) for amount in AMOUNTS_WITH_CENTS + WHOLE_AMOUNTS]
    for text in texts:
        assert digit_zeros(text) == {expected_zero(language)}, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_full_date_is_the_long_date_with_its_weekday(language: str) -> None:
    formatter = LocaleFormatter(language)
    for day in SAMPLE_DAYS:
        weekday = get_day_names("wide", locale=cldr_locale(language))[day.weekday()]
        full = formatter.full_date(day)
        assert formatter.long_date(day) in full
        assert weekday in full
        assert full.replace(formatter.long_date(day), "").strip(" ,،፣") == weekday


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_evening_time_is_never_a_bare_six(language: str) -> None:
    """18:00 reads as 18:00, or as 6:00 with the locale's 'pm'; never as a bare 6:00 a reader may take for another clock."""
    formatter = LocaleFormatter(language)
    text = formatter.time("18:00")
    localised_18 = LocaleFormatter(language).number(18)
    pm = format_time(time(18, 0), "a", locale=cldr_locale(language))
    assert localised_18 in text or pm in text, text


def test_tigrinya_shows_a_24_hour_clock() -> None:
    assert LocaleFormatter("ti").time("18:00") == "18:00"
    assert LocaleFormatter("ti").time("06:05") == "06:05"


@pytest.mark.parametrize("language", LANGUAGES)
def test_money_has_one_style_per_language_and_cents_only_when_there_are_some(language: str) -> None:
    formatter = LocaleFormatter(language)
    decimal_symbol = get_decimal_symbol(cldr_locale(language), numbering_system=numbering_system(language))
    shapes = set()
    for amount in WHOLE_AMOUNTS:
        text = formatter.price(amount)
        assert decimal_symbol not in text, text
        shapes.add(re.sub(r"\d[\d\W]*\d|\d", "#", text))
    for amount in AMOUNTS_WITH_CENTS:
        text = formatter.price(amount)
        assert decimal_symbol in text, text
        shapes.add(re.sub(r"\d[\d\W]*\d|\d", "#", text))
    assert len(shapes) == 1, shapes


def marked_forms(key: str, language: str) -> dict[str, str]:
    """A labels file that names the category in each form, so the test sees which form was taken."""
    return {f"{key}.{category}": f"[{category}] {{min}}–{{max}}" for category in plural_categories(language)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phrase_with_a_number_takes_the_form_of_its_cldr_plural_category(language: str) -> None:
    labels = {
        **marked_forms("offer.ages", language),
        **{f"offer.age_from.{category}": f"[{category}] {{min}}" for category in plural_categories(language)},
        **{f"offer.age_to.{category}": f"[{category}] {{max}}" for category in plural_categories(language)},
        **{f"catalogue.count.{category}": f"[{category}] {{count}}" for category in plural_categories(language)},
    }
    r = reader(language, labels)
    locale = cldr_locale(language)
    number = LocaleFormatter(language).number
    for value in [*range(0, 30), 100, 101, 102, 103, 111, 1000]:
        category = locale.plural_form(value)
        assert r.ages(SimpleNamespace(age_min=None, age_max=value)) == f"[{category}] {number(value)}"
        assert r.ages(SimpleNamespace(age_min=value, age_max=None)) == f"[{category}] {number(value)}"
        assert r.ages(SimpleNamespace(age_min=0, age_max=value)) == f"[{category}] {number(0)}–{number(value)}"
        assert r.count("catalogue.count", value) == f"[{category}] {number(value)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_neutral_form_serves_every_number(language: str) -> None:
    r = reader(language, {"offer.age_from.other": "Alter: {min}+"})
    for value in (0, 1, 2, 5, 11, 21, 100):
        assert r.ages(SimpleNamespace(age_min=value, age_max=None)) == f"Alter: {LocaleFormatter(language).number(value)}+"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_language_without_the_phrase_borrows_the_default_languages_form(language: str) -> None:
    r = reader(language, {}, fallback_labels={"catalogue.count.one": "{count} Angebot", "catalogue.count.other": "{count} Angebote"})
    assert r.count("catalogue.count", 1).endswith("Angebot")
    assert r.count("catalogue.count", 7).endswith("Angebote")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_browser_gets_a_form_for_every_plural_category(language: str) -> None:
    r = reader(language, {"filter.results.other": "{count} found"})
    assert set(r.plural_forms("filter.results")) == plural_categories(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_keeps_its_items_in_order_once_each(language: str) -> None:
    r = reader(language, {})
    for count in range(1, 6):
        items = [f"item{index}" for index in range(count)]
        text = str(r.join(items))
        positions = [text.index(item) for item in items]
        assert positions == sorted(positions) and all(text.count(item) == 1 for item in items), text


def test_a_persian_list_has_no_comma_before_va() -> None:
    text = str(reader("fa", {}).join(["آلمانی", "انگلیسی", "عربی"]))
    assert "و عربی" in text and not re.search(r"[،,]\s*\u200f?\s*و ", text), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_that_stand_alone_are_listed_not_put_in_a_sentence(language: str) -> None:
    html = str(reader(language, {}).items(["Erwachsene", "Eltern"]))
    assert html == '<ul class="cat-items"><li>Erwachsene</li><li>Eltern</li></ul>'


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code == "ti"] or ["ti"])
def test_tigrinya_names_every_language_as_a_language(language: str) -> None:
    r = reader(language, {})
    for code in LANGUAGES:
        assert r.language_name(code).endswith("ኛ"), (code, r.language_name(code))
