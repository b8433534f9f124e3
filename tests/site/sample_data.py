"""The tests' own town (tests/fixtures/town/) as the site publishes it on the tests' build date."""
from __future__ import annotations

from datetime import date

from catalogue.data.model import Offer
from catalogue.publication.visibility import publish
from catalogue.language.localise import Localiser

from tests.towns import BUILD_DATE, FIXTURE_CONFIG, FIXTURE_TOWN, loaded_town, town_settings

SETTINGS = town_settings(FIXTURE_TOWN)
TODAY = date.fromisoformat(BUILD_DATE)
LOADED = loaded_town(FIXTURE_CONFIG, TODAY)
assert LOADED.catalogue is not None, "the fixture town's data must load without errors"
PUBLICATION = publish(LOADED.catalogue, TODAY)
PUBLISHED = PUBLICATION.offers
HIDDEN = tuple(item.offer for item in PUBLICATION.hidden)
DEFAULT = SETTINGS.default_language


def prefix(language: str) -> str:
    return SETTINGS.url_prefix(language)


def translated_in(offer: Offer, language: str) -> bool:
    return language in offer.title


def title_in(offer: Offer, language: str) -> str:
    return Localiser.of(SETTINGS, language).text(offer.title)
