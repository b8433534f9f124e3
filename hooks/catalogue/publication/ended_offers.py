"""Offers that have ended but stay in the data, and the current offers to point their readers to instead.

An ended offer keeps its address (offers/<id>/) so that links people shared still lead somewhere: to a page that
says it has ended, names its provider and lists similar current offers. Deleting the offer's file ends that.
"""

from __future__ import annotations

from datetime import date

from catalogue.data.model import Offer
from catalogue.publication.visibility import Publication, last_session_passed

SIMILAR_OFFERS = 5
"""How many current offers an ended offer's page suggests at most."""


def has_ended(offer: Offer, today: date) -> bool:
    """Ended on `today`: its status is ended, its valid_until has passed, or its last dated session has passed
    and it has no weekly times. An offer whose valid_from has not come yet has not ended (it is not shown yet, and
    nobody can have shared it)."""
    return (
        offer.status == "ended"
        or (offer.valid_until is not None and offer.valid_until < today)
        or last_session_passed(offer, today) is not None
    )


def ended_offers(publication: Publication) -> tuple[Offer, ...]:
    """Offers left out of the publication because they have ended, in catalogue order."""
    return tuple(item.offer for item in publication.hidden if has_ended(item.offer, publication.today))


def _districts(publication: Publication, offer: Offer) -> frozenset[str]:
    actor = publication.catalogue.actors[offer.actor]
    places = {place.id: place.district for place in actor.locations}
    return frozenset(places[location] for location in offer.locations if location in places)


def _ages_meet(one: Offer, other: Offer) -> bool:
    """Whether the two offers' age ranges have an age in common (a missing bound is open)."""
    low = max(one.age_min or 0, other.age_min or 0)
    high = min(one.age_max if one.age_max is not None else 200, other.age_max if other.age_max is not None else 200)
    return low <= high


def similar_offers(publication: Publication, offer: Offer, limit: int = SIMILAR_OFFERS) -> tuple[Offer, ...]:
    """Up to `limit` published offers like `offer`: those sharing the most categories first, then among them
    (and after them) those sharing the most districts and target groups; ties in catalogue order. Offers that share
    none of these, or are for other ages (a language camp for children is no answer to a course for people over
    60), are left out."""
    categories = frozenset(offer.categories)
    districts = _districts(publication, offer)
    groups = frozenset(offer.target_groups)
    ranked: list[tuple[int, int, int, Offer]] = []
    for position, candidate in enumerate(publication.offers):
        if candidate.id == offer.id or not _ages_meet(offer, candidate):
            continue
        shared_categories = len(categories.intersection(candidate.categories))
        shared_others = len(districts & _districts(publication, candidate)) + len(
            groups.intersection(candidate.target_groups)
        )
        if shared_categories or shared_others:
            ranked.append((-shared_categories, -shared_others, position, candidate))
    ranked.sort(key=lambda entry: entry[:3])
    return tuple(entry[3] for entry in ranked[:limit])
