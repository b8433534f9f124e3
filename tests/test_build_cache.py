"""The build cache's file: kept between builds, never trusted when it is not its own, emptied of what a build no
longer uses; its key changes with the product's files."""
from __future__ import annotations

import pickle
import zlib
from pathlib import Path

import pytest
from catalogue.build.build_cache import (
    CACHE_ENVIRONMENT,
    LanguageCache,
    cache_folder,
    product_digest,
    remove_other_layouts,
)


def test_a_part_made_in_one_build_is_found_by_the_next_with_the_same_context(tmp_path: Path) -> None:
    first = LanguageCache.open(tmp_path, "ar", "context-1")
    assert first.part("qr", ("https://example.org/ar/offers/a/",), lambda: "<svg>a</svg>") == "<svg>a</svg>"
    first.save()
    second = LanguageCache.open(tmp_path, "ar", "context-1")
    assert second.part("qr", ("https://example.org/ar/offers/a/",), lambda: pytest.fail("made again")) == "<svg>a</svg>"
    assert (second.hits, second.misses) == (1, 0)


@pytest.mark.parametrize("language, context", [("ar", "context-2"), ("fa", "context-1")])
def test_another_context_or_language_makes_the_part_anew(tmp_path: Path, language: str, context: str) -> None:
    cache = LanguageCache.open(tmp_path, "ar", "context-1")
    cache.part("card", ("offer",), lambda: "old")
    cache.save()
    assert LanguageCache.open(tmp_path, language, context).part("card", ("offer",), lambda: "new") == "new"


def test_a_build_keeps_only_the_parts_it_used(tmp_path: Path) -> None:
    cache = LanguageCache.open(tmp_path, "de", "c")
    cache.part("card", ("deleted offer",), lambda: "gone")
    cache.part("card", ("kept offer",), lambda: "kept")
    cache.save()
    later = LanguageCache.open(tmp_path, "de", "c")
    later.part("card", ("kept offer",), lambda: "made again")
    later.save()
    final = LanguageCache.open(tmp_path, "de", "c")
    assert final.part("card", ("deleted offer",), lambda: "made again") == "made again"
    assert final.part("card", ("kept offer",), lambda: "made again") == "kept"


@pytest.mark.parametrize("content", [b"", b"not a cache", b"x\x9c\x00\x01"])
def test_a_damaged_cache_file_is_an_empty_cache(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "de.cache").write_bytes(content)
    cache = LanguageCache.open(tmp_path, "de", "c")
    assert cache.part("qr", ("u",), lambda: "made") == "made"


def test_no_folder_keeps_nothing(tmp_path: Path) -> None:
    cache = LanguageCache.open(None, "de", "c")
    cache.part("qr", ("u",), lambda: "made")
    cache.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("changed", ["site/templates/offer.html", "site/pages.py", "defaults/labels/de.yml"])
def test_the_product_digest_changes_with_a_template_code_or_default_words(tmp_path: Path, changed: str) -> None:
    for name in ("site/templates/offer.html", "site/pages.py", "defaults/labels/de.yml", "vendor/decap-cms.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("one", encoding="utf-8")
    before = product_digest(tmp_path)
    (tmp_path / "vendor/decap-cms.js").write_text("two", encoding="utf-8")
    assert product_digest(tmp_path) == before, "the vendored browser files are not part of a page"
    (tmp_path / changed).write_text("two", encoding="utf-8")
    assert product_digest(tmp_path) != before


def test_the_cache_folder_is_beside_the_town_unless_set_or_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENVIRONMENT, raising=False)
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "catalogue"
    monkeypatch.setenv(CACHE_ENVIRONMENT, str(tmp_path / "elsewhere"))
    assert cache_folder(tmp_path) == tmp_path / "elsewhere"
    monkeypatch.setenv(CACHE_ENVIRONMENT, "off")
    assert cache_folder(tmp_path) is None


def test_an_earlier_layout_of_the_cache_is_removed_and_the_current_one_kept(tmp_path: Path) -> None:
    (tmp_path / "de.files.cache").write_bytes(zlib.compress(pickle.dumps({"format": 1, "entries": {}})))
    cache = LanguageCache.open(tmp_path, "de", "c")
    cache.part("card", ("offer",), lambda: "kept")
    cache.save()
    assert remove_other_layouts(tmp_path) == ["de.files.cache"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["de.cache"]
    assert LanguageCache.open(tmp_path, "de", "c").part("card", ("offer",), lambda: "made again") == "kept"


def test_a_part_asked_for_twice_in_one_build_is_made_once(tmp_path: Path) -> None:
    cache = LanguageCache.open(tmp_path, "de", "c")
    made: list[str] = []
    for _ in range(2):
        assert cache.part("qr", ("u",), lambda: made.append("qr") or "<svg/>") == "<svg/>"
    assert made == ["qr"] and (cache.hits, cache.misses) == (0, 1)
