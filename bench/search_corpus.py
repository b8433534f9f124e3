"""The search as newcomers meet it: queries typed in each reader language, run by the browser's own engine
(assets/search/*.js in Node) over the sample town's search index, each naming what must be among the first three.

    tests/search/queries/<lang>.yml   - {q: "the query as typed", top3: [offer id, ...]}   every offer named is in the top 3
                                      - {q: "...", facet: free}   every one of the top 3 has this facet value
                                                                  (names as catalogue_listing.py: free, c-seniors ...)
                                      - {q: "...", among: [offer id, ...]}  every one of the top 3 is one of these (the
                                                                  offers for whom the query asks, such as those open
                                                                  whatever one's residence status)
                                      - {q: ..., age: 17, top3: [...]}   with the age filter set, as the page filters
                                      - {q: ..., top3: [...], open: true}   a known miss, still counted

Precision@3 of a query is the share of what it names that is in its top 3 (of the offers named, at most three; or of
the top 3 for a facet); a language's is the mean over its queries. tests/test_search_corpus.py requires 1.0 of every
query; bench/search.py reports the mean per language.
"""
from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
for folder in (REPO_ROOT / "hooks", REPO_ROOT):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from catalogue.checks.loading import LoadResult, load_catalogue  # noqa: E402
from catalogue.publication.visibility import Publication, publish  # noqa: E402
from catalogue.data.settings import read_settings  # noqa: E402
from catalogue.language.reader_language import ReaderLanguage  # noqa: E402
from catalogue.site.catalogue_listing import facet_values, offers_by_document  # noqa: E402
from catalogue.site.search_index import catalogue_entries, search_index_files  # noqa: E402
from catalogue.site.script_bundle import engine_script  # noqa: E402
from catalogue.site.stemmer_script import stemmer_script  # noqa: E402
from bench.synthetic import REFERENCE_DATE  # noqa: E402

QUERIES_DIR = REPO_ROOT / "tests" / "search" / "queries"
RUNNER = REPO_ROOT / "tests" / "search" / "run_engine.js"
TOP = 3


@dataclass(frozen=True)
class Case:
    query: str
    top3: tuple[str, ...] = ()
    """Offer ids that must all be among the first three."""
    facet: str = ""
    """A facet name every one of the first three must have."""
    among: tuple[str, ...] = ()
    """Offer ids every one of the first three must be one of."""
    age: int | None = None
    """The age filter's value: only offers whose age range holds it are shown."""
    line: int = 0
    open: bool = False
    """A known miss (`open: true`): reported, and expected to fail in tests/test_search_corpus.py."""


@dataclass(frozen=True)
class Outcome:
    case: Case
    found: tuple[str, ...]
    """Offer ids, best first."""
    precision: float


def corpus_languages() -> list[str]:
    return sorted(path.stem for path in QUERIES_DIR.glob("*.yml"))


def read_corpus(language: str) -> list[Case]:
    """The cases of tests/search/queries/<language>.yml, in order. Raises ValueError naming the line of a case
    that names neither offers nor a facet."""
    path = QUERIES_DIR / f"{language}.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = []
    entries: list[dict[str, Any]] = yaml.safe_load("\n".join(lines)) or []
    at = [number for number, text in enumerate(lines, 1) if text.lstrip().startswith("- ")]
    for entry, line in zip(entries, at):
        case = Case(str(entry["q"]), tuple(entry.get("top3", ())), str(entry.get("facet", "")), tuple(entry.get("among", ())),
                    entry.get("age"), line, bool(entry.get("open", False)))
        if not case.top3 and not case.facet and not case.among:
            raise ValueError(f"{path.name}:{line}: a query names the offers expected in its top 3 (top3: [...]), a facet (facet: free) "
                             "or the offers its top 3 are among (among: [...])")
        cases.append(case)
    return cases


@lru_cache(maxsize=1)
def sample_town() -> tuple[LoadResult, Publication]:
    settings = read_settings(REPO_ROOT / "mkdocs.yml")
    loaded = load_catalogue(settings, today=REFERENCE_DATE)
    assert loaded.catalogue is not None, [problem for problem in loaded.problems]
    return loaded, publish(loaded.catalogue, REFERENCE_DATE)


def write_town_index(language: str, folder: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Builds the sample town's index of one language into `folder` as the site build does; returns the offer ids
    in document order and each offer's facet names (with "age-<n>" for every age from 0 to 99 its range holds)."""
    loaded, publication = sample_town()
    settings = read_settings(REPO_ROOT / "mkdocs.yml")
    reader = ReaderLanguage(settings, language, labels=loaded.labels.get(language, {}), fallback_labels=loaded.labels.get(settings.default_language, {}))
    files = search_index_files(catalogue_entries(publication, reader), (), loaded.synonyms.get(language, ()))
    script = stemmer_script(language)
    if script is not None:
        files["stemmer.js"] = script
    for name, content in files.items():
        (folder / name).write_bytes(content)
    offers = offers_by_document(publication)
    return [offer.id for offer in offers], {offer.id: {*facet_values(offer, publication), *_ages(offer.age_min, offer.age_max)} for offer in offers}


def _ages(minimum: int | None, maximum: int | None) -> set[str]:
    """As the page's age filter (catalogue.js, `allowed`): an offer without a bound has none on that side."""
    return {f"age-{age}" for age in range(100) if (minimum is None or age >= minimum) and (maximum is None or age <= maximum)}


@lru_cache(maxsize=1)
def engine_file() -> Path:
    """The page's folding, terms and engine modules as one script for Node (`script_bundle.engine_script`), written
    once per process into a temporary folder."""
    path = Path(tempfile.mkdtemp(prefix="catalogue-engine-")) / "engine.js"
    path.write_text(engine_script(), encoding="utf-8")
    return path


def run_engine(folder: Path, language: str, queries: Sequence[str]) -> list[dict[str, Any]]:
    """The page's engine's answers in Node (tests/search/run_engine.js). Raises FileNotFoundError without Node.js."""
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node")
    command = [node, str(RUNNER), str(engine_file()), str(folder), language]
    if (folder / "stemmer.js").exists():
        command.append(str(folder / "stemmer.js"))
    completed = subprocess.run(command, input=json.dumps(list(queries)).encode("utf-8"), capture_output=True, check=True, timeout=120)
    outcome: list[dict[str, Any]] = json.loads(completed.stdout)
    return outcome


def precision_at_3(case: Case, found: Sequence[str], facets: dict[str, set[str]]) -> float:
    first = list(found[:TOP])
    if case.facet:
        return sum(case.facet in facets[offer] for offer in first) / TOP
    if case.among:
        return sum(offer in case.among for offer in first) / TOP
    named = case.top3[:TOP]
    return sum(offer in first for offer in named) / len(named)


def run_corpus(language: str) -> list[Outcome]:
    cases = read_corpus(language)
    with tempfile.TemporaryDirectory() as folder:
        ids, facets = write_town_index(language, Path(folder))
        answers = run_engine(Path(folder), language, [case.query for case in cases])
    outcomes = []
    for case, answer in zip(cases, answers):
        found = tuple(ids[doc] for doc, _ in answer["hits"] if doc < answer["offers"] and (case.age is None or f"age-{case.age}" in facets[ids[doc]]))
        outcomes.append(Outcome(case, found, precision_at_3(case, found, facets)))
    return outcomes


def mean_precision(outcomes: Sequence[Outcome]) -> float:
    return statistics.fmean(outcome.precision for outcome in outcomes) if outcomes else 0.0


def main() -> int:
    for language in corpus_languages():
        outcomes = run_corpus(language)
        print(f"{language}: precision@3 {mean_precision(outcomes):.2f} over {len(outcomes)} queries")
        for outcome in outcomes:
            if outcome.precision < 1:
                print(f"   {outcome.precision:.2f}  {outcome.case.query!r} -> {list(outcome.found[:TOP])}  wanted {list(outcome.case.top3) or outcome.case.facet or 'among'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
