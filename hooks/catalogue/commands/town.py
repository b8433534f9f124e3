"""The town's commands: `new-town` writes a new town's repository, `upgrade` brings it up to the installed product,
`language` adds or removes a site language, `build` and `serve` build and preview the site, `verify` runs the town's
checks."""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from catalogue.build.site_build import BuildRefused, build_site
from catalogue.checks.loading import load_catalogue
from catalogue.commands.common import (
    EXIT_INVALID,
    EXIT_VALID,
    UsageError,
    issue_form_files,
    messages_in,
    product_version,
    read_command_settings,
    write_or_check,
)
from catalogue.data.problems import format_problem
from catalogue.data.settings import read_settings
from catalogue.office.codeowners import CODEOWNERS_PATH, codeowners_text
from catalogue.office.new_town import NewTown, first_commit, write_new_town
from catalogue.office.site_languages import LanguageRefused, add_language, remove_language
from catalogue.office.town_browser_checks import BrowserUnavailable, browser_problems, page_kinds
from catalogue.office.town_checks import TOWN_CHECKS
from catalogue.office.upgrade import upgrade_town
from catalogue.publication.visibility import publish

NEW_TOWN_HELP = (
    "Writes a new town's repository into FOLDER: mkdocs.yml with the town's name, office, address, web address, "
    "languages and licence; the pages; an empty data folder with one example of each kind of record; the Makefile "
    "(make site, make test), thin workflows and the product's version pinned in requirements.txt; then `git init` and "
    "a first commit. Asks for what the options do not give."
)
NEW_TOWN_QUESTIONS = {
    "name": "the town's name, e.g. Musterstadt",
    "office": "the office's name (default: Bildungskoordination für Neuzugewanderte)",
    "address": "the office's postal address in one line, e.g. Rathaus, Markt 1, 12345 Musterstadt",
    "phone": "the office's phone number, e.g. +49 30 1234-567",
    "email": "the office's e-mail address",
    "site-url": "the site's web address (default: https://bildung.<town>.example.org/)",
    "licence": "the open-data licence's short name (default: dl-de/by-2-0)",
    "licence-url": "the licence's web address (default: https://www.govdata.de/dl-de/by-2-0)",
}
"""new-town's options that describe the town, each with the question asked when the option is not given."""


def new_town_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`new-town`: write a new town's repository, its generated files and (unless --no-git) its first commit."""
    answers: dict[str, str] = {}
    for option in NEW_TOWN_QUESTIONS:
        value = getattr(arguments, option.replace("-", "_"))
        if value is None and not arguments.yes and sys.stdin.isatty():
            value = input(f"{NEW_TOWN_QUESTIONS[option]}: ").strip()
        if value:
            answers[option.replace("-", "_")] = value
    if not answers.get("name"):
        raise UsageError("new-town needs the town's name: --name Musterstadt")
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
        raise UsageError(f"new-town: {error}") from error
    settings = read_settings(target / "mkdocs.yml")
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        raise UsageError(
            "new-town: the new town's data has errors: "
            + "; ".join(format_problem(problem) for problem in result.errors)
        )
    generated = {
        CODEOWNERS_PATH: codeowners_text(result.catalogue, settings),
        **issue_form_files(result.catalogue, settings),
    }
    write_or_check(settings.root, generated, "new-town", False, io.StringIO())
    if not arguments.no_git:
        first_commit(target, town)
    print(f"{town.name}: wrote {len(outcome.written) + len(generated)} files into {target}", file=stdout)
    if outcome.still_empty:
        print("still to fill in mkdocs.yml: " + ", ".join(outcome.still_empty), file=stdout)
    print(f"next: cd {target} && make site && make test", file=stdout)
    return EXIT_VALID


def build_command(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """`build`: build the site; the previous one stays when the build fails."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    assert settings.site_dir is not None
    try:
        result = build_site(arguments.config.resolve(), settings.site_dir, engine=arguments.engine)
    except BuildRefused as error:
        raise UsageError(str(error)) from error
    if result.output.strip():
        print(result.output.rstrip(), file=stdout if result.returncode == 0 else stderr)
    if result.returncode != 0:
        print(f"The build failed; {settings.site_dir} is as it was before.", file=stderr)
        return EXIT_INVALID
    print(f"built {settings.site_dir}", file=stdout)
    return EXIT_VALID


def serve_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`serve`: `mkdocs serve` on 127.0.0.1 until Ctrl+C, after making sure the port is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", arguments.port))
        except OSError as error:
            raise UsageError(
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


def upgrade_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`upgrade`: bring the town up to the installed product, then rewrite its issue forms."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    upgraded = upgrade_town(settings.root)
    result = load_catalogue(read_settings(arguments.config), today=date.today())
    generated = issue_form_files(result.catalogue, settings) if result.catalogue is not None else {}
    forms = io.StringIO()
    write_or_check(settings.root, generated, "upgrade", False, forms)
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


def language_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`language add|remove`: change the site's languages in one step, then rewrite the issue forms."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    try:
        change = (add_language if arguments.action == "add" else remove_language)(settings.root, arguments.code)
    except LanguageRefused as error:
        raise UsageError(str(error)) from error
    german = settings.default_language == "de"
    for path in change.written:
        print(f"{'geschrieben' if german else 'written'}: {path}", file=stdout)
    for path in change.removed:
        print(f"{'gelöscht' if german else 'deleted'}: {path}", file=stdout)
    result = load_catalogue(read_settings(arguments.config), today=date.today())
    if result.catalogue is not None:
        write_or_check(settings.root, issue_form_files(result.catalogue, settings), "language", False, stdout)
    print("weiter: make check und make site" if german else "next: make check and make site", file=stdout)
    return EXIT_VALID


def verify_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`verify`: the town's checks, each passed or failed; exit 1 when one failed."""
    settings = read_command_settings(arguments.config, messages_in("en"))
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
