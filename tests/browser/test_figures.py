"""The "Zahlen & Daten" page on a phone: every chart's numbers stand in its table and in its CSV download, the gap
matrices scroll inside their own box, the footer leads there in every language, and every language reads the page in
its own words, with each language's coverage (a language without the words gets the German page, marked: tested in
tests/site/test_figures_page.py)."""
from __future__ import annotations

import csv
import io
import urllib.request
from pathlib import Path

import pytest

from tests.site.sample_data import LOADED, SETTINGS

from .axe_check import axe_violations, describe_violations
from .browser_tab import Tab
from .conftest import AXE_SCRIPT
from .site_pages import CHECKED_LANGUAGES, LANGUAGES, language_path


def _svg_numbers(tab: Tab, section: str) -> list[int]:
    return [int(text) for text in tab.page.locator(f"section:has(#fig-{section}) svg .cat-bar__value").all_text_contents()]


def _table_numbers(tab: Tab, section: str) -> list[int]:
    return [int(text) for text in tab.page.locator(f"section:has(#fig-{section}) table tbody tr td:first-of-type").all_text_contents()]


@pytest.mark.parametrize("section", ["areas", "categories", "districts", "ages", "offer_languages", "costs", "modes", "readable", "coverage"])
def test_each_chart_has_the_same_numbers_in_its_table_and_its_csv(phone: Tab, section: str) -> None:
    phone.visit(language_path("de", "figures/"))
    bars = _svg_numbers(phone, section)
    assert bars, f"the {section} chart has no bars"
    assert _table_numbers(phone, section) == bars
    link = phone.page.locator(f"section:has(#fig-{section}) a[download]")
    url = phone.page.evaluate("(a) => a.href", link.element_handle())
    with urllib.request.urlopen(url, timeout=10) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
    assert [int(row["offers"]) for row in rows] == bars


def test_the_page_fits_a_phone_and_the_matrices_scroll_in_their_own_box(phone: Tab, screenshot_dir: Path) -> None:
    phone.visit(language_path("de", "figures/"))
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 360
    for box in phone.page.locator(".cat-table-scroll").all():
        assert box.get_attribute("tabindex") == "0", "a scrolling box must be reachable by keyboard"
        assert box.evaluate("(element) => element.getBoundingClientRect().right") <= 360
    gaps = phone.page.locator(".cat-matrix__gap")
    assert gaps.count() > 0 and set(gaps.all_text_contents()) == {"0"}
    phone.page.screenshot(path=str(screenshot_dir / "phone-de-figures.png"), full_page=True, scale="css")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_leads_to_the_figures_in_every_language(phone: Tab, language: str) -> None:
    phone.visit(language_path(language))
    link = phone.page.locator("footer a[href$='figures/']")
    assert link.count() == 1
    link.click()
    phone.settle()
    assert phone.page.url.endswith(language_path(language, "figures/"))
    assert phone.page.locator("h1").count() == 1


@pytest.mark.parametrize("language", [code for code in CHECKED_LANGUAGES if code != "de"])
def test_the_page_speaks_the_readers_language_and_gives_each_languages_coverage(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "figures/"))
    article = phone.page.locator("article.cat-figures")
    assert article.get_attribute("lang") is None and article.evaluate("(element) => element.closest('[lang]').lang") == language
    assert phone.page.locator("h1").inner_text() == LOADED.labels[language]["figures.title"]
    coverage = phone.page.locator("section:has(#fig-coverage)")
    assert coverage.locator("h2").inner_text() == LOADED.labels[language]["figures.coverage"]
    assert coverage.locator("tbody tr").count() == len(SETTINGS.language_codes)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_needs_stand_beside_offers_and_small_numbers_stay_hidden(phone: Tab, screenshot_dir: Path, language: str) -> None:
    phone.visit(language_path(language, "figures/"))
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 360
    matrix = phone.page.locator("section:has(#fig-needs_districts) table")
    assert matrix.locator("tbody tr").count() == len(LOADED.catalogue.taxonomy.categories)
    cells = matrix.locator("tbody td").all_text_contents()
    assert all(" / " in cell for cell in cells) and any(cell.endswith("/ 18") for cell in cells)
    gaps = phone.page.locator("section:has(#fig-needs-gaps)")
    people = gaps.locator("tbody tr td:first-of-type").all_text_contents()
    assert people == ["18", "< 5"]
    assert gaps.locator("svg .cat-bar__value").all_text_contents()[0::2] == people
    for section in ("needs", "needs_districts", "needs_ages", "needs-gaps", "need-quarters"):
        source = phone.page.locator(f"section:has(#fig-{section}) .cat-figure__source")
        source_word = LOADED.labels[language]["figures.source_offers"].split(":")[0]
        assert source.count() == 1 and source_word in source.inner_text(), section
    phone.page.locator("#fig-needs").scroll_into_view_if_needed()
    phone.page.screenshot(path=str(screenshot_dir / f"phone-{language}-figures-needs.png"), full_page=True, scale="css")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_figures_page_with_needs_has_no_accessibility_violations(phone: Tab, language: str, scheme: str) -> None:
    phone.page.emulate_media(color_scheme=scheme)
    try:
        phone.visit(language_path(language, "figures/"))
        phone.page.evaluate("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished))")
        violations = axe_violations(phone.page, AXE_SCRIPT)
    finally:
        phone.page.emulate_media(color_scheme="light")
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_bar_has_its_label_and_number_inside_the_chart_beside_the_bar(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "figures/"))
    misplaced = phone.page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.cat-chart')).flatMap(svg => {
          const chart = svg.getBoundingClientRect();
          const bars = Array.from(svg.querySelectorAll('rect.cat-bar')).map(bar => bar.getBoundingClientRect());
          return Array.from(svg.querySelectorAll('text')).filter(text => {
            const box = text.getBoundingClientRect();
            const outside = box.left < chart.left - 1 || box.right > chart.right + 1;
            const onBar = text.classList.contains('cat-bar__value') && bars.some(bar =>
              Math.min(box.right, bar.right) - Math.max(box.left, bar.left) > 1 && Math.min(box.bottom, bar.bottom) - Math.max(box.top, bar.top) > 1);
            return outside || onBar;
          }).map(text => text.textContent);
        })"""
    )
    assert not misplaced, f"outside its chart or written over a bar: {misplaced[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_coverage_table_fits_a_phone_without_scrolling_sideways(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "figures/"))
    section = phone.page.locator("section:has(#fig-coverage)")
    section.locator("details summary").click()
    table = section.locator("table")
    widths = table.evaluate("table => [table.scrollWidth, table.clientWidth]")
    assert widths[0] <= widths[1] + 1, f"the table is {widths[0]} px wide in a {widths[1]} px box: its last column is hidden"
