"""axe-core (WCAG 2.1 A and AA, EN 301 549) finds nothing on any kind of the town's pages: in the light scheme in
every language the town configures, in the dark one (prefers-color-scheme: dark) in the default language and the
first right-to-left one, since colours do not change with the language. A town check, run on whatever data the town
holds."""
from __future__ import annotations

import pytest

from catalogue.language.reader_language import direction_of

from .axe_check import axe_violations, describe_violations
from .browser_tab import PageVisit
from .conftest import AXE_SCRIPT
from .town_pages import SETTINGS, TOWN_PAGES

_DARK_LANGUAGES = {SETTINGS.default_language, *[code for code in SETTINGS.language_codes if direction_of(code) == "rtl"][:1]}
CHECKS = [(page, "light") for page in TOWN_PAGES] + [(page, "dark") for page in TOWN_PAGES if page.language in _DARK_LANGUAGES]


@pytest.mark.parametrize(
    ("town_visited", "scheme"), CHECKS, indirect=["town_visited"], ids=[f"{page}:{scheme}" for page, scheme in CHECKS]
)
def test_no_accessibility_violations(town_visited: PageVisit, scheme: str) -> None:
    page = town_visited.tab.page
    page.emulate_media(color_scheme=scheme)
    try:
        assert page.evaluate("scheme => matchMedia(`(prefers-color-scheme: ${scheme})`).matches", scheme)
        violations = axe_violations(page, AXE_SCRIPT)
    finally:
        page.emulate_media(color_scheme="light")
    assert not violations, f"{town_visited.site_page.path} ({scheme}):\n{describe_violations(violations)}"
