"""The README promises commands; the Makefile and CI must keep those promises."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
TOWN_MAKEFILE = (REPO / "hooks/catalogue/town/Makefile").read_text(encoding="utf-8")
"""The Makefile `new-town` writes into a town: the README's town sections show its commands."""
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE + TOWN_MAKEFILE, flags=re.MULTILINE))
README_COMMANDS = sorted(set(re.findall(r"`make ([a-z][a-z-]*)|^make ([a-z][a-z-]*)", README, flags=re.MULTILINE)) - {("", "")})
README_COMMANDS = sorted({first or second for first, second in README_COMMANDS})


@pytest.mark.parametrize("target", README_COMMANDS)
def test_every_make_command_in_the_readme_exists(target: str) -> None:
    assert target in MAKE_TARGETS


@pytest.mark.parametrize("target", ["site", "test", "check", "serve", "bench", "audit"])
def test_every_public_make_target_is_documented(target: str) -> None:
    assert f"make {target}" in README


def test_ci_runs_the_readmes_test_command() -> None:
    assert re.search(r"^make test$", (REPO / ".ci/run").read_text(encoding="utf-8"), flags=re.MULTILINE)

