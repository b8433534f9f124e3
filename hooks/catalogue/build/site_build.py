"""One whole build of a town's site as the town runs it (`catalogue build`): the site engine in its own process,
writing into a fresh folder beside the site, which replaces the site only when the build has succeeded. An
interrupted or failed build leaves the previous site as it was; a second build of the same town while one runs is
refused. The engine is mkdocs, or its drop-in fork ProperDocs (`--engine properdocs`); the core never imports either.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ENGINES = ("mkdocs", "properdocs")
LOCK_NAME = ".catalogue-build.lock"


class BuildRefused(Exception):
    """The build cannot start (another build of the same site runs); the message says so in a sentence."""


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    """What the engine printed (standard output and error)."""


@contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Holds the town's build lock (a file beside site/) for the block; raises BuildRefused when another process
    holds it. The lock goes with the process, so a killed build never leaves it behind."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(site_dir.parent / LOCK_NAME, "w", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BuildRefused(
                f"another build of this site is running (lock {site_dir.parent / LOCK_NAME}); wait for it to end"
            ) from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_site(config_file: Path, site_dir: Path, *, engine: str = "mkdocs", quiet: bool = True) -> BuildResult:
    """Builds the site of config_file (a town's mkdocs.yml) into site_dir.

    The engine writes into `<site_dir>.new`; on success that folder replaces site_dir (the old one is removed after
    the swap), on failure it is removed and site_dir stays as it was. Raises BuildRefused while another build of the
    same site runs, ValueError for an engine other than mkdocs or properdocs."""
    if engine not in ENGINES:
        raise ValueError(f"the engine is mkdocs or properdocs, not {engine!r}")
    fresh = site_dir.with_name(site_dir.name + ".new")
    old = site_dir.with_name(site_dir.name + ".old")
    with build_lock(site_dir):
        for leftover in (fresh, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        command = [sys.executable, "-m", engine, "build", "--clean", "-f", str(config_file), "-d", str(fresh)]
        if quiet:
            command.append("--quiet")
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        finished = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=config_file.parent)
        if finished.returncode != 0 or not (fresh / "index.html").is_file():
            shutil.rmtree(fresh, ignore_errors=True)
            return BuildResult(finished.returncode or 1, finished.stdout + finished.stderr)
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return BuildResult(0, finished.stdout + finished.stderr)
