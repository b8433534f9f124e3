"""Checks that need more than one file, or more than the schema can say: ids, references, orders, safe Markdown,
languages, the labels files, and the warnings about stale and untranslated records.

Each check reads only documents that matched their schema; references to a file that could not be read are not
reported again, so that one mistake gives one message.
"""

from __future__ import annotations

import difflib
import functools
import html
import importlib.util
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator, Mapping

from babel import Locale
from babel.core import get_global
from babel.dates import tokenize_pattern

from catalogue.data.fingerprint import default_text_fingerprint
from catalogue.data.glossary import Glossary, glossary_from_data
from catalogue.data.messages import Messages, quote
from catalogue.data.model import CAPACITY_SHOWN_MONTHS
from catalogue.data.package_files import is_product_file
from catalogue.data.plural_rules import ordered, plural_categories, split_plural_key
from catalogue.data.problems import Problem
from catalogue.data.schema_check import Kind, SchemaSet, TextField
from catalogue.data.settings import Settings
from catalogue.data.strict_yaml import JsonPath, Position, YamlDocument, field_name

TRANSLATED_KINDS: frozenset[Kind] = frozenset({"offer", "actor", "news"})
"""Kinds whose translation completeness is reported; the taxonomy and labels are checked by other rules."""

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DANGEROUS_LINK_SCHEMES = frozenset({"javascript", "data", "vbscript"})
_TERM_GROUPS = ("categories", "target_groups", "districts", "entitlements", "eligibility")
_CLOSE_MATCH_CUTOFF = 0.6

_FENCED_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
_HTML_TAG = re.compile(r"<(?:!--|[/!?]?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z))[^>\n]*>?")
_INLINE_LINK = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)
# Markdown that plain-text fields show literally: links, images, autolinks, bold (a single * is the German gender star).
_MARKUP_IN_PLAIN_TEXT = re.compile(
    r"!?\[[^\]\n]+\]\([^)\n]*\)"  # [link](target), ![image](src)
    r"|<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>"  # <https://…>
    r"|(\*\*|__)\S(?:.*?\S)?\1"  # **bold**, __bold__
)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
COUNTRY_CODES_TAKEN_FOR_LANGUAGES = {
    "ua": "uk", "gr": "el", "dk": "da", "se": "sv", "cz": "cs", "jp": "ja", "cn": "zh", "kr": "ko", "ir": "fa",
    "sy": "ar", "al": "sq", "rs": "sr", "ee": "et", "si": "sl", "by": "be", "gb": "en", "us": "en", "at": "de",
}
"""Country codes (ISO 3166) people write for a language, and the language code (ISO 639-1) they mean."""
LONGEST_OVERNIGHT_MINUTES = 12 * 60
"""An end earlier than the start is on the next day, if that makes a session of at most 12 hours; a longer one is
more likely a slip (18:00 to 09:00)."""


@dataclass(frozen=True)
class DataFile:
    """One file of the catalogue after reading and schema validation."""

    kind: Kind
    path: str
    """Relative to the site's root, POSIX style."""
    parsed: YamlDocument | None
    """None when the file could not be read."""
    valid: bool
    """Read, and matches its schema."""

    @property
    def document(self) -> YamlDocument:
        assert self.parsed is not None, f"{self.path} could not be read"
        return self.parsed

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    @property
    def folder(self) -> str:
        return PurePosixPath(self.path).parent.name

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data


@dataclass(frozen=True)
class CheckContext:
    settings: Settings
    today: date
    messages: Messages
    schemas: SchemaSet
    data_path: str
    """The data folder relative to the site's root: 'data'."""
    material_languages: frozenset[str] | None
    """Languages Material for MkDocs has interface texts for; None when Material is not installed."""


def material_interface_languages() -> frozenset[str] | None:
    """Codes of the languages in material/templates/partials/languages/, found without importing anything."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "templates" / "partials" / "languages"
        if folder.is_dir():
            return frozenset(file.stem for file in folder.glob("*.html"))
    return None


def check_catalogue(files: Iterable[DataFile], context: CheckContext) -> list[Problem]:
    files = list(files)
    checker = _Checker(files, context)
    return list(checker.run())


class _Checker:
    def __init__(self, files: list[DataFile], context: CheckContext) -> None:
        self.context = context
        self._text_fields: dict[str, list[TextField]] = {}
        self.messages = context.messages
        self.settings = context.settings
        self.default_language = context.settings.default_language
        self.by_kind: dict[Kind, list[DataFile]] = {
            kind: [] for kind in ("taxonomy", "actor", "offer", "news", "need", "labels", "glossary", "synonyms")
        }
        for file in sorted(files, key=lambda item: item.path):
            self.by_kind[file.kind].append(file)
        taxonomy = next((file for file in self.by_kind["taxonomy"] if file.valid), None)
        self.taxonomy_path = taxonomy.path if taxonomy else f"{context.data_path}/taxonomy.yml"
        self.terms: dict[str, list[str]] | None = (
            {group: [term["id"] for term in taxonomy.data.get(group, [])] for group in _TERM_GROUPS}
            if taxonomy and taxonomy.data.get("districts") else None
        )
        self.actor_ids = {file.stem for file in self.by_kind["actor"]}
        self.valid_actors = {
            file.stem: file for file in self.by_kind["actor"] if file.valid and file.data["id"] == file.stem
        }
        self.offer_ids = {file.stem for file in self.by_kind["offer"]} | {
            file.data["id"] for file in self.by_kind["offer"] if file.valid
        }

    def problem(self, file: DataFile, message_key: str, position: Position, /, **values: Any) -> Problem:
        return self.messages.problem(message_key, path=file.path, position=position, **values)

    def warning(self, file: DataFile, message_key: str, position: Position, /, **values: Any) -> Problem:
        return self.messages.problem(message_key, path=file.path, position=position, severity="warning", **values)

    def run(self) -> Iterator[Problem]:
        for kind, files in self.by_kind.items():
            for file in files:
                if not file.valid:
                    continue
                if kind not in ("labels", "glossary"):
                    yield from self.texts(file)
                if kind in TRANSLATED_KINDS:
                    yield from self.id_matches_file(file)
                    yield from self.translations(file)
        for file in self.by_kind["taxonomy"]:
            if file.valid:
                for group in _TERM_GROUPS:
                    yield from self.unique_entries(file, (group,))
                if not file.data.get("districts"):
                    yield self.problem(file, "taxonomy.no_districts", file.document.value_position(()))
        for file in self.valid_files("actor"):
            yield from self.actor(file)
        yield from self.duplicate_offer_ids()
        for file in self.valid_files("offer"):
            yield from self.offer(file)
        for file in self.valid_files("news"):
            yield from self.news(file)
        for file in self.valid_files("need"):
            yield from self.need(file)
        yield from self.labels()
        yield from self.glossary_forms()

    def valid_files(self, kind: Kind) -> Iterator[DataFile]:
        return (file for file in self.by_kind[kind] if file.valid)

    # -- ids and references --------------------------------------------------------------------------------------

    def id_matches_file(self, file: DataFile) -> Iterator[Problem]:
        record_id = file.data["id"]
        if record_id != file.stem:
            yield self.problem(
                file,
                "ref.id_file",
                file.document.value_position(("id",)),
                id=quote(record_id),
                file=quote(file.stem + ".yml"),
                stem=quote(file.stem),
                expected_file=quote(record_id + ".yml"),
            )

    def unique_entries(self, file: DataFile, list_path: JsonPath) -> Iterator[Problem]:
        first_lines: dict[str, int] = {}
        parent = _lookup(file.data, list_path[:-1])
        for index, entry in enumerate(parent.get(list_path[-1]) or []):
            position = file.document.value_position((*list_path, index, "id"))
            if entry["id"] in first_lines:
                yield self.problem(
                    file,
                    "ref.duplicate_entry",
                    position,
                    id=quote(entry["id"]),
                    group=".".join(str(part) for part in list_path),
                    other_line=first_lines[entry["id"]],
                )
            else:
                first_lines[entry["id"]] = position[0]

    def term(self, file: DataFile, path: JsonPath, group: str) -> Iterator[Problem]:
        if self.terms is None:
            return
        value = _lookup(file.data, path)
        known = self.terms[group]
        if value in known:
            return
        yield self.problem(
            file,
            "ref.unknown_term",
            file.document.value_position(path),
            field=field_name(path),
            value=quote(value),
            group=self.messages.phrase("group." + group),
            taxonomy_file=self.taxonomy_path,
            hint=self.messages.hint(_closest(value, known)),
            known=self.messages.join(known, conjunction="or"),
        )

    def actor(self, file: DataFile) -> Iterator[Problem]:
        yield from self.unique_entries(file, ("locations",))
        for index, _location in enumerate(file.data.get("locations", [])):
            yield from self.term(file, ("locations", index, "district"), "districts")

    def duplicate_offer_ids(self) -> Iterator[Problem]:
        first_files: dict[str, DataFile] = {}
        for file in self.valid_files("offer"):
            record_id = file.data["id"]
            if record_id in first_files:
                yield self.problem(
                    file,
                    "ref.duplicate_offer",
                    file.document.value_position(("id",)),
                    id=quote(record_id),
                    other=first_files[record_id].path,
                )
            else:
                first_files[record_id] = file

    def offer(self, file: DataFile) -> Iterator[Problem]:
        data = file.data
        document = file.document
        actor_id = data["actor"]
        actor_position = document.value_position(("actor",))
        if actor_id not in self.actor_ids:
            suggestion = file.folder if file.folder in self.actor_ids else _closest(actor_id, sorted(self.actor_ids))
            yield self.problem(
                file,
                "ref.unknown_actor",
                actor_position,
                value=quote(actor_id),
                hint=self.messages.hint(suggestion),
                expected_file=f"{self.context.data_path}/actors/{actor_id}.yml",
            )
        elif file.folder != actor_id:
            yield self.problem(
                file,
                "ref.offer_folder",
                actor_position,
                actor=quote(actor_id),
                folder=str(PurePosixPath(file.path).parent) + "/",
                expected_folder=f"{self.context.data_path}/offers/{actor_id}/",
            )
        for group in ("categories", "target_groups"):
            for index, _term in enumerate(data.get(group, [])):
                yield from self.term(file, (group, index), group)
        for index, _term in enumerate(data.get("costs", {}).get("free_with", [])):
            yield from self.term(file, ("costs", "free_with", index), "entitlements")
        for index, _term in enumerate(data.get("eligible", [])):
            yield from self.term(file, ("eligible", index), "eligibility")
        yield from self.offer_locations(file, self.valid_actors.get(actor_id))
        yield from self.offer_orders(file)
        yield from self.offer_languages(file)
        yield from self.stale(file)
        yield from self.capacity(file)

    def capacity(self, file: DataFile) -> Iterator[Problem]:
        if "capacity" not in file.data:
            return
        as_of = date.fromisoformat(file.data["capacity"]["as_of"])
        position = file.document.value_position(("capacity", "as_of"))
        if as_of > self.context.today:
            yield self.problem(file, "order.capacity_future", position, date=as_of.isoformat(), today=self.context.today.isoformat())
        elif as_of < months_before(self.context.today, CAPACITY_SHOWN_MONTHS):
            yield self.warning(file, "warn.capacity_old", position, date=as_of.isoformat(), months=CAPACITY_SHOWN_MONTHS)

    def need(self, file: DataFile) -> Iterator[Problem]:
        """A need's references to the taxonomy, its ages and dates, and its file name <yyyy-mm>-<slug>.yml."""
        data = file.data
        document = file.document
        yield from self.id_matches_file(file)
        month = data["reported"][:7]
        if not file.stem.startswith(month + "-"):
            slug = file.stem[8:] if len(file.stem) > 8 and file.stem[:4].isdigit() else file.stem
            yield self.problem(
                file, "need.file_month", document.value_position(("reported",)),
                file=quote(file.stem + ".yml"), month=month, expected=quote(f"{month}-{slug}.yml"),
            )
        for name, group in (("topic", "categories"), ("stage", "categories"), ("district", "districts"), ("target_group", "target_groups")):
            if name in data:
                yield from self.term(file, (name,), group)
        if "age_min" in data and "age_max" in data and data["age_min"] > data["age_max"]:
            yield self.problem(file, "order.ages", document.value_position(("age_min",)), low=data["age_min"], high=data["age_max"])
        today = self.context.today
        reported = date.fromisoformat(data["reported"])
        if reported > today:
            yield self.problem(file, "need.reported_future", document.value_position(("reported",)), date=reported.isoformat(), today=today.isoformat())
        end = date.fromisoformat(data["end_date"]) if "end_date" in data else None
        if end is not None and end < reported:
            yield self.problem(file, "need.end_before_reported", document.value_position(("end_date",)), end=end.isoformat(), start=reported.isoformat())
        if data["status"] == "addressed" and end is None:
            yield self.problem(file, "need.addressed_without_date", document.value_position(("status",)), today=today.isoformat())
        elif data["status"] == "open" and end is not None and end < today:
            yield self.warning(file, "warn.need_lapsed", document.value_position(("end_date",)), date=end.isoformat())

    def offer_locations(self, file: DataFile, actor: DataFile | None) -> Iterator[Problem]:
        if actor is None:
            return
        known = [location["id"] for location in actor.data.get("locations", [])]
        paths: list[JsonPath] = [("locations", index) for index in range(len(file.data.get("locations", [])))]
        sessions = file.data.get("schedule", {}).get("sessions", [])
        paths += [
            ("schedule", "sessions", index, "location")
            for index, session in enumerate(sessions)
            if "location" in session
        ]
        for path in paths:
            value = _lookup(file.data, path)
            if value not in known:
                yield self.problem(
                    file,
                    "ref.unknown_location",
                    file.document.value_position(path),
                    field=field_name(path),
                    value=quote(value),
                    actor=quote(actor.stem),
                    actor_file=actor.path,
                    hint=self.messages.hint(_closest(value, known)),
                    known=self.messages.join(known, conjunction="or"),
                )

    def offer_orders(self, file: DataFile) -> Iterator[Problem]:
        data = file.data
        document = file.document
        if "valid_from" in data and "valid_until" in data and data["valid_from"] > data["valid_until"]:
            yield self.problem(
                file,
                "order.valid_dates",
                document.value_position(("valid_from",)),
                start=data["valid_from"],
                end=data["valid_until"],
            )
        if "age_min" in data and "age_max" in data and data["age_min"] > data["age_max"]:
            yield self.problem(
                file, "order.ages", document.value_position(("age_min",)), low=data["age_min"], high=data["age_max"]
            )
        schedule = data.get("schedule", {})
        for group in ("sessions", "weekly"):
            for index, slot in enumerate(schedule.get(group, [])):
                if "end" not in slot:
                    continue
                position = document.value_position(("schedule", group, index, "end"))
                minutes = _minutes_until(slot["start"], slot["end"])
                if minutes == 0:
                    yield self.problem(file, "order.times", position, start=slot["start"], end=slot["end"])
                elif slot["end"] < slot["start"] and minutes > LONGEST_OVERNIGHT_MINUTES:
                    yield self.problem(
                        file, "order.times_overnight", position, start=slot["start"], end=slot["end"],
                        hours=minutes // 60, limit=LONGEST_OVERNIGHT_MINUTES // 60,
                    )

    def offer_languages(self, file: DataFile) -> Iterator[Problem]:
        """The languages an offer is held in: a site language or a language CLDR knows (ISO 639, through Babel)."""
        for index, code in enumerate(file.data.get("languages", [])):
            if code in self.settings.language_codes or code.split("-")[0] in course_languages():
                continue
            suggestion = COUNTRY_CODES_TAKEN_FOR_LANGUAGES.get(code) or _closest(code, list(self.settings.language_codes))
            yield self.problem(
                file, "offer.unknown_language", file.document.value_position(("languages", index)),
                value=quote(code), hint=self.messages.hint(suggestion),
            )

    def news(self, file: DataFile) -> Iterator[Problem]:
        for index, offer_id in enumerate(file.data.get("offers", [])):
            if offer_id not in self.offer_ids:
                yield self.problem(
                    file,
                    "ref.unknown_offer",
                    file.document.value_position(("offers", index)),
                    value=quote(offer_id),
                    hint=self.messages.hint(_closest(offer_id, sorted(self.offer_ids))),
                )

    # -- texts ------------------------------------------------------------------------------------------------

    def text_fields(self, file: DataFile) -> list[TextField]:
        if file.path not in self._text_fields:
            self._text_fields[file.path] = self.context.schemas.text_fields(file.kind, file.data)
        return self._text_fields[file.path]

    def texts(self, file: DataFile) -> Iterator[Problem]:
        languages = self.settings.language_codes
        for text_field in self.text_fields(file):
            texts = _lookup(file.data, text_field.path)
            field = field_name(text_field.path)
            for language in texts:
                if language not in languages:
                    yield self.problem(
                        file,
                        "text.unknown_language",
                        file.document.key_position((*text_field.path, language)),
                        field=field,
                        value=quote(language),
                        allowed=self.messages.join(languages, conjunction="or"),
                    )
            if self.default_language not in texts:
                yield self.problem(
                    file,
                    "text.missing_default",
                    file.document.key_position(text_field.path),
                    field=field,
                    language=self.default_language,
                )
            if text_field.markdown:
                for language, text in texts.items():
                    yield from self.markdown(file, (*text_field.path, language), text)
            else:
                for language, text in texts.items():
                    yield from self.plain_text(file, (*text_field.path, language), text)

    def plain_text(self, file: DataFile, path: JsonPath, text: str) -> Iterator[Problem]:
        """Markup in a plain-text field (title, summary, name …) would be shown literally: say so where it stands."""
        found = _HTML_TAG.search(text) or _MARKUP_IN_PLAIN_TEXT.search(text)
        if found:
            markup = found.group()
            yield self.problem(
                file,
                "text.plain_markup",
                file.document.text_position(path, markup[:20]),
                field=field_name(path[:-1]),
                markup=quote(markup),
            )

    def markdown(self, file: DataFile, path: JsonPath, text: str) -> Iterator[Problem]:
        field = field_name(path[:-1])
        prose = _CODE_SPAN.sub(" ", _FENCED_CODE.sub(" ", text))
        tags = [match.group() for match in _HTML_TAG.finditer(prose)]
        # An element is reported by its opening tag; a closing tag only when it stands alone.
        for tag in [tag for tag in tags if not tag.startswith("</")] or tags[:1]:
            yield self.problem(
                file, "markdown.html", file.document.text_position(path, tag[:20]), field=field, tag=quote(tag)
            )
        for target in _link_targets(prose):
            scheme_match = _SCHEME.match(_INVISIBLE.sub("", html.unescape(target)))
            scheme = scheme_match.group(1).lower() if scheme_match else ""
            if not scheme or scheme in SAFE_LINK_SCHEMES:
                continue
            message_key = "markdown.dangerous_link" if scheme in DANGEROUS_LINK_SCHEMES else "markdown.link_scheme"
            yield self.problem(
                file, message_key, file.document.text_position(path, target[:20]), field=field, target=quote(target)
            )

    def translations(self, file: DataFile) -> Iterator[Problem]:
        fields = [item for item in self.text_fields(file) if not is_proper_name(file.kind, item.path)]
        if not fields:
            return
        position = file.document.key_position(fields[0].path)
        untranslated: list[str] = []
        lacking_by_language: dict[str, list[str]] = {}
        for language in self.settings.language_codes:
            if language == self.default_language:
                continue
            lacking = [field_name(item.path) for item in fields if language not in _lookup(file.data, item.path)]
            if len(lacking) == len(fields):
                untranslated.append(language)
            elif lacking:
                lacking_by_language[language] = lacking
        if untranslated:
            yield self.warning(
                file, "warn.untranslated", position, languages=", ".join(untranslated), example=untranslated[0],
                about=tuple(untranslated),
            )
        languages_by_gap: dict[tuple[str, ...], list[str]] = {}
        for language, lacking in lacking_by_language.items():
            languages_by_gap.setdefault(tuple(dict.fromkeys(lacking)), []).append(language)
        for gap, languages in languages_by_gap.items():
            yield self.warning(
                file,
                "warn.partly_translated",
                position,
                about=tuple(languages),
                languages=", ".join(languages),
                fields=self.messages.join(f"`{name}`" for name in gap),
            )
        yield from self.outdated(file, untranslated)

    def outdated(self, file: DataFile, untranslated: list[str]) -> Iterator[Problem]:
        sources = file.data.get("translation_sources", {})
        if not sources:
            return
        fingerprint = default_text_fingerprint(file.data, self.default_language)
        for language, source in sources.items():
            if language in untranslated or language == self.default_language or source == fingerprint:
                continue
            yield self.warning(
                file,
                "warn.outdated",
                file.document.value_position(("translation_sources", language)),
                language=language,
                default=self.default_language,
                fingerprint=fingerprint,
            )

    def stale(self, file: DataFile) -> Iterator[Problem]:
        verified = date.fromisoformat(file.data["last_verified"]["date"])
        if verified > self.context.today:
            position = file.document.value_position(("last_verified", "date"))
            yield self.problem(file, "order.verified_future", position, date=verified.isoformat(), today=self.context.today.isoformat())
            return
        months = self.settings.stale_after_months
        if verified < months_before(self.context.today, months):
            position = file.document.value_position(("last_verified", "date"))
            yield self.warning(file, "warn.stale", position, date=verified.isoformat(), months=months)

    # -- labels -----------------------------------------------------------------------------------------------

    def labels(self) -> Iterator[Problem]:
        files = {file.stem: file for file in self.by_kind["labels"]}
        default_file = files.get(self.default_language)
        default_path = f"{self.context.data_path}/labels/{self.default_language}.yml"
        for language in self.settings.language_codes:
            file = files.get(language)
            expected_path = f"{self.context.data_path}/labels/{language}.yml"
            if file is None:
                yield self.messages.problem(
                    "labels.missing_file",
                    path=expected_path,
                    position=(1, 1),
                    language=language,
                    file=expected_path,
                    default_file=default_path,
                )
                continue
            if not file.valid:
                continue
            yield from self.label_formats(file)
            needs_theme = (
                self.context.material_languages is not None and language not in self.context.material_languages
            )
            if needs_theme and not file.data.get("theme"):
                position = (
                    file.document.key_position(("theme",)) if "theme" in file.data else file.document.value_position(())
                )
                yield self.problem(file, "labels.theme_missing", position, language=language, file=file.path)
            if default_file is not None and default_file.valid and file is not default_file:
                yield from self.label_keys(file, default_file)
                english = files.get("en")
                english = english if english is not None and english.valid and english is not file else None
                yield from self.texts_left(file, default_file, english)
                if english is not None:
                    yield from self.texts_left(file, english, default_file)
        yield from self.taxonomy_languages()

    def label_formats(self, file: DataFile) -> Iterator[Problem]:
        """A labels file's `formats:` date patterns must be CLDR patterns with day, month and year, the full one
        with the weekday and the other without (catalogue.language.formatting.FormatOverrides)."""
        formats = file.data.get("formats") or {}
        if not {"date", "full_date"} & set(formats):
            return
        for name, with_weekday in (("date", False), ("full_date", True)):
            pattern = formats.get(name, "")
            try:
                fields = {letter for letter, _ in _pattern_fields(pattern)}
            except (ValueError, KeyError):
                fields = set()
            if {"d", "M", "y"} <= fields and ("E" in fields) is with_weekday and fields <= {"d", "M", "y", "E"}:
                continue
            where = ("formats", name) if name in formats else ("formats",)
            yield self.problem(
                file, "labels.format_pattern", file.document.value_position(where) if name in formats else file.document.key_position(where),
                field=name, value=quote(pattern), weekday=self.messages.phrase("format.with_weekday" if with_weekday else "format.without_weekday"),
            )

    def texts_left(self, file: DataFile, source: DataFile, other: DataFile | None) -> Iterator[Problem]:
        """A labels file copied from another language's and not yet translated keeps that language's texts: say so
        in one line. Texts that the two source languages share ('OK', a brand name) do not count."""
        others = other.data["site"] if other is not None else {}
        left = [
            key for key, text in file.data["site"].items()
            if text == source.data["site"].get(key) and text != others.get(key) and _WORDS.search(_PLACEHOLDER.sub("", text))
        ]
        if len(left) >= _LEFT_AT_LEAST:
            yield self.warning(
                file, "warn.labels_left", file.document.value_position(("site", left[0])),
                count=len(left), key=left[0], text=quote(file.data["site"][left[0]]),
                source=source.path, language=self.settings.language(file.stem).name,
            )

    def taxonomy_languages(self) -> Iterator[Problem]:
        """Categories and target groups without a label in a language show in the default language: one line each."""
        taxonomy = next((file for file in self.by_kind["taxonomy"] if file.valid), None)
        if taxonomy is None:
            return
        terms = [term for group in ("categories", "target_groups", "eligibility") for term in taxonomy.data.get(group, [])]
        for language in self.settings.language_codes:
            if language == self.default_language:
                continue
            lacking = [term for term in terms if language not in (term.get("label") or {})]
            if lacking:
                yield self.warning(
                    taxonomy, "warn.taxonomy_untranslated", (1, 1), language=language, count=len(lacking),
                    total=len(terms), default=self.default_language, file=taxonomy.path,
                )

    def label_keys(self, file: DataFile, default_file: DataFile) -> Iterator[Problem]:
        """Every key of the default language, and for a phrase with a number (`<key>.<plural category>`) either
        every CLDR plural category of this language or `<key>.other` alone, each with the default's placeholders."""
        expected: Mapping[str, str] = default_file.data["site"]
        actual: Mapping[str, str] = file.data["site"]
        language = file.stem
        categories = plural_categories(language)
        plural_bases = {base for base, category in map(split_plural_key, expected) if category}
        given: dict[str, set[str]] = {base: set() for base in plural_bases}
        for key in actual:
            base, category = split_plural_key(key)
            if category and base in given:
                given[base].add(category)
        missing = [
            key for key in expected
            if split_plural_key(key)[0] not in plural_bases and key not in actual and not key.startswith(OPTIONAL_LABEL_PREFIXES)
        ]
        missing += [f"{base}.other" for base in sorted(plural_bases) if "other" not in given[base]]
        extra = [
            key for key in actual
            if not (key in expected and split_plural_key(key)[0] not in plural_bases)
            and not (split_plural_key(key)[0] in plural_bases and split_plural_key(key)[1] in categories)
        ]
        if missing:
            yield self.problem(
                file,
                "labels.missing_keys",
                file.document.key_position(("site",)),
                count=len(missing),
                keys=self.messages.join(missing),
                default_file=default_file.path,
            )
        if extra:
            yield self.problem(
                file,
                "labels.extra_keys",
                file.document.key_position(("site", extra[0])),
                keys=self.messages.join(extra),
                default_file=default_file.path,
            )
        for base in sorted(plural_bases):
            forms = given[base] & categories
            if "other" in forms and forms != {"other"} and forms != categories:
                first = next(key for key in actual if split_plural_key(key)[0] == base)
                yield self.problem(
                    file,
                    "labels.plural_forms",
                    file.document.key_position(("site", first)),
                    key=base,
                    language=language,
                    missing=self.messages.join(f"{base}.{category}" for category in ordered(categories - forms)),
                    categories=self.messages.join(ordered(categories)),
                )
        for key, text in actual.items():
            base, category = split_plural_key(key)
            if base in plural_bases:
                source = expected.get(f"{base}.other", "")
            elif key in expected:
                source = expected[key]
            else:
                continue
            wanted = sorted(set(_PLACEHOLDER.findall(source)))
            found = sorted(set(_PLACEHOLDER.findall(text)))
            # 'one', 'two' and 'zero' forms may say the number in words: "عرضان", "سنة واحدة".
            fits = set(found) <= set(wanted) if category in ("zero", "one", "two") else wanted == found
            if not fits:
                yield self.problem(
                    file,
                    "labels.placeholders",
                    file.document.value_position(("site", key)),
                    key=key,
                    default_file=default_file.path,
                    expected=_braces(wanted, self.messages),
                    actual=_braces(found, self.messages),
                )


    # -- glossary ---------------------------------------------------------------------------------------------

    def glossary_forms(self) -> Iterator[Problem]:
        """Warns where a translation uses a form its language's glossary lists as wrong: in the labels and in every
        text of the data in that language."""
        glossaries = {file.stem: glossary_from_data(file.stem, file.data) for file in self.valid_files("glossary")}
        if not glossaries:
            return
        for file in self.valid_files("labels"):
            glossary = glossaries.get(file.stem)
            if glossary is not None and not is_product_file(file.path):
                for key, text in file.data["site"].items():
                    if _written_in(file, ("site", key)):
                        yield from self.wrong_forms(file, ("site", key), text, glossary)
        for kind in ("taxonomy", "actor", "offer", "news"):
            for file in self.valid_files(kind):
                if is_product_file(file.path):
                    continue
                for text_field in self.text_fields(file):
                    texts = _lookup(file.data, text_field.path)
                    for language, text in texts.items():
                        if language in glossaries and isinstance(text, str) and _written_in(file, (*text_field.path, language)):
                            yield from self.wrong_forms(file, (*text_field.path, language), text, glossaries[language])

    def wrong_forms(self, file: DataFile, path: JsonPath, text: str, glossary: Glossary) -> Iterator[Problem]:
        seen: dict[str, int] = {}
        for term, _offset, found in glossary.wrong_forms_in(text):
            seen[found.casefold()] = seen.get(found.casefold(), 0) + 1
            yield self.warning(
                file,
                "warn.glossary",
                _occurrence_position(file.document, path, found, seen[found.casefold()]),
                found=quote(found),
                use=quote(term.use),
                german=term.german,
                glossary=f"{self.context.data_path}/glossary/{glossary.language}.yml",
            )


def _written_in(file: DataFile, path: JsonPath) -> bool:
    """Whether the value at path stands in the file itself, not in the product's data the town's file extends."""
    return path in file.document.value_positions


_WORDS = re.compile(r"[^\W\d_]{3,}")
_LEFT_AT_LEAST = 5
"""Texts of the copied labels file left in another language's that make a warning (a few may rightly be the same)."""


def _occurrence_position(document: YamlDocument, path: JsonPath, needle: str, occurrence: int) -> Position:
    """Where the n-th (1-based) occurrence of needle stands inside the text at path, case-insensitive."""
    line, column = document.value_position(path)
    wanted = needle.casefold()
    for index in range(line - 1, len(document.lines)):
        text = document.lines[index].casefold()
        start = column - 1 if index == line - 1 else 0
        while (found := text.find(wanted, start)) >= 0:
            occurrence -= 1
            if occurrence == 0:
                return (index + 1, found + 1)
            start = found + len(wanted)
    return document.text_position(path, needle)


def _braces(names: list[str], messages: Messages) -> str:
    return messages.join("{" + name + "}" for name in names)


def _minutes_until(start: str, end: str) -> int:
    """Minutes from start to end (both HH:MM), the end on the next day when it is earlier than the start."""
    start_hours, start_minutes = start.split(":")
    end_hours, end_minutes = end.split(":")
    minutes = int(end_hours) * 60 + int(end_minutes) - int(start_hours) * 60 - int(start_minutes)
    return minutes + 24 * 60 if minutes < 0 else minutes


def _lookup(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


@functools.cache
def course_languages() -> frozenset[str]:
    """The language codes CLDR names (Babel's English locale data): ISO 639-1 and the 639-2/3 codes of languages
    without one, e.g. de, uk, ti, ckb, and the codes CLDR keeps as aliases of them (prs, Dari: fa_AF; ukr: uk)."""
    named = {code.lower() for code in Locale("en").languages if "_" not in code}
    aliases = {alias.lower() for alias in get_global("language_aliases") if alias.isalpha()}
    return frozenset(named | aliases)


def _closest(word: Any, candidates: list[str]) -> str | None:
    if not isinstance(word, str) or not candidates:
        return None
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=_CLOSE_MATCH_CUTOFF)
    return matches[0] if matches else None


OPTIONAL_LABEL_PREFIXES = ("figures.",)
"""Label blocks a language may leave out: the page that uses them is shown in the default language instead."""


def is_proper_name(kind: Kind, path: JsonPath) -> bool:
    """A place's name stays as it is on the street sign; it is not counted as untranslated."""
    return kind == "actor" and len(path) == 3 and path[0] == "locations" and path[2] == "name"


def _link_targets(markdown: str) -> Iterator[str]:
    for pattern in (_INLINE_LINK, _REFERENCE_LINK, _AUTOLINK):
        for match in pattern.finditer(markdown):
            if match.group(1):
                yield match.group(1)


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    return date(year, month, 1)


def _pattern_fields(pattern: str) -> list[tuple[str, int]]:
    """The fields of a CLDR date pattern ('d MMMM y' -> d, M, y), quoted literals left out (Babel's parser)."""
    return [(field[1][0], field[1][1]) for field in tokenize_pattern(pattern) if field[0] == "field"]
