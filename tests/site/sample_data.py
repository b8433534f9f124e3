"""The shipped sample catalogue as the site publishes it on the tests' build date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from catalogue.data.loading import load_catalogue
from catalogue.data.model import Offer
from catalogue.data.publication import publish
from catalogue.data.settings import read_settings
from catalogue.language.localise import Localiser

REPO = Path(__file__).resolve().parents[2]
SETTINGS = read_settings(REPO / "mkdocs.yml")
LOADED = load_catalogue(SETTINGS, today=date(2026, 11, 26))
assert LOADED.catalogue is not None, "the sample data must load without errors"
PUBLICATION = publish(LOADED.catalogue, date(2026, 11, 26))
PUBLISHED = PUBLICATION.offers
HIDDEN = tuple(item.offer for item in PUBLICATION.hidden)
DEFAULT = SETTINGS.default_language


def prefix(language: str) -> str:
    return SETTINGS.url_prefix(language)


def translated_in(offer: Offer, language: str) -> bool:
    return language in offer.title


def title_in(offer: Offer, language: str) -> str:
    return Localiser(language, DEFAULT).text(offer.title)
