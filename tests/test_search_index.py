"""The per-language search index: what it holds, how it numbers documents and marks missing translations, its shards."""
from __future__ import annotations

import json
from dataclasses import replace
from itertools import accumulate
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import Settings, read_settings
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.search_index import SHARD_TARGET_BYTES, ContentEntry, build_search_index, shard_file_name
from catalogue.site.search_terms import query_terms
from catalogue.site.text_normalise import normalise
from bench.synthetic import REFERENCE_DATE, SyntheticCatalogue

from tests.towns import FIXTURE_CONFIG, FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)

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


def index_of(publication: Publication, reader: ReaderLanguage, content: tuple[ContentEntry, ...] = CONTENT) -> dict[str, bytes]:
    return build_search_index(publication, reader, content)


def head_of(files: dict[str, bytes]) -> dict[str, Any]:
    head: dict[str, Any] = json.loads(files["index.json"])
    return head


def postings_of(files: dict[str, bytes]) -> dict[str, list[int]]:
    terms: dict[str, list[int]] = {}
    for name, content in files.items():
        if name != "index.json":
            if not name.startswith("w-"):
                terms.update(json.loads(content))
    return terms


def documents_of(postings: list[int]) -> list[int]:
    return list(accumulate(postings[0::2]))


@pytest.mark.parametrize("code", ["de", "ar", "fa", "uk", "ti"])
def test_index_numbers_the_published_offers_then_news_and_pages(
    settings: Settings, loaded: LoadResult, publication: Publication, code: str
) -> None:
    files = index_of(publication, reader(settings, loaded, code))
    head = head_of(files)
    assert head["v"] == 2 and head["lang"] == code
    assert head["o"] == len(publication.offers)
    assert publication.hidden, "the shipped data should hide some offers"
    assert [entry[0] for entry in head["e"]] == sorted(f"news/{item.id}/" for item in publication.catalogue.news) + sorted(entry.url for entry in CONTENT)
    documents = len(publication.offers) + len(head["e"])
    for term, postings in postings_of(files).items():
        numbers = documents_of(postings)
        assert numbers == sorted(set(numbers)) and 0 <= numbers[0] and numbers[-1] < documents, term
        assert all(1 <= score <= 100 for score in postings[1::2]), term


def test_shards_hold_the_terms_their_key_begins(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    files = index_of(publication, reader(settings, loaded, "ar"))
    head = head_of(files)
    assert sorted(files) == sorted(["index.json", *(name for key in head["k"] for name in (shard_file_name(key), "w-" + shard_file_name(key)))])
    for key in head["k"]:
        terms = json.loads(files[shard_file_name(key)])
        assert set(json.loads(files["w-" + shard_file_name(key)])) <= set(terms)
        assert terms and all(term.startswith(key) and term == normalise(term) for term in terms), key


def test_fallback_entries_carry_the_language_they_are_written_in(
    settings: Settings, loaded: LoadResult, publication: Publication
) -> None:
    head = head_of(index_of(publication, reader(settings, loaded, "ar")))
    entries = {entry[0]: entry for entry in head["e"]}
    for item in publication.catalogue.news:
        entry = entries[f"news/{item.id}/"]
        translated = "ar" in item.title and (not item.summary or "ar" in item.summary)
        assert entry[2:] == ([] if translated else ["de"])
        assert entry[1] == item.title.get("ar", item.title["de"])
    assert entries["imprint/"][2:] == ["de"]
    assert entries["about/"][2:] == []


def test_persian_keyboard_finds_arabic_text(settings: Settings, loaded: LoadResult, publication: Publication) -> None:
    terms = postings_of(index_of(publication, reader(settings, loaded, "ar")))
    offer_number = sorted(offer.id for offer in publication.offers).index("berufsberatung-junge-neuzugewanderte")
    # The Arabic description says "تُتعلَّم مهن كثيرة … المدرسة المهنية" (with tashkeel, Arabic yeh and kaf, teh
    # marbuta); a Persian keyboard types ی, ک and ه, and nobody types the vowel marks.
    for alternatives in query_terms("تتعلم کثیره المدرسه المهنیه", "ar"):
        assert any(offer_number in documents_of(terms.get(term, [])) for term in alternatives), alternatives


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
    assert all(b": " not in content and b", " not in content for content in first.values())


def synthetic_publication(offers: int, languages: list[str]) -> Publication:
    """A synthetic catalogue built in memory from the generator's documents (the files it writes hold the same)."""
    synthetic = SyntheticCatalogue(
        offers=offers, languages=languages, seed=1, template_data_dir=FIXTURE_DATA, reference_date=REFERENCE_DATE
    )
    return publish(synthetic.catalogue(), REFERENCE_DATE)


@pytest.mark.scale
def test_no_shard_of_a_thousand_arabic_offers_outgrows_its_target_unless_one_term_fills_it(settings: Settings, loaded: LoadResult) -> None:
    publication = synthetic_publication(1000, ["de", "ar"])
    files = build_search_index(publication, reader(settings, loaded, "ar"), CONTENT)
    assert head_of(files)["o"] == len(publication.offers) > 900
    for name, content in files.items():
        if name != "index.json" and not name.startswith("w-") and len(content) > SHARD_TARGET_BYTES:
            terms = json.loads(content)
            assert len(terms) == 1 or all(len(term) == len(min(terms, key=len)) for term in terms), name
