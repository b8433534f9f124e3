"""What a text search costs at several catalogue sizes: the search index's build time per language and the bytes a
phone fetches before the first result of a one-word query; and the catalogue page's weight.

    python bench/search.py [--sizes 1000,10000] [--languages de,en,ar,…] [--seed 1] [--json PATH]

The synthetic catalogue is built in memory (no mkdocs build: at 10,000 offers x 8 languages that takes minutes
and its index part is what is measured here). The queries are the 30 words most offers' titles hold in each
language, the hardest case for a split index: their shards hold the longest posting lists. Bytes are gzip -9 of
catalogue.js, the language's stemmer, the index head, every shard the query needs and the card of the first result
(the best-scored offer of the query's terms; each card is a file of its own, and the script shows each as it
arrives); the page's own HTML is reported apart (its body as the catalogue renders it, without Material's frame). Build time is given as wall-clock
and as this process's CPU time, which other work on a shared machine disturbs less. Last, the precision@3 of the
query corpus in each language (bench/search_corpus.py) over the sample town's own index.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "hooks"))

from catalogue.checks.loading import load_catalogue  # noqa: E402
from catalogue.data.package_files import ASSETS_DIR  # noqa: E402
from catalogue.publication.visibility import Publication, publish  # noqa: E402
from catalogue.data.settings import read_settings  # noqa: E402
from catalogue.language.reader_language import ReaderLanguage  # noqa: E402
from catalogue.site.page_renderer import template_environment  # noqa: E402
from catalogue.site.pages import PageRenderer  # noqa: E402
from catalogue.site.catalogue_listing import LISTING_PAGE_SIZE  # noqa: E402
from catalogue.site.search_index import SHARD_KEY_LENGTH, catalogue_entries, search_index_files, shard_file_name  # noqa: E402
from catalogue.site.search_terms import analyser, query_terms  # noqa: E402
from catalogue.site.stemmer_script import stemmer_script  # noqa: E402
from synthetic import REFERENCE_DATE, SyntheticCatalogue  # noqa: E402

CATALOGUE_JS = ASSETS_DIR / "catalogue.js"
QUERIES_PER_LANGUAGE = 30


def gz(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=9))


def synthetic_publication(offers: int, languages: list[str], seed: int) -> Publication:
    synthetic = SyntheticCatalogue(offers=offers, languages=languages, seed=seed, template_data_dir=REPO_ROOT / "data", reference_date=REFERENCE_DATE)
    return publish(synthetic.catalogue(), REFERENCE_DATE)


def needed_shards(head: dict[str, Any], query: str, language: str) -> set[str]:
    """The shards catalogue.js fetches for a query's first answer (its `firstKeys`)."""
    keys: set[str] = set()
    for alternatives in query_terms(query, language):
        for alternative in alternatives:
            keys.update(key for key in head["k"] if alternative.startswith(key))
    return keys


def first_page_documents(files: dict[str, bytes], head: dict[str, Any], query: str, language: str) -> list[int]:
    """The offers catalogue.js shows first for a one-word query: the best scores of the terms the word's
    alternatives are or begin (a begun term at half weight, as PREFIX_WEIGHT), from the shards of its first answer."""
    alternatives = [alternative for word in query_terms(query, language) for alternative in word]
    best: dict[int, float] = {}
    for key in needed_shards(head, query, language):
        for term, postings in json.loads(files[shard_file_name(key)]).items():
            weight = max((1.0 if term == alternative else 0.5 if len(alternative) > SHARD_KEY_LENGTH and term.startswith(alternative) else 0.0)
                         for alternative in alternatives)
            if not weight:
                continue
            document = 0
            for at in range(1 if postings[0] < 0 else 0, len(postings), 2):
                document += postings[at]
                best[document] = max(best.get(document, 0.0), postings[at + 1] * weight)
    ranked = sorted((document for document in best if document < head["o"]), key=lambda document: (-best[document], document))
    return ranked[:LISTING_PAGE_SIZE]


def title_words(publication: Publication, language: str) -> list[str]:
    counts: Counter[str] = Counter()
    for offer in publication.offers:
        title = offer.title.get(language) or offer.title[next(iter(offer.title))]
        counts.update(set(analyser(language).text_words(title)))
    return [word for word, _ in counts.most_common(QUERIES_PER_LANGUAGE)]


def measure(offers: int, languages: list[str], seed: int) -> list[dict[str, Any]]:
    settings = read_settings(REPO_ROOT / "mkdocs.yml")
    loaded = load_catalogue(settings, today=REFERENCE_DATE)
    publication = synthetic_publication(offers, languages, seed)
    script_bytes = gz(CATALOGUE_JS.read_bytes())
    rows = []
    for language in languages:
        reader = ReaderLanguage(settings, language, labels=loaded.labels.get(language, {}), fallback_labels=loaded.labels.get(settings.default_language, {}))
        started, started_cpu = time.perf_counter(), time.process_time()
        files = search_index_files(catalogue_entries(publication, reader), (), loaded.synonyms.get(language, ()))
        build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        head = json.loads(files["index.json"])
        stemmer = stemmer_script(language)
        fixed = script_bytes + gz(files["index.json"]) + (gz(stemmer) if stemmer else 0)
        renderer = PageRenderer(publication, reader, template_environment())
        cards = renderer.listing().files
        costs = [
            fixed + sum(gz(files[shard_file_name(key)]) for key in needed_shards(head, word, language))
            + sum(gz(cards[f"cards/{document}.json"]) for document in first_page_documents(files, head, word, language)[:1])
            for word in title_words(publication, language)
        ]
        page = renderer.catalogue_page()
        rows.append({
            "offers": len(publication.offers), "language": language, "index_build_s": round(build_seconds, 2), "index_build_cpu_s": round(build_cpu, 2),
            "index_files": len(files), "index_gzip_kb": round(sum(gz(content) for content in files.values()) / 1024, 1),
            "first_result_kb_median": round(statistics.median(costs) / 1024, 1), "first_result_kb_worst": round(max(costs) / 1024, 1),
            "catalogue_page_kb": round(gz(page.body.encode("utf-8")) / 1024, 1),
        })
        print(f"  {offers} offers, {language}: index {build_seconds:.2f} s ({build_cpu:.2f} s CPU)", file=sys.stderr, flush=True)
    return rows


def table(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| offers | language | index build s (CPU s) | index files | index gzip KB (all) | before first result KB gzip, median / worst | catalogue page body KB gzip |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['offers']:,} | {row['language']} | {row['index_build_s']} ({row['index_build_cpu_s']}) | {row['index_files']:,} | {row['index_gzip_kb']:,} "
            f"| {row['first_result_kb_median']} / {row['first_result_kb_worst']} | {row['catalogue_page_kb']:,} |"
        )
    return "\n".join(lines)


def corpus_table() -> str:
    """Precision@3 of the query corpus per language, and its known misses."""
    from search_corpus import corpus_languages, mean_precision, run_corpus

    lines = ["| language | queries | precision@3 | known misses |", "| --- | ---: | ---: | ---: |"]
    for language in corpus_languages():
        outcomes = run_corpus(language)
        misses = sum(outcome.precision < 1 for outcome in outcomes)
        lines.append(f"| {language} | {len(outcomes)} | {mean_precision(outcomes):.2f} | {misses} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--languages", default=",".join(read_settings(REPO_ROOT / "mkdocs.yml").language_codes))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    arguments = parser.parse_args(argv)
    languages = [code.strip() for code in arguments.languages.split(",") if code.strip()]
    rows = [row for size in arguments.sizes.split(",") if size.strip() for row in measure(int(size), languages, arguments.seed)]
    print(table(rows))
    print()
    print(corpus_table())
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
