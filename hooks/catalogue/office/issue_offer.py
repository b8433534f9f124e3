"""Turns a filled "Neues oder geändertes Angebot" issue into an offer file, or into a comment that says in plain
German what is missing or wrong.

The answers are read and checked by issue_answers.py, a change to an existing offer is applied by
issue_change.py, and the file is checked by issue_conversion.py. Every answer is untrusted text: it is
length-checked, refused when it holds HTML or control characters, and written into YAML only through the YAML library.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from catalogue.checks.loading import load_catalogue
from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

from .editor_backend import schema_header
from .editor_config import data_folder
from .issue_answers import AnswerReader, clean_body, parse_issue_body
from .issue_change import change_existing, convert_change
from .issue_conversion import Conversion, checked_conversion, order_problems, set_value, text_block
from .issue_form import (
    CHANGE_EDIT,
    CHANGE_END,
    CHANGE_ID_LABEL,
    CHANGE_NEW,
    CONVERT_LABEL,
    LEVELS,
    MODES,
    NO,
    PER,
    YES,
    form_fields,
)
from .yaml_round_trip import new_yaml

MAX_BODY_CHARACTERS = 60_000
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def offer_id_from_title(title: str) -> str:
    """A file name from a German title: lower case, umlauts spelt out, other accents dropped, hyphens between words."""
    text = unicodedata.normalize("NFKD", title.lower().translate(_TRANSLITERATION))
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:60].strip("-")


def convert_issue(body: str, catalogue: Catalogue, settings: Settings, today: date) -> Conversion:
    """The offer file a filled issue form describes, or the problems to tell its author.

    A new offer gets an id from its German title; a change or an end names an existing offer by its id and
    changes only the fields given (the rest of the file stays as it is).
    """
    if len(body) > MAX_BODY_CHARACTERS:
        return Conversion(problems=[f"Das Formular ist zu lang ({len(body)} Zeichen). Bitte kürzen Sie die Texte."])
    if re.search(r"^### " + re.escape(CHANGE_ID_LABEL) + r"[ \t]*$", clean_body(body), re.MULTILINE):
        return convert_change(body, catalogue, settings, today)
    fields = form_fields(catalogue, settings)
    answers = parse_issue_body(body, fields)
    if not answers:
        return Conversion(
            problems=[
                "Ich finde keine Felder des Formulars „Neues oder geändertes Angebot“. Bitte nutzen Sie das Formular."
            ]
        )
    german = settings.default_language
    read = AnswerReader(answers, fields)
    actors = {actor.name.get(german) or actor.id: actor.id for actor in catalogue.actors.values()}
    change = read.choice("change", {CHANGE_NEW: "new", CHANGE_EDIT: "edit", CHANGE_END: "end"})
    actor = read.choice("actor", actors)
    if "[x]" not in answers.get("consent", "").lower():
        read.problems.append(
            "Die Zustimmung zur Veröffentlichung fehlt. Bitte setzen Sie das Häkchen unter „Veröffentlichung“."
        )
    if change in {"edit", "end"}:
        return change_existing(read, catalogue, settings, today, change, actor)
    categories = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.categories}
    groups = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.target_groups}
    document: dict[str, Any] = {}
    title = read.text("title")
    offer_id = offer_id_from_title(title)
    if title and len(offer_id) < 2:
        read.problems.append(
            "Aus dem Titel lässt sich kein Dateiname bilden. Bitte schreiben Sie den Titel mit Buchstaben."
        )
    set_value(document, "id", offer_id)
    set_value(document, "actor", actor)
    set_value(document, "status", "active")
    set_value(document, "categories", read.choices("categories", categories))
    set_value(document, f"title.{german}", title)
    set_value(document, f"summary.{german}", read.text("summary"))
    set_value(document, f"description.{german}", text_block(read.text("description")))
    set_value(document, "target_groups", read.choices("target_groups", groups))
    set_value(document, "age_min", read.whole_number("age_min"))
    set_value(document, "age_max", read.whole_number("age_max"))
    set_value(document, "german_level", read.choice("german_level", LEVELS))
    set_value(document, "mode", read.choice("mode", MODES))
    set_value(document, "schedule.weekly", read.weekly("weekly"))
    set_value(document, "schedule.sessions", read.sessions("sessions"))
    free = read.choice("free", {YES: True, NO: False})
    set_value(document, "costs.free", free)
    set_value(document, "costs.amount", read.amount("amount"))
    set_value(document, "costs.per", read.choice("per", PER))
    set_value(document, f"costs.reductions.{german}", read.text("reductions"))
    set_value(document, "registration.required", read.choice("registration_required", {YES: True, NO: False}))
    set_value(document, f"registration.how.{german}", read.text("registration_how"))
    set_value(document, "registration.deadline", read.day("deadline"))
    set_value(document, "contact.phone", read.text("phone"))
    set_value(document, "contact.email", read.text("email"))
    set_value(document, "website", read.text("website"))
    set_value(document, "valid_from", read.day("valid_from"))
    set_value(document, "valid_until", read.day("valid_until"))
    set_value(
        document,
        "last_verified",
        {"date": today.isoformat(), "by": read.text("verified_by")} if answers.get("verified_by", "").strip() else None,
    )
    read.problems.extend(order_problems(document))
    if read.problems:
        return Conversion(problems=read.problems)
    path = f"{data_folder(settings)}/offers/{actor}/{offer_id}.yml"
    if (settings.root / path).exists():
        return Conversion(
            problems=[
                f"Ein Angebot mit der Kennung „{offer_id}“ gibt es schon. Wählen Sie „{CHANGE_EDIT}“ oder einen anderen Titel."
            ]
        )
    return checked_conversion(settings, today, path, new_yaml(document, schema_header(settings, path)))


def comment_text(conversion: Conversion, settings: Settings) -> str:
    """The comment for the issue, in plain German."""
    if conversion.ok:
        office = settings.office or "Bildungskoordination"
        return f"Danke! Aus Ihren Angaben ist der Vorschlag `{conversion.path}` entstanden. Die {office} prüft ihn und veröffentlicht ihn."
    lines = ["Danke für Ihre Angaben! Bevor daraus ein Eintrag im Katalog werden kann, fehlt noch etwas:", ""]
    lines += [f"- {problem}" for problem in conversion.problems[:20]]
    office = settings.office or "Bildungskoordination"
    lines += [
        "",
        (
            "Bitte bearbeiten Sie das Formular oben (⋯ → Bearbeiten) und korrigieren Sie alle Punkte auf einmal. "
            f"Die {office} sieht Ihre Änderung, setzt die Markierung „{CONVERT_LABEL}“ wieder, und dann versuchen wir es noch einmal. "
            "Sie müssen dafür nichts weiter tun."
        ),
    ]
    return "\n".join(lines) + "\n"


def convert_issue_file(body_file: Path, settings: Settings, today: date) -> Conversion:
    """Reads the issue body from a file and converts it against the catalogue as it is on disk."""
    body = body_file.read_text(encoding="utf-8", errors="replace")
    loaded = load_catalogue(settings, today=today, message_language="de")
    if loaded.catalogue is None:
        return Conversion(
            problems=["Die Daten des Katalogs haben gerade Fehler; die Bildungskoordination kümmert sich darum."]
        )
    return convert_issue(body, loaded.catalogue, settings, today)
