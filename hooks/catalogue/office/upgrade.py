"""A town brought up to the installed version of the product (`catalogue upgrade`), after it changed the pinned
version in requirements.txt: the product's own files in the town's repository (the Makefile, the workflows, the
schemas for editor completion) are written anew where they differ, and each settings change a version brings is
applied to mkdocs.yml with the round-trip YAML writer, which keeps the town's comments, order and quoting.

Nothing else is touched: not the town's pages, data, words or colours. Every file written is named; CHANGELOG.md
names, per version, what a town sees change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from catalogue.data.package_files import SCHEMA_DIR
from catalogue.office.new_town import PRODUCT_FILES, TEMPLATE_DIR
from catalogue.office.town_config import read_town_config, write_town_config


@dataclass(frozen=True)
class SettingsChange:
    """One change a version of the product needs in a town's mkdocs.yml."""

    version: str
    """The product version that brought it, e.g. '2.1.0'."""
    says: str
    """What it does, in a sentence the office can read."""
    apply: Callable[[CommentedMap], bool]
    """Changes the loaded mkdocs.yml in place; True when it changed something."""


def _technical_owners(config: CommentedMap) -> bool:
    catalogue = (config.get("extra") or {}).get("catalogue")
    if not isinstance(catalogue, CommentedMap) or "technical_owners" in catalogue:
        return False
    catalogue["technical_owners"] = []
    catalogue.yaml_set_comment_before_after_key(
        "technical_owners",
        before="GitHub accounts of the town's technical owner: they review code and configuration.",
        indent=4,
    )
    return True


SETTINGS_CHANGES: Sequence[SettingsChange] = (
    SettingsChange(
        "2.1.0",
        "adds extra.catalogue.technical_owners (who reviews code and configuration, apart from the data)",
        _technical_owners,
    ),
)


@dataclass(frozen=True)
class Upgraded:
    written: tuple[str, ...]
    """The town's files written anew, relative to its folder."""
    said: tuple[str, ...]
    """What each settings change did, one sentence each."""


def upgrade_town(root: Path) -> Upgraded:
    """Brings the town at root (its mkdocs.yml) up to the installed product.

    Raises FileNotFoundError without mkdocs.yml. Files already as the product wants them are left untouched, so a
    second run writes nothing."""
    written: list[str] = []
    said: list[str] = []
    config = read_town_config(root)
    for change in SETTINGS_CHANGES:
        if change.apply(config):
            said.append(f"{change.version}: {change.says}")
    if said:
        written.append(write_town_config(root, config))
    wanted: dict[str, bytes] = {
        **{destination: (TEMPLATE_DIR / source).read_bytes() for source, destination in PRODUCT_FILES.items()},
        **{f"schemas/{schema.name}": schema.read_bytes() for schema in sorted(SCHEMA_DIR.glob("*.schema.json"))},
    }
    for path, content in wanted.items():
        if _write_if_changed(root / path, content):
            written.append(path)
    return Upgraded(tuple(written), tuple(said))


def _write_if_changed(file: Path, content: bytes) -> bool:
    if file.is_file() and file.read_bytes() == content:
        return False
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content)
    return True
