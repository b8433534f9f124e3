"""Lighthouse (mobile, default config) on the key pages of the built site in German and Arabic.

Usage: python tests/browser/audit.py [--site SITE_DIR] [--reports DIR]

Serves the built site (default: site/) on 127.0.0.1, runs the Lighthouse that `npm ci --prefix tests/browser/lighthouse` installed from its lockfile
against the home, catalogue and one offer page in each language, prints the four category scores and the bytes
transferred per page, and says which targets a page misses and which audits cost it the points. Exits 1 when a
target is missed, 2 when Lighthouse, Chromium or the built site is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.browser_setup import HOW_TO_GET_CHROMIUM, NoChromium, chromium_executable  # noqa: E402
from tests.browser.site_pages import MAIN_KINDS, pages  # noqa: E402
from tests.browser.static_server import SiteServer  # noqa: E402

LIGHTHOUSE_FOLDER = REPO / "tests" / "browser" / "lighthouse"
"""Lighthouse's own package.json and package-lock.json (every dependency pinned with its hash), apart from the site's."""
LIGHTHOUSE = LIGHTHOUSE_FOLDER / "node_modules" / ".bin" / "lighthouse"
AUDITED_LANGUAGES = ("de", "ar")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
RUN_TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class PageAudit:
    name: str
    scores: dict[str, int]
    transfer_bytes: int
    lost_points: dict[str, list[str]]
    """Per category, the audits that did not pass, with their titles and displayed values."""

    def misses(self) -> list[str]:
        return [category for category in CATEGORIES if self.scores[category] < TARGETS[category]]


def chrome_path() -> Path:
    executable = chromium_executable()
    if executable is not None:
        return executable
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        bundled = Path(driver.chromium.executable_path)
    if not bundled.is_file():
        raise NoChromium(HOW_TO_GET_CHROMIUM)
    return bundled


def run_lighthouse(url: str, report: Path, chrome: Path) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE), url,
        "--output=json", f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--quiet",
    ]
    finished = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": str(chrome)}, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS,
    )
    if finished.returncode != 0 or not report.is_file():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{finished.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def summarise(name: str, result: dict[str, Any]) -> PageAudit:
    categories = result["categories"]
    audits = result["audits"]
    lost: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for reference in categories[category]["auditRefs"]:
            audit = audits[reference["id"]]
            if reference.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lost.setdefault(category, []).append(f"{reference['id']}: {audit['title']}{shown}")
    return PageAudit(
        name=name,
        scores={category: round((categories[category]["score"] or 0) * 100) for category in CATEGORIES},
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        lost_points=lost,
    )


def table(results: list[PageAudit]) -> str:
    header = f"{'page':<14}" + "".join(f"{category:>16}" for category in CATEGORIES) + f"{'transfer':>12}"
    rows = [
        f"{result.name:<14}" + "".join(f"{result.scores[category]:>16}" for category in CATEGORIES) + f"{result.transfer_bytes / 1024:>9.1f} KB"
        for result in results
    ]
    targets = f"{'target':<14}" + "".join(f"{('>= ' if TARGETS[c] < 100 else '') + str(TARGETS[c]):>16}" for c in CATEGORIES)
    return "\n".join([header, "-" * len(header), *rows, targets])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built site (default: site/)")
    parser.add_argument("--reports", type=Path, default=REPO / "test-results" / "lighthouse", help="where the JSON reports go")
    options = parser.parse_args()

    if not (options.site / "index.html").is_file():
        print(f"No built site in {options.site}: run `make site` first.", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print(f"Lighthouse is not installed: run `npm ci --prefix {LIGHTHOUSE_FOLDER.relative_to(REPO)}` (or `make audit`).", file=sys.stderr)
        return 2
    try:
        chrome = chrome_path()
    except NoChromium as error:
        print(error, file=sys.stderr)
        return 2

    options.reports.mkdir(parents=True, exist_ok=True)
    results = []
    with SiteServer(options.site) as server:
        for site_page in pages(MAIN_KINDS, AUDITED_LANGUAGES):
            name = f"{site_page.language}:{site_page.kind}"
            print(f"Lighthouse {name} ({site_page.path}) ...", file=sys.stderr, flush=True)
            report = options.reports / f"{site_page.language}-{site_page.kind}.json"
            results.append(summarise(name, run_lighthouse(server.url(site_page.path), report, chrome)))

    print(table(results))
    missed = [result for result in results if result.misses()]
    for result in missed:
        print(f"\n{result.name} misses {', '.join(result.misses())}:")
        for category in result.misses():
            for reason in result.lost_points.get(category, ["(no single audit failed; the score is a weighted sum)"]):
                print(f"  {category}: {reason}")
    print(f"\nReports: {options.reports}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
