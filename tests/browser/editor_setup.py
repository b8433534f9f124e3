"""A copy of a small catalogue repository with the web editor running on it: the site built from the copy and
served on 127.0.0.1, decap-server (npm) writing into the copy, and the catalogue's editor backend in front of it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml


from catalogue.office.editor_backend import decap_server_command, decap_server_environment
from catalogue.office.editor_security import LOCAL_BACKEND
from tests.towns import FIXTURE_TOWN, REPO, BuiltSite, build_site

FIXTURE_TREE = REPO / "tests" / "data" / "valid" / "tree" / "data"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class EditorRepository:
    """The repository copy the editor writes into, and how to rebuild its site."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def build(self, work: Path) -> BuiltSite:
        """Builds the repository's site into work/site with the real mkdocs build."""
        work.mkdir(parents=True, exist_ok=True)
        return build_site(work, town=self.root)


def copy_repository(target: Path) -> EditorRepository:
    """The fixture tree as a repository: its mkdocs.yml (three languages) and data/, and the tests' own content pages."""
    target.mkdir(parents=True)
    shutil.copy(FIXTURE_TREE.parent / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(FIXTURE_TREE, target / "data")
    shutil.copytree(FIXTURE_TOWN / "content", target / "content")
    return EditorRepository(target)


def point_editor_at(site: Path, backend_port: int) -> None:
    """The built editor looks for its local backend on Decap's default port, and its Content-Security-Policy allows
    that port; the test's backend runs elsewhere."""
    page = site / "admin" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(LOCAL_BACKEND, f"http://localhost:{backend_port}"), encoding="utf-8")
    config_file = site / "admin" / "config.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["local_backend"] = {"url": f"http://localhost:{backend_port}/api/v1"}
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


class RunningBackend:
    """decap-server (npm) writing into the repository copy, on a free port; stopped on exit."""

    def __init__(self, repository: EditorRepository) -> None:
        self.repository = repository
        self.port = free_port()
        self._decap: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> RunningBackend:
        self._decap = subprocess.Popen(
            decap_server_command(REPO),
            env=decap_server_environment(self.repository.root, self.port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(f"http://127.0.0.1:{self.port}/api/v1", self._decap)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._decap is not None:
            self._decap.terminate()
            self._decap.wait(timeout=10)


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("decap-server stopped at once; is node_modules installed (`npm ci`)?")
        try:
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310 - a local URL
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"decap-server did not answer at {url} within {seconds:.0f} s")


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) for every line that differs; the line counts must be equal."""
    assert len(before.splitlines()) == len(after.splitlines()), "the edit added or removed lines"
    return [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
