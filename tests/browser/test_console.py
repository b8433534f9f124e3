"""Pages load, and the catalogue's search and filters run, without an error on the console or a failed request."""
from __future__ import annotations

import pytest

from .browser_tab import PageVisit, Tab
from .catalogue_view import CatalogueView
from .site_pages import language_path
from .town_pages import TOWN_PAGES


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_no_console_errors(town_visited: PageVisit) -> None:
    assert not town_visited.console_errors, f"{town_visited.url} logged:\n" + "\n".join(town_visited.console_errors)


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_no_content_security_policy_violations(town_visited: PageVisit) -> None:
    assert not town_visited.csp_violations, f"{town_visited.url}:\n" + "\n".join(town_visited.csp_violations)


def test_an_inline_script_a_page_did_not_ship_is_blocked_and_reported(phone: Tab) -> None:
    phone.visit(language_path("de", "catalogue/"))
    phone.page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
        const image = new Image();
        image.src = "https://tracker.example.com/pixel.gif";
    }""")
    phone.page.wait_for_function("() => true")
    phone.page.wait_for_timeout(200)
    assert phone.page.evaluate("() => window.injected === undefined")
    assert any(violation.startswith("script-src-elem blocked inline") for violation in phone.watch.csp_violations), phone.watch.csp_violations
    assert any("img-src blocked https://tracker.example.com/pixel.gif" in violation for violation in phone.watch.csp_violations), phone.watch.csp_violations


@pytest.mark.parametrize("town_visited", TOWN_PAGES, indirect=True, ids=str)
def test_no_failed_requests(town_visited: PageVisit) -> None:
    assert not town_visited.failures, f"{town_visited.url}:\n" + "\n".join(town_visited.failures)


@pytest.mark.parametrize("language", ["de", "ar", "fa"])
def test_searching_and_filtering_run_without_errors(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    catalogue = CatalogueView(phone.page).settled().search("kita").open_filters()
    phone.page.locator("#cat-age").fill("3")
    phone.page.locator("#cat-c").select_option(index=1)
    catalogue.settled()
    phone.page.locator("#cat-filters button[type=reset]").tap()
    catalogue.settled()
    phone.settle()
    assert catalogue.control_values()["q"] == "", "the reset button left the search words"
    assert not phone.watch.console_errors, "\n".join(phone.watch.console_errors)
    assert not phone.watch.failures, "\n".join(phone.watch.failures)
    assert not phone.watch.csp_violations, "\n".join(phone.watch.csp_violations)
