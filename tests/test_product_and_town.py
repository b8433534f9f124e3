"""What is product and what is town: a town takes new versions of the product by merging them, which works only
while the product's files name no town and the town's pages take its name from the settings.

Product: hooks/ (the package, with its schemas, theme, assets and default data), bench/, tests/ (apart from the tests' own town), Makefile, the workflows.
Town: mkdocs.yml, data/, content/, .github/CODEOWNERS and the issue forms, the logo and favicon."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.data.settings import read_settings

REPO = Path(__file__).resolve().parents[1]
SETTINGS = read_settings(REPO / "mkdocs.yml")
SAMPLE_TOWN_NAMES = ("Neustadt", "نويشتات", "نویشتات", "Нойштадт", "ኖይሽታት")
"""The shipped sample town's name in every script the sample writes it in: product code never names it either."""
TOWN_NAMES = sorted({name for name in (*SETTINGS.town_names.values(), SETTINGS.town, *SAMPLE_TOWN_NAMES) if len(name) >= 3})
PRODUCT_FOLDERS = ("hooks", "bench", ".github/workflows", ".ci")
PRODUCT_FILES = ("Makefile", "pyproject.toml", "package.json")
TEXT_SUFFIXES = {".py", ".html", ".js", ".css", ".json", ".yml", ".yaml", ".svg", ".md", ".txt", ""}


def _product_files() -> list[Path]:
    files = [REPO / name for name in PRODUCT_FILES if (REPO / name).is_file()]
    for folder in PRODUCT_FOLDERS:
        files += [path for path in sorted((REPO / folder).rglob("*")) if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts]
    return files


def _naming(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace").casefold()
    return [name for name in TOWN_NAMES if name.casefold() in text]


@pytest.mark.parametrize("path", _product_files(), ids=lambda path: path.relative_to(REPO).as_posix())
def test_product_files_name_no_town(path: Path) -> None:
    assert not _naming(path), f"{path.relative_to(REPO)} names {_naming(path)}: take it from the settings (extra.catalogue)"


@pytest.mark.parametrize("path", sorted((REPO / "content").glob("*.md")), ids=lambda path: path.name)
def test_content_pages_take_the_towns_name_and_contact_from_the_settings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    written = _naming(path) + [value for value in (SETTINGS.office_email, SETTINGS.office_phone, SETTINGS.office_address) if value and value in text]
    assert not written, f"content/{path.name} writes {written}: use {{{{ town }}}}, {{{{ office_email }}}}, {{{{ office_phone }}}}, {{{{ office_address }}}}"


@pytest.mark.parametrize("schema", sorted((REPO / "hooks/catalogue/schemas").glob("*.schema.json")), ids=lambda path: path.name)
def test_the_sample_towns_schemas_for_editor_completion_are_the_products(schema: Path) -> None:
    """schemas/ in a town (the sample town too) is the product's copy that editors such as VS Code complete from;
    `new-town` and `upgrade` write it. A schema changed in the package must be copied there as well."""
    copy = REPO / "schemas" / schema.name
    assert copy.is_file() and copy.read_bytes() == schema.read_bytes(), f"copy {schema.relative_to(REPO)} to schemas/"
