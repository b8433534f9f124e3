"""A town's mkdocs.yml as the office's commands change it (`catalogue upgrade`, `catalogue language add|remove`):
read with the round-trip YAML writer, which keeps the town's comments, order and quoting, changed in place, and
written back whole. The build and the checks read the same file as typed settings (`data.settings.read_settings`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from catalogue.office.yaml_round_trip import dump_document, load_document

TOWN_CONFIG = "mkdocs.yml"
"""The town's settings file, relative to the town's repository."""


def read_town_config(root: Path) -> CommentedMap:
    """The mkdocs.yml of the town at `root`, to change in place and hand to write_town_config.

    Raises FileNotFoundError without one, and ValueError when it does not hold a map of settings."""
    return load_document((root / TOWN_CONFIG).read_text(encoding="utf-8"))


def write_town_config(root: Path, config: CommentedMap) -> str:
    """Writes `config` as the mkdocs.yml of the town at `root`; returns the file's name as the commands report it."""
    (root / TOWN_CONFIG).write_text(dump_document(config), encoding="utf-8")
    return TOWN_CONFIG


def i18n_options(config: CommentedMap) -> Any:
    """The options of the i18n plugin (mkdocs-static-i18n: `languages`, each with `locale`, `name`, `build`) in a
    town's mkdocs.yml, as the map to change; None when the file lists no such plugin."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "i18n" in entry:
            return entry["i18n"]
    return None
