"""The web editor during `make serve`: its files from the last finished build, served at once while the preview
rebuilds.

mkdocs' preview server holds every request until a rebuild is over (30–60 s on a town after each save), and puts its
live-reload script into every page. The editor does not change with the data, so this keeps its page, scripts and
configuration, and the stylesheets its preview uses, in memory after each finished build and answers for them
without waiting, as they were written (no live-reload script: a rebuild never reloads /admin/ over unsaved typing).
A WSGI wrapper (PEP 3333) around the preview server's application; the core does not import mkdocs.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .editor_config import EDITOR_FOLDER

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_TYPES: Mapping[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".yml": "text/yaml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}


class EditorFiles:
    """The editor's files of the last finished build: path below the site root -> content."""

    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def keep(self, site_root: Path, paths: Iterable[str]) -> None:
        """Reads `paths` (below `site_root`, as the build wrote them) into memory, replacing what was kept before."""
        files = {path: (site_root / path).read_bytes() for path in paths if (site_root / path).is_file()}
        with self._lock:
            self._files = files

    def file(self, path: str) -> bytes | None:
        """The content kept for a request path below the site root ('admin/' is admin/index.html), or None."""
        if path == f"{EDITOR_FOLDER}/":
            path = f"{EDITOR_FOLDER}/index.html"
        with self._lock:
            return self._files.get(path)

    def serving(self, application: WsgiApp, mount_path: str = "/") -> WsgiApp:
        """`application` with the kept files answered first, for GET and HEAD; everything else goes to it."""

        def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
            content = (
                self.file(path[len(mount_path) :])
                if path.startswith(mount_path) and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
                else None
            )
            if content is None:
                return application(environ, start_response)
            suffix = Path(path if not path.endswith("/") else path + "index.html").suffix
            kind = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
            start_response(
                "200 OK", [("Content-Type", kind), ("Content-Length", str(len(content))), ("Cache-Control", "no-cache")]
            )
            return [] if environ["REQUEST_METHOD"] == "HEAD" else [content]

        return app
