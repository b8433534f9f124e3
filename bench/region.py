"""What a regional catalogue costs: three synthetic towns publish their HSDS on 127.0.0.1, a region harvests them
(`python -m catalogue region`) and builds its site.

    python bench/region.py [--offers 1000] [--languages de,en,…] [--seed 1] [--timeout SECONDS] [--json PATH]

Prints one table row: the towns' HSDS export (seconds per town, megabytes), the harvest (seconds, offers written)
and the region's build (wall and CPU seconds). Run from the repository root with the repository's Python; every file
is written in a temporary folder that is removed afterwards.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "hooks"))

from build import run_mkdocs_build  # noqa: E402
from catalogue.build.rendering import RenderJob  # noqa: E402
from catalogue.checks.loading import load_catalogue  # noqa: E402
from catalogue.publication.visibility import publish  # noqa: E402
from catalogue.data.settings import read_settings  # noqa: E402
from catalogue.exports.hsds import hsds_files  # noqa: E402
from catalogue.office.region import harvest_region  # noqa: E402
from synthetic import REFERENCE_DATE, write_synthetic_catalogue  # noqa: E402
from site_config import catalogue_config, write_mkdocs_config  # noqa: E402

TOWNS = ("Altdorf", "Bergheim", "Seestadt")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """The bench prints its own lines."""


def _serve(root: Path, stack: ExitStack) -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stack.callback(server.server_close)
    stack.callback(server.shutdown)
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"


def _config(work: Path, name: str, languages: Sequence[str], site_url: str, towns: Sequence[str] = ()) -> Path:
    folder = work / name.lower()
    config = catalogue_config(REPO_ROOT, data_dir=folder / "data", languages=languages, site_dir=folder / "site")
    config["site_url"] = site_url
    catalogue = config["extra"]["catalogue"]
    catalogue["town"] = name
    if towns:
        catalogue["region"] = {"towns": list(towns)}
    path = folder / "mkdocs.yml"
    write_mkdocs_config(config, path)
    return path


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_region(work: Path, offers: int, languages: Sequence[str], seed: int, timeout: float | None, numbers: dict[str, Any] | None = None) -> Iterator[str]:
    """The table's lines; `numbers`, when given, receives the same figures as raw numbers."""
    with ExitStack() as stack:
        towns = []
        export_seconds: list[float] = []
        export_bytes = 0
        for number, name in enumerate(TOWNS):
            served = work / f"{name.lower()}-served"
            served.mkdir()
            url = _serve(served, stack)
            _say(f"{name}: {offers} offers x {len(languages)} languages ...")
            write_synthetic_catalogue(work / name.lower() / "data", offers=offers, languages=languages, seed=seed + number, template_data_dir=REPO_ROOT / "data")
            settings = read_settings(_config(work, name, languages, url))
            loaded = load_catalogue(settings, today=REFERENCE_DATE)
            if loaded.catalogue is None:
                raise SystemExit(f"{name}'s synthetic data does not load")
            publication = publish(loaded.catalogue, REFERENCE_DATE)
            job = RenderJob(publication, settings, loaded.labels)
            started = time.perf_counter()
            files = hsds_files(publication, settings, [job.reader(code) for code in settings.language_codes])
            export_seconds.append(time.perf_counter() - started)
            export_bytes += sum(len(content) for content in files.values())
            for relative, content in files.items():
                path = served / "data" / "hsds" / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            towns.append(url)
        region_data = work / "kreis" / "data"
        shutil.copytree(work / TOWNS[0].lower() / "data" / "labels", region_data / "labels")
        shutil.copyfile(work / TOWNS[0].lower() / "data" / "taxonomy.yml", region_data / "taxonomy.yml")
        config_file = _config(work, "Kreis", languages, "https://bildung.kreis.example.org/", towns)
        _say("harvest ...")
        started = time.perf_counter()
        harvest = harvest_region(read_settings(config_file), REFERENCE_DATE)
        harvest_seconds = time.perf_counter() - started
        written = sum(len(records.offers) for records in harvest.records.values())
        _say(f"region build: {written} offers ...")
        built = run_mkdocs_build(config_file, cwd=REPO_ROOT, timeout=timeout)
        if not built.ok:
            raise SystemExit(f"the region's build failed:\n{built.stderr_tail}")
    if numbers is not None:
        numbers.update(
            towns=len(TOWNS), offers_per_town=offers, languages=list(languages), export_seconds_per_town=max(export_seconds),
            export_bytes=export_bytes, harvest_seconds=harvest_seconds, harvested_offers=written, build_seconds=built.seconds,
            build_cpu_seconds=built.cpu_seconds, build_peak_rss_bytes=built.peak_rss_bytes,
            build_peak_pss_bytes=built.peak_pss_bytes,
        )
    yield "| towns × offers | languages | HSDS export s per town (all files MB) | harvest s (offers) | region build s (cpu) |"
    yield "| --- | ---: | ---: | ---: | ---: |"
    yield (
        f"| {len(TOWNS)} × {offers:,} | {len(languages)} | {max(export_seconds):.1f} ({export_bytes / 1e6:.1f} MB) | "
        f"{harvest_seconds:.1f} ({written:,}) | {built.seconds:.1f} (cpu {built.cpu_seconds or 0:.1f}) |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=1000, help="offers per town")
    parser.add_argument("--languages", help="comma-separated language codes (default: those of mkdocs.yml)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, help="seconds the region's build may take")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    arguments = parser.parse_args(argv)
    languages = (
        [code.strip() for code in arguments.languages.split(",") if code.strip()] if arguments.languages
        else list(read_settings(REPO_ROOT / "mkdocs.yml").language_codes)
    )
    with tempfile.TemporaryDirectory(prefix="catalogue-region-bench-") as temporary:
        numbers: dict[str, Any] = {}
        for line in bench_region(Path(temporary), arguments.offers, languages, arguments.seed, arguments.timeout, numbers):
            print(line, flush=True)
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(numbers, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
