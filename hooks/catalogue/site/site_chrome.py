"""What the site's own templates (header, navigation, footer) need to know, per language."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from catalogue.data.settings import Settings
from catalogue.language.reader_language import ReaderLanguage
from catalogue.site.town_style import TOWN_STYLESHEET

from .offline import REGISTRATION_PATH
from .security import REFERRER_POLICY, content_security_policy, early_script_element

_MAIN_LINKS = (
    ("nav.home", ""),
    ("nav.catalogue", "catalogue/"),
    ("nav.news", "news/"),
    ("nav.actors", "actors/"),
    ("nav.about", "about/"),
)
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit")
"""Pages the law asks for; a town may publish them in fewer languages than the catalogue."""
_FOOTER_LINKS = (
    ("footer.about", "about/"),
    ("footer.imprint", "impressum/"),
    ("footer.privacy", "datenschutz/"),
    ("footer.accessibility", "barrierefreiheit/"),
    ("footer.easy_language", "leichte-sprache/"),
    ("footer.open_data", "open-data/"),
    ("footer.figures", "figures/"),
)


@dataclass(frozen=True)
class SiteChrome:
    reader: ReaderLanguage
    legal_pages_translated: bool = True
    """False where the legal pages are shown in another language: the footer says so in the reader's language."""

    def t(self, key: str) -> Markup:
        return self.reader.t(key)

    def fallback_notice(self, shown: str) -> Markup:
        """The notice above a hand-written page shown in another language, naming that language where it is not the
        default one."""
        return self.reader.fallback_note("fallback.notice", [shown])

    @property
    def settings(self) -> Settings:
        return self.reader.settings

    @property
    def language(self) -> str:
        return self.reader.code

    @property
    def _prefix(self) -> str:
        return self.reader.prefix

    @property
    def home(self) -> str:
        return self._prefix

    @property
    def catalogue(self) -> str:
        return self._prefix + "catalogue/"

    @property
    def main_links(self) -> tuple[tuple[str, str], ...]:
        return tuple((key, self._prefix + path) for key, path in _MAIN_LINKS)

    @property
    def footer_links(self) -> tuple[tuple[str, str], ...]:
        return tuple((key, self._prefix + path) for key, path in _FOOTER_LINKS)

    @property
    def preview(self) -> bool:
        """The page's language is a preview: no native reader has reviewed its words yet."""
        return self.reader.code in self.reader.preview_languages

    def is_preview(self, code: str) -> bool:
        return code in self.reader.preview_languages

    def in_menu(self, code: str) -> bool:
        """Whether the language menu lists a language: a preview language only where the town shows them (and
        always on its own pages)."""
        return code == self.reader.code or not (self.settings.hide_preview_languages and self.is_preview(code))

    def t_default(self, key: str) -> Markup:
        """An interface text in the default language (German), e.g. beside the reader's in the preview notice."""
        return ReaderLanguage(self.settings, self.settings.default_language, self.reader.fallback_labels).t(key)

    def language_name(self, code: str) -> str:
        """A language's name in the page's language (CLDR via Babel), for the language menu beside its endonym, so
        that a helper finds the family's language: 'Tigrinisch' on a German page."""
        return self.reader.language_name(code)

    @property
    def office(self) -> str:
        return self.settings.office_in(self.reader.code)

    @property
    def office_language(self) -> str:
        """The language the office's name is written in for this reader (`Settings.office_language`)."""
        return self.settings.office_language(self.reader.code)

    @property
    def town(self) -> str:
        return self.reader.town

    @property
    def town_language(self) -> str:
        """The language the town's name is written in: the reader's where the settings name it, else the default."""
        return self.reader.code if self.reader.code in self.settings.town_names else self.settings.default_language

    @property
    def licence(self) -> str:
        return self.settings.licence

    @property
    def licence_url(self) -> str:
        return self.settings.licence_url

    @property
    def content_security_policy(self) -> str:
        return content_security_policy()

    @property
    def referrer_policy(self) -> str:
        return REFERRER_POLICY

    @property
    def offline_script(self) -> str:
        """The offline worker's registration script, below the site's root; '' where the offline copy is off."""
        return REGISTRATION_PATH if self.settings.offline else ""

    @property
    def town_stylesheet(self) -> str:
        """The town's colours over the product's styles, below the site's root; '' where the town sets none."""
        return TOWN_STYLESHEET if self.settings.colours else ""

    @property
    def early_script(self) -> Markup:
        return early_script_element()
