"""Which news items are current on a build's day and which have moved to the archive."""
from __future__ import annotations

from datetime import date

import pytest

from catalogue.data.model import NewsItem
from catalogue.publication.news_archive import archive_cutoff, archived_news, current_news


def item(day: str) -> NewsItem:
    return NewsItem(id=day, date=date.fromisoformat(day), title={"de": day}, body={"de": day})


@pytest.mark.parametrize(("today", "cutoff"), [
    ("2026-11-26", "2025-11-26"),
    ("2028-02-29", "2027-02-28"),
    ("2026-01-15", "2025-01-15"),
])
def test_a_news_item_is_current_for_a_year(today: str, cutoff: str) -> None:
    assert archive_cutoff(date.fromisoformat(today)) == date.fromisoformat(cutoff)


def test_news_older_than_a_year_moves_to_the_archive_keeping_its_order() -> None:
    news = [item("2026-11-20"), item("2025-11-26"), item("2025-11-25"), item("2018-05-15"), item("2018-04-16")]
    today = date(2026, 11, 26)
    assert [entry.id for entry in current_news(news, today)] == ["2026-11-20", "2025-11-26"]
    assert [entry.id for entry in archived_news(news, today)] == ["2025-11-25", "2018-05-15", "2018-04-16"]
