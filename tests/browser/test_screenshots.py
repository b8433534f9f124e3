"""Full-page phone screenshots (one pixel per CSS pixel) of the pages a newcomer sees first, in German and Arabic,
for people to look at."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import MAIN_KINDS, SitePage, pages
from .text_layout import what_a_person_would_see_wrong


def _png_width(path: Path) -> int:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">I", header[16:20])[0]


@pytest.mark.parametrize("site_page", pages(MAIN_KINDS, ("de", "ar")), ids=str)
def test_phone_screenshot(phone: Tab, screenshot_dir: Path, site_page: SitePage) -> None:
    phone.visit(site_page.path)
    path = screenshot_dir / f"phone-{site_page.language}-{site_page.kind}.png"
    assert not (wrong := what_a_person_would_see_wrong(phone.page)), "\n".join(wrong[:15])
    phone.page.screenshot(path=str(path), full_page=True, scale="css")
    assert _png_width(path) == PHONE["viewport"]["width"]
