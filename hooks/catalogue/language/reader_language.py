"""Everything a template needs to speak one reader's language: labels, texts with fallback, dates, lists."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Mapping

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from markupsafe import Markup, escape

from catalogue.data.model import Offer, Texts
from catalogue.data.settings import Settings

from .formatting import LocaleFormatter, cldr_locale
from .localise import Localiser, LocalText
from .markdown_text import markdown_to_html

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class FallbackTracker:
    """Counts the texts one page shows in the default language because a translation is missing."""

    count: int = 0


@dataclass
class ReaderLanguage:
    settings: Settings
    code: str
    labels: Mapping[str, str]
    fallback_labels: Mapping[str, str] = field(default_factory=dict)
    fallbacks: FallbackTracker = field(default_factory=FallbackTracker)

    @cached_property
    def localiser(self) -> Localiser:
        return Localiser(self.code, self.settings.default_language)

    @cached_property
    def formatter(self) -> LocaleFormatter:
        return LocaleFormatter(self.code)

    @cached_property
    def prefix(self) -> str:
        return self.settings.url_prefix(self.code)

    @property
    def town(self) -> str:
        """The town's name as this language writes it (`extra.catalogue.town`), else the default language's."""
        return self.settings.town_in(self.code)


    def t(self, key: str, **values: object) -> Markup:
        """An interface text with its {placeholders} filled; values that are Markup keep their tags."""
        template = str(escape(self.labels.get(key) or self.fallback_labels.get(key) or key))
        return Markup(_PLACEHOLDER.sub(lambda match: str(escape(values.get(match.group(1), match.group(0)))), template))

    def isolated(self, text: str, language: str) -> Markup:
        """Text in another language inside this page's text, e.g. a German name in an Arabic sentence."""
        if language == self.code:
            return escape(text)
        return Markup('<bdi lang="{}">{}</bdi>').format(language, text)

    def pick(self, texts: Texts) -> LocalText:
        picked = self.localiser.pick(texts)
        if picked.is_fallback:
            self.fallbacks.count += 1
        return picked

    def text(self, texts: Texts) -> Markup:
        """Inline text; a fallback is marked with its real language and isolated from the page's direction."""
        picked = self.pick(texts)
        if not picked.is_fallback:
            return escape(picked.text)
        return Markup('<span class="cat-fallback" lang="{}" dir="auto">{}</span>').format(picked.language, picked.text)

    def plain(self, texts: Texts) -> str:
        return self.localiser.pick(texts).text

    def name(self, texts: Texts) -> Markup:
        """A proper name: in another script's page it keeps its own language and direction, with no notice."""
        picked = self.localiser.name(texts)
        if picked.language == self.code:
            return escape(picked.text)
        return Markup('<bdi lang="{}">{}</bdi>').format(picked.language, picked.text)

    def markdown(self, texts: Texts) -> Markup:
        picked = self.pick(texts)
        html = Markup(markdown_to_html(picked.text))
        if not picked.is_fallback:
            return html
        return Markup('<div class="cat-fallback" lang="{}" dir="auto">{}</div>').format(picked.language, html)

    def ltr(self, value: object) -> Markup:
        """Phone numbers, e-mail addresses, URLs and postcodes read left to right on every page."""
        return Markup('<bdi dir="ltr">{}</bdi>').format(value)

    def email(self, address: str) -> Markup:
        """An e-mail address that reads left to right and, on a narrow phone, wraps after '@' or before a dot."""
        local, _, domain = address.partition("@")
        wrapped = Markup("<wbr>.").join(escape(part) for part in domain.split("."))
        return Markup('<bdi dir="ltr">{}@<wbr>{}</bdi>').format(local, wrapped)

    def language_name(self, code: str) -> str:
        return _language_name(code, self.code)

    def join(self, items: Iterable[object]) -> Markup:
        """A list the way the reader's language writes it: 'A, B und C', 'A وB وC'."""
        escaped = [str(escape(item)) for item in items]
        return Markup(format_list(escaped, locale=cldr_locale(self.code))) if escaped else Markup("")

    def ages(self, offer: Offer) -> Markup:
        if offer.age_min is not None and offer.age_max is not None:
            return self.t("offer.ages", min=offer.age_min, max=offer.age_max)
        if offer.age_min is not None:
            return self.t("offer.age_from", min=offer.age_min)
        if offer.age_max is not None:
            return self.t("offer.age_to", max=offer.age_max)
        return self.t("offer.all_ages")

    def cost(self, offer: Offer) -> Markup:
        costs = offer.costs
        if costs.free:
            return self.t("offer.free")
        if costs.amount is not None and costs.per:
            return self.t("offer.price", amount=self.formatter.price(costs.amount), per=self.t(f"per.{costs.per}"))
        if costs.amount is not None:
            return escape(self.formatter.price(costs.amount))
        return self.t("offer.reductions")


@lru_cache(maxsize=4096)
def _language_name(code: str, reader_language: str) -> str:
    """A language's name in the reader's language, from CLDR (e.g. 'ar' for a Ukrainian reader: 'арабська')."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(cldr_locale(reader_language))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code
