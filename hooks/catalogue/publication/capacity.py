"""Which capacity numbers a reader may see: only those at most CAPACITY_SHOWN_MONTHS old, so that the site never
says "waiting list" or "fully booked" from numbers nobody has checked for a season."""

from __future__ import annotations

from datetime import date

from catalogue.data.model import CAPACITY_SHOWN_MONTHS, Capacity, Offer
from catalogue.data.months import months_before


def shown_capacity(offer: Offer, today: date) -> Capacity | None:
    """The offer's capacity if its `as_of` lies within CAPACITY_SHOWN_MONTHS months before `today` (and not after
    it); None otherwise, or when the offer has none."""
    capacity = offer.capacity
    if capacity is None or capacity.as_of > today or capacity.as_of < months_before(today, CAPACITY_SHOWN_MONTHS):
        return None
    return capacity


def capacity_state(offer: Offer, today: date) -> str | None:
    """'waiting_list' when people wait, 'full' when no place is free, else None; always None for old numbers."""
    capacity = shown_capacity(offer, today)
    if capacity is None:
        return None
    if capacity.waiting_list > 0:
        return "waiting_list"
    if capacity.free_seats == 0:
        return "full"
    return None
