"""One data file of the catalogue after reading and schema validation: what the checks, the layering and the model
work on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from catalogue.data.schema_loading import Kind
from catalogue.data.strict_yaml import JsonPath, YamlDocument


@dataclass(frozen=True)
class DataFile:
    """One file of the catalogue after reading and schema validation."""

    kind: Kind
    path: str
    """Relative to the site's root, POSIX style."""
    parsed: YamlDocument | None
    """None when the file could not be read."""
    valid: bool
    """Read, and matches its schema."""
    refused: frozenset[JsonPath] = frozenset()
    """Where the schema refused a value, for a file that is not valid: its checks see the document without them."""
    usable: dict[str, Any] | None = None
    """The document without the refused values (None for a valid file): the parts the checks may still read."""

    @property
    def document(self) -> YamlDocument:
        assert self.parsed is not None, f"{self.path} could not be read"
        return self.parsed

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    @property
    def folder(self) -> str:
        return PurePosixPath(self.path).parent.name

    @property
    def data(self) -> dict[str, Any]:
        return self.usable if self.usable is not None else self.document.data


def is_proper_name(kind: Kind, path: JsonPath) -> bool:
    """A place's name stays as it is on the street sign; it is not counted as untranslated."""
    return kind == "actor" and len(path) == 3 and path[0] == "locations" and path[2] == "name"
