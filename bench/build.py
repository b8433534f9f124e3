"""Runs one mkdocs build in a child process and times it."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

STDERR_TAIL_LINES = 30


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    seconds: float
    stderr_tail: str
    cpu_seconds: float | None = None
    """User plus system time of the build process: what the build costs when other work shares the machine."""


def run_mkdocs_build(config_file: Path, *, cwd: Path, timeout: float | None = None) -> BuildResult:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    cpu_before = _children_cpu_seconds()
    try:
        completed = subprocess.run(
            command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as expired:
        stderr = expired.stderr.decode("utf-8", "replace") if isinstance(expired.stderr, bytes) else expired.stderr or ""
        return BuildResult(
            False, time.perf_counter() - started, _tail(stderr + f"\ntimed out after {timeout:.0f} s"),
            _children_cpu_seconds() - cpu_before,
        )
    seconds = time.perf_counter() - started
    cpu_seconds = _children_cpu_seconds() - cpu_before
    return BuildResult(completed.returncode == 0, seconds, _tail(completed.stderr), cpu_seconds)


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tail(text: str) -> str:
    return "\n".join(text.rstrip().splitlines()[-STDERR_TAIL_LINES:])
