"""'Did not find it? Tell the office': an e-mail the reader writes and sends themself, prefilled in German (for the
office) and in the reader's language (for the reader), saying what was searched, which filters were set and the
page's language. A `mailto:` link (RFC 6068) - no form, no server, no tracking: nothing leaves the phone unless the
reader presses send in their own mail program.

The catalogue page's script (assets/catalogue.js) fills the same texts with the search and filters at the moment
nothing is found; TellTexts are the templates it reads from the page's data attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from catalogue.data.model import Taxonomy
from catalogue.data.schema_enums import MODES
from catalogue.data.time_of_day import TIMES_OF_DAY
from catalogue.language.reader_language import ReaderLanguage

KEYS = ("tell.subject", "tell.searched", "tell.filters", "tell.language", "tell.wish", "tell.no_filters")


@dataclass(frozen=True)
class TellTexts:
    """One language's templates of the e-mail, placeholders {searched}, {filters}, {language} unfilled."""

    subject: str
    lines: tuple[str, ...]
    no_filters: str
    language: str
    """The page's language named in this language, e.g. 'Arabisch (ar)'."""

    def body(self, searched: str, filters: str) -> str:
        values = {"searched": searched, "filters": filters or self.no_filters, "language": self.language}
        return "\n".join(line.format_map(values) for line in self.lines)


def tell_texts(words: ReaderLanguage, page_language: str) -> TellTexts:
    """The e-mail's templates in `words`' language, for a page in `page_language`."""

    def raw(key: str) -> str:
        return words.t(key).unescape()

    return TellTexts(
        subject=raw("tell.subject"),
        lines=(raw("tell.searched"), raw("tell.filters"), raw("tell.language"), raw("tell.wish"), ""),
        no_filters=raw("tell.no_filters"),
        language=f"{words.language_name(page_language)} ({page_language})",
    )


def mail_parts(texts: Sequence[TellTexts], searched: Sequence[str]) -> tuple[str, str]:
    """Subject and body: each language's subject joined by ' / ', each language's block below the other, the
    default language's first. `searched[i]` is what was searched, in the words of `texts[i]`; no filters are set."""
    subjects = list(
        dict.fromkeys(text.subject.format_map({"searched": what}) for text, what in zip(texts, searched, strict=True))
    )
    bodies = [text.body(what, "") for text, what in zip(texts, searched, strict=True)]
    return " / ".join(subjects), "\n---\n".join(dict.fromkeys(bodies))


def mailto_with(address: str, subject: str, body: str) -> str:
    """A mailto: URI (RFC 6068): subject and body percent-encoded as UTF-8, line breaks as CRLF."""

    def encoded(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")

    return f"mailto:{quote(address, safe='@')}?subject={encoded(subject)}&body={encoded(body)}"


def filter_names(
    words: ReaderLanguage, taxonomy: Taxonomy, offer_languages: Sequence[str]
) -> dict[str, dict[str, object]]:
    """The catalogue's filters in `words`' language, for the e-mail: field -> {'label': ..., 'values': {value: name}}.
    Fields as the catalogue page's form names them (assets/catalogue.js FIELDS, the search `q` left out)."""

    def text(key: str) -> str:
        return words.t(key).unescape()

    return {
        "c": {
            "label": text("filter.category"),
            "values": {term.id: words.plain(term.label) for term in taxonomy.categories},
        },
        "age": {"label": text("filter.age"), "values": {}},
        "l": {
            "label": text("filter.language"),
            "values": {code: words.language_name(code) for code in offer_languages},
        },
        "d": {
            "label": text("filter.district"),
            "values": {term.id: words.plain(term.label) for term in taxonomy.districts},
        },
        "m": {"label": text("filter.mode"), "values": {mode: text(f"mode.{mode}") for mode in MODES}},
        "g": {"label": text("filter.german"), "values": {"none": text("filter.german_none")}},
        "t": {"label": text("filter.time"), "values": {time: text(f"time.{time}") for time in TIMES_OF_DAY}},
        "free": {"label": text("filter.free"), "values": {}},
    }
