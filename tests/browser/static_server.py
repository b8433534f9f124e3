"""A built site served over HTTP on 127.0.0.1 the way a static host serves it: the right media types, text
compressed with gzip when the browser accepts it, and 404.html for every miss."""
from __future__ import annotations

import gzip
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
}
NOT_FOUND_PAGE = "404.html"
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".ics", ".svg", ".txt", ".csv", ".webmanifest"})


class SiteRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MEDIA_TYPES}

    def do_GET(self) -> None:
        file = self._compressible_file()
        if file is None:
            super().do_GET()
            return
        body = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _compressible_file(self) -> Path | None:
        """The file to send compressed, or None to leave the request (directories, misses, images) to the base class."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        file = Path(self.translate_path(path))
        if path.endswith("/"):
            file = file / "index.html"
        return file if file.suffix in COMPRESSED_SUFFIXES and file.is_file() else None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", MEDIA_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests record requests in the browser."""


class SiteServer:
    """Serves `root` on a free port of 127.0.0.1 from a background thread; use as a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SiteRequestHandler, directory=str(root)))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="site-server", daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.origin + "/" + path.lstrip("/")

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
