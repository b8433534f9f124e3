"""The "did you mean …?" of every message that names a value the data does not know: the known value closest to it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CLOSE_ENOUGH = 0.6
"""The least similarity (difflib's ratio: twice the matching characters over all characters, 0 to 1) at which a
known value is offered: `Deutsch-A1` finds `deutsch-a1-kurs`, `xyz` finds nothing."""


def closest(word: object, candidates: Iterable[str], *, cutoff: float = CLOSE_ENOUGH) -> str | None:
    """The candidate most like `word`, letter case aside, written as the candidate is; None when `word` is not a
    string (a number or a list where a name belongs) or no candidate reaches `cutoff` (0 to 1)."""
    if not isinstance(word, str):
        return None
    lowered: dict[str, str] = {}
    for candidate in candidates:
        lowered.setdefault(candidate.lower(), candidate)
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[matches[0]] if matches else None
