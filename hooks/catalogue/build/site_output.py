"""Writes a language's generated pages and files, and the files that span all languages, into the built site."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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
    cache: LanguageCache = field(default_factory=lambda: LanguageCache(None))
    """The language's search index and, for the default language, the site-wide files of earlier builds."""
    search_index: Callable[[], Mapping[str, bytes]] = dict
    """The language's search index files, once `write_language_outputs` has started making them."""

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


def _stamp(publication: Publication) -> datetime:
    return datetime.combine(publication.today, time(0, 0), tzinfo=TOWN_TIME_ZONE)


def _write_all(site: SiteFolder, files: Iterable[tuple[Path, bytes | str]]) -> int:
    """Writes the files one after the other; returns how many were written, not found unchanged. Threads made it
    slower, not faster: on the 2-core build machine, 4 threads took 5 times as long to compare 53,605 unchanged
    files as one (8.2 s against 1.7 s) and up to 6 times as long to create 15,000 new ones."""
    return sum(site.write(path, content) for path, content in files)


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
    output.page_paths.extend(page.url for page in rendering.pages if page.listed)
    offline_pages = [output.renderer.offline_page()] if reader.settings.offline else []
    search_files = dict(rendering.listing_files)
    script = stemmer_script(reader.code)
    if script is not None:
        search_files["stemmer.js"] = script
    files: list[tuple[Path, bytes | str]] = [
        *((language_root / page.path, frames[page.depth].fill(page)) for page in (*rendering.pages, *offline_pages)),
        *((language_root / path, content) for path, content in rendering.files),
        *((search_root / name, content) for name, content in search_files.items()),
    ]
    inputs = (rendering.search_entries, output.content_pages, output.synonyms)
    output.search_index = output.cache.later("search-index", inputs, lambda: pool.submit(search_index_files, *inputs))
    return len(files), _write_all(site, files)


def write_search_index(output: LanguageOutput, site: SiteFolder) -> tuple[int, int]:
    """Writes the language's search index below search/<code>/, waiting for it; returns (files made, files written
    because they were new or changed)."""
    index = output.search_index()
    search_root = site.root / "search" / output.language
    return len(index), _write_all(site, ((search_root / name, content) for name, content in index.items()))


def start_open_data(
    job: RenderJob, languages: Sequence[str], cache: LanguageCache, pool: RenderingPool
) -> Callable[[], dict[str, bytes]]:
    """Starts making the open data (`open_data_files`) in a worker, unless the default language's build cache
    (`cache`) has it from the same records and context; the function returned gives the files."""
    return cache.later(
        "open-data",
        (job.publication, tuple(job.history or ()), tuple(languages)),
        lambda: pool.submit_with_job(open_data_files, tuple(languages)),
    )


def write_site_wide_outputs(
    settings: Settings,
    outputs: Sequence[LanguageOutput],
    site: SiteFolder,
    open_data: Callable[[], Mapping[str, bytes]],
    left_out: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """The site's files shared by every language, after every language's search index: the open data (from
    `start_open_data`), the sitemap (`left_out`: languages kept out of it; from the default language's build cache
    when an earlier build listed the same pages), the product's scripts and styles and the offline worker. Returns
    (files made, files written because new or changed)."""
    made, written = 0, 0
    for output in outputs:
        count, changed = write_search_index(output, site)
        made, written = made + count, written + changed
    cache = outputs[0].cache
    page_paths = [(output.page_paths, [entry.url for entry in output.content_pages]) for output in outputs]
    files = dict(open_data())
    files["sitemap.xml"] = cache.part(
        "sitemap",
        (page_paths, sorted(left_out)),
        lambda: sitemap_xml(settings, _shared_paths(outputs), left_out),
    )
    made, written = (
        made + len(files),
        written + _write_all(site, ((site.root / path, content) for path, content in files.items())),
    )
    for output in outputs:
        output.cache.save()
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


def open_data_files(job: RenderJob, languages: Sequence[str]) -> dict[str, bytes]:
    """Path below the site's root -> content: the figures' CSV files, the open data (JSON, CSV, XLSX, iCalendar,
    the needs, HSDS in each of `languages`) and its DCAT-AP.de catalogue."""
    publication, settings, history = job.publication, job.settings, job.history
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
    readers = [job.reader(code) for code in languages]
    open_files.update(
        (f"{HSDS_FOLDER}/{name}", content) for name, content in hsds_files(publication, settings, readers).items()
    )
    open_files[CATALOG_FILE] = dcat_catalog(
        settings, publication.today, _catalogued_files(settings, open_files), readers
    )
    site_files.update((f"{OPEN_DATA_FOLDER}/{name}", _bytes(content)) for name, content in open_files.items())
    return site_files


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
