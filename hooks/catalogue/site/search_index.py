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

Scores are BM25F (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009) over
four fields with weights FIELD_WEIGHTS, with each field's own inverse document frequency, so a word every offer
holds among its facts (the language German, the town's name) scores next to nothing there while it still
counts in a title. A German compound adds the parts the index knows as words of their own ("kurs" in
"Integrationskurs") at PART_WEIGHT; a synonym from data/synonyms/<lang>.yml adds the other words of its group
at SYNONYM_WEIGHT. The browser ranks a whole term above a term the query word only begins (PREFIX_WEIGHT in
catalogue.js).
"""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence, TypeVar

from catalogue.data.model import NewsItem, Offer, Term
from catalogue.publication.visibility import Publication
from catalogue.language.localise import Localiser
from catalogue.language.reader_language import ReaderLanguage

from .catalogue_listing import GERMAN_LEVELS, MODES_INCLUDING_HYBRID, offer_districts
from .search_terms import Analyser, analyser

INDEX_FORMAT = 2
FIELDS = ("title", "summary", "description", "facts", "terms")
FIELD_WEIGHTS = {"title": 8.0, "summary": 4.0, "description": 2.0, "facts": 1.0, "terms": 4.0}
"""A hit in the title counts twice one in the summary, four times one in the description, eight times a fact
(provider, languages); a term of the offer's taxonomy or filters (stage of life and topic, target group, district,
entitlement, who may take part, free, format, German level), in the reader's language whatever languages the offer is written in,
and its title in the default language where the reader's shows another, counts as much as the summary."""
PART_WEIGHT = 0.4
"""A part of a German compound counts as 0.4 of the word itself."""
SYNONYM_WEIGHT = 0.8
BM25_K1 = 1.2
BM25_B = 0.75
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
COMPOUND_MIN_LENGTH = 8
COMPOUND_PART_MIN_LENGTH = 4

_MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|<[^>]*>|&#?\w+;|\bhttps?://\S+")
"""Link targets, HTML tags, entities and bare URLs: what a Markdown source holds that is no word of its text."""


@dataclass(frozen=True)
class ContentEntry:
    """A hand-written page as the search sees it."""

    url: str
    """Relative to the language's root, e.g. 'about/'."""
    title: str
    text: str
    """Plain text, no markup."""
    language: str
    """The language the page is written in: the reader's, or the default language where a translation is missing."""


@dataclass(frozen=True)
class SearchDocument:
    """What the index knows of one offer, news item or page: its texts by field and, for news and pages, where
    it leads."""

    fields: tuple[str, str, str, str]
    """title, summary, description, facts: plain text in the reader's language (or its fallback)."""
    terms: str = ""
    """The names of the offer's taxonomy terms and filter values in the reader's language."""
    url: str = ""
    title: str = ""
    language: str = ""
    """The language the entry is shown in where it is not the reader's, else ''."""

    @property
    def texts(self) -> tuple[str, ...]:
        """The text of each of FIELDS."""
        return (*self.fields, self.terms)


@dataclass(frozen=True)
class CatalogueEntries:
    """The index's documents for offers and news in one language; hand-written pages are added when they are known."""

    language: str
    offers: tuple[SearchDocument, ...]
    news: tuple[SearchDocument, ...]


Synonyms = Sequence[Sequence[str]]
"""Groups of words or phrases that mean the same to readers of one language."""


TAXONOMY_GROUPS: tuple[Callable[[Offer, Publication], Iterable[Term]], ...] = (
    lambda offer, publication: map(publication.catalogue.taxonomy.category, offer.categories),
    lambda offer, publication: map(publication.catalogue.taxonomy.target_group, offer.target_groups),
    lambda offer, publication: map(publication.catalogue.taxonomy.district, offer_districts(offer, publication)),
    lambda offer, publication: map(publication.catalogue.taxonomy.entitlement, offer.costs.free_with),
    lambda offer, publication: map(publication.catalogue.taxonomy.eligibility_term, offer.eligible),
)
"""The taxonomy terms an offer is indexed under, one line per group, by their label in the reader's language."""
FILTER_LABELS: tuple[Callable[[Offer], Iterable[str]], ...] = (
    lambda offer: ["offer.free"] if offer.costs.free_for_some else [],
    lambda offer: [f"mode.{mode}" for mode in (offer.mode, *(MODES_INCLUDING_HYBRID if offer.mode == "hybrid" else ()))],
)
"""The interface labels (labels/<lang>.yml keys) of the filter values an offer has, one line per filter."""


def catalogue_entries(publication: Publication, reader: ReaderLanguage) -> CatalogueEntries:
    localiser = reader.localiser
    language_names = {code: reader.language_name(code) for offer in publication.offers for code in offer.languages}
    offers = sorted(publication.offers, key=lambda offer: offer.id)
    news = sorted(publication.catalogue.news, key=lambda item: item.id)
    return CatalogueEntries(
        reader.code,
        tuple(_offer_document(offer, publication, reader, language_names) for offer in offers),
        tuple(_news_document(item, localiser) for item in news),
    )


def _offer_document(offer: Offer, publication: Publication, reader: ReaderLanguage, language_names: Mapping[str, str]) -> SearchDocument:
    localiser = reader.localiser
    actor = publication.catalogue.actors[offer.actor]
    facts = [localiser.name(actor.name).text, *(language_names[code] for code in offer.languages)]
    terms = [localiser.name(term.label).text for group in TAXONOMY_GROUPS for term in group(offer, publication)]
    terms += [str(reader.t(key)) for labels in FILTER_LABELS for key in labels(offer)]
    if offer.german_level in GERMAN_LEVELS[1:]:
        terms.append(offer.german_level)
    title = localiser.pick(offer.title)
    if title.language != localiser.fallback and localiser.fallback in offer.title:
        terms.append(offer.title[localiser.fallback])  # the German words newcomers hear at offices: Kita, Jobcenter
    description = localiser.pick(offer.description).text
    if offer.eligibility:
        description += " \n " + localiser.pick(offer.eligibility).text
    return SearchDocument((
        title.text,
        localiser.pick(offer.summary).text,
        _MARKDOWN_NOISE.sub(" ", description),
        " \n ".join(facts),
    ), terms=" \n ".join(terms))


def _news_document(item: NewsItem, localiser: Localiser) -> SearchDocument:
    title = localiser.pick(item.title)
    summary = localiser.pick(item.summary) if item.summary else title
    return SearchDocument(
        (title.text, summary.text if item.summary else "", _MARKDOWN_NOISE.sub(" ", localiser.text(item.body)), ""),
        url=f"news/{item.id}/",
        title=title.text,
        language=_foreign(localiser.language, title.language, summary.language),
    )


def _page_document(page: ContentEntry, reader_language: str) -> SearchDocument:
    return SearchDocument(
        (page.title, "", page.text, ""), url=page.url, title=page.title, language=_foreign(reader_language, page.language)
    )


def _foreign(reader_language: str, *shown_languages: str) -> str:
    return next((language for language in shown_languages if language != reader_language), "")


@dataclass
class _Counts:
    """Term frequencies per field of every document, before scoring."""

    documents: int
    frequencies: list[Counter[str]] = field(default_factory=list)
    """Index field * documents + document -> term -> how often the field holds the word."""
    related: list[dict[str, tuple[float, float]]] = field(default_factory=list)
    """Likewise for compound parts and synonyms: term -> (how often, weight)."""
    lengths: list[int] = field(default_factory=list)
    written: dict[str, tuple[int, str]] = field(default_factory=dict)
    """term -> the word written most often for it (the greatest of equally frequent ones), and how often."""

    def at(self, field_index: int, document: int) -> int:
        return field_index * self.documents + document


class _TermsOf(dict[str, tuple[str, ...]]):
    """word -> its terms, each distinct word analysed once, on first sight."""

    def __init__(self, words: Analyser) -> None:
        super().__init__()
        self._words = words

    def __missing__(self, word: str) -> tuple[str, ...]:
        terms = self[word] = self._words.word_terms(word)
        return terms


def _count(documents: Sequence[SearchDocument], words: Analyser, synonyms: Synonyms) -> _Counts:
    counts = _Counts(len(documents))
    terms_of = _TermsOf(words)
    field_words = [words.text_words(document.texts[field_index]) for field_index in range(len(FIELDS)) for document in documents]
    for text_words in field_words:
        counts.frequencies.append(Counter(chain.from_iterable(map(terms_of.__getitem__, text_words))))
        counts.related.append({})
        counts.lengths.append(len(text_words))
    written = counts.written
    for word, count in Counter(chain.from_iterable(field_words)).items():
        for term in terms_of[word]:
            best = written.get(term)
            if best is None or (count, word) > best:
                written[term] = (count, word)
    if words.language == "de":
        known = {word for word in terms_of if len(word) >= COMPOUND_PART_MIN_LENGTH}
        parts_of = {word: _compound_parts(word, known, terms_of) for word in list(terms_of)}
        for text_words, related in zip(field_words, counts.related):
            for part, count in Counter(chain.from_iterable(map(parts_of.__getitem__, text_words))).items():
                related[part] = (float(count), PART_WEIGHT)
    groups = _synonym_groups(words, synonyms)
    for group in synonyms:
        for member in group:
            member_words = words.text_words(member)
            if len(member_words) == 1:
                for term in words.word_terms(member_words[0]):
                    best = written.get(term)
                    if best is None or (0, member_words[0]) > best:
                        written[term] = (0, member_words[0])
    groups_of: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for member in group:
            for term in member:
                groups_of[term].add(index)
    for frequencies, related in zip(counts.frequencies, counts.related):
        held = groups_of.keys() & frequencies.keys()
        if held:
            for index in sorted(set().union(*map(groups_of.__getitem__, held))):  # in file order, as without the index
                _add_synonyms(frequencies, related, groups[index])
    return counts


def _compound_parts(word: str, known: set[str], terms_of: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The parts of a German compound that the index holds as words of their own: "Integrationskurs" ->
    "integration", "kurs" (the head before a linking s is a head of its own). Hand-written: Snowball stems whole
    words. In no particular order."""
    if len(word) < COMPOUND_MIN_LENGTH:
        return ()
    pieces = known.intersection(map(word.__getitem__, _compound_cuts(len(word))))
    if not pieces:
        return ()
    return tuple(set(chain.from_iterable(map(terms_of.__getitem__, pieces))).difference(terms_of[word]))


@functools.lru_cache(maxsize=None)
def _compound_cuts(length: int) -> tuple[slice, ...]:
    """Where a word of this length may be cut into two parts: every head and every tail of at least
    COMPOUND_PART_MIN_LENGTH characters that leaves as many to the other part."""
    cuts = range(COMPOUND_PART_MIN_LENGTH, length - COMPOUND_PART_MIN_LENGTH + 1)
    return (*(slice(None, cut) for cut in cuts), *(slice(cut, None) for cut in cuts))


def _synonym_groups(words: Analyser, synonyms: Synonyms) -> list[list[tuple[str, ...]]]:
    """Each group as its members' terms (a phrase's terms together, one alternative per word)."""
    groups = []
    for group in synonyms:
        members = [tuple(alternatives[0] for alternatives in words.terms(member)) for member in group]
        members = [member for member in members if member]
        if len(members) > 1:
            groups.append(members)
    return groups


def _add_synonyms(frequencies: Mapping[str, float], related: dict[str, tuple[float, float]], group: list[tuple[str, ...]]) -> None:
    present = [min(frequencies.get(term, 0.0) for term in member) for member in group]
    strongest = max(present)
    if strongest <= 0:
        return
    for member, count in zip(group, present):
        if count < strongest:
            for term in member:
                if frequencies.get(term, 0.0) < strongest:
                    related[term] = (strongest, SYNONYM_WEIGHT)


def _scores(counts: _Counts) -> dict[str, dict[int, float]]:
    """term -> document -> BM25F score; a part or synonym scores its weight times what the word itself would."""
    documents = counts.documents
    scores: dict[str, dict[int, float]] = {}
    saturation = BM25_K1 + 1
    for field_index, name in enumerate(FIELDS):
        first = counts.at(field_index, 0)
        lengths = counts.lengths[first:first + documents]
        frequencies = counts.frequencies[first:first + documents]
        related = counts.related[first:first + documents]
        average = (sum(lengths) / documents) if documents and sum(lengths) else 1.0
        holders = Counter(chain.from_iterable(
            document_frequencies.keys() | document_related.keys() if document_related else document_frequencies
            for document_frequencies, document_related in zip(frequencies, related)
        ))
        weight = FIELD_WEIGHTS[name]
        idf_of_holders = {held: math.log(1 + (documents - held + 0.5) / (held + 0.5)) for held in set(holders.values())}
        idf = {term: idf_of_holders[held] for term, held in holders.items()}
        weighted_idf = {term: weight * term_idf for term, term_idf in idf.items()}
        for document in range(documents):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[document] / average)
            for term, frequency in frequencies[document].items():
                value = weighted_idf[term] * frequency * saturation / (frequency + norm)
                term_scores = scores.get(term)
                if term_scores is None:
                    scores[term] = {document: value}
                else:
                    term_scores[document] = term_scores.get(document, 0.0) + value
            for term, (frequency, share) in related[document].items():
                value = share * weight * idf[term] * frequency * saturation / (frequency + norm)
                term_scores = scores.get(term)
                if term_scores is None:
                    scores[term] = {document: value}
                else:
                    term_scores[document] = term_scores.get(document, 0.0) + value
    return scores


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
        documents = sorted(sorted(documents, key=term_scores.__getitem__, reverse=True)[:limit])  # a stable sort: ties keep document order
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
def search_index_files(entries: CatalogueEntries, content: Sequence[ContentEntry], synonyms: Synonyms = ()) -> dict[str, bytes]:
    """The index of one language: file name (below search/<lang>/) -> compact UTF-8 JSON."""
    pages = sorted((_page_document(page, entries.language) for page in content), key=lambda page: (page.url, page.title))
    documents = [*entries.offers, *entries.news, *pages]
    counts = _count(documents, analyser(entries.language), synonyms)
    scores = _scores(counts)
    top = max((max(term_scores.values()) for term_scores in scores.values()), default=1.0)
    encoded = {term: _postings(term_scores, top, FIRST_POSTINGS) for term, term_scores in scores.items()}
    keys = _shard_keys({term: len(term) * 2 + 4 * len(postings) for term, postings in encoded.items()}, SHARD_KEY_LENGTH)
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
    others = [[entry.url, entry.title, *([entry.language] if entry.language else [])] for entry in [*entries.news, *pages]]
    files["index.json"] = _json({
        "v": INDEX_FORMAT, "lang": entries.language, "h": digest.hexdigest()[:12], "o": len(entries.offers),
        "k": sorted(shards), "m": sorted(rest), "e": others,
    })
    return files


def build_search_index(publication: Publication, reader: ReaderLanguage, content: Sequence[ContentEntry], synonyms: Synonyms = ()) -> dict[str, bytes]:
    return search_index_files(catalogue_entries(publication, reader), content, synonyms)

