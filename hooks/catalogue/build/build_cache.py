"""The persistent build cache: what a language's build made from the same inputs last time, kept between builds.

Every entry is keyed by the SHA-256 of everything it was made from, so an entry is either exactly right or not
found; there is no invalidation to forget. The key of a generated page's part starts with the build's context digest
(`context_digest`): the product's own files (code, templates, default words; a new version changes them), the
versions of the libraries that write HTML and QR codes, the town's settings, every language's labels and formats,
the taxonomy and the publication day. A change in any of them makes every key new. The rest of the key is the
record the part shows (an offer, its provider).

The cache lives outside the site, in `.cache/catalogue/` beside the town's mkdocs.yml (or where
`CATALOGUE_CACHE` points; `CATALOGUE_CACHE=off` builds without it). Deleting the folder is always safe: the next
build is a cold one. One file per language (an SQLite database written by the process that rendered the language,
replacing the earlier one by rename once complete) holds what that language's build used, so entries of deleted
offers leave with the next build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENVIRONMENT = "CATALOGUE_CACHE"
CACHE_FOLDER = Path(".cache") / "catalogue"
FORMAT = 2
"""The layout of a cache file (SQLite's user_version); a file of another layout is read as an empty cache."""
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_SQLITE_HEADER = b"SQLite format 3\x00"
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


def remove_other_layouts(folder: Path | None) -> list[str]:
    """Removes the cache files in `folder` that are not SQLite databases (an earlier version's layout, never read
    again); returns their names, sorted."""
    removed: list[str] = []
    if folder is None or not folder.is_dir():
        return removed
    for path in sorted(folder.glob("*.cache")):
        try:
            with path.open("rb") as handle:
                if handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER:
                    continue
            path.unlink()
        except OSError:
            continue
        removed.append(path.name)
    return removed


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


_MISSING = object()
"""What `LanguageCache._fetch` gives for a key no file has."""


def _never_made() -> Any:
    raise AssertionError("a part found in the cache was made again")


@dataclass
class LanguageCache:
    """One language's cached parts: opened before the language renders, saved after it. `lookup` gives an entry made
    from the same inputs or makes it; the entries looked up (found or made) are what `save` keeps.

    The file is an SQLite database (one table of key -> compressed pickle) read one entry at a time, and what a build
    makes goes into the next file as it is made: a language's pages are never all held in memory, which at 10,000
    offers would be hundreds of megabytes in each worker process."""

    path: Path | None
    context: str = ""
    """The build's context digest (`context_digest`) for this language; every key starts from it."""
    hits: int = 0
    misses: int = 0
    _records: RecordDigests = field(default_factory=dict, repr=False)
    _earlier: sqlite3.Connection | None = field(default=None, repr=False)
    """The file an earlier build saved, read only."""
    _earlier_count: int = 0
    _next: sqlite3.Connection | None = field(default=None, repr=False)
    """The file this build writes (beside `path`, renamed over it by `save`), opened when the first part is made."""
    _used: set[str] = field(default_factory=set, repr=False)
    _made: set[str] = field(default_factory=set, repr=False)

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
        earlier, count = _open_earlier(path)
        return cls(path, context, _records=known, _earlier=earlier, _earlier_count=count)

    def part(self, kind: str, records: tuple[object, ...], make: Callable[[], T]) -> T:
        """The part `kind` (e.g. 'offer-page') made from `records` in this build's context: from the cache when
        an earlier build made it from the same inputs, else made by `make()`."""
        return self.lookup(self._key(kind, records), make)

    def stored(self, kind: str, records: tuple[object, ...]) -> Any:
        """The part `kind` made from `records` if an earlier build (or this one) kept it, else None."""
        found = self._fetch(self._key(kind, records))
        return None if found is _MISSING else found

    def has(self, kind: str, records: tuple[object, ...]) -> bool:
        """Whether this build or an earlier one kept the part `kind` made from `records` (it is not read)."""
        key = self._key(kind, records)
        return key in self._made or self._has(key)

    def later(self, kind: str, records: tuple[object, ...], start: Callable[[], Future[T]]) -> Callable[[], T]:
        """Like `part`, for a part made in another process while the build goes on: when no earlier build made
        it, `start()` starts making it now; the function returned gives the part, waiting for it if need be."""
        key = self._key(kind, records)
        if key in self._used or self._has(key):
            return functools.partial(self.lookup, key, _never_made)
        making = start()
        return functools.partial(self.lookup, key, making.result)

    def _key(self, kind: str, records: tuple[object, ...]) -> str:
        return digest_of(self.context, kind, *(self._digest(record) for record in records))

    def _digest(self, record: object) -> str:
        """A record's digest: known beforehand for the offers and providers (the repr of an offer is the costly part
        of a key, and a page, a card and a calendar of the same offer share it), else computed, and not kept, so
        that the cache holds on to no other record."""
        if isinstance(record, (str, int)):
            return repr(record)
        known = self._records.get(id(record))
        if known is not None and known[0] is record:
            return known[1]
        return digest_of(record)

    def lookup(self, key: str, make: Callable[[], T]) -> T:
        found = self._fetch(key)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        value = make()
        self.misses += 1
        self._used.add(key)
        connection = self._next_file()
        if connection is not None:
            connection.execute(
                "INSERT OR REPLACE INTO part VALUES (?, ?)",
                (key, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)),
            )
            self._made.add(key)
        return value

    def _fetch(self, key: str) -> Any:
        """The entry at `key`, from this build's file if made in this build, else from the earlier build's; _MISSING
        when neither has it. A found entry counts as used (and as a hit, the first time)."""
        connection = self._next if key in self._made else self._earlier
        if connection is None:
            return _MISSING
        try:
            row = connection.execute("SELECT value FROM part WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return _MISSING
        if row is None:
            return _MISSING
        if key not in self._used:
            self.hits += 1
        self._used.add(key)
        return pickle.loads(zlib.decompress(row[0]))

    def _has(self, key: str) -> bool:
        if self._earlier is None:
            return False
        try:
            return self._earlier.execute("SELECT 1 FROM part WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.Error:
            return False

    def _next_file(self) -> sqlite3.Connection | None:
        """The file this build writes, opened on first use; None when the cache keeps nothing or its folder cannot
        be written (then it keeps nothing from then on)."""
        if self._next is None and self.path is not None:
            self._next = _open_next(self.path)
            if self._next is None:
                self.path = None
        return self._next

    def save(self) -> None:
        """Keeps the entries this build used and nothing else (the file is left alone when that is what it holds
        already); a file that cannot be written leaves the next build cold, which is slower but right."""
        unchanged = self.misses == 0 and len(self._used) == self._earlier_count
        connection = None if unchanged else self._next_file()
        if connection is None or self.path is None:
            self._close()
            return
        try:
            if self._earlier is not None:
                self._earlier.close()
                self._earlier = None
                connection.execute("ATTACH DATABASE ? AS earlier", (f"file:{self.path}?mode=ro",))
                connection.execute("CREATE TEMP TABLE kept (key TEXT PRIMARY KEY)")
                connection.executemany("INSERT INTO kept VALUES (?)", ((key,) for key in self._used - self._made))
                connection.execute(
                    "INSERT OR IGNORE INTO part SELECT key, value FROM earlier.part WHERE key IN (SELECT key FROM kept)"
                )
                connection.commit()
                connection.execute("DETACH DATABASE earlier")
            connection.commit()
            connection.close()
            self._next = None
            _next_path(self.path).replace(self.path)
        except (OSError, sqlite3.Error):
            self._close()

    def _close(self) -> None:
        for connection in (self._earlier, self._next):
            if connection is not None:
                connection.close()
        self._earlier = self._next = None
        if self.path is not None:
            _next_path(self.path).unlink(missing_ok=True)


def _open_earlier(path: Path) -> tuple[sqlite3.Connection | None, int]:
    """The cache file an earlier build saved at `path`, read only, with its number of entries; (None, 0) when it is
    missing, damaged or of another layout."""
    if not path.is_file():
        return None, 0
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            connection.close()
            return None, 0
        count = connection.execute("SELECT count(*) FROM part").fetchone()[0]
    except sqlite3.Error:
        return None, 0
    return connection, int(count)


def _next_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.{os.getpid()}.tmp")


def _open_next(path: Path) -> sqlite3.Connection | None:
    """A new, empty cache file beside `path`, written without a journal (it replaces `path` only once complete);
    None when the folder cannot be written."""
    temporary = _next_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        connection = sqlite3.connect(temporary)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(f"PRAGMA user_version = {FORMAT}")
        connection.execute("CREATE TABLE part (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    except (OSError, sqlite3.Error):
        return None
    return connection
