"""What a built site costs a reader: pages, offer-page sizes, first-visit bytes and search data, all gzip -9.

Anything that is not there is measured as None (shown as "n/a"), never as an error.
"""
from __future__ import annotations

import gzip
import posixpath
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote, urlsplit

OFFER_PAGE_SAMPLE = 200
ICON_RELS = frozenset({"icon", "shortcut", "apple-touch-icon", "mask-icon"})


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def gzip_size_or_none(path: Path) -> int | None:
    return gzip_size(path) if path.is_file() else None


def count_pages(site_dir: Path) -> int | None:
    return sum(1 for _ in site_dir.rglob("index.html")) if site_dir.is_dir() else None


def language_prefix(language: str, default_language: str) -> str:
    return "" if language == default_language else f"{language}/"


def offer_pages(site_dir: Path, languages: Sequence[str], limit: int = OFFER_PAGE_SAMPLE) -> list[Path]:
    """Up to limit offer pages (<prefix>offers/<id>/index.html), taken in turn from every language, evenly spread."""
    per_language = [
        sorted((site_dir / language_prefix(language, languages[0]) / "offers").glob("*/index.html"))
        for language in languages
    ]
    share = max(1, limit // max(1, len(languages)))
    sample: list[Path] = []
    for pages in per_language:
        step = max(1, len(pages) / share)
        sample.extend(pages[int(position * step)] for position in range(min(share, len(pages))))
    return sample[:limit]


class _ReferenceCollector(HTMLParser):
    """Collects the URLs of stylesheets, scripts, images and icons a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(attributes.get("rel", "").lower().split())
            if ("stylesheet" in rels or rels & ICON_RELS) and attributes.get("href"):
                self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        elif tag in ("img", "input") and attributes.get("src"):
            self.urls.append(attributes["src"])

    handle_startendtag = handle_starttag


@dataclass
class PageCost:
    html_gzip: int
    first_visit_gzip: int
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    other_origins: list[str] = field(default_factory=list)


def page_cost(site_dir: Path, page: Path, site_host: str = "") -> PageCost:
    """The page's gzip size, and that plus every same-origin file it references, each file counted once."""
    html = page.read_text(encoding="utf-8", errors="replace")
    collector = _ReferenceCollector()
    collector.feed(html)
    page_url_dir = "/" + page.parent.relative_to(site_dir).as_posix().strip(".") + "/"
    cost = PageCost(html_gzip=gzip_size(page), first_visit_gzip=0)
    seen: set[Path] = set()
    for url in collector.urls:
        parts = urlsplit(url)
        if parts.scheme == "data":
            continue
        if parts.scheme or parts.netloc:
            if not site_host or parts.netloc != site_host:
                cost.other_origins.append(url)
                continue
        path = unquote(parts.path)
        if not path:
            continue
        resolved = posixpath.normpath(path if path.startswith("/") else posixpath.join(page_url_dir, path))
        target = site_dir / resolved.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if target in seen:
            continue
        seen.add(target)
        if target.is_file():
            cost.files.append(target.relative_to(site_dir).as_posix())
        else:
            cost.missing.append(url)
    cost.first_visit_gzip = cost.html_gzip + sum(gzip_size(path) for path in seen if path.is_file())
    return cost


@dataclass
class SiteMeasurement:
    pages: int | None = None
    offer_pages_sampled: int = 0
    offer_html_gzip_median: float | None = None
    first_visit_gzip_median: float | None = None
    first_visit_files: list[str] = field(default_factory=list)
    missing_references: list[str] = field(default_factory=list)
    other_origin_references: list[str] = field(default_factory=list)
    search: dict[str, int | None] = field(default_factory=dict)
    """gzip size of the search data one language loads, by language code or 'all' for one shared index."""


def measure_site(
    site_dir: Path, languages: Sequence[str], search_files: dict[str, Path], site_host: str = ""
) -> SiteMeasurement:
    measurement = SiteMeasurement(pages=count_pages(site_dir))
    measurement.search = {key: gzip_size_or_none(site_dir / path) for key, path in search_files.items()}
    if not site_dir.is_dir():
        return measurement
    costs = [page_cost(site_dir, page, site_host) for page in offer_pages(site_dir, languages)]
    measurement.offer_pages_sampled = len(costs)
    if costs:
        measurement.offer_html_gzip_median = statistics.median(cost.html_gzip for cost in costs)
        measurement.first_visit_gzip_median = statistics.median(cost.first_visit_gzip for cost in costs)
        measurement.first_visit_files = sorted({name for cost in costs for name in cost.files})
        measurement.missing_references = sorted({url for cost in costs for url in cost.missing})
        measurement.other_origin_references = sorted({url for cost in costs for url in cost.other_origins})
    return measurement
