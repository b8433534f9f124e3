"""The "Zahlen & Daten" page's part about needs, in one reader's words: open needs beside offers per topic and
district and per topic and age band, the gaps, the waiting lists and the needs per quarter. The numbers come from
catalogue.figures.need_figures, the same the CSV downloads hold; people below 5 are shown as '< 5'."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from catalogue.figures.need_figures import WHOLE_TOWN, NeedFigures, NeedMatrix, shown_people
from catalogue.language.reader_language import ReaderLanguage, direction_of
from catalogue.publication.visibility import Publication

from .figures_page import key_label
from .svg_chart import bar_chart, paired_bar_chart


@dataclass(frozen=True)
class NeedMatrixView:
    name: str
    title: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...]
    """(row label, cells): each cell (offers, people or '–', whether people in need meet no offer there)."""


@dataclass(frozen=True)
class GapView:
    label: str
    people: str
    against: Markup
    """'60 places (1 of 2 matching offers give places)' or '1 matching offer, places unknown'."""


@dataclass(frozen=True)
class WaitingView:
    label: str
    offers: int
    people: int


@dataclass(frozen=True)
class NeedsView:
    figures: NeedFigures
    matrices: tuple[NeedMatrixView, ...]
    gaps: tuple[GapView, ...]
    gap_chart: Markup
    waiting: tuple[WaitingView, ...]
    waiting_chart: Markup


def _matrix_view(
    reader: ReaderLanguage, publication: Publication, name: str, matrix: NeedMatrix, column_chart: str
) -> NeedMatrixView:
    def column_label(key: str) -> str:
        return (
            str(reader.t("figures.whole_town"))
            if key == WHOLE_TOWN
            else key_label(reader, publication, column_chart, key)
        )

    rows = []
    for key, cells in zip(matrix.rows, matrix.cells, strict=True):
        shown = tuple(
            (
                reader.number(cell.offers),
                shown_people(cell.people) if cell.needs else "–",
                bool(cell.needs) and cell.offers == 0,
            )
            for cell in cells
        )
        rows.append((key_label(reader, publication, "categories", key), shown))
    return NeedMatrixView(
        name, reader.t(f"figures.{name}"), tuple(column_label(key) for key in matrix.columns), tuple(rows)
    )


def _place(reader: ReaderLanguage, publication: Publication, district: str) -> str:
    return (
        str(reader.t("figures.whole_town"))
        if district == WHOLE_TOWN
        else key_label(reader, publication, "districts", district)
    )


def needs_view(figures: NeedFigures, publication: Publication, reader: ReaderLanguage) -> NeedsView:
    gaps = []
    chart_rows = []
    for gap in figures.gaps:
        label = (
            f"{key_label(reader, publication, 'categories', gap.topic)} – {_place(reader, publication, gap.district)}"
        )
        if gap.seats is not None:
            against = reader.t(
                "figures.gap_seats",
                seats=reader.number(gap.seats),
                known=reader.number(gap.seats_known),
                offers=reader.number(gap.offers),
            )
            unit = gap.seats
        else:
            against = reader.t("figures.gap_offers", offers=reader.number(gap.offers))
            unit = gap.offers
        gaps.append(GapView(label, shown_people(gap.people), against))
        chart_rows.append((label, (gap.people, shown_people(gap.people)), (unit, reader.number(unit))))
    waiting = tuple(
        WaitingView(key_label(reader, publication, "categories", row.topic), row.offers, row.people)
        for row in figures.waiting_lists
    )
    right_to_left = direction_of(reader.code) == "rtl"
    return NeedsView(
        figures=figures,
        matrices=(
            _matrix_view(reader, publication, "needs_districts", figures.by_district, "districts"),
            _matrix_view(reader, publication, "needs_ages", figures.by_age_band, "ages"),
        ),
        gaps=tuple(gaps),
        gap_chart=paired_bar_chart(chart_rows, right_to_left=right_to_left) if chart_rows else Markup(""),
        waiting=waiting,
        waiting_chart=bar_chart([(row.label, row.people) for row in waiting], right_to_left=right_to_left)
        if waiting
        else Markup(""),
    )
