"""Reading the site tells no one else: every request stays on the site, and nothing is stored in the browser."""
from __future__ import annotations

import pytest

from .browser_tab import PageVisit, Tab
from .catalogue_view import CatalogueView
from .site_pages import CHECKED_LANGUAGES, VISITED_PAGES, language_path


@pytest.mark.parametrize("visited", VISITED_PAGES, indirect=True, ids=str)
def test_every_request_goes_to_the_site(visited: PageVisit) -> None:
    assert visited.requests, f"{visited.url} made no request at all"
    assert not visited.requests_elsewhere, f"{visited.url} reached other servers: {visited.requests_elsewhere}"


@pytest.mark.parametrize("visited", VISITED_PAGES, indirect=True, ids=str)
def test_no_cookies(visited: PageVisit) -> None:
    assert not visited.cookies, f"{visited.url} set cookies: {visited.cookies}"


@pytest.mark.parametrize("visited", VISITED_PAGES, indirect=True, ids=str)
def test_nothing_in_web_storage(visited: PageVisit) -> None:
    assert visited.web_storage == {"local": [], "session": []}, f"{visited.url} stored {visited.web_storage}"


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
