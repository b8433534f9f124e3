"""Calendar months back from a day: how old a date may be before the catalogue calls it stale or old."""

from __future__ import annotations

from datetime import date


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` calendar months earlier, or that month's last day when it is shorter
    (31 March less one month is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    return date(year, month, 1)
