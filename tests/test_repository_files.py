"""Files beside the data: what `check` lets through from content/ (published as it is) and data/.

A file under content/ is copied to the site unchanged and served from the site's origin, where the web editor keeps
its GitHub sign-in in localStorage: an SVG or HTML file with a script there can read it, and can replace pages in
the offline copy. So content/ publishes only raster images and the pages' own Markdown, data/ holds no web
documents or scripts either, and a symbolic link anywhere in them is refused, never followed or published.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from catalogue.checks.loading import LoadResult, load_catalogue
from catalogue.data.problems import format_problem
from catalogue.data.settings import Settings, read_settings

from tests.test_validation import BASE_TREE, TODAY

PNG = b"\x89PNG\r\n\x1a\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(localStorage[\'decap-cms-user\'])"><script>fetch("/")</script></svg>'
HTML = b"<!doctype html><script>alert(localStorage['decap-cms-user'])</script>"


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    root = tmp_path / "site"
    shutil.copytree(BASE_TREE, root)
    settings = read_settings(root / "mkdocs.yml")
    assert settings.docs_dir is not None
    (settings.docs_dir / "assets").mkdir(parents=True)
    (settings.docs_dir / "index.md").write_text("# Start\n", encoding="utf-8")
    return settings


def load(settings: Settings) -> LoadResult:
    return load_catalogue(settings, today=TODAY, message_language="en")


def problems_at(result: LoadResult, path: str) -> list[str]:
    return [f"{problem.message} — {problem.fix}" for problem in result.errors if problem.path == path]


def place(settings: Settings, folder: str, name: str, content: bytes) -> Path:
    base = settings.docs_dir if folder == "content" else settings.data_dir
    assert base is not None
    file = base / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content)
    return file


def relative(settings: Settings, file: Path) -> str:
    return file.relative_to(settings.root).as_posix()


@pytest.mark.parametrize(("folder", "name", "content"), [
    ("content", "assets/news/probe.svg", SVG),
    ("content", "assets/logo.SVG", SVG),
    ("content", "probe.html", HTML),
    ("content", "assets/probe.htm", HTML),
    ("content", "assets/probe.xhtml", HTML),
    ("content", "assets/probe.xml", SVG),
    ("content", "assets/probe.js", b"alert(1)"),
    ("content", "assets/probe.mjs", b"alert(1)"),
    ("content", "assets/probe.pdf", b"%PDF-1.7"),
    ("content", "assets/probe", HTML),
    ("data", "offers/sprachschule-nord/probe.svg", SVG),
    ("data", "news/probe.html", HTML),
    ("data", "probe.js", b"alert(1)"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_web_document_or_script_is_refused(site: Settings, folder: str, name: str, content: bytes) -> None:
    file = place(site, folder, name, content)
    result = load(site)
    found = problems_at(result, relative(site, file))
    assert len(found) == 1, "\n".join(format_problem(problem) for problem in result.problems)
    assert result.catalogue is None, "a refused file must stop the build"


@pytest.mark.parametrize(("folder", "name", "content"), [
    ("content", "assets/news/werkstatt.png", PNG),
    ("content", "assets/news/werkstatt.jpg", b"\xff\xd8\xff"),
    ("content", "assets/news/werkstatt.JPEG", b"\xff\xd8\xff"),
    ("content", "assets/news/werkstatt.webp", b"RIFF"),
    ("content", "about.en.md", b"# About\n"),
    ("content", ".gitkeep", b""),
    ("data", "README.md", b"# How the data is laid out\n"),
    ("data", "offers/example-offer.yml.example", b"id: example\n"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_raster_images_and_markdown_pass(site: Settings, folder: str, name: str, content: bytes) -> None:
    place(site, folder, name, content)
    result = load(site)
    assert not result.errors, "\n".join(format_problem(problem) for problem in result.errors)


def test_a_symlinked_data_file_is_refused_and_not_read(site: Settings, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("id: secret-from-outside\nname: {de: Geheim}\n", encoding="utf-8")
    link = site.data_dir / "actors" / "outside.yml"
    link.symlink_to(outside)
    result = load(site)
    found = problems_at(result, relative(site, link))
    assert len(found) == 1 and "link" in found[0]
    assert relative(site, link) not in result.files
    assert not any("secret-from-outside" in f"{problem.message} {problem.fix}" for problem in result.problems)


@pytest.mark.parametrize("name", ["assets/logo.png", "page.md"])
def test_a_symlinked_content_file_is_refused(site: Settings, tmp_path: Path, name: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(PNG)
    assert site.docs_dir is not None
    link = site.docs_dir / name
    link.symlink_to(outside)
    result = load(site)
    assert len(problems_at(result, relative(site, link))) == 1
    assert result.catalogue is None


@pytest.mark.parametrize("folder", ["content", "data"])
def test_a_symlinked_folder_is_refused_and_not_walked(site: Settings, tmp_path: Path, folder: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "probe.svg").write_bytes(SVG)
    base = site.docs_dir if folder == "content" else site.data_dir / "news"
    assert base is not None
    link = base / "linked"
    link.symlink_to(outside, target_is_directory=True)
    result = load(site)
    assert len(problems_at(result, relative(site, link))) == 1
    assert not problems_at(result, relative(site, link / "probe.svg")), "the link was followed"


def test_a_symlinked_labels_folder_is_refused_and_its_files_not_read(site: Settings, tmp_path: Path) -> None:
    labels = site.data_dir / "labels"
    outside = tmp_path / "outside-labels"
    labels.rename(outside)
    labels.symlink_to(outside, target_is_directory=True)
    result = load(site)
    assert len(problems_at(result, relative(site, labels))) == 1
    assert not [path for path in result.files if path.startswith(relative(site, labels) + "/")], "files behind the link were read"
