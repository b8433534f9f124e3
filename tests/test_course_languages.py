"""The languages an offer is held in are language codes: the site's own, or one CLDR knows (ISO 639). A country
code such as `ua` would show on the site as "Deutsch, Englisch, ua" and as a filter option."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from catalogue.cli import EXIT_INVALID, EXIT_VALID, main

TREE = Path(__file__).resolve().parent / "data" / "valid" / "tree"


def _check_with_languages(tmp_path: Path, languages: str) -> tuple[int, str]:
    shutil.copytree(TREE, tmp_path, dirs_exist_ok=True)
    offer = tmp_path / "data" / "offers" / "sprachschule-nord" / "deutsch-a1.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("languages: [de, en]", f"languages: {languages}"), encoding="utf-8")
    out = io.StringIO()
    code = main(["check", "--config", str(tmp_path / "mkdocs.yml"), "--today", "2026-11-26", "--lang", "de"], stdout=out)
    return code, out.getvalue()


def test_a_country_code_is_refused_with_the_language_meant(tmp_path: Path) -> None:
    code, out = _check_with_languages(tmp_path, "[de, en, ua]")
    assert code == EXIT_INVALID
    assert "deutsch-a1.yml:24:21: error: `languages` nennt 'ua', das ist kein Sprachkürzel — meinten Sie 'uk'?" in out


@pytest.mark.parametrize("languages", ["[de, prs, ckb]", "[de, uk, ti, so]", "[pt-BR]"])
def test_languages_cldr_knows_pass_even_when_the_site_does_not_speak_them(tmp_path: Path, languages: str) -> None:
    code, out = _check_with_languages(tmp_path, languages)
    assert "kein Sprachkürzel" not in out
    assert code == EXIT_VALID, out
