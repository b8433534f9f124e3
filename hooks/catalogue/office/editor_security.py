"""What the editor's page under /admin/ lets the browser do: its Content-Security-Policy.

The editor keeps the signed-in GitHub token in its origin's localStorage, and the token can write to the town's
repository; so the page may talk only to its own origin, GitHub's API and the town's sign-in helper
(`extra.catalogue.editor.base_url`), and to decap-server on this machine, which Decap contacts only when the editor
itself is opened on localhost (`make editor`). Scripts come only from the site, none inline (the line that tells
Decap to wait for the catalogue's setup is a file of its own). Decap needs 'unsafe-eval': it checks its configuration
with ajv, which compiles the check into a function at run time (without it the editor stops on a blank page); this
lets the site's own scripts turn text into code, not run a script from anywhere else. Styles need 'unsafe-inline':
Decap builds its styles at run time (emotion) and the page carries its own small <style>.

The page carries the policy in a <meta> element, which browsers ignore `frame-ancestors` in (CSP Level 3, "Delivery
via meta element"); `header_policy` adds it for the server's header (hosting/nginx.conf), which alone stops other
sites from framing the editor.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlsplit

from catalogue.data.settings import Settings

from .editor_backend import DECAP_DEFAULT_PORT
from .editor_config import EditorSettings

GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"
"""The signed-in account's picture in Decap's top bar."""
LOCAL_BACKEND = f"http://localhost:{DECAP_DEFAULT_PORT}"


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script: 'sha256-<base64 of its SHA-256>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def sign_in_origin(settings: Settings) -> str | None:
    """The origin (scheme://host[:port]) of the sign-in helper in `extra.catalogue.editor.base_url`, or None."""
    base_url = EditorSettings.from_settings(settings).base_url
    if not base_url:
        return None
    parts = urlsplit(str(base_url))
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(settings: Settings) -> str:
    """The editor page's policy as one header value ('directive value; directive value'), without frame-ancestors."""
    helper = sign_in_origin(settings)
    connect = " ".join(source for source in ("'self'", GITHUB_API, helper, LOCAL_BACKEND) if source)
    directives = (
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {GITHUB_AVATARS}",
        "font-src 'self' data:",
        f"connect-src {connect}",
        "frame-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
    return "; ".join(directives)


def header_policy(settings: Settings) -> str:
    """The policy for the server's Content-Security-Policy header of /admin/: the page's, plus frame-ancestors
    'none'."""
    return content_security_policy(settings) + "; frame-ancestors 'none'"
