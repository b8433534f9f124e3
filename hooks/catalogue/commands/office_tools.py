"""The office's tools on the command line: CODEOWNERS, the web editor's config and local backend, the issue forms,
the issue-to-offer converter and the translator round trip."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.commands.common import (
    EXIT_INVALID,
    EXIT_VALID,
    UsageError,
    issue_form_files,
    messages_in,
    read_command_settings,
    write_or_check,
)
from catalogue.data.messages import Messages
from catalogue.data.model import Catalogue
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.settings import Settings
from catalogue.office.codeowners import CODEOWNERS_PATH, codeowners_text, technical_owners
from catalogue.office.editor_config import CONFIG_PATH, EditorSettings, editor_config, editor_config_text
from catalogue.office.issue_form import ISSUE_FORM_PATH
from catalogue.office.issue_offer import comment_text, convert_issue_file
from catalogue.office.translation_commands import run_translations


def codeowners_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`codeowners`: write or check CODEOWNERS from the actors' maintainers."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    try:
        catalogue, _ = _valid_catalogue(settings)
    except ValueError as error:
        return _not_changed(error, CODEOWNERS_PATH, stdout)
    if technical_owners(settings)[1]:
        print(
            "Warning: mkdocs.yml names no extra.catalogue.technical_owners, so the coordinators also review code and"
            " configuration (workflows, mkdocs.yml, hooks/). Name a GitHub account that reads code there.",
            file=stdout,
        )
    wanted = {CODEOWNERS_PATH: codeowners_text(catalogue, settings)}
    return write_or_check(settings.root, wanted, "codeowners", arguments.check, stdout)


def _valid_catalogue(settings: Settings) -> tuple[Catalogue, LoadResult]:
    """The town's data as of today, and what loading it read; raises ValueError when it has errors (`make check`
    says which)."""
    result = load_catalogue(settings, today=date.today())
    if result.catalogue is None:
        raise ValueError("The data has errors; run `make check` first.")
    return result.catalogue, result


def _not_changed(error: ValueError, path: object, stdout: TextIO) -> int:
    print(f"{error} {path} was not changed.", file=stdout)
    return EXIT_INVALID


def generated_editor_config(settings: Settings) -> str:
    """The web editor's config.yml for a site, or raises ValueError when the data has errors."""
    catalogue, result = _valid_catalogue(settings)
    labels = result.labels.get(settings.default_language, {})
    config = editor_config(settings, EditorSettings.from_settings(settings), catalogue.taxonomy, labels, SCHEMA_DIR)
    return editor_config_text(config)


def editor_config_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`editor-config`: write or check the web editor's config.yml."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    try:
        wanted = generated_editor_config(settings)
    except ValueError as error:
        return _not_changed(error, CONFIG_PATH, stdout)
    return write_or_check(settings.root, {CONFIG_PATH: wanted}, "editor-config", arguments.check, stdout)


def editor_backend_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`editor-backend`: run decap-server on this clone until Ctrl+C."""
    import subprocess

    from catalogue.office.editor_backend import decap_server_command, decap_server_environment

    settings = read_command_settings(arguments.config, messages_in("en"))
    if not (settings.root / "node_modules" / "decap-server").is_dir():
        raise UsageError("decap-server is not installed: run `npm ci` first.")
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


def issue_form_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`issue-form`: write or check the issue forms and their config."""
    settings = read_command_settings(arguments.config, messages_in("en"))
    try:
        catalogue, _ = _valid_catalogue(settings)
    except ValueError as error:
        return _not_changed(error, ISSUE_FORM_PATH, stdout)
    return write_or_check(settings.root, issue_form_files(catalogue, settings), "issue-form", arguments.check, stdout)


def issue_to_offer_command(arguments: argparse.Namespace, stdout: TextIO) -> int:
    """`issue-to-offer`: an offer file from a filled issue form, and the comment for the issue."""
    settings = read_command_settings(arguments.config, messages_in("de"))
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


def translations_command(arguments: argparse.Namespace, stdout: TextIO, stderr: TextIO, messages: Messages) -> int:
    """`translations export|import|machine`: the translator round trip."""
    return run_translations(arguments, stdout, stderr, read_command_settings(arguments.config, messages))
