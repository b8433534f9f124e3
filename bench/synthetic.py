"""A seeded synthetic catalogue: a complete, valid data tree of any size, for benchmarks and tests.

Every record carries text in every requested language, in that language's script, made of words built from small
syllable lists and drawn as often as words are in natural text (`Words`). The same seed gives byte-identical files.

    python bench/synthetic.py --offers 1000 --languages de,en,ar,fa,uk,ru,tr,ti --template-data-dir data --out DIR [--seed 1]

The template folder is a town's data folder: its taxonomy.yml gives the districts (the product's taxonomy the rest).
"""
from __future__ import annotations

import argparse
import bisect
import functools
import itertools
import math
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.model import Catalogue, actor_from_document, news_from_document, offer_from_document, taxonomy_from_document

REFERENCE_DATE = date(2026, 11, 26)
"""Sessions fall in the year after this day; validity periods and checks are current on it."""

OFFERS_PER_ACTOR = 7
OFFERS_PER_NEWS_ITEM = 20
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi"})

ACTOR_TYPES = (
    "kita_provider", "church_provider", "school_authority", "school", "volkshochschule", "job_centre",
    "employment_agency", "association", "sports_club", "music_school", "youth_services", "foundation",
    "volunteer_group", "municipality", "university", "counselling_service", "library",
)
MODES = ("in_person", "online", "hybrid")
GERMAN_LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PRICE_UNITS = ("course", "session", "lesson_unit", "month", "year")
PRICES = (2.5, 5, 8, 12, 25, 35, 60, 89, 120, 249)
AGE_RANGES: tuple[tuple[int | None, int | None], ...] = (
    (0, 6), (3, 10), (6, 18), (12, 27), (16, None), (18, None), (None, None), (55, None), (None, 12), (18, 65),
)
OFFER_LANGUAGES = ("en", "ar", "fa", "uk", "ru", "tr", "ti", "ku", "ps", "so", "fr", "es")
STREET_SUFFIXES = ("straße", "weg", "platz", "allee", "gasse", "ring")

ASCII_SYLLABLES = (
    "an", "be", "ber", "bil", "dung", "ein", "en", "er", "ge", "haus", "kin", "kurs", "lern", "mit", "ne", "neu",
    "schu", "stadt", "te", "ter", "un", "ver", "zu", "sprach", "ar", "beit", "ort", "wo", "fa", "mi", "lie", "treff",
)


@dataclass(frozen=True)
class Script:
    """How random words of one language look: syllables, syllables per word, sentence marks."""

    syllables: tuple[str, ...]
    syllables_per_word: tuple[int, int]
    full_stop: str = "."
    comma: str = ","
    capitalised: bool = True


LATIN_GERMAN = Script(
    syllables=ASCII_SYLLABLES + ("für", "grö", "schü", "läu", "ße", "keit", "heit", "lich", "ung", "ig", "che", "zeit"),
    syllables_per_word=(1, 4),
)
LATIN_ENGLISH = Script(
    syllables=(
        "an", "ing", "tion", "com", "pro", "ter", "ed", "er", "lan", "guage", "course", "work", "school", "learn",
        "ly", "ment", "for", "day", "care", "fam", "i", "help", "town", "new", "class", "ad", "vice", "o", "pen",
    ),
    syllables_per_word=(1, 3),
)
LATIN_TURKISH = Script(
    syllables=(
        "ku", "rs", "ça", "öğ", "ren", "ci", "ler", "lar", "eği", "tim", "iş", "ka", "dın", "ço", "cuk", "ai", "le",
        "yaş", "lı", "dil", "gün", "ha", "fta", "ül", "ke", "şe", "hir", "bi", "lir", "mek", "mak", "ğı", "ün",
    ),
    syllables_per_word=(1, 4),
)
ARABIC = Script(
    syllables=(
        "ال", "مد", "رسة", "تع", "لي", "م", "دو", "رة", "لغ", "ة", "عم", "ل", "أط", "فا", "مر", "كز", "اس", "تش",
        "ار", "ات", "ين", "ون", "قا", "ب", "س", "ح", "ي", "ك", "ت", "ج", "ه", "نا", "وا", "ف",
    ),
    syllables_per_word=(1, 3),
    comma="،",
    capitalised=False,
)
PERSIAN = Script(
    syllables=(
        "آم", "وز", "ش", "کا", "ر", "گا", "ه", "ی", "کو", "دک", "ان", "مد", "رس", "زب", "آل", "ما", "نی", "پی",
        "چه", "ژه", "خا", "نو", "اد", "گی", "ها", "می", "شو", "د", "کر", "دن", "یک", "کی", "ست",
    ),
    syllables_per_word=(1, 3),
    comma="،",
    capitalised=False,
)
UKRAINIAN = Script(
    syllables=(
        "на", "вч", "ан", "ня", "шк", "ола", "ді", "ти", "ї", "є", "мо", "ва", "ні", "мець", "ка", "ку", "рс", "ро",
        "бо", "та", "сі", "пі", "дго", "тов", "ґа", "за", "ін", "тег", "ра", "ці", "я", "ль", "і",
    ),
    syllables_per_word=(1, 4),
)
RUSSIAN = Script(
    syllables=(
        "об", "ра", "зо", "ва", "ни", "е", "шко", "ла", "де", "ти", "ку", "рс", "язы", "к", "не", "мец", "кий",
        "бо", "та", "сем", "ья", "по", "мо", "щь", "ы", "э", "ё", "ро", "ди", "те", "ли", "ст", "вы",
    ),
    syllables_per_word=(1, 4),
)
ETHIOPIC = Script(
    syllables=(
        "ት", "ም", "ህ", "ር", "ቲ", "ቤ", "ስ", "ራ", "ሕ", "ቋ", "ን", "ጀ", "መ", "ኛ", "ሓ", "ደ", "ሽ", "ዕ", "ድ", "ላ",
        "ኣ", "ብ", "ዘ", "ለ", "ዉ", "ወ", "ዲ", "ቆ", "ልዑ", "ምኽ", "ሪ", "ገ", "ዳ", "ሰ",
    ),
    syllables_per_word=(2, 5),
    full_stop="።",
    comma="፣",
    capitalised=False,
)
SCRIPTS: dict[str, Script] = {
    "de": LATIN_GERMAN, "en": LATIN_ENGLISH, "tr": LATIN_TURKISH, "ar": ARABIC, "fa": PERSIAN,
    "uk": UKRAINIAN, "ru": RUSSIAN, "ti": ETHIOPIC,
}


def script_for(language: str) -> Script:
    return SCRIPTS.get(language.split("-")[0], LATIN_ENGLISH)


def actor_count(offers: int) -> int:
    return max(1, math.ceil(offers / OFFERS_PER_ACTOR))


def news_count(offers: int) -> int:
    return max(1, math.ceil(offers / OFFERS_PER_NEWS_ITEM))


VOCABULARY_SIZE = 200_000
ZIPF_EXPONENT = 1.3
ZIPF_SHIFT = 2.7
"""Words are drawn by rank r from a vocabulary of VOCABULARY_SIZE words, with the probability the Zipf-Mandelbrot law
gives natural text, proportional to 1 / (r + ZIPF_SHIFT) ** ZIPF_EXPONENT (Mandelbrot 1953). The exponent is fitted to
the sample town: its 52 offers hold about 5,900 words of German with 1,272 distinct ones, and this law gives about 1,500
distinct words in as many; the vocabulary then grows with Heaps' exponent 0.7 (natural text: 0.4-0.7), so a thousand
offers hold about 15,000 distinct German words. Drawn evenly from syllables, as before 2026-12-04, they held 63,000,
a vocabulary no town writes, which made the search index's cost per offer grow with the catalogue."""
_SCATTER = 1_000_003
"""A prime: multiplying ranks by it modulo a power of the syllable count permutes them, so that words of neighbouring
ranks do not share their first syllables."""


@functools.cache
def _rank_weights() -> tuple[float, ...]:
    return tuple(itertools.accumulate(1 / (rank + 1 + ZIPF_SHIFT) ** ZIPF_EXPONENT for rank in range(VOCABULARY_SIZE)))


@functools.cache
def vocabulary_word(script: Script, rank: int) -> str:
    """The word of a rank in a script's vocabulary: shorter words first, every rank a different syllable sequence."""
    size = len(script.syllables)
    length = script.syllables_per_word[0]
    while rank >= size**length:
        rank -= size**length
        length += 1
    code = rank * _SCATTER % size**length
    syllables = []
    for _ in range(length):
        code, digit = divmod(code, size)
        syllables.append(script.syllables[digit])
    return "".join(syllables)


class Words:
    """Sentences and Markdown of one language, their words drawn from one seeded generator as often as natural text
    uses words of their rank (VOCABULARY_SIZE)."""

    def __init__(self, language: str, rng: random.Random) -> None:
        self.script = script_for(language)
        self.rng = rng

    def word(self) -> str:
        weights = _rank_weights()
        rank = bisect.bisect(weights, self.rng.random() * weights[-1], 0, VOCABULARY_SIZE - 1)
        return vocabulary_word(self.script, rank)

    def words(self, count: int) -> list[str]:
        return [self.word() for _ in range(count)]

    def name(self, count: int) -> str:
        """A title or proper name: every word capitalised where the script has capitals."""
        words = self.words(count)
        return " ".join(word.capitalize() for word in words) if self.script.capitalised else " ".join(words)

    def sentence(self, count: int) -> str:
        words = self.words(count)
        if self.script.capitalised:
            words[0] = words[0].capitalize()
        if count >= 8:
            words[count // 2 - 1] += self.script.comma
        return " ".join(words) + self.script.full_stop

    def sentences(self, total_words: int) -> str:
        """Sentences of 6 to 14 words holding exactly total_words words."""
        lengths: list[int] = []
        remaining = total_words
        while remaining > 0:
            length = min(remaining, self.rng.randint(6, 14))
            if 0 < remaining - length < 4:
                length = remaining
            lengths.append(length)
            remaining -= length
        return " ".join(self.sentence(length) for length in lengths)

    def markdown(self, total_words: int) -> str:
        """Markdown of exactly total_words words: paragraphs, a bold phrase and a bulleted list."""
        item_lengths = [self.rng.randint(3, 6) for _ in range(self.rng.randint(3, 5))]
        prose_words = max(total_words - sum(item_lengths), 8)
        first = prose_words if prose_words < 30 else prose_words // 2 + self.rng.randint(-4, 4)
        second = prose_words - first
        bold = self.sentence(2)[: -len(self.script.full_stop)]
        blocks = [f"**{bold}** " + self.sentences(first - 2)]
        blocks.append("\n".join("- " + " ".join(self.words(length)) for length in item_lengths))
        if second:
            blocks.append(self.sentences(second))
        return "\n\n".join(wrap_lines(block) for block in blocks) + "\n"


def wrap_lines(block: str, width: int = 100) -> str:
    """Breaks a paragraph into lines, as authors write Markdown; list items stay one per line."""
    if block.startswith("- "):
        return block
    lines: list[str] = []
    line = ""
    for word in block.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


TextMaker = Callable[[Words], str]
TEXT_MAX_LENGTH = 400
"""The schema's limit for a one-line text in one language."""


def fit(text: str, limit: int = TEXT_MAX_LENGTH) -> str:
    """Shortens a rare overlong one-line text at a word boundary; Markdown (several lines) is left alone."""
    if "\n" in text or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0]


def texts(seed: int, key: str, languages: Sequence[str], make: TextMaker) -> dict[str, str]:
    """One text in every language; make(words) builds it from that language's seeded Words."""
    return {language: fit(make(Words(language, random.Random(f"{seed}/{key}/{language}")))) for language in languages}


def ascii_slug(rng: random.Random, words: int) -> str:
    return "-".join("".join(rng.choice(ASCII_SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(words))


def iso(day: date) -> str:
    return day.isoformat()


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


_SafeDumperBase: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it (ten times faster); both write the same bytes for these documents."""
_QUOTED = re.compile(r"[0-9][0-9 +:/().-]*")
"""Dates, times, postcodes and phone numbers: always in quotes, as authors are asked to write them."""


class CatalogueDumper(_SafeDumperBase):  # type: ignore[valid-type,misc]
    """Safe YAML without anchors or aliases, with multi-line text as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else '"' if _QUOTED.fullmatch(value.lstrip("+")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


CatalogueDumper.add_representer(str, _represent_text)


def dump_yaml(document: dict[str, Any], comment: str = "") -> bytes:
    body = yaml.dump(document, Dumper=CatalogueDumper, allow_unicode=True, sort_keys=False, width=120)
    header = f"# {comment}\n" if comment else ""
    return (header + body).encode("utf-8")


class SyntheticCatalogue:
    """Builds the documents of one synthetic catalogue; nothing here touches the disk."""

    def __init__(
        self, *, offers: int, languages: Sequence[str], seed: int, template_data_dir: Path, reference_date: date
    ) -> None:
        if offers < 1:
            raise ValueError("offers must be at least 1")
        if not languages:
            raise ValueError("at least one language is needed")
        self.languages = tuple(languages)
        self.seed = seed
        self.reference_date = reference_date
        with (DEFAULTS_DIR / "taxonomy.yml").open(encoding="utf-8") as handle:
            self.template_taxonomy: dict[str, Any] = yaml.safe_load(handle)
        with (template_data_dir / "taxonomy.yml").open(encoding="utf-8") as handle:
            self.template_taxonomy["districts"] = yaml.safe_load(handle)["districts"]
        self.template_labels_dir = DEFAULTS_DIR / "labels"
        self.category_ids = [term["id"] for term in self.template_taxonomy["categories"]]
        self.target_group_ids = [term["id"] for term in self.template_taxonomy["target_groups"]]
        self.district_ids = [term["id"] for term in self.template_taxonomy["districts"]]
        self.location_total = 0
        self.actors = [self.actor(index) for index in range(actor_count(offers))]
        self.offers = [self.offer(index) for index in range(offers)]
        self.news = [self.news_item(index) for index in range(news_count(offers))]

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}/{key}")

    def catalogue(self) -> Catalogue:
        """The typed catalogue of these documents, built in memory (the files `write_synthetic_catalogue` writes
        hold the same), for measurements and tests that need no data files."""
        return Catalogue(
            taxonomy=taxonomy_from_document(self.taxonomy()),
            actors={document["id"]: actor_from_document(document) for document in self.actors},
            offers=tuple(offer_from_document(document) for document in self.offers),
            news=tuple(news_from_document(document) for document in self.news),
        )

    def texts(self, key: str, make: TextMaker) -> dict[str, str]:
        return texts(self.seed, key, self.languages, make)

    def taxonomy(self) -> dict[str, Any]:
        return {
            group: [self.term(group, term) for term in self.template_taxonomy[group]]
            for group in ("categories", "target_groups", "districts")
        }

    def term(self, group: str, template: dict[str, Any]) -> dict[str, Any]:
        term: dict[str, Any] = {}
        for key, value in template.items():
            if key in ("label", "description"):
                generated = self.texts(f"taxonomy/{group}/{template['id']}/{key}", lambda words: words.name(2))
                term[key] = {language: value.get(language) or generated[language] for language in self.languages}
            else:
                term[key] = value
        return term

    def labels(self, language: str) -> bytes:
        shipped = self.template_labels_dir / f"{language}.yml"
        source = shipped if shipped.is_file() else self.template_labels_dir / "de.yml"
        content = source.read_text(encoding="utf-8")
        if not shipped.is_file() and language in RIGHT_TO_LEFT:
            content = re.sub(r"(?m)^direction: ltr$", "direction: rtl", content)
        return content.encode("utf-8")

    def actor(self, index: int) -> dict[str, Any]:
        rng = self.rng(f"actor/{index}")
        actor_type = ACTOR_TYPES[index % len(ACTOR_TYPES)]
        actor_id = f"{ascii_slug(rng, 2)}-{index + 1}"
        locations = [self.location(actor_id, index, number, rng) for number in range(1, rng.randint(1, 2) + 1)]
        return {
            "id": actor_id,
            "name": self.texts(f"actor/{index}/name", lambda words: words.name(rng_between(words, 2, 4))),
            "type": actor_type,
            "description": self.texts(f"actor/{index}/description", lambda words: words.markdown(words.rng.randint(60, 150))),
            "website": f"https://{actor_id}.example.org/",
            "contact": {
                "phone": f"+49 6221 555-{rng.randint(1000, 9999)}",
                "email": f"kontakt@{actor_id}.example.org",
                "role": self.texts(f"actor/{index}/role", lambda words: words.name(2)),
                "hours": self.texts(f"actor/{index}/hours", lambda words: words.sentence(4)),
            },
            "locations": locations,
            "maintainers": [f"{actor_id}-redaktion"[:39].rstrip("-")],
        }

    def location(self, actor_id: str, actor_index: int, number: int, rng: random.Random) -> dict[str, Any]:
        district = self.district_ids[self.location_total % len(self.district_ids)]
        self.location_total += 1
        street_word = Words("de", rng).word().capitalize()
        return {
            "id": f"{actor_id}-ort-{number}",
            "name": self.texts(f"actor/{actor_index}/location/{number}/name", lambda words: words.name(3)),
            "street": f"{street_word}{rng.choice(STREET_SUFFIXES)} {rng.randint(1, 120)}",
            "postcode": f"123{rng.randint(0, 99):02d}",
            "city": "Synthstadt",
            "district": district,
            "latitude": round(49.38 + rng.random() * 0.06, 5),
            "longitude": round(8.64 + rng.random() * 0.1, 5),
            "accessibility": self.texts(f"actor/{actor_index}/location/{number}/access", lambda words: words.sentences(9)),
        }

    def offer(self, index: int) -> dict[str, Any]:
        rng = self.rng(f"offer/{index}")
        actor = self.actors[index // OFFERS_PER_ACTOR]
        key = f"offer/{index}"
        mode = MODES[index % len(MODES)]
        free = index % 2 == 0
        categories = [self.category_ids[index % len(self.category_ids)]]
        if rng.random() < 0.4:
            categories.append(rng.choice([item for item in self.category_ids if item not in categories]))
        location_ids = [location["id"] for location in actor["locations"]]
        offer_locations = [] if mode == "online" else location_ids[: rng.randint(1, len(location_ids))]
        age_min, age_max = AGE_RANGES[index % len(AGE_RANGES)]
        schedule = self.schedule(index, rng, offer_locations)
        offer: dict[str, Any] = {
            "id": f"{ascii_slug(rng, 2)}-{index + 1}",
            "actor": actor["id"],
            "status": "paused" if index % 40 == 39 else "active",
            "categories": categories,
            "title": self.texts(f"{key}/title", lambda words: words.name(rng_between(words, 2, 6))),
            "summary": self.texts(f"{key}/summary", lambda words: words.sentences(words.rng.randint(10, 22))),
            "description": self.texts(f"{key}/description", lambda words: words.markdown(words.rng.randint(60, 150))),
            "target_groups": rng.sample(self.target_group_ids, rng.randint(1, 3)),
        }
        if age_min is not None:
            offer["age_min"] = age_min
        if age_max is not None:
            offer["age_max"] = age_max
        offer["languages"] = ["de", *rng.sample(OFFER_LANGUAGES, rng.randint(0, 3))]
        offer["german_level"] = GERMAN_LEVELS[index % len(GERMAN_LEVELS)]
        offer["mode"] = mode
        if offer_locations:
            offer["locations"] = offer_locations
        offer["schedule"] = schedule
        offer["costs"] = self.costs(index, rng, free)
        offer["registration"] = self.registration(index, rng, offer["id"], actor["id"], schedule)
        offer["contact"] = {
            "phone": f"+49 6221 555-{rng.randint(1000, 9999)}",
            "email": f"angebote@{actor['id']}.example.org",
            "role": self.texts(f"{key}/contact_role", lambda words: words.name(2)),
        }
        if index % 3 != 2:
            offer["eligibility"] = self.texts(f"{key}/eligibility", lambda words: words.sentences(words.rng.randint(8, 20)))
        if index % 4 != 3:
            offer["website"] = f"https://{actor['id']}.example.org/angebote/{offer['id']}"
        if index % 5 != 4:
            offer["valid_from"] = iso(self.reference_date - timedelta(days=rng.randint(20, 300)))
            offer["valid_until"] = iso(self.reference_date + timedelta(days=366 + rng.randint(0, 120)))
        offer["last_verified"] = {
            "date": iso(self.reference_date - timedelta(days=rng.randint(3, 200))),
            "by": f"Redaktion {actor['id']}",
        }
        return offer

    def schedule(self, index: int, rng: random.Random, location_ids: list[str]) -> dict[str, Any]:
        schedule: dict[str, Any] = {}
        kind = index % 3
        if kind in (1, 2):
            days = sorted(rng.sample(range(1, 366), rng.randint(1, 8)))
            sessions = []
            for offset in days:
                start = rng.randrange(8 * 60, 19 * 60 + 1, 30)
                session: dict[str, Any] = {
                    "date": iso(self.reference_date + timedelta(days=offset)),
                    "start": clock(start),
                    "end": clock(start + rng.choice((60, 90, 120, 180))),
                }
                if location_ids:
                    session["location"] = rng.choice(location_ids)
                sessions.append(session)
            schedule["sessions"] = sessions
        if kind in (0, 2):
            start = rng.randrange(8 * 60, 19 * 60 + 1, 30)
            end = start + rng.choice((60, 90, 120, 180))
            day_indexes = sorted(rng.sample(range(len(WEEKDAYS)), rng.randint(1, 3)))
            schedule["weekly"] = [{"day": WEEKDAYS[day], "start": clock(start), "end": clock(end)} for day in day_indexes]
        if rng.random() < 0.5:
            schedule["note"] = self.texts(f"offer/{index}/schedule_note", lambda words: words.sentences(6))
        return schedule

    def costs(self, index: int, rng: random.Random, free: bool) -> dict[str, Any]:
        if free:
            return {"free": True}
        costs: dict[str, Any] = {"free": False, "amount": rng.choice(PRICES), "per": PRICE_UNITS[(index // 2) % len(PRICE_UNITS)]}
        if rng.random() < 0.6:
            costs["reductions"] = self.texts(f"offer/{index}/reductions", lambda words: words.sentences(words.rng.randint(8, 16)))
        return costs

    def registration(
        self, index: int, rng: random.Random, offer_id: str, actor_id: str, schedule: dict[str, Any]
    ) -> dict[str, Any]:
        if index % 4 == 1:
            return {"required": False}
        registration: dict[str, Any] = {
            "required": True,
            "how": self.texts(f"offer/{index}/registration", lambda words: words.sentences(words.rng.randint(8, 16))),
        }
        sessions = schedule.get("sessions")
        if sessions:
            first = date.fromisoformat(sessions[0]["date"])
            latest = max((first - self.reference_date).days - 1, 1)
            registration["deadline"] = iso(self.reference_date + timedelta(days=rng.randint(1, latest)))
        if rng.random() < 0.5:
            registration["url"] = f"https://{actor_id}.example.org/anmeldung/{offer_id}"
        return registration

    def news_item(self, index: int) -> dict[str, Any]:
        rng = self.rng(f"news/{index}")
        published = self.reference_date - timedelta(days=3 + index * 9 + rng.randint(0, 5))
        item: dict[str, Any] = {
            "id": f"{iso(published)}-{ascii_slug(rng, 3)}",
            "date": iso(published),
            "title": self.texts(f"news/{index}/title", lambda words: words.name(rng_between(words, 3, 8))),
            "summary": self.texts(f"news/{index}/summary", lambda words: words.sentences(words.rng.randint(12, 24))),
            "body": self.texts(f"news/{index}/body", lambda words: words.markdown(words.rng.randint(60, 150))),
        }
        if rng.random() < 0.6:
            item["offers"] = [offer["id"] for offer in rng.sample(self.offers, min(len(self.offers), rng.randint(1, 3)))]
        return item


def rng_between(words: Words, low: int, high: int) -> int:
    return words.rng.randint(low, high)


def write_synthetic_catalogue(
    out_dir: Path,
    *,
    offers: int,
    languages: Sequence[str],
    template_data_dir: Path,
    seed: int = 1,
    reference_date: date = REFERENCE_DATE,
) -> None:
    """Writes taxonomy.yml, actors/, offers/<actor>/, news/ and labels/ into out_dir, which must be empty or new.

    template_data_dir is a town's data folder, whose taxonomy.yml gives the districts; FileNotFoundError when it
    has none."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty")
    catalogue = SyntheticCatalogue(
        offers=offers, languages=languages, seed=seed, template_data_dir=template_data_dir, reference_date=reference_date
    )
    comment = f"Synthetic catalogue data (seed {seed}), not real offers."
    files: dict[Path, bytes] = {Path("taxonomy.yml"): dump_yaml(catalogue.taxonomy(), comment)}
    for actor in catalogue.actors:
        files[Path("actors", f"{actor['id']}.yml")] = dump_yaml(actor, comment)
    for offer in catalogue.offers:
        files[Path("offers", offer["actor"], f"{offer['id']}.yml")] = dump_yaml(offer, comment)
    for item in catalogue.news:
        files[Path("news", f"{item['id']}.yml")] = dump_yaml(item, comment)
    for language in catalogue.languages:
        files[Path("labels", f"{language}.yml")] = catalogue.labels(language)
    for relative, content in files.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/synthetic.py", description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, required=True, help="number of offers")
    parser.add_argument("--languages", required=True, help="comma-separated language codes; the first is the default")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder to write the data tree into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--template-data-dir", type=Path, required=True,
                        help="a town's data folder, whose taxonomy.yml gives the districts (the sample town's: data)")
    arguments = parser.parse_args(argv)
    languages = [code.strip() for code in arguments.languages.split(",") if code.strip()]
    write_synthetic_catalogue(
        arguments.out, offers=arguments.offers, languages=languages, seed=arguments.seed,
        template_data_dir=arguments.template_data_dir,
    )
    print(f"{arguments.offers} offers, {actor_count(arguments.offers)} actors, {news_count(arguments.offers)} news items "
          f"in {len(languages)} languages written to {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
