"""The catalogue's settings, read from the site's mkdocs.yml without importing mkdocs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    site_name: str
    is_default: bool


@dataclass(frozen=True)
class Settings:
    root: Path
    data_dir: Path
    site_url: str
    site_name: str
    town: str
    office: str
    licence: str
    licence_url: str
    stale_after_months: int
    languages: tuple[Language, ...]
    coordinators: tuple[str, ...] = ()
    contact_email: str = ""
    """The office's address for questions (issue forms, the editor's help)."""
    editor: dict[str, Any] = field(default_factory=dict)
    """`extra.catalogue.editor`: the web editor's repository, branch and sign-in helper."""

    @property
    def default_language(self) -> str:
        return next(language.code for language in self.languages if language.is_default)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def url_prefix(self, code: str) -> str:
        """The path of a language's pages below the site root: '' for the default language, 'ar/' for Arabic."""
        return "" if code == self.default_language else f"{code}/"


class _IgnoringTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it carries mkdocs' own tags such as !ENV."""


_IgnoringTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_settings(mkdocs_yml: Path) -> Settings:
    with mkdocs_yml.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml.load(handle, Loader=_IgnoringTagsLoader) or {}
    return settings_from_config(config, mkdocs_yml.resolve().parent)


def settings_from_config(config: dict[str, Any], root: Path) -> Settings:
    catalogue = (config.get("extra") or {}).get("catalogue") or {}
    i18n = _i18n_plugin_config(config.get("plugins") or [])
    site_name = config.get("site_name", "")
    languages = tuple(
        Language(
            code=entry["locale"],
            name=entry.get("name", entry["locale"]),
            site_name=entry.get("site_name") or site_name,
            is_default=bool(entry.get("default", False)),
        )
        for entry in i18n.get("languages", [])
        if entry.get("build", True)
    ) or (Language(code="de", name="Deutsch", site_name=site_name, is_default=True),)
    site_url = config.get("site_url") or "https://example.org/"
    return Settings(
        root=root,
        data_dir=(root / catalogue.get("data_dir", "data")).resolve(),
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=site_name,
        town=catalogue.get("town", ""),
        office=catalogue.get("office", ""),
        licence=catalogue.get("licence", "dl-de/by-2-0"),
        licence_url=catalogue.get("licence_url", "https://www.govdata.de/dl-de/by-2-0"),
        stale_after_months=int(catalogue.get("stale_after_months", 12)),
        languages=languages,
        coordinators=tuple(catalogue.get("coordinators") or ()),
        contact_email=str(catalogue.get("contact_email") or ""),
        editor=dict(catalogue.get("editor") or {}),
    )


def _i18n_plugin_config(plugins: list[Any] | dict[str, Any]) -> dict[str, Any]:
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in plugins
    )
    for name, options in entries:
        if name == "i18n":
            return options or {}
    return {}
