"""Validation of the catalogue's data: a corpus of valid and invalid records, each checked inside a small site.

A single-file case is dropped into the small site in tests/data/valid/tree/ (an offer into the folder of the
provider sprachschule-nord) and declares in its first comment lines what the check must say about it:

    # expect: 14:9 must be true or false              an error at line 14, column 9, whose text contains the words
    # expect warning: 11:9 more than 12 months ago    a warning

A folder case (tests/data/*/trees/<case>/) holds files that replace or add to the small site, and an expect.txt
with lines `data/labels/en.yml:2:1 error <words>` and, where the case needs it, `remove: data/taxonomy.yml`.
Invalid cases must give exactly the declared errors, nowhere else; valid cases no error and exactly the declared
warnings.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from catalogue.data.fingerprint import default_text_fingerprint
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.build.messages import TABLE as BUILD_MESSAGES
from catalogue.checks.messages import TABLE as CHECK_MESSAGES
from catalogue.data.messages import MESSAGE_LANGUAGES, TABLE as DATA_MESSAGES
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
from catalogue.site.messages import TABLE as SITE_MESSAGES
from catalogue.data.problems import Problem, format_problem, problem_sort_key
from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.schema_loading import SCHEMA_DIR, SCHEMA_FILES, Kind, schema_set
from catalogue.data.settings import read_settings
from catalogue.data.strict_yaml import read_yaml_file
from jsonschema import Draft202012Validator

from tests.towns import FIXTURE_CONFIG

STAGE_MESSAGES = (DATA_MESSAGES, CHECK_MESSAGES, SITE_MESSAGES, OFFICE_MESSAGES, BUILD_MESSAGES)
MESSAGES = {key: texts for table in STAGE_MESSAGES for key, texts in table.problems.items()}
PHRASES = {key: texts for table in STAGE_MESSAGES for key, texts in table.phrases.items()}

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "data"
BASE_TREE = CORPUS / "valid" / "tree"
TODAY = date(2026, 11, 26)
PLACES = {"offers": "data/offers/sprachschule-nord", "actors": "data/actors", "news": "data/news", "needs": "data/needs", "taxonomy": "data"}
KIND_OF_FOLDER: dict[str, Kind] = {"offers": "offer", "actors": "actor", "news": "news", "needs": "need", "taxonomy": "taxonomy"}
EXPECT_IN_FILE = re.compile(r"# expect( warning)?: (\d+):(\d+) (.+)")
EXPECT_IN_FOLDER = re.compile(r"(\S+):(\d+):(\d+) (error|warning) (.+)")


@dataclass(frozen=True)
class Expected:
    path: str
    line: int
    column: int
    severity: str
    words: str

    def matches(self, problem: Problem) -> bool:
        """Line 0 stands for any line: in a copy of the product's words, where a key stands changes with the product."""
        return (problem.path, problem.line if self.line else 0, problem.column, problem.severity) == (
            self.path,
            self.line,
            self.column,
            self.severity,
        ) and self.words.lower() in f"{problem.message} — {problem.fix}".lower()


def single_file_cases(validity: str) -> list[Path]:
    return [file for folder in PLACES for file in sorted((CORPUS / validity / folder).glob("*.yml"))]


def folder_cases(validity: str) -> list[Path]:
    return sorted(folder for folder in (CORPUS / validity / "trees").glob("*") if folder.is_dir())


def case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.stem}"


def placed_path(case: Path) -> str:
    folder = case.parent.name
    name = "taxonomy.yml" if folder == "taxonomy" else case.name
    return f"{PLACES[folder]}/{name}"


def build_site(case: Path, site: Path) -> list[Expected]:
    """Copies the small site to site, adds the case, and returns what the case expects."""
    shutil.copytree(BASE_TREE, site)
    if case.is_dir():
        expected = []
        for file in sorted(case.rglob("*")):
            if file.is_file() and file.name != "expect.txt":
                target = site / file.relative_to(case)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
        for line in (case / "expect.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("remove: "):
                (site / line.removeprefix("remove: ")).unlink()
            elif line.startswith("product-copy: "):
                # product-copy: labels/en.yml data/labels/nl.yml [lines to leave out, as a regular expression]
                source, target, *leave_out = line.removeprefix("product-copy: ").split(" ", 2)
                text = (DEFAULTS_DIR / source).read_text(encoding="utf-8")
                if leave_out:
                    text = "".join(kept for kept in text.splitlines(keepends=True) if not re.search(leave_out[0], kept))
                (site / target).parent.mkdir(parents=True, exist_ok=True)
                (site / target).write_text(text, encoding="utf-8")
            elif match := EXPECT_IN_FOLDER.fullmatch(line):
                expected.append(Expected(match[1], int(match[2]), int(match[3]), match[4], match[5]))
        return expected
    path = placed_path(case)
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, site / path)
    expected = []
    for line in case.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if match := EXPECT_IN_FILE.fullmatch(line):
            severity = "warning" if match[1] else "error"
            expected.append(Expected(path, int(match[2]), int(match[3]), severity, match[4]))
    return expected


def load_site(site: Path, *, message_language: str = "en") -> LoadResult:
    return load_catalogue(read_settings(site / "mkdocs.yml"), today=TODAY, message_language=message_language)


def assert_problems(problems: tuple[Problem, ...], expected: list[Expected]) -> None:
    listing = "\n".join(format_problem(problem) for problem in problems) or "(no problems)"
    unmatched = list(problems)
    for expectation in expected:
        match = next((problem for problem in unmatched if expectation.matches(problem)), None)
        assert match is not None, f"expected {expectation}, found:\n{listing}"
        unmatched.remove(match)
    assert not unmatched, f"unexpected problems:\n{listing}"


@pytest.mark.parametrize("case", single_file_cases("invalid") + folder_cases("invalid"), ids=case_id)
def test_an_invalid_case_gives_exactly_the_declared_errors(case: Path, tmp_path: Path) -> None:
    expected = build_site(case, tmp_path / "site")
    assert any(expectation.severity == "error" for expectation in expected), "the case declares no error"
    result = load_site(tmp_path / "site")
    declared_warnings = [expectation for expectation in expected if expectation.severity == "warning"]
    relevant = tuple(
        problem for problem in result.problems if problem.is_error or any(e.matches(problem) for e in declared_warnings)
    )
    assert_problems(relevant, expected)
    assert result.catalogue is None


@pytest.mark.parametrize("case", single_file_cases("valid") + folder_cases("valid"), ids=case_id)
def test_a_valid_case_gives_no_error_and_exactly_the_declared_warnings(case: Path, tmp_path: Path) -> None:
    expected = build_site(case, tmp_path / "site")
    result = load_site(tmp_path / "site")
    assert_problems(result.problems, expected)
    assert result.catalogue is not None


def test_the_small_site_itself_is_valid_without_warnings() -> None:
    result = load_site(BASE_TREE)
    assert result.problems == ()
    assert result.catalogue is not None


def test_a_valid_site_loads_into_sorted_records_with_their_sources(tmp_path: Path) -> None:
    build_site(CORPUS / "valid" / "offers" / "every-field.yml", tmp_path / "site")
    result = load_site(tmp_path / "site")
    catalogue = result.catalogue
    assert catalogue is not None
    assert [offer.id for offer in catalogue.offers] == ["deutsch-a1", "every-field", "fussball-kinder"]
    offer = next(offer for offer in catalogue.offers if offer.id == "every-field")
    assert offer.source == "data/offers/sprachschule-nord/every-field.yml"
    assert offer.costs.amount == 2.5 and offer.costs.free is False
    assert offer.schedule.weekly[0].start == "09:00"
    assert list(catalogue.actors) == ["sportverein-altstadt", "sprachschule-nord"]
    assert catalogue.actors["sprachschule-nord"].source == "data/actors/sprachschule-nord.yml"
    assert [term.id for term in catalogue.taxonomy.districts] == ["altstadt", "nordstadt"]
    assert result.labels["en"]["nav.home"] == "Home"
    assert result.theme_labels["ti"]["search.placeholder"] == "ድለ"
    assert result.theme_labels["de"] == {}
    assert "data/labels/ti.yml" in result.files


def test_news_are_sorted_newest_first(tmp_path: Path) -> None:
    build_site(CORPUS / "valid" / "news" / "2026-11-20-with-image-and-offers.yml", tmp_path / "site")
    catalogue = load_site(tmp_path / "site").catalogue
    assert catalogue is not None
    assert [item.id for item in catalogue.news] == ["2026-11-20-with-image-and-offers", "2026-10-01-neue-kurse"]


def test_problems_of_several_files_are_all_reported_sorted_by_place(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(CORPUS / "invalid" / "offers" / "free-yes.yml", site)
    shutil.copyfile(
        CORPUS / "invalid" / "actors" / "unknown-district.yml", site / "data" / "actors" / "unknown-district.yml"
    )
    shutil.copyfile(
        CORPUS / "invalid" / "offers" / "status-misspelt.yml",
        site / "data" / "offers" / "sprachschule-nord" / "status-misspelt.yml",
    )
    problems = load_site(site).errors
    assert [problem.path for problem in problems] == [
        "data/actors/unknown-district.yml",
        "data/offers/sprachschule-nord/free-yes.yml",
        "data/offers/sprachschule-nord/status-misspelt.yml",
    ]
    assert list(problems) == sorted(problems, key=problem_sort_key)


def test_messages_follow_the_site_language_unless_another_is_asked_for(tmp_path: Path) -> None:
    build_site(CORPUS / "invalid" / "offers" / "free-yes.yml", tmp_path / "site")
    settings = read_settings(tmp_path / "site" / "mkdocs.yml")
    (german,) = load_catalogue(settings, today=TODAY).errors
    (english,) = load_catalogue(settings, today=TODAY, message_language="en").errors
    assert german.message == "`costs.free` muss true oder false sein, ist aber der Text 'yes'"
    assert german.fix == "schreiben Sie true oder false ohne Anführungszeichen"
    assert english.message == "`costs.free` must be true or false, but is the text 'yes'"


@pytest.mark.parametrize(
    ("case", "english", "german"),
    [
        ("actors/postcode-in-second-of-three-locations.yml", "`locations[2].postcode` is '1234'", "`locations[2].postcode` ist '1234'"),
        ("offers/third-session-date.yml", "`schedule.sessions[3].date` must be a date", "`schedule.sessions[3].date` muss ein Datum"),
    ],
)
def test_messages_name_the_position_in_a_list_counting_from_one_in_both_languages(tmp_path: Path, case: str, english: str, german: str) -> None:
    build_site(CORPUS / "invalid" / case, tmp_path / "site")
    settings = read_settings(tmp_path / "site" / "mkdocs.yml")
    (in_german,) = load_catalogue(settings, today=TODAY, message_language="de").errors
    (in_english,) = load_catalogue(settings, today=TODAY, message_language="en").errors
    assert in_english.message.startswith(english)
    assert in_german.message.startswith(german)


def test_the_fixture_towns_data_has_no_errors() -> None:
    result = load_catalogue(read_settings(FIXTURE_CONFIG), today=TODAY, message_language="en")
    assert result.errors == (), "\n".join(format_problem(problem) for problem in result.errors)
    assert result.catalogue is not None and result.catalogue.offers


def test_the_fixture_towns_data_loads_well_under_a_second() -> None:
    settings = read_settings(FIXTURE_CONFIG)
    load_catalogue(settings, today=TODAY)
    started = time.process_time()
    load_catalogue(settings, today=TODAY)
    assert time.process_time() - started < 1.0


# -- the pieces ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("schema_file", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda file: file.name)
def test_every_schema_is_valid_json_schema_2020_12(schema_file: Path) -> None:
    Draft202012Validator.check_schema(json.loads(schema_file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", single_file_cases("valid") + single_file_cases("invalid"), ids=case_id)
def test_the_quick_schema_check_agrees_with_jsonschema(case: Path) -> None:
    document = read_yaml_file(case, case.name).document
    if document is None:
        pytest.skip("not readable YAML")
    schemas = schema_set()
    kind = KIND_OF_FOLDER[case.parent.name]
    valid_for_jsonschema = not any(schemas.validators[kind].iter_errors(document.data))
    assert schemas.fast_checks[kind](document.data) == valid_for_jsonschema


def test_every_kind_of_record_has_a_schema_and_a_quick_check() -> None:
    assert set(schema_set().fast_checks) == set(SCHEMA_FILES)


def test_no_two_stages_say_the_same_key() -> None:
    keys = [key for table in STAGE_MESSAGES for key in (*table.problems, *table.phrases)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_every_language_with_the_same_placeholders(key: str) -> None:
    assert set(MESSAGES[key]) == set(MESSAGE_LANGUAGES)
    english_message, english_fix = MESSAGES[key]["en"]
    for language in MESSAGE_LANGUAGES:
        message, fix = MESSAGES[key][language]
        assert placeholders(message) | placeholders(fix) == placeholders(english_message) | placeholders(english_fix), (
            language
        )
        assert message and fix


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_has_every_language_with_the_same_placeholders(key: str) -> None:
    assert set(PHRASES[key]) == set(MESSAGE_LANGUAGES)
    assert all(
        placeholders(PHRASES[key][language]) == placeholders(PHRASES[key]["en"]) for language in MESSAGE_LANGUAGES
    )


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name}


def test_the_fingerprint_covers_exactly_the_default_language_texts() -> None:
    document: dict[str, Any] = {
        "id": "kurs",
        "title": {"de": "Deutschkurs", "en": "German course"},
        "schedule": {
            "note": {"de": "Nicht in den Ferien."},
            "weekly": [{"day": "mon", "start": "09:00", "end": "10:00"}],
        },
        "translation_sources": {"en": "00000000"},
    }
    fingerprint = default_text_fingerprint(document, "de")
    assert re.fullmatch(r"[0-9a-f]{8}", fingerprint)
    reordered = {key: document[key] for key in reversed(list(document))}
    assert default_text_fingerprint(reordered, "de") == fingerprint
    other_translation = {**document, "title": {"de": "Deutschkurs", "en": "Another English title"}}
    assert default_text_fingerprint(other_translation, "de") == fingerprint
    other_sources = {**document, "translation_sources": {"en": "11111111"}}
    assert default_text_fingerprint(other_sources, "de") == fingerprint
    other_german = {**document, "schedule": {**document["schedule"], "note": {"de": "Auch in den Ferien."}}}
    assert default_text_fingerprint(other_german, "de") != fingerprint
    assert default_text_fingerprint(document, "en") != fingerprint


def test_the_fingerprint_is_stable_across_versions() -> None:
    """A translator's recorded fingerprint must stay valid when the program changes; this pins the definition."""
    assert default_text_fingerprint({"title": {"de": "Deutschkurs"}}, "de") == default_text_fingerprint(
        {"title": {"de": "Deutschkurs", "ar": "دورة"}}, "de"
    )
    assert default_text_fingerprint({"title": {"de": "Deutschkurs"}}, "de") == "29496d19"
