"""What a newcomer sees on the generated pages, in German, in Arabic and in a language that falls back to German."""
from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from icalendar import Calendar

from catalogue.publication.ended_offers import ended_offers
from catalogue.language.formatting import WEEKDAYS, LocaleFormatter
from catalogue.language.reader_language import ReaderLanguage, direction_of
from catalogue.site.catalogue_listing import LISTING_PAGE_SIZE
from catalogue.site.security import script_hash

from .conftest import BUILD_DATE, LANGUAGES, BuiltSite
from .sample_data import DEFAULT, HIDDEN, LOADED, PUBLICATION, PUBLISHED, SETTINGS, prefix, title_in, translated_in

READER_LANGUAGES = ["de", "ar", "ti"]
RTL = {"ar", "fa"}
BERLIN = ZoneInfo("Europe/Berlin")


def soup(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(path), "html.parser")


def offer_path(offer_id: str, language: str) -> str:
    return f"{prefix(language)}offers/{offer_id}/index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_published_and_every_ended_offer_has_a_page_but_none_still_to_come(sample_site: BuiltSite, language: str) -> None:
    folder = sample_site.root / prefix(language) / "offers"
    ended = {offer.id for offer in ended_offers(PUBLICATION)}
    assert ended, "the fixture town should hold an ended offer"
    assert {path.name for path in folder.iterdir() if path.is_dir()} == {offer.id for offer in PUBLISHED} | ended


@pytest.mark.parametrize("offer", HIDDEN, ids=lambda offer: offer.id)
def test_a_hidden_offer_stays_in_the_data_and_the_build_says_why(sample_site: BuiltSite, offer) -> None:
    assert f"{offer.source}: not published" in sample_site.log
    for language in LANGUAGES:
        assert offer.id not in sample_site.page(f"{prefix(language)}catalogue/index.html")


@pytest.mark.parametrize("language", READER_LANGUAGES)
@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_offer_page_shows_title_language_and_direction(sample_site: BuiltSite, offer, language: str) -> None:
    page = soup(sample_site, offer_path(offer.id, language))
    assert page.html["lang"] == language
    assert page.body["dir"] == ("rtl" if language in RTL else "ltr")
    heading = page.find("h1")
    assert heading.get_text(strip=True) == title_in(offer, language)
    notice = page.select_one("article .cat-notice[role=note]")
    if translated_in(offer, language):
        assert heading.select_one(".cat-fallback") is None
    else:
        shown = next(code for code in SETTINGS.fallback_chain(language) if code in offer.title)
        assert heading.find(attrs={"lang": shown, "dir": direction_of(shown)}) is not None
        assert notice is not None and notice.get_text(strip=True)


@pytest.mark.parametrize("language", READER_LANGUAGES)
@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_contact_is_tap_to_call_and_reads_left_to_right(sample_site: BuiltSite, offer, language: str) -> None:
    page = soup(sample_site, offer_path(offer.id, language))
    actor = PUBLICATION.catalogue.actors[offer.actor]
    contact = offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact
    if contact.phone:
        link = page.select_one('a[href^="tel:"]')
        assert link["href"] == "tel:" + re.sub(r"[^\d+]", "", contact.phone)
        assert link.find("bdi", attrs={"dir": "ltr"}).get_text() == contact.phone
    if contact.email:
        link = page.select_one('.cat-contact a[href^="mailto:"]')
        assert page.select_one('.cat-actions a[href^="mailto:"]')["href"] == link["href"]
        local, _, domain = link["href"].removeprefix("mailto:").rpartition("@")
        assert link["href"].isascii()
        assert f"{local}@{domain.encode('ascii').decode('idna')}".lower() == contact.email.lower()
        assert link.find("bdi", attrs={"dir": "ltr"}).get_text() == contact.email


def test_a_period_reads_from_a_day_to_a_day_in_german(sample_site: BuiltSite) -> None:
    offer = next(offer for offer in PUBLISHED if offer.valid_from and offer.valid_until)
    text = soup(sample_site, offer_path(offer.id, "de")).get_text(" ", strip=True)
    assert re.search(r"\bVom \d{1,2}\. \w+ \d{4} bis \d{1,2}\. \w+ \d{4}", text), "German says 'Vom 1. November … bis …'"


@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_offer_page_carries_schema_org_json_ld(sample_site: BuiltSite, offer) -> None:
    page = soup(sample_site, offer_path(offer.id, "ar"))
    document = json.loads(page.find("script", type="application/ld+json").string)
    assert document["@context"] == "https://schema.org"
    assert document["@type"] in {"Course", "Service", "Event", "EducationEvent"}
    assert document["name"] == title_in(offer, "ar")
    assert document["url"] == f"{SETTINGS.site_url}ar/offers/{offer.id}/"
    assert document.get("provider", document.get("organizer"))["@type"] == "Organization"
    if document["@type"] == "Course":
        assert document["hasCourseInstance"][0]["courseMode"] in {"Onsite", "Online", "Blended"}


def expected_starts(offer, first: date, last: date) -> list[datetime]:
    """Every session and every weekly time from first to last, computed from the data without the writer's code."""
    starts = [datetime.combine(session.date, clock(session.start), BERLIN) for session in offer.schedule.sessions]
    day = max(first, offer.valid_from or first)
    while day <= min(last, offer.valid_until or last):
        for slot in offer.schedule.weekly:
            if WEEKDAYS[day.weekday()] == slot.day and day not in offer.schedule.exceptions:
                starts.append(datetime.combine(day, clock(slot.start), BERLIN))
        day += timedelta(days=1)
    return sorted(start for start in starts if first <= start.date() <= last)


def clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


@pytest.mark.parametrize("offer", PUBLISHED, ids=lambda offer: offer.id)
def test_the_calendar_file_holds_every_session_and_weekly_time_the_page_shows(sample_site: BuiltSite, offer) -> None:
    page = soup(sample_site, offer_path(offer.id, "de"))
    link = page.select_one('a[href$=".ics"]')
    if not offer.schedule.sessions and not offer.schedule.weekly:
        assert link is None
        return
    labels = LOADED.labels[DEFAULT]
    key = "offer.calendar_both" if offer.schedule.sessions and offer.schedule.weekly else "offer.calendar_weekly" if offer.schedule.weekly else "offer.calendar"
    assert link.get_text(strip=True) == labels[key]
    calendar = Calendar.from_ical((sample_site.root / "offers" / offer.id / link["href"]).read_bytes())
    first = date.fromisoformat(BUILD_DATE)
    last = offer.valid_until or first + timedelta(weeks=26)
    window = (datetime.combine(first, time(0), BERLIN), datetime.combine(last + timedelta(days=1), time(0), BERLIN))
    found = sorted(event.decoded("dtstart") for event in recurring_ical_events.of(calendar).between(*window))
    assert found == expected_starts(offer, first, last)
    shown = page.get_text(" ")
    for slot in offer.schedule.weekly:
        assert LocaleFormatter(DEFAULT).weekday(slot.day) in shown


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_every_calendar_file_of_the_site_folds_without_splitting_an_escape(sample_site: BuiltSite, language: str) -> None:
    files = sorted((sample_site.root / prefix(language)).glob("offers/*/*.ics")) or []
    if language == DEFAULT:
        files.append(sample_site.root / "data" / "sessions.ics")
    assert files
    for file in files:
        data = file.read_bytes()
        for line in data.split(b"\r\n"):
            assert len(line) <= 75 and (len(line) - len(line.rstrip(b"\\"))) % 2 == 0, f"{file.name}: {line!r}"
        unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
        for event in Calendar.from_ical(data).walk("VEVENT"):
            summary = str(event["summary"])
            escaped = summary.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
            assert f"SUMMARY:{escaped}" in unfolded


PAGE_TYPES = ["", "catalogue/", "catalogue/early-childhood/", "actors/", "news/", "about/", "impressum/", "open-data/"]


def _alternates(site: BuiltSite, path: str) -> dict[str, str]:
    page = soup(site, path + "index.html")
    return {link["hreflang"]: link["href"] for link in page.select('link[rel=alternate][hreflang]')}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES + ["offers/{offer}/", "actors/{actor}/", "news/{news}/"])
def test_hreflang_alternates_are_absolute_and_reciprocal(sample_site: BuiltSite, page_type: str, language: str) -> None:
    path = prefix(language) + page_type.format(offer=PUBLISHED[0].id, actor=PUBLISHED[0].actor, news=PUBLICATION.catalogue.news[0].id)
    alternates = _alternates(sample_site, path)
    assert set(alternates) == set(LANGUAGES) | {"x-default"}
    assert alternates[language] == SETTINGS.site_url + path
    for url in alternates.values():
        assert url.startswith(SETTINGS.site_url)
        other_path = url.removeprefix(SETTINGS.site_url)
        assert _alternates(sample_site, other_path)[language] == SETTINGS.site_url + path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_links_the_legal_pages_and_loads_nothing_from_elsewhere(sample_site: BuiltSite, page_type: str, language: str) -> None:
    page = soup(sample_site, prefix(language) + page_type + "index.html")
    footer_targets = {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in page.select("footer a[href]")}
    assert {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"} <= footer_targets
    loaded = [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[rel=stylesheet], link[rel=icon], img[src]")]
    assert loaded and not [url for url in loaded if re.match(r"^(https?:)?//", url)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_shows_its_first_offers_by_stage_of_life_without_javascript(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, prefix(language) + "catalogue/index.html")
    listed = [card["data-id"] for card in page.select("li.cat-card")]
    categories = [term.id for term in PUBLICATION.catalogue.taxonomy.categories]
    by_stage = sorted(PUBLISHED, key=lambda offer: categories.index(offer.categories[0]))  # stable: catalogue order within
    assert listed == [offer.id for offer in by_stage][:LISTING_PAGE_SIZE]


@pytest.mark.parametrize("category", PUBLICATION.catalogue.taxonomy.categories, ids=lambda term: term.id)
def test_category_page_lists_exactly_its_offers(sample_site: BuiltSite, category) -> None:
    page = soup(sample_site, f"ar/catalogue/{category.id}/index.html")
    listed = [card["data-id"] for card in page.select("li.cat-card")]
    assert sorted(listed) == sorted(offer.id for offer in PUBLISHED if category.id in offer.categories)


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_home_page_has_a_tile_per_life_stage_a_search_box_and_the_latest_news(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, prefix(language) + "index.html")
    tiles = [link["href"] for link in page.select("a.cat-tile")]
    categories = PUBLICATION.catalogue.taxonomy.categories
    assert tiles == [f"catalogue/{term.id}/" for term in categories if PUBLICATION.offers_in_category(term.id)]
    assert len(tiles) < len(categories), "the fixture town should leave a category empty: it gets no tile"
    reader = ReaderLanguage(SETTINGS, language, labels=LOADED.labels[language], fallback_labels=LOADED.labels[DEFAULT])
    counts = [count.get_text() for count in page.select("a.cat-tile .cat-tile__count")]
    assert counts == [
        reader.count("catalogue.count", len(PUBLICATION.offers_in_category(term.id)))
        for term in categories if PUBLICATION.offers_in_category(term.id)
    ]
    assert page.select_one('form[role=search] input[type=search][name=q]') is not None
    news_links = [link["href"] for link in page.select(".cat-news a")]
    assert news_links[0] == f"news/{PUBLICATION.catalogue.news[0].id}/"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_pages_isolate_numbers_addresses_and_links(sample_site: BuiltSite, language: str) -> None:
    for offer in PUBLISHED:
        page = soup(sample_site, offer_path(offer.id, language))
        for link in page.select('a[href^="tel:"], .cat-contact a[href^="mailto:"]'):
            assert link.find("bdi", attrs={"dir": "ltr"}) is not None
        actor = PUBLICATION.catalogue.actors[offer.actor]
        for location_id in offer.locations:
            place = actor.location(location_id)
            addresses = [span.get_text() for span in page.select('.cat-address[dir="ltr"]')]
            assert f"{place.street}, {place.postcode} {place.city}" in addresses


def test_an_offer_page_does_not_grow_with_the_number_of_offers(sample_site: BuiltSite, larger_site: BuiltSite) -> None:
    for language in LANGUAGES:
        path = offer_path("integrationskurs-abend", language)
        assert larger_site.page(path) == sample_site.page(path)


def test_two_builds_of_the_same_data_on_the_same_day_are_identical(sample_site: BuiltSite, sample_site_again: BuiltSite) -> None:
    first = {path.relative_to(sample_site.root): path.read_bytes() for path in sample_site.root.rglob("*") if path.is_file()}
    second = {path.relative_to(sample_site_again.root): path.read_bytes() for path in sample_site_again.root.rglob("*") if path.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


@pytest.mark.parametrize("language", READER_LANGUAGES)
@pytest.mark.parametrize("offer", PUBLISHED[:12], ids=lambda offer: offer.id)
def test_names_inside_sentences_are_isolated_on_the_offer_page(sample_site: BuiltSite, offer, language: str) -> None:
    page = soup(sample_site, offer_path(offer.id, language))
    provider = page.select_one(f'a[href$="actors/{offer.actor}/"]')
    assert provider.find("bdi") is not None and provider.get_text() == provider.find("bdi").get_text()
    assert page.select_one(".cat-checked bdi").get_text() == offer.last_verified.by
    for link in page.select(".cat-breadcrumb a")[1:]:
        assert link.find(["bdi", "span"]) is not None


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_open_data_page_offers_the_workbook_beside_the_csv_and_says_which_is_which(sample_site: BuiltSite, language: str) -> None:
    page = soup(sample_site, prefix(language) + "open-data/index.html")
    links = {link["href"].rsplit("/", 1)[-1]: link for link in page.select("a[download]")}
    assert {"offers.xlsx", "offers.csv", "offers.json", "sessions.ics"} <= set(links)
    workbook = openpyxl.load_workbook(sample_site.root / "data" / "offers.xlsx", read_only=True)
    assert workbook["Angebote"].max_row == len(PUBLISHED) + 1
    labels = LOADED.labels[language]
    assert links["offers.xlsx"].get_text() == labels["opendata.xlsx"]
    assert labels["opendata.formats"] in page.get_text()


REQUIRED_DIRECTIVES = {
    "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"], "connect-src": ["'self'"], "default-src": ["'self'"],
}


def test_every_page_has_a_content_security_policy_allowing_exactly_its_inline_scripts(sample_site: BuiltSite) -> None:
    """The editor under /admin/ brings its own policy and is left out here."""
    pages = [path for path in sample_site.root.rglob("*.html") if path.relative_to(sample_site.root).parts[0] != "admin"]
    assert len(pages) > 100
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = page.head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        policy = {directive.split()[0]: directive.split()[1:] for directive in metas[0]["content"].split("; ")}
        for name, sources in REQUIRED_DIRECTIVES.items():
            assert policy[name] == sources, (path, name)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert set(policy["script-src"]) - {"'self'"} <= {source for source in policy["script-src"] if source.startswith("'sha256-")}
        first_script = page.head.find("script")
        assert metas[0].sourceline < first_script.sourceline, f"{path}: the policy must come before the first script"
        for script in page.find_all("script"):
            if script.get("src") or script.get("type") == "application/ld+json":
                continue
            assert script_hash(script.string) in policy["script-src"], f"{path}: an inline script the policy does not allow"
        assert page.head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


@pytest.mark.parametrize("language", READER_LANGUAGES)
def test_an_end_before_the_start_reads_as_the_next_day(language: str) -> None:
    reader = ReaderLanguage(SETTINGS, language, labels=LOADED.labels[language], fallback_labels=LOADED.labels[DEFAULT])
    next_day = LOADED.labels[language]["offer.next_day"].replace("{time}", reader.formatter.time("01:00"))
    assert next_day in reader.time_range("20:30", "01:00")
    assert reader.formatter.time("20:30") in reader.time_range("20:30", "01:00")
    assert LOADED.labels[language]["offer.next_day"].replace("{time}", "") not in reader.time_range("09:00", "12:00")


CONTENT_PAGES = ["", "about/", "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", CONTENT_PAGES)
def test_content_pages_speak_of_the_towns_settings_and_never_of_another_town(sample_site: BuiltSite, page_type: str, language: str) -> None:
    html = sample_site.page(prefix(language) + page_type + "index.html")
    assert "{{" not in html, "a placeholder was left unfilled"
    assert "Neustadt" not in html and "neustadt" not in html
    if page_type == "impressum/":
        text = soup(sample_site, prefix(language) + page_type + "index.html")
        assert SETTINGS.town_in(language) in text.get_text()
        assert text.select_one(f'a[href="mailto:{SETTINGS.office_email}"]') is not None
        assert text.select_one('a[href="tel:+4930555' + '0199"]') is not None


def test_the_accessibility_statement_names_the_states_law_and_conciliation_body_from_the_settings(sample_site: BuiltSite) -> None:
    statement = soup(sample_site, "barrierefreiheit/index.html")
    text = statement.get_text(" ")
    assert SETTINGS.accessibility["law"] in text and SETTINGS.accessibility["conciliation_name"] in text
    assert statement.select_one(f'a[href="mailto:{SETTINGS.accessibility["conciliation_email"]}"]') is not None
    assert statement.select_one(f'a[href="{SETTINGS.accessibility["conciliation_url"]}"]') is not None
    assert "[Hier trägt die Stadt" not in text


def test_a_town_name_written_per_language_reaches_that_languages_pages(sample_site: BuiltSite) -> None:
    assert SETTINGS.town_in("ar") != SETTINGS.town_in("de")
    arabic = soup(sample_site, prefix("ar") + "about/index.html").get_text()
    assert SETTINGS.town_in("ar") in arabic
    english = soup(sample_site, prefix("en") + "catalogue/index.html").get_text()
    assert SETTINGS.town_in("de") in english, "a language the settings give no name for uses the default language's"


def test_legal_texts_carry_the_date_and_the_languages_from_the_settings(sample_site: BuiltSite) -> None:
    privacy = soup(sample_site, "datenschutz/index.html").get_text()
    assert "5. Oktober 2026" in privacy
    easy = soup(sample_site, "leichte-sprache/index.html")
    assert f"in {len(LANGUAGES)} Sprachen" in easy.get_text()
    listed = [item.get_text() for item in easy.select("article ul li, .md-content ul li")]
    assert {"Deutsch", "Arabisch", "Tigrinya"} <= set(listed)
    assert "Russisch" not in listed, "the fixture town does not offer Russian"
