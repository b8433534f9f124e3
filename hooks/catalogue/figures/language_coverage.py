"""How far each language carries the catalogue: the share of offers a reader of it can judge in it, that is whose
title, summary and who-may-take-part are in the language (the taxonomy's eligibility terms have a label in every
language, so an offer with `eligible` answers the last in every one)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from catalogue.data.model import Offer


@dataclass(frozen=True)
class LanguageCoverage:
    language: str
    covered: int
    """Offers whose title, summary and eligibility are in the language."""
    total: int

    @property
    def percent(self) -> int:
        """The share, rounded down to a whole per cent (100 only where every offer is covered); 0 for no offers."""
        return self.covered * 100 // self.total if self.total else 0


def covered_in(offer: Offer, language: str) -> bool:
    """Title and summary in the language, and who may take part: structured terms, or the free text in the language."""
    eligibility = bool(offer.eligible) or language in offer.eligibility
    return language in offer.title and language in offer.summary and eligibility


def language_coverage(offers: Sequence[Offer], languages: Iterable[str]) -> tuple[LanguageCoverage, ...]:
    """One entry per language, in the order given."""
    return tuple(
        LanguageCoverage(language, sum(covered_in(offer, language) for offer in offers), len(offers))
        for language in languages
    )
