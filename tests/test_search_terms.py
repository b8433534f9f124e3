"""Search terms: each language's words cut to the stems a reader's other forms share, and the browser's copy of
the rules (catalogue.js with the generated Snowball stemmers) giving exactly the terms the index was built with."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from catalogue.site.search_terms import SNOWBALL_ALGORITHMS, analyser, query_terms, words
from catalogue.site.stemmer_script import stemmer_script
from bench.search_corpus import engine_file

HERE = Path(__file__).resolve().parent
FIXTURE = yaml.safe_load((HERE / "search" / "catalogue.yml").read_text(encoding="utf-8"))

EXTRA = {
    "ar": "والمدرسة فالمدرسة بالمدرسة للأطفال المدرسه الروضه وظيفة والدين كتابهم مُعلّمون ٢٠٢٦ ﻻ اللغة لغة ألماني الماني إسلام آخر شيء كالبيت",
    "fa": "کلاس‌های کلاسهای کلاس های می‌خواهم كتاب‌ها هاي خانۀ مهدکودک ۱۴۰۵",
    "de": "Integrationskurs Sprachkurse Kurse Kurs Kindertagesstätte Straße GROẞ Schüler Kin\u00adder",
    "uk": "німецька німецької німецькій курси курсів навчатися дитячий садочок ґанок Київ",
    "ru": "немецкий немецкого курсы курсов детский садик ёлка",
    "tr": "İstanbul'da kursları çocuklar ılık IŞIK anaokulu Kitası ailesi süresi kursu",
    "en": "classes running children's kindergarten",
    "ti": "ትግርኛ፡ቋንቋ። ትምህርቲ",
    "ps": "وړاندیزونه ښوونځی ګډون کړئ د الماني‌ ژبې کورس ۲۰۲۶ ۱۸ کلنۍ ڼ ې ۍ",
    "ku": "Pêşniyarên perwerdeyê KURSA ÎNGILÎZÎ şêwirdarî Neustadtê zarokên çûn kreşê penaberan kreşekê pîrbûn",
    "so": "Fursadaha waxbarasho da'da su'aal Jarmalka XANAANADA carruurta",
}

SAME_TERMS = [
    pytest.param("fa", "کلاس‌های", "کلاسهای", id="fa-zwnj-vs-joined"),
    pytest.param("fa", "کلاس‌های", "کلاس های", id="fa-zwnj-vs-space"),
    pytest.param("ar", "المدرسة", "مدرسة", id="ar-article"),
    pytest.param("ar", "بالمدرسة", "مدرسة", id="ar-bi-al"),
    pytest.param("ar", "لغة", "اللغة", id="ar-short-word-with-article"),
    pytest.param("ar", "ألماني", "الماني", id="ar-hamza-alef-that-looks-like-the-article"),
    pytest.param("ar", "ألمانيا", "المانيا", id="ar-hamza-alef-germany"),
    pytest.param("ar", "إعادة", "اعاده", id="ar-hamza-below-and-heh"),
    pytest.param("ar", "شيء", "شي", id="ar-lone-hamza-left-out"),
    pytest.param("uk", "німецька", "німецької", id="uk-adjective-cases"),
    pytest.param("uk", "курси", "курсів", id="uk-noun-cases"),
    pytest.param("ru", "курсы", "курсов", id="ru-noun-cases"),
    pytest.param("tr", "kursları", "kurs", id="tr-plural-possessive"),
    pytest.param("de", "Kurse", "Kursen", id="de-plural"),
    pytest.param("en", "classes", "class", id="en-plural"),
    pytest.param("ku", "kreşê", "kreş", id="ku-ezafe"),
    pytest.param("ku", "kreşa", "kreşên", id="ku-ezafe-feminine-and-plural"),
    pytest.param("ku", "penaberan", "penaber", id="ku-oblique-plural"),
    pytest.param("tr", "Kitası", "Kita", id="tr-possessive-after-a-vowel"),
    pytest.param("tr", "ailesi", "aile", id="tr-possessive-si"),
]


def texts(language: str) -> list[str]:
    spec = FIXTURE.get(language, {"offers": {}, "queries": []})
    found = [EXTRA[language]]
    for offer in spec["offers"].values():
        found += [str(value) for value in offer.values()]
    found += [case["q"] for case in spec["queries"]]
    found += [member for group in spec.get("synonyms", ()) for member in group]
    return found


@pytest.mark.parametrize(("language", "first", "second"), SAME_TERMS)
def test_forms_of_one_word_share_a_term(language: str, first: str, second: str) -> None:
    assert set(query_terms(first, language)[0]) & set(query_terms(second, language)[0])


def test_a_persian_plural_ending_is_no_word_of_its_own() -> None:
    assert analyser("fa").terms("کلاس های زبان") == analyser("fa").terms("کلاس‌های زبان")
    assert len(analyser("fa").terms("کلاس های زبان")) == 2


def test_arabic_conjunction_before_the_article_also_gives_the_word() -> None:
    assert query_terms("مدرسة", "ar")[0][0] in query_terms("والمدرسة", "ar")[0]
    assert "وظیفه" in query_terms("وظيفة", "ar")[0] and "ظیفه" not in query_terms("وظيفة", "ar")[0]  # و that begins the word stays


def test_an_arabic_query_word_with_a_hamza_alef_gives_no_stem_of_the_article() -> None:
    """Snowball cuts "ألماني" (German) to "الم", which begins half the catalogue's words: a query's second stemming
    reads the word with the bare alef, as the index does, so "ألماني" asks for what "الماني" asks for."""
    assert query_terms("ألماني", "ar") == query_terms("الماني", "ar")
    assert "الم" not in query_terms("ألماني", "ar")[0]


def test_words_keep_the_half_space_and_drop_other_format_characters() -> None:
    assert words("می\u200cخواهم \u200fKin\u00adder\u200e") == ["می\u200cخواهم", "kinder"]


@pytest.fixture(scope="module")
def browser_terms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[list[list[str]]]]]:
    """language -> text -> [index terms, query terms] as the page's script makes them, run once per language in Node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    script = (
        "const fs = require('fs'), vm = require('vm');"
        "const [catalogue, language, stemmer] = process.argv.slice(1);"
        "const context = { window: {} }; vm.createContext(context);"
        "if (stemmer) vm.runInContext(fs.readFileSync(stemmer, 'utf8'), context);"
        "const engine = vm.runInContext(fs.readFileSync(catalogue, 'utf8'), context);"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "const terms = engine.terms;"
        "process.stdout.write(JSON.stringify(input.map(text => [terms(text, language, false), terms(text, language, true)])));"
    )
    found = {}
    for language in EXTRA:
        strings = sorted(set(texts(language)))
        arguments = [node, "-e", script, str(engine_file()), language]
        stemmer = stemmer_script(language)
        if stemmer is not None:
            path = tmp_path_factory.mktemp("stemmers") / f"{language}.js"
            path.write_bytes(stemmer)
            arguments.append(str(path))
        completed = subprocess.run(arguments, input=json.dumps(strings).encode("utf-8"), capture_output=True, check=True, timeout=60)
        found[language] = dict(zip(strings, json.loads(completed.stdout)))
    return found


@pytest.mark.parametrize("language", sorted(EXTRA))
def test_browser_makes_the_same_terms_as_the_index(language: str, browser_terms: dict[str, dict[str, list[list[list[str]]]]]) -> None:
    words_seen = 0
    for text, (index_terms, query_side) in browser_terms[language].items():
        assert index_terms == analyser(language).terms(text), text
        assert query_side == query_terms(text, language), text
        words_seen += len(index_terms)
    assert words_seen >= len(EXTRA[language].split())


def test_snowball_covers_the_languages_it_should() -> None:
    assert set(SNOWBALL_ALGORITHMS) == {"ar", "ru", "tr"}
    assert all(stemmer_script(language) for language in SNOWBALL_ALGORITHMS)
    assert stemmer_script("uk") is None and stemmer_script("ti") is None
