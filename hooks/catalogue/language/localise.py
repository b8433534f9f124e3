"""Choosing the text of a reader's language, falling back along the language's chain, and saying so."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.data.model import Texts
from catalogue.data.settings import Settings


@dataclass(frozen=True)
class LocalText:
    text: str
    language: str
    is_fallback: bool


@dataclass(frozen=True)
class Localiser:
    """Picks texts for one reader language: its own, else the first of `chain` that has one (the town's
    `extra.catalogue.fallbacks`, e.g. ('en',) for Tigrinya), else `fallback`, the site's default language."""

    language: str
    fallback: str
    chain: tuple[str, ...] = ()

    @classmethod
    def of(cls, settings: Settings, language: str) -> Localiser:
        """The localiser of a reader language with the town's fallback chain for it."""
        default = settings.default_language
        return cls(language, default, tuple(code for code in settings.fallback_chain(language) if code != default))

    def pick(self, texts: Texts) -> LocalText:
        if self.language in texts:
            return LocalText(texts[self.language], self.language, False)
        for language in (*self.chain, self.fallback):
            if language in texts:
                return LocalText(texts[language], language, True)
        language, text = next(iter(texts.items()), (self.fallback, ""))
        return LocalText(text, language, True)

    def name(self, texts: Texts) -> LocalText:
        """A proper name (a place, a district): the reader's form if there is one, else the chain's, with no notice."""
        picked = self.pick(texts)
        return LocalText(picked.text, picked.language, False)

    def text(self, texts: Texts) -> str:
        return self.pick(texts).text
