"""The catalogue's settings, read from the site's mkdocs.yml without importing mkdocs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from catalogue.data.colours import colour_problems
from catalogue.data.site_engine import i18n_plugin_block

TOWN_TIME_ZONE = ZoneInfo("Europe/Berlin")
"""Every time in the data is local time in the town (German towns: Central European Time with summer time)."""


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
    technical_owners: tuple[str, ...] = ()
    """`extra.catalogue.technical_owners`: GitHub accounts that review code and configuration (office/codeowners.py)."""
    town_names: Mapping[str, str] = field(default_factory=dict)
    """The town's name per language (`extra.catalogue.town` as a map); `town` is the default language's."""
    office_names: Mapping[str, str] = field(default_factory=dict)
    """The office's name per language (`extra.catalogue.office.name` as a map); `office` is the default language's."""
    office_address: str = ""
    office_phone: str = ""
    office_email: str = ""
    legal_date: date | None = None
    """The day the legal texts (Impressum, privacy and accessibility statements) were last checked."""
    accessibility: Mapping[str, str] = field(default_factory=dict)
    """`extra.catalogue.accessibility`, flat: `law` (the state's accessibility act and regulation the accessibility
    statement names) and `conciliation_name`, `conciliation_address`, `conciliation_email`, `conciliation_url` (the
    state's conciliation or enforcement body, § 12b BGG and the state laws); empty where the town has set nothing."""
    editor: dict[str, Any] = field(default_factory=dict)
    """`extra.catalogue.editor`: the web editor's repository, branch and sign-in helper."""
    fallbacks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """`extra.catalogue.fallbacks`: language -> the languages its readers read next, in order, before the default."""
    sign_language: Mapping[str, str] = field(default_factory=dict)
    """`extra.catalogue.sign_language`: the start page's video in German Sign Language (BITV 2.0 § 4): `video` and
    `captions` (WebVTT) below the site's root, `size` and `duration` as readers should read them; empty: no video."""
    hide_preview_languages: bool = False
    """`extra.catalogue.preview_languages: hide`: languages no native reader has reviewed yet stay out of the language
    menu and the sitemap (their pages are still built); `show` (the default) lists them, marked as a preview."""
    offline: bool = True
    """`extra.catalogue.offline`: false publishes a worker that removes the offline copy from readers' browsers."""
    geocoding_key: str = ""
    """`extra.catalogue.geocoding.key`: the town's official key (Amtlicher Gemeindeschlüssel, 8 digits, or
    Regionalschlüssel, 12 digits) for the open-data catalogue's dcatde:politicalGeocodingURI; '' where none is set."""
    geocoding_level: str = ""
    """`extra.catalogue.geocoding.level`: a level of dcat-ap.de's politicalGeocoding/Level vocabulary, e.g.
    municipality."""
    region_towns: tuple[str, ...] = ()
    """`extra.catalogue.region.towns`: the site addresses of the towns a regional catalogue harvests (`catalogue
    region`)."""
    open_needs: bool = False
    """`extra.catalogue.open_needs`: true publishes the office's needs as data/needs.json and data/needs.csv. Off by
    default: needs may be sensitive (a small group in a small district can be recognised), so a town switches it on
    only after its data protection officer agrees; numbers of people under 5 are published as '< 5' either way."""

    def town_in(self, code: str) -> str:
        """The town's name as readers of a language write it, else as the default language writes it."""
        return self.town_names.get(code) or self.town

    def office_language(self, code: str) -> str:
        """The language the office's name is shown in to readers of `code`: theirs where the settings name it, else
        the default language."""
        return code if self.office_names.get(code) else self.default_language

    def office_in(self, code: str) -> str:
        """The office's name as readers of a language read it, else as the default language writes it."""
        return self.office_names.get(code) or self.office

    docs_dir: Path | None = None
    """The hand-written pages (mkdocs' docs_dir), e.g. content/ with about.md, about.ar.md …"""
    history_since: date | None = None
    """`extra.catalogue.history_since`: the figures count offers added and ended from this day on (a town that began
    as a copy of another's repository sets the day it took over); None counts the whole history."""
    colours: Mapping[str, str] = field(default_factory=dict)
    """`extra.catalogue.colours`: the town's branding, e.g. {'primary': '#0b5563'} (site/town_style.py)."""
    site_dir: Path | None = None
    """Where the built site goes (mkdocs' site_dir, site/ unless set)."""

    @property
    def default_language(self) -> str:
        return next(language.code for language in self.languages if language.is_default)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def fallback_chain(self, code: str) -> tuple[str, ...]:
        """The languages a text missing in `code` is taken from, in order; always ends with the default language
        (whose texts every record has), e.g. ('en', 'de') for Tigrinya, ('de',) where the town set none."""
        default = self.default_language
        return () if code == default else (*self.fallbacks.get(code, ()), default)

    def url_prefix(self, code: str) -> str:
        """The path of a language's pages below the site root: '' for the default language, 'ar/' for Arabic."""
        return "" if code == self.default_language else f"{code}/"


class _IgnoringTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it carries mkdocs' own tags such as !ENV."""


_IgnoringTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _accessibility(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    flat = {"law": str(value.get("law") or "").strip()}
    conciliation = value.get("conciliation")
    if isinstance(conciliation, dict):
        flat.update(
            {
                f"conciliation_{key}": str(conciliation.get(key) or "").strip()
                for key in ("name", "address", "email", "url")
            }
        )
    return {key: text for key, text in flat.items() if text}


def read_settings(mkdocs_yml: Path) -> Settings:
    with mkdocs_yml.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml.load(handle, Loader=_IgnoringTagsLoader) or {}
    return settings_from_config(config, mkdocs_yml.resolve().parent)


def settings_from_config(config: dict[str, Any], root: Path) -> Settings:
    catalogue = (config.get("extra") or {}).get("catalogue") or {}
    i18n = i18n_plugin_block(config) or {}
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
    default = next((language.code for language in languages if language.is_default), languages[0].code)
    town_names = _texts(catalogue.get("town"), default)
    office = catalogue.get("office")
    office = office if isinstance(office, dict) else {"name": office or ""}
    office_names = _texts(office.get("name"), default)
    legal_date = catalogue.get("legal_date")
    return Settings(
        root=root,
        data_dir=(root / catalogue.get("data_dir", "data")).resolve(),
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=site_name,
        town=town_names.get(default, ""),
        town_names=town_names,
        office=office_names.get(default, ""),
        sign_language={str(key): str(value) for key, value in (catalogue.get("sign_language") or {}).items()},
        hide_preview_languages=catalogue.get("preview_languages") == "hide",
        office_names=office_names,
        office_address=str(office.get("address") or ""),
        office_phone=str(office.get("phone") or ""),
        office_email=str(office.get("email") or ""),
        accessibility=_accessibility(catalogue.get("accessibility")),
        legal_date=legal_date
        if isinstance(legal_date, date)
        else date.fromisoformat(legal_date)
        if legal_date
        else None,
        licence=catalogue.get("licence", "dl-de/by-2-0"),
        licence_url=catalogue.get("licence_url", "https://www.govdata.de/dl-de/by-2-0"),
        stale_after_months=int(catalogue.get("stale_after_months", 12)),
        languages=languages,
        coordinators=tuple(catalogue.get("coordinators") or ()),
        technical_owners=tuple(catalogue.get("technical_owners") or ()),
        editor=dict(catalogue.get("editor") or {}),
        offline=_switch(catalogue, "offline", default=True),
        **_geocoding(catalogue.get("geocoding")),
        region_towns=_region_towns(catalogue.get("region")),
        open_needs=_switch(catalogue, "open_needs", default=False),
        docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
        site_dir=(root / config.get("site_dir", "site")).resolve(),
        colours=_colours(catalogue.get("colours")),
        history_since=_day(catalogue.get("history_since"), "history_since"),
        fallbacks=_fallbacks(catalogue.get("fallbacks"), tuple(language.code for language in languages), default),
    )


class SettingsError(ValueError):
    """A setting in mkdocs.yml that cannot work; the message names the setting and the fix."""


def _fallbacks(value: Any, codes: tuple[str, ...], default: str) -> dict[str, tuple[str, ...]]:
    """`extra.catalogue.fallbacks` checked: each key a configured language other than the default, each list of
    other configured languages, none twice, none its own language (a language falling back to itself is a cycle).
    A list is the whole order for its language (ps: [fa, en] reads Persian, then English, then German); it does not
    continue with the lists of the languages it names, and the default language, if named, must come last."""
    if value is None:
        return {}
    where = "extra.catalogue.fallbacks in mkdocs.yml"
    if not isinstance(value, dict):
        raise SettingsError(f"{where} must map a language to a list of languages, e.g. 'ti: [en, de]'")
    chains: dict[str, tuple[str, ...]] = {}
    known = ", ".join(codes)
    for code, chain in value.items():
        code = str(code)
        if code not in codes:
            raise SettingsError(f"{where}: '{code}' is not one of the site's languages ({known})")
        if code == default:
            raise SettingsError(
                f"{where}: '{code}' is the default language; every text has it, so it needs no fallback"
            )
        entries = [chain] if isinstance(chain, str) else chain
        if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
            raise SettingsError(
                f"{where}: '{code}' must be given a list of language codes, e.g. '{code}: [en, {default}]'"
            )
        for entry in entries:
            if entry not in codes:
                raise SettingsError(
                    f"{where}: '{code}: [{', '.join(entries)}]' names '{entry}', "
                    f"which is not one of the site's languages ({known})"
                )
        if code in entries:
            raise SettingsError(
                f"{where}: '{code}: [{', '.join(entries)}]' is a cycle – a language cannot fall back to itself"
            )
        if len(set(entries)) != len(entries):
            raise SettingsError(f"{where}: '{code}: [{', '.join(entries)}]' names a language twice")
        if default in entries[:-1]:
            raise SettingsError(
                f"{where}: '{code}: [{', '.join(entries)}]' names a language after '{default}', the default language, "
                f"which every text has – put '{default}' last or leave it out"
            )
        chains[code] = tuple(entry for entry in entries if entry != default)
    return chains


GEOCODING_KEY_KINDS = {
    2: "stateKey",
    5: "districtKey",
    8: "municipalityKey",
    9: "municipalAssociationKey",
    12: "regionalKey",
}
"""Digits of an official German key -> its dcat-ap.de politicalGeocoding vocabulary (DCAT-AP.de 2.0, Konvention 10)."""
GEOCODING_LEVELS = ("international", "european", "federal", "state", "administrativeDistrict", "municipality")
_LEVEL_OF_KEY = {2: "state", 5: "administrativeDistrict", 8: "municipality", 9: "municipality", 12: "municipality"}


def _geocoding(value: Any) -> dict[str, str]:
    """`extra.catalogue.geocoding` checked: a key of 2, 5, 8, 9 or 12 digits and, if given, a dcat-ap.de level."""
    if value is None:
        return {}
    where = "extra.catalogue.geocoding in mkdocs.yml"
    example = "'geocoding: {key: \"08221000\", level: municipality}'"
    if not isinstance(value, dict):
        raise SettingsError(f"{where} must give the town's official key, e.g. {example}")
    key = str(value.get("key") or "")
    if not key.isdigit() or len(key) not in GEOCODING_KEY_KINDS:
        raise SettingsError(
            f"{where}: key {key!r} is not an official key – give the Amtlicher Gemeindeschlüssel (8 digits) or "
            f"Regionalschlüssel (12 digits) in quotes, e.g. {example}"
        )
    level = str(value.get("level") or _LEVEL_OF_KEY[len(key)])
    if level not in GEOCODING_LEVELS:
        raise SettingsError(f"{where}: level {level!r} is not one of {', '.join(GEOCODING_LEVELS)}")
    return {"geocoding_key": key, "geocoding_level": level}


def _region_towns(value: Any) -> tuple[str, ...]:
    """`extra.catalogue.region.towns` checked: a list of web addresses (http or https): a town's site, ending in '/',
    or another HSDS publisher's file of services, ending in '.json'."""
    if value is None:
        return ()
    where = "extra.catalogue.region.towns in mkdocs.yml"
    towns = value.get("towns") if isinstance(value, dict) else None
    if not isinstance(towns, list) or not towns or not all(isinstance(town, str) for town in towns):
        raise SettingsError(
            f"{where} must list the towns' site addresses, e.g. 'region: {{towns: [https://bildung.musterstadt.example.org/]}}'"
        )
    for town in towns:
        if not town.startswith(("https://", "http://")):
            raise SettingsError(
                f"{where}: '{town}' is not a web address – write it with https://, as the town's site is opened"
            )
    return tuple(dict.fromkeys(town if town.endswith(("/", ".json")) else town + "/" for town in towns))


def _day(value: Any, key: str) -> date | None:
    """A day setting of `extra.catalogue`, written YYYY-MM-DD; empty means none."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise SettingsError(
            f'extra.catalogue.{key} in mkdocs.yml must be a day written YYYY-MM-DD, e.g. "2026-12-01", not {value!r}'
        ) from error


def _colours(value: Any) -> dict[str, str]:
    """`extra.catalogue.colours` checked (data/colours.py); SettingsError names the first problem and its fix."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SettingsError(
            'extra.catalogue.colours in mkdocs.yml must map a role to a colour, e.g. primary: "#0b5563"'
        )
    problems = colour_problems(value)
    if problems:
        raise SettingsError(problems[0])
    return {str(key): str(colour) for key, colour in value.items()}


def _switch(catalogue: Mapping[str, Any], key: str, default: bool) -> bool:
    """A yes/no setting of `extra.catalogue`; anything but true or false is refused with the fix."""
    value = catalogue.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"extra.catalogue.{key} in mkdocs.yml must be true or false, not {value!r}")
    return value


def _texts(value: Any, default: str) -> dict[str, str]:
    """A setting written as one text or as one text per language, as a map from language to text."""
    if isinstance(value, dict):
        return {str(code): str(text) for code, text in value.items() if text}
    return {default: str(value)} if value else {}
