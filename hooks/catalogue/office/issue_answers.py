"""Reads the answers of a filled issue form: finds each field's answer in the issue body and checks it as text,
choice, number, amount, date or list of times, collecting every problem in plain German.

The issue body is GitHub's rendering of the form: `### <label>` followed by the answer, `_No response_` for an
empty field, `- [X] …` for a ticked box. Every answer is untrusted text: it is length-checked and refused when it
holds HTML or control characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from .issue_form import (
    CONSENT_LABEL,
    NO_RESPONSE,
    FormField,
)

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
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u180e\u00ad"))


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


class AnswerReader:
    """Reads and checks one answer at a time, as the kind of value its field holds; `problems` collects what is
    wrong, in plain German."""

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
