"""One language's search index: a small JSON file the catalogue page fetches when a reader starts a text search.

Layout (short keys keep it small on mobile data):

    {"v": 1, "lang": "ar",
     "o": [{"i": offer id, "u": "offers/<id>/", "t": title, "s": "tokens", "lang": "de"?}, ...],
     "n": [{"u": "news/<id>/", "t": title, "s": "tokens", "lang"?}, ...],
     "p": [{"u": "about/", "t": title, "s": "tokens", "lang"?}, ...]}

URLs are relative to the language's root. "s" holds the entry's searchable words normalised by
`text_normalise.normalise`, each once, sorted, without words that begin another of its words: the browser matches
a query word when it begins some word of the entry, so "kurs" adds nothing next to "kursleitung". "lang" is present
only where the title or summary is shown in another language than the reader's (a missing translation).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Sequence

from .localise import Localiser
from .markdown_text import markdown_to_text
from .model import NewsItem, Offer, Taxonomy
from .publication import Publication
from .reader_language import ReaderLanguage
from .text_normalise import tokens

INDEX_FORMAT = 1
DESCRIPTION_WORD_LIMIT = 10_000
"""The first this many distinct words of an offer's description are searchable; the rest is left out to keep the
index small."""


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


def build_search_index(publication: Publication, reader: ReaderLanguage, content: Sequence[ContentEntry]) -> bytes:
    """The index of every published offer, every news item and the given pages, in the reader's language."""
    localiser = reader.localiser
    offers = [_offer_entry(offer, publication, reader, localiser) for offer in publication.offers]
    news = [_news_entry(item, localiser) for item in publication.catalogue.news]
    pages = [_page_entry(entry, reader.code) for entry in content]
    document = {
        "v": INDEX_FORMAT,
        "lang": reader.code,
        "o": sorted(offers, key=lambda entry: entry["i"]),
        "n": sorted(news, key=lambda entry: entry["u"]),
        "p": sorted(pages, key=lambda entry: (entry["u"], entry["t"])),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def searchable_words(*texts: str, extra: Iterable[str] = ()) -> str:
    """The distinct normalised words of the texts and of `extra`, sorted, without words that begin another one."""
    words = sorted({word for text in texts for word in tokens(text)} | set(extra))
    kept = [word for word, following in zip(words, words[1:]) if not following.startswith(word)]
    return " ".join(kept + words[-1:])


def _first_distinct_words(text: str, limit: int) -> list[str]:
    seen: dict[str, None] = {}
    for word in tokens(text):
        seen.setdefault(word)
        if len(seen) >= limit:
            break
    return list(seen)


def _offer_entry(offer: Offer, publication: Publication, reader: ReaderLanguage, localiser: Localiser) -> dict[str, str]:
    taxonomy = publication.catalogue.taxonomy
    actor = publication.catalogue.actors[offer.actor]
    title = localiser.pick(offer.title)
    summary = localiser.pick(offer.summary)
    description = localiser.pick(offer.description)
    district_ids = sorted({actor.location(location_id).district for location_id in offer.locations})
    card_words = sorted({
        word
        for text in (
            title.text,
            summary.text,
            localiser.name(actor.name).text,
            *(localiser.name(taxonomy.district(district_id).label).text for district_id in district_ids),
            *(reader.language_name(code) for code in offer.languages),
        )
        for word in tokens(text)
    })
    hidden_words = [
        word
        for word in _first_distinct_words(markdown_to_text(description.text), DESCRIPTION_WORD_LIMIT, card_words)
    ]
    words = searchable_words(*_labels(localiser, taxonomy, offer.categories, offer.target_groups), extra=hidden_words)
    entry = {"i": offer.id, "s": words}
    return _marked(entry, reader.code, title.language, summary.language, description.language)


def _labels(localiser: Localiser, taxonomy: Taxonomy, categories: Sequence[str], target_groups: Sequence[str]) -> list[str]:
    terms = [taxonomy.category(term_id) for term_id in categories] + [taxonomy.target_group(term_id) for term_id in target_groups]
    return [localiser.text(term.label) for term in terms]


def _news_entry(item: NewsItem, localiser: Localiser) -> dict[str, str]:
    title = localiser.pick(item.title)
    summary = localiser.pick(item.summary) if item.summary else title
    body = markdown_to_text(localiser.text(item.body))
    entry = {"u": f"news/{item.id}/", "t": title.text, "s": searchable_words(title.text, summary.text, body)}
    return _marked(entry, localiser.language, title.language, summary.language)


def _page_entry(page: ContentEntry, reader_language: str) -> dict[str, str]:
    entry = {"u": page.url, "t": page.title, "s": searchable_words(page.title, page.text)}
    return _marked(entry, reader_language, page.language)


def _marked(entry: dict[str, str], reader_language: str, *shown_languages: str) -> dict[str, str]:
    foreign = next((language for language in shown_languages if language != reader_language), None)
    if foreign is not None:
        entry["lang"] = foreign
    return entry
