"""Which offers a build publishes on a given day, and why it leaves the others out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue.data.model import Catalogue, Offer


@dataclass(frozen=True)
class HiddenOffer:
    offer: Offer
    reason: str


@dataclass(frozen=True)
class Publication:
    """The published part of a catalogue on `today`; everything else stays in the data, with a reason."""

    catalogue: Catalogue
    today: date
    offers: tuple[Offer, ...]
    hidden: tuple[HiddenOffer, ...]

    def offers_of_actor(self, actor_id: str) -> tuple[Offer, ...]:
        return tuple(offer for offer in self.offers if offer.actor == actor_id)

    def offers_in_category(self, category_id: str) -> tuple[Offer, ...]:
        return tuple(offer for offer in self.offers if category_id in offer.categories)

    def offer(self, offer_id: str) -> Offer | None:
        return next((offer for offer in self.offers if offer.id == offer_id), None)


def last_session_passed(offer: Offer, today: date) -> date | None:
    """The day of an offer's last dated session when every one has passed and it has no weekly times (nothing more
    will take place, even without a `valid_until`); else None."""
    schedule = offer.schedule
    if not schedule.sessions or schedule.weekly:
        return None
    last = max(session.date for session in schedule.sessions)
    return last if last < today else None


def hiding_reason(offer: Offer, today: date) -> str | None:
    if offer.status == "ended":
        return "status is ended"
    if offer.valid_until is not None and offer.valid_until < today:
        return f"valid_until {offer.valid_until.isoformat()} has passed"
    last = last_session_passed(offer, today)
    if last is not None:
        return f"its last session on {last.isoformat()} has passed and it has no weekly times"
    if offer.valid_from is not None and offer.valid_from > today:
        return f"valid_from {offer.valid_from.isoformat()} has not come yet"
    return None


def publish(catalogue: Catalogue, today: date) -> Publication:
    shown: list[Offer] = []
    hidden: list[HiddenOffer] = []
    for offer in catalogue.offers:
        reason = hiding_reason(offer, today)
        if reason is None:
            shown.append(offer)
        else:
            hidden.append(HiddenOffer(offer, reason))
    return Publication(catalogue=catalogue, today=today, offers=tuple(shown), hidden=tuple(hidden))


def hidden_report(publication: Publication) -> list[str]:
    return [f"{item.offer.source or item.offer.id}: not published, {item.reason}" for item in publication.hidden]
