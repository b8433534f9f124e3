"""Which news items are current on a build's day, and which have moved to the archive."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from catalogue.data.model import NewsItem
from catalogue.data.months import months_before

CURRENT_NEWS_MONTHS = 12
"""A news item older than this many months is archived: listed on news/archive/, not on the news page or home page."""


def archive_cutoff(today: date) -> date:
    """The earliest date a current news item can have: the same day CURRENT_NEWS_MONTHS months before `today`
    (the end of that month where it is shorter)."""
    return months_before(today, CURRENT_NEWS_MONTHS)


def current_news(news: Sequence[NewsItem], today: date) -> tuple[NewsItem, ...]:
    """News items dated from the cutoff on, in the order given (the catalogue's: newest first)."""
    cutoff = archive_cutoff(today)
    return tuple(item for item in news if item.date >= cutoff)


def archived_news(news: Sequence[NewsItem], today: date) -> tuple[NewsItem, ...]:
    """News items older than CURRENT_NEWS_MONTHS months, in the order given."""
    cutoff = archive_cutoff(today)
    return tuple(item for item in news if item.date < cutoff)
