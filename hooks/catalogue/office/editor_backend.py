"""The web editor's local backend for working on a clone: it stands in front of `decap-server` (npm, Decap's own
local backend, which reads and writes the files) and rewrites each saved data file so that only the edited values
change (see yaml_merge). Decap CMS itself serialises whole files and would drop comments, quoting and flow lists.

Protocol: Decap's local backend API, one JSON `POST /api/v1` per action
(https://github.com/decaporg/decap-cms/tree/main/packages/decap-server). Only `persistEntry` is changed here.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any

from catalogue.data.settings import Settings

from .editor_config import data_folder
from .yaml_merge import UnreadableYaml, merge_yaml, new_yaml, plain_data

API_PATH = "/api/v1"
_LOCAL_ORIGIN = re.compile(r"https?://(localhost|127\.0\.0\.1)(:\d+)?\Z")
_KINDS = {"offers": "offer", "actors": "actor", "news": "news"}
MAX_REQUEST_BYTES = 50 * 1024 * 1024


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


def rewrite_saved_file(settings: Settings, path: str, raw: str) -> str:
    """The text to write for a data file Decap saves at `path` (relative to the repository) with content `raw`.

    Raises UnreadableYaml when `raw` is no YAML the catalogue accepts, and ValueError for a path outside the data
    folder's YAML files (those are passed through unchanged by the caller).
    """
    target = (settings.root / path).resolve()
    if not target.is_relative_to(settings.data_dir) or target.suffix != ".yml":
        raise ValueError(f"{path} is no data file")
    edited = plain_data(raw, path)
    if target.is_file():
        return merge_yaml(target.read_text(encoding="utf-8"), edited)
    return new_yaml(edited, schema_header(settings, path))


class _Handler(BaseHTTPRequestHandler):
    server: EditorBackend

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        return

    def _cors(self) -> None:
        origin = self.headers.get("Origin", "")
        if _LOCAL_ORIGIN.match(origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def _reply(self, status: int, body: bytes, content_type: str = "application/json; charset=utf-8") -> None:
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != API_PATH or length > MAX_REQUEST_BYTES:
            self._reply(HTTPStatus.NOT_FOUND, b'{"error": "not found"}')
            return
        body = self.rfile.read(length)
        try:
            request = json.loads(body)
            if request.get("action") == "persistEntry":
                params = request.get("params") or {}
                for data_file in params.get("dataFiles") or [params.get("entry") or {}]:
                    try:
                        data_file["raw"] = rewrite_saved_file(self.server.settings, str(data_file.get("path", "")), str(data_file.get("raw", "")))
                    except UnreadableYaml:
                        raise
                    except ValueError:
                        continue  # not a data file (e.g. an image): decap-server writes it as it is
                body = json.dumps(request).encode("utf-8")
        except UnreadableYaml as error:
            self._reply(HTTPStatus.UNPROCESSABLE_ENTITY, json.dumps({"error": str(error)}).encode("utf-8"))
            return
        except (json.JSONDecodeError, AttributeError, TypeError):
            self._reply(HTTPStatus.BAD_REQUEST, b'{"error": "not a Decap request"}')
            return
        forward = urllib.request.Request(self.server.upstream, data=body, method="POST", headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(forward, timeout=30) as answer:  # noqa: S310 - the upstream is a local URL we were given
                self._reply(answer.status, answer.read(), answer.headers.get("Content-Type", "application/json"))
        except urllib.error.HTTPError as error:
            self._reply(error.code, error.read())
        except OSError as error:
            self._reply(HTTPStatus.BAD_GATEWAY, json.dumps({"error": f"decap-server not reachable: {error}"}).encode("utf-8"))


class EditorBackend(ThreadingHTTPServer):
    """Serves Decap's local API on 127.0.0.1:`port` and forwards to decap-server at `upstream`."""

    daemon_threads = True

    def __init__(self, settings: Settings, port: int, upstream: str) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.settings = settings
        self.upstream = upstream


def decap_server_command(root: Path) -> list[str]:
    """How to start the pinned decap-server from node_modules (installed by `npm ci`)."""
    return ["node", str(root / "node_modules" / "decap-server" / "dist" / "index.js")]


def decap_server_environment(repository: Path, port: int) -> dict[str, str]:
    """decap-server reads its folder and port from the environment; it answers only local origins."""
    return {**os.environ, "GIT_REPO_DIRECTORY": str(repository), "PORT": str(port), "MODE": "fs"}
