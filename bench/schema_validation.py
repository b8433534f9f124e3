"""How long schema validation of valid documents takes: the quick check (`_fast_check`) against jsonschema, and
jsonschema-rs where it is installed. Nine documents in ten are valid, so this is the loader's common case.

    python bench/schema_validation.py [--offers 1000,10000] [--repeat 3]

Reads the sample town's data/ and a synthetic catalogue of each size (offers, actors and news), and prints the
milliseconds per 1,000 documents and in total for each validator, best of --repeat runs.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "hooks"))

from catalogue.data.messages import Messages
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.data.schema_loading import FORMAT_CHECKER, SCHEMA_FILES, Kind, schema_set
from catalogue.data.strict_yaml import read_yaml_file
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from synthetic import write_synthetic_catalogue

FOLDERS: dict[str, Kind] = {"offers": "offer", "actors": "actor", "news": "news"}
Validate = Callable[[Kind, Any], bool]


def documents(data_dir: Path) -> list[tuple[Kind, Any]]:
    """(kind, data) of every offer, actor and news file under data_dir, read by the catalogue's strict loader."""
    messages = Messages("en")
    found: list[tuple[Kind, Any]] = []
    for folder, kind in FOLDERS.items():
        for file in sorted((data_dir / folder).rglob("*.yml")):
            document = read_yaml_file(file, file.name, messages).document
            if document is not None:
                found.append((kind, document.data))
    return found


def validators() -> dict[str, Validate]:
    """Each way to answer "is this document valid?", by name."""
    schemas = schema_set(SCHEMA_DIR)
    raw = {file.name: json.loads(file.read_text(encoding="utf-8")) for file in SCHEMA_DIR.glob("*.schema.json")}
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012)) for schema in raw.values()
    )
    plain = {
        kind: Draft202012Validator(raw[name], registry=registry, format_checker=FORMAT_CHECKER)
        for kind, name in SCHEMA_FILES.items()
    }
    ways: dict[str, Validate] = {
        "quick check (_fast_check)": lambda kind, data: schemas.fast_checks[kind](data),
        "jsonschema, $ref inlined": lambda kind, data: schemas.validators[kind].is_valid(data),
        "jsonschema, $ref through registry": lambda kind, data: plain[kind].is_valid(data),
    }
    try:
        import jsonschema_rs
    except ImportError:
        return ways
    rust_registry = jsonschema_rs.Registry([(schema["$id"], schema) for schema in raw.values()])
    rust = {
        kind: jsonschema_rs.validator_for(raw[name], registry=rust_registry, validate_formats=True)
        for kind, name in SCHEMA_FILES.items()
    }
    ways["jsonschema-rs"] = lambda kind, data: rust[kind].is_valid(data)
    return ways


def best_seconds(validate: Validate, docs: list[tuple[Kind, Any]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for kind, data in docs:
            if not validate(kind, data):
                raise AssertionError(f"a {kind} of the benchmark is not valid")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", default="1000,10000", help="sizes of the synthetic catalogues, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args(argv)
    ways = validators()
    sets: list[tuple[str, list[tuple[Kind, Any]]]] = [("sample town data/", documents(REPO_ROOT / "data"))]
    with tempfile.TemporaryDirectory(prefix="schema-bench-") as temporary:
        for offers in (int(size) for size in arguments.offers.split(",") if size):
            folder = Path(temporary) / str(offers)
            write_synthetic_catalogue(
                folder, offers=offers, languages=["de", "en", "ar", "uk"], template_data_dir=REPO_ROOT / "data"
            )
            sets.append((f"synthetic, {offers} offers", documents(folder)))
    print("| documents | validator | total ms | ms per 1,000 documents |")
    print("| --- | --- | ---: | ---: |")
    for name, docs in sets:
        for way, validate in ways.items():
            seconds = best_seconds(validate, docs, arguments.repeat)
            print(f"| {name} ({len(docs)}) | {way} | {seconds * 1000:.0f} | {seconds * 1e6 / len(docs):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
