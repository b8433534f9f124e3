"""The town's checks on its built site, which a town runs in its own CI (`catalogue verify`): every published and
every ended offer has a page in every language, every provider has one, every link within the site leads to a page
or file that exists, no page loads anything from another server, and each language's pages say their language.

Each check returns what is wrong, one line each (empty when all is well); the browser checks (accessibility, no
request to another origin) are in `town_browser_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from catalogue.data.settings import Settings
from catalogue.publication.ended_offers import ended_offers
from catalogue.publication.visibility import Publication

_LINK = re.compile(r'<(?:a|link|script|img|source)\b[^>]*?\b(href|src)="([^"]*)"', re.IGNORECASE)
_FOREIGN = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_LOADED_FROM = re.compile(
    r'<(?:script|img|source|iframe|video|audio|track)\b[^>]*?\bsrc="([^"]*)"'
    r'|<link\b[^>]*?\brel="(?:stylesheet|icon|preload|modulepreload)"[^>]*?\bhref="([^"]*)"',
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TownCheck:
    name: str
    """What the check asks, in a sentence."""
    run: Callable[[Settings, Publication, Path], list[str]]


def offer_pages(settings: Settings, publication: Publication, site: Path) -> list[str]:
    """Every published and every ended offer has a page in every language; an offer still to come has none."""
    wanted = sorted({offer.id for offer in publication.offers} | {offer.id for offer in ended_offers(publication)})
    wrong = []
    for language in settings.language_codes:
        folder = site / settings.url_prefix(language) / "offers"
        found = (
            sorted(path.name for path in folder.iterdir() if (path / "index.html").is_file()) if folder.is_dir() else []
        )
        if found != wanted:
            missing, extra = sorted(set(wanted) - set(found)), sorted(set(found) - set(wanted))
            wrong.append(
                f"{language}: offers without a page: {', '.join(missing) or 'none'}; "
                f"pages without an offer: {', '.join(extra) or 'none'}"
            )
    return wrong


def actor_pages(settings: Settings, publication: Publication, site: Path) -> list[str]:
    """Every provider has a page in every language."""
    wrong = []
    for language in settings.language_codes:
        folder = site / settings.url_prefix(language) / "actors"
        missing = [
            actor for actor in sorted(publication.catalogue.actors) if not (folder / actor / "index.html").is_file()
        ]
        if missing:
            wrong.append(f"{language}: providers without a page: {', '.join(missing)}")
    return wrong


def links(settings: Settings, publication: Publication, site: Path) -> list[str]:
    """Every link within the site leads to a page or file that exists."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html" or page.parent.name == "admin":
            continue
        for _, url in _LINK.findall(page.read_text(encoding="utf-8")):
            target = _target(settings, site, page, url.replace("&amp;", "&"))
            if target is not None and not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {url}")
    return broken


def foreign_loads(settings: Settings, publication: Publication, site: Path) -> list[str]:
    """No page loads a script, style, picture, font or frame from another server."""
    foreign = []
    for page in sorted(site.rglob("*.html")):
        for match in _LOADED_FROM.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if _FOREIGN.match(url):
                foreign.append(f"{page.relative_to(site)}: {url}")
    return foreign


def page_languages(settings: Settings, publication: Publication, site: Path) -> list[str]:
    """Each language's home page says its language (<html lang="…">)."""
    wrong = []
    for language in settings.language_codes:
        home = site / settings.url_prefix(language) / "index.html"
        if not home.is_file() or not re.search(
            rf'<html[^>]*\blang="{re.escape(language)}"', home.read_text(encoding="utf-8")
        ):
            wrong.append(f'{settings.url_prefix(language) or "/"}index.html does not say lang="{language}"')
    return wrong


TOWN_CHECKS: Sequence[TownCheck] = tuple(
    TownCheck((check.__doc__ or check.__name__).strip(), check)
    for check in (offer_pages, actor_pages, links, foreign_loads, page_languages)
)


def _target(settings: Settings, site: Path, page: Path, url: str) -> Path | None:
    """The file a same-site link leads to, or None for a link elsewhere, to an anchor or to a mail/phone address."""
    url, _ = urldefrag(url)
    parts = urlsplit(url)
    if not url or parts.scheme or parts.netloc:
        if url.startswith(settings.site_url):
            return site / unquote(url.removeprefix(settings.site_url).split("?")[0])
        return None
    path = unquote(parts.path)
    return (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
