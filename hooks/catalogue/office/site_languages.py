"""A language added to or removed from a town in one step (`catalogue language add|remove CODE`): the language
list, the fallback chains and the site's name in mkdocs.yml; the pages; and, on removal, every text in that language
in the town's data, labels, glossary and synonyms. mkdocs.yml and the data files are changed with the round-trip
YAML writer, which keeps comments, order and quoting; nothing else in them changes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from catalogue.data.layering import LANGUAGE_CODE
from catalogue.data.messages import Messages, message_language_for
from catalogue.data.settings import read_settings
from catalogue.data.site_engine import i18n_plugin_block
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
from catalogue.office.new_town import FALLBACKS, PRODUCT_LANGUAGES, TEMPLATE_DIR
from catalogue.office.town_config import read_town_config, write_town_config
from catalogue.office.yaml_round_trip import dump_document, load_document


class LanguageRefused(ValueError):
    """The change cannot be made; the message says why and what to do, in the office's language."""


@dataclass(frozen=True)
class LanguageChange:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    """Files changed and files deleted, relative to the town's folder."""


def _say(key: str, language: str, **values: str) -> str:
    return Messages(message_language_for(None, language), OFFICE_MESSAGES).phrase(f"language_command.{key}", **values)


def _i18n(config: Any) -> Any:
    block = i18n_plugin_block(config)
    if block is None:
        raise LanguageRefused("mkdocs.yml has no i18n plugin")
    return block


def add_language(root: Path, code: str) -> LanguageChange:
    """Adds `code` to the town at root: its entry in the i18n plugin (the endonym and the site's name), its fallback
    chain where the product knows one, and the product's pages in it the town does not have yet.

    Raises LanguageRefused for a language already there, or one the product has no words for while the town has
    no labels file of its own for it."""
    settings = read_settings(root / "mkdocs.yml")
    office = settings.default_language
    if code in settings.language_codes:
        raise LanguageRefused(_say("present", office, code=code))
    if code not in PRODUCT_LANGUAGES and not (settings.data_dir / "labels" / f"{code}.yml").is_file():
        raise LanguageRefused(_say("unknown", office, code=code, known=", ".join(PRODUCT_LANGUAGES)))
    names = yaml.safe_load((TEMPLATE_DIR / "language_names.yml").read_text(encoding="utf-8"))
    site_names = yaml.safe_load((TEMPLATE_DIR / "site_names.yml").read_text(encoding="utf-8"))
    config = read_town_config(root)
    entry: dict[str, Any] = {"locale": code, "name": names.get(code, code), "build": True}
    if code in site_names:
        entry["site_name"] = site_names[code].format(town=settings.town_in(code))
    _i18n(config)["languages"].append(entry)
    chain = [other for other in FALLBACKS.get(code, ()) if other in settings.language_codes]
    catalogue = config["extra"]["catalogue"]
    if chain:
        if not isinstance(catalogue.get("fallbacks"), dict):
            catalogue["fallbacks"] = {}
        catalogue["fallbacks"][code] = [*chain, office]
    written = [write_town_config(root, config)]
    docs = settings.docs_dir or root / "content"
    for page in sorted((TEMPLATE_DIR / "content").glob(f"*.{code}.md")):
        target = docs / page.name
        if not target.exists():
            shutil.copyfile(page, target)
            written.append(target.relative_to(root).as_posix())
    return LanguageChange(tuple(written), ())


def remove_language(root: Path, code: str) -> LanguageChange:
    """Removes `code` from the town at root: its i18n entry, its fallback chain and its place in other chains, its
    pages, its labels, glossary and synonyms files, and every text in it in the town's data (with its translation
    notes), so that `make check` passes at once.

    Raises LanguageRefused for the default language or one the site does not have."""
    settings = read_settings(root / "mkdocs.yml")
    office = settings.default_language
    if code == office:
        raise LanguageRefused(_say("default", office, code=code))
    if code not in settings.language_codes:
        raise LanguageRefused(_say("absent", office, code=code, known=", ".join(settings.language_codes)))
    config = read_town_config(root)
    options = _i18n(config)
    options["languages"] = [entry for entry in options["languages"] if entry.get("locale") != code]
    catalogue = config["extra"]["catalogue"]
    fallbacks = catalogue.get("fallbacks")
    if isinstance(fallbacks, dict):
        fallbacks.pop(code, None)
        for other in list(fallbacks):
            fallbacks[other] = [language for language in fallbacks[other] if language != code]
    if isinstance(catalogue.get("town"), dict):
        catalogue["town"].pop(code, None)
    written, removed = [write_town_config(root, config)], []
    docs = settings.docs_dir or root / "content"
    for page in sorted(docs.glob(f"*.{code}.md")):
        page.unlink()
        removed.append(page.relative_to(root).as_posix())
    for folder in ("labels", "glossary", "synonyms"):
        file = settings.data_dir / folder / f"{code}.yml"
        if file.is_file():
            file.unlink()
            removed.append(file.relative_to(root).as_posix())
    for file in sorted(settings.data_dir.rglob("*.yml")):
        if file.parent.name in ("labels", "glossary", "synonyms"):
            continue
        document = load_document(file.read_text(encoding="utf-8"))
        if _drop_language(document, code, office):
            file.write_text(dump_document(document), encoding="utf-8")
            written.append(file.relative_to(root).as_posix())
    return LanguageChange(tuple(written), tuple(removed))


def _drop_language(node: Any, code: str, default: str) -> bool:
    """Removes `code` from every text map ({de: …, code: …}), from machine_translated lists and from
    translation_sources below node; True when anything was removed."""
    changed = False
    if isinstance(node, dict):
        keys = list(node)
        if default in node and code in node and all(isinstance(key, str) and LANGUAGE_CODE.match(key) for key in keys):
            del node[code]
            return True
        for key in keys:
            value = node[key]
            if key == "machine_translated" and isinstance(value, list) and code in value:
                value.remove(code)
                changed = True
            elif key == "translation_sources" and isinstance(value, dict) and code in value:
                del value[code]
                changed = True
            else:
                changed = _drop_language(value, code, default) or changed
    elif isinstance(node, list):
        for value in node:
            changed = _drop_language(value, code, default) or changed
    return changed
