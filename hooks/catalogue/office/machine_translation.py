"""Machine-translation drafts for texts nobody has translated yet, off unless a provider's key is set.

A draft is only a start: the file gets the language in `machine_translated`, the site marks the text as machine
translated in the reader's language, the report counts it apart, and the next translator export hands it out for
review. Texts a person translated are never touched, not even outdated ones.

The first provider is DeepL's text translation API (POST /v2/translate, JSON body `text` (at most 50 texts),
`source_lang`, `target_lang`; answer `{"translations": [{"detected_source_language", "text"}]}`; key in the header
`Authorization: DeepL-Auth-Key <key>`; keys ending in ':fx' belong to the free API at api-free.deepl.com).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from catalogue.data.model import Catalogue
from catalogue.figures.translation_status import RECORD_KINDS, Record, records_of_kind

from .translation_import import NewText

DEEPL_KEY_VARIABLE = "DEEPL_AUTH_KEY"
DEEPL_URL_VARIABLE = "DEEPL_API_URL"
"""Overrides the API's address, e.g. for a stand-in server in tests."""
DEEPL_TARGETS: Mapping[str, str] = {
    "en": "EN-GB",
    "ar": "AR",
    "uk": "UK",
    "ru": "RU",
    "tr": "TR",
    "fa": "FA",
    "ckb": "CKB",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pl": "PL",
    "nl": "NL",
    "ro": "RO",
    "bg": "BG",
    "el": "EL",
}
"""Site language -> DeepL target code, from DeepL's list of supported languages (Persian and Sorani Kurdish came
with its 2025 extension). Tigrinya, Pashto, Somali and Kurmanji are not offered."""
DEEPL_BATCH = 50
DEEPL_BATCH_BYTES = 100_000
DEFAULT_BUDGET = 50_000
"""Characters of German text one run may send; DeepL bills source characters (500,000 a month on the free plan)."""


class ProviderError(Exception):
    """The provider refused or did not answer as documented; the message says what it answered."""


class TranslationProvider(Protocol):
    @property
    def name(self) -> str:
        """The provider's name, as the office reads it in messages."""
        ...

    def supports(self, language: str) -> bool: ...

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """The texts translated, in the same order."""
        ...


@dataclass(frozen=True)
class DeepL:
    key: str
    url: str
    name: str = "DeepL"
    timeout: float = 60.0

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> DeepL | None:
        environment = os.environ if environment is None else environment
        key = environment.get(DEEPL_KEY_VARIABLE, "").strip()
        if not key:
            return None
        default_url = "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com"
        return cls(key=key, url=environment.get(DEEPL_URL_VARIABLE, default_url).rstrip("/"))

    def supports(self, language: str) -> bool:
        return language in DEEPL_TARGETS

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        results: list[str] = []
        for batch in _batches(texts):
            results.extend(self._request(batch, source, target))
        return results

    def _request(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        body = json.dumps(
            {
                "text": list(texts),
                "source_lang": source.upper(),
                "target_lang": DEEPL_TARGETS[target],
                "preserve_formatting": True,
            }
        ).encode("utf-8")
        request = urllib.request.Request(
            self.url + "/v2/translate",
            data=body,
            method="POST",
            headers={
                "Authorization": f"DeepL-Auth-Key {self.key}",
                "Content-Type": "application/json",
                "User-Agent": "catalogue-translations",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise ProviderError(f"HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ProviderError(str(getattr(error, "reason", error))) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ProviderError("the answer is not JSON") from None
        translations = answer.get("translations") if isinstance(answer, dict) else None
        if not isinstance(translations, list) or len(translations) != len(texts):
            raise ProviderError(f"expected {len(texts)} translations, got {answer!r:.200}")
        texts_out = [item.get("text") if isinstance(item, dict) else None for item in translations]
        if not all(isinstance(text, str) and text.strip() for text in texts_out):
            raise ProviderError("an empty translation came back")
        return [text for text in texts_out if isinstance(text, str)]


def _batches(texts: Sequence[str]) -> Iterable[Sequence[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        length = len(text.encode("utf-8"))
        if batch and (len(batch) == DEEPL_BATCH or size + length > DEEPL_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += length
    if batch:
        yield batch


@dataclass(frozen=True)
class Draft:
    record: Record
    path: tuple[str | int, ...]
    source: str


def missing_texts(
    catalogue: Catalogue, language: str, default_language: str, offers: Iterable[Record] | None = None
) -> list[Draft]:
    """Texts with no `language` version at all, in file order; outdated and machine texts are not drafted again."""
    records: list[Record] = []
    for kind in RECORD_KINDS:
        records.extend(records_of_kind(catalogue, kind, offers))  # type: ignore[arg-type]
    return [
        Draft(record, tuple(unit.path), unit.texts[default_language])
        for record in sorted(records, key=lambda record: record.source)
        for unit in record.translation.units
        if language not in unit.texts and unit.texts.get(default_language)
    ]


def within_budget(drafts: Sequence[Draft], budget: int) -> tuple[list[Draft], list[Draft]]:
    """The drafts whose German characters fit into `budget`, in order, and the rest."""
    taken: list[Draft] = []
    used = 0
    for index, draft in enumerate(drafts):
        if used + len(draft.source) > budget:
            return taken, list(drafts[index:])
        taken.append(draft)
        used += len(draft.source)
    return taken, []


def machine_translate(
    provider: TranslationProvider, drafts: Sequence[Draft], source: str, target: str
) -> list[NewText]:
    translated = provider.translate([draft.source for draft in drafts], source, target)
    return [NewText(draft.record, draft.path, text) for draft, text in zip(drafts, translated, strict=True)]
