"""The note that a language is a preview (no native reader has checked its words yet) stays readable where readers
enlarge the page: at 200 % zoom on a 360 px phone (WCAG 1.4.4 and 1.4.10; the page is laid out 180 CSS px wide), in
a right-to-left language and in one without Material's words, with its German line on a line of its own."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.site.sample_data import LOADED

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import SAMPLE_OFFER, language_path
from .static_server import SiteServer
from .text_layout import layout_problems

ZOOM = 2.0
ZOOMED_PHONE = {
    **PHONE,
    "viewport": {"width": int(PHONE["viewport"]["width"] / ZOOM), "height": int(PHONE["viewport"]["height"] / ZOOM)},
    "device_scale_factor": PHONE["device_scale_factor"] * ZOOM,
}
"""A 360 × 740 phone zoomed to 200 %: the same screen, half as many CSS pixels, each drawn twice as large."""
LANGUAGES = [code for code in ("ar", "ti", "fa") if code in LOADED.unreviewed]
PATHS = {"home": "", "offer": f"offers/{SAMPLE_OFFER}/"}


@pytest.fixture(scope="module")
def zoomed_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    context = chromium.new_context(**ZOOMED_PHONE)
    try:
        yield Tab.open_in(context, site_server)
    finally:
        context.close()


def test_the_languages_checked_are_previews() -> None:
    assert LANGUAGES, "the tests' town has no preview language left to check"


@pytest.mark.parametrize("kind", PATHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_preview_note_reads_at_200_percent_zoom(zoomed_phone: Tab, language: str, kind: str) -> None:
    page = zoomed_phone.page
    zoomed_phone.visit(language_path(language, PATHS[kind]))
    note = page.locator("p.cat-notice--preview")
    assert note.count() == 1
    note.scroll_into_view_if_needed()
    width = ZOOMED_PHONE["viewport"]["width"]
    box = note.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, f"the note runs past the {width} px page: {box}"
    german = note.locator("span[lang=de]")
    german_box = german.bounding_box()
    assert german_box is not None and german_box["x"] >= 0 and german_box["x"] + german_box["width"] <= width
    assert german.evaluate("element => getComputedStyle(element).display") == "block", "German stands on a line of its own"
    assert german.evaluate("element => getComputedStyle(element).direction") == "ltr"
    found = layout_problems(page)
    said = note.inner_text()[:25]
    problems = [
        entry for group in ("broken_words", "clipped", "spilling", "overlapping") for entry in found[group]
        if "cat-notice--preview" in entry or said[:20] in entry or german.inner_text()[:20] in entry
    ]
    assert not problems, problems
    assert found["page_width"] <= found["viewport_width"], "the page scrolls sideways"
