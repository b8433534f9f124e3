"""The fingerprint of a record's default-language text, to tell whether a translation was made from the current text.

A translator writes the fingerprint printed by the check into `translation_sources.<language>`; when the German text
changes later, the fingerprint changes and the translation counts as outdated.

Definition (stable, so that a web form can compute the same): collect every text map in the document - a mapping
with at least one key, whose keys are all language codes and whose values are all strings - except below
`translation_sources`. For each, take (its path, its default-language text); paths are lists of keys and list
positions. Sort the pairs by path (as JSON), serialise them as compact JSON (UTF-8, no ASCII escaping) and take the
first 8 hex characters of the SHA-256 of that.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?\Z")
FINGERPRINT_LENGTH = 8
_NOT_HASHED_KEYS = frozenset({"translation_sources"})


def default_text_fingerprint(document: Mapping[str, Any], default_language: str) -> str:
    pairs = sorted(
        ([list(path), text] for path, text in _default_texts(document, (), default_language)),
        key=lambda pair: json.dumps(pair[0], ensure_ascii=False),
    )
    serialised = json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def is_text_map(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(
            isinstance(key, str) and LANGUAGE_CODE.match(key) and isinstance(text, str) for key, text in value.items()
        )
    )


def _default_texts(
    value: Any, path: tuple[str | int, ...], default_language: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if is_text_map(value):
        text = value.get(default_language)
        if text is not None:
            yield path, text
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in _NOT_HASHED_KEYS:
                yield from _default_texts(item, (*path, key), default_language)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _default_texts(item, (*path, index), default_language)
