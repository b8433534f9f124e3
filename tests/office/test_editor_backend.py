"""The editor's local backend (decap-server) writes any file of the clone it runs in: only this machine may reach it."""
from __future__ import annotations

import errno
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue.office.editor_backend import decap_server_command, decap_server_environment
from tests.towns import REPO

TEST_NET = "192.0.2.1"
"""RFC 5737 documentation address: connecting a UDP socket to it sends nothing, it only picks the outgoing interface."""


def _non_loopback_address() -> str | None:
    """This machine's IPv4 address on its default route, or None when it has none besides 127.0.0.0/8."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((TEST_NET, 9))
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _connects(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=2):
            return True
    except OSError as error:
        if error.errno not in (errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH) and not isinstance(error, TimeoutError):
            raise
        return False


@pytest.fixture
def running_backend(tmp_path: Path) -> Iterator[int]:
    if not (REPO / "node_modules" / "decap-server").is_dir():
        pytest.skip("decap-server is not installed (npm ci)")
    port = _free_port()
    process = subprocess.Popen(
        decap_server_command(REPO), env=decap_server_environment(tmp_path, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 20
        while not _connects("127.0.0.1", port):
            assert process.poll() is None, "decap-server stopped at once"
            assert time.monotonic() < deadline, "decap-server did not listen on 127.0.0.1 within 20 s"
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_backend_answers_on_loopback_and_refuses_the_network(running_backend: int) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no IPv4 address besides loopback, so there is no network address to try")
    assert not _connects(address, running_backend), f"decap-server accepted a connection on {address}, a network address"


def test_the_environment_names_loopback_whatever_the_caller_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIND_HOST", "0.0.0.0")
    monkeypatch.setenv("ORIGIN", "https://attacker.example")
    environment = decap_server_environment(tmp_path, 8081)
    assert environment["BIND_HOST"] == "127.0.0.1"
    assert "ORIGIN" not in environment
