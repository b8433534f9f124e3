"""Passing an offer on: the share links each offer page carries, and what its print-out holds for the counter."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import segno
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from catalogue.data.model import Offer
from catalogue.language.localise import Localiser
from catalogue.site.qr_code import qr_svg
from catalogue.site.share_links import share_links

from .conftest import LANGUAGES, BuiltSite
from .sample_data import DEFAULT, PUBLISHED, SETTINGS, prefix


def _offer_page(site: BuiltSite, offer_id: str, language: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(f"{prefix(language)}offers/{offer_id}/index.html"), "html.parser")


def _page_url(offer_id: str, language: str) -> str:
    return f"{SETTINGS.site_url}{prefix(language)}offers/{offer_id}/"


def _mailto_fields(href: str) -> dict[str, str]:
    """Subject and body of a mailto URI without addresses (RFC 6068: percent-encoded UTF-8, %0D%0A between lines)."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "", href
    return {name: unquote(value) for name, value in (field.split("=", 1) for field in parts.query.split("&"))}


_LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80).filter(str.strip)


@given(title=_LINE_TEXT, line=_LINE_TEXT)
def test_the_share_links_carry_title_line_and_address_unchanged(title: str, line: str) -> None:
    url = "https://bildung.example.org/ar/offers/kurs-a/?x=1&y=2#z"
    links = share_links(title, line, url)
    flat_title, flat_line = " ".join(title.split()), " ".join(line.split())

    whatsapp = urlsplit(links.whatsapp)
    assert (whatsapp.scheme, whatsapp.netloc, whatsapp.path) == ("https", "wa.me", "/")
    assert parse_qs(whatsapp.query, keep_blank_values=True) == {"text": [f"{flat_title}\n{flat_line}\n{url}"]}
    assert _mailto_fields(links.email) == {"subject": flat_title, "body": f"{flat_line}\r\n{url}"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_an_offer_page_shares_itself_in_the_language_being_read(sample_site: BuiltSite, offer: Offer, language: str) -> None:
    page = _offer_page(sample_site, offer.id, language)
    url = _page_url(offer.id, language)
    title = Localiser.of(SETTINGS, language).pick(offer.title).text
    sharing = page.select_one(".cat-sharing")
    assert sharing is not None and sharing["data-url"] == url and sharing["data-title"] == " ".join(title.split())

    whatsapp = sharing.select_one('a[href^="https://wa.me/"]')
    email = sharing.select_one('a[href^="mailto:"]')
    assert whatsapp is not None and email is not None
    text = parse_qs(urlsplit(str(whatsapp["href"])).query)["text"][0]
    assert text.splitlines()[0] == " ".join(title.split()) and text.endswith("\n" + url)
    assert _mailto_fields(str(email["href"]))["body"].endswith(url)
    copy = sharing.select_one(".cat-sharing__copy")
    assert copy is not None and copy.has_attr("hidden"), "copy-link needs the script; without it the item stays hidden"
    assert copy.select_one('[role="status"]') is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_block_in_german_is_there_only_for_other_languages(sample_site: BuiltSite, language: str) -> None:
    offer = PUBLISHED[0]
    page = _offer_page(sample_site, offer.id, language)
    german = page.select_one(".cat-print__german")
    if language == DEFAULT:
        assert german is None
        return
    assert german is not None and german["lang"] == DEFAULT and german["dir"] == "ltr"
    assert offer.title[DEFAULT] in german.get_text()
    assert offer.summary[DEFAULT] in german.get_text()


@pytest.mark.parametrize("url", [
    "https://bildung.neustadt.example.org/offers/a/",
    "https://bildung.neustadt.example.org/ti/offers/kita-servicestelle-anmeldung-und-beratung-fuer-familien-mit-kleinen-kindern/",
])
def test_the_qr_svg_draws_exactly_the_codes_dark_modules(url: str) -> None:
    """Reads the path back module by module and compares it with segno's matrix of the same code (ISO/IEC 18004)."""
    svg = str(qr_svg(url))
    code = segno.make_qr(url, error="m", mask=4, boost_error=False)
    size = code.symbol_size(border=4)[0]
    assert f'viewBox="0 0 {size} {size}"' in svg
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg)
    assert path is not None
    drawn: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = int(float(first))
            drawn.update((int(x) + step, int(y)) for step in range(length))
            x += length
    dark = {(column + 4, row + 4) for row, modules in enumerate(code.matrix) for column, module in enumerate(modules) if module}
    assert drawn == dark
