"""The web editor under /admin/, used the way an actor uses it: in Chromium, against a local backend that writes
real files into a copy of a small catalogue repository."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from catalogue.data.strict_yaml import parse_yaml_text
from tests.towns import REPO

from .browser_setup import DESKTOP, PHONE
from .conftest import SCREENSHOT_DIR
from .editor_setup import EditorRepository, RunningBackend, changed_lines, copy_repository, point_editor_at
from .static_server import SiteServer

NEW_OFFER_ID = "sprachcafe-am-donnerstag"
NEW_NEED_ID = "2026-11-deutschkurs-samstag"
EDITED_OFFER = Path("offers") / "sprachschule-nord" / "deutsch-a1.yml"
EDITOR_TIMEOUT_MS = 20_000
LOGIN = "Anmelden"
"""The sign-in button of the local trial (Decap's "Login", in the editor's German)."""


@pytest.fixture(scope="module")
def editor_repository(tmp_path_factory: pytest.TempPathFactory) -> EditorRepository:
    repository = copy_repository(tmp_path_factory.mktemp("editor") / "repository")
    repository.build(repository.root.parent / "built")
    return repository


@pytest.fixture(scope="module")
def editor_url(editor_repository: EditorRepository) -> Iterator[str]:
    with RunningBackend(editor_repository) as backend:
        point_editor_at(editor_repository.root.parent / "built" / "site", backend.port)
        with SiteServer(editor_repository.root.parent / "built" / "site") as server:
            yield server.url("admin/").replace("127.0.0.1", "localhost")


@dataclass
class EditorTab:
    page: Page
    url: str
    foreign: list[str]
    """Requests to any origin but the site's own and its local backend (there must be none)."""
    refused: list[str]
    """What the page's Content-Security-Policy refused, as Chromium reports it on the console (there must be none)."""

    def open(self, route: str) -> None:
        self.page.goto(self.url + route)


@pytest.fixture(scope="module")
def desktop_editor(chromium: Browser, editor_url: str) -> Iterator[EditorTab]:
    """One signed-in editor at desktop size for the module: Decap's 5 MB script is parsed once."""
    context = chromium.new_context(**DESKTOP, locale="de-DE")
    page = context.new_page()
    foreign: list[str] = []
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    _open_editor(page, editor_url, foreign)
    yield EditorTab(page, editor_url, foreign, refused)
    context.close()


def _open_editor(page: Page, url: str, foreign: list[str]) -> None:
    page.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).hostname not in {"localhost", "127.0.0.1"} and not request.url.startswith(("data:", "blob:")) else None)
    page.set_default_timeout(EDITOR_TIMEOUT_MS)
    page.goto(url)
    page.get_by_role("button", name=LOGIN).click()


def _option_label(site: Path, field: str, value: str) -> str:
    """The label the generated form shows for an enum value of an offer (from the town's labels, or the value)."""
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    offers = next(collection for collection in config["collections"] if collection["name"] == "offers")
    options = next(entry for entry in offers["fields"] if entry["name"] == field)["options"]
    return str(next(option["label"] for option in options if option["value"] == value))


def _choose(page: Page, field_id: str, typed: str) -> None:
    page.click(f"[id^='{field_id}-field-']")
    page.keyboard.type(typed)
    page.get_by_role("option", name=typed, exact=False).first.click()


def _publish(page: Page) -> None:
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()
    page.get_by_text("Änderungen gespeichert", exact=False).first.wait_for()


def _check(repository: EditorRepository) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "catalogue", "check", "--lang", "en", "--today", "2026-11-26", "--config", str(repository.config)],
        capture_output=True, text=True, env=environment, timeout=120,
    )


def test_a_new_offer_made_in_the_form_is_a_valid_file_that_the_site_shows(desktop_editor: EditorTab, editor_repository: EditorRepository) -> None:
    page = desktop_editor.page
    site = editor_repository.root.parent / "built" / "site"
    desktop_editor.open("#/collections/offers")
    page.get_by_text("Deutsch A1 am Vormittag").wait_for()
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "editor-offers-desktop.png"))
    desktop_editor.open("#/collections/offers/new")
    page.fill("[id^='id-field-']", NEW_OFFER_ID)
    _choose(page, "actor", "Sprachschule")
    _choose(page, "status", _option_label(site, "status", "active"))
    _choose(page, "categories", "Deutsch")
    german = page.locator("[id^='de-field-']")
    german.nth(0).fill("Sprachcafé am Donnerstag")
    german.nth(1).fill("Deutsch sprechen bei Tee, ohne Anmeldung.")
    page.locator("[data-slate-editor=true]").first.click()
    page.keyboard.type("Jeden Donnerstag üben wir **Deutsch** im Gespräch.")
    _choose(page, "mode", _option_label(site, "mode", "in_person"))
    page.locator("[id^='date-field-']").last.fill("20.11.2026")
    page.fill("[id^='by-field-']", "Sprachschule Nord")
    page.screenshot(path=str(SCREENSHOT_DIR / "editor-new-offer-desktop.png"))
    _publish(page)

    written = editor_repository.data / "offers" / "sprachschule-nord" / f"{NEW_OFFER_ID}.yml"
    assert written.is_file(), sorted(str(path) for path in editor_repository.data.rglob("*.yml"))
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/offer.schema.json\n")
    parsed = parse_yaml_text(text, str(written))
    assert parsed.document is not None, parsed.problems
    assert parsed.document.data["last_verified"] == {"date": "2026-11-20", "by": "Sprachschule Nord"}
    assert '"2026-11-20"' in text, "dates are written in quotes, as the schema asks"
    checked = _check(editor_repository)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "error" not in checked.stdout.lower().replace("errors: 0", ""), checked.stdout
    rebuilt = editor_repository.build(editor_repository.root.parent / "rebuilt")
    assert "Sprachcafé am Donnerstag" in rebuilt.page(f"offers/{NEW_OFFER_ID}/index.html")
    assert desktop_editor.foreign == [], "the editor contacted another origin"


def test_the_office_records_a_need_in_its_own_collection(desktop_editor: EditorTab, editor_repository: EditorRepository) -> None:
    page = desktop_editor.page
    desktop_editor.open("#/collections/needs/new")
    page.fill("[id^='id-field-']", NEW_NEED_ID)
    page.fill("[id^='title-field-']", "Deutschkurs am Samstag")
    _choose(page, "topic", "Deutsch lernen")
    _choose(page, "stage", "Deutsch lernen")
    _choose(page, "district", "Nordstadt")
    _choose(page, "target_group", "Erwachsene")
    page.fill("[id^='people-field-']", "12")
    _choose(page, "source", "Anfragen über die Website")
    page.fill("[id^='reported_by-field-']", "Bildungskoordination, E-Mails über die Website")
    page.locator("[id^='reported-field-']").fill("20.11.2026")
    _choose(page, "status", "Offen")
    _publish(page)

    written = editor_repository.data / "needs" / f"{NEW_NEED_ID}.yml"
    assert written.is_file(), sorted(str(path) for path in editor_repository.data.rglob("*.yml"))
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/need.schema.json\n")
    parsed = parse_yaml_text(text, str(written))
    assert parsed.document is not None, parsed.problems
    assert {key: parsed.document.data[key] for key in ("topic", "district", "people", "source", "status")} == {
        "topic": "german", "district": "nordstadt", "people": 12, "source": "site_requests", "status": "open",
    }
    checked = _check(editor_repository)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert desktop_editor.foreign == [], "the editor contacted another origin"


def test_editing_one_field_changes_one_line_and_keeps_comments_and_order(desktop_editor: EditorTab, editor_repository: EditorRepository) -> None:
    file = editor_repository.data / EDITED_OFFER
    kept_by_tools = 'translation_sources:\n  en: "0a1b2c3d"\n'
    file.write_text("# Geprüft mit dem Anbieter am Telefon.\n" + file.read_text(encoding="utf-8") + kept_by_tools, encoding="utf-8")
    before = file.read_text(encoding="utf-8")
    page = desktop_editor.page
    desktop_editor.open("#/collections/offers/entries/sprachschule-nord/deutsch-a1")
    page.reload()  # the editor read the file before the comment was added; an actor would open it anew
    login = page.get_by_role("button", name=LOGIN)
    summary = page.locator("[id^='de-field-']").nth(1)
    login.or_(summary).first.wait_for()
    if login.is_visible():
        login.click()
    summary.wait_for()
    assert summary.input_value() == "Deutsch für den Alltag, mit Kinderbetreuung."
    summary.fill("Deutsch für den Alltag, mit Kinderbetreuung am Vormittag.")
    _publish(page)
    after = file.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        ("  de: Deutsch für den Alltag, mit Kinderbetreuung.", "  de: Deutsch für den Alltag, mit Kinderbetreuung am Vormittag."),
    ]
    assert desktop_editor.foreign == []


def test_the_preview_shows_the_offer_in_german_and_a_second_language_with_the_sites_css(desktop_editor: EditorTab) -> None:
    page = desktop_editor.page
    desktop_editor.open("#/collections/offers")
    page.get_by_text("Fußball für Kinder").click()
    expect(page.locator("[id^='id-field-']")).to_have_value("fussball-kinder")
    preview = page.frame_locator("iframe").first
    expect(preview.locator("h1")).to_have_text(["Fußball für Kinder", "Football for children"])
    styles = preview.locator("link[rel=stylesheet]").evaluate_all("links => links.map(link => link.href)")
    assert any(style.endswith("assets/catalogue/catalogue.css") for style in styles), styles
    page.screenshot(path=str(SCREENSHOT_DIR / "editor-offer-desktop.png"))
    english_title = page.locator("[id^='en-field-']").first
    english_title.fill("دورة اللغة الألمانية")
    assert english_title.evaluate("field => getComputedStyle(field).direction") == "rtl", "Arabic is typed right to left"
    assert preview.locator("h1").all_inner_texts()[1] == "دورة اللغة الألمانية"
    assert desktop_editor.foreign == []


def test_the_editor_works_under_its_content_security_policy(desktop_editor: EditorTab) -> None:
    """Runs after the tests above have used the form, the preview and the local backend in the same tab."""
    policy = desktop_editor.page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert policy and "connect-src 'self' https://api.github.com" in policy
    assert not desktop_editor.refused, desktop_editor.refused


def test_the_form_fits_a_phone(chromium: Browser, editor_url: str) -> None:
    context = chromium.new_context(**PHONE, locale="de-DE")
    page = context.new_page()
    foreign: list[str] = []
    try:
        _open_editor(page, editor_url, foreign)
        page.goto(editor_url + "#/collections/offers/entries/sprachschule-nord/deutsch-a1")
        title = page.locator("[id^='de-field-']").first
        title.wait_for()
        assert title.input_value() == "Deutsch A1 am Vormittag"
        width = PHONE["viewport"]["width"]
        for field in (page.locator("[id^='id-field-']"), title, page.get_by_role("button", name="Veröffentlicht")):
            box = field.bounding_box()
            assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width, f"runs past the {width}px screen: {box}"
        page.screenshot(path=str(SCREENSHOT_DIR / "editor-offer-phone.png"))
    finally:
        context.close()
    assert foreign == []


PHONE_WIDTHS = (360, 412, 768)


def _tap(page: Page, target: Locator) -> None:
    """A finger's tap at the element's own place on the screen, after checking that nothing covers it there and that
    it is on the screen (Playwright's click() scrolls any container, even a clipped toolbar, and hides what a finger
    meets)."""
    target.wait_for(state="visible")
    # A finger swipes the page, or the form's own tall scrolling pane; it cannot find a menu hidden in a small
    # scrolling bar, so no smaller container is scrolled.
    target.evaluate(
        "element => { let pane = element.parentElement;"
        " while (pane && !(/(auto|scroll)/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight && pane.clientHeight > innerHeight / 2)) pane = pane.parentElement;"
        " const box = element.getBoundingClientRect();"
        " if (box.top < 0 || box.bottom > innerHeight) (pane || document.scrollingElement).scrollBy(0, box.top - innerHeight / 3); }"
    )
    box = target.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    viewport = page.viewport_size
    assert viewport is not None and 0 <= x < viewport["width"] and 0 <= y < viewport["height"], f"off the screen at {x:.0f},{y:.0f}"
    hit = target.evaluate(
        "(element, [x, y]) => { const under = document.elementFromPoint(x, y);"
        " return under !== null && (element === under || element.contains(under)) ? '' : (under ? under.outerHTML.slice(0, 120) : 'nothing'); }",
        [x, y],
    )
    assert hit == "", f"a tap at {x:.0f},{y:.0f} meets {hit}, not the control meant"
    page.touchscreen.tap(x, y)


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_on_a_phone_or_tablet_real_taps_save_a_change(chromium: Browser, editor_url: str, editor_repository: EditorRepository, width: int) -> None:
    context = chromium.new_context(
        viewport={"width": width, "height": 740}, screen={"width": width, "height": 740}, device_scale_factor=2,
        is_mobile=True, has_touch=True, locale="de-DE",
    )
    page = context.new_page()
    foreign: list[str] = []
    file = editor_repository.data / "offers" / "sportverein-altstadt" / "fussball-kinder.yml"
    new_summary = f"Jeden Mittwoch Training, Bildschirm {width}."
    try:
        page.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).hostname not in {"localhost", "127.0.0.1"} and not request.url.startswith(("data:", "blob:")) else None)
        page.set_default_timeout(EDITOR_TIMEOUT_MS)
        page.goto(editor_url)
        _tap(page, page.get_by_role("button", name=LOGIN))
        page.goto(editor_url + "#/collections/offers/entries/sportverein-altstadt/fussball-kinder")
        summary = page.locator("[id^='de-field-']").nth(1)
        summary.wait_for()
        _tap(page, summary)
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(new_summary)
        _tap(page, page.get_by_role("button", name="Veröffentlichen", exact=True))
        _tap(page, page.get_by_role("menuitem", name="Jetzt veröffentlichen"))
        page.get_by_text("Änderungen gespeichert", exact=False).first.wait_for()
        if width == PHONE_WIDTHS[0]:
            page.screenshot(path=str(SCREENSHOT_DIR / "editor-offer-phone-saved.png"))
    finally:
        context.close()
    saved = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert saved["summary"]["de"] == new_summary, "the tapped change was not saved"
    assert saved["summary"]["en"] == "Training every Wednesday.", "the rest of the text map stays"
    assert foreign == []


def test_the_editor_refuses_what_check_refuses_before_saving_all_at_once_with_the_forms_labels(desktop_editor: EditorTab, editor_repository: EditorRepository) -> None:
    file = editor_repository.data / "offers" / "sportverein-altstadt" / "fussball-kinder.yml"
    before = file.read_text(encoding="utf-8")
    page = desktop_editor.page
    desktop_editor.open("#/collections/offers/entries/sportverein-altstadt/fussball-kinder")
    page.reload()
    login = page.get_by_role("button", name=LOGIN)
    title = page.locator("[id^='de-field-']").first
    login.or_(title).first.wait_for()
    if login.is_visible():
        login.click()
    title.wait_for()
    assert page.locator("[id^='valid_from-field-']").input_value() == "01.09.2026", "dates are shown as TT.MM.JJJJ"
    title.fill("Fußball " * 375)
    page.locator("[id^='valid_until-field-']").fill("01.01.2026")
    page.locator("[data-slate-editor=true]").first.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Hallo <iframe src=x> und [hier](javascript:alert(1))")
    page.get_by_role("button", name="Veröffentlichen", exact=True).click()
    page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()
    refusal = page.get_by_text("Bitte zuerst korrigieren", exact=False).first
    refusal.wait_for()
    said = refusal.inner_text()
    for expected in ("„Titel“ (Deutsch) ist 3000 Zeichen lang", "„Gültig bis“ liegt vor „Gültig ab“", "„Beschreibung“ (Deutsch) enthält HTML", "javascript:"):
        assert expected in said, said
    assert "valid_from" not in said and "valid_until" not in said
    assert file.read_text(encoding="utf-8") == before, "nothing was saved"


def test_an_existing_kennung_is_refused_and_the_list_speaks_german(chromium: Browser, editor_url: str, editor_repository: EditorRepository) -> None:
    context = chromium.new_context(**DESKTOP, locale="de-DE")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    foreign: list[str] = []
    try:
        _open_editor(page, editor_url, foreign)
        page.goto(editor_url + "#/collections/offers")
        page.get_by_text("Deutsch A1 am Vormittag").wait_for()
        body = page.locator("body").inner_text()
        for english in ("Login", "Inhaltstypen", "Beitrag", "Schnell-Erstellung", "Medien"):
            assert english not in body, english
        page.get_by_role("button", name="Sortieren nach").click()
        assert page.get_by_role("menuitem", name="Titel").count() == 1, "the sort menu names the field as the form does"
        page.keyboard.press("Escape")
        page.goto(editor_url + "#/collections/offers/new")
        page.fill("[id^='id-field-']", "deutsch-a1")
        site = editor_repository.root.parent / "built" / "site"
        _choose(page, "actor", "Sprachschule")
        _choose(page, "status", _option_label(site, "status", "active"))
        _choose(page, "categories", "Deutsch")
        german = page.locator("[id^='de-field-']")
        german.nth(0).fill("Noch ein Kurs")
        german.nth(1).fill("Kurz.")
        page.locator("[data-slate-editor=true]").first.click()
        page.keyboard.type("Text.")
        _choose(page, "mode", _option_label(site, "mode", "in_person"))
        page.locator("[id^='date-field-']").last.fill("20.11.2026")
        page.fill("[id^='by-field-']", "Sprachschule Nord")
        page.get_by_role("button", name="Veröffentlichen", exact=True).click()
        page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()
        page.get_by_text("deutsch-a1 gibt es schon", exact=False).first.wait_for()
    finally:
        context.close()
    assert not list(editor_repository.data.rglob("deutsch-a1-1.yml")), "no copy under another name"


def test_a_preview_rebuild_never_reloads_the_editor(chromium: Browser, editor_url: str, editor_repository: EditorRepository) -> None:
    """`make serve` puts mkdocs' live-reload script into every page it serves, inline; the editor page's CSP refuses
    inline scripts, so a rebuild after a save cannot reload /admin/ over unsaved typing."""
    from mkdocs.livereload import LiveReloadServer

    site = editor_repository.root.parent / "built" / "site"
    page_html = (site / "admin" / "index.html").read_bytes()
    served = LiveReloadServer._inject_js_into_html(None, page_html, 1)  # type: ignore[arg-type]
    assert b"livereload(" in served, "mkdocs still injects its script inline"
    (site / "admin" / "as-served-by-make-serve.html").write_bytes(served)
    context = chromium.new_context(**DESKTOP, locale="de-DE")
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        page.goto(editor_url + "as-served-by-make-serve.html")
        page.get_by_role("button", name=LOGIN).wait_for()
        assert page.evaluate("() => typeof window.livereload") == "undefined", "the live-reload poller runs on /admin/"
    finally:
        context.close()
    assert any("inline script" in text for text in refused), refused


PHONE_ACTORS = {
    "a-stadtbibliothek": "Stadtbibliothek Teststadt",
    "m-oekumene": "Ökumenisches Zentrum",
    "z-arbeiterwohlfahrt": "Arbeiterwohlfahrt (AWO)",
}
"""Providers whose file names (ids) run in another order than their names, one name with an umlaut."""


def _phone_editor(chromium: Browser, editor_url: str, route: str) -> tuple[object, Page]:
    context = chromium.new_context(**PHONE, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(EDITOR_TIMEOUT_MS)
    page.goto(editor_url)
    _tap(page, page.get_by_role("button", name=LOGIN))
    page.goto(editor_url + route)
    return context, page


def test_the_provider_choice_lists_providers_by_their_german_name_on_a_phone(chromium: Browser, editor_url: str, editor_repository: EditorRepository) -> None:
    written = []
    for actor_id, name in PHONE_ACTORS.items():
        file = editor_repository.data / "actors" / f"{actor_id}.yml"
        file.write_text(
            f"id: {actor_id}\nname: {{de: {name}}}\ntype: association\ndescription: {{de: Beratung.}}\ncontact: {{email: info@example.org}}\n",
            encoding="utf-8",
        )
        written.append(file)
    context, page = _phone_editor(chromium, editor_url, "#/collections/offers/new")
    try:
        actor = page.locator("[id^='actor-field-']")
        actor.wait_for()
        _tap(page, actor)
        options = page.get_by_role("option")
        expect(options).to_have_count(len(PHONE_ACTORS) + 2)
        shown = options.all_inner_texts()
    finally:
        context.close()
        for file in written:
            file.unlink()
    assert shown == [
        "Arbeiterwohlfahrt (AWO)", "Ökumenisches Zentrum", "Sportverein Altstadt", "Sprachschule Nord", "Stadtbibliothek Teststadt",
    ], "by name as a German reader sorts (Ö with O), not by file name"


def test_weekly_times_show_the_german_day_and_the_time_when_collapsed(chromium: Browser, editor_url: str) -> None:
    context, page = _phone_editor(chromium, editor_url, "#/collections/offers/entries/sprachschule-nord/deutsch-a1")
    try:
        page.locator("[id^='de-field-']").first.wait_for()
        collapsed = page.get_by_text("Mo 09:00–12:00", exact=True)
        expect(collapsed).to_have_count(1)
        assert page.get_by_text("mon 09:00–12:00", exact=True).count() == 0
        box = collapsed.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"]
    finally:
        context.close()
