"""The catalogue page's count line, written by the script in the reader's browser, says the number in the same
digits and the same plural form the generated pages use, in every configured language."""
from __future__ import annotations

import pytest

from catalogue.language.formatting import LocaleFormatter

from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .site_pages import LANGUAGES, language_path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_count_line_uses_the_languages_digits_and_plural_form(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    catalogue = CatalogueView(phone.page).settled()
    assert catalogue.count() == len(catalogue.visible_offer_ids())
    assert set(catalogue.count_digits()) <= set(LocaleFormatter(language).number(1234567890)), catalogue.count_line()
    catalogue.page.locator("#cat-filters [name=age]").fill("4")
    catalogue.settled()
    assert catalogue.count() == len(catalogue.visible_offer_ids()) < len(catalogue.all_offer_ids())
