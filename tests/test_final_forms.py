"""Dates and times as people write them get the exact text to type, so that `make check` answers in one round."""
from __future__ import annotations

import pytest

from catalogue.data.schema_explanation import final_form


@pytest.mark.parametrize(
    ("written", "final"),
    [("18.30", "18:30"), ("18,30", "18:30"), ("1830", "18:30"), ("9.30", "09:30"), ("9:30", "09:30"), ("930", "09:30"),
     ("9 Uhr", "09:00"), ("18h30", "18:30"), ("18", "18:00"), ("24.00", None), ("18.75", None), ("abends", None)],
)
def test_times(written: str, final: str | None) -> None:
    assert final_form("time", written) == final


@pytest.mark.parametrize(
    ("written", "final"),
    [("1.2.2027", "2027-02-01"), ("01.02.2027", "2027-02-01"), ("31.12.2026", "2026-12-31"), ("2027-2-1", "2027-02-01"),
     ("30.2.2027", None), ("1.2.27", None), ("Februar 2027", None)],
)
def test_dates(written: str, final: str | None) -> None:
    assert final_form("date", written) == final
