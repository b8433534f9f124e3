"""The guard every CSV file of the catalogue puts on its cells (open data, translator files): a spreadsheet runs a
cell that starts with =, +, -, @, a tab or a carriage return as a formula (CSV injection, OWASP), so such a cell
gets a quote mark first, which spreadsheets read as "this is text"."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A cell no spreadsheet runs as a formula: a quote mark before =, +, -, @, tab or carriage return."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def without_guard(cell: str) -> str:
    """A cell as it was before spreadsheet_safe(): the quote mark taken off again where the guard put it."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
