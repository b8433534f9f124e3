"""A small site the office's tests own: the valid test tree with education areas, plus Ukrainian (no text translated
into it yet) and three offers that are stale and ending soon, not yet valid, and translated into English from an older German text."""
from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest

from catalogue.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "valid" / "tree"
TODAY = "2026-11-26"

STALE_OFFER = """\
# Written by hand: the comment, the quoting and the key order must survive an import.
id: konversation
actor: sprachschule-nord
status: active
categories: [german]
title:
  de: "Konversationskurs: Deutsch sprechen"
  en: 'Conversation course: speaking German'
summary:
  de: Wir sprechen über den Alltag.   # a comment after a value
  en: We talk about everyday life.
description:
  de: |
    Jede Woche ein neues Thema.

    - Einkaufen
    - Arzt
  en: |
    A new topic every week.

    - Shopping
    - Doctor
mode: in_person
locations: [haus-markt]
costs:
  free: true
valid_until: "2026-12-10"
last_verified:
  date: "2025-01-15"
  by: Sprachschule Nord, Kursbüro
"""

LATER_OFFER = """\
id: deutsch-b1-abend
actor: sprachschule-nord
status: active
categories: [german]
title: {de: Deutsch B1 am Abend, en: German B1 in the evening}
summary: {de: Für Berufstätige., en: For people who work.}
description: {de: Zweimal pro Woche abends., en: Twice a week in the evening.}
mode: hybrid
costs:
  free: false
  amount: 120
  per: course
valid_from: "2027-02-01"
last_verified:
  date: "2026-11-01"
  by: Sprachschule Nord
"""

OUTDATED_OFFER = """\
id: schwimmen
actor: sportverein-altstadt
status: active
categories: [leisure]
title:
  de: Schwimmen für Frauen
  en: Swimming for women
summary:
  de: Jeden Samstag im Hallenbad, mit Trainerin.
  en: Every Saturday at the indoor pool.
description:
  de: Badekappe mitbringen.
  en: Bring a swimming cap.
mode: in_person
locations: [sportplatz]
costs:
  free: true
last_verified:
  date: "2026-10-01"
  by: Sportverein Altstadt
translation_sources:
  en: 0123abcd
"""


def write_office_site(root: Path) -> Path:
    shutil.copytree(CORPUS, root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        - locale: ti\n", "        - locale: uk\n          name: Українська\n        - locale: ti\n"
        ),
        encoding="utf-8",
    )
    taxonomy = root / "data" / "taxonomy.yml"
    areas = {"speech": "continuing_education", "school": "general_schooling", "music": "non_formal_learning"}
    text = taxonomy.read_text(encoding="utf-8")
    for icon, area in areas.items():
        text = text.replace(f"    icon: {icon}\n", f"    icon: {icon}\n    education_area: {area}\n")
    taxonomy.write_text(text, encoding="utf-8")
    labels = (root / "data" / "labels" / "en.yml").read_text(encoding="utf-8")
    (root / "data" / "labels" / "uk.yml").write_text(labels, encoding="utf-8")
    offers = root / "data" / "offers"
    (offers / "sprachschule-nord" / "konversation.yml").write_text(STALE_OFFER, encoding="utf-8")
    (offers / "sprachschule-nord" / "deutsch-b1-abend.yml").write_text(LATER_OFFER, encoding="utf-8")
    (offers / "sportverein-altstadt" / "schwimmen.yml").write_text(OUTDATED_OFFER, encoding="utf-8")
    return root


@pytest.fixture
def office_site(tmp_path: Path) -> Path:
    return write_office_site(tmp_path / "site")


def copy_labels_for_more_plural_forms(source: Path, target: Path) -> None:
    """A labels file for a language with more plural categories than the source's (English to Ukrainian): each
    phrase with a number keeps its `.other` form only, which reads for every number."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(line for line in lines if ".one:" not in line), encoding="utf-8")


def run(*arguments: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(list(arguments), stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def data_digest(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((site / "data").rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
