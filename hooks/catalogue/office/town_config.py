"""A town's mkdocs.yml as the office's commands change it (`catalogue upgrade`, `catalogue language add|remove`):
read with the round-trip YAML writer, which keeps the town's comments, order and quoting, changed in place, and
written back whole. The build and the checks read the same file as typed settings (`data.settings.read_settings`)."""

from __future__ import annotations

from pathlib import Path

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
