"""A fallback chain per language (`extra.catalogue.fallbacks` in mkdocs.yml): how it is read and checked, and how
texts and interface words follow it."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from catalogue.cli import EXIT_USAGE, main
from catalogue.data.settings import SettingsError, settings_from_config
from catalogue.language.localise import Localiser
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.content_fallback import content_fallback_source

from tests.towns import FIXTURE_CONFIG

CODES = ("de", "en", "ar", "fa", "ps", "ti")


def settings(fallbacks: object = None):
    catalogue = {} if fallbacks is None else {"fallbacks": fallbacks}
    languages = [{"locale": code, "default": code == "de"} for code in CODES]
    return settings_from_config({"plugins": [{"i18n": {"languages": languages}}], "extra": {"catalogue": catalogue}}, Path("."))


def test_without_a_chain_every_language_falls_back_to_the_default_language() -> None:
    town = settings()
    assert [town.fallback_chain(code) for code in CODES] == [(), ("de",), ("de",), ("de",), ("de",), ("de",)]


def test_a_chain_is_read_in_order_and_ends_with_the_default_language() -> None:
    town = settings({"ps": ["fa", "en"], "ti": ["en", "de"]})
    assert town.fallback_chain("ps") == ("fa", "en", "de")
    assert town.fallback_chain("ti") == ("en", "de")
    assert town.fallback_chain("ar") == ("de",)


def test_a_chain_does_not_continue_with_the_chains_of_the_languages_it_names() -> None:
    town = settings({"ps": ["fa"], "fa": ["en"]})
    assert town.fallback_chain("ps") == ("fa", "de")


@pytest.mark.parametrize(
    ("fallbacks", "words"),
    [
        ({"xx": ["en"]}, ["'xx' is not one of the site's languages", "de, en, ar, fa, ps, ti"]),
        ({"ti": ["en", "am"]}, ["names 'am'", "not one of the site's languages"]),
        ({"ti": ["ti", "en"]}, ["cycle", "cannot fall back to itself"]),
        ({"ti": ["en", "en"]}, ["names a language twice"]),
        ({"ti": ["de", "en"]}, ["after 'de', the default language", "put 'de' last"]),
        ({"de": ["en"]}, ["'de' is the default language"]),
        ({"ti": {"en": 1}}, ["must be given a list of language codes", "ti: [en, de]"]),
        (["ti", "en"], ["must map a language to a list"]),
    ],
)
def test_a_chain_that_cannot_work_is_refused_naming_the_setting_and_the_fix(fallbacks: object, words: list[str]) -> None:
    with pytest.raises(SettingsError) as raised:
        settings(fallbacks)
    message = str(raised.value)
    assert message.startswith("extra.catalogue.fallbacks in mkdocs.yml")
    for word in words:
        assert word in message


@pytest.mark.parametrize(
    ("texts", "shown"),
    [
        ({"de": "Kita", "en": "Daycare", "fa": "مهدکودک", "ps": "وړکتون"}, ("ps", False)),
        ({"de": "Kita", "en": "Daycare", "fa": "مهدکودک"}, ("fa", True)),
        ({"de": "Kita", "en": "Daycare"}, ("en", True)),
        ({"de": "Kita"}, ("de", True)),
    ],
)
def test_a_text_falls_back_along_the_chain(texts: dict[str, str], shown: tuple[str, bool]) -> None:
    picked = Localiser.of(settings({"ps": ["fa", "en"]}), "ps").pick(texts)
    assert (picked.language, picked.is_fallback) == shown
    assert picked.text == texts[shown[0]]


def reader(labels: dict[str, dict[str, str]]) -> ReaderLanguage:
    town = settings({"ti": ["en"]})
    return ReaderLanguage(town, "ti", labels=labels.get("ti", {}), fallback_labels=labels["de"],
                          chain_labels={code: labels.get(code, {}) for code in town.fallback_chain("ti")})


def test_interface_words_follow_the_chain_and_keep_their_plural_forms() -> None:
    words = reader({
        "ti": {"nav.home": "መበገሲ"},
        "en": {"nav.news": "News", "catalogue.count.one": "{count} offer", "catalogue.count.other": "{count} offers"},
        "de": {"nav.news": "Neuigkeiten", "nav.actors": "Anbieter", "catalogue.count.other": "{count} Angebote"},
    })
    assert (words.t("nav.home"), words.t("nav.news"), words.t("nav.actors")) == ("መበገሲ", "News", "Anbieter")
    assert (words.count("catalogue.count", 1), words.count("catalogue.count", 5)) == ("1 offer", "5 offers")


def test_a_notice_names_the_language_shown_unless_it_is_the_default_one() -> None:
    words = reader({
        "ti": {"fallback.notice": "NOTICE IN GERMAN", "fallback.notice_in": "NOTICE IN {language}"},
        "de": {},
    })
    assert words.fallback_note("fallback.notice", ["de"]) == "NOTICE IN GERMAN"
    assert words.fallback_note("fallback.notice", ["en"]) == "NOTICE IN እንግሊዝኛ"
    assert words.fallback_note("fallback.notice", ["de", "en"]) == "NOTICE IN እንግሊዝኛን ጀርመንኛን"


def test_a_fallback_text_is_marked_with_the_language_and_direction_shown() -> None:
    words = ReaderLanguage(settings({"ps": ["fa"]}), "ps", labels={})
    assert words.text({"de": "Kita", "fa": "مهدکودک"}) == '<span class="cat-fallback" lang="fa" dir="rtl">مهدکودک</span>'
    assert words.fallbacks.languages == {"fa"}


def test_a_content_page_comes_from_the_first_language_of_the_chain_that_has_it(tmp_path: Path) -> None:
    for name in ("about.md", "about.en.md", "legal.md"):
        (tmp_path / name).write_text("# page\n", encoding="utf-8")
    assert content_fallback_source(tmp_path, "about.md", ("fa", "en")) == (tmp_path / "about.en.md", "en")
    assert content_fallback_source(tmp_path, "legal.md", ("fa", "en")) is None
    assert content_fallback_source(tmp_path, "about.md", ()) is None


def test_make_check_names_a_broken_chain_in_one_line(tmp_path: Path) -> None:
    config = yaml.safe_load(FIXTURE_CONFIG.read_text(encoding="utf-8"))
    config["extra"]["catalogue"]["fallbacks"] = {"ti": ["ti", "en"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(["check", "--config", str(tmp_path / "mkdocs.yml")], stdout=stdout, stderr=stderr) == EXIT_USAGE
    assert "extra.catalogue.fallbacks in mkdocs.yml: 'ti: [ti, en]' is a cycle" in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue() and stdout.getvalue() == ""
