"""Writes a language's generated pages and files, and the files that span all languages, into the built site."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from catalogue.data.package_files import ASSETS_DIR
from catalogue.data.settings import Settings
from catalogue.exports.calendar_files import TOWN_TIME_ZONE
from catalogue.exports.dcat import CATALOG_FILE, DataFile, dcat_catalog
from catalogue.exports.figures_csv import FIGURES_FOLDER, figures_csv_files, need_csv_files
from catalogue.exports.hsds import HSDS_FOLDER, ORGANIZATIONS_FILE, SERVICES_FILE, hsds_file_stream
from catalogue.exports.open_data import offers_csv, offers_json, sessions_ics
from catalogue.exports.open_needs import open_needs_files
from catalogue.exports.sitemap import sitemap_xml
from catalogue.exports.spreadsheet import offers_xlsx
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
from catalogue.site.search_index import CatalogueEntries, ContentEntry, search_index_files
from catalogue.site.stemmer_script import stemmer_script
from catalogue.site.town_style import TOWN_STYLESHEET, town_stylesheet

from .build_cache import LanguageCache, digest_of
from .rendering import LanguageRendering, RenderingPool, RenderJob
from .site_folder import SiteFolder

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
    search_index: Callable[[], tuple[int, int]] = lambda: (0, 0)
    """Waits for the language's search index, once `write_language_outputs` has started writing it, and gives (files
    made, files written because new or changed)."""

    @classmethod
    def create(cls, job: RenderJob, language: str) -> LanguageOutput:
        renderer = job.renderer(language)
        return cls(
            job.publication,
            renderer.reader,
            renderer,
            synonyms=job.synonyms.get(language, ()),
        )

    @property
    def language(self) -> str:
        return self.reader.code

    def home_fragment(self, name: str, root: str) -> str:
        return self.renderer.home_fragment(name, root)

    def add_content_page(self, entry: ContentEntry) -> None:
        self.content_pages.append(entry)


def _stamp(publication: Publication) -> datetime:
    return datetime.combine(publication.today, time(0, 0), tzinfo=TOWN_TIME_ZONE)


def _write_all(site: SiteFolder, files: Iterable[tuple[Path, bytes | str]]) -> tuple[int, int]:
    """Writes the files one after the other, as they come; returns (files made, files written because new or
    changed). Threads made it slower, not faster: on the 2-core build machine, 4 threads took 5 times as long to
    compare 53,605 unchanged files as one (8.2 s against 1.7 s) and up to 6 times as long to create 15,000 new
    ones."""
    made = written = 0
    for path, content in files:
        made, written = made + 1, written + site.write(path, content)
    return made, written


def _recorded(site: SiteFolder, writing: Future[tuple[list[str], int]]) -> Callable[[], tuple[int, int]]:
    """For files a worker writes into the site (`writing` gives their paths below the site's root and how many it
    wrote): a function that waits for them, counts them as this build's (SiteFolder.record) and gives (files made,
    files written because new or changed)."""

    def written() -> tuple[int, int]:
        paths, count = writing.result()
        site.record(site.root / path for path in paths)
        return len(paths), count

    return written


def write_language_outputs(
    output: LanguageOutput,
    rendering: LanguageRendering,
    frames: Mapping[int, PageFrame],
    site: SiteFolder,
    pool: RenderingPool,
) -> tuple[int, int]:
    """Writes the language's pages, files, catalogue cards and facets and stemmer into the site, and starts its
    search index in a worker (written by `write_search_index`); returns (files made, files written because they
    were new or changed)."""
    reader = output.reader
    language_root = site.root / reader.prefix
    search_root = site.root / "search" / reader.code
    output.page_paths.extend(rendering.listed)
    offline_pages = [output.renderer.offline_page()] if reader.settings.offline else []
    search_files = dict(rendering.listing_files)
    script = stemmer_script(reader.code)
    if script is not None:
        search_files["stemmer.js"] = script
    output.search_index = start_search_index(output, rendering, site, pool)
    pages = itertools.chain(offline_pages, rendering.pages)
    files: Iterator[tuple[Path, bytes | str]] = itertools.chain(
        ((language_root / page.path, frames[page.depth].fill(page)) for page in pages),
        ((language_root / path, content) for path, content in rendering.files),
        ((search_root / name, content) for name, content in search_files.items()),
    )
    return _write_all(site, files)


def start_search_index(
    output: LanguageOutput, rendering: LanguageRendering, site: SiteFolder, pool: RenderingPool
) -> Callable[[], tuple[int, int]]:
    """Starts writing the language's search index below search/<code>/ in a worker (`write_search_index`); the
    function returned waits for it and gives (files made, files written because new or changed)."""
    inputs = (rendering.search_entries, tuple(output.content_pages), tuple(output.synonyms))
    return _recorded(site, pool.submit_with_job(write_search_index, output.language, inputs, str(site.root)))


def write_search_index(
    job: RenderJob,
    language: str,
    inputs: tuple[CatalogueEntries, Sequence[ContentEntry], Sequence[Sequence[str]]],
    root: str,
) -> tuple[list[str], int]:
    """Writes the language's search index (`search_index_files` of `inputs`: its offers and news, its hand-written
    pages, its synonyms) below search/<language>/ of the site's `root`, from the build cache (file
    `<language>.search`) when an earlier build made it from the same inputs. Returns (the files' paths below `root`,
    how many were written because new or changed). Meant for a worker process: the index is not sent back."""
    cache = job.language_cache(language, f"{language}.search")
    files = cache.part("search-index", inputs, lambda: search_index_files(*inputs))
    cache.save()
    folder = f"search/{language}"
    site = SiteFolder(Path(root))
    written = _write_all(site, ((site.root / folder / name, content) for name, content in files.items()))[1]
    return [f"{folder}/{name}" for name in files], written


def start_open_data(job: RenderJob, languages: Sequence[str], site: SiteFolder, pool: RenderingPool) -> OpenData:
    """Starts writing the open data (`open_data_files`) into `site` in a worker; the function returned waits for it
    and gives (files made, files written because new or changed)."""
    return _recorded(site, pool.submit_with_job(write_open_data, tuple(languages), str(site.root)))


OpenData = Callable[[], tuple[int, int]]


def write_open_data(job: RenderJob, languages: Sequence[str], root: str) -> tuple[list[str], int]:
    """Writes the open data (`open_data_files`) below the site's `root`, one file at a time, from the build cache
    (file `open-data`) when an earlier build made it from the same records, languages and context. Returns (the
    files' paths below `root`, how many were written because new or changed). Meant for a worker process: the files
    are never all in memory, nor sent back."""
    site = SiteFolder(Path(root))
    cache = job.language_cache(job.settings.default_language, "open-data")
    inputs = (digest_of(job.publication, tuple(job.history or ()), tuple(languages)),)
    paths: list[str] | None = cache.stored("open-data", inputs)
    if paths is not None and all(cache.has("open-data-file", (*inputs, path)) for path in paths):
        stored = ((site.root / path, cache.stored("open-data-file", (*inputs, path))) for path in paths)
        written = _write_all(site, stored)[1]
    else:
        paths, written = [], 0
        for path, content in open_data_files(job, languages):
            cache.part("open-data-file", (*inputs, path), functools.partial(bytes, content))
            written += site.write(site.root / path, content)
            paths.append(path)
        cache.part("open-data", inputs, functools.partial(list, paths))
    cache.save()
    return paths, written


def write_site_wide_outputs(
    settings: Settings,
    outputs: Sequence[LanguageOutput],
    site: SiteFolder,
    open_data: OpenData,
    cache: LanguageCache,
    left_out: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """The site's files shared by every language, after every language's search index: the open data (from
    `start_open_data`), the sitemap (`left_out`: languages kept out of it; from the build cache `cache` when an
    earlier build listed the same pages), the product's scripts and styles and the offline worker. Returns (files
    made, files written because new or changed)."""
    made, written = open_data()
    for output in outputs:
        count, changed = output.search_index()
        made, written = made + count, written + changed
    page_paths = [(output.page_paths, [entry.url for entry in output.content_pages]) for output in outputs]
    sitemap = cache.part(
        "sitemap",
        (page_paths, sorted(left_out)),
        lambda: sitemap_xml(settings, _shared_paths(outputs), left_out),
    )
    made, written = made + 1, written + site.write(site.root / "sitemap.xml", sitemap)
    cache.save()
    stale_sitemap = site.root / "sitemap.xml.gz"
    if stale_sitemap.exists():
        stale_sitemap.unlink()
    write_product_assets(site, settings)
    write_offline_worker(settings, site)
    return made, written


def _shared_paths(outputs: Sequence[LanguageOutput]) -> list[str]:
    """The pages every language has, for the sitemap."""
    return sorted(
        set.intersection(
            *(set(output.page_paths) | {entry.url for entry in output.content_pages} for output in outputs)
        )
    )


def open_data_files(job: RenderJob, languages: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(path below the site's root, content), one file after the other: the figures' CSV files, the open data (JSON,
    CSV, XLSX, iCalendar, the needs, HSDS in each of `languages`) and, last, its DCAT-AP.de catalogue."""
    publication, settings, history = job.publication, job.settings, job.history
    numbers = figures(publication, settings.language_codes)
    for name, text in figures_csv_files(numbers, publication, settings.default_language, history).items():
        yield f"{OPEN_DATA_FOLDER}/{FIGURES_FOLDER}/{name}", _bytes(text)
    for name, text in need_csv_files(need_figures(publication), publication, settings.default_language).items():
        yield f"{OPEN_DATA_FOLDER}/{FIGURES_FOLDER}/{name}", _bytes(text)
    sizes: dict[str, int] = {}

    def open_file(name: str, content: bytes | str) -> tuple[str, bytes]:
        data = _bytes(content)
        sizes[name] = len(data)
        return f"{OPEN_DATA_FOLDER}/{name}", data

    yield open_file("offers.json", offers_json(publication, settings))
    yield open_file("offers.csv", offers_csv(publication, settings))
    yield open_file("offers.xlsx", offers_xlsx(publication, settings))
    yield open_file("sessions.ics", sessions_ics(publication, settings, stamp=_stamp(publication)))
    for name, content in open_needs_files(publication, settings).items():
        yield open_file(name, content)
    readers = [job.reader(code) for code in languages]
    for name, content in hsds_file_stream(publication, settings, readers):
        yield open_file(f"{HSDS_FOLDER}/{name}", content)
    yield open_file(
        CATALOG_FILE, dcat_catalog(settings, publication.today, _catalogued_files(settings, sizes), readers)
    )


def _bytes(content: bytes | str) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_product_assets(site: SiteFolder, settings: Settings) -> None:
    """The front-end's scripts and styles, from the package into assets/catalogue/ (the pages link them there), and
    the town's colours over them."""
    for source in sorted(ASSETS_DIR.iterdir()):
        if source.is_file():
            site.write(site.root / ASSETS_FOLDER / source.name, source.read_bytes())
    if settings.colours:
        site.write(site.root / TOWN_STYLESHEET, town_stylesheet(settings.colours))


def _catalogued_files(settings: Settings, sizes: Mapping[str, int]) -> list[DataFile]:
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
            DataFile(f"{OPEN_DATA_FOLDER}/{name}", file_type, media_type, title_key, sizes[name])
            for name, file_type, media_type, title_key in listed
        ),
        *(
            DataFile(f"{OPEN_DATA_FOLDER}/{name}", "JSON", "application/json", title, sizes[name], title_is_label=False)
            for name, title in standards
        ),
    ]


def write_offline_worker(settings: Settings, site: SiteFolder) -> None:
    """The offline worker and its registration script, after every other file (the worker's version hashes them);
    the worker that removes the offline copy where `extra.catalogue.offline` is false."""
    if not settings.offline:
        site.write(site.root / WORKER_PATH, kill_switch_worker())
        return
    site.write(site.root / REGISTRATION_PATH, registration_script())

    def read(path: str) -> bytes | None:
        file = site.root / path
        return file.read_bytes() if file.is_file() else None

    site.write(site.root / WORKER_PATH, offline_worker(settings, read).script)
