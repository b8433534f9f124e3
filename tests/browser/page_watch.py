"""What a page did while it was open: its requests, the ones that failed, the errors on its console and every
Content Security Policy violation the browser reported (the securitypolicyviolation event, CSP Level 3)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Error, Page, Request, Response

QUIET_SECONDS = 0.1
"""How long no request may be in flight before a page counts as settled."""
SETTLE_TIMEOUT_SECONDS = 10.0
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__catalogueCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


@dataclass
class PageWatch:
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    _in_flight: set[Request] = field(default_factory=set)

    @classmethod
    def attach(cls, page: Page) -> PageWatch:
        watch = cls()
        page.on("request", watch._on_request)
        page.on("requestfinished", watch._on_request_finished)
        page.on("requestfailed", watch._on_request_failed)
        page.on("response", watch._on_response)
        page.on("console", watch._on_console)
        page.on("pageerror", watch._on_page_error)
        page.expose_function("__catalogueCspViolation", watch._on_csp_violation)
        page.add_init_script(_REPORT_VIOLATIONS)
        return watch

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        self._in_flight.add(request)

    def _on_request_finished(self, request: Request) -> None:
        self._in_flight.discard(request)

    def _on_request_failed(self, request: Request) -> None:
        self._in_flight.discard(request)
        self.failures.append(f"{request.method} {request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.request.method} {response.url}: HTTP {response.status}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location
            self.console_errors.append(f"{message.text} ({where.get('url')}:{where.get('lineNumber')})")

    def _on_csp_violation(self, report: str) -> None:
        self.csp_violations.append(report)

    def _on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught {error.name}: {error.message}")

    def forget(self) -> None:
        """Start a new record, for the next page loaded in the same tab."""
        self.requests.clear()
        self.failures.clear()
        self.console_errors.clear()
        self.csp_violations.clear()

    def settle(self, page: Page) -> None:
        """Wait until no request has been in flight for QUIET_SECONDS (scripts that fetch after load included)."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            page.wait_for_timeout(25)
            if self._in_flight:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET_SECONDS:
                return
        raise AssertionError(f"requests still in flight after {SETTLE_TIMEOUT_SECONDS} s: {sorted(r.url for r in self._in_flight)}")
