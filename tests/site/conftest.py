"""Builds of the sample site, made once per test session through the real mkdocs build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.site_config import catalogue_config, write_mkdocs_config

REPO = Path(__file__).resolve().parents[2]

BUILD_DATE = "2026-11-26"
LANGUAGES = ["de", "en", "ar", "fa", "uk", "ru", "tr", "ti"]


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def page(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")


def build_site(work_dir: Path, data_dir: Path) -> BuiltSite:
    site_dir = work_dir / "site"
    config_file = work_dir / "mkdocs.yml"
    write_mkdocs_config(catalogue_config(REPO, data_dir=data_dir, languages=LANGUAGES, site_dir=site_dir), config_file)
    environment = {**os.environ, "CATALOGUE_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")}
    finished = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file)],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return BuiltSite(site_dir, finished.stdout + finished.stderr)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("sample"), REPO / "data")


@pytest.fixture(scope="session")
def sample_site_again(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("sample-again"), REPO / "data")


@pytest.fixture(scope="session")
def larger_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample data plus 150 more offers of one actor, to show that other pages do not grow with them."""
    work_dir = tmp_path_factory.mktemp("larger")
    data_dir = work_dir / "data"
    shutil.copytree(REPO / "data", data_dir)
    template = (REPO / "data/offers/vhs-neustadt/integrationskurs-abend.yml").read_text(encoding="utf-8")
    for number in range(150):
        copy_id = f"zusatzkurs-{number:03d}"
        (data_dir / "offers/vhs-neustadt" / f"{copy_id}.yml").write_text(
            template.replace("id: integrationskurs-abend", f"id: {copy_id}"), encoding="utf-8"
        )
    return build_site(work_dir, data_dir)
