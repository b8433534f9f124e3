"""A fork made into a clean start for a new town: the sample's actors, offers and news go, one example of each kind
stays (as `*.yml.example`, which the catalogue does not read), and the town's name, office, address, web address
and licence are written into mkdocs.yml, keeping its comments (ruamel.yaml round trip)."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Mapping

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from catalogue.data.settings import Settings, read_settings

EXAMPLE_SUFFIX = ".example"
"""Files ending in .yml.example are examples to copy: the catalogue reads only *.yml."""

_EXAMPLE_HEADERS = {
    "actor": (
        "# An example provider (actor). To add one: copy this file to data/actors/<id>.yml, where <id> is the\n"
        "# provider's short name in lower-case letters, digits and hyphens, write the same id below, fill in the\n"
        "# fields and run `make check`. Every field is described in schemas/actor.schema.json.\n"
    ),
    "offer": (
        "# An example offer. To add one: copy this file to data/offers/<actor id>/<id>.yml, write the same id below,\n"
        "# name the provider in `actor`, fill in the fields and run `make check`. Every field is described in\n"
        "# schemas/offer.schema.json.\n"
    ),
    "news": (
        "# An example news item. To add one: copy this file to data/news/<yyyy-mm-dd>-<short-name>.yml, write the\n"
        "# same id below, fill in the fields and run `make check`. Every field is described in schemas/news.schema.json.\n"
    ),
}


@dataclass(frozen=True)
class NewTown:
    """What a town tells about itself. Empty fields stay to be filled in mkdocs.yml later."""

    name: str
    office: str = "Bildungskoordination für Neuzugewanderte"
    address: str = ""
    phone: str = ""
    email: str = ""
    site_url: str = ""
    licence: str = "dl-de/by-2-0"
    licence_url: str = "https://www.govdata.de/dl-de/by-2-0"
    coordinators: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)
    """The town's name in other languages' scripts, e.g. {'ar': 'موسترشتات'}; other languages use `name`."""

    def name_in(self, code: str) -> str:
        return self.names.get(code) or self.name

    @property
    def slug(self) -> str:
        """The name as a web address part: 'Bad Musterstadt' -> 'bad-musterstadt'."""
        table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower().translate(table)).strip("-")


@dataclass(frozen=True)
class Outcome:
    removed: int
    examples: tuple[str, ...]
    still_empty: tuple[str, ...]
    """Settings the town has not given yet, as `extra.catalogue.…` paths."""


def make_new_town(root: Path, town: NewTown, *, today: date) -> Outcome:
    """Turns the site at root (its mkdocs.yml and data folder) into a clean start for `town`.

    Raises FileNotFoundError without mkdocs.yml, ValueError when town.name is empty.
    """
    if not town.name.strip():
        raise ValueError("the town needs a name")
    config_file = root / "mkdocs.yml"
    settings = read_settings(config_file)
    old_names = _old_names(settings)
    examples = _write_examples(settings, town, old_names)
    removed = _remove_sample_records(settings)
    _write_settings(config_file, settings, town, old_names, today)
    still_empty = tuple(
        f"extra.catalogue.office.{key}" for key, value in (("address", town.address), ("phone", town.phone), ("email", town.email)) if not value
    ) + (() if town.coordinators else ("extra.catalogue.coordinators",))
    return Outcome(removed=removed, examples=examples, still_empty=still_empty)


def _old_names(settings: Settings) -> dict[str, str]:
    names = dict(settings.town_names)
    if settings.town:
        names.setdefault(settings.default_language, settings.town)
    return names


def _replace_names(text: str, old_names: Mapping[str, str], town: NewTown, code: str | None = None) -> str:
    """text with the old town's names (in any script, longest first) replaced by the new town's name."""
    for old_code, old in sorted(old_names.items(), key=lambda item: -len(item[1])):
        if old:
            text = text.replace(old, town.name_in(code or old_code))
    slug = old_names.get("de", next(iter(old_names.values()), "")).lower()
    return text.replace(slug, town.slug) if slug else text


def _write_examples(settings: Settings, town: NewTown, old_names: Mapping[str, str]) -> tuple[str, ...]:
    data = settings.data_dir
    offers = sorted((data / "offers").glob("*/*.yml"))
    news = sorted((data / "news").glob("*.yml"))
    chosen: list[tuple[str, Path, Path]] = []
    if offers:
        offer = offers[0]
        actor = data / "actors" / f"{offer.parent.name}.yml"
        if actor.is_file():
            chosen.append(("actor", actor, data / "actors" / f"example-actor.yml{EXAMPLE_SUFFIX}"))
        chosen.append(("offer", offer, data / "offers" / f"example-offer.yml{EXAMPLE_SUFFIX}"))
    if news:
        chosen.append(("news", news[0], data / "news" / f"example-news.yml{EXAMPLE_SUFFIX}"))
    written = []
    for kind, source, target in chosen:
        document = _only_language(yaml.safe_load(source.read_text(encoding="utf-8")), settings)
        text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
        target.write_text(_EXAMPLE_HEADERS[kind] + _replace_names(text, old_names, town, settings.default_language), encoding="utf-8")
        written.append(target.relative_to(settings.root).as_posix())
    return tuple(written)


def _only_language(node: Any, settings: Settings) -> Any:
    """node with every text map ({de: …, ar: …}) cut down to the default language."""
    codes = set(settings.language_codes)
    if isinstance(node, dict):
        if settings.default_language in node and set(node) <= codes:
            return {settings.default_language: node[settings.default_language]}
        return {key: _only_language(value, settings) for key, value in node.items()}
    if isinstance(node, list):
        return [_only_language(value, settings) for value in node]
    return node


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def _remove_sample_records(settings: Settings) -> int:
    data = settings.data_dir
    removed = 0
    for folder in ("actors", "news"):
        for file in (data / folder).glob("*.yml"):
            file.unlink()
            removed += 1
    offers = data / "offers"
    for folder in sorted(path for path in offers.iterdir() if path.is_dir()) if offers.is_dir() else []:
        removed += sum(1 for _ in folder.rglob("*.yml"))
        shutil.rmtree(folder)
    return removed


def _write_settings(config_file: Path, settings: Settings, town: NewTown, old_names: Mapping[str, str], today: date) -> None:
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 4096
    round_trip.indent(mapping=2, sequence=4, offset=2)
    config = round_trip.load(config_file.read_text(encoding="utf-8"))
    default = settings.default_language
    for key in ("site_name", "site_description"):
        if isinstance(config.get(key), str):
            config[key] = _replace_names(config[key], old_names, town, default)
    config["site_url"] = town.site_url or f"https://bildung.{town.slug}.example.org/"
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for entry in plugin["i18n"].get("languages") or []:
                if isinstance(entry, dict) and isinstance(entry.get("site_name"), str):
                    entry["site_name"] = _replace_names(entry["site_name"], old_names, town, entry.get("locale"))
    catalogue = config.setdefault("extra", {}).setdefault("catalogue", {})
    editor = catalogue.get("editor")
    if isinstance(editor, dict):  # the old town's repository and sign-in helper would take the new town's edits
        for key in ("repo", "base_url"):
            if isinstance(editor.get(key), str):
                editor[key] = _replace_names(editor[key], old_names, town, default)
    catalogue["town"] = dict(town.names, **{default: town.name}) if town.names else town.name
    office = catalogue.get("office")
    if not isinstance(office, dict):
        office = catalogue["office"] = {}
    office.update(name=town.office, address=town.address, phone=DoubleQuotedScalarString(town.phone), email=town.email)
    catalogue["legal_date"] = DoubleQuotedScalarString(today.isoformat())
    catalogue["licence"] = town.licence
    catalogue["licence_url"] = town.licence_url
    catalogue["coordinators"] = list(town.coordinators)
    with config_file.open("w", encoding="utf-8") as handle:
        round_trip.dump(config, handle)
