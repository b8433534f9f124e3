"""Turns a filled "Neues oder geändertes Angebot" issue into an offer file, or into a comment that says in plain
German what is missing or wrong.

The issue body is GitHub's rendering of the form: `### <label>` followed by the answer, `_No response_` for an
empty field, `- [X] …` for a ticked box. Every answer is untrusted text: it is length-checked, refused when it
holds HTML or control characters, and written into YAML only through the YAML library.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from catalogue.data.loading import load_catalogue
from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

from .editor_backend import schema_header
from .editor_config import data_folder
from .issue_form import CHANGE_EDIT, CHANGE_END, CHANGE_NEW, LEVELS, MODES, NO, NO_RESPONSE, PER, YES, FormField, form_fields
from .yaml_round_trip import merge_yaml, new_yaml, plain_data

MAX_BODY_CHARACTERS = 60_000
MAX_ANSWER_CHARACTERS = {"input": 300, "dropdown": 2_000, "textarea": 4_000}
_HEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2})")
_WEEKDAYS = {"montag": "mon", "dienstag": "tue", "mittwoch": "wed", "donnerstag": "thu", "freitag": "fri", "samstag": "sat", "sonntag": "sun"}
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass
class Conversion:
    """What the converter made: a file to write, or the problems to tell the actor (never both)."""

    path: str = ""
    """The offer file relative to the repository, e.g. data/offers/vhs/deutsch-fuer-eltern.yml."""
    text: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.path)


def parse_issue_body(body: str, fields: list[FormField]) -> dict[str, str]:
    """Form field id -> the answer as typed ('' when left empty). Labels that are not the form's are ignored."""
    by_label = {form_field.label: form_field.id for form_field in fields}
    by_label["Veröffentlichung"] = "consent"
    answers: dict[str, str] = {}
    headings = list(_HEADING.finditer(body))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        answer = body[heading.end():end].strip()
        field_id = by_label.get(heading.group(1).strip())
        if field_id and field_id not in answers:
            answers[field_id] = "" if answer == NO_RESPONSE else answer
    return answers


def offer_id_from_title(title: str) -> str:
    """A file name from a German title: lower case, umlauts spelt out, other accents dropped, hyphens between words."""
    text = unicodedata.normalize("NFKD", title.lower().translate(_TRANSLITERATION))
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:60].strip("-")


class _Reader:
    def __init__(self, answers: Mapping[str, str], fields: list[FormField]) -> None:
        self.answers = answers
        self.fields = {form_field.id: form_field for form_field in fields}
        self.problems: list[str] = []

    def text(self, field_id: str) -> str:
        form_field = self.fields[field_id]
        value = self.answers.get(field_id, "").strip()
        limit = MAX_ANSWER_CHARACTERS[form_field.kind]
        if len(value) > limit:
            self.problems.append(f"„{form_field.label}“ ist zu lang ({len(value)} Zeichen). Bitte kürzen Sie auf höchstens {limit} Zeichen.")
            return ""
        if _HTML.search(value):
            self.problems.append(f"„{form_field.label}“ enthält HTML-Zeichen wie < >. Bitte schreiben Sie nur Text.")
            return ""
        if _CONTROL.search(value):
            self.problems.append(f"„{form_field.label}“ enthält unsichtbare Steuerzeichen. Bitte tippen Sie den Text neu ein.")
            return ""
        if not value and form_field.required:
            self.problems.append(f"„{form_field.label}“ fehlt. Bitte ergänzen Sie es.")
        return value

    def choice(self, field_id: str, choices: Mapping[str, Any]) -> Any:
        value = self.text(field_id)
        if not value:
            return None
        if value not in choices:
            self.problems.append(f"„{self.fields[field_id].label}“: „{value[:60]}“ ist keine der Auswahlmöglichkeiten.")
            return None
        return choices[value]

    def choices(self, field_id: str, choices: Mapping[str, str]) -> list[str]:
        """GitHub joins the picked options with ", "; an option may itself hold a comma, so known ones are matched."""
        rest = self.text(field_id)
        picked: list[str] = []
        while rest:
            option = next((label for label in sorted(choices, key=len, reverse=True) if rest == label or rest.startswith(label + ", ")), None)
            if option is None:
                self.problems.append(f"„{self.fields[field_id].label}“: „{rest.split(',')[0][:60]}“ ist keine der Auswahlmöglichkeiten.")
                break
            if choices[option] not in picked:
                picked.append(choices[option])
            rest = rest[len(option):].removeprefix(", ")
        return picked

    def whole_number(self, field_id: str) -> int | None:
        value = self.text(field_id)
        if not value:
            return None
        if not re.fullmatch(r"\d{1,3}", value):
            self.problems.append(f"„{self.fields[field_id].label}“: Bitte nur eine Zahl eintragen, z. B. 16 (nicht „{value[:40]}“).")
            return None
        return int(value)

    def amount(self, field_id: str) -> float | int | None:
        value = self.text(field_id).replace("€", "").replace("Euro", "").strip().replace(",", ".")
        if not value:
            return None
        if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", value):
            self.problems.append(f"„{self.fields[field_id].label}“: Bitte nur den Betrag als Zahl eintragen, z. B. 25 oder 12,50.")
            return None
        number = float(value)
        return int(number) if number.is_integer() else number

    def day(self, field_id: str) -> str | None:
        value = self.text(field_id)
        if not value:
            return None
        if not _DATE.match(value) or not _valid_date(value):
            self.problems.append(f"„{self.fields[field_id].label}“: Bitte das Datum so schreiben: 2027-03-15 (Jahr-Monat-Tag).")
            return None
        return value

    def weekly(self, field_id: str) -> list[dict[str, str]]:
        slots = []
        for line in self.text(field_id).splitlines():
            if not line.strip():
                continue
            day = next((code for name, code in _WEEKDAYS.items() if line.strip().lower().startswith(name)), None)
            times = _TIME_RANGE.search(line)
            if day is None or times is None:
                self.problems.append(f"„{self.fields[field_id].label}“: Die Zeile „{line.strip()[:60]}“ verstehe ich nicht. Bitte so: Montag 09:00-12:00")
                continue
            slots.append({"day": day, **_times(times)})
        return slots

    def sessions(self, field_id: str) -> list[dict[str, str]]:
        sessions = []
        for line in self.text(field_id).splitlines():
            if not line.strip():
                continue
            day = re.match(r"\s*(\d{4}-\d{2}-\d{2})", line)
            times = _TIME_RANGE.search(line)
            if day is None or times is None or not _valid_date(day.group(1)):
                self.problems.append(f"„{self.fields[field_id].label}“: Die Zeile „{line.strip()[:60]}“ verstehe ich nicht. Bitte so: 2027-03-15 17:00-19:00")
                continue
            sessions.append({"date": day.group(1), **_times(times)})
        return sessions


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _times(match: re.Match[str]) -> dict[str, str]:
    start_hour, start_minute, end_hour, end_minute = match.groups()
    return {"start": f"{int(start_hour):02d}:{start_minute}", "end": f"{int(end_hour):02d}:{end_minute}"}


def _set(document: dict[str, Any], dotted: str, value: Any) -> None:
    if value is None or value == "" or value == []:
        return
    *parents, last = dotted.split(".")
    for part in parents:
        document = document.setdefault(part, {})
    document[last] = value


def convert_issue(body: str, catalogue: Catalogue, settings: Settings, today: date) -> Conversion:
    """The offer file a filled issue form describes, or the problems to tell its author.

    A new offer gets an id from its German title; a change or an end names an existing offer by its id and
    changes only the fields given (the rest of the file stays as it is).
    """
    if len(body) > MAX_BODY_CHARACTERS:
        return Conversion(problems=[f"Das Formular ist zu lang ({len(body)} Zeichen). Bitte kürzen Sie die Texte."])
    fields = form_fields(catalogue, settings)
    answers = parse_issue_body(body, fields)
    if not answers:
        return Conversion(problems=["Ich finde keine Felder des Formulars „Neues oder geändertes Angebot“. Bitte nutzen Sie das Formular."])
    german = settings.default_language
    read = _Reader(answers, fields)
    actors = {actor.name.get(german) or actor.id: actor.id for actor in catalogue.actors.values()}
    change = read.choice("change", {CHANGE_NEW: "new", CHANGE_EDIT: "edit", CHANGE_END: "end"})
    actor = read.choice("actor", actors)
    if "[x]" not in answers.get("consent", "").lower():
        read.problems.append("Die Zustimmung zur Veröffentlichung fehlt. Bitte setzen Sie das Häkchen unter „Veröffentlichung“.")
    if change in {"edit", "end"}:
        return _change_existing(read, catalogue, settings, today, change, actor)
    categories = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.categories}
    groups = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.target_groups}
    document: dict[str, Any] = {}
    title = read.text("title")
    offer_id = offer_id_from_title(title)
    if title and len(offer_id) < 2:
        read.problems.append("Aus dem Titel lässt sich kein Dateiname bilden. Bitte schreiben Sie den Titel mit Buchstaben.")
    _set(document, "id", offer_id)
    _set(document, "actor", actor)
    _set(document, "status", "active")
    _set(document, "categories", read.choices("categories", categories))
    _set(document, f"title.{german}", title)
    _set(document, f"summary.{german}", read.text("summary"))
    _set(document, f"description.{german}", _block(read.text("description")))
    _set(document, "target_groups", read.choices("target_groups", groups))
    _set(document, "age_min", read.whole_number("age_min"))
    _set(document, "age_max", read.whole_number("age_max"))
    _set(document, "german_level", read.choice("german_level", LEVELS))
    _set(document, "mode", read.choice("mode", MODES))
    _set(document, "schedule.weekly", read.weekly("weekly"))
    _set(document, "schedule.sessions", read.sessions("sessions"))
    free = read.choice("free", {YES: True, NO: False})
    _set(document, "costs.free", free)
    _set(document, "costs.amount", read.amount("amount"))
    _set(document, "costs.per", read.choice("per", PER))
    _set(document, f"costs.reductions.{german}", read.text("reductions"))
    _set(document, "registration.required", read.choice("registration_required", {YES: True, NO: False}))
    _set(document, f"registration.how.{german}", read.text("registration_how"))
    _set(document, "registration.deadline", read.day("deadline"))
    _set(document, "contact.phone", read.text("phone"))
    _set(document, "contact.email", read.text("email"))
    _set(document, "website", read.text("website"))
    _set(document, "valid_from", read.day("valid_from"))
    _set(document, "valid_until", read.day("valid_until"))
    _set(document, "last_verified", {"date": today.isoformat(), "by": read.text("verified_by")} if answers.get("verified_by", "").strip() else None)
    if read.problems:
        return Conversion(problems=read.problems)
    path = f"{data_folder(settings)}/offers/{actor}/{offer_id}.yml"
    if (settings.root / path).exists():
        return Conversion(problems=[f"Ein Angebot mit der Kennung „{offer_id}“ gibt es schon. Wählen Sie „{CHANGE_EDIT}“ oder einen anderen Titel."])
    return _checked(settings, today, path, new_yaml(document, schema_header(settings, path)))


def _change_existing(read: _Reader, catalogue: Catalogue, settings: Settings, today: date, change: str, actor: str | None) -> Conversion:
    offer_id = read.text("offer_id")
    offer = next((offer for offer in catalogue.offers if offer.id == offer_id), None) if offer_id else None
    if offer_id and offer is None:
        read.problems.append(f"Ein Angebot mit der Kennung „{offer_id[:80]}“ gibt es nicht. Bitte prüfen Sie die Kennung.")
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
                _set(document, form_field.schema, value)
    document["last_verified"] = {"date": today.isoformat(), "by": read.text("verified_by") or document.get("last_verified", {}).get("by", "")}
    if read.problems:
        return Conversion(problems=read.problems)
    return _checked(settings, today, path, merge_yaml(original, document))


def _edited_value(read: _Reader, form_field: FormField, catalogue: Catalogue, german: str) -> Any:
    readers = {
        "categories": lambda: read.choices("categories", {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.categories}),
        "target_groups": lambda: read.choices("target_groups", {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.target_groups}),
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
        "description": lambda: _block(read.text("description")),
        "verified_by": lambda: None,
    }
    reader = readers.get(form_field.id)
    return reader() if reader else read.text(form_field.id)


def _block(text: str) -> str:
    return text.replace("\r\n", "\n") + "\n" if "\n" in text else text


def _checked(settings: Settings, today: date, path: str, text: str) -> Conversion:
    """Runs the catalogue's own check with the new file in place; nothing stays on disk when it fails."""
    target = settings.root / path
    before = target.read_text(encoding="utf-8") if target.exists() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    try:
        result = load_catalogue(settings, today=today, message_language="de")
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_text(before, encoding="utf-8")
    problems = [f"{problem.message} {problem.fix}".strip() for problem in result.errors]
    if problems:
        return Conversion(problems=problems)
    return Conversion(path=path, text=text)


def comment_text(conversion: Conversion, settings: Settings) -> str:
    """The comment for the issue, in plain German."""
    if conversion.ok:
        return f"Danke! Aus Ihren Angaben ist der Vorschlag `{conversion.path}` entstanden. Die {settings.office or 'Bildungskoordination'} prüft ihn und veröffentlicht ihn."
    lines = ["Danke für Ihre Angaben! Bevor daraus ein Eintrag im Katalog werden kann, fehlt noch etwas:", ""]
    lines += [f"- {problem}" for problem in conversion.problems[:20]]
    lines += ["", "Bitte bearbeiten Sie das Formular oben (⋯ → Bearbeiten). Danach versuchen wir es noch einmal."]
    return "\n".join(lines) + "\n"


def convert_issue_file(body_file: Path, settings: Settings, today: date) -> Conversion:
    """Reads the issue body from a file and converts it against the catalogue as it is on disk."""
    body = body_file.read_text(encoding="utf-8", errors="replace")
    loaded = load_catalogue(settings, today=today, message_language="de")
    if loaded.catalogue is None:
        return Conversion(problems=["Die Daten des Katalogs haben gerade Fehler; die Bildungskoordination kümmert sich darum."])
    return convert_issue(body, loaded.catalogue, settings, today)
