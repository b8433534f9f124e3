"""The per-language sweeps run in every language, or (on pull requests) in four that stand for the others."""
from __future__ import annotations

import pytest

from catalogue.language.reader_language import direction_of
from catalogue.site.material_language import material_has_language

from tests.towns import REPO, SWEEP_VARIABLE, representative_languages, swept_languages, town_settings

SETTINGS = town_settings(REPO)


def test_the_representative_languages_cover_each_kind_of_language_once() -> None:
    chosen = representative_languages(SETTINGS)
    assert chosen[0] == SETTINGS.default_language and len(chosen) == 4
    others = chosen[1:]
    assert any(direction_of(code) == "rtl" for code in others)
    assert any(len(SETTINGS.fallback_chain(code)) > 1 for code in others)
    assert any(not material_has_language(code) for code in others)


@pytest.mark.parametrize(("given", "expected"), [("", None), ("all", None), ("de,ps", ("de", "ps"))])
def test_the_sweep_variable_names_the_languages(monkeypatch: pytest.MonkeyPatch, given: str, expected: tuple[str, ...] | None) -> None:
    monkeypatch.setenv(SWEEP_VARIABLE, given)
    assert swept_languages(SETTINGS) == (expected or SETTINGS.language_codes)


def test_a_language_the_town_lacks_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWEEP_VARIABLE, "de,xx")
    with pytest.raises(ValueError, match="no language xx"):
        swept_languages(SETTINGS)


def test_pull_requests_sweep_representative_languages_and_nights_all() -> None:
    workflow = (REPO / ".github/workflows/check.yml").read_text(encoding="utf-8")
    assert f"{SWEEP_VARIABLE}: ${{{{ github.event_name == 'schedule' && 'all' || 'representative' }}}}" in workflow
    assert "schedule:" in workflow
