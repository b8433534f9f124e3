"""The web editor's files under /admin/: its page, its configuration, the pinned Decap CMS script and the preview.

Everything is served from the site itself (no CDN): the package carries Decap CMS at the version package.json
pins (copied into it by `make vendor`).
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Mapping, Sequence

from catalogue.data.package_files import VENDOR_DIR
from catalogue.data.settings import Settings

from .editor_config import EDITOR_FOLDER
from .editor_security import content_security_policy

DECAP_SCRIPT = VENDOR_DIR / "decap-cms.js"
YAML_LIBRARY = VENDOR_DIR / "yaml"
EDITOR_SCRIPT = Path(__file__).with_name("editor.js")


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
    setup = {
        "languages": [{"code": language.code, "name": language.name, "dir": directions.get(language.code, "ltr")} for language in settings.languages],
        "default": settings.default_language,
        "stylesheets": [f"../{sheet}" for sheet in stylesheets],
        "labels": {key: labels[key] for key in ("offer.for_whom", "offer.costs", "offer.free", "offer.registration", "offer.eligibility") if key in labels},
    }
    yaml_library = YAML_LIBRARY
    return [
        *((f"{EDITOR_FOLDER}/yaml/{path.relative_to(yaml_library).as_posix()}", path.read_bytes()) for path in sorted(yaml_library.rglob("*.js"))),
        (f"{EDITOR_FOLDER}/index.html", _page(settings, setup).encode("utf-8")),
        (f"{EDITOR_FOLDER}/config.yml", config_text.encode("utf-8")),
        (f"{EDITOR_FOLDER}/decap-cms.js", decap),
        (f"{EDITOR_FOLDER}/editor.js", EDITOR_SCRIPT.read_bytes()),
    ]


def _page(settings: Settings, setup: Mapping[str, object]) -> str:
    setup_json = json.dumps(setup, ensure_ascii=False).replace("</", "<\\/")
    title = html.escape(f"Angebote bearbeiten – {settings.site_name}")
    return f"""<!doctype html>
<html lang="{html.escape(settings.default_language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(content_security_policy(settings))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<style>
/* Decap's editor asks for 800 px; on a phone the form alone takes the width, the preview steps aside and the
   toolbar scrolls sideways. */
@media (max-width: 799px) {{
  [class*="-EditorContainer"], [class*="-ToolbarContainer"] {{ min-width: 0 !important; }}
  [class*="-ToolbarContainer"] {{ overflow-x: auto; }}
  .SplitPane > .Pane1 {{ width: 100% !important; }}
  .SplitPane > .Resizer, .SplitPane > .Pane2 {{ display: none !important; }}
}}
</style>
</head>
<body>
<script type="application/json" id="catalogue-editor">{setup_json}</script>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap-cms.js"></script>
<script src="editor.js"></script>
</body>
</html>
"""
