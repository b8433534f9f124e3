"""What every subcommand shares: the exit codes, the usage error, the handler's shape, reading the settings, and
writing or checking the files the repository commits.

Exit codes: 0 the data is valid (warnings allowed), 1 the data has errors, 2 the command could not run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TextIO

import yaml

from catalogue.build.messages import TABLE as BUILD_MESSAGES
from catalogue.checks.messages import TABLE as CHECK_MESSAGES
from catalogue.data.messages import Messages
from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings, read_settings
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
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
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


def messages_in(language: str) -> Messages:
    """Every stage's messages in one language: the commands reach them all."""
    return Messages(language, CHECK_MESSAGES, OFFICE_MESSAGES, SITE_MESSAGES, BUILD_MESSAGES)


class UsageError(Exception):
    """The command cannot run; the message says why."""


Handler = Callable[[argparse.Namespace, TextIO, TextIO, Messages], int]
"""What a subcommand runs: (its arguments, stdout, stderr, messages in the language asked for) -> exit code."""


def with_stdout(run: Callable[[argparse.Namespace, TextIO], int]) -> Handler:
    """A handler that writes to stdout only."""
    return lambda arguments, stdout, _stderr, _messages: run(arguments, stdout)


def with_streams(run: Callable[[argparse.Namespace, TextIO, TextIO], int]) -> Handler:
    """A handler that writes to stdout and stderr."""
    return lambda arguments, stdout, stderr, _messages: run(arguments, stdout, stderr)


def iso_date(text: str) -> date:
    """An argparse type: a day written as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written as YYYY-MM-DD") from None


def read_command_settings(config: Path, messages: Messages) -> Settings:
    """The site's settings, or a UsageError saying why mkdocs.yml is missing or cannot be read."""
    if not config.is_file():
        raise UsageError(messages.phrase("cli.no_config", config=config))
    try:
        return read_settings(config)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UsageError(
            messages.phrase("cli.bad_config", config=config, detail=" ".join(str(error).split()))
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration) as error:
        detail = f"{type(error).__name__}: {error}"
        raise UsageError(messages.phrase("cli.bad_config", config=config, detail=detail)) from None


def issue_form_files(catalogue: Catalogue, settings: Settings) -> dict[str, str]:
    """The issue forms and their config, by path relative to the town's root."""
    return {
        ISSUE_FORM_PATH: form_yaml(issue_form(catalogue, settings), GENERATED_NOTE),
        CHANGE_FORM_PATH: form_yaml(change_issue_form(catalogue, settings), GENERATED_NOTE),
        ISSUE_CONFIG_PATH: form_yaml(issue_config(settings), GENERATED_NOTE),
    }


def write_or_check(root: Path, wanted: Mapping[str, str], command: str, check: bool, stdout: TextIO) -> int:
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
