"""Site builds shared by the page checks and the browser tests, each made once per test session.

`sample_site` (and `built_site` for the browser) is the tests' own town, tests/fixtures/town/: the product tests
rely on what it holds. `town_site` is the town under test (the repository's own mkdocs.yml and data/, or the folder
named by $CATALOGUE_TOWN, or an already built site named by $CATALOGUE_TEST_SITE): the town checks run on it.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.towns import FIXTURE_DATA, FIXTURE_TOWN, BuiltSite, build_site, town_under_test


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("fixture-town"), FIXTURE_TOWN)


@pytest.fixture(scope="session")
def sample_site_again(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("fixture-town-again"), FIXTURE_TOWN)


@pytest.fixture(scope="session")
def larger_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture town plus 150 more offers of one actor, to show that other pages do not grow with them."""
    work_dir = tmp_path_factory.mktemp("larger")
    data_dir = work_dir / "data"
    shutil.copytree(FIXTURE_DATA, data_dir)
    template = (FIXTURE_DATA / "offers/vhs-teststadt/integrationskurs-abend.yml").read_text(encoding="utf-8")
    for number in range(150):
        copy_id = f"zusatzkurs-{number:03d}"
        (data_dir / "offers/vhs-teststadt" / f"{copy_id}.yml").write_text(
            template.replace("id: integrationskurs-abend", f"id: {copy_id}"), encoding="utf-8"
        )
    return build_site(work_dir, FIXTURE_TOWN, data_dir)


@pytest.fixture(scope="session")
def town_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    given = os.environ.get("CATALOGUE_TEST_SITE")
    if given:
        root = Path(given).resolve()
        assert (root / "index.html").is_file(), f"CATALOGUE_TEST_SITE={given} holds no built site (no index.html)"
        return BuiltSite(root, log="")
    return build_site(tmp_path_factory.mktemp("town"), town_under_test(), build_date=date.today().isoformat())


BUILD_FIXTURES = frozenset({"sample_site", "sample_site_again", "larger_site", "town_site", "built_site"})
"""Fixtures that build a whole site with mkdocs."""
TIERS = {"browser": "browser", "town": "town", "site": "build"}
"""tests/<folder>/ -> the tier of every test in it; other tests are `build` when they use a built site, else `unit`."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test gets one tier marker: `unit` (no site build, no browser, no thousand-offer run: `make test-fast`),
    `build` (a site build, or a run marked `scale`), `browser` or `town` (a town from the product's wheel)."""
    tests = Path(__file__).resolve().parent
    for item in items:
        folder = Path(str(item.path)).resolve().relative_to(tests).parts[0]
        builds = BUILD_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("scale") or item.get_closest_marker("build")
        tier = TIERS.get(folder) or ("build" if builds else "unit")
        item.add_marker(tier)
