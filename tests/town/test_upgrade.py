"""A town made with the previous release of the product takes the current one by changing its pin and running
`make upgrade`: no merge, so no conflict; only the files CHANGELOG.md names for the versions in between change;
the town's texts, words and colours stay; the build stays green.

The previous release is built from its commit in this repository's history (tests/fixtures/previous_release.txt),
with this checkout's browser files (`make vendor`)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import io
from pathlib import Path

import pytest
import yaml

from tests.town.conftest import REPO, WHEELHOUSE, build_wheel, offline_environment, product_version

pytestmark = pytest.mark.town

PREVIOUS = (REPO / "tests/fixtures/previous_release.txt").read_text(encoding="utf-8").split()
"""The previous release: its version and the commit it was made from."""
COLOURS = {"primary": "#0b4f8a", "accent": "#8a3b12"}
OWN_WORDS = {"nav.catalogue": "Alle Kurse und Hilfen"}
OWN_TEXT = "Die Bildungskoordination Musterstadt hilft Ihnen gern weiter."


def _changelog_files(newer_than: str) -> set[str]:
    """The files CHANGELOG.md says a town sees change, for every version after newer_than."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    files: set[str] = set()
    for version, body in re.findall(r"^## (\d+\.\d+\.\d+)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        if tuple(map(int, version.split("."))) > tuple(map(int, newer_than.split("."))):
            sees = re.search(r"\*\*A town sees:\*\*(.*?)(?:\n\n|\Z)", body, re.S)
            assert sees, f"CHANGELOG.md {version} does not say what a town sees change"
            files |= set(re.findall(r"`([^`]+)`", sees.group(1)))
    return files


def _sees(path: str, listed: set[str]) -> bool:
    return any(path == entry or (entry.endswith("/") and path.startswith(entry)) for entry in listed)


@pytest.fixture(scope="module")
def previous_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    version, commit = PREVIOUS
    if subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=REPO).returncode != 0:
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        if shallow == "true":
            pytest.skip(f"this clone is shallow: the previous release {version} ({commit[:10]}) is not in it; clone with history")
        pytest.fail(f"the previous release's commit {commit} is not in this repository")
    source = tmp_path_factory.mktemp("previous-source")
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=REPO, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(source, filter="data")
    shutil.copytree(REPO / "hooks/catalogue/vendor", source / "hooks/catalogue/vendor")
    return build_wheel(source, tmp_path_factory.mktemp("previous-dist"))


def _run(command: list[str], town: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=town, env=environment, capture_output=True, text=True, timeout=900)


def test_a_town_of_the_previous_release_upgrades_by_its_pin(tmp_path: Path, previous_wheel: Path, product_wheel: Path) -> None:
    version = PREVIOUS[0]
    assert product_version() != version, "the product's version equals the previous release's: raise it in pyproject.toml"
    environment = offline_environment(WHEELHOUSE, previous_wheel.parent, product_wheel.parent)
    creator = tmp_path / "creator"
    subprocess.run([sys.executable, "-m", "venv", str(creator)], check=True, timeout=120)
    _run([str(creator / "bin/python"), "-m", "pip", "install", "--quiet", f"bildungskatalog=={version}"], tmp_path, environment).check_returncode()
    town = tmp_path / "musterstadt"
    made = _run([str(creator / "bin/catalogue"), "new-town", str(town), "--name", "Musterstadt", "--languages", "de,ar",
                 "--email", "bildung@musterstadt.example.org", "--yes"], tmp_path, environment)
    assert made.returncode == 0, made.stdout + made.stderr

    config = town / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    offline: true\n", "    offline: true\n    colours: {primary: \"#0b4f8a\", accent: \"#8a3b12\"}\n"), encoding="utf-8")
    (town / "data/labels").mkdir()
    (town / "data/labels/de.yml").write_text(yaml.safe_dump({"site": OWN_WORDS}, allow_unicode=True), encoding="utf-8")
    about = town / "content/about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n{OWN_TEXT}\n", encoding="utf-8")
    for command in (["add", "--all"], ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", "The town's own words"]):
        subprocess.run(["git", *command], cwd=town, check=True)
    built = _run(["make", "site"], town, environment)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    town_files = {path: path.read_bytes() for path in (config, town / "data/labels/de.yml", about)}

    requirements = town / "requirements.txt"
    requirements.write_text(requirements.read_text(encoding="utf-8").replace(f"=={version}", f"=={product_version()}"), encoding="utf-8")
    upgraded = _run(["make", "upgrade"], town, environment)
    assert upgraded.returncode == 0, upgraded.stdout[-3000:] + upgraded.stderr[-3000:]

    changed = subprocess.run(["git", "status", "--porcelain"], cwd=town, capture_output=True, text=True, check=True).stdout.splitlines()
    paths = sorted(line[3:] for line in changed)
    listed = _changelog_files(version) | {"requirements.txt"}
    assert [path for path in paths if not _sees(path, listed)] == [], f"CHANGELOG.md names {sorted(listed)}"
    assert all(path.read_bytes() == content for path, content in town_files.items() if path != config)
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["catalogue"]["colours"] == COLOURS

    rebuilt = _run(["make", "site"], town, environment)
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:] + rebuilt.stderr[-3000:]
    site = town / "site"
    assert "--md-primary-fg-color: #0b4f8a;" in (site / "assets/catalogue/town.css").read_text(encoding="utf-8")
    assert OWN_WORDS["nav.catalogue"] in (site / "index.html").read_text(encoding="utf-8")
    assert OWN_TEXT in (site / "about/index.html").read_text(encoding="utf-8")
