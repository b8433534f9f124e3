"""Where a stage finds what an earlier build made from the same inputs (catalogue.build.build_cache.LanguageCache
is the one the build passes): `part(kind, records, make)` gives the part `kind` made from `records` in the build's
context (product, settings, labels, taxonomy, day), calling `make()` when no earlier build made it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

_T = TypeVar("_T")


class PartCache(Protocol):
    """The build cache as the stages see it: page parts for the renderer, what was read from a data file for the
    loader."""

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], _T]) -> _T: ...


class NoPartCache:
    """Makes every part anew."""

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], _T]) -> _T:
        return make()
