"""A glossary's wrong forms are found as whole words in every script, never inside the form to use; the loader gives
the glossary or says what is wrong; and the town's glossaries, labels and texts follow their rules."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.glossary import GlossaryTerm, read_glossary
from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import read_settings

REPO = Path(__file__).resolve().parents[1]


def found(term: GlossaryTerm, text: str) -> list[str]:
    return [form for _offset, form in term.wrong_forms_in(text)]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        (GlossaryTerm("offer", "Angebot", "فرصت", ("برنامه", "برنامه‌ها")), "برنامه‌ها و برنامه‌ریزی و برنامه", ["برنامه‌ها", "برنامه"]),
        (GlossaryTerm("german", "Deutsch", "ጀርመንኛ", ("ጀርመን",)), "ብጀርመንኛ ብ ጀርመን", ["ጀርመን"]),
        (GlossaryTerm("kita", "Kita", "Kita", ("kreş*",)), "Kreşler, kreşe ve Kita", ["Kreşler", "kreşe"]),
        (GlossaryTerm("vhs", "VHS", "народный университет", ("народн* высш* школ*",)), "в Народной высшей школе", ["Народной высшей школе"]),
        (GlossaryTerm("club", "Sportverein", "sports club", ("sports*",)), "Old Town Sports Club, sports association", ["sports"]),
        (GlossaryTerm("schulamt", "Schulamt", "الهيئة الحكومية للمدارس", ("*هيئة المدارس",)), "والهيئة الحكومية للمدارس وهيئة المدارس", ["وهيئة المدارس"]),
    ],
    ids=["persian-half-space", "tigrinya-longer-word", "turkish-suffixes", "russian-cases", "inside-the-right-form", "arabic-attached-and"],
)
def test_a_wrong_form_is_found_as_a_word_in_every_script(term: GlossaryTerm, text: str, expected: list[str]) -> None:
    assert found(term, text) == expected


def test_the_loader_reads_a_glossary(tmp_path: Path) -> None:
    file = tmp_path / "ar.yml"
    file.write_text("address: أنتم\nterms:\n  - {term: vhs, german: Volkshochschule, use: الجامعة الشعبية, german_in_brackets: true}\n", encoding="utf-8")
    glossary, problems = read_glossary(file, "data/glossary/ar.yml")
    assert problems == [] and glossary is not None
    assert glossary.language == "ar" and glossary.address == "أنتم"
    vhs = glossary.term("vhs")
    assert vhs is not None and vhs.use == "الجامعة الشعبية" and vhs.german_in_brackets and vhs.wrong == ()


def test_the_loader_says_where_a_glossary_is_wrong(tmp_path: Path) -> None:
    file = tmp_path / "ar.yml"
    file.write_text("address: أنتم\nterms:\n  - {term: vhs, german: Volkshochschule, wrong: [xy]}\n", encoding="utf-8")
    glossary, problems = read_glossary(file, "data/glossary/ar.yml")
    assert glossary is None
    assert [(problem.path, problem.line) for problem in problems] == [("data/glossary/ar.yml", 3)]


# -- the town's site: every translated language has a glossary, and nothing uses a form it rules out ---------------

TOWN = read_settings(REPO / "mkdocs.yml")
TOWN_RESULT = load_catalogue(TOWN, today=date(2026, 11, 26), message_language="en")


@pytest.mark.parametrize("language", [code for code in TOWN.language_codes if code != TOWN.default_language])
def test_the_product_ships_a_glossary_with_its_form_of_address_for_every_translated_language(language: str) -> None:
    glossary, problems = read_glossary(DEFAULTS_DIR / "glossary" / f"{language}.yml", f"glossary/{language}.yml")
    assert problems == [] and glossary is not None
    assert glossary.address.strip()


def test_the_towns_labels_texts_and_pages_use_no_form_a_glossary_rules_out() -> None:
    wrong = [problem for problem in TOWN_RESULT.problems if "glossary rules out" in problem.message]
    assert wrong == []
