"""Characters no reader can see, that turn text around, or that come decomposed: the rules apply to parsed values,
whatever the file writes them as, and every export built from what passes is read back by a real parser."""
from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from catalogue.checks.loading import load_catalogue
from catalogue.data.messages import Messages
from catalogue.publication.visibility import publish
from catalogue.data.settings import read_settings
from catalogue.data.strict_yaml import parse_yaml_text
from catalogue.exports.atom_feed import atom_feed
from catalogue.exports.open_data import offers_csv, offers_json
from catalogue.language.reader_language import ReaderLanguage
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

TREE = Path(__file__).parent / "data" / "valid" / "tree"
TODAY = date(2026, 11, 26)
NEWS = "data/news/2026-10-01-neue-kurse.yml"
OFFER = "data/offers/sprachschule-nord/deutsch-a1.yml"

REFUSED = [*map(chr, range(0x00, 0x09)), "\x0b", "\x0c", *map(chr, range(0x0E, 0x20)), "\x7f", "\x80", "\x9f", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]
DIRECTION_CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
REMOVED = ["\u200b", "\u2060", "\ufeff", "\u180e"]
KEPT = ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u00ad", "\t", "\n"]


def read(text: str) -> tuple[object, list[str]]:
    result = parse_yaml_text(text, "case.yml", Messages("en"))
    data = result.document.data if result.document else None
    return data, [f"{problem.line}:{problem.column} {problem.message}" for problem in result.problems]


def escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@pytest.mark.parametrize("character", REFUSED, ids=lambda character: f"U+{ord(character):04X}")
def test_a_control_character_written_as_an_escape_is_refused_at_the_escape(character: str) -> None:
    data, problems = read(f'title:\n  de: "Neue Kurse{escaped(character)} im Frühjahr"\n')
    assert data is None
    assert problems == [f"2:18 `title.de` contains the invisible control character U+{ord(character):04X}, written as a code with a backslash"]


@pytest.mark.parametrize("written", ["\\0", "\\a", "\\b", "\\v", "\\f", "\\e"])
def test_one_letter_escapes_of_control_characters_are_refused(written: str) -> None:
    _, problems = read(f'summary: "ab{written}"\n')
    assert len(problems) == 1 and problems[0].startswith("1:13 `summary` contains the invisible control character")


@pytest.mark.parametrize("character", DIRECTION_CONTROLS, ids=lambda character: unicodedata.name(character))
@pytest.mark.parametrize("written_as", ["itself", "escape"])
def test_a_direction_control_is_refused_where_it_stands(character: str, written_as: str) -> None:
    written = character if written_as == "itself" else escaped(character)
    data, problems = read(f'name:\n  ar: "مدرسة {written}Kita Nord"\n')
    assert data is None
    assert problems == [f"2:14 `name.ar` contains the invisible character U+{ord(character):04X} {unicodedata.name(character)}, which changes the direction of the text around it"]


@pytest.mark.parametrize("character", REMOVED, ids=lambda character: unicodedata.name(character))
def test_zero_width_spaces_and_joiners_are_removed_without_a_problem(character: str) -> None:
    data, problems = read(f"title: Deutsch{character}kurs\nlist: ['a{character}b']\n")
    assert problems == []
    assert data == {"title": "Deutschkurs", "list": ["ab"]}


@pytest.mark.parametrize("character", KEPT, ids=lambda character: unicodedata.name(character, repr(character)))
def test_joiners_marks_and_soft_hyphens_stay(character: str) -> None:
    data, problems = read(f'title: "می{escaped(character)}خواهم"\n')
    assert problems == []
    assert data == {"title": unicodedata.normalize("NFC", f"می{character}خواهم")}


def test_decomposed_text_is_read_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Bürgerstiftung für Übergänge, Ağ, Йод")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    data, problems = read(f"name: {decomposed}\nquoted: '{decomposed}'\nlist: [{decomposed}]\n")
    assert problems == []
    assert data == {"name": "Bürgerstiftung für Übergänge, Ağ, Йод", "quoted": "Bürgerstiftung für Übergänge, Ağ, Йод", "list": ["Bürgerstiftung für Übergänge", "Ağ", "Йод"]}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_written_in_double_quotes_is_refused_or_safe_for_xml_and_composed(text: str) -> None:
    data, problems = read("title: " + json.dumps(text) + "\n")
    if data is None:
        assert problems
        return
    value = data["title"]
    assert unicodedata.is_normalized("NFC", value)
    assert not any(character in value for character in DIRECTION_CONTROLS + REMOVED)
    element = etree.Element("title")
    element.text = value  # lxml refuses text that XML 1.0 cannot hold
    assert (etree.fromstring(etree.tostring(element, encoding="utf-8")).text or "") == value
    value.encode("utf-8")


# -- end to end: a small site the test owns ------------------------------------------------------------------------


def site_with(tmp_path: Path, path: str, old: str, new: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(TREE, site)
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return site


def test_the_issue_example_stops_the_check_before_it_reaches_the_feed(tmp_path: Path) -> None:
    site = site_with(tmp_path, NEWS, "title: {de: Neue Deutschkurse,", 'title: {de: "Neue Kurse\\x10 im Frühjahr",')
    loaded = load_catalogue(read_settings(site / "mkdocs.yml"), today=TODAY, message_language="en")
    assert loaded.catalogue is None
    assert [(error.path, error.message) for error in loaded.errors] == [
        (NEWS, "`title.de` contains the invisible control character U+0010, written as a code with a backslash")
    ]


def test_decomposed_text_reaches_every_export_composed_and_the_file_stays_as_written(tmp_path: Path) -> None:
    offer = (TREE / OFFER).read_text(encoding="utf-8")
    title_line = next(line for line in offer.splitlines() if line.startswith("  de:"))
    decomposed = unicodedata.normalize("NFD", "Deutsch für Mütter – Übungsgruppe")
    site = site_with(tmp_path, OFFER, title_line, f"  de: {decomposed}")
    news_file = site / NEWS
    news_file.write_text(news_file.read_text(encoding="utf-8").replace("{de: Neue Deutschkurse,", "{de: " + unicodedata.normalize("NFD", "Neue Kurse für Mütter") + ",", 1), encoding="utf-8")
    before = {file: file.read_bytes() for file in (site / OFFER, news_file)}
    settings_ = read_settings(site / "mkdocs.yml")
    loaded = load_catalogue(settings_, today=TODAY)
    assert loaded.catalogue is not None, loaded.errors
    publication = publish(loaded.catalogue, TODAY)
    composed = "Deutsch für Mütter – Übungsgruppe"
    document = json.loads(offers_json(publication, settings_))
    assert composed in [entry["title"]["de"] for entry in document["offers"]]
    rows = list(csv.DictReader(io.StringIO(offers_csv(publication, settings_).decode("utf-8-sig"))))
    assert composed in [value for row in rows for value in row.values()]
    reader = ReaderLanguage(settings_, "de", labels=loaded.labels["de"])
    feed = etree.fromstring(atom_feed(publication, reader, updated=TODAY))
    assert "Neue Kurse für Mütter" in [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    for export in (offers_json(publication, settings_), offers_csv(publication, settings_), atom_feed(publication, reader, updated=TODAY)):
        assert unicodedata.is_normalized("NFC", export.decode("utf-8"))
    assert {file: file.read_bytes() for file in before} == before


# -- isolation on the page: one field cannot reorder its neighbours ------------------------------------------------


@pytest.mark.parametrize("code", ["de", "ar"])
def test_names_and_texts_inside_sentences_are_isolated(code: str) -> None:
    settings_ = read_settings(TREE / "mkdocs.yml")
    reader = ReaderLanguage(settings_, code, labels={})
    rtl_name = {"de": "مدرسة الأمل 3", code: "مدرسة الأمل 3"}
    assert reader.name(rtl_name) == "<bdi>مدرسة الأمل 3</bdi>"
    assert reader.isolated("VHS <Nord>", code) == "<bdi>VHS &lt;Nord&gt;</bdi>"
    assert reader.inline({code: "Kita 1 – 3"}) == "<bdi>Kita 1 – 3</bdi>"
    if code != "de":
        assert reader.name({"de": "Kita Nord"}) == '<bdi lang="de" dir="ltr">Kita Nord</bdi>'
        assert reader.inline({"de": "mit Pass"}) == '<span class="cat-fallback" lang="de" dir="ltr">mit Pass</span>'
