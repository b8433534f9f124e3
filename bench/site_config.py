"""The benchmark's mkdocs.yml for the catalogue: the repository's own, pointed at a synthetic data tree."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml


@dataclass(frozen=True)
class Tagged:
    """A value carrying one of mkdocs' own YAML tags (such as !ENV), kept so that it is written back unchanged."""

    tag: str
    value: Any


class TagKeepingLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may carry tags that a plain safe loader refuses."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    tag = "!" + suffix
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


TagKeepingLoader.add_multi_constructor("!", _construct_tagged)


class TagKeepingDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


TagKeepingDumper.add_representer(Tagged, _represent_tagged)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=TagKeepingLoader) or {}


def write_mkdocs_config(config: dict[str, Any], path: Path) -> None:
    path.write_text(
        yaml.dump(config, Dumper=TagKeepingDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def i18n_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The i18n plugin's options inside config (changing them changes config), or None without the plugin."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get("i18n")
        if "i18n" in plugins and options is None:
            options = plugins["i18n"] = {}
        return options
    for index, entry in enumerate(plugins):
        if entry == "i18n":
            plugins[index] = {"i18n": {}}
            return plugins[index]["i18n"]
        if isinstance(entry, dict) and "i18n" in entry:
            if entry["i18n"] is None:
                entry["i18n"] = {}
            return entry["i18n"]
    return None


def language_entries(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The i18n plugin's language entries of a site's configuration, by locale."""
    options = i18n_options(copy.deepcopy(config)) or {}
    return {entry["locale"]: entry for entry in options.get("languages") or [] if isinstance(entry, dict)}


def restricted_languages(entries: dict[str, dict[str, Any]], languages: Sequence[str]) -> list[dict[str, Any]]:
    """The entries of the requested languages in the requested order, the first one the default."""
    restricted = []
    for position, code in enumerate(languages):
        entry = dict(entries.get(code) or {"locale": code, "name": code})
        entry["default"] = position == 0
        entry["build"] = True
        restricted.append(entry)
    return restricted


def catalogue_config(
    repo_root: Path, *, data_dir: Path, languages: Sequence[str], site_dir: Path
) -> dict[str, Any]:
    """The repository's mkdocs.yml with every path absolute, the given data tree, languages and site folder."""
    config = read_mkdocs_config(repo_root / "mkdocs.yml")
    config["docs_dir"] = str((repo_root / str(config.get("docs_dir", "docs"))).resolve())
    config["site_dir"] = str(site_dir)
    theme = config.get("theme")
    if isinstance(theme, dict):
        if theme.get("custom_dir"):
            theme["custom_dir"] = str((repo_root / str(theme["custom_dir"])).resolve())
        theme["language"] = languages[0]
    if config.get("hooks"):
        config["hooks"] = [str((repo_root / str(hook)).resolve()) for hook in config["hooks"]]
    if config.get("watch"):
        config["watch"] = [str((repo_root / str(path)).resolve()) for path in config["watch"]]
    extra = config.setdefault("extra", {})
    extra.setdefault("catalogue", {})["data_dir"] = str(data_dir)
    fallbacks = extra["catalogue"].get("fallbacks")
    if isinstance(fallbacks, dict):
        # A chain may only name languages the build has.
        extra["catalogue"]["fallbacks"] = {
            code: [other for other in chain if other in languages and other != languages[0]]
            for code, chain in fallbacks.items() if code in languages and code != languages[0]
        }
    options = i18n_options(config)
    if options is not None:
        options["languages"] = restricted_languages(language_entries(config), languages)
    return config
