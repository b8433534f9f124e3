"""Who may take part, as terms of the taxonomy: every reader sees in their own language whether residence status
matters, on the offer's card and page, even where the free text is German; the catalogue filters by it."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.strict_yaml import read_yaml_file

from tests.towns import FIXTURE_TOWN, REPO, town_settings

from .conftest import LANGUAGES, BuiltSite
from .sample_data import PUBLICATION, PUBLISHED, SETTINGS, prefix

TAXONOMY = PUBLICATION.catalogue.taxonomy
SAMPLE_OFFERS = sorted([*(REPO / "data" / "offers").glob("*/*.yml"), *(FIXTURE_TOWN / "data" / "offers").glob("*/*.yml")])
RESTRICTED = {"integrationskurs-abend": "bamf-admission", "jobcenter-willkommensteam": "buergergeld"}
"""Offers of the tests' town whose German text sets a condition of residence or benefits, and that condition."""


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(path), "html.parser")


def label(term_id: str, language: str) -> str:
    return TAXONOMY.eligibility_term(term_id).label[language]


@pytest.mark.parametrize("language", town_settings(REPO).language_codes)
def test_every_eligibility_term_has_a_label_in_every_language_the_sample_town_offers(language: str) -> None:
    terms = read_yaml_file(DEFAULTS_DIR / "taxonomy.yml", "taxonomy.yml").document.data["eligibility"]
    lacking = [term["id"] for term in terms if not term["label"].get(language, "").strip()]
    assert not lacking, f"no {language} label for {lacking}"


@pytest.mark.parametrize("path", SAMPLE_OFFERS, ids=lambda path: str(path.relative_to(REPO)))
def test_every_sample_offer_says_who_may_take_part(path: Path) -> None:
    eligible = read_yaml_file(path, path.name).document.data.get("eligible")
    assert eligible, "add `eligible: [...]` (ids of the taxonomy's eligibility terms)"
    assert not ({"any-status", "bamf-admission"} <= set(eligible) or {"any-status", "labour-market-access"} <= set(eligible)), (
        "residence status cannot both matter and not matter"
    )


@pytest.mark.parametrize("offer_id", sorted(RESTRICTED))
def test_an_offer_restricted_by_status_or_benefits_says_which_condition(offer_id: str) -> None:
    offer = PUBLICATION.offer(offer_id)
    assert RESTRICTED[offer_id] in offer.eligible and "any-status" not in offer.eligible


@pytest.mark.parametrize("language", LANGUAGES)
def test_card_and_page_name_the_conditions_in_the_readers_language(sample_site: BuiltSite, language: str) -> None:
    catalogue = soup(sample_site, prefix(language) + "catalogue/index.html")
    offers = [offer for offer in PUBLISHED if offer.eligible]
    assert offers
    for offer in offers:
        expected = [label(term, language) for term in offer.eligible]
        page = soup(sample_site, prefix(language) + f"offers/{offer.id}/index.html")
        row = page.select_one(".cat-facts__eligible")
        assert [item.get_text(strip=True) for item in row.select("li")] == expected
        assert not row.select("[lang]"), "every label is in the reader's language, so none is marked as a fallback"
        card = catalogue.select_one(f'li.cat-card[data-id="{offer.id}"]')
        if card is not None:
            text = card.select_one(".cat-card__eligible").get_text(" ", strip=True)
            assert all(words in text for words in expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_filters_by_each_condition_an_offer_sets(sample_site: BuiltSite, language: str) -> None:
    select = soup(sample_site, prefix(language) + "catalogue/index.html").select_one("select#cat-e[name=e]")
    used = [term.id for term in TAXONOMY.eligibility if any(term.id in offer.eligible for offer in PUBLISHED)]
    assert [option["value"] for option in select.select("option")] == ["", *used]
    assert [option.get_text() for option in select.select("option")][1:] == [label(term, language) for term in used]
    assert SETTINGS.default_language in LANGUAGES
