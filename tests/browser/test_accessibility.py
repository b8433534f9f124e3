"""axe-core (WCAG 2.1 A and AA, EN 301 549) finds nothing on any kind of the town's pages, in every language it
configures: a town check, run on whatever data the town holds."""
from __future__ import annotations

import pytest

from .axe_check import axe_violations, describe_violations
from .browser_tab import PageVisit
from .conftest import AXE_SCRIPT
from .town_pages import TOWN_PAGES


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_no_accessibility_violations(town_visited: PageVisit) -> None:
    violations = axe_violations(town_visited.tab.page, AXE_SCRIPT)
    assert not violations, f"{town_visited.site_page.path}:\n{describe_violations(violations)}"
