"""The catalogue's filters work from a keyboard alone, and show where the focus is."""
from __future__ import annotations

import pytest

from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .keyboard import focus_is_in, focused, tab_through_filters, tab_to
from .site_pages import SitePage, language_path, pages

FILTER_CONTROLS = ["cat-fold-button", "cat-c", "cat-age", "cat-l", "cat-d", "cat-m", "cat-g", "cat-e", "cat-t", "cat-free", "reset", "cat-q"]
"""The form's controls in reading order: the button that unfolds the filters, the filters, 'reset' (the button that
clears them) and the search field."""
KEYBOARD_LANGUAGES = ("de", "ar")
"""Left to right and right to left."""


@pytest.mark.parametrize("site_page", pages(("home", "catalogue", "not-found"), KEYBOARD_LANGUAGES), ids=str)
def test_first_tab_stop_skips_to_the_content(phone: Tab, site_page: SitePage) -> None:
    phone.visit(site_page.path, site_page.expected_status)
    phone.page.keyboard.press("Tab")
    skip_link = phone.page.locator("a.md-skip:focus")
    assert skip_link.count() == 1, f"the first Tab stop is {focused(phone.page)}, not a skip link"
    assert skip_link.is_visible() and skip_link.inner_text().strip(), "the focused skip link cannot be seen"
    phone.page.keyboard.press("Enter")
    phone.page.keyboard.press("Tab")
    assert focus_is_in(phone.page, ".md-content"), f"after the skip link, Tab went to {focused(phone.page)}"


@pytest.fixture(params=KEYBOARD_LANGUAGES)
def catalogue(request: pytest.FixtureRequest, phone: Tab) -> CatalogueView:
    phone.visit(language_path(request.param, "catalogue/"))
    view = CatalogueView(phone.page).settled()
    phone.page.keyboard.press("Tab")
    tab_to(phone.page, "cat-fold-button")
    phone.page.keyboard.press("Enter")
    phone.page.locator("h1").click()  # the next Tab starts again from the top of the page's content
    return view


def test_tab_reaches_every_filter_control_in_order(catalogue: CatalogueView) -> None:
    assert [stop.key for stop in tab_through_filters(catalogue.page)] == FILTER_CONTROLS


def test_focus_is_visible_on_every_filter_control(catalogue: CatalogueView) -> None:
    unmarked = [stop for stop in tab_through_filters(catalogue.page) if not stop.focus_visible]
    assert not unmarked, f"no visible focus (outline or box-shadow) on: {unmarked}"


def test_age_typed_from_the_keyboard_filters(catalogue: CatalogueView) -> None:
    everything = catalogue.count()
    tab_to(catalogue.page, "cat-age")
    catalogue.page.keyboard.type("4")
    catalogue.settled()
    assert catalogue.control_values()["age"] == "4"
    assert 0 < catalogue.count() < everything, catalogue.count_line()


def test_district_chosen_from_the_keyboard_filters(catalogue: CatalogueView) -> None:
    everything = catalogue.count()
    tab_to(catalogue.page, "cat-d")
    catalogue.page.keyboard.press("ArrowDown")
    catalogue.settled()
    assert catalogue.control_values()["d"] != "", "ArrowDown on the district list chose nothing"
    assert 0 < catalogue.count() < everything, catalogue.count_line()


def test_free_checkbox_toggles_with_space(catalogue: CatalogueView) -> None:
    everything = catalogue.count()
    tab_to(catalogue.page, "cat-free")
    catalogue.page.keyboard.press("Space")
    catalogue.settled()
    assert catalogue.control_values()["free"] is True
    only_free = catalogue.count()
    catalogue.page.keyboard.press("Space")
    catalogue.settled()
    assert catalogue.control_values()["free"] is False
    assert 0 < only_free < everything == catalogue.count(), catalogue.count_line()
