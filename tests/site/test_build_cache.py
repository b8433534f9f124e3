"""The persistent build cache never changes what is built: a warm build writes the very bytes a cold build writes,
for the same data and after a change in an offer, a provider or the interface words."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from tests.towns import BUILD_DATE, FIXTURE_DATA, FIXTURE_TOWN, REPO, build_site


def site_files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(set(first) ^ set(second)) + [path for path in first if path in second and first[path] != second[path]]


def rebuild(work_dir: Path) -> str:
    """Builds the town of work_dir/mkdocs.yml again into the same site folder, with the cache the last build left."""
    environment = {**os.environ, "CATALOGUE_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")}
    environment.pop("CATALOGUE_CACHE", None)
    finished = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(work_dir / "mkdocs.yml")],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return finished.stdout + finished.stderr


def reused_parts(log: str) -> int:
    """How many parts the build log says came from the build cache, over all languages."""
    return sum(int(line.split("(")[1].split()[0]) for line in log.splitlines() if "parts from the build cache" in line)


@pytest.fixture(scope="module")
def warm_town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture town built once (which fills its build cache) from its own copy of the data (outside git, like
    the cold builds it is compared with: the figures page shows the data's git history); that cold site is kept in
    cold-site/."""
    work_dir = tmp_path_factory.mktemp("warm-town")
    shutil.copytree(FIXTURE_DATA, work_dir / "data")
    built = build_site(work_dir, FIXTURE_TOWN, data_dir=work_dir / "data")
    assert list((work_dir / ".cache" / "catalogue").glob("*.cache")), "the first build left no build cache"
    shutil.copytree(built.root, work_dir / "cold-site")
    return work_dir


def test_a_warm_build_of_unchanged_data_is_byte_identical_to_a_cold_build(warm_town: Path) -> None:
    pages = [warm_town / "site" / path for path in ("offers/integrationskurs-abend/index.html", "ar/offers/integrationskurs-abend/index.html")]
    written_before = [page.stat().st_mtime_ns for page in pages]
    log = rebuild(warm_town)
    assert reused_parts(log) > 0, "the second build took nothing from the build cache"
    assert " 0 parts from the build cache" not in log
    assert differences(site_files(warm_town / "cold-site"), site_files(warm_town / "site")) == []
    assert [page.stat().st_mtime_ns for page in pages] == written_before, "an unchanged page was written again"


def change_offer_title(data: Path) -> str:
    path = data / "offers/vhs-teststadt/integrationskurs-abend.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Integrationskurs am Abend", "Integrationskurs in den Abendstunden"), encoding="utf-8")
    return "offers/integrationskurs-abend/index.html"


def change_provider_name(data: Path) -> str:
    path = data / "actors/vhs-teststadt.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  de: Volkshochschule Teststadt\n", "  de: VHS Teststadt\n"), encoding="utf-8")
    return "offers/integrationskurs-abend/index.html"


def change_german_words(data: Path) -> str:
    path = data / "labels/de.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("offer.back: Zurück zu allen Angeboten", "offer.back: Zur Übersicht aller Angebote"), encoding="utf-8")
    return "offers/integrationskurs-abend/index.html"


CHANGES: dict[str, Callable[[Path], str]] = {
    "offer title": change_offer_title,
    "provider name": change_provider_name,
    "German interface words": change_german_words,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_after_a_change_a_warm_build_is_byte_identical_to_a_cold_build_of_the_changed_data(
    warm_town: Path, tmp_path: Path, change: Callable[[Path], str]
) -> None:
    before = site_files(warm_town / "site")
    changed_page = change(warm_town / "data")
    log = rebuild(warm_town)
    cold_dir = tmp_path / "cold"
    shutil.copytree(warm_town / "data", cold_dir / "data")
    cold = build_site(cold_dir, FIXTURE_TOWN, data_dir=cold_dir / "data")
    warm = site_files(warm_town / "site")
    assert warm[changed_page] != before[changed_page], "the change did not reach the page it should change"
    assert differences(site_files(cold.root), warm) == []
    assert reused_parts(log) > 0 or change is change_german_words


def test_after_an_offer_is_deleted_a_warm_build_leaves_nothing_of_it(warm_town: Path, tmp_path: Path) -> None:
    """The warm build keeps the site folder of the build before; the deleted offer's pages, in every language, and
    its calendar must go with it, and a file nobody built too."""
    (warm_town / "site" / "notes.txt").write_text("left in the site folder by hand", encoding="utf-8")
    (warm_town / "data/offers/vhs-teststadt/integrationskurs-abend.yml").unlink()
    rebuild(warm_town)
    cold_dir = tmp_path / "cold"
    shutil.copytree(warm_town / "data", cold_dir / "data")
    cold = build_site(cold_dir, FIXTURE_TOWN, data_dir=cold_dir / "data")
    warm = site_files(warm_town / "site")
    assert not [path for path in warm if "integrationskurs-abend/" in path]
    assert differences(site_files(cold.root), warm) == []
