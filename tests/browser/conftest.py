"""Browser fixtures: the tests' own town (`built_site`, `site_server`, `phone` …) and the town under test
(`town_site`, `town_server`, `town_visited`), each built once and served on 127.0.0.1, and one Chromium for the
whole session.

Set CATALOGUE_TOWN to a town's folder (mkdocs.yml and data/) to check that town's site, or CATALOGUE_TEST_SITE to a
folder holding an already built site.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from tests.towns import REPO, BuiltSite

from .browser_setup import DESKTOP, HOW_TO_GET_CHROMIUM, PHONE, NoChromium, launch_options
from .browser_tab import PageVisit, Tab
from .static_server import SiteServer

SCREENSHOT_DIR = REPO / "test-results" / "screenshots"
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
ACTION_TIMEOUT_MS = 10_000
"""How long a click, tap or wait may take before the test fails, instead of Playwright's 30 s."""
_SESSION_START = time.time()


@pytest.fixture(scope="session")
def built_site(sample_site: BuiltSite) -> BuiltSite:
    """The tests' own town's site, the one the product's browser tests rely on."""
    return sample_site


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[SiteServer]:
    with SiteServer(built_site.root) as server:
        yield server


@pytest.fixture(scope="session")
def town_server(town_site: BuiltSite) -> Iterator[SiteServer]:
    with SiteServer(town_site.root) as server:
        yield server


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    try:
        browser = playwright_driver.chromium.launch(**launch_options())
    except NoChromium as error:
        pytest.fail(str(error), pytrace=False)
    except PlaywrightError as error:
        pytest.fail(f"{HOW_TO_GET_CHROMIUM}\nPlaywright said: {error.message.splitlines()[0]}", pytrace=False)
    yield browser
    browser.close()


@contextmanager
def _tab(chromium: Browser, server: SiteServer, **options: Any) -> Iterator[Tab]:
    context = chromium.new_context(**options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        yield Tab.open_in(context, server)
    finally:
        context.close()


@pytest.fixture
def phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """A 360 x 740 touch phone, fresh for each test."""
    with _tab(chromium, site_server, **PHONE) as tab:
        yield tab


@pytest.fixture
def second_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """Another phone that shares nothing with `phone`: for opening a link someone was sent."""
    with _tab(chromium, site_server, **PHONE) as tab:
        yield tab


@pytest.fixture
def phone_without_script(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    with _tab(chromium, site_server, **PHONE, java_script_enabled=False) as tab:
        yield tab


@pytest.fixture
def desktop(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """A 1280 x 800 desktop browser."""
    with _tab(chromium, site_server, **DESKTOP) as tab:
        yield tab


@pytest.fixture(scope="session")
def visiting_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """One phone tab that visits page after page, forgetting cookies and storage in between."""
    with _tab(chromium, site_server, **PHONE) as tab:
        yield tab


@pytest.fixture(scope="session")
def visited(request: pytest.FixtureRequest, visiting_phone: Tab) -> PageVisit:
    """The page named by the test's (indirect) parameter, loaded once per session on a phone."""
    return PageVisit.record(request.param, visiting_phone)


@pytest.fixture(scope="session")
def town_visiting_phone(chromium: Browser, town_server: SiteServer) -> Iterator[Tab]:
    """One phone tab on the town's site that visits page after page, forgetting cookies and storage in between."""
    with _tab(chromium, town_server, **PHONE) as tab:
        yield tab


@pytest.fixture(scope="session")
def town_visited(request: pytest.FixtureRequest, town_visiting_phone: Tab) -> PageVisit:
    """The town's page named by the test's (indirect) parameter (a town_pages.TownPage), loaded once per session."""
    return PageVisit.record(request.param, town_visiting_phone)


@pytest.fixture(scope="session")
def offer_count(built_site: BuiltSite) -> int:
    """How many offers the site publishes: one per offer in its open data (an ended offer keeps a page, not a card)."""
    return len(json.loads((built_site.root / "data" / "offers.json").read_text(encoding="utf-8"))["offers"])


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    taken = sorted(path for path in SCREENSHOT_DIR.glob("*.png") if path.stat().st_mtime >= _SESSION_START) if SCREENSHOT_DIR.is_dir() else []
    if taken:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(taken)} full-page phone screenshots in {SCREENSHOT_DIR}")
