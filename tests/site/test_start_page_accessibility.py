"""BITV 2.0 § 4 on the start page: Leichte Sprache one tap away in every language, and, where the town sets one, a
self-hosted video in German Sign Language with captions, its size and duration, to watch or download."""
from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from catalogue.site.page_renderer import template_environment
from catalogue.site.pages import PageRenderer

from .conftest import LANGUAGES, BuiltSite
from .sample_data import LOADED, PUBLICATION, SETTINGS, prefix

VIDEO = {"video": "assets/dgs/startseite.mp4", "captions": "assets/dgs/startseite.vtt", "size": "18 MB", "duration": "3:40"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_links_to_leichte_sprache(sample_site: BuiltSite, language: str) -> None:
    home = BeautifulSoup(sample_site.page(f"{prefix(language)}index.html"), "html.parser")
    link = home.select_one(".cat-bitv a[href$='leichte-sprache/']")
    assert link is not None and link.get_text(strip=True)
    assert (sample_site.root / f"{prefix(language)}leichte-sprache/index.html").is_file()
    assert home.select_one(".cat-dgs") is None, "no video slot where the town sets no video"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_sign_language_video_is_self_hosted_captioned_and_downloadable(language: str) -> None:
    from catalogue.language.reader_language import ReaderLanguage

    settings = replace(SETTINGS, sign_language=VIDEO)
    reader = ReaderLanguage(settings, language, LOADED.labels[language], LOADED.labels[SETTINGS.default_language])
    html = PageRenderer(PUBLICATION, reader, template_environment()).home_fragment("search", root="")
    video = BeautifulSoup(html, "html.parser").select_one(".cat-dgs video")
    assert video["src"].endswith(VIDEO["video"]) and "://" not in video["src"] and video.has_attr("controls")
    track = video.select_one("track[kind=captions]")
    assert track["src"].endswith(VIDEO["captions"]) and track["srclang"] == SETTINGS.default_language
    download = BeautifulSoup(html, "html.parser").select_one(".cat-dgs a[download]")
    assert download["href"] == video["src"]
    assert VIDEO["size"] in download.get_text() and VIDEO["duration"] in download.get_text()
    assert not BeautifulSoup(html, "html.parser").select("iframe, script")
