"""Everything a template needs to speak one reader's language: labels, texts with fallback, dates, lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape

from catalogue.data.model import Offer, Texts
from catalogue.data.plural_rules import plural_categories
from catalogue.data.settings import Settings

from .formatting import FormatOverrides, LocaleFormatter, cldr_locale, plural_category
from .localise import Localiser, LocalText
from .markdown_text import isolate_number_runs, markdown_to_html

_PLACEHOLDER = re.compile(r"\{(\w+)\}")

# CLDR's Persian list ends with "، و" ("A، B، و C"); Persian style writes no comma before و.
# CLDR's Tigrinya name for German is "ጀርመን", the country; the language is "ጀርመንኛ" like every other language name.
# Its names for Pashto, Kurdish and Somali ("ፓሽቶ", "ኩርዲሽ", "ሶማሊ") lack that ending too.
_LANGUAGE_NAME_OVERRIDES: Mapping[tuple[str, str], str] = {
    ("de", "ti"): "ጀርመንኛ",
    ("ps", "ti"): "ፓሽቶኛ",
    ("ku", "ti"): "ኩርድኛ",
    ("so", "ti"): "ሶማልኛ",
}

_LIST_PATTERN_OVERRIDES: Mapping[str, Mapping[str, str]] = {"fa": {"end": "{0} و {1}"}}


@dataclass
class FallbackTracker:
    """Counts the texts one page shows in the default language because a translation is missing: the page's own,
    and the entries it lists (offer cards) that show at least one."""

    count: int = 0
    entries: int = 0
    languages: set[str] = field(default_factory=set)
    """The languages those texts are shown in (the default language, or one of the reader's fallback chain)."""
    parts: dict[str, None] = field(default_factory=dict)
    """The label keys naming the parts of the page whose texts fell back ('offer.hours', 'offer.accessibility'), in
    the order the page shows them; the page's notice names them."""
    unnamed: int = 0
    """Fallbacks whose part the template did not name: the notice can only say 'this text'."""


@dataclass
class ReaderLanguage:
    settings: Settings
    code: str
    labels: Mapping[str, str]
    fallback_labels: Mapping[str, str] = field(default_factory=dict)
    fallbacks: FallbackTracker = field(default_factory=FallbackTracker)
    chain_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The labels of the languages of the reader's fallback chain before the default language
    (`Settings.fallback_chain`)."""
    formats: Mapping[str, object] = field(default_factory=dict)
    preview_languages: frozenset[str] = frozenset()
    """The site's languages whose words no native reader has reviewed yet: marked as a preview in the menu and on
    their pages (labels file `reviewed:` empty)."""
    """The `formats:` of the language's labels file: what its readers write otherwise than CLDR (FormatOverrides)."""

    @cached_property
    def chain(self) -> tuple[str, ...]:
        """The languages tried before the default one when a text is missing, e.g. ('en',) for Tigrinya."""
        return tuple(code for code in self.settings.fallback_chain(self.code) if code != self.settings.default_language)

    @cached_property
    def localiser(self) -> Localiser:
        return Localiser.of(self.settings, self.code)

    @cached_property
    def _label_sources(self) -> tuple[tuple[str, Mapping[str, str]], ...]:
        """(language, labels) in the order a label is looked up: the reader's, the chain's, the default language's."""
        chain = tuple((code, self.chain_labels[code]) for code in self.chain if code in self.chain_labels)
        return ((self.code, self.labels), *chain, (self.settings.default_language, self.fallback_labels))

    @cached_property
    def formatter(self) -> LocaleFormatter:
        return LocaleFormatter(self.code, FormatOverrides.from_document(self.formats))

    @cached_property
    def prefix(self) -> str:
        return self.settings.url_prefix(self.code)

    @property
    def town(self) -> str:
        """The town's name as this language writes it (`extra.catalogue.town`), else the default language's."""
        return self.settings.town_in(self.code)

    @property
    def office(self) -> Markup:
        """The office's name in the reader's language where the settings give it, else in the default language,
        marked with that language and isolated."""
        return self.isolated(self.settings.office_in(self.code), self.settings.office_language(self.code))

    def t(self, key: str, **values: object) -> Markup:
        """An interface text with its {placeholders} filled; values that are Markup keep their tags."""
        template = str(escape(next((labels[key] for _, labels in self._label_sources if labels.get(key)), key)))
        return Markup(_PLACEHOLDER.sub(lambda match: str(escape(values.get(match.group(1), match.group(0)))), template))

    def plural(self, key: str, number: int | float, **values: object) -> Markup:
        """A phrase with a number in it, in the form for the number's CLDR plural category.

        Labels hold one form per category as `<key>.<category>` ('offer.age_from.one', '... .few', '... .other');
        a language's category missing, its 'other' form is taken, then the default language's forms.
        """
        for language, labels in self._label_sources:
            found = self._plural_key(labels, key, plural_category(language, number))
            if found:
                return self.t(found, **values)
        return self.t(key, **values)

    @staticmethod
    def _plural_key(labels: Mapping[str, str], key: str, category: str) -> str | None:
        for candidate in (f"{key}.{category}", f"{key}.other", key):
            if labels.get(candidate):
                return candidate
        return None

    def plural_forms(self, key: str) -> dict[str, str]:
        """Category -> label text with {placeholders} unfilled, for every CLDR plural category of the language; for
        the browser, which picks with Intl.PluralRules."""
        forms = {}
        for category in sorted(plural_categories(self.code)):
            forms[category] = key
            for _, labels in self._label_sources:
                found = self._plural_key(labels, key, category)
                if found:
                    forms[category] = labels[found]
                    break
        return forms

    def number(self, value: int | float) -> str:
        """A count or an age in the locale's digits."""
        return self.formatter.number(value)

    def isolated(self, text: str, language: str) -> Markup:
        """A name or title inside a sentence, isolated so that its direction cannot reorder the words around it
        (Unicode Bidirectional Algorithm, UAX #9; HTML's bdi), and marked with its language where it differs."""
        if language == self.code:
            return Markup("<bdi>{}</bdi>").format(text)
        return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(language, direction_of(language), text)

    def pick(self, texts: Texts, part: str = "") -> LocalText:
        """The text in the reader's language or its fallback, counted for the page's notice under `part`: the label
        key of the part of the page it belongs to ('offer.hours'), or '' where the template names none."""
        picked = self.localiser.pick(texts)
        if picked.is_fallback:
            self.fallbacks.count += 1
            self.fallbacks.languages.add(picked.language)
            if part:
                self.fallbacks.parts[part] = None
            else:
                self.fallbacks.unnamed += 1
        return picked

    def parts_note(self, machine: bool = False) -> Markup:
        """One sentence naming what of the page is not in the reader's language and the language it is shown in
        ('Not translated yet, so shown in German: Calling hours and Accessibility.'); with `machine`, the same sentence
        also says the rest is an unchecked machine translation. Empty where nothing named fell back."""
        parts = list(self.fallbacks.parts)
        if not parts:
            return self.t("machine.notice") if machine else Markup("")
        order = self.settings.fallback_chain(self.code)
        shown = sorted(
            self.fallbacks.languages, key=lambda code: (order.index(code) if code in order else len(order), code)
        )
        names = self.join(self.language_name(code) for code in shown)
        listed = self.join(self.t(part) for part in parts)
        return self.t("machine.notice_parts" if machine else "fallback.parts", language=names, parts=listed)

    def fallback_note(self, key: str, languages: Iterable[str]) -> Markup:
        """A notice about texts shown in another language: `key` ('fallback.notice', 'card.fallback' …) where they are
        all in the default language, else `<key>_in` naming the languages shown ('… shown in English')."""
        order = self.settings.fallback_chain(self.code)
        shown = sorted(set(languages), key=lambda code: (order.index(code) if code in order else len(order), code))
        if not shown or shown == [self.settings.default_language]:
            return self.t(key)
        return self.t(f"{key}_in", language=self.join(self.language_name(code) for code in shown))

    def text(self, texts: Texts, part: str = "") -> Markup:
        """Inline text; a fallback is marked with its real language and isolated from the page's direction. `part`:
        see pick()."""
        picked = self.pick(texts, part)
        if not picked.is_fallback:
            return escape(picked.text)
        return Markup('<span class="cat-fallback" lang="{}" dir="{}">{}</span>').format(
            picked.language, direction_of(picked.language), picked.text
        )

    def named(self, texts: Texts) -> Markup:
        """Like text(), for an entry of a list (a news headline): a fallback also names its language in brackets after
        it ('Auftakt (Deutsch)'), since the list has no notice of its own."""
        picked = self.localiser.pick(texts)
        if not picked.is_fallback:
            return escape(picked.text)
        self.fallbacks.entries += 1
        self.fallbacks.languages.add(picked.language)
        return Markup(
            '<span class="cat-fallback" lang="{}" dir="{}">{}</span> <span class="cat-muted">({})</span>'
        ).format(picked.language, direction_of(picked.language), picked.text, self.language_name(picked.language))

    def inline(self, texts: Texts, part: str = "") -> Markup:
        """Like text(), for a text inside a sentence or a list: always isolated (a fallback is isolated by its dir)."""
        picked = self.pick(texts, part)
        if not picked.is_fallback:
            return Markup("<bdi>{}</bdi>").format(picked.text)
        return Markup('<span class="cat-fallback" lang="{}" dir="{}">{}</span>').format(
            picked.language, direction_of(picked.language), picked.text
        )

    def plain(self, texts: Texts) -> str:
        return self.localiser.pick(texts).text

    def name(self, texts: Texts) -> Markup:
        """A proper name, isolated; in another script's page it keeps its own language and direction, with no notice."""
        picked = self.localiser.name(texts)
        return self.isolated(picked.text, picked.language)

    def markdown(self, texts: Texts, part: str = "") -> Markup:
        picked = self.pick(texts, part)
        rendered = markdown_to_html(picked.text)
        html = Markup(isolate_number_runs(rendered) if direction_of(self.code) == "rtl" else rendered)
        if not picked.is_fallback:
            return html
        return Markup('<div class="cat-fallback" lang="{}" dir="{}">{}</div>').format(
            picked.language, direction_of(picked.language), html
        )

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
        """A list inside a sentence the way the reader's language writes it (CLDR list patterns): 'A, B und C',
        'A وB وC', Persian 'A، B و C'."""
        escaped = [str(escape(item)) for item in items]
        return Markup(format_list_in(escaped, self.code)) if escaped else Markup("")

    def items(self, items: Iterable[object]) -> Markup:
        """Names that each stand alone, one per line (target groups): no sentence, so each keeps its capital."""
        rendered = Markup("").join(Markup("<li>{}</li>").format(item) for item in items)
        return Markup('<ul class="cat-items">{}</ul>').format(rendered) if rendered else Markup("")

    def count(self, key: str, number: int) -> Markup:
        """'1 offer', '5 предложений', '۴۹ فرصت': a label with {count}, in the number's plural form."""
        return self.plural(key, number, count=self.number(number))

    def time_range(self, start: str, end: str) -> Markup:
        """'18:00 to 20:00'; an end earlier than the start is marked as on the next day: '20:30 to 01:00 (next day)'."""
        end_text: object = self.formatter.time(end)
        if end < start:
            end_text = self.t("offer.next_day", time=end_text)
        return self.t("offer.time_range", start=self.formatter.time(start), end=end_text)

    def calendar_label(self, offer: Offer) -> Markup:
        """The calendar button says what the file holds: dated sessions, weekly times or both."""
        schedule = offer.schedule
        if schedule.sessions and schedule.weekly:
            return self.t("offer.calendar_both")
        return self.t("offer.calendar_weekly" if schedule.weekly else "offer.calendar")

    def ages(self, offer: Offer) -> Markup:
        """The age range of an offer; a range takes the plural form of its upper end, the number next to the noun."""
        if offer.age_min is not None and offer.age_max is not None:
            return self.plural(
                "offer.ages", offer.age_max, min=self.number(offer.age_min), max=self.number(offer.age_max)
            )
        if offer.age_min is not None:
            return self.plural("offer.age_from", offer.age_min, min=self.number(offer.age_min))
        if offer.age_max is not None:
            return self.plural("offer.age_to", offer.age_max, max=self.number(offer.age_max))
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


@lru_cache(maxsize=64)
def direction_of(language: str) -> str:
    """'rtl' or 'ltr': the writing direction of a language's script (CLDR character order). An element in another
    language than its page's carries it, so German text in an Arabic page reads left to right (HTML, the dir
    attribute)."""
    try:
        order = Locale.parse(language.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def format_list_in(items: list[str], language: str) -> str:
    """Items joined with the language's CLDR 'standard' list patterns (UTS #35, List Patterns), local corrections
    applied."""
    patterns = {**cldr_locale(language).list_patterns["standard"], **_LIST_PATTERN_OVERRIDES.get(language, {})}
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return str(patterns["2"].format(*items))
    text = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        text = patterns["middle"].format(text, item)
    return str(patterns["end"].format(text, items[-1]))


@lru_cache(maxsize=4096)
def _language_name(code: str, reader_language: str) -> str:
    """A language's name in the reader's language, from CLDR (e.g. 'ar' for a Ukrainian reader: 'арабська')."""
    if (code, reader_language) in _LANGUAGE_NAME_OVERRIDES:
        return _LANGUAGE_NAME_OVERRIDES[code, reader_language]
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(cldr_locale(reader_language))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code
