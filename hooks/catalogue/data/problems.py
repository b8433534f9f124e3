"""One problem found in the catalogue's data, and how to print it for people and for CI annotations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Style = Literal["text", "github"]


@dataclass(frozen=True)
class Problem:
    path: str
    """The file, relative to the site's root, POSIX style: data/offers/vhs/deutsch-a1.yml."""
    line: int
    """1-based."""
    column: int
    """1-based."""
    severity: Severity
    message: str
    """What is wrong, in words a non-programmer understands."""
    fix: str
    """How to fix it."""
    key: str = ""
    """The message's key in data/messages.py, e.g. 'warn.untranslated': lets a report group problems of one kind."""
    about: tuple[str, ...] = ()
    """What the problem is about where a report groups by it, e.g. the languages a text is missing in."""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def problem_sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line, problem.column, problem.message)


def format_problem(problem: Problem, *, style: Style = "text") -> str:
    text = f"{problem.message} — {problem.fix}" if problem.fix else problem.message
    if style == "github":
        return (
            f"::{problem.severity} file={_github_property(problem.path)},line={problem.line},col={problem.column}"
            f"::{_github_data(text)}"
        )
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.severity}: {text}"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")
