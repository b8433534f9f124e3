"""The town checks pass on towns other than the shipped sample: a minimal town (one actor, one offer, German only)
and a generated one with a new right-to-left language. Each is written, checked with `catalogue check`, built, and
put through the checks its own CI runs (`catalogue verify`'s site checks), in this test process."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from catalogue.cli import EXIT_VALID, main
from catalogue.checks.loading import load_catalogue
from catalogue.data.problems import format_problem
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import Settings
from catalogue.office.town_checks import TOWN_CHECKS, TownCheck

from tests.towns import BuiltSite, build_site, town_settings, write_minimal_town, write_synthetic_town

TOWNS: dict[str, Callable[[Path], Path]] = {"minimal": write_minimal_town, "synthetic": write_synthetic_town}


@dataclass(frozen=True)
class OtherTown:
    folder: Path
    settings: Settings
    publication: Publication
    site: BuiltSite


@pytest.fixture(scope="module", params=sorted(TOWNS))
def other_town(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> OtherTown:
    kind: str = request.param
    folder = TOWNS[kind](tmp_path_factory.mktemp(kind) / kind)
    settings = town_settings(folder)
    today = date.today()
    loaded = load_catalogue(settings, today=today)
    assert loaded.catalogue is not None and not loaded.errors, "\n".join(format_problem(problem) for problem in loaded.errors)
    site = build_site(folder.parent, folder, build_date=today.isoformat())
    return OtherTown(folder, settings, publish(loaded.catalogue, today), site)


def test_the_other_town_passes_check(other_town: OtherTown, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(other_town.folder)
    out = io.StringIO()
    assert main(["check"], stdout=out) == EXIT_VALID, out.getvalue()
    assert "Fehler: 0" in out.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("check", TOWN_CHECKS, ids=lambda check: check.run.__name__)
def test_the_other_towns_site_passes_each_town_check(other_town: OtherTown, check: TownCheck) -> None:
    wrong = check.run(other_town.settings, other_town.publication, other_town.site.root)
    assert not wrong, f"{check.name}\n{len(wrong)} wrong, the first: " + "\n".join(wrong[:20])
