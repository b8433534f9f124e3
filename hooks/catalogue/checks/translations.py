"""Translations and staleness: which languages a record lacks, which translations are older than the default
text they were made from, and records not verified for too long. Warnings only: nothing here stops a build."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from catalogue.data.data_file import DataFile, is_proper_name
from catalogue.data.fingerprint import default_text_fingerprint
from catalogue.data.months import months_before
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import field_name

from .context import Checking, lookup


def translations(check: Checking, file: DataFile) -> Iterator[Problem]:
    """One warning for the languages a record lacks entirely, one per set of fields lacking in the others."""
    fields = [item for item in check.text_fields(file) if not is_proper_name(file.kind, item.path)]
    if not fields:
        return
    position = file.document.key_position(fields[0].path)
    untranslated: list[str] = []
    lacking_by_language: dict[str, list[str]] = {}
    for language in check.settings.language_codes:
        if language == check.default_language:
            continue
        lacking = [field_name(item.path) for item in fields if language not in lookup(file.data, item.path)]
        if len(lacking) == len(fields):
            untranslated.append(language)
        elif lacking:
            lacking_by_language[language] = lacking
    if untranslated:
        yield check.warning(
            file,
            "warn.untranslated",
            position,
            languages=", ".join(untranslated),
            example=untranslated[0],
            about=tuple(untranslated),
        )
    languages_by_gap: dict[tuple[str, ...], list[str]] = {}
    for language, lacking in lacking_by_language.items():
        languages_by_gap.setdefault(tuple(dict.fromkeys(lacking)), []).append(language)
    for gap, languages in languages_by_gap.items():
        yield check.warning(
            file,
            "warn.partly_translated",
            position,
            about=tuple(languages),
            languages=", ".join(languages),
            fields=check.messages.join(f"`{name}`" for name in gap),
        )
    yield from outdated(check, file, untranslated)


def outdated(check: Checking, file: DataFile, untranslated: list[str]) -> Iterator[Problem]:
    """A translation whose `translation_sources` fingerprint is not the default text's of today."""
    sources = file.data.get("translation_sources", {})
    if not sources or not file.valid:  # the fingerprint of a text the schema refused in parts says nothing
        return
    fingerprint = default_text_fingerprint(file.data, check.default_language)
    for language, source in sources.items():
        if language in untranslated or language == check.default_language or source == fingerprint:
            continue
        yield check.warning(
            file,
            "warn.outdated",
            file.document.value_position(("translation_sources", language)),
            language=language,
            default=check.default_language,
            fingerprint=fingerprint,
        )


def stale(check: Checking, file: DataFile) -> Iterator[Problem]:
    """`last_verified.date` not in the future, and not older than the town's `stale_after_months`."""
    verified = date.fromisoformat(file.data["last_verified"]["date"])
    today = check.context.today
    position = file.document.value_position(("last_verified", "date"))
    if verified > today:
        yield check.problem(file, "order.verified_future", position, date=verified.isoformat(), today=today.isoformat())
        return
    months = check.settings.stale_after_months
    if verified < months_before(today, months):
        yield check.warning(file, "warn.stale", position, date=verified.isoformat(), months=months)
