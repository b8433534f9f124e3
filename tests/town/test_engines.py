"""The engines the package names: ProperDocs, the maintained drop-in fork of mkdocs 1.6, builds the tests' town
byte for byte as mkdocs does, so a town can move to it by changing one word (`catalogue build --engine properdocs`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.towns import BuiltSite, build_site

pytestmark = pytest.mark.town


def _files(site: BuiltSite) -> dict[str, bytes]:
    return {path.relative_to(site.root).as_posix(): path.read_bytes() for path in sorted(site.root.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(sample_site: BuiltSite, tmp_path: Path) -> None:
    properdocs = _files(build_site(tmp_path, engine="properdocs"))
    mkdocs = _files(sample_site)
    assert sorted(properdocs) == sorted(mkdocs)
    assert [path for path in mkdocs if properdocs[path] != mkdocs[path]] == []
