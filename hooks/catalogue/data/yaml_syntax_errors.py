"""Explains a YAML syntax error in plain words: what went wrong, at which line and column, and how to fix it.

PyYAML and libyaml word their errors for programmers ("mapping values are not allowed here"); strict_yaml hands
each such error here and reports the explanation this module picks instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from catalogue.data.messages import Messages
from catalogue.data.problems import Problem

if TYPE_CHECKING:
    from catalogue.data.strict_yaml import Position


def mark_position(mark: Any) -> Position:
    """(line, column), both 1-based, of a PyYAML mark (which counts from 0)."""
    return (mark.line + 1, mark.column + 1)


def explain_syntax_error(error: yaml.MarkedYAMLError, lines: tuple[str, ...], path: str, messages: Messages) -> Problem:
    """Turns PyYAML's (or libyaml's) wording into a plain explanation at the right place."""
    problem_text = (error.problem or "").lower()
    context_text = (error.context or "").lower()
    mark = error.problem_mark or error.context_mark
    position = mark_position(mark) if mark is not None else (1, 1)
    context_position = mark_position(error.context_mark) if error.context_mark is not None else position

    def character_at(where: Position) -> str:
        line, column = where
        if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
            return lines[line - 1][column - 1]
        return ""

    def report(message_key: str, where: Position, /, **values: Any) -> Problem:
        return messages.problem(message_key, path=path, position=where, **values)

    tab = _indentation_tab(lines, min(context_position[0], position[0]), position[0])
    if character_at(position) == "\t" or "tab" in problem_text:
        return report("yaml.tab", position)
    if tab is not None:
        return report("yaml.tab", tab)
    if "mapping values are not allowed" in problem_text:
        return report("yaml.colon", position, example=_quoted_example(lines, position[0]))
    if "escape" in problem_text or "hexdecimal" in problem_text or "hexadecimal" in problem_text:
        if character_at(position) != "\\" and character_at((position[0], position[1] - 1)) == "\\":
            position = (position[0], position[1] - 1)  # PyYAML points after the backslash, libyaml at it
        return report("yaml.bad_escape", position)
    if "quoted scalar" in context_text and "end of stream" in problem_text:
        return report("yaml.unclosed_quote", context_position, quote=character_at(context_position) or '"')
    if "flow" in context_text:
        bracket = character_at(context_position) or "["
        return report(
            "yaml.unclosed_bracket", context_position, bracket=bracket, closing="]" if bracket == "[" else "}"
        )
    if "cannot start any token" in problem_text:
        return report("yaml.reserved_start", position, char=character_at(position) or "?")
    if "could not find expected ':'" in problem_text:
        return report("yaml.missing_colon", context_position)
    if "expected <block end>" in problem_text or "did not find expected" in problem_text:
        before = lines[position[0] - 1][: position[1] - 1].rstrip() if 0 < position[0] <= len(lines) else ""
        if before.endswith(('"', "'")) and ": " in before:
            return report("yaml.text_after_quote", position)
        return report("yaml.indentation", position)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return report("yaml.syntax", position, detail=detail or type(error).__name__)


def _indentation_tab(lines: tuple[str, ...], first_line: int, last_line: int) -> Position | None:
    for number in range(max(first_line, 1), min(last_line, len(lines)) + 1):
        line = lines[number - 1]
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indentation:
            return (number, indentation.index("\t") + 1)
    return None


def _quoted_example(lines: tuple[str, ...], line_number: int) -> str:
    """The offending line with its value in double quotes: `title: "Kurs: Deutsch"`."""
    if not 0 < line_number <= len(lines):
        return 'key: "…"'
    line = lines[line_number - 1].strip()
    prefix = "- " if line.startswith("- ") else ""
    line = line.removeprefix("- ")
    key, separator, value = line.partition(": ")
    if not separator:
        return '"' + line + '"'
    value = value.strip().replace('"', "'")
    return f'{prefix}{key}: "{value}"'
