"""Writes a language's generated pages and files, and the files that span all languages, into the built site."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Mapping, Sequence

from .atom_feed import atom_feed
from .calendar_files import TOWN_TIME_ZONE, offer_calendar, offer_has_dates
from .frame import PageFrame
from .open_data import offers_csv, offers_json, sessions_ics
from .pages import PageRenderer, RenderedPage, template_environment
from .publication import Publication
from .reader_language import ReaderLanguage
from .search_index import ContentEntry, build_search_index
from .settings import Settings
from .sitemap import sitemap_xml

OPEN_DATA_FOLDER = "data"


@dataclass
class LanguageOutput:
    """One language's view of the published catalogue; collects the hand-written pages its build shows."""

    publication: Publication
    reader: ReaderLanguage
    renderer: PageRenderer
    content_pages: list[ContentEntry] = field(default_factory=list)
    page_paths: list[str] = field(default_factory=list)

    @classmethod
    def create(
        cls,
        publication: Publication,
        settings: Settings,
        language: str,
        labels: Mapping[str, Mapping[str, str]],
        directions: Mapping[str, str],
    ) -> LanguageOutput:
        reader = ReaderLanguage(
            settings,
            language,
            labels=labels.get(language, {}),
            direction=directions.get(language, "ltr"),
            fallback_labels=labels.get(settings.default_language, {}),
        )
        return cls(publication, reader, PageRenderer(publication, reader, template_environment()))

    @property
    def language(self) -> str:
        return self.reader.code

    def home_fragment(self, name: str, root: str) -> str:
        return self.renderer.home_fragment(name, root)

    def add_content_page(self, entry: ContentEntry) -> None:
        self.content_pages.append(entry)


def _write(path: Path, content: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def _stamp(publication: Publication) -> datetime:
    return datetime.combine(publication.today, time(0, 0), tzinfo=TOWN_TIME_ZONE)


def write_language_outputs(output: LanguageOutput, frames: Mapping[int, PageFrame], site_root: Path) -> int:
    reader = output.reader
    settings = reader.settings
    language_root = site_root / reader.prefix
    count = 0
    for page in output.renderer.all_pages():
        _write(language_root / page.path, frames[page.depth].fill(page))
        output.page_paths.append(page.url)
        count += 1
    for offer in output.publication.offers:
        if offer_has_dates(offer):
            actor = output.publication.catalogue.actors[offer.actor]
            url = f"{settings.site_url}{reader.prefix}offers/{offer.id}/"
            _write(language_root / "offers" / offer.id / f"{offer.id}.ics", offer_calendar(offer, actor, reader.localiser, url, _stamp(output.publication)))
            count += 1
    _write(site_root / "search" / f"{reader.code}.json", build_search_index(output.publication, reader, output.content_pages))
    _write(language_root / "news" / "feed.xml", atom_feed(output.publication, reader, updated=output.publication.today))
    return count + 2


def write_site_wide_outputs(publication: Publication, settings: Settings, outputs: Sequence[LanguageOutput], site_root: Path) -> None:
    data_root = site_root / OPEN_DATA_FOLDER
    _write(data_root / "offers.json", offers_json(publication, settings))
    _write(data_root / "offers.csv", offers_csv(publication, settings))
    _write(data_root / "sessions.ics", sessions_ics(publication, settings, stamp=_stamp(publication)))
    shared_paths = sorted(set.intersection(*(set(output.page_paths) | {entry.url for entry in output.content_pages} for output in outputs)))
    _write(site_root / "sitemap.xml", sitemap_xml(settings, shared_paths))
    stale_sitemap = site_root / "sitemap.xml.gz"
    if stale_sitemap.exists():
        stale_sitemap.unlink()
