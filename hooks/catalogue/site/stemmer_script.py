"""The browser's copy of a language's Snowball stemmer: the npm package `@orama/stemmers` (pinned in
package.json, Apache-2.0), whose Arabic, Russian and Turkish stemmers give the same stems as the Python package
`snowballstemmer` the index is built with (tests/test_search_terms.py holds them equal).

The package's files are ES modules ending in `export function stemmer(…)`; the script wraps one in a function and
leaves `stemmer` at `window.catalogueStem`, so the catalogue page needs no module loader and Node runs it in a plain
`vm` context.
"""

from __future__ import annotations

from functools import cache

from catalogue.data.package_files import VENDOR_DIR

from .search_terms import SNOWBALL_ALGORITHMS

STEMMER_PACKAGE = VENDOR_DIR / "stemmers"
_EXPORTS = ("export function stemmer(", "export const language=")


@cache
def stemmer_script(language: str) -> bytes | None:
    """The script for a language Snowball stems; None for the others.

    Raises FileNotFoundError naming `make vendor` when the package carries no stemmers, and ValueError where the
    package's file no longer has the shape this function rewrites (a new release)."""
    if language not in SNOWBALL_ALGORITHMS:
        return None
    source = STEMMER_PACKAGE / f"{language}.js"
    if not source.is_file():
        raise FileNotFoundError(
            f"{source} is missing: the package was built without its browser "
            "files: run `make vendor` (package.json pins @orama/stemmers)"
        )
    module = source.read_text(encoding="utf-8")
    if any(module.count(export) != 1 for export in _EXPORTS) or "import " in module:
        raise ValueError(f"{source}: not the module shape this build expects (one exported stemmer function)")
    body = module.replace("export function stemmer(", "function stemmer(").replace(
        "export const language=", "const language="
    )
    script = '(function () {\n"use strict";\n' + body + "\nwindow.catalogueStem = stemmer;\n})();\n"
    return script.encode("utf-8")
