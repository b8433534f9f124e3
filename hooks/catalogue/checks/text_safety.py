"""Text rules: every text map has the default language and only site languages; plain-text fields carry no markup
(it would be shown literally); Markdown fields carry no HTML and link only with safe schemes.

The regular expressions are shared with the web editor (office/editor_rules.py) and the issue-form converter
(office/text_rules.py), so that all three refuse the same texts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from catalogue.data.data_file import DataFile
from catalogue.data.messages import quote
from catalogue.data.problems import Problem
from catalogue.data.strict_yaml import JsonPath, field_name

from .context import Checking, is_refused, lookup

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DANGEROUS_LINK_SCHEMES = frozenset({"javascript", "data", "vbscript"})

FENCED_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1|\Z)", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
HTML_TAG = re.compile(r"<(?:!--|[/!?]?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z))[^>\n]*>?")
INLINE_LINK = re.compile(r"\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)")
REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)
# Markdown that plain-text fields show literally: links, images, autolinks, bold (a single * is the German gender star).
MARKUP_IN_PLAIN_TEXT = re.compile(
    r"!?\[[^\]\n]+\]\([^)\n]*\)"  # [link](target), ![image](src)
    r"|<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>"  # <https://…>
    r"|(\*\*|__)\S(?:.*?\S)?\1"  # **bold**, __bold__
)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def texts(check: Checking, file: DataFile) -> Iterator[Problem]:
    """Every text map of a record: its languages, its default-language text, and what each text may contain."""
    languages = check.settings.language_codes
    for text_field in check.text_fields(file):
        texts = lookup(file.data, text_field.path)
        field = field_name(text_field.path)
        for language in texts:
            if language not in languages:
                yield check.problem(
                    file,
                    "text.unknown_language",
                    file.document.key_position((*text_field.path, language)),
                    field=field,
                    value=quote(language),
                    allowed=check.messages.join(languages, conjunction="or"),
                )
        if check.default_language not in texts and not is_refused(file, (*text_field.path, check.default_language)):
            yield check.problem(
                file,
                "text.missing_default",
                file.document.key_position(text_field.path),
                field=field,
                language=check.default_language,
            )
        for language, text in texts.items():
            if text_field.markdown:
                yield from markdown(check, file, (*text_field.path, language), text)
            else:
                yield from plain_text(check, file, (*text_field.path, language), text)


def plain_text(check: Checking, file: DataFile, path: JsonPath, text: str) -> Iterator[Problem]:
    """Markup in a plain-text field (title, summary, name …) would be shown literally: say so where it stands."""
    found = HTML_TAG.search(text) or MARKUP_IN_PLAIN_TEXT.search(text)
    if found:
        markup = found.group()
        yield check.problem(
            file,
            "text.plain_markup",
            file.document.text_position(path, markup[:20]),
            field=field_name(path[:-1]),
            markup=quote(markup),
        )


def markdown(check: Checking, file: DataFile, path: JsonPath, text: str) -> Iterator[Problem]:
    """HTML and links with other schemes than http(s), mailto and tel in a Markdown text, each where it stands."""
    field = field_name(path[:-1])
    prose = CODE_SPAN.sub(" ", FENCED_CODE.sub(" ", text))
    tags = [match.group() for match in HTML_TAG.finditer(prose)]
    # An element is reported by its opening tag; a closing tag only when it stands alone.
    for tag in [tag for tag in tags if not tag.startswith("</")] or tags[:1]:
        yield check.problem(
            file, "markdown.html", file.document.text_position(path, tag[:20]), field=field, tag=quote(tag)
        )
    for target in link_targets(prose):
        scheme_match = SCHEME.match(INVISIBLE.sub("", html.unescape(target)))
        scheme = scheme_match.group(1).lower() if scheme_match else ""
        if not scheme or scheme in SAFE_LINK_SCHEMES:
            continue
        message_key = "markdown.dangerous_link" if scheme in DANGEROUS_LINK_SCHEMES else "markdown.link_scheme"
        yield check.problem(
            file, message_key, file.document.text_position(path, target[:20]), field=field, target=quote(target)
        )


def link_targets(markdown_text: str) -> Iterator[str]:
    """The targets of inline links, reference definitions and autolinks in a Markdown text, in that order."""
    for pattern in (INLINE_LINK, REFERENCE_LINK, AUTOLINK):
        for match in pattern.finditer(markdown_text):
            if match.group(1):
                yield match.group(1)
