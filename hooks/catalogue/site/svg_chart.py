"""Horizontal bar charts as static SVG, made at build time: no chart script, nothing to load.

Each bar has its label above it, so long labels in any script fit a 360 px phone, and its number after it. The chart
is drawn for the eye only (aria-hidden); the table beside it carries the same numbers for screen readers (WCAG 1.1.1).
Colours come from the page's style sheet (classes cat-bar, cat-bar__label, cat-bar__value), so dark mode works.
On a right-to-left page the text inherits the page's direction, and SVG anchors text by its own direction (SVG 2,
text-anchor: `start` is the right-hand end of right-to-left text): so there the label starts at the right edge and
the number starts at the bar's left end, both running leftwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 320
ROW = 36
BAR = 14
LABEL_BASELINE = 13
VALUE_ROOM = 44


def bar_chart(rows: Sequence[tuple[str, int]], *, right_to_left: bool = False) -> Markup:
    """rows: (label, value) in the order shown; values are counts (0 or more)."""
    largest = max((value for _, value in rows), default=0) or 1
    height = ROW * len(rows) + 4
    parts = [
        f'<svg class="cat-chart" viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, (label, value) in enumerate(rows):
        top = index * ROW
        length = round((WIDTH - VALUE_ROOM) * value / largest, 1)
        bar_x = WIDTH - length if right_to_left else 0
        label_x = WIDTH if right_to_left else 0
        value_x = (WIDTH - length - 4) if right_to_left else (length + 4)
        parts.append(
            f'<text class="cat-bar__label" x="{label_x}" y="{top + LABEL_BASELINE}" text-anchor="start">{escape(label)}</text>'
            f'<rect class="cat-bar" x="{bar_x}" y="{top + 18}" width="{max(length, 0.5)}" height="{BAR}" rx="2"></rect>'
            f'<text class="cat-bar__value" x="{value_x}" y="{top + 18 + BAR - 2}" text-anchor="start">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


Bar = tuple[int, str]
"""A bar's length and the text written after it (e.g. '< 5' for a small number)."""


def paired_bar_chart(rows: Sequence[tuple[str, Bar, Bar]], *, right_to_left: bool = False) -> Markup:
    """Two bars per row, on one scale: rows are (label, first, second), e.g. people in need and places. The first bar
    has the class cat-bar, the second cat-bar cat-bar--second; the table beside the chart names them."""
    largest = max((max(first[0], second[0]) for _, first, second in rows), default=0) or 1
    pitch = ROW + BAR + 2
    height = pitch * len(rows) + 4
    parts = [
        f'<svg class="cat-chart" viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
    ]
    label_x = WIDTH if right_to_left else 0
    for index, (label, *values) in enumerate(rows):
        top = index * pitch
        parts.append(
            f'<text class="cat-bar__label" x="{label_x}" y="{top + LABEL_BASELINE}" text-anchor="start">{escape(label)}</text>'
        )
        for offset, ((value, text), extra) in enumerate(zip(values, ("", " cat-bar--second"), strict=True)):
            length = round((WIDTH - VALUE_ROOM) * value / largest, 1)
            y = top + 18 + offset * (BAR + 2)
            bar_x = WIDTH - length if right_to_left else 0
            value_x = (WIDTH - length - 4) if right_to_left else (length + 4)
            parts.append(
                f'<rect class="cat-bar{extra}" x="{bar_x}" y="{y}" width="{max(length, 0.5)}" height="{BAR}" rx="2"></rect>'
                f'<text class="cat-bar__value" x="{value_x}" y="{y + BAR - 2}" text-anchor="start">{escape(text)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
