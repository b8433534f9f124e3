"""E-mail addresses as actors write them, checked by email-validator without the DNS, and the mailto: links made of
them (RFC 6068: the domain in IDNA A-labels, the rest percent-encoded)."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from catalogue.data.email_address import is_email_address, mailto_href

VALID = [
    "kurse@vhs-neustadt.example.org",
    "Info@VHS-Neustadt.DE",
    "info@hilfe.example.рф",
    "info@hilfe.example.xn--p1ai",
    "anmeldung@bürgerstiftung-neustadt.de",
    "jörg.müller@example.org",
    "o'brien+kurse@example.org",
]
INVALID = [
    "info@vhs",
    "kurse @vhs.example.org",
    "kurse@@vhs.example.org",
    "mailto:kurse@vhs.example.org",
    "kurse@vhs.example.org.",
    "kurse.@vhs.example.org",
    "kurse@-vhs.example.org",
    "kurse@vhs..example.org",
    "Kurse bei der VHS",
    "",
]


@pytest.mark.parametrize("address", VALID)
def test_real_addresses_pass(address: str) -> None:
    assert is_email_address(address)


@pytest.mark.parametrize("address", INVALID)
def test_broken_addresses_are_refused(address: str) -> None:
    assert not is_email_address(address)


@pytest.mark.parametrize("address", VALID)
def test_mailto_links_are_ascii_and_lead_to_the_written_address(address: str) -> None:
    href = mailto_href(address)
    assert href.isascii()
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and not parts.query and not parts.fragment
    local, _, domain = parts.path.rpartition("@")
    assert unquote(local) == address.rpartition("@")[0]
    assert domain.encode("ascii").decode("idna").lower() == address.rpartition("@")[2].lower().replace("xn--p1ai", "рф")
