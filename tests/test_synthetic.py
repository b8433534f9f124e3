"""The synthetic catalogue: valid against the schemas, complete in every language, the same for the same seed."""
from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from tests.towns import FIXTURE_DATA

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from catalogue.data.package_files import DEFAULTS_DIR, SCHEMA_DIR
from catalogue.site.search_terms import words as index_words
from bench.synthetic import (  # noqa: E402
    ACTOR_TYPES,
    REFERENCE_DATE,
    SyntheticCatalogue,
    actor_count,
    news_count,
    write_synthetic_catalogue,
)

SCHEMAS_DIR = SCHEMA_DIR
OFFERS = 50
LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr", "ti")
RECORD_KINDS = {
    "taxonomy": ("taxonomy.schema.json", "taxonomy.yml"),
    "actor": ("actor.schema.json", "actors/*.yml"),
    "offer": ("offer.schema.json", "offers/*/*.yml"),
    "news": ("news.schema.json", "news/*.yml"),
}
TEXT_FIELDS = {
    "actor": ("name", "description"),
    "offer": ("title", "summary", "description"),
    "news": ("title", "summary", "body"),
}
SCRIPT_LETTERS = {
    "ar": re.compile(r"[\u0621-\u064a]"),
    "fa": re.compile(r"[\u0621-\u06cc]"),
    "uk": re.compile(r"[\u0400-\u04ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ti": re.compile(r"[\u1200-\u137f]"),
    "de": re.compile(r"[A-Za-z]"),
    "en": re.compile(r"[A-Za-z]"),
    "tr": re.compile(r"[A-Za-z]"),
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("synthetic") / "data"
    write_synthetic_catalogue(out_dir, offers=OFFERS, languages=LANGUAGES, seed=1, template_data_dir=FIXTURE_DATA)
    return out_dir


@pytest.fixture(scope="module")
def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS_DIR.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def records(data_dir: Path, pattern: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in sorted(data_dir.glob(pattern)):
        yield path, load(path)


def all_files(directory: Path) -> dict[str, bytes]:
    return {path.relative_to(directory).as_posix(): path.read_bytes() for path in sorted(directory.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("kind", sorted(RECORD_KINDS))
def test_every_record_is_valid_against_its_schema(kind: str, data_dir: Path, registry: Registry) -> None:
    schema_name, pattern = RECORD_KINDS[kind]
    schema = json.loads((SCHEMAS_DIR / schema_name).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    checked = 0
    for path, document in records(data_dir, pattern):
        errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]
        assert not errors, f"{path.relative_to(data_dir)}: {errors}"
        checked += 1
    assert checked > 0


def test_labels_are_the_products_or_a_copy_of_the_german_ones(data_dir: Path) -> None:
    shipped_dir = DEFAULTS_DIR / "labels"
    german = (shipped_dir / "de.yml").read_text(encoding="utf-8")
    for language in LANGUAGES:
        written = (data_dir / "labels" / f"{language}.yml").read_text(encoding="utf-8")
        shipped = shipped_dir / f"{language}.yml"
        if shipped.is_file():
            assert written == shipped.read_text(encoding="utf-8"), language
        else:
            direction = "rtl" if language in ("ar", "fa") else "ltr"
            assert written == german.replace("direction: ltr", f"direction: {direction}"), language


def test_counts(data_dir: Path) -> None:
    assert len(list(data_dir.glob("offers/*/*.yml"))) == OFFERS
    assert len(list(data_dir.glob("actors/*.yml"))) == actor_count(OFFERS) == 8
    assert len(list(data_dir.glob("news/*.yml"))) == news_count(OFFERS) == 3
    assert sorted(path.stem for path in data_dir.glob("labels/*.yml")) == sorted(LANGUAGES)
    assert actor_count(1) == 1 and news_count(1) == 1


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path, data_dir: Path) -> None:
    write_synthetic_catalogue(tmp_path / "again", offers=OFFERS, languages=LANGUAGES, seed=1, template_data_dir=FIXTURE_DATA)
    write_synthetic_catalogue(tmp_path / "other", offers=OFFERS, languages=LANGUAGES, seed=2, template_data_dir=FIXTURE_DATA)
    assert all_files(tmp_path / "again") == all_files(data_dir)
    assert all_files(tmp_path / "other") != all_files(data_dir)


def test_file_names_match_ids_and_references_resolve(data_dir: Path) -> None:
    taxonomy = load(data_dir / "taxonomy.yml")
    categories = {term["id"] for term in taxonomy["categories"]}
    target_groups = {term["id"] for term in taxonomy["target_groups"]}
    districts = {term["id"] for term in taxonomy["districts"]}
    actors = dict(records(data_dir, "actors/*.yml"))
    locations = {document["id"]: {location["id"] for location in document["locations"]} for document in actors.values()}
    for path, actor in actors.items():
        assert path.stem == actor["id"]
        assert {location["district"] for location in actor["locations"]} <= districts
    offer_ids = set()
    for path, offer in records(data_dir, "offers/*/*.yml"):
        assert path.stem == offer["id"] and path.parent.name == offer["actor"]
        assert set(offer["categories"]) <= categories
        assert set(offer.get("target_groups", [])) <= target_groups
        assert set(offer.get("locations", [])) <= locations[offer["actor"]]
        for session in offer.get("schedule", {}).get("sessions", []):
            assert session.get("location") in offer.get("locations", [None])
        offer_ids.add(offer["id"])
    for path, item in records(data_dir, "news/*.yml"):
        assert path.stem == item["id"] and item["id"].startswith(item["date"] + "-")
        assert set(item.get("offers", [])) <= offer_ids


def test_every_text_is_there_in_every_language_in_its_script(data_dir: Path) -> None:
    for kind, fields in TEXT_FIELDS.items():
        _, pattern = RECORD_KINDS[kind]
        for path, document in records(data_dir, pattern):
            for field in fields:
                assert list(document[field]) == list(LANGUAGES), f"{path.name}: {field}"
                for language, text in document[field].items():
                    assert SCRIPT_LETTERS[language].search(text), f"{path.name}: {field}.{language}"
    for group, terms in load(data_dir / "taxonomy.yml").items():
        for term in terms:
            assert list(term["label"]) == list(LANGUAGES), f"{group}: {term['id']}"


def test_arabic_and_persian_are_told_apart(data_dir: Path) -> None:
    offers = [document for _, document in records(data_dir, "offers/*/*.yml")]
    arabic = " ".join(offer["description"]["ar"] for offer in offers)
    persian = " ".join(offer["description"]["fa"] for offer in offers)
    assert "\u06cc" not in arabic and "\u06a9" not in arabic
    assert "\u06cc" in persian and "\u06a9" in persian


def test_descriptions_are_markdown_of_60_to_150_words(data_dir: Path) -> None:
    for _, offer in records(data_dir, "offers/*/*.yml"):
        for language, text in offer["description"].items():
            words = [word for word in re.split(r"\s+", text.replace("**", "")) if word and word != "-"]
            assert 60 <= len(words) <= 150, (offer["id"], language, len(words))
            assert "\n\n" in text and "\n- " in text


def test_offers_cover_every_category_district_mode_cost_and_schedule(data_dir: Path) -> None:
    taxonomy = load(data_dir / "taxonomy.yml")
    offers = [document for _, document in records(data_dir, "offers/*/*.yml")]
    actors = {document["id"]: document for _, document in records(data_dir, "actors/*.yml")}
    assert {category for offer in offers for category in offer["categories"]} == {term["id"] for term in taxonomy["categories"]}
    assert {location["district"] for actor in actors.values() for location in actor["locations"]} == {
        term["id"] for term in taxonomy["districts"]
    }
    assert {actor["type"] for actor in actors.values()} == set(ACTOR_TYPES[: len(actors)])
    assert {offer["mode"] for offer in offers} == {"in_person", "online", "hybrid"}
    assert {offer["costs"]["free"] for offer in offers} == {True, False}
    assert any(offer["schedule"].get("weekly") for offer in offers)
    assert any(offer["schedule"].get("sessions") for offer in offers)
    assert any("age_min" in offer for offer in offers) and any("age_max" in offer for offer in offers)


def test_dates_are_current(data_dir: Path) -> None:
    first, last = REFERENCE_DATE + timedelta(days=1), REFERENCE_DATE + timedelta(days=365)
    for _, offer in records(data_dir, "offers/*/*.yml"):
        for session in offer["schedule"].get("sessions", []):
            assert first <= date.fromisoformat(session["date"]) <= last
        if "valid_from" in offer:
            assert date.fromisoformat(offer["valid_from"]) <= REFERENCE_DATE < date.fromisoformat(offer["valid_until"])
        assert date.fromisoformat(offer["last_verified"]["date"]) <= REFERENCE_DATE


def test_dates_and_times_are_written_in_quotes(data_dir: Path) -> None:
    for path in data_dir.glob("offers/*/*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?m)^\s*-?\s*(date|start|end|deadline|valid_from|valid_until): \d", text), path.name


def _offer_text_words(offers: int, language: str) -> tuple[int, int]:
    """(words, distinct words) of the offers' titles, summaries and descriptions in one language, as the index reads them."""
    catalogue = SyntheticCatalogue(offers=offers, languages=(language,), seed=1, template_data_dir=FIXTURE_DATA, reference_date=REFERENCE_DATE)
    found = [word for offer in catalogue.offers for field in TEXT_FIELDS["offer"] for word in index_words(offer[field][language])]
    return len(found), len(set(found))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_text_repeats_its_words_as_natural_text_does(language: str) -> None:
    """The benchmarks' costs per word depend on how often a catalogue repeats its words: about one word in four is
    distinct at a town's size (the sample town: 1,272 of 5,911 German words) and the vocabulary grows more slowly than
    the text (Heaps' law), not one new word for every word written."""
    small_words, small_distinct = _offer_text_words(50, language)
    large_words, large_distinct = _offer_text_words(400, language)
    assert 0.15 < small_distinct / small_words < 0.4
    growth = (large_distinct / small_distinct) / (large_words / small_words)
    assert growth < 0.6, f"8 times the offers give {large_distinct / small_distinct:.1f} times the distinct words"
