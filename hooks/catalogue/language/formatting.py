"""Dates, times, weekdays and prices written the way each reader's locale writes them (CLDR data through Babel)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_day_names
from babel.numbers import format_currency

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# English readers here live in Germany: day-month order and a 24-hour clock read more naturally than en_US.
_CLDR_LOCALE_OF_LANGUAGE = {"en": "en_GB"}


@lru_cache(maxsize=64)
def cldr_locale(language: str) -> Locale:
    try:
        return Locale.parse(_CLDR_LOCALE_OF_LANGUAGE.get(language, language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


@dataclass(frozen=True)
class LocaleFormatter:
    language: str

    def long_date(self, value: date) -> str:
        return _format_date(value, "long", self.language)

    def full_date(self, value: date) -> str:
        return _format_date(value, "full", self.language)

    def time(self, value: str) -> str:
        return _format_time(value, self.language)

    def weekday(self, day: str) -> str:
        return get_day_names("wide", locale=cldr_locale(self.language))[WEEKDAYS.index(day)]

    def price(self, amount: float) -> str:
        return _format_price(amount, self.language)


@lru_cache(maxsize=16384)
def _format_date(value: date, style: str, language: str) -> str:
    return format_date(value, style, locale=cldr_locale(language))


@lru_cache(maxsize=4096)
def _format_time(value: str, language: str) -> str:
    hours, minutes = value.split(":")
    return format_time(time(int(hours), int(minutes)), "short", locale=cldr_locale(language))


@lru_cache(maxsize=4096)
def _format_price(amount: float, language: str) -> str:
    return format_currency(amount, "EUR", locale=cldr_locale(language))
