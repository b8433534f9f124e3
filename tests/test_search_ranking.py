"""Search as a reader meets it: queries typed in each language find the offers meant, best first. The index is
built by the build's own code from a catalogue these tests own (tests/search/catalogue.yml), and the queries run
in the browser's own engine (catalogue.js) in Node."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from catalogue.site.search_index import FIRST_POSTINGS, CatalogueEntries, ContentEntry, SearchDocument, search_index_files
from catalogue.site.stemmer_script import stemmer_script
from bench.search_corpus import engine_file

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "search" / "run_engine.js"
FIXTURE: dict[str, Any] = yaml.safe_load((HERE / "search" / "catalogue.yml").read_text(encoding="utf-8"))
PAGES = {
    "de": ContentEntry(url="about/", title="Über uns", text="Die Bildungskoordination berät zu Kursen.", language="de"),
    "ar": ContentEntry(url="about/", title="من نحن", text="مكتب تنسيق التعليم يقدم المشورة حول المدرسة.", language="ar"),
}


class Searched(NamedTuple):
    found: list[str]
    """Offer ids, best first."""
    scores: list[float]
    fetched: list[str]
    """The index files the query fetched."""
    suggested: list[str]
    """The words offered where the query found nothing."""


def write_index(language: str, folder: Path) -> list[str]:
    """Builds the fixture's index of one language into `folder`; returns the offer ids in document order."""
    spec = FIXTURE[language]
    ids = sorted(spec["offers"])
    offers = tuple(
        SearchDocument((offer["title"], offer["summary"], offer["description"], offer["facts"]))
        for offer in (spec["offers"][offer_id] for offer_id in ids)
    )
    pages = [PAGES[language]] if language in PAGES else []
    files = search_index_files(CatalogueEntries(language, offers, ()), pages, spec.get("synonyms", ()))
    script = stemmer_script(language)
    if script is not None:
        files["stemmer.js"] = script
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return ids


def run_engine(folder: Path, language: str, queries: list[str]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    command = [node, str(RUNNER), str(engine_file()), str(folder), language]
    if (folder / "stemmer.js").exists():
        command.append(str(folder / "stemmer.js"))
    completed = subprocess.run(command, input=json.dumps(queries).encode("utf-8"), capture_output=True, check=True, timeout=60)
    outcome: list[dict[str, Any]] = json.loads(completed.stdout)
    return outcome


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Searched]:
    """(language, query) -> what the engine found for it."""
    found = {}
    for language, spec in FIXTURE.items():
        folder = tmp_path_factory.mktemp(f"search-{language}")
        ids = write_index(language, folder)
        queries = [case["q"] for case in spec["queries"]]
        for outcome in run_engine(folder, language, queries):
            offers = [(ids[doc], score) for doc, score in outcome["hits"] if doc < outcome["offers"]]
            found[(language, outcome["query"])] = Searched(
                [offer for offer, _ in offers], [score for _, score in offers], outcome["fetched"], outcome["suggestions"]
            )
    return found


CASES = [
    pytest.param(language, case, id=f"{language}-{case['q']}")
    for language, spec in FIXTURE.items()
    for case in spec["queries"]
]


@pytest.mark.parametrize(("language", "case"), CASES)
def test_query_finds_the_offers_meant_in_order(
    language: str, case: dict[str, Any], searched: dict[tuple[str, str], Searched]
) -> None:
    found, scores, _, _ = searched[(language, case["q"])]
    first = case.get("first", [])
    assert found[: len(first)] == first, f"{case['q']!r} found {list(zip(found, scores))}"
    assert not set(case.get("includes", [])) - set(found), f"{case['q']!r} found {found}"
    assert not set(case.get("excludes", [])) & set(found), f"{case['q']!r} found {found}"
    if not first and not case.get("includes"):
        assert found == [], f"{case['q']!r} should find nothing, found {found}"
        assert searched[(language, case["q"])].suggested[: len(case.get("suggests", []))] == case.get("suggests", [])


def test_a_fact_every_offer_shares_does_not_decide_the_order(
    searched: dict[tuple[str, str], Searched],
) -> None:
    """Every Ukrainian offer lists German among its languages; the course whose title says it scores far above."""
    found, scores, _, _ = searched[("uk", "німецька")]
    assert len(found) == len(FIXTURE["uk"]["offers"])
    assert scores[0] > 5 * scores[-1]


def test_a_query_fetches_the_head_and_the_shards_its_words_need(
    searched: dict[tuple[str, str], Searched], tmp_path: Path,
) -> None:
    _, _, fetched, _ = searched[("de", "schwimmen frauen")]
    shards = sorted({url.split("?")[0] for url in fetched} - {"index.json"})
    assert shards == ["66-72.json", "73-63.json"]  # "fr", "sc"; the w- files only when nothing is found
    assert len(list(tmp_path.parent.glob("search-de*/*.json"))) > len(shards)


def test_news_and_pages_are_found_after_the_offers_numbers(tmp_path: Path) -> None:
    ids = write_index("de", tmp_path)
    outcome = run_engine(tmp_path, "de", ["bildungskoordination"])[0]
    head = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert [doc for doc, _ in outcome["hits"]] == [len(ids)]
    assert head["e"] == [["about/", "Über uns"]]


def test_a_term_in_many_documents_answers_first_with_its_best_and_then_with_all(tmp_path: Path) -> None:
    many = FIRST_POSTINGS + 60
    offers = tuple(
        SearchDocument((f"Kurs {number}" if number % 7 == 0 else f"Treffpunkt {number}", "", "Ein Kurs am Abend.", "Mitte"))
        for number in range(many)
    )
    files = search_index_files(CatalogueEntries("de", offers, ()), ())
    files["stemmer.js"] = stemmer_script("de") or b""
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    head = json.loads(files["index.json"])
    assert "ku" in head["m"]  # with "abend", "am", "ein", "mitte": every document holds them
    outcome = run_engine(tmp_path, "de", ["kurs"])[0]
    assert len(outcome["first"]) == FIRST_POSTINGS
    assert len(outcome["hits"]) == many
    titled = {number for number in range(many) if number % 7 == 0}
    assert {doc for doc, _ in outcome["first"][: len(titled)]} == titled  # the titles' offers are in the first answer, first
    assert not any(url.startswith("m-") for url in outcome["fetched"])


def test_a_word_in_almost_every_offer_neither_filters_nor_decides_the_order(tmp_path: Path) -> None:
    """"Deutsch" is among every offer's facts but one's; with "schwimmen" it keeps no swimming course out and
    puts none first: the swimming courses come first in the order "schwimmen" alone gives them."""
    offers = tuple(
        SearchDocument((f"Treffpunkt {number}", "Ein Abend für alle.", "", "Deutsch")) for number in range(10)
    ) + (
        SearchDocument(("Schwimmen für Frauen", "Schwimmen lernen.", "", "Türkisch")),
        SearchDocument(("Yoga", "Schwimmen danach.", "", "Deutsch")),
    )
    files = search_index_files(CatalogueEntries("de", offers, ()), ())
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    both, alone = run_engine(tmp_path, "de", ["deutsch schwimmen", "schwimmen"])
    assert [doc for doc, _ in both["hits"]] == [doc for doc, _ in alone["hits"]] == [10, 11]


def test_did_you_mean_offers_only_words_close_to_the_query_and_nothing_unrelated(tmp_path: Path) -> None:
    """The issue's case: for "معادلة" (recognition of a degree) the catalogue's words المعدَّل, معًا and معاش are one
    or two letters away but mean something else; a typo of a word the catalogue holds is still corrected."""
    offers = (
        SearchDocument(("المعدَّل المطلوب", "نتعلم معًا.", "", "")),
        SearchDocument(("معاش التقاعد", "", "", "")),
        SearchDocument(("دورة السباحة", "", "", "")),
    )
    files = search_index_files(CatalogueEntries("ar", offers, ()), ())
    files["stemmer.js"] = stemmer_script("ar") or b""
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    unrelated, typo = run_engine(tmp_path, "ar", ["معادلة", "سباخة"])
    assert unrelated["hits"] == [] and unrelated["suggestions"] == []
    assert typo["suggestions"] == ["السباحة"]


def test_a_german_compound_written_with_a_hyphen_is_found_as_readers_type_it(tmp_path: Path) -> None:
    """"Kita-Platz" in an offer answers "Kitaplatz"; words that only stand near each other do not make one."""
    offers = (
        SearchDocument(("Kita-Plätze in der Sprach-Kita", "", "", "")),
        SearchDocument(("Kita im Park", "Plätze ab zwei Jahren.", "", "")),
    )
    files = search_index_files(CatalogueEntries("de", offers, ()), ())
    files["stemmer.js"] = stemmer_script("de") or b""
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    (joined,) = run_engine(tmp_path, "de", ["kitaplatz"])
    assert [doc for doc, _ in joined["hits"]] == [0]


def test_a_category_name_counts_more_than_a_target_group_name(tmp_path: Path) -> None:
    """An offer whose category is later life comes before one that only names older people among those it is for."""
    offers = (
        SearchDocument(("Offene Sprechstunde", "", "", ""), terms="Ältere Menschen \n Familien"),
        SearchDocument(("Gymnastik", "", "", ""), topics="Ältere Menschen"),
    )
    files = search_index_files(CatalogueEntries("de", offers, ()), ())
    files["stemmer.js"] = stemmer_script("de") or b""
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    (found,) = run_engine(tmp_path, "de", ["ältere"])
    assert [doc for doc, _ in found["hits"]] == [1, 0]
