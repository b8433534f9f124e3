"""The core of a language's page renderer: the template environment, the offer cards and rendering one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from catalogue.data.email_address import mailto_href
from catalogue.data.model import Actor, Offer
from catalogue.data.part_cache import NoPartCache, PartCache
from catalogue.figures.history import QuarterCount
from catalogue.language.reader_language import FallbackTracker, ReaderLanguage, direction_of
from catalogue.publication.capacity import capacity_state
from catalogue.publication.news_archive import current_news
from catalogue.publication.visibility import Publication

_TEMPLATES = Path(__file__).parent / "templates"
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


@cache
def template_environment() -> Environment:
    """The generated pages' Jinja environment, one per process: it knows no language (the filters take the reader),
    so every language's renderer shares its compiled templates."""
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


@dataclass(frozen=True)
class _Card:
    html: str
    fallbacks: int
    languages: frozenset[str] = frozenset()


@dataclass
class PageRendererCore:
    """What every page of a language needs: its publication, words, templates and cached parts; `PageRenderer`
    (pages.py) adds the pages themselves."""

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

    @cached_property
    def german_words(self) -> ReaderLanguage | None:
        """The default language's words for the print-out's block in German, for staff at a counter; None when the
        reader reads the default language already. Made once per language, with its formats, for every offer page."""
        settings = self.reader.settings
        if self.reader.code == settings.default_language:
            return None
        return ReaderLanguage(settings, settings.default_language, self.reader.fallback_labels)

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
