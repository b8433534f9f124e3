"""The translator round trip: export a language's open texts, fill them in as a translator or a tool would, import,
and find exactly the new lines in the data files - comments, quoting and key order untouched."""
from __future__ import annotations

import csv
import difflib
import io
from datetime import date
from pathlib import Path
from typing import Callable

import pytest
from lxml import etree
from translate.storage import xliff as toolkit_xliff
from translate.storage import xliff2 as toolkit_xliff2

from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import read_settings
from catalogue.figures.translation_status import translation_status
from catalogue.office.translation_exchange import XLIFF12_NS, XLIFF2_NS, export_exchange, xliff2_bytes, xliff12_bytes

from .conftest import TODAY, data_digest, run

XML = "{http://www.w3.org/XML/1998/namespace}"


def export(site: Path, language: str, file_format: str, target: Path) -> Path:
    code, out, err = run("translations", "export", "--config", str(site / "mkdocs.yml"), "--to", language,
                         "--format", file_format, "--output", str(target))
    assert code == 0, err
    return target


def import_file(site: Path, file: Path) -> tuple[int, str, str]:
    return run("translations", "import", "--config", str(site / "mkdocs.yml"), str(file))


def translated(source: str) -> str:
    return "UK " + source


def fill_xliff12(path: Path, translate: Callable[[str], str] = translated) -> None:
    tree = etree.parse(str(path))
    for unit in tree.iter(f"{{{XLIFF12_NS}}}trans-unit"):
        source = unit.find(f"{{{XLIFF12_NS}}}source")
        target = unit.find(f"{{{XLIFF12_NS}}}target")
        if target is None:
            target = etree.Element(f"{{{XLIFF12_NS}}}target")
            source.addnext(target)
        target.text = translate(source.text or "")
        target.set("state", "translated")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def fill_xliff2(path: Path, translate: Callable[[str], str] = translated) -> None:
    """As DeepL's document translation returns a file: targets filled, states left as they were."""
    tree = etree.parse(str(path))
    for segment in tree.iter(f"{{{XLIFF2_NS}}}segment"):
        source = segment.find(f"{{{XLIFF2_NS}}}source")
        target = segment.find(f"{{{XLIFF2_NS}}}target")
        if target is None:
            target = etree.SubElement(segment, f"{{{XLIFF2_NS}}}target")
        target.text = translate(source.text or "")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def fill_csv(path: Path, translate: Callable[[str], str] = translated) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        row[-1] = translate(row[5])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")


FILLERS = {"xliff": fill_xliff12, "xliff2": fill_xliff2, "csv": fill_csv}


def snapshot(site: Path) -> dict[str, list[str]]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8").splitlines() for path in sorted((site / "data").rglob("*.yml"))}


def statuses(site: Path, language: str) -> dict[str, str]:
    settings = read_settings(site / "mkdocs.yml")
    catalogue = load_catalogue(settings, today=date.fromisoformat(TODAY)).catalogue
    assert catalogue is not None
    records = [*catalogue.offers, *catalogue.actors.values(), *catalogue.news]
    return {record.source: translation_status(record.translation, language) for record in records}


@pytest.mark.parametrize("file_format", ["xliff", "xliff2", "csv"])
def test_export_fill_import_adds_only_the_translated_lines(office_site: Path, tmp_path: Path, file_format: str) -> None:
    before = snapshot(office_site)
    exported = export(office_site, "uk", file_format, tmp_path / f"uk.{file_format}")
    FILLERS[file_format](exported)
    code, out, err = import_file(office_site, exported)
    assert code == 0, err
    after = snapshot(office_site)
    assert set(after) == set(before)
    changed = 0
    for name, old_lines in before.items():
        new_lines = after[name]
        operations = [op for op in difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False).get_opcodes() if op[0] != "equal"]
        added: list[str] = []
        for kind, old_start, old_end, new_start, new_end in operations:
            assert kind in ("insert", "replace"), f"{name}: lines removed: {old_lines[old_start:old_end]}"
            if kind == "replace":
                # a map written on one line, {de: …, en: …}, gets the new language before its closing brace
                for old, new in zip(old_lines[old_start:old_end], new_lines[new_start:new_end], strict=True):
                    assert old.endswith("}") and new.startswith(old[:-1] + ", uk: "), f"{name}: {old!r} became {new!r}"
                    added.append("uk:" + new[len(old) + 5:])
            else:
                added.extend(new_lines[new_start:new_end])
        if name.startswith(("data/labels", "data/synonyms")) or name.endswith("taxonomy.yml"):  # one file per language
            assert not added
            continue
        changed += bool(added)
        assert any(line.strip().startswith("uk:") for line in added)
        assert "translation_sources:" in new_lines
    assert changed == 8, "five offers (one not yet valid), two providers and one news item had no Ukrainian"
    assert set(statuses(office_site, "uk").values()) == {"current"}


def test_comments_quoting_and_block_text_survive(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    fill_xliff12(exported, lambda source: "Тема: " + source if ":" in source else "Текст " + source)
    assert import_file(office_site, exported)[0] == 0
    text = (office_site / "data/offers/sprachschule-nord/konversation.yml").read_text(encoding="utf-8")
    assert text.startswith("# Written by hand: the comment, the quoting and the key order must survive an import.\n")
    assert '  de: "Konversationskurs: Deutsch sprechen"\n' in text
    assert "  en: 'Conversation course: speaking German'\n" in text
    assert "  de: Wir sprechen über den Alltag.   # a comment after a value\n" in text
    assert "  uk: |\n    Текст Jede Woche ein neues Thema.\n\n    - Einkaufen\n    - Arzt\nmode: in_person\n" in text


def test_exported_xliff_is_read_by_translate_toolkit(office_site: Path, tmp_path: Path) -> None:
    """translate-toolkit is what Weblate reads XLIFF with; both versions must parse there with our units."""
    version_12 = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    version_21 = export(office_site, "uk", "xliff2", tmp_path / "uk2.xlf")
    store_12 = toolkit_xliff.xlifffile.parsefile(str(version_12))
    store_21 = toolkit_xliff2.Xliff2File.parsefile(str(version_21)) if hasattr(toolkit_xliff2, "Xliff2File") else toolkit_xliff2.xliff2file.parsefile(str(version_21))
    sources_12 = [unit.source for unit in store_12.units if unit.source]
    sources_21 = [unit.source for unit in store_21.units if unit.source]
    assert sources_12 == sources_21
    assert "Jede Woche ein neues Thema.\n\n- Einkaufen\n- Arzt\n" in sources_12
    root = etree.parse(str(version_21)).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "de", "uk")
    assert {element.get(f"{XML}space") for element in root.iter(f"{{{XLIFF2_NS}}}source")} == {"preserve"}


def test_a_file_sent_back_unchanged_changes_nothing(office_site: Path, tmp_path: Path) -> None:
    before = data_digest(office_site)
    for file_format in ("xliff", "xliff2", "csv"):
        exported = export(office_site, "en", file_format, tmp_path / f"en.{file_format}")
        code, out, _ = import_file(office_site, exported)
        assert code == 0
        assert "nichts wurde geändert" in out
    assert data_digest(office_site) == before


def test_outdated_texts_come_with_their_translation_and_a_review_updates_the_fingerprint(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "en", "xliff", tmp_path / "en.xlf")
    units = etree.parse(str(exported)).getroot().findall(f".//{{{XLIFF12_NS}}}trans-unit")
    assert [(unit.getparent().getparent().get("original"), unit.get("id")) for unit in units] == [
        ("data/offers/sportverein-altstadt/schwimmen.yml", field) for field in ("title", "summary", "description")
    ]
    assert units[1].find(f"{{{XLIFF12_NS}}}target").text == "Every Saturday at the indoor pool."
    assert units[1].find(f"{{{XLIFF12_NS}}}target").get("state") == "needs-review-translation"
    fill_xliff12(exported, lambda source: {"Jeden Samstag im Hallenbad, mit Trainerin.": "Every Saturday at the indoor pool, with a coach."}.get(source, "same"))
    assert import_file(office_site, exported)[0] == 0
    text = (office_site / "data/offers/sportverein-altstadt/schwimmen.yml").read_text(encoding="utf-8")
    assert "  en: Every Saturday at the indoor pool, with a coach.\n" in text
    assert "  en: 0123abcd" not in text
    assert statuses(office_site, "en")["data/offers/sportverein-altstadt/schwimmen.yml"] == "current"


def test_a_changed_german_text_refuses_the_whole_file(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    fill_xliff12(exported)
    offer = office_site / "data/offers/sprachschule-nord/deutsch-b1-abend.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("Zweimal pro Woche", "Dreimal pro Woche"), encoding="utf-8")
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert "nichts wurde importiert" in err
    assert "Einheit title (data/offers/sprachschule-nord/deutsch-b1-abend.yml)" in err
    assert "Einheit description (data/offers/sprachschule-nord/deutsch-b1-abend.yml)" in err
    assert data_digest(office_site) == before


def test_unknown_ids_are_refused(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    fill_csv(exported)
    text = exported.read_text(encoding="utf-8-sig")
    text = text.replace("konversation.yml,title,", "konversation.yml,titel,").replace(",data/news/", ",data/nachrichten/")
    exported.write_text(text, encoding="utf-8")
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert "Einheit data/offers/sprachschule-nord/konversation.yml#titel: diesen Text gibt es im Katalog nicht" in err
    assert "data/nachrichten/2026-10-01-neue-kurse.yml#title" in err
    assert data_digest(office_site) == before


@pytest.mark.parametrize("source, target", [("de", "fr"), ("en", "uk"), ("de", "de")])
def test_a_wrong_language_pair_is_refused(office_site: Path, tmp_path: Path, source: str, target: str) -> None:
    exported = export(office_site, "uk", "xliff2", tmp_path / "uk.xlf")
    fill_xliff2(exported)
    root = etree.parse(str(exported)).getroot()
    root.set("srcLang", source)
    root.set("trgLang", target)
    exported.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert f"aus {source} nach {target}" in err
    assert data_digest(office_site) == before


@pytest.mark.parametrize(("content", "said"), [
    (b"<html><body>no</body></html>", "keine Übersetzungsdatei aus diesem Katalog"),
    (b"<xliff", "keine Übersetzungsdatei aus diesem Katalog"),
    (b"\xff\xfe broken", "„CSV UTF-8 (durch Trennzeichen getrennt)“"),
    (b"a,b\r\n1,2\r\n", "keine Übersetzungsdatei aus diesem Katalog"),
])
def test_a_file_that_is_no_exchange_file_is_refused(office_site: Path, tmp_path: Path, content: bytes, said: str) -> None:
    file = tmp_path / "upload.xlf"
    file.write_bytes(content)
    before = data_digest(office_site)
    code, _, err = import_file(office_site, file)
    assert code == 1
    assert said in err and "Traceback" not in err
    assert data_digest(office_site) == before


def test_an_xml_entity_bomb_is_not_expanded(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "xliff", tmp_path / "uk.xlf")
    text = exported.read_text(encoding="utf-8")
    bomb = '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    text = text.replace("?>\n", "?>\n" + bomb + "\n", 1).replace("<source>Schwimmen für Frauen</source>", "<source>Schwimmen für Frauen</source><target state=\"translated\">&c;</target>")
    exported.write_text(text, encoding="utf-8")
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert "DOCTYPE" in err
    assert "a" * 100 not in (office_site / "data/offers/sportverein-altstadt/schwimmen.yml").read_text(encoding="utf-8")
    assert data_digest(office_site) == before


@pytest.mark.parametrize("language, code", [("de", 2), ("fr", 2)])
def test_export_refuses_the_source_language_and_unknown_languages(office_site: Path, tmp_path: Path, language: str, code: int) -> None:
    result = run("translations", "export", "--config", str(office_site / "mkdocs.yml"), "--to", language, "--output", str(tmp_path / "x.xlf"))
    assert result[0] == code
    assert not (tmp_path / "x.xlf").exists()


def test_notes_ride_along_with_each_unit_and_are_ignored_on_import(office_site: Path) -> None:
    settings = read_settings(office_site / "mkdocs.yml")
    catalogue = load_catalogue(settings, today=date.fromisoformat(TODAY)).catalogue
    assert catalogue is not None
    exchange = export_exchange(catalogue, "uk", "de", notes=lambda source, language: [f"Kurs = курс ({language})"] if "kurs" in source.lower() else [])
    with_notes = [unit for unit in exchange.units if unit.notes]
    assert with_notes and all(unit.notes == ("Kurs = курс (uk)",) for unit in with_notes)
    for write, namespace, attribute in ((xliff12_bytes, XLIFF12_NS, "from"), (xliff2_bytes, XLIFF2_NS, "category")):
        root = etree.fromstring(write(exchange))
        hints = [note.text for note in root.iter(f"{{{namespace}}}note") if note.get(attribute) == "hint"]
        assert hints == ["Kurs = курс (uk)"] * len(with_notes)


def test_a_translation_longer_than_the_schema_allows_is_refused(office_site: Path, tmp_path: Path) -> None:
    exported = export(office_site, "uk", "csv", tmp_path / "uk.csv")
    fill_csv(exported, lambda source: "довго " * 100 if source == "Schwimmen für Frauen" else "UK " + source)
    before = data_digest(office_site)
    code, _, err = import_file(office_site, exported)
    assert code == 1
    assert "schwimmen.yml#title: die Übersetzung hat 600 Zeichen, höchstens 400 passen" in err
    assert data_digest(office_site) == before
