"""Translator files as German Excel saves them, and files that must not reach the data: semicolons, BOM or none,
Windows-1252; formula guards; the loader's text rules; size and duplicate limits; German messages that count right."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml

from catalogue.office.translation_exchange import MAX_CSV_CELL

from .conftest import data_digest
from .test_translation_round_trip import export, fill_xliff12, import_file, snapshot


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def save_as_excel(path: Path, rows: list[list[str]], *, delimiter: str, encoding: str, bom: bool) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding, errors="replace"))


@pytest.mark.parametrize(("delimiter", "encoding", "bom"), [(";", "utf-8", True), (";", "utf-8", False), (",", "utf-8", False), (";", "cp1252", False)])
def test_a_csv_saved_by_german_excel_is_imported(office_site: Path, tmp_path: Path, delimiter: str, encoding: str, bom: bool) -> None:
    exported = export(office_site, "en", "csv", tmp_path / "en.csv")
    rows = rows_of(exported)
    for row in rows[1:]:
        row[-1] = "Revised: " + row[5] + " – café"
    save_as_excel(exported, rows, delimiter=delimiter, encoding=encoding, bom=bom)
    code, out, err = import_file(office_site, exported)
    assert code == 0, err
    assert "übernommen" in out
    assert any("Revised:" in line and "café" in line for lines in snapshot(office_site).values() for line in lines)


def test_a_cyrillic_translation_in_a_windows_encoding_is_refused_with_how_to_save_as_csv_utf8(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    rows = rows_of(exported)
    for row in rows[1:]:
        row[-1] = "Переклад"
    save_as_excel(exported, rows, delimiter=";", encoding="cp1251", bom=False)
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert "„CSV UTF-8 (durch Trennzeichen getrennt)“" in err
    assert data_digest(office_site) == before


def test_formulas_in_german_texts_are_guarded_in_the_export_and_the_guard_is_taken_off_on_import(office_site: Path, tmp_path: Path) -> None:
    offer = office_site / "data" / "offers" / "sprachschule-nord" / "konversation.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("de: Wir sprechen über den Alltag.", "de: =HYPERLINK(\"x\") Alltag"), encoding="utf-8")
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    rows = rows_of(exported)
    summary = next(row for row in rows if row[1].endswith("konversation.yml") and row[2] == "summary")
    assert summary[5] == "'=HYPERLINK(\"x\") Alltag", "a spreadsheet must not run the German text"
    summary[-1] = "'=Сума"
    save_as_excel(exported, [rows[0], summary], delimiter=",", encoding="utf-8", bom=True)
    code, _, err = import_file(office_site, exported)
    assert code == 0, err
    saved = yaml.safe_load(offer.read_text(encoding="utf-8"))
    assert saved["summary"] == {"de": "=HYPERLINK(\"x\") Alltag", "en": "We talk about everyday life.", "uk": "=Сума"}


@pytest.mark.parametrize(("target", "reason"), [
    ("<script>alert(1)</script>", "enthält HTML"),
    ("[hier](javascript:alert(1))", "nicht erlaubten Link"),
    ("Text \u202e gespiegelt", "Richtungszeichen U+202E"),
])
def test_an_xliff_with_text_check_refuses_changes_nothing(office_site: Path, tmp_path: Path, target: str, reason: str) -> None:
    exported = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    fill_xliff12(exported, lambda source: target if source.startswith("Jede Woche ein neues Thema") else "UK " + source)
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert reason in err and "nichts wurde importiert, 1 Problem gefunden" in err
    assert data_digest(office_site) == before


def test_a_csv_with_a_nul_character_is_refused(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    rows = rows_of(exported)
    for row in rows[1:]:
        row[-1] = "UK\x00 " + row[5]
    save_as_excel(exported, rows, delimiter=",", encoding="utf-8", bom=True)
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1 and "U+0000" in err
    assert data_digest(office_site) == before


def test_duplicate_rows_and_giant_cells_are_refused_in_plain_german(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    rows = rows_of(exported)
    for row in rows[1:]:
        row[-1] = "UK " + row[5]
    save_as_excel(exported, [*rows, rows[1]], delimiter=",", encoding="utf-8", bom=True)
    code, _, err = import_file(office_site, exported)
    assert code == 1 and f"Zeile {len(rows) + 1} enthält denselben Text wie Zeile 2" in err
    rows[1][-1] = "x" * (MAX_CSV_CELL + 1)
    save_as_excel(exported, rows, delimiter=",", encoding="utf-8", bom=True)
    code, _, err = import_file(office_site, exported)
    assert code == 1 and "mehr als 25000 Zeichen" in err
    assert "Traceback" not in err and "(" not in err.split(":", 1)[1].split("Zeile")[0]


def test_importing_the_same_file_twice_says_the_second_time_that_nothing_changed(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    rows = rows_of(exported)
    keep = [rows[0], rows[1]]
    keep[1][-1] = "UK " + keep[1][5]
    save_as_excel(exported, keep, delimiter=",", encoding="utf-8", bom=True)
    code, out, err = import_file(office_site, exported)
    assert code == 0, err
    assert out.startswith("1 Text in 1 Datei für uk übernommen"), out
    before = data_digest(office_site)
    code, out, _ = import_file(office_site, exported)
    assert code == 0 and "nichts wurde geändert" in out, out
    assert data_digest(office_site) == before


def test_list_positions_are_counted_from_1_as_in_checks_messages(office_site: Path, tmp_path: Path) -> None:
    actor = office_site / "data" / "actors" / "sprachschule-nord.yml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("    district: nordstadt\n", "    district: nordstadt\n    accessibility: {de: Rampe am Eingang}\n", 1), encoding="utf-8")
    exported = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    text = exported.read_text(encoding="utf-8")
    ids = re.findall(r'<trans-unit id="([^"]+)" resname="([^"]+)"', text)
    listed = [(unit_id, name) for unit_id, name in ids if re.search(r"\.\d", unit_id)]
    assert listed, "the export holds texts inside lists (places)"
    assert all(".0." not in unit_id and "[0]" not in name for unit_id, name in listed), listed
    assert all(re.sub(r"\.(\d+)", r"[\1]", unit_id, count=1) == name for unit_id, name in listed)
    csv_rows = rows_of(export(office_site, "uk", "csv", tmp_path / "uk.csv"))
    assert any(re.search(r"\[1\]", row[2]) for row in csv_rows[1:])
    fill_xliff12(exported)
    code, _, err = import_file(office_site, exported)
    assert code == 0, err
