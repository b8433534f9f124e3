"""`catalogue new-town` refuses what cannot make a town, before writing anything (the whole town, built from the
product's wheel in a fresh environment, is tested in tests/town/)."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.office.new_town import NewTown, town_text, write_new_town

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("town", "words"),
    [
        (NewTown(name=" "), "needs a name"),
        (NewTown(name="Musterstadt", languages=("de", "xx")), "no words for xx"),
        (NewTown(name="Musterstadt", languages=("en", "de")), "must be de"),
    ],
    ids=["no-name", "unknown-language", "english-first"],
)
def test_what_cannot_make_a_town_is_refused_and_nothing_is_written(tmp_path: Path, town: NewTown, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        write_new_town(tmp_path / "town", town, product_version="2.0.0")
    assert not (tmp_path / "town").exists()


def test_a_folder_that_holds_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="is not empty"):
        write_new_town(tmp_path, NewTown(name="Musterstadt"), product_version="2.0.0")
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_only_the_chosen_languages_pages_are_written(tmp_path: Path) -> None:
    outcome = write_new_town(tmp_path / "town", NewTown(name="Musterstadt", languages=("de", "uk")), product_version="2.0.0")
    pages = sorted(path for path in outcome.written if path.startswith("content/"))
    assert pages and all(path.count(".") == 1 or ".uk." in path for path in pages)
    assert "content/index.uk.md" in pages and "content/index.ar.md" not in pages


def test_a_new_town_gets_the_workflows_that_turn_issues_into_offers_and_report_monthly(tmp_path: Path) -> None:
    town = tmp_path / "town"
    write_new_town(town, NewTown(name="Musterstadt"), product_version="2.0.0")
    workflows = sorted(path.name for path in (town / ".github/workflows").iterdir())
    assert workflows == ["check.yml", "issue-to-pull-request.yml", "publish.yml", "report.yml"]
    issue_workflow = (town / ".github/workflows/issue-to-pull-request.yml").read_text(encoding="utf-8")
    makefile = (town / "Makefile").read_text(encoding="utf-8")
    assert "make .venv/.installed" in issue_workflow and "READY := $(VENV)/.installed" in makefile
    assert ".venv/bin/catalogue issue-to-offer" in issue_workflow and "PYTHONPATH" not in issue_workflow
    report_workflow = (town / ".github/workflows/report.yml").read_text(encoding="utf-8")
    assert "make report FORMAT=markdown LIMIT=40 OUTPUT=report.md" in report_workflow
    assert "$(if $(OUTPUT),--output $(OUTPUT),)" in makefile and "$(if $(LIMIT),--limit $(LIMIT),)" in makefile


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_a_new_towns_contributing_guide_names_its_own_editor(tmp_path: Path, name: str) -> None:
    town = tmp_path / "town"
    write_new_town(town, NewTown(name="Musterstadt", site_url="https://bildung.musterstadt.de"), product_version="2.0.0")
    text = (town / name).read_text(encoding="utf-8")
    assert "`https://bildung.musterstadt.de/admin/`" in text
    assert "neustadt" not in text.lower() and "$" not in text


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_the_sample_towns_contributing_guide_is_the_template_filled_in(name: str) -> None:
    """One text for every town: the sample's guide is what new-town writes for Neustadt."""
    sample = NewTown(name="Neustadt", site_url="https://bildung.neustadt.example.org/")
    assert (REPO / name).read_text(encoding="utf-8") == town_text(name, sample)
