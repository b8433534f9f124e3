"""The catalogue's generated pages for one language: bodies, titles and head extras, ready for a site frame."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from catalogue.data.email_address import mailto_href
from catalogue.data.model import Actor, NewsItem, Offer, Term, offer_has_dates
from catalogue.data.months import months_before
from catalogue.data.time_of_day import TIMES_OF_DAY
from catalogue.figures.history import QuarterCount
from catalogue.figures.need_figures import need_figures
from catalogue.figures.statistics import figures
from catalogue.language.reader_language import FallbackTracker, ReaderLanguage, direction_of
from catalogue.publication.capacity import capacity_state, shown_capacity
from catalogue.publication.ended_offers import ended_offers, similar_offers
from catalogue.publication.news_archive import archived_news, current_news
from catalogue.publication.visibility import Publication

from .catalogue_listing import (
    GERMAN_LEVELS,
    LISTING_PAGE_SIZE,
    Listing,
    facet_counts,
    listing_files,
    offers_in_district,
    pages_of,
)
from .figures_page import chart_views, matrix_views
from .jsonld import offer_jsonld, script_json
from .need_figures_page import needs_view
from .offline import OFFLINE_FOLDER
from .qr_code import qr_svg
from .search_terms import SNOWBALL_ALGORITHMS
from .share_links import share_links
from .tell_office import filter_names, mail_parts, mailto_with, tell_texts

_TEMPLATES = Path(__file__).parent / "templates"
_T = TypeVar("_T")
_FALLBACK_NOTICE_SLOT = "<!--cat:fallback-notice-->"
_ROOT_SLOT = "@@cat-root@@"


@dataclass(frozen=True)
class RenderedPage:
    path: str
    """Below the language's root, e.g. 'offers/deutsch-a1/index.html'."""
    title: str
    description: str
    body: str
    head: str = ""
    listed: bool = True
    """Whether search engines may find the page (the sitemap); an ended offer's page is not listed."""

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.html")

    @property
    def depth(self) -> int:
        return self.path.count("/")


def template_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        auto_reload=False,
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.tests["first_is"] = lambda values, value: bool(values) and values[0] == value
    environment.filters["mailto"] = mailto_href
    environment.filters["long_date"] = lambda day, reader: reader.formatter.long_date(day)
    environment.filters["language_name"] = lambda code, reader: reader.language_name(code)
    environment.filters["district_name"] = lambda district_id, reader, taxonomy: reader.name(
        taxonomy.district(district_id).label
    )
    environment.filters["target_group_name"] = lambda group_id, reader, taxonomy: reader.inline(
        taxonomy.target_group(group_id).label, "offer.target_groups"
    )
    environment.filters["eligibility_name"] = lambda term_id, reader, taxonomy: reader.inline(
        taxonomy.eligibility_term(term_id).label, "offer.eligibility"
    )
    environment.filters["offer_of"] = lambda offer_id, publication: publication.offer(offer_id)
    environment.filters["tel"] = lambda phone: "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    environment.filters["direction"] = direction_of
    return environment


class PartCache(Protocol):
    """Where a renderer finds the parts of pages an earlier build made from the same inputs (catalogue.build.
    build_cache.LanguageCache): `part(kind, records, make)` gives the part `kind` made from `records` in the build's
    context (settings, labels, taxonomy, day, product), calling `make()` when no earlier build made it."""

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], _T]) -> _T: ...


class NoPartCache:
    """Makes every part anew."""

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], _T]) -> _T:
        return make()


@dataclass(frozen=True)
class _Card:
    html: str
    fallbacks: int
    languages: frozenset[str] = frozenset()


@dataclass
class PageRenderer:
    publication: Publication
    reader: ReaderLanguage
    environment: Environment
    history: tuple[QuarterCount, ...] | None = None
    """Offers added and ended per quarter, when the build has the data's git history."""
    _cards: dict[tuple[str, str], _Card] = field(default_factory=dict)
    listing_version: str = ""
    """The digest of the language's cards and facet files (catalogue_listing), for the catalogue page's requests."""
    _facet_counts: dict[str, int] | None = None
    parts: PartCache = field(default_factory=NoPartCache)
    """Parts an earlier build made: an offer's page, card and QR code depend only on the offer, its provider and
    the build's context, so they are looked up by those."""

    def card(self, offer: Offer, root: str, heading: str = "h3") -> Markup:
        """An offer's card; rendered once per language and reused on the catalogue, category and actor pages."""
        key = (offer.id, heading)
        if key not in self._cards:
            actor = self.publication.catalogue.actors[offer.actor]
            self._cards[key] = self.parts.part(
                "card", (offer, actor, heading), lambda: self._render_card(offer, actor, heading)
            )
        card = self._cards[key]
        if card.fallbacks:
            self.reader.fallbacks.entries += 1
            self.reader.fallbacks.languages.update(card.languages)
        return Markup(card.html.replace(_ROOT_SLOT, root))

    def _render_card(self, offer: Offer, actor: Actor, heading: str) -> _Card:
        outer = self.reader.fallbacks
        self.reader.fallbacks = FallbackTracker()
        districts = list(dict.fromkeys(actor.location(location_id).district for location_id in offer.locations))
        html = self.environment.get_template("_card.html").render(
            r=self.reader,
            root=_ROOT_SLOT,
            offer=offer,
            actor=actor,
            districts=districts,
            heading=heading,
            taxonomy=self.publication.catalogue.taxonomy,
            capacity=capacity_state(offer, self.publication.today),
        )
        card = _Card(html, self.reader.fallbacks.count, frozenset(self.reader.fallbacks.languages))
        self.reader.fallbacks = outer
        return card

    def all_pages(self) -> Iterator[RenderedPage]:
        yield self.catalogue_page()
        for category in self.publication.catalogue.taxonomy.categories:
            yield from self.category_pages(category)
        for district in self.publication.catalogue.taxonomy.districts:
            yield from self.district_pages(district)
        for offer in self.publication.offers:
            yield self.offer_page(offer)
        for offer in ended_offers(self.publication):
            yield self.ended_offer_page(offer)
        yield self.actors_page()
        for actor in self.publication.catalogue.actors.values():
            yield self.actor_page(actor)
        yield self.news_page()
        yield self.news_archive_page()
        for item in self.publication.catalogue.news:
            yield self.news_item_page(item)
        yield self.open_data_page()
        yield self.figures_page()

    def _render(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        head: str = "",
        lists_entries: bool = False,
        words: ReaderLanguage | None = None,
        machine: bool = False,
        **values: object,
    ) -> RenderedPage:
        """One page below the reader's language root. `lists_entries`: the page's data texts are all entries of a
        list (providers, news), none its own. `words` speaks for the page when it is not the reader's own (a page
        whose words the language lacks), while links keep counting from the reader's folder. `machine`: the page's texts
        in the reader's language are an unchecked machine translation (`machine_translated`)."""
        view = words or self.reader
        view.fallbacks = FallbackTracker()
        root = "../" * path.count("/")
        body = self.environment.get_template(template).render(
            r=view,
            root=root,
            card=lambda offer, heading="h3": self.card(offer, root, heading),
            site_root="../" * (path.count("/") + self.reader.prefix.count("/")),
            publication=self.publication,
            taxonomy=self.publication.catalogue.taxonomy,
            actors=self.publication.catalogue.actors,
            settings=self.reader.settings,
            **values,
        )
        return RenderedPage(
            path,
            title,
            description,
            body.replace(_FALLBACK_NOTICE_SLOT, self.fallback_notice(view, lists_entries, machine)),
            head,
        )

    @staticmethod
    def fallback_notice(view: ReaderLanguage, lists_entries: bool, machine: bool = False) -> str:
        """The page's one notice about its language: which of its parts are shown in German where the template named
        them ('Not yet translated, so shown in German: Calling hours.'), in one sentence with the machine-translation
        note where the page has one; 'this text is shown in German' where a text fell back that no part names;
        'some entries are shown in German' where only entries of its lists did. A machine note is left out beside
        'this text is shown in German', which would contradict it."""
        fallbacks = view.fallbacks
        own = 0 if lists_entries else fallbacks.count
        entries = fallbacks.entries + (fallbacks.count if lists_entries else 0)
        if own and fallbacks.unnamed:
            note, kind = view.fallback_note("fallback.notice", fallbacks.languages), ""
        elif own or machine:
            note, kind = view.parts_note(machine), " cat-notice--machine" if machine else ""
        elif entries:
            note, kind = view.fallback_note("fallback.notice_some", fallbacks.languages), ""
        else:
            return ""
        return f'<p class="cat-notice{kind}" role="note">{Markup.escape(note)}</p>'

    def offer_page(self, offer: Offer) -> RenderedPage:
        """An offer's page; it shows the offer, its provider and the build's context, nothing of other records."""
        actor = self.publication.catalogue.actors[offer.actor]
        url = self.reader.settings.site_url + self.reader.prefix + f"offers/{offer.id}/"
        qr = self.parts.part("qr", (url,), lambda: qr_svg(url))
        return self.parts.part("offer-page", (offer, actor), lambda: self._render_offer_page(offer, actor, url, qr))

    def _render_offer_page(self, offer: Offer, actor: Actor, url: str, qr: Markup) -> RenderedPage:
        document = offer_jsonld(
            offer, actor, self.publication.catalogue.taxonomy, self.reader, url, self.publication.today
        )
        head = '<script type="application/ld+json">' + script_json(document) + "</script>" + self.share_script()
        return self._render(
            "offer.html",
            f"offers/{offer.id}/index.html",
            title=self.reader.plain(offer.title),
            description=self.reader.plain(offer.summary),
            head=head,
            offer=offer,
            actor=actor,
            machine=self.reader.code in offer.translation.machine,
            share_url=url,
            share=share_links(self.reader.plain(offer.title), self.reader.plain(offer.summary), url),
            german=self.german_words,
            qr=qr,
            has_dates=offer_has_dates(offer),
            stale=offer.last_verified.date
            < months_before(self.publication.today, self.reader.settings.stale_after_months),
            capacity=capacity_state(offer, self.publication.today),
            capacity_as_of=None if (shown := shown_capacity(offer, self.publication.today)) is None else shown.as_of,
        )

    def ended_offer_page(self, offer: Offer) -> RenderedPage:
        """The page at an ended offer's address: says it has ended, names the provider with its contact and lists
        similar current offers. Kept out of search engines (noindex, not in the sitemap) and the site's search."""
        page = self._render(
            "offer_ended.html",
            f"offers/{offer.id}/index.html",
            title=self.reader.plain(offer.title),
            description=str(self.reader.t("ended.notice")),
            head='<meta name="robots" content="noindex">',
            offer=offer,
            actor=self.publication.catalogue.actors[offer.actor],
            similar=similar_offers(self.publication, offer),
        )
        return RenderedPage(page.path, page.title, page.description, page.body, page.head, listed=False)

    def share_script(self) -> str:
        """The offer page's own script: the share button (assets/catalogue/share.js); the page works without it."""
        return f'<script src="{"../" * (2 + self.reader.prefix.count("/"))}assets/catalogue/share.js" defer></script>'

    @cached_property
    def german_words(self) -> ReaderLanguage | None:
        """The default language's words for the print-out's block in German, for staff at a counter; None when the
        reader reads the default language already. Made once per language, with its formats, for every offer page."""
        settings = self.reader.settings
        if self.reader.code == settings.default_language:
            return None
        return ReaderLanguage(settings, settings.default_language, self.reader.fallback_labels)

    def actor_page(self, actor: Actor) -> RenderedPage:
        return self._render(
            "actor.html",
            f"actors/{actor.id}/index.html",
            title=self.reader.plain(actor.name),
            description=self.reader.t(f"actor_type.{actor.type}"),
            actor=actor,
            offers=self.publication.offers_of_actor(actor.id),
            machine=self.reader.code in actor.translation.machine,
        )

    def actors_page(self) -> RenderedPage:
        actors = sorted(
            self.publication.catalogue.actors.values(), key=lambda actor: self.reader.plain(actor.name).casefold()
        )
        return self._render(
            "actors.html",
            "actors/index.html",
            title=self.reader.t("actors.title"),
            description=self.reader.t("actors.intro", town=self.reader.town),
            lists_entries=True,
            sorted_actors=actors,
        )

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

    def news_page(self) -> RenderedPage:
        return self._render(
            "news_list.html",
            "news/index.html",
            title=self.reader.t("news.title"),
            description=self.reader.t("news.intro"),
            head=self.feed_link(depth=1),
            lists_entries=True,
            news=current_news(self.publication.catalogue.news, self.publication.today),
            archived=bool(archived_news(self.publication.catalogue.news, self.publication.today)),
            feed_url=self.reader.settings.site_url + self.reader.prefix + "news/feed.xml",
        )

    def news_archive_page(self) -> RenderedPage:
        """News older than a year (catalogue.publication.news_archive), newest first."""
        return self._render(
            "news_archive.html",
            "news/archive/index.html",
            title=self.reader.t("news.archive_title"),
            description=self.reader.t("news.archive_intro"),
            head=self.feed_link(depth=2),
            lists_entries=True,
            news=archived_news(self.publication.catalogue.news, self.publication.today),
        )

    def news_item_page(self, item: NewsItem) -> RenderedPage:
        return self._render(
            "news_item.html",
            f"news/{item.id}/index.html",
            title=self.reader.plain(item.title),
            description=self.reader.plain(item.summary) if item.summary else self.reader.t("news.intro"),
            head=self.feed_link(depth=2),
            item=item,
            machine=self.reader.code in item.translation.machine,
            archived=item in archived_news(self.publication.catalogue.news, self.publication.today),
        )

    def open_data_page(self) -> RenderedPage:
        return self._render(
            "open_data.html",
            "open-data/index.html",
            title=self.reader.t("footer.open_data"),
            description=self.reader.t("opendata.json"),
        )

    def figures_page(self) -> RenderedPage:
        """The council's figures. A language whose labels lack the optional `figures.*` block gets the page in the
        site's default language, marked as such, under a notice in its own language."""
        reader = self.reader
        wrapped = "figures.title" not in reader.labels
        shown = next(
            (code for code in reader.chain if "figures.title" in reader.chain_labels.get(code, {})),
            reader.settings.default_language,
        )
        view_reader = (
            ReaderLanguage(reader.settings, shown, reader.chain_labels.get(shown, {}), reader.fallback_labels)
            if wrapped
            else reader
        )
        numbers = figures(self.publication, reader.settings.language_codes)
        notice = (
            Markup('<p class="cat-notice" role="note">{}</p>').format(reader.fallback_note("fallback.notice", [shown]))
            if wrapped
            else Markup("")
        )
        page = self._render(
            "figures.html",
            "figures/index.html",
            title=reader.t("footer.figures"),
            description=view_reader.t(
                "figures.intro",
                count=numbers.offers,
                day=view_reader.formatter.long_date(self.publication.today),
                town=view_reader.town,
            ),
            words=view_reader,
            figures=numbers,
            charts=chart_views(numbers, self.publication, view_reader),
            matrices=matrix_views(numbers, self.publication, view_reader),
            needs=needs_view(need_figures(self.publication), self.publication, view_reader),
            history=self.history,
            wrapped=wrapped,
        )
        return RenderedPage(page.path, page.title, page.description, str(notice) + page.body, page.head)

    def offline_page(self) -> RenderedPage:
        """What the offline worker shows for a page the reader's browser has not saved (site/offline.py); kept out
        of search engines, the sitemap and the site's search."""
        return self._render(
            "offline.html",
            OFFLINE_FOLDER + "index.html",
            title=self.reader.t("offline.title"),
            description=self.reader.t("offline.text"),
            head='<meta name="robots" content="noindex">',
        )

    def feed_link(self, depth: int) -> str:
        title = Markup.escape(self.reader.t("news.feed"))
        return f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{"../" * depth}news/feed.xml">'

    def home_fragment(self, name: str, root: str) -> str:
        """A generated part of the hand-written home page: 'search', 'categories' or 'news'."""
        return self.environment.get_template(f"home_{name}.html").render(
            r=self.reader,
            root=root,
            site_root=root + "../" * self.reader.prefix.count("/"),
            publication=self.publication,
            current_news=current_news(self.publication.catalogue.news, self.publication.today),
            taxonomy=self.publication.catalogue.taxonomy,
            settings=self.reader.settings,
        )
