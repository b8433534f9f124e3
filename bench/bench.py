"""Builds synthetic catalogues of several sizes, the catalogue's way and the naive way, and prints what they cost.

    python bench/bench.py [--sizes 100,1000,2000,10000] [--languages de,en,ar,…] [--naive | --no-naive]
                          [--catalogue | --no-catalogue] [--warm-sizes 1000] [--seed 1] [--timeout SECONDS]
                          [--json PATH]

Run from the repository root with the repository's Python. Every build happens in a temporary folder that is
removed afterwards. The catalogue's first build at a size is cold (no build cache); at the --warm-sizes the
same site is then built again unchanged ("catalogue warm") and after one offer's title changed ("catalogue warm,
1 offer changed"), each with the build cache the build before it left.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "hooks"))

from build import run_mkdocs_build  # noqa: E402
from catalogue.data.settings import read_settings  # noqa: E402
from synthetic import write_synthetic_catalogue  # noqa: E402
from measure import measure_site  # noqa: E402
from naive_site import naive_languages, write_naive_site  # noqa: E402
from offline import offline_sizes  # noqa: E402
from office_tools import Step, measure_office_tools, office_table  # noqa: E402
from report import Row, markdown_table, raw_numbers  # noqa: E402
from site_config import catalogue_config, language_entries, read_mkdocs_config, write_mkdocs_config  # noqa: E402

DEFAULT_SIZES = "100,1000,2000,10000"
DEFAULT_WARM_SIZES = "1000"
DEFAULT_NAIVE_SIZES = "100,1000"
DEFAULT_LANGUAGES = ",".join(read_settings(REPO_ROOT / "mkdocs.yml").language_codes)
"""Every language the repository's mkdocs.yml builds, the default one first."""


def comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def report_failure(row: Row) -> None:
    tail = row.result.stderr_tail if row.result else row.error
    print(f"\n{row.build} build of {row.offers} offers failed; last lines of its output:\n{tail}\n", flush=True)


def catalogue_row(work_dir: Path, data_dir: Path, offers: int, languages: list[str], timeout: float | None, build: str = "catalogue") -> Row:
    """One build of the catalogue; the build cache is <work_dir>/.cache/catalogue/, so the first build in a folder is
    cold and the next ones are warm."""
    row = Row(build=build, offers=offers, languages=languages)
    site_dir = work_dir / "catalogue-site"
    config = catalogue_config(REPO_ROOT, data_dir=data_dir, languages=languages, site_dir=site_dir)
    config_file = work_dir / "catalogue-mkdocs.yml"
    write_mkdocs_config(config, config_file)
    say(f"{build} build: {offers} offers x {len(languages)} languages ...")
    row.result = run_mkdocs_build(config_file, cwd=REPO_ROOT, timeout=timeout)
    if row.result.ok:
        site_host = urlsplit(str(config.get("site_url") or "")).netloc
        search_files = {code: Path("search") / code / "index.json" for code in languages}  # the head; bench/search.py measures queries
        row.measurement = measure_site(site_dir, languages, search_files, site_host)
        say(editor_sizes(site_dir / "admin"))
        say(offline_sizes(site_dir, "ar" if "ar" in languages else languages[-1]))
    return row


def editor_sizes(admin: Path) -> str:
    """The web editor's download (gzip -9): it is the same at every catalogue size, so it is said, not tabled."""
    def gzip_kib(paths: list[Path]) -> str:
        return f"{sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths) / 1024:,.1f} KB"

    # The editor's scripts carry a hash of their content in their names (office/editor_page.hashed_name).
    decap, editor = sorted(admin.glob("decap-cms.*.js")), sorted(admin.glob("editor.*.js"))
    if not decap:
        return "web editor: not built (no hooks/catalogue/vendor/decap-cms.js; run make vendor)"
    return (
        f"web editor /admin/ (gzip -9): decap-cms.js {gzip_kib(decap)}, "
        f"yaml library {gzip_kib(sorted((admin / 'yaml').rglob('*.js')))}, config.yml {gzip_kib([admin / 'config.yml'])}, "
        f"editor.js {gzip_kib(editor)}"
    )


def warm_rows(work_dir: Path, data_dir: Path, offers: int, languages: list[str], timeout: float | None) -> list[Row]:
    """The same catalogue built again unchanged, then after one offer's German title changed."""
    rows = [catalogue_row(work_dir, data_dir, offers, languages, timeout, build="catalogue warm")]
    change_one_offer(data_dir)
    rows.append(catalogue_row(work_dir, data_dir, offers, languages, timeout, build="catalogue warm, 1 offer changed"))
    return rows


def change_one_offer(data_dir: Path) -> Path:
    """Changes the German title of the first offer file (in path order), as an actor's edit would."""
    path = sorted((data_dir / "offers").rglob("*.yml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    title = lines.index("title:\n")
    if not lines[title + 1].startswith("  de: "):
        raise ValueError(f"{path}: the synthetic offer's title does not start with its German text")
    lines[title + 1] = lines[title + 1].rstrip("\n") + " neu\n"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def naive_row(work_dir: Path, data_dir: Path, offers: int, languages: list[str], timeout: float | None) -> Row:
    kept, dropped = naive_languages(languages)
    row = Row(build="naive", offers=offers, languages=kept, dropped_languages=dropped)
    if not kept:
        row.error = "no language left that Material can build"
        return row
    repo_config = read_mkdocs_config(REPO_ROOT / "mkdocs.yml")
    config_file = write_naive_site(
        data_dir, work_dir / "naive", languages=kept, language_entries=language_entries(repo_config),
        site_name=str(repo_config.get("site_name") or "Catalogue"),
    )
    say(f"naive build: {offers} offers x {len(kept)} languages ...")
    row.result = run_mkdocs_build(config_file, cwd=REPO_ROOT, timeout=timeout)
    if row.result.ok:
        row.measurement = measure_site(work_dir / "naive" / "site", kept, {"all": Path("search") / "search_index.json"})
    return row


def bench(
    sizes: Sequence[int], languages: list[str], *, seed: int, catalogue: bool, naive_sizes: Sequence[int], timeout: float | None,
    office: bool = True, office_steps: list[Step] | None = None, warm_sizes: Sequence[int] = (),
) -> list[Row]:
    rows: list[Row] = []
    for offers in sizes:
        with tempfile.TemporaryDirectory(prefix="catalogue-bench-") as temporary:
            work_dir = Path(temporary)
            data_dir = work_dir / "data"
            say(f"writing synthetic data: {offers} offers x {len(languages)} languages ...")
            write_synthetic_catalogue(data_dir, offers=offers, languages=languages, seed=seed, template_data_dir=REPO_ROOT / "data")
            if office and office_steps is not None:
                say(f"office tools and figures page: {offers} offers ...")
                office_steps.extend(measure_office_tools(data_dir, offers, languages))
            builds = ([catalogue_row] if catalogue else []) + ([naive_row] if offers in naive_sizes else [])
            for build in builds:
                row = build(work_dir, data_dir, offers, languages, timeout)
                if row.result is None or not row.result.ok:
                    report_failure(row)
                rows.append(row)
                if build is catalogue_row and offers in warm_sizes and row.result is not None and row.result.ok:
                    for warm in warm_rows(work_dir, data_dir, offers, languages, timeout):
                        if warm.result is None or not warm.result.ok:
                            report_failure(warm)
                        rows.append(warm)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"offer counts, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--languages", default=DEFAULT_LANGUAGES, help=f"the first is the default (default {DEFAULT_LANGUAGES})")
    parser.add_argument("--naive-sizes", default=DEFAULT_NAIVE_SIZES,
                        help="sizes at which to also build the naive one-page-per-offer site; '' for none "
                        f"(default {DEFAULT_NAIVE_SIZES}: the naive build of 2,000 offers takes a quarter of an hour)")
    parser.add_argument("--catalogue", action=argparse.BooleanOptionalAction, default=True,
                        help="build the catalogue with the repository's mkdocs.yml and hooks (default on)")
    parser.add_argument("--warm-sizes", default=DEFAULT_WARM_SIZES,
                        help="sizes at which the catalogue is also built warm: unchanged, then after one offer changed; "
                        f"'' for none (default {DEFAULT_WARM_SIZES})")
    parser.add_argument("--office", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the office's report, a translator export and the figures page (default on)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=None, help="seconds one build may take before it counts as failed")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in comma_list(arguments.sizes)]
    languages = comma_list(arguments.languages)
    naive_sizes = [int(size) for size in comma_list(arguments.naive_sizes)]
    warm_sizes = [int(size) for size in comma_list(arguments.warm_sizes)]
    office_steps: list[Step] = []
    rows = bench(
        sorted(set(sizes) | set(naive_sizes)), languages, seed=arguments.seed, catalogue=arguments.catalogue,
        naive_sizes=naive_sizes, timeout=arguments.timeout, office=arguments.office, office_steps=office_steps,
        warm_sizes=warm_sizes,
    )
    print(markdown_table(rows))
    if office_steps:
        print()
        print(office_table(office_steps))
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(raw_numbers(rows), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if rows and all(row.result is not None and row.result.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
