"""A newcomer who has visited the site opens it again without a connection (the offline worker, site/offline.py).

Each test uses a fresh phone whose browser runs service workers, on the tests' own town; the tests that replace the
worker (a new build, the kill switch) serve a copy of the site under a sub-path, as a town may publish it.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright
from playwright.sync_api import Error as PlaywrightError

from catalogue.site.offline import REGISTRATION_PATH, WORKER_PATH, kill_switch_worker
from catalogue.build.site_folder import SiteFolder
from catalogue.build.site_output import write_offline_worker
from tests.site.sample_data import LOADED, PUBLISHED, SETTINGS
from tests.towns import BuiltSite

from .browser_setup import PHONE, launch_options
from .axe_check import axe_violations, describe_violations
from .catalogue_view import CatalogueView
from .conftest import ACTION_TIMEOUT_MS, AXE_SCRIPT
from .site_pages import SAMPLE_OFFER, language_path
from .static_server import SiteServer

OTHER_OFFER = next(offer.id for offer in PUBLISHED if offer.id != SAMPLE_OFFER)
"""An offer the reader never opens."""
SUB_PATH = "stadt/bildung/"
_SAVED_URLS = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith('catalogue-offline '));
  const urls = [];
  for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
  return {names, urls};
}"""
_READY = "() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)"


@pytest.fixture
def offline_context(chromium: Browser) -> Iterator[BrowserContext]:
    """A phone whose browser runs the site's worker and keeps what it saves."""
    context = chromium.new_context(**PHONE, service_workers="allow")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def wait_until(page: Page, script: str, arg: object = None) -> None:
    """Until the page's (asynchronous) function answers true; Playwright's wait_for_function takes a promise as true."""
    deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still not true after {ACTION_TIMEOUT_MS} ms: {script}"
        page.wait_for_timeout(50)


def wait_for_worker(page: Page) -> None:
    """Until the worker has saved what it saves on install and controls the page."""
    wait_until(page, _READY)


def saved(page: Page) -> dict[str, list[str]]:
    return page.evaluate(_SAVED_URLS)


def heading(page: Page) -> str:
    return page.locator("h1").first.inner_text().strip()


def header_colour(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


def label(language: str, key: str) -> str:
    return LOADED.labels[language][key]


@pytest.mark.parametrize("language", ["ar", "de"])
def test_visited_pages_open_without_a_connection(offline_context: BrowserContext, site_server: SiteServer, language: str) -> None:
    requests: list[str] = []
    offline_context.on("request", lambda request: requests.append(request.url))
    page = offline_context.new_page()
    home, offer = site_server.url(language_path(language)), site_server.url(language_path(language, f"offers/{SAMPLE_OFFER}/"))
    page.goto(home)
    wait_for_worker(page)
    online = {"home": heading(page), "colour": header_colour(page)}
    page.goto(offer)
    online["offer"] = heading(page)

    offline_context.set_offline(True)
    page.reload()
    assert heading(page) == online["offer"]
    assert header_colour(page) == online["colour"], "the offer page shows without the site's styles"
    page.goto(home)
    assert heading(page) == online["home"]
    assert page.evaluate("document.body.dir") == ("rtl" if language == "ar" else "ltr")
    assert requests and all(url.startswith(site_server.origin + "/") for url in requests), "a request left the site"


@pytest.mark.parametrize("language", ["de", "ar", "ti"])
def test_a_page_never_visited_shows_the_offline_page_in_the_readers_language(
    offline_context: BrowserContext, site_server: SiteServer, screenshot_dir: Path, language: str,
) -> None:
    page = offline_context.new_page()
    page.goto(site_server.url(language_path(language)))
    wait_for_worker(page)
    visited = site_server.url(language_path(language, f"offers/{SAMPLE_OFFER}/"))
    page.goto(visited)
    visited_title = heading(page)
    marked = page.locator("h1 [lang]").evaluate_all("elements => elements.map((element) => element.lang)")
    colour = header_colour(page)

    offline_context.set_offline(True)
    never = site_server.url(language_path(language, f"offers/{OTHER_OFFER}/"))
    page.goto(never)
    assert page.url == never, "the address of the page asked for must stay, so that it opens once online"
    assert heading(page) == label(language, "offline.title")
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.body.dir") == ("rtl" if language == "ar" else "ltr")
    assert header_colour(page) == colour, "the offline page shows without the site's styles"
    saved_list = page.locator("#cat-offline-pages a")
    saved_list.first.wait_for()
    assert visited_title in [text.strip() for text in saved_list.all_inner_texts()]
    listed = saved_list.filter(has_text=visited_title).first
    assert listed.locator("[lang]").evaluate_all("elements => elements.map((element) => element.lang)") == marked, (
        "a title shown in another language must stay marked as such in the list")
    assert page.locator("#cat-offline-retry").get_attribute("href") == never
    page.screenshot(path=str(screenshot_dir / f"phone-{language}-offline.png"), scale="css")
    violations = axe_violations(page, AXE_SCRIPT)
    assert not violations, describe_violations(violations)

    listed.click()
    page.wait_for_url(visited)
    assert heading(page) == visited_title


@pytest.mark.parametrize("language", ["ar", "de"])
def test_search_works_offline_for_a_language_whose_index_was_saved(offline_context: BrowserContext, site_server: SiteServer, language: str) -> None:
    page = offline_context.new_page()
    catalogue = site_server.url(language_path(language, "catalogue/"))
    page.goto(catalogue)
    wait_for_worker(page)
    online = CatalogueView(page).settled().search("deutsch").visible_offer_ids()
    assert online

    offline_context.set_offline(True)
    answered: list[tuple[str, int, bool]] = []
    page.on("response", lambda response: answered.append((response.url, response.status, response.from_service_worker)))
    page.reload()
    assert CatalogueView(page).settled().search("deutsch").visible_offer_ids() == online
    index = [entry for entry in answered if "/search/" in entry[0]]
    assert index and all(status == 200 and from_worker for _, status, from_worker in index), index


@pytest.mark.parametrize("language", ["fa", "de"])
def test_a_search_offline_says_so_in_the_readers_language_where_it_needs_a_file_never_saved(
    offline_context: BrowserContext, site_server: SiteServer, language: str,
) -> None:
    page = offline_context.new_page()
    page.goto(site_server.url(language_path(language, "catalogue/")))
    wait_for_worker(page)
    searched, never = {"fa": ("آلمانی", "مدرسه"), "de": ("deutsch", "schule")}[language]
    view = CatalogueView(page).settled().search(searched)
    assert view.visible_offer_ids()
    notice = page.locator("#cat-search-offline")
    assert notice.is_hidden(), "online, every file a search needs arrives"

    offline_context.set_offline(True)
    page.reload()
    CatalogueView(page).settled().search(never)  # a word whose part of the index was never fetched
    notice.wait_for(state="visible")
    assert notice.inner_text().strip() == label(language, "search.offline")
    view = CatalogueView(page).search(searched)  # its part was saved: found as online, no notice
    notice.wait_for(state="hidden")
    assert view.visible_offer_ids()


@pytest.mark.parametrize(("line", "fast"), [("2G", False), ("3G", False), ("4G", True)])
def test_a_slow_line_saves_only_the_frame_and_the_pages_read(playwright_driver: Playwright, site_server: SiteServer, line: str, fast: bool) -> None:
    options = launch_options()
    options["args"] = [*options["args"], f"--force-effective-connection-type={line}"]
    browser = playwright_driver.chromium.launch(**options)
    try:
        context = browser.new_context(**PHONE, service_workers="allow")
        page = context.new_page()
        offer = site_server.url(language_path("ar", f"offers/{SAMPLE_OFFER}/"))
        page.goto(offer)
        wait_for_worker(page)
        urls = set(saved(page)["urls"])
        assert {offer, site_server.url(language_path("ar", "offline/")), site_server.url(REGISTRATION_PATH)} <= urls
        essentials = {site_server.url(path) for path in (language_path("ar", "catalogue/"), "search/ar/index.json", "assets/catalogue/catalogue.js")}
        assert (essentials <= urls) if fast else not (essentials & urls), f"on {line}: {sorted(urls)}"
    finally:
        browser.close()


@pytest.fixture
def served_copy(built_site: BuiltSite, tmp_path: Path) -> Iterator[tuple[SiteServer, Path]]:
    """A copy of the site served under a sub-path (http://127.0.0.1:<port>/stadt/bildung/), for a test to change."""
    root = tmp_path / "served"
    copy = root / SUB_PATH
    shutil.copytree(built_site.root, copy, ignore=shutil.ignore_patterns("admin", "data"))
    with SiteServer(root) as server:
        yield server, copy


def test_a_new_build_replaces_the_saved_copy(offline_context: BrowserContext, served_copy: tuple[SiteServer, Path]) -> None:
    server, copy = served_copy
    page = offline_context.new_page()
    page.goto(server.url(SUB_PATH + "ar/"))
    wait_for_worker(page)
    assert page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.scope)") == server.url(SUB_PATH)
    home = heading(page)
    before = saved(page)["names"]
    assert len(before) == 1

    stylesheet = copy / "assets/catalogue/catalogue.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.cat-next-build { color: inherit; }\n", encoding="utf-8")
    write_offline_worker(SETTINGS, SiteFolder(copy))
    page.reload()
    wait_until(page, "(old) => caches.keys().then((names) => { const own = names.filter((name) => name.startsWith('catalogue-offline '));"
                     " return own.length === 1 && own[0] !== old; })", before[0])
    wait_for_worker(page)
    offline_context.set_offline(True)
    page.reload()
    assert heading(page) == home
    served_css = page.evaluate(f"fetch({server.url(SUB_PATH + 'assets/catalogue/catalogue.css')!r}).then((response) => response.text())")
    assert ".cat-next-build" in served_css, "offline, the stylesheet comes from the old build"


def test_the_kill_switch_removes_the_worker_and_what_it_saved(offline_context: BrowserContext, served_copy: tuple[SiteServer, Path]) -> None:
    server, copy = served_copy
    page = offline_context.new_page()
    page.goto(server.url(SUB_PATH + "ar/"))
    wait_for_worker(page)
    assert saved(page)["urls"]

    (copy / WORKER_PATH).write_text(kill_switch_worker(), encoding="utf-8")
    page.reload()
    wait_until(page, "() => navigator.serviceWorker.getRegistrations().then((all) => all.length === 0)")
    assert saved(page) == {"names": [], "urls": []}

    offline_context.set_offline(True)
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(server.url(SUB_PATH + "ar/offers/" + SAMPLE_OFFER + "/"))


def test_the_worker_never_answers_for_or_saves_the_editor(offline_context: BrowserContext, site_server: SiteServer) -> None:
    """/admin/ holds the editor's sign-in: a copy of it in the worker's cache could be replaced by anything that runs on
    the origin, and an old editor served offline would save with old code. The worker leaves it to the network."""
    page = offline_context.new_page()
    page.goto(site_server.url(language_path("de")))
    wait_for_worker(page)
    answered: list[tuple[str, bool]] = []
    page.on("response", lambda response: answered.append((response.url, response.from_service_worker)))
    page.goto(site_server.url("admin/"))
    page.wait_for_load_state("load")
    editor = [url for url, from_worker in answered if "/admin/" in url and from_worker]
    assert not editor, f"the worker answered for the editor's files: {editor}"
    page.goto(site_server.url(language_path("de")))
    assert not [url for url in saved(page)["urls"] if "/admin/" in url], "the worker saved the editor"

    offline_context.set_offline(True)
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(site_server.url("admin/"))
