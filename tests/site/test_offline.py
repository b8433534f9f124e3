"""What the build publishes for the offline copy (site/offline.py): the worker and its settings, the registration
script on every page, an offline page per language, and the worker that removes it all when the town switches it off.
How a browser uses them is tests/browser/test_offline.py."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from catalogue.data.settings import settings_from_config
from catalogue.office.editor_config import EDITOR_FOLDER
from catalogue.site.offline import (
    EDITOR_PATH, KILL_SWITCH_SOURCE, REGISTRATION_PATH, WORKER_PATH, WORKER_SOURCE, kill_switch_worker, offline_worker, registration_script,
    subresources,
)
from tests.site.sample_data import LOADED, SETTINGS
from tests.towns import BuiltSite, build_site, write_minimal_town

_CONFIG = re.compile(r"^const CONFIG = (\{.*\});$", re.MULTILINE)
_PAGE_KINDS = ("", "catalogue/", "offers/deutsch-von-anfang-an/", "news/", "about/", "offline/")


def worker_config(site: BuiltSite) -> dict:
    found = _CONFIG.search(site.page(WORKER_PATH))
    assert found, "sw.js carries no CONFIG"
    return json.loads(found.group(1))


def reader_of(root: Path):
    def read(path: str) -> bytes | None:
        file = root / path
        return file.read_bytes() if file.is_file() else None
    return read


@pytest.mark.parametrize("language", SETTINGS.language_codes)
def test_every_language_has_an_offline_page_in_its_own_words(sample_site: BuiltSite, language: str) -> None:
    html = sample_site.page(SETTINGS.url_prefix(language) + "offline/index.html")
    assert f'<html lang="{language}"' in html
    direction = LOADED.directions.get(language, "ltr")
    assert re.search(rf'<body[^>]* dir="{direction}"', html), f"the {language} offline page is not {direction}"
    assert f"<h1>{LOADED.labels[language]['offline.title']}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'id="cat-offline-pages"' in html and 'id="cat-offline-retry"' in html


def test_the_offline_pages_stay_out_of_the_sitemap_and_the_search(sample_site: BuiltSite) -> None:
    assert "/offline/" not in sample_site.page("sitemap.xml")
    for language in SETTINGS.language_codes:
        assert "offline/" not in sample_site.page(f"search/{language}/index.json")


@pytest.mark.parametrize("language", SETTINGS.language_codes)
@pytest.mark.parametrize("kind", _PAGE_KINDS)
def test_every_page_registers_the_worker_with_an_external_script(sample_site: BuiltSite, language: str, kind: str) -> None:
    path = SETTINGS.url_prefix(language) + kind + "index.html"
    scripts = re.findall(r'<script src="([^"]*offline\.js)" defer>', sample_site.page(path))
    assert len(scripts) == 1, f"{path} loads the registration script {len(scripts)} times"
    assert (sample_site.root / Path(path).parent / scripts[0]).resolve() == (sample_site.root / REGISTRATION_PATH).resolve()


def test_the_worker_keeps_the_shell_and_each_languages_essentials(sample_site: BuiltSite) -> None:
    config = worker_config(sample_site)
    home = sample_site.page("ar/catalogue/index.html")
    for loaded in subresources("ar/catalogue/index.html", home):
        assert loaded in config["shell"] + config["extras"], f"the catalogue page loads {loaded}, which the worker does not keep"
    offline_page = sample_site.page("ar/offline/index.html")
    assert config["shell"] == sorted(subresources("ar/offline/index.html", offline_page)), "the frame's files are the shell"
    assert REGISTRATION_PATH in config["shell"] and not set(config["shell"]) & set(config["extras"])
    assert [entry[0] for entry in config["languages"]] == [SETTINGS.url_prefix(code) for code in SETTINGS.language_codes]
    for prefix, offline_page, essentials in config["languages"]:
        code = prefix.rstrip("/") or SETTINGS.default_language
        assert offline_page == prefix + "offline/"
        assert essentials[:3] == [prefix, prefix + "catalogue/", f"search/{code}/index.json"]
    for path in config["shell"] + config["extras"] + [path for entry in config["languages"] for path in entry[2]]:
        assert (sample_site.root / path / ("index.html" if path.endswith("/") or not path else "")).is_file(), path


def test_the_version_follows_the_shell_and_nothing_else(sample_site: BuiltSite, tmp_path: Path) -> None:
    read = reader_of(sample_site.root)
    version = offline_worker(SETTINGS, read).version
    assert version == worker_config(sample_site)["version"] == offline_worker(SETTINGS, read).version
    for changed in ("assets/catalogue/catalogue.css", "ar/offline/index.html", REGISTRATION_PATH):
        def edited(path: str, changed: str = changed) -> bytes | None:
            content = read(path)
            return content + b"\n" if path == changed and content is not None else content
        assert offline_worker(SETTINGS, edited).version != version, f"a new {changed} keeps the old cache"

    def new_offer_page(path: str) -> bytes | None:
        return b"<html>new</html>" if path == "ar/offers/deutsch-von-anfang-an/index.html" else read(path)
    assert offline_worker(SETTINGS, new_offer_page).version == version, "a changed offer would throw away every saved page"


@pytest.mark.parametrize(("page", "html", "expected"), [
    ("ar/index.html", '<link rel="stylesheet" href="../assets/a.css"><script src="../assets/b.js" defer></script>', ["assets/a.css", "assets/b.js"]),
    ("index.html", '<link rel="icon" href="assets/favicon.svg"><img src="assets/logo.svg" alt="">', ["assets/favicon.svg", "assets/logo.svg"]),
    ("ar/catalogue/index.html", '<script src="../../search/ar/stemmer.js?v=1"></script>', ["search/ar/stemmer.js"]),
    ("index.html", '<link rel="canonical" href="https://example.org/"><link rel="alternate" href="en/">', []),
    ("index.html", '<script src="https://cdn.example.org/x.js"></script><img src="//cdn.example.org/y.png">', []),
    ("index.html", '<img src="data:image/png;base64,AAAA"><img src="/root-absolute.png"><img src="../outside.png">', []),
    ("index.html", '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="./a.css">', ["a.css"]),
])
def test_subresources_are_the_sites_own_files_a_page_loads(page: str, html: str, expected: list[str]) -> None:
    assert subresources(page, html) == expected


def test_the_scripts_reach_no_other_origin() -> None:
    """Every address the scripts fetch is built from the worker's scope or is the request it answers."""
    for source in (WORKER_SOURCE.read_text(encoding="utf-8"), registration_script(), kill_switch_worker()):
        assert not re.search(r"https?://|//[a-z]", source.split("*/", 1)[1]), "a script names another server"
        assert "importScripts" not in source and "eval(" not in source


@pytest.mark.parametrize(("value", "expected"), [(None, True), (True, True), (False, False)])
def test_the_offline_setting_is_a_yes_or_no(value: object, expected: bool) -> None:
    catalogue = {} if value is None else {"offline": value}
    assert settings_from_config({"extra": {"catalogue": catalogue}}, Path(".")).offline is expected


@pytest.mark.parametrize("value", ["false", "nein", 0])
def test_an_offline_setting_that_is_no_yes_or_no_is_refused_with_the_fix(value: object) -> None:
    with pytest.raises(ValueError, match=r"extra\.catalogue\.offline in mkdocs\.yml must be true or false"):
        settings_from_config({"extra": {"catalogue": {"offline": value}}}, Path("."))


def test_switched_off_the_site_publishes_the_kill_switch_and_registers_nothing(tmp_path: Path) -> None:
    town = write_minimal_town(tmp_path / "town")
    config_file = town / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["extra"]["catalogue"]["offline"] = False
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (tmp_path / "build").mkdir()
    site = build_site(tmp_path / "build", town)
    assert site.page(WORKER_PATH) == KILL_SWITCH_SOURCE.read_text(encoding="utf-8")
    assert "unregister()" in site.page(WORKER_PATH)
    assert not (site.root / REGISTRATION_PATH).exists()
    assert not (site.root / "offline").exists()
    for page in ("index.html", "catalogue/index.html", "offers/deutsch-von-anfang-an/index.html"):
        assert "offline.js" not in site.page(page), f"{page} still registers the offline worker"


def test_the_worker_knows_where_the_editor_lives() -> None:
    """The worker leaves the editor's folder to the network; it must be the folder the editor is published in."""
    assert EDITOR_PATH == EDITOR_FOLDER + "/"
