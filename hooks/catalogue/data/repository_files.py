"""Which files may lie in the town's content/ and data/ folders, and the symbolic links refused in both.

mkdocs copies every file of content/ to the site unchanged, and the site's origin is where the web editor keeps its
GitHub sign-in (`localStorage`) and where the offline copy lives. An SVG or HTML file there runs its scripts with
full access to both, and a script file can be loaded by one; the site's Content-Security-Policy does not reach a
file opened directly. So content/ publishes only raster images and the pages' own Markdown (the rule of the
security review, issue "the editor's token, the repository and the readers stay safe"), and data/ holds only the
catalogue's YAML and plain notes. A symbolic link is never followed: it could read a file from outside the
repository into the data, or publish it.

Files and folders whose names start with a dot are skipped, as mkdocs skips them (its `exclude_docs` default).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from catalogue.data.messages import Messages
from catalogue.data.problems import Problem

PUBLISHED_SUFFIXES = frozenset({".md", ".png", ".jpg", ".jpeg", ".webp"})
"""What content/ may publish: the pages' Markdown and raster images, which no browser runs as a document."""
DATA_SUFFIXES = frozenset({".yml", ".yaml", ".example", ".md", ".txt"})
"""What data/ may hold: the YAML files (.yaml is reported by the loader with its own fix), the examples `new-town`
leaves (example-offer.yml.example) and plain notes."""
IMAGE_FOLDER = "assets"


def check_repository_files(root: Path, data_dir: Path, docs_dir: Path | None, messages: Messages) -> list[Problem]:
    """Errors for every symbolic link in data_dir and docs_dir, every file of docs_dir that is not a raster image or
    Markdown, and every file of data_dir that is not YAML or a plain note; paths relative to
    root. Reads no file and follows no link."""
    problems: list[Problem] = []
    data_name = _relative(data_dir, root)
    for path, is_link in _entries(data_dir):
        display = _relative(path, root)
        if is_link:
            problems.append(messages.problem("file.symlink", path=display, position=(1, 1)))
        elif path.suffix.lower() not in DATA_SUFFIXES:
            images = f"{_relative(docs_dir, root) if docs_dir else 'content'}/{IMAGE_FOLDER}/"
            problems.append(
                messages.problem(
                    "file.not_data",
                    path=display,
                    position=(1, 1),
                    name=path.name,
                    folder=data_name + "/",
                    images=images,
                )
            )
    if docs_dir is None or not docs_dir.is_dir():
        return problems
    docs_name = _relative(docs_dir, root)
    for path, is_link in _entries(docs_dir):
        display = _relative(path, root)
        if is_link:
            problems.append(messages.problem("file.symlink", path=display, position=(1, 1)))
        elif path.suffix.lower() not in PUBLISHED_SUFFIXES:
            problems.append(
                messages.problem(
                    "file.not_published", path=display, position=(1, 1), name=path.name, folder=docs_name + "/"
                )
            )
    return problems


def is_linked(path: Path, folder: Path) -> bool:
    """Whether path, or any folder between folder and path, is a symbolic link."""
    current = path
    while current != folder and current != current.parent:
        if current.is_symlink():
            return True
        current = current.parent
    return False


def _entries(folder: Path) -> Iterator[tuple[Path, bool]]:
    """(path, is a symbolic link) for every file and link below folder, sorted, without entering links or dot names."""
    if not folder.is_dir():
        return
    for directory, folders, files in os.walk(folder, followlinks=False):
        base = Path(directory)
        for name in sorted(folders):
            if not name.startswith(".") and (base / name).is_symlink():
                yield base / name, True
        folders[:] = sorted(name for name in folders if not name.startswith(".") and not (base / name).is_symlink())
        for name in sorted(files):
            if not name.startswith("."):
                yield base / name, (base / name).is_symlink()


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
