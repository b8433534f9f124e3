"""Near-duplicate offers across the towns of a region: the same offer published by two towns (a Kreis-wide
counselling service, a provider working in several towns). They are reported for a person to decide; the regional
catalogue never merges or drops one by itself.

Two offers of different towns are near-duplicates when their German titles share at least 80 % of their words
(Jaccard similarity of the folded word sets) and they share a sign of the same provider: a phone number, an e-mail
address, a street address, or the provider's name; or when their titles are the same word for word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

TITLE_SIMILARITY = 0.8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    first: str
    second: str
    similarity: float
    """Jaccard similarity of the two titles' words, 0 to 1."""
    shared: str
    """What else the two share: 'phone', 'email', 'address', 'provider' or 'title'."""


def _words(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(text))


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "49" + digits[1:] if digits.startswith("0") else digits


def _signs(offer: Mapping[str, Any], actor: Mapping[str, Any], language: str) -> dict[str, set[str]]:
    contacts = [offer.get("contact") or {}, actor.get("contact") or {}]
    places = {place["id"]: place for place in actor.get("locations") or []}
    return {
        "phone": {_digits(str(contact["phone"])) for contact in contacts if contact.get("phone")},
        "email": {str(contact["email"]).casefold() for contact in contacts if contact.get("email")},
        "address": {
            f"{' '.join(_words(places[place]['street']))}|{places[place]['postcode']}"
            for place in offer.get("locations") or []
            if place in places
        },
        "provider": {" ".join(sorted(_words(str(actor["name"].get(language, "")))))},
    }


def near_duplicates(
    offers: Sequence[Mapping[str, Any]],
    actors: Mapping[str, Mapping[str, Any]],
    town_of: Mapping[str, str],
    language: str,
) -> list[NearDuplicate]:
    """Pairs of offers (ids) of different towns that look like one offer; town_of maps an offer id to its town.
    Sorted by the first id, then the second."""
    prepared = [
        (
            offer["id"],
            town_of[offer["id"]],
            _words(str(offer["title"].get(language, ""))),
            _signs(offer, actors[offer["actor"]], language),
        )
        for offer in offers
    ]
    postings: dict[str, list[int]] = {}
    for number, (_, _, words, _) in enumerate(prepared):
        for word in words:
            postings.setdefault(word, []).append(number)
    candidates = {pair for numbers in postings.values() for pair in combinations(numbers, 2)}
    found = []
    for first_number, second_number in sorted(candidates):
        first, first_town, first_words, first_signs = prepared[first_number]
        second, second_town, second_words, second_signs = prepared[second_number]
        if first_town == second_town:
            continue
        similarity = len(first_words & second_words) / len(first_words | second_words)
        if similarity < TITLE_SIMILARITY:
            continue
        shared = next(
            (kind for kind, values in first_signs.items() if values & second_signs[kind]),
            "title" if similarity == 1 else "",
        )
        if shared:
            low, high = sorted((first, second))
            found.append(NearDuplicate(low, high, round(similarity, 2), shared))
    return sorted(found, key=lambda pair: (pair.first, pair.second))
