"""The core package's stages import one way only, and only the adapter knows mkdocs.

    data  <-  checks, publication <- figures  <-  language  <-  site | exports | office  <-  build  <-  commands  <-  cli (entry point)

A stage may import itself and the stages to its left; `site`, `exports` and `office` never import each other:
a piece two of them need belongs lower, in `language`, `checks` or `data`. `commands` holds the subcommands' handlers:
it may import every stage, as `cli` may, but never `cli` itself.
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
    "publication": {"data", "publication"},
    "figures": {"data", "publication", "figures"},
    "language": {"data", "checks", "language"},
    "site": {"data", "checks", "publication", "figures", "language", "site"},
    "exports": {"data", "checks", "publication", "figures", "language", "exports"},
    "office": {"data", "checks", "publication", "figures", "language", "office"},
    "build": {"data", "checks", "publication", "figures", "language", "site", "exports", "build"},
    "commands": {
        "data", "checks", "publication", "figures", "language", "site", "exports", "office", "build", "commands"
    },
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
    """The stage a dotted name belongs to ('catalogue.data.model' and 'catalogue.data' -> 'data'); None for an
    entry point or anything outside the core."""
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[0] == "catalogue" and parts[1] in ALLOWED else None


STAGE_MODULES = [path for path in MODULES if _stage(_module_name(path)) is not None]
ENTRY_MODULES = [path for path in MODULES if _stage(_module_name(path)) is None]


def test_every_module_is_a_stage_module_or_an_entry_point() -> None:
    assert sorted(path.stem for path in ENTRY_MODULES) == sorted(ENTRY_POINTS)
    assert all(path.parent == CORE for path in ENTRY_MODULES)
    assert len(STAGE_MODULES) + len(ENTRY_MODULES) == len(MODULES)


@pytest.mark.parametrize("path", STAGE_MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_a_stage_imports_only_the_stages_below_it(path: Path) -> None:
    own = _stage(_module_name(path))
    assert own is not None
    wrong = sorted(
        name for name in _imported(path)
        if name.startswith("catalogue.") and _stage(name) not in ALLOWED[own]
    )
    assert not wrong, f"catalogue.{own} may import only {sorted(ALLOWED[own])}, but {path.name} imports {wrong}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_the_core_never_imports_mkdocs(path: Path) -> None:
    assert not {name for name in _imported(path) if name.split(".")[0] in {"mkdocs", "material", "mkdocs_static_i18n"}}


def _core_module_exists(name: str, core: Path = CORE) -> bool:
    path = core.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@pytest.mark.parametrize("path", ENTRY_MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_an_entry_point_imports_only_modules_that_exist(path: Path) -> None:
    """An entry point may use every stage, but every core module it names must be there (after a module moved)."""
    imported = sorted(name for name in _imported(path) if name.startswith("catalogue."))
    missing = [name for name in imported if not _core_module_exists(name)]
    assert not missing, f"{path.name} imports modules that do not exist: {missing}"


ENGINE_MODULE = CORE / "data" / "site_engine.py"
"""The one core module that reads the i18n plugin's block of mkdocs.yml and looks for Material's files."""


def _engine_knowledge(path: Path) -> list[str]:
    """Where a module reads the i18n plugin's block or looks for Material's files: `find_spec("material")`, or the
    name "i18n" compared, looked up or indexed with (writing a new mkdocs.yml that lists the plugin is not reading)."""
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def is_text(node: ast.AST | None, text: str) -> bool:
        return isinstance(node, ast.Constant) and node.value == text

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "find_spec" and any(is_text(argument, "material") for argument in node.args):
                found.append(f"line {node.lineno}: find_spec('material')")
            if name == "get" and node.args and is_text(node.args[0], "i18n"):
                found.append(f"line {node.lineno}: .get('i18n')")
        elif isinstance(node, ast.Compare) and any(is_text(part, "i18n") for part in (node.left, *node.comparators)):
            found.append(f"line {node.lineno}: compares with 'i18n'")
        elif isinstance(node, ast.Subscript) and is_text(node.slice, "i18n"):
            found.append(f"line {node.lineno}: ['i18n']")
    return found


@pytest.mark.parametrize("path", [path for path in MODULES if path != ENGINE_MODULE], ids=lambda path: str(path.relative_to(CORE)))
def test_only_the_engine_module_reads_the_i18n_block_or_finds_material(path: Path) -> None:
    found = _engine_knowledge(path)
    assert not found, f"{path.name} knows the engine ({found}); use catalogue.data.site_engine instead"


def test_the_engine_module_is_where_the_engine_is_known() -> None:
    assert _engine_knowledge(ENGINE_MODULE)


@pytest.mark.parametrize(
    "source",
    [
        'import importlib.util\nspec = importlib.util.find_spec("material")\n',
        'from importlib.util import find_spec\nfolder = find_spec("material")\n',
        'options = config["plugins"][0]["i18n"]\n',
        'plugin = config.plugins.get("i18n")\n',
        'found = [entry for entry in plugins if "i18n" in entry]\n',
        'for name, options in entries:\n    if name == "i18n":\n        break\n',
    ],
)
def test_the_engine_rule_sees_a_planted_leak(tmp_path: Path, source: str) -> None:
    planted = tmp_path / "leak.py"
    planted.write_text(source, encoding="utf-8")
    assert _engine_knowledge(planted)


def test_the_engine_rule_lets_a_new_mkdocs_yml_list_the_plugin(tmp_path: Path) -> None:
    planted = tmp_path / "writer.py"
    planted.write_text('config = {"plugins": ["catalogue", {"i18n": {"languages": []}}]}\n', encoding="utf-8")
    assert _engine_knowledge(planted) == []


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
