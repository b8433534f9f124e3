"""How long the web editor takes to show its first screen on a slow phone connection: Decap CMS as the catalogue
ships it, and (for comparison) Sveltia CMS against the same config.yml.

    python bench/editor_load.py SITE [--sveltia DIST] [--runs 3] [--json PATH]

SITE is a built site (its admin/ folder); DIST is the dist/ folder of the npm package @sveltia/cms. The site is
served on 127.0.0.1 with gzip and the cache headers of hosting/nginx.conf (content-hashed scripts for a year,
everything else `no-cache`). Chromium's network throttling over CDP (Network.emulateNetworkConditions) gives
1.6 Mbit/s down, 750 kbit/s up and 150 ms latency (Lighthouse's "slow 4G"). Measured from navigation start:
the German loading message (first paint of the page's own text), the first screen (Decap's sign-in button;
Sveltia's first screen after reading config.yml) on a first visit with an empty cache, and the same on a repeat visit in the same browser.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "hooks")]

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.browser.browser_setup import launch_options  # noqa: E402
from tests.browser.static_server import SiteRequestHandler  # noqa: E402

DOWNLOAD_BITS = 1_600_000
UPLOAD_BITS = 750_000
LATENCY_MS = 150
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(js|css)$")
SVELTIA_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sveltia CMS</title><link href="config.yml" type="application/yaml" rel="cms-config-url"></head>
<body><script src="sveltia-cms.js"></script></body></html>
"""


class CachingHandler(SiteRequestHandler):
    """The site's handler with hosting/nginx.conf's cache rules."""

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if HASHED.search(path) else "no-cache")
        super().end_headers()


def _throttle(page: Page) -> list[float]:
    """Throttles the page's network; the returned list receives the bytes of every load that used the network."""
    session = page.context.new_cdp_session(page)
    loaded: list[float] = []
    session.on("Network.loadingFinished", lambda event: loaded.append(float(event.get("encodedDataLength", 0))))
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": DOWNLOAD_BITS / 8, "uploadThroughput": UPLOAD_BITS / 8,
    })
    return loaded


def _visit(page: Page, url: str, first_screen: str, loading: str | None, transferred: list[float]) -> dict[str, float]:
    transferred.clear()
    started = time.monotonic()
    page.goto(url, wait_until="commit")
    result: dict[str, float] = {}
    if loading:
        page.get_by_text(loading, exact=False).first.wait_for(timeout=60_000)
        result["loading_message_s"] = round(time.monotonic() - started, 2)
    page.locator(first_screen).first.wait_for(timeout=180_000)
    result["first_screen_s"] = round(time.monotonic() - started, 2)
    # The browser's own first contentful paint (Paint Timing): the loading message, without Playwright's polling.
    paint = page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime")
    result["first_paint_s"] = round(float(paint) / 1000, 2)
    result["bytes_on_the_wire"] = int(sum(transferred))
    return result


def measure(site: Path, folder: str, first_screen: str, loading: str | None, runs: int) -> dict[str, Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CachingHandler, directory=str(site)))
    Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://localhost:{server.server_address[1]}/{folder}/"
    first: list[dict[str, float]] = []
    repeat: list[dict[str, float]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 412, "height": 800}, locale="de-DE")
                page = context.new_page()
                transferred = _throttle(page)
                first.append(_visit(page, url, first_screen, loading, transferred))
                page.goto("about:blank")
                repeat.append(_visit(page, url, first_screen, loading, transferred))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "first_visit": {key: statistics.median(run[key] for run in first) for key in first[0]},
        "repeat_visit": {key: statistics.median(run[key] for run in repeat) for key in repeat[0]},
        "runs": runs,
    }


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--sveltia", type=Path, help="the dist/ folder of @sveltia/cms")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args(arguments)
    results = {"decap": measure(options.site, "admin", "text=Anmelden", "Der Editor wird geladen", options.runs)}
    if options.sveltia:
        with tempfile.TemporaryDirectory() as temporary:
            site = Path(temporary)
            folder = site / "sveltia"
            shutil.copytree(options.sveltia, folder, ignore=shutil.ignore_patterns("*.map", "*.mjs"))
            shutil.copy(options.site / "admin" / "config.yml", folder / "config.yml")
            (folder / "index.html").write_text(SVELTIA_PAGE, encoding="utf-8")
            # Sveltia 0.221 refuses the catalogue's config.yml (sortable_fields with labels, relation paths into
            # lists); its error screen comes once its script has loaded and read the config, the point where Decap
            # shows its sign-in button.
            results["sveltia"] = measure(site, "sveltia", "text=CMS configuration", None, options.runs)
    text = json.dumps(results, indent=2)
    print(text)
    if options.json:
        options.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
