"""Passing an offer on from a 360 px phone (share sheet, WhatsApp, e-mail, copied link) and taking it to a counter on
paper: one A4 page with the contact written out, the facts in German beside the reader's language, and a QR code back
to the page in the reader's language."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pypdfium2
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from tests.site.sample_data import DEFAULT, PUBLICATION, SETTINGS
from tests.towns import BuiltSite

from .browser_setup import PHONE
from .browser_tab import Tab
from .site_pages import language_path
from .static_server import SiteServer
from .text_layout import what_a_person_would_see_wrong

FIRST_SCREEN = PHONE["viewport"]["height"]
PHONE_LANGUAGES = ("ar", "en")
PRINT_LANGUAGES = ("de", "ar", "ti")
A4_POINTS = (595.3, 841.9)
"""ISO 216 A4 in PDF points (210 x 297 mm at 72 points to the inch); Chromium rounds to whole device pixels."""
RENDER_SCALE = 3
"""Pixels per PDF point when a print-out is read back: about 216 dpi, what a phone camera sees of a sheet."""
_RECORD_SHARE = """navigator.share = data => { window.sharedWith = data; return Promise.resolve(); };
navigator.canShare = () => true;"""


def _offer_with_most_text(site: BuiltSite, language: str) -> str:
    """The published offer whose page holds the most text in the language: the hardest to fit on one sheet."""
    def length(offer_id: str) -> int:
        html = site.page(f"{SETTINGS.url_prefix(language)}offers/{offer_id}/index.html")
        article = BeautifulSoup(html, "html.parser").select_one("article")
        assert article is not None
        return len(article.get_text(" ", strip=True))
    return max((offer.id for offer in PUBLICATION.offers), key=length)


def _page_url(offer_id: str, language: str) -> str:
    return f"{SETTINGS.site_url}{SETTINGS.url_prefix(language)}offers/{offer_id}/"


def _contact(offer_id: str) -> tuple[str | None, str | None, str | None]:
    offer = PUBLICATION.offer(offer_id)
    contact = offer.contact if (offer.contact.phone or offer.contact.email) else PUBLICATION.catalogue.actors[offer.actor].contact
    return contact.phone, contact.email, offer.website


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_the_share_button_opens_the_phones_share_sheet_with_the_page_in_the_language_read(phone: Tab, language: str) -> None:
    offer = PUBLICATION.offers[0]
    phone.page.add_init_script(_RECORD_SHARE)
    phone.visit(language_path(language, f"offers/{offer.id}/"))
    button = phone.page.locator(".cat-sharing summary")
    box = button.bounding_box()
    assert box is not None and box["y"] < FIRST_SCREEN, "the share button starts below the first screen"

    button.tap()
    shared = phone.page.wait_for_function("() => window.sharedWith").json_value()
    assert shared["url"] == _page_url(offer.id, language)
    assert shared["title"] == phone.page.locator("h1").inner_text().strip()
    assert shared["text"] and "\n" not in shared["text"]
    assert not phone.page.locator(".cat-sharing details").evaluate("fold => fold.open"), "the plain links unfolded as well"


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_without_a_share_sheet_the_button_unfolds_plain_links_and_copies_the_link(phone: Tab, language: str) -> None:
    offer = PUBLICATION.offers[0]
    url = _page_url(offer.id, language)
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=phone.server.origin)
    phone.visit(language_path(language, f"offers/{offer.id}/"))
    assert phone.page.evaluate("() => typeof navigator.share") == "undefined", "this Chromium has a share sheet: the test needs one without"

    phone.page.locator(".cat-sharing summary").tap()
    whatsapp = phone.page.locator('.cat-sharing a[href^="https://wa.me/"]')
    assert whatsapp.is_visible() and phone.page.locator('.cat-sharing a[href^="mailto:"]').is_visible()
    assert parse_qs(urlsplit(whatsapp.get_attribute("href") or "").query)["text"][0].endswith(url)

    status = phone.page.locator('.cat-sharing [role="status"]')
    assert status.inner_text() == ""
    phone.page.locator(".cat-sharing__copy button").tap()
    phone.page.wait_for_function("status => status.textContent !== ''", arg=status.element_handle())
    assert status.inner_text() == status.get_attribute("data-done")
    assert phone.page.evaluate("() => navigator.clipboard.readText()") == url
    assert not phone.requests_elsewhere(), phone.requests_elsewhere()


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_without_script_the_share_button_still_unfolds_the_plain_links(phone_without_script: Tab, language: str) -> None:
    phone_without_script.visit(language_path(language, f"offers/{PUBLICATION.offers[0].id}/"))
    page = phone_without_script.page
    page.locator(".cat-sharing summary").tap()
    assert page.locator('.cat-sharing a[href^="https://wa.me/"]').is_visible()
    assert page.locator('.cat-sharing a[href^="mailto:"]').is_visible()
    assert not page.locator(".cat-sharing__copy").is_visible(), "copy-link needs the script"


@pytest.fixture(scope="module")
def printer(chromium: Browser, site_server: SiteServer) -> Iterator[Tab]:
    """A desktop tab that prints: Chromium makes PDFs of what it would print (page.pdf, media print)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    yield Tab.open_in(context, site_server)
    context.close()


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_the_longest_offer_prints_on_one_a4_page_with_contact_german_and_a_qr_code(printer: Tab, built_site: BuiltSite, language: str) -> None:
    offer_id = _offer_with_most_text(built_site, language)
    printer.visit(language_path(language, f"offers/{offer_id}/"))
    document = pypdfium2.PdfDocument(printer.page.pdf(format="A4"))
    try:
        assert len(document) == 1, f"{offer_id} prints on {len(document)} pages in {language}"
        sheet = document[0]
        assert all(abs(side - a4) < 2 for side, a4 in zip(sheet.get_size(), A4_POINTS)), sheet.get_size()
        text = sheet.get_textpage().get_text_range()

        phone, email, website = _contact(offer_id)
        for written_out in (phone, email, website):
            if written_out:
                assert written_out in text, f"{written_out} is not written out on the print-out"
        german_title = PUBLICATION.offer(offer_id).title[DEFAULT]
        if language != DEFAULT:
            assert german_title in text, "the facts in German are missing from the print-out"

        bitmap = sheet.render(scale=RENDER_SCALE, grayscale=True)
        pixels = memoryview(bitmap.buffer).cast("B", shape=[bitmap.height, bitmap.stride])
        codes = [code.text for code in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]
        assert codes == [_page_url(offer_id, language)]
    finally:
        document.close()


def test_a_screen_leaves_out_what_only_print_shows(phone: Tab) -> None:
    phone.visit(language_path("ar", f"offers/{PUBLICATION.offers[0].id}/"))
    assert phone.page.locator(".cat-print").count() == 2
    assert not phone.page.locator(".cat-print").first.is_visible() and not phone.page.locator(".cat-print").last.is_visible()


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
@pytest.mark.parametrize("paper", ["phone", "a4"])
def test_print_preview_screenshot(chromium: Browser, site_server: SiteServer, built_site: BuiltSite, screenshot_dir: Path, language: str, paper: str) -> None:
    """The print-out as Chromium lays it out (media print), for people to look at: on a phone and on A4 paper."""
    viewport = PHONE["viewport"] if paper == "phone" else {"width": 794, "height": 1123}
    context = chromium.new_context(viewport=viewport)
    try:
        tab = Tab.open_in(context, site_server)
        tab.page.emulate_media(media="print")
        tab.visit(language_path(language, f"offers/{_offer_with_most_text(built_site, language)}/"))
        assert not tab.page.locator(".md-header").is_visible() and not tab.page.locator(".cat-sharing").is_visible()
        assert tab.page.locator(".cat-print__qr svg").is_visible()
        path = screenshot_dir / f"print-preview-{language}-{paper}.png"
        assert not (wrong := what_a_person_would_see_wrong(tab.page)), "\n".join(wrong[:15])
        tab.page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
