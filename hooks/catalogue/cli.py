"""The command line: `python -m catalogue check` validates all data and says what is wrong, file by file;
`report` writes the office's report; `translations export|import|machine` is the translator round trip; `region`
harvests the towns of a regional catalogue.

Exit codes: 0 the data is valid (warnings allowed), 1 the data has errors, 2 the command could not run (wrong
arguments, no mkdocs.yml, no data folder, or a fault in this program).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from catalogue.build import site_build
from catalogue.build.site_build import ENGINES
from catalogue.commands.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    EXIT_VALID,
    Handler,
    UsageError,
    iso_date,
    messages_in,
    product_version,
    with_stdout,
    with_streams,
)
from catalogue.commands.data_checks import check_command, region_command, report_command
from catalogue.commands.office_tools import (
    codeowners_command,
    editor_backend_command,
    editor_config_command,
    generated_editor_config,
    issue_form_command,
    issue_to_offer_command,
    translations_command,
)
from catalogue.commands.town import (
    NEW_TOWN_HELP,
    NEW_TOWN_QUESTIONS,
    build_command,
    language_command,
    new_town_command,
    serve_command,
    upgrade_command,
    verify_command,
)
from catalogue.data.messages import MESSAGE_LANGUAGES
from catalogue.office.codeowners import CODEOWNERS_PATH, codeowners_text
from catalogue.office.editor_config import CONFIG_PATH
from catalogue.office.issue_form import ISSUE_CONFIG_PATH, ISSUE_FORM_PATH
from catalogue.office.new_town import PRODUCT_LANGUAGES
from catalogue.office.report import office_report
from catalogue.office.translation_commands import add_translation_commands
from catalogue.office.upgrade import upgrade_town

__all__ = ["EXIT_INVALID", "EXIT_USAGE", "EXIT_VALID", "generated_editor_config", "main", "product_version"]
"""What other modules import from here; the subcommands themselves live in catalogue.commands."""


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    for stream in (stdout, stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    arguments = _parser().parse_args(argv)
    messages = messages_in(getattr(arguments, "lang", None) or "en")
    try:
        handler: Handler = arguments.handler
        return handler(arguments, stdout, stderr, messages)
    except UsageError as error:
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
    check.set_defaults(handler=with_stdout(check_command))
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
    check.add_argument("--today", type=iso_date, help="the day to check against, YYYY-MM-DD (default: today)")
    check.add_argument(
        "--verbose", action="store_true", help="list missing translations file by file, not one line per language"
    )
    owners = commands.add_parser(
        "codeowners", help=f"write {CODEOWNERS_PATH} from the actors' maintainers", description=codeowners_text.__doc__
    )
    owners.set_defaults(handler=with_stdout(codeowners_command))
    owners.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    owners.add_argument("--check", action="store_true", help=f"only say whether {CODEOWNERS_PATH} is up to date")
    editor = commands.add_parser(
        "editor-config", help=f"write the web editor's {CONFIG_PATH} from the schemas, the taxonomy and mkdocs.yml"
    )
    editor.set_defaults(handler=with_stdout(editor_config_command))
    editor.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    editor.add_argument("--check", action="store_true", help=f"only say whether {CONFIG_PATH} is up to date")
    backend = commands.add_parser(
        "editor-backend",
        help="the web editor's local backend for this clone (decap-server, writing into the clone's files)",
    )
    backend.set_defaults(handler=with_stdout(editor_backend_command))
    backend.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    backend.add_argument(
        "--port", type=int, default=8081, help="where the editor looks for it (default 8081, Decap's default)"
    )
    form = commands.add_parser(
        "issue-form", help=f"write {ISSUE_FORM_PATH} and {ISSUE_CONFIG_PATH} from the schema, the data and mkdocs.yml"
    )
    form.set_defaults(handler=with_stdout(issue_form_command))
    form.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    form.add_argument("--check", action="store_true", help="only say whether the committed forms are up to date")
    issue = commands.add_parser(
        "issue-to-offer", help="turn a filled offer issue form into an offer file, or a comment saying what is missing"
    )
    issue.set_defaults(handler=with_stdout(issue_to_offer_command))
    issue.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    issue.add_argument("--body", type=Path, required=True, help="a file holding the issue's body (Markdown)")
    issue.add_argument("--comment", type=Path, required=True, help="where to write the comment for the issue")
    issue.add_argument("--today", type=iso_date, help="the day of the check, YYYY-MM-DD (default: today)")
    town = commands.add_parser(
        "new-town",
        help="write a new town's repository: settings, pages, empty data, workflows, the product pinned",
        description=NEW_TOWN_HELP,
    )
    town.set_defaults(handler=with_stdout(new_town_command))
    town.add_argument("folder", type=Path, help="where the town's repository is written (a new or empty folder)")
    for option, question in NEW_TOWN_QUESTIONS.items():
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
    build.set_defaults(handler=with_streams(build_command))
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs", help="mkdocs (default) or its fork properdocs")
    serve = commands.add_parser("serve", help="live preview on 127.0.0.1, rebuilt when data or pages change")
    serve.set_defaults(handler=with_stdout(serve_command))
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    upgrade = commands.add_parser(
        "upgrade",
        help="bring the town up to the installed product: settings, workflows, Makefile, schemas, issue form",
        description=upgrade_town.__doc__,
    )
    upgrade.set_defaults(handler=with_stdout(upgrade_command))
    upgrade.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    language = commands.add_parser(
        "language",
        help="add or remove one of the site's languages in one step (settings, pages, texts)",
    )
    language.set_defaults(handler=with_stdout(language_command))
    language.add_argument("action", choices=("add", "remove"))
    language.add_argument("code", help="the language's code, e.g. ps")
    language.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    verify = commands.add_parser(
        "verify",
        help="the town's checks: data, a page for every offer in every language, links, no other server, "
        "accessibility (Chromium)",
    )
    verify.set_defaults(handler=with_stdout(verify_command))
    verify.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    verify.add_argument("--site", type=Path, default=None, help="check this built site instead of building one")
    verify.add_argument("--no-browser", action="store_true", help="leave out the checks in Chromium")
    report = commands.add_parser(
        "report",
        help="stale, ending and not yet valid offers; translations per language",
        description=office_report.__doc__,
    )
    report.set_defaults(handler=with_stdout(report_command))
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
    report.add_argument("--today", type=iso_date, help="the day of the report, YYYY-MM-DD (default: today)")
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
    region.set_defaults(handler=with_streams(region_command))
    region.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the region's mkdocs.yml")
    region.add_argument(
        "--lang", choices=MESSAGE_LANGUAGES, help="language of the messages (default: the site's if de or en)"
    )
    region.add_argument("--today", type=iso_date, help="the day of the harvest, YYYY-MM-DD (default: today)")
    add_translation_commands(commands)
    commands.choices["translations"].set_defaults(handler=translations_command)
    return parser
