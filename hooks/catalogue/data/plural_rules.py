"""Which CLDR plural categories a language's labels must give a phrase with a number in (Unicode TR 35, Plural
Rules), from Babel's CLDR data."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""Every CLDR plural category, in CLDR's order."""


@lru_cache(maxsize=64)
def plural_categories(language: str) -> frozenset[str]:
    """The categories a cardinal number can take in a language ('other' always among them); a language CLDR does not
    know gets English's ('one', 'other')."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return locale.plural_form.tags | {"other"}


def split_plural_key(key: str) -> tuple[str, str | None]:
    """'offer.ages.few' -> ('offer.ages', 'few'); a key without a plural category -> (key, None)."""
    base, _, last = key.rpartition(".")
    if base and last in PLURAL_CATEGORIES:
        return base, last
    return key, None


def ordered(categories: frozenset[str] | set[str]) -> list[str]:
    return [category for category in PLURAL_CATEGORIES if category in categories]
