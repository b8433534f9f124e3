"""The per-language search index: what it holds, how it marks missing translations, how queries match, its size."""
from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from catalogue.data.loading import LoadResult, load_catalogue
from catalogue.data.model import (
    Catalogue,
    Offer,
    actor_from_document,
    news_from_document,
    offer_from_document,
    taxonomy_from_document,
)
from catalogue.data.publication import Publication, publish
from catalogue.data.settings import Settings, read_settings
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.search_index import ContentEntry, build_search_index
from catalogue.site.text_normalise import normalise
from catalogue.synthetic import REFERENCE_DATE, SyntheticCatalogue

from tests.towns import FIXTURE_CONFIG, FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
SIZE_LIMIT_GZIP = 80 * 1024

CONTENT = (
    ContentEntry(url="about/", title="عن تنسيق التعليم", text="مكتب تنسيق التعليم للقادمين الجدد في المدينة.", language="ar"),
    ContentEntry(url="imprint/", title="Impressum", text="Verantwortlich: Stadt Teststadt, Rathausplatz 1.", language="de"),
    ContentEntry(url="", title="الصفحة الرئيسية", text="عروض تعليمية من الحضانة حتى التقاعد.", language="ar"),
)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return read_settings(FIXTURE_CONFIG)


@pytest.fixture(scope="module")
def loaded(settings: Settings) -> LoadResult:
    result = load_catalogue(settings, today=TODAY)
    assert result.catalogue is not None, [f"{problem.path}:{problem.line}: {problem.message}" for problem in result.errors]
    return result


@pytest.fixture(scope="module")
def publication(loaded: LoadResult) -> Publication:
    assert loaded.catalogue is not None
    return publish(loaded.catalogue, TODAY)


def reader(settings: Settings, loaded: LoadResult, code: str) -> ReaderLanguage:
    return ReaderLanguage(
        settings,
        code,
        labels=loaded.labels.get(code, {}),
        fallback_labels=loaded.labels.get(settings.default_language, {}),
    )


def index_of(publication: Publication, reader: ReaderLanguage, content: tuple[ContentEntry, ...] = CONTENT) -> dict[str, Any]:
    index: dict[str, Any] = json.loads(build_search_index(publication, reader, content))
    return index


def matches(words: str, query: str) -> bool:
    """The browser's rule: every word of the normalised query begins some word of the entry."""
    padded = " " + words
    return all(" " + word in padded for word in normalise(query).split())


@pytest.mark.parametrize("code", ["de", "ar", "fa", "uk", "ti"])
def test_index_holds_exactly_the_published_offers_all_news_and_the_given_pages(
    settings: Settings, loaded: LoadResult, publication: Publication, code: str
) -> None:
    index = index_of(publication, reader(settings, loaded, code))
    assert index["v"] == 1
    assert index["lang"] == code
    assert [entry["i"] for entry in index["o"]] == sorted(offer.id for offer in publication.offers)
    assert publication.hidden, "the shipped data should hide some offers"
    assert not {item.offer.id for item in publication.hidden} & {entry["i"] for entry in index["o"]}
    assert sorted(entry["u"] for entry in index["n"]) == sorted(f"news/{item.id}/" for item in publication.catalogue.news)
    assert sorted(entry["u"] for entry in index["p"]) == sorted(entry.url for entry in CONTENT)


def test_entries_hold_normalised_distinct_words_and_no_markup(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    index = index_of(publication, reader(settings, loaded, "ar"))
    for entry in index["o"] + index["n"] + index["p"]:
        words = entry["s"].split(" ")
        assert entry["s"] == normalise(entry["s"])
        assert words == sorted(set(words))
        assert not any(following.startswith(word) for word, following in zip(words, words[1:])), entry
        assert "<" not in entry["s"] and "strong" not in words
    assert all(entry["s"] for entry in index["o"])


def test_fallback_entries_carry_the_language_they_are_written_in(
    settings: Settings, loaded: LoadResult, publication: Publication
) -> None:
    index = index_of(publication, reader(settings, loaded, "ar"))
    offers = {entry["i"]: entry for entry in index["o"]}
    translated = [offer for offer in publication.offers if {"ar"} <= set(offer.title) & set(offer.summary) & set(offer.description)]
    untranslated = [offer for offer in publication.offers if "ar" not in offer.title]
    assert translated and untranslated
    assert all("lang" not in offers[offer.id] for offer in translated)
    assert all(offers[offer.id]["lang"] == "de" for offer in untranslated)

    news = {entry["u"]: entry for entry in index["n"]}
    for item in publication.catalogue.news:
        entry = news[f"news/{item.id}/"]
        assert entry.get("lang") == (None if "ar" in item.title and (not item.summary or "ar" in item.summary) else "de")
        assert entry["t"] == item.title.get("ar", item.title["de"])

    pages = {entry["u"]: entry for entry in index["p"]}
    assert pages["imprint/"]["lang"] == "de"
    assert "lang" not in pages["about/"]


def test_default_language_index_has_no_fallbacks(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    index = index_of(publication, reader(settings, loaded, "de"), content=())
    assert not [entry for entry in index["o"] + index["n"] if "lang" in entry]


def test_persian_keyboard_finds_arabic_text(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    offers = {entry["i"]: entry["s"] for entry in index_of(publication, reader(settings, loaded, "ar"))["o"]}
    # The Arabic description says "تُتعلَّم مهن كثيرة … المدرسة المهنية" (with tashkeel, Arabic yeh and kaf, teh
    # marbuta); a Persian keyboard types ی, ک and ه, and nobody types the vowel marks.
    persian_query = "تتعلم کثیره المدرسه المهنیه"
    assert matches(offers["berufsberatung-junge-neuzugewanderte"], persian_query)
    assert matches(offers["berufsberatung-junge-neuzugewanderte"], "المهنی")  # a word's beginning is enough
    assert not matches(offers["berufsberatung-junge-neuzugewanderte"], persian_query + " پیانو")
    assert not matches(offers["schwimmkurs-seepferdchen"], persian_query)


def test_pages_and_news_match_queries_in_the_readers_script(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    index = index_of(publication, reader(settings, loaded, "ar"))
    assert [entry["u"] for entry in index["p"] if matches(entry["s"], "مکتب تنسیق")] == ["about/"]
    assert [entry["u"] for entry in index["p"] if matches(entry["s"], "rathaus")] == ["imprint/"]


def test_offers_hold_what_their_card_does_not_show(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    """Title, summary, provider, districts and languages are on the card the browser searches; the index adds
    categories, target groups and the description."""
    index = index_of(publication, reader(settings, loaded, "en"))
    words = {entry["i"]: entry["s"] for entry in index["o"]}
    taxonomy = publication.catalogue.taxonomy

    def title_words(offer: Offer) -> set[str]:
        return set(normalise(offer.title["en"]).split()) if "en" in offer.title else set()

    def group_label(offer: Offer) -> str:
        return taxonomy.target_group(offer.target_groups[0]).label.get("en", "")

    offer = next(
        offer for offer in publication.offers
        if "en" in offer.description and offer.target_groups and not set(normalise(group_label(offer)).split()) & title_words(offer)
    )
    assert matches(words[offer.id], group_label(offer))
    assert not title_words(offer) & set(words[offer.id].split())


def test_output_is_deterministic(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    ar = reader(settings, loaded, "ar")
    first = build_search_index(publication, ar, CONTENT)
    catalogue = publication.catalogue
    shuffled = replace(
        publication,
        offers=tuple(reversed(publication.offers)),
        catalogue=replace(catalogue, news=tuple(reversed(catalogue.news))),
    )
    assert build_search_index(shuffled, ar, tuple(reversed(CONTENT))) == first
    assert build_search_index(publication, reader(settings, loaded, "ar"), CONTENT) == first
    assert first.decode("utf-8").startswith('{"lang":"ar","n":[')
    assert b": " not in first and b", " not in first


def synthetic_publication(offers: int, languages: list[str]) -> Publication:
    """A synthetic catalogue built in memory from the generator's documents (the files it writes hold the same)."""
    synthetic = SyntheticCatalogue(
        offers=offers, languages=languages, seed=1, template_data_dir=FIXTURE_DATA, reference_date=REFERENCE_DATE
    )
    catalogue = Catalogue(
        taxonomy=taxonomy_from_document(synthetic.taxonomy()),
        actors={document["id"]: actor_from_document(document) for document in synthetic.actors},
        offers=tuple(offer_from_document(document) for document in synthetic.offers),
        news=tuple(news_from_document(document) for document in synthetic.news),
    )
    return publish(catalogue, REFERENCE_DATE)


def test_arabic_index_of_a_thousand_offers_stays_small(settings: Settings, loaded: LoadResult) -> None:
    publication = synthetic_publication(1000, ["de", "ar"])
    index = build_search_index(publication, reader(settings, loaded, "ar"), CONTENT)
    assert len(json.loads(index)["o"]) == len(publication.offers) > 900
    assert len(gzip.compress(index, compresslevel=9)) <= SIZE_LIMIT_GZIP
