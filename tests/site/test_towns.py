"""The town checks pass on towns other than the shipped sample: a minimal town (one actor, one offer, German only)
and a generated one with a new right-to-left language. Each is written, checked with `catalogue check`, and the
town checks (test_town_site.py) are run on it as its CI would run them, with CATALOGUE_TOWN naming its folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from tests.towns import REPO, TOWN_VARIABLE, write_minimal_town, write_synthetic_town

TOWNS: dict[str, Callable[[Path], Path]] = {"minimal": write_minimal_town, "synthetic": write_synthetic_town}


def _run(arguments: list[str], cwd: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": f"{REPO / 'hooks'}{os.pathsep}{REPO}", "NO_MKDOCS_2_WARNING": "1", **environment},
    )


@pytest.mark.parametrize("kind", sorted(TOWNS))
def test_a_town_of_its_own_passes_check_and_the_town_checks(tmp_path: Path, kind: str) -> None:
    town = TOWNS[kind](tmp_path / kind)
    checked = _run(["-m", "catalogue", "check"], town)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Fehler: 0" in checked.stdout.splitlines()[-1]

    tested = _run(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests/site/test_town_site.py")], REPO,
        **{TOWN_VARIABLE: str(town)},
    )
    assert tested.returncode == 0, tested.stdout[-4000:] + tested.stderr[-2000:]
    assert " passed" in tested.stdout.splitlines()[-1], tested.stdout.splitlines()[-1]
