"""The catalogue's listing pages for one language: the catalogue page, the category and district pages with their
pager, and the "tell the office" e-mail at their end."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cached_property
from typing import Any

from catalogue.data.model import Offer, Term
from catalogue.data.time_of_day import TIMES_OF_DAY
from catalogue.language.reader_language import ReaderLanguage

from .catalogue_listing import (
    GERMAN_LEVELS,
    LISTING_PAGE_SIZE,
    Listing,
    facet_counts,
    listing_files,
    offers_in_district,
    pages_of,
)
from .page_renderer import PageRendererCore, RenderedPage
from .search_terms import SNOWBALL_ALGORITHMS
from .tell_office import filter_names, mail_parts, mailto_with, tell_texts


class ListingPages(PageRendererCore):
    """The pages that list offers, LISTING_PAGE_SIZE to a page, and the catalogue page's filters and counts."""

    def category_pages(self, category: Term) -> list[RenderedPage]:
        """A stage of life's offers, LISTING_PAGE_SIZE to a page: catalogue/<id>/, then catalogue/<id>/page/2/ …"""
        return self._listing_pages(
            "category.html",
            f"catalogue/{category.id}/",
            self.publication.offers_in_category(category.id),
            self.reader.plain(category.label),
            self.reader.t("category.intro", category=self.reader.plain(category.label), town=self.reader.town),
            category=category,
            tell_href=self.tell_office_href(category),
        )

    @cached_property
    def _tell_words(self) -> tuple[ReaderLanguage, ...]:
        """Who the 'tell the office' e-mail speaks in: the office's language first, then the reader's."""
        return (self.german_words, self.reader) if self.german_words is not None else (self.reader,)

    def tell_office_href(self, category: Term) -> str | None:
        """The e-mail to the office from the end of a category page (site/tell_office.py); None without an address."""
        address = self.reader.settings.office_email
        if not address:
            return None
        searched = [words.plain(category.label) for words in self._tell_words]
        subject, body = mail_parts([tell_texts(words, self.reader.code) for words in self._tell_words], searched)
        return mailto_with(address, subject, body)

    def tell_office_script_data(self) -> str:
        """The catalogue page's e-mail templates and filter names per language, as JSON for assets/catalogue.js."""
        taxonomy = self.publication.catalogue.taxonomy
        offer_languages = sorted({code for offer in self.publication.offers for code in offer.languages})
        return json.dumps(
            {
                "address": self.reader.settings.office_email,
                "languages": [
                    {
                        **asdict(tell_texts(words, self.reader.code)),
                        "filters": filter_names(words, taxonomy, offer_languages),
                    }
                    for words in self._tell_words
                ],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def district_pages(self, district: Term) -> list[RenderedPage]:
        """The offers that take place in a district, as `category_pages`: catalogue/district/<id>/ …"""
        name = self.reader.plain(district.label)
        return self._listing_pages(
            "district.html",
            f"catalogue/district/{district.id}/",
            offers_in_district(self.publication, district.id),
            name,
            self.reader.t("district.intro", district=name, town=self.reader.town),
            district=district,
        )

    def _listing_pages(
        self, template: str, folder: str, offers: tuple[Offer, ...], title: str, description: str, **values: Any
    ) -> list[RenderedPage]:
        pages = pages_of(offers)
        rendered = []
        for number, page_offers in enumerate(pages, start=1):
            path = folder + ("" if number == 1 else f"page/{number}/") + "index.html"
            depth = path.count("/")
            links = {"prev": number - 1 if number > 1 else None, "next": number + 1 if number < len(pages) else None}
            hrefs = {
                rel: "../" * depth + folder + ("" if target == 1 else f"page/{target}/")
                for rel, target in links.items()
                if target is not None
            }
            head = "".join(f'<link rel="{rel}" href="{href}">' for rel, href in hrefs.items())
            page_title = (
                title
                if number == 1
                else f"{title} – {self.reader.t('pager.position', page=self.reader.number(number), pages=self.reader.number(len(pages)))}"
            )
            rendered.append(
                self._render(
                    template,
                    path,
                    title=page_title,
                    description=description,
                    head=head,
                    offers=page_offers,
                    total=len(offers),
                    page_number=number,
                    page_count=len(pages),
                    pager=hrefs,
                    facet_counts=self.facet_counts(),
                    **values,
                )
            )
        return rendered

    def listing(self) -> Listing:
        """The cards and facet lists the catalogue page's script fetches (catalogue_listing); sets `listing_version`."""
        listing = listing_files(self.publication, lambda offer: str(self.card(offer, "../")))
        self.listing_version = listing.version
        return listing

    def catalogue_page(self) -> RenderedPage:
        return self._render(
            "catalogue.html",
            "catalogue/index.html",
            title=self.reader.t("catalogue.title"),
            description=self.reader.plural(
                "catalogue.intro",
                len(self.publication.offers),
                count=self.reader.number(len(self.publication.offers)),
                town=self.reader.town,
            ),
            head=f'<script src="{"../" * (1 + self.reader.prefix.count("/"))}assets/catalogue/catalogue.js" defer></script>',
            stemmed=self.reader.code in SNOWBALL_ALGORITHMS,
            tell_data=self.tell_office_script_data() if self.reader.settings.office_email else "",
            **self._catalogue_values(),
        )

    def facet_counts(self) -> dict[str, int]:
        """Facet name (catalogue_listing) -> how many published offers it holds; counted once per language."""
        if self._facet_counts is None:
            self._facet_counts = facet_counts(self.publication.offers, self.publication)
        return self._facet_counts

    def _catalogue_values(self) -> dict[str, Any]:
        """The catalogue page's first offers, its counts by stage of life and district, and its filters' choices."""
        taxonomy = self.publication.catalogue.taxonomy
        ordered = [
            offer
            for category in taxonomy.categories
            for offer in self.publication.offers
            if offer.categories[0] == category.id
        ]
        counts = self.facet_counts()
        entitlements = [
            term
            for term in taxonomy.entitlements
            if any(term.id in offer.costs.free_with for offer in self.publication.offers)
        ]
        return {
            "first_offers": ordered[:LISTING_PAGE_SIZE],
            "facet_counts": counts,
            "german_levels": [level for level in GERMAN_LEVELS if f"g-{level}" in counts],
            "times_of_day": [time for time in TIMES_OF_DAY if f"t-{time}" in counts],
            "entitlements": entitlements,
            "eligibility_terms": [term for term in taxonomy.eligibility if f"e-{term.id}" in counts],
            "listing_version": self.listing_version,
            "page_size": LISTING_PAGE_SIZE,
        }
