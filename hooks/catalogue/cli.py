"""The command line: `python -m catalogue check` validates all data and says what is wrong, file by file;
`report` writes the office's report; `translations export|import|machine` is the translator round trip; `region`
harvests the towns of a regional catalogue.

Exit codes: 0 the data is valid (warnings allowed), 1 the data has errors, 2 the command could not run (wrong
arguments, no mkdocs.yml, no data folder, or a fault in this program).
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TextIO

import yaml

from catalogue.build import site_build
from catalogue.build.messages import TABLE as BUILD_MESSAGES
from catalogue.build.site_build import ENGINES, BuildRefused, build_site
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.checks.messages import TABLE as CHECK_MESSAGES
from catalogue.data.messages import MESSAGE_LANGUAGES, Messages, message_language_for
from catalogue.data.model import Catalogue, Offer
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.problems import Problem, format_problem
from catalogue.data.settings import Settings, read_settings
from catalogue.office.codeowners import CODEOWNERS_PATH, codeowners_text, technical_owners
from catalogue.office.editor_config import CONFIG_PATH, EditorSettings, editor_config, editor_config_text
from catalogue.office.issue_form import (
    CHANGE_FORM_PATH,
    GENERATED_NOTE,
    ISSUE_CONFIG_PATH,
    ISSUE_FORM_PATH,
    change_issue_form,
    form_yaml,
    issue_config,
    issue_form,
)
from catalogue.office.issue_offer import comment_text, convert_issue_file
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
from catalogue.office.new_town import PRODUCT_LANGUAGES, NewTown, first_commit, write_new_town
from catalogue.office.region import harvest_region, region_report
from catalogue.office.report import office_report, report_council, report_csv, report_markdown, report_text
from catalogue.office.site_languages import LanguageRefused, add_language, remove_language
from catalogue.office.town_browser_checks import BrowserUnavailable, browser_problems, page_kinds
from catalogue.office.town_checks import TOWN_CHECKS
from catalogue.office.translation_commands import add_translation_commands, run_translations
from catalogue.office.upgrade import upgrade_town
from catalogue.publication.visibility import Publication, last_session_passed, publish
from catalogue.site.messages import TABLE as SITE_MESSAGES

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def product_version() -> str:
    """The installed product's version (the distribution bildungskatalog), or 0 when it runs from a checkout that
    was never installed."""
    try:
        return metadata.version("bildungskatalog")
    except metadata.PackageNotFoundError:
        return "0"


def _messages(language: str) -> Messages:
    """Every stage's messages in one language: the commands reach them all."""
    return Messages(language, CHECK_MESSAGES, OFFICE_MESSAGES, SITE_MESSAGES, BUILD_MESSAGES)


class _UsageError(Exception):
    """The command cannot run; the message says why."""


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    for stream in (stdout, stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    arguments = _parser().parse_args(argv)
    messages = _messages(getattr(arguments, "lang", None) or "en")
    try:
        handler: _Handler = arguments.handler
        return handler(arguments, stdout, stderr, messages)
    except _UsageError as error:
        print(str(error), file=stderr)
        return EXIT_USAGE
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"
        print(messages.phrase("cli.unexpected", detail=detail), file=stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m catalogue", description="The education-offer catalogue's tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate all data and list every problem", description=__doc__)
    check.set_defaults(handler=_with_stdout(_check))
    check.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: ./mkdocs.yml)"
    )
    check.add_argument(
        "--format", choices=("text", "github"), default="text", help="text for people, github for CI annotations"
    )
    check.add_argument(
        "--lang",
        choices=MESSAGE_LANGUAGES,
        help="language of the messages (default: the site's language if de or en, else en)",
    )
    check.add_argument("--today", type=_iso_date, help="the day to check against, YYYY-MM-DD (default: today)")
    check.add_argument(
        "--verbose", action="store_true", help="list missing translations file by file, not one line per language"
    )
    owners = commands.add_parser(
        "codeowners", help=f"write {CODEOWNERS_PATH} from the actors' maintainers", description=codeowners_text.__doc__
    )
    owners.set_defaults(handler=_with_stdout(_codeowners))
    owners.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    owners.add_argument("--check", action="store_true", help=f"only say whether {CODEOWNERS_PATH} is up to date")
    editor = commands.add_parser(
        "editor-config", help=f"write the web editor's {CONFIG_PATH} from the schemas, the taxonomy and mkdocs.yml"
    )
    editor.set_defaults(handler=_with_stdout(_editor_config))
    editor.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    editor.add_argument("--check", action="store_true", help=f"only say whether {CONFIG_PATH} is up to date")
    backend = commands.add_parser(
        "editor-backend",
        help="the web editor's local backend for this clone (decap-server, writing into the clone's files)",
    )
    backend.set_defaults(handler=_with_stdout(_editor_backend))
    backend.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    backend.add_argument(
        "--port", type=int, default=8081, help="where the editor looks for it (default 8081, Decap's default)"
    )
    form = commands.add_parser(
        "issue-form", help=f"write {ISSUE_FORM_PATH} and {ISSUE_CONFIG_PATH} from the schema, the data and mkdocs.yml"
    )
    form.set_defaults(handler=_with_stdout(_issue_form))
    form.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    form.add_argument("--check", action="store_true", help="only say whether the committed forms are up to date")
    issue = commands.add_parser(
        "issue-to-offer", help="turn a filled offer issue form into an offer file, or a comment saying what is missing"
    )
    issue.set_defaults(handler=_with_stdout(_issue_to_offer))
    issue.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    issue.add_argument("--body", type=Path, required=True, help="a file holding the issue's body (Markdown)")
    issue.add_argument("--comment", type=Path, required=True, help="where to write the comment for the issue")
    issue.add_argument("--today", type=_iso_date, help="the day of the check, YYYY-MM-DD (default: today)")
    town = commands.add_parser(
        "new-town",
        help="write a new town's repository: settings, pages, empty data, workflows, the product pinned",
        description=_NEW_TOWN_HELP,
    )
    town.set_defaults(handler=_with_stdout(_new_town))
    town.add_argument("folder", type=Path, help="where the town's repository is written (a new or empty folder)")
    for option, question in _NEW_TOWN_QUESTIONS.items():
        town.add_argument(f"--{option}", default=None, help=question)
    town.add_argument(
        "--languages",
        default=",".join(PRODUCT_LANGUAGES),
        help=f"the site's languages, German first (default: {','.join(PRODUCT_LANGUAGES)})",
    )
    town.add_argument(
        "--name-in",
        action="append",
        default=[],
        metavar="CODE=NAME",
        help="the town's name in another language's script, e.g. ar=موسترشتات (repeatable)",
    )
    town.add_argument(
        "--coordinator",
        action="append",
        default=[],
        metavar="ACCOUNT",
        help="a GitHub account of the office that reviews every change (repeatable)",
    )
    town.add_argument(
        "--product",
        default=None,
        metavar="REQUIREMENT",
        help="how requirements.txt pins the product (default: bildungskatalog[verify]==<this version>); "
        "e.g. 'bildungskatalog[verify] @ git+https://github.com/<org>/<repo>@v2.0.0'",
    )
    town.add_argument("--no-git", action="store_true", help="write the files only: no `git init`, no first commit")
    town.add_argument("--yes", action="store_true", help="ask nothing: take the options given, leave the rest empty")
    build = commands.add_parser(
        "build",
        help="build the site into site/; the previous site stays until the new one is complete",
        description=site_build.__doc__,
    )
    build.set_defaults(handler=_with_streams(_build))
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs", help="mkdocs (default) or its fork properdocs")
    serve = commands.add_parser("serve", help="live preview on 127.0.0.1, rebuilt when data or pages change")
    serve.set_defaults(handler=_with_stdout(_serve))
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    upgrade = commands.add_parser(
        "upgrade",
        help="bring the town up to the installed product: settings, workflows, Makefile, schemas, issue form",
        description=upgrade_town.__doc__,
    )
    upgrade.set_defaults(handler=_with_stdout(_upgrade))
    upgrade.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    language = commands.add_parser(
        "language",
        help="add or remove one of the site's languages in one step (settings, pages, texts)",
    )
    language.set_defaults(handler=_with_stdout(_language))
    language.add_argument("action", choices=("add", "remove"))
    language.add_argument("code", help="the language's code, e.g. ps")
    language.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    verify = commands.add_parser(
        "verify",
        help="the town's checks: data, a page for every offer in every language, links, no other server, "
        "accessibility (Chromium)",
    )
    verify.set_defaults(handler=_with_stdout(_verify))
    verify.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    verify.add_argument("--site", type=Path, default=None, help="check this built site instead of building one")
    verify.add_argument("--no-browser", action="store_true", help="leave out the checks in Chromium")
    report = commands.add_parser(
        "report",
        help="stale, ending and not yet valid offers; translations per language",
        description=office_report.__doc__,
    )
    report.set_defaults(handler=_with_stdout(_report))
    report.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    report.add_argument(
        "--format",
        choices=("text", "markdown", "csv", "council"),
        default="text",
        help="text for a terminal, markdown for a GitHub issue, csv for a spreadsheet, council for a council paper's needs summary",
    )
    report.add_argument("--output", type=Path, help="write to this file instead of the terminal")
    report.add_argument("--limit", type=int, help="Markdown: list at most this many offers per section")
    report.add_argument(
        "--lang", choices=MESSAGE_LANGUAGES, help="language of the report (default: the site's if de or en)"
    )
    report.add_argument("--today", type=_iso_date, help="the day of the report, YYYY-MM-DD (default: today)")
    region = commands.add_parser(
        "region",
        help="harvest the towns of extra.catalogue.region.towns (their HSDS) into this region's data folder",
        description=(
            "Reads the published HSDS of every town listed under extra.catalogue.region.towns in the region's mkdocs.yml "
            "and writes their offers and providers into the region's data folder, each town a district; reports "
            "near-duplicates across towns and keeps the last copy of a town that cannot be read. Exit code 1 when a "
            "town could not be read now."
        ),
    )
    region.set_defaults(handler=_with_streams(_region))
    region.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the region's mkdocs.yml")
    region.add_argument(
        "--lang", choices=MESSAGE_LANGUAGES, help="language of the messages (default: the site's if de or en)"
    )
    region.add_argument("--today", type=_iso_date, help="the day of the harvest, YYYY-MM-DD (default: today)")
    add_translation_commands(commands)
    commands.choices["translations"].set_defaults(handler=_translations)
    return parser


_Handler = Callable[[argparse.Namespace, TextIO, TextIO, Messages], int]
"""What a subcommand runs: (its arguments, stdout, stderr, messages in the language asked for) -> exit code."""


def _with_stdout(run: Callable[[argparse.Namespace, TextIO], int]) -> _Handler:
    return lambda arguments, stdout, _stderr, _messages: run(arguments, stdout)


def _with_streams(run: Callable[[argparse.Namespace, TextIO, TextIO], int]) -> _Handler:
    return lambda arguments, stdout, stderr, _messages: run(arguments, stdout, stderr)


def _translations(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO, messages: Messages) -> int:
    return run_translations(arguments, stdout, stderr, _settings(arguments.config, messages))


_NEW_TOWN_HELP = (
    "Writes a new town's repository into FOLDER: mkdocs.yml with the town's name, office, address, web address, "
    "languages and licence; the pages; an empty data folder with one example of each kind of record; the Makefile "
    "(make site, make test), thin workflows and the product's version pinned in requirements.txt; then `git init` and "
    "a first commit. Asks for what the options do not give."
)
_NEW_TOWN_QUESTIONS = {
    "name": "the town's name, e.g. Musterstadt",
    "office": "the office's name (default: Bildungskoordination für Neuzugewanderte)",
    "address": "the office's postal address in one line, e.g. Rathaus, Markt 1, 12345 Musterstadt",
    "phone": "the office's phone number, e.g. +49 30 1234-567",
    "email": "the office's e-mail address",
    "site-url": "the site's web address (default: https://bildung.<town>.example.org/)",
    "licence": "the open-data licence's short name (default: dl-de/by-2-0)",
    "licence-url": "the licence's web address (default: https://www.govdata.de/dl-de/by-2-0)",
}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written as YYYY-MM-DD") from None


def _check(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages(arguments.lang or "en"))
    messages = _messages(message_language_for(arguments.lang, settings.default_language))
    if not settings.data_dir.is_dir():
        raise _UsageError(messages.phrase("cli.no_data", folder=settings.data_dir))
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


def _codeowners(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        print(f"The data has errors; run `make check` first. {CODEOWNERS_PATH} was not changed.", file=stdout)
        return EXIT_INVALID
    if technical_owners(settings)[1]:
        print(
            "Warning: mkdocs.yml names no extra.catalogue.technical_owners, so the coordinators also review code and"
            " configuration (workflows, mkdocs.yml, hooks/). Name a GitHub account that reads code there.",
            file=stdout,
        )
    wanted = {CODEOWNERS_PATH: codeowners_text(result.catalogue, settings)}
    return _write_or_check(settings.root, wanted, "codeowners", arguments.check, stdout)


def generated_editor_config(settings: Settings) -> str:
    """The web editor's config.yml for a site, or raises ValueError when the data has errors."""
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        raise ValueError("The data has errors; run `make check` first.")
    return _editor_config_text(result, settings)


def _editor_config_text(result: LoadResult, settings: Settings) -> str:
    assert result.catalogue is not None
    labels = result.labels.get(settings.default_language, {})
    config = editor_config(
        settings, EditorSettings.from_settings(settings), result.catalogue.taxonomy, labels, SCHEMA_DIR
    )
    return editor_config_text(config)


def _issue_form_files(catalogue: Catalogue, settings: Settings) -> dict[str, str]:
    return {
        ISSUE_FORM_PATH: form_yaml(issue_form(catalogue, settings), GENERATED_NOTE),
        CHANGE_FORM_PATH: form_yaml(change_issue_form(catalogue, settings), GENERATED_NOTE),
        ISSUE_CONFIG_PATH: form_yaml(issue_config(settings), GENERATED_NOTE),
    }


def _write_or_check(root: Path, wanted: Mapping[str, str], command: str, check: bool, stdout: TextIO) -> int:
    """Generated files the repository commits (paths relative to root): with `check`, says which are out of date
    (exit 1 if any); without, writes those that differ."""
    stale = [
        path
        for path, text in wanted.items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]
    if check:
        for path in stale:
            print(f"{path} is out of date: run `python -m catalogue {command}` and commit it.", file=stdout)
        return EXIT_INVALID if stale else EXIT_VALID
    for path in stale:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path}", file=stdout)
    return EXIT_VALID


def _editor_config(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    try:
        wanted = generated_editor_config(settings)
    except ValueError as error:
        print(f"{error} {CONFIG_PATH} was not changed.", file=stdout)
        return EXIT_INVALID
    return _write_or_check(settings.root, {CONFIG_PATH: wanted}, "editor-config", arguments.check, stdout)


def _editor_backend(arguments: argparse.Namespace, stdout: TextIO) -> int:
    import subprocess

    from catalogue.office.editor_backend import decap_server_command, decap_server_environment

    settings = _settings(arguments.config, _messages("en"))
    if not (settings.root / "node_modules" / "decap-server").is_dir():
        raise _UsageError("decap-server is not installed: run `npm ci` first.")
    print(
        f"The editor's local backend serves {settings.root} on port {arguments.port}; open /admin/ of `make serve`. Ctrl+C stops it.",
        file=stdout,
    )
    try:
        return subprocess.call(
            decap_server_command(settings.root), env=decap_server_environment(settings.root, arguments.port)
        )
    except KeyboardInterrupt:
        return EXIT_VALID


def _issue_form(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        print(f"The data has errors; run `make check` first. {ISSUE_FORM_PATH} was not changed.", file=stdout)
        return EXIT_INVALID
    return _write_or_check(
        settings.root, _issue_form_files(result.catalogue, settings), "issue-form", arguments.check, stdout
    )


def _issue_to_offer(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("de"))
    conversion = convert_issue_file(arguments.body, settings, arguments.today or date.today())
    arguments.comment.write_text(comment_text(conversion, settings), encoding="utf-8")
    if not conversion.ok:
        print("The issue does not describe a valid offer yet; the comment says why.", file=stdout)
        return EXIT_INVALID
    target = settings.root / conversion.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(conversion.text, encoding="utf-8")
    print(conversion.path, file=stdout)
    return EXIT_VALID


def _new_town(arguments: argparse.Namespace, stdout: TextIO) -> int:
    answers: dict[str, str] = {}
    for option in _NEW_TOWN_QUESTIONS:
        value = getattr(arguments, option.replace("-", "_"))
        if value is None and not arguments.yes and sys.stdin.isatty():
            value = input(f"{_NEW_TOWN_QUESTIONS[option]}: ").strip()
        if value:
            answers[option.replace("-", "_")] = value
    if not answers.get("name"):
        raise _UsageError("new-town needs the town's name: --name Musterstadt")
    names = dict(entry.split("=", 1) for entry in arguments.name_in if "=" in entry)
    languages = tuple(code.strip() for code in arguments.languages.split(",") if code.strip())
    town = NewTown(
        **answers,
        names=names,
        coordinators=tuple(arguments.coordinator),
        languages=languages,
        product=arguments.product or "",
    )
    target: Path = arguments.folder
    try:
        outcome = write_new_town(target, town, product_version=product_version())
    except ValueError as error:
        raise _UsageError(f"new-town: {error}") from error
    settings = read_settings(target / "mkdocs.yml")
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        raise _UsageError(
            "new-town: the new town's data has errors: "
            + "; ".join(format_problem(problem) for problem in result.errors)
        )
    generated = {
        CODEOWNERS_PATH: codeowners_text(result.catalogue, settings),
        **_issue_form_files(result.catalogue, settings),
    }
    _write_or_check(settings.root, generated, "new-town", False, io.StringIO())
    if not arguments.no_git:
        first_commit(target, town)
    print(f"{town.name}: wrote {len(outcome.written) + len(generated)} files into {target}", file=stdout)
    if outcome.still_empty:
        print("still to fill in mkdocs.yml: " + ", ".join(outcome.still_empty), file=stdout)
    print(f"next: cd {target} && make site && make test", file=stdout)
    return EXIT_VALID


def _build(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    assert settings.site_dir is not None
    try:
        result = build_site(arguments.config.resolve(), settings.site_dir, engine=arguments.engine)
    except BuildRefused as error:
        raise _UsageError(str(error)) from error
    if result.output.strip():
        print(result.output.rstrip(), file=stdout if result.returncode == 0 else stderr)
    if result.returncode != 0:
        print(f"The build failed; {settings.site_dir} is as it was before.", file=stderr)
        return EXIT_INVALID
    print(f"built {settings.site_dir}", file=stdout)
    return EXIT_VALID


def _serve(arguments: argparse.Namespace, stdout: TextIO) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", arguments.port))
        except OSError as error:
            raise _UsageError(
                f"Port {arguments.port} is in use ({error.strerror}): choose another, e.g. PORT={arguments.port + 1}"
            ) from error
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(arguments.config),
        "-a",
        f"127.0.0.1:{arguments.port}",
    ]
    print(f"preview at http://127.0.0.1:{arguments.port}/ (Ctrl+C ends it)", file=stdout)
    try:
        return subprocess.run(
            command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CATALOGUE_WORKERS": "1"}
        ).returncode
    except KeyboardInterrupt:
        return EXIT_VALID


def _upgrade(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    upgraded = upgrade_town(settings.root)
    result = load_catalogue(read_settings(arguments.config), today=date.today())
    generated = _issue_form_files(result.catalogue, settings) if result.catalogue is not None else {}
    forms = io.StringIO()
    _write_or_check(settings.root, generated, "upgrade", False, forms)
    written = [
        *upgraded.written,
        *(line.removeprefix("wrote ") for line in forms.getvalue().splitlines() if line.startswith("wrote ")),
    ]
    for line in upgraded.said:
        print(line, file=stdout)
    for path in written:
        print(f"wrote {path}", file=stdout)
    print(
        f"{product_version()}: {len(written)} files brought up to date"
        if written
        else f"{product_version()}: nothing to change",
        file=stdout,
    )
    if result.catalogue is None:
        print("the data has errors now: run `make check`", file=stdout)
        return EXIT_INVALID
    return EXIT_VALID


def _language(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    try:
        change = (add_language if arguments.action == "add" else remove_language)(settings.root, arguments.code)
    except LanguageRefused as error:
        raise _UsageError(str(error)) from error
    german = settings.default_language == "de"
    for path in change.written:
        print(f"{'geschrieben' if german else 'written'}: {path}", file=stdout)
    for path in change.removed:
        print(f"{'gelöscht' if german else 'deleted'}: {path}", file=stdout)
    result = load_catalogue(read_settings(arguments.config), today=date.today())
    if result.catalogue is not None:
        _write_or_check(settings.root, _issue_form_files(result.catalogue, settings), "language", False, stdout)
    print("weiter: make check und make site" if german else "next: make check and make site", file=stdout)
    return EXIT_VALID


def _verify(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages("en"))
    today = date.today()
    result = load_catalogue(settings, today=today)
    passed = failed = 0

    def report(name: str, wrong: Sequence[str]) -> None:
        nonlocal passed, failed
        if wrong:
            failed += 1
            print(f"FAILED {name}", file=stdout)
            for line in wrong[:20]:
                print(f"    {line}", file=stdout)
            if len(wrong) > 20:
                print(f"    … and {len(wrong) - 20} more", file=stdout)
        else:
            passed += 1
            print(f"passed {name}", file=stdout)

    report("The data has no errors.", [format_problem(problem) for problem in result.errors])
    if result.catalogue is None:
        print(f"{passed} passed, {failed} failed", file=stdout)
        return EXIT_INVALID
    publication = publish(result.catalogue, today)
    with tempfile.TemporaryDirectory(prefix="catalogue-verify-") as work:
        site = arguments.site
        if site is None:
            site = Path(work) / "site"
            built = build_site(arguments.config.resolve(), site)
            report("The site builds.", [] if built.returncode == 0 else built.output.strip().splitlines()[-20:])
            if built.returncode != 0:
                print(f"{passed} passed, {failed} failed", file=stdout)
                return EXIT_INVALID
        for check in TOWN_CHECKS:
            report(check.name, check.run(settings, publication, site))
        if not arguments.no_browser:
            kinds = page_kinds(publication, settings.docs_dir)
            try:
                report(
                    f"{len(kinds)} kinds of page in {len(settings.language_codes)} languages ask no other server and pass axe (WCAG 2.1 AA).",
                    list(browser_problems(settings, site, kinds)),
                )
            except BrowserUnavailable as error:
                report("The pages open in Chromium.", [str(error)])
    print(f"{passed} passed, {failed} failed", file=stdout)
    return EXIT_VALID if failed == 0 else EXIT_INVALID


def _report(arguments: argparse.Namespace, stdout: TextIO) -> int:
    settings = _settings(arguments.config, _messages(arguments.lang or "en"))
    messages = _messages(message_language_for(arguments.lang, settings.default_language))
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


def _region(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Exit 0 when every town was read now, 1 when one kept its last copy or has none (the lines say which)."""
    settings = _settings(arguments.config, _messages(arguments.lang or "en"))
    messages = _messages(message_language_for(arguments.lang, settings.default_language))
    if not settings.region_towns:
        raise _UsageError(messages.phrase("region.no_towns"))
    harvest = harvest_region(settings, arguments.today or date.today(), message_language=messages.language)
    for is_problem, line in region_report(harvest, messages.phrase, settings.data_dir):
        print(line, file=stderr if is_problem else stdout)
    return EXIT_VALID if harvest.complete else EXIT_INVALID


def _settings(config: Path, messages: Messages) -> Settings:
    if not config.is_file():
        raise _UsageError(messages.phrase("cli.no_config", config=config))
    try:
        return read_settings(config)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise _UsageError(
            messages.phrase("cli.bad_config", config=config, detail=" ".join(str(error).split()))
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as error:
        detail = f"{type(error).__name__}: {error}"
        raise _UsageError(messages.phrase("cli.bad_config", config=config, detail=detail)) from None


def _summary(result: LoadResult, publication: Publication | None, messages: Messages) -> str:
    published: int | str = len(publication.offers) if publication else messages.phrase("cli.not_published")
    return messages.phrase(
        "cli.summary",
        files=len(result.files),
        errors=len(result.errors),
        warnings=len(result.warnings),
        published=published,
    )
