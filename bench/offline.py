"""What the offline copy costs a reader: the worker and its registration script, and the bytes the worker fetches on
a first visit beyond what the first page already loaded (gzip -9, as a host compresses them).

    python bench/offline.py SITE_DIR [LANGUAGE]      (also said by `make bench` for each catalogue build)
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from catalogue.site.offline import REGISTRATION_PATH, WORKER_PATH, subresources  # noqa: E402

_CONFIG = re.compile(r"^const CONFIG = (\{.*\});$", re.MULTILINE)


def _gzip(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9)) if path.is_file() else 0


def _file(site_dir: Path, path: str) -> Path:
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def offline_sizes(site_dir: Path, language: str) -> str:
    """One line: the scripts' sizes and a first visit's extra bytes in `language`, landing on one of its offer pages."""
    worker = site_dir / WORKER_PATH
    found = _CONFIG.search(worker.read_text(encoding="utf-8")) if worker.is_file() else None
    if found is None:
        return "offline copy: switched off (sw.js is the kill switch)" if worker.is_file() else "offline copy: no sw.js"
    config = json.loads(found.group(1))
    entries = {entry[0]: entry for entry in config["languages"]}
    prefix, offline_page, essentials = entries.get(f"{language}/") or entries[""]
    offers = sorted((site_dir / prefix / "offers").glob("*/index.html"))
    landing = offers[0].relative_to(site_dir).as_posix() if offers else _file(site_dir, prefix).relative_to(site_dir).as_posix()
    loaded = {landing, *subresources(landing, (site_dir / landing).read_text(encoding="utf-8"))}
    kept = {*config["shell"], *config["extras"], _file(site_dir, offline_page).relative_to(site_dir).as_posix(),
            *(_file(site_dir, path).relative_to(site_dir).as_posix() for path in essentials)}
    extra = sorted(kept - loaded)
    slow_extra = sorted({*config["shell"], _file(site_dir, offline_page).relative_to(site_dir).as_posix()} - loaded)
    kib = lambda paths: sum(_gzip(site_dir / path) for path in paths) / 1024  # noqa: E731
    largest = sorted(extra, key=lambda path: -_gzip(site_dir / path))[:3]
    return (
        f"offline copy ({language}, gzip -9): sw.js {_gzip(worker) / 1024:.1f} KB, {REGISTRATION_PATH} "
        f"{_gzip(site_dir / REGISTRATION_PATH) / 1024:.1f} KB; a first visit to an offer page fetches {kib(extra):.1f} KB more "
        f"({len(extra)} files; largest {', '.join(f'{path} {_gzip(site_dir / path) / 1024:.1f} KB' for path in largest)}), "
        f"on 3G or slower or with data saver {kib(slow_extra):.1f} KB"
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        print(__doc__)
        return 2
    print(offline_sizes(Path(arguments[0]), arguments[1] if len(arguments) > 1 else "ar"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
