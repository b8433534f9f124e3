"""`catalogue build`: a build that fails or is interrupted leaves the previous site as it was, and a second build of
the same site while one runs is refused with a sentence, not a crash in the middle of the first one's files."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from catalogue.build.site_build import BuildRefused, build_lock, build_site
from catalogue.cli import EXIT_INVALID, EXIT_USAGE, main
from catalogue.office.new_town import NewTown, write_new_town


@pytest.fixture
def town(tmp_path: Path) -> Path:
    root = tmp_path / "musterstadt"
    write_new_town(root, NewTown(name="Musterstadt", languages=("de",)), product_version="0")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>yesterday's site</p>", encoding="utf-8")
    return root


def test_a_failed_build_keeps_the_previous_site(town: Path) -> None:
    (town / "data/taxonomy.yml").write_text("districts: not a list\n", encoding="utf-8")
    result = build_site(town / "mkdocs.yml", town / "site")
    assert result.returncode != 0
    assert (town / "site/index.html").read_text(encoding="utf-8") == "<p>yesterday's site</p>"
    assert sorted(path.name for path in town.iterdir() if path.name.startswith("site")) == ["site"]


def test_the_command_says_the_site_is_as_it_was(town: Path) -> None:
    (town / "data/taxonomy.yml").write_text("districts: not a list\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["build", "--config", str(town / "mkdocs.yml")], stdout=out, stderr=out) == EXIT_INVALID
    assert out.getvalue().strip().splitlines()[-1] == f"The build failed; {town / 'site'} is as it was before."


def test_a_second_build_of_the_same_site_is_refused_while_one_runs(town: Path) -> None:
    with build_lock(town / "site"):
        with pytest.raises(BuildRefused, match="another build of this site is running"):
            build_site(town / "mkdocs.yml", town / "site")
        out = io.StringIO()
        assert main(["build", "--config", str(town / "mkdocs.yml")], stdout=out, stderr=out) == EXIT_USAGE
        assert "another build of this site is running" in out.getvalue()
    assert (town / "site/index.html").read_text(encoding="utf-8") == "<p>yesterday's site</p>"
