"""`make serve LANGUAGES=…` builds only the languages asked for, the default language always among them."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.build.preview import PREVIEW_ENVIRONMENT, preview_languages
from catalogue.data.settings import read_settings

SETTINGS = read_settings(Path(__file__).resolve().parent / "fixtures" / "town" / "mkdocs.yml")


@pytest.mark.parametrize("named, built", [
    ("", SETTINGS.language_codes),
    ("ar", (SETTINGS.default_language, "ar")),
    (" uk , ar ", (SETTINGS.default_language, "ar", "uk")),
    (SETTINGS.default_language, (SETTINGS.default_language,)),
])
def test_the_preview_builds_the_languages_named_in_the_settings_order(monkeypatch: pytest.MonkeyPatch, named: str, built: tuple[str, ...]) -> None:
    monkeypatch.setenv(PREVIEW_ENVIRONMENT, named)
    assert preview_languages(SETTINGS) == tuple(code for code in SETTINGS.language_codes if code in built)


def test_a_language_the_town_lacks_is_refused_with_the_ones_it_has(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PREVIEW_ENVIRONMENT, "ar,xx")
    with pytest.raises(ValueError, match=r"names xx, .*use some of " + ", ".join(SETTINGS.language_codes)):
        preview_languages(SETTINGS)
