"""What keeps a large build's memory flat: the data loaded in a child process and sent back whole, a language's
pages spooled to a file instead of held, the open data written one file at a time and kept in the build cache
file by file."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from catalogue.build.child_process import in_child_process
from catalogue.build.rendering import RenderJob, SpooledPages, render_language
from catalogue.build.site_folder import SiteFolder
from catalogue.build.site_output import open_data_files, write_open_data

from tests.test_open_data import PUBLICATION, SETTINGS, TODAY
from tests.towns import FIXTURE_CONFIG, loaded_town

LOADED = loaded_town(FIXTURE_CONFIG, TODAY)
JOB = RenderJob(PUBLICATION, SETTINGS, LOADED.labels)


def test_a_step_in_a_child_process_gives_its_result_with_read_only_mappings() -> None:
    result = in_child_process(lambda: (os.getpid(), MappingProxyType({"de": MappingProxyType({"a": "b"})})))
    pid, labels = result
    assert pid != os.getpid()
    assert isinstance(labels, MappingProxyType) and labels["de"]["a"] == "b"


def test_the_data_loaded_in_a_child_process_is_the_data_loaded_here() -> None:
    assert in_child_process(lambda: LOADED) == LOADED


def test_an_error_in_the_child_process_is_raised_here() -> None:
    def fail() -> None:
        raise ValueError("the step's own words")

    with pytest.raises(ValueError, match="the step's own words"):
        in_child_process(fail)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_spooled_pages_are_the_pages_held_in_memory_and_the_spool_is_removed(tmp_path: Path, language: str) -> None:
    held = render_language(JOB, language)
    spooled = render_language(JOB, language, tmp_path / f"{language}.pages")
    assert isinstance(spooled.pages, SpooledPages)
    assert (spooled.depths, spooled.listed) == (held.depths, held.listed)
    assert list(spooled.pages) == list(held.pages)
    assert not (tmp_path / f"{language}.pages").exists()
    assert held.listed and all(not url.endswith("index.html") for url in held.listed)


def test_the_open_data_written_from_the_cache_is_what_was_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATALOGUE_CACHE", str(tmp_path / "cache"))
    job = replace(JOB, cached=True)
    languages = ("de", "ar")
    made = dict(open_data_files(job, languages))
    paths, written = write_open_data(job, languages, str(tmp_path / "cold"))
    assert sorted(paths) == sorted(made) and written == len(made)
    monkeypatch.setattr("catalogue.build.site_output.open_data_files", lambda *_: pytest.fail("made again"))
    warm_paths, warm_written = write_open_data(job, languages, str(tmp_path / "warm"))
    assert (sorted(warm_paths), warm_written) == (sorted(made), len(made))
    for path, content in made.items():
        assert (tmp_path / "warm" / path).read_bytes() == content
    assert write_open_data(job, languages, str(tmp_path / "warm"))[1] == 0, "unchanged files are left alone"


def test_files_another_process_wrote_are_not_stale(tmp_path: Path) -> None:
    site = SiteFolder.kept(tmp_path)
    other = SiteFolder(tmp_path)
    (tmp_path / "data").mkdir()
    old = tmp_path / "data" / "offers.json"
    old.write_text("{}", encoding="utf-8")
    os.utime(old, ns=(site.since_ns - 10**9, site.since_ns - 10**9))  # type: ignore[operator]
    other.write(old, "{}")
    site.record([old])
    assert site.remove_stale() == []
    assert old.read_text(encoding="utf-8") == "{}"
