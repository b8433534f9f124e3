"""Pages load without an error on the console and without a request that fails."""
from __future__ import annotations

import pytest

from .browser_tab import PageVisit
from .site_pages import VISITED_PAGES


@pytest.mark.parametrize("visited", VISITED_PAGES, indirect=True, ids=str)
def test_no_console_errors(visited: PageVisit) -> None:
    assert not visited.console_errors, f"{visited.url} logged:\n" + "\n".join(visited.console_errors)


@pytest.mark.parametrize("visited", VISITED_PAGES, indirect=True, ids=str)
def test_no_failed_requests(visited: PageVisit) -> None:
    assert not visited.failures, f"{visited.url}:\n" + "\n".join(visited.failures)
