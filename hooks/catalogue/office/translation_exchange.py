"""The files a translator gets and sends back: every missing, outdated or machine-translated text of one language,
with the German source beside it, as XLIFF 1.2, XLIFF 2.1 or CSV - and reading them back.

Why two XLIFF versions: XLIFF 1.2 (OASIS, 2008) is the version Weblate (through translate-toolkit), memoQ and Trados
Studio have read for longest and best; Weblate's XLIFF 2.0 support is young and bilingual only. DeepL's document
translation reads only XLIFF 2.1. Both files carry the same units: one `file` per data file (its path in `original`),
one unit per text, the unit id the text's path in the record (`description`, `schedule.note`,
`locations.1.accessibility`: list positions counted from 1, as `make check` counts them in `locations[1]`; an XML
NMTOKEN, as XLIFF 2 requires; `resname`/`name` and the CSV's `field` column give check's own `locations[1]…`). A note on
every unit holds the fingerprint of the record's German text at the time of the export (catalogue.data.fingerprint), so
the import can tell whether the German text changed in between. Units whose target was already there (outdated or
machine-translated texts) carry it as the target with state `needs-review-translation` (1.2) or `initial` (2.1). The
import takes a target when it is not empty and either its state says a person confirmed it (1.2: no `needs-…`/`new`
state; 2.1: `translated`, `reviewed` or `final`) or it differs from the text the data holds now (tools such as DeepL's
document translation fill targets without touching states). A file sent back unchanged changes nothing.

CSV (RFC 4180, UTF-8 with BOM so that spreadsheet programs read the script right) has the columns
`id, file, field, fingerprint, status, <de>, current <lang>, <lang>`: the translator fills the last column only.
Text cells carry the open data's formula guard (data/spreadsheet.py); the import takes it off.
The import reads what German Excel saves: `;` or `,` between cells, UTF-8 with or without BOM, and Windows-1252
("CSV (Trennzeichen-getrennt)") when the target language is written in Latin letters; any other encoding is
refused with the steps to save as "CSV UTF-8". Files over MAX_CSV_BYTES, cells over MAX_CSV_CELL characters and
a unit given twice are refused.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from babel import Locale, UnknownLocaleError
from lxml import etree

from catalogue.data.model import Catalogue
from catalogue.data.spreadsheet import spreadsheet_safe, without_guard
from catalogue.data.strict_yaml import field_name as check_field_name
from catalogue.figures.translation_status import (
    RECORD_KINDS,
    Record,
    Status,
    records_of_kind,
    translation_status,
    units_to_translate,
    word_count,
)

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
"""XLIFF 2.1 keeps the 2.0 core namespace; the version attribute tells them apart."""
FINGERPRINT_NOTE = "fingerprint"
FORMATS = ("xliff", "xliff2", "csv")
_SKIPPED_STATES_12 = frozenset(
    {
        "new",
        "needs-translation",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-translation",
        "needs-review-adaptation",
        "needs-review-l10n",
    }
)
_CONFIRMED_STATES_2 = frozenset({"translated", "reviewed", "final"})
_CSV_FIXED = ("id", "file", "field", "fingerprint", "status")
MAX_CSV_BYTES = 20 * 1024 * 1024
"""A translator's CSV of the largest catalogue (10,000 offers, 11 languages) stays far below this."""
MAX_CSV_CELL = 25_000
"""The longest text the schema allows is 20,000 characters (common.schema.json `markdown`)."""


class ExchangeFileError(ValueError):
    """The file is not one this module wrote, or it was damaged on the way.

    `key` names the phrase in data/messages.py (`exchange.*`) and `values` fill it, so that the command tells the
    office in its language what is wrong; str() gives the key and values for logs."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(f"{key} {values}")
        self.key = key
        self.values = values


@dataclass(frozen=True)
class ExchangeUnit:
    file: str
    """The data file, relative to the site's root, e.g. 'data/offers/vhs/deutsch-a1.yml'."""
    field: str
    """The text's path in the record, keys and list positions joined by dots: 'schedule.note'."""
    fingerprint: str
    """Of the record's German text when the file was written."""
    source: str
    target: str = ""
    status: Status | str = "missing"
    confirmed: bool = True
    """The file's state says a person confirmed the target (always true for CSV, whose target column starts empty)."""
    notes: tuple[str, ...] = ()
    """Hints for the translator written beside the unit, e.g. glossary entries for terms in the source."""

    @property
    def id(self) -> str:
        return f"{self.file}#{self.field}"


@dataclass(frozen=True)
class Exchange:
    source_language: str
    target_language: str
    units: tuple[ExchangeUnit, ...]

    @property
    def words(self) -> int:
        return sum(word_count(unit.source) for unit in self.units)

    def files(self) -> dict[str, list[ExchangeUnit]]:
        grouped: dict[str, list[ExchangeUnit]] = {}
        for unit in self.units:
            grouped.setdefault(unit.file, []).append(unit)
        return grouped


def field_name(path: Sequence[str | int]) -> str:
    """The text's place in the record as `make check` names it, list positions counted from 1 as people count:
    'locations[1].accessibility' (strict_yaml.field_name)."""
    return check_field_name(tuple(path))


def xliff_id(field: str) -> str:
    """The field as an XLIFF unit id, an XML NMTOKEN (no brackets): 'locations[1].accessibility' ->
    'locations.1.accessibility', the same position counted from 1."""
    return re.sub(r"\[(\d+)\]", r".\1", field)


def field_from_xliff_id(unit_id: str) -> str:
    """The inverse of xliff_id(): 'locations.1.accessibility' -> 'locations[1].accessibility'."""
    name = re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", unit_id)
    return name


NoteMaker = Callable[[str, str], Sequence[str]]
"""(German source text, target language) -> notes for the translator; the glossary's way into the export."""


def export_exchange(
    catalogue: Catalogue,
    language: str,
    default_language: str,
    offers: Iterable[Record] | None = None,
    notes: NoteMaker | None = None,
) -> Exchange:
    """Every text of `language` that is missing, outdated or machine-translated, in actors, offers and news.

    `offers` narrows the offers (the command passes those not ended); records come in file order. `notes`, when
    given, adds hints to each unit (XLIFF 1.2 `<note from="hint">`, 2.1 `<note category="hint">`, CSV not)."""
    units: list[ExchangeUnit] = []
    records: list[Record] = []
    for kind in RECORD_KINDS:
        records.extend(records_of_kind(catalogue, kind, offers))  # type: ignore[arg-type]
    for record in sorted(records, key=lambda record: record.source):
        status = translation_status(record.translation, language)
        for unit in units_to_translate(record.translation, language):
            units.append(
                ExchangeUnit(
                    file=record.source,
                    field=field_name(unit.path),
                    fingerprint=record.translation.fingerprint,
                    source=unit.texts.get(default_language, ""),
                    target=unit.texts.get(language, ""),
                    status=status,
                    confirmed=False,
                    notes=tuple(notes(unit.texts.get(default_language, ""), language)) if notes else (),
                )
            )
    return Exchange(default_language, language, tuple(units))


# -- writing -----------------------------------------------------------------------------------------------------


def xliff12_bytes(exchange: Exchange) -> bytes:
    """XLIFF 1.2 (OASIS Standard, 1 February 2008), one <file> per data file, datatype plaintext."""
    root = etree.Element(f"{{{XLIFF12_NS}}}xliff", nsmap={None: XLIFF12_NS}, version="1.2")
    for file, units in exchange.files().items():
        file_element = etree.SubElement(
            root,
            f"{{{XLIFF12_NS}}}file",
            attrib={
                "original": file,
                "datatype": "plaintext",
                "source-language": exchange.source_language,
                "target-language": exchange.target_language,
            },
        )
        body = etree.SubElement(file_element, f"{{{XLIFF12_NS}}}body")
        for unit in units:
            element = etree.SubElement(body, f"{{{XLIFF12_NS}}}trans-unit", id=xliff_id(unit.field), resname=unit.field)
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            etree.SubElement(element, f"{{{XLIFF12_NS}}}source").text = unit.source
            if unit.target:
                target = etree.SubElement(element, f"{{{XLIFF12_NS}}}target", state="needs-review-translation")
                target.text = unit.target
            etree.SubElement(
                element, f"{{{XLIFF12_NS}}}note", attrib={"from": FINGERPRINT_NOTE}
            ).text = unit.fingerprint
            etree.SubElement(element, f"{{{XLIFF12_NS}}}note", attrib={"from": "status"}).text = str(unit.status)
            for note in unit.notes:
                etree.SubElement(element, f"{{{XLIFF12_NS}}}note", attrib={"from": "hint"}).text = note
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xliff2_bytes(exchange: Exchange) -> bytes:
    """XLIFF Version 2.1 core (OASIS Standard, 13 February 2018): <file id original>, <unit id>, <notes>, <segment>."""
    root = etree.Element(
        f"{{{XLIFF2_NS}}}xliff",
        nsmap={None: XLIFF2_NS},
        version="2.1",
        srcLang=exchange.source_language,
        trgLang=exchange.target_language,
    )
    for number, (file, units) in enumerate(exchange.files().items(), start=1):
        file_element = etree.SubElement(root, f"{{{XLIFF2_NS}}}file", id=f"f{number}", original=file)
        for unit in units:
            element = etree.SubElement(file_element, f"{{{XLIFF2_NS}}}unit", id=xliff_id(unit.field), name=unit.field)
            notes = etree.SubElement(element, f"{{{XLIFF2_NS}}}notes")
            etree.SubElement(notes, f"{{{XLIFF2_NS}}}note", category=FINGERPRINT_NOTE).text = unit.fingerprint
            etree.SubElement(notes, f"{{{XLIFF2_NS}}}note", category="status").text = str(unit.status)
            for note in unit.notes:
                etree.SubElement(notes, f"{{{XLIFF2_NS}}}note", category="hint").text = note
            segment = etree.SubElement(element, f"{{{XLIFF2_NS}}}segment", state="initial")
            source = etree.SubElement(segment, f"{{{XLIFF2_NS}}}source")
            source.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            source.text = unit.source
            if unit.target:
                target = etree.SubElement(segment, f"{{{XLIFF2_NS}}}target")
                target.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                target.text = unit.target
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def csv_text(exchange: Exchange) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    language = exchange.target_language
    writer.writerow((*_CSV_FIXED, exchange.source_language, f"current {language}", language))
    for unit in exchange.units:
        writer.writerow(
            (
                unit.id,
                unit.file,
                unit.field,
                unit.fingerprint,
                unit.status,
                spreadsheet_safe(unit.source),
                spreadsheet_safe(unit.target),
                "",
            )
        )
    return "\ufeff" + out.getvalue()


def exchange_bytes(exchange: Exchange, file_format: str) -> bytes:
    if file_format == "xliff":
        return xliff12_bytes(exchange)
    if file_format == "xliff2":
        return xliff2_bytes(exchange)
    if file_format == "csv":
        return csv_text(exchange).encode("utf-8")
    raise ValueError(f"unknown format {file_format!r}; one of {', '.join(FORMATS)}")


# -- reading -----------------------------------------------------------------------------------------------------


def read_exchange(path: Path) -> Exchange:
    """An exchange file as a translator or a tool sent it back. Raises ExchangeFileError on anything else."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise ExchangeFileError("exchange.too_big", megabytes=MAX_CSV_BYTES // (1024 * 1024))
        content = path.read_bytes()
    except OSError as error:
        raise ExchangeFileError("exchange.unreadable", detail=error.strerror or "") from None
    if content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _read_xliff(content)
    return _read_csv(_csv_text(content))


def _latin_script(language: str) -> bool:
    """Whether the language's own name (CLDR, through Babel) fits into Windows-1252, i.e. Excel's "CSV
    (Trennzeichen-getrennt)" can hold its texts."""
    try:
        name = Locale.parse(language).get_display_name(language) or ""
    except (ValueError, UnknownLocaleError):
        return False
    try:
        name.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return bool(name)


def _csv_text(content: bytes) -> str:
    """The CSV as text: UTF-8 (with or without BOM), else Windows-1252 when the target language fits into it."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    first_line = content.split(b"\n", 1)[0].decode("latin-1").strip()
    target = first_line.replace(";", ",").split(",")[-1].strip().strip('"')
    if _latin_script(target):
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise ExchangeFileError("exchange.not_utf8")


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _read_xliff(content: bytes) -> Exchange:
    try:
        root = etree.fromstring(content, parser=_PARSER)
    except etree.XMLSyntaxError as error:
        raise ExchangeFileError("exchange.broken_xml", line=error.lineno or 1) from None
    if root.getroottree().docinfo.doctype:
        raise ExchangeFileError("exchange.doctype")
    if root.tag == f"{{{XLIFF12_NS}}}xliff":
        return _read_xliff12(root)
    if root.tag == f"{{{XLIFF2_NS}}}xliff":
        return _read_xliff2(root)
    raise ExchangeFileError("exchange.not_xliff")


def _text(element: etree._Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _read_xliff12(root: etree._Element) -> Exchange:
    ns = {"x": XLIFF12_NS}
    units: list[ExchangeUnit] = []
    languages: set[tuple[str, str]] = set()
    for file_element in root.iterfind("x:file", ns):
        languages.add((file_element.get("source-language", ""), file_element.get("target-language", "")))
        original = file_element.get("original", "")
        for element in file_element.iterfind(".//x:trans-unit", ns):
            target = element.find("x:target", ns)
            notes = {note.get("from", ""): _text(note) for note in element.iterfind("x:note", ns)}
            state = target.get("state", "") if target is not None else ""
            units.append(
                ExchangeUnit(
                    file=original,
                    field=field_from_xliff_id(element.get("id", "")),
                    fingerprint=notes.get(FINGERPRINT_NOTE, ""),
                    source=_text(element.find("x:source", ns)),
                    target=_text(target),
                    status=notes.get("status", ""),
                    confirmed=target is not None and state not in _SKIPPED_STATES_12,
                )
            )
    source_language, target_language = _one_language_pair(languages)
    return Exchange(source_language, target_language, tuple(units))


def _read_xliff2(root: etree._Element) -> Exchange:
    ns = {"x": XLIFF2_NS}
    units: list[ExchangeUnit] = []
    for file_element in root.iterfind("x:file", ns):
        original = file_element.get("original", "")
        for element in file_element.iterfind(".//x:unit", ns):
            notes = {note.get("category", ""): _text(note) for note in element.iterfind("x:notes/x:note", ns)}
            segments = element.findall("x:segment", ns)
            source = "".join(_text(segment.find("x:source", ns)) for segment in segments)
            target = "".join(_text(segment.find("x:target", ns)) for segment in segments)
            units.append(
                ExchangeUnit(
                    file=original,
                    field=field_from_xliff_id(element.get("id", "")),
                    fingerprint=notes.get(FINGERPRINT_NOTE, ""),
                    source=source,
                    target=target,
                    status=notes.get("status", ""),
                    confirmed=bool(segments)
                    and all(segment.get("state", "initial") in _CONFIRMED_STATES_2 for segment in segments),
                )
            )
    return Exchange(root.get("srcLang", ""), root.get("trgLang", ""), tuple(units))


def _one_language_pair(pairs: set[tuple[str, str]]) -> tuple[str, str]:
    if len(pairs) > 1:
        raise ExchangeFileError("exchange.mixed_languages", pairs=", ".join(f"{a} → {b}" for a, b in sorted(pairs)))
    return next(iter(pairs), ("", ""))


def _read_csv(text: str) -> Exchange:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise ExchangeFileError("exchange.csv_broken") from None
    if not rows or tuple(rows[0][: len(_CSV_FIXED)]) != _CSV_FIXED or len(rows[0]) != len(_CSV_FIXED) + 3:
        raise ExchangeFileError("exchange.csv_header")
    header = rows[0]
    source_language, target_language = header[len(_CSV_FIXED)], header[-1]
    units: list[ExchangeUnit] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ExchangeFileError("exchange.csv_cells", row=number, cells=len(row), expected=len(header))
        if any(len(cell) > MAX_CSV_CELL for cell in row):
            raise ExchangeFileError("exchange.csv_cell_too_long", row=number, limit=MAX_CSV_CELL)
        values: Mapping[str, str] = dict(zip(_CSV_FIXED, row, strict=False))  # the row's first cells; the texts follow
        unit_id = f"{values['file']}#{values['field']}"
        if unit_id in seen:
            raise ExchangeFileError("exchange.csv_duplicate", row=number, first=seen[unit_id])
        seen[unit_id] = number
        units.append(
            ExchangeUnit(
                file=values["file"],
                field=values["field"],
                fingerprint=values["fingerprint"],
                source=without_guard(row[len(_CSV_FIXED)]),
                target=without_guard(row[-1]),
                status=values["status"],
                confirmed=True,
            )
        )
    return Exchange(source_language, target_language, tuple(units))


def with_target(unit: ExchangeUnit, target: str, confirmed: bool = True) -> ExchangeUnit:
    return replace(unit, target=target, confirmed=confirmed)
