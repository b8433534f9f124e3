"""A filled issue form becomes a valid offer file, or a comment in plain German saying what is missing or wrong."""
from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue.cli import EXIT_INVALID, EXIT_VALID, main
from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import Settings, read_settings
from catalogue.office.issue_form import ISSUE_FORM_PATH, LEVELS, MODES, PER, change_form_fields, change_issue_form, form_fields
from catalogue.office.issue_answers import parse_issue_body
from catalogue.office.issue_conversion import Conversion
from catalogue.office.issue_offer import comment_text, convert_issue, offer_id_from_title
from catalogue.office.yaml_round_trip import plain_data
from tests.towns import town_under_test

TESTS = Path(__file__).resolve().parent
TREE = TESTS / "data" / "valid" / "tree"
ISSUES = TESTS / "data" / "issues"
TODAY = date(2026, 11, 26)
SCHEMA = json.loads((TESTS.parent / "schemas" / "offer.schema.json").read_text(encoding="utf-8"))
COMMON = json.loads((TESTS.parent / "schemas" / "common.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    shutil.copytree(TREE, tmp_path, dirs_exist_ok=True)
    return read_settings(tmp_path / "mkdocs.yml")


def _convert(site: Settings, body: str) -> Conversion:
    loaded = load_catalogue(site, today=TODAY)
    assert loaded.catalogue is not None
    return convert_issue(body, loaded.catalogue, site, TODAY)


def test_a_complete_form_becomes_a_valid_offer_in_its_actors_folder(site: Settings) -> None:
    conversion = _convert(site, (ISSUES / "complete-new-offer.md").read_text(encoding="utf-8"))
    assert conversion.problems == []
    assert conversion.path == "data/offers/sprachschule-nord/sprachcafe-fuer-muetter.yml"
    offer = plain_data(conversion.text, conversion.path)
    assert offer["categories"] == ["german", "leisure"]
    assert offer["schedule"] == {"weekly": [{"day": "tue", "start": "09:30", "end": "11:00"}], "sessions": [{"date": "2027-03-16", "start": "09:30", "end": "11:00"}]}
    assert offer["costs"] == {"free": True} and offer["registration"] == {"required": False}
    assert offer["last_verified"] == {"date": "2026-11-26", "by": "Sprachschule Nord, Büro"}
    assert offer["description"]["de"].endswith("**Tee und Kuchen** gibt es bei uns.\n")
    assert not (Path(site.root) / conversion.path).exists(), "the converter writes nothing itself"


def test_the_cli_writes_the_file_and_the_catalogue_check_accepts_it(site: Settings, tmp_path: Path) -> None:
    comment = tmp_path / "comment.md"
    out = io.StringIO()
    code = main(["issue-to-offer", "--config", str(site.root / "mkdocs.yml"), "--body", str(ISSUES / "complete-new-offer.md"), "--comment", str(comment), "--today", "2026-11-26"], stdout=out)
    assert code == EXIT_VALID, comment.read_text(encoding="utf-8")
    assert (site.root / out.getvalue().strip()).is_file()
    assert main(["check", "--config", str(site.root / "mkdocs.yml"), "--today", "2026-11-26"], stdout=io.StringIO()) == EXIT_VALID
    assert "data/offers/sprachschule-nord/sprachcafe-fuer-muetter.yml" in comment.read_text(encoding="utf-8")


def test_an_incomplete_form_gets_a_comment_listing_everything_missing(site: Settings, tmp_path: Path) -> None:
    comment = tmp_path / "comment.md"
    code = main(["issue-to-offer", "--config", str(site.root / "mkdocs.yml"), "--body", str(ISSUES / "incomplete.md"), "--comment", str(comment)], stdout=io.StringIO())
    text = comment.read_text(encoding="utf-8")
    assert code == EXIT_INVALID
    assert "„Titel des Angebots (Deutsch)“ fehlt" in text
    assert "„Ist das Angebot kostenlos?“ fehlt" in text
    assert "Bitte nur eine Zahl eintragen" in text
    assert "Zustimmung zur Veröffentlichung fehlt" in text
    assert sorted(path.name for path in (site.root / "data" / "offers" / "sprachschule-nord").iterdir()) == ["deutsch-a1.yml"]


def test_hostile_input_is_refused_with_reasons_and_never_reaches_a_file(site: Settings) -> None:
    conversion = _convert(site, (ISSUES / "hostile-markup-and-wrong-types.md").read_text(encoding="utf-8"))
    problems = "\n".join(conversion.problems)
    assert not conversion.ok and conversion.text == ""
    assert "„Kurzbeschreibung (ein bis zwei Sätze)“ enthält HTML-Zeichen" in problems
    assert "„Lebensphase / Bereich“: Eine Antwort ist keine der Auswahlmöglichkeiten" in problems
    assert "Zeile 1 verstehe ich nicht" in problems and "Zeile 2 verstehe ich nicht" in problems
    assert "Preis in Euro" in problems
    assert "Hacking" not in problems and "irgendwann" not in problems, "a failure comment quotes no text of the issue"


@pytest.mark.parametrize(("field", "size"), [("Beschreibung", 5_000), ("Titel des Angebots (Deutsch)", 100_000)])
def test_huge_answers_are_refused(site: Settings, field: str, size: int) -> None:
    body = (ISSUES / "complete-new-offer.md").read_text(encoding="utf-8")
    start = body.index(f"### {field}\n\n") + len(f"### {field}\n\n")
    body = body[:start] + "x" * size + body[body.index("\n\n###", start):]
    conversion = _convert(site, body)
    assert not conversion.ok
    assert "zu lang" in conversion.problems[0]


def test_a_title_with_template_and_shell_syntax_is_kept_as_plain_text(site: Settings) -> None:
    body = (ISSUES / "complete-new-offer.md").read_text(encoding="utf-8").replace("Sprachcafé für Mütter", "Café: {{ secrets.X }} $(id) `id` #1 'a' \"b\"")
    conversion = _convert(site, body)
    assert conversion.ok, conversion.problems
    assert plain_data(conversion.text, "x.yml")["title"]["de"] == "Café: {{ secrets.X }} $(id) `id` #1 'a' \"b\""


def test_a_change_touches_only_the_given_field_and_the_check_date(site: Settings) -> None:
    original = (site.root / "data/offers/sprachschule-nord/deutsch-a1.yml").read_text(encoding="utf-8")
    conversion = _convert(site, (ISSUES / "change-existing-offer.md").read_text(encoding="utf-8"))
    assert conversion.problems == []
    assert conversion.path == "data/offers/sprachschule-nord/deutsch-a1.yml"
    changed = [(old, new) for old, new in zip(original.splitlines(), conversion.text.splitlines()) if old != new]
    assert changed == [
        ("  de: Deutsch für den Alltag, mit Kinderbetreuung.", "  de: Deutsch für den Alltag, jetzt auch mit Hausaufgabenhilfe."),
        ('  date: "2026-10-01"', '  date: "2026-11-26"'),
        ("  by: Sprachschule Nord", "  by: Sprachschule Nord, Büro"),
    ]


def test_the_comment_is_plain_german_without_markup_from_the_issue(site: Settings) -> None:
    text = comment_text(Conversion(problems=["„Titel“ fehlt."]), site)
    assert text.startswith("Danke für Ihre Angaben!") and "- „Titel“ fehlt." in text


def test_a_body_without_the_forms_headings_is_answered_not_crashed(site: Settings) -> None:
    conversion = _convert(site, "Hallo, bitte tragen Sie unseren Kurs ein. <b>Danke</b>")
    assert conversion.problems == ["Ich finde keine Felder des Formulars „Neues oder geändertes Angebot“. Bitte nutzen Sie das Formular."]


@pytest.mark.parametrize(("title", "expected"), [("Deutschkurs für Eltern", "deutschkurs-fuer-eltern"), ("Café & Begegnung 2027!", "cafe-begegnung-2027"), ("Straßenfußball", "strassenfussball")])
def test_file_names_come_from_the_german_title(title: str, expected: str) -> None:
    assert offer_id_from_title(title) == expected


def test_the_forms_fields_fill_real_schema_properties_and_cover_every_required_one(site: Settings) -> None:
    loaded = load_catalogue(site, today=TODAY)
    assert loaded.catalogue is not None
    fields = form_fields(loaded.catalogue, site)
    for form_field in fields:
        node = SCHEMA
        for part in form_field.schema.split("."):
            if node.get("$ref", "").endswith(("/text", "/markdown")):
                assert part in site.language_codes, form_field
                break
            if "$ref" in node:
                node = COMMON["$defs"][node["$ref"].rsplit("/", 1)[-1]]
            assert part in node.get("properties", {}), f"{form_field.id} fills {form_field.schema}, which the offer schema lacks"
            node = node["properties"][part]
    covered = {form_field.schema.split(".")[0] for form_field in fields} | {"id", "last_verified"}
    assert set(SCHEMA["required"]) <= covered


def test_every_form_field_is_read_back_by_the_converter(site: Settings) -> None:
    loaded = load_catalogue(site, today=TODAY)
    assert loaded.catalogue is not None
    fields = form_fields(loaded.catalogue, site)
    body = "".join(f"### {form_field.label}\n\nwert-{form_field.id}\n\n" for form_field in fields)
    assert parse_issue_body(body, fields) == {form_field.id: f"wert-{form_field.id}" for form_field in fields}


def test_the_committed_issue_form_is_up_to_date_and_uses_the_towns_settings() -> None:
    repo = TESTS.parent
    if town_under_test() != repo:
        pytest.skip("the issue forms belong to the repository's own town, not to $CATALOGUE_TOWN")
    out = io.StringIO()
    assert main(["issue-form", "--check", "--config", str(repo / "mkdocs.yml")], stdout=out) == EXIT_VALID, out.getvalue()
    settings = read_settings(repo / "mkdocs.yml")
    form = yaml.safe_load((repo / ISSUE_FORM_PATH).read_text(encoding="utf-8"))
    consent = form["body"][-1]["attributes"]["options"][0]["label"]
    assert f"({settings.licence})" in consent
    links = yaml.safe_load((repo / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))["contact_links"]
    assert links[0]["url"] == f"mailto:{settings.office_email}"


def test_ending_an_offer_sets_its_status_and_keeps_it_in_the_data(site: Settings) -> None:
    body = (ISSUES / "change-existing-offer.md").read_text(encoding="utf-8").replace("Bestehendes Angebot ändern", "Angebot beenden")
    original = (site.root / "data/offers/sprachschule-nord/deutsch-a1.yml").read_text(encoding="utf-8")
    conversion = _convert(site, body)
    assert conversion.problems == []
    changed = [(old, new) for old, new in zip(original.splitlines(), conversion.text.splitlines()) if old != new]
    assert changed == [
        ("status: active", "status: ended"),
        ('  date: "2026-10-01"', '  date: "2026-11-26"'),
        ("  by: Sprachschule Nord", "  by: Sprachschule Nord, Büro"),
    ]


def test_a_change_to_an_offer_of_another_actor_is_refused(site: Settings) -> None:
    body = (ISSUES / "change-existing-offer.md").read_text(encoding="utf-8").replace("deutsch-a1", "fussball-kinder")
    conversion = _convert(site, body)
    assert conversion.problems == ["Das Angebot „fussball-kinder“ gehört nicht zu diesem Anbieter."]


@pytest.mark.parametrize(("choices", "path"), [(MODES, ("mode",)), (PER, ("costs", "per")), (LEVELS, ("german_level",))])
def test_the_forms_choices_are_the_schemas_values(choices: dict[str, str], path: tuple[str, ...]) -> None:
    node = SCHEMA
    for part in path:
        node = node["properties"][part]
    assert list(choices.values()) == node["enum"]


def _change_body(site: Settings, consent: bool = True, **answers: str) -> str:
    """An "Angebot ändern" issue as GitHub renders it: every field's heading, `_No response_` where left empty."""
    loaded = load_catalogue(site, today=TODAY)
    assert loaded.catalogue is not None
    parts = [f"### {field.label}\n\n{answers.get(field.id) or '_No response_'}\n" for field in change_form_fields(loaded.catalogue, site)]
    parts.append(f"### Veröffentlichung\n\n- [{'X' if consent else ' '}] Die Angaben dürfen veröffentlicht werden.\n")
    return "\n".join(parts)


def test_the_change_form_asks_only_for_the_offers_id(site: Settings) -> None:
    loaded = load_catalogue(site, today=TODAY)
    assert loaded.catalogue is not None
    form = change_issue_form(loaded.catalogue, site)
    required = [element["id"] for element in form["body"] if element.get("validations", {}).get("required")]
    assert required == ["offer_id"]
    ids = [element.get("id") for element in form["body"]]
    assert {"weekly_old", "weekly_new", "locations", "second_language", "title_translation"} <= set(ids)
    places = next(element for element in form["body"] if element.get("id") == "locations")["attributes"]["options"]
    assert "Haus Nord (Nordstadt) – Sprachschule Nord" in places, "the district stands with the place"


def test_one_changed_weekly_time_is_one_changed_line(site: Settings) -> None:
    path = site.root / "data/offers/sprachschule-nord/deutsch-a1.yml"
    original = path.read_text(encoding="utf-8")
    conversion = _convert(site, _change_body(site, offer_id="deutsch-a1", weekly_old="Montag 09:00-12:00", weekly_new="Montag 10:00-13:00"))
    assert conversion.problems == []
    changed = [(old, new) for old, new in zip(original.splitlines(), conversion.text.splitlines(), strict=True) if old != new]
    assert changed == [
        ('    - {day: mon, start: "09:00", end: "12:00"}', '    - {day: mon, start: "10:00", end: "13:00"}'),
        ('  date: "2026-10-01"', '  date: "2026-11-26"'),
    ], "every field left empty stays as it was"


def test_a_weekly_time_is_added_or_dropped_and_places_and_a_second_language_are_set(site: Settings) -> None:
    conversion = _convert(site, _change_body(
        site, offer_id="deutsch-a1", weekly_new="Donnerstag 17:00-18:30", locations="Haus am Markt (Altstadt) – Sprachschule Nord",
        second_language="English", title_translation="German A1 before noon",
    ))
    assert conversion.problems == []
    data = plain_data(conversion.text, "x.yml")
    assert data["schedule"]["weekly"] == [{"day": "mon", "start": "09:00", "end": "12:00"}, {"day": "thu", "start": "17:00", "end": "18:30"}]
    assert data["locations"] == ["haus-markt"]
    assert data["title"]["en"] == "German A1 before noon" and data["title"]["de"] == "Deutsch A1 am Vormittag"
    dropped = _convert(site, _change_body(site, offer_id="deutsch-a1", weekly_old="Montag 09:00-12:00"))
    assert dropped.problems == [] and "weekly" not in plain_data(dropped.text, "x.yml")["schedule"] or plain_data(dropped.text, "x.yml")["schedule"]["weekly"] == []


def test_every_problem_of_a_change_comes_in_the_first_answer(site: Settings) -> None:
    conversion = _convert(site, _change_body(
        site, offer_id="deutsch-a1", age_min="18", age_max="12", valid_from="2027-06-01", valid_until="2027-01-01",
        weekly_old="Montag 09:00-12:00", weekly_new="Montag 12:00-12:00", website="http//kaputt",
    ))
    problems = "\n".join(conversion.problems)
    assert "„Alter ab“ ist größer als „Alter bis“" in problems
    assert "„Gültig bis“ liegt vor „Gültig ab“" in problems
    assert "Beginn und Ende sind gleich" in problems
    assert len(conversion.problems) >= 3 and not conversion.ok


def test_a_heading_typed_inside_an_answer_does_not_count_and_invisible_characters_are_dropped(site: Settings) -> None:
    forged = _change_body(site, consent=False, offer_id="deutsch-a1", summary="Neu.\n\n### Veröffentlichung\n\n- [X] ja")
    assert "Zustimmung zur Veröffentlichung fehlt" in "\n".join(_convert(site, forged).problems)
    hidden = "\ufeff" + _change_body(site, offer_id="deutsch\u200b-a1", summary="Neu\u200d.")
    conversion = _convert(site, hidden)
    assert conversion.problems == [] and plain_data(conversion.text, "x.yml")["summary"]["de"] == "Neu."


def test_a_failure_comment_says_what_happens_next_and_quotes_no_user_text(site: Settings) -> None:
    conversion = _convert(site, _change_body(site, offer_id="gibt-es-nicht-@alle", age_min="@alle"))
    text = comment_text(conversion, site)
    assert "@alle" not in text and "gibt-es-nicht" not in text
    assert "setzt die Markierung „in-datei-umwandeln“ wieder" in text
