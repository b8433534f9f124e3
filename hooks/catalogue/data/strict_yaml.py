"""Strict YAML: reads a data file into plain JSON-like data, remembering where every key and value stands.

PyYAML follows YAML 1.1 and loses data silently: `10:30` becomes 630, `no` becomes False, the last of two equal keys
wins. This reader takes PyYAML's parser events and builds the data itself:

- only true/false (in any case) are booleans; yes, no, on, off, y, n stay texts;
- integers and floats as in YAML 1.2's core schema, except that a whole number with a leading zero (a postcode such
  as 01067) stays a text, and .inf/.nan stay texts; times (10:30) and dates stay texts for the schema to check;
- null, ~ and an empty value are None; every mapping key is the text as written;
- duplicate keys, anchors, aliases, merge keys (<<), tags other than YAML's standard ones, several documents in one
  file, non-UTF-8 bytes, invisible control characters and files over 256 KiB are refused, each with file, line and
  column and a fix in plain words.

The character rules apply to the parsed texts too, not only to the file's bytes, since a double-quoted value can
write any character as an escape ("\\x10", "\\0", "\\uffff"):

- control characters other than tab and line breaks, lone surrogates and Unicode noncharacters are refused: XML 1.0
  (the Atom feed) cannot hold them, and no reader can see them;
- bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are refused: they reverse or hide
  the text around them (Unicode Technical Report #36, "Trojan Source"); the site isolates every text itself;
- zero-width spaces, word joiners, a byte-order mark inside a text and the Mongolian vowel separator are removed:
  invisible, they only break search and comparisons;
- kept: ZERO WIDTH NON-JOINER (part of Persian spelling), ZERO WIDTH JOINER (Arabic-script and Indic shaping, emoji
  sequences), the direction marks LRM, RLM and ALM (they order punctuation inside an Arabic or Persian text and cannot
  reach beyond an isolated field), soft hyphens;
- every text is normalised to NFC (text pasted on macOS arrives decomposed, u + U+0308 for ü), so that exports,
  search and comparisons see one form. The file on disk stays as written.

It never raises for bad input: it returns the data or the problems. It never writes a file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from catalogue.data.messages import Messages, quote
from catalogue.data.problems import Problem
from catalogue.data.yaml_syntax_errors import explain_syntax_error, mark_position

MAX_FILE_BYTES = 256 * 1024
MAX_NESTING = 32
"""Levels of lists and groups a file may nest, the document itself counting as one. No schema needs more than a
handful; a few KiB of `[[[[…` nested a thousand deep would otherwise exhaust Python's recursion limit in every
later stage that walks the data (schema check, JSON, fingerprints)."""

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]
"""(line, column), both 1-based."""

_Parser: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML_TAG + name for name in ("str", "int", "float", "bool", "null")}
_NON_SPECIFIC_TAG = "!"
_TAG_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_INT_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+\Z")
_INT_OCTAL = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null"}
_MAY_START_NON_TEXT = frozenset("0123456789+-.~nNtTfF")
_BOOL = {"true": True, "false": False}

# The characters YAML refuses inside a file (PyYAML's Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# In a parsed text: what XML 1.0 cannot hold, C1 controls, lone surrogates and noncharacters (Unicode 3.2+).
_REFUSED_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_REMOVED_FROM_TEXT = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u180e"))
# YAML 1.1's one-letter escapes (PyYAML's ESCAPE_REPLACEMENTS) of the characters refused above.
_NAMED_ESCAPES = {"0": "\x00", "a": "\x07", "b": "\x08", "v": "\x0b", "f": "\x0c", "e": "\x1b"}
_LINES_OF_A_VALUE = 200


@dataclass(frozen=True)
class YamlDocument:
    """A data file's content and where each part of it stands in the file."""

    data: dict[str, Any]
    value_positions: Mapping[JsonPath, Position]
    """Where each value starts; () is the whole document."""
    key_positions: Mapping[JsonPath, Position]
    """Where the key of each mapping entry stands; the path ends with the key."""
    lines: tuple[str, ...] = ()

    def value_position(self, path: JsonPath) -> Position:
        """Where the value at path starts, or where its nearest existing parent starts."""
        for length in range(len(path), -1, -1):
            position = self.value_positions.get(path[:length])
            if position is not None:
                return position
        return (1, 1)

    def key_position(self, path: JsonPath) -> Position:
        """Where the key of the entry at path stands; for a list item or the root, where its value starts."""
        return self.key_positions.get(path) or self.value_position(path)

    def text_position(self, path: JsonPath, needle: str) -> Position:
        """Where needle first occurs inside the text at path (searched in the file, case-insensitive)."""
        line, column = self.value_position(path)
        wanted = needle.lower()
        for index in range(line - 1, len(self.lines)):
            start = column - 1 if index == line - 1 else 0
            found = self.lines[index].lower().find(wanted, start)
            if found >= 0:
                return (index + 1, found + 1)
        return (line, column)


@dataclass(frozen=True)
class YamlResult:
    document: YamlDocument | None
    """None when there is any problem."""
    problems: tuple[Problem, ...]


def read_yaml_file(file: Path, display_path: str, messages: Messages | None = None) -> YamlResult:
    messages = messages or Messages()
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        size = file.stat().st_size if len(raw) > MAX_FILE_BYTES else len(raw)
    except OSError as error:
        return _refused(messages, "file.unreadable", display_path, (1, 1), detail=error.strerror or str(error))
    if size > MAX_FILE_BYTES:
        return _too_large(messages, display_path, size)
    return parse_yaml_bytes(raw, display_path, messages)


def parse_yaml_bytes(raw: bytes, display_path: str, messages: Messages | None = None) -> YamlResult:
    messages = messages or Messages()
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(messages, display_path, len(raw))
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _refused(messages, "yaml.not_utf8", display_path, _byte_position(raw, error.start))
    return parse_yaml_text(text, display_path, messages)


def parse_yaml_text(text: str, display_path: str, messages: Messages | None = None) -> YamlResult:
    messages = messages or Messages()
    text = text.removeprefix("\ufeff")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        return _refused(messages, "yaml.not_utf8", display_path, _character_position(text, error.start))
    if size > MAX_FILE_BYTES:
        return _too_large(messages, display_path, size)
    bad_character = _NON_PRINTABLE.search(text)
    if bad_character:
        code = f"U+{ord(bad_character.group()):04X}"
        return _refused(
            messages, "yaml.control_char", display_path, _character_position(text, bad_character.start()), code=code
        )
    builder = _Builder(display_path, messages, text)
    return builder.build()


def _refused(messages: Messages, message_key: str, path: str, position: Position, /, **values: Any) -> YamlResult:
    return YamlResult(None, (messages.problem(message_key, path=path, position=position, **values),))


def _too_large(messages: Messages, path: str, size: int) -> YamlResult:
    kibibytes = -(-size // 1024)
    return _refused(messages, "yaml.too_large", path, (1, 1), size=kibibytes, limit=MAX_FILE_BYTES // 1024)


def _byte_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return (raw.count(b"\n", 0, offset) + 1, column)


def _character_position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return (text.count("\n", 0, offset) + 1, offset - line_start + 1)


class _Refusal(Exception):
    """A problem after which the rest of the file cannot be read."""


@dataclass(slots=True)
class _Container:
    path: JsonPath
    value: dict[str, Any] | list[Any]
    is_mapping: bool
    key: str | None = None
    """For a mapping: the key whose value comes next; None while a key is expected."""
    key_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    def __init__(self, display_path: str, messages: Messages, text: str) -> None:
        self.display_path = display_path
        self.messages = messages
        self.text = text
        self.lines = tuple(text.splitlines())
        self.problems: list[Problem] = []
        self.value_positions: dict[JsonPath, Position] = {}
        self.key_positions: dict[JsonPath, Position] = {}
        self.stack: list[_Container] = []
        self.root: Any = None
        self.documents = 0

    def build(self) -> YamlResult:
        parser = _Parser(self.text)
        try:
            self._consume(parser)
        except _Refusal:
            pass
        except yaml.MarkedYAMLError as error:
            self.problems.append(explain_syntax_error(error, self.lines, self.display_path, self.messages))
        except (yaml.YAMLError, RecursionError) as error:
            self._add("yaml.syntax", (1, 1), detail=str(error).splitlines()[0] if str(error) else type(error).__name__)
        finally:
            parser.dispose()
        if not self.problems and not isinstance(self.root, dict):
            if self.documents == 0 or self.root is None:
                self._add("yaml.empty", (1, 1))
            else:
                self._add(
                    "yaml.not_mapping", self.value_positions.get((), (1, 1)), actual=self.messages.describe(self.root)
                )
        if self.problems:
            return YamlResult(None, tuple(self.problems))
        document = YamlDocument(self.root, self.value_positions, self.key_positions, self.lines)
        return YamlResult(document, ())

    def _add(self, message_key: str, position: Position, /, **values: Any) -> None:
        self.problems.append(self.messages.problem(message_key, path=self.display_path, position=position, **values))

    def _consume(self, parser: Any) -> None:
        # The loop runs once per scalar, so the common cases are handled inline.
        stack = self.stack
        get_event = parser.get_event
        while True:
            event = get_event()
            event_type = type(event)
            if event_type is yaml.ScalarEvent:
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    self._add("yaml.anchor", position, name=event.anchor)
                top = stack[-1] if stack else None
                if top is not None and top.is_mapping and top.key is None:
                    self._key(top, event, position)
                elif event.tag is None:
                    self._place(top, resolve_plain_scalar(event.value) if event.implicit[0] else event.value, position)
                else:
                    self._place(top, self._tagged_scalar(event, position), position)
            elif event_type is yaml.MappingStartEvent or event_type is yaml.SequenceStartEvent:
                self._start_container(event)
            elif event_type is yaml.MappingEndEvent or event_type is yaml.SequenceEndEvent:
                stack.pop()
            elif event_type is yaml.AliasEvent:
                position = mark_position(event.start_mark)
                self._add("yaml.alias", position, name=event.anchor)
                top = stack[-1] if stack else None
                if top is not None and top.is_mapping and top.key is None:
                    raise _Refusal
                self._place(top, None, position)
            elif event_type is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    position = mark_position(event.start_mark)
                    self._add("yaml.several_documents", position, line=position[0])
                    raise _Refusal
            elif event is None or event_type is yaml.StreamEndEvent:
                return

    def _key(self, container: _Container, event: yaml.ScalarEvent, position: Position) -> None:
        key = event.value
        if event.tag is not None and event.tag not in (_NON_SPECIFIC_TAG, _YAML_TAG + "str"):
            self._add("yaml.tag", position, tag=_readable_tag(event.tag))
        elif key == "<<" and event.implicit[0]:
            self._add("yaml.merge_key", position)
        first_line = container.key_lines.get(key)
        if first_line is not None:
            self._add("yaml.duplicate_key", position, key=key, first_line=first_line, line=position[0])
        else:
            container.key_lines[key] = position[0]
        container.key = key
        self.key_positions[(*container.path, key)] = position

    def _start_container(self, event: yaml.CollectionStartEvent) -> None:
        position = mark_position(event.start_mark)
        if event.anchor is not None:
            self._add("yaml.anchor", position, name=event.anchor)
        is_mapping = type(event) is yaml.MappingStartEvent
        if event.tag not in (None, _NON_SPECIFIC_TAG, _YAML_TAG + ("map" if is_mapping else "seq")):
            self._add("yaml.tag", position, tag=_readable_tag(event.tag))
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_mapping and top.key is None:
            self._add("yaml.complex_key", position)
            raise _Refusal
        if len(self.stack) >= MAX_NESTING:
            self._add("yaml.too_deep", position, limit=MAX_NESTING)
            raise _Refusal
        value: dict[str, Any] | list[Any] = {} if is_mapping else []
        path = self._place(top, value, position)
        self.stack.append(_Container(path, value, is_mapping))

    def _place(self, container: _Container | None, value: Any, position: Position) -> JsonPath:
        """Put value into the container being built, note its position, and return its path."""
        path: JsonPath
        if type(value) is str and not (value.isascii() and value.isprintable()):
            value = self._text(value, _child_path(container), position)
        if container is None:
            path = ()
            self.root = value
        elif container.is_mapping:
            key = container.key
            assert key is not None
            path = (*container.path, key)
            cast(dict[str, Any], container.value)[key] = value
            container.key = None
        else:
            path = (*container.path, len(container.value))
            cast(list[Any], container.value).append(value)
        self.value_positions[path] = position
        return path

    def _text(self, text: str, path: JsonPath, position: Position) -> str:
        """A text after the character rules of the module's docstring: problems added, invisible spaces removed, NFC."""
        refused = _REFUSED_IN_TEXT.search(text)
        if refused:
            code = f"U+{ord(refused.group()):04X}"
            self._add("text.control_char", self._find(refused.group(), position), field=field_name(path), code=code)
        direction = _DIRECTION_CONTROLS.search(text)
        if direction:
            character = direction.group()
            code = f"U+{ord(character):04X} {unicodedata.name(character)}"
            self._add("text.direction_control", self._find(character, position), field=field_name(path), code=code)
        if text.isascii():
            return text
        return unicodedata.normalize("NFC", text.translate(_REMOVED_FROM_TEXT))

    def _find(self, character: str, start: Position) -> Position:
        """Where character stands in the file at or after start, as itself or as an escape such as \\x10."""
        code = ord(character)
        forms = [character, f"\\x{code:02x}", f"\\u{code:04x}", f"\\U{code:08x}"]
        forms += [f"\\{name}" for name, value in _NAMED_ESCAPES.items() if value == character]
        line, column = start
        for index in range(line - 1, min(len(self.lines), line + _LINES_OF_A_VALUE)):
            text = self.lines[index].lower()
            offset = column - 1 if index == line - 1 else 0
            found = [at for at in (text.find(form.lower(), offset) for form in forms) if at >= 0]
            if found:
                return (index + 1, min(found) + 1)
        return start

    def _tagged_scalar(self, event: yaml.ScalarEvent, position: Position) -> Any:
        text = event.value
        tag: str = event.tag or _NON_SPECIFIC_TAG
        if tag in (_NON_SPECIFIC_TAG, _YAML_TAG + "str"):
            return text
        if tag not in _SCALAR_TAGS:
            self._add("yaml.tag", position, tag=_readable_tag(tag))
            return text
        value: Any = resolve_plain_scalar(text)
        expected = _TAG_TYPES[tag.removeprefix(_YAML_TAG)]
        if not isinstance(value, expected) or (tag.endswith(":int") and isinstance(value, bool)):
            self._add("yaml.tag_mismatch", position, value=quote(text), tag=_readable_tag(tag))
            return text
        return float(cast(float, value)) if tag.endswith(":float") else value


def _child_path(container: _Container | None) -> JsonPath:
    """The path of the value that goes into container next."""
    if container is None:
        return ()
    if container.is_mapping:
        assert container.key is not None
        return (*container.path, container.key)
    return (*container.path, len(container.value))


def field_name(path: JsonPath) -> str:
    """The names leading to a value, with list positions counted from 1 as people count: locations[2].postcode."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else part
    return name


def resolve_plain_scalar(text: str) -> Any:
    """The value of an unquoted scalar: None, bool, int, float or the text itself (see the module's docstring)."""
    if text and text[0] not in _MAY_START_NON_TEXT:
        return text
    lowered = text.lower()
    if lowered in _NULL:
        return None
    if lowered in _BOOL:
        return _BOOL[lowered]
    try:
        if _INT.match(text):
            return int(text)
        if _INT_OCTAL.match(text):
            return int(text[2:], 8)
        if _INT_HEX.match(text):
            return int(text[2:], 16)
    except ValueError:
        # More digits than Python converts: keep the text.
        return text
    if _INT_LEADING_ZERO.match(text):
        return text
    if _FLOAT.match(text):
        return float(text)
    return text


def _readable_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
