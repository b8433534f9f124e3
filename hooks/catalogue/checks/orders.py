"""Orders the schema cannot say: a start before its end, the lower age below the upper, a date not in the future,
a need's file named after its month."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from catalogue.data.data_file import DataFile
from catalogue.data.messages import quote
from catalogue.data.model import CAPACITY_SHOWN_MONTHS
from catalogue.data.months import months_before
from catalogue.data.problems import Problem

from .context import Checking

LONGEST_OVERNIGHT_MINUTES = 12 * 60
"""An end earlier than the start is on the next day, if that makes a session of at most 12 hours; a longer one is
more likely a slip (18:00 to 09:00)."""


def ages(check: Checking, file: DataFile) -> Iterator[Problem]:
    """`age_min` is at most `age_max`."""
    data = file.data
    if "age_min" in data and "age_max" in data and data["age_min"] > data["age_max"]:
        yield check.problem(
            file, "order.ages", file.document.value_position(("age_min",)), low=data["age_min"], high=data["age_max"]
        )


def offer_orders(check: Checking, file: DataFile) -> Iterator[Problem]:
    """`valid_from` is not after `valid_until`, and every time slot ends after it starts (overnight up to 12 h)."""
    data = file.data
    document = file.document
    if "valid_from" in data and "valid_until" in data and data["valid_from"] > data["valid_until"]:
        yield check.problem(
            file,
            "order.valid_dates",
            document.value_position(("valid_from",)),
            start=data["valid_from"],
            end=data["valid_until"],
        )
    yield from ages(check, file)
    schedule = data.get("schedule", {})
    for group in ("sessions", "weekly"):
        for index, slot in enumerate(schedule.get(group, [])):
            if "end" not in slot or "start" not in slot:
                continue
            position = document.value_position(("schedule", group, index, "end"))
            minutes = minutes_until(slot["start"], slot["end"])
            if minutes == 0:
                yield check.problem(file, "order.times", position, start=slot["start"], end=slot["end"])
            elif slot["end"] < slot["start"] and minutes > LONGEST_OVERNIGHT_MINUTES:
                yield check.problem(
                    file,
                    "order.times_overnight",
                    position,
                    start=slot["start"],
                    end=slot["end"],
                    hours=minutes // 60,
                    limit=LONGEST_OVERNIGHT_MINUTES // 60,
                )


def capacity(check: Checking, file: DataFile) -> Iterator[Problem]:
    """Free places are counted on a day not in the future; counted long ago, they are no longer shown."""
    if "capacity" not in file.data:
        return
    as_of = date.fromisoformat(file.data["capacity"]["as_of"])
    position = file.document.value_position(("capacity", "as_of"))
    today = check.context.today
    if as_of > today:
        yield check.problem(file, "order.capacity_future", position, date=as_of.isoformat(), today=today.isoformat())
    elif as_of < months_before(today, CAPACITY_SHOWN_MONTHS):
        yield check.warning(file, "warn.capacity_old", position, date=as_of.isoformat(), months=CAPACITY_SHOWN_MONTHS)


def need_file_month(check: Checking, file: DataFile) -> Iterator[Problem]:
    """A need's file is named <yyyy-mm>-<slug>.yml after the month it was reported."""
    month = file.data["reported"][:7]
    if not file.stem.startswith(month + "-"):
        slug = file.stem[8:] if len(file.stem) > 8 and file.stem[:4].isdigit() else file.stem
        yield check.problem(
            file,
            "need.file_month",
            file.document.value_position(("reported",)),
            file=quote(file.stem + ".yml"),
            month=month,
            expected=quote(f"{month}-{slug}.yml"),
        )


def need_dates(check: Checking, file: DataFile) -> Iterator[Problem]:
    """A need is reported by today, ends after it was reported, and an addressed need says when."""
    data = file.data
    document = file.document
    today = check.context.today
    reported = date.fromisoformat(data["reported"])
    if reported > today:
        yield check.problem(
            file,
            "need.reported_future",
            document.value_position(("reported",)),
            date=reported.isoformat(),
            today=today.isoformat(),
        )
    end = date.fromisoformat(data["end_date"]) if "end_date" in data else None
    if end is not None and end < reported:
        yield check.problem(
            file,
            "need.end_before_reported",
            document.value_position(("end_date",)),
            end=end.isoformat(),
            start=reported.isoformat(),
        )
    if data["status"] == "addressed" and end is None:
        yield check.problem(
            file, "need.addressed_without_date", document.value_position(("status",)), today=today.isoformat()
        )
    elif data["status"] == "open" and end is not None and end < today:
        yield check.warning(file, "warn.need_lapsed", document.value_position(("end_date",)), date=end.isoformat())


def minutes_until(start: str, end: str) -> int:
    """Minutes from start to end (both HH:MM), the end on the next day when it is earlier than the start."""
    start_hours, start_minutes = start.split(":")
    end_hours, end_minutes = end.split(":")
    minutes = int(end_hours) * 60 + int(end_minutes) - int(start_hours) * 60 - int(start_minutes)
    return minutes + 24 * 60 if minutes < 0 else minutes
