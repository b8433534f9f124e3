"""A site frame: the surrounding page (header, navigation, footer) rendered once, with slots for each page's parts."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

from .page_renderer import RenderedPage

SLOT_TITLE = "@@cat-title@@"
SLOT_DESCRIPTION = "@@cat-description@@"
SLOT_HEAD = "@@cat-head@@"
SLOT_BODY = "@@cat-body@@"


def slot_url(depth: int) -> str:
    """The stand-in URL a frame is rendered at, for pages `depth` folders below the language's root:
    'cat-slot-a/', 'cat-slot-a/cat-slot-b/', 'cat-slot-a/cat-slot-b/cat-slot-c/' …"""
    return "".join(f"cat-slot-{chr(ord('a') + level)}/" for level in range(depth))


class FrameError(ValueError):
    pass


@dataclass(frozen=True)
class PageFrame:
    html: str
    depth: int

    def __post_init__(self) -> None:
        for slot in (SLOT_BODY, SLOT_TITLE):
            if slot not in self.html:
                raise FrameError(
                    f"the site frame has lost its {slot} slot: the theme's "
                    "main.html no longer shows page content or title"
                )

    def fill(self, page: RenderedPage) -> str:
        if page.depth != self.depth:
            raise FrameError(f"{page.path} is {page.depth} folders deep, this frame is for {self.depth}")
        before, after = self.html.split(SLOT_BODY, 1)
        return _fill_slots(before, page, self.depth) + page.body + _fill_slots(after, page, self.depth)


def _fill_slots(html: str, page: RenderedPage, depth: int) -> str:
    return (
        html.replace(slot_url(depth), page.url)
        .replace(SLOT_TITLE, str(escape(page.title)))
        .replace(SLOT_DESCRIPTION, str(escape(page.description)))
        .replace(SLOT_HEAD, page.head)
    )
