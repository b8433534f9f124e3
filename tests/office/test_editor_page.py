"""The editor's page under /admin/ is written from a template (office/templates/editor.html), with the site's name
and the editor's setup escaped for where they stand."""
from __future__ import annotations

import html.parser
import json
from pathlib import Path

from catalogue.data.settings import settings_from_config
from catalogue.office import editor_page
from catalogue.office.editor_page import LOADING_MESSAGE, _page
from tests.towns import REPO

NAMES = {"start": "start.0123456789ab.js", "decap": "decap-cms.0123456789ab.js", "editor": "editor.0123456789ab.js"}


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.scripts: list[dict[str, str | None]] = []
        self.setup = ""
        self.loading = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        self._in = "setup" if attributes.get("id") == "catalogue-editor" else "loading" if attributes.get("id") == "catalogue-loading" else tag

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "setup":
            self.setup += data
        elif self._in == "loading":
            self.loading += data

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def _parsed(site_name: str, setup: dict[str, object]) -> _Page:
    settings = settings_from_config({"site_name": site_name, "site_url": "https://t.example.org/"}, REPO)
    page = _Page()
    page.feed(_page(settings, setup, NAMES))
    return page


def test_the_page_is_a_template_not_markup_in_python() -> None:
    source = Path(editor_page.__file__).read_text(encoding="utf-8")
    assert "<!doctype" not in source.lower() and "<script" not in source
    assert (Path(editor_page.__file__).parent / "templates" / "editor.html").is_file()


def test_the_site_name_and_the_setup_are_escaped_where_they_stand() -> None:
    setup = {"phrases": {"note": "</script><script>alert(1)</script>"}, "languages": [{"code": "ar", "name": "العربية"}]}
    page = _parsed('Kurse <b>&</b> "Beratung"', setup)
    assert page.title == 'Angebote bearbeiten – Kurse <b>&</b> "Beratung"'
    assert json.loads(page.setup) == setup, "the setup's </script> does not end its element"
    assert page.loading == LOADING_MESSAGE


def test_the_scripts_come_in_order_from_files_deferred() -> None:
    page = _parsed("T", {})
    assert [(script.get("src"), "defer" in script) for script in page.scripts if script.get("src")] == [
        (NAMES["start"], True), (NAMES["decap"], True), (NAMES["editor"], True),
    ]
