"""The strict YAML reader: a corpus of files it must refuse (each at the right line and column, in plain words) and
files it must read exactly, plus property tests that no input whatsoever makes it raise."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import catalogue.data.strict_yaml
import pytest
import yaml
from catalogue.data.messages import Messages
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import (
    MAX_FILE_BYTES,
    YamlResult,
    parse_yaml_bytes,
    parse_yaml_text,
    read_yaml_file,
    resolve_plain_scalar,
)
from hypothesis import given, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "data"
INVALID_FILES = sorted((CORPUS / "invalid" / "yaml").glob("*.yml"))
VALID_FILES = sorted((CORPUS / "valid" / "yaml").glob("*.yml"))
EXPECT_PROBLEM = re.compile(r"# expect: (\d+):(\d+) (.+)")
EXPECT_VALUE = re.compile(r"# expect value: (\S+) = (.+)")


def comment_lines(file: Path) -> list[str]:
    """The leading comment lines of a corpus file, readable even when the rest of it is not UTF-8."""
    text = file.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.rstrip("\r"))
    return lines


def expected_problems(file: Path) -> list[tuple[int, int, str]]:
    return [(int(m[1]), int(m[2]), m[3]) for line in comment_lines(file) if (m := EXPECT_PROBLEM.fullmatch(line))]


def expected_values(file: Path) -> list[tuple[str, Any]]:
    return [(m[1], json.loads(m[2])) for line in comment_lines(file) if (m := EXPECT_VALUE.fullmatch(line))]


def value_at(data: Any, dotted_path: str) -> Any:
    for part in dotted_path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def read_case(file: Path) -> YamlResult:
    return read_yaml_file(file, file.name, Messages("en"))


def assert_clean_result(result: YamlResult) -> None:
    """Either data and no problems, or no data and problems that each say what and how, at a real position."""
    if result.document is None:
        assert result.problems
    else:
        assert not result.problems
        assert isinstance(result.document.data, dict)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and problem.fix
        assert problem.severity == "error"


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both of PyYAML's parsers: libyaml where it is installed, PyYAML's own Python parser elsewhere."""
    if request.param == "pure-python":
        monkeypatch.setattr(catalogue.data.strict_yaml, "_Parser", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


@pytest.mark.parametrize("file", INVALID_FILES, ids=lambda file: file.stem)
def test_an_invalid_file_is_refused_at_the_expected_place(file: Path, parser: str) -> None:
    expected = expected_problems(file)
    assert expected, f"{file.name} declares no '# expect: line:column words' line"
    result = read_case(file)
    assert result.document is None
    found = [(problem.line, problem.column) for problem in result.problems]
    assert found == [(line, column) for line, column, _words in expected]
    for problem, (_line, _column, words) in zip(result.problems, expected, strict=True):
        assert words.lower() in f"{problem.message} — {problem.fix}".lower()


@pytest.mark.parametrize("file", VALID_FILES, ids=lambda file: file.stem)
def test_a_valid_file_reads_to_exactly_the_written_values(file: Path, parser: str) -> None:
    expected = expected_values(file)
    assert expected, f"{file.name} declares no '# expect value: path = json' line"
    result = read_case(file)
    assert result.problems == ()
    assert result.document is not None
    for dotted_path, value in expected:
        actual = value_at(result.document.data, dotted_path)
        assert actual == value and type(actual) is type(value), dotted_path


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("10:30", "10:30"),
        ("1:30:00", "1:30:00"),
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("y", "y"),
        ("n", "n"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("", None),
        ("16", 16),
        ("-3", -3),
        ("+7", 7),
        ("0", 0),
        ("0o17", 15),
        ("0x1f", 31),
        ("2.50", 2.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("01067", "01067"),
        ("007", "007"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("1_000", "1_000"),
        ("2026-01-01", "2026-01-01"),
        ("+49 6221 555-0100", "+49 6221 555-0100"),
        ("9" * 5000, "9" * 5000),
    ],
)
def test_plain_scalars_follow_the_core_schema_without_losing_what_was_written(written: str, value: Any) -> None:
    resolved = resolve_plain_scalar(written)
    assert resolved == value and type(resolved) is type(value)


def test_positions_name_the_line_and_column_of_every_key_and_value() -> None:
    text = "id: kurs\ntitle:\n  de: Deutsch\nweekly:\n  - {day: mon, start: 10:30}\n"
    document = parse_yaml_text(text, "kurs.yml").document
    assert document is not None
    assert document.key_positions[("title",)] == (2, 1)
    assert document.value_positions[("title",)] == (3, 3)
    assert document.key_positions[("title", "de")] == (3, 3)
    assert document.value_positions[("title", "de")] == (3, 7)
    assert document.value_positions[("weekly", 0)] == (5, 5)
    assert document.key_positions[("weekly", 0, "start")] == (5, 16)
    assert document.value_positions[("weekly", 0, "start")] == (5, 23)
    # A path that is not there falls back to its nearest parent: where a missing field would belong.
    assert document.value_position(("title", "en")) == (3, 3)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    file = tmp_path / "gross.yml"
    line = "# " + "x" * 97 + "\n"
    file.write_text("id: gross\n" + line * (MAX_FILE_BYTES // len(line) + 1), encoding="utf-8")
    result = read_yaml_file(file, "gross.yml", Messages("en"))
    assert result.document is None
    (problem,) = result.problems
    assert (problem.line, problem.column) == (1, 1)
    assert "256 KiB" in problem.message and "split" in problem.fix


def test_a_file_exactly_at_the_size_limit_is_read() -> None:
    head = "id: gross\n"
    text = head + "#" * (MAX_FILE_BYTES - len(head))
    assert parse_yaml_bytes(text.encode("utf-8"), "gross.yml").document is not None


def test_utf16_is_refused_as_not_utf8() -> None:
    result = parse_yaml_bytes("id: kurs\n".encode("utf-16"), "kurs.yml")
    assert result.document is None
    assert "UTF-8" in result.problems[0].message


def test_german_messages_say_the_same_in_german() -> None:
    result = parse_yaml_text("a: 1\na: 2\n", "kurs.yml", Messages("de"))
    assert result.problems[0].message == "`a` steht zweimal auf derselben Ebene: in Zeile 1 und in Zeile 2"


# -- properties: no input makes the reader raise ---------------------------------------------------------------

YAMLISH_PIECES = st.sampled_from(
    [
        "id",
        "title",
        "de",
        "en",
        ": ",
        ":",
        "- ",
        "-",
        "\n",
        "\n  ",
        "\n    ",
        "\t",
        " ",
        "'",
        '"',
        "&a ",
        "*a",
        "<<: ",
        "!!str ",
        "!foo ",
        "{",
        "}",
        "[",
        "]",
        ", ",
        "? ",
        "|",
        ">",
        "#",
        "---\n",
        "...\n",
        "10:30",
        "yes",
        "~",
        "%YAML 1.2\n",
        "\\",
        "\ufeff",
        "\x00",
        "ä",
        "\u202e",
        "0x",
        "1e9",
        "@",
        "`",
    ]
)
YAMLISH_TEXT = st.lists(YAMLISH_PIECES, max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_data_or_a_clean_problem(text: str) -> None:
    assert_clean_result(parse_yaml_text(text, "zufall.yml"))


@settings(max_examples=200, deadline=None)
@given(YAMLISH_TEXT)
def test_any_yaml_like_text_gives_data_or_a_clean_problem(text: str) -> None:
    assert_clean_result(parse_yaml_text(text, "zufall.yml"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_data_or_a_clean_problem(raw: bytes) -> None:
    assert_clean_result(parse_yaml_bytes(raw, "zufall.yml"))


def test_a_file_that_cannot_be_opened_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = read_yaml_file(tmp_path / "fehlt.yml", "data/actors/fehlt.yml", Messages("en"))
    assert result.document is None
    (problem,) = result.problems
    assert problem.path == "data/actors/fehlt.yml" and "cannot be read" in problem.message
