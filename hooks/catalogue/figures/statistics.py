"""The figures the council reads, computed from what a build publishes: counts of offers by education area, category,
district, age band, offer language, costs and form, two matrices that show gaps, and how much of the catalogue each
site language can read.

Counting rules (the page and the CSV downloads say them too): an offer counts once in every group it belongs to, so
the rows of one table can add up to more than the number of offers. Districts come from the offer's locations; an
offer without a location counts as "no place (online or by phone)". Age bands follow the stages of municipal
education monitoring (under 3, 3 to school age, primary, lower secondary, upper secondary and vocational age, young
adults, adults, 65 and over); an offer counts in every band its ages overlap, an offer without ages in all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from catalogue.data.model import Offer
from catalogue.data.schema_enums import EDUCATION_AREAS
from catalogue.figures.language_coverage import language_coverage
from catalogue.figures.translation_status import translation_status
from catalogue.publication.visibility import Publication

NO_DISTRICT = "-"
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-2", 0, 2),
    ("3-5", 3, 5),
    ("6-9", 6, 9),
    ("10-15", 10, 15),
    ("16-18", 16, 18),
    ("19-26", 19, 26),
    ("27-64", 27, 64),
    ("65+", 65, None),
)
MODES = ("in_person", "hybrid", "online")


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class Matrix:
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    """cells[row][column]: offers in both."""

    def gaps(self) -> int:
        return sum(cell == 0 for row in self.cells for cell in row)


@dataclass(frozen=True)
class Figures:
    offers: int
    by_area: tuple[Count, ...]
    by_category: tuple[Count, ...]
    by_district: tuple[Count, ...]
    by_age_band: tuple[Count, ...]
    by_offer_language: tuple[Count, ...]
    by_costs: tuple[Count, ...]
    """'free' and 'paid'."""
    by_mode: tuple[Count, ...]
    category_by_district: Matrix
    category_by_age_band: Matrix
    readable: tuple[Count, ...]
    """Per site language: published offers whose every text is there in that language (machine drafts included)."""
    coverage: tuple[Count, ...] = ()
    """Per site language: published offers a reader can judge in it, title, summary and who may take part
    (catalogue.figures.language_coverage, as the office's report counts them)."""


def offer_districts(offer: Offer, publication: Publication) -> tuple[str, ...]:
    actor = publication.catalogue.actors[offer.actor]
    districts = tuple(dict.fromkeys(actor.location(location).district for location in offer.locations))
    return districts or (NO_DISTRICT,)


def offer_age_bands(offer: Offer) -> tuple[str, ...]:
    low = offer.age_min if offer.age_min is not None else 0
    high = offer.age_max if offer.age_max is not None else 200
    return tuple(band for band, start, end in AGE_BANDS if low <= (end if end is not None else 200) and high >= start)


def _counts(keys: Sequence[str], groups: Iterable[Iterable[str]], keep_empty: bool = True) -> tuple[Count, ...]:
    totals: dict[str, int] = dict.fromkeys(keys, 0)
    for group in groups:
        for key in set(group):
            totals[key] = totals.get(key, 0) + 1
    return tuple(Count(key, count) for key, count in totals.items() if keep_empty or count)


def _matrix(
    rows: Sequence[str], columns: Sequence[str], pairs: Iterable[tuple[Iterable[str], Iterable[str]]]
) -> Matrix:
    index_rows = {key: index for index, key in enumerate(rows)}
    index_columns = {key: index for index, key in enumerate(columns)}
    cells = [[0] * len(columns) for _ in rows]
    for row_keys, column_keys in pairs:
        for row in set(row_keys):
            for column in set(column_keys):
                if row in index_rows and column in index_columns:
                    cells[index_rows[row]][index_columns[column]] += 1
    return Matrix(tuple(rows), tuple(columns), tuple(tuple(row) for row in cells))


def figures(publication: Publication, languages: Sequence[str]) -> Figures:
    """The figures of the published offers; `languages` are the site's, the default first or not."""
    offers = publication.offers
    taxonomy = publication.catalogue.taxonomy
    categories = [term.id for term in taxonomy.categories]
    area_of = {term.id: term.education_area for term in taxonomy.categories}
    districts = [term.id for term in taxonomy.districts]
    district_lists = [offer_districts(offer, publication) for offer in offers]
    if any(NO_DISTRICT in item for item in district_lists):
        districts.append(NO_DISTRICT)
    bands = [band for band, _, _ in AGE_BANDS]
    band_lists = [offer_age_bands(offer) for offer in offers]
    offer_languages = sorted(
        {code for offer in offers for code in offer.languages},
        key=lambda code: (-sum(code in offer.languages for offer in offers), code),
    )
    return Figures(
        offers=len(offers),
        by_area=_counts(
            [area for area in EDUCATION_AREAS if area in area_of.values()],
            ([area_of[category] for category in offer.categories if area_of.get(category)] for offer in offers),  # type: ignore[misc]
        ),
        by_category=_counts(categories, (offer.categories for offer in offers)),
        by_district=_counts(districts, district_lists),
        by_age_band=_counts(bands, band_lists),
        by_offer_language=_counts(offer_languages, (offer.languages for offer in offers)),
        by_costs=_counts(["free", "paid"], (["free" if offer.costs.free else "paid"] for offer in offers)),
        by_mode=_counts(list(MODES), ([offer.mode] for offer in offers)),
        category_by_district=_matrix(
            categories, districts, zip((offer.categories for offer in offers), district_lists, strict=True)
        ),
        category_by_age_band=_matrix(
            categories, bands, zip((offer.categories for offer in offers), band_lists, strict=True)
        ),
        readable=tuple(
            Count(language, sum(translation_status(offer.translation, language) != "missing" for offer in offers))
            for language in languages
        ),
        coverage=tuple(Count(entry.language, entry.covered) for entry in language_coverage(offers, languages)),
    )


CHARTS = ("areas", "categories", "districts", "ages", "offer_languages", "costs", "modes", "readable", "coverage")
"""The bar charts, in page order; each also has a CSV download data/figures/<name>.csv."""
MATRICES = ("categories_districts", "categories_ages")


def chart_counts(figures_: Figures, name: str) -> tuple[Count, ...]:
    return {
        "areas": figures_.by_area,
        "categories": figures_.by_category,
        "districts": figures_.by_district,
        "ages": figures_.by_age_band,
        "offer_languages": figures_.by_offer_language,
        "costs": figures_.by_costs,
        "modes": figures_.by_mode,
        "readable": figures_.readable,
        "coverage": figures_.coverage,
    }[name]


def matrix(figures_: Figures, name: str) -> Matrix:
    return {"categories_districts": figures_.category_by_district, "categories_ages": figures_.category_by_age_band}[
        name
    ]
