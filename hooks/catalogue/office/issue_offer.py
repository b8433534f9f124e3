"""Turns a filled "Neues oder geändertes Angebot" issue into an offer file, or into a comment that says in plain
German what is missing or wrong.

The issue body is GitHub's rendering of the form: `### <label>` followed by the answer, `_No response_` for an
empty field, `- [X] …` for a ticked box. Every answer is untrusted text: it is length-checked, refused when it
holds HTML or control characters, and written into YAML only through the YAML library.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from catalogue.checks.loading import load_catalogue
from catalogue.checks.orders import LONGEST_OVERNIGHT_MINUTES
from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

from .editor_backend import schema_header
from .editor_config import data_folder
from .issue_form import (
    CHANGE_EDIT,
    CHANGE_END,
    CHANGE_ID_LABEL,
    CHANGE_NEW,
    CONSENT_LABEL,
    CONVERT_LABEL,
    LEVELS,
    MODES,
    NO,
    NO_RESPONSE,
    PER,
    YES,
    FormField,
    change_form_fields,
    form_fields,
    location_choices,
)
from .yaml_round_trip import merge_yaml, new_yaml, plain_data

MAX_BODY_CHARACTERS = 60_000
MAX_ANSWER_CHARACTERS = {"input": 300, "dropdown": 2_000, "textarea": 4_000}
_HEADING = re.compile(r"^### (.+?)\s*$", re.MULTILINE)
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2})")
_WEEKDAYS = {
    "montag": "mon",
    "dienstag": "tue",
    "mittwoch": "wed",
    "donnerstag": "thu",
    "freitag": "fri",
    "samstag": "sat",
    "sonntag": "sun",
}
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u180e\u00ad"))


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


def clean_body(body: str) -> str:
    """The body without a BOM and zero-width characters (which hide a word from the eye but not from a parser),
    with Windows line ends as \\n."""
    return body.translate(_INVISIBLE).replace("\r\n", "\n")


def parse_issue_body(body: str, fields: list[FormField]) -> dict[str, str]:
    """Form field id -> the answer as typed ('' when left empty).

    Only the form's own headings count. GitHub writes every field of the form, in the form's order, as
    `### <label>`; the headings are found from the last field backwards, each as the last `### <label>` line before
    the next field's, so a heading typed inside an answer (`### Veröffentlichung` and a ticked box in the
    description) stays part of that answer."""
    body = clean_body(body)
    labels = [(form_field.label, form_field.id) for form_field in fields] + [(CONSENT_LABEL, "consent")]
    found: list[tuple[int, int, str]] = []
    limit = len(body)
    for label, field_id in reversed(labels):
        heading = None
        for match in re.finditer(r"^### " + re.escape(label) + r"[ \t]*$", body[:limit], re.MULTILINE):
            heading = match
        if heading is None:
            continue
        found.append((heading.start(), heading.end(), field_id))
        limit = heading.start()
    found.reverse()
    answers: dict[str, str] = {}
    for index, (_, end, field_id) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else len(body)
        answer = body[end:stop].strip()
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
            self.problems.append(
                f"„{form_field.label}“ ist zu lang ({len(value)} Zeichen). Bitte kürzen Sie auf höchstens {limit} Zeichen."
            )
            return ""
        if _HTML.search(value):
            self.problems.append(f"„{form_field.label}“ enthält HTML-Zeichen wie < >. Bitte schreiben Sie nur Text.")
            return ""
        if _CONTROL.search(value):
            self.problems.append(
                f"„{form_field.label}“ enthält unsichtbare Steuerzeichen. Bitte tippen Sie den Text neu ein."
            )
            return ""
        if not value and form_field.required:
            self.problems.append(f"„{form_field.label}“ fehlt. Bitte ergänzen Sie es.")
        return value

    def choice(self, field_id: str, choices: Mapping[str, Any]) -> Any:
        value = self.text(field_id)
        if not value:
            return None
        if value not in choices:
            self.problems.append(
                f"„{self.fields[field_id].label}“: Die Antwort ist keine der Auswahlmöglichkeiten. Bitte wählen Sie im Formular."
            )
            return None
        return choices[value]

    def choices(self, field_id: str, choices: Mapping[str, str]) -> list[str]:
        """GitHub joins the picked options with ", "; an option may itself hold a comma, so known ones are matched."""
        rest = self.text(field_id)
        picked: list[str] = []
        while rest:
            option = next(
                (
                    label
                    for label in sorted(choices, key=len, reverse=True)
                    if rest == label or rest.startswith(label + ", ")
                ),
                None,
            )
            if option is None:
                self.problems.append(
                    f"„{self.fields[field_id].label}“: Eine Antwort ist keine der Auswahlmöglichkeiten. Bitte wählen Sie im Formular."
                )
                break
            if choices[option] not in picked:
                picked.append(choices[option])
            rest = rest[len(option) :].removeprefix(", ")
        return picked

    def whole_number(self, field_id: str) -> int | None:
        value = self.text(field_id)
        if not value:
            return None
        if not re.fullmatch(r"\d{1,3}", value):
            self.problems.append(f"„{self.fields[field_id].label}“: Bitte nur eine Zahl eintragen, z. B. 16.")
            return None
        return int(value)

    def amount(self, field_id: str) -> float | int | None:
        value = self.text(field_id).replace("€", "").replace("Euro", "").strip().replace(",", ".")
        if not value:
            return None
        if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", value):
            self.problems.append(
                f"„{self.fields[field_id].label}“: Bitte nur den Betrag als Zahl eintragen, z. B. 25 oder 12,50."
            )
            return None
        number = float(value)
        return int(number) if number.is_integer() else number

    def day(self, field_id: str) -> str | None:
        value = self.text(field_id)
        if not value:
            return None
        if not _DATE.match(value) or not _valid_date(value):
            self.problems.append(
                f"„{self.fields[field_id].label}“: Bitte das Datum so schreiben: 2027-03-15 (Jahr-Monat-Tag)."
            )
            return None
        return value

    def weekly(self, field_id: str) -> list[dict[str, str]]:
        slots = []
        lines = [line for line in self.text(field_id).splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):
            day = next((code for name, code in _WEEKDAYS.items() if line.strip().lower().startswith(name)), None)
            times = _TIME_RANGE.search(line)
            if day is None or times is None or not _valid_times(times):
                self.problems.append(
                    f"„{self.fields[field_id].label}“: Zeile {number} verstehe ich nicht. Bitte so: Montag 09:00-12:00"
                )
                continue
            slots.append({"day": day, **_times(times)})
        return slots

    def sessions(self, field_id: str) -> list[dict[str, str]]:
        sessions = []
        lines = [line for line in self.text(field_id).splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):
            day = re.match(r"\s*(\d{4}-\d{2}-\d{2})", line)
            times = _TIME_RANGE.search(line)
            if day is None or times is None or not _valid_date(day.group(1)) or not _valid_times(times):
                self.problems.append(
                    f"„{self.fields[field_id].label}“: Zeile {number} verstehe ich nicht. Bitte so: 2027-03-15 17:00-19:00"
                )
                continue
            sessions.append({"date": day.group(1), **_times(times)})
        return sessions


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _valid_times(match: re.Match[str]) -> bool:
    start_hour, start_minute, end_hour, end_minute = (int(part) for part in match.groups())
    return start_hour < 24 and end_hour < 24 and start_minute < 60 and end_minute < 60


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
    read = _Reader(answers, fields)
    actors = {actor.name.get(german) or actor.id: actor.id for actor in catalogue.actors.values()}
    change = read.choice("change", {CHANGE_NEW: "new", CHANGE_EDIT: "edit", CHANGE_END: "end"})
    actor = read.choice("actor", actors)
    if "[x]" not in answers.get("consent", "").lower():
        read.problems.append(
            "Die Zustimmung zur Veröffentlichung fehlt. Bitte setzen Sie das Häkchen unter „Veröffentlichung“."
        )
    if change in {"edit", "end"}:
        return _change_existing(read, catalogue, settings, today, change, actor)
    categories = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.categories}
    groups = {term.label.get(german, term.id): term.id for term in catalogue.taxonomy.target_groups}
    document: dict[str, Any] = {}
    title = read.text("title")
    offer_id = offer_id_from_title(title)
    if title and len(offer_id) < 2:
        read.problems.append(
            "Aus dem Titel lässt sich kein Dateiname bilden. Bitte schreiben Sie den Titel mit Buchstaben."
        )
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
    _set(
        document,
        "last_verified",
        {"date": today.isoformat(), "by": read.text("verified_by")} if answers.get("verified_by", "").strip() else None,
    )
    read.problems.extend(_order_problems(document))
    if read.problems:
        return Conversion(problems=read.problems)
    path = f"{data_folder(settings)}/offers/{actor}/{offer_id}.yml"
    if (settings.root / path).exists():
        return Conversion(
            problems=[
                f"Ein Angebot mit der Kennung „{offer_id}“ gibt es schon. Wählen Sie „{CHANGE_EDIT}“ oder einen anderen Titel."
            ]
        )
    return _checked(settings, today, path, new_yaml(document, schema_header(settings, path)))


def _change_existing(
    read: _Reader, catalogue: Catalogue, settings: Settings, today: date, change: str, actor: str | None
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
                _set(document, form_field.schema, value)
    document["last_verified"] = {
        "date": today.isoformat(),
        "by": read.text("verified_by") or document.get("last_verified", {}).get("by", ""),
    }
    if read.problems:
        return Conversion(problems=read.problems)
    return _checked(settings, today, path, merge_yaml(original, document))


def _order_problems(document: Mapping[str, Any]) -> list[str]:
    """What `make check` refuses about orders (checks/orders.py offer_orders), said in the form's words, so that
    every problem comes in the first answer."""
    problems = []
    if (
        isinstance(document.get("age_min"), int)
        and isinstance(document.get("age_max"), int)
        and document["age_min"] > document["age_max"]
    ):
        problems.append("„Alter ab“ ist größer als „Alter bis“. Bitte tauschen Sie die beiden Zahlen.")
    if (
        document.get("valid_from")
        and document.get("valid_until")
        and str(document["valid_from"]) > str(document["valid_until"])
    ):
        problems.append("„Gültig bis“ liegt vor „Gültig ab“. Bitte prüfen Sie die beiden Daten.")
    schedule = document.get("schedule") or {}
    for group, name in (("weekly", "wöchentliche Zeit"), ("sessions", "Termin")):
        for number, slot in enumerate(schedule.get(group) or [], start=1):
            start, end = slot.get("start"), slot.get("end")
            if start and end and start == end:
                problems.append(
                    f"{name.capitalize()} {number}: Beginn und Ende sind gleich. Bitte prüfen Sie die Uhrzeiten."
                )
            elif start and end and end < start and _minutes(start, end) > LONGEST_OVERNIGHT_MINUTES:
                problems.append(
                    f"{name.capitalize()} {number}: Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Uhrzeiten."
                )
    return problems


def _minutes(start: str, end: str) -> int:
    start_hour, start_minute = (int(part) for part in start.split(":"))
    end_hour, end_minute = (int(part) for part in end.split(":"))
    return (end_hour * 60 + end_minute - start_hour * 60 - start_minute) % (24 * 60)


def convert_change(body: str, catalogue: Catalogue, settings: Settings, today: date) -> Conversion:
    """The offer file after an "Angebot ändern" issue: exactly the answered fields changed, the rest of the file
    as it was (yaml_round_trip: one changed time is one changed line), or every problem at once."""
    fields = change_form_fields(catalogue, settings)
    answers = parse_issue_body(body, fields)
    read = _Reader(answers, fields)
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
                _set(document, read.fields[field_id].schema, value)
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
    read.problems.extend(_order_problems(document))
    if read.problems:
        return Conversion(problems=read.problems)
    return _checked(settings, today, path, merge_yaml(original, document))


def _change_weekly(read: _Reader, document: dict[str, Any]) -> None:
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


def _second_language(read: _Reader, document: dict[str, Any], settings: Settings) -> None:
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


def _edited_value(read: _Reader, form_field: FormField, catalogue: Catalogue, german: str) -> Any:
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
