"""The town's settings inside its hand-written pages: `{{ town }}`, `{{ office_email }}` … in content/*.md are
replaced, per language, by what mkdocs.yml's `extra.catalogue` says, so that the town's name, the office's contact,
the licence, the languages and the date of the legal texts live in one place."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from babel.lists import format_list

from catalogue.data.messages import Messages
from catalogue.language.formatting import cldr_locale
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.site_chrome import LEGAL_PAGES

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
"""`{{ name }}`: lower-case letters and underscores between double braces, spaces allowed inside."""


@dataclass(frozen=True)
class Filled:
    text: str
    unknown: tuple[str, ...]
    """Names between double braces that no setting provides (or that the town left empty); they stay as written."""


def placeholder_values(reader: ReaderLanguage) -> dict[str, str]:
    """Every placeholder's text in the reader's language. `office_phone_tel` is the number as a tel: link wants it
    (RFC 3966: '+' and digits only); `languages` names the site's languages in the reader's language (CLDR
    language names and list patterns), `languages_list` as a Markdown list; `legal_date` is the long date in the
    reader's language, or a bracketed "not yet reviewed" until the town sets it; `town_official` is the town's name in
    the default language, as postal addresses and signs write it. `accessibility_law` and `conciliation_body`
    (Markdown: the body's name, address, e-mail and website) come from `extra.catalogue.accessibility`, or say in bold
    brackets, in the reader's words, what the town fills in."""
    settings = reader.settings
    locale = cldr_locale(reader.code)
    names = [locale.languages.get(language.code) or language.name for language in settings.languages]
    try:
        languages = format_list(names, locale=locale)
    except (ValueError, LookupError):
        languages = ", ".join(names)
    values = {
        "town": reader.town,
        "town_official": settings.town,
        "site_name": settings.language(reader.code).site_name,
        "site_url": settings.site_url,
        "site_host": urlsplit(settings.site_url).netloc,
        "office": settings.office_in(reader.code),
        "office_address": settings.office_address,
        "office_phone": settings.office_phone,
        "office_phone_tel": re.sub(r"[^\d+]", "", settings.office_phone),
        "office_email": settings.office_email,
        "licence": settings.licence,
        "licence_url": settings.licence_url,
        "languages": languages,
        "languages_list": "\n".join(f"- {name}" for name in names),
        "language_count": str(len(settings.languages)),
        "legal_date": reader.formatter.long_date(settings.legal_date)
        if settings.legal_date
        else str(reader.t("legal.date_missing")),
        "accessibility_law": settings.accessibility.get("law") or f"**{reader.t('legal.accessibility_law_missing')}**",
        "conciliation_body": _conciliation_body(reader),
    }
    return {name: text for name, text in values.items() if text}


def _conciliation_body(reader: ReaderLanguage) -> str:
    given = reader.settings.accessibility
    name = given.get("conciliation_name")
    if not name:
        return f"**{reader.t('legal.conciliation_missing')}**"
    parts = [f"**{name}**" + (f", {given['conciliation_address']}" if given.get("conciliation_address") else "")]
    email = given.get("conciliation_email", "")
    if EMAIL.fullmatch(email):
        parts.append(f"{reader.t('legal.conciliation_email')}: [{email}](mailto:{email})")
    url = given.get("conciliation_url", "")
    if url.startswith("https://") and not any(character in url for character in " ()<>[]"):
        parts.append(f"{reader.t('legal.conciliation_website')}: [{url}]({url})")
    return ". ".join(parts)


EMAIL = re.compile(r"[^@\s()<>\[\]]+@[^@\s()<>\[\]]+\.[A-Za-z]{2,}")
"""An address a mailto: link may carry: no spaces, brackets or second @ that would end or bend the Markdown link."""


def fill_placeholders(text: str, values: Mapping[str, str]) -> Filled:
    """text with every `{{ name }}` that values knows replaced; the names it does not know are reported."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        unknown.append(name)
        return match.group(0)

    return Filled(PLACEHOLDER.sub(replace, text), tuple(dict.fromkeys(unknown)))


@dataclass(frozen=True)
class FilledPage:
    text: str
    meta: dict[str, Any]
    """The page's front matter, its texts filled in too."""
    warnings: tuple[str, ...]
    """One line per name no setting provides, saying which names there are."""


def fill_page(
    markdown: str, meta: Mapping[str, Any], reader: ReaderLanguage, *, source: str, messages: Messages
) -> FilledPage:
    """A hand-written page (content/<source>) with the town's settings filled into its text and front matter, in
    the reader's language; a legal page whose texts the town's lawyer has not reviewed (no `legal_date`) starts with
    a notice saying so. Unknown names stay as written, each with one warning in the office's language."""
    values = placeholder_values(reader)
    filled = fill_placeholders(markdown, values)
    unknown = list(filled.unknown)
    filled_meta = dict(meta)
    for key, value in meta.items():
        if isinstance(value, str):
            meta_filled = fill_placeholders(value, values)
            filled_meta[key] = meta_filled.text
            unknown += meta_filled.unknown
    text = filled.text
    if reader.settings.legal_date is None and source.split(".")[0] in LEGAL_PAGES:
        notice = html.escape(str(reader.t("legal.not_reviewed")))
        text = f'<p class="cat-notice" role="note">{notice}</p>\n\n' + text
    warnings = tuple(
        messages.phrase("build.unknown_placeholder", page=source, name=name, known=", ".join(sorted(values)))
        for name in dict.fromkeys(unknown)
    )
    return FilledPage(text, filled_meta, warnings)
