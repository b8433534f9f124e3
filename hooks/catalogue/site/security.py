"""What every page tells the reader's browser to allow: a Content Security Policy and a referrer policy.

Both travel in <meta> elements, since the site is static files on hosts whose headers a town may not control
(CSP Level 3, "Delivery via meta element": frame-ancestors, report-uri and sandbox are ignored there, so they are
left out). Scripts come only from the site itself, plus the one inline line that marks the page as scripted before
it is painted, allowed by its hash; no 'unsafe-inline', no eval.

The referrer policy is no-referrer: a link to a map or to a provider's site would otherwise tell that site which
offer page a reader came from - or, with strict-origin, at least that the reader uses a catalogue for newcomers,
which says something about the reader's residence status. The site itself needs no referrer for anything.
"""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

EARLY_SCRIPT = 'document.documentElement.classList.add("cat-js")'
"""Runs in <head>, before the first paint, so that script-only controls never flash into view."""
REFERRER_POLICY = "no-referrer"


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script: 'sha256-<base64 of its SHA-256>'."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    directives = (
        "default-src 'self'",
        f"script-src 'self' {script_hash(EARLY_SCRIPT)}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
    return "; ".join(directives)


def early_script_element() -> Markup:
    return Markup("<script>{}</script>").format(Markup(EARLY_SCRIPT))
