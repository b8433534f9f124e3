"""Renders every language's generated pages and files, in worker processes where the machine has several cores.

mkdocs-static-i18n builds one language after the other in one process; the catalogue's pages do not depend on that
build, so they are rendered alongside it and only framed and written when each language's build asks for them. A
worker writes a language's pages to a file one after the other (`SpooledPages`) instead of sending them back all at
once: the workers run ahead of the languages' builds, and at 10,000 offers every language's pages held in the main
process at once would be gigabytes.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any, TypeVar

from catalogue.data.model import offer_has_dates
from catalogue.data.settings import Settings
from catalogue.exports.atom_feed import atom_feed
from catalogue.exports.calendar_files import TOWN_TIME_ZONE, offer_calendar
from catalogue.figures.history import QuarterCount
from catalogue.language.reader_language import ReaderLanguage
from catalogue.publication.visibility import Publication
from catalogue.site.page_renderer import RenderedPage, template_environment
from catalogue.site.pages import PageRenderer
from catalogue.site.search_index import CatalogueEntries, catalogue_entries

from .build_cache import LanguageCache, RecordDigests, cache_folder, context_digest, product_digest

T = TypeVar("T")


@dataclass(frozen=True)
class RenderJob:
    publication: Publication
    settings: Settings
    labels: Mapping[str, Mapping[str, str]]
    history: tuple[QuarterCount, ...] | None = None
    """Offers added and ended per quarter (catalogue.figures.history); None when the build has no full git history."""
    synonyms: Mapping[str, Sequence[Sequence[str]]] = field(default_factory=dict)
    """Language code -> groups of words that mean the same (data/synonyms/<code>.yml), for the search index."""
    formats: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    """Language code -> the `formats:` of its labels file (catalogue.language.formatting.FormatOverrides)."""
    previews: frozenset[str] = frozenset()
    """Languages no native reader has reviewed yet (LoadResult.unreviewed); the default language never is one."""
    cached: bool = False
    """Whether the languages' pages come from and go to the persistent build cache (catalogue.build.build_cache)."""
    product: str = ""
    """The product's digest (build_cache.product_digest), computed once for the build; empty: computed when asked."""
    records: RecordDigests = field(default_factory=dict)
    """The digests of the offers and providers (build_cache.record_digests), when computed once for every language."""

    def reader(self, language: str) -> ReaderLanguage:
        return ReaderLanguage(
            self.settings,
            language,
            labels=self.labels.get(language, {}),
            fallback_labels=self.labels.get(self.settings.default_language, {}),
            chain_labels={code: self.labels.get(code, {}) for code in self.settings.fallback_chain(language)},
            formats=self.formats.get(language, {}),
            preview_languages=self.previews - {self.settings.default_language},
        )

    def renderer(self, language: str, cache: LanguageCache | None = None) -> PageRenderer:
        renderer = PageRenderer(self.publication, self.reader(language), template_environment(), self.history)
        if cache is not None:
            renderer.parts = cache
        return renderer

    def cache_context(self, language: str) -> str:
        """The digest of everything a language's parts are made from besides the records they show: the product,
        the settings, every language's labels and formats, the preview languages, the taxonomy and the day."""
        return context_digest(
            self.product or product_digest(),
            language,
            repr(self.settings),
            self.labels,
            self.formats,
            sorted(self.previews),
            repr(self.publication.catalogue.taxonomy),
            self.publication.today.isoformat(),
        )

    def language_cache(self, language: str, name: str | None = None) -> LanguageCache:
        """The language's persistent cache (its file `name`, default the language's code), keyed by
        `cache_context`; an empty one that keeps nothing when the job is not `cached`."""
        return LanguageCache.open(
            cache_folder(self.settings.root) if self.cached else None,
            name or language,
            self.cache_context(language),
            self.records,
        )


@dataclass(frozen=True)
class SpooledPages:
    """A language's rendered pages in a file (a stream of pickles) written by the worker that rendered them; read
    once, one page at a time, and removed after the last."""

    path: Path

    def __iter__(self) -> Iterator[RenderedPage]:
        try:
            with self.path.open("rb") as spool:
                while True:
                    try:
                        yield pickle.load(spool)
                    except EOFError:
                        return
        finally:
            self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class LanguageRendering:
    language: str
    pages: Iterable[RenderedPage]
    """The pages, in memory or `SpooledPages`: go through them once."""
    depths: frozenset[int]
    """How many folders deep the pages lie below the language's root (RenderedPage.depth), one frame each."""
    listed: tuple[str, ...]
    """The addresses of the pages search engines may find (RenderedPage.url of the listed pages), for the sitemap."""
    files: tuple[tuple[str, bytes], ...]
    """Other files below the language's root: the offers' calendars and the news feed."""
    search_entries: CatalogueEntries
    listing_files: Mapping[str, bytes] = field(default_factory=dict)
    """The catalogue page's cards and facet lists, below search/<lang>/ (catalogue.site.catalogue_listing)."""
    reused: int = 0
    """Parts (pages, cards, QR codes, calendars) taken from the persistent build cache."""
    made: int = 0
    """Parts made anew (and kept in the cache for the next build)."""


def render_language(job: RenderJob, language: str, spool: Path | None = None) -> LanguageRendering:
    """The language's generated pages and files; the pages written to `spool` (SpooledPages) when given, else held
    in memory."""
    cache = job.language_cache(language)
    renderer = job.renderer(language, cache)
    reader = renderer.reader
    stamp = datetime.combine(job.publication.today, time(0, 0), tzinfo=TOWN_TIME_ZONE)
    files: list[tuple[str, bytes]] = []
    for offer in job.publication.offers:
        if offer_has_dates(offer):
            url = f"{job.settings.site_url}{reader.prefix}offers/{offer.id}/"
            actor = job.publication.catalogue.actors[offer.actor]
            calendar = cache.part(
                "calendar",
                (offer, actor),
                functools.partial(offer_calendar, offer, actor, reader.localiser, url, stamp),
            )
            files.append((f"offers/{offer.id}/{offer.id}.ics", calendar))
    files.append(("news/feed.xml", atom_feed(job.publication, reader, updated=job.publication.today)))
    listing = renderer.listing()
    depths: set[int] = set()
    listed: list[str] = []
    pages: Iterable[RenderedPage]
    if spool is None:
        pages = tuple(_noting(renderer.all_pages(), depths, listed))
    else:
        with spool.open("wb") as stream:
            for page in _noting(renderer.all_pages(), depths, listed):
                pickle.dump(page, stream, pickle.HIGHEST_PROTOCOL)
        pages = SpooledPages(spool)
    rendering = LanguageRendering(
        language,
        pages,
        frozenset(depths),
        tuple(listed),
        tuple(files),
        catalogue_entries(job.publication, reader),
        listing.files,
        cache.hits,
        cache.misses,
    )
    cache.save()
    return rendering


def _noting(pages: Iterable[RenderedPage], depths: set[int], listed: list[str]) -> Iterator[RenderedPage]:
    for page in pages:
        depths.add(page.depth)
        if page.listed:
            listed.append(page.url)
        yield page


_job_in_worker: RenderJob | None = None


def _render_in_worker(language: str, spool_folder: str) -> LanguageRendering:
    assert _job_in_worker is not None
    return render_language(_job_in_worker, language, Path(spool_folder) / f"{language}.pages")


def _call_with_job_in_worker(function: Callable[..., T], *arguments: Any) -> T:
    assert _job_in_worker is not None
    return function(_job_in_worker, *arguments)


class RenderingPool:
    """Starts rendering every language at once; `rendering(code)` waits for that language's result."""

    def __init__(self, job: RenderJob, languages: Sequence[str], workers: int | None = None) -> None:
        global _job_in_worker
        self._job = job
        self._executor: ProcessPoolExecutor | None = None
        self._futures: dict[str, Future[LanguageRendering]] = {}
        self._spool_folder: str | None = None
        workers = workers if workers is not None else _worker_count()
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the job; nothing of the catalogue is pickled on the way in.
            _job_in_worker = job
            self._spool_folder = tempfile.mkdtemp(prefix="catalogue-pages-")
            self._executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            # Frozen objects are left alone by the workers' garbage collector, so their memory stays shared with
            # this process instead of being copied into each worker.
            gc.collect()
            gc.freeze()
            try:
                self._futures = {
                    language: self._executor.submit(_render_in_worker, language, self._spool_folder)
                    for language in languages
                }
            finally:
                gc.unfreeze()

    def rendering(self, language: str) -> LanguageRendering:
        if language not in self._futures:
            return render_language(self._job, language)
        return self._futures.pop(language).result()

    def submit(self, function: Callable[..., T], *arguments: Any) -> Future[T]:
        """function(*arguments) (a module's function; the arguments are pickled) in a worker, after the renderings
        already asked for; without workers, here and now."""
        if self._executor is None:
            done: Future[T] = Future()
            done.set_result(function(*arguments))
            return done
        return self._executor.submit(function, *arguments)

    def submit_with_job(self, function: Callable[..., T], *arguments: Any) -> Future[T]:
        """function(job, *arguments) in a worker, which has the job already (it is not pickled again)."""
        if self._executor is None:
            return self.submit(function, self._job, *arguments)
        return self._executor.submit(_call_with_job_in_worker, function, *arguments)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        if self._spool_folder is not None:
            shutil.rmtree(self._spool_folder, ignore_errors=True)


def _worker_count() -> int:
    configured = os.environ.get("CATALOGUE_WORKERS")
    if configured and configured.isdigit():
        return int(configured)
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1), 4)
