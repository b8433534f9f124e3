"""The rules of `make check` the web editor runs before it saves (editor.js `checkRecord`), handed to the browser
as data: the same regular expressions as checks/text_safety.py (translated to JavaScript syntax), the schema's
lengths and time pattern, and messages that name the form's labels (the schemas' `x-label-de`).

One source for both: a rule changed in checks/text_safety.py or a schema changes what the editor refuses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from catalogue.checks.orders import LONGEST_OVERNIGHT_MINUTES
from catalogue.checks.text_safety import (
    AUTOLINK,
    CODE_SPAN,
    FENCED_CODE,
    HTML_TAG,
    INLINE_LINK,
    MARKUP_IN_PLAIN_TEXT,
    REFERENCE_LINK,
    SAFE_LINK_SCHEMES,
)

from .editor_config import field_labels

EDITOR_CHECK_MESSAGES: Mapping[str, str] = {
    "intro": "Bitte zuerst korrigieren:",
    "too_long": "„{field}“ ({language}) ist {length} Zeichen lang, höchstens {limit} sind möglich.",
    "plain_markup": "„{field}“ ({language}) zeigt {markup} als Text; bitte ohne Auszeichnung schreiben.",
    "html": "„{field}“ ({language}) enthält HTML ({tag}); bitte nur einfachen Text mit Markdown.",
    "link": "„{field}“ ({language}) enthält einen Link, der nicht erlaubt ist ({target}); nur https://, mailto: und tel:.",
    "dates": "„{until}“ liegt vor „{from}“.",
    "ages": "„{low}“ ist größer als „{high}“.",
    "time": "{group}, Nr. {number}: „{field}“ ist {value}; bitte als SS:MM mit 24 Stunden, z. B. 09:30.",
    "times_equal": "{group}, Nr. {number}: „{end}“ ist gleich „{start}“.",
    "times_order": "{group}, Nr. {number}: „{end}“ liegt vor „{start}“.",
    "id_exists": "„{field}“: {id} gibt es schon; bitte eine andere wählen.",
    "id_fixed": "„{field}“ bleibt nach dem Anlegen {id}; bitte zurücksetzen.",
}
"""What the editor says for each refused value, with the form's labels as {field}, {from}, {until} …"""


def javascript_pattern(pattern: re.Pattern[str]) -> dict[str, str]:
    """A Python regular expression as {"source", "flags"} for JavaScript's RegExp (ECMAScript 2018: lookbehind and
    the `s` flag). Raises ValueError for Python-only syntax this translation does not cover."""
    source = pattern.pattern
    flags = "g"
    if pattern.flags & re.MULTILINE:
        flags += "m"
        source = source.replace(r"\Z", r"$(?![\s\S])")
    else:
        source = source.replace(r"\Z", "$")
    if pattern.flags & re.DOTALL:
        flags += "s"
    if pattern.flags & re.IGNORECASE:
        flags += "i"
    if re.search(r"\(\?P|\\A|\(\?[aiLmsux]+\)", source):
        raise ValueError(f"no JavaScript form for {pattern.pattern!r}")
    return {"source": source, "flags": flags}


def _text_fields(schema_folder: Path) -> tuple[list[str], list[str]]:
    """(names of every text-map property, names of the Markdown ones) in the edited schemas."""
    texts: set[str] = set()
    markdown: set[str] = set()
    pending: list[Any] = [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_folder.glob("*.schema.json"))
    ]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            for name, value in (node.get("properties") or {}).items():
                reference = value.get("$ref", "") if isinstance(value, dict) else ""
                if reference.endswith("/$defs/text") or reference.endswith("/$defs/markdown"):
                    texts.add(name)
                    if reference.endswith("/markdown"):
                        markdown.add(name)
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return sorted(texts), sorted(markdown)


def editor_rules(schema_folder: Path) -> dict[str, Any]:
    """The rule set editor.js reads from the page: patterns, limits, field names and messages.

    `schema_folder` holds the *.schema.json the check uses (common.schema.json gives the lengths and the time
    pattern)."""
    common = json.loads((schema_folder / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    texts, markdown = _text_fields(schema_folder)
    # "description" is Markdown in offers, actors and news; the taxonomy's plain one is not edited in the form.
    texts_plain_only = [name for name in texts if name not in markdown]
    patterns = {
        "html_tag": javascript_pattern(HTML_TAG),
        "plain_markup": javascript_pattern(MARKUP_IN_PLAIN_TEXT),
        "fenced_code": javascript_pattern(FENCED_CODE),
        "code_span": javascript_pattern(CODE_SPAN),
        "inline_link": javascript_pattern(INLINE_LINK),
        "reference_link": javascript_pattern(REFERENCE_LINK),
        "autolink": javascript_pattern(AUTOLINK),
        "time": {"source": common["time"]["pattern"], "flags": ""},
    }
    return {
        "patterns": patterns,
        "limits": {
            "text": common["text"]["additionalProperties"]["maxLength"],
            "markdown": common["markdown"]["additionalProperties"]["maxLength"],
        },
        "textFields": sorted({*texts_plain_only, *markdown}),
        "markdownFields": markdown,
        "safeSchemes": sorted(SAFE_LINK_SCHEMES),
        "longestOvernight": LONGEST_OVERNIGHT_MINUTES,
        "labels": field_labels(schema_folder),
        "messages": dict(EDITOR_CHECK_MESSAGES),
    }
