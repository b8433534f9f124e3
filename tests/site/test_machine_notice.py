"""A machine-translated text is marked as such on its page, in the reader's language, and only in that language."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from catalogue.build.rendering import RenderJob
from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import publish
from catalogue.data.settings import read_settings
from tests.office.conftest import TODAY, write_office_site


@pytest.fixture
def job(tmp_path: Path) -> RenderJob:
    site = write_office_site(tmp_path / "site")
    offer = site / "data/offers/sportverein-altstadt/schwimmen.yml"
    offer.write_text(
        offer.read_text(encoding="utf-8")
        .replace("  en: Swimming for women\n", "  en: Swimming for women\n  uk: Плавання для жінок\n")
        .replace("  en: Every Saturday at the indoor pool.\n", "  en: Every Saturday at the indoor pool.\n  uk: Щосуботи в басейні.\n")
        .replace("  en: Bring a swimming cap.\n", "  en: Bring a swimming cap.\n  uk: Візьміть шапочку.\n")
        + "machine_translated: [uk]\n",
        encoding="utf-8",
    )
    settings = read_settings(site / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None, [problem.message for problem in loaded.errors]
    return RenderJob(publish(loaded.catalogue, date.fromisoformat(TODAY)), settings, loaded.labels)


@pytest.mark.parametrize("language, marked", [("uk", True), ("en", False), ("de", False)])
def test_the_notice_stands_on_the_machine_translated_page_only(job: RenderJob, language: str, marked: bool) -> None:
    renderer = job.renderer(language)
    offer = job.publication.offer("schwimmen")
    assert offer is not None
    body = renderer.offer_page(offer).body
    notice = str(renderer.reader.parts_note(machine=True))  # with what the page shows in German, in one sentence
    assert (notice in body) is marked
    assert body.count('class="cat-notice') <= 1, "one notice about the page's language, never two"
    assert 'class="cat-notice cat-notice--machine"' in body if marked else "cat-notice--machine" not in body
    other = job.publication.offer("deutsch-a1")
    assert other is not None and "cat-notice--machine" not in renderer.offer_page(other).body
