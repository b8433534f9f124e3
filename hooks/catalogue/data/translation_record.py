"""A record's translation bookkeeping, read from its document when the model is built: the fingerprint of its
default-language text, the fingerprints its translations were made from, its machine drafts and its translatable
texts (catalogue.figures.translation_status says where each language stands)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from catalogue.data.data_file import is_proper_name
from catalogue.data.fingerprint import default_text_fingerprint
from catalogue.data.model import TextUnit, TranslationRecord
from catalogue.data.schema_loading import Kind, SchemaSet


def translation_record(
    kind: Kind, document: Mapping[str, Any], default_language: str, schemas: SchemaSet
) -> TranslationRecord:
    """A valid document's translation bookkeeping: fingerprint, recorded sources, machine drafts, translatable texts."""
    units = tuple(
        TextUnit(
            path=tuple(item.path), texts=MappingProxyType(dict(_lookup(document, item.path))), markdown=item.markdown
        )
        for item in schemas.text_fields(kind, document)
        if not is_proper_name(kind, item.path)
    )
    return TranslationRecord(
        fingerprint=default_text_fingerprint(document, default_language),
        sources=MappingProxyType(dict(document.get("translation_sources") or {})),
        machine=tuple(document.get("machine_translated") or ()),
        units=units,
    )


def _lookup(document: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        document = document[part]
    return document
