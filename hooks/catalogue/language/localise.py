"""Choosing the text of a reader's language, falling back to the default language, and saying so."""
from __future__ import annotations

from dataclasses import dataclass

from catalogue.data.model import Texts


@dataclass(frozen=True)
class LocalText:
    text: str
    language: str
    is_fallback: bool


@dataclass(frozen=True)
class Localiser:
    """Picks texts for one reader language; `fallback` is the site's default language."""

    language: str
    fallback: str

    def pick(self, texts: Texts) -> LocalText:
        if self.language in texts:
            return LocalText(texts[self.language], self.language, False)
        if self.fallback in texts:
            return LocalText(texts[self.fallback], self.fallback, True)
        language, text = next(iter(texts.items()), (self.fallback, ""))
        return LocalText(text, language, True)

    def name(self, texts: Texts) -> LocalText:
        """A proper name (a place, a district): the reader's form if there is one, else the German one, with no notice."""
        picked = self.pick(texts)
        return LocalText(picked.text, picked.language, False)

    def text(self, texts: Texts) -> str:
        return self.pick(texts).text
