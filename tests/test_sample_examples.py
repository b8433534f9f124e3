"""The example files the README and CONTRIBUTING tell pull-request contributors to copy exist in the sample
repository itself, not only after `make new-town`, and each is a record the schema takes."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from catalogue.data.schema_loading import schema_set

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("path", "kind"), [
    ("data/offers/example-offer.yml.example", "offer"),
    ("data/actors/example-actor.yml.example", "actor"),
    ("data/news/example-news.yml.example", "news"),
])
def test_the_example_to_copy_exists_and_is_a_valid_record(path: str, kind: str) -> None:
    file = REPO / path
    assert file.is_file(), f"{path} is named in the README but missing"
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# An example"), "the file says how to use it"
    errors = list(schema_set().validators[kind].iter_errors(yaml.safe_load(text)))
    assert errors == [], [error.message for error in errors]
