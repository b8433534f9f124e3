"""Applies a change or an end that an issue form asks for to an existing offer file: exactly the answered fields
changed, the rest of the file as it was."""

from __future__ import annotations

from datetime import date
from typing import Any

from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

from .issue_answers import AnswerReader, parse_issue_body
from .issue_conversion import Conversion, checked_conversion, order_problems, set_value, text_block
from .issue_form import (
    CONSENT_LABEL,
    LEVELS,
    MODES,
    NO,
    PER,
    YES,
    FormField,
    change_form_fields,
    location_choices,
)
from .yaml_round_trip import merge_yaml, plain_data


def change_existing(
    read: AnswerReader, catalogue: Catalogue, settings: Settings, today: date, change: str, actor: str | None
) -> Conversion:
    offer_id = read.text("offer_id")
    offer = next((offer for offer in catalogue.offers if offer.id == offer_id), None) if offer_id else None
    if offer_id and offer is None:
        read.problems.append(
            "Ein Angebot mit dieser Kennung gibt es nicht. Bitte prüfen Sie die Kennung in der Adresse der Angebotsseite."
        )
    elif not offer_id:
        read.problems.append("Zum Ändern oder Beenden brauche ich die Kennung des bestehenden Angebots.")
    elif actor and offer is not None and offer.actor != actor:
        read.problems.append(f"Das Angebot „{offer_id}“ gehört nicht zu diesem Anbieter.")
    if read.problems or offer is None:
        return Conversion(problems=read.problems)
    path = offer.source
    original = (settings.root / path).read_text(encoding="utf-8")
    document = plain_data(original, path)
    german = settings.default_language
    if change == "end":
        document["status"] = "ended"
    else:
        for form_field in read.fields.values():
            if form_field.id in {"change", "actor", "offer_id"} or not read.answers.get(form_field.id, "").strip():
                continue
            value = _edited_value(read, form_field, catalogue, german)
            if value is not None:
                set_value(document, form_field.schema, value)
    document["last_verified"] = {
        "date": today.isoformat(),
        "by": read.text("verified_by") or document.get("last_verified", {}).get("by", ""),
    }
    if read.problems:
        return Conversion(problems=read.problems)
    return checked_conversion(settings, today, path, merge_yaml(original, document))


def convert_change(body: str, catalogue: Catalogue, settings: Settings, today: date) -> Conversion:
    """The offer file after an "Angebot ändern" issue: exactly the answered fields changed, the rest of the file
    as it was (yaml_round_trip: one changed time is one changed line), or every problem at once."""
    fields = change_form_fields(catalogue, settings)
    answers = parse_issue_body(body, fields)
    read = AnswerReader(answers, fields)
    german = settings.default_language
    if "[x]" not in answers.get("consent", "").lower():
        read.problems.append(
            f"Die Zustimmung zur Veröffentlichung fehlt. Bitte setzen Sie das Häkchen unter „{CONSENT_LABEL}“."
        )
    offer_id = read.text("offer_id")
    offer = next((offer for offer in catalogue.offers if offer.id == offer_id), None) if offer_id else None
    if offer_id and offer is None:
        read.problems.append(
            "Ein Angebot mit dieser Kennung gibt es nicht. Bitte prüfen Sie die Kennung in der Adresse der Angebotsseite."
        )
    if offer is None:
        return Conversion(problems=read.problems)
    path = offer.source
    original = (settings.root / path).read_text(encoding="utf-8")
    document = plain_data(original, path)
    simple = (
        "title",
        "summary",
        "description",
        "categories",
        "target_groups",
        "age_min",
        "age_max",
        "german_level",
        "mode",
        "free",
        "amount",
        "per",
        "registration_required",
        "registration_how",
        "deadline",
        "phone",
        "email",
        "website",
        "valid_from",
        "valid_until",
    )
    for field_id in simple:
        if answers.get(field_id, "").strip():
            value = _edited_value(read, read.fields[field_id], catalogue, german)
            if value is not None and value != []:
                set_value(document, read.fields[field_id].schema, value)
    if answers.get("locations", "").strip():
        places = location_choices(catalogue, settings)
        picked = read.choices("locations", {label: label for label in places})
        foreign = [label for label in picked if places[label][0] != offer.actor]
        if foreign:
            read.problems.append(
                "„Orte“: Ein gewählter Ort gehört zu einem anderen Anbieter. Bitte wählen Sie Orte Ihres Anbieters."
            )
        elif picked:
            document["locations"] = [places[label][1] for label in picked]
    _change_weekly(read, document)
    if answers.get("sessions", "").strip():
        added = read.sessions("sessions")
        if added:
            document.setdefault("schedule", {}).setdefault("sessions", []).extend(added)
    _second_language(read, document, settings)
    by = read.text("verified_by") or (document.get("last_verified") or {}).get("by", "")
    document["last_verified"] = {"date": today.isoformat(), "by": by}
    read.problems.extend(order_problems(document))
    if read.problems:
        return Conversion(problems=read.problems)
    return checked_conversion(settings, today, path, merge_yaml(original, document))


def _change_weekly(read: AnswerReader, document: dict[str, Any]) -> None:
    """One weekly slot: the old one found and replaced by the new, removed (no new), or added (no old)."""
    old_text, new_text = read.answers.get("weekly_old", "").strip(), read.answers.get("weekly_new", "").strip()
    if not old_text and not new_text:
        return
    old = read.weekly("weekly_old") if old_text else []
    new = read.weekly("weekly_new") if new_text else []
    if (old_text and not old) or (new_text and not new):
        return
    if len(old) > 1 or len(new) > 1:
        read.problems.append("Bitte ändern Sie eine wöchentliche Zeit auf einmal: eine Zeile oben, eine darunter.")
        return
    slots = document.setdefault("schedule", {}).setdefault("weekly", [])
    if old:
        index = next(
            (
                number
                for number, slot in enumerate(slots)
                if slot.get("day") == old[0]["day"] and slot.get("start") == old[0]["start"]
            ),
            None,
        )
        if index is None:
            read.problems.append(
                "„Welche wöchentliche Zeit ändert sich?“: Diese Zeit steht nicht beim Angebot. Bitte schreiben Sie sie so, wie sie auf der Angebotsseite steht."
            )
            return
        if new:
            slots[index] = {**slots[index], **new[0]}
        else:
            del slots[index]
    else:
        slots.append(new[0])


def _second_language(read: AnswerReader, document: dict[str, Any], settings: Settings) -> None:
    title, summary = read.text("title_translation"), read.text("summary_translation")
    if not title and not summary:
        return
    names = {
        language.name: language.code for language in settings.languages if language.code != settings.default_language
    }
    code = read.choice("second_language", names)
    if code is None:
        if not read.answers.get("second_language", "").strip():
            read.problems.append("„Zweite Sprache“ fehlt: In welcher Sprache sind Titel und Kurzbeschreibung?")
        return
    if title:
        document.setdefault("title", {})[code] = title
    if summary:
        document.setdefault("summary", {})[code] = summary


def _edited_value(read: AnswerReader, form_field: FormField, catalogue: Catalogue, german: str) -> Any:
    readers = {
        "categories": lambda: read.choices(
            "categories", {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.categories}
        ),
        "target_groups": lambda: read.choices(
            "target_groups", {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.target_groups}
        ),
        "age_min": lambda: read.whole_number("age_min"),
        "age_max": lambda: read.whole_number("age_max"),
        "german_level": lambda: read.choice("german_level", LEVELS),
        "mode": lambda: read.choice("mode", MODES),
        "weekly": lambda: read.weekly("weekly"),
        "sessions": lambda: read.sessions("sessions"),
        "free": lambda: read.choice("free", {YES: True, NO: False}),
        "amount": lambda: read.amount("amount"),
        "per": lambda: read.choice("per", PER),
        "registration_required": lambda: read.choice("registration_required", {YES: True, NO: False}),
        "deadline": lambda: read.day("deadline"),
        "valid_from": lambda: read.day("valid_from"),
        "valid_until": lambda: read.day("valid_until"),
        "description": lambda: text_block(read.text("description")),
        "verified_by": lambda: None,
    }
    reader = readers.get(form_field.id)
    return reader() if reader else read.text(form_field.id)
