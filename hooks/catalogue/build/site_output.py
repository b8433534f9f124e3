"""Writes a language's generated pages and files, and the files that span all languages, into the built site."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from catalogue.data.package_files import ASSETS_DIR
from catalogue.data.settings import Settings
from catalogue.exports.calendar_files import TOWN_TIME_ZONE
from catalogue.exports.dcat import CATALOG_FILE, DataFile, dcat_catalog
from catalogue.exports.figures_csv import FIGURES_FOLDER, figures_csv_files, need_csv_files
from catalogue.exports.hsds import HSDS_FOLDER, ORGANIZATIONS_FILE, SERVICES_FILE, hsds_files
from catalogue.exports.open_data import offers_csv, offers_json, sessions_ics
from catalogue.exports.open_needs import open_needs_files
from catalogue.exports.sitemap import sitemap_xml
from catalogue.exports.spreadsheet import offers_xlsx
from catalogue.figures.history import QuarterCount
from catalogue.figures.need_figures import need_figures
from catalogue.figures.statistics import figures
from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.visibility import Publication
from catalogue.site.frame import PageFrame
from catalogue.site.offline import (
    REGISTRATION_PATH,
    WORKER_PATH,
    kill_switch_worker,
    offline_worker,
    registration_script,
)
from catalogue.site.pages import PageRenderer
from catalogue.site.search_index import ContentEntry, search_index_files
from catalogue.site.stemmer_script import stemmer_script
from catalogue.site.town_style import TOWN_STYLESHEET, town_stylesheet

from .build_cache import LanguageCache
from .rendering import LanguageRendering, RenderJob

ASSETS_FOLDER = "assets/catalogue"

OPEN_DATA_FOLDER = "data"


@dataclass
class LanguageOutput:
    """One language's view of the published catalogue; collects the hand-written pages its build shows."""

    publication: Publication
    reader: ReaderLanguage
    renderer: PageRenderer
    content_pages: list[ContentEntry] = field(default_factory=list)
    page_paths: list[str] = field(default_factory=list)
    synonyms: Sequence[Sequence[str]] = ()
    cache: LanguageCache = field(default_factory=lambda: LanguageCache(None))
    """The language's search index and, for the default language, the site-wide files of earlier builds."""

    @classmethod
    def create(cls, job: RenderJob, language: str) -> LanguageOutput:
        renderer = job.renderer(language)
        return cls(
            job.publication,
            renderer.reader,
            renderer,
            synonyms=job.synonyms.get(language, ()),
            cache=job.language_cache(language, f"{language}.files"),
        )

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


def _write_all(files: Iterable[tuple[Path, bytes | str]]) -> None:
    """Writes many small files at once: the time goes to the file system, which threads can wait on together."""
    with ThreadPoolExecutor(max_workers=8) as writers:
        for finished in [writers.submit(_write, path, content) for path, content in files]:
            finished.result()


def write_language_outputs(
    output: LanguageOutput, rendering: LanguageRendering, frames: Mapping[int, PageFrame], site_root: Path
) -> int:
    reader = output.reader
    language_root = site_root / reader.prefix
    output.page_paths.extend(page.url for page in rendering.pages if page.listed)
    offline_pages = [output.renderer.offline_page()] if reader.settings.offline else []
    _write_all(
        [
            *(
                (language_root / page.path, frames[page.depth].fill(page))
                for page in (*rendering.pages, *offline_pages)
            ),
            *((language_root / path, content) for path, content in rendering.files),
        ]
    )
    search_root = site_root / "search" / reader.code
    search_files = dict(
        output.cache.part(
            "search-index",
            (rendering.search_entries, output.content_pages, output.synonyms),
            lambda: search_index_files(rendering.search_entries, output.content_pages, output.synonyms),
        )
    )
    search_files.update(rendering.listing_files)
    script = stemmer_script(reader.code)
    if script is not None:
        search_files["stemmer.js"] = script
    _write_all((search_root / name, content) for name, content in search_files.items())
    return len(rendering.pages) + len(rendering.files) + len(search_files)


def write_site_wide_outputs(
    publication: Publication,
    settings: Settings,
    outputs: Sequence[LanguageOutput],
    site_root: Path,
    history: Sequence[QuarterCount] | None = None,
    left_out: frozenset[str] = frozenset(),
) -> None:
    """The site's files shared by every language; `left_out`: languages kept out of the sitemap. The open data and
    the sitemap come from the default language's build cache when an earlier build made them from the same
    records, pages and context."""
    cache = outputs[0].cache
    page_paths = [(output.page_paths, [entry.url for entry in output.content_pages]) for output in outputs]
    files = cache.part(
        "site-wide",
        (publication, tuple(history or ()), sorted(left_out), page_paths),
        lambda: _site_wide_files(publication, settings, outputs, history, left_out),
    )
    for path, content in files.items():
        _write(site_root / path, content)
    for output in outputs:
        output.cache.save()
    stale_sitemap = site_root / "sitemap.xml.gz"
    if stale_sitemap.exists():
        stale_sitemap.unlink()
    write_product_assets(site_root, settings)
    write_offline_worker(settings, site_root)


def _site_wide_files(
    publication: Publication,
    settings: Settings,
    outputs: Sequence[LanguageOutput],
    history: Sequence[QuarterCount] | None,
    left_out: frozenset[str],
) -> dict[str, bytes]:
    """Path below the site's root -> content: the figures' CSV files, the open data and the sitemap."""
    site_files: dict[str, bytes] = {}
    numbers = figures(publication, settings.language_codes)
    for name, text in figures_csv_files(numbers, publication, settings.default_language, history).items():
        site_files[f"{OPEN_DATA_FOLDER}/{FIGURES_FOLDER}/{name}"] = _bytes(text)
    for name, text in need_csv_files(need_figures(publication), publication, settings.default_language).items():
        site_files[f"{OPEN_DATA_FOLDER}/{FIGURES_FOLDER}/{name}"] = _bytes(text)
    open_files = {
        "offers.json": offers_json(publication, settings),
        "offers.csv": offers_csv(publication, settings),
        "offers.xlsx": offers_xlsx(publication, settings),
        "sessions.ics": sessions_ics(publication, settings, stamp=_stamp(publication)),
    }
    open_files.update(open_needs_files(publication, settings))
    readers = [output.reader for output in outputs]
    open_files.update(
        (f"{HSDS_FOLDER}/{name}", content) for name, content in hsds_files(publication, settings, readers).items()
    )
    open_files[CATALOG_FILE] = dcat_catalog(
        settings, publication.today, _catalogued_files(settings, open_files), readers
    )
    site_files.update((f"{OPEN_DATA_FOLDER}/{name}", _bytes(content)) for name, content in open_files.items())
    shared_paths = sorted(
        set.intersection(
            *(set(output.page_paths) | {entry.url for entry in output.content_pages} for output in outputs)
        )
    )
    site_files["sitemap.xml"] = sitemap_xml(settings, shared_paths, left_out)
    return site_files


def _bytes(content: bytes | str) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_product_assets(site_root: Path, settings: Settings) -> None:
    """The front-end's scripts and styles, from the package into assets/catalogue/ (the pages link them there), and
    the town's colours over them."""
    for source in sorted(ASSETS_DIR.iterdir()):
        if source.is_file():
            _write(site_root / ASSETS_FOLDER / source.name, source.read_bytes())
    if settings.colours:
        _write(site_root / TOWN_STYLESHEET, town_stylesheet(settings.colours))


def _catalogued_files(settings: Settings, files: Mapping[str, bytes]) -> list[DataFile]:
    """The open-data files the DCAT-AP.de catalogue lists, with their sizes; HSDS in the default language."""
    hsds = f"{HSDS_FOLDER}/{settings.default_language}/"
    listed = (
        ("offers.json", "JSON", "application/json", "opendata.json"),
        ("offers.csv", "CSV", "text/csv", "opendata.csv"),
        ("offers.xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "opendata.xlsx"),
        ("sessions.ics", "ICS", "text/calendar", "opendata.ics"),
    )
    standards = (
        (hsds + SERVICES_FILE, "Open Referral HSDS 3.0: services (JSON)"),
        (hsds + ORGANIZATIONS_FILE, "Open Referral HSDS 3.0: organizations (JSON)"),
    )
    return [
        *(
            DataFile(f"{OPEN_DATA_FOLDER}/{name}", file_type, media_type, title_key, len(files[name]))
            for name, file_type, media_type, title_key in listed
        ),
        *(
            DataFile(
                f"{OPEN_DATA_FOLDER}/{name}", "JSON", "application/json", title, len(files[name]), title_is_label=False
            )
            for name, title in standards
        ),
    ]


def write_offline_worker(settings: Settings, site_root: Path) -> None:
    """The offline worker and its registration script, after every other file (the worker's version hashes them);
    the worker that removes the offline copy where `extra.catalogue.offline` is false."""
    if not settings.offline:
        _write(site_root / WORKER_PATH, kill_switch_worker())
        return
    _write(site_root / REGISTRATION_PATH, registration_script())

    def read(path: str) -> bytes | None:
        file = site_root / path
        return file.read_bytes() if file.is_file() else None

    _write(site_root / WORKER_PATH, offline_worker(settings, read).script)
