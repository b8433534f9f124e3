"""The JSON Schemas (2020-12) of the data files, loaded once with every `$ref` inlined.

`schema_set()` is the entry point: the validators of every kind of data file, and the shared definitions of
common.schema.json (text, markdown, date, time …) by name. `inline_references` is public for other readers of the
schemas (the web editor's configuration) that want each definition resolved once, recognisable by identity.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from catalogue.data.email_address import is_email_address
from catalogue.data.fast_schema_check import fast_check, is_annotation
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.strict_yaml import JsonPath

if TYPE_CHECKING:
    from referencing._core import Resolver

__all__ = ["SCHEMA_DIR", "SCHEMA_FILES", "Kind", "SchemaSet", "TextField", "inline_references", "schema_set"]

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
COMMON_SCHEMA = "common.schema.json"

_NOT_SCHEMAS = frozenset({"enum", "const", "required", "examples", "$defs"})


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
        collect_text_fields(data, schema_of(self.validators[kind]), (), self.definitions, fields)
        return fields


FORMAT_CHECKER = FormatChecker()
# jsonschema's own "email" check only looks for an @; email-validator knows international addresses (RFC 6531).
FORMAT_CHECKER.checks("email")(lambda instance: not isinstance(instance, str) or is_email_address(instance))


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
        schema = inline_references(schemas[name], registry.resolver(base_uri=schemas[name]["$id"]), inlined)
        format_checker = FORMAT_CHECKER
        validators[kind] = Draft202012Validator(schema, registry=registry, format_checker=format_checker)
    common = schemas[COMMON_SCHEMA]
    common_resolver = registry.resolver(base_uri=common["$id"])
    definitions = {name: inline_references(value, common_resolver, inlined) for name, value in common["$defs"].items()}
    fast_checks: dict[Kind, Callable[[Any], bool]] = {}
    for kind, validator in validators.items():
        check = fast_check(schema_of(validator), validator.format_checker, {})
        if check is not None:
            fast_checks[kind] = check
    return SchemaSet(validators, fast_checks, definitions)


def schema_of(validator: Draft202012Validator) -> Mapping[str, Any]:
    schema = validator.schema
    assert isinstance(schema, Mapping)
    return schema


def inline_references(node: Any, resolver: Resolver[Any], inlined: dict[int, Any]) -> Any:
    """The schema with every $ref replaced by what it points to, resolved through the registry.

    jsonschema resolves a $ref on every use, which costs more than all other checks together; our schemas have no
    recursion, so each reference is resolved once here. A definition used in several places becomes one shared
    object, so that an error's schema can be recognised by identity.
    """
    if isinstance(node, list):
        return [inline_references(item, resolver, inlined) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str):
        resolved = resolver.lookup(node["$ref"])
        target = inline_references(resolved.contents, resolved.resolver, inlined)
        siblings = {key: value for key, value in node.items() if key != "$ref" and not is_annotation(key)}
        if not siblings:
            return target
        return {"allOf": [target], **inline_references(siblings, resolver, inlined)}
    if id(node) in inlined:
        return inlined[id(node)]
    result: dict[str, Any] = {}
    inlined[id(node)] = result
    for key, value in node.items():
        result[key] = value if key in _NOT_SCHEMAS else inline_references(value, resolver, inlined)
    return result


def collect_text_fields(
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
        collect_text_fields(data, part, path, definitions, found)
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        for key, value in data.items():
            if key in properties:
                collect_text_fields(value, properties[key], (*path, key), definitions, found)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(data):
            collect_text_fields(value, schema["items"], (*path, index), definitions, found)
