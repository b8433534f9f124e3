"""The office's needs as open data, only where the town switches it on (`extra.catalogue.open_needs`, off by default:
needs may be sensitive). data/needs.json and data/needs.csv hold every recorded need without who reported it and
without the office's comment; numbers of people under 5 are '< 5' (catalogue.figures.need_figures.shown_people)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from catalogue.data.model import Need
from catalogue.data.settings import Settings
from catalogue.figures.need_figures import SMALL_NUMBER, shown_people
from catalogue.publication.visibility import Publication

from .open_data import attribution, spreadsheet_safe

NEED_COLUMNS = (
    "id",
    "title",
    "topic",
    "stage",
    "district",
    "target_group",
    "age_min",
    "age_max",
    "people",
    "source",
    "reported",
    "status",
    "end_date",
)
"""Columns of needs.csv and keys of each need in needs.json; `district` empty (JSON: null) for the whole town."""


def _people(people: int) -> int | str:
    return people if people >= SMALL_NUMBER else shown_people(people)


def need_record(need: Need) -> dict[str, Any]:
    """One need as published: `people` an integer, or the text '< 5' below five."""
    return {
        "id": need.id,
        "title": need.title,
        "topic": need.topic,
        "stage": need.stage,
        "district": need.district,
        "target_group": need.target_group,
        "age_min": need.age_min,
        "age_max": need.age_max,
        "people": _people(need.people),
        "source": need.source,
        "reported": need.reported.isoformat(),
        "status": need.status,
        "end_date": need.end_date.isoformat() if need.end_date else None,
    }


def _published_needs(publication: Publication) -> list[Need]:
    return sorted(
        (need for need in publication.catalogue.needs if need.reported <= publication.today), key=lambda need: need.id
    )


def needs_json(publication: Publication, settings: Settings) -> bytes:
    document = {
        "publisher": attribution(settings),
        "license": settings.licence_url,
        "date": publication.today.isoformat(),
        "note": "Needs recorded by the coordination office; estimates, "
        "not a survey. People under 5 are given as '< 5'.",
        "needs": [need_record(need) for need in _published_needs(publication)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def needs_csv(publication: Publication) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=NEED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for need in _published_needs(publication):
        record = need_record(need)
        writer.writerow(
            {key: spreadsheet_safe("" if record[key] is None else str(record[key])) for key in NEED_COLUMNS}
        )
    return out.getvalue().encode("utf-8")


def open_needs_files(publication: Publication, settings: Settings) -> dict[str, bytes]:
    """File name below data/ -> content: needs.json and needs.csv where `extra.catalogue.open_needs` is true, else
    nothing at all."""
    if not settings.open_needs:
        return {}
    return {"needs.json": needs_json(publication, settings), "needs.csv": needs_csv(publication)}
