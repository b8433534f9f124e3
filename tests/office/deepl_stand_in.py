"""A stand-in for DeepL's text translation API on 127.0.0.1: answers POST /v2/translate as DeepL documents it and
records every request, so that tests see what the catalogue sends without a request leaving the machine."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from contextlib import contextmanager

KEY = "test-key-0000:fx"


@dataclass
class StandIn:
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    fail_with: int | None = None
    appends: str = ""
    """Added to every translated text: what a provider may return that the catalogue must not publish."""


@contextmanager
def deepl_stand_in() -> Iterator[StandIn]:
    state = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.headers.append(dict(self.headers.items()))
            if self.path != "/v2/translate":
                self._answer(404, {"message": "Not found"})
                return
            if self.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
                self._answer(403, {"message": "Authorization failure, check auth_key"})
                return
            if state.fail_with:
                self._answer(state.fail_with, {"message": "Quota exceeded"})
                return
            request = json.loads(body)
            state.requests.append(request)
            texts = request["text"]
            if not isinstance(texts, list) or len(texts) > 50:
                self._answer(400, {"message": "Bad request"})
                return
            self._answer(200, {"translations": [
                {"detected_source_language": request.get("source_lang", "DE"), "text": f"[{request['target_lang']}] {text}{state.appends}"}
                for text in texts
            ]})

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_arguments: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
