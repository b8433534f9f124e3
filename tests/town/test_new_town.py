"""A new town made by the installed product alone: `catalogue new-town` in a fresh virtual environment that holds
only the product's wheel and its dependencies writes a repository whose two commands, `make site` and `make test`,
pass; the repository holds no product source, script or stylesheet and no trace of the sample town."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.town.conftest import WHEELHOUSE, offline_environment, product_version

pytestmark = pytest.mark.town

SAMPLE_TRACES = ("Neustadt", "neustadt", "Нойштадт", "نويشتات", "555-0100", "Neustadt-Pass", "sozialpass", "stadt-neustadt")
"""What the sample town writes that no other town may inherit: its name in any script, its phone, its social pass and
its GitHub organisation."""
PRODUCT_SUFFIXES = {".py", ".js", ".css", ".html"}


@pytest.fixture(scope="module")
def creator(tmp_path_factory: pytest.TempPathFactory, product_wheel: Path) -> Path:
    """A fresh virtual environment with the product's wheel installed from local files only."""
    venv = tmp_path_factory.mktemp("creator") / ".venv"
    environment = offline_environment(WHEELHOUSE, product_wheel.parent)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", f"bildungskatalog[verify]=={product_version()}"],
                   check=True, env=environment, capture_output=True, text=True, timeout=600)
    return venv


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory, creator: Path) -> Path:
    folder = tmp_path_factory.mktemp("towns") / "musterstadt"
    created = subprocess.run(
        [str(creator / "bin/catalogue"), "new-town", str(folder), "--name", "Musterstadt", "--languages", "de,ar,ti",
         "--email", "bildung@musterstadt.example.org", "--phone", "+49 30 1234-567",
         "--address", "Rathaus, Markt 1, 12345 Musterstadt", "--coordinator", "bildung-musterstadt", "--yes"],
        cwd=folder.parent, capture_output=True, text=True, timeout=120, env=offline_environment(),
    )
    assert created.returncode == 0, created.stdout + created.stderr
    return folder


def _files(town: Path) -> list[Path]:
    return [path for path in sorted(town.rglob("*")) if path.is_file() and ".git" not in path.relative_to(town).parts]


def test_the_town_is_a_repository_with_one_commit(town: Path) -> None:
    log = subprocess.run(["git", "log", "--format=%s"], cwd=town, capture_output=True, text=True, check=True).stdout.splitlines()
    assert log == ["Catalogue of education offers for newcomers in Musterstadt"]
    assert subprocess.run(["git", "status", "--porcelain"], cwd=town, capture_output=True, text=True).stdout == ""


def test_the_town_holds_no_product_code(town: Path) -> None:
    code = [path.relative_to(town).as_posix() for path in _files(town) if path.suffix in PRODUCT_SUFFIXES]
    assert code == []
    assert not (town / "hooks").exists() and not (town / "overrides").exists()


@pytest.mark.parametrize("trace", SAMPLE_TRACES)
def test_nothing_of_the_sample_town_survives(town: Path, trace: str) -> None:
    found = [path.relative_to(town).as_posix() for path in _files(town) if trace in path.read_text(encoding="utf-8", errors="replace")]
    assert found == []


def test_the_settings_are_the_towns_and_the_legal_texts_wait_for_review(town: Path) -> None:
    config = yaml.safe_load((town / "mkdocs.yml").read_text(encoding="utf-8"))
    catalogue = config["extra"]["catalogue"]
    assert (catalogue["town"], catalogue["office"]["email"], catalogue["legal_date"]) == ("Musterstadt", "bildung@musterstadt.example.org", "")
    assert [entry["locale"] for entry in config["plugins"][1]["i18n"]["languages"]] == ["de", "ar", "ti"]
    assert catalogue["fallbacks"] == {"ti": ["de"]}
    assert catalogue["editor"] == {}
    assert (town / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"bildungskatalog[verify]=={product_version()}"


def test_the_towns_two_commands_pass(town: Path, product_wheel: Path) -> None:
    environment = offline_environment(WHEELHOUSE, product_wheel.parent)
    site = subprocess.run(["make", "site"], cwd=town, env=environment, capture_output=True, text=True, timeout=900)
    assert site.returncode == 0, site.stdout[-3000:] + site.stderr[-3000:]
    assert (town / "site" / "ti" / "index.html").is_file()
    test = subprocess.run(["make", "test"], cwd=town, env=environment, capture_output=True, text=True, timeout=900)
    assert test.returncode == 0, test.stdout[-5000:] + test.stderr[-2000:]
    verdict = [line for line in test.stdout.splitlines() if line.strip() and not line.startswith("make")][-1]
    assert verdict.endswith(" passed, 0 failed"), verdict
