"""Explains a JSON Schema error at the line where it stands, in the actor's words, with the fix: the value as
written, the allowed values (and the one most like it), the form a date or time must have (1.2.2027 -> 2027-02-01).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from jsonschema import ValidationError

from catalogue.data.messages import Messages, quote
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import JsonPath, YamlDocument, field_name

# Definitions in common.schema.json whose pattern errors get their own explanation.
_PATTERN_DEFINITIONS = ("date", "time", "url", "phone", "id", "language_code")
# Pattern errors of fields defined elsewhere, told apart by the name of the field or of its parent.
_PATTERN_FIELDS = {
    "postcode": "postcode",
    "maintainers": "github_user",
    "translation_sources": "fingerprint",
    "src": "image_src",
}
_LABEL_MAPS = frozenset({"site", "theme"})
_RAW_TOKEN = re.compile(r"[^\s,\]\}#]+")
_CLOSE_MATCH_CUTOFF = 0.7


@dataclass(frozen=True)
class Failure:
    """What jsonschema found, in the types this module works with."""

    keyword: str
    path: JsonPath
    instance: Any
    rule: Any
    """The keyword's value in the schema: the pattern, the list of allowed values, the limit."""
    schema: Mapping[str, Any]
    in_property_names: bool
    message: str

    @classmethod
    def of(cls, error: ValidationError) -> Failure:
        return cls(
            keyword=str(error.validator),
            path=tuple(error.absolute_path),
            instance=error.instance,
            rule=error.validator_value,
            schema=error.schema if isinstance(error.schema, Mapping) else {},
            in_property_names="propertyNames" in error.relative_schema_path,
            message=error.message,
        )


_LIMIT_MESSAGES = {
    "maxLength": "schema.too_long",
    "minimum": "schema.too_small",
    "exclusiveMinimum": "schema.too_small",
    "maximum": "schema.too_large",
    "exclusiveMaximum": "schema.too_large",
}


class Explainer:
    """Turns the schema errors of one document into problems, each at the line and column of the value."""

    def __init__(
        self,
        document: YamlDocument,
        path: str,
        messages: Messages,
        default_language: str,
        definitions: Mapping[str, Mapping[str, Any]],
    ) -> None:
        self.document = document
        self.path = path
        self.messages = messages
        self.default_language = default_language
        self.definitions = definitions

    def _problem(self, message_key: str, position: tuple[int, int], /, **values: Any) -> Problem:
        return self.messages.problem(message_key, path=self.path, position=position, **values)

    def explain(self, failure: Failure) -> Iterator[tuple[JsonPath | None, Problem]]:
        """(the value the problem is about, or None for a problem about a mapping's keys; the problem)."""
        keyword = failure.keyword
        field = field_name(failure.path)
        position = self.document.value_position(failure.path)
        value = quote(failure.instance)
        if failure.in_property_names:
            yield None, self._property_name(failure)
        elif keyword == "required":
            yield from ((None, problem) for problem in self._required(failure))
        elif keyword == "additionalProperties" and failure.rule is False:
            yield from ((None, problem) for problem in self._unknown_fields(failure))
        elif keyword == "type":
            yield failure.path, self._type(failure)
        elif keyword == "enum":
            yield failure.path, self._enum(failure)
        elif keyword == "pattern":
            yield failure.path, self._pattern(failure)
        elif keyword == "format" and failure.rule == "email":
            yield failure.path, self._problem("schema.email", position, field=field, value=value)
        elif keyword == "format":
            yield failure.path, self._problem("schema.date_impossible", position, field=field, value=value)
        elif keyword == "minLength" and failure.instance == "":
            yield failure.path, self._problem("schema.empty", position, field=field)
        elif keyword == "minLength":
            yield (
                failure.path,
                self._problem("schema.too_short", position, field=field, value=value, limit=failure.rule),
            )
        elif keyword in _LIMIT_MESSAGES:
            length = len(failure.instance) if isinstance(failure.instance, str) else 0
            problem = self._problem(
                _LIMIT_MESSAGES[keyword], position, field=field, value=value, length=length, limit=failure.rule
            )
            yield failure.path, problem
        elif keyword == "minItems":
            yield failure.path, self._problem("schema.list_empty", position, field=field)
        elif keyword == "uniqueItems":
            yield failure.path, self._duplicates(failure)
        elif keyword == "minProperties":
            key_position = self.document.key_position(failure.path)
            yield (
                failure.path,
                self._problem("schema.no_languages", key_position, field=field, language=self.default_language),
            )
        else:
            yield failure.path, self._problem("schema.other", position, field=field, detail=failure.message)

    def _type(self, failure: Failure) -> Problem:
        field = field_name(failure.path)
        position = self.document.value_position(failure.path)
        if failure.instance is None:
            return self._problem("schema.empty", self.document.key_position(failure.path), field=field)
        as_written = self._raw_token(failure.path, failure.instance)
        actual = self.messages.describe(failure.instance, as_written=as_written)
        if failure.schema is self.definitions["text"] or failure.schema is self.definitions["markdown"]:
            return self._problem(
                "schema.type.text", position, field=field, actual=actual, language=self.default_language
            )
        expected = failure.rule if isinstance(failure.rule, str) else failure.rule[0]
        final = self._final_form(failure.schema, as_written, field=field, position=position)
        if final is not None:
            return final
        if expected == "string":
            example = '"' + as_written.replace('"', "'") + '"'
            return self._problem("schema.type.string", position, field=field, actual=actual, example=example)
        return self._problem(f"schema.type.{expected}", position, field=field, actual=actual)

    def _raw_token(self, path: JsonPath, value: Any) -> str:
        """A scalar as written in the file (10.30, not 10.3), for the fix's example."""
        if isinstance(value, (dict, list)):
            return "…"
        line, column = self.document.value_position(path)
        if 0 < line <= len(self.document.lines):
            match = _RAW_TOKEN.match(self.document.lines[line - 1], column - 1)
            if match:
                return match.group()
        return str(value)

    def _enum(self, failure: Failure) -> Problem:
        field = field_name(failure.path)
        position = self.document.value_position(failure.path)
        allowed = [str(option) for option in failure.rule]
        suggestion = _closest(str(failure.instance), allowed)
        values = {
            "field": field,
            "value": quote(failure.instance),
            "allowed": self.messages.join(allowed, conjunction="or"),
        }
        if suggestion:
            return self._problem("schema.enum_suggest", position, suggestion=suggestion, **values)
        return self._problem("schema.enum", position, **values)

    def _pattern(self, failure: Failure) -> Problem:
        field = field_name(failure.path)
        position = self.document.value_position(failure.path)
        value = quote(failure.instance)
        kind = next((name for name in _PATTERN_DEFINITIONS if failure.schema is self.definitions[name]), None)
        if kind is None:
            names = [part for part in failure.path if isinstance(part, str)]
            kind = next((_PATTERN_FIELDS[name] for name in reversed(names[-2:]) if name in _PATTERN_FIELDS), "pattern")
        if kind == "time" and failure.instance == "24:00":
            return self._problem("schema.time_24", position, field=field)
        if kind == "id":
            example = _as_id(str(failure.instance))
            file = PurePosixPath(self.path)
            if failure.path == ("id",) and file.stem != example:
                if _as_id(file.stem) == file.stem:
                    return self._problem(
                        "schema.id_name", position, value=value, example=quote(file.stem), file=quote(file.name)
                    )
                return self._problem(
                    "schema.id_file",
                    position,
                    value=value,
                    example=quote(example),
                    file=quote(file.name),
                    expected_file=quote(example + file.suffix),
                )
            return self._problem("schema.id", position, field=field, value=value, example=quote(example))
        if kind in ("date", "time"):
            final = self._final_form(failure.schema, str(failure.instance), field=field, position=position)
            if final is not None:
                return final
        return self._problem(f"schema.{kind}", position, field=field, value=value)

    def _final_form(
        self, schema: Mapping[str, Any], written: str, *, field: str = "", position: tuple[int, int] | None = None
    ) -> Problem | None:
        """The problem of a date or time written in a way people write them (1.2.2027, 18.30, 9 Uhr), naming the
        exact text to type instead; None if the schema is not a date's or time's or the text is none of those."""
        kind = next((name for name in ("date", "time") if schema is self.definitions.get(name)), None)
        final = final_form(kind, written) if kind else None
        if final is None:
            return None
        return self.messages.problem(
            f"schema.{kind}_final",
            path=self.path,
            position=position or (1, 1),
            field=field,
            value=quote(written),
            example=f'"{final}"',
        )

    def _property_name(self, failure: Failure) -> Problem:
        key = str(failure.instance)
        position = self.document.key_position((*failure.path, key))
        if failure.schema is self.definitions["language_code"]:
            message_key = "schema.language_key"
        elif failure.path and failure.path[-1] in _LABEL_MAPS:
            message_key = "schema.label_key"
        else:
            message_key = "schema.pattern"
        return self._problem(message_key, position, field=field_name(failure.path), value=quote(key))

    def _required(self, failure: Failure) -> Iterator[Problem]:
        # jsonschema reports each missing property as an error of its own, naming it only in its message.
        match = re.match(r"'(.*)' is a required property", failure.message)
        if match is None:
            return
        name = match.group(1)
        position = self.document.key_position(failure.path)
        if failure.path:
            yield self._problem("schema.required", position, name=name, parent=field_name(failure.path))
            return
        group = (failure.schema.get("properties") or {}).get(name) or {}
        lines = [f"`{field}: {_EXAMPLE_VALUES.get(field, '…')}`" for field in group.get("required") or ()]
        if lines:
            yield self._problem("schema.required_group", position, name=name, lines=self.messages.join(lines))
        else:
            yield self._problem("schema.required_top", position, name=name)

    def _unknown_fields(self, failure: Failure) -> Iterator[Problem]:
        known = list(failure.schema.get("properties", {}))
        for name in failure.instance:
            if name in known:
                continue
            position = self.document.key_position((*failure.path, name))
            suggestion = _closest(name, known)
            if suggestion:
                yield self._problem("schema.unknown_field_suggest", position, name=name, suggestion=suggestion)
            else:
                yield self._problem("schema.unknown_field", position, name=name, allowed=self.messages.join(known))

    def _duplicates(self, failure: Failure) -> Problem:
        field = field_name(failure.path)
        seen: set[str] = set()
        for index, item in enumerate(failure.instance):
            marker = json.dumps(item, sort_keys=True)
            if marker in seen:
                position = self.document.value_position((*failure.path, index))
                return self._problem("schema.list_duplicates", position, field=field, value=quote(item))
            seen.add(marker)
        return self._problem(
            "schema.list_duplicates", self.document.value_position(failure.path), field=field, value=""
        )


_EXAMPLE_VALUES = {"free": "true", "date": '"2026-11-26"', "required": "true"}
"""What the fix for a missing group shows for the sub-fields it names; others get '…'."""
_TIME = re.compile(r"^(\d{1,2})\s*(?:[.:,h]\s*(\d{2})|(\d{2}))?\s*(?:uhr|h)?$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")


def final_form(kind: str, written: str) -> str | None:
    """A time or date as people write them, in the form the schema wants: '18.30', '1830', '9 Uhr' -> '18:30',
    '09:00'; '1.2.2027' (German day.month.year) or '2027-2-1' -> '2027-02-01'. None if it is no real time or day."""
    text = written.strip().strip("'\"")
    if kind == "time":
        match = _TIME.match(text)
        if not match:
            return None
        hours, minutes = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
        return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None
    match = _DATE.match(text)
    if not match:
        return None
    day, month, year = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(1)
        else (match.group(6), match.group(5), match.group(4))
    )
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _closest(word: str, candidates: list[str]) -> str | None:
    lowered = {candidate.lower(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=_CLOSE_MATCH_CUTOFF)
    return lowered[matches[0]] if matches else None


def _as_id(text: str) -> str:
    """A suggestion for a valid id: 'Deutsch_A1 Kurs' -> 'deutsch-a1-kurs'."""
    replacements = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    words = re.findall(r"[a-z0-9]+", text.lower().translate(replacements))
    return "-".join(words) or "mein-angebot"
