"""What the site stage says to the office while pages are made: a hand-written page's unknown settings.

German and English, as every message of the catalogue (catalogue.data.messages)."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.data.messages import MessageTable

PHRASES: Mapping[str, Mapping[str, str]] = {
    "build.unknown_placeholder": {
        "en": "{page}: {{{{ {name} }}}} is not a setting – use one of {known}, or set it under extra.catalogue in mkdocs.yml",
        "de": "{page}: {{{{ {name} }}}} ist keine Einstellung – verwenden Sie eine von {known}, oder legen Sie sie unter extra.catalogue in mkdocs.yml an",
    },
}

TABLE = MessageTable(phrases=PHRASES)
