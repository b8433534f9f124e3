"""The council's figures: counting rules of catalogue.figures.statistics, the CSV downloads, and the quarters from a
git history the test makes itself."""
from __future__ import annotations

import csv
import io
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from catalogue.figures.history import offer_history, quarter_of
from catalogue.checks.loading import load_catalogue
from catalogue.data.model import Offer
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import read_settings
from catalogue.figures.statistics import AGE_BANDS, CHARTS, MATRICES, figures, offer_age_bands
from catalogue.exports.figures_csv import figures_csv_files

from .conftest import TODAY


def published(site: Path, today: str = TODAY) -> Publication:
    settings = read_settings(site / "mkdocs.yml")
    catalogue = load_catalogue(settings, today=date.fromisoformat(today)).catalogue
    assert catalogue is not None
    return publish(catalogue, date.fromisoformat(today))


def counts(items: tuple) -> dict[str, int]:  # type: ignore[type-arg]
    return {item.key: item.count for item in items}


def test_counts_follow_the_published_offers(office_site: Path) -> None:
    publication = published(office_site)
    numbers = figures(publication, ("de", "en", "uk", "ti"))
    offers = publication.offers
    assert numbers.offers == len(offers) == 4
    assert counts(numbers.by_costs) == {"free": sum(o.costs.free for o in offers), "paid": sum(not o.costs.free for o in offers)}
    assert sum(counts(numbers.by_mode).values()) == len(offers)
    assert counts(numbers.readable) == {"de": 4, "en": 4, "uk": 0, "ti": 2}
    areas = counts(numbers.by_area)
    assert areas["continuing_education"] == sum("german" in o.categories for o in offers)
    assert areas["non_formal_learning"] == sum("leisure" in o.categories for o in offers)


def test_each_languages_coverage_counts_offers_with_title_summary_and_who_may_take_part(office_site: Path) -> None:
    from catalogue.figures.language_coverage import covered_in

    publication = published(office_site)
    numbers = figures(publication, ("de", "en", "uk", "ti"))
    assert counts(numbers.coverage) == {
        language: sum(covered_in(offer, language) for offer in publication.offers) for language in ("de", "en", "uk", "ti")
    }
    assert counts(numbers.coverage)["uk"] == 0, "no text is translated into Ukrainian yet"
    rows = list(csv.DictReader(io.StringIO(figures_csv_files(numbers, publication, "de", None)["coverage.csv"])))
    assert {row["key"]: int(row["offers"]) for row in rows} == counts(numbers.coverage)


def test_matrices_count_pairs_and_show_gaps(office_site: Path) -> None:
    publication = published(office_site)
    numbers = figures(publication, ("de",))
    table = numbers.category_by_district
    cell = dict(zip(table.rows, table.cells))["german"][table.columns.index("nordstadt")]
    assert cell == 1, "only deutsch-a1 is held in the north (haus-nord)"
    assert table.gaps() == sum(value == 0 for row in table.cells for value in row) > 0


@pytest.mark.parametrize(
    "age_min, age_max, bands",
    [(0, 6, ["0-2", "3-5", "6-9"]), (16, None, ["16-18", "19-26", "27-64", "65+"]), (None, None, [band for band, _, _ in AGE_BANDS]), (65, 99, ["65+"])],
)
def test_an_offer_counts_in_every_age_band_it_overlaps(age_min: int | None, age_max: int | None, bands: list[str]) -> None:
    offer = Offer(id="x", actor="a", status="active", categories=("german",), title={}, summary={}, description={},
                  mode="online", costs=None, last_verified=None, age_min=age_min, age_max=age_max)  # type: ignore[arg-type]
    assert list(offer_age_bands(offer)) == bands


def test_every_figure_has_a_csv_with_the_same_numbers(office_site: Path) -> None:
    publication = published(office_site)
    numbers = figures(publication, ("de", "en"))
    files = figures_csv_files(numbers, publication, "de", history=None)
    assert set(files) == {f"{name}.csv" for name in (*CHARTS, *MATRICES)}, "no quarters without history"
    categories = list(csv.DictReader(io.StringIO(files["categories.csv"])))
    assert {row["key"]: int(row["offers"]) for row in categories} == counts(numbers.by_category)
    assert {row["name"] for row in categories} >= {"Deutsch lernen"}
    matrix_rows = list(csv.reader(io.StringIO(files["categories_ages.csv"])))
    assert matrix_rows[0] == ["category", *[band for band, _, _ in AGE_BANDS]]


def _git(folder: Path, *arguments: str, day: str | None = None) -> None:
    environment = {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00"} if day else {}
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", **environment})


def test_quarters_come_from_the_git_history(office_site: Path) -> None:
    assert offer_history(published(office_site), read_settings(office_site / "mkdocs.yml")) is None, "no repository yet"
    later = office_site / "data/offers/sprachschule-nord/deutsch-b1-abend.yml"
    kept = later.read_text(encoding="utf-8")
    later.unlink()
    _git(office_site, "init", "-q")
    _git(office_site, "add", "-A")
    _git(office_site, "commit", "-qm", "first offers", day="2026-02-10")
    later.write_text(kept, encoding="utf-8")
    _git(office_site, "add", "-A")
    _git(office_site, "commit", "-qm", "one more", day="2026-08-01")
    _git(office_site, "rm", "-q", "data/offers/sprachschule-nord/konversation.yml")
    _git(office_site, "commit", "-qm", "one less", day="2026-10-05")
    history = offer_history(published(office_site), read_settings(office_site / "mkdocs.yml"))
    assert history is not None
    by_quarter = {row.quarter: (row.added, row.ended) for row in history}
    assert by_quarter["2026-Q1"] == (4, 0)
    assert by_quarter["2026-Q3"] == (1, 0)
    assert by_quarter["2026-Q4"] == (0, 1)


def test_history_since_leaves_out_what_came_before_the_town_took_over(office_site: Path) -> None:
    """A town that began as a copy of another's repository counts from the day it took over, not the copy's past."""
    _git(office_site, "init", "-q")
    _git(office_site, "add", "-A")
    _git(office_site, "commit", "-qm", "the copied catalogue", day="2025-03-10")
    _git(office_site, "rm", "-q", "data/offers/sprachschule-nord/konversation.yml")
    _git(office_site, "commit", "-qm", "the town's own change", day="2026-10-05")
    config = office_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  catalogue:\n", "  catalogue:\n    history_since: \"2026-01-01\"\n", 1), encoding="utf-8")
    history = offer_history(published(office_site), read_settings(config))
    assert history is not None
    assert {row.quarter: (row.added, row.ended) for row in history} == {"2026-Q4": (0, 1)}


def test_a_shallow_clone_has_no_history(office_site: Path, tmp_path: Path) -> None:
    _git(office_site, "init", "-q")
    _git(office_site, "add", "-A")
    _git(office_site, "commit", "-qm", "one", day="2026-01-10")
    (office_site / "data/offers/sprachschule-nord/extra.yml").write_text(
        (office_site / "data/offers/sprachschule-nord/konversation.yml").read_text(encoding="utf-8").replace("id: konversation", "id: extra"),
        encoding="utf-8",
    )
    _git(office_site, "add", "-A")
    _git(office_site, "commit", "-qm", "two", day="2026-05-10")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{office_site}", str(clone))
    assert offer_history(published(clone), read_settings(clone / "mkdocs.yml")) is None


@pytest.mark.parametrize("day, quarter", [("2026-01-01", "2026-Q1"), ("2026-03-31", "2026-Q1"), ("2026-04-01", "2026-Q2"), ("2026-12-31", "2026-Q4")])
def test_quarter_of(day: str, quarter: str) -> None:
    assert quarter_of(date.fromisoformat(day)) == quarter


def test_a_language_may_leave_out_the_figures_labels_but_no_other(office_site: Path) -> None:
    german = office_site / "data/labels/de.yml"
    text = german.read_text(encoding="utf-8")
    german.write_text(text.replace("site:\n", "site:\n  figures.title: Zahlen & Daten\n  figures.extra: Nur Deutsch\n", 1), encoding="utf-8")
    settings = read_settings(office_site / "mkdocs.yml")
    assert not load_catalogue(settings, today=date.fromisoformat(TODAY)).errors
    german.write_text(text.replace("site:\n", "site:\n  offer.extra: Nur Deutsch\n", 1), encoding="utf-8")
    errors = load_catalogue(settings, today=date.fromisoformat(TODAY)).errors
    assert errors and all("offer.extra" in error.message for error in errors)
