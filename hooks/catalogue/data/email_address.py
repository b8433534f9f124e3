"""E-mail addresses checked by email-validator (RFC 5322 addresses with RFC 6531/6532 internationalisation, IDNA
2008 domains), without asking the DNS: a build must not depend on the network, and a test address need not exist."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from email_validator import EmailNotValidError, validate_email


@lru_cache(maxsize=4096)
def is_email_address(address: str) -> bool:
    """True for an address a mail client can send to: `Info@VHS-Nord.Example.ORG`, `info@hilfe.example.рф`."""
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@lru_cache(maxsize=4096)
def mailto_href(address: str) -> str:
    """A mailto: URI (RFC 6068) for a valid address: the domain in its ASCII form (IDNA A-labels), the local part as
    written, percent-encoded where it is not ASCII. `kurse@bürgerstiftung.example` ->
    `mailto:kurse@xn--brgerstiftung-…`."""
    checked = validate_email(address, check_deliverability=False)
    local = address.rpartition("@")[0]
    return "mailto:" + quote(local, safe="!$'*+-.^_`{|}~&=") + "@" + checked.ascii_domain
