"""`make new-town` turns a copy of the repository into a clean start: run on a temporary copy as "Musterstadt", the
copy passes `catalogue check`, builds, and no page in any language names the sample town, in any script."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SAMPLE_TOWN_NAMES = ("Neustadt", "neustadt", "نويشتات", "نویشتات", "Нойштадт", "ኖይሽታት")
"""The sample town's name as the sample writes it in Latin, Arabic, Persian, Cyrillic and Ge'ez script."""
NOT_COPIED_AT_THE_TOP = {".git", ".venv", "node_modules", "site", "test-results", ".pytest_cache", "tests"}


def _not_copied(folder: str, names: list[str]) -> set[str]:
    return {name for name in names if name == "__pycache__" or (Path(folder) == REPO and name in NOT_COPIED_AT_THE_TOP)}


def _run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(cwd / "hooks"), "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def new_town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fork = tmp_path_factory.mktemp("fork") / "repository"
    shutil.copytree(REPO, fork, ignore=_not_copied)
    (fork / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)  # as `npm ci` leaves a fork
    made = _run([
        "-m", "catalogue", "new-town", "--yes", "--name", "Musterstadt", "--name-in", "ar=موسترشتات",
        "--address", "Rathaus, Markt 1, 11111 Musterstadt", "--phone", "+49 30 1234-567",
        "--email", "bildung@musterstadt.example.org", "--coordinator", "bildung-musterstadt",
    ], fork)
    assert made.returncode == 0, made.stdout + made.stderr
    return fork


def test_the_sample_records_are_gone_and_one_example_of_each_kind_stays(new_town: Path) -> None:
    data = new_town / "data"
    assert not list(data.glob("actors/*.yml")) and not list(data.glob("offers/**/*.yml")) and not list(data.glob("news/*.yml"))
    examples = sorted(path.relative_to(data).as_posix() for path in data.rglob("*.example"))
    assert examples == ["actors/example-actor.yml.example", "news/example-news.yml.example", "offers/example-offer.yml.example"]
    offer = yaml.safe_load((data / "offers/example-offer.yml.example").read_text(encoding="utf-8"))
    assert offer["id"] and set(offer["title"]) == {"de"}


def test_the_settings_name_the_new_town(new_town: Path) -> None:
    config = yaml.safe_load((new_town / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    catalogue = config["extra"]["catalogue"]
    assert catalogue["town"] == {"de": "Musterstadt", "ar": "موسترشتات"}
    assert catalogue["office"]["email"] == "bildung@musterstadt.example.org"
    assert catalogue["coordinators"] == ["bildung-musterstadt"]
    assert "geocoding" not in catalogue, "the sample's official key would file the new town's open data under another municipality"
    assert config["site_url"] == "https://bildung.musterstadt.example.org/"
    assert "* @bildung-musterstadt" in (new_town / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_the_new_town_passes_check_builds_and_names_no_other_town(new_town: Path) -> None:
    checked = _run(["-m", "catalogue", "check"], new_town)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = _run(["-m", "mkdocs", "build", "--quiet", "--clean"], new_town)
    assert built.returncode == 0, built.stderr[-3000:]
    assert "is not a setting" not in built.stderr, built.stderr
    pages = sorted((new_town / "site").rglob("*.html"))
    assert len(pages) > 20
    naming = {str(page.relative_to(new_town / "site")): name for page in pages for name in SAMPLE_TOWN_NAMES if name in page.read_text(encoding="utf-8")}
    assert not naming, naming
    assert "موسترشتات" in (new_town / "site/ar/about/index.html").read_text(encoding="utf-8")
    assert "Musterstadt" in (new_town / "site/impressum/index.html").read_text(encoding="utf-8")
