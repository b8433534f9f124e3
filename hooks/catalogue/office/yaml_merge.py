"""Writes an edited record into its YAML file so that only the changed values change: comments, key order, quoting,
flow lists and block texts of everything else stay as they were (ruamel.yaml's round trip, YAML 1.2).

The web editor and the issue-form converter hand over whole documents; a reviewer must see one changed line for
one changed field, not a rewritten file.
"""
from __future__ import annotations

import io
import re
from typing import Any, Mapping

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, ScalarString

from catalogue.data.strict_yaml import parse_yaml_text

_QUOTED_PATTERNS = (
    re.compile(r"\d{4}-\d{2}-\d{2}\Z"),  # dates: the schema wants them in quotes
    re.compile(r"\d{1,2}:\d{2}\Z"),  # times: YAML 1.1 tools would read 10:30 as a number
    re.compile(r"\+?[0-9][0-9 /()-]*\Z"),  # phone numbers and postcodes
)


class UnreadableYaml(ValueError):
    """The text is no YAML document the strict loader accepts; the message names the first problem."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def plain_data(text: str, display_path: str) -> dict[str, Any]:
    """The document as the catalogue reads it (dates and times stay strings); raises UnreadableYaml."""
    result = parse_yaml_text(text, display_path)
    if result.document is None:
        first = result.problems[0] if result.problems else None
        raise UnreadableYaml(first.message if first else f"{display_path} is no YAML mapping")
    return result.document.data


def merge_yaml(original: str, edited: Mapping[str, Any]) -> str:
    """The original file's text with the values of `edited` written into it, nothing else touched.

    Keys missing from `edited` are removed, new keys are appended to their mapping, lists are merged item by item.
    `edited` holds plain JSON-like data (str, int, float, bool, None, lists, dicts). Raises ruamel.yaml errors
    for an original that is no YAML.
    """
    yaml = _yaml()
    document = yaml.load(original) if original.strip() else None
    if not isinstance(document, CommentedMap):
        document = CommentedMap()
    try:
        before: Any = plain_data(original, "original") if original.strip() else {}
    except UnreadableYaml:
        before = None
    _merge_map(document, edited, before)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def new_yaml(edited: Mapping[str, Any], header: str = "") -> str:
    """A new file for `edited` in the catalogue's style: dates, times and phone numbers quoted, texts with line
    breaks as blocks; `header` (e.g. the yaml-language-server schema line) on top."""
    return (header.rstrip("\n") + "\n" if header else "") + merge_yaml("", edited)


def _merge_map(target: CommentedMap, edited: Mapping[str, Any], before: Any) -> None:
    for key in [key for key in target if key not in edited]:
        del target[key]
    for key, value in edited.items():
        if key in target:
            target[key] = _merged(target[key], value, before.get(key) if isinstance(before, dict) else None)
        else:
            target[key] = _fresh(value)


def _merged(current: Any, value: Any, before: Any) -> Any:
    """`before` is the value as the catalogue's strict loader read it: where it equals the edited value, the
    node is kept as written (01067, True, !!str 10:30 read differently by ruamel's YAML 1.2 rules)."""
    if _same(before, value):
        return current
    if isinstance(value, Mapping):
        if isinstance(current, CommentedMap):
            _merge_map(current, value, before)
            return current
        return _fresh(value)
    if isinstance(value, list):
        if isinstance(current, CommentedSeq):
            _merge_list(current, value, before)
            return current
        return _fresh(value)
    if _same_scalar(current, value):
        return current
    if isinstance(current, ScalarString) and isinstance(value, str) and type(current) is not LiteralScalarString:
        return type(current)(value)
    return _fresh(value)


def _same(before: Any, value: Any) -> bool:
    if type(before) is not type(value) and not (isinstance(before, (int, float)) and isinstance(value, (int, float)) and not isinstance(before, bool) and not isinstance(value, bool)):
        return False
    if isinstance(value, Mapping):
        return before.keys() == value.keys() and all(_same(before[key], value[key]) for key in value)
    if isinstance(value, list):
        return len(before) == len(value) and all(_same(old, new) for old, new in zip(before, value))
    return bool(before == value)


def _merge_list(target: CommentedSeq, items: list[Any], before: Any) -> None:
    for index, value in enumerate(items):
        if index < len(target):
            old = before[index] if isinstance(before, list) and index < len(before) else None
            target[index] = _merged(target[index], value, old)
        else:
            target.append(_fresh(value))
    del target[len(items):]


def _same_scalar(current: Any, value: Any) -> bool:
    if isinstance(current, (CommentedMap, CommentedSeq)):
        return False
    if isinstance(current, bool) or isinstance(value, bool):
        return type(current) is type(value) and current == value
    if isinstance(current, str) and isinstance(value, str):
        return str(current) == value
    return current == value and type(current) is type(value) or (
        isinstance(current, (int, float)) and isinstance(value, (int, float)) and float(current) == float(value)
    )


def _fresh(value: Any) -> Any:
    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _fresh(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_fresh(item) for item in value)
    if isinstance(value, str):
        if "\n" in value.strip("\n"):
            return LiteralScalarString(value if value.endswith("\n") else value + "\n")
        if any(pattern.match(value) for pattern in _QUOTED_PATTERNS):
            return DoubleQuotedScalarString(value)
    return value
