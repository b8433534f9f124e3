"""The catalogue page's script: modules with one job each (assets/search/), joined and minified into the one file
the pages load, with the tables of the Python rules written in and nothing left on `window` for the tests."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from catalogue.site import search_terms, text_normalise
from catalogue.site.script_bundle import MODULES_DIR, PAGE_MODULES, SHIPPED, minified, page_script

ROOT = Path(__file__).resolve().parents[1]
TERSER = ROOT / "node_modules" / ".bin" / "terser"


def test_the_shipped_script_is_what_make_js_makes_of_the_modules_now() -> None:
    if shutil.which("node") is None or not TERSER.exists():
        pytest.skip("Node.js and the npm packages (make vendor) are not installed")
    assert SHIPPED.read_text(encoding="utf-8") == minified(page_script(), TERSER), "run `make js` and commit assets/catalogue.js"


def test_every_module_is_in_the_script_and_every_file_in_the_folder_is_a_module() -> None:
    assert sorted(path.stem for path in MODULES_DIR.glob("*.js")) == sorted(PAGE_MODULES)


def test_no_test_hook_is_left_on_window() -> None:
    """The stemmer script sets window.catalogueStem for the page; nothing else is put there."""
    sources = {path.name: path.read_text(encoding="utf-8") for path in [*MODULES_DIR.glob("*.js"), SHIPPED]}
    assigned = {name: re.findall(r"window\.(\w+)\s*=(?!=)", source) for name, source in sources.items()}
    assert all(not names for names in assigned.values()), assigned


def test_every_table_of_the_python_rules_is_read_by_the_browser_copy_and_none_is_written_there_again() -> None:
    tables = {**text_normalise.browser_tables(), **search_terms.browser_tables()}
    modules = "".join((MODULES_DIR / f"{name}.js").read_text(encoding="utf-8") for name in PAGE_MODULES)
    assert not [key for key in tables if f"TABLES.{key}" not in modules]
    assert "ього" not in modules and "\\u0629" not in modules and "ekê" not in modules  # no hand copy of a table


def test_a_name_defined_in_two_modules_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from catalogue.site import script_bundle

    for name in PAGE_MODULES:
        (tmp_path / f"{name}.js").write_text("function twice() {}\n", encoding="utf-8")
    monkeypatch.setattr(script_bundle, "MODULES_DIR", tmp_path)
    with pytest.raises(ValueError, match="twice"):
        page_script()
