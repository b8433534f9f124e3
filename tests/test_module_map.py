"""The module map (docs/developers/modules.md) is what `make module-map` writes from the tree as it is now: a module
added, moved or described anew fails here until the map is written again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tools import module_map

REPO = Path(__file__).resolve().parents[1]


def test_the_committed_module_map_is_current() -> None:
    committed = (REPO / module_map.MAP).read_text(encoding="utf-8")
    assert committed == module_map.render(module_map.modules()), "docs/developers/modules.md is stale: make module-map"


@pytest.mark.parametrize("module", module_map.modules(), ids=lambda module: module.path.as_posix())
def test_every_module_says_what_it_does(module: module_map.Module) -> None:
    assert module.summary, f"{module.path} has no docstring (or opening comment) for the module map"


def test_the_map_lists_a_new_module_by_its_first_sentence(tmp_path: Path) -> None:
    stage = tmp_path / "hooks/catalogue/stage"
    stage.mkdir(parents=True)
    (stage / "__init__.py").write_text('"""A stage."""\n', encoding="utf-8")
    (stage / "job.py").write_text('"""Does one job, e.g. a thing (RFC 1).\n\nMore.\n"""\n', encoding="utf-8")
    (stage / "page.js").write_text("/* The page's script. More. */\n", encoding="utf-8")
    (tmp_path / "hooks/catalogue/vendor").mkdir()
    (tmp_path / "hooks/catalogue/vendor/copied.js").write_text("// from npm\n", encoding="utf-8")
    text = module_map.render(module_map.modules(tmp_path))
    assert "## `hooks/catalogue/stage/`\n\nA stage.\n" in text
    assert "| `job.py` | Does one job, e.g. a thing (RFC 1). |" in text
    assert "| `page.js` | The page's script. |" in text
    assert "vendor" not in text.split("\n## ", 1)[1]


@pytest.mark.parametrize(
    ("source", "summary"),
    [
        ("/*\n * The worker. It keeps pages.\n */\n", "The worker."),
        ("// One line\n// goes on. Second.\ncode()\n", "One line goes on."),
        ("(function () {})();\n", ""),
    ],
)
def test_a_scripts_opening_comment_gives_its_summary(source: str, summary: str) -> None:
    assert module_map.front_end_summary(source) == summary
