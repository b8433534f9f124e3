"""The site folder a build keeps: unchanged files are left alone, changed ones written, and whatever the build did
not make is gone at its end, as a clean build would leave the folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalogue.build.site_folder import SiteFolder

OLD_NS = 1_000_000_000_000_000_000
"""A modification time (2001) before any build of these tests began."""


def earlier_build(root: Path, files: dict[str, bytes]) -> None:
    """What an earlier build left: the files, dated long before the next build begins."""
    for path, content in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
        os.utime(root / path, ns=(OLD_NS, OLD_NS))


def tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_a_file_that_holds_the_same_bytes_is_left_alone(tmp_path: Path) -> None:
    earlier_build(tmp_path, {"offers/kurs/index.html": b"<p>Kurs</p>"})
    site = SiteFolder.kept(tmp_path)
    assert site.write(tmp_path / "offers/kurs/index.html", "<p>Kurs</p>") is False
    assert (tmp_path / "offers/kurs/index.html").stat().st_mtime_ns == OLD_NS


@pytest.mark.parametrize("before", [b"<p>Kurs alt</p>", b"<p>Kurz</p>", None], ids=["other-size", "same-size", "missing"])
def test_a_changed_or_missing_file_is_written(tmp_path: Path, before: bytes | None) -> None:
    if before is not None:
        earlier_build(tmp_path, {"offers/kurs/index.html": before})
    site = SiteFolder.kept(tmp_path)
    assert site.write(tmp_path / "offers/kurs/index.html", "<p>Kurs</p>") is True
    assert (tmp_path / "offers/kurs/index.html").read_bytes() == b"<p>Kurs</p>"


def test_what_the_build_did_not_make_is_removed_with_the_folders_it_leaves_empty(tmp_path: Path) -> None:
    earlier_build(tmp_path, {
        "offers/kurs/index.html": b"kept unchanged",
        "offers/ended/index.html": b"an offer deleted since",
        "offers/ended/ended.ics": b"its calendar",
        "ar/offers/ended/index.html": b"its Arabic page",
        "assets/old.css": b"a stylesheet the engine no longer writes",
        "stray.txt": b"a file at the top",
        ".git/HEAD": b"hidden at the top: mkdocs' own cleaning keeps it too",
    })
    site = SiteFolder.kept(tmp_path)
    site.write(tmp_path / "offers/kurs/index.html", b"kept unchanged")
    site.write(tmp_path / "news/index.html", b"new")
    (tmp_path / "assets/main.css").write_bytes(b"written by the engine during this build")

    removed = site.remove_stale()

    assert removed == ["ar/offers/ended/index.html", "assets/old.css", "offers/ended/ended.ics", "offers/ended/index.html", "stray.txt"]
    assert tree(tmp_path) == {
        ".git/HEAD": b"hidden at the top: mkdocs' own cleaning keeps it too",
        "assets/main.css": b"written by the engine during this build",
        "news/index.html": b"new",
        "offers/kurs/index.html": b"kept unchanged",
    }
    assert not (tmp_path / "offers/ended").exists() and not (tmp_path / "ar").exists()


def test_a_folder_the_engine_emptied_or_a_dirty_build_removes_nothing(tmp_path: Path) -> None:
    earlier_build(tmp_path, {"offers/ended/index.html": b"left by mkdocs --dirty"})
    site = SiteFolder(tmp_path)
    site.write(tmp_path / "offers/kurs/index.html", b"new")
    assert site.remove_stale() == []
    assert (tmp_path / "offers/ended/index.html").is_file()


def test_a_missing_site_folder_is_made(tmp_path: Path) -> None:
    site = SiteFolder.kept(tmp_path / "site")
    assert site.write(tmp_path / "site/index.html", b"home") is True
    assert site.remove_stale() == []
    assert tree(tmp_path / "site") == {"index.html": b"home"}
