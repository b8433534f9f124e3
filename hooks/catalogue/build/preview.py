"""Which languages a live preview (`make serve LANGUAGES=de,ar`) builds: fewer languages, a faster rebuild after
each save. A published build always builds every language of the town's settings.
"""

from __future__ import annotations

import os

from catalogue.data.settings import Settings

PREVIEW_ENVIRONMENT = "CATALOGUE_PREVIEW_LANGUAGES"


def preview_languages(settings: Settings) -> tuple[str, ...]:
    """The languages to build, in the settings' order: those named in CATALOGUE_PREVIEW_LANGUAGES (comma-separated
    codes; the default language is always built, since every other one falls back to it), or all when it is unset
    or empty. Raises ValueError naming a code the town does not have."""
    named = [code.strip() for code in os.environ.get(PREVIEW_ENVIRONMENT, "").split(",") if code.strip()]
    if not named:
        return tuple(settings.language_codes)
    unknown = [code for code in named if code not in settings.language_codes]
    if unknown:
        raise ValueError(
            f"{PREVIEW_ENVIRONMENT} (make serve LANGUAGES=…) names {', '.join(unknown)}, which the town does not have: "
            f"use some of {', '.join(settings.language_codes)}"
        )
    return tuple(code for code in settings.language_codes if code in named or code == settings.default_language)
