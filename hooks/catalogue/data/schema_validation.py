"""Checks a data file against its JSON Schema (2020-12): every error once, explained at its line, and the parts of a
refused document the other checks may still read."""

from __future__ import annotations

import copy
from typing import Any

from jsonschema.exceptions import best_match

from catalogue.data.messages import Messages
from catalogue.data.problems import Problem
from catalogue.data.schema_explanation import Explainer, Failure
from catalogue.data.schema_loading import Kind, SchemaSet, schema_set
from catalogue.data.strict_yaml import JsonPath, YamlDocument


def check_document(
    kind: Kind,
    document: YamlDocument,
    path: str,
    messages: Messages,
    *,
    default_language: str,
    schemas: SchemaSet | None = None,
) -> list[Problem]:
    """All schema errors of one document, each once, explained at its line; empty when the document fits."""
    schemas = schemas or schema_set()
    fast_check = schemas.fast_checks.get(kind)
    if fast_check is not None and fast_check(document.data):
        return []
    explainer = Explainer(document, path, messages, default_language, schemas.definitions)
    problems: list[Problem] = []
    explained_paths: set[JsonPath] = set()
    for error in schemas.validators[kind].iter_errors(document.data):
        failure = Failure.of(best_match([error]) if error.context else error)
        for instance_path, problem in explainer.explain(failure):
            # A value that breaks several rules (pattern and format of a date) is explained once.
            if instance_path is not None:
                if instance_path in explained_paths:
                    continue
                explained_paths.add(instance_path)
            problems.append(problem)
    return problems


def usable_parts(kind: Kind, data: Any, schemas: SchemaSet) -> tuple[frozenset[JsonPath], Any | None]:
    """(where the schema refused something, the document without the refused values) for a document that does not
    fit its schema; the second is None when the document itself is refused (not a mapping).

    A refused value is left out with its key; a refused value inside a list takes the whole list with it (leaving
    out one item would move the others, whose lines the messages name). An unknown key or a key of the wrong form is
    left out; a missing key is only recorded. The rest keeps the types the schema asks for, so the checks that read
    it need only cope with missing keys.
    """
    refused: set[JsonPath] = set()
    cuts: set[JsonPath] = set()
    for error in schemas.validators[kind].iter_errors(data):
        path: JsonPath = tuple(error.absolute_path)
        instance = error.instance
        if error.validator == "required":
            missing = [name for name in error.validator_value if isinstance(instance, dict) and name not in instance]
            refused.update((*path, name) for name in missing)
        elif error.validator in ("minProperties", "minItems"):
            refused.add(path)
        elif "propertyNames" in error.relative_schema_path:
            cuts.add((*path, str(instance)))
        elif error.validator == "additionalProperties" and isinstance(instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            cuts.update((*path, name) for name in instance if name not in known)
        else:
            cuts.add(path)
    cuts = {_outside_lists(path) for path in cuts}
    if () in cuts:
        return frozenset(refused | cuts), None
    usable = copy.deepcopy(data)
    for path in sorted(cuts, key=len):
        parent = usable
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
    return frozenset(refused | cuts), usable


def _outside_lists(path: JsonPath) -> JsonPath:
    """The path itself, or where it enters its innermost list: ('schedule', 'weekly', 1, 'start') -> ('schedule',
    'weekly')."""
    indexes = [position for position, part in enumerate(path) if isinstance(part, int)]
    return path[: indexes[-1]] if indexes else path
