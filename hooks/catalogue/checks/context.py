"""What every check works with: the files by kind, the ids and taxonomy terms found in them, and the settings."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from catalogue.data.data_file import DataFile
from catalogue.data.messages import Messages
from catalogue.data.problems import Problem
from catalogue.data.schema_loading import Kind, SchemaSet, TextField
from catalogue.data.settings import Settings
from catalogue.data.strict_yaml import JsonPath, Position

TERM_GROUPS = ("categories", "target_groups", "districts", "entitlements", "eligibility")
RECORD_KINDS: frozenset[Kind] = frozenset({"actor", "offer", "news", "need"})
"""Kinds whose files are checked in the parts the schema took, even when it refused others: one round of messages."""
_CLOSE_MATCH_CUTOFF = 0.6


@dataclass(frozen=True)
class CheckContext:
    settings: Settings
    today: date
    messages: Messages
    schemas: SchemaSet
    data_path: str
    """The data folder relative to the site's root: 'data'."""
    material_languages: frozenset[str] | None
    """Languages Material for MkDocs has interface texts for; None when Material is not installed."""


class Checking:
    """The files of one check run, sorted by kind and path, with what the checks look up across them."""

    def __init__(self, files: list[DataFile], context: CheckContext) -> None:
        self.context = context
        self.messages = context.messages
        self.settings = context.settings
        self.default_language = context.settings.default_language
        self._text_fields: dict[str, list[TextField]] = {}
        self.by_kind: dict[Kind, list[DataFile]] = {
            kind: [] for kind in ("taxonomy", "actor", "offer", "news", "need", "labels", "glossary", "synonyms")
        }
        for file in sorted(files, key=lambda item: item.path):
            self.by_kind[file.kind].append(file)
        taxonomy = next((file for file in self.by_kind["taxonomy"] if file.valid), None)
        self.taxonomy = taxonomy
        self.taxonomy_path = taxonomy.path if taxonomy else f"{context.data_path}/taxonomy.yml"
        self.terms: dict[str, list[str]] | None = (
            {group: [term["id"] for term in taxonomy.data.get(group, [])] for group in TERM_GROUPS}
            if taxonomy and taxonomy.data.get("districts")
            else None
        )
        self.actor_ids = {file.stem for file in self.by_kind["actor"]}
        self.valid_actors = {
            file.stem: file for file in self.by_kind["actor"] if file.valid and file.data["id"] == file.stem
        }
        self.offer_ids = {file.stem for file in self.by_kind["offer"]} | {
            file.data["id"] for file in self.checked_files("offer") if isinstance(file.data.get("id"), str)
        }

    def problem(self, file: DataFile, message_key: str, position: Position, /, **values: Any) -> Problem:
        return self.messages.problem(message_key, path=file.path, position=position, **values)

    def warning(self, file: DataFile, message_key: str, position: Position, /, **values: Any) -> Problem:
        return self.messages.problem(message_key, path=file.path, position=position, severity="warning", **values)

    def valid_files(self, kind: Kind) -> Iterator[DataFile]:
        """The files of a kind that match their schema."""
        return (file for file in self.by_kind[kind] if file.valid)

    def checked_files(self, kind: Kind) -> Iterator[DataFile]:
        """The files of a kind the checks read: the valid ones, and for records also those the schema refused in
        parts (their refused values left out)."""
        return (file for file in self.by_kind[kind] if file.valid or (kind in RECORD_KINDS and file.usable is not None))

    def text_fields(self, file: DataFile) -> list[TextField]:
        if file.path not in self._text_fields:
            self._text_fields[file.path] = self.context.schemas.text_fields(file.kind, file.data)
        return self._text_fields[file.path]


def lookup(data: Any, path: JsonPath) -> Any:
    """The value at path (keys and list indexes) inside data; KeyError or IndexError when it is not there."""
    for part in path:
        data = data[part]
    return data


def closest(word: Any, candidates: list[str]) -> str | None:
    """The candidate most like word (difflib's ratio at least 0.6), to say "did you mean …"; None if none is."""
    if not isinstance(word, str) or not candidates:
        return None
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=_CLOSE_MATCH_CUTOFF)
    return matches[0] if matches else None


def is_refused(file: DataFile, path: JsonPath) -> bool:
    """Whether the schema refused the value at path or one around it: the checks say nothing more about it."""
    return any(path[: len(refused)] == refused for refused in file.refused)
