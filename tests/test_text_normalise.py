"""Search normalisation: spellings a reader may type match, distinct words stay apart, and the browser's copy
of the rules (catalogue.js) gives exactly the same result as the Python one."""
from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata

import pytest
from catalogue.site.text_normalise import normalise, tokens
from bench.search_corpus import engine_file


SAME = [
    # Arabic and Persian letter forms, as Arabic and Persian keyboards type them
    pytest.param("يكون", "یکون", id="ar-yeh-kaf-vs-fa"),
    pytest.param("كتاب", "کتاب", id="ar-kaf-vs-fa-keheh"),
    pytest.param("مستشفى", "مستشفی", id="alef-maksura"),
    pytest.param("رئيس", "رییس", id="yeh-with-hamza"),
    pytest.param("مسؤول", "مسوول", id="waw-with-hamza"),
    pytest.param("شيء", "شي", id="lone-hamza"),
    pytest.param("أعضاء", "اعضا", id="alef-hamza-and-lone-hamza"),
    pytest.param("أحمد", "احمد", id="alef-hamza-above"),
    pytest.param("إسلام", "اسلام", id="alef-hamza-below"),
    pytest.param("آمن", "امن", id="alef-madda"),
    pytest.param("ٱلكتاب", "الکتاب", id="alef-wasla"),
    pytest.param("مدرسة", "مدرسه", id="teh-marbuta"),
    pytest.param("خانۀ", "خانه", id="fa-heh-with-yeh"),
    pytest.param("مَدْرَسَةٌ", "مدرسة", id="tashkeel"),
    pytest.param("تُتعلَّم", "تتعلم", id="shadda-damma"),
    pytest.param("هٰذا", "هذا", id="superscript-alef"),
    pytest.param("عـــربي", "عربي", id="tatweel"),
    pytest.param("ﻻ ﷲ", "لا الله", id="presentation-forms"),
    pytest.param("٢٠٢٦", "2026", id="arabic-indic-digits"),
    pytest.param("۱۴۰۵", "1405", id="persian-digits"),
    pytest.param("می\u200cخواهم", "می خواهم", id="zwnj-half-space"),
    pytest.param("\u200fالعربية\u200e", "العربية", id="bidi-marks"),
    # Ukrainian and Russian
    pytest.param("ґанок", "ганок", id="uk-ghe-with-upturn"),
    pytest.param("Ґудзик", "гудзик", id="uk-capital-ghe-with-upturn"),
    pytest.param("Ёлка", "елка", id="ru-yo"),
    pytest.param("всё", "все", id="ru-yo-final"),
    pytest.param("КИЇВ", "київ", id="uk-yi-upper"),
    pytest.param("ЙОД", "йод", id="short-i-upper"),
    pytest.param("Є", "є", id="uk-ye-upper"),
    # Turkish
    pytest.param("İstanbul", "istanbul", id="tr-dotted-capital-i"),
    pytest.param("ılık", "ilik", id="tr-dotless-i"),
    pytest.param("IŞIK", "isik", id="tr-capitals"),
    pytest.param("Öğrenci", "ogrenci", id="tr-o-g"),
    pytest.param("Çocuk", "cocuk", id="tr-c-cedilla"),
    pytest.param("Şişli", "sisli", id="tr-s-cedilla"),
    # German
    pytest.param("Straße", "strasse", id="de-eszett"),
    pytest.param("STRASSE", "straße", id="de-capitals"),
    pytest.param("GROẞ", "gross", id="de-capital-eszett"),
    pytest.param("Schüler", "schuler", id="de-umlaut"),
    pytest.param("Über", "uber", id="de-capital-umlaut"),
    pytest.param("Kin\u00adder", "Kinder", id="soft-hyphen"),
    # Other scripts and general rules
    pytest.param("Café", "cafe", id="fr-acute"),
    pytest.param("Cafe\u0301", "café", id="combining-acute"),
    pytest.param("ΟΔΟΣ", "οδος", id="el-final-sigma"),
    pytest.param("ｄｅｕｔｓｃｈ １２", "deutsch 12", id="full-width"),
    pytest.param("Deutsch-Kurs (A1)!", "deutsch kurs a1", id="punctuation"),
    pytest.param("  viel \t\n Platz  ", "viel platz", id="whitespace"),
    pytest.param("ትግርኛ፡ቋንቋ።", "ትግርኛ ቋንቋ", id="ti-wordspace"),
]

DIFFERENT = [
    pytest.param("кит", "кіт", id="uk-i-vs-i"),
    pytest.param("йод", "иод", id="short-i"),
    pytest.param("їжа", "іжа", id="uk-yi-vs-i"),
    pytest.param("єдиний", "единий", id="uk-ye-vs-e"),
    pytest.param("گل", "کل", id="fa-gaf-vs-kaf"),
    pytest.param("پدر", "بدر", id="fa-peh-vs-beh"),
    pytest.param("مدرسة", "مدرست", id="teh-marbuta-vs-teh"),
    pytest.param("عرب", "غرب", id="ain-vs-ghain"),
    pytest.param("Straße", "Strase", id="de-eszett-is-two-s"),
    pytest.param("kurs", "kurse", id="longer-word"),
]

EXPECTED = [
    pytest.param("Straße", "strasse", id="de"),
    pytest.param("İstanbul'da", "istanbul da", id="tr"),
    pytest.param("مدرسة", "مدرسه", id="ar"),
    pytest.param("كتاب‌ها", "کتاب ها", id="fa"),
    pytest.param("Ґанок і їжак", "ганок і їжак", id="uk"),
    pytest.param("Ещё", "еще", id="ru"),
    pytest.param("", "", id="empty"),
    pytest.param("–·…", "", id="only-punctuation"),
]

SWEPT_BLOCKS = [
    (0x0000, 0x052F),  # Latin, IPA, Greek, Cyrillic
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0x1200, 0x139F),  # Ethiopic
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2000, 0x206F),  # General Punctuation
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
]


@pytest.mark.parametrize(("typed", "written"), SAME)
def test_spellings_of_one_word_normalise_alike(typed: str, written: str) -> None:
    assert normalise(typed) == normalise(written)
    assert normalise(typed) != ""


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_words_stay_different(first: str, second: str) -> None:
    assert normalise(first) != normalise(second)


@pytest.mark.parametrize(("text", "expected"), EXPECTED)
def test_normalised_form(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_tokens_are_the_words_in_order() -> None:
    assert tokens("Deutschkurs für Eltern – A1, A1!") == ["deutschkurs", "fur", "eltern", "a1", "a1"]
    assert tokens(" ") == []


def test_normalising_twice_changes_nothing() -> None:
    for text in ("Straße İstanbul", "أَحْمَد مدرسة كتاب‌ها", "Ёлка ґанок", "ΟΔΟΣ"):
        assert normalise(normalise(text)) == normalise(text)


def _swept_characters() -> list[str]:
    """Each assigned character of the blocks the catalogue's languages use, alone, inside a word and in both cases."""
    strings: list[str] = []
    for first, last in SWEPT_BLOCKS:
        for code in range(first, last + 1):
            character = chr(code)
            if unicodedata.category(character) not in ("Cn", "Co", "Cs"):
                strings += [character, f"a{character}b", character.upper() + character]
    return strings


def _case_strings() -> list[str]:
    return [text for case in SAME + DIFFERENT + EXPECTED for text in case.values if isinstance(text, str)]


@pytest.fixture(scope="module")
def browser_normalised() -> dict[str, str]:
    """What the page's own `normalise` (assets/search/folding.js) makes of every string these tests use, run once in Node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    strings = sorted(set(_case_strings() + _swept_characters()))
    script = (
        "const fs = require('fs'), vm = require('vm');"
        "const context = { window: {} };"
        "const engine = vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), context);"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map((text) => engine.normalise(text))));"
    )
    completed = subprocess.run(
        [node, "-e", script, str(engine_file())],
        input=json.dumps(strings).encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return dict(zip(strings, json.loads(completed.stdout)))


@pytest.mark.parametrize("text", sorted(set(_case_strings())))
def test_browser_normalises_like_python(text: str, browser_normalised: dict[str, str]) -> None:
    assert browser_normalised[text] == normalise(text)


def test_browser_normalises_every_character_like_python(browser_normalised: dict[str, str]) -> None:
    differing = {
        f"U+{ord(text[0]):04X} {text!r}": (normalise(text), browser)
        for text, browser in browser_normalised.items()
        if browser != normalise(text)
    }
    assert not differing, f"Python and catalogue.js differ on {len(differing)} strings, e.g. {dict(list(differing.items())[:5])}"
    assert len(browser_normalised) > 6000  # the sweep ran
