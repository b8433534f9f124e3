"""What one full build of the site (every language) shares, made once when the default language starts building:
the settings, the loaded and checked data, what is published on the build's day, the rendering job and its workers,
and what the build has to say about them. The engine adapter holds one and hands each language's build its part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalogue.build.build_cache import (
    LanguageCache,
    cache_folder,
    context_digest,
    product_digest,
    record_digests,
    remove_other_layouts,
)
from catalogue.build.child_process import in_child_process
from catalogue.build.messages import TABLE as BUILD_MESSAGES
from catalogue.build.preview import preview_languages
from catalogue.build.rendering import RenderingPool, RenderJob
from catalogue.build.site_output import LanguageOutput
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.data.messages import Messages, message_language_for
from catalogue.data.problems import format_problem
from catalogue.data.settings import Settings, read_settings
from catalogue.exports.dcat import licence_uri
from catalogue.figures.history import offer_history
from catalogue.publication.visibility import Publication, hidden_report, publish
from catalogue.site.messages import TABLE as SITE_MESSAGES

BUILD_DATE_VARIABLE = "CATALOGUE_BUILD_DATE"
"""Environment variable that fixes the build's day (YYYY-MM-DD), for reproducible builds and tests."""


class BuildStopped(Exception):
    """The settings or the data forbid a build; the message says why and what to do, in the town's language."""


@dataclass
class SiteRun:
    """What one full build (all languages) shares."""

    settings: Settings
    loaded: LoadResult
    publication: Publication
    job: RenderJob
    pool: RenderingPool
    messages: Messages
    """In the town's language if de or en, else English: what the build says to the office."""
    notes: tuple[str, ...] = ()
    """Lines worth a look in the build's log: the data's warnings, what was hidden and why."""
    warnings: tuple[str, ...] = ()
    """Lines the office must act on, though the build goes on (the legal texts are not reviewed)."""
    outputs: dict[str, LanguageOutput] = field(default_factory=dict)
    written_languages: set[str] = field(default_factory=set)
    languages: tuple[str, ...] = ()
    """The languages this build makes: all the town's, or those a live preview asks for (catalogue.build.preview)."""


def build_date(fixed: str | None) -> date:
    """The build's day: fixed (YYYY-MM-DD, from $CATALOGUE_BUILD_DATE) or today. BuildStopped for another form."""
    try:
        return date.fromisoformat(fixed) if fixed else date.today()
    except ValueError as error:
        raise BuildStopped(f"{BUILD_DATE_VARIABLE} must be a date written YYYY-MM-DD, not {fixed!r}") from error


def start_site_run(config_file: Path, fixed_date: str | None = None) -> SiteRun:
    """Reads the settings of config_file (mkdocs.yml), loads and checks the data, and publishes it for the build's
    day. BuildStopped when a setting is wrong or the data has an error: the message lists every error."""
    try:
        settings = read_settings(config_file)
        licence_uri(settings)  # the open-data catalogue needs its URI: say so before the build, not after it
        languages = preview_languages(settings)
    except ValueError as error:
        raise BuildStopped(str(error)) from error
    today = build_date(fixed_date)
    messages = Messages(message_language_for(None, settings.default_language), BUILD_MESSAGES, SITE_MESSAGES)
    product = product_digest()
    remove_other_layouts(cache_folder(settings.root))

    def load() -> LoadResult:
        read_before = LanguageCache.open(
            cache_folder(settings.root), "data", context_digest(product, "data", messages.language, repr(settings))
        )
        loaded = load_catalogue(settings, today=today, message_language=messages.language, file_cache=read_before)
        read_before.save()
        return loaded

    loaded = in_child_process(load)
    errors = loaded.errors
    if errors or loaded.catalogue is None:
        listing = "\n".join(format_problem(problem, style="text") for problem in errors)
        raise BuildStopped(messages.phrase("build.data_errors", count=len(errors)) + "\n" + listing)
    publication = publish(loaded.catalogue, today)
    notes = tuple(format_problem(problem, style="text") for problem in loaded.warnings) + tuple(
        hidden_report(publication)
    )
    warnings = (messages.phrase("build.legal_date_missing"),) if settings.legal_date is None else ()
    job = RenderJob(
        publication,
        settings,
        loaded.labels,
        offer_history(publication, settings),
        synonyms=loaded.synonyms,
        formats=loaded.formats,
        previews=loaded.unreviewed,
        cached=True,
        product=product,
        records=record_digests((*publication.offers, *loaded.catalogue.actors.values())),
    )
    return SiteRun(
        settings=settings,
        loaded=loaded,
        publication=publication,
        job=job,
        pool=RenderingPool(job, languages),
        messages=messages,
        notes=notes,
        warnings=warnings,
        languages=languages,
    )
