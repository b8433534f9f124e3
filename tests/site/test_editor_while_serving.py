"""`make serve` with the web editor: while the preview rebuilds after a save (seconds to a minute on a real town), the editor's
page, its scripts and the preview's stylesheets still load at once, from the last finished build, and carry no
live-reload script, so a rebuild never reloads /admin/ over unsaved typing. Runs the real `mkdocs serve`."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser.editor_setup import copy_repository
from tests.towns import REPO, site_config, write_mkdocs_config

QUICK = 3.0
"""Seconds within which a file must arrive."""
STALLED = 0.5
"""Seconds after which a page request counts as held back by a rebuild."""
FAST = 1.5
"""Seconds within which every file the editor needs must have arrived while the preview rebuilds."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str, timeout: float) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - a local URL
        return response.status, response.read()


def _stalls(url: str) -> bool:
    try:
        _get(url, STALLED)
    except (TimeoutError, urllib.error.URLError) as error:
        return isinstance(error, TimeoutError) or "timed out" in str(error)
    return False


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    work = tmp_path_factory.mktemp("serve")
    repository = copy_repository(work / "repository")
    config_file = work / "mkdocs.yml"
    config = site_config(repository.root, site_dir=work / "site")
    # The fixture town rebuilds in about a second, too soon for a request to find the rebuild running; a large town's
    # rebuild takes seconds to a minute. An mkdocs hook makes each language's build last a second longer.
    (work / "slow_build.py").write_text("import time\n\n\ndef on_pre_build(config):\n    time.sleep(1)\n", encoding="utf-8")
    config["hooks"] = [str(work / "slow_build.py")]
    write_mkdocs_config(config, config_file)
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1", "CATALOGUE_WORKERS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(config_file)],
        cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, "mkdocs serve stopped"
            try:
                if _get(base + "admin/", 10)[0] == 200:
                    break
            except (OSError, urllib.error.URLError):
                pass
            assert time.monotonic() < deadline, "mkdocs serve did not serve /admin/ within 5 minutes"
            time.sleep(1)
        yield base, repository.data
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_editor_loads_at_once_while_the_preview_rebuilds(serving: tuple[str, Path]) -> None:
    base, data = serving
    _, page = _get(base + "admin/", 10)
    scripts = re.findall(rb'src="([^"]+\.js)"', page)
    stylesheets = [f"assets/{path}" for path in re.findall(r'"\.\./assets/([^"]+\.css)"', page.decode("utf-8"))]
    assert len(scripts) == 3 and stylesheets
    offer = data / "offers" / "sportverein-altstadt" / "fussball-kinder.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("Training every Wednesday.", "Training every Wednesday!"), encoding="utf-8")
    deadline = time.monotonic() + 30
    while not _stalls(base):  # mkdocs notices the change and waits a moment for more before it rebuilds
        assert time.monotonic() < deadline, "no rebuild began within 30 s of the change"
    started = time.monotonic()
    status, during = _get(base + "admin/", QUICK)
    fetched = {path: _get(base + path, QUICK)[0] for path in ["admin/config.yml", *(f"admin/{name.decode()}" for name in scripts), *stylesheets]}
    took = time.monotonic() - started
    assert _stalls(base), "the rebuild was over before the editor's files were fetched: the test proves nothing"
    assert status == 200 and b"cms-config-url" in during
    assert set(fetched.values()) == {200}, fetched
    assert took < FAST, f"the editor's files took {took:.1f} s during a rebuild"
    assert b"livereload" not in during, "the page served during a rebuild carries mkdocs' live-reload script"
