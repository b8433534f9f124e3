"""Links that pass an offer on without any script: a WhatsApp message and an e-mail, both written by the reader.

Both are plain links the reader follows; the page itself asks no other server for anything. The WhatsApp link is the
"click to chat" form without a number (https://wa.me/?text=…, WhatsApp's own documentation), which lets the reader
choose the chat. The e-mail link is a mailto URI with subject and body and no address (RFC 6068, section 2: the
"to" part may be empty; every character outside the unreserved set is percent-encoded as UTF-8, line breaks as
%0D%0A).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

WHATSAPP_SEND = "https://wa.me/"


@dataclass(frozen=True)
class ShareLinks:
    title: str
    line: str
    url: str

    @property
    def message(self) -> str:
        """The text a reader sends: the offer's title, one line about it and its address, one per line."""
        return "\n".join(part for part in (self.title, self.line, self.url) if part)

    @property
    def whatsapp(self) -> str:
        return WHATSAPP_SEND + "?text=" + quote(self.message, safe="")

    @property
    def email(self) -> str:
        body = "\r\n".join(part for part in (self.line, self.url) if part)
        return "mailto:?subject=" + quote(self.title, safe="") + "&body=" + quote(body, safe="")


def share_links(title: str, line: str, url: str) -> ShareLinks:
    """title and line: plain text in the language being read (no markup); url: the absolute address of the page
    in that language. Runs of whitespace in title and line become one space, so the message keeps its three lines."""
    return ShareLinks(" ".join(title.split()), " ".join(line.split()), url)
