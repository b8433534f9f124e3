"""What stopped newcomers once they had reached an offer on a 360 px phone, in Arabic and a left-to-right language:
contact below the fold, German fallback text read right to left, unmarked fallback cards, addresses reordered."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.site.sample_data import PUBLICATION, SETTINGS

from .browser_setup import PHONE
from .browser_tab import Tab
from .catalogue_view import CatalogueView
from .site_pages import PAGE_PATHS, language_path
from .text_layout import what_a_person_would_see_wrong

FIRST_SCREEN = PHONE["viewport"]["height"]
PHONE_LANGUAGES = ("ar", "en")
"""A right-to-left language and a left-to-right one."""

CALLABLE_OFFERS = [
    offer.id for offer in PUBLICATION.offers
    if (offer.contact.phone if (offer.contact.phone or offer.contact.email) else PUBLICATION.catalogue.actors[offer.actor].contact.phone)
]


def _bottom(tab: Tab, selector: str) -> float:
    box = tab.page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
@pytest.mark.parametrize("offer_id", CALLABLE_OFFERS)
def test_the_call_button_and_its_hours_are_in_the_first_screen(phone: Tab, language: str, offer_id: str) -> None:
    phone.visit(language_path(language, f"offers/{offer_id}/"))
    call = 'a.cat-button[href^="tel:"]'
    assert _bottom(phone, call) <= FIRST_SCREEN, f"the call button ends at {_bottom(phone, call):.0f} px, below the first screen"
    hours = phone.page.locator(f"{call} + .cat-actions__hours")
    if hours.count():
        assert _bottom(phone, f"{call} + .cat-actions__hours") <= FIRST_SCREEN * 1.25, "the calling hours are far below the call button"


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_every_action_of_an_offer_starts_in_the_first_screen(phone: Tab, language: str) -> None:
    offer = next(offer for offer in PUBLICATION.offers if offer.registration and offer.registration.url and offer.locations)
    phone.visit(language_path(language, f"offers/{offer.id}/"))
    actions = phone.page.locator(".cat-actions a.cat-button")
    hrefs = actions.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert offer.registration is not None and offer.registration.url in hrefs, hrefs
    assert any(href.startswith("https://www.openstreetmap.org/directions") for href in hrefs), hrefs
    tops = actions.evaluate_all("links => links.map(link => link.getBoundingClientRect().top)")
    assert max(tops) < FIRST_SCREEN, f"an action starts below the first screen: {tops}"


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_cards_say_whether_the_offer_can_be_called(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    marked = frozenset(phone.page.locator("li.cat-card:has(.cat-card__call)").evaluate_all("cards => cards.map(card => card.dataset.id)"))
    assert marked == frozenset(CALLABLE_OFFERS)
    assert phone.page.locator(".cat-card__call").first.is_visible()


_FOREIGN_ELEMENTS = """() => Array.from(document.body.querySelectorAll('[lang]'))
  .filter(element => element.lang !== document.documentElement.lang && element.getClientRects().length)
  .map(element => ({lang: element.lang, dir: element.getAttribute('dir'), direction: getComputedStyle(element).direction,
                    text: element.textContent.trim().slice(0, 40)}))"""


@pytest.mark.parametrize("path", ["catalogue/", "catalogue/early-childhood/", "offers/schwimmkurs-seepferdchen/", "news/", ""])
def test_left_to_right_text_in_a_right_to_left_page_reads_left_to_right(phone: Tab, path: str) -> None:
    phone.visit(language_path("ar", path))
    foreign = phone.page.evaluate(_FOREIGN_ELEMENTS)
    german = [element for element in foreign if element["lang"] == SETTINGS.default_language]
    assert german, "the page shows no German text: pick a page of the tests' town with a fallback"
    wrong = [element for element in foreign if element["lang"] not in ("ar", "fa") and (element["dir"] != "ltr" or element["direction"] != "ltr")]
    assert not wrong, wrong


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_fallback_cards_are_marked_in_the_readers_language(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    cards = phone.page.locator("li.cat-card")
    with_fallback = frozenset(phone.page.locator("li.cat-card:has(.cat-fallback)").evaluate_all("cards => cards.map(card => card.dataset.id)"))
    marked = phone.page.locator("li.cat-card:has(.cat-card__fallback)")
    assert with_fallback, "no card falls back: the tests' town should have an offer left untranslated"
    assert frozenset(marked.evaluate_all("cards => cards.map(card => card.dataset.id)")) == with_fallback
    note = marked.first.locator(".cat-card__fallback")
    assert note.get_attribute("lang") in (None, language) and note.is_visible()
    assert cards.count() > len(with_fallback)


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
@pytest.mark.parametrize(("path", "has_fallback"), [("catalogue/", True), ("offers/deutsch-von-anfang-an/", False)])
def test_the_not_translated_notice_shows_only_where_a_fallback_is(phone: Tab, language: str, path: str, has_fallback: bool) -> None:
    phone.visit(language_path(language, path))
    notices = phone.page.locator("article .cat-notice:not(.cat-notice--machine):not(.cat-notice--paused):not(.cat-notice--capacity):not(.cat-notice--stale):not(.cat-notice--preview)").count()
    fallbacks = phone.page.locator(".cat-fallback").count()
    assert bool(fallbacks) == has_fallback, "the tests' town changed: pick another page"
    assert (notices > 0) == has_fallback


_LEFT_OF = """([selector, first, second]) => {
  const where = needle => {
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const box = range.getBoundingClientRect();
        return {left: box.left, top: box.top};
      }
    }
    return null;
  };
  return [where(first), where(second)];
}"""
"""Where two pieces of text begin on the screen, each found in an element matching `selector`."""


def _reads_left_to_right(tab: Tab, selector: str, first: str, second: str) -> None:
    before, after = tab.page.evaluate(_LEFT_OF, [selector, first, second])
    assert before and after, f"{first!r} or {second!r} is not in {selector}"
    assert abs(before["top"] - after["top"]) < 4, "the two pieces wrapped onto different lines: pick shorter ones"
    assert before["left"] < after["left"], f"{second!r} is shown before {first!r}"


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_an_address_reads_left_to_right(phone: Tab, language: str) -> None:
    offer = PUBLICATION.offer("integrationskurs-abend")
    assert offer is not None
    place = PUBLICATION.catalogue.actors[offer.actor].location(offer.locations[0])
    phone.visit(language_path(language, f"offers/{offer.id}/"))
    _reads_left_to_right(phone, ".cat-place", place.street.split()[-1], place.postcode)


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
@pytest.mark.parametrize(("first", "second"), [("06221", "555-0141"), ("17:30", "19:00")], ids=["phone", "time"])
def test_numbers_in_a_description_keep_their_order(phone: Tab, language: str, first: str, second: str) -> None:
    phone.visit(language_path(language, "offers/integrationskurs-abend/"))
    _reads_left_to_right(phone, ".cat-description li", first, second)


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_district_names_are_in_the_readers_script(phone: Tab, language: str) -> None:
    districts = PUBLICATION.catalogue.taxonomy.districts
    named = [district for district in districts if language in district.label]
    if language == "ar":
        assert named, "the tests' town gives no district an Arabic name"
    expected = {district.id: district.label.get(language, district.label[SETTINGS.default_language]) for district in districts}
    phone.visit(language_path(language, "catalogue/"))
    options = dict(phone.page.locator("#cat-d option[value]:not([value=''])").evaluate_all("options => options.map(o => [o.value, o.textContent.trim()])"))
    assert options == expected
    card = phone.page.locator(f'li.cat-card[data-d~="{districts[0].id}"] .cat-card__facts').first
    assert expected[districts[0].id] in card.inner_text()


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


STALE_BEFORE = _months_before(PUBLICATION.today, SETTINGS.stale_after_months)


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
@pytest.mark.parametrize("stale", [True, False], ids=["stale", "fresh"])
def test_the_offer_says_when_it_was_checked_near_the_top(phone: Tab, language: str, stale: bool) -> None:
    offer = next((offer for offer in PUBLICATION.offers if (offer.last_verified.date < STALE_BEFORE) == stale), None)
    assert offer is not None, f"the tests' town has no {'stale' if stale else 'fresh'} offer"
    phone.visit(language_path(language, f"offers/{offer.id}/"))
    checked = phone.page.locator(".cat-checked--top")
    assert checked.is_visible() and _bottom(phone, ".cat-checked--top") <= FIRST_SCREEN * 1.5
    assert checked.get_attribute("lang") is None, "the date line is in the page's language"
    note = phone.page.locator(".cat-notice--stale")
    assert note.count() == (1 if stale else 0)
    if stale:
        assert note.is_visible() and _bottom(phone, ".cat-notice--stale") <= FIRST_SCREEN * 1.5


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_the_catalogue_says_when_the_data_was_last_checked(phone: Tab, language: str) -> None:
    phone.visit(language_path(language, "catalogue/"))
    newest = max(offer.last_verified.date for offer in PUBLICATION.offers)
    line = phone.page.locator("article .cat-checked, .cat-catalogue .cat-checked, h1 ~ .cat-checked").first
    assert line.is_visible()
    digits = "".join(character for character in line.inner_text() if character.isdecimal())
    assert str(int(newest.year)) in "".join(str(int(character)) for character in digits), line.inner_text()


def _catalogue(tab: Tab, language: str, query: str = "") -> CatalogueView:
    tab.visit(language_path(language, "catalogue/") + query)
    return CatalogueView(tab.page).settled()


def _number(text: str) -> int | None:
    digits = "".join(str(int(character)) for character in text if character.isdecimal())
    return int(digits) if digits else None


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_on_a_phone_the_count_and_the_filter_button_come_first(phone: Tab, language: str) -> None:
    view = _catalogue(phone, language)
    page = phone.page
    assert _bottom(phone, "#cat-results") <= FIRST_SCREEN
    assert _bottom(phone, "#cat-fold-button") <= FIRST_SCREEN
    assert not page.locator("#cat-d").is_visible(), "the filters are not folded on a phone"
    assert _number(page.locator("#cat-fold-button").inner_text()) is None
    page.locator("#cat-fold-button").tap()
    page.locator("#cat-d").select_option(PUBLICATION.catalogue.taxonomy.districts[0].id)
    page.locator("#cat-free").tap()
    view.settled()
    assert _number(page.locator("#cat-fold-button").inner_text()) == 2, page.locator("#cat-fold-button").inner_text()


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
def test_a_skip_link_leads_past_the_filters_to_the_offers(phone: Tab, language: str) -> None:
    _catalogue(phone, language)
    page = phone.page
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('href') === '#cat-list'"):
            break
    else:
        pytest.fail("no skip link to the offers among the first 12 Tab stops")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('li.cat-card, .cat-chips')"), "Tab after the skip link does not reach the offers"


@pytest.mark.parametrize(("language", "other"), [("ar", "en"), ("en", "ar")])
def test_switching_language_keeps_the_filters(phone: Tab, language: str, other: str) -> None:
    district = PUBLICATION.catalogue.taxonomy.districts[0].id
    view = _catalogue(phone, language, f"?age=4&d={district}")
    counted = view.visible_offer_ids()
    page = phone.page
    page.locator("header .cat-language-button").tap()
    with page.expect_navigation():
        page.locator(f'header .cat-languages__list a[hreflang="{other}"]').tap()
    switched = CatalogueView(page).settled()
    assert switched.control_values()["d"] == district and switched.control_values()["age"] == "4"
    assert switched.visible_offer_ids() == counted


@pytest.mark.parametrize("language", PHONE_LANGUAGES)
@pytest.mark.parametrize("typed", ["٤", "۴"], ids=["arabic-indic", "persian"])
def test_the_age_filter_takes_arabic_indic_and_persian_digits(phone: Tab, language: str, typed: str) -> None:
    expected = _catalogue(phone, language, "?age=4").visible_offer_ids()
    view = _catalogue(phone, language)
    page = phone.page
    assert expected != view.visible_offer_ids(), "an age of 4 filters nothing in the tests' town"
    page.locator("#cat-fold-button").tap()
    page.locator("#cat-age").press_sequentially(typed)
    page.wait_for_function("() => new URLSearchParams(location.search).get('age') === '4'")
    page.wait_for_function("() => document.getElementById('cat-filters').dataset.shown === '1'")  # the offers arrived
    assert view.visible_offer_ids() == expected


@pytest.mark.parametrize("language", ("de", "ar", "ti"))
@pytest.mark.parametrize("kind", ["offer", "catalogue"])
def test_first_screen_screenshot(phone: Tab, screenshot_dir: Path, language: str, kind: str) -> None:
    """What a reader sees first at 360 x 740, for people to look at: the offer's actions, the folded filters."""
    phone.visit(language_path(language, PAGE_PATHS[kind]))
    if kind == "catalogue":
        CatalogueView(phone.page).settled()
        assert not phone.page.locator("#cat-d").is_visible()
    else:
        assert phone.page.locator(".cat-actions").is_visible()
    path = screenshot_dir / f"phone-first-screen-{language}-{kind}.png"
    assert not (wrong := what_a_person_would_see_wrong(phone.page)), "\n".join(wrong[:15])
    phone.page.screenshot(path=str(path), scale="css")
