"""Machine-translation drafts through DeepL's API, answered by a stand-in on 127.0.0.1: only missing texts, marked
as machine-translated, within a character budget, and nothing written when the provider fails."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

import pytest

from catalogue.office.machine_translation import DEEPL_KEY_VARIABLE, DEEPL_URL_VARIABLE, DeepL

from .conftest import TODAY, data_digest, run
from .deepl_stand_in import KEY, StandIn, deepl_stand_in


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    with deepl_stand_in() as server:
        monkeypatch.setenv(DEEPL_KEY_VARIABLE, KEY)
        monkeypatch.setenv(DEEPL_URL_VARIABLE, server.url)
        yield server


def machine(site: Path, *arguments: str) -> tuple[int, str, str]:
    return run("translations", "machine", "--config", str(site / "mkdocs.yml"), *arguments)


def test_missing_texts_are_drafted_and_marked(office_site: Path, stand_in: StandIn) -> None:
    code, out, err = machine(office_site, "--to", "uk")
    assert code == 0, err
    assert stand_in.requests, "the stand-in was asked"
    assert all(request["source_lang"] == "DE" and request["target_lang"] == "UK" for request in stand_in.requests)
    assert all(headers["Authorization"] == f"DeepL-Auth-Key {KEY}" for headers in stand_in.headers)
    text = (office_site / "data/offers/sportverein-altstadt/schwimmen.yml").read_text(encoding="utf-8")
    assert "  uk: '[UK] Schwimmen für Frauen'\n" in text
    assert text.endswith("translation_sources:\n  en: 0123abcd\n  uk: 9ba42caf\nmachine_translated:\n  - uk\n")
    assert "  en: Swimming for women\n" in text, "the outdated English text is a person's: left alone"
    rows = list(csv.DictReader(io.StringIO(run("report", "--config", str(office_site / "mkdocs.yml"), "--today", TODAY, "--format", "csv", "--lang", "en")[1].lstrip("\ufeff"))))
    uk = {row["status"] for row in rows if row["section"] == "translation" and row["language"] == "uk"}
    assert uk == {"machine, unchecked"}


def test_only_texts_without_any_translation_are_sent(office_site: Path, stand_in: StandIn) -> None:
    assert machine(office_site, "--to", "ti")[0] == 1, "DeepL has no Tigrinya"
    assert not stand_in.requests
    offer = office_site / "data/offers/sportverein-altstadt/schwimmen.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace(
        "  en: Swimming for women\n", "  en: Swimming for women\n  uk: Плавання для жінок\n"), encoding="utf-8")
    assert machine(office_site, "--to", "uk")[0] == 0
    sent = [text for request in stand_in.requests for text in request["text"]]
    assert "Badekappe mitbringen." in sent
    assert "Schwimmen für Frauen" not in sent, "a person's translation is kept"
    assert "  uk: Плавання для жінок\n" in offer.read_text(encoding="utf-8")


def test_the_budget_stops_a_run_and_the_next_run_goes_on(office_site: Path, stand_in: StandIn) -> None:
    code, out, _ = machine(office_site, "--to", "uk", "--budget", "60")
    assert code == 0
    sent = [text for request in stand_in.requests for text in request["text"]]
    assert sum(len(text) for text in sent) <= 60
    assert sent
    assert "bleiben für den nächsten Lauf" in out
    first = len(sent)
    machine(office_site, "--to", "uk", "--budget", "100000")
    again = [text for request in stand_in.requests for text in request["text"]][first:]
    assert not set(again) & set(sent), "a drafted text is not sent twice"


def test_a_provider_error_writes_nothing(office_site: Path, stand_in: StandIn) -> None:
    stand_in.fail_with = 456
    before = data_digest(office_site)
    code, _, err = machine(office_site, "--to", "uk")
    assert code == 1
    assert "HTTP 456" in err
    assert data_digest(office_site) == before


def test_without_a_key_machine_translation_is_off(office_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DEEPL_KEY_VARIABLE, raising=False)
    before = data_digest(office_site)
    code, _, err = machine(office_site, "--to", "uk")
    assert code == 2
    assert DEEPL_KEY_VARIABLE in err
    assert data_digest(office_site) == before


@pytest.mark.parametrize("key, url", [("abc:fx", "https://api-free.deepl.com"), ("abc", "https://api.deepl.com")])
def test_free_and_pro_keys_pick_their_api(key: str, url: str) -> None:
    provider = DeepL.from_environment({DEEPL_KEY_VARIABLE: key})
    assert provider is not None and provider.url == url


@pytest.mark.parametrize(("appended", "reason"), [(" <script>alert(1)</script>", "enthält"), (" \u202e", "U+202E"), (" \x00", "U+0000")])
def test_drafts_that_check_would_refuse_are_not_written(office_site: Path, stand_in: StandIn, appended: str, reason: str) -> None:
    stand_in.appends = appended
    before = data_digest(office_site)
    code, _, err = machine(office_site, "--to", "uk")
    assert code == 1
    assert "nichts wurde geschrieben" in err and reason in err
    assert data_digest(office_site) == before
