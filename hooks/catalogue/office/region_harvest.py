"""Fetches the published HSDS of each town of a region over HTTP and keeps the last good copy of every town.

A town publishes `data/hsds/index.json` below its site address (catalogue.exports.hsds): the HSDS version, the
licence, the default language and, per language, the files of services and organizations. Any other HSDS 3.0
publisher joins with the address of one JSON file of its services (an address ending in .json): a list of services,
or an HSDS API page of them, each with its organization embedded. HSDS names no licence for the data: such a
publisher's licence is unknown, and the harvest says so. A town that cannot be
read now (no answer, an error, files that are not HSDS 3.0 JSON) keeps the copy of its last good harvest, and the
harvest says so; a town never harvested is left out, and the harvest says that too. A copy is replaced only by a
complete new one, so a harvest broken off halfway loses nothing.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

INDEX_PATH = "data/hsds/index.json"
HARVEST_FILE = "harvest.json"
MAX_FILE_BYTES = 64 * 1024 * 1024
TIMEOUT_SECONDS = 20

Fetch = Callable[[str], bytes]
"""Reads one address; raises OSError (urllib's errors are OSErrors) when it cannot."""


class NotHsds(ValueError):
    """A town's file is not what an HSDS 3.0 publisher serves; the message says which file and why."""


@dataclass(frozen=True)
class TownCopy:
    """One town's published HSDS as harvested: the index and, per language, its services and organizations."""

    url: str
    index: Mapping[str, Any]
    services: Mapping[str, list[dict[str, Any]]]
    organizations: Mapping[str, list[dict[str, Any]]]
    harvested: date
    fresh: bool = True
    """False: the town could not be read now, and this is the copy of its last good harvest."""
    problem: str = ""
    """Why the town could not be read now (when not fresh)."""
    files: Mapping[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def default_language(self) -> str:
        return str(self.index.get("default_language") or "de")

    @property
    def town(self) -> str:
        return str((self.index.get("publisher") or {}).get("town") or self.url)

    @property
    def licence(self) -> Mapping[str, str]:
        return self.index.get("licence") or {}


def fetch_url(address: str) -> bytes:
    """The body of a GET request, at most MAX_FILE_BYTES; OSError on any failure (refused, timed out, HTTP error)."""
    request = urllib.request.Request(address, headers={"Accept": "application/json", "User-Agent": "catalogue-region"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        body: bytes = response.read(MAX_FILE_BYTES + 1)
    if len(body) > MAX_FILE_BYTES:
        raise OSError(f"{address} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    return body


def copy_folder(cache_root: Path, url: str) -> Path:
    """The folder of a town's last copy: its address as a file name, e.g. bildung-musterstadt-example-org."""
    name = re.sub(r"[^a-z0-9]+", "-", url.lower().split("://", 1)[-1]).strip("-")
    return cache_root / name


def _json(name: str, body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotHsds(f"{name} is not JSON ({error})") from None


def _records(name: str, body: bytes) -> list[dict[str, Any]]:
    records = _json(name, body)
    if not isinstance(records, list) or not all(
        isinstance(record, dict) and isinstance(record.get("id"), str) for record in records
    ):
        raise NotHsds(f"{name} is not a list of HSDS records with ids")
    return records


def _copy_from_files(url: str, files: Mapping[str, bytes], harvested: date) -> TownCopy:
    index = _json("index.json", files["index.json"])
    if (
        not isinstance(index, dict)
        or str(index.get("hsds_version", "")).split(".")[0] != "3"
        or not isinstance(index.get("languages"), dict)
    ):
        raise NotHsds("index.json does not describe an HSDS 3 publication (hsds_version, languages)")
    services: dict[str, list[dict[str, Any]]] = {}
    organizations: dict[str, list[dict[str, Any]]] = {}
    for code, entry in index["languages"].items():
        services[code] = _records(entry["services"], files[entry["services"]])
        organizations[code] = _records(entry["organizations"], files[entry["organizations"]])
    return TownCopy(url, index, services, organizations, harvested, files=dict(files))


def _single_file_index(url: str, body: bytes) -> dict[str, bytes]:
    """Another HSDS publisher's one file of services (a JSON array, or an HSDS API `Page` with `contents`) as the
    files of a catalogue's HSDS: one language (German), organizations from the services' embedded `organization`."""
    document = _json(url, body)
    services = document.get("contents") if isinstance(document, dict) else document
    if not isinstance(services, list):
        raise NotHsds(f"{url} is neither a list of HSDS services nor an HSDS API page of them")
    organizations = {
        str(item["organization"]["id"]): item["organization"]
        for item in services
        if isinstance(item, dict) and isinstance(item.get("organization"), dict) and "id" in item["organization"]
    }
    index = {
        "hsds_version": "3.0",
        "publisher": {"town": url.split("://", 1)[-1].split("/", 1)[0], "url": url},
        "licence": {},
        "default_language": "de",
        "languages": {"de": {"services": "de/services.json", "organizations": "de/organizations.json"}},
    }
    return {
        "index.json": json.dumps(index).encode("utf-8"),
        "de/services.json": json.dumps(services).encode("utf-8"),
        "de/organizations.json": json.dumps(list(organizations.values())).encode("utf-8"),
    }


def _fetch_files(url: str, fetch: Fetch) -> dict[str, bytes]:
    if url.endswith(".json"):
        return _single_file_index(url, fetch(url))
    index_url = urljoin(url, INDEX_PATH)
    files = {"index.json": fetch(index_url)}
    index = _json("index.json", files["index.json"])
    if not isinstance(index, dict) or not isinstance(index.get("languages"), dict):
        raise NotHsds("index.json does not describe an HSDS publication (languages)")
    for entry in index["languages"].values():
        for relative in (entry.get("services"), entry.get("organizations")):
            if (
                not isinstance(relative, str)
                or relative.startswith(("/", "."))
                or "://" in relative
                or ".." in relative
            ):
                raise NotHsds(f"index.json names {relative!r}, not a file beside it")
            files[relative] = fetch(urljoin(index_url, relative))
    return files


def _save(folder: Path, url: str, files: Mapping[str, bytes], harvested: date) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    for name, body in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_bytes(body)
    (staging / HARVEST_FILE).write_text(
        json.dumps({"url": url, "harvested": harvested.isoformat()}) + "\n", encoding="utf-8"
    )
    if folder.exists():
        shutil.rmtree(folder)
    staging.rename(folder)


def _load_saved(folder: Path, url: str) -> TownCopy | None:
    record = folder / HARVEST_FILE
    if not record.is_file():
        return None
    harvested = date.fromisoformat(json.loads(record.read_text(encoding="utf-8"))["harvested"])
    files = {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*.json")
        if path.name != HARVEST_FILE
    }
    return _copy_from_files(url, files, harvested)


def harvest_town(url: str, cache_root: Path, today: date, fetch: Fetch = fetch_url) -> TownCopy | str:
    """The town's HSDS as published now, saved as its new last copy; else its last copy, marked not fresh with the
    reason; else the reason alone (a string) when the town has never been harvested."""
    folder = copy_folder(cache_root, url)
    try:
        files = _fetch_files(url, fetch)
        copy = _copy_from_files(url, files, today)
    except (OSError, NotHsds, KeyError) as error:
        reason = _reason(error)
        saved = _load_saved(folder, url)
        if saved is None:
            return reason
        return TownCopy(
            saved.url, saved.index, saved.services, saved.organizations, saved.harvested, fresh=False, problem=reason
        )
    _save(folder, url, files, today)
    return copy


def _reason(error: Exception) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} for {error.url}"
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    if isinstance(error, KeyError):
        return f"index.json names a file that is missing: {error}"
    return str(error)
