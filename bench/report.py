"""The benchmark's rows, as a Markdown table and as raw numbers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from build import BuildResult
from measure import SiteMeasurement

KIB = 1024
HEADER = (
    "| build | offers | languages | build s | peak memory | pages | offer page HTML gzip (median) | first visit gzip "
    "| search data one language loads gzip |"
)
RULE = "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"
MIB = 1024 * 1024


@dataclass
class Row:
    build: str
    offers: int
    languages: list[str]
    dropped_languages: list[str] = field(default_factory=list)
    result: BuildResult | None = None
    measurement: SiteMeasurement = field(default_factory=SiteMeasurement)
    error: str = ""


def kib(size: float | None) -> str:
    return "n/a" if size is None else f"{size / KIB:,.1f} KB"


def search_cell(search: dict[str, int | None]) -> str:
    if not search:
        return "n/a"
    if set(search) == {"all"}:
        return f"{kib(search['all'])} (one index, all languages)"
    present = {code: size for code, size in search.items() if size is not None}
    largest = f"largest {kib(max(present.values()))} ({max(present, key=lambda code: present[code])})" if present else "largest n/a"
    return f"ar {kib(search['ar'])}, {largest}" if "ar" in search else largest


def memory_cell(result: BuildResult | None) -> str:
    if result is None or result.peak_rss_bytes is None:
        return "n/a"
    cell = f"{result.peak_rss_bytes / MIB:,.0f} MB"
    if result.peak_pss_bytes:
        cell += f" (PSS {result.peak_pss_bytes / MIB:,.0f} MB)"
    return cell


def table_line(row: Row) -> str:
    result, measurement = row.result, row.measurement
    if result is None:
        seconds = "n/a"
    else:
        seconds = f"{result.seconds:.1f}" + ("" if result.ok else " (failed)")
        if result.cpu_seconds is not None:
            seconds += f" (cpu {result.cpu_seconds:.1f})"
    languages = str(len(row.languages)) + (" ¹" if row.dropped_languages else "")
    cells = [
        row.build,
        f"{row.offers:,}",
        languages,
        seconds,
        memory_cell(result),
        "n/a" if measurement.pages is None else f"{measurement.pages:,}",
        kib(measurement.offer_html_gzip_median),
        kib(measurement.first_visit_gzip_median),
        search_cell(measurement.search) if result is not None and result.ok else "n/a",
    ]
    return "| " + " | ".join(cells) + " |"


def markdown_table(rows: list[Row]) -> str:
    lines = [HEADER, RULE, *(table_line(row) for row in rows)]
    notes = ["", "build s = wall-clock seconds (cpu = user + system seconds of the build and its workers); peak memory = the largest sum of the resident memory of the build's processes, sampled every 0.2 s (PSS: the largest sum of their proportional set sizes, where memory a worker shares with the process it was forked from counts once). KB = 1,024 bytes, gzip -9. Medians over up to 200 offer pages spread across the languages; first visit ="
             " the page plus every same-origin stylesheet, script, image and icon it references, each counted once."]
    dropped = sorted({code for row in rows for code in row.dropped_languages})
    if dropped:
        notes.append(
            f"¹ The naive build leaves out {', '.join(dropped)}: Material has no interface translation for it,"
            " so its build stops (TemplateNotFound partials/languages/<code>.html)."
        )
    return "\n".join(lines + notes)


def raw_numbers(rows: list[Row]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]
