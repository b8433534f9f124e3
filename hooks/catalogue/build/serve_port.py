"""`make serve PORT=…`: says in one line when the preview's port is taken, instead of mkdocs' traceback.

Usage: python -m catalogue.build.serve_port PORT  (exit 0: free; 1: taken or not a port, with the message on stderr).
"""

from __future__ import annotations

import errno
import socket
import sys

HOST = "127.0.0.1"


def port_problem(port_text: str, host: str = HOST) -> str | None:
    """None when `host:port` can be listened on; else one German sentence saying what to do."""
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return f"PORT={port_text} ist keine Portnummer; bitte z. B. make serve PORT=8001."
    port = int(port_text)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"Port {port} ist schon belegt (läuft make serve schon?); bitte einen anderen wählen: make serve PORT={port + 1}"
            return f"Port {port} lässt sich nicht öffnen ({error.strerror}); bitte einen anderen wählen: make serve PORT={port + 1}"
    return None


def main(arguments: list[str]) -> int:
    problem = port_problem(arguments[0] if arguments else "8000")
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
