"""The numbers of the "Zahlen & Daten" page as CSV files (RFC 4180, UTF-8, CRLF), one per chart or matrix, for a
council's own spreadsheets: data/figures/<name>.csv. Keys are the catalogue's ids; names are in the site's default
language, as in the taxonomy."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

from catalogue.data.history import QuarterCount
from catalogue.data.publication import Publication
from catalogue.data.statistics import CHARTS, MATRICES, NO_DISTRICT, Figures, chart_counts, matrix

FIGURES_FOLDER = "figures"


def _csv(rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _name(publication: Publication, chart: str, key: str, language: str) -> str:
    taxonomy = publication.catalogue.taxonomy
    if chart == "categories":
        return taxonomy.category(key).label.get(language, key)
    if chart == "districts" and key != NO_DISTRICT:
        return taxonomy.district(key).label.get(language, key)
    return ""


def figures_csv_files(
    figures: Figures, publication: Publication, language: str, history: Sequence[QuarterCount] | None
) -> dict[str, str]:
    """File name -> CSV text. Charts: key, name, offers, published_offers. Matrices: the row key, then one column per
    column key. Quarters (only with the data's history): quarter, added, ended."""
    files: dict[str, str] = {}
    for chart in CHARTS:
        files[f"{chart}.csv"] = _csv([
            ("key", "name", "offers", "published_offers"),
            *((item.key, _name(publication, chart, item.key, language), item.count, figures.offers) for item in chart_counts(figures, chart)),
        ])
    for name in MATRICES:
        table = matrix(figures, name)
        files[f"{name}.csv"] = _csv([("category", *table.columns), *((row, *cells) for row, cells in zip(table.rows, table.cells))])
    if history is not None:
        files["quarters.csv"] = _csv([("quarter", "added", "ended"), *((row.quarter, row.added, row.ended) for row in history)])
    return files
