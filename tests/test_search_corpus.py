"""The query corpus (tests/search/queries/<lang>.yml): queries typed as newcomers type them, in every reader
language, run by the browser's engine in Node over the sample town's own index, each finding what it names among
the first three. A case marked `open: true` is a known miss, reported by `make bench` and expected to fail here."""
from __future__ import annotations

from pathlib import Path

import pytest
from bench.search_corpus import Outcome, corpus_languages, read_corpus, run_corpus

CASES = [
    pytest.param(language, case.query, id=f"{language}-{case.query}",
                 marks=[pytest.mark.xfail(reason="a known miss of the corpus")] if case.open else [])
    for language in corpus_languages()
    for case in read_corpus(language)
]


@pytest.fixture(scope="module")
def outcomes() -> dict[tuple[str, str], Outcome]:
    found = {}
    for language in corpus_languages():
        try:
            run = run_corpus(language)
        except FileNotFoundError:
            pytest.skip("Node.js is not installed")
        found.update({(language, outcome.case.query): outcome for outcome in run})
    return found


@pytest.mark.parametrize(("language", "query"), CASES)
def test_query_finds_what_it_names_among_the_first_three(language: str, query: str, outcomes: dict[tuple[str, str], Outcome]) -> None:
    outcome = outcomes[(language, query)]
    assert outcome.precision == 1.0, f"{query!r}: first {list(outcome.found[:3])}, wanted {list(outcome.case.top3) or outcome.case.facet or list(outcome.case.among)}"


def test_every_language_has_at_least_15_queries_and_every_query_of_the_issue() -> None:
    from catalogue.data.settings import read_settings

    languages = read_settings(Path(__file__).resolve().parents[1] / "mkdocs.yml").language_codes
    assert set(corpus_languages()) == set(languages)
    assert all(len(read_corpus(language)) >= 15 for language in languages)
    measured = {"ar": ["لغة", "معادلة الشهادة", "دورة لغة للعمل", "اعتراف", "ألماني", "معادلة"], "ku": ["belaş", "statû", "penaber", "herkes", "bê kaxez"],
                "so": ["kita"], "uk": ["школа"]}
    for language, queries in measured.items():
        assert set(queries) <= {case.query for case in read_corpus(language)}
