"""Markdown of data files to safe HTML: Python-Markdown renders, nh3 keeps only harmless tags and link schemes."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "h3", "h4", "blockquote", "code"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


_CONVERTER = markdown.Markdown(output_format="html")


@lru_cache(maxsize=8192)
def markdown_to_html(source: str) -> str:
    rendered = _CONVERTER.reset().convert(source)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="noopener",
    )


def html_to_text(source: str) -> str:
    """Plain text of a rendered page, for search."""
    return " ".join(html.unescape(nh3.clean(source, tags=set())).split())


_TAG = re.compile(r"(<[^>]*>)")
_LEFT_TO_RIGHT_RUN = re.compile(r"\+?\d[\d /()\-–.:]*\d(?:\s?(?:Uhr|h))?")
"""A run of digits with the separators of phone numbers ('+49 6221 555-0142', '0621/12 34'), times ('9:00–12:30'),
dates ('15.01.2027') and postcodes; one digit alone needs no isolation."""


def isolate_number_runs(html_text: str) -> str:
    """Rendered Markdown with every run of digits and separators in its text wrapped in <bdi dir="ltr">, so that a
    phone number, a time span or a postcode keeps its order inside right-to-left text (Unicode Bidirectional
    Algorithm, UAX #9: weak separators between numbers take the paragraph's direction). Tags and attribute values
    are left as they are."""
    parts = _TAG.split(html_text)
    for index in range(0, len(parts), 2):
        parts[index] = _LEFT_TO_RIGHT_RUN.sub(lambda match: f'<bdi dir="ltr">{match.group(0)}</bdi>', parts[index])
    return "".join(parts)
