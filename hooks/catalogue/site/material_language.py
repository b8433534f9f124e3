"""Interface words for Material for MkDocs in languages it does not ship, made from a labels file's `theme:` map."""

from __future__ import annotations

import json
from collections.abc import Mapping

from catalogue.data.site_engine import material_interface_languages


def material_has_language(code: str) -> bool:
    """Whether Material ships interface words for the language (partials/languages/<code>.html)."""
    return code in (material_interface_languages() or ())


def material_language_partial(code: str, direction: str, words: Mapping[str, str]) -> str:
    """The Jinja macro file Material imports as partials/languages/<code>.html; its language code and direction
    (which become the page's `lang` and `dir`) come from the labels file itself."""
    table = json.dumps({**words, "language": code, "direction": direction}, ensure_ascii=False, indent=2)
    return "{% macro t(key) %}{{ " + table + "[key] }}{% endmacro %}\n"
