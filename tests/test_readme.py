"""The README stays short and leads to the rest; the documents stay true to the product and say nothing stale.

A newcomer reads the README in a few minutes: what the product is, who uses it, the two commands and where to go
next. Everything else lives in docs/ by audience, reachable from docs/index.md; measured numbers live in
bench/RESULTS.md. The commands and links the documents show are tested in tests/test_docs_commands.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from catalogue.cli import _parser

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
INDEX = (REPO / "docs/index.md").read_text(encoding="utf-8")
LIBRARIES = (REPO / "docs/developers/libraries.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
README_LINES = 150
"""The README's length for a newcomer (issue 24: "at most about 150 lines")."""
PAGES = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "docs").rglob("*.md"))
PROSE = ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md", "bench/RESULTS.md", *PAGES]
PRODUCT_LANGUAGES = sorted(path.stem for path in (REPO / "hooks/catalogue/defaults/labels").glob("*.yml"))
PUBLIC_TARGETS = sorted(re.findall(r"^## ([a-z][a-z-]*):", MAKEFILE, flags=re.MULTILINE))
"""The Makefile's targets with a `## target: what it does` line: the public commands."""
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _text(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


def test_the_readme_is_short() -> None:
    assert len(README.splitlines()) <= README_LINES


@pytest.mark.parametrize("command", ["make site", "make test", "make test-fast"])
def test_the_readme_gives_the_two_commands_and_the_inner_loop(command: str) -> None:
    assert re.search(rf"^{re.escape(command)}\s", README, flags=re.MULTILINE), f"README shows no `{command}` line"


@pytest.mark.parametrize(
    "link",
    [
        "docs/index.md",
        "docs/developers/libraries.md",
        "bench/RESULTS.md",
        "CONTRIBUTING.md",
        "docs/towns/adopt.md",
        "docs/developers/architecture.md",
    ],
)
def test_the_readme_leads_to_each_audience(link: str) -> None:
    assert f"]({link}" in README


@pytest.mark.parametrize("page", [page for page in PAGES if page != "docs/index.md"])
def test_every_docs_page_is_listed_in_the_index(page: str) -> None:
    assert f"]({Path(page).relative_to('docs').as_posix()})" in INDEX, f"docs/index.md does not list {page}"


@pytest.mark.parametrize("target", PUBLIC_TARGETS)
def test_every_public_make_target_is_in_the_commands_table(target: str) -> None:
    assert re.search(rf"^\| `make {target}[ `]", INDEX, flags=re.MULTILINE), (
        f"docs/index.md's table lacks make {target}"
    )


def test_every_subcommand_of_the_command_line_is_named_in_the_index() -> None:
    subcommands = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [name for name in subcommands if f"`{name}`" not in INDEX]
    assert not missing, f"docs/index.md does not name the subcommands {missing}"


def test_ci_runs_the_readmes_test_command() -> None:
    assert re.search(r"^make test$", (REPO / ".ci/run").read_text(encoding="utf-8"), flags=re.MULTILINE)


@pytest.mark.parametrize("package", sorted(json.loads(_text("package.json"))["devDependencies"]))
def test_every_npm_package_says_why_in_the_libraries_table(package: str) -> None:
    """A new dependency is pinned and says why; the table is required by the project (README, "Libraries and why")."""
    names = {package, package.replace("-", " "), package.split("/")[-1]}
    rows = [line for line in LIBRARIES.splitlines() if line.startswith("| ")]
    assert any(name.lower() in row.split("|")[1].lower() for row in rows for name in names), package


@pytest.mark.parametrize("document", PROSE)
def test_no_document_speaks_of_a_work_round(document: str) -> None:
    assert not re.search(r"\bthis round\b|\bnext round\b", _text(document), flags=re.IGNORECASE)


@pytest.mark.parametrize("document", [name for name in PROSE if name != "bench/RESULTS.md"])
def test_the_number_of_languages_is_the_products(document: str) -> None:
    """'Eight languages' outlived three added ones once; bench/RESULTS.md keeps older runs' counts on purpose."""
    text = _text(document)
    said = [int(number) for number in re.findall(r"\b(\d+) (?:reader )?languages\b", text)]
    said += [
        _NUMBER_WORDS[word.lower()]
        for word in re.findall(r"^[-*\s]*\**([A-Z]\w+) languages\b", text, flags=re.MULTILINE)
        if word.lower() in _NUMBER_WORDS
    ]
    assert all(number == len(PRODUCT_LANGUAGES) for number in said), (
        f"{document} says {said}, the product has {len(PRODUCT_LANGUAGES)}"
    )


def _list_numbers(text: str) -> list[list[int]]:
    """The numbers of each ordered list, outside code blocks: items at one indentation, until prose at or left of it."""
    lists: list[list[int]] = []
    open_lists: dict[int, list[int]] = {}
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        item = re.match(r"\s*(\d+)\. ", line)
        for level in [level for level in open_lists if level > indent or (level == indent and not item)]:
            lists.append(open_lists.pop(level))
        if item:
            open_lists.setdefault(indent, []).append(int(item.group(1)))
    return lists + list(open_lists.values())


@pytest.mark.parametrize("document", [*PROSE, "CHANGELOG.md", "hooks/catalogue/town/README.md"])
def test_numbered_steps_count_up_by_one(document: str) -> None:
    for numbers in _list_numbers(_text(document)):
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), f"{document}: steps numbered {numbers}"


def test_a_step_numbered_twice_is_found() -> None:
    text = (
        "1. one\n2. two\n   more of two\n\n   ```sh\n   4. not a step\n   ```\n"
        "3. three\n3. again\n\nProse.\n\n1. new list\n"
    )
    assert _list_numbers(text) == [[1, 2, 3, 3], [1]]
