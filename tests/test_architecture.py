"""The core package's stages import one way only, and only the adapter knows mkdocs.

    data  <-  checks  <-  language  <-  site | exports | office  <-  build  <-  cli (entry point)

A stage may import itself and the stages to its left; `site`, `exports` and `office` never import each other:
a piece two of them need belongs lower, in `language`, `checks` or `data`.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "hooks" / "catalogue"
ENTRY_POINTS = {"__init__", "__main__", "cli"}
ALLOWED: dict[str, set[str]] = {
    "data": {"data"},
    "checks": {"data", "checks"},
    "language": {"data", "checks", "language"},
    "site": {"data", "checks", "language", "site"},
    "exports": {"data", "checks", "language", "exports"},
    "office": {"data", "checks", "language", "office"},
    "build": {"data", "checks", "language", "site", "exports", "build"},
}
MODULES = sorted(path for path in CORE.rglob("*.py"))


def _module_name(path: Path, core: Path = CORE) -> str:
    parts = path.relative_to(core.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, core: Path = CORE) -> set[str]:
    """Absolute dotted names of everything the module imports, relative imports resolved."""
    module = _module_name(path, core)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                if node.module:
                    names.add(".".join([*base, node.module]))
                else:  # from . import texts: the modules themselves
                    names.update(".".join([*base, alias.name]) for alias in node.names)
            else:
                names.add(node.module or "")
    return names


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "catalogue" else None


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_a_stage_imports_only_the_stages_below_it(path: Path) -> None:
    own = _stage(_module_name(path))
    if own is None:
        return  # an entry point may use every stage
    wrong = sorted(
        name for name in _imported(path)
        if name.startswith("catalogue.") and _stage(name) not in ALLOWED[own]
    )
    assert not wrong, f"catalogue.{own} may import only {sorted(ALLOWED[own])}, but {path.name} imports {wrong}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_the_core_never_imports_mkdocs(path: Path) -> None:
    assert not {name for name in _imported(path) if name.split(".")[0] in {"mkdocs", "material", "mkdocs_static_i18n"}}


def test_every_module_belongs_to_a_stage_or_is_an_entry_point() -> None:
    loose = sorted(path.stem for path in CORE.glob("*.py") if path.stem not in ENTRY_POINTS)
    stages = sorted(path.name for path in CORE.iterdir() if (path / "__init__.py").is_file())
    assert not loose, f"modules outside a stage: {loose}; put each in one of {stages}"
    assert stages == sorted(ALLOWED)


def test_the_import_walker_sees_a_wrong_import(tmp_path: Path) -> None:
    """The rule above would pass on a walker that finds nothing; this holds it to a module that breaks the rule."""
    stage = tmp_path / "catalogue" / "site"
    stage.mkdir(parents=True)
    bad = stage / "bad.py"
    bad.write_text(
        "from catalogue.exports.atom_feed import atom_feed\nfrom .pages import x\nfrom .. import office\n", encoding="utf-8"
    )
    assert _imported(bad, core=tmp_path / "catalogue") == {
        "catalogue.exports.atom_feed", "catalogue.site.pages", "catalogue.office"
    }
    assert _stage("catalogue.exports.atom_feed") not in ALLOWED["site"]
