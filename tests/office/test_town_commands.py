"""A town's own commands on a town written by new-town: `catalogue language add|remove` changes the settings,
pages and texts in one step and leaves the data valid; `catalogue upgrade` writes only what differs from the
installed product and names it, and a second run changes nothing."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue.cli import EXIT_USAGE, EXIT_VALID, main
from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import read_settings
from catalogue.office.new_town import NewTown, write_new_town

@pytest.fixture
def town(tmp_path: Path) -> Path:
    root = tmp_path / "musterstadt"
    write_new_town(root, NewTown(name="Musterstadt", languages=("de", "ar", "ps")), product_version="2.0.0")
    actor = yaml.safe_load((root / "data/actors/example-actor.yml.example").read_text(encoding="utf-8"))
    offer = yaml.safe_load((root / "data/offers/example-offer.yml.example").read_text(encoding="utf-8"))
    for location in actor.get("locations", []):
        location["district"] = "musterstadt"
    offer["title"].update(ar="معرض التدريب المهني", ps="د مسلکي زده کړې نندارتون")
    offer["machine_translated"] = ["ar", "ps"]
    (root / "data/actors" / f"{actor['id']}.yml").write_text(yaml.safe_dump(actor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "data/offers" / actor["id"]).mkdir(parents=True)
    (root / "data/offers" / actor["id"] / f"{offer['id']}.yml").write_text(yaml.safe_dump(offer, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _offer(root: Path) -> dict:
    return yaml.safe_load(next((root / "data/offers").glob("*/*.yml")).read_text(encoding="utf-8"))


def _run(root: Path, *arguments: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*arguments, "--config", str(root / "mkdocs.yml")], stdout=out, stderr=out)
    return code, out.getvalue()


def _languages(root: Path) -> list[str]:
    return list(read_settings(root / "mkdocs.yml").language_codes)


def test_removing_a_language_takes_its_settings_pages_and_texts_and_the_data_stays_valid(town: Path) -> None:
    code, said = _run(town, "language", "remove", "ps")
    assert code == EXIT_VALID, said
    assert _languages(town) == ["de", "ar"]
    assert not list((town / "content").glob("*.ps.md"))
    offer = _offer(town)
    assert set(offer["title"]) == {"de", "ar"} and offer["machine_translated"] == ["ar"]
    assert "gelöscht: content/index.ps.md" in said
    assert load_catalogue(read_settings(town / "mkdocs.yml"), today=date(2026, 11, 26)).errors == ()


def test_adding_a_language_gives_it_its_name_pages_and_fallback(town: Path) -> None:
    code, said = _run(town, "language", "add", "ti")
    assert code == EXIT_VALID, said
    assert _languages(town) == ["de", "ar", "ps", "ti"]
    config = yaml.safe_load((town / "mkdocs.yml").read_text(encoding="utf-8"))
    entry = config["plugins"][1]["i18n"]["languages"][-1]
    assert (entry["name"], "Musterstadt" in entry["site_name"]) == ("ትግርኛ", True)
    assert (town / "content/index.ti.md").is_file()
    assert load_catalogue(read_settings(town / "mkdocs.yml"), today=date(2026, 11, 26)).errors == ()


@pytest.mark.parametrize(("action", "language", "words"), [
    ("remove", "de", "Standardsprache"), ("remove", "tr", "keine Sprache der Website"), ("add", "ar", "schon eine Sprache"),
    ("add", "xx", "keine Wörter"),
])
def test_a_change_that_cannot_be_made_says_why_in_the_offices_language(town: Path, action: str, language: str, words: str) -> None:
    before = (town / "mkdocs.yml").read_bytes()
    code, said = _run(town, "language", action, language)
    assert (code, words in said) == (EXIT_USAGE, True), said
    assert (town / "mkdocs.yml").read_bytes() == before


def test_upgrade_writes_only_what_differs_and_a_second_run_writes_nothing(town: Path) -> None:
    assert _run(town, "issue-form")[0] == EXIT_VALID
    (town / "Makefile").write_text("# an old Makefile\n", encoding="utf-8")
    (town / "schemas/offer.schema.json").write_text("{}", encoding="utf-8")
    settings_before = (town / "mkdocs.yml").read_bytes()
    code, said = _run(town, "upgrade")
    assert code == EXIT_VALID, said
    assert [line for line in said.splitlines() if line.startswith("wrote ")] == ["wrote Makefile", "wrote schemas/offer.schema.json"]
    assert (town / "mkdocs.yml").read_bytes() == settings_before
    code, said = _run(town, "upgrade")
    assert said.splitlines()[-1].endswith("nothing to change")


def test_upgrade_adds_a_setting_a_version_brings_and_keeps_the_towns_comments(town: Path) -> None:
    config = town / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    without = "\n".join(line for line in text.splitlines() if "technical_owners" not in line and "technical owner" not in line and "requirements.txt), apart" not in line) + "\n"
    config.write_text(without, encoding="utf-8")
    code, said = _run(town, "upgrade")
    assert code == EXIT_VALID, said
    assert "technical_owners" in said and "wrote mkdocs.yml" in said
    after = config.read_text(encoding="utf-8")
    assert yaml.safe_load(after)["extra"]["catalogue"]["technical_owners"] == []
    assert "# The day the town's lawyer last checked" in after
