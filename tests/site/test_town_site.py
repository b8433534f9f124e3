"""Town checks: whatever data the town holds (the repository's data/, or the town named by $CATALOGUE_TOWN) is valid,
builds, publishes a page for every offer in every configured language, and its pages link only to pages that exist
and load nothing from elsewhere. Offers, actors and languages are found in the town's data, never named."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml

from catalogue.cli import EXIT_VALID, main
from catalogue.publication.ended_offers import ended_offers
from catalogue.checks.loading import load_catalogue
from catalogue.data.problems import format_problem
from catalogue.publication.visibility import publish

from tests.towns import BuiltSite, town_settings, town_under_test

TOWN = town_under_test()
SETTINGS = town_settings(TOWN)
LANGUAGES = SETTINGS.language_codes
TODAY = date.today()
LOADED = load_catalogue(SETTINGS, today=TODAY)
PUBLICATION = publish(LOADED.catalogue, TODAY) if LOADED.catalogue is not None else None
PUBLISHED_IDS = sorted(offer.id for offer in PUBLICATION.offers) if PUBLICATION else []
HIDDEN_IDS = sorted(item.offer.id for item in PUBLICATION.hidden) if PUBLICATION else []
ENDED_IDS = [offer.id for offer in ended_offers(PUBLICATION)] if PUBLICATION else []
ACTOR_IDS = sorted(PUBLICATION.catalogue.actors) if PUBLICATION else []

_LINK = re.compile(r'<(?:a|link|script|img|source)\b[^>]*?\b(href|src)="([^"]*)"', re.IGNORECASE)
_FOREIGN = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_LOADED_FROM = re.compile(r'<(?:script|img|source|iframe)\b[^>]*?\bsrc="([^"]*)"|<link\b[^>]*?\brel="(?:stylesheet|icon|preload|modulepreload)"[^>]*?\bhref="([^"]*)"', re.IGNORECASE)


def test_the_towns_data_has_no_errors() -> None:
    assert LOADED.errors == (), "\n".join(format_problem(problem) for problem in LOADED.errors)
    assert PUBLICATION is not None and PUBLICATION.offers, "the town publishes no offer today"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_published_and_every_ended_offer_has_a_page_but_none_still_to_come(town_site: BuiltSite, language: str) -> None:
    folder = town_site.root / SETTINGS.url_prefix(language) / "offers"
    assert sorted(path.name for path in folder.iterdir() if (path / "index.html").is_file()) == sorted(PUBLISHED_IDS + ENDED_IDS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_actor_has_a_page(town_site: BuiltSite, language: str) -> None:
    folder = town_site.root / SETTINGS.url_prefix(language) / "actors"
    assert set(ACTOR_IDS) <= {path.name for path in folder.iterdir() if (path / "index.html").is_file()}


def _pages(site: BuiltSite) -> list[Path]:
    return sorted(site.root.rglob("*.html"))


def _target(site: BuiltSite, page: Path, url: str) -> Path | None:
    """The file a same-site link leads to, or None for a link elsewhere, to an anchor or to a mail/phone address."""
    url, _ = urldefrag(url)
    parts = urlsplit(url)
    if not url or parts.scheme or parts.netloc:
        if url.startswith(SETTINGS.site_url):
            return site.root / unquote(url.removeprefix(SETTINGS.site_url).split("?")[0])
        return None
    path = unquote(parts.path)
    target = (site.root / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    return target


def test_every_link_within_the_site_leads_to_a_page_or_file_that_exists(town_site: BuiltSite) -> None:
    broken: list[str] = []
    for page in _pages(town_site):
        if page.name == "404.html":
            continue
        for _, url in _LINK.findall(page.read_text(encoding="utf-8")):
            target = _target(town_site, page, url.replace("&amp;", "&"))
            if target is None:
                continue
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(town_site.root)} -> {url}")
    assert not broken, f"{len(broken)} broken links, the first: " + "\n".join(broken[:20])


def test_no_page_loads_anything_from_another_server(town_site: BuiltSite) -> None:
    foreign = []
    for page in _pages(town_site):
        for match in _LOADED_FROM.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if _FOREIGN.match(url):
                foreign.append(f"{page.relative_to(town_site.root)}: {url}")
    assert not foreign, "\n".join(foreign[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_pages_marked_with_its_language(town_site: BuiltSite, language: str) -> None:
    home = (town_site.root / SETTINGS.url_prefix(language) / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*\blang="{re.escape(language)}"', home)


def test_codeowners_file_is_up_to_date_with_the_actors_maintainers() -> None:
    if not (TOWN / ".github" / "CODEOWNERS").is_file():
        pytest.skip(f"{TOWN} keeps no .github/CODEOWNERS")
    out = io.StringIO()
    assert main(["codeowners", "--check", "--config", str(TOWN / "mkdocs.yml")], stdout=out) == EXIT_VALID, out.getvalue()


def _content_pages() -> list[Path]:
    docs = TOWN / "content" if (TOWN / "content").is_dir() else Path(__file__).resolve().parents[2] / "content"
    return sorted(docs.glob("*.md"))


@pytest.mark.parametrize("page", _content_pages(), ids=lambda page: page.name)
def test_content_pages_front_matter_reads_as_text(page: Path) -> None:
    """A title starting with {{ town }} must be in quotes, or YAML reads it as a mapping and the page loses it."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return
    front = yaml.safe_load(text.split("---\n", 2)[1]) or {}
    assert all(isinstance(front.get(key, ""), str) for key in ("title", "description")), (
        f"{page.name}: put the title and description in quotes"
    )
