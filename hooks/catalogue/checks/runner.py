"""Runs every check over the catalogue's files and gives their problems, errors and warnings alike.

A file that matches its schema is checked whole. A record the schema refused in parts (a 3,000-character title, a
time "25:00") is checked in the parts it took, so that one run says everything; a check that needs a refused value
says nothing about it, since the schema has said it already. A file that could not be read is not checked, and
references to it are not reported again: one mistake, one message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from catalogue.data.data_file import DataFile
from catalogue.data.problems import Problem
from catalogue.data.schema_loading import Kind

from . import (
    glossary_forms,
    labels_files,
    orders,
    references,
    text_safety,
    translations,
)
from .context import CheckContext, Checking

TRANSLATED_KINDS: frozenset[Kind] = frozenset({"offer", "actor", "news"})
"""Kinds whose translation completeness is reported; the taxonomy and labels are checked by other rules."""

FileCheck = Callable[[Checking, DataFile], Iterator[Problem]]

_RECORD_CHECKS: dict[Kind, tuple[FileCheck, ...]] = {
    "actor": (references.actor,),
    "offer": (
        references.offer_actor,
        references.offer_terms,
        references.offer_locations,
        orders.offer_orders,
        references.offer_languages,
        translations.stale,
        orders.capacity,
    ),
    "news": (references.news_offers,),
    "need": (
        references.id_matches_file,
        orders.need_file_month,
        references.need_terms,
        orders.ages,
        orders.need_dates,
    ),
}
"""The checks of one record, after its texts (and, for translated kinds, its id and translations)."""


def check_catalogue(files: Iterable[DataFile], context: CheckContext) -> list[Problem]:
    """Every problem the checks find in files, in the order they are found (callers sort them)."""
    check = Checking(list(files), context)
    return list(_run(check))


def _run(check: Checking) -> Iterator[Problem]:
    for kind in check.by_kind:
        for file in check.checked_files(kind):
            if kind not in ("labels", "glossary"):
                yield from _checked(file, text_safety.texts(check, file))
            if kind in TRANSLATED_KINDS:
                yield from _checked(file, references.id_matches_file(check, file))
                yield from _checked(file, translations.translations(check, file))
    for file in check.valid_files("taxonomy"):
        yield from references.taxonomy(check, file)
    yield from references.duplicate_offer_ids(check)
    for kind, file_checks in _RECORD_CHECKS.items():
        for file in check.checked_files(kind):
            for file_check in file_checks:
                yield from _checked(file, file_check(check, file))
    yield from labels_files.labels(check)
    yield from glossary_forms.glossary_forms(check)


def _checked(file: DataFile, problems: Iterator[Problem]) -> Iterator[Problem]:
    """The problems of one check of one file; for a file the schema refused in parts, the check ends quietly where
    it needs a value that was refused (a KeyError on the document without it)."""
    if file.valid:
        yield from problems
        return
    try:
        yield from problems
    except KeyError:
        return
