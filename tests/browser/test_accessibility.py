"""axe-core (WCAG 2.1 A/AA and EN 301 549) finds nothing on any kind of page, in German, Arabic and Tigrinya."""
from __future__ import annotations

import pytest

from .axe_check import axe_violations, describe_violations
from .browser_tab import Tab
from .conftest import AXE_SCRIPT
from .site_pages import SitePage, pages

LAYOUT_KINDS = ("home", "catalogue", "offer")


@pytest.mark.parametrize("site_page", pages(), ids=str)
def test_no_accessibility_violations_on_a_phone(phone: Tab, site_page: SitePage) -> None:
    phone.visit(site_page.path, site_page.expected_status)
    violations = axe_violations(phone.page, AXE_SCRIPT)
    assert not violations, f"{site_page.path}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("site_page", pages(LAYOUT_KINDS), ids=str)
def test_no_accessibility_violations_on_a_desktop(desktop: Tab, site_page: SitePage) -> None:
    desktop.visit(site_page.path, site_page.expected_status)
    violations = axe_violations(desktop.page, AXE_SCRIPT)
    assert not violations, f"{site_page.path}:\n{describe_violations(violations)}"
