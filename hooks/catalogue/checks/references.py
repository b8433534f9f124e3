"""Ids and references: a record's id is its file's name, ids are unique, and every reference (actor, place,
taxonomy term, offer, language of a course) names something that exists."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import PurePosixPath

from babel import Locale
from babel.core import get_global

from catalogue.data.data_file import DataFile
from catalogue.data.messages import quote
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import JsonPath, field_name

from .context import Checking, closest, lookup

COUNTRY_CODES_TAKEN_FOR_LANGUAGES = {
    "ua": "uk",
    "gr": "el",
    "dk": "da",
    "se": "sv",
    "cz": "cs",
    "jp": "ja",
    "cn": "zh",
    "kr": "ko",
    "ir": "fa",
    "sy": "ar",
    "al": "sq",
    "rs": "sr",
    "ee": "et",
    "si": "sl",
    "by": "be",
    "gb": "en",
    "us": "en",
    "at": "de",
}
"""Country codes (ISO 3166) people write for a language, and the language code (ISO 639-1) they mean."""


def id_matches_file(check: Checking, file: DataFile) -> Iterator[Problem]:
    """A record's `id` is its file's name without `.yml`."""
    record_id = file.data["id"]
    if record_id != file.stem:
        yield check.problem(
            file,
            "ref.id_file",
            file.document.value_position(("id",)),
            id=quote(record_id),
            file=quote(file.stem + ".yml"),
            stem=quote(file.stem),
            expected_file=quote(record_id + ".yml"),
        )


def unique_entries(check: Checking, file: DataFile, list_path: JsonPath) -> Iterator[Problem]:
    """The entries of the list at list_path have different `id`s."""
    first_lines: dict[str, int] = {}
    parent = lookup(file.data, list_path[:-1])
    for index, entry in enumerate(parent.get(list_path[-1]) or []):
        position = file.document.value_position((*list_path, index, "id"))
        if entry["id"] in first_lines:
            yield check.problem(
                file,
                "ref.duplicate_entry",
                position,
                id=quote(entry["id"]),
                group=".".join(str(part) for part in list_path),
                other_line=first_lines[entry["id"]],
            )
        else:
            first_lines[entry["id"]] = position[0]


def term(check: Checking, file: DataFile, path: JsonPath, group: str) -> Iterator[Problem]:
    """The value at path is a term of the taxonomy's group (categories, districts …)."""
    if check.terms is None:
        return
    value = lookup(file.data, path)
    known = check.terms[group]
    if value in known:
        return
    yield check.problem(
        file,
        "ref.unknown_term",
        file.document.value_position(path),
        field=field_name(path),
        value=quote(value),
        group=check.messages.phrase("group." + group),
        taxonomy_file=check.taxonomy_path,
        hint=check.messages.hint(closest(value, known)),
        known=check.messages.join(known, conjunction="or"),
    )


def taxonomy(check: Checking, file: DataFile) -> Iterator[Problem]:
    """Every group's ids are unique, and a town names its districts."""
    for group in ("categories", "target_groups", "districts", "entitlements", "eligibility"):
        yield from unique_entries(check, file, (group,))
    if not file.data.get("districts"):
        yield check.problem(file, "taxonomy.no_districts", file.document.value_position(()))


def actor(check: Checking, file: DataFile) -> Iterator[Problem]:
    """An actor's places have different ids and lie in the taxonomy's districts."""
    yield from unique_entries(check, file, ("locations",))
    for index, _location in enumerate(file.data.get("locations", [])):
        yield from term(check, file, ("locations", index, "district"), "districts")


def duplicate_offer_ids(check: Checking) -> Iterator[Problem]:
    """No two offers share an id, in whatever folders they lie."""
    first_files: dict[str, DataFile] = {}
    for file in check.checked_files("offer"):
        record_id = file.data.get("id")
        if not isinstance(record_id, str):
            continue
        if record_id in first_files:
            yield check.problem(
                file,
                "ref.duplicate_offer",
                file.document.value_position(("id",)),
                id=quote(record_id),
                other=first_files[record_id].path,
            )
        else:
            first_files[record_id] = file


def offer_actor(check: Checking, file: DataFile) -> Iterator[Problem]:
    """An offer's actor exists, and the offer lies in that actor's folder."""
    actor_id = file.data["actor"]
    actor_position = file.document.value_position(("actor",))
    if actor_id not in check.actor_ids:
        suggestion = file.folder if file.folder in check.actor_ids else closest(actor_id, sorted(check.actor_ids))
        yield check.problem(
            file,
            "ref.unknown_actor",
            actor_position,
            value=quote(actor_id),
            hint=check.messages.hint(suggestion),
            expected_file=f"{check.context.data_path}/actors/{actor_id}.yml",
        )
    elif file.folder != actor_id:
        yield check.problem(
            file,
            "ref.offer_folder",
            actor_position,
            actor=quote(actor_id),
            folder=str(PurePosixPath(file.path).parent) + "/",
            expected_folder=f"{check.context.data_path}/offers/{actor_id}/",
        )


def offer_terms(check: Checking, file: DataFile) -> Iterator[Problem]:
    """An offer's categories, target groups, entitlements and eligibility are the taxonomy's."""
    data = file.data
    for group in ("categories", "target_groups"):
        for index, _term in enumerate(data.get(group, [])):
            yield from term(check, file, (group, index), group)
    for index, _term in enumerate(data.get("costs", {}).get("free_with", [])):
        yield from term(check, file, ("costs", "free_with", index), "entitlements")
    for index, _term in enumerate(data.get("eligible", [])):
        yield from term(check, file, ("eligible", index), "eligibility")


def offer_locations(check: Checking, file: DataFile) -> Iterator[Problem]:
    """An offer's places and its sessions' places are places of its actor."""
    actor_file = check.valid_actors.get(file.data["actor"])
    if actor_file is None:
        return
    known = [location["id"] for location in actor_file.data.get("locations", [])]
    paths: list[JsonPath] = [("locations", index) for index in range(len(file.data.get("locations", [])))]
    sessions = file.data.get("schedule", {}).get("sessions", [])
    paths += [
        ("schedule", "sessions", index, "location") for index, session in enumerate(sessions) if "location" in session
    ]
    for path in paths:
        value = lookup(file.data, path)
        if value not in known:
            yield check.problem(
                file,
                "ref.unknown_location",
                file.document.value_position(path),
                field=field_name(path),
                value=quote(value),
                actor=quote(actor_file.stem),
                actor_file=actor_file.path,
                hint=check.messages.hint(closest(value, known)),
                known=check.messages.join(known, conjunction="or"),
            )


def offer_languages(check: Checking, file: DataFile) -> Iterator[Problem]:
    """The languages an offer is held in: a site language or a language CLDR knows (ISO 639, through Babel)."""
    for index, code in enumerate(file.data.get("languages", [])):
        if code in check.settings.language_codes or code.split("-")[0] in course_languages():
            continue
        suggestion = COUNTRY_CODES_TAKEN_FOR_LANGUAGES.get(code) or closest(code, list(check.settings.language_codes))
        yield check.problem(
            file,
            "offer.unknown_language",
            file.document.value_position(("languages", index)),
            value=quote(code),
            hint=check.messages.hint(suggestion),
        )


def need_terms(check: Checking, file: DataFile) -> Iterator[Problem]:
    """A need's topic, stage, district and target group are the taxonomy's."""
    for name, group in (
        ("topic", "categories"),
        ("stage", "categories"),
        ("district", "districts"),
        ("target_group", "target_groups"),
    ):
        if name in file.data:
            yield from term(check, file, (name,), group)


def news_offers(check: Checking, file: DataFile) -> Iterator[Problem]:
    """The offers a news item points to exist."""
    for index, offer_id in enumerate(file.data.get("offers", [])):
        if offer_id not in check.offer_ids:
            yield check.problem(
                file,
                "ref.unknown_offer",
                file.document.value_position(("offers", index)),
                value=quote(offer_id),
                hint=check.messages.hint(closest(offer_id, sorted(check.offer_ids))),
            )


@functools.cache
def course_languages() -> frozenset[str]:
    """The language codes CLDR names (Babel's English locale data): ISO 639-1 and the 639-2/3 codes of languages
    without one, e.g. de, uk, ti, ckb, and the codes CLDR keeps as aliases of them (prs, Dari: fa_AF; ukr: uk)."""
    named = {code.lower() for code in Locale("en").languages if isinstance(code, str) and "_" not in code}
    aliases = {alias.lower() for alias in get_global("language_aliases") if alias.isalpha()}
    return frozenset(named | aliases)
