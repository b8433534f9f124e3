"""The Atom news feeds and the sitemap, parsed as XML and checked against RFC 4287, sitemaps.org and the data."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from catalogue.checks.loading import load_catalogue
from catalogue.data.model import Catalogue, NewsItem, Texts
from catalogue.publication.visibility import publish
from catalogue.data.settings import Settings, read_settings
from catalogue.exports.atom_feed import atom_feed
from catalogue.exports.sitemap import sitemap_xml
from catalogue.language.markdown_text import markdown_to_html
from catalogue.language.reader_language import ReaderLanguage

from tests.towns import FIXTURE_CONFIG

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GERMAN_ONLY_NEWS = NewsItem(
    id="2026-11-20-nur-auf-deutsch",
    date=date(2026, 11, 20),
    title={"de": "Neue Sprechzeiten im Bildungsbüro"},
    summary={"de": "Ab Dezember ist das Bildungsbüro auch donnerstags geöffnet."},
    body={"de": "Ab **Dezember** beraten wir auch donnerstags.\n\n- Rathaus, Zimmer 214\n- [Kontakt](mailto:bildung@teststadt.example.org)\n"},
)


def shipped_data(settings: Settings) -> tuple[Catalogue, Mapping[str, Mapping[str, str]]]:
    loaded = load_catalogue(settings, today=TODAY)
    if loaded.catalogue is None:
        raise RuntimeError("the shipped data does not load: " + "; ".join(f"{error.path}:{error.line}: {error.message}" for error in loaded.errors))
    return loaded.catalogue, loaded.labels


SETTINGS = read_settings(FIXTURE_CONFIG)
DEFAULT = SETTINGS.default_language
LANGUAGES = SETTINGS.language_codes
_catalogue, LABELS = shipped_data(SETTINGS)
# A German-only item makes sure every other language's feed has a fallback entry to mark.
PUBLICATION = publish(replace(_catalogue, news=_catalogue.news + (GERMAN_ONLY_NEWS,)), TODAY)
NEWS = PUBLICATION.catalogue.news


def reader_for(code: str) -> ReaderLanguage:
    return ReaderLanguage(SETTINGS, code, labels=LABELS[code], fallback_labels=LABELS[DEFAULT])


def base_url(code: str) -> str:
    return SETTINGS.site_url + SETTINGS.url_prefix(code)


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=BERLIN)


# --- Atom -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=LANGUAGES)
def feed(request: pytest.FixtureRequest) -> tuple[str, bytes, ET.Element]:
    raw = atom_feed(PUBLICATION, reader_for(request.param), updated=TODAY)
    return request.param, raw, ET.fromstring(raw)


def only(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(ATOM + tag)
    assert len(found) == 1, f"exactly one atom:{tag} expected in {parent.tag}, found {len(found)}"
    return found[0]


def links(parent: ET.Element) -> dict[str, ET.Element]:
    return {link.get("rel", "alternate"): link for link in parent.findall(ATOM + "link")}


def expected_text(code: str, texts: Texts) -> tuple[str, str]:
    """The text a reader of `code` gets and its real language: its own, else the first of its fallback chain."""
    return next((texts[language], language) for language in (code, *SETTINGS.fallback_chain(code)) if language in texts)


def test_feed_is_utf8_xml_with_a_declaration(feed: tuple[str, bytes, ET.Element]) -> None:
    _, raw, _ = feed
    assert raw.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    raw.decode("utf-8")


def test_feed_head_follows_rfc_4287(feed: tuple[str, bytes, ET.Element]) -> None:
    code, _, root = feed
    reader = reader_for(code)
    assert root.tag == ATOM + "feed"
    assert root.get(XML_LANG) == code
    assert only(root, "id").text == base_url(code) + "news/feed.xml"
    assert only(root, "title").text == f"{reader.t('news.title')} – {SETTINGS.town_in(code)}"
    assert datetime.fromisoformat(only(root, "updated").text or "") == midnight(TODAY)
    assert only(only(root, "author"), "name").text == SETTINGS.office
    feed_links = links(root)
    assert feed_links["self"].get("href") == base_url(code) + "news/feed.xml"
    assert feed_links["self"].get("type") == "application/atom+xml"
    assert feed_links["alternate"].get("href") == base_url(code) + "news/"


def test_feed_lists_every_news_item_newest_first(feed: tuple[str, bytes, ET.Element]) -> None:
    code, _, root = feed
    entries = root.findall(ATOM + "entry")
    newest_first = sorted(NEWS, key=lambda item: (item.date, item.id), reverse=True)
    assert [only(entry, "id").text for entry in entries] == [base_url(code) + f"news/{item.id}/" for item in newest_first]


@pytest.mark.parametrize("news_id", [item.id for item in NEWS])
def test_feed_entry_matches_the_news_item(feed: tuple[str, bytes, ET.Element], news_id: str) -> None:
    code, _, root = feed
    item = next(news for news in NEWS if news.id == news_id)
    url = base_url(code) + f"news/{news_id}/"
    entry = next(entry for entry in root.findall(ATOM + "entry") if only(entry, "id").text == url)
    assert urlsplit(url).scheme == "https"
    assert links(entry)["alternate"].get("href") == url
    for tag in ("updated", "published"):
        stamp = only(entry, tag).text or ""
        assert "T" in stamp and (stamp.endswith("+01:00") or stamp.endswith("+02:00")), stamp
        assert datetime.fromisoformat(stamp) == midnight(item.date)
    fields: list[tuple[str, Texts, Callable[[str], str]]] = [("title", item.title, str), ("content", item.body, markdown_to_html)]
    if item.summary:
        fields.append(("summary", item.summary, str))
    for tag, texts, render in fields:
        element = only(entry, tag)
        text, language = expected_text(code, texts)
        assert element.text == render(text), tag
        assert element.get(XML_LANG) == (None if language == code else language), tag
    assert only(entry, "content").get("type") == "html"


def test_fallback_entries_are_marked_german(feed: tuple[str, bytes, ET.Element]) -> None:
    code, _, root = feed
    entry = next(entry for entry in root.findall(ATOM + "entry") if (only(entry, "id").text or "").endswith(f"/news/{GERMAN_ONLY_NEWS.id}/"))
    for tag in ("title", "summary", "content"):
        assert only(entry, tag).get(XML_LANG) == (None if code == DEFAULT else DEFAULT)


def test_feed_content_is_rendered_markdown() -> None:
    root = ET.fromstring(atom_feed(PUBLICATION, reader_for(DEFAULT), updated=TODAY))
    entry = next(entry for entry in root.findall(ATOM + "entry") if GERMAN_ONLY_NEWS.id in (only(entry, "id").text or ""))
    content = only(entry, "content").text or ""
    assert "<strong>Dezember</strong>" in content
    assert "<li>Rathaus, Zimmer 214</li>" in content
    assert 'href="mailto:bildung@teststadt.example.org"' in content


def test_feed_is_byte_identical_for_the_same_input() -> None:
    reader = reader_for(LANGUAGES[-1])
    assert atom_feed(PUBLICATION, reader, updated=TODAY) == atom_feed(PUBLICATION, reader, updated=TODAY)


# --- sitemap ----------------------------------------------------------------------------------------------------

PATHS = [
    "", "catalogue/", "about/", "news/", "actors/",
    *(f"catalogue/{term.id}/" for term in PUBLICATION.catalogue.taxonomy.categories),
    *(f"offers/{offer.id}/" for offer in PUBLICATION.offers),
    *(f"actors/{actor_id}/" for actor_id in PUBLICATION.catalogue.actors),
    *(f"news/{item.id}/" for item in NEWS),
]


@pytest.fixture(scope="module")
def sitemap() -> tuple[bytes, ET.Element]:
    raw = sitemap_xml(SETTINGS, PATHS)
    return raw, ET.fromstring(raw)


def alternates_of(url: ET.Element) -> dict[str, str]:
    found = url.findall(XHTML + "link")
    assert all(link.get("rel") == "alternate" for link in found)
    result = {link.get("hreflang") or "": link.get("href") or "" for link in found}
    assert len(result) == len(found), "an hreflang appears twice"
    return result


def test_sitemap_is_a_urlset_with_one_url_per_path_and_language(sitemap: tuple[bytes, ET.Element]) -> None:
    raw, root = sitemap
    assert raw.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert root.tag == SITEMAP + "urlset"
    locs = [url.findtext(SITEMAP + "loc") or "" for url in root.findall(SITEMAP + "url")]
    assert sorted(locs) == sorted(base_url(code) + path for path in PATHS for code in LANGUAGES)
    assert len(set(locs)) == len(locs)
    assert root.find(f".//{SITEMAP}lastmod") is None


def test_a_town_that_hides_preview_languages_leaves_them_out_of_the_sitemap() -> None:
    hidden = frozenset(code for code in LANGUAGES if code != SETTINGS.default_language)
    root = ET.fromstring(sitemap_xml(SETTINGS, PATHS, left_out=hidden))
    locs = [url.findtext(SITEMAP + "loc") or "" for url in root.findall(SITEMAP + "url")]
    assert sorted(locs) == sorted(base_url(SETTINGS.default_language) + path for path in PATHS)
    assert all(set(alternates_of(url)) == {SETTINGS.default_language, "x-default"} for url in root.findall(SITEMAP + "url"))


def test_sitemap_urls_are_absolute_and_on_the_site(sitemap: tuple[bytes, ET.Element]) -> None:
    _, root = sitemap
    site = urlsplit(SETTINGS.site_url)
    hrefs = [url.findtext(SITEMAP + "loc") or "" for url in root.findall(SITEMAP + "url")]
    hrefs += [link.get("href") or "" for link in root.iter(XHTML + "link")]
    for href in hrefs:
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc) == (site.scheme, site.netloc), href
        assert parts.path.startswith(site.path), href


def test_sitemap_alternates_are_complete_and_reciprocal(sitemap: tuple[bytes, ET.Element]) -> None:
    _, root = sitemap
    by_loc = {url.findtext(SITEMAP + "loc"): alternates_of(url) for url in root.findall(SITEMAP + "url")}
    for loc, alternates in by_loc.items():
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert loc in alternates.values(), "a page lists itself among its alternates"
        for hreflang, href in alternates.items():
            if hreflang == "x-default":
                assert href == alternates[DEFAULT]
                continue
            assert href.startswith(base_url(hreflang))
            assert by_loc[href] == alternates, f"{href} does not point back to {loc}"


def test_sitemap_rejects_paths_that_are_not_language_relative() -> None:
    for path in ("/catalogue/", "https://elsewhere.example.org/"):
        with pytest.raises(ValueError):
            sitemap_xml(SETTINGS, [path])


def test_sitemap_is_byte_identical_for_the_same_input(sitemap: tuple[bytes, ET.Element]) -> None:
    assert sitemap_xml(SETTINGS, PATHS) == sitemap[0]
