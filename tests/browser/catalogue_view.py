"""The catalogue page as a reader sees it: its filter controls, its count line and the cards left visible."""
from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

SETTLE_TIMEOUT_MS = 10_000

_SETTLED = """() => {
  const form = document.getElementById('cat-filters');
  if (!form || form.hidden) return false;
  const visible = document.querySelectorAll('li.cat-card:not([hidden])').length;
  const wording = visible === 1 ? form.dataset.resultsOne : form.dataset.resultsOther;
  if (document.getElementById('cat-results').textContent.trim() !== wording.replace('{count}', String(visible))) return false;
  const query = new URLSearchParams(location.search);
  return Array.from(form.elements).filter(control => control.name).every(control => {
    const value = control.type === 'checkbox' ? (control.checked ? '1' : '') : control.value.trim();
    return (query.get(control.name) || '') === value;
  });
}"""
"""True once the script has shown the outcome of the current controls: the count line, worded as the form's
data-results-one / data-results-other say, names as many offers as are visible, and the address holds the values
of the controls."""

_CONTROL_VALUES = """() => Object.fromEntries(Array.from(document.getElementById('cat-filters').elements)
  .filter(control => control.name)
  .map(control => [control.name, control.type === 'checkbox' ? control.checked : control.value]))"""


@dataclass(frozen=True)
class CatalogueView:
    page: Page

    def settled(self) -> CatalogueView:
        self.page.wait_for_function(_SETTLED, timeout=SETTLE_TIMEOUT_MS)
        return self

    @property
    def search_field(self) -> Locator:
        return self.page.locator("#cat-q")

    def search(self, words: str) -> CatalogueView:
        self.search_field.fill("")
        self.search_field.press_sequentially(words)
        return self.settled()

    def count_line(self) -> str:
        return self.page.locator("#cat-results").inner_text().strip()

    def count(self) -> int:
        """The number the count line tells the reader ('one offer' where a language words it without a digit)."""
        line = self.count_line()
        one = (self.page.locator("#cat-filters").get_attribute("data-results-one") or "").replace("{count}", "1")
        if line == one:
            return 1
        numbers = re.findall(r"\d+", line)
        assert len(numbers) == 1, f"the count line should hold one number: {line!r}"
        return int(numbers[0])

    def visible_offer_ids(self) -> frozenset[str]:
        return frozenset(self.page.locator("li.cat-card:visible").evaluate_all("cards => cards.map(card => card.dataset.id)"))

    def all_offer_ids(self) -> frozenset[str]:
        return frozenset(self.page.locator("li.cat-card").evaluate_all("cards => cards.map(card => card.dataset.id)"))

    def control_values(self) -> dict[str, str | bool]:
        return self.page.evaluate(_CONTROL_VALUES)
