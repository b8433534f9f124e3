"""The figures page as rendered: every number once in a chart and once in a table, text escaped exactly once."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from catalogue.build.rendering import RenderJob
from catalogue.data.loading import load_catalogue
from catalogue.data.publication import publish
from catalogue.data.settings import read_settings
from tests.office.conftest import TODAY, write_office_site


def test_labels_with_apostrophes_and_ampersands_are_escaped_once(tmp_path: Path) -> None:
    site = write_office_site(tmp_path / "site")
    for language, title, readable in (("de", "Zahlen & Daten", "Angebote in den Sprachen der Website"), ("en", "Facts & figures", "Offers in the site's languages")):
        labels = site / f"data/labels/{language}.yml"
        labels.write_text(labels.read_text(encoding="utf-8").replace(
            "site:\n", f"site:\n  figures.title: {title}\n  figures.readable: {readable}\n", 1), encoding="utf-8")
    settings = read_settings(site / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None
    job = RenderJob(publish(loaded.catalogue, date.fromisoformat(TODAY)), settings, loaded.labels)
    page = job.renderer("en").figures_page()
    soup = BeautifulSoup(page.body, "html.parser")
    assert soup.find("h2", id="fig-readable").get_text() == "Offers in the site's languages"
    assert soup.find("section", attrs={"aria-labelledby": "fig-readable"}).find("caption").get_text() == "Offers in the site's languages"
    assert "&amp;#" not in page.body and "&#39;" not in soup.get_text()
    bars = [int(text.get_text()) for text in soup.select("section[aria-labelledby=fig-categories] svg .cat-bar__value")]
    cells = [int(cell.get_text()) for cell in soup.select("section[aria-labelledby=fig-categories] tbody td")]
    assert bars == cells and sum(bars) >= 4
    assert re.search(r"<svg[^>]*aria-hidden=\"true\"", page.body)
