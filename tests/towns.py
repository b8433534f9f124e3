"""Towns the tests build: the tests' own fixture town, the town under test, and generated minimal and synthetic towns.

A town is a folder holding a mkdocs.yml with the town's settings and the data folder it names. Its site is built
with the product's theme, hooks and build options from the repository's mkdocs.yml, and the town's own settings
(names, address, languages, `extra.catalogue`) on top; content pages come from the town's `docs_dir` where it has
one (with the repository's content/assets/ when it has none), else from the repository.

    python -m tests.towns minimal DIR      writes a town with one actor, one offer, German only
    python -m tests.towns synthetic DIR    writes a generated town in de, en, ar and ps (a right-to-left language
                                           with no interface texts of its own)
"""
from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import yaml

from bench.site_config import catalogue_config, i18n_options, read_mkdocs_config, write_mkdocs_config
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.data.settings import Settings, read_settings

REPO = Path(__file__).resolve().parents[1]
FIXTURE_TOWN = Path(__file__).resolve().parent / "fixtures" / "town"
"""The product tests' own town (Teststadt): a handful of offers chosen for what the tests need."""
FIXTURE_CONFIG = FIXTURE_TOWN / "mkdocs.yml"
FIXTURE_DATA = FIXTURE_TOWN / "data"
BUILD_DATE = "2026-11-26"
TOWN_VARIABLE = "CATALOGUE_TOWN"
SWEEP_VARIABLE = "CATALOGUE_TEST_LANGUAGES"
"""`all` (the default: every language the town has), `representative` (pull requests: four languages that stand for
the others) or a comma-separated list of codes: the languages the per-language sweeps run in."""
"""Names the folder of the town whose site the town checks test (default: the repository itself)."""

TOWN_SETTINGS_KEYS = ("site_name", "site_description", "site_url", "copyright")


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def page(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")


def town_under_test() -> Path:
    """The folder of the town the town checks run on: $CATALOGUE_TOWN, else the repository."""
    given = os.environ.get(TOWN_VARIABLE)
    return Path(given).resolve() if given else REPO


@functools.cache
def loaded_town(mkdocs_yml: Path, today: date) -> LoadResult:
    """The town that mkdocs_yml configures, loaded as on `today`, once per test run (the result is immutable)."""
    return load_catalogue(read_settings(mkdocs_yml), today=today)


def town_settings(town: Path) -> Settings:
    return read_settings(town / "mkdocs.yml")


def representative_languages(settings: Settings) -> tuple[str, ...]:
    """The languages that stand for the others: the default, the first right-to-left one, the first that falls
    back to another language before the default, and the first Material for MkDocs has no interface words for
    (each only where the town has one; in the town's order)."""
    from catalogue.language.reader_language import direction_of
    from catalogue.site.material_language import material_has_language

    codes = settings.language_codes
    others = [code for code in codes if code != settings.default_language]
    chosen = {settings.default_language}
    for fits in (
        lambda code: direction_of(code) == "rtl",
        lambda code: len(settings.fallback_chain(code)) > 1,
        lambda code: not material_has_language(code),
    ):
        chosen.update(next(([code] for code in others if fits(code) and code not in chosen), []))
    return tuple(code for code in codes if code in chosen)


def swept_languages(settings: Settings) -> tuple[str, ...]:
    """The languages the per-language sweeps run in, as $CATALOGUE_TEST_LANGUAGES says (see SWEEP_VARIABLE)."""
    wanted = os.environ.get(SWEEP_VARIABLE, "all").strip()
    if wanted in ("", "all"):
        return settings.language_codes
    if wanted == "representative":
        return representative_languages(settings)
    codes = tuple(code.strip() for code in wanted.split(",") if code.strip())
    unknown = [code for code in codes if code not in settings.language_codes]
    if unknown:
        raise ValueError(f"{SWEEP_VARIABLE}={wanted}: the town has no language {', '.join(unknown)}")
    return codes


def site_config(town: Path, *, site_dir: Path, data_dir: Path | None = None) -> dict[str, Any]:
    """The repository's mkdocs.yml with every path absolute, carrying the town's own settings and languages."""
    own = read_mkdocs_config(town / "mkdocs.yml")
    settings = read_settings(town / "mkdocs.yml")
    config = catalogue_config(REPO, data_dir=data_dir or settings.data_dir, languages=settings.language_codes, site_dir=site_dir)
    config.pop("watch", None)
    if town.resolve() == REPO:
        return config
    for key in TOWN_SETTINGS_KEYS:
        if key in own:
            config[key] = own[key]
    own_catalogue = dict((own.get("extra") or {}).get("catalogue") or {})
    own_catalogue["data_dir"] = str(data_dir or settings.data_dir)
    config.setdefault("extra", {})["catalogue"] = own_catalogue
    own_docs = town / str(own.get("docs_dir", "content"))
    if own_docs.is_dir():
        config["docs_dir"] = str(own_docs.resolve())
    town_languages = (i18n_options(own) or {}).get("languages")
    options = i18n_options(config)
    if options is not None and town_languages:
        options["languages"] = [{**entry, "build": True} for entry in town_languages]
    return config


def build_site(
    work_dir: Path, town: Path = FIXTURE_TOWN, data_dir: Path | None = None, build_date: str = BUILD_DATE, engine: str = "mkdocs"
) -> BuiltSite:
    """Builds a town's site with mkdocs (or its fork properdocs) into work_dir/site, on build_date (YYYY-MM-DD; the
    tests' day unless given)."""
    site_dir = work_dir / "site"
    config_file = work_dir / "mkdocs.yml"
    config = site_config(town, site_dir=site_dir, data_dir=data_dir)
    own_pages = Path(config["docs_dir"])
    if own_pages != (REPO / "content").resolve() and not (own_pages / "assets").exists():
        # A town with pages of its own and no assets: the product's script, styles and pictures come along.
        docs_dir = work_dir / "content"
        shutil.copytree(own_pages, docs_dir)
        shutil.copytree(REPO / "content" / "assets", docs_dir / "assets")
        config["docs_dir"] = str(docs_dir)
    write_mkdocs_config(config, config_file)
    environment = {**os.environ, "CATALOGUE_BUILD_DATE": build_date, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")}
    finished = subprocess.run(
        [sys.executable, "-m", engine, "build", "--clean", "-f", str(config_file)],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return BuiltSite(site_dir, finished.stdout + finished.stderr)


# -- generated towns -----------------------------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def _dump(document: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def only_languages(node: Any, languages: frozenset[str], all_languages: frozenset[str]) -> Any:
    """node with every multilingual text map ({de: …, ar: …}) cut down to the given languages."""
    if isinstance(node, dict):
        if "de" in node and set(node) <= all_languages:
            return {key: only_languages(value, languages, all_languages) for key, value in node.items() if key in languages}
        return {key: only_languages(value, languages, all_languages) for key, value in node.items()}
    if isinstance(node, list):
        return [only_languages(value, languages, all_languages) for value in node]
    return node


def _town_config(name: str, languages: Sequence[str], rtl_names: dict[str, str] | None = None) -> dict[str, Any]:
    slug = name.lower()
    return {
        "site_name": f"Bildungsangebote für Neuzugewanderte in {name}",
        "site_url": f"https://bildung.{slug}.example.org/",
        "plugins": [{"i18n": {"languages": [
            {"locale": code, "name": (rtl_names or {}).get(code, code), **({"default": True} if position == 0 else {})}
            for position, code in enumerate(languages)
        ]}}],
        "extra": {"catalogue": {"data_dir": "data", "town": name, "office": "Bildungskoordination", "stale_after_months": 12}},
    }


def write_minimal_town(folder: Path) -> Path:
    """A town with one actor, one offer and no news, in German only."""
    fixture_languages = frozenset(town_settings(FIXTURE_TOWN).language_codes)
    german = frozenset({"de"})
    data = folder / "data"
    offer = only_languages(_load(FIXTURE_DATA / "offers/vhs-teststadt/deutsch-von-anfang-an.yml"), german, fixture_languages)
    actor = only_languages(_load(FIXTURE_DATA / "actors/vhs-teststadt.yml"), german, fixture_languages)
    for name in ("website",):
        offer.pop(name, None)
    _dump(only_languages(_load(FIXTURE_DATA / "taxonomy.yml"), german, fixture_languages), data / "taxonomy.yml")
    _dump(actor, data / "actors" / f"{actor['id']}.yml")
    _dump(offer, data / "offers" / actor["id"] / f"{offer['id']}.yml")
    (data / "labels").mkdir(parents=True)
    shutil.copyfile(FIXTURE_DATA / "labels/de.yml", data / "labels/de.yml")
    _dump(_town_config("Kleinstadt", ["de"]), folder / "mkdocs.yml")
    return folder


SYNTHETIC_LANGUAGES = ("de", "en", "ar", "ps")


def write_synthetic_town(folder: Path, offers: int = 24) -> Path:
    """A generated town whose newest language (Pashto, right to left) has no interface texts of its own."""
    from bench.synthetic import write_synthetic_catalogue

    write_synthetic_catalogue(folder / "data", offers=offers, languages=SYNTHETIC_LANGUAGES, seed=3, template_data_dir=FIXTURE_DATA)
    # Material has no interface texts for Pashto: the town starts from a labels file that carries a `theme:` section.
    tigrinya = (FIXTURE_DATA / "labels/ti.yml").read_text(encoding="utf-8")
    (folder / "data/labels/ps.yml").write_text(tigrinya.replace("direction: ltr", "direction: rtl"), encoding="utf-8")
    _dump(_town_config("Synthstadt", SYNTHETIC_LANGUAGES, {"de": "Deutsch", "en": "English", "ar": "العربية", "ps": "پښتو"}), folder / "mkdocs.yml")
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.towns", description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["minimal", "synthetic"])
    parser.add_argument("folder", type=Path, help="a new folder to write the town into")
    arguments = parser.parse_args(argv)
    if arguments.folder.exists() and any(arguments.folder.iterdir()):
        parser.error(f"{arguments.folder} is not empty")
    (write_minimal_town if arguments.kind == "minimal" else write_synthetic_town)(arguments.folder)
    print(f"{arguments.kind} town written to {arguments.folder}; test it with {TOWN_VARIABLE}={arguments.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
