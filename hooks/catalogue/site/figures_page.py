"""What the "Zahlen & Daten" page shows, in one reader's words: a chart and a table per figure, the two matrices, the
quarters. The numbers come from catalogue.figures.statistics, the same the CSV downloads hold."""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_percent
from markupsafe import Markup

from catalogue.figures.statistics import AGE_BANDS, CHARTS, MATRICES, NO_DISTRICT, Figures, chart_counts, matrix
from catalogue.language.formatting import cldr_locale
from catalogue.language.reader_language import ReaderLanguage, direction_of
from catalogue.publication.visibility import Publication

from .svg_chart import bar_chart


@dataclass(frozen=True)
class ChartView:
    name: str
    title: Markup
    note: Markup
    key_heading: Markup
    rows: tuple[tuple[str, int, str], ...]
    """(label, offers, share of all published offers as the reader writes percentages)."""
    shares: bool
    svg: Markup


@dataclass(frozen=True)
class MatrixView:
    name: str
    title: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    gaps: int


def key_label(reader: ReaderLanguage, publication: Publication, chart: str, key: str) -> str:
    """The reader's name of one row of a chart or a matrix: plain text, or Markup where it is an interface label."""
    taxonomy = publication.catalogue.taxonomy
    if chart == "areas":
        return reader.t(f"figures.area.{key}")
    if chart == "categories":
        return reader.plain(taxonomy.category(key).label)
    if chart == "districts":
        return reader.t("figures.no_district") if key == NO_DISTRICT else reader.plain(taxonomy.district(key).label)
    if chart == "ages":
        band = next(band for band in AGE_BANDS if band[0] == key)
        if band[2] is None:
            return reader.plural("offer.age_from", band[1], min=reader.number(band[1]))
        return reader.plural("offer.ages", band[2], min=reader.number(band[1]), max=reader.number(band[2]))
    if chart in ("offer_languages", "readable", "coverage"):
        return reader.language_name(key)
    if chart == "costs":
        return reader.t("offer.free" if key == "free" else "figures.paid")
    return reader.t(f"mode.{key}")


def _percent(reader: ReaderLanguage, part: int, whole: int) -> str:
    return format_percent(part / whole if whole else 0, locale=cldr_locale(reader.code))


def chart_views(figures: Figures, publication: Publication, reader: ReaderLanguage) -> list[ChartView]:
    views = []
    for name in CHARTS:
        counts = chart_counts(figures, name)
        rows = tuple(
            (key_label(reader, publication, name, item.key), item.count, _percent(reader, item.count, figures.offers))
            for item in counts
        )
        views.append(
            ChartView(
                name=name,
                title=reader.t(f"figures.{name}"),
                note=reader.t(f"figures.{name}_note") if name in ("areas", "coverage") else Markup(""),
                key_heading=reader.t(f"figures.key.{name}"),
                rows=rows,
                shares=name in ("readable", "coverage", "costs", "modes"),
                svg=bar_chart(
                    [(label, value) for label, value, _ in rows], right_to_left=direction_of(reader.code) == "rtl"
                ),
            )
        )
    return views


def matrix_views(figures: Figures, publication: Publication, reader: ReaderLanguage) -> list[MatrixView]:
    views = []
    for name in MATRICES:
        table = matrix(figures, name)
        column_chart = "districts" if name.endswith("districts") else "ages"
        views.append(
            MatrixView(
                name=name,
                title=reader.t(f"figures.{name}"),
                columns=tuple(key_label(reader, publication, column_chart, key) for key in table.columns),
                rows=tuple(
                    (key_label(reader, publication, "categories", key), cells)
                    for key, cells in zip(table.rows, table.cells, strict=True)
                ),
                gaps=table.gaps(),
            )
        )
    return views
