"""The product's shipped data with the town's on top: one taxonomy, one labels map, one glossary and one list of
synonyms per language, as if a single file held them.

- Taxonomy: the product's categories, target groups and entitlements, then the town's; a town term with the id of
  a product term replaces it where the product's stood. Districts are the town's alone.
- Labels: the product's words of a language, with every word the town's file gives instead (one key is enough).
- Glossary: the town's file, where it has one, replaces the product's.
- Synonyms: the product's groups and the town's.

Problems found in the combined record name the town's file and its lines; the product's own files are checked by
the product's tests. Text maps of the product in a language the town does not publish are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from catalogue.data.data_file import DataFile
from catalogue.data.strict_yaml import JsonPath, Position, YamlDocument

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
"""A language code as text maps use it: two or three letters, optionally a region (fa-AF)."""
TERM_GROUPS = ("categories", "target_groups", "entitlements", "eligibility")
"""Taxonomy groups the product ships and a town may extend; `districts` belong to the town alone."""


def layered(product: DataFile | None, town: DataFile | None, languages: Iterable[str]) -> DataFile | None:
    """The record a site reads for one kind and language (or the taxonomy): the town's file over the product's.

    Either may be None; an invalid file stays as it is, so that its own problems are reported and nothing is built.
    Without the town's taxonomy there is none (its districts are missing, and the loader says so). A term the town's
    file gives twice stays twice, so that the check names the duplicate."""
    if product is not None and product.kind == "taxonomy" and town is None:
        return None
    if product is None or town is None or not town.valid or not product.valid:
        chosen = town if town is not None else product
        if chosen is not None and chosen is product and chosen.valid and chosen.kind == "taxonomy":
            return replace(
                chosen, parsed=replace(chosen.document, data=_only_languages(chosen.data, frozenset(languages)))
            )
        return chosen
    codes = frozenset(languages)
    if town.kind == "taxonomy":
        return _taxonomy(product, town, codes)
    if town.kind == "labels":
        return _labels(product, town)
    if town.kind == "synonyms":
        data = {**town.data, "groups": [*product.data["groups"], *town.data["groups"]]}
        return _with_data(
            town,
            data,
            _shift(town.document.value_positions, "groups", len(product.data["groups"])),
            _shift(town.document.key_positions, "groups", len(product.data["groups"])),
        )
    return town


def _labels(product: DataFile, town: DataFile) -> DataFile:
    data: dict[str, Any] = {
        **product.data,
        **{key: value for key, value in town.data.items() if key not in ("site", "theme")},
    }
    data["site"] = {**product.data["site"], **town.data.get("site", {})}
    if product.data.get("theme") or town.data.get("theme"):
        data["theme"] = {**(product.data.get("theme") or {}), **(town.data.get("theme") or {})}
    return _with_data(town, data, town.document.value_positions, town.document.key_positions)


def _taxonomy(product: DataFile, town: DataFile, codes: frozenset[str]) -> DataFile:
    shipped = _only_languages(product.data, codes)
    data: dict[str, Any] = {key: value for key, value in town.data.items() if key not in TERM_GROUPS}
    moves: dict[tuple[str, int], int] = {}
    for group in TERM_GROUPS:
        terms: list[Any] = list(shipped.get(group) or [])
        where = {term.get("id"): index for index, term in enumerate(terms) if isinstance(term, dict)}
        own: set[Any] = set()
        for index, term in enumerate(town.data.get(group) or []):
            identifier = term.get("id") if isinstance(term, dict) else None
            place = where.get(identifier) if identifier not in own else None
            own.add(identifier)
            if place is None:
                place = len(terms)
                terms.append(term)
            else:
                terms[place] = term
            moves[(group, index)] = place
        if terms:
            data[group] = terms
    return _with_data(
        town, data, _moved(town.document.value_positions, moves), _moved(town.document.key_positions, moves)
    )


def _with_data(
    file: DataFile, data: dict[str, Any], values: Mapping[JsonPath, Position], keys: Mapping[JsonPath, Position]
) -> DataFile:
    document = YamlDocument(data=data, value_positions=values, key_positions=keys, lines=file.document.lines)
    return replace(file, parsed=document)


def _moved(positions: Mapping[JsonPath, Position], moves: Mapping[tuple[str, int], int]) -> dict[JsonPath, Position]:
    """Positions of the town's file, for paths into the combined lists (a town term's index among all terms)."""
    moved: dict[JsonPath, Position] = {}
    for path, position in positions.items():
        if len(path) >= 2 and isinstance(path[1], int) and (path[0], path[1]) in moves:
            path = (path[0], moves[(str(path[0]), path[1])], *path[2:])
        moved[path] = position
    return moved


def _shift(positions: Mapping[JsonPath, Position], group: str, by: int) -> dict[JsonPath, Position]:
    return {
        (
            (path[0], path[1] + by, *path[2:])
            if len(path) >= 2 and path[0] == group and isinstance(path[1], int)
            else path
        ): position
        for path, position in positions.items()
    }


def _only_languages(node: Any, codes: frozenset[str]) -> Any:
    """node with every text map ({de: …, ar: …}) cut down to the given languages."""
    if isinstance(node, dict):
        if node and all(
            isinstance(key, str) and LANGUAGE_CODE.match(key) and isinstance(value, str) for key, value in node.items()
        ):
            return {key: value for key, value in node.items() if key in codes}
        return {key: _only_languages(value, codes) for key, value in node.items()}
    if isinstance(node, list):
        return [_only_languages(value, codes) for value in node]
    return node
