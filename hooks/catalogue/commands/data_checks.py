"""The commands that read the data and say what it holds: `check` lists every problem file by file, `report` writes
the office's report, `region` harvests the towns of a regional catalogue."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.commands.common import EXIT_INVALID, EXIT_VALID, UsageError, messages_in, read_command_settings
from catalogue.data.messages import Messages, message_language_for
from catalogue.data.model import Offer
from catalogue.data.problems import Problem, format_problem
from catalogue.office.region import harvest_region, region_report
from catalogue.office.report import office_report, report_council, report_csv, report_markdown, report_text
from catalogue.publication.visibility import Publication, last_session_passed, publish


def check_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`check`: every problem of the data, then what is hidden and why, then a summary; exit 1 on errors."""
    settings = read_command_settings(arguments.config, messages_in(arguments.lang or "en"))
    messages = messages_in(message_language_for(arguments.lang, settings.default_language))
    if not settings.data_dir.is_dir():
        raise UsageError(messages.phrase("cli.no_data", folder=settings.data_dir))
    today = arguments.today or date.today()
    result = load_catalogue(settings, today=today, message_language=messages.language)
    # CI annotations stay one per file: GitHub shows each on its file's line in the pull request.
    summarised = () if arguments.verbose or arguments.format == "github" else _TRANSLATION_WARNINGS
    shown = [problem for problem in result.problems if problem.key not in summarised]
    # On a terminal errors come last, right above the summary, so that a long list of warnings cannot scroll them away.
    errors_last = arguments.format == "text"
    last = [problem for problem in shown if errors_last and problem.is_error]
    for problem in (problem for problem in shown if not (errors_last and problem.is_error)):
        print(format_problem(problem, style=arguments.format), file=stdout)
    if summarised:
        for line in _translation_summary(result.problems, messages, settings.language_codes):
            print(line, file=stdout)
    publication = publish(result.catalogue, today) if result.catalogue is not None else None
    for hidden in publication.hidden if publication else ():
        print(
            messages.phrase(
                "cli.hidden",
                path=hidden.offer.source,
                day=today.isoformat(),
                reason=_why_hidden(hidden.offer, today, messages),
            ),
            file=stdout,
        )
    for problem in last:
        print(format_problem(problem, style=arguments.format), file=stdout)
    print(_summary(result, publication, messages), file=stdout)
    return EXIT_INVALID if result.errors else EXIT_VALID


_TRANSLATION_WARNINGS = ("warn.untranslated", "warn.partly_translated")


def _translation_summary(problems: Sequence[Problem], messages: Messages, languages: Sequence[str]) -> list[str]:
    """One line per language instead of one warning per file: how many files lack it wholly or partly."""
    wholly: dict[str, set[str]] = {}
    partly: dict[str, set[str]] = {}
    for problem in problems:
        if problem.key in _TRANSLATION_WARNINGS:
            for language in problem.about:
                (wholly if problem.key == "warn.untranslated" else partly).setdefault(language, set()).add(problem.path)
    return [
        messages.phrase(
            "cli.untranslated_summary",
            language=language,
            count=len(wholly.get(language, set()) | partly.get(language, set())),
            fully=len(wholly.get(language, ())),
            partly=len(partly.get(language, ())),
        )
        for language in languages
        if language in wholly or language in partly
    ]


def _why_hidden(offer: Offer, today: date, messages: Messages) -> str:
    if offer.status == "ended":
        return messages.phrase("hidden.ended")
    if offer.valid_until is not None and offer.valid_until < today:
        return messages.phrase("hidden.expired", day=offer.valid_until.isoformat())
    last = last_session_passed(offer, today)
    if last is not None:
        return messages.phrase("hidden.sessions_over", day=last.isoformat())
    return messages.phrase("hidden.not_yet", day=offer.valid_from.isoformat() if offer.valid_from else "")


def _summary(result: LoadResult, publication: Publication | None, messages: Messages) -> str:
    published: int | str = len(publication.offers) if publication else messages.phrase("cli.not_published")
    return messages.phrase(
        "cli.summary",
        files=len(result.files),
        errors=len(result.errors),
        warnings=len(result.warnings),
        published=published,
    )


def report_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`report`: the office's report as text, Markdown, CSV or a council paper's summary."""
    settings = read_command_settings(arguments.config, messages_in(arguments.lang or "en"))
    messages = messages_in(message_language_for(arguments.lang, settings.default_language))
    today = arguments.today or date.today()
    result = load_catalogue(settings, today=today, message_language=messages.language)
    if result.catalogue is None:
        print(messages.phrase("cli.data_errors"), file=stdout)
        return EXIT_INVALID
    report = office_report(publish(result.catalogue, today), settings, unreviewed=result.unreviewed)
    if arguments.format == "csv":
        text = report_csv(report, messages)
    elif arguments.format == "markdown":
        text = report_markdown(report, messages, limit=arguments.limit)
    elif arguments.format == "council":
        text = report_council(report, messages)
    else:
        text = report_text(report, messages)
    if arguments.output:
        arguments.output.write_text(text, encoding="utf-8", newline="")
    else:
        stdout.write(text)
    return EXIT_VALID


def region_command(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Exit 0 when every town was read now, 1 when one kept its last copy or has none (the lines say which)."""
    settings = read_command_settings(arguments.config, messages_in(arguments.lang or "en"))
    messages = messages_in(message_language_for(arguments.lang, settings.default_language))
    if not settings.region_towns:
        raise UsageError(messages.phrase("region.no_towns"))
    harvest = harvest_region(settings, arguments.today or date.today(), message_language=messages.language)
    for is_problem, line in region_report(harvest, messages.phrase, settings.data_dir):
        print(line, file=stderr if is_problem else stdout)
    return EXIT_VALID if harvest.complete else EXIT_INVALID
