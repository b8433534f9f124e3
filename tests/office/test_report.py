"""`python -m catalogue report`: stale offers by provider with contact, ending and not yet valid offers, and each
language's translations with the words left, as text, Markdown and CSV."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from catalogue.figures.translation_status import STATUSES

from .conftest import TODAY, data_digest, run


def report(site: Path, *arguments: str) -> str:
    code, out, err = run("report", "--config", str(site / "mkdocs.yml"), "--today", TODAY, *arguments)
    assert code == 0, err
    return out


def csv_rows(site: Path, language: str = "en") -> list[dict[str, str]]:
    text = report(site, "--format", "csv", "--lang", language)
    assert text.startswith("\ufeff"), "a BOM, so that Excel reads the text as UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_csv_speaks_the_offices_german_and_names_each_offer(office_site: Path) -> None:
    rows = csv_rows(office_site, "de")
    assert list(rows[0]) == ["Abschnitt", "Sprache", "Art", "Kennung", "Titel", "Datei", "Anbieter", "Stand", "Datum", "Wörter", "Telefon", "E-Mail"]
    stale = next(row for row in rows if row["Abschnitt"] == "lange nicht geprüft")
    assert (stale["Art"], stale["Kennung"], stale["Titel"], stale["Stand"]) == ("Angebot", "konversation", "Konversationskurs: Deutsch sprechen", "aktiv")
    translation = next(row for row in rows if row["Abschnitt"] == "Übersetzung" and row["Kennung"] == "schwimmen" and row["Sprache"] == "uk")
    assert (translation["Stand"], translation["Titel"]) == ("fehlt", "Schwimmen für Frauen")


def test_csv_lists_each_finding_with_the_providers_contact(office_site: Path) -> None:
    rows = csv_rows(office_site)
    by_section = {section: [row for row in rows if row["section"] == section] for section in {row["section"] for row in rows}}
    assert [(row["id"], row["date"], row["phone"], row["email"]) for row in by_section["stale"]] == [
        ("konversation", "2025-01-15", "+49 1234 555-0100", "kurse@sprachschule-nord.example.org")
    ]
    assert [(row["id"], row["date"]) for row in by_section["ending"]] == [("konversation", "2026-12-10")]
    assert [(row["id"], row["date"]) for row in by_section["not yet valid"]] == [("deutsch-b1-abend", "2027-02-01")]
    statuses = {(row["language"], row["kind"], row["id"]): row["status"] for row in by_section["translation"]}
    assert statuses[("en", "offer", "schwimmen")] == "outdated"
    assert statuses[("uk", "offer", "schwimmen")] == "missing"
    assert statuses[("ti", "offer", "fussball-kinder")] == "up to date"
    assert statuses[("uk", "provider", "sprachschule-nord")] == "missing"
    assert not any(language == "de" for language, _, _ in statuses), "the source language is not a translation"
    assert ("uk", "offer", "deutsch-b1-abend") not in statuses, "offers not yet published are not counted"


def test_words_to_translate_are_the_german_words_of_the_missing_texts(office_site: Path) -> None:
    rows = csv_rows(office_site)
    words = {(row["language"], row["id"]): int(row["words"]) for row in rows if row["section"] == "translation"}
    # "Schwimmen für Frauen" + "Jeden Samstag im Hallenbad, mit Trainerin." + "Badekappe mitbringen."
    assert words[("uk", "schwimmen")] == 3 + 6 + 2
    assert words[("en", "schwimmen")] == 3 + 6 + 2, "an outdated record is checked again in full"
    assert words[("en", "fussball-kinder")] == 0


def test_markdown_has_a_table_per_language_and_kind_that_adds_up(office_site: Path) -> None:
    text = report(office_site, "--format", "markdown", "--lang", "en")
    assert text.startswith("# Freshness and translations of Bildungsangebote in Teststadt on 2026-11-26\n")
    assert "### Sprachschule Nord (1) – +49 1234 555-0100, kurse@sprachschule-nord.example.org" in text
    table = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| language")]
    cells = {(row[0], row[1]): row[2:] for row in ([cell.strip() for cell in line.strip("|").split("|")] for line in table)}
    assert set(cells) == {(language, kind) for language in ("en", "uk", "ti") for kind in ("offers", "providers", "news")}
    published_offers = 4
    for (language, kind), numbers in cells.items():
        if kind == "offers":
            assert sum(int(number) for number in numbers[: len(STATUSES)]) == published_offers
    assert cells[("uk", "offers")][STATUSES.index("missing")] == "4"
    assert cells[("en", "offers")][STATUSES.index("outdated")] == "1"


def test_markdown_limit_cuts_long_lists_and_says_how_many_more(office_site: Path) -> None:
    for number in range(3):
        source = (office_site / "data/offers/sprachschule-nord/konversation.yml").read_text(encoding="utf-8")
        (office_site / f"data/offers/sprachschule-nord/alt-{number}.yml").write_text(
            source.replace("id: konversation", f"id: alt-{number}"), encoding="utf-8"
        )
    text = report(office_site, "--format", "markdown", "--lang", "en", "--limit", "2")
    assert "### Sprachschule Nord (4)" in text
    assert "- … and 2 more (see the CSV)" in text


def test_text_report_in_german_by_default_and_written_to_a_file(office_site: Path, tmp_path: Path) -> None:
    before = data_digest(office_site)
    target = tmp_path / "report.txt"
    assert report(office_site, "--output", str(target)) == ""
    text = target.read_text(encoding="utf-8")
    assert "Angebote, die seit mehr als 12 Monaten nicht geprüft wurden: 1" in text
    assert "Angebote, die noch nicht gelten: 1" in text
    assert data_digest(office_site) == before


def test_invalid_data_gives_no_report(office_site: Path) -> None:
    (office_site / "data/offers/sprachschule-nord/konversation.yml").write_text("id: [broken\n", encoding="utf-8")
    code, out, _ = run("report", "--config", str(office_site / "mkdocs.yml"), "--today", TODAY)
    assert code == 1
    assert "make check" in out


@pytest.mark.parametrize("months, stale", [(12, 1), (24, 0)])
def test_the_months_come_from_the_sites_settings(office_site: Path, months: int, stale: int) -> None:
    config = office_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("stale_after_months: 12", f"stale_after_months: {months}"), encoding="utf-8")
    rows = csv_rows(office_site)
    assert sum(row["section"] == "stale" for row in rows) == stale


def test_the_report_gives_each_languages_coverage_and_what_to_review(office_site: Path) -> None:
    from catalogue.figures.language_coverage import covered_in
    from catalogue.checks.loading import load_catalogue
    from catalogue.publication.visibility import publish
    from catalogue.data.settings import read_settings
    from datetime import date

    text = report(office_site, "--format", "markdown", "--lang", "en")
    section = text.split("## Languages: coverage and review\n", 1)[1]
    settings = read_settings(office_site / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    offers = publish(loaded.catalogue, date.fromisoformat(TODAY)).offers
    for language in settings.language_codes[1:]:
        covered = sum(covered_in(offer, language) for offer in offers)
        line = next(line for line in section.splitlines() if line.startswith(f"- {language}: "))
        assert line.startswith(f"- {language}: {covered} of {len(offers)} offers ({covered * 100 // len(offers)} %)")
        assert line.endswith("no native reader has checked its words") is (language in loaded.unreviewed)
    assert "- de: " not in section


PAST_SESSIONS_OFFER = """\
id: ferienkurs
actor: sprachschule-nord
status: active
categories: [german]
title: {de: Deutsch-Ferienkurs im Oktober}
summary: {de: Fünf Vormittage in den Herbstferien.}
description: {de: Montag bis Freitag.}
mode: in_person
locations: [haus-markt]
costs:
  free: true
schedule:
  sessions:
    - {date: "2026-10-12", start: "09:00", end: "12:00"}
    - {date: "2026-10-16", start: "09:00", end: "12:00"}
last_verified:
  date: "2026-09-01"
  by: Sprachschule Nord
"""


@pytest.fixture
def past_sessions_site(office_site: Path) -> Path:
    """The office's site with an active offer, without valid_until, whose dated sessions have all passed."""
    (office_site / "data/offers/sprachschule-nord/ferienkurs.yml").write_text(PAST_SESSIONS_OFFER, encoding="utf-8")
    return office_site


@pytest.mark.parametrize("output, expected", [
    ("text", "Deutsch-Ferienkurs im Oktober (data/offers/sprachschule-nord/ferienkurs.yml) – letzter Termin am 2026-10-16 vorbei"),
    ("markdown", "- Deutsch-Ferienkurs im Oktober (`data/offers/sprachschule-nord/ferienkurs.yml`) – letzter Termin am 2026-10-16 vorbei"),
])
def test_the_report_says_which_offers_left_the_site_because_their_dates_passed(past_sessions_site: Path, output: str, expected: str) -> None:
    text = report(past_sessions_site, "--format", output, "--lang", "de")
    section = text.split("Angebote, deren Termine alle vorbei sind (nicht mehr auf der Website): 1", 1)[1]
    assert expected in section.split("\n\n", 2)[1], section[:400]
    assert "status: ended" in section.split("\n\n", 3)[2], "the report says what to do"


def test_the_csv_gives_the_reason_and_the_last_date_of_an_offer_whose_dates_passed(past_sessions_site: Path) -> None:
    rows = [row for row in csv_rows(past_sessions_site, "de") if row["Abschnitt"] == "Termine vorbei, nicht mehr auf der Website"]
    assert [(row["Kennung"], row["Titel"], row["Datum"], row["Stand"], row["Telefon"]) for row in rows] == [
        ("ferienkurs", "Deutsch-Ferienkurs im Oktober", "2026-10-16", "aktiv", "+49 1234 555-0100"),
    ]
    english = [row for row in csv_rows(past_sessions_site, "en") if row["section"] == "dates passed, off the site"]
    assert [row["id"] for row in english] == ["ferienkurs"]
