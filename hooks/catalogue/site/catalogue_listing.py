"""What the catalogue page's script filters and shows, as files it fetches on demand: one card per offer and one
list of offers per filter value, so the page itself holds only its first cards however large the catalogue grows.

    search/<lang>/cards/<doc>.json      the card of offer number <doc>: one JSON string of HTML, as the catalogue
                                        page shows it (its links relative to <lang root>catalogue/)
    search/<lang>/facets/<name>.json    [doc gap, doc gap, ...]: the offers one filter value lets through, ascending,
                                        each number the gap to the one before (the first counts from 0)
    search/<lang>/facets/ages.json      {"min": [age or null, ...], "max": [...]} by document number

Offers are numbered as in the search index (search_index.py): the published offers in the order of their ids, so a
search hit's document number is its card's. Facet names are `<filter>-<value>` with the filter's name in the
catalogue's address (c: stage of life, d: district, l: language, m: format, g: German, t: time of day, e: who may take
part) and `free`.
Where a filter means more than equality the lists say so: `m-in_person` and `m-online` hold the hybrid offers too;
`g-B1` holds every offer that needs at most B1 (none, A1, A2, B1), so a reader names the German they have; `free`
holds the offers free for everyone and those free with an entitlement (`costs.free_with`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from catalogue.data.model import Offer
from catalogue.data.schema_enums import GERMAN_LEVELS
from catalogue.data.time_of_day import times_of_day
from catalogue.publication.visibility import Publication

LISTING_PAGE_SIZE = 20
"""Cards per page: on the catalogue page (first page only), category and district pages, and per step of the
script's 'show more'."""
MODES_INCLUDING_HYBRID = ("in_person", "online")
CARDS_FOLDER = "cards"
FACETS_FOLDER = "facets"


@dataclass(frozen=True)
class Listing:
    files: dict[str, bytes]
    """File name below search/<lang>/ -> content."""
    version: str
    """A digest of every file, for the page's requests to name (a new build is fetched anew)."""
    facet_names: tuple[str, ...]


def offers_by_document(publication: Publication) -> tuple[Offer, ...]:
    """The published offers in search-index order: by id."""
    return tuple(sorted(publication.offers, key=lambda offer: offer.id))


def offer_districts(offer: Offer, publication: Publication) -> tuple[str, ...]:
    actor = publication.catalogue.actors[offer.actor]
    return tuple(dict.fromkeys(actor.location(location_id).district for location_id in offer.locations))


def offers_in_district(publication: Publication, district_id: str) -> tuple[Offer, ...]:
    """The published offers that take place in a district, in catalogue order."""
    return tuple(offer for offer in publication.offers if district_id in offer_districts(offer, publication))


def facet_values(offer: Offer, publication: Publication) -> list[str]:
    """The facet names (see the module's docstring) whose lists hold the offer."""
    names = [f"c-{category}" for category in offer.categories]
    names += [f"d-{district}" for district in offer_districts(offer, publication)]
    names += [f"l-{language}" for language in offer.languages]
    names.append(f"m-{offer.mode}")
    if offer.mode == "hybrid":
        names += [f"m-{mode}" for mode in MODES_INCLUDING_HYBRID]
    if offer.german_level in GERMAN_LEVELS:
        names += [f"g-{level}" for level in GERMAN_LEVELS[GERMAN_LEVELS.index(offer.german_level) :]]
    names += [f"t-{time}" for time in times_of_day(offer.schedule)]
    names += [f"e-{term}" for term in offer.eligible]
    if offer.costs.free_for_some:
        names.append("free")
    return list(dict.fromkeys(names))


def facet_counts(offers: Sequence[Offer], publication: Publication) -> dict[str, int]:
    """Facet name -> how many of the offers its list holds."""
    counts: dict[str, int] = {}
    for offer in offers:
        for name in facet_values(offer, publication):
            counts[name] = counts.get(name, 0) + 1
    return counts


def _gaps(documents: Sequence[int]) -> list[int]:
    previous = 0
    gaps = []
    for document in documents:
        gaps.append(document - previous)
        previous = document
    return gaps


def _json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def listing_files(publication: Publication, card_html: Callable[[Offer], str]) -> Listing:
    """The cards and facet lists of one language. `card_html` renders an offer's card for the catalogue page."""
    offers = offers_by_document(publication)
    files: dict[str, bytes] = {}
    members: dict[str, list[int]] = {}
    for document, offer in enumerate(offers):
        files[f"{CARDS_FOLDER}/{document}.json"] = _json(card_html(offer))
        for name in facet_values(offer, publication):
            members.setdefault(name, []).append(document)
    for name, documents in sorted(members.items()):
        files[f"{FACETS_FOLDER}/{name}.json"] = _json(_gaps(documents))
    files[f"{FACETS_FOLDER}/ages.json"] = _json(
        {"min": [offer.age_min for offer in offers], "max": [offer.age_max for offer in offers]}
    )
    digest = hashlib.sha256(b"".join(name.encode() + b"\0" + content for name, content in sorted(files.items())))
    return Listing(files, digest.hexdigest()[:12], tuple(sorted(members)))


def pages_of(offers: Sequence[Offer], size: int = LISTING_PAGE_SIZE) -> list[tuple[Offer, ...]]:
    """The offers cut into pages of `size`; one empty page for no offers."""
    return [tuple(offers[start : start + size]) for start in range(0, len(offers), size)] or [()]
