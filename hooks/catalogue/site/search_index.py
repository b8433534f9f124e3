"""One language's search index: a small head file and term shards the browser fetches as a query needs them.

    search/<lang>/index.json   {"v": 2, "lang": "ar", "h": "<hash of the shards>", "o": <number of offers>,
                                "k": ["<shard key>", ...], "m": ["<shard key>", ...],
                                "e": [["<url>", "<title>", "<lang>"?], ...]}
    search/<lang>/<key>.json   {"<term>": [doc, score, doc gap, score, ...], ...}
    search/<lang>/w-<key>.json {"<term>": "<the word readers see most for it>", ...}
    search/<lang>/m-<key>.json {"<term>": [doc, score, ...], ...}   (whole lists of the shard's long terms; "m" in
                                the head lists the keys that have one)

Documents are numbered: the published offers in the order of their ids (0 .. o-1; the catalogue page knows them
by id), then news items and hand-written pages, whose url, title and (where it is not the reader's) language
are the head's "e" (document o + i is e[i]). A term is what `search_terms` makes of a word. Every term lives in
the shard whose key begins it: its first SHARD_KEY_LENGTH characters, or more where that shard would exceed
SHARD_TARGET_BYTES (the keys' lengths are in "k"); a shard file is named by the key's code points in hex, joined
by "-". A posting list holds the document numbers in ascending order as gaps, each followed by the term's score
in that document, an integer from 1 to SCORE_LEVELS; a list that starts with a negative number -n holds the best
FIRST_POSTINGS of the n documents that hold the term. The w- file of a shard names a term by the word the catalogue
writes most often for it, where that differs from the term, or by "" where no text writes it (a compound's part, a
synonym of several words): the browser fetches it only when a query finds nothing, to offer these words.

What goes in is search_documents.py's; how each term scores in each document is search_scoring.py's (BM25F). The
browser ranks a whole term above a term the query word only begins (PREFIX_WEIGHT in assets/search/engine.js).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.visibility import Publication

from .search_documents import (
    CatalogueEntries,
    ContentEntry,
    SearchDocument,
    Synonyms,
    catalogue_entries,
    page_document,
)
from .search_scoring import count
from .search_scoring import scores as term_scores_of
from .search_terms import analyser

__all__ = [
    "FIRST_POSTINGS",
    "INDEX_FORMAT",
    "SHARD_KEY_LENGTH",
    "SHARD_TARGET_BYTES",
    "CatalogueEntries",
    "ContentEntry",
    "SearchDocument",
    "build_search_index",
    "catalogue_entries",
    "search_index_files",
    "shard_file_name",
]

INDEX_FORMAT = 2
SCORE_LEVELS = 100
SHARD_KEY_LENGTH = 2
"""Also the length up to which a query word matches whole terms only: a longer one also matches the terms it begins."""
WORDS_PREFIX = "w-"
REST_PREFIX = "m-"
FIRST_POSTINGS = 200
"""A term in more documents keeps only its FIRST_POSTINGS best in its shard, so what a query fetches before its first
results stays the same as the catalogue grows; the whole list is in the shard's m- file, fetched next."""
SHARD_TARGET_BYTES = 24_000
"""Uncompressed; a shard above this is split by one more character of its terms, where they have one."""


def _postings(term_scores: Mapping[int, float], top: float, limit: int | None = None) -> list[int]:
    """[doc gap, score, ...] in document order; with a limit below the documents' number, only the `limit`
    best-scoring ones, after a first item -(number of documents) that marks the list as the head of a longer one.
    A score is stored as an integer from 1 to SCORE_LEVELS: SCORE_LEVELS for `top`, the highest score of the index."""
    if len(term_scores) == 1:
        for document, score in term_scores.items():
            return [document, max(1, round(score / top * SCORE_LEVELS))]
    documents = sorted(term_scores)
    flat: list[int] = []
    if limit is not None and len(documents) > limit:
        flat.append(-len(documents))
        documents = sorted(
            sorted(documents, key=term_scores.__getitem__, reverse=True)[:limit]
        )  # a stable sort: ties keep document order
    previous = 0
    for document in documents:
        level = round(term_scores[document] / top * SCORE_LEVELS)
        flat.append(document - previous)
        flat.append(level if level > 1 else 1)
        previous = document
    return flat


def _shard_keys(sizes: Mapping[str, int], length: int) -> dict[str, str]:
    """term -> shard key: its first `length` characters, one more wherever a shard would exceed the target."""
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sizes:
        groups[term[:length]].append(term)
    keys: dict[str, str] = {}
    for key, terms in groups.items():
        if len(terms) > 1 and sum(map(sizes.__getitem__, terms)) > SHARD_TARGET_BYTES:
            longer = [term for term in terms if len(term) > length]
            if len(longer) > 1:
                keys.update({term: key for term in terms if len(term) <= length})
                keys.update(_shard_keys({term: sizes[term] for term in longer}, length + 1))
                continue
        keys.update(dict.fromkeys(terms, key))
    return keys


def shard_file_name(key: str) -> str:
    """'ku' -> '6b-75.json': the key's code points in hex, so every file name is ASCII."""
    return "-".join(f"{ord(character):x}" for character in key) + ".json"


_Result = TypeVar("_Result")


def _without_cycle_collection(build: Callable[..., _Result]) -> Callable[..., _Result]:
    """Runs `build` with Python's cycle collector paused: an index is hundreds of thousands of small dicts, lists and
    tuples and no cycles, which the collector would otherwise walk again and again while they are made."""

    @functools.wraps(build)
    def without(*arguments: Any, **options: Any) -> _Result:
        paused = gc.isenabled()
        gc.disable()
        try:
            return build(*arguments, **options)
        finally:
            if paused:
                gc.enable()

    return without


def _json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


@_without_cycle_collection
def search_index_files(
    entries: CatalogueEntries, content: Sequence[ContentEntry], synonyms: Synonyms = ()
) -> dict[str, bytes]:
    """The index of one language: file name (below search/<lang>/) -> compact UTF-8 JSON."""
    pages = sorted((page_document(page, entries.language) for page in content), key=lambda page: (page.url, page.title))
    documents = [*entries.offers, *entries.news, *pages]
    counts = count(documents, analyser(entries.language), synonyms)
    scores = term_scores_of(counts)
    top = max((max(term_scores.values()) for term_scores in scores.values()), default=1.0)
    encoded = {term: _postings(term_scores, top, FIRST_POSTINGS) for term, term_scores in scores.items()}
    keys = _shard_keys(
        {term: len(term) * 2 + 4 * len(postings) for term, postings in encoded.items()}, SHARD_KEY_LENGTH
    )
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    rest: dict[str, dict[str, list[int]]] = defaultdict(dict)
    written: dict[str, dict[str, str]] = defaultdict(dict)
    for term, key in keys.items():
        shards[key][term] = encoded[term]
        if encoded[term][0] < 0:
            rest[key][term] = _postings(scores[term], top)
        word = counts.written.get(term, (0, ""))[1]
        if word != term:
            written[key][term] = word
    files = {shard_file_name(key): _json(shard) for key, shard in shards.items()}
    files.update({WORDS_PREFIX + shard_file_name(key): _json(written[key]) for key in shards})
    files.update({REST_PREFIX + shard_file_name(key): _json(full) for key, full in rest.items()})
    digest = hashlib.sha256(b"".join(name.encode() + content for name, content in sorted(files.items())))
    others = [
        [entry.url, entry.title, *([entry.language] if entry.language else [])] for entry in [*entries.news, *pages]
    ]
    files["index.json"] = _json(
        {
            "v": INDEX_FORMAT,
            "lang": entries.language,
            "h": digest.hexdigest()[:12],
            "o": len(entries.offers),
            "k": sorted(shards),
            "m": sorted(rest),
            "e": others,
        }
    )
    return files


def build_search_index(
    publication: Publication, reader: ReaderLanguage, content: Sequence[ContentEntry], synonyms: Synonyms = ()
) -> dict[str, bytes]:
    return search_index_files(catalogue_entries(publication, reader), content, synonyms)
