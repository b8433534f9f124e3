"""`python -m catalogue translations export|import|machine`: the translator round trip on the command line.

    translations export --to LANG --format xliff|xliff2|csv --output FILE
    translations import FILE
    translations machine --to LANG [--budget CHARACTERS]      (needs DEEPL_AUTH_KEY)

Exit codes as for `check`: 0 done, 1 refused (the data or the file has problems; nothing written), 2 cannot run.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from catalogue.checks.loading import load_catalogue
from catalogue.checks.messages import TABLE as CHECK_MESSAGES
from catalogue.data.messages import Messages, message_language_for
from catalogue.data.model import Catalogue, Offer
from catalogue.data.settings import Settings
from catalogue.office.messages import TABLE as OFFICE_MESSAGES

from .machine_translation import (
    DEEPL_KEY_VARIABLE,
    DEFAULT_BUDGET,
    DeepL,
    ProviderError,
    TranslationProvider,
    machine_translate,
    missing_texts,
    within_budget,
)
from .translation_exchange import FORMATS, ExchangeFileError, exchange_bytes, export_exchange, read_exchange
from .translation_import import plan_import, refused_texts, write_texts

EXIT_DONE = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def add_translation_commands(commands: Any) -> None:
    translations = commands.add_parser(
        "translations",
        help="export texts for translators, import their work, draft by machine",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = translations.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="every missing, outdated or machine-translated text of one language")
    export.add_argument("--to", required=True, metavar="LANG", help="the language to translate into, e.g. ar")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="xliff",
        help="xliff: XLIFF 1.2 (Weblate, memoQ, Trados); xliff2: XLIFF 2.1 (DeepL documents); csv",
    )
    export.add_argument("--output", type=Path, required=True, help="the file to write")
    importing = actions.add_parser("import", help="write a translated XLIFF or CSV file into the data")
    importing.add_argument("file", type=Path)
    machine = actions.add_parser("machine", help=f"draft missing texts by machine (needs {DEEPL_KEY_VARIABLE})")
    machine.add_argument("--to", required=True, metavar="LANG")
    machine.add_argument(
        "--budget",
        type=int,
        default=DEFAULT_BUDGET,
        help=f"at most this many German characters per run (default {DEFAULT_BUDGET})",
    )
    for parser in (export, importing, machine):
        parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")


def run_translations(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO, settings: Settings) -> int:
    messages = Messages(message_language_for(None, settings.default_language), CHECK_MESSAGES, OFFICE_MESSAGES)
    today = date.today()
    result = load_catalogue(settings, today=today, message_language=messages.language)
    if result.catalogue is None:
        print(messages.phrase("cli.data_errors"), file=stderr)
        return EXIT_REFUSED
    catalogue = result.catalogue
    if arguments.action == "import":
        return _import(arguments.file, catalogue, settings, messages, stdout, stderr)
    language = arguments.to
    others = [code for code in settings.language_codes if code != settings.default_language]
    if language == settings.default_language:
        print(messages.phrase("translations.default_language", language=language), file=stderr)
        return EXIT_USAGE
    if language not in others:
        print(
            messages.phrase("translations.unknown_language", language=language, languages=", ".join(others)),
            file=stderr,
        )
        return EXIT_USAGE
    offers = _running_offers(catalogue, today)
    if arguments.action == "export":
        exchange = export_exchange(catalogue, language, settings.default_language, offers)
        arguments.output.write_bytes(exchange_bytes(exchange, arguments.format))
        print(
            messages.phrase(
                "translations.exported",
                count=len(exchange.units),
                words=exchange.words,
                records=len(exchange.files()),
                language=language,
                file=arguments.output,
            ),
            file=stdout,
        )
        return EXIT_DONE
    return _machine(arguments, catalogue, settings, messages, offers, stdout, stderr, DeepL.from_environment())


def _running_offers(catalogue: Catalogue, today: date) -> tuple[Offer, ...]:
    """Offers still worth translating: not ended, by status or by date."""
    return tuple(
        offer
        for offer in catalogue.offers
        if offer.status != "ended" and (offer.valid_until is None or offer.valid_until >= today)
    )


def _import(
    file: Path, catalogue: Catalogue, settings: Settings, messages: Messages, stdout: TextIO, stderr: TextIO
) -> int:
    try:
        exchange = read_exchange(file)
    except ExchangeFileError as error:
        print(
            messages.phrase("translations.unreadable", file=file, detail=messages.phrase(error.key, **error.values)),
            file=stderr,
        )
        return EXIT_REFUSED
    plan = plan_import(exchange, catalogue, settings, messages)
    if plan.problems:
        print(
            messages.phrase(
                "translations.refused", file=file, count=messages.counted("count.problems", len(plan.problems))
            ),
            file=stderr,
        )
        for problem in plan.problems:
            print(f"  - {problem}", file=stderr)
        return EXIT_REFUSED
    if not plan.texts:
        has_targets = any(unit.target.strip() for unit in exchange.units)
        print(
            messages.phrase("translations.unchanged" if has_targets else "translations.nothing", file=file), file=stdout
        )
        return EXIT_DONE
    written = write_texts(plan.texts, plan.language, settings, settings.default_language, machine=False)
    if not written.files:
        print(messages.phrase("translations.unchanged", file=file), file=stdout)
        return EXIT_DONE
    print(
        messages.phrase(
            "translations.imported",
            count=messages.counted("count.texts", written.texts),
            files=messages.counted("count.files", len(written.files)),
            language=plan.language,
            complete=messages.counted("count.entries", written.complete),
        ),
        file=stdout,
    )
    return EXIT_DONE


def _machine(
    arguments: argparse.Namespace,
    catalogue: Catalogue,
    settings: Settings,
    messages: Messages,
    offers: tuple[Offer, ...],
    stdout: TextIO,
    stderr: TextIO,
    provider: TranslationProvider | None,
) -> int:
    if provider is None:
        print(messages.phrase("machine.no_key", variable=DEEPL_KEY_VARIABLE), file=stderr)
        return EXIT_USAGE
    language = arguments.to
    if not provider.supports(language):
        print(messages.phrase("machine.unsupported", provider=provider.name, language=language), file=stderr)
        return EXIT_REFUSED
    drafts, left = within_budget(
        missing_texts(catalogue, language, settings.default_language, offers), arguments.budget
    )
    try:
        texts = machine_translate(provider, drafts, settings.default_language, language) if drafts else []
    except ProviderError as error:
        print(messages.phrase("machine.failed", provider=provider.name, detail=error), file=stderr)
        return EXIT_REFUSED
    problems = refused_texts(texts, messages)
    if problems:
        print(
            messages.phrase(
                "machine.refused", provider=provider.name, count=messages.counted("count.problems", len(problems))
            ),
            file=stderr,
        )
        for problem in problems:
            print(f"  - {problem}", file=stderr)
        return EXIT_REFUSED
    written = write_texts(texts, language, settings, settings.default_language, machine=True)
    print(
        messages.phrase(
            "machine.done",
            count=written.texts,
            characters=sum(len(draft.source) for draft in drafts),
            language=language,
            files=len(written.files),
            left=len(left),
            budget=arguments.budget,
        ),
        file=stdout,
    )
    return EXIT_DONE
