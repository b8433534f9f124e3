"""Runs one mkdocs build in a child process and times it, with the peak memory of all its processes together."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

STDERR_TAIL_LINES = 30
SAMPLE_SECONDS = 0.2
"""How often the build's processes' resident memory is read; a peak shorter than this may be missed."""
PSS_EVERY = 5
"""Their proportional set size is read every PSS_EVERY samples: reading it walks each process's page tables, which
at 10,000 offers costs a noticeable share of a core if done every sample."""
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    seconds: float
    stderr_tail: str
    cpu_seconds: float | None = None
    """User plus system time of the build process: what the build costs when other work shares the machine."""
    peak_rss_bytes: int | None = None
    """The largest sum of the resident memory of the build's process and all its workers, sampled every
    SAMPLE_SECONDS from /proc (None where there is no /proc). Memory a forked worker still shares with the main
    process counts once per process here."""
    peak_pss_bytes: int | None = None
    """The largest sum of the processes' proportional set size (Pss of /proc/<pid>/smaps_rollup: a page shared by n
    processes counts 1/n in each), sampled with the resident memory: the memory the build takes from the machine."""


def run_mkdocs_build(config_file: Path, *, cwd: Path, timeout: float | None = None) -> BuildResult:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    cpu_before = _children_cpu_seconds()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = _MemorySampler(process.pid)
    sampler.start()
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        sampler.stop()
        return BuildResult(
            False, time.perf_counter() - started, _tail((stderr or "") + f"\ntimed out after {timeout:.0f} s"),
            _children_cpu_seconds() - cpu_before, sampler.peak, sampler.peak_pss,
        )
    seconds = time.perf_counter() - started
    sampler.stop()
    cpu_seconds = _children_cpu_seconds() - cpu_before
    return BuildResult(process.returncode == 0, seconds, _tail(stderr), cpu_seconds, sampler.peak, sampler.peak_pss)


class _MemorySampler:
    """Sums the resident set size and the proportional set size of a process and its descendants (Linux /proc),
    keeping the largest sums seen."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.peak: int | None = 0 if Path("/proc/self/stat").is_file() else None
        self.peak_pss: int | None = 0 if Path("/proc/self/smaps_rollup").is_file() else None

    def start(self) -> None:
        if self.peak is not None:
            self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        samples = 0
        while not self._done.wait(SAMPLE_SECONDS):
            tree = _process_tree(self._pid)
            self.peak = max(self.peak or 0, sum(_rss_bytes(pid) for pid in tree))
            samples += 1
            if self.peak_pss is not None and samples % PSS_EVERY == 0:
                self.peak_pss = max(self.peak_pss, sum(_pss_bytes(pid) for pid in tree))


def _process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The command name in parentheses may hold spaces: the parent's pid is the second field after it.
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


def _rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        return 0
    return 0


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tail(text: str) -> str:
    return "\n".join(text.rstrip().splitlines()[-STDERR_TAIL_LINES:])
