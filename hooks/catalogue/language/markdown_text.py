"""Markdown of data files to safe HTML: Python-Markdown renders, nh3 keeps only harmless tags and link schemes."""
from __future__ import annotations

import html
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
