"""The built pages behind three promises: an ended offer's address keeps answering, news older than a year moves
to an archive with the subscription explained, and the one 404 page holds every language's words."""
from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from catalogue.publication.ended_offers import ended_offers, similar_offers
from catalogue.publication.news_archive import archived_news, current_news
from catalogue.language.reader_language import ReaderLanguage, direction_of
from catalogue.site.not_found import not_found_body

from .conftest import LANGUAGES, BuiltSite
from .sample_data import DEFAULT, LOADED, PUBLICATION, SETTINGS, TODAY, prefix

ENDED = ended_offers(PUBLICATION)
CURRENT_NEWS = current_news(PUBLICATION.catalogue.news, TODAY)
ARCHIVED_NEWS = archived_news(PUBLICATION.catalogue.news, TODAY)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def said(language: str, key: str) -> str:
    """A label as the reader reads it: in the language, or in the default language where it lacks one."""
    words = ReaderLanguage(SETTINGS, language, labels=LOADED.labels[language], fallback_labels=LOADED.labels[DEFAULT])
    return html.unescape(str(words.t(key)))


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(path), "html.parser")


def test_the_fixture_town_has_what_these_checks_need() -> None:
    assert ENDED and CURRENT_NEWS and ARCHIVED_NEWS
    assert any(offer.status == "ended" for offer in ENDED) and any(offer.status != "ended" for offer in ENDED)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("offer", ENDED, ids=lambda offer: offer.id)
def test_an_ended_offer_says_so_names_its_provider_and_lists_similar_current_offers(sample_site: BuiltSite, offer, language: str) -> None:
    page = soup(sample_site, f"{prefix(language)}offers/{offer.id}/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.select_one(".cat-notice--ended strong").get_text() == said(language, "ended.notice")
    actor = PUBLICATION.catalogue.actors[offer.actor]
    article = page.select_one("article.cat-offer--ended")
    assert article.select_one(f'a[href="../../actors/{actor.id}/"]') is not None
    assert article.select_one('a[href^="tel:"]') is not None or actor.contact.phone is None
    similar = [card["data-id"] for card in article.select(".cat-similar li.cat-card")]
    assert similar == [other.id for other in similar_offers(PUBLICATION, offer)]
    assert similar and set(similar) <= {other.id for other in PUBLICATION.offers}
    assert page.select_one('script[type="application/ld+json"]') is None, "an ended offer is no offer for search engines"


@pytest.mark.parametrize("offer", ENDED, ids=lambda offer: offer.id)
def test_an_ended_offer_is_in_no_sitemap_search_index_or_open_data(sample_site: BuiltSite, offer) -> None:
    locations = [element.text for element in ET.parse(sample_site.root / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert locations and not [url for url in locations if f"/offers/{offer.id}/" in url]
    assert offer.id not in {item["id"] for item in json.loads((sample_site.root / "data/offers.json").read_text(encoding="utf-8"))["offers"]}
    assert offer.id not in (sample_site.root / "data/offers.csv").read_text(encoding="utf-8")
    title_word = offer.title[DEFAULT].split()[0].casefold()
    for path in (sample_site.root / "search").rglob("*.json"):
        assert title_word not in path.read_text(encoding="utf-8").casefold(), f"{path.name} holds a word of the ended offer"
    for language in LANGUAGES:
        assert offer.id not in sample_site.page(f"{prefix(language)}catalogue/index.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_news_page_lists_only_this_years_news_newest_first_and_links_the_archive(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, f"{prefix(language)}news/index.html")
    listed = [link["href"] for link in page.select("ul.cat-news h2 a")]
    assert listed == [f"../news/{item.id}/" for item in CURRENT_NEWS]
    dates = [time["datetime"] for time in page.select("ul.cat-news time")]
    assert dates == sorted(dates, reverse=True)
    assert page.select_one('.cat-news-archive-link a[href="../news/archive/"]') is not None
    archive = soup(sample_site, f"{prefix(language)}news/archive/index.html")
    assert [link["href"] for link in archive.select("ul.cat-news h2 a")] == [f"../../news/{item.id}/" for item in ARCHIVED_NEWS]
    for item in PUBLICATION.catalogue.news:
        breadcrumb = soup(sample_site, f"{prefix(language)}news/{item.id}/index.html").select_one(".cat-breadcrumb")
        assert (breadcrumb.select_one('a[href="../../news/archive/"]') is not None) is (item in ARCHIVED_NEWS), item.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_news_page_explains_the_subscription_in_the_readers_words(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, f"{prefix(language)}news/index.html")
    section = page.select_one("section.cat-subscribe")
    text = section.get_text(" ", strip=True)
    for key in ("news.subscribe_heading", "news.subscribe_what", "news.subscribe_how", "news.subscribe_address"):
        assert said(language, key) in text, key
    address = section.select_one("code.cat-feed-address")
    assert address.get_text() == f"{SETTINGS.site_url}{prefix(language)}news/feed.xml"
    assert address["dir"] == "ltr"
    assert (sample_site.root / prefix(language) / "news/feed.xml").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_only_current_news(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, f"{prefix(language)}index.html")
    shown = [link["href"] for link in page.select("ul.cat-news a")]
    assert shown == [f"news/{item.id}/" for item in CURRENT_NEWS[:3]]


def test_the_404_page_holds_every_languages_words_with_its_direction_and_no_inline_script(sample_site: BuiltSite) -> None:
    page = soup(sample_site, "404.html")
    default = page.select_one(".cat-not-found__default")
    assert [section["lang"] for section in default.select("section")] == [DEFAULT, "en"]
    assert default.get("hidden") is None
    others = {block.section["lang"]: block for block in page.select(".cat-not-found__other")}
    assert set(others) == set(LANGUAGES) - {DEFAULT}
    for language, block in others.items():
        assert block.has_attr("hidden")
        assert block["data-prefix"] == prefix(language)
        assert block.section["dir"] == direction_of(language)
        assert block.h1.get_text() == said(language, "page.not_found_title")
        assert {link["href"] for link in block.select("a.cat-button")} == {f"/{prefix(language)}", f"/{prefix(language)}catalogue/"}
        assert block.select_one('a[href^="tel:"]') is not None
    scripts = page.select("script")
    assert all(script.get("src") or script.get("type") == "application/ld+json" or script.get_text() == 'document.documentElement.classList.add("cat-js")' for script in scripts)
    assert any(script.get("src", "").endswith("assets/catalogue/not-found.js") for script in scripts)


@pytest.mark.parametrize(("site_url", "base"), [
    ("https://bildung.example.org/", "/"),
    ("https://example.github.io/bildungskatalog/", "/bildungskatalog/"),
    ("https://example.github.io/bildungskatalog", "/bildungskatalog/"),
])
def test_the_404_pages_links_start_at_the_sites_base_path(site_url: str, base: str) -> None:
    settings = replace(SETTINGS, site_url=site_url)
    readers = [ReaderLanguage(settings, code, labels=LOADED.labels[code], fallback_labels=LOADED.labels[DEFAULT]) for code in LANGUAGES]
    page = BeautifulSoup(str(not_found_body(readers)), "html.parser")
    assert page.select_one("#cat-not-found")["data-base"] == base
    assert {link["href"] for link in page.select('[lang="ar"] a.cat-button')} == {f"{base}ar/", f"{base}ar/catalogue/"}
