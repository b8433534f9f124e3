"""Offers added and ended per calendar quarter, from the git history of the offer files.

Added: the commit that first added an offer file. Ended: the commit that deleted it, or, for an offer still in the
data, its `valid_until` once that day has passed. Events before `extra.catalogue.history_since` (a town that began
as a copy of another's repository sets the day it took over) are not counted. A build without the full history - no git,
not a repository, or a shallow clone such as GitHub's default checkout - gets None, and the page says so instead of
showing made-up numbers.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue.data.settings import Settings
from catalogue.publication.visibility import Publication


@dataclass(frozen=True)
class QuarterCount:
    quarter: str
    """'2026-Q3'."""
    added: int
    ended: int


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _git(root: Path, *arguments: str) -> str | None:
    try:
        finished = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return finished.stdout if finished.returncode == 0 else None


def _file_events(root: Path, offers_dir: Path, kind: str) -> dict[str, date]:
    """Offer file path (relative to the repository) -> the day of its first 'A' or last 'D' commit."""
    log = _git(
        root, "log", f"--diff-filter={kind}", "--format=%x00%as", "--name-only", "--no-renames", "--", str(offers_dir)
    )
    events: dict[str, date] = {}
    if not log:
        return events
    for block in log.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        day = date.fromisoformat(lines[0])
        for name in lines[1:]:
            if kind == "A":
                events[name] = day  # the log runs newest first: the last seen is the first added
            else:
                events.setdefault(name, day)
    return events


def offer_history(publication: Publication, settings: Settings) -> tuple[QuarterCount, ...] | None:
    """Added and ended offers per quarter, oldest first, up to the publication's quarter; None without full history."""
    top = _git(settings.data_dir, "rev-parse", "--show-toplevel")
    shallow = _git(settings.data_dir, "rev-parse", "--is-shallow-repository")
    if top is None or shallow is None or shallow.strip() != "false":
        return None
    root = Path(top.strip()).resolve()
    added = _file_events(root, settings.data_dir / "offers", "A")
    if not added:
        return None
    ended = _file_events(root, settings.data_dir / "offers", "D")
    if settings.history_since is not None:
        added = {name: day for name, day in added.items() if day >= settings.history_since}
        ended = {name: day for name, day in ended.items() if day >= settings.history_since}
        if not added and not ended:
            return ()
    offer_at = {(settings.root / offer.source).resolve(): offer for offer in publication.catalogue.offers}
    for name in added:
        offer = offer_at.get((root / name).resolve())
        if (
            name not in ended
            and offer is not None
            and offer.valid_until is not None
            and offer.valid_until < publication.today
        ):
            ended[name] = offer.valid_until
    quarters: dict[str, list[int]] = {}
    for day in added.values():
        quarters.setdefault(quarter_of(day), [0, 0])[0] += 1
    for day in ended.values():
        quarters.setdefault(quarter_of(day), [0, 0])[1] += 1
    last = quarter_of(publication.today)
    return tuple(
        QuarterCount(quarter, counts[0], counts[1]) for quarter, counts in sorted(quarters.items()) if quarter <= last
    )
