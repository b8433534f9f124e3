"""The web editor's form is generated from the schemas: every property appears, in German, with the right widget."""
from __future__ import annotations

import io
import shutil
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from catalogue.cli import EXIT_INVALID, EXIT_VALID, generated_editor_config, main
from catalogue.checks.loading import load_catalogue
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.settings import read_settings
from catalogue.office.editor_config import CONFIG_PATH, ENUM_LABELS, HINT, LABEL, missing_german_words, schema_files, schema_properties
from tests.towns import town_under_test

REPO = Path(__file__).resolve().parents[1]
TREE = REPO / "tests" / "data" / "valid" / "tree"


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return yaml.safe_load(generated_editor_config(read_settings(TREE / "mkdocs.yml")))


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(collection for collection in config["collections"] if collection["name"] == name)


def _field(fields: list[dict[str, Any]], *path: str) -> dict[str, Any]:
    found: dict[str, Any] = {"fields": fields}
    for name in path:
        found = next(entry for entry in found["fields"] if entry["name"] == name)
    return found


def _all_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for entry in fields:
        yield entry
        yield from _all_fields(entry.get("fields", []))


def test_every_schema_property_has_a_german_label() -> None:
    assert [missing for missing in missing_german_words(SCHEMA_DIR) if missing.endswith(f"({LABEL})")] == []


def test_a_property_without_german_words_is_named_with_its_file(tmp_path: Path) -> None:
    for source in SCHEMA_DIR.glob("*.schema.json"):
        shutil.copy(source, tmp_path / source.name)
    need = tmp_path / "need.schema.json"
    need.write_text(need.read_text(encoding="utf-8").replace(f', "{LABEL}": "Geschätzte Zahl der Personen", "{HINT}": "Wie viele Personen es ungefähr betrifft."', ""), encoding="utf-8")
    assert missing_german_words(tmp_path) == [f"need.schema.json: people ({LABEL})", f"need.schema.json: people ({HINT})"]


@pytest.mark.parametrize(("collection", "schema"), [("offers", "offer"), ("actors", "actor"), ("news", "news")])
def test_every_property_of_the_schema_is_a_field_of_the_form(config: dict[str, Any], collection: str, schema: str) -> None:
    import json

    properties = json.loads((SCHEMA_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))["properties"]
    fields = [entry["name"] for entry in _collection(config, collection)["fields"]]
    assert fields == [name for name in properties if name not in {"translation_sources", "machine_translated"}]


def test_a_text_field_has_one_subfield_per_language_german_first_and_required(config: dict[str, Any]) -> None:
    title = _field(_collection(config, "offers")["fields"], "title")
    assert [sub["name"] for sub in title["fields"]] == ["de", "en", "ti"]
    assert "required" not in title["fields"][0]
    assert all(sub["required"] is False for sub in title["fields"][1:])


def test_a_text_inside_an_optional_object_asks_for_nothing(config: dict[str, Any]) -> None:
    note = _field(_collection(config, "offers")["fields"], "schedule", "note")
    assert all(sub["required"] is False for sub in note["fields"])


def test_categories_are_a_select_with_the_taxonomys_german_labels(config: dict[str, Any]) -> None:
    loaded = load_catalogue(read_settings(TREE / "mkdocs.yml"), today=date(2026, 11, 26))
    assert loaded.catalogue is not None
    categories = _field(_collection(config, "offers")["fields"], "categories")
    assert categories["widget"] == "select" and categories["multiple"] is True
    assert categories["options"] == [{"label": term.label["de"], "value": term.id} for term in loaded.catalogue.taxonomy.categories]


def test_the_actor_is_a_relation_to_the_actors(config: dict[str, Any]) -> None:
    actor = _field(_collection(config, "offers")["fields"], "actor")
    assert (actor["widget"], actor["collection"], actor["value_field"]) == ("relation", "actors", "id")


@pytest.mark.parametrize("path", [("valid_until",), ("last_verified", "date"), ("schedule", "sessions", "date")])
def test_dates_are_typed_as_germans_write_them_without_a_time_zone(config: dict[str, Any], path: tuple[str, ...]) -> None:
    field = _field(_collection(config, "offers")["fields"], *path)
    assert field["widget"] == "string" and "picker_utc" not in field, "no picker that shows UTC or mm/dd/yyyy"
    pattern = re.compile(field["pattern"][0])
    assert pattern.match("24.12.2026") and pattern.match("1.2.2027") and not pattern.match("2026-12-24")
    assert "TT.MM.JJJJ" in field["pattern"][1]


@pytest.mark.parametrize("path", [("schedule", "weekly", "start"), ("schedule", "sessions", "end")])
def test_times_are_24_hour_text_as_the_schema_stores_them(config: dict[str, Any], path: tuple[str, ...]) -> None:
    field = _field(_collection(config, "offers")["fields"], *path)
    assert field["widget"] == "string" and "picker_utc" not in field
    pattern = re.compile(field["pattern"][0])
    assert pattern.match("09:30") and pattern.match("18:00") and not pattern.match("10:00 AM") and not pattern.match("9:30")


def test_weekly_times_show_day_and_time_when_collapsed(config: dict[str, Any]) -> None:
    weekly = _field(_collection(config, "offers")["fields"], "schedule", "weekly")
    assert weekly["summary"] == "{{fields.day}} {{fields.start}}–{{fields.end}}"


def test_the_sort_menu_says_titel_and_no_record_can_be_deleted_in_the_editor(config: dict[str, Any]) -> None:
    offers = _collection(config, "offers")
    assert offers["sortable_fields"][0] == {"field": "title.de", "label": "Titel"}
    assert all(collection["delete"] is False for collection in config["collections"]), "ending an offer is a status, not a deletion"


def test_the_place_shows_its_district(config: dict[str, Any]) -> None:
    locations = _field(_collection(config, "offers")["fields"], "locations")
    assert "locations.*.district" in locations["display_fields"]
    assert "Stadtteil" in locations["hint"]


def test_offers_are_saved_in_their_actors_folder(config: dict[str, Any]) -> None:
    offers = _collection(config, "offers")
    assert (offers["folder"], offers["path"]) == ("data/offers", "{{actor}}/{{slug}}")


def test_every_schema_description_has_a_german_hint() -> None:
    assert [missing for missing in missing_german_words(SCHEMA_DIR) if missing.endswith(f"({HINT})")] == []


def test_every_choice_of_a_select_has_german_words() -> None:
    assert [missing for missing in missing_german_words(SCHEMA_DIR) if missing.endswith(f"({ENUM_LABELS})")] == []


def test_a_need_source_choice_says_where_in_german(config: dict[str, Any]) -> None:
    source = _field(_collection(config, "needs")["fields"], "source")
    assert {"label": "Anfragen über die Website", "value": "site_requests"} in source["options"]


def test_the_form_speaks_german_to_the_actor_and_never_shows_the_schemas_english(config: dict[str, Any]) -> None:
    status = _field(_collection(config, "offers")["fields"], "status")
    assert status["hint"].startswith("aktiv: wird gezeigt")
    hints = [entry["hint"] for collection in config["collections"] for entry in _all_fields(collection["fields"]) if "hint" in entry]
    german = {node[HINT] for _, _, node in schema_properties(SCHEMA_DIR) if HINT in node} | {
        definition[HINT] for schema in schema_files(SCHEMA_DIR).values() for definition in schema.get("$defs", {}).values() if HINT in definition
    }
    assert hints and set(hints) <= german


def test_a_need_labels_its_fields_in_its_own_words_where_they_mean_something_else(config: dict[str, Any]) -> None:
    need, offer = _collection(config, "needs")["fields"], _collection(config, "offers")["fields"]
    assert (_field(need, "title")["label"], _field(offer, "title")["label"]) == ("Was fehlt", "Titel")
    assert _field(need, "district")["hint"] == "Leer lassen, wenn der Bedarf die ganze Stadt betrifft."


def test_the_office_keeps_needs_in_its_own_collection_with_the_taxonomy_as_choices(config: dict[str, Any]) -> None:
    needs = _collection(config, "needs")
    assert needs["folder"] == "data/needs" and "CODEOWNERS" in needs["description"]
    fields = needs["fields"]
    assert [option["value"] for option in _field(fields, "topic")["options"]][:3] == ["early-childhood", "school", "german"]
    assert _field(fields, "district")["required"] is False
    assert {option["value"] for option in _field(fields, "source")["options"]} == {
        "waiting_list", "counselling", "survey", "network_meeting", "site_requests", "other",
    }
    assert _field(fields, "status")["hint"].startswith("offen:")
    capacity = _field(_collection(config, "offers")["fields"], "capacity")
    assert [entry["name"] for entry in capacity["fields"]] == ["seats", "free_seats", "waiting_list", "as_of"]


def test_no_field_is_left_without_a_widget(config: dict[str, Any]) -> None:
    for collection in config["collections"]:
        assert all("widget" in entry for entry in _all_fields(collection["fields"])), collection["name"]


def test_the_committed_configuration_is_up_to_date() -> None:
    if town_under_test() != REPO:
        pytest.skip("admin/config.yml belongs to the repository's own town, not to $CATALOGUE_TOWN")
    out = io.StringIO()
    assert main(["editor-config", "--check", "--config", str(REPO / "mkdocs.yml")], stdout=out) == EXIT_VALID, out.getvalue()


def test_a_changed_schema_makes_the_committed_configuration_stale(tmp_path: Path) -> None:
    shutil.copytree(TREE, tmp_path, dirs_exist_ok=True)
    out = io.StringIO()
    assert main(["editor-config", "--config", str(tmp_path / "mkdocs.yml")], stdout=out) == EXIT_VALID
    assert main(["editor-config", "--check", "--config", str(tmp_path / "mkdocs.yml")], stdout=out) == EXIT_VALID
    taxonomy = tmp_path / "data" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("de: Deutsch lernen", "de: Deutsch"), encoding="utf-8")
    out = io.StringIO()
    assert main(["editor-config", "--check", "--config", str(tmp_path / "mkdocs.yml")], stdout=out) == EXIT_INVALID
    assert f"{CONFIG_PATH} is out of date" in out.getvalue()
