"""A sitemaps.org sitemap of every language's pages, each page naming all its language versions.

Every <url> lists the same set of hreflang alternates, so the alternates are reciprocal by construction.
It has no <lastmod>: the build date is not the day a page changed, and leaving it out keeps builds of the
same data identical from day to day. The protocol allows 50,000 URLs per file; at eight languages that is
about 6,000 pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import quote

from catalogue.data.settings import Settings

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
X_DEFAULT = "x-default"

ET.register_namespace("xhtml", XHTML_NAMESPACE)


def page_url(settings: Settings, language: str, path: str) -> str:
    return f"{settings.site_url}{settings.url_prefix(language)}{quote(path, safe='/')}"


def _checked(path: str) -> str:
    if path.startswith("/") or "://" in path or "\\" in path:
        raise ValueError(f"sitemap path {path!r} must be relative to a language's root, such as 'offers/x/'")
    return path


def sitemap_xml(settings: Settings, paths: Sequence[str], left_out: frozenset[str] = frozenset()) -> bytes:
    """One <url> per path and language; `paths` are pages that exist in every language, e.g. '', 'catalogue/';
    `left_out`: languages kept out of the sitemap (preview languages where the town hides them)."""
    # Sitemap elements are written unqualified below a default namespace declaration: ElementTree's
    # default_namespace option refuses the unqualified attributes (rel, hreflang, href) of the xhtml links.
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NAMESPACE})
    urlset.text = "\n"
    for path in dict.fromkeys(_checked(path) for path in paths):
        codes = [code for code in settings.language_codes if code not in left_out or code == settings.default_language]
        alternates = [(code, page_url(settings, code, path)) for code in codes]
        alternates.append((X_DEFAULT, page_url(settings, settings.default_language, path)))
        for code in codes:
            url = ET.SubElement(urlset, "url")
            url.tail = "\n"
            ET.SubElement(url, "loc").text = page_url(settings, code, path)
            for hreflang, href in alternates:
                ET.SubElement(
                    url, f"{{{XHTML_NAMESPACE}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href}
                )
    document: bytes = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return document
