"""Interface words for Material for MkDocs in languages it does not ship, made from a labels file's `theme:` map."""
from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path


def _material_languages_folder() -> Path | None:
    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "partials" / "languages"


def material_has_language(code: str) -> bool:
    folder = _material_languages_folder()
    return folder is not None and (folder / f"{code}.html").is_file()


def material_language_partial(code: str, direction: str, words: Mapping[str, str]) -> str:
    """The Jinja macro file Material imports as partials/languages/<code>.html; its language code and direction
    (which become the page's `lang` and `dir`) come from the labels file itself."""
    table = json.dumps({**words, "language": code, "direction": direction}, ensure_ascii=False, indent=2)
    return "{% macro t(key) %}{{ " + table + "[key] }}{% endmacro %}\n"
