"""axe-core (WCAG 2.1 A and AA, EN 301 549) finds nothing on any kind of page, in German, Arabic and Tigrinya."""
from __future__ import annotations

import pytest

from .axe_check import axe_violations, describe_violations
from .browser_tab import PageVisit
from .conftest import AXE_SCRIPT
from .site_pages import pages


@pytest.mark.parametrize("visited", pages(), indirect=True, ids=str)
def test_no_accessibility_violations(visited: PageVisit) -> None:
    violations = axe_violations(visited.tab.page, AXE_SCRIPT)
    assert not violations, f"{visited.site_page.path}:\n{describe_violations(violations)}"
