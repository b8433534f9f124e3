"""The labels files (data/labels/<code>.yml): one per site language, every key of the default language's, the
plural forms CLDR asks for, the same placeholders, valid date patterns, and not left in the language copied from."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from babel.dates import tokenize_pattern

from catalogue.data.data_file import DataFile
from catalogue.data.messages import Messages, quote
from catalogue.data.plural_rules import ordered, plural_categories, split_plural_key
from catalogue.data.problems import Problem

from .context import Checking

OPTIONAL_LABEL_PREFIXES = ("figures.",)
"""Label blocks a language may leave out: the page that uses them is shown in the default language instead."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_WORDS = re.compile(r"[^\W\d_]{3,}")
_LEFT_AT_LEAST = 5
"""Texts of the copied labels file left in another language's that make a warning (a few may rightly be the same)."""


def labels(check: Checking) -> Iterator[Problem]:
    """Every site language's labels file, each against the default language's (and English's)."""
    files = {file.stem: file for file in check.by_kind["labels"]}
    default_language = check.default_language
    data_path = check.context.data_path
    default_file = files.get(default_language)
    default_path = f"{data_path}/labels/{default_language}.yml"
    for language in check.settings.language_codes:
        file = files.get(language)
        expected_path = f"{data_path}/labels/{language}.yml"
        if file is None:
            yield check.messages.problem(
                "labels.missing_file",
                path=expected_path,
                position=(1, 1),
                language=language,
                file=expected_path,
                default_file=default_path,
            )
            continue
        if not file.valid:
            continue
        yield from label_formats(check, file)
        material = check.context.material_languages
        if material is not None and language not in material and not file.data.get("theme"):
            position = (
                file.document.key_position(("theme",)) if "theme" in file.data else file.document.value_position(())
            )
            yield check.problem(file, "labels.theme_missing", position, language=language, file=file.path)
        if default_file is not None and default_file.valid and file is not default_file:
            yield from label_keys(check, file, default_file)
            english = files.get("en")
            english = english if english is not None and english.valid and english is not file else None
            yield from texts_left(check, file, default_file, english)
            if english is not None:
                yield from texts_left(check, file, english, default_file)
    yield from taxonomy_languages(check)


def label_formats(check: Checking, file: DataFile) -> Iterator[Problem]:
    """A labels file's `formats:` date patterns must be CLDR patterns with day, month and year, the full one
    with the weekday and the other without (catalogue.language.formatting.FormatOverrides)."""
    formats = file.data.get("formats") or {}
    if not {"date", "full_date"} & set(formats):
        return
    for name, with_weekday in (("date", False), ("full_date", True)):
        pattern = formats.get(name, "")
        try:
            fields = {letter for letter, _ in _pattern_fields(pattern)}
        except (ValueError, KeyError):
            fields = set()
        if {"d", "M", "y"} <= fields and ("E" in fields) is with_weekday and fields <= {"d", "M", "y", "E"}:
            continue
        position = (
            file.document.value_position(("formats", name))
            if name in formats
            else file.document.key_position(("formats",))
        )
        yield check.problem(
            file,
            "labels.format_pattern",
            position,
            field=name,
            value=quote(pattern),
            weekday=check.messages.phrase("format.with_weekday" if with_weekday else "format.without_weekday"),
        )


def texts_left(check: Checking, file: DataFile, source: DataFile, other: DataFile | None) -> Iterator[Problem]:
    """A labels file copied from another language's and not yet translated keeps that language's texts: say so
    in one line. Texts that the two source languages share ('OK', a brand name) do not count."""
    others = other.data["site"] if other is not None else {}
    left = [
        key
        for key, text in file.data["site"].items()
        if text == source.data["site"].get(key)
        and text != others.get(key)
        and _WORDS.search(_PLACEHOLDER.sub("", text))
    ]
    if len(left) >= _LEFT_AT_LEAST:
        yield check.warning(
            file,
            "warn.labels_left",
            file.document.value_position(("site", left[0])),
            count=len(left),
            key=left[0],
            text=quote(file.data["site"][left[0]]),
            source=source.path,
            language=check.settings.language(file.stem).name,
        )


def taxonomy_languages(check: Checking) -> Iterator[Problem]:
    """Categories and target groups without a label in a language show in the default language: one line each."""
    taxonomy = check.taxonomy
    if taxonomy is None:
        return
    terms = [term for group in ("categories", "target_groups", "eligibility") for term in taxonomy.data.get(group, [])]
    for language in check.settings.language_codes:
        if language == check.default_language:
            continue
        lacking = [term for term in terms if language not in (term.get("label") or {})]
        if lacking:
            yield check.warning(
                taxonomy,
                "warn.taxonomy_untranslated",
                (1, 1),
                language=language,
                count=len(lacking),
                total=len(terms),
                default=check.default_language,
                file=taxonomy.path,
            )


def label_keys(check: Checking, file: DataFile, default_file: DataFile) -> Iterator[Problem]:
    """Every key of the default language, and for a phrase with a number (`<key>.<plural category>`) either
    every CLDR plural category of this language or `<key>.other` alone, each with the default's placeholders."""
    expected: Mapping[str, str] = default_file.data["site"]
    actual: Mapping[str, str] = file.data["site"]
    language = file.stem
    categories = plural_categories(language)
    plural_bases = {base for base, category in map(split_plural_key, expected) if category}
    given: dict[str, set[str]] = {base: set() for base in plural_bases}
    for key in actual:
        base, category = split_plural_key(key)
        if category and base in given:
            given[base].add(category)
    missing = [
        key
        for key in expected
        if split_plural_key(key)[0] not in plural_bases
        and key not in actual
        and not key.startswith(OPTIONAL_LABEL_PREFIXES)
    ]
    missing += [f"{base}.other" for base in sorted(plural_bases) if "other" not in given[base]]
    extra = [
        key
        for key in actual
        if not (key in expected and split_plural_key(key)[0] not in plural_bases)
        and not (split_plural_key(key)[0] in plural_bases and split_plural_key(key)[1] in categories)
    ]
    if missing:
        yield check.problem(
            file,
            "labels.missing_keys",
            file.document.key_position(("site",)),
            count=len(missing),
            keys=check.messages.join(missing),
            default_file=default_file.path,
        )
    if extra:
        yield check.problem(
            file,
            "labels.extra_keys",
            file.document.key_position(("site", extra[0])),
            keys=check.messages.join(extra),
            default_file=default_file.path,
        )
    for base in sorted(plural_bases):
        forms = given[base] & categories
        if "other" in forms and forms != {"other"} and forms != categories:
            first = next(key for key in actual if split_plural_key(key)[0] == base)
            yield check.problem(
                file,
                "labels.plural_forms",
                file.document.key_position(("site", first)),
                key=base,
                language=language,
                missing=check.messages.join(f"{base}.{category}" for category in ordered(categories - forms)),
                categories=check.messages.join(ordered(categories)),
            )
    yield from _placeholders(check, file, default_file, plural_bases)


def _placeholders(check: Checking, file: DataFile, default_file: DataFile, plural_bases: set[str]) -> Iterator[Problem]:
    expected: Mapping[str, str] = default_file.data["site"]
    for key, text in file.data["site"].items():
        base, category = split_plural_key(key)
        if base in plural_bases:
            source = expected.get(f"{base}.other", "")
        elif key in expected:
            source = expected[key]
        else:
            continue
        wanted = sorted(set(_PLACEHOLDER.findall(source)))
        found = sorted(set(_PLACEHOLDER.findall(text)))
        # 'one', 'two' and 'zero' forms may say the number in words: "عرضان", "سنة واحدة".
        fits = set(found) <= set(wanted) if category in ("zero", "one", "two") else wanted == found
        if not fits:
            yield check.problem(
                file,
                "labels.placeholders",
                file.document.value_position(("site", key)),
                key=key,
                default_file=default_file.path,
                expected=_braces(wanted, check.messages),
                actual=_braces(found, check.messages),
            )


def _braces(names: list[str], messages: Messages) -> str:
    return messages.join("{" + name + "}" for name in names)


def _pattern_fields(pattern: str) -> list[tuple[str, int]]:
    """The fields of a CLDR date pattern ('d MMMM y' -> d, M, y), quoted literals left out (Babel's parser)."""
    return [(str(field[1][0]), int(field[1][1])) for field in tokenize_pattern(pattern) if field[0] == "field"]
