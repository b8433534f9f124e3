"""The needs as open data: published only where the town switches `extra.catalogue.open_needs` on, without who
reported them or the office's comment, people under 5 as '< 5'; read back with json and csv."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import Settings, read_settings, settings_from_config
from catalogue.exports.open_needs import NEED_COLUMNS, open_needs_files
from tests.office.conftest import TODAY, write_office_site
from tests.office.needs_site import add_needs


@pytest.fixture
def town(tmp_path: Path) -> tuple[Publication, Settings]:
    site = add_needs(write_office_site(tmp_path / "site"))
    note = site / "data" / "needs" / "2026-09-deutsch-nord.yml"
    note.write_text(note.read_text(encoding="utf-8") + "comment: Frau Beispiel hat angerufen.\n", encoding="utf-8")
    settings = read_settings(site / "mkdocs.yml")
    catalogue = load_catalogue(settings, today=date.fromisoformat(TODAY)).catalogue
    assert catalogue is not None
    return publish(catalogue, date.fromisoformat(TODAY)), settings


@pytest.mark.parametrize(("catalogue", "switched_on"), [({}, False), ({"open_needs": False}, False), ({"open_needs": True}, True)])
def test_the_switch_is_off_unless_the_town_turns_it_on(catalogue: dict[str, object], switched_on: bool) -> None:
    assert settings_from_config({"extra": {"catalogue": catalogue}}, Path(".")).open_needs is switched_on


def test_a_switch_that_is_not_true_or_false_is_refused_with_the_fix() -> None:
    with pytest.raises(ValueError, match=r"extra.catalogue.open_needs in mkdocs.yml must be true or false"):
        settings_from_config({"extra": {"catalogue": {"open_needs": "yes"}}}, Path("."))


def test_nothing_is_published_while_the_switch_is_off(town: tuple[Publication, Settings]) -> None:
    publication, settings = town
    assert settings.open_needs is False
    assert open_needs_files(publication, settings) == {}


def test_switched_on_json_and_csv_hold_every_need_without_names_and_small_numbers_hidden(town: tuple[Publication, Settings]) -> None:
    publication, settings = town
    files = open_needs_files(publication, replace(settings, open_needs=True))
    assert set(files) == {"needs.json", "needs.csv"}
    document = json.loads(files["needs.json"])
    needs = {need["id"]: need for need in document["needs"]}
    assert sorted(needs) == ["2026-04-deutsch-alt", "2026-07-freizeit-kinder", "2026-09-deutsch-nord", "2026-10-schule-nord"]
    assert needs["2026-09-deutsch-nord"]["people"] == 40 and needs["2026-10-schule-nord"]["people"] == "< 5"
    assert needs["2026-07-freizeit-kinder"]["district"] is None, "a need of the whole town has no district"
    assert needs["2026-04-deutsch-alt"]["end_date"] == "2026-08-01"
    assert set(needs["2026-09-deutsch-nord"]) == set(NEED_COLUMNS)
    assert document["date"] == TODAY and document["license"] == settings.licence_url
    rows = list(csv.DictReader(io.StringIO(files["needs.csv"].decode("utf-8"), newline="")))
    assert [row["id"] for row in rows] == sorted(needs)
    assert {row["id"]: row["people"] for row in rows}["2026-10-schule-nord"] == "< 5"
    assert {row["id"]: row["district"] for row in rows}["2026-07-freizeit-kinder"] == ""
    for text in (files["needs.json"].decode("utf-8"), files["needs.csv"].decode("utf-8")):
        assert "Frau Beispiel" not in text and "Sprachschule Nord" not in text, "no comment and no reporter are published"
