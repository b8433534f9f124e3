"""The catalogue page as a reader sees it: its filter controls, its count line and the cards left visible."""
from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

SETTLE_TIMEOUT_MS = 10_000

_SETTLED = """() => {
  const form = document.getElementById('cat-filters');
  if (!form || form.hidden || form.dataset.shown !== '1') return false;
  const count = Number(form.dataset.count);
  const visible = Array.from(document.querySelectorAll('li.cat-card')).filter(card => card.checkVisibility()).length;
  if (visible !== Math.min(count, Number(form.dataset.pageSize))) return false;
  const category = new Intl.PluralRules(form.dataset.lang).select(count);
  const wording = form.dataset['results' + category.charAt(0).toUpperCase() + category.slice(1)] || form.dataset.resultsOther;
  const number = new Intl.NumberFormat(form.dataset.lang, {numberingSystem: form.dataset.numbering}).format(count);
  if (document.getElementById('cat-results').textContent.trim() !== wording.replace('{count}', number)) return false;
  const query = new URLSearchParams(location.search);
  return Array.from(form.elements).filter(control => control.name).every(control => {
    const value = control.type === 'checkbox' ? (control.checked ? '1' : '') : control.value.trim();
    return (query.get(control.name) || '') === value;
  });
}"""
"""True once the script has shown the outcome of the current controls: as many cards as it found, up to a page of
them; the count line, in the form the form's data-results-<CLDR plural category> gives for the number and in the
page's digits, names the number found; and the address holds the values of the controls."""

_CONTROL_VALUES = """() => Object.fromEntries(Array.from(document.getElementById('cat-filters').elements)
  .filter(control => control.name)
  .map(control => [control.name, control.type === 'checkbox' ? control.checked : control.value]))"""


_WORDED_NUMBERS = {"zero": 0, "one": 1, "two": 2}
"""CLDR plural categories whose form may say its number in words instead of digits."""


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

    def open_filters(self) -> CatalogueView:
        """Unfolds the filters behind the 'Filter' button, as a reader on a phone taps it; nothing where they are open."""
        if not self.page.locator("#cat-fold").evaluate("details => details.open"):
            self.page.locator("#cat-fold-button").click()
        return self

    def count_line(self) -> str:
        return self.page.locator("#cat-results").inner_text().strip()

    def count(self) -> int:
        """The number the count line tells the reader, in any digits ('عرضان' where a language words it without one)."""
        line = self.count_line()
        form = self.page.locator("#cat-filters")
        for category, number in _WORDED_NUMBERS.items():
            if line == (form.get_attribute(f"data-results-{category}") or "").replace("{count}", str(number)):
                return number
        numbers = re.findall(r"\d+", line)
        assert len(numbers) == 1, f"the count line should hold one number: {line!r}"
        return int(numbers[0])

    def count_digits(self) -> str:
        """The digits of the count line: '0123456789' or '۰۱۲۳۴۵۶۷۸۹' and so on."""
        return "".join(sorted({character for character in self.count_line() if character.isdecimal()}))

    def visible_offer_ids(self) -> frozenset[str]:
        return frozenset(self.page.locator("li.cat-card:visible").evaluate_all("cards => cards.map(card => card.dataset.id)"))

    def all_offer_ids(self) -> frozenset[str]:
        return frozenset(self.page.locator("li.cat-card").evaluate_all("cards => cards.map(card => card.dataset.id)"))

    def control_values(self) -> dict[str, str | bool]:
        return self.page.evaluate(_CONTROL_VALUES)
