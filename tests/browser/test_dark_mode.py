"""The pages follow the reader's colour scheme (prefers-color-scheme) without a script: in the dark scheme the page,
its cards, tiles, buttons, fields and charts are dark with light text, and the charts' bars keep the 3:1 contrast
against the page that WCAG 1.4.11 asks of graphics. axe checks the text contrast of both schemes
(test_accessibility.py)."""
from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import PAGE_PATHS, language_path
from .static_server import SiteServer
from .text_layout import what_a_person_would_see_wrong

LANGUAGES = ("de", "ar")
SCHEMES = ("light", "dark")
KINDS = ("home", "catalogue", "offer", "figures")

_COLOURS = """selectors => {
  const channel = value => { const c = value / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = colour => {
    const [r, g, b] = colour.match(/[\\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // The colour an element shows: its own background, else the nearest ancestor's that is not transparent.
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const result = {};
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    if (!element) continue;
    const style = getComputedStyle(element);
    result[selector] = {
      text: luminance(style.color),
      background: luminance(background(element)),
      fill: element instanceof SVGElement ? luminance(style.fill) : null,
    };
  }
  return result;
}"""
SURFACES = ("body", ".md-typeset p", ".cat-tile", ".cat-card", ".cat-button:not(.cat-button--call)", ".cat-home-search input", ".cat-facts", ".cat-filters", ".cat-bar")


def _contrast(first: float, second: float) -> float:
    """WCAG 2 contrast ratio of two relative luminances."""
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(params=SCHEMES)
def scheme_phone(request: pytest.FixtureRequest, chromium: Browser, site_server: SiteServer) -> Iterator[tuple[str, Tab]]:
    context = chromium.new_context(**PHONE, color_scheme=request.param)
    try:
        yield request.param, Tab.open_in(context, site_server)
    finally:
        context.close()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_follow_the_readers_colour_scheme(scheme_phone: tuple[str, Tab], language: str, kind: str) -> None:
    scheme, tab = scheme_phone
    tab.visit(language_path(language, PAGE_PATHS[kind]))
    colours = tab.page.evaluate(_COLOURS, list(SURFACES))
    assert "body" in colours
    for selector, colour in colours.items():
        if colour["fill"] is not None:
            assert _contrast(colour["fill"], colour["background"]) >= 3, f"{selector} in {scheme}: {colour}"
            continue
        dark_background = colour["background"] < colour["text"]
        assert dark_background == (scheme == "dark"), f"{selector} in the {scheme} scheme: {colour}"


@pytest.mark.parametrize("kind", ["home", "offer"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_colour_scheme_screenshot(scheme_phone: tuple[str, Tab], screenshot_dir: Path, language: str, kind: str) -> None:
    scheme, tab = scheme_phone
    tab.visit(language_path(language, PAGE_PATHS[kind]))
    path = screenshot_dir / f"phone-{scheme}-{language}-{kind}.png"
    assert not (wrong := what_a_person_would_see_wrong(tab.page)), "\n".join(wrong[:15])
    tab.page.screenshot(path=str(path), full_page=True, scale="css")
    assert struct.unpack(">I", path.read_bytes()[16:20])[0] == PHONE["viewport"]["width"], "the page is wider than the phone"
