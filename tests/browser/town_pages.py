"""The pages of the town under test (the repository's data/, or $CATALOGUE_TOWN) that the town checks visit: every
kind of page in every language the town configures, with the offer, actor, category and news item found in the
town's own data rather than named."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import publish

from tests.towns import REPO, town_settings, town_under_test

TOWN = town_under_test()
SETTINGS = town_settings(TOWN)
TODAY = date.today()
"""The town's site is built and checked on the real day, as its CI builds it."""


def _page_paths() -> dict[str, str]:
    paths = {"home": "", "catalogue": "catalogue/", "actors": "actors/", "news": "news/"}
    loaded = load_catalogue(SETTINGS, today=TODAY)
    if loaded.catalogue is not None:
        publication = publish(loaded.catalogue, TODAY)
        offers = sorted(publication.offers, key=lambda offer: offer.id)
        if offers:
            paths["offer"] = f"offers/{offers[0].id}/"
            paths["actor"] = f"actors/{offers[0].actor}/"
            used = {category for offer in offers for category in offer.categories}
            category = next(term.id for term in loaded.catalogue.taxonomy.categories if term.id in used)
            paths["category"] = f"catalogue/{category}/"
        if loaded.catalogue.news:
            paths["news-item"] = f"news/{loaded.catalogue.news[0].id}/"
    docs_dir = TOWN / "content" if (TOWN / "content").is_dir() else REPO / "content"
    for page in sorted(docs_dir.glob("*.md")):
        if page.stem != "index" and "." not in page.stem:
            paths[page.stem] = f"{page.stem}/"
    paths["open-data"] = "open-data/"
    paths["not-found"] = "diese-seite-gibt-es-nicht/"
    return paths


PAGE_PATHS = _page_paths()
"""Paths below a language's root. 'not-found' does not exist: the server answers with the site's 404.html."""


@dataclass(frozen=True)
class TownPage:
    kind: str
    language: str

    @property
    def path(self) -> str:
        return "/" + SETTINGS.url_prefix(self.language) + PAGE_PATHS[self.kind]

    @property
    def expected_status(self) -> int:
        return 404 if self.kind == "not-found" else 200

    def __str__(self) -> str:
        return f"{self.language}:{self.kind}"


TOWN_PAGES = [TownPage(kind, language) for language in SETTINGS.language_codes for kind in PAGE_PATHS]
"""Every kind of page in every language the town configures."""
