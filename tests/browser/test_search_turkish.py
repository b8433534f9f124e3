"""Turkish searches typed on a phone: dotted and dotless i as a Turkish keyboard types them, the forms of "kurs" the
Snowball Turkish stemmer brings together, a synonym of the town's list, and nothing found. The tests' own town has no
Turkish, so these run on a small town of their own: five of its offers with Turkish texts, German and Turkish only.
("kursu" is not among the forms: Snowball's Turkish stemmer leaves it whole, so it finds only the offers that write
"kursu".)"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from playwright.sync_api import Browser

from catalogue.data.package_files import DEFAULTS_DIR
from tests.towns import FIXTURE_DATA, FIXTURE_TOWN, BuiltSite, build_site, only_languages, town_settings

from .browser_setup import PHONE
from .catalogue_view import CatalogueView
from .conftest import _tab
from .static_server import SiteServer

TURKISH_TEXTS = {
    "vhs-teststadt/integrationskurs-abend": {
        "title": "Akşam entegrasyon kursu (A1–B1)",
        "summary": "Haftada dört akşam Almanca ve gündelik hayata yönelim, çalışanlar ve anne babalar için.",
        "description": "Almancayı B1 seviyesine kadar öğrenirsiniz; yönelim bölümünde gündelik hayat ve haklar anlatılır.",
    },
    "vhs-teststadt/deutsch-von-anfang-an": {
        "title": "Sıfırdan Almanca kursları",
        "summary": "İstanbul'dan, Halep'ten ya da Kabil'den yeni gelenler için ilk adımlar.",
        "description": "Harfler, sayılar ve ilk cümleler; küçük gruplar, sakin bir tempo.",
    },
    "jobcenter-teststadt/jobcenter-willkommensteam": {
        "title": "Jobcenter karşılama ekibi",
        "summary": "İş, meslek ve kurs konusunda danışmanlık; randevu ile.",
        "description": "Başvurular, belgeler ve geçim yardımı hakkında sorular.",
    },
    "tsv-teststadt/schwimmkurs-seepferdchen": {
        "title": "Çocuklar için yüzme",
        "summary": "Ilık suda, haftada bir gün, beş yaşından itibaren.",
        "description": "Su ile tanışma, nefes ve ilk yüzme hareketleri.",
    },
    "kitas-stadt-teststadt/kita-servicestelle-anmeldung": {
        "title": "Kreş kaydı için danışma",
        "summary": "Çocuğunuz için yer bulmanıza yardım ediyoruz.",
        "description": "Başvuru formu, süreler ve bekleme listesi hakkında bilgi.",
    },
}
"""Offer file (below data/offers/, without .yml) -> its Turkish texts: the only offers of the Turkish town."""
SYNONYMS = {"groups": [["anaokulu", "kreş", "yuva"]]}


def _offer_id(path: str) -> str:
    return path.split("/")[1]


def _write_turkish_town(folder: Path) -> Path:
    fixture_languages = frozenset(town_settings(FIXTURE_TOWN).language_codes)
    kept = frozenset({"de", "tr"})
    data = folder / "data"

    def copy(source: Path, target: Path, extra: dict[str, Any] | None = None) -> None:
        document = only_languages(yaml.safe_load(source.read_text(encoding="utf-8")), kept, fixture_languages)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump({**document, **(extra or {})}, allow_unicode=True, sort_keys=False), encoding="utf-8")

    copy(FIXTURE_DATA / "taxonomy.yml", data / "taxonomy.yml")
    for actor in (FIXTURE_DATA / "actors").glob("*.yml"):
        copy(actor, data / "actors" / actor.name)
    for path, texts in TURKISH_TEXTS.items():
        offer = yaml.safe_load((FIXTURE_DATA / "offers" / f"{path}.yml").read_text(encoding="utf-8"))
        copy(FIXTURE_DATA / "offers" / f"{path}.yml", data / "offers" / f"{path}.yml",
             {name: {**only_languages(offer[name], kept, fixture_languages), "tr": text} for name, text in texts.items()})
    (data / "labels").mkdir()
    shutil.copyfile(FIXTURE_DATA / "labels" / "de.yml", data / "labels" / "de.yml")
    shutil.copyfile(DEFAULTS_DIR / "labels" / "tr.yml", data / "labels" / "tr.yml")
    (data / "synonyms").mkdir()
    (data / "synonyms" / "tr.yml").write_text(yaml.safe_dump(SYNONYMS, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((FIXTURE_TOWN / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("docs_dir", None)
    config["plugins"] = [{"i18n": {"languages": [
        {"locale": "de", "name": "Deutsch", "default": True},
        {"locale": "tr", "name": "Türkçe", "site_name": "Teststadt'ta yeni gelenler için eğitim olanakları"},
    ]}}]
    config["extra"]["catalogue"].pop("fallbacks", None)  # the fixture's chains name languages this town leaves out
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def turkish_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    town = _write_turkish_town(tmp_path_factory.mktemp("turkish-town"))
    return build_site(tmp_path_factory.mktemp("turkish-site"), town)


@pytest.fixture(scope="module")
def turkish_server(turkish_site: BuiltSite) -> Iterator[SiteServer]:
    with SiteServer(turkish_site.root) as server:
        yield server


@pytest.fixture
def turkish_catalogue(chromium: Browser, turkish_server: SiteServer) -> Iterator[CatalogueView]:
    with _tab(chromium, turkish_server, **PHONE) as tab:
        tab.visit("/tr/catalogue/")
        yield CatalogueView(tab.page).settled()


def _found(catalogue: CatalogueView) -> list[str | None]:
    return [card.get_attribute("data-id") for card in catalogue.page.locator("li.cat-card:visible").all()]


INTEGRATION = _offer_id("vhs-teststadt/integrationskurs-abend")
FROM_THE_START = _offer_id("vhs-teststadt/deutsch-von-anfang-an")
JOBCENTER = _offer_id("jobcenter-teststadt/jobcenter-willkommensteam")
SWIMMING = _offer_id("tsv-teststadt/schwimmkurs-seepferdchen")
KITA = _offer_id("kitas-stadt-teststadt/kita-servicestelle-anmeldung")


@pytest.mark.parametrize("query", ["İstanbul", "istanbul", "ISTANBUL"])
def test_dotted_capital_i_and_plain_i_find_the_same_offer(turkish_catalogue: CatalogueView, query: str) -> None:
    assert _found(turkish_catalogue.search(query)) == [FROM_THE_START]


@pytest.mark.parametrize("query", ["ılık", "Ilık", "ILIK"])
def test_dotless_i_is_found_however_it_is_typed(turkish_catalogue: CatalogueView, query: str) -> None:
    assert _found(turkish_catalogue.search(query)) == [SWIMMING]


@pytest.mark.parametrize("query", ["kurs", "kursları", "Kursları"])
def test_forms_of_kurs_find_the_courses_titles_first(turkish_catalogue: CatalogueView, query: str) -> None:
    found = _found(turkish_catalogue.search(query))
    assert set(found[:2]) == {INTEGRATION, FROM_THE_START}, found
    assert JOBCENTER in found[2:], found


def test_a_synonym_finds_the_word_the_offer_uses(turkish_catalogue: CatalogueView) -> None:
    assert _found(turkish_catalogue.search("anaokulu")) == [KITA]


def test_nothing_found_says_so_in_turkish_with_the_office_phone(turkish_catalogue: CatalogueView) -> None:
    turkish_catalogue.search("zzqxzz")
    notice = turkish_catalogue.page.locator("#cat-no-match")
    notice.wait_for(state="visible")
    assert _found(turkish_catalogue) == []
    assert notice.locator('a[href^="tel:"]').count() == 1
    assert turkish_catalogue.page.locator("html").get_attribute("lang") == "tr"
