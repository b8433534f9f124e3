"""The body of the site's one 404 page, in every language at once.

A static host answers every missing address with the same /404.html, whatever language folder the address was in.
So the page holds each language's few words, each marked with its language and direction: the default language
(with English beside it) shows without script, and `assets/catalogue/not-found.js` shows the language the missing
address's first folder names instead. No inline script: the Content Security Policy allows none.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from markupsafe import Markup

from catalogue.language.reader_language import ReaderLanguage, direction_of

from .page_renderer import template_environment

SCRIPT = "assets/catalogue/not-found.js"
SECOND_LANGUAGE = "en"
"""Shown beside the default language where the address names no other language of the site (and without script)."""


def site_base_path(site_url: str) -> str:
    """The path the site lives under, e.g. '/' or '/bildungskatalog/' (GitHub Pages project sites)."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def not_found_body(readers: Sequence[ReaderLanguage]) -> Markup:
    """Every language's section of the 404 page, one reader per language of the site.

    Each section links to its language's home page and catalogue (absolute paths below the site's base path,
    since the page answers at any depth) and gives the office's phone number."""
    default = next(reader for reader in readers if reader.code == reader.settings.default_language)
    shown = [default, *(reader for reader in readers if reader.code == SECOND_LANGUAGE != default.code)]
    others = [reader for reader in readers if reader.code != default.code]
    return Markup(
        template_environment()
        .get_template("not_found.html")
        .render(
            base=site_base_path(default.settings.site_url),
            shown=shown,
            others=others,
            settings=default.settings,
            direction_of=direction_of,
        )
    )
