"""Every command the documents show runs as written: each `catalogue …` line in the README, CONTRIBUTING, the
CHANGELOG and the README a new town gets is one the command line takes, with the options it shows; each shown
`make …` target exists in the Makefile it belongs to; and the town's commands run for real on a new town (tests in
tests/office/test_town_commands.py and tests/town/)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from catalogue.cli import _parser

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = ("README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md", "CHANGELOG.md", "hooks/catalogue/town/README.md")
_SPAN = re.compile(r"`([^`\n]+)`")
_COMMAND = re.compile(r"(?:^|\s|&&\s)(?:\S*/)?catalogue\s+([a-z][a-z-]*(?:\s+[^;&|#]*)?)")
"""`catalogue` (or a path ending in /catalogue) followed by a subcommand and its arguments, in a code span or a line of
a code block."""
_SUBCOMMANDS = frozenset(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _code(text: str) -> list[str]:
    """The document's code: each line of a fenced block (continued lines joined) and each inline code span."""
    pieces: list[str] = []
    for number, block in enumerate(re.split(r"^```[a-z]*$", text, flags=re.MULTILINE)):
        if number % 2:
            pieces += block.replace("\\\n", " ").splitlines()
        else:
            pieces += _SPAN.findall(block)
    return pieces


def _shown_commands() -> list[tuple[str, str]]:
    found = []
    for name in DOCUMENTS:
        for piece in _code((REPO / name).read_text(encoding="utf-8")):
            for match in _COMMAND.finditer(piece):
                words = match.group(1).split()
                if words[0] in _SUBCOMMANDS:
                    found.append((name, " ".join(words)))
    return sorted(set(found))


SHOWN = _shown_commands()


def test_the_documents_show_the_towns_commands() -> None:
    shown = {command.split()[0] for _, command in SHOWN}
    assert {"new-town", "check", "build", "verify", "upgrade", "language", "report", "codeowners", "issue-form"} <= shown


@pytest.mark.parametrize(("document", "command"), SHOWN, ids=[f"{name}: {command}" for name, command in SHOWN])
def test_every_shown_command_is_one_the_command_line_takes(document: str, command: str) -> None:
    words = shlex.split(command)
    if len(words) == 1:
        return  # the command's name in a sentence; it is one of the command line's (SHOWN holds only those)
    try:
        _parser().parse_args(words)
    except SystemExit as exit:
        pytest.fail(f"{document} shows `catalogue {command}`, which the command line refuses (exit {exit.code})")
