"""The round trip and the machine drafts on a synthetic catalogue of 1,000 offers (about 1,200 files): the whole
catalogue is read and exported; a slice is filled and written (ruamel.yaml's round trip costs some 50 ms a file)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import read_settings
from catalogue.figures.translation_status import translation_status
from catalogue.office.machine_translation import DEEPL_KEY_VARIABLE, DEEPL_URL_VARIABLE
from tests.towns import FIXTURE_DATA
from bench.synthetic import REFERENCE_DATE, write_synthetic_catalogue

from .conftest import copy_labels_for_more_plural_forms, run
from .deepl_stand_in import KEY, deepl_stand_in

pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("large") / "site"
    write_synthetic_catalogue(site / "data", offers=1000, languages=["de", "en"], seed=5, template_data_dir=FIXTURE_DATA)
    copy_labels_for_more_plural_forms(site / "data/labels/en.yml", site / "data/labels/uk.yml")
    (site / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: de, name: Deutsch, default: true}\n        - {locale: en, name: English}\n"
        "        - {locale: uk, name: Українська}\n",
        encoding="utf-8",
    )
    return site


def test_1000_offers_export_fill_import_and_machine_drafts(large_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = str(large_site / "mkdocs.yml")
    exported = tmp_path / "uk.csv"
    assert run("translations", "export", "--config", config, "--to", "uk", "--format", "csv", "--output", str(exported))[0] == 0
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert len(rows) > 1000
    for row in rows[1:120]:
        row[-1] = "UK " + row[5]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    exported.write_text(out.getvalue(), encoding="utf-8")
    code, _, err = run("translations", "import", "--config", config, str(exported))
    assert code == 0, err
    with deepl_stand_in() as server:
        monkeypatch.setenv(DEEPL_KEY_VARIABLE, KEY)
        monkeypatch.setenv(DEEPL_URL_VARIABLE, server.url)
        code, _, err = run("translations", "machine", "--config", config, "--to", "uk", "--budget", "6000")
        assert code == 0, err
        assert all(len(request["text"]) <= 50 for request in server.requests)
    loaded = load_catalogue(read_settings(large_site / "mkdocs.yml"), today=REFERENCE_DATE)
    assert not loaded.errors
    assert loaded.catalogue is not None
    records = [*loaded.catalogue.offers, *loaded.catalogue.actors.values(), *loaded.catalogue.news]
    statuses = [translation_status(record.translation, "uk") for record in records]
    assert statuses.count("current") >= 10, "the filled slice completes whole records"
    assert statuses.count("machine") >= 1
    assert statuses.count("missing") > len(records) // 2, "the budget kept the rest for later"
