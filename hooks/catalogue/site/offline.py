"""The offline copy: the service worker a reader's browser installs, the script that registers it, and what it keeps.

The worker (`sw.js` at the site's root, so that its scope is the whole site, whatever path the site lives under) is
`offline_worker.js` with this build's settings filled in: the shell (every stylesheet, script, icon and image the
languages' offline, home and catalogue pages load), and per language its folder, its offline page and its essentials
(home, catalogue page, search head and stemmer), all as paths relative to the worker. Its cache is named by a hash of
all of it, so a build that changes any of these files installs a new worker that deletes the older caches.

With `extra.catalogue.offline: false` the build publishes `offline_off.js` at the same address instead: browsers look
for a new version of an installed worker only at the address it was registered from, so only a worker there can
remove it (a missing file leaves the old worker running; Service Workers, W3C, "Update" algorithm).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from catalogue.data.settings import Settings

WORKER_PATH = "sw.js"
REGISTRATION_PATH = "assets/catalogue/offline.js"
"""Two folders below the site's root: the script finds the worker at ../../sw.js from its own address."""
EDITOR_PATH = "admin/"
"""The web editor's folder (office.editor_config.EDITOR_FOLDER; a test holds them together): the worker leaves it
alone."""
OFFLINE_FOLDER = "offline/"
"""Below each language's root: the page the worker shows for a page the browser has not saved."""
_SOURCES = Path(__file__).parent
WORKER_SOURCE = _SOURCES / "offline_worker.js"
KILL_SWITCH_SOURCE = _SOURCES / "offline_off.js"
REGISTRATION_SOURCE = _SOURCES / "offline_register.js"
_CONFIG_SLOT = '"@@config@@"'
VERSION_LENGTH = 16

ReadSiteFile = Callable[[str], "bytes | None"]
"""A built file by its path below the site's root ('ar/catalogue/index.html'); None where there is none."""


@dataclass(frozen=True)
class LanguageCopy:
    prefix: str
    """The language's folder below the site's root: '' for the default language, 'ar/' for Arabic."""
    offline_page: str
    essentials: tuple[str, ...]
    """Kept when the reader first opens a page of the language, unless the line is slow (2G or data saver)."""


@dataclass(frozen=True)
class OfflineWorker:
    version: str
    shell: tuple[str, ...]
    """The page frame's stylesheets, scripts and icons: kept on install."""
    extras: tuple[str, ...]
    """What only the home and catalogue pages load: kept on install unless the line is slow, else when first used."""
    languages: tuple[LanguageCopy, ...]
    script: str


class _Subresources(HTMLParser):
    """The addresses of the stylesheets, icons, scripts and images a page loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and {"stylesheet", "icon"} & set((values.get("rel") or "").split()):
            self.found.append(values.get("href") or "")
        elif tag in ("script", "img"):
            self.found.append(values.get("src") or "")


def subresources(page_path: str, html: str) -> list[str]:
    """The files below the site's root that the page at `page_path` ('ar/index.html') loads, in the order it names
    them. Addresses with a scheme or host (another origin, data:) and root-absolute ones (whose meaning depends on
    the path the site is served under) are left out."""
    parser = _Subresources()
    parser.feed(html)
    folder = posixpath.dirname(page_path)
    paths = []
    for address in parser.found:
        parts = urlsplit(address)
        if not parts.path or parts.scheme or parts.netloc or parts.path.startswith("/"):
            continue
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        if not path.startswith("../") and path not in paths:
            paths.append(path)
    return paths


def language_copies(settings: Settings, read: ReadSiteFile) -> tuple[LanguageCopy, ...]:
    """Each language's folder, offline page and the essentials that exist in this build."""
    copies = []
    for code in settings.language_codes:
        prefix = settings.url_prefix(code)
        candidates = (prefix, prefix + "catalogue/", f"search/{code}/index.json", f"search/{code}/stemmer.js")
        essentials = tuple(path for path in candidates if read(_file_of(path)) is not None)
        copies.append(LanguageCopy(prefix, prefix + OFFLINE_FOLDER, essentials))
    return tuple(copies)


def _file_of(path: str) -> str:
    return path + "index.html" if path.endswith("/") or not path else path


def shell_files(copies: Sequence[LanguageCopy], read: ReadSiteFile) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the site's pages load from the site, each once, sorted: the frame's files (those of the offline pages,
    which every page loads) and the rest that the languages' home and catalogue pages load (the catalogue's script)."""
    frame: set[str] = set()
    rest: set[str] = set()
    for copy in copies:
        for page in (copy.offline_page, *(path for path in copy.essentials if path.endswith("/") or not path)):
            html = read(_file_of(page))
            if html is not None:
                found = (path for path in subresources(_file_of(page), html.decode("utf-8")) if read(path) is not None)
                (frame if page == copy.offline_page else rest).update(found)
    return tuple(sorted(frame)), tuple(sorted(rest - frame))


def offline_worker(settings: Settings, read: ReadSiteFile) -> OfflineWorker:
    """The worker for this build: the offline pages and every file read here must already be written."""
    copies = language_copies(settings, read)
    shell, extras = shell_files(copies, read)
    config = {
        "shell": list(shell),
        "extras": list(extras),
        "languages": [[copy.prefix, copy.offline_page, list(copy.essentials)] for copy in copies],
        "editor": EDITOR_PATH,
    }
    template = WORKER_SOURCE.read_text(encoding="utf-8")
    digest = hashlib.sha256(template.encode("utf-8"))
    digest.update(json.dumps(config, sort_keys=True).encode("utf-8"))
    for path in (*shell, *extras, *(_file_of(copy.offline_page) for copy in copies)):
        digest.update(b"\0" + path.encode("utf-8") + b"\0")
        digest.update(read(path) or b"")
    version = digest.hexdigest()[:VERSION_LENGTH]
    script = template.replace(
        _CONFIG_SLOT, json.dumps({"version": version, **config}, ensure_ascii=False, separators=(",", ":"))
    )
    return OfflineWorker(version, shell, extras, copies, script)


def registration_script() -> str:
    return REGISTRATION_SOURCE.read_text(encoding="utf-8")


def kill_switch_worker() -> str:
    return KILL_SWITCH_SOURCE.read_text(encoding="utf-8")
