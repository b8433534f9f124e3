"""Writes translated texts into data files with ruamel.yaml's round trip, so that everything else in the file -
comments, key order, quoting, block scalars, blank lines - stays byte for byte as the author wrote it.

The settings reproduce the catalogue's files exactly: two-space maps, no line folding, and lists indented the way the
file indents them (with the dash two spaces in, or flush with the key above); a test loads and dumps every file of a
catalogue and compares the bytes. Where a file holds something ruamel.yaml writes differently (a plain text folded
over several lines), `FileEdit` splices only the new lines into the file as it was.

`merge_yaml` writes a whole edited record (the issue-form converter's changes) into its file the same way: only the
changed values change.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, ScalarString

from catalogue.data.strict_yaml import parse_yaml_text

Path_ = Sequence[str | int]
_LIST_UNDER_KEY = re.compile(r"^( *)[^\s#-][^\n]*:[ \t]*\n\1( *)- ", re.MULTILINE)
_DASH_OFFSET_KEY = "catalogue_dash_offset"


def round_trip_yaml(dash_offset: int = 2) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.indent(mapping=2, sequence=dash_offset + 2, offset=dash_offset)
    return yaml


def load_document(text: str) -> CommentedMap:
    match = _LIST_UNDER_KEY.search(text)
    dash_offset = len(match.group(2)) if match else 2
    document = round_trip_yaml(dash_offset).load(text)
    if not isinstance(document, CommentedMap):
        raise ValueError("the file does not hold a map of fields")
    setattr(document, _DASH_OFFSET_KEY, dash_offset)
    return document


def dump_document(document: CommentedMap) -> str:
    out = io.StringIO()
    round_trip_yaml(getattr(document, _DASH_OFFSET_KEY, 2)).dump(document, out)
    return out.getvalue()


def set_text(document: CommentedMap, path: Path_, language: str, text: str, like: str) -> None:
    """Puts `text` under `language` in the text map at `path`, written the way `like` (the source text) is: a block
    scalar (`|`) for several lines, with the source's final line break."""
    text_map: Any = document
    for part in path:
        text_map = text_map[part]
    if "\n" in text.rstrip("\n") or like.endswith("\n"):
        text_map[language] = LiteralScalarString(text.rstrip("\n") + ("\n" if like.endswith("\n") else ""))
    else:
        text_map[language] = text


def record_translation(document: CommentedMap, language: str, fingerprint: str | None, *, machine: bool | None) -> None:
    """Updates `translation_sources.<language>` (when `fingerprint` is given) and `machine_translated`: adds the
    language when `machine` is True, removes it when False (a person checked the texts), leaves it when None."""
    if fingerprint is not None:
        sources = document.get("translation_sources")
        if sources is None:
            document["translation_sources"] = CommentedMap({language: fingerprint})
        else:
            sources[language] = fingerprint
    machine_list = document.get("machine_translated")
    if machine is True:
        if machine_list is None:
            document["machine_translated"] = CommentedSeq([language])
        elif language not in machine_list:
            machine_list.append(language)
    elif machine is False and machine_list is not None and language in machine_list:
        machine_list.remove(language)
        if not machine_list:
            del document["machine_translated"]


def text_at(document: Mapping[str, Any], path: Path_) -> Any:
    value: Any = document
    for part in path:
        value = value[part]
    return value


class FileEdit:
    """One data file being changed: `document` to change, `text()` for the file's new text.

    The new text is the dump of the changed document where the unchanged document dumps back to the file byte for
    byte, else the file with only the dump's added or changed lines spliced in at their places."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.document = load_document(original)
        self._unchanged = dump_document(self.document)

    def text(self) -> str:
        """Raises ValueError when a change falls on a line that ruamel.yaml writes differently from the file."""
        new = dump_document(self.document)
        if self._unchanged == self.original:
            return new
        file_lines = self.original.splitlines(keepends=True)
        dumped_lines = self._unchanged.splitlines(keepends=True)
        new_lines = new.splitlines(keepends=True)
        alignment = difflib.SequenceMatcher(a=file_lines, b=dumped_lines, autojunk=False).get_opcodes()

        def in_file(index: int, *, exact: bool) -> int:
            for kind, file_start, file_end, dump_start, dump_end in alignment:
                if dump_start <= index < dump_end or (index == dump_end == len(dumped_lines) and kind == "equal"):
                    if kind == "equal":
                        return file_start + index - dump_start
                    if exact:
                        raise ValueError(f"line {index + 1} is written differently in the file")
                    return file_start if index == dump_start else file_end
            return len(file_lines)

        result = list(file_lines)
        changes = difflib.SequenceMatcher(a=dumped_lines, b=new_lines, autojunk=False).get_opcodes()
        for kind, dump_start, dump_end, new_start, new_end in reversed(changes):
            if kind == "equal":
                continue
            if kind == "insert":
                at = in_file(dump_start, exact=False)
                result[at:at] = new_lines[new_start:new_end]
                continue
            first = in_file(dump_start, exact=True)
            last = in_file(dump_end - 1, exact=True)
            result[first : last + 1] = new_lines[new_start:new_end]
        return "".join(result)


_QUOTED_PATTERNS = (
    re.compile(r"\d{4}-\d{2}-\d{2}\Z"),  # dates: the schema wants them in quotes
    re.compile(r"\d{1,2}:\d{2}\Z"),  # times: YAML 1.1 tools would read 10:30 as a number
    re.compile(r"\+?[0-9][0-9 /()-]*\Z"),  # phone numbers and postcodes
)


class UnreadableYaml(ValueError):
    """The text is no YAML document the strict loader accepts; the message names the first problem."""


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
    if not original.strip():
        document = CommentedMap()
        _merge_map(document, edited, {})
        return dump_document(document)
    edit = FileEdit(original)
    try:
        before: Any = plain_data(original, "original")
    except UnreadableYaml:
        before = None
    _merge_map(edit.document, edited, before)
    try:
        return edit.text()
    except ValueError:
        return dump_document(edit.document)


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
    if type(before) is not type(value) and not (
        isinstance(before, (int, float))
        and isinstance(value, (int, float))
        and not isinstance(before, bool)
        and not isinstance(value, bool)
    ):
        return False
    if isinstance(value, Mapping):
        return before.keys() == value.keys() and all(_same(before[key], value[key]) for key in value)
    if isinstance(value, list):
        return len(before) == len(value) and all(_same(old, new) for old, new in zip(before, value, strict=True))
    return bool(before == value)


def _merge_list(target: CommentedSeq, items: list[Any], before: Any) -> None:
    for index, value in enumerate(items):
        if index < len(target):
            old = before[index] if isinstance(before, list) and index < len(before) else None
            target[index] = _merged(target[index], value, old)
        else:
            target.append(_fresh(value))
    del target[len(items) :]


def _same_scalar(current: Any, value: Any) -> bool:
    if isinstance(current, (CommentedMap, CommentedSeq)):
        return False
    if isinstance(current, bool) or isinstance(value, bool):
        return type(current) is type(value) and current == value
    if isinstance(current, str) and isinstance(value, str):
        return str(current) == value
    return (current == value and type(current) is type(value)) or (
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
