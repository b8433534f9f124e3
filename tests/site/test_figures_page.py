"""The figures page as rendered: every number once in a chart and once in a table, text escaped exactly once."""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.build.rendering import RenderJob
from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import publish
from catalogue.data.settings import read_settings
from tests.office.conftest import TODAY, write_office_site
from tests.towns import FIXTURE_TOWN


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


NEED = """\
id: 2026-10-krippe-{district}
title: Krippenplätze
topic: early-childhood
stage: early-childhood
district: {district}
target_group: families
age_min: 0
age_max: 2
people: {people}
source: waiting_list
reported_by: Kita-Servicestelle
reported: "2026-10-05"
status: open
"""


def _figures_with_needs(tmp_path: Path, language: str) -> BeautifulSoup:
    town = tmp_path / "town"
    shutil.copytree(FIXTURE_TOWN, town)
    shutil.rmtree(town / "data" / "needs", ignore_errors=True)
    (town / "data" / "needs").mkdir()
    for district, people in (("altstadt", 17), ("nordstadt", 3)):
        (town / "data" / "needs" / f"2026-10-krippe-{district}.yml").write_text(NEED.format(district=district, people=people), encoding="utf-8")
    settings = read_settings(town / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None, loaded.errors
    job = RenderJob(publish(loaded.catalogue, date.fromisoformat(TODAY)), settings, loaded.labels)
    return BeautifulSoup(job.renderer(language).figures_page().body, "html.parser")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_figures_page_sets_needs_beside_offers_with_source_and_date(tmp_path: Path, language: str) -> None:
    soup = _figures_with_needs(tmp_path, language)
    article = soup.find("article", class_="cat-figures")
    assert "lang" not in article.attrs and soup.find("p", class_="cat-notice") is None, "the page speaks the reader's language"
    if language == "ar":
        assert soup.find("h1").get_text() == "أرقام وبيانات"
    if language != "de":
        return
    intro = soup.find("section", attrs={"aria-labelledby": "fig-needs"}).get_text(" ", strip=True)
    assert "Offene Bedarfe am 26. November 2026: 2, mit zusammen etwa 20 Personen" in intro
    table = soup.find("section", attrs={"aria-labelledby": "fig-needs_districts"}).find("table")
    columns = [th.get_text() for th in table.find("thead").find_all("th")]
    kita = next(row for row in table.find("tbody").find_all("tr") if row.th.get_text() == "Kita und frühe Kindheit")
    cells = dict(zip(columns, (td.get_text() for td in kita.find_all("td"))))
    assert cells["Altstadt"].endswith("/ 17") and cells["Nordstadt"].endswith("/ < 5") and cells["ganze Stadt"].endswith("/ –")
    gaps = soup.find("section", attrs={"aria-labelledby": "fig-needs-gaps"})
    assert gaps.find("svg", attrs={"aria-hidden": "true"}) is not None
    assert [td.get_text() for td in gaps.select("tbody td")][0::2] == ["17", "< 5"]
    assert [text.get_text() for text in gaps.select("svg .cat-bar__value")][0::2] == ["17", "< 5"], "people bars say no small number"
    for section in soup.find_all("section", class_="cat-figure"):
        if section.find("table") is not None or section.find("svg") is not None:
            source = section.find("p", class_="cat-figure__source")
            assert source is not None and "Quelle:" in source.get_text() and "2026" in source.get_text(), section["aria-labelledby"]


def _figures_page(tmp_path: Path, language: str, without_figures_words: bool = False) -> BeautifulSoup:
    town = tmp_path / "town"
    shutil.copytree(FIXTURE_TOWN, town)
    settings = read_settings(town / "mkdocs.yml")
    loaded = load_catalogue(settings, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None, loaded.errors
    labels = loaded.labels
    if without_figures_words:
        labels = {code: ({key: text for key, text in words.items() if not key.startswith("figures.")} if code == language else words) for code, words in labels.items()}
    job = RenderJob(publish(loaded.catalogue, date.fromisoformat(TODAY)), settings, labels)
    return BeautifulSoup(job.renderer(language).figures_page().body, "html.parser")


@pytest.mark.parametrize("language", ["de", "en", "ar", "ti"])
def test_the_figures_page_gives_each_languages_coverage(tmp_path: Path, language: str) -> None:
    from catalogue.figures.language_coverage import covered_in

    town = read_settings(FIXTURE_TOWN / "mkdocs.yml")
    loaded = load_catalogue(town, today=date.fromisoformat(TODAY))
    assert loaded.catalogue is not None
    offers = publish(loaded.catalogue, date.fromisoformat(TODAY)).offers
    soup = _figures_page(tmp_path, language)
    section = soup.find("section", attrs={"aria-labelledby": "fig-coverage"})
    assert section is not None and not section.find("h2").get_text().startswith("figures."), "the figure has its words"
    assert section.find("p").get_text().strip(), "the figure says what it counts"
    rows = section.select("tbody tr")
    assert len(rows) == len(town.language_codes)
    numbers = [int(row.find("td").get_text()) for row in rows]
    assert numbers == [sum(covered_in(offer, code) for offer in offers) for code in town.language_codes]
    assert all(row.find_all("td")[1].get_text().strip() for row in rows), "each language's share is shown"


def test_a_language_without_the_figures_words_gets_the_german_page_marked(tmp_path: Path) -> None:
    soup = _figures_page(tmp_path, "ar", without_figures_words=True)
    article = soup.find("article", class_="cat-figures")
    assert article["lang"] == "de" and article["dir"] == "ltr"
    assert soup.find("p", class_="cat-notice") is not None
