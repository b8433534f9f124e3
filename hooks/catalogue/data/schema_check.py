"""Checks a data file against its JSON Schema (2020-12) and explains every error at the line where it stands."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from catalogue.data.email_address import is_email_address
from catalogue.data.messages import Messages, quote
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import JsonPath, YamlDocument, field_name

if TYPE_CHECKING:
    from referencing._core import Resolver

Kind = Literal["taxonomy", "actor", "offer", "news", "need", "labels", "glossary", "synonyms"]

SCHEMA_FILES: Mapping[Kind, str] = {
    "taxonomy": "taxonomy.schema.json",
    "actor": "actor.schema.json",
    "offer": "offer.schema.json",
    "news": "news.schema.json",
    "need": "need.schema.json",
    "labels": "labels.schema.json",
    "glossary": "glossary.schema.json",
    "synonyms": "synonyms.schema.json",
}
_COMMON_SCHEMA = "common.schema.json"
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
_ANNOTATIONS = frozenset({"description", "title", "examples", "$comment"})
_NOT_SCHEMAS = frozenset({"enum", "const", "required", "examples", "$defs"})
_Check = Callable[[Any], bool]
_RAW_TOKEN = re.compile(r"[^\s,\]\}#]+")
_CLOSE_MATCH_CUTOFF = 0.7


def _is_annotation(keyword: str) -> bool:
    """Keywords that say something about a field and check nothing: the standard ones, and `x-` extensions such as
    the web editor's German `x-label-de` and `x-hint-de`."""
    return keyword in _ANNOTATIONS or keyword.startswith("x-")


@dataclass(frozen=True)
class TextField:
    path: JsonPath
    markdown: bool
    """True for longer texts in Markdown (description, body)."""


@dataclass(frozen=True)
class SchemaSet:
    """The validators of all kinds of data file, built once."""

    validators: Mapping[Kind, Draft202012Validator]
    fast_checks: Mapping[Kind, Callable[[Any], bool]]
    """Quick yes/no answers for valid documents; jsonschema explains the rest. Missing for a schema that uses a
    keyword the quick check does not know."""
    definitions: Mapping[str, Mapping[str, Any]]
    """The $defs of common.schema.json, to tell which definition an error comes from."""

    def text_fields(self, kind: Kind, data: Any) -> list[TextField]:
        """Every text map (language -> text) in a document that fits its schema, with its path."""
        fields: list[TextField] = []
        _collect_text_fields(data, _schema_of(self.validators[kind]), (), self.definitions, fields)
        return fields


_FORMAT_CHECKER = FormatChecker()
# jsonschema's own "email" check only looks for an @; email-validator knows international addresses (RFC 6531).
_FORMAT_CHECKER.checks("email")(lambda instance: not isinstance(instance, str) or is_email_address(instance))


@lru_cache(maxsize=4)
def schema_set(schema_dir: Path = SCHEMA_DIR) -> SchemaSet:
    schemas = {
        file.name: json.loads(file.read_text(encoding="utf-8")) for file in sorted(schema_dir.glob("*.schema.json"))
    }
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in schemas.values()
    )
    inlined: dict[int, Any] = {}
    validators: dict[Kind, Draft202012Validator] = {}
    for kind, name in SCHEMA_FILES.items():
        schema = _inline_references(schemas[name], registry.resolver(base_uri=schemas[name]["$id"]), inlined)
        format_checker = _FORMAT_CHECKER
        validators[kind] = Draft202012Validator(schema, registry=registry, format_checker=format_checker)
    common = schemas[_COMMON_SCHEMA]
    common_resolver = registry.resolver(base_uri=common["$id"])
    definitions = {name: _inline_references(value, common_resolver, inlined) for name, value in common["$defs"].items()}
    fast_checks: dict[Kind, _Check] = {}
    for kind, validator in validators.items():
        check = _fast_check(_schema_of(validator), validator.format_checker, {})
        if check is not None:
            fast_checks[kind] = check
    return SchemaSet(validators, fast_checks, definitions)


def _schema_of(validator: Draft202012Validator) -> Mapping[str, Any]:
    schema = validator.schema
    assert isinstance(schema, Mapping)
    return schema


def _inline_references(node: Any, resolver: Resolver[Any], inlined: dict[int, Any]) -> Any:
    """The schema with every $ref replaced by what it points to, resolved through the registry.

    jsonschema resolves a $ref on every use, which costs more than all other checks together; our schemas have no
    recursion, so each reference is resolved once here. A definition used in several places becomes one shared
    object, so that an error's schema can be recognised by identity.
    """
    if isinstance(node, list):
        return [_inline_references(item, resolver, inlined) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):
        resolved = resolver.lookup(node["$ref"])
        target = _inline_references(resolved.contents, resolved.resolver, inlined)
        siblings = {key: value for key, value in node.items() if key != "$ref" and not _is_annotation(key)}
        if not siblings:
            return target
        return {"allOf": [target], **_inline_references(siblings, resolver, inlined)}
    if id(node) in inlined:
        return inlined[id(node)]
    result: dict[str, Any] = {}
    inlined[id(node)] = result
    for key, value in node.items():
        result[key] = value if key in _NOT_SCHEMAS else _inline_references(value, resolver, inlined)
    return result


_TYPE_TESTS: Mapping[str, _Check] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}
_IGNORED_KEYWORDS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"})


def _fast_check(
    schema: Mapping[str, Any], format_checker: FormatChecker | None, compiled: dict[int, _Check | None]
) -> _Check | None:
    """A function that says whether a document fits an inlined schema, or None if the schema uses other keywords.

    It answers for the keywords our schemas use, never more leniently than jsonschema (where in doubt it says no,
    and jsonschema then gives the real answer with its errors). Nine documents in ten are valid; this check is what
    keeps loading a thousand offers fast.
    """
    if id(schema) in compiled:
        return compiled[id(schema)]
    checks: list[_Check] = []
    compiled[id(schema)] = None  # a schema that refers to itself is not compiled

    def sub(subschema: Mapping[str, Any]) -> _Check:
        check = _fast_check(subschema, format_checker, compiled)
        if check is None:
            raise LookupError
        return check

    try:
        for keyword, value in schema.items():
            if keyword in _IGNORED_KEYWORDS or _is_annotation(keyword):
                continue
            checks.append(_keyword_check(keyword, value, schema, sub, format_checker))
    except LookupError:
        return None

    def check_all(instance: Any) -> bool:
        return all(check(instance) for check in checks)

    compiled[id(schema)] = check_all
    return check_all


def _keyword_check(
    keyword: str,
    value: Any,
    schema: Mapping[str, Any],
    sub: Callable[[Mapping[str, Any]], _Check],
    format_checker: FormatChecker | None,
) -> _Check:
    if keyword == "type":
        tests = [_TYPE_TESTS[name] for name in ([value] if isinstance(value, str) else value)]
        return lambda instance: any(test(instance) for test in tests)
    if keyword == "properties":
        property_checks = {name: sub(subschema) for name, subschema in value.items()}
        return lambda instance: (
            not isinstance(instance, dict)
            or all(property_checks[name](item) for name, item in instance.items() if name in property_checks)
        )
    if keyword == "required":
        return lambda instance: not isinstance(instance, dict) or all(name in instance for name in value)
    if keyword == "additionalProperties":
        known = set(schema.get("properties", {}))
        if "patternProperties" in schema:
            raise LookupError
        if value is False:
            return lambda instance: not isinstance(instance, dict) or all(name in known for name in instance)
        item_check = sub(value)
        return lambda instance: (
            not isinstance(instance, dict)
            or all(item_check(item) for name, item in instance.items() if name not in known)
        )
    if keyword == "propertyNames":
        name_check = sub(value)
        return lambda instance: not isinstance(instance, dict) or all(name_check(name) for name in instance)
    if keyword == "items" and isinstance(value, dict):
        item_check = sub(value)
        return lambda instance: not isinstance(instance, list) or all(item_check(item) for item in instance)
    if keyword == "allOf":
        part_checks = [sub(part) for part in value]
        return lambda instance: all(check(instance) for check in part_checks)
    if keyword == "enum" and all(isinstance(option, str) for option in value):
        options = frozenset(value)
        return lambda instance: isinstance(instance, str) and instance in options
    if keyword == "pattern":
        compiled_pattern = re.compile(value)
        return lambda instance: not isinstance(instance, str) or compiled_pattern.search(instance) is not None
    if keyword == "format":
        if format_checker is None:
            return lambda instance: True
        return lambda instance: format_checker.conforms(instance, value)
    if keyword in _LENGTH_CHECKS:
        limit_check = _LENGTH_CHECKS[keyword]
        return lambda instance: limit_check(instance, value)
    if keyword == "uniqueItems" and value is True:
        return lambda instance: (
            not isinstance(instance, list)
            or (all(isinstance(item, str) for item in instance) and len(set(instance)) == len(instance))
        )
    raise LookupError


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_LENGTH_CHECKS: Mapping[str, Callable[[Any, Any], bool]] = {
    "minLength": lambda instance, limit: not isinstance(instance, str) or len(instance) >= limit,
    "maxLength": lambda instance, limit: not isinstance(instance, str) or len(instance) <= limit,
    "minItems": lambda instance, limit: not isinstance(instance, list) or len(instance) >= limit,
    "maxItems": lambda instance, limit: not isinstance(instance, list) or len(instance) <= limit,
    "minProperties": lambda instance, limit: not isinstance(instance, dict) or len(instance) >= limit,
    "maxProperties": lambda instance, limit: not isinstance(instance, dict) or len(instance) <= limit,
    "minimum": lambda instance, limit: not _is_number(instance) or instance >= limit,
    "maximum": lambda instance, limit: not _is_number(instance) or instance <= limit,
}


def check_document(
    kind: Kind,
    document: YamlDocument,
    path: str,
    messages: Messages,
    *,
    default_language: str,
    schemas: SchemaSet | None = None,
) -> list[Problem]:
    """All schema errors of one document, each once, explained at its line."""
    schemas = schemas or schema_set()
    fast_check = schemas.fast_checks.get(kind)
    if fast_check is not None and fast_check(document.data):
        return []
    explainer = _Explainer(document, path, messages, default_language, schemas.definitions)
    problems: list[Problem] = []
    explained_paths: set[JsonPath] = set()
    for error in schemas.validators[kind].iter_errors(document.data):
        failure = _Failure.of(best_match([error]) if error.context else error)
        for instance_path, problem in explainer.explain(failure):
            # A value that breaks several rules (pattern and format of a date) is explained once.
            if instance_path is not None:
                if instance_path in explained_paths:
                    continue
                explained_paths.add(instance_path)
            problems.append(problem)
    return problems


@dataclass(frozen=True)
class _Failure:
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
    def of(cls, error: ValidationError) -> _Failure:
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


class _Explainer:
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

    def explain(self, failure: _Failure) -> Iterator[tuple[JsonPath | None, Problem]]:
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

    def _type(self, failure: _Failure) -> Problem:
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

    def _enum(self, failure: _Failure) -> Problem:
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

    def _pattern(self, failure: _Failure) -> Problem:
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
                    return self._problem("schema.id_name", position, value=value, example=quote(file.stem), file=quote(file.name))
                return self._problem(
                    "schema.id_file", position, value=value, example=quote(example),
                    file=quote(file.name), expected_file=quote(example + file.suffix),
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
            f"schema.{kind}_final", path=self.path, position=position or (1, 1), field=field,
            value=quote(written), example=f'"{final}"',
        )

    def _property_name(self, failure: _Failure) -> Problem:
        key = str(failure.instance)
        position = self.document.key_position((*failure.path, key))
        if failure.schema is self.definitions["language_code"]:
            message_key = "schema.language_key"
        elif failure.path and failure.path[-1] in _LABEL_MAPS:
            message_key = "schema.label_key"
        else:
            message_key = "schema.pattern"
        return self._problem(message_key, position, field=field_name(failure.path), value=quote(key))

    def _required(self, failure: _Failure) -> Iterator[Problem]:
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

    def _unknown_fields(self, failure: _Failure) -> Iterator[Problem]:
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

    def _duplicates(self, failure: _Failure) -> Problem:
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
    day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (match.group(6), match.group(5), match.group(4))
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


def _collect_text_fields(
    data: Any,
    schema: Mapping[str, Any],
    path: JsonPath,
    definitions: Mapping[str, Mapping[str, Any]],
    found: list[TextField],
) -> None:
    if schema is definitions["text"] or schema is definitions["markdown"]:
        if isinstance(data, dict):
            found.append(TextField(path, markdown=schema is definitions["markdown"]))
        return
    for part in schema.get("allOf", ()):
        _collect_text_fields(data, part, path, definitions, found)
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        for key, value in data.items():
            if key in properties:
                _collect_text_fields(value, properties[key], (*path, key), definitions, found)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(data):
            _collect_text_fields(value, schema["items"], (*path, index), definitions, found)
