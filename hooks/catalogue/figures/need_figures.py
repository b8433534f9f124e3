"""Needs beside offers, for the council: the office's recorded needs (data/needs/) counted against the published offers
and their capacity, on the day of the build.

Counting rules (the page and the CSV downloads say them too):
- A need is open on a day when it was reported by then, is not addressed, and its end date (if any) has not passed.
- A need counts once under its topic and once under its stage of life where the two differ, like an offer under each
  of its categories. A need without a district counts for the whole town (column WHOLE_TOWN).
- An offer meets a need when it is published, has the need's topic among its categories, takes place in the need's
  district (any district for a whole-town need) and its ages overlap the need's ages (no ages: all).
- The gap of a group of open needs (one topic, one district or the whole town) sets the people in need against the
  places of the offers that meet them where those offers give `capacity.seats`, and against the number of such offers
  where none does.
- Waiting lists count only capacity numbers at most CAPACITY_SHOWN_MONTHS old, as the site shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from catalogue.data.model import Need, Offer
from catalogue.figures.history import quarter_of
from catalogue.figures.statistics import AGE_BANDS, offer_age_bands, offer_districts
from catalogue.publication.capacity import shown_capacity
from catalogue.publication.visibility import Publication

WHOLE_TOWN = "*"
"""The column of needs that concern the whole town, and of all offers whatever their district."""
SMALL_NUMBER = 5
"""Numbers of people below this are published as '< 5', so that no one person stands out of a small district."""


@dataclass(frozen=True)
class NeedCell:
    offers: int
    needs: int
    people: int


@dataclass(frozen=True)
class NeedMatrix:
    """Open needs beside published offers: rows are categories (topic or stage), columns districts or age bands."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[NeedCell, ...], ...]


@dataclass(frozen=True)
class Gap:
    """One group of open needs (a topic in a district, or in the whole town) against what meets it."""

    topic: str
    district: str
    """A district id, or WHOLE_TOWN."""
    people: int
    needs: int
    offers: int
    seats: int | None
    """The places of the offers that meet the needs and give `capacity.seats`; None when none gives them."""
    seats_known: int
    """How many of those offers give their seats."""

    @property
    def measured_against(self) -> str:
        """'seats' or 'offers'."""
        return "seats" if self.seats is not None else "offers"

    @property
    def people_per_unit(self) -> float | None:
        """People in need per place (or per offer, where places are unknown); None when there is nothing at all."""
        unit = self.seats if self.seats is not None else self.offers
        return self.people / unit if unit else None


@dataclass(frozen=True)
class WaitingList:
    topic: str
    offers: int
    """Offers of the topic with a waiting list of current numbers."""
    people: int
    oldest: date | None
    """The oldest `capacity.as_of` among them."""


@dataclass(frozen=True)
class NeedQuarter:
    quarter: str
    """'2026-Q3'."""
    opened: int
    addressed: int


@dataclass(frozen=True)
class NeedFigures:
    today: date
    recorded: int
    """Needs in the data, whatever their status."""
    open: int
    people: int
    """People in the open needs."""
    latest_report: date | None
    """The newest `reported` date of any need: how current the office's records are."""
    by_district: NeedMatrix
    by_age_band: NeedMatrix
    gaps: tuple[Gap, ...]
    waiting_lists: tuple[WaitingList, ...]
    quarters: tuple[NeedQuarter, ...]


def need_districts(need: Need) -> tuple[str, ...]:
    return (need.district or WHOLE_TOWN,)


def need_age_bands(need: Need) -> tuple[str, ...]:
    low = need.age_min if need.age_min is not None else 0
    high = need.age_max if need.age_max is not None else 200
    return tuple(band for band, start, end in AGE_BANDS if low <= (end if end is not None else 200) and high >= start)


def _ages_overlap(offer: Offer, need: Need) -> bool:
    low = max(offer.age_min or 0, need.age_min or 0)
    high = min(200 if offer.age_max is None else offer.age_max, 200 if need.age_max is None else need.age_max)
    return low <= high


def offers_meeting(need: Need, publication: Publication) -> tuple[Offer, ...]:
    """The published offers in the need's topic, district (any, for the whole town) and ages (see the module)."""
    return tuple(
        offer
        for offer in publication.offers
        if need.topic in offer.categories
        and (need.district is None or need.district in offer_districts(offer, publication))
        and _ages_overlap(offer, need)
    )


def open_needs(needs: Iterable[Need], today: date) -> tuple[Need, ...]:
    return tuple(need for need in needs if need.is_open(today))


def shown_people(people: int) -> str:
    """A number of people as published: '< 5' below SMALL_NUMBER, else the number."""
    return f"< {SMALL_NUMBER}" if people < SMALL_NUMBER else str(people)


def _need_matrix(
    rows: Sequence[str],
    columns: Sequence[str],
    offer_keys: Sequence[tuple[Sequence[str], Sequence[str]]],
    need_keys: Sequence[tuple[Need, Sequence[str], Sequence[str]]],
) -> NeedMatrix:
    row_index = {key: index for index, key in enumerate(rows)}
    column_index = {key: index for index, key in enumerate(columns)}
    offers = [[0] * len(columns) for _ in rows]
    needs = [[0] * len(columns) for _ in rows]
    people = [[0] * len(columns) for _ in rows]
    for row_keys, column_keys in offer_keys:
        for row in set(row_keys) & row_index.keys():
            for column in set(column_keys) & column_index.keys():
                offers[row_index[row]][column_index[column]] += 1
    for need, row_keys, column_keys in need_keys:
        for row in set(row_keys) & row_index.keys():
            for column in set(column_keys) & column_index.keys():
                needs[row_index[row]][column_index[column]] += 1
                people[row_index[row]][column_index[column]] += need.people
    return NeedMatrix(
        tuple(rows),
        tuple(columns),
        tuple(
            tuple(NeedCell(offers[r][c], needs[r][c], people[r][c]) for c in range(len(columns)))
            for r in range(len(rows))
        ),
    )


def _gaps(needs: Sequence[Need], publication: Publication) -> tuple[Gap, ...]:
    groups: dict[tuple[str, str], list[Need]] = {}
    for need in needs:
        groups.setdefault((need.topic, need.district or WHOLE_TOWN), []).append(need)
    order = {term.id: index for index, term in enumerate(publication.catalogue.taxonomy.categories)}
    districts = {term.id: index for index, term in enumerate(publication.catalogue.taxonomy.districts)}
    gaps = []
    for (topic, district), members in sorted(
        groups.items(), key=lambda item: (order.get(item[0][0], 99), districts.get(item[0][1], 99))
    ):
        meeting = {offer.id: offer for need in members for offer in offers_meeting(need, publication)}
        with_seats = [
            offer.capacity.seats
            for offer in meeting.values()
            if offer.capacity is not None and offer.capacity.seats is not None
        ]
        gaps.append(
            Gap(
                topic=topic,
                district=district,
                people=sum(need.people for need in members),
                needs=len(members),
                offers=len(meeting),
                seats=sum(with_seats) if with_seats else None,
                seats_known=len(with_seats),
            )
        )
    return tuple(gaps)


def waiting_lists(publication: Publication) -> tuple[WaitingList, ...]:
    """Per category, in the taxonomy's order: published offers whose current capacity has people waiting."""
    rows = []
    for term in publication.catalogue.taxonomy.categories:
        waiting = [
            capacity
            for offer in publication.offers_in_category(term.id)
            if (capacity := shown_capacity(offer, publication.today)) is not None and capacity.waiting_list > 0
        ]
        if waiting:
            rows.append(
                WaitingList(
                    term.id,
                    len(waiting),
                    sum(item.waiting_list for item in waiting),
                    min(item.as_of for item in waiting),
                )
            )
    return tuple(rows)


def need_quarters(needs: Sequence[Need], today: date) -> tuple[NeedQuarter, ...]:
    """Needs reported and addressed per calendar quarter, from the first quarter with a need up to today's."""
    if not needs:
        return ()
    opened: dict[str, int] = {}
    addressed: dict[str, int] = {}
    for need in needs:
        if need.reported <= today:
            opened[quarter_of(need.reported)] = opened.get(quarter_of(need.reported), 0) + 1
        if need.status == "addressed" and need.end_date is not None and need.end_date <= today:
            addressed[quarter_of(need.end_date)] = addressed.get(quarter_of(need.end_date), 0) + 1
    first = min(need.reported for need in needs)
    quarters = []
    year, quarter = first.year, (first.month - 1) // 3
    while (year, quarter) <= (today.year, (today.month - 1) // 3):
        key = f"{year}-Q{quarter + 1}"
        quarters.append(NeedQuarter(key, opened.get(key, 0), addressed.get(key, 0)))
        year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)
    return tuple(quarters)


def need_figures(publication: Publication) -> NeedFigures:
    """The needs' figures on `publication.today` (see the module for the counting rules)."""
    today = publication.today
    needs = publication.catalogue.needs
    current = open_needs(needs, today)
    taxonomy = publication.catalogue.taxonomy
    categories = [term.id for term in taxonomy.categories]
    districts = [term.id for term in taxonomy.districts] + [WHOLE_TOWN]
    bands = [band for band, _, _ in AGE_BANDS]
    offers = publication.offers
    return NeedFigures(
        today=today,
        recorded=len(needs),
        open=len(current),
        people=sum(need.people for need in current),
        latest_report=max((need.reported for need in needs if need.reported <= today), default=None),
        by_district=_need_matrix(
            categories,
            districts,
            [(offer.categories, (*offer_districts(offer, publication), WHOLE_TOWN)) for offer in offers],
            [(need, need.categories, need_districts(need)) for need in current],
        ),
        by_age_band=_need_matrix(
            categories,
            bands,
            [(offer.categories, offer_age_bands(offer)) for offer in offers],
            [(need, need.categories, need_age_bands(need)) for need in current],
        ),
        gaps=_gaps(current, publication),
        waiting_lists=waiting_lists(publication),
        quarters=need_quarters(needs, today),
    )
