"""Moving through a page with the Tab key, as someone without a mouse or touch screen does."""
from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

TAB_LIMIT = 80
"""More Tab presses than any page needs to reach the end of the catalogue's filters."""

_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    key: element.id || element.getAttribute('name') || element.getAttribute('type') || element.tagName.toLowerCase(),
    inFilters: Boolean(element.closest('#cat-filters')),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
  };
}"""


@dataclass(frozen=True)
class FocusStop:
    key: str
    in_filters: bool
    outline_style: str
    outline_width: float
    box_shadow: str

    @property
    def focus_visible(self) -> bool:
        return (self.outline_style != "none" and self.outline_width > 0) or self.box_shadow not in ("", "none")


def focused(page: Page) -> FocusStop | None:
    found = page.evaluate(_FOCUSED)
    if found is None:
        return None
    return FocusStop(found["key"], found["inFilters"], found["outlineStyle"], found["outlineWidth"], found["boxShadow"])


def tab_through_filters(page: Page) -> list[FocusStop]:
    """Every stop of the Tab key inside the filter form, in order, from the top of the page until focus leaves it."""
    stops: list[FocusStop] = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is not None and stop.in_filters:
            stops.append(stop)
        elif stops:
            return stops
    return stops


def tab_to(page: Page, control_id: str) -> None:
    """Press Tab until the control has focus."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is not None and stop.key == control_id:
            return
    raise AssertionError(f"#{control_id} was not reached with {TAB_LIMIT} presses of Tab")


def focus_is_in(page: Page, selector: str) -> bool:
    return page.evaluate("selector => Boolean(document.activeElement && document.activeElement.closest(selector))", selector)
