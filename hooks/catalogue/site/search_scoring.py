"""How well each term of the index fits each document: BM25F (Robertson and Zaragoza, "The Probabilistic Relevance
Framework: BM25 and Beyond", 2009) over the fields of search_documents.py, with weights FIELD_WEIGHTS and each
field's own inverse document frequency, so a word every offer holds among its facts (the language German, the town's
name) scores next to nothing there while it still counts in a title. A German compound adds the parts the index knows
as words of their own ("kurs" in "Integrationskurs") at PART_WEIGHT; a synonym from the language's synonyms file adds
the other words of its group at SYNONYM_WEIGHT.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from .search_documents import SearchDocument, Synonyms
from .search_terms import Analyser

_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")
"""Two words joined by one hyphen, neither of them a part of a longer hyphenated chain."""

FIELDS = ("title", "summary", "description", "facts", "topics", "terms")
FIELD_WEIGHTS = {"title": 8.0, "summary": 4.0, "description": 2.0, "facts": 1.0, "topics": 6.0, "terms": 4.0}
"""A hit in the title counts twice one in the summary, four times one in the description, eight times a fact
(provider, languages); the name of one of the offer's categories, in the reader's language whatever languages the offer
is written in, counts three quarters of a title: it is what the office says the offer is about; one of its other
taxonomy terms or filter values (target group, district, entitlement, who may take part, free, format, German level),
and its title in the default language where the reader's shows another, counts as much as the summary."""
PART_WEIGHT = 0.4
"""A part of a German compound counts as 0.4 of the word itself."""
SYNONYM_WEIGHT = 0.8
BM25_K1 = 1.2
BM25_B = 0.75
FIELD_B = {"topics": 0.0}
"""Length normalisation per field where it is not BM25_B: an offer in two categories is no less about each of them."""
COMPOUND_MIN_LENGTH = 8
COMPOUND_PART_MIN_LENGTH = 4


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


def count(documents: Sequence[SearchDocument], words: Analyser, synonyms: Synonyms) -> _Counts:
    counts = _Counts(len(documents))
    terms_of = _TermsOf(words)
    field_words = [
        words.text_words(document.texts[field_index]) for field_index in range(len(FIELDS)) for document in documents
    ]
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
        _add_hyphen_compounds(documents, counts, terms_of)
        known = {word for word in terms_of if len(word) >= COMPOUND_PART_MIN_LENGTH}
        parts_of = {word: _compound_parts(word, known, terms_of) for word in list(terms_of)}
        for text_words, related in zip(field_words, counts.related, strict=True):
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
    for index, group_terms in enumerate(groups):
        for member_terms in group_terms:
            for term in member_terms:
                groups_of[term].add(index)
    for frequencies, related in zip(counts.frequencies, counts.related, strict=True):
        held = groups_of.keys() & frequencies.keys()
        if held:
            for index in sorted(set().union(*map(groups_of.__getitem__, held))):  # in file order, as without the index
                _add_synonyms(frequencies, related, groups[index])
    return counts


def _add_hyphen_compounds(
    documents: Sequence[SearchDocument], counts: _Counts, terms_of: Mapping[str, tuple[str, ...]]
) -> None:
    """A German compound written with a hyphen also counts as the word written without it: "Kita-Platz" as
    "Kitaplatz", as readers type it (Duden, "Bindestrich" D 22: both spellings name the same thing)."""
    for field_index in range(len(FIELDS)):
        for document_index, document in enumerate(documents):
            text = document.texts[field_index]
            if "-" not in text:
                continue
            joined = ["".join(match.groups()).lower() for match in _HYPHENATED.finditer(text)]
            if joined:
                counts.frequencies[counts.at(field_index, document_index)].update(
                    chain.from_iterable(map(terms_of.__getitem__, joined))
                )


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


@functools.cache
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


def _add_synonyms(
    frequencies: Mapping[str, float], related: dict[str, tuple[float, float]], group: list[tuple[str, ...]]
) -> None:
    present = [min(frequencies.get(term, 0.0) for term in member) for member in group]
    strongest = max(present)
    if strongest <= 0:
        return
    for member, count in zip(group, present, strict=True):
        if count < strongest:
            for term in member:
                if frequencies.get(term, 0.0) < strongest:
                    related[term] = (strongest, SYNONYM_WEIGHT)


def scores(counts: _Counts) -> dict[str, dict[int, float]]:
    """term -> document -> BM25F score; a part or synonym scores its weight times what the word itself would."""
    documents = counts.documents
    scores: dict[str, dict[int, float]] = {}
    saturation = BM25_K1 + 1
    for field_index, name in enumerate(FIELDS):
        first = counts.at(field_index, 0)
        lengths = counts.lengths[first : first + documents]
        frequencies = counts.frequencies[first : first + documents]
        related = counts.related[first : first + documents]
        average = (sum(lengths) / documents) if documents and sum(lengths) else 1.0
        holders = Counter(
            chain.from_iterable(
                document_frequencies.keys() | document_related.keys() if document_related else document_frequencies
                for document_frequencies, document_related in zip(frequencies, related, strict=True)
            )
        )
        weight = FIELD_WEIGHTS[name]
        b = FIELD_B.get(name, BM25_B)
        idf_of_holders = {held: math.log(1 + (documents - held + 0.5) / (held + 0.5)) for held in set(holders.values())}
        idf = {term: idf_of_holders[held] for term, held in holders.items()}
        weighted_idf = {term: weight * term_idf for term, term_idf in idf.items()}
        for document in range(documents):
            norm = BM25_K1 * (1 - b + b * lengths[document] / average)
            for term, frequency in frequencies[document].items():
                value = weighted_idf[term] * frequency * saturation / (frequency + norm)
                term_scores = scores.get(term)
                if term_scores is None:
                    scores[term] = {document: value}
                else:
                    term_scores[document] = term_scores.get(document, 0.0) + value
            for term, (related_frequency, share) in related[document].items():
                value = share * weight * idf[term] * related_frequency * saturation / (related_frequency + norm)
                term_scores = scores.get(term)
                if term_scores is None:
                    scores[term] = {document: value}
                else:
                    term_scores[document] = term_scores.get(document, 0.0) + value
    return scores
