"""Dates, times, weekdays and prices written the way each reader's locale writes them (CLDR data through Babel)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_day_names
from babel.numbers import format_currency

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# English readers here live in Germany: day-month order and a 24-hour clock read more naturally than en_US.
_CLDR_LOCALE_OF_LANGUAGE = {"en": "en_GB"}


def cldr_locale(language: str) -> Locale:
    try:
        return Locale.parse(_CLDR_LOCALE_OF_LANGUAGE.get(language, language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


@dataclass(frozen=True)
class LocaleFormatter:
    language: str

    @property
    def _locale(self) -> Locale:
        return cldr_locale(self.language)

    def long_date(self, value: date) -> str:
        return format_date(value, "long", locale=self._locale)

    def full_date(self, value: date) -> str:
        return format_date(value, "full", locale=self._locale)

    def time(self, value: str) -> str:
        hours, minutes = value.split(":")
        return format_time(time(int(hours), int(minutes)), "short", locale=self._locale)

    def weekday(self, day: str) -> str:
        return get_day_names("wide", locale=self._locale)[WEEKDAYS.index(day)]

    def price(self, amount: float) -> str:
        return format_currency(amount, "EUR", locale=self._locale)
