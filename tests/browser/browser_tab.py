"""One browser tab on the served site, with a record of what it requested and logged."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

from .page_watch import PageWatch
from .site_pages import SitePage
from .town_pages import TownPage
from .static_server import SiteServer

_WEB_STORAGE = "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
_LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
"""URL schemes that reach no server."""


@dataclass
class Tab:
    context: BrowserContext
    page: Page
    watch: PageWatch
    server: SiteServer

    @classmethod
    def open_in(cls, context: BrowserContext, server: SiteServer) -> Tab:
        page = context.new_page()
        return cls(context, page, PageWatch.attach(page), server)

    def visit(self, path: str, expected_status: int = 200) -> None:
        """Load a page of the site, wait until its requests are done, and check the HTTP status of the document."""
        response = self.page.goto(self.server.url(path), wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == expected_status, f"{path} answered HTTP {response.status}, expected {expected_status}"
        self.watch.settle(self.page)

    def settle(self) -> None:
        self.watch.settle(self.page)

    def forget(self) -> None:
        """Leave nothing of the pages seen so far: no cookies, no web storage, no recorded requests or errors."""
        self.context.clear_cookies()
        if self.page.url.startswith(self.server.origin + "/"):
            self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.watch.forget()

    def requests_elsewhere(self) -> list[str]:
        """Requests that went to any server but the site's own."""
        return [
            url for url in self.watch.requests
            if urlsplit(url).scheme not in _LOCAL_SCHEMES and not url.startswith(self.server.origin + "/")
        ]

    def web_storage_keys(self) -> dict[str, list[str]]:
        return self.page.evaluate(_WEB_STORAGE)


@dataclass(frozen=True)
class PageVisit:
    """A page just loaded in a phone browser that had forgotten every earlier page, and what it held once settled."""

    site_page: SitePage | TownPage
    tab: Tab
    url: str
    requests: tuple[str, ...]
    requests_elsewhere: tuple[str, ...]
    failures: tuple[str, ...]
    console_errors: tuple[str, ...]
    csp_violations: tuple[str, ...]
    cookies: tuple[dict[str, Any], ...]
    web_storage: dict[str, list[str]]

    @classmethod
    def record(cls, site_page: SitePage | TownPage, tab: Tab) -> PageVisit:
        tab.forget()
        tab.visit(site_page.path, site_page.expected_status)
        url = tab.server.url(site_page.path)
        return cls(
            site_page=site_page,
            tab=tab,
            url=url,
            requests=tuple(tab.watch.requests),
            requests_elsewhere=tuple(tab.requests_elsewhere()),
            failures=tuple(failure for failure in tab.watch.failures if not cls._is_expected_miss(site_page, url, failure)),
            console_errors=tuple(error for error in tab.watch.console_errors if not cls._is_expected_miss(site_page, url, error)),
            csp_violations=tuple(tab.watch.csp_violations),
            cookies=tuple(dict(cookie) for cookie in tab.context.cookies()),
            web_storage=tab.web_storage_keys(),
        )

    @staticmethod
    def _is_expected_miss(site_page: SitePage | TownPage, url: str, message: str) -> bool:
        """The 404 page's own document answers 404 on purpose; the browser reports that like any failed request."""
        return site_page.expected_status == 404 and url in message and "404" in message
