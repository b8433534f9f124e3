"""What the project installs is pinned to exact versions and checked against recorded hashes: Python packages with
pip's --require-hashes (hashes written by pip-tools' pip-compile --generate-hashes from requirements*.in), npm
packages through lockfiles with their integrity hashes, Lighthouse included."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
REQUIREMENTS = {"requirements.txt": "requirements.in", "requirements-dev.txt": "requirements-dev.in"}
PINNED = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)")


def _scripts() -> list[tuple[str, str]]:
    found = [("Makefile", line) for line in MAKEFILE.splitlines()]
    for file in WORKFLOWS:
        for job in yaml.safe_load(file.read_text(encoding="utf-8"))["jobs"].values():
            found += [(file.name, line) for step in job["steps"] for line in step.get("run", "").splitlines()]
    return found


def _pins(text: str) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", match[1]).lower(): match[2] for line in text.splitlines() if (match := PINNED.match(line.strip()))}


def test_every_pip_install_checks_hashes() -> None:
    installs = [(where, line) for where, line in _scripts() if re.search(r"\bpip\s+install\b", line)]
    assert installs, "no pip install found: the test looks in the wrong place"
    local = re.compile(r"--no-deps\b.*\s-e\s+\.(\s|$)")
    """The product itself, installed from its own folder: nothing is fetched, so there is no hash to check."""
    assert [(where, line) for where, line in installs if "--require-hashes" not in line and not local.search(line)] == []


@pytest.mark.parametrize("compiled", sorted(REQUIREMENTS))
def test_every_requirement_is_pinned_with_hashes_from_its_source(compiled: str) -> None:
    text = (REPO / compiled).read_text(encoding="utf-8")
    requirements = [block for block in re.split(r"\n(?=\S)", text) if block.strip() and not block.startswith(("#", "-"))]
    assert requirements
    for block in requirements:
        assert PINNED.match(block), f"not pinned to one version: {block.splitlines()[0]}"
        assert "--hash=sha256:" in block, f"no hash: {block.splitlines()[0]}"
    source = _pins((REPO / REQUIREMENTS[compiled]).read_text(encoding="utf-8"))
    assert source, f"{REQUIREMENTS[compiled]} pins nothing"
    compiled_pins = _pins(text)
    assert {name: compiled_pins.get(name) for name in source} == source, "the compiled file does not match its source"


def test_lighthouse_is_installed_from_its_own_lockfile() -> None:
    audit = MAKEFILE[MAKEFILE.index("\naudit:"):].split("\n\n", 1)[0]
    installs = re.findall(r"npm (\w+)[^\n]*", audit)
    assert installs == ["ci"], f"make audit must install with npm ci from a lockfile, not {installs}"
    folder = REPO / re.search(r"npm ci --prefix (\S+)", audit)[1]  # type: ignore[index]
    package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["devDependencies"]["lighthouse"])
    assert lock["packages"]["node_modules/lighthouse"]["version"] == package["devDependencies"]["lighthouse"]
    assert all(entry.get("integrity", "").startswith("sha512-") for path, entry in lock["packages"].items() if path and not entry.get("link"))


def test_the_sites_own_npm_packages_are_pinned_exactly_and_locked() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in package["devDependencies"].values())
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert all(lock["packages"][f"node_modules/{name}"]["version"] == version for name, version in package["devDependencies"].items())
    assert [line for where, line in _scripts() if re.search(r"\bnpm (install|i)\b", line)] == [], "npm install ignores the lockfile's hashes"
