"""Town checks: whatever data the town holds (the repository's data/, or the town named by $CATALOGUE_TOWN) is valid,
builds, publishes a page for every offer in every configured language, and its pages link only to pages that exist
and load nothing from elsewhere. Offers, actors and languages are found in the town's data, never named."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue.cli import EXIT_VALID, main
from catalogue.checks.loading import load_catalogue
from catalogue.data.problems import format_problem
from catalogue.office.town_checks import TOWN_CHECKS, TownCheck
from catalogue.publication.visibility import publish

from tests.towns import BuiltSite, town_settings, town_under_test

TOWN = town_under_test()
SETTINGS = town_settings(TOWN)
TODAY = date.today()
LOADED = load_catalogue(SETTINGS, today=TODAY)
PUBLICATION = publish(LOADED.catalogue, TODAY) if LOADED.catalogue is not None else None


def test_the_towns_data_has_no_errors() -> None:
    assert LOADED.errors == (), "\n".join(format_problem(problem) for problem in LOADED.errors)
    assert PUBLICATION is not None and PUBLICATION.offers, "the town publishes no offer today"


@pytest.mark.parametrize("check", TOWN_CHECKS, ids=lambda check: check.run.__name__)
def test_the_towns_site_passes_each_town_check(town_site: BuiltSite, check: TownCheck) -> None:
    """The checks a town's own CI runs (`catalogue verify`), here on the town under test."""
    assert PUBLICATION is not None
    wrong = check.run(SETTINGS, PUBLICATION, town_site.root)
    assert not wrong, f"{check.name}\n{len(wrong)} wrong, the first: " + "\n".join(wrong[:20])


def test_codeowners_file_is_up_to_date_with_the_actors_maintainers() -> None:
    if not (TOWN / ".github" / "CODEOWNERS").is_file():
        pytest.skip(f"{TOWN} keeps no .github/CODEOWNERS")
    out = io.StringIO()
    assert main(["codeowners", "--check", "--config", str(TOWN / "mkdocs.yml")], stdout=out) == EXIT_VALID, out.getvalue()


def _content_pages() -> list[Path]:
    docs = TOWN / "content" if (TOWN / "content").is_dir() else Path(__file__).resolve().parents[2] / "content"
    return sorted(docs.glob("*.md"))


@pytest.mark.parametrize("page", _content_pages(), ids=lambda page: page.name)
def test_content_pages_front_matter_reads_as_text(page: Path) -> None:
    """A title starting with {{ town }} must be in quotes, or YAML reads it as a mapping and the page loses it."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return
    front = yaml.safe_load(text.split("---\n", 2)[1]) or {}
    assert all(isinstance(front.get(key, ""), str) for key in ("title", "description")), (
        f"{page.name}: put the title and description in quotes"
    )
