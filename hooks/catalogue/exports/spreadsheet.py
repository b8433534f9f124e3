"""The published offers as an Excel workbook (Office Open XML, ECMA-376), written by openpyxl.

A German office opens it with a double-click: no separator to guess, numbers stored as numbers (Excel shows them with
the reader's decimal comma), dates as dates. Every text cell is stored as text, so nothing in it runs as a formula.
The same publication gives a byte-identical file: openpyxl's timestamps are set to the publication day.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from catalogue.data.settings import Settings
from catalogue.publication.visibility import Publication

from .open_data import CSV_COLUMNS, licence_note, offer_row

_NUMBER_COLUMNS = frozenset({"age_min", "age_max", "amount_eur"})
_DATE_COLUMNS = frozenset({"registration_deadline", "valid_from", "valid_until", "last_verified"})
_FLAG_COLUMNS = frozenset({"free", "registration_required"})
_WIDEST_COLUMN = 60
_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _typed(column: str, text: str) -> Any:
    if text == "":
        return None
    if column in _NUMBER_COLUMNS:
        return float(text) if "." in text else int(text)
    if column in _DATE_COLUMNS:
        return date.fromisoformat(text)
    if column in _FLAG_COLUMNS:
        return text == "true"
    return text


def offers_xlsx(publication: Publication, settings: Settings) -> bytes:
    """One sheet, one row per published offer, the columns of offers.csv; a second sheet names the licence."""
    catalogue = publication.catalogue
    workbook = Workbook()
    sheet = cast(Worksheet, workbook.active)  # a new workbook has one sheet, a worksheet, and it is the active one
    sheet.title = "Angebote"
    sheet.append(list(CSV_COLUMNS))
    for header in sheet[1]:
        header.font = Font(bold=True)
    widths = [len(column) for column in CSV_COLUMNS]
    offers = sorted(publication.offers, key=lambda offer: offer.id)
    for row_number, offer in enumerate(offers, start=2):  # below the header; openpyxl's max_row counts every cell
        row = offer_row(offer, catalogue.actors[offer.actor], catalogue.taxonomy, settings)
        cells = []
        for index, column in enumerate(CSV_COLUMNS):
            cell = Cell(sheet, row=row_number, column=index + 1, value=_typed(column, row[column]))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with =
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            widths[index] = max(widths[index], len(row[column]))
            cells.append(cell)
        sheet.append(cells)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _WIDEST_COLUMN)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    about = workbook.create_sheet("Lizenz")
    about.append([licence_note(settings)])
    moment = datetime.combine(publication.today, time(0, 0))
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = settings.office
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_fixed_dates(buffer.getvalue(), moment)


def _with_fixed_dates(archive: bytes, moment: datetime) -> bytes:
    """The same zip with every member dated moment, so that two builds on one day give the same bytes.

    openpyxl sets the document's modification time to the moment of saving; it becomes moment too."""
    stamp = moment.timetuple()[:6]
    written = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(member.filename)
            if member.filename == _CORE_PROPERTIES:
                content = _MODIFIED.sub(lambda match: match.group(1) + written + match.group(2), content)
            target.writestr(info, content)
    return output.getvalue()
