"""`python -m catalogue check`: exit codes, both output formats, both message languages, no traceback, no writes."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import catalogue.commands.data_checks
import pytest
from catalogue.cli import EXIT_INVALID, EXIT_USAGE, EXIT_VALID, main

from tests.towns import FIXTURE_CONFIG, FIXTURE_DATA, FIXTURE_TOWN

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "data"
BASE_TREE = CORPUS / "valid" / "tree"
TODAY = "2026-11-26"


def run_check(*arguments: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["check", *arguments], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def valid_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(BASE_TREE, site)
    return site


@pytest.fixture
def invalid_site(valid_site: Path) -> Path:
    """The small site with two broken offers: `free: yes` (line 14) and an unknown provider (line 3)."""
    offers = valid_site / "data" / "offers" / "sprachschule-nord"
    shutil.copyfile(CORPUS / "invalid" / "offers" / "free-yes.yml", offers / "free-yes.yml")
    shutil.copyfile(CORPUS / "invalid" / "offers" / "unknown-actor.yml", offers / "unknown-actor.yml")
    return valid_site


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*")):
        digest.update(str(file.relative_to(folder)).encode())
        if file.is_file():
            digest.update(file.read_bytes())
    return digest.hexdigest()


def test_valid_data_exits_0_with_a_summary(valid_site: Path) -> None:
    code, out, err = run_check("--config", str(valid_site / "mkdocs.yml"), "--today", TODAY, "--lang", "en")
    assert code == EXIT_VALID
    assert out.splitlines() == ["Checked 10 files – errors: 0, warnings: 0, published offers: 2"]
    assert err == ""


def test_invalid_data_exits_1_and_lists_every_problem_then_the_summary(invalid_site: Path) -> None:
    code, out, _err = run_check("--config", str(invalid_site / "mkdocs.yml"), "--today", TODAY, "--lang", "en")
    lines = out.splitlines()
    assert code == EXIT_INVALID
    assert lines[-3] == (
        "data/offers/sprachschule-nord/free-yes.yml:14:9: error: "
        "`costs.free` must be true or false, but is the text 'yes' — write true or false without quotes"
    )
    assert lines[-2].startswith(
        "data/offers/sprachschule-nord/unknown-actor.yml:3:8: error: `actor` is 'sprachschule-nort'"
    )
    assert lines[-1].startswith("Checked 12 files – errors: 2, warnings: ")
    assert lines[-1].endswith("published offers: none until the errors are fixed")


def test_github_format_gives_one_annotation_per_problem(invalid_site: Path) -> None:
    code, out, _err = run_check(
        "--config", str(invalid_site / "mkdocs.yml"), "--today", TODAY, "--format", "github", "--lang", "en"
    )
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert code == EXIT_INVALID
    assert [line for line in annotations if line.startswith("::error")][0] == (
        "::error file=data/offers/sprachschule-nord/free-yes.yml,line=14,col=9::"
        "`costs.free` must be true or false, but is the text 'yes' — write true or false without quotes"
    )
    assert all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
    assert len(annotations) == len(out.splitlines()) - 1


def test_messages_are_german_for_a_german_site_or_with_lang_de(invalid_site: Path) -> None:
    config = str(invalid_site / "mkdocs.yml")
    for arguments in ([], ["--lang", "de"]):
        _code, out, _err = run_check("--config", config, "--today", TODAY, *arguments)
        assert "`costs.free` muss true oder false sein, ist aber der Text 'yes'" in out
        assert out.splitlines()[-1].startswith("12 Dateien geprüft – Fehler: 2, Warnungen: ")


def test_argparse_usage_errors_exit_2(valid_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(valid_site / "mkdocs.yml")
    for arguments in (
        ["check", "--config", config, "--today", "2026-13-01"],
        ["check", "--format", "html"],
        ["check", "--lang", "fr"],
        [],
    ):
        with pytest.raises(SystemExit) as raised:
            main(arguments)
        assert raised.value.code == EXIT_USAGE
    assert "is not a date written as YYYY-MM-DD" in capsys.readouterr().err


def test_a_missing_config_or_data_folder_exits_2(valid_site: Path) -> None:
    code, out, err = run_check("--config", str(valid_site / "nowhere.yml"))
    assert (code, out) == (EXIT_USAGE, "")
    assert "nowhere.yml not found" in err
    shutil.rmtree(valid_site / "data")
    code, out, err = run_check("--config", str(valid_site / "mkdocs.yml"), "--lang", "en")
    assert code == EXIT_USAGE
    assert "The data folder" in err and "does not exist" in err


def test_an_unreadable_config_exits_2(valid_site: Path) -> None:
    (valid_site / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    code, _out, err = run_check("--config", str(valid_site / "mkdocs.yml"))
    assert code == EXIT_USAGE
    assert "cannot be read" in err and "Traceback" not in err


def test_an_unexpected_fault_is_one_line_asking_for_a_report(valid_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_loader(*_arguments: object, **_keywords: object) -> None:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(catalogue.commands.data_checks, "load_catalogue", broken_loader)
    code, out, err = run_check("--config", str(valid_site / "mkdocs.yml"), "--lang", "en")
    assert code == EXIT_USAGE
    assert out == ""
    assert err.count("\n") == 1
    assert "RuntimeError: something nobody expected" in err and "please report it" in err
    assert "Traceback" not in err


def test_the_real_command_checks_a_valid_town_without_changing_a_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copyfile(FIXTURE_CONFIG, site / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, site / "data")
    before = tree_digest(site)
    completed = subprocess.run(
        [sys.executable, "-m", "catalogue", "check", "--today", TODAY],
        cwd=site,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == EXIT_VALID, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    assert "Fehler: 0" in completed.stdout.splitlines()[-1]
    assert tree_digest(site) == before


def test_the_real_command_reports_invalid_data_as_annotations_without_changing_a_file(invalid_site: Path) -> None:
    (invalid_site / "data" / "offers" / "sprachschule-nord" / "tab.yml").write_bytes(b"id: tab\ntitle:\n\tde: x\n")
    before = tree_digest(invalid_site)
    completed = subprocess.run(
        [sys.executable, "-m", "catalogue", "check", "--format", "github", "--today", TODAY],
        cwd=invalid_site,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == EXIT_INVALID
    assert "::error file=data/offers/sprachschule-nord/tab.yml,line=3,col=1::" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr
    assert tree_digest(invalid_site) == before


def _hidden_and_untranslated_site(site: Path) -> Path:
    shutil.copytree(FIXTURE_TOWN, site)
    return site


def test_missing_translations_are_one_line_per_language_unless_verbose(tmp_path: Path) -> None:
    site = _hidden_and_untranslated_site(tmp_path / "site")
    config = str(site / "mkdocs.yml")
    _, short, _ = run_check("--config", config, "--today", TODAY, "--lang", "en")
    _, verbose, _ = run_check("--config", config, "--today", TODAY, "--lang", "en", "--verbose")
    summary = [line for line in short.splitlines() if line.startswith("warning: not translated into")]
    per_file = [line for line in verbose.splitlines() if "Not translated into" in line]
    assert "Not translated into" not in short
    assert len(summary) == len({language for line in per_file for language in line.split("into: ")[1].split(" —")[0].split(", ")})
    assert len(per_file) > len(summary) > 0
    ti = next(line for line in summary if "into ti:" in line)
    assert f"into ti: {sum(1 for line in per_file if 'ti' in line.split('into: ')[1].split(' —')[0].split(', '))} files" in ti


def test_a_german_check_speaks_only_german_about_hidden_offers(tmp_path: Path) -> None:
    site = _hidden_and_untranslated_site(tmp_path / "site")
    _, out, _ = run_check("--config", str(site / "mkdocs.yml"), "--today", TODAY, "--lang", "de")
    hidden = [line for line in out.splitlines() if "nicht veröffentlicht" in line]
    assert hidden, out
    assert all("has not come" not in line and "has passed" not in line and "status is" not in line for line in hidden), hidden
    assert any("ist noch nicht erreicht" in line for line in hidden), hidden


def test_errors_come_after_every_warning_so_a_long_list_cannot_scroll_them_away(tmp_path: Path) -> None:
    site = _hidden_and_untranslated_site(tmp_path / "site")
    offers = next(folder for folder in sorted((site / "data" / "offers").iterdir()) if folder.is_dir())
    shutil.copyfile(CORPUS / "invalid" / "offers" / "free-yes.yml", offers / "free-yes.yml")
    _, out, _ = run_check("--config", str(site / "mkdocs.yml"), "--today", TODAY, "--lang", "en", "--verbose")
    lines = out.splitlines()
    errors = [number for number, line in enumerate(lines) if ": error: " in line]
    warnings = [number for number, line in enumerate(lines) if ": warning: " in line or line.startswith("warning: ")]
    assert errors and warnings, out
    assert min(errors) > max(warnings)
    assert errors == list(range(len(lines) - 1 - len(errors), len(lines) - 1))
