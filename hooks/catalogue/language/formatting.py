"""Numbers, dates, times, weekdays and prices written the way each reader's locale writes them (CLDR data through
Babel), in the locale's own digits.

Rules, each for every language alike:
- Digits: CLDR's default numbering system of the locale (Persian and Pashto: Extended Arabic-Indic digits ۰–۹).
  Arabic keeps CLDR's default for Arabic, Latin digits: the Arabic texts in the data, phone numbers, house numbers
  and bus lines all use them, and readers from Syria and Iraq read them on every German letter.
- One date pattern per language: the CLDR full pattern (with weekday); the long date is that pattern without the
  weekday, so a date reads alike with and without it (CLDR's Tigrinya long pattern "MMMM d, y" differs from its
  full one "EEEE፣ d MMMM y").
- Times: CLDR's short time, except where a 12-hour time is ambiguous because readers also count hours from sunrise
  (the Ethiopian and Eritrean clock: ti, am, om; Swahili time: sw): there the 24-hour skeleton "Hm".
- Money: CLDR's standard currency pattern of the locale, one for every amount; whole amounts without decimals.
- A language's labels file may set `formats:` on top of CLDR where its readers write otherwise (FormatOverrides):
  weekday and month names, the 12- or 24-hour clock, the date pattern and the digits. Why each is set is written
  beside it in the labels file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.numbers import format_currency, format_decimal

from catalogue.data.schema_enums import WEEKDAYS

# English readers here live in Germany: day-month order and a 24-hour clock read more naturally than en_US.
_CLDR_LOCALE_OF_LANGUAGE = {"en": "en_GB"}

_SUNRISE_CLOCK_LANGUAGES = frozenset({"ti", "am", "om", "sw"})
"""Languages whose readers also count the hours of the day from sunrise: 24-hour times only."""

# The digit zero of each decimal numbering system our languages use (CLDR numberingSystems.xml); the other nine
# digits follow it in Unicode. Babel formats with the locale's symbols but always writes Latin digits.
_ZERO_OF_NUMBERING_SYSTEM = {
    "latn": "0",
    "arab": "\u0660",
    "arabext": "\u06f0",
    "beng": "\u09e6",
    "deva": "\u0966",
    "mymr": "\u1040",
}

_WEEKDAY_FIELD = re.compile(r"^EEEE[\s,،፣]*|[\s,،፣]*EEEE$")


@lru_cache(maxsize=64)
def cldr_locale(language: str) -> Locale:
    try:
        return Locale.parse(_CLDR_LOCALE_OF_LANGUAGE.get(language, language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


@lru_cache(maxsize=64)
def numbering_system(language: str) -> str:
    """CLDR's default numbering system of a language's locale ('latn', 'arabext', ...), if we can write its digits."""
    system = cldr_locale(language).default_numbering_system
    return system if system in _ZERO_OF_NUMBERING_SYSTEM else "latn"


def plural_category(language: str, number: int | float) -> str:
    """The CLDR plural category of a number in a language: 'zero', 'one', 'two', 'few', 'many' or 'other'."""
    return cldr_locale(language).plural_form(number)


def localise_digits(text: str, language: str) -> str:
    """Latin digits 0-9 in `text` written in the language's numbering system; other characters unchanged."""
    zero = _ZERO_OF_NUMBERING_SYSTEM[numbering_system(language)]
    if zero == "0":
        return text
    return text.translate(_digit_table(zero))


@lru_cache(maxsize=8)
def _digit_table(zero: str) -> dict[int, str]:
    return {ord("0") + offset: chr(ord(zero) + offset) for offset in range(10)}


@dataclass(frozen=True)
class FormatOverrides:
    """A language's `formats:` from its labels file (labels.schema.json): what its readers write otherwise than CLDR.

    weekdays: 7 names, Monday first; months: 12 names, January first; clock: 12 or 24; date: a CLDR date pattern
    without weekday (e.g. 'd MMMM y', 'dd.MM.y'); full_date: the same with the weekday ('EEEE، d MMMM y'); digits:
    a CLDR numbering system ('latn', 'arab', 'arabext'). None keeps CLDR's."""

    weekdays: tuple[str, ...] | None = None
    months: tuple[str, ...] | None = None
    clock: int | None = None
    date: str | None = None
    full_date: str | None = None
    digits: str | None = None

    @classmethod
    def from_document(cls, document: Mapping[str, Any] | None) -> FormatOverrides:
        document = document or {}
        weekdays, months = document.get("weekdays"), document.get("months")
        return cls(
            weekdays=tuple(weekdays) if weekdays else None,
            months=tuple(months) if months else None,
            clock=document.get("clock"),
            date=document.get("date"),
            full_date=document.get("full_date"),
            digits=document.get("digits"),
        )


NO_OVERRIDES = FormatOverrides()


@dataclass(frozen=True)
class LocaleFormatter:
    language: str
    overrides: FormatOverrides = NO_OVERRIDES

    @property
    def numbering_system(self) -> str:
        return self.overrides.digits or numbering_system(self.language)

    def number(self, value: int | float) -> str:
        """A count or an age: '49' in German, '۴۹' in Persian; thousands grouped the locale's way."""
        return _format_number(value, self.language, self.numbering_system)

    def long_date(self, value: date) -> str:
        return _format_date(value, False, self.language, self.overrides)

    def full_date(self, value: date) -> str:
        """The long date with its weekday, in the same pattern as `long_date`."""
        return _format_date(value, True, self.language, self.overrides)

    def time(self, value: str) -> str:
        """'HH:MM' as the reader's clock shows it."""
        return _format_time(value, self.language, self.overrides.clock, self.numbering_system)

    def weekday(self, day: str) -> str:
        if self.overrides.weekdays:
            return self.overrides.weekdays[WEEKDAYS.index(day)]
        return str(get_day_names("wide", locale=cldr_locale(self.language))[WEEKDAYS.index(day)])

    def price(self, amount: float) -> str:
        """An amount in euros; cents only where there are any ('10 €', '2,29 €')."""
        return _format_price(amount, self.language, self.numbering_system)


def _digits(text: str, system: str) -> str:
    zero = _ZERO_OF_NUMBERING_SYSTEM.get(system, "0")
    return text if zero == "0" else text.translate(_digit_table(zero))


@lru_cache(maxsize=4096)
def _format_number(value: int | float, language: str, system: str) -> str:
    return _digits(
        format_decimal(value, locale=cldr_locale(language), numbering_system=_symbols_system(language, system)), system
    )


def _symbols_system(language: str, system: str) -> str:
    """The numbering system whose separators (CLDR number symbols) go with `system`'s digits: its own where the
    locale has them, else the locale's default. Babel writes Latin digits either way; _digits writes the others."""
    return system if system in cldr_locale(language).number_symbols else numbering_system(language)


@lru_cache(maxsize=64)
def date_patterns(language: str) -> tuple[str, str]:
    """(long, full) CLDR date patterns of a language: the full pattern, and the same without its weekday."""
    full = cldr_locale(language).date_formats["full"].pattern
    long = _WEEKDAY_FIELD.sub("", full)
    if long == full or "EEEE" in long:
        return cldr_locale(language).date_formats["long"].pattern, full
    return long, full


def _quoted(text: str) -> str:
    """A literal inside a CLDR pattern."""
    return "'" + text.replace("'", "''") + "'"


@lru_cache(maxsize=16384)
def _format_date(value: date, with_weekday: bool, language: str, overrides: FormatOverrides = NO_OVERRIDES) -> str:
    pattern = (overrides.full_date if with_weekday else overrides.date) or date_patterns(language)[
        1 if with_weekday else 0
    ]
    if overrides.months:
        pattern = pattern.replace("MMMM", _quoted(overrides.months[value.month - 1]))
    if overrides.weekdays:
        pattern = pattern.replace("EEEE", _quoted(overrides.weekdays[value.weekday()]))
    system = overrides.digits or numbering_system(language)
    return _digits(format_date(value, pattern, locale=cldr_locale(language)), system)


@lru_cache(maxsize=4096)
def _format_time(value: str, language: str, clock: int | None = None, system: str | None = None) -> str:
    hours, minutes = value.split(":")
    moment = time(int(hours), int(minutes))
    locale = cldr_locale(language)
    if clock == 24 or (clock is None and language.split("-")[0] in _SUNRISE_CLOCK_LANGUAGES):
        text = format_skeleton("Hm", moment, locale=locale)
    elif clock == 12:
        text = format_skeleton("hm", moment, locale=locale)
    else:
        text = format_time(moment, "short", locale=locale)
    return _digits(text, system or numbering_system(language))


@lru_cache(maxsize=4096)
def _format_price(amount: float, language: str, system: str | None = None) -> str:
    locale = cldr_locale(language)
    pattern = locale.currency_formats["standard"].pattern
    if Decimal(str(amount)) == Decimal(str(amount)).to_integral_value():
        pattern = re.sub(r"\.0+", "", pattern)
    text = format_currency(
        amount, "EUR", format=pattern, locale=locale, currency_digits=False, numbering_system=numbering_system(language)
    )
    return _digits(text, system or numbering_system(language))
