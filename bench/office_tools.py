"""What the office's tools and the "Zahlen & Daten" page cost on one synthetic catalogue, measured in this process:
the report in its three formats, a translator export, the figures, the page in every language, the CSV downloads."""
from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from datetime import timedelta

from pathlib import Path
from typing import Callable, Sequence, TypeVar

from catalogue.build.rendering import RenderJob
from catalogue.checks.loading import load_catalogue
from catalogue.data.messages import Messages
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
from catalogue.publication.visibility import publish
from catalogue.data.settings import settings_from_config
from catalogue.figures.statistics import figures
from catalogue.exports.figures_csv import figures_csv_files
from catalogue.office.report import office_report, report_csv, report_markdown, report_text
from catalogue.office.translation_exchange import export_exchange, xliff12_bytes
from synthetic import REFERENCE_DATE

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    offers: int
    step: str
    seconds: float
    size: int | None = None
    """Bytes (gzip for pages), where the step makes a file."""


def _timed(function: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def measure_office_tools(data_dir: Path, offers: int, languages: Sequence[str]) -> list[Step]:
    config = {
        "site_name": "Bench",
        "plugins": [{"i18n": {"languages": [{"locale": code, "name": code, "default": index == 0} for index, code in enumerate(languages)]}}],
        "extra": {"catalogue": {"data_dir": str(data_dir)}},
    }
    settings = settings_from_config(config, data_dir.parent)
    today = REFERENCE_DATE
    loaded, load_seconds = _timed(lambda: load_catalogue(settings, today=today))
    assert loaded.catalogue is not None, "the synthetic catalogue has errors"
    publication = publish(loaded.catalogue, today)
    messages = Messages("de", OFFICE_MESSAGES)
    # Thirteen months on, every offer is stale: the report at its longest.
    later = publish(loaded.catalogue, today + timedelta(days=400))
    report, report_seconds = _timed(lambda: office_report(later, settings))
    steps = [
        Step(offers, "load and check the data (shared with the build)", load_seconds),
        Step(offers, f"report: collect ({report.stale_count} stale offers)", report_seconds),
    ]
    for name, write in (("text", lambda: report_text(report, messages)), ("markdown", lambda: report_markdown(report, messages, limit=40)), ("csv", lambda: report_csv(report))):
        text, seconds = _timed(write)
        steps.append(Step(offers, f"report: {name}", seconds, len(text.encode("utf-8"))))
    exported, seconds = _timed(lambda: xliff12_bytes(export_exchange(loaded.catalogue, languages[-1], languages[0])))
    steps.append(Step(offers, f"translations export {languages[-1]} (XLIFF 1.2)", seconds, len(exported)))
    numbers, seconds = _timed(lambda: figures(publication, languages))
    steps.append(Step(offers, "figures: count", seconds))
    job = RenderJob(publication, settings, loaded.labels)
    pages, seconds = _timed(lambda: [job.renderer(language).figures_page() for language in languages])
    largest = max(len(gzip.compress(page.body.encode("utf-8"), 9)) for page in pages)
    steps.append(Step(offers, f"figures page: render in {len(languages)} languages (largest body gzip)", seconds, largest))
    files, seconds = _timed(lambda: figures_csv_files(numbers, publication, languages[0], None))
    steps.append(Step(offers, "figures: CSV downloads", seconds, sum(len(text) for text in files.values())))
    return steps


def office_table(steps: Sequence[Step]) -> str:
    lines = ["| offers | step | seconds | size |", "| ---: | --- | ---: | ---: |"]
    for step in steps:
        size = "" if step.size is None else f"{step.size / 1024:,.1f} KB"
        lines.append(f"| {step.offers} | {step.step} | {step.seconds:.2f} | {size} |")
    return "\n".join(lines)


