"""What the core reads of the site engine without importing it: the i18n plugin's block of mkdocs.yml (the site's
languages) and the interface languages Material for MkDocs ships. The one core module that knows either by name;
tests/test_architecture.py holds every other to it, so that a move to another engine changes this module and the
adapter only.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Any

I18N_PLUGIN = "i18n"
"""The name mkdocs-static-i18n is listed under in mkdocs.yml's `plugins`."""


def i18n_plugin_block(config: dict[str, Any]) -> dict[str, Any] | None:
    """The options of the i18n plugin in a parsed mkdocs.yml (`plugins` as a list or a mapping), the very object
    in config so that a caller may change it; None when the plugin is not listed. {} for a plugin without options."""
    plugins = config.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(item.items())) if isinstance(item, dict) and item else (item, None) for item in plugins)
    )
    for name, options in entries:
        if name == I18N_PLUGIN:
            return options if isinstance(options, dict) else {}
    return None


def material_languages_folder() -> Path | None:
    """Material's partials/languages/ folder (one <code>.html per language), found without importing Material;
    None when Material is not installed."""
    spec = find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "templates" / "partials" / "languages"
        if folder.is_dir():
            return folder
    return None


def material_interface_languages() -> frozenset[str] | None:
    """Codes of the languages Material has interface words for; None when Material is not installed."""
    folder = material_languages_folder()
    return None if folder is None else frozenset(file.stem for file in folder.glob("*.html"))
