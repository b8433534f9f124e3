"""The catalogue's generated pages for one language: bodies, titles and head extras, ready for a site frame."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from catalogue.data.model import Actor, NewsItem, Offer, offer_has_dates
from catalogue.data.months import months_before
from catalogue.figures.need_figures import need_figures
from catalogue.figures.statistics import figures
from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.capacity import capacity_state, shown_capacity
from catalogue.publication.ended_offers import ended_offers, similar_offers
from catalogue.publication.news_archive import archived_news, current_news

from .figures_page import chart_views, matrix_views
from .jsonld import offer_jsonld, script_json
from .listing_pages import ListingPages
from .need_figures_page import needs_view
from .offline import OFFLINE_FOLDER
from .page_renderer import RenderedPage
from .qr_code import qr_svg
from .share_links import share_links


@dataclass
class PageRenderer(ListingPages):
    """All of a language's generated pages: the listings (listing_pages.py) and each offer's, provider's and news
    item's own page, the news, open data, figures and offline pages."""

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

    def actor_page(self, actor: Actor) -> RenderedPage:
        """A provider's page; it shows the provider and the cards of its offers, nothing of other records."""
        offers = self.publication.offers_of_actor(actor.id)
        return self.parts.part(
            "actor-page",
            (actor, *offers),
            lambda: self._render(
                "actor.html",
                f"actors/{actor.id}/index.html",
                title=self.reader.plain(actor.name),
                description=self.reader.t(f"actor_type.{actor.type}"),
                actor=actor,
                offers=offers,
                machine=self.reader.code in actor.translation.machine,
            ),
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
