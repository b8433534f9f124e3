"""What an issue form's answers become: the offer file to write, checked by the catalogue's own check, or the
problems to tell the actor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.checks.loading import load_catalogue
from catalogue.checks.orders import LONGEST_OVERNIGHT_MINUTES
from catalogue.data.settings import Settings


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


def set_value(document: dict[str, Any], dotted: str, value: Any) -> None:
    """Sets `a.b.c` in the document, making the groups on the way; an empty value is left out."""
    if value is None or value == "" or value == []:
        return
    *parents, last = dotted.split(".")
    for part in parents:
        document = document.setdefault(part, {})
    document[last] = value


def order_problems(document: Mapping[str, Any]) -> list[str]:
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


def text_block(text: str) -> str:
    """A text of several lines with \\n line ends and a final line end, so that YAML writes it as a block."""
    return text.replace("\r\n", "\n") + "\n" if "\n" in text else text


def checked_conversion(settings: Settings, today: date, path: str, text: str) -> Conversion:
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
