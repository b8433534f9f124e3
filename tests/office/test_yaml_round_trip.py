"""The import's YAML writer reproduces every data file byte for byte when it changes nothing, and adds only the new
lines where ruamel.yaml would write a part of the file differently."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from catalogue.office.yaml_round_trip import FileEdit, dump_document, load_document, record_translation, set_text
from tests.towns import FIXTURE_DATA
from bench.synthetic import write_synthetic_catalogue

from .conftest import write_office_site

TOWN_DATA = Path(__file__).resolve().parents[2] / "data"


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.yml") if path.parent.name != "labels")


def test_hand_written_files_round_trip_unchanged(tmp_path: Path) -> None:
    site = write_office_site(tmp_path / "site")
    for path in _files(site / "data"):
        text = path.read_text(encoding="utf-8")
        assert dump_document(load_document(text)) == text, path


def test_folded_texts_keep_their_lines_and_only_new_lines_are_added(tmp_path: Path) -> None:
    """The synthetic catalogue folds long texts over lines as PyYAML writes them; ruamel.yaml would join them."""
    write_synthetic_catalogue(tmp_path / "synthetic", offers=14, languages=["de", "en"], seed=3, template_data_dir=FIXTURE_DATA)
    files = _files(tmp_path / "synthetic")
    folded = [path for path in files if dump_document(load_document(path.read_text(encoding="utf-8"))) != path.read_text(encoding="utf-8")]
    assert folded, "the synthetic data should hold folded texts"
    for path in folded:
        original = path.read_text(encoding="utf-8")
        edit = FileEdit(original)
        document = edit.document
        for key in ("title", "name", "description"):
            if key in document:
                set_text(document, (key,), "uk", "Новий текст\nз двома рядками", like=document[key]["de"])
        record_translation(document, "uk", "0a1b2c3d", machine=True)
        new = edit.text()
        new_lines, old_lines = new.splitlines(), original.splitlines()
        assert new_lines[-4:] == ["translation_sources:", "  uk: 0a1b2c3d", "machine_translated:", "- uk"]
        matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
        assert {operation[0] for operation in matcher.get_opcodes()} == {"equal", "insert"}, path
        assert "Новий текст" in new


@pytest.mark.parametrize("path", _files(TOWN_DATA), ids=lambda path: path.relative_to(TOWN_DATA).as_posix())
def test_the_towns_files_round_trip_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump_document(load_document(text)) == text
