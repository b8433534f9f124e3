"""Loads the whole catalogue: finds the data files, reads them strictly, validates them, checks them against each
other, and builds the typed records - or says, all at once, everything that is wrong: the schema's errors and the
other checks' in one round (a record the schema refused in parts is checked in the parts it took)."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from catalogue.checks.context import RECORD_KINDS, CheckContext
from catalogue.checks.messages import TABLE as CHECK_MESSAGES
from catalogue.checks.runner import check_catalogue
from catalogue.data.data_file import DataFile
from catalogue.data.glossary import glossary_from_data, page_wrong_forms
from catalogue.data.layering import layered
from catalogue.data.messages import Messages, message_language_for
from catalogue.data.model import (
    Catalogue,
    TranslationRecord,
    actor_from_document,
    need_from_document,
    news_from_document,
    offer_from_document,
    taxonomy_from_document,
)
from catalogue.data.package_files import DEFAULTS_DIR, product_path
from catalogue.data.part_cache import PartCache
from catalogue.data.problems import Problem, problem_sort_key
from catalogue.data.repository_files import check_repository_files, is_linked
from catalogue.data.schema_loading import Kind, SchemaSet, schema_set
from catalogue.data.schema_validation import check_document, usable_parts
from catalogue.data.settings import Settings
from catalogue.data.site_engine import material_interface_languages
from catalogue.data.strict_yaml import MAX_FILE_BYTES, JsonPath, parse_yaml_bytes, read_yaml_file
from catalogue.data.translation_record import translation_record

DATA_SUFFIX = ".yml"
WRONG_SUFFIX = ".yaml"
FOLDERS: Mapping[Kind, str] = {
    "actor": "actors",
    "offer": "offers",
    "news": "news",
    "need": "needs",
    "labels": "labels",
    "glossary": "glossary",
    "synonyms": "synonyms",
}
TAXONOMY_FILE = "taxonomy.yml"
LANGUAGE_KINDS: tuple[Kind, ...] = ("labels", "glossary", "synonyms")
"""Kinds with one file per language, which the product ships and a town may extend or override."""


@dataclass(frozen=True)
class LoadResult:
    catalogue: Catalogue | None
    """None when there is any error."""
    problems: tuple[Problem, ...]
    """Errors and warnings, sorted by path, line and column."""
    labels: Mapping[str, Mapping[str, str]]
    """Language code -> the `site` map of data/labels/<code>.yml."""
    theme_labels: Mapping[str, Mapping[str, str]]
    """Language code -> the `theme` map of data/labels/<code>.yml; empty if the file has none."""
    directions: Mapping[str, str] = field(default_factory=dict)
    """Language code -> 'ltr' or 'rtl', from data/labels/<code>.yml."""
    files: tuple[str, ...] = ()
    """The town's data files read, relative to the site's root (the product's own files are read too, not listed)."""
    synonyms: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Language code -> the groups of data/synonyms/<code>.yml: words and phrases that mean the same to readers."""
    formats: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    unreviewed: frozenset[str] = frozenset()
    """Languages whose labels file names no native reviewer yet (`reviewed.by` empty): shown as a preview."""
    """Language code -> the `formats:` of data/labels/<code>.yml (weekday and month names, clock, date, digits)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity == "warning")


@dataclass(frozen=True)
class _Found:
    kind: Kind
    file: Path
    path: str
    product: bool = False
    """One of the product's own files (its default taxonomy, labels, glossary or synonyms), not the town's."""


def load_catalogue(
    settings: Settings, *, today: date, message_language: str | None = None, file_cache: PartCache | None = None
) -> LoadResult:
    """Reads, validates and checks the town's data (and the product's defaults beneath it) for `today`.
    `file_cache`: what a build read from the same files before (the build cache, opened for the product, the
    message language and the settings), so that an unchanged file is not parsed and validated again; every file
    is still read, and the checks across files run every time."""
    messages = Messages(message_language_for(message_language, settings.default_language), CHECK_MESSAGES)
    data_path = _relative(settings.data_dir, settings.root)
    found, problems = _find_files(settings, data_path, messages)
    problems.extend(check_repository_files(settings.root, settings.data_dir, settings.docs_dir, messages))
    schemas = schema_set()
    files: list[DataFile] = []
    shipped: list[DataFile] = []
    for item in found:
        read = functools.partial(_read_data_file, item, settings, data_path, messages, schemas)
        file, file_problems = read(None) if file_cache is None else _read_through(file_cache, item, read)
        problems.extend(file_problems)
        (shipped if item.product else files).append(file)
    files = _layered(files, shipped, settings)
    context = CheckContext(settings, today, messages, schemas, data_path, material_interface_languages())
    problems.extend(check_catalogue(files, context))
    glossaries = {
        file.stem: glossary_from_data(file.stem, file.data) for file in files if file.kind == "glossary" and file.valid
    }
    if glossaries and settings.docs_dir is not None and settings.docs_dir.is_dir():
        problems.extend(
            page_wrong_forms(
                settings.docs_dir, settings.root, glossaries, f"{data_path}/{FOLDERS['glossary']}", messages
            )
        )
    problems.sort(key=problem_sort_key)
    has_errors = any(problem.severity == "error" for problem in problems)
    site_labels, theme_labels, directions = _labels(files)
    return LoadResult(
        catalogue=None if has_errors else _build_catalogue(files, settings.default_language, schemas),
        problems=tuple(problems),
        labels=site_labels,
        theme_labels=theme_labels,
        directions=directions,
        formats=MappingProxyType(
            {
                file.stem: MappingProxyType(dict(file.data["formats"]))
                for file in files
                if file.kind == "labels" and file.valid and file.data.get("formats")
            }
        ),
        unreviewed=frozenset(
            file.stem
            for file in files
            if file.kind == "labels" and file.valid and not (file.data.get("reviewed") or {}).get("by")
        ),
        files=tuple(item.path for item in found if not item.product),
        synonyms=MappingProxyType(
            {
                file.stem: tuple(tuple(group) for group in file.data["groups"])
                for file in files
                if file.kind == "synonyms" and file.valid
            }
        ),
    )


def _read_data_file(
    item: _Found, settings: Settings, data_path: str, messages: Messages, schemas: SchemaSet, raw: bytes | None
) -> tuple[DataFile, tuple[Problem, ...]]:
    """One data file read (from `raw`, its bytes, when given) and checked against its schema, with its problems."""
    result = (
        read_yaml_file(item.file, item.path, messages) if raw is None else parse_yaml_bytes(raw, item.path, messages)
    )
    problems = list(result.problems)
    valid = False
    refused: frozenset[JsonPath] = frozenset()
    usable: Any = None
    misplaced = _misplaced(item, result.document.data if result.document is not None else None, data_path, messages)
    if misplaced is not None:
        problems.append(misplaced)
    elif result.document is not None:
        schema_problems = check_document(
            item.kind,
            result.document,
            item.path,
            messages,
            default_language=settings.default_language,
            schemas=schemas,
        )
        problems.extend(schema_problems)
        valid = not schema_problems
        if schema_problems and item.kind in RECORD_KINDS:
            refused, usable = usable_parts(item.kind, result.document.data, schemas)
    return DataFile(item.kind, item.path, result.document, valid, refused, usable), tuple(problems)


def _read_through(
    cache: PartCache, item: _Found, read: Callable[[bytes | None], tuple[DataFile, tuple[Problem, ...]]]
) -> tuple[DataFile, tuple[Problem, ...]]:
    """`read` by way of the cache, keyed by the file's place and the SHA-256 of its bytes; a file that cannot be
    read or is too large is read without the cache, which then reports it."""
    try:
        with item.file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return read(None)
    if len(raw) > MAX_FILE_BYTES:
        return read(None)
    digest = hashlib.sha256(raw).hexdigest()
    return cache.part("data-file", (item.kind, item.path, item.product, digest), lambda: read(raw))


def _layered(files: list[DataFile], shipped: list[DataFile], settings: Settings) -> list[DataFile]:
    """The town's files with the product's underneath: one taxonomy, and per language one file of each kind."""

    def key(file: DataFile) -> tuple[str, str]:
        return (file.kind, "" if file.kind == "taxonomy" else file.stem)

    products = {key(file): file for file in shipped}
    towns = {key(file): file for file in files if file.kind in ("taxonomy", *LANGUAGE_KINDS)}
    combined = [file for file in files if key(file) not in towns]
    for which in sorted(set(products) | set(towns)):
        file = layered(products.get(which), towns.get(which), settings.language_codes)
        if file is not None:
            combined.append(file)
    return combined


def _find_files(settings: Settings, data_path: str, messages: Messages) -> tuple[list[_Found], list[Problem]]:
    data_dir = settings.data_dir
    found: list[_Found] = []
    problems: list[Problem] = []

    def add(kind: Kind, file: Path) -> None:
        found.append(_Found(kind, file, _relative(file, settings.root)))

    def add_shipped(kind: Kind, file: Path) -> None:
        if file.is_file():
            found.append(_Found(kind, file, product_path(file), product=True))

    taxonomy = data_dir / TAXONOMY_FILE
    add_shipped("taxonomy", DEFAULTS_DIR / TAXONOMY_FILE)
    if is_linked(taxonomy, data_dir):
        pass  # refused by check_repository_files, never read
    elif taxonomy.is_file():
        add("taxonomy", taxonomy)
    else:
        path = f"{data_path}/{TAXONOMY_FILE}"
        problems.append(messages.problem("file.missing_taxonomy", path=path, position=(1, 1), file=path))
    for kind in ("actor", "news", "need"):
        for file in _data_files(data_dir / FOLDERS[kind], settings, messages, problems):
            add(kind, file)
    for file in sorted(data_dir.glob("*" + DATA_SUFFIX)):
        if file.name != TAXONOMY_FILE and not file.is_symlink():
            problems.append(_stray(file, _relative(file, settings.root), data_path, messages))
    for code in settings.language_codes:
        for kind in LANGUAGE_KINDS:
            add_shipped(kind, DEFAULTS_DIR / FOLDERS[kind] / f"{code}{DATA_SUFFIX}")
            own = data_dir / FOLDERS[kind] / f"{code}{DATA_SUFFIX}"
            if own.is_file() and not is_linked(own, data_dir):
                add(kind, own)
    offers_dir = data_dir / FOLDERS["offer"]
    for file in _data_files(offers_dir, settings, messages, problems, recursive=True):
        if file.parent.parent == offers_dir:
            add("offer", file)
        else:
            example = f"{data_path}/{FOLDERS['offer']}/<actor>/{file.name}"
            problems.append(
                messages.problem(
                    "file.misplaced_offer", path=_relative(file, settings.root), position=(1, 1), example=example
                )
            )
    return found, problems


def _data_files(
    folder: Path, settings: Settings, messages: Messages, problems: list[Problem], *, recursive: bool = False
) -> Iterator[Path]:
    if not folder.is_dir():
        return
    pattern = "**/*" if recursive else "*"
    for file in sorted(folder.glob(pattern)):
        if not file.is_file() or is_linked(file, folder):
            continue
        if file.suffix == DATA_SUFFIX:
            yield file
        elif file.suffix.lower() == WRONG_SUFFIX:
            path = _relative(file, settings.root)
            problems.append(
                messages.problem("file.yaml_extension", path=path, position=(1, 1), name=file.stem + DATA_SUFFIX)
            )


def looks_like(data: Any) -> Kind | None:
    """Which kind of record a document looks like by its fields, whatever folder it lies in; None if none."""
    if not isinstance(data, dict):
        return None
    if "actor" in data and "title" in data:
        return "offer"
    if "date" in data and "title" in data and ("body" in data or "summary" in data):
        return "news"
    if "name" in data and "type" in data and "actor" not in data:
        return "actor"
    if "topic" in data and "people" in data:
        return "need"
    return None


def _advice(kind: Kind | None, data: Any, data_path: str, messages: Messages) -> str:
    if kind is None:
        return messages.phrase("advice.unknown", folder=data_path)
    actor = data.get("actor") if isinstance(data.get("actor"), str) else "<actor>"
    return messages.phrase(f"advice.{kind}", folder=data_path, actor=actor)


def _stray(file: Path, path: str, data_path: str, messages: Messages) -> Problem:
    """A .yml directly in the data folder is read by nothing: say so, and where it belongs."""
    document = read_yaml_file(file, path, messages).document
    data = document.data if document is not None else None
    kind = looks_like(data)
    looks = messages.phrase("looks.like", kind=messages.phrase(f"kind.{kind}")) if kind else ""
    advice = _advice(kind, data, data_path, messages)
    return messages.problem(
        "file.stray", path=path, position=(1, 1), folder=data_path + "/", looks=looks, advice=advice
    )


def _misplaced(item: _Found, data: Any, data_path: str, messages: Messages) -> Problem | None:
    """One problem for a record in another kind's folder, instead of one per field that kind does not have."""
    if item.kind not in ("actor", "offer", "news", "need"):
        return None
    kind = looks_like(data)
    if kind is None or kind == item.kind:
        return None
    folder = str(Path(item.path).parent.as_posix()) + "/"
    return messages.problem(
        "file.looks_like",
        path=item.path,
        position=(1, 1),
        folder=folder,
        kind=messages.phrase(f"kind.{kind}"),
        advice=_advice(kind, data, data_path, messages),
    )


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _labels(
    files: list[DataFile],
) -> tuple[Mapping[str, Mapping[str, str]], Mapping[str, Mapping[str, str]], Mapping[str, str]]:
    site: dict[str, Mapping[str, str]] = {}
    theme: dict[str, Mapping[str, str]] = {}
    directions: dict[str, str] = {}
    for file in files:
        if file.kind == "labels" and file.valid:
            site[file.stem] = MappingProxyType(dict(file.data["site"]))
            theme[file.stem] = MappingProxyType(dict(file.data.get("theme") or {}))
            directions[file.stem] = file.data.get("direction", "ltr")
    return MappingProxyType(site), MappingProxyType(theme), MappingProxyType(directions)


def _build_catalogue(files: list[DataFile], default_language: str, schemas: SchemaSet) -> Catalogue:
    def documents(kind: Kind) -> Iterator[DataFile]:
        return (file for file in files if file.kind == kind)

    def translation(file: DataFile) -> TranslationRecord:
        return translation_record(file.kind, file.data, default_language, schemas)

    taxonomy = next(taxonomy_from_document(file.data) for file in documents("taxonomy"))
    actors = sorted(
        (actor_from_document(file.data, file.path, translation(file)) for file in documents("actor")),
        key=lambda actor: actor.id,
    )
    offers = sorted(
        (offer_from_document(file.data, file.path, translation(file)) for file in documents("offer")),
        key=lambda offer: offer.id,
    )
    news = sorted(
        (news_from_document(file.data, file.path, translation(file)) for file in documents("news")),
        key=lambda item: (-item.date.toordinal(), item.id),
    )
    needs = sorted(
        (need_from_document(file.data, file.path) for file in documents("need")),
        key=lambda need: (need.reported, need.id),
    )
    return Catalogue(
        taxonomy=taxonomy,
        actors=MappingProxyType({actor.id: actor for actor in actors}),
        offers=tuple(offers),
        news=tuple(news),
        needs=tuple(needs),
    )
