"""The town's checks that need a browser (`catalogue verify`): each kind of page in each language, served on
127.0.0.1 and opened in Chromium at phone size, asks nothing of another server and has no accessibility violation
that axe-core (WCAG 2.1 A and AA, EN 301 549) finds.

Needs the package's `verify` extra (Playwright) and a Chromium: $CHROMIUM, else /usr/bin/chromium, else
Playwright's own (`python -m playwright install --with-deps chromium`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from catalogue.data.package_files import VENDOR_DIR
from catalogue.data.settings import Settings
from catalogue.publication.visibility import Publication

AXE_SCRIPT = VENDOR_DIR / "axe.min.js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "EN-301-549")
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PHONE: Mapping[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
HOW_TO_GET_CHROMIUM = (
    "The town checks need Chromium: install the package 'chromium' (Debian, Ubuntu: apt-get install chromium), "
    "or run `.venv/bin/python -m playwright install --with-deps chromium`, or set CHROMIUM=/path/to/chromium."
)
_RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(
    v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))"""


class BrowserUnavailable(RuntimeError):
    """Playwright or Chromium is missing; the message says how to get them."""


@dataclass(frozen=True)
class PageKind:
    kind: str
    path: str
    """Below a language's folder, e.g. 'catalogue/' or 'offers/<id>/'."""


def page_kinds(publication: Publication, docs_dir: Path | None) -> list[PageKind]:
    """One page of each kind the town's site has, found in its own data: home, catalogue, an offer, its provider,
    a stage of life, the news, a news item, the hand-written pages, the open data and the 404 page."""
    kinds = [
        PageKind("home", ""),
        PageKind("catalogue", "catalogue/"),
        PageKind("actors", "actors/"),
        PageKind("news", "news/"),
    ]
    offers = sorted(publication.offers, key=lambda offer: offer.id)
    if offers:
        kinds += [PageKind("offer", f"offers/{offers[0].id}/"), PageKind("actor", f"actors/{offers[0].actor}/")]
        used = {category for offer in offers for category in offer.categories}
        category = next((term.id for term in publication.catalogue.taxonomy.categories if term.id in used), None)
        if category:
            kinds.append(PageKind("category", f"catalogue/{category}/"))
    if publication.catalogue.news:
        kinds.append(PageKind("news-item", f"news/{publication.catalogue.news[0].id}/"))
    if docs_dir is not None and docs_dir.is_dir():
        kinds += [
            PageKind(page.stem, f"{page.stem}/")
            for page in sorted(docs_dir.glob("*.md"))
            if page.stem != "index" and "." not in page.stem
        ]
    return [*kinds, PageKind("open-data", "open-data/"), PageKind("not-found", "diese-seite-gibt-es-nicht/")]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _launch_options() -> dict[str, Any]:
    options: dict[str, Any] = {"headless": True, "args": list(LAUNCH_ARGS)}
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            raise BrowserUnavailable(f"CHROMIUM={chosen} is not a file. {HOW_TO_GET_CHROMIUM}")
        options["executable_path"] = chosen
    elif SYSTEM_CHROMIUM.is_file():
        options["executable_path"] = str(SYSTEM_CHROMIUM)
    return options


def browser_problems(settings: Settings, site: Path, kinds: Sequence[PageKind]) -> Iterator[str]:
    """For each language and kind of page: every request to another origin and every axe violation, one line each.

    Raises BrowserUnavailable when Playwright, Chromium or the package's axe-core is missing."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserUnavailable(
            "The town checks need Playwright: install the product with its extra, bildungskatalog[verify]"
        ) from error
    if not AXE_SCRIPT.is_file():
        raise BrowserUnavailable(
            f"{AXE_SCRIPT} is missing: the package was built without its browser files (make vendor)"
        )
    axe = AXE_SCRIPT.read_text(encoding="utf-8")
    server, root = _serve(site)
    try:
        with sync_playwright() as driver:
            try:
                browser = driver.chromium.launch(**_launch_options())
            except PlaywrightError as error:
                raise BrowserUnavailable(f"{HOW_TO_GET_CHROMIUM} ({str(error).splitlines()[0]})") from error
            try:
                for language in settings.language_codes:
                    for kind in kinds:
                        yield from _page_problems(
                            browser, root, settings.url_prefix(language) + kind.path, f"{language}:{kind.kind}", axe
                        )
            finally:
                browser.close()
    finally:
        server.shutdown()


def _page_problems(browser: Any, root: str, path: str, name: str, axe: str) -> Iterator[str]:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    own = urlsplit(root).netloc
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlsplit(request.url).netloc not in ("", own) and not request.url.startswith("data:")
            else None
        ),
    )
    try:
        page.goto(root + path, wait_until="load")
        for url in elsewhere:
            yield f"{name} ({path or '/'}): asks another server for {url}"
        # Evaluated through the DevTools protocol: a <script> added to the page would break its Content Security Policy.
        page.evaluate("source => (0, eval)(source)", axe)
        for violation in page.evaluate(_RUN_AXE, list(AXE_TAGS)):
            yield f"{name} ({path or '/'}): {violation}"
    finally:
        context.close()
