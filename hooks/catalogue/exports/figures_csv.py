"""The numbers of the "Zahlen & Daten" page as CSV files (RFC 4180, UTF-8, CRLF), one per chart or matrix, for a
council's own spreadsheets: data/figures/<name>.csv. Keys are the catalogue's ids; names are in the site's default
language, as in the taxonomy."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from catalogue.figures.history import QuarterCount
from catalogue.figures.need_figures import NeedFigures, shown_people
from catalogue.figures.statistics import CHARTS, MATRICES, NO_DISTRICT, Figures, chart_counts, matrix
from catalogue.publication.visibility import Publication

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
        files[f"{chart}.csv"] = _csv(
            [
                ("key", "name", "offers", "published_offers"),
                *(
                    (item.key, _name(publication, chart, item.key, language), item.count, figures.offers)
                    for item in chart_counts(figures, chart)
                ),
            ]
        )
    for name in MATRICES:
        table = matrix(figures, name)
        files[f"{name}.csv"] = _csv(
            [("category", *table.columns), *((row, *cells) for row, cells in zip(table.rows, table.cells, strict=True))]
        )
    if history is not None:
        files["quarters.csv"] = _csv(
            [("quarter", "added", "ended"), *((row.quarter, row.added, row.ended) for row in history)]
        )
    return files


def need_csv_files(numbers: NeedFigures, publication: Publication, language: str) -> dict[str, str]:
    """File name -> CSV text for the needs beside offers (catalogue.figures.need_figures); people below 5 as '< 5'.

    needs_districts.csv and needs_ages.csv: category, column (district id, '*' for the whole town, or age band),
    offers, open_needs, people. needs_gaps.csv: topic, district, people, open_needs, matching_offers, seats (empty
    when unknown), offers_giving_seats, measured_against ('seats' or 'offers'). waiting_lists.csv: category,
    offers_with_waiting_list, people_waiting, oldest_as_of. need_quarters.csv: quarter, recorded, addressed."""
    files: dict[str, str] = {}
    for name, table in (("needs_districts", numbers.by_district), ("needs_ages", numbers.by_age_band)):
        files[f"{name}.csv"] = _csv(
            [
                ("category", "column", "offers", "open_needs", "people"),
                *(
                    (row, column, cell.offers, cell.needs, shown_people(cell.people) if cell.needs else 0)
                    for row, cells in zip(table.rows, table.cells, strict=True)
                    for column, cell in zip(table.columns, cells, strict=True)
                ),
            ]
        )
    files["needs_gaps.csv"] = _csv(
        [
            (
                "topic",
                "district",
                "people",
                "open_needs",
                "matching_offers",
                "seats",
                "offers_giving_seats",
                "measured_against",
            ),
            *(
                (
                    gap.topic,
                    gap.district,
                    shown_people(gap.people),
                    gap.needs,
                    gap.offers,
                    "" if gap.seats is None else gap.seats,
                    gap.seats_known,
                    gap.measured_against,
                )
                for gap in numbers.gaps
            ),
        ]
    )
    files["waiting_lists.csv"] = _csv(
        [
            ("category", "offers_with_waiting_list", "people_waiting", "oldest_as_of"),
            *(
                (row.topic, row.offers, row.people, row.oldest.isoformat() if row.oldest else "")
                for row in numbers.waiting_lists
            ),
        ]
    )
    files["need_quarters.csv"] = _csv(
        [("quarter", "recorded", "addressed"), *((row.quarter, row.opened, row.addressed) for row in numbers.quarters)]
    )
    return files
