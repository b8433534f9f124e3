"""A language's glossary: the one form each institution and term takes in that language, the forms it must not
take, and the language's form of address (data/glossary/<language>.yml, schemas/glossary.schema.json).

The loader is one function, `read_glossary`, so that other stages (the translators' export) take the glossary as the
check does.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from catalogue.data.messages import Messages, quote
from catalogue.data.problems import Problem
from catalogue.data.schema_loading import schema_set
from catalogue.data.schema_validation import check_document
from catalogue.data.strict_yaml import read_yaml_file

GLOSSARY_FOLDER = "glossary"

_WORD_JOINERS = "\u200c\u200d"
"""Zero-width non-joiner and joiner: inside a Persian word (برنامه‌ریزی), so no word boundary."""


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    german: str
    use: str
    wrong: tuple[str, ...] = ()
    german_in_brackets: bool = False
    note: str = ""

    @cached_property
    def _wrong_pattern(self) -> re.Pattern[str] | None:
        if not self.wrong:
            return None
        alternatives = sorted((_form_pattern(form) for form in self.wrong), key=len, reverse=True)
        edge = rf"[\w{_WORD_JOINERS}]"
        return re.compile(rf"(?<!{edge})(?:{'|'.join(alternatives)})(?!{edge})", re.IGNORECASE)

    def wrong_forms_in(self, text: str) -> list[tuple[int, str]]:
        """(offset, form found) for each wrong form in the text, except inside an occurrence of the form to use."""
        pattern = self._wrong_pattern
        if pattern is None:
            return []
        folded = text.casefold()
        right = [(match.start(), match.end()) for match in re.finditer(re.escape(self.use.casefold()), folded)]
        return [
            (match.start(), match.group())
            for match in pattern.finditer(text)
            if not any(start <= match.start() and match.end() <= end for start, end in right)
        ]


@dataclass(frozen=True)
class Glossary:
    language: str
    address: str
    """The language's one form of address for the reader."""
    terms: tuple[GlossaryTerm, ...]

    def term(self, term_id: str) -> GlossaryTerm | None:
        return next((term for term in self.terms if term.term == term_id), None)

    @cached_property
    def _any_wrong_form(self) -> re.Pattern[str] | None:
        patterns = [term._wrong_pattern.pattern for term in self.terms if term._wrong_pattern is not None]
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE) if patterns else None

    def wrong_forms_in(self, text: str) -> list[tuple[GlossaryTerm, int, str]]:
        """(term, offset, form found) for every wrong form of every term in the text; one scan where there is none."""
        if self._any_wrong_form is None or self._any_wrong_form.search(text) is None:
            return []
        return [(term, offset, found) for term in self.terms for offset, found in term.wrong_forms_in(text)]


def glossary_from_data(language: str, data: Mapping[str, Any]) -> Glossary:
    """A glossary from a document that matches schemas/glossary.schema.json."""
    return Glossary(
        language=language,
        address=data["address"],
        terms=tuple(
            GlossaryTerm(
                term=entry["term"],
                german=entry["german"],
                use=entry["use"],
                wrong=tuple(entry.get("wrong") or ()),
                german_in_brackets=bool(entry.get("german_in_brackets", False)),
                note=entry.get("note", ""),
            )
            for entry in data["terms"]
        ),
    )


def read_glossary(
    file: Path, display_path: str, messages: Messages | None = None
) -> tuple[Glossary | None, list[Problem]]:
    """Reads data/glossary/<language>.yml strictly and checks it against its schema.

    Returns the glossary, or None and the problems (file, line, fix) when it cannot be used.
    """
    messages = messages or Messages()
    result = read_yaml_file(file, display_path, messages)
    if result.document is None:
        return None, list(result.problems)
    # A glossary holds no language maps, so the default language plays no part in its messages.
    problems = check_document(
        "glossary", result.document, display_path, messages, default_language="", schemas=schema_set()
    )
    if problems:
        return None, list(problems)
    return glossary_from_data(file.stem, result.document.data), []


def page_wrong_forms(
    docs_dir: Path, root: Path, glossaries: Mapping[str, Glossary], glossary_folder: str, messages: Messages
) -> list[Problem]:
    """Warnings for wrong forms in the hand-written pages of each language with a glossary (<page>.<language>.md),
    at their line and column; paths relative to root, `glossary_folder` as the messages name it ('data/glossary')."""
    problems: list[Problem] = []
    for language, glossary in sorted(glossaries.items()):
        for page in sorted(page for page in docs_dir.glob(f"*.{language}.md") if not page.is_symlink()):
            display_path = Path(os.path.relpath(page, root)).as_posix()
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
                for term, offset, found in glossary.wrong_forms_in(line):
                    problems.append(
                        messages.problem(
                            "warn.glossary",
                            path=display_path,
                            position=(number, offset + 1),
                            severity="warning",
                            found=quote(found),
                            use=quote(term.use),
                            german=term.german,
                            glossary=f"{glossary_folder}/{language}.yml",
                        )
                    )
    return problems


def _form_pattern(form: str) -> str:
    """A wrong form as a pattern: '*' lets a word go on or begin ('kreş*' finds 'kreşler', 'народн* высш* школ*' every
    case, '*هيئة' finds 'وهيئة' with its attached 'and')."""
    return rf"[\w{_WORD_JOINERS}]*".join(re.escape(part) for part in form.split("*"))
