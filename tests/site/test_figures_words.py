"""The council's figures page speaks every reader's language: each `figures.*` word of the German labels file is in
every language the product ships, with its {placeholders}, and a language whose figures words no native reader has
checked says so in its file."""
from __future__ import annotations

import re

import pytest

from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.strict_yaml import read_yaml_file

LABELS = DEFAULTS_DIR / "labels"
LANGUAGES = sorted(path.stem for path in LABELS.glob("*.yml") if path.stem != "de")
REVIEW_NOTE = re.compile(r"^\s*# figures\.\*.*not yet reviewed by a native reader", re.MULTILINE)


def site_words(language: str) -> dict[str, str]:
    parsed = read_yaml_file(LABELS / f"{language}.yml", f"{language}.yml")
    assert parsed.document is not None, parsed.problems
    return dict(parsed.document.data["site"])


GERMAN = {key: text for key, text in site_words("de").items() if key.startswith("figures.")}


def test_the_languages_are_the_products_eleven() -> None:
    assert len(LANGUAGES) == 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figures_word_is_in_the_language_with_its_placeholders(language: str) -> None:
    words = site_words(language)
    lacking = sorted(set(GERMAN) - set(words))
    assert not lacking, f"{language}.yml lacks {lacking}"
    for key, german in GERMAN.items():
        assert set(re.findall(r"\{\w+\}", words[key])) == set(re.findall(r"\{\w+\}", german)), (language, key)
        assert words[key].strip() and (language == "en" or words[key] != german), (language, key)


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_figures_words_a_native_reader_has_not_checked_are_marked_for_review(language: str) -> None:
    text = (LABELS / f"{language}.yml").read_text(encoding="utf-8")
    assert REVIEW_NOTE.search(text), f"{language}.yml: say above its figures.* words that they await a native reader"
