"""The built site's folder, kept from one build to the next: a file whose bytes are already there is left alone, and
what the build did not make is removed at its end, so the folder ends as a clean build leaves it.

mkdocs empties the site folder before every build and writes every file again. At 1,000 offers in 11 languages that
is 53,605 files (697 MB), and creating a file costs the file system far more than reading one: on the 2-core build
machine, deleting and writing them again took 56 s of system time in a warm build whose pages all came from the
build cache, and comparing them with what is there takes 1.7 s (bench/RESULTS.md, "Site build, with the build
cache").

Which files a build made is known without a list of mkdocs' own files: mkdocs writes every file of its own on every
build, so they are newer than the moment the build began (`since_ns`, taken from the file system's own clock by a
marker file), and the catalogue's files are recorded here whether written or found unchanged. Every other file is
left over from an earlier build and removed, with the folders it leaves empty; hidden entries at the top of the
folder stay, as mkdocs' own cleaning keeps them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_MARKER = ".catalogue-build-started"


@dataclass
class SiteFolder:
    """Writes into `root`. `since_ns` (nanoseconds, the file system's modification time of a marker written when
    the build began) is None for a folder the engine emptied or a build that keeps what it finds (mkdocs --dirty):
    then nothing is removed."""

    root: Path
    since_ns: int | None = None
    _made: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def kept(cls, root: Path) -> SiteFolder:
        """The site folder `root` (made if missing) with what an earlier build left in it, marked as of now.
        OSError when the folder cannot be written."""
        root.mkdir(parents=True, exist_ok=True)
        marker = root / _MARKER
        marker.write_bytes(b"")
        try:
            since = marker.stat().st_mtime_ns
        finally:
            marker.unlink()
        return cls(root, since)

    def write(self, path: Path, content: bytes | str) -> bool:
        """Makes the file at `path` (below `root`) hold `content` (str: as UTF-8); True when it was written, False
        when it held those bytes already and was left alone."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._made.add(os.path.normpath(path))
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return False
        except (FileNotFoundError, NotADirectoryError):
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return True

    def record(self, paths: Iterable[Path]) -> None:
        """Counts the files at `paths` as made by this build: another process wrote them (or found them unchanged)
        with a SiteFolder of its own."""
        self._made.update(os.path.normpath(path) for path in paths)

    def remove_stale(self) -> list[str]:
        """Removes the files this build neither wrote through `write` nor had the engine write (older than
        `since_ns`), then the folders left empty; returns the removed files' paths below `root`, sorted. Nothing
        when `since_ns` is None."""
        if self.since_ns is None or not self.root.is_dir():
            return []
        removed: list[str] = []
        for entry in os.scandir(self.root):
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                for directory, _, names in os.walk(entry.path, topdown=False):
                    for name in names:
                        self._remove_if_stale(os.path.join(directory, name), removed)
                    if not os.listdir(directory):
                        os.rmdir(directory)
            else:
                self._remove_if_stale(entry.path, removed)
        return sorted(removed)

    def _remove_if_stale(self, path: str, removed: list[str]) -> None:
        assert self.since_ns is not None
        path = os.path.normpath(path)
        if path not in self._made and os.lstat(path).st_mtime_ns < self.since_ns:
            os.unlink(path)
            removed.append(Path(path).relative_to(self.root).as_posix())
