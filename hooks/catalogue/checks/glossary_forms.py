"""The glossary: warns where a translation uses a form its language's glossary (data/glossary/<code>.yml) lists as
wrong, in the labels and in every text of the data in that language."""

from __future__ import annotations

from collections.abc import Iterator

from catalogue.data.data_file import DataFile
from catalogue.data.glossary import Glossary, glossary_from_data
from catalogue.data.messages import quote
from catalogue.data.package_files import is_product_file
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import JsonPath, Position, YamlDocument

from .context import Checking, lookup


def glossary_forms(check: Checking) -> Iterator[Problem]:
    """One warning per wrong form, at the line and column where it stands in the town's own file."""
    glossaries = {file.stem: glossary_from_data(file.stem, file.data) for file in check.valid_files("glossary")}
    if not glossaries:
        return
    for file in check.valid_files("labels"):
        glossary = glossaries.get(file.stem)
        if glossary is not None and not is_product_file(file.path):
            for key, text in file.data["site"].items():
                if _written_in(file, ("site", key)):
                    yield from wrong_forms(check, file, ("site", key), text, glossary)
    for kind in ("taxonomy", "actor", "offer", "news"):
        for file in check.checked_files(kind):
            if is_product_file(file.path):
                continue
            for text_field in check.text_fields(file):
                for language, text in lookup(file.data, text_field.path).items():
                    if (
                        language in glossaries
                        and isinstance(text, str)
                        and _written_in(file, (*text_field.path, language))
                    ):
                        yield from wrong_forms(check, file, (*text_field.path, language), text, glossaries[language])


def wrong_forms(check: Checking, file: DataFile, path: JsonPath, text: str, glossary: Glossary) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for term, _offset, found in glossary.wrong_forms_in(text):
        seen[found.casefold()] = seen.get(found.casefold(), 0) + 1
        yield check.warning(
            file,
            "warn.glossary",
            _occurrence_position(file.document, path, found, seen[found.casefold()]),
            found=quote(found),
            use=quote(term.use),
            german=term.german,
            glossary=f"{check.context.data_path}/glossary/{glossary.language}.yml",
        )


def _written_in(file: DataFile, path: JsonPath) -> bool:
    """Whether the value at path stands in the file itself, not in the product's data the town's file extends."""
    return path in file.document.value_positions


def _occurrence_position(document: YamlDocument, path: JsonPath, needle: str, occurrence: int) -> Position:
    """Where the n-th (1-based) occurrence of needle stands inside the text at path, case-insensitive."""
    line, column = document.value_position(path)
    wanted = needle.casefold()
    for index in range(line - 1, len(document.lines)):
        text = document.lines[index].casefold()
        start = column - 1 if index == line - 1 else 0
        while (found := text.find(wanted, start)) >= 0:
            occurrence -= 1
            if occurrence == 0:
                return (index + 1, found + 1)
            start = found + len(wanted)
    return document.text_position(path, needle)
