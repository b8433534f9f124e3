"""`catalogue new-town` refuses what cannot make a town, before writing anything (the whole town, built from the
product's wheel in a fresh environment, is tested in tests/town/)."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.office.new_town import NewTown, write_new_town


@pytest.mark.parametrize(
    ("town", "words"),
    [
        (NewTown(name=" "), "needs a name"),
        (NewTown(name="Musterstadt", languages=("de", "xx")), "no words for xx"),
        (NewTown(name="Musterstadt", languages=("en", "de")), "must be de"),
    ],
    ids=["no-name", "unknown-language", "english-first"],
)
def test_what_cannot_make_a_town_is_refused_and_nothing_is_written(tmp_path: Path, town: NewTown, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        write_new_town(tmp_path / "town", town, product_version="2.0.0")
    assert not (tmp_path / "town").exists()


def test_a_folder_that_holds_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ValueError, match="is not empty"):
        write_new_town(tmp_path, NewTown(name="Musterstadt"), product_version="2.0.0")
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_only_the_chosen_languages_pages_are_written(tmp_path: Path) -> None:
    outcome = write_new_town(tmp_path / "town", NewTown(name="Musterstadt", languages=("de", "uk")), product_version="2.0.0")
    pages = sorted(path for path in outcome.written if path.startswith("content/"))
    assert pages and all(path.count(".") == 1 or ".uk." in path for path in pages)
    assert "content/index.uk.md" in pages and "content/index.ar.md" not in pages
