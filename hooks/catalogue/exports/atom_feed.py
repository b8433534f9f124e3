"""The news as an Atom 1.0 feed (RFC 4287), one per reader language.

A text shown in the default language because its translation is missing carries xml:lang of its real
language, so a feed reader does not present German text as Arabic.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time

from catalogue.data.model import NewsItem, Texts
from catalogue.language.localise import LocalText
from catalogue.language.markdown_text import markdown_to_html
from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.visibility import Publication

from .calendar_files import TOWN_TIME_ZONE

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ATOM_MEDIA_TYPE = "application/atom+xml"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rfc3339_midnight(day: date) -> str:
    """The start of a day in the town's time zone, e.g. 2026-11-26T00:00:00+01:00."""
    return datetime.combine(day, time(0, 0), tzinfo=TOWN_TIME_ZONE).isoformat()


def news_url(reader: ReaderLanguage, item_id: str) -> str:
    return f"{reader.settings.site_url}{reader.prefix}news/{item_id}/"


def feed_url(reader: ReaderLanguage) -> str:
    return f"{reader.settings.site_url}{reader.prefix}news/feed.xml"


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _localised(
    parent: ET.Element, tag: str, picked: LocalText, reader: ReaderLanguage, **attributes: str
) -> ET.Element:
    element = _child(parent, tag, picked.text, **attributes)
    if picked.language != reader.code:
        element.set(_XML_LANG, picked.language)
    return element


def _pick(reader: ReaderLanguage, texts: Texts) -> LocalText:
    # The localiser, not reader.pick: a feed is no page, so it must not count towards a page's fallback notice.
    return reader.localiser.pick(texts)


def _entry(feed: ET.Element, item: NewsItem, reader: ReaderLanguage) -> None:
    entry = _child(feed, "entry")
    url = news_url(reader, item.id)
    moment = rfc3339_midnight(item.date)
    _child(entry, "id", url)
    _localised(entry, "title", _pick(reader, item.title), reader, type="text")
    _child(entry, "link", rel="alternate", type="text/html", href=url)
    _child(entry, "published", moment)
    _child(entry, "updated", moment)
    if item.summary:
        _localised(entry, "summary", _pick(reader, item.summary), reader, type="text")
    body = _pick(reader, item.body)
    _localised(
        entry, "content", LocalText(markdown_to_html(body.text), body.language, body.is_fallback), reader, type="html"
    )


def newest_first(items: tuple[NewsItem, ...]) -> list[NewsItem]:
    return sorted(items, key=lambda item: (item.date, item.id), reverse=True)


def atom_feed(publication: Publication, reader: ReaderLanguage, *, updated: date) -> bytes:
    settings = reader.settings
    # Atom elements are written unqualified below a default namespace declaration: ElementTree's
    # default_namespace option refuses the unqualified attributes (href, rel, type) that Atom uses.
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, _XML_LANG: reader.code})
    _child(feed, "id", feed_url(reader))
    _child(
        feed,
        "title",
        f"{reader.t('news.title')} – {reader.town}" if reader.town else reader.t("news.title"),
        type="text",
    )
    _child(feed, "updated", rfc3339_midnight(updated))
    _child(feed, "link", rel="self", type=ATOM_MEDIA_TYPE, href=feed_url(reader))
    _child(feed, "link", rel="alternate", type="text/html", href=f"{settings.site_url}{reader.prefix}news/")
    author = _child(feed, "author")
    _child(author, "name", settings.office or settings.site_name)
    _child(author, "uri", settings.site_url)
    for item in newest_first(publication.catalogue.news):
        _entry(feed, item, reader)
    ET.indent(feed, space=" ")
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document
