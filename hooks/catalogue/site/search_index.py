"""One language's search index: a small JSON file the catalogue page fetches when a reader starts a text search.

    {"v": 1, "lang": "ar",
     "o": [{"i": "<offer id>", "s": "words", "lang": "de"?}, ...],
     "n": [{"u": "news/<id>/", "t": "title", "s": "words", "lang": "de"?}, ...],
     "p": [{"u": "about/", "t": "title", "s": "words", "lang": "de"?}, ...]}

"o" holds every published offer, "n" every news item, "p" the hand-written pages; URLs are relative to the
language's root (an offer's page is offers/<id>/). "s" holds an entry's searchable words normalised by
`text_normalise.normalise`, each once, sorted, and without words that begin another of its words: the browser
matches a query word when it begins some word of the entry, so "kurs" adds nothing next to "kursleitung".

The catalogue page, the only page that loads the index, already shows every offer's card: title, summary,
provider, districts and languages, in the reader's language. The browser searches those in the card itself, so an
offer's "s" holds only what the card does not show: its categories, target groups and the first
DESCRIPTION_WORD_LIMIT distinct words of its description. That keeps the Arabic index of 1,000 offers with
descriptions of about 100 words within 80 KB gzipped with room for the hand-written pages.

"lang" is present only where the entry's text is in another language than the reader's (a missing translation):
the language of the first of title, summary (and, for offers, description) that fell back.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from catalogue.data.model import NewsItem, Offer, Taxonomy
from catalogue.data.publication import Publication
from catalogue.language.localise import Localiser
from catalogue.language.reader_language import ReaderLanguage

from .text_normalise import tokens

INDEX_FORMAT = 1
DESCRIPTION_WORD_LIMIT = 12
"""How many distinct words of an offer's description (beyond those its card shows) are searchable."""
NEWS_WORD_LIMIT = 40
"""How many distinct words of a news item's body (beyond those of its title and summary) are searchable."""


_MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|<[^>]*>|&#?\w+;|\bhttps?://\S+")
"""Link targets, HTML tags, entities and bare URLs: what a Markdown source holds that is no word of its text.
(The rest of its syntax is punctuation, which normalisation turns into spaces; rendering every description
with Python-Markdown for this would cost seconds per language.)"""


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
class CatalogueEntries:
    """The index's entries for offers and news in one language; hand-written pages are added when they are known."""

    language: str
    offers: tuple[dict[str, str], ...]
    news: tuple[dict[str, str], ...]


def catalogue_entries(publication: Publication, reader: ReaderLanguage) -> CatalogueEntries:
    localiser = reader.localiser
    language_names = {code: reader.language_name(code) for offer in publication.offers for code in offer.languages}
    offers = [_offer_entry(offer, publication, localiser, language_names) for offer in publication.offers]
    news = [_news_entry(item, localiser) for item in publication.catalogue.news]
    return CatalogueEntries(
        reader.code,
        tuple(sorted(offers, key=lambda entry: entry["i"])),
        tuple(sorted(news, key=lambda entry: entry["u"])),
    )


def search_index_json(entries: CatalogueEntries, content: Sequence[ContentEntry]) -> bytes:
    """Compact UTF-8 JSON of every published offer, every news item and the given pages, in one language."""
    pages = [_page_entry(entry, entries.language) for entry in content]
    document = {
        "v": INDEX_FORMAT,
        "lang": entries.language,
        "o": list(entries.offers),
        "n": list(entries.news),
        "p": sorted(pages, key=lambda entry: (entry["u"], entry["t"], entry["s"])),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def build_search_index(publication: Publication, reader: ReaderLanguage, content: Sequence[ContentEntry]) -> bytes:
    return search_index_json(catalogue_entries(publication, reader), content)


def searchable_words(words: Iterable[str], covered: Sequence[str] = ()) -> str:
    """Distinct words, sorted and joined by spaces, leaving out each word that begins another one or begins a
    word of `covered` (sorted words searched elsewhere)."""
    unique = sorted(set(words))
    kept = [word for word, following in zip(unique, unique[1:]) if not following.startswith(word)] + unique[-1:]
    return " ".join(word for word in kept if not _begins_any(word, covered))


def _begins_any(word: str, sorted_words: Sequence[str]) -> bool:
    position = bisect_left(sorted_words, word)
    return position < len(sorted_words) and sorted_words[position].startswith(word)


def _words_of(*texts: str) -> list[str]:
    return [word for text in texts for word in tokens(text)]


def _markdown_words(source: str) -> list[str]:
    return tokens(_MARKDOWN_NOISE.sub(" ", source))


def _first_distinct(words: Iterable[str], limit: int, covered: Sequence[str]) -> list[str]:
    chosen: dict[str, None] = {}
    for word in words:
        if len(chosen) >= limit:
            break
        if not _begins_any(word, covered):
            chosen.setdefault(word)
    return list(chosen)


def _offer_entry(offer: Offer, publication: Publication, localiser: Localiser, language_names: Mapping[str, str]) -> dict[str, str]:
    taxonomy = publication.catalogue.taxonomy
    actor = publication.catalogue.actors[offer.actor]
    title = localiser.pick(offer.title)
    summary = localiser.pick(offer.summary)
    description = localiser.pick(offer.description)
    districts = sorted({actor.location(location_id).district for location_id in offer.locations})
    card_words = sorted(set(_words_of(
        title.text,
        summary.text,
        localiser.name(actor.name).text,
        *(localiser.name(taxonomy.district(district).label).text for district in districts),
        *(language_names[code] for code in offer.languages),
    )))
    description_words = _first_distinct(_markdown_words(description.text), DESCRIPTION_WORD_LIMIT, card_words)
    label_words = _words_of(*_term_labels(localiser, taxonomy, offer))
    entry = {"i": offer.id, "s": searchable_words(label_words + description_words, covered=card_words)}
    return _marked(entry, localiser.language, title.language, summary.language, description.language)


def _term_labels(localiser: Localiser, taxonomy: Taxonomy, offer: Offer) -> list[str]:
    terms = [taxonomy.category(term_id) for term_id in offer.categories]
    terms += [taxonomy.target_group(term_id) for term_id in offer.target_groups]
    return [localiser.text(term.label) for term in terms]


def _news_entry(item: NewsItem, localiser: Localiser) -> dict[str, str]:
    title = localiser.pick(item.title)
    summary = localiser.pick(item.summary) if item.summary else title
    heading_words = _words_of(title.text, summary.text)
    body_words = _first_distinct(_markdown_words(localiser.text(item.body)), NEWS_WORD_LIMIT, sorted(set(heading_words)))
    entry = {"u": f"news/{item.id}/", "t": title.text, "s": searchable_words(heading_words + body_words)}
    return _marked(entry, localiser.language, title.language, summary.language)


def _page_entry(page: ContentEntry, reader_language: str) -> dict[str, str]:
    entry = {"u": page.url, "t": page.title, "s": searchable_words(_words_of(page.title, page.text))}
    return _marked(entry, reader_language, page.language)


def _marked(entry: dict[str, str], reader_language: str, *shown_languages: str) -> dict[str, str]:
    foreign = next((language for language in shown_languages if language != reader_language), None)
    if foreign is not None:
        entry["lang"] = foreign
    return entry
