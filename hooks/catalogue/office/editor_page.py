"""The web editor's files under /admin/: its page, its configuration, the pinned Decap CMS script and the preview.

Everything is served from the site itself (no CDN): the package carries Decap CMS at the version package.json
pins (copied into it by `make vendor`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from babel.dates import get_day_names
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from catalogue.data.package_files import SCHEMA_DIR, VENDOR_DIR
from catalogue.data.settings import Settings

from .editor_config import EDITOR_FOLDER
from .editor_rules import editor_rules
from .editor_security import content_security_policy
from .editor_words import EDITOR_PHRASES

DECAP_SCRIPT = VENDOR_DIR / "decap-cms.js"
YAML_LIBRARY = VENDOR_DIR / "yaml"
EDITOR_SCRIPT = Path(__file__).with_name("editor.js")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The schema's weekday codes (common.schema.json), Monday first as CLDR counts them."""
DATE_FIELDS = ("date", "valid_from", "valid_until", "deadline", "reported", "end_date", "as_of")
"""Properties holding one date (common.schema.json#/$defs/date); `exceptions` holds a list of them."""
LOADING_MESSAGE = "Der Editor wird geladen … Das kann bei langsamer Verbindung eine Minute dauern."
_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)
_MANUAL_START = b"window.CMS_MANUAL_INIT = true;\n"
"""Decap starts itself unless told otherwise; editor.js starts it once its format is registered. A file, not an
inline script, so that the page's CSP can refuse every inline script."""


def hashed_name(stem: str, content: bytes) -> str:
    """`stem.<first 12 hex digits of the content's SHA-256>.js`: a changed file gets a new name, so browsers may
    keep the editor's scripts for a year (hosting/nginx.conf) and a repeat visit loads them from the cache."""
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:12]}.js"


def weekday_abbreviations(language: str) -> dict[str, str]:
    """The schema's weekday codes (mon … sun) -> CLDR's abbreviated stand-alone day names in `language` (de: Mo …
    So), for the collapsed weekly times of the form."""
    names = get_day_names("abbreviated", context="stand-alone", locale=language)
    return {code: str(names[index]) for index, code in enumerate(WEEKDAYS)}


def editor_files(
    settings: Settings,
    config_text: str,
    stylesheets: Sequence[str],
    directions: Mapping[str, str],
    labels: Mapping[str, str],
    decap_script: Path,
) -> list[tuple[str, bytes]]:
    """(path below the site root, content) of every file the editor needs.

    `stylesheets` are the site's CSS files relative to the site root (the preview shows the offer with them);
    `directions` maps a language code to 'ltr' or 'rtl'; `labels` is the default language's `site` map.
    `decap_script` is the package's copy of decap-cms.js; the yaml library's browser build lies beside it
    (`make vendor` copies both from node_modules). Raises FileNotFoundError when either is missing.
    """
    decap = decap_script.read_bytes()
    script = EDITOR_SCRIPT.read_bytes()
    names = {
        "start": hashed_name("start", _MANUAL_START),
        "decap": hashed_name("decap-cms", decap),
        "editor": hashed_name("editor", script),
    }
    setup = {
        "languages": [
            {"code": language.code, "name": language.name, "dir": directions.get(language.code, "ltr")}
            for language in settings.languages
        ],
        "default": settings.default_language,
        "stylesheets": [f"../{sheet}" for sheet in stylesheets],
        "labels": {
            key: labels[key]
            for key in ("offer.for_whom", "offer.costs", "offer.free", "offer.registration", "offer.eligibility")
            if key in labels
        },
        "locale": settings.default_language,
        "phrases": EDITOR_PHRASES,
        "dateFields": list(DATE_FIELDS),
        "weekdays": weekday_abbreviations(settings.default_language),
        "rules": editor_rules(SCHEMA_DIR),
    }
    yaml_library = YAML_LIBRARY
    return [
        *(
            (f"{EDITOR_FOLDER}/yaml/{path.relative_to(yaml_library).as_posix()}", path.read_bytes())
            for path in sorted(yaml_library.rglob("*.js"))
        ),
        (f"{EDITOR_FOLDER}/index.html", _page(settings, setup, names).encode("utf-8")),
        (f"{EDITOR_FOLDER}/config.yml", config_text.encode("utf-8")),
        (f"{EDITOR_FOLDER}/{names['start']}", _MANUAL_START),
        (f"{EDITOR_FOLDER}/{names['decap']}", decap),
        (f"{EDITOR_FOLDER}/{names['editor']}", script),
    ]


def _page(settings: Settings, setup: Mapping[str, object], names: Mapping[str, str]) -> str:
    """The page from templates/editor.html. The setup is JSON inside a script element: autoescaping would turn its
    quotes into entities, so it is marked safe after '</' is written as '<\\/' (JSON reads both alike)."""
    setup_json = json.dumps(setup, ensure_ascii=False).replace("</", "<\\/")
    return _TEMPLATES.get_template("editor.html").render(
        language=settings.default_language,
        policy=content_security_policy(settings),
        site_name=settings.site_name,
        loading=LOADING_MESSAGE,
        setup_json=Markup(setup_json),
        scripts=names,
    )
