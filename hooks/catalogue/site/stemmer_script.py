"""The browser's copy of a language's Snowball stemmer: one classic script made of the JavaScript that the
Snowball 3.1.1 compiler generates (hooks/catalogue/site/snowball/, BSD licence in its COPYING), the same
algorithms the `snowballstemmer` package runs in Python.

The generated files are ES modules (`import B from './base-stemmer.js'`, `export default class`); the script
defines both classes inside one function and leaves the stemmer's `stemWord` at `window.catalogueStem`, so the
catalogue page needs no module loader and Node runs it in a plain `vm` context.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .search_terms import SNOWBALL_ALGORITHMS

SNOWBALL_SOURCES = Path(__file__).parent / "snowball"
_IMPORT = "import B from './base-stemmer.js'"
_EXPORT = "export default class"


@lru_cache(maxsize=None)
def stemmer_script(language: str) -> bytes | None:
    """The script for a language Snowball stems; None for the others. Raises ValueError where a generated file
    no longer has the shape this function rewrites (a new Snowball release)."""
    algorithm = SNOWBALL_ALGORITHMS.get(language)
    if algorithm is None:
        return None
    base = (SNOWBALL_SOURCES / "base-stemmer.js").read_text(encoding="utf-8")
    stemmer = (SNOWBALL_SOURCES / f"{algorithm}-stemmer.js").read_text(encoding="utf-8")
    if base.count(_EXPORT) != 1 or stemmer.count(_IMPORT) != 1 or stemmer.count(_EXPORT) != 1:
        raise ValueError(f"{algorithm}-stemmer.js or base-stemmer.js: not the Snowball 3 module shape this build expects")
    script = (
        "(function () {\n\"use strict\";\n"
        + base.replace(_EXPORT, "class")
        + stemmer.replace(_IMPORT, "const B = BaseStemmer;").replace(_EXPORT, "const Stemmer = class")
        + "\nconst stemmer = new Stemmer();\nwindow.catalogueStem = (word) => stemmer.stemWord(word);\n})();\n"
    )
    return script.encode("utf-8")
