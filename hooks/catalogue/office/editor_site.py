"""The web editor under /admin/ of a built site, its configuration generated from the schemas of this very build."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from catalogue.data.messages import Messages
from catalogue.data.model import Taxonomy
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.settings import Settings

from .editor_config import EditorSettings, editor_config, editor_config_text
from .editor_page import DECAP_SCRIPT, editor_files


@dataclass(frozen=True)
class WrittenEditor:
    paths: list[str]
    """The files written and the stylesheets the editor's preview uses, below the site root."""
    warning: str | None
    """In the office's language, when the editor's script is missing (it is copied in by `make vendor`)."""


def write_editor(
    settings: Settings,
    taxonomy: Taxonomy,
    labels: Mapping[str, Mapping[str, str]],
    directions: Mapping[str, str],
    site_root: Path,
    messages: Messages,
    write: Callable[[Path, bytes], object] | None = None,
) -> WrittenEditor:
    """Writes admin/ into the built site at site_root, styled with the site's own stylesheets; says what it wrote,
    or why it wrote nothing. `write(path, content)` writes a file (the build's writer, which leaves unchanged files
    alone); by default the file is written as it is."""
    if not DECAP_SCRIPT.is_file():
        return WrittenEditor([], messages.phrase("build.editor_missing", script=str(DECAP_SCRIPT)))
    default_labels = labels.get(settings.default_language, {})
    config = editor_config(settings, EditorSettings.from_settings(settings), taxonomy, default_labels, SCHEMA_DIR)
    stylesheets = sorted(
        path.relative_to(site_root).as_posix() for path in (site_root / "assets" / "stylesheets").glob("main.*.min.css")
    )
    stylesheets.append("assets/catalogue/catalogue.css")
    written: list[str] = []
    for path, content in editor_files(
        settings, editor_config_text(config), stylesheets, directions, default_labels, DECAP_SCRIPT
    ):
        (write or _write_file)(site_root / path, content)
        written.append(path)
    return WrittenEditor(written + stylesheets, None)


def _write_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
