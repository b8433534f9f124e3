"""What the search index holds of each offer, news item and hand-written page: its texts by field, in one reader
language (search_scoring.py scores them, search_index.py writes the files).

An offer's fields are its title, summary, description (with who may take part) and facts (provider, languages),
in the reader's language or its fallback; its topics, the names of its categories (stage of life and topic) in the
reader's language whatever languages the offer is written in; and its terms, the names of its other taxonomy terms
and filter values (target group, district, entitlement, who may take part, free, format, German level) and its title
in the default language where the reader's shows another (the German words newcomers hear at offices: Kita,
Jobcenter). So an offer nobody has translated is still found by the words of the reader's language that name its
category and filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from catalogue.data.model import NewsItem, Offer, Term
from catalogue.language.localise import Localiser
from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.visibility import Publication

from .catalogue_listing import GERMAN_LEVELS, MODES_INCLUDING_HYBRID, offer_districts

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
    """The names of the offer's other taxonomy terms and filter values in the reader's language."""
    topics: str = ""
    """The names of the offer's categories (stage of life and topic) in the reader's language."""
    url: str = ""
    title: str = ""
    language: str = ""
    """The language the entry is shown in where it is not the reader's, else ''."""

    @property
    def texts(self) -> tuple[str, ...]:
        """The text of each field: title, summary, description, facts, topics, terms (search_scoring.FIELDS)."""
        return (*self.fields, self.topics, self.terms)


@dataclass(frozen=True)
class CatalogueEntries:
    """The index's documents for offers and news in one language; hand-written pages are added when they are known."""

    language: str
    offers: tuple[SearchDocument, ...]
    news: tuple[SearchDocument, ...]


Synonyms = Sequence[Sequence[str]]
"""Groups of words or phrases that mean the same to readers of one language."""


TAXONOMY_GROUPS: tuple[Callable[[Offer, Publication], Iterable[Term]], ...] = (
    lambda offer, publication: map(publication.catalogue.taxonomy.target_group, offer.target_groups),
    lambda offer, publication: map(publication.catalogue.taxonomy.district, offer_districts(offer, publication)),
    lambda offer, publication: map(publication.catalogue.taxonomy.entitlement, offer.costs.free_with),
    lambda offer, publication: map(publication.catalogue.taxonomy.eligibility_term, offer.eligible),
)
"""The taxonomy terms an offer is indexed under, one line per group, by their label in the reader's language."""
FILTER_LABELS: tuple[Callable[[Offer], Iterable[str]], ...] = (
    lambda offer: ["offer.free"] if offer.costs.free_for_some else [],
    lambda offer: [
        f"mode.{mode}" for mode in (offer.mode, *(MODES_INCLUDING_HYBRID if offer.mode == "hybrid" else ()))
    ],
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


def _offer_document(
    offer: Offer, publication: Publication, reader: ReaderLanguage, language_names: Mapping[str, str]
) -> SearchDocument:
    localiser = reader.localiser
    actor = publication.catalogue.actors[offer.actor]
    facts = [localiser.name(actor.name).text, *(language_names[code] for code in offer.languages)]
    topics = [
        localiser.name(publication.catalogue.taxonomy.category(category).label).text for category in offer.categories
    ]
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
    return SearchDocument(
        (
            title.text,
            localiser.pick(offer.summary).text,
            _MARKDOWN_NOISE.sub(" ", description),
            " \n ".join(facts),
        ),
        terms=" \n ".join(terms),
        topics=" \n ".join(topics),
    )


def _news_document(item: NewsItem, localiser: Localiser) -> SearchDocument:
    title = localiser.pick(item.title)
    summary = localiser.pick(item.summary) if item.summary else title
    return SearchDocument(
        (title.text, summary.text if item.summary else "", _MARKDOWN_NOISE.sub(" ", localiser.text(item.body)), ""),
        url=f"news/{item.id}/",
        title=title.text,
        language=_foreign(localiser.language, title.language, summary.language),
    )


def page_document(page: ContentEntry, reader_language: str) -> SearchDocument:
    return SearchDocument(
        (page.title, "", page.text, ""),
        url=page.url,
        title=page.title,
        language=_foreign(reader_language, page.language),
    )


def _foreign(reader_language: str, *shown_languages: str) -> str:
    return next((language for language in shown_languages if language != reader_language), "")
