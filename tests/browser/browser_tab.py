"""One browser tab on the served site, with a record of what it requested and logged."""
from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import BrowserContext, Page

from .page_watch import PageWatch
from .static_server import SiteServer


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
