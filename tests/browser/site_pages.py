"""The pages of the tests' own town (tests/fixtures/town/) the browser tests visit, named by kind, and where each
lives in every language. The town checks' pages, found in whatever data the town holds, are in town_pages.py."""
from __future__ import annotations

from dataclasses import dataclass

from tests.site.sample_data import SETTINGS
from tests.towns import swept_languages

DEFAULT_LANGUAGE = SETTINGS.default_language
LANGUAGES = swept_languages(SETTINGS)
CHECKED_LANGUAGES = ("de", "ar", "ti")
"""German, a right-to-left language, and a language that falls back (to English, then German) for many texts."""

SAMPLE_OFFER = "deutsch-von-anfang-an"
"""A free German course with Arabic and Ukrainian text, a phone number, an e-mail address and dates."""
SAMPLE_CATEGORY = "early-childhood"
SAMPLE_ACTOR = "vhs-teststadt"
SAMPLE_NEWS = "2018-04-16-auftakt-bildungskoordination"

PAGE_PATHS: dict[str, str] = {
    "home": "",
    "catalogue": "catalogue/",
    "category": f"catalogue/{SAMPLE_CATEGORY}/",
    "offer": f"offers/{SAMPLE_OFFER}/",
    "actors": "actors/",
    "actor": f"actors/{SAMPLE_ACTOR}/",
    "news": "news/",
    "news-item": f"news/{SAMPLE_NEWS}/",
    "about": "about/",
    "impressum": "impressum/",
    "datenschutz": "datenschutz/",
    "barrierefreiheit": "barrierefreiheit/",
    "leichte-sprache": "leichte-sprache/",
    "open-data": "open-data/",
    "figures": "figures/",
    "not-found": "diese-seite-gibt-es-nicht/",
}
"""Paths below a language's root. 'not-found' does not exist: the server answers with the site's 404.html."""

NOT_FOUND = "not-found"


@dataclass(frozen=True)
class SitePage:
    kind: str
    language: str

    @property
    def path(self) -> str:
        return language_path(self.language, PAGE_PATHS[self.kind])

    @property
    def expected_status(self) -> int:
        return 404 if self.kind == NOT_FOUND else 200

    def __str__(self) -> str:
        return f"{self.language}:{self.kind}"


def language_path(language: str, path: str = "") -> str:
    """The site path of `path` in a language: German at the root, every other language in its own folder."""
    return "/" + ("" if language == DEFAULT_LANGUAGE else f"{language}/") + path


def pages(kinds: tuple[str, ...] | None = None, languages: tuple[str, ...] = CHECKED_LANGUAGES) -> list[SitePage]:
    return [SitePage(kind, language) for language in languages for kind in (kinds or tuple(PAGE_PATHS))]


MAIN_KINDS = ("home", "catalogue", "offer")
VISITED_PAGES = pages() + pages(MAIN_KINDS, tuple(code for code in LANGUAGES if code not in CHECKED_LANGUAGES))
"""Every kind of page in the checked languages, and the pages a newcomer sees first in all the others."""
