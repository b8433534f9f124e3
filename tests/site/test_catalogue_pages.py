"""The catalogue as pages of offers: a catalogue page that stays light, category and district pages cut into pages
that work without script, and the cards and facet lists the script fetches instead of a page holding every card."""
from __future__ import annotations

import gzip
import json

import pytest
from bs4 import BeautifulSoup

from catalogue.data.model import Offer
from catalogue.publication.visibility import Publication, publish
from catalogue.data.time_of_day import times_of_day
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.catalogue_listing import GERMAN_LEVELS, LISTING_PAGE_SIZE, listing_files, offer_districts, offers_by_document
from catalogue.site.page_renderer import template_environment
from catalogue.site.pages import PageRenderer
from bench.synthetic import REFERENCE_DATE, SyntheticCatalogue

from tests.towns import FIXTURE_DATA

from .conftest import LANGUAGES, BuiltSite
from .sample_data import LOADED, PUBLICATION, PUBLISHED, SETTINGS, prefix

CATALOGUE_PAGE_LIMIT_BYTES = 30 * 1024
"""The catalogue page's HTML at most 30 KB gzip, at any number of offers (issue: 'A catalogue page that stays light')."""
TEMPLATE_OFFER = "integrationskurs-abend"
"""The offer the larger site (tests/conftest.py) copies 150 times."""
COPIES = {f"zusatzkurs-{number:03d}" for number in range(150)}


def reader(language: str, publication: Publication = PUBLICATION) -> ReaderLanguage:
    return ReaderLanguage(SETTINGS, language, labels=LOADED.labels.get(language, {}), fallback_labels=LOADED.labels[SETTINGS.default_language])


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(path), "html.parser")


def card_ids(page: BeautifulSoup) -> list[str]:
    return [card["data-id"] for card in page.select("li.cat-card")]


def synthetic_publication(offers: int) -> Publication:
    synthetic = SyntheticCatalogue(offers=offers, languages=["de", "ar"], seed=1, template_data_dir=FIXTURE_DATA, reference_date=REFERENCE_DATE)
    return publish(synthetic.catalogue(), REFERENCE_DATE)


@pytest.fixture(scope="module")
def synthetic_thousand() -> Publication:
    return synthetic_publication(1000)


def _renderer(publication: Publication, language: str) -> PageRenderer:
    return PageRenderer(publication, reader(language), template_environment())


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_catalogue_page_stays_light_whatever_the_number_of_offers(synthetic_thousand: Publication, language: str) -> None:
    small = _renderer(synthetic_publication(60), language).catalogue_page().body.encode("utf-8")
    large = _renderer(synthetic_thousand, language).catalogue_page().body.encode("utf-8")
    assert len(gzip.compress(large, 9)) <= CATALOGUE_PAGE_LIMIT_BYTES
    assert len(BeautifulSoup(large, "html.parser").select("li.cat-card")) == LISTING_PAGE_SIZE
    # what still grows is the counts of a few more choices, not the cards: within 2 KB gzip from 60 to 1,000 offers
    assert len(gzip.compress(large, 9)) - len(gzip.compress(small, 9)) < 2048


def test_no_category_or_district_page_holds_more_than_a_page_of_offers() -> None:
    synthetic = synthetic_publication(240)  # more than a page of offers in every category and district
    renderer = _renderer(synthetic, "ar")
    taxonomy = synthetic.catalogue.taxonomy
    for term in taxonomy.categories:
        pages = renderer.category_pages(term)
        listed = [card_id for page in pages for card_id in card_ids(BeautifulSoup(page.body, "html.parser"))]
        assert all(len(card_ids(BeautifulSoup(page.body, "html.parser"))) <= LISTING_PAGE_SIZE for page in pages)
        assert len(pages) > 1 and sorted(listed) == sorted(offer.id for offer in synthetic.offers_in_category(term.id))
    for term in taxonomy.districts:
        pages = renderer.district_pages(term)
        listed = [card_id for page in pages for card_id in card_ids(BeautifulSoup(page.body, "html.parser"))]
        assert sorted(listed) == sorted(offer.id for offer in synthetic.offers if term.id in offer_districts(offer, synthetic))


def lets_through(facet: str, offer: Offer) -> bool:
    """The filter rules the facet lists follow, written out from the module's docstring."""
    field, _, value = facet.partition("-")
    if facet == "free":
        return offer.costs.free or bool(offer.costs.free_with)
    if field == "c":
        return value in offer.categories
    if field == "d":
        return value in offer_districts(offer, PUBLICATION)
    if field == "l":
        return value in offer.languages
    if field == "m":
        return offer.mode == value or (offer.mode == "hybrid" and value in ("in_person", "online"))
    if field == "g":
        return offer.german_level is not None and GERMAN_LEVELS.index(offer.german_level) <= GERMAN_LEVELS.index(value)
    if field == "t":
        return value in times_of_day(offer.schedule)
    if field == "e":
        return value in offer.eligible
    raise AssertionError(f"unknown facet {facet}")


def _decoded(gaps: list[int]) -> set[int]:
    documents, at = set(), 0
    for gap in gaps:
        at += gap
        documents.add(at)
    return documents


LISTING = listing_files(PUBLICATION, lambda offer: f'<li class="cat-card" data-id="{offer.id}"></li>')
FACETS = sorted(name.removeprefix("facets/").removesuffix(".json") for name in LISTING.files if name.startswith("facets/") and name != "facets/ages.json")


@pytest.mark.parametrize("facet", [*FACETS, "g-C2", "t-weekend"])
def test_each_facet_list_holds_exactly_the_offers_its_filter_lets_through(facet: str) -> None:
    documents = offers_by_document(PUBLICATION)
    held = _decoded(json.loads(LISTING.files[f"facets/{facet}.json"])) if f"facets/{facet}.json" in LISTING.files else set()
    assert {documents[number].id for number in held} == {offer.id for offer in documents if lets_through(facet, offer)}


def test_the_tests_town_has_offers_for_every_new_filter() -> None:
    """So that the facet test above checks each rule on offers that hold it and offers that do not."""
    assert {"free", "g-B1", "t-evening", "t-weekend", "t-morning", "e-any-status", "e-bamf-admission", "e-buergergeld"} <= set(FACETS)
    assert any(offer.costs.free_with and not offer.costs.free for offer in PUBLISHED)


def test_cards_are_numbered_as_the_search_index_numbers_offers() -> None:
    ages = json.loads(LISTING.files["facets/ages.json"])
    for number, offer in enumerate(sorted(PUBLISHED, key=lambda offer: offer.id)):
        assert json.loads(LISTING.files[f"cards/{number}.json"]) == f'<li class="cat-card" data-id="{offer.id}"></li>'
        assert (ages["min"][number], ages["max"][number]) == (offer.age_min, offer.age_max)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_site_has_every_card_the_catalogue_page_shows(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, prefix(language) + "catalogue/index.html")
    folder = sample_site.root / "search" / language
    by_document = {json.loads(path.read_text(encoding="utf-8")).split('data-id="')[1].split('"')[0]: path for path in (folder / "cards").glob("*.json")}
    assert set(by_document) == {offer.id for offer in PUBLISHED}
    first = page.select_one("#cat-first li.cat-card")
    fetched = BeautifulSoup(json.loads(by_document[first["data-id"]].read_text(encoding="utf-8")), "html.parser").li
    assert fetched == first, "a card the script fetches differs from the one the page shows"
    assert page.select_one("#cat-filters")["data-listing"]


def _chain(site: BuiltSite, first: str) -> list[tuple[str, BeautifulSoup]]:
    """The pages reached from `first` by following rel=next, each with its path."""
    pages = [(first, soup(site, first))]
    while (link := pages[-1][1].select_one('.cat-pager a[rel="next"]')) is not None:
        assert pages[-1][1].select_one(f'head link[rel="next"][href="{link["href"]}"]') is not None
        path = _join(pages[-1][0], link["href"])
        pages.append((path, soup(site, path)))
        previous = pages[-1][1].select_one('.cat-pager a[rel="prev"]')
        assert previous is not None and _join(path, previous["href"]) == pages[-2][0]
    return pages


def _join(page_path: str, href: str) -> str:
    parts = page_path.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece:
            parts.append(piece)
    return "/".join(parts) + "/index.html"


def _listing_cases() -> list[tuple[str, str, set[str]]]:
    template = next(offer for offer in PUBLISHED if offer.id == TEMPLATE_OFFER)
    taxonomy = PUBLICATION.catalogue.taxonomy
    cases = []
    for term in taxonomy.categories:
        if term.id in template.categories:
            ids = {offer.id for offer in PUBLISHED if term.id in offer.categories} | COPIES
            cases.append((f"catalogue/{term.id}/", term.id, ids))
    for district in offer_districts(template, PUBLICATION):
        ids = {offer.id for offer in PUBLISHED if district in offer_districts(offer, PUBLICATION)} | COPIES
        cases.append((f"catalogue/district/{district}/", district, ids))
    return cases


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize(("folder", "term", "expected"), _listing_cases(), ids=lambda value: value if isinstance(value, str) else "")
def test_category_and_district_pages_are_pages_of_offers_linked_by_next_and_previous(
    larger_site: BuiltSite, language: str, folder: str, term: str, expected: set[str]
) -> None:
    pages = _chain(larger_site, prefix(language) + folder + "index.html")
    listed = [card_id for _, page in pages for card_id in card_ids(page)]
    assert all(len(card_ids(page)) <= LISTING_PAGE_SIZE for _, page in pages)
    assert len(listed) == len(set(listed)) and set(listed) == expected
    words = reader(language)
    for number, (_, page) in enumerate(pages, start=1):
        position = page.select_one(".cat-pager__position").get_text(strip=True)
        assert position == words.t("pager.position", page=words.number(number), pages=words.number(len(pages)))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_catalogue_page_leads_to_every_stage_of_life_and_district_with_its_count(larger_site: BuiltSite, language: str) -> None:
    page = soup(larger_site, prefix(language) + "catalogue/index.html")
    assert len(card_ids(page)) == LISTING_PAGE_SIZE
    words = reader(language)
    taxonomy = PUBLICATION.catalogue.taxonomy
    assert len(page.select(".cat-browse a")) == len(taxonomy.categories) + len(taxonomy.districts)
    for folder, _, expected in _listing_cases():
        link = page.select_one(f'.cat-browse a[href="../{folder}"]')
        assert link is not None, f"no link to {folder}"
        assert link.parent.get_text().endswith(f"({words.number(len(expected))})")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_offer_free_with_an_entitlement_says_so_on_its_card_and_page(sample_site: BuiltSite, language: str) -> None:
    words = reader(language)
    offer = next(offer for offer in PUBLISHED if offer.costs.free_with and not offer.costs.free)
    catalogue = soup(sample_site, prefix(language) + "catalogue/index.html")
    card = catalogue.select_one(f'li.cat-card[data-id="{offer.id}"]')
    assert card.select_one(".cat-card__free-with").get_text(strip=True) == str(words.t("card.free_with"))
    page = soup(sample_site, prefix(language) + f"offers/{offer.id}/index.html")
    costs = page.get_text(" ", strip=True)
    for term_id in offer.costs.free_with:
        label = PUBLICATION.catalogue.taxonomy.entitlement(term_id).label
        assert (label.get(language) or label[SETTINGS.default_language]) in costs
    note = catalogue.select_one("#cat-free-note")
    assert note is not None and catalogue.select_one("#cat-free")["aria-describedby"] == "cat-free-note"
