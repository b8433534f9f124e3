"""The loader's rules for one text, for texts that enter the data without passing the loader first (translator
files, machine drafts): the character rules of data/strict_yaml.py and the markup and link rules of
checks/text_safety.py, with the same regular expressions.
"""

from __future__ import annotations

import html
import unicodedata

from catalogue.checks.text_safety import (
    CODE_SPAN,
    FENCED_CODE,
    HTML_TAG,
    INVISIBLE,
    MARKUP_IN_PLAIN_TEXT,
    SAFE_LINK_SCHEMES,
    SCHEME,
    link_targets,
)
from catalogue.data.strict_yaml import _DIRECTION_CONTROLS, _REFUSED_IN_TEXT


def text_refusals(text: str, *, markdown: bool) -> list[tuple[str, str]]:
    """(reason key, what was found) for each rule the text breaks; empty when `make check` would take it.

    Reason keys: 'control' (a control character, lone surrogate or noncharacter), 'direction' (a bidirectional
    override or isolate, U+202A-U+202E, U+2066-U+2069), 'html' (an HTML tag), 'link' (a link whose scheme is not
    http, https, mailto or tel), 'markup' (Markdown in a plain-text field, which readers would see as is)."""
    found: list[tuple[str, str]] = []
    refused = _REFUSED_IN_TEXT.search(text)
    if refused:
        found.append(("control", f"U+{ord(refused.group()):04X}"))
    direction = _DIRECTION_CONTROLS.search(text)
    if direction:
        found.append(("direction", f"U+{ord(direction.group()):04X} {unicodedata.name(direction.group())}"))
    if not markdown:
        markup = HTML_TAG.search(text) or MARKUP_IN_PLAIN_TEXT.search(text)
        if markup:
            found.append(("markup", markup.group()[:40]))
        return found
    prose = CODE_SPAN.sub(" ", FENCED_CODE.sub(" ", text))
    tag = HTML_TAG.search(prose)
    if tag:
        found.append(("html", tag.group()[:40]))
    for target in link_targets(prose):
        scheme = SCHEME.match(INVISIBLE.sub("", html.unescape(target)))
        if scheme and scheme.group(1).lower() not in SAFE_LINK_SCHEMES:
            found.append(("link", target[:40]))
    return found
