"""`make serve PORT=…` listens where asked, and a port in use gets one line, not a traceback."""
from __future__ import annotations

import socket
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _make_serve_dry_run(*arguments: str) -> str:
    return subprocess.run(["make", "-n", "serve", *arguments], cwd=REPO, capture_output=True, text=True, timeout=60, check=True).stdout


def test_make_serve_takes_the_port_it_is_given() -> None:
    assert "--dev-addr 127.0.0.1:8123" in _make_serve_dry_run("PORT=8123")
    assert "--dev-addr 127.0.0.1:8000" in _make_serve_dry_run()


def test_a_port_in_use_gets_one_plain_line() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            [str(REPO / ".venv" / "bin" / "python"), "-m", "catalogue.build.serve_port", str(port)],
            capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(REPO / "hooks")},
        )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and f"Port {port} ist schon belegt" in result.stderr
    assert f"make serve PORT={port + 1}" in result.stderr and "Traceback" not in result.stderr
