"""Takes a translator's file back into the data: checks every unit first, refuses the whole file on any problem,
then writes only the translated texts and the translation bookkeeping, with the round trip of yaml_round_trip.

Refused, with the unit named: a file or text the catalogue does not have; a language pair other than the site's
source language into one of its other languages; a unit whose German text (its own, or the record's fingerprint)
changed since the export; a text longer than the schema allows; a text the loader refuses (office/text_rules.py:
control and direction characters, HTML, links other than http(s), mailto and tel, markup in plain text). After the
import a record whose texts are all translated gets `translation_sources.<language>` set to its German text's
fingerprint, and a person's translation of every text of a machine-translated record takes the language off
`machine_translated`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.data.messages import Messages
from catalogue.data.model import Catalogue
from catalogue.data.schema_loading import schema_set
from catalogue.data.settings import Settings
from catalogue.figures.translation_status import RECORD_KINDS, Record, records_of_kind, translation_status

from .text_rules import text_refusals
from .translation_exchange import Exchange, field_name
from .yaml_round_trip import FileEdit, record_translation, set_text


@dataclass(frozen=True)
class NewText:
    record: Record
    path: tuple[str | int, ...]
    text: str


@dataclass
class ImportPlan:
    """What an import would write, or why it must not."""

    language: str
    problems: list[str] = field(default_factory=list)
    texts: list[NewText] = field(default_factory=list)


@dataclass(frozen=True)
class WriteResult:
    files: tuple[str, ...]
    texts: int
    complete: int
    """Records whose texts in the language are all there after the write."""


def records_by_file(catalogue: Catalogue) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for kind in RECORD_KINDS:
        for record in records_of_kind(catalogue, kind):
            records[record.source] = record
    return records


def text_length_limit(markdown: bool) -> int:
    """The longest text the schema allows in one language (common.schema.json, `text` or `markdown`)."""
    definition = schema_set().definitions["markdown" if markdown else "text"]
    return int(definition["additionalProperties"]["maxLength"])


def plan_import(exchange: Exchange, catalogue: Catalogue, settings: Settings, messages: Messages) -> ImportPlan:
    default = settings.default_language
    plan = ImportPlan(exchange.target_language)
    others = [code for code in settings.language_codes if code != default]
    if exchange.source_language != default or exchange.target_language not in others:
        plan.problems.append(
            messages.phrase(
                "translations.wrong_language",
                source=exchange.source_language or "?",
                target=exchange.target_language or "?",
                default=default,
                languages=", ".join(others),
            )
        )
        return plan
    records = records_by_file(catalogue)
    language = exchange.target_language
    for unit in exchange.units:
        if not unit.target.strip():
            continue
        record = records.get(unit.file)
        text_unit = (
            None
            if record is None
            else next((item for item in record.translation.units if field_name(item.path) == unit.field), None)
        )
        if record is None or text_unit is None:
            plan.problems.append(messages.phrase("translations.unknown_id", unit=unit.id))
            continue
        current_source = text_unit.texts.get(default, "")
        if unit.source != current_source or unit.fingerprint != record.translation.fingerprint:
            plan.problems.append(messages.phrase("translations.source_changed", unit=unit.field, file=unit.file))
            continue
        longest = text_length_limit(text_unit.markdown)
        if len(unit.target) > longest:
            plan.problems.append(
                messages.phrase("translations.too_long", unit=unit.id, length=len(unit.target), limit=longest)
            )
            continue
        refusals = text_refusals(unit.target, markdown=text_unit.markdown)
        if refusals:
            plan.problems.extend(
                messages.phrase(
                    "translations.refused_text",
                    unit=unit.id,
                    reason=messages.phrase(f"translations.reason.{reason}", found=found),
                )
                for reason, found in refusals
            )
            continue
        current_target = text_unit.texts.get(language)
        if unit.target == current_target and not unit.confirmed:
            continue  # handed out for review and sent back untouched
        if unit.target != current_target or translation_status(record.translation, language) != "current":
            plan.texts.append(NewText(record, text_unit.path, unit.target))
    return plan


def refused_texts(texts: Iterable[NewText], messages: Messages) -> list[str]:
    """Why `make check` would refuse each of the texts (length, characters, markup, links), one line per problem;
    empty when all can be written. For machine drafts, which never pass a translator's eye before the data."""
    problems: list[str] = []
    for text in texts:
        unit = next(item for item in text.record.translation.units if tuple(item.path) == tuple(text.path))
        name = f"{text.record.source}#{field_name(text.path)}"
        longest = text_length_limit(unit.markdown)
        if len(text.text) > longest:
            problems.append(messages.phrase("translations.too_long", unit=name, length=len(text.text), limit=longest))
        problems.extend(
            messages.phrase(
                "translations.refused_text",
                unit=name,
                reason=messages.phrase(f"translations.reason.{reason}", found=found),
            )
            for reason, found in text_refusals(text.text, markdown=unit.markdown)
        )
    return problems


def write_texts(
    texts: Iterable[NewText], language: str, settings: Settings, default_language: str, *, machine: bool
) -> WriteResult:
    """Writes the texts into their files; `machine` says whether they are machine drafts or a person's work.

    Every file is read, changed and dumped before the first one is written, so a file that cannot be read leaves
    every file as it was."""
    by_file: dict[str, list[NewText]] = {}
    for text in texts:
        by_file.setdefault(text.record.source, []).append(text)
    new_contents: dict[Path, str] = {}
    unchanged: set[str] = set()  # files the write would leave as they are (a file imported a second time)
    complete = 0
    for source, file_texts in by_file.items():
        record = file_texts[0].record
        path = settings.root / source
        original = path.read_text(encoding="utf-8")
        edit = FileEdit(original)
        document = edit.document
        units = {tuple(unit.path): unit for unit in record.translation.units}
        for text in file_texts:
            set_text(
                document, text.path, language, text.text, like=units[tuple(text.path)].texts.get(default_language, "")
            )
        written = {tuple(text.path) for text in file_texts}
        now_complete = all(language in unit.texts or path_ in written for path_, unit in units.items())
        before = translation_status(record.translation, language)
        everything_redone = written >= set(units)
        if now_complete:
            complete += 1
        records_fingerprint = now_complete and (before == "missing" or everything_redone or machine)
        record_translation(
            document,
            language,
            record.translation.fingerprint if records_fingerprint else None,
            machine=True if machine else (False if everything_redone else None),
        )
        if edit.text() != original:
            new_contents[path] = edit.text()
        else:
            unchanged.add(source)
    for path, content in new_contents.items():
        path.write_text(content, encoding="utf-8", newline="")
    changed = {source: items for source, items in by_file.items() if source not in unchanged}
    return WriteResult(
        files=tuple(sorted(changed)), texts=sum(len(items) for items in changed.values()), complete=complete
    )
