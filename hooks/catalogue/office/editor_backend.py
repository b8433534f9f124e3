"""The web editor's local backend for working on a clone: Decap's own `decap-server` (npm, pinned), which reads and
writes the files of the repository it is started in (https://decapcms.org/docs/working-with-a-local-git-repository/).

The editor itself writes only the edited values into a file (editor.js, the `yml-catalogue` format), so the local
backend and GitHub receive the same text.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from catalogue.data.settings import Settings

from .editor_config import data_folder

DECAP_DEFAULT_PORT = 8081
"""Where Decap CMS looks for its local backend when `local_backend: true`."""
LOOPBACK = "127.0.0.1"
"""The only address decap-server listens on: it reads and writes any file of the clone without asking who calls."""
_KINDS = {"offers": "offer", "actors": "actor", "news": "news", "needs": "need"}


def decap_server_command(root: Path) -> list[str]:
    """How to start the pinned decap-server from node_modules (installed by `npm ci`)."""
    return ["node", str(root / "node_modules" / "decap-server" / "dist" / "index.js")]


def decap_server_environment(repository: Path, port: int) -> dict[str, str]:
    """decap-server's environment: the folder it serves, its port, and `BIND_HOST` so it listens on 127.0.0.1 only.

    decap-server has no sign-in: without `BIND_HOST` it listens on every interface and anyone on the network can
    read and write the clone (its CORS check only stops other web pages' scripts, not a direct request). `ORIGIN`
    from the caller's environment is dropped, so its CORS check stays at decap-server's own localhost pattern.
    """
    inherited = {name: value for name, value in os.environ.items() if name != "ORIGIN"}
    return {**inherited, "GIT_REPO_DIRECTORY": str(repository), "PORT": str(port), "MODE": "fs", "BIND_HOST": LOOPBACK}


def schema_header(settings: Settings, path: str) -> str:
    """The first line of a new data file: the yaml-language-server schema hint editors such as VS Code read."""
    relative = PurePosixPath(path)
    data = PurePosixPath(data_folder(settings))
    folder = relative.relative_to(data).parts[0] if relative.is_relative_to(data) else ""
    kind = _KINDS.get(folder)
    if kind is None:
        return ""
    up = "../" * (len(relative.parts) - 1)
    return f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
