"""The persistent build cache: what a language's build made from the same inputs last time, kept between builds.

Every entry is keyed by the SHA-256 of everything it was made from, so an entry is either exactly right or not
found; there is no invalidation to forget. The key of a generated page's part starts with the build's context digest
(`context_digest`): the product's own files (code, templates, default words; a new version changes them), the
versions of the libraries that write HTML and QR codes, the town's settings, every language's labels and formats,
the taxonomy and the publication day. A change in any of them makes every key new. The rest of the key is the
record the part shows (an offer, its provider).

The cache lives outside the site, in `.cache/catalogue/` beside the town's mkdocs.yml (or where
`CATALOGUE_CACHE` points; `CATALOGUE_CACHE=off` builds without it). Deleting the folder is always safe: the next
build is a cold one. One file per language (written by the process that rendered the language, atomically by
rename) holds what that language's build used, so entries of deleted offers leave with the next build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENVIRONMENT = "CATALOGUE_CACHE"
CACHE_FOLDER = Path(".cache") / "catalogue"
FORMAT = 1
"""The layout of a cache file; a new layout is read as an empty cache."""
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_PRODUCT_SUFFIXES = frozenset({".py", ".html", ".yml", ".json", ".js", ".css"})
_LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "nh3", "segno")
"""The libraries whose output is part of a cached page: a new version may write other bytes."""

T = TypeVar("T")


def cache_folder(town_root: Path) -> Path | None:
    """Where a town's build cache lives: `CATALOGUE_CACHE` (a folder, or 'off' for none), else
    <town_root>/.cache/catalogue."""
    configured = os.environ.get(CACHE_ENVIRONMENT, "").strip()
    if configured.lower() in {"off", "0", "no", "false"}:
        return None
    return Path(configured) if configured else town_root / CACHE_FOLDER


def product_digest(package_dir: Path = _PACKAGE_DIR) -> str:
    """SHA-256 (hex) of the product's own files below `package_dir` (code, templates, schemas, default words, the
    front-end's files; not the vendored browser libraries) and of the versions of the libraries in _LIBRARIES.
    Hashing the files instead of trusting the version number keeps the cache right for a developer too."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        relative = path.relative_to(package_dir)
        if (
            relative.parts[0] in {"vendor", "__pycache__"}
            or "__pycache__" in relative.parts
            or path.suffix not in _PRODUCT_SUFFIXES
        ):
            continue
        if path.is_file():
            digest.update(relative.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    return digest.hexdigest()


def digest_of(*parts: Any) -> str:
    """SHA-256 (hex) of the parts' reprs. Meant for the catalogue's frozen dataclasses, strings, numbers, dates and
    JSON-like values, whose repr is their content; a dict's repr follows its order, which the loader keeps."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def context_digest(product: str, *inputs: Any) -> str:
    """The digest every cached part of a build starts from: the product's digest and the build-wide inputs
    (settings, labels, formats, taxonomy, publication day …), each given as data whose repr is its content."""
    return digest_of(
        product, *(json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr) for value in inputs)
    )


RecordDigests = dict[int, tuple[object, str]]
"""id(record) -> (the record, kept so that its id stays its own; its digest `digest_of(record)`)."""


def record_digests(records: Iterable[object]) -> RecordDigests:
    """The digests of records every language's parts are keyed by (offers, providers), computed once for the build:
    the repr of a record is the costly part of a key, and worker processes forked afterwards inherit them."""
    return {id(record): (record, digest_of(record)) for record in records}


def _never_made() -> Any:
    raise AssertionError("a part found in the cache was made again")


@dataclass
class LanguageCache:
    """One language's cached parts: read before the language renders, saved after it. `lookup` gives an entry made
    from the same inputs or makes it; the entries looked up (found or made) are what `save` keeps."""

    path: Path | None
    context: str = ""
    """The build's context digest (`context_digest`) for this language; every key starts from it."""
    found: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _records: RecordDigests = field(default_factory=dict, repr=False)

    @classmethod
    def open(
        cls, folder: Path | None, language: str, context: str, records: RecordDigests | None = None
    ) -> LanguageCache:
        """The language's cache file in `folder` (None: a cache that keeps nothing), with the `records`' digests
        known beforehand. A missing, unreadable or foreign file is an empty cache, never an error: the build then
        makes everything anew."""
        known = dict(records or {})
        if folder is None:
            return cls(None, context, _records=known)
        path = folder / f"{language}.cache"
        try:
            stored = pickle.loads(zlib.decompress(path.read_bytes()))
        except (
            OSError,
            zlib.error,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            IndexError,
            ValueError,
            TypeError,
        ):
            return cls(path, context, _records=known)
        if (
            not isinstance(stored, dict)
            or stored.get("format") != FORMAT
            or not isinstance(stored.get("entries"), dict)
        ):
            return cls(path, context, _records=known)
        return cls(path, context, found=stored["entries"], _records=known)

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], T]) -> T:
        """The part `kind` (e.g. 'offer-page') made from `records` in this build's context: from the cache when
        an earlier build made it from the same inputs, else made by `make()`."""
        return self.lookup(self._key(kind, records), make)

    def later(self, kind: str, records: tuple[object, ...], start: Callable[[], Future[T]]) -> Callable[[], T]:
        """Like `part`, for a part made in another process while the build goes on: when no earlier build made
        it, `start()` starts making it now; the function returned gives the part, waiting for it if need be."""
        key = self._key(kind, records)
        if key in self.used or key in self.found:
            return functools.partial(self.lookup, key, _never_made)
        making = start()
        return functools.partial(self.lookup, key, making.result)

    def _key(self, kind: str, records: tuple[object, ...]) -> str:
        return digest_of(self.context, kind, *(self._digest(record) for record in records))

    def _digest(self, record: object) -> str:
        """A record's digest, computed once per language: a page, a card and a calendar of the same offer share it
        (the repr of an offer is the costly part of a key)."""
        if isinstance(record, (str, int)):
            return repr(record)
        known = self._records.get(id(record))
        if known is None or known[0] is not record:
            known = self._records[id(record)] = (record, digest_of(record))
        return known[1]

    def lookup(self, key: str, make: Callable[[], T]) -> T:
        if key in self.used:
            return self.used[key]  # type: ignore[no-any-return]
        if key in self.found:
            value = self.found[key]
            self.hits += 1
        else:
            value = make()
            self.misses += 1
        self.used[key] = value
        return value  # type: ignore[no-any-return]

    def save(self) -> None:
        """Writes the entries this build used (nothing when nothing changed); a file that cannot be written leaves
        the next build cold, which is slower but right."""
        if self.path is None or (self.misses == 0 and self.used.keys() == self.found.keys()):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(
                zlib.compress(pickle.dumps({"format": FORMAT, "entries": self.used}, pickle.HIGHEST_PROTOCOL), 1)
            )
            temporary.replace(self.path)
        except OSError:
            return
