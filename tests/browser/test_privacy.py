"""Reading the site tells no one else: every request stays on the site, and nothing is stored in the browser."""
from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .browser_setup import PHONE
from .browser_tab import PageVisit, Tab
from .catalogue_view import CatalogueView
from .conftest import ACTION_TIMEOUT_MS
from .site_pages import CHECKED_LANGUAGES, language_path
from .static_server import SiteServer
from .town_pages import TOWN_PAGES


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_every_request_goes_to_the_site(town_visited: PageVisit) -> None:
    assert town_visited.requests, f"{town_visited.url} made no request at all"
    assert not town_visited.requests_elsewhere, f"{town_visited.url} reached other servers: {town_visited.requests_elsewhere}"


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_no_cookies(town_visited: PageVisit) -> None:
    assert not town_visited.cookies, f"{town_visited.url} set cookies: {town_visited.cookies}"


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_nothing_in_web_storage(town_visited: PageVisit) -> None:
    assert town_visited.web_storage == {"local": [], "session": []}, f"{town_visited.url} stored {town_visited.web_storage}"


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_searching_fetches_only_this_languages_index_from_the_site(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    index_folder = phone.server.url(f"search/{language}/")
    assert not [url for url in phone.watch.requests if "/search/" in url], "the search index loads before anyone searches"

    CatalogueView(phone.page).settled().search("deutsch")
    phone.settle()

    index_requests = [url for url in phone.watch.requests if "/search/" in url]
    assert index_requests and all(url.startswith(index_folder) for url in index_requests), index_requests
    assert len(index_requests) == len(set(index_requests)), f"searching fetched a file twice: {index_requests}"
    assert index_folder + "index.json" in index_requests
    assert not phone.requests_elsewhere(), f"searching reached other servers: {phone.requests_elsewhere()}"
    assert not phone.context.cookies(), f"searching set cookies: {phone.context.cookies()}"
    assert phone.web_storage_keys() == {"local": [], "session": []}, f"searching stored {phone.web_storage_keys()}"


def test_the_offline_worker_asks_only_the_site(chromium: Browser, site_server: SiteServer) -> None:
    """What the offline worker fetches by itself (the shell, the language's essentials) stays on the site too."""
    context = chromium.new_context(**PHONE, service_workers="allow")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    requests: list[tuple[str, bool]] = []
    context.on("request", lambda request: requests.append((request.url, request.service_worker is not None)))
    try:
        page = context.new_page()
        page.goto(site_server.url(language_path("ar")))
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.goto(site_server.url(language_path("ar", "catalogue/")))
        CatalogueView(page).settled().search("deutsch")
    finally:
        context.close()
    from_worker = [url for url, by_worker in requests if by_worker]
    assert from_worker, "the offline worker fetched nothing: is it registered?"
    assert all(url.startswith(site_server.origin + "/") for url, _ in requests), [url for url, _ in requests if not url.startswith(site_server.origin + "/")]
