"""Every command the documents show runs as written, and every link between them leads somewhere.

- each `catalogue …` (or `python -m catalogue …`) in a code span or block is one the real argparse parser takes;
- each `make …` target exists in the Makefile the document speaks of (the product's; the town's for a town's README
  and docs/towns/), and each `NAME=value` given to make is a variable that Makefile reads;
- each `python path/to/script.py --option` names a script that exists and an option it defines, and each
  `python -m module` a module that is installed;
- each relative link (and image) leads to a file that exists, and each `#anchor` to a heading of that file.

The documents are the README, docs/**, CONTRIBUTING, the CHANGELOG, bench/RESULTS.md and the README a new town gets
(the town's commands also run for real on a new town: tests/office/test_town_commands.py and tests/town/).
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
from catalogue.cli import _parser

REPO = Path(__file__).resolve().parents[1]
GENERATED = {"docs/developers/modules.md"}
"""The module map quotes docstrings, whose command fragments (`language add|remove CODE`) are not commands to run;
tests/test_module_map.py holds it."""
DOCUMENTS = sorted(
    {
        "README.md",
        "CONTRIBUTING.md",
        "CONTRIBUTING.en.md",
        "CHANGELOG.md",
        "bench/RESULTS.md",
        "hooks/catalogue/town/README.md",
    }
    | {path.relative_to(REPO).as_posix() for path in (REPO / "docs").rglob("*.md")}
)
PRODUCT_MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
TOWN_MAKEFILE = (REPO / "hooks/catalogue/town/Makefile").read_text(encoding="utf-8")
_SPAN = re.compile(r"`([^`\n]+)`")
_COMMAND = re.compile(r"(?:^|\s|&&\s)(?:\S*/)?catalogue\s+([a-z][a-z-]*(?:\s+[^;&|#]*)?)")
"""`catalogue` (or a path ending in /catalogue) followed by a subcommand and its arguments, in a code span or a line of
a code block."""
_MAKE = re.compile(r"(?:^|\s|&&\s)make\s+(.+)")
_PYTHON = re.compile(r"(?:^|\s|&&\s)(?:\S*/)?python3?\s+(.+)")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)\)")
_SUBCOMMANDS = frozenset(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _text(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


def _blocks(text: str) -> list[tuple[bool, str]]:
    """The document cut at its fences: (True, a fenced block's text) or (False, prose between blocks)."""
    return [(bool(number % 2), part) for number, part in enumerate(re.split(r"^```[a-z]*$", text, flags=re.MULTILINE))]


def _code(text: str) -> list[str]:
    """The document's code: each line of a fenced block (continued lines joined) and each inline code span."""
    pieces: list[str] = []
    for fenced, part in _blocks(text):
        pieces += part.replace("\\\n", " ").splitlines() if fenced else _SPAN.findall(part)
    return pieces


def _prose(text: str) -> str:
    """The document without its fenced blocks and code spans, where links and headings are."""
    return "\n".join(_SPAN.sub("", part) for fenced, part in _blocks(text) if not fenced)


def _shown(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    found = set()
    for name in DOCUMENTS:
        if name in GENERATED:
            continue
        for piece in _code(_text(name)):
            for match in pattern.finditer(piece):
                found.add((name, " ".join(match.group(1).split())))
    return sorted(found)


SHOWN = [(name, command) for name, command in _shown(_COMMAND) if command.split()[0] in _SUBCOMMANDS]
SHOWN_MAKE = _shown(_MAKE)
SHOWN_PYTHON = _shown(_PYTHON)


def test_the_documents_show_the_towns_commands() -> None:
    shown = {command.split()[0] for _, command in SHOWN}
    assert {
        "new-town",
        "check",
        "build",
        "verify",
        "upgrade",
        "language",
        "report",
        "codeowners",
        "issue-form",
    } <= shown


@pytest.mark.parametrize(("document", "command"), SHOWN, ids=[f"{name}: {command}" for name, command in SHOWN])
def test_every_shown_command_is_one_the_command_line_takes(document: str, command: str) -> None:
    words = shlex.split(command)
    if len(words) == 1:
        return  # the command's name in a sentence; it is one of the command line's (SHOWN holds only those)
    try:
        _parser().parse_args(words)
    except SystemExit as exit:
        pytest.fail(f"{document} shows `catalogue {command}`, which the command line refuses (exit {exit.code})")


def _makefiles(document: str) -> list[str]:
    """The Makefiles a document's `make` commands may belong to."""
    if document == "hooks/catalogue/town/README.md":
        return [TOWN_MAKEFILE]
    if document.startswith("docs/towns/") or document == "CHANGELOG.md":
        return [TOWN_MAKEFILE, PRODUCT_MAKEFILE]  # a town's commands beside the product's
    return [PRODUCT_MAKEFILE]


def _targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))


@pytest.mark.parametrize(
    ("document", "command"), SHOWN_MAKE, ids=[f"{name}: make {command}" for name, command in SHOWN_MAKE]
)
def test_every_shown_make_command_has_its_targets_and_variables(document: str, command: str) -> None:
    targets, variables = [], []
    for word in shlex.split(command, comments=True):
        if re.fullmatch(r"[A-Z_]+=.*", word):
            variables.append(word.split("=", 1)[0])
        elif re.fullmatch(r"[a-z][a-z-]*", word):
            targets.append(word)
        else:
            break
    makefiles = _makefiles(document)
    for target in targets:
        assert any(target in _targets(makefile) for makefile in makefiles), f"{document}: `make {target}` has no target"
    for variable in variables:
        assert any(f"$({variable})" in makefile for makefile in makefiles), (
            f"{document}: `make … {variable}=…`, but the Makefile never reads $({variable})"
        )


@pytest.mark.parametrize(
    ("document", "command"), SHOWN_PYTHON, ids=[f"{name}: python {command}" for name, command in SHOWN_PYTHON]
)
def test_every_shown_python_command_names_a_script_or_module_that_exists(document: str, command: str) -> None:
    words = shlex.split(command, comments=True)
    if words[0] == "-m":
        module = words[1]
        assert module == "catalogue" or importlib.util.find_spec(module) is not None, f"{document}: no module {module}"
        paths = [word for word in words[2:] if word.endswith(".py")]
        assert all((REPO / path).is_file() for path in paths), f"{document}: `python {command}` names a missing file"
        return
    script = REPO / words[0]
    assert script.is_file(), f"{document} shows `python {command}`, but {words[0]} does not exist"
    source = script.read_text(encoding="utf-8")
    for option in (word.split("=", 1)[0] for word in words[1:] if word.startswith("--")):
        negated = option.startswith("--no-") and f'"--{option[5:]}"' in source and "BooleanOptionalAction" in source
        assert f'"{option}"' in source or negated, f"{document}: {words[0]} defines no option {option}"


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub writes it: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    headings = re.findall(
        r"^#{1,6}\s+(.+?)\s*#*$", "\n".join(part for fenced, part in _blocks(text) if not fenced), flags=re.MULTILINE
    )
    anchors: set[str] = set()
    for heading in headings:
        slug = _slug(heading)
        number = 0
        while (slug if number == 0 else f"{slug}-{number}") in anchors:
            number += 1
        anchors.add(slug if number == 0 else f"{slug}-{number}")
    return anchors


LINKS = sorted(
    {
        (name, target)
        for name in DOCUMENTS
        for target in _LINK.findall(_prose(_text(name)))
        if not re.match(r"[a-z]+:", target)
    }
)


@pytest.mark.parametrize(("document", "target"), LINKS, ids=[f"{name} -> {target}" for name, target in LINKS])
def test_every_link_between_the_documents_leads_somewhere(document: str, target: str) -> None:
    path_part, _, anchor = target.partition("#")
    linked = (REPO / document).parent / path_part if path_part else REPO / document
    assert linked.exists(), f"{document} links to {target}, which does not exist"
    assert linked.resolve().is_relative_to(REPO), f"{document} links out of the repository: {target}"
    if anchor:
        assert linked.suffix == ".md", f"{document}: anchor on a file that is not Markdown: {target}"
        assert anchor in _anchors(linked), (
            f"{document} links to #{anchor}, which is no heading of {path_part or document}"
        )


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        (
            "Fallback chains: which language a reader sees where a translation is missing",
            "fallback-chains-which-language-a-reader-sees-where-a-translation-is-missing",
        ),
        ('"Zahlen & Daten" for the council', "zahlen--daten-for-the-council"),
        ("Search: precision@3 per language", "search-precision3-per-language"),
        ("The web editor's GitHub sign-in", "the-web-editors-github-sign-in"),
    ],
)
def test_anchors_are_written_as_github_writes_them(heading: str, slug: str) -> None:
    assert _slug(heading) == slug


def test_a_heading_twice_gets_a_numbered_anchor(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n## Notes\n\n```sh\n# not a heading\n```\n\n## Notes\n", encoding="utf-8")
    assert _anchors(page) == {"title", "notes", "notes-1"}
