"""When in the day and the week an offer takes place, derived from its schedule: the catalogue's time-of-day filter.

No field of its own: an offer's weekly times and dated sessions say it. The parts of the day are half-open ranges of
minutes after midnight, local time (the schedule's times are the town's):

    morning    06:00 – 12:00
    afternoon  12:00 – 17:00
    evening    17:00 – 24:00

A time slot belongs to every part it overlaps (opening hours 09:00–18:00 are morning, afternoon and evening: one
can come in the evening); a session without an end counts as its start minute. "weekend" is any slot on a Saturday
or Sunday (ISO 8601 weekdays 6 and 7), besides its part of the day. A time before 06:00 belongs to no part of the
day.
"""

from __future__ import annotations

from catalogue.data.model import Schedule

PARTS_OF_DAY: tuple[tuple[str, int, int], ...] = (
    ("morning", 6 * 60, 12 * 60),
    ("afternoon", 12 * 60, 17 * 60),
    ("evening", 17 * 60, 24 * 60),
)
"""(name, first minute, minute after the last) of each part of the day."""
WEEKEND = "weekend"
TIMES_OF_DAY: tuple[str, ...] = (*(name for name, _, _ in PARTS_OF_DAY), WEEKEND)
"""Every value `times_of_day` can give, in the order the filter lists them."""
_WEEKEND_DAYS = frozenset({"sat", "sun"})


def minutes(clock: str) -> int:
    """'18:30' -> 1110 minutes after midnight; '24:00' -> 1440."""
    hours, _, rest = clock.partition(":")
    return int(hours) * 60 + int(rest or 0)


def parts_of_day(start: str, end: str | None) -> tuple[str, ...]:
    """The parts of the day a slot from `start` to `end` ('HH:MM', end exclusive; None: the start minute only)
    overlaps, in PARTS_OF_DAY order. An end at or before the start (past midnight) runs to midnight."""
    first = minutes(start)
    last = minutes(end) if end is not None else first + 1
    if last <= first:
        last = 24 * 60
    return tuple(name for name, begins, ends in PARTS_OF_DAY if first < ends and last > begins)


def times_of_day(schedule: Schedule) -> tuple[str, ...]:
    """The values of TIMES_OF_DAY an offer's weekly times and sessions fall in, in that order; () for an offer with
    neither (by appointment, or always open online)."""
    found: set[str] = set()
    for slot in schedule.weekly:
        found.update(parts_of_day(slot.start, slot.end))
        if slot.day in _WEEKEND_DAYS:
            found.add(WEEKEND)
    for session in schedule.sessions:
        found.update(parts_of_day(session.start, session.end))
        if session.date.isoweekday() >= 6:
            found.add(WEEKEND)
    return tuple(name for name in TIMES_OF_DAY if name in found)
