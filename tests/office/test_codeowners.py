"""CODEOWNERS separates code and configuration from data: what the site runs (workflows, the build's code, the
packages, mkdocs.yml with the editor's sign-in helper) is reviewed by the office's technical owner, the data by the
coordinators and each actor's maintainers. Checked by resolving paths the way GitHub does (last matching line wins)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pathspec
import pytest
import yaml

from catalogue.cli import main
from catalogue.data.settings import Settings, read_settings
from catalogue.office.codeowners import codeowners_text
from tests.site.sample_data import LOADED
from tests.towns import FIXTURE_TOWN

TECHNICAL = "stadt-it"
COORDINATORS = ("buero-a", "buero-b")
CODE_AND_CONFIGURATION = [
    ".github/workflows/publish.yml", ".github/CODEOWNERS", "package.json", "package-lock.json", "mkdocs.yml",
    "hooks/catalogue_hooks.py", "hooks/catalogue/office/editor.js", "hooks/catalogue/theme/main.html", "requirements.txt",
    "requirements-dev.in", "Makefile", "pyproject.toml", "admin/config.yml", "schemas/offer.schema.json",
    "hosting/nginx.conf", "hooks/catalogue/assets/catalogue.js",
]


def owners_of(codeowners: str, path: str) -> list[str]:
    """The owners GitHub asks for a changed file: those of the last line whose pattern matches it."""
    owners: list[str] = []
    for line in codeowners.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *handles = line.split()
        if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path):
            owners = handles
    return owners


def town(tmp_path: Path, technical: list[str] | None) -> Settings:
    root = tmp_path / "town"
    shutil.copytree(FIXTURE_TOWN, root)
    config_file = root / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8").replace("!ENV", ""), Loader=yaml.BaseLoader)
    catalogue = config["extra"]["catalogue"]
    catalogue["coordinators"] = list(COORDINATORS)
    catalogue.pop("technical_owners", None)
    if technical is not None:
        catalogue["technical_owners"] = technical
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return read_settings(config_file)


@pytest.mark.parametrize("path", CODE_AND_CONFIGURATION)
def test_code_and_configuration_belong_to_the_technical_owner_alone(tmp_path: Path, path: str) -> None:
    assert LOADED.catalogue is not None
    text = codeowners_text(LOADED.catalogue, town(tmp_path, [TECHNICAL]))
    assert owners_of(text, path) == [f"@{TECHNICAL}"]


def test_data_and_pages_belong_to_the_coordinators_and_the_actors_maintainers(tmp_path: Path) -> None:
    assert LOADED.catalogue is not None
    text = codeowners_text(LOADED.catalogue, town(tmp_path, [TECHNICAL]))
    office = [f"@{handle}" for handle in COORDINATORS]
    actor = next(actor for actor in LOADED.catalogue.actors.values() if actor.maintainers)
    assert owners_of(text, f"data/offers/{actor.id}/kurs.yml") == [f"@{handle}" for handle in actor.maintainers] + office
    for path in ("data/taxonomy.yml", "content/about.md", "content/assets/news/foto.webp", ".github/ISSUE_TEMPLATE/offer.yml"):
        assert owners_of(text, path) == office, path


def test_without_a_technical_owner_the_coordinators_own_the_code_and_the_command_says_so(tmp_path: Path) -> None:
    settings = town(tmp_path, None)
    assert LOADED.catalogue is not None
    text = codeowners_text(LOADED.catalogue, settings)
    assert owners_of(text, "mkdocs.yml") == [f"@{handle}" for handle in COORDINATORS]
    out = io.StringIO()
    main(["codeowners", "--config", str(settings.root / "mkdocs.yml")], stdout=out)
    assert "technical_owners" in out.getvalue()
