"""The page checks' names for the shared builds (tests/conftest.py) and the tests' own town."""
from __future__ import annotations

from tests.towns import BUILD_DATE, FIXTURE_TOWN, REPO, BuiltSite, build_site, town_settings

LANGUAGES = list(town_settings(FIXTURE_TOWN).language_codes)
"""The fixture town's languages."""

__all__ = ["BUILD_DATE", "LANGUAGES", "REPO", "BuiltSite", "build_site"]
