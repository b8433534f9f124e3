"""Where each record's translation into a language stands: up to date, outdated, machine-translated or missing.

The rules, in the order they apply to one record and one language:

- missing: at least one translatable text lacks the language (proper names such as a place's name do not count);
- machine: the language is listed in `machine_translated` (a draft nobody has checked);
- outdated: `translation_sources.<language>` holds a fingerprint other than the one of today's default-language text
  (catalogue.data.fingerprint), so the default-language text changed after the translation was made;
- current: everything else, including translations made before fingerprints were recorded.

Word counts are what a translator is paid for: the default-language words of the texts still to translate (the
missing ones) or to check again (all of the record's texts when it is outdated or machine-translated).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from catalogue.data.model import Actor, Catalogue, NewsItem, Offer, TextUnit, TranslationRecord

Status = Literal["current", "outdated", "machine", "missing"]
STATUSES: tuple[Status, ...] = ("current", "outdated", "machine", "missing")
RecordKind = Literal["offer", "actor", "news"]
RECORD_KINDS: tuple[RecordKind, ...] = ("offer", "actor", "news")
Record = Offer | Actor | NewsItem

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NOT_TRANSLATED = re.compile(r"\]\([^)\s]*\)|<?(?:https?://|mailto:|tel:)[^\s>)]*>?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""Link targets, web and e-mail addresses: a translator leaves them as they are."""


def translation_status(record: TranslationRecord, language: str) -> Status:
    if any(language not in unit.texts for unit in record.units):
        return "missing"
    if language in record.machine:
        return "machine"
    source = record.sources.get(language)
    if source is not None and source != record.fingerprint:
        return "outdated"
    return "current"


def units_to_translate(record: TranslationRecord, language: str) -> tuple[TextUnit, ...]:
    """The texts a translator gets for this record: the missing ones, or all of them when the record is outdated or
    machine-translated; none when it is current."""
    status = translation_status(record, language)
    if status == "current":
        return ()
    if status == "missing":
        return tuple(unit for unit in record.units if language not in unit.texts)
    return record.units


def word_count(text: str) -> int:
    """Words as translators count them: runs of letters or digits, with inner hyphens and apostrophes; link targets,
    web and e-mail addresses do not count."""
    return len(_WORD.findall(_NOT_TRANSLATED.sub(" ", text)))


def words_to_translate(record: TranslationRecord, language: str, default_language: str) -> int:
    return sum(word_count(unit.texts.get(default_language, "")) for unit in units_to_translate(record, language))


@dataclass(frozen=True)
class StatusCount:
    """How the records of one kind stand in one language."""

    kind: RecordKind
    language: str
    current: int = 0
    outdated: int = 0
    machine: int = 0
    missing: int = 0
    words: int = 0
    """Default-language words still to translate or check."""

    @property
    def total(self) -> int:
        return self.current + self.outdated + self.machine + self.missing


def records_of_kind(
    catalogue: Catalogue, kind: RecordKind, offers: Iterable[Offer] | None = None
) -> tuple[Record, ...]:
    if kind == "offer":
        return tuple(catalogue.offers if offers is None else offers)
    if kind == "actor":
        return tuple(catalogue.actors.values())
    return tuple(catalogue.news)


def status_counts(
    catalogue: Catalogue, languages: Iterable[str], default_language: str, offers: Iterable[Offer] | None = None
) -> Iterator[StatusCount]:
    """For each language (the default language left out) and kind: how many records are in each status.

    `offers` narrows the offers counted (e.g. the published ones); actors and news are always all of them."""
    offer_list = tuple(catalogue.offers if offers is None else offers)
    for language in languages:
        if language == default_language:
            continue
        for kind in RECORD_KINDS:
            counts = dict.fromkeys(STATUSES, 0)
            words = 0
            for record in records_of_kind(catalogue, kind, offer_list):
                counts[translation_status(record.translation, language)] += 1
                words += words_to_translate(record.translation, language, default_language)
            yield StatusCount(kind, language, words=words, **counts)


def record_kind(record: Record) -> RecordKind:
    if isinstance(record, Offer):
        return "offer"
    if isinstance(record, Actor):
        return "actor"
    return "news"
