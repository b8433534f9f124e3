"""How the catalogue speaks to the people who keep its data: in English and German, a message of two parts (what is
wrong, how to fix it) or a phrase, looked up by key in the tables of the stages that say them. This module holds the
lookup (Messages) and the words used to describe values; reading_messages.py the messages of reading a file and
checking its schema; each other stage has its own table in its messages.py (checks, site, office, build), handed to Messages by whoever makes one.

A message has two parts: what is wrong, and how to fix it. Both are written for the people who keep the data up to
date - staff of a Kita, a club or a school office - not for programmers. Placeholders in braces are filled in by
Messages.problem(); a literal brace is written twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from catalogue.data.problems import Problem, Severity
from catalogue.data.reading_messages import MESSAGES

MESSAGE_LANGUAGES = ("en", "de")
"""Languages the checks can speak. Any other site language gets English messages."""

PHRASES: Mapping[str, Mapping[str, str]] = {
    "value.text": {"en": "the text {value}", "de": "der Text {value}"},
    "value.number": {"en": "the number {value}", "de": "die Zahl {value}"},
    "value.boolean": {"en": "the value {value}", "de": "der Wert {value}"},
    "value.null": {"en": "empty", "de": "leer"},
    "value.list": {"en": "a list", "de": "eine Liste"},
    "value.map": {"en": "a group of fields", "de": "eine Gruppe von Feldern"},
    "value.nothing": {"en": "empty", "de": "leer"},
    "hint.did_you_mean": {"en": "did you mean {suggestion}? ", "de": "meinten Sie {suggestion}? "},
    "list.and": {"en": "and", "de": "und"},
    "list.or": {"en": "or", "de": "oder"},
    "list.more": {"en": "{count} more", "de": "{count} weitere"},
    "list.none": {"en": "none", "de": "keine"},
}

COUNTED_PHRASES: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "count.problems": {
        "en": {"one": "{count} problem", "other": "{count} problems"},
        "de": {"one": "{count} Problem", "other": "{count} Probleme"},
    },
    "count.texts": {
        "en": {"one": "{count} text", "other": "{count} texts"},
        "de": {"one": "{count} Text", "other": "{count} Texte"},
    },
    "count.files": {
        "en": {"one": "{count} file", "other": "{count} files"},
        "de": {"one": "{count} Datei", "other": "{count} Dateien"},
    },
    "count.entries": {
        "en": {"one": "{count} record", "other": "{count} records"},
        "de": {"one": "{count} Eintrag", "other": "{count} Einträge"},
    },
}
"""Phrases with a number, one form per CLDR plural category (Unicode TR 35; 'other' when a category is missing)."""


@dataclass(frozen=True)
class MessageTable:
    """The messages and phrases one stage says, each in every language of MESSAGE_LANGUAGES."""

    problems: Mapping[str, Mapping[str, tuple[str, str]]] = field(default_factory=dict)
    """Key -> language -> (what is wrong, how to fix it), with {placeholders}."""
    phrases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Key -> language -> text, with {placeholders}."""


TABLE = MessageTable(MESSAGES, PHRASES)
"""What the data stage says: reading a file, its schema, and the words for values and lists every stage uses."""

_LONGEST_QUOTED_VALUE = 60
_LONGEST_LIST = 12


def message_language_for(requested: str | None, site_default: str) -> str:
    """The language of the messages: the one asked for, else the site's default language if the checks speak it."""
    for candidate in (requested, site_default):
        if candidate in MESSAGE_LANGUAGES:
            return candidate
    return "en"


def quote(value: Any) -> str:
    """A value as the author wrote it, shortened, in quotes when it is a text."""
    if isinstance(value, str):
        text = " ".join(value.split()) if "\n" in value else value
        if len(text) > _LONGEST_QUOTED_VALUE:
            text = text[: _LONGEST_QUOTED_VALUE - 1] + "…"
        return "'" + text + "'"
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


class Messages:
    """The message tables of the data stage and of the stages given, in one language (English if the language is
    not one of MESSAGE_LANGUAGES). A key no table has raises KeyError: the maker of the Messages forgot a table."""

    def __init__(self, language: str = "en", *tables: MessageTable) -> None:
        self.language = language if language in MESSAGE_LANGUAGES else "en"
        self.tables: tuple[MessageTable, ...] = (TABLE, *tables)
        self._problems: dict[str, Mapping[str, tuple[str, str]]] = {}
        self._phrases: dict[str, Mapping[str, str]] = {}
        for table in self.tables:
            self._problems.update(table.problems)
            self._phrases.update(table.phrases)

    def with_tables(self, *tables: MessageTable) -> Messages:
        """The same language, with more stages' tables."""
        return Messages(self.language, *self.tables[1:], *tables)

    def problem(
        self,
        message_key: str,
        /,
        *,
        path: str,
        position: tuple[int, int],
        severity: Severity = "error",
        about: tuple[str, ...] = (),
        **values: Any,
    ) -> Problem:
        message, fix = self._problems[message_key][self.language]
        return Problem(
            path=path,
            line=position[0],
            column=position[1],
            severity=severity,
            message=message.format(**values),
            fix=fix.format(**values),
            key=message_key,
            about=about,
        )

    def phrase(self, key: str, **values: Any) -> str:
        return self._phrases[key][self.language].format(**values)

    def counted(self, key: str, count: int) -> str:
        """'1 Problem', '2 Probleme': the COUNTED_PHRASES form of the CLDR plural category of `count` (Babel)."""
        forms = COUNTED_PHRASES[key][self.language]
        category = Locale.parse(self.language).plural_form(count)
        return forms.get(category, forms["other"]).format(count=count)

    def describe(self, value: Any, *, as_written: str | None = None) -> str:
        """What a value is, for 'must be …, but is …': the text 'yes', the number 12, a list, empty.

        as_written: a number as it stands in the file (10.30, which YAML reads as 10.3).
        """
        if value is None:
            return self.phrase("value.null")
        if isinstance(value, bool):
            return self.phrase("value.boolean", value=quote(value))
        if isinstance(value, (int, float)):
            return self.phrase("value.number", value=as_written or quote(value))
        if isinstance(value, str):
            return self.phrase("value.text", value=quote(value)) if value else self.phrase("value.nothing")
        if isinstance(value, list):
            return self.phrase("value.list")
        return self.phrase("value.map")

    def hint(self, suggestion: str | None) -> str:
        """'did you mean …? ' before a fix, or nothing."""
        return self.phrase("hint.did_you_mean", suggestion=quote(suggestion)) if suggestion else ""

    def join(self, items: Iterable[str], *, conjunction: str = "and") -> str:
        """'a, b and c' (or 'a, b or c'); a long list is cut: 'a, b, … and 7 more'."""
        names = list(items)
        if not names:
            return self.phrase("list.none")
        if len(names) > _LONGEST_LIST:
            rest = len(names) - (_LONGEST_LIST - 1)
            names = [*names[: _LONGEST_LIST - 1], self.phrase("list.more", count=rest)]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " " + self.phrase("list." + conjunction) + " " + names[-1]
