"""Where the product's own files lie inside the installed package: the JSON Schemas, the default taxonomy, every
supported language's interface words, glossary and synonyms, the theme's templates and the front-end's script and
styles. A town's repository holds none of them; it adds or overrides terms and words in its own data/."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
"""The `catalogue` package folder (hooks/catalogue/ in the product's repository, site-packages/catalogue/ when
installed)."""
SCHEMA_DIR = PACKAGE_DIR / "schemas"
DEFAULTS_DIR = PACKAGE_DIR / "defaults"
"""The product's data every town starts from: taxonomy.yml, labels/<code>.yml, glossary/<code>.yml,
synonyms/<code>.yml."""
THEME_DIR = PACKAGE_DIR / "theme"
"""Template overrides for Material for MkDocs (what a site's `theme.custom_dir` would hold)."""
ASSETS_DIR = PACKAGE_DIR / "assets"
"""The front-end's scripts and styles, published under assets/catalogue/."""
VENDOR_DIR = PACKAGE_DIR / "vendor"
"""Third-party browser files the package carries (the web editor, the stemmers), copied from node_modules when the
package is built (`make vendor`)."""
PRODUCT_PREFIX = "(catalogue)"
"""How messages name a file of the product, e.g. '(catalogue)/defaults/labels/ku.yml'."""


def product_path(path: Path) -> str:
    """The name messages give a file inside the package: '(catalogue)/defaults/labels/ku.yml'."""
    return f"{PRODUCT_PREFIX}/{path.relative_to(PACKAGE_DIR).as_posix()}"


def is_product_file(path: str) -> bool:
    """Whether a path as messages give it names one of the product's own files."""
    return path.startswith(PRODUCT_PREFIX + "/")
