"""schema.org JSON-LD of an offer, so that search engines and other portals understand the page."""
from __future__ import annotations

from typing import Any

from catalogue.data.model import Actor, Offer, Taxonomy
from catalogue.language.reader_language import ReaderLanguage

_COURSE_CATEGORIES = {"german", "adult-education", "training-work", "university", "school"}
_DAY_URIS = {
    "mon": "https://schema.org/Monday", "tue": "https://schema.org/Tuesday", "wed": "https://schema.org/Wednesday",
    "thu": "https://schema.org/Thursday", "fri": "https://schema.org/Friday", "sat": "https://schema.org/Saturday",
    "sun": "https://schema.org/Sunday",
}


def _place(actor: Actor, location_id: str, reader: ReaderLanguage) -> dict[str, Any]:
    place = actor.location(location_id)
    result: dict[str, Any] = {
        "@type": "Place",
        "name": reader.plain(place.name),
        "address": {
            "@type": "PostalAddress", "streetAddress": place.street, "postalCode": place.postcode,
            "addressLocality": place.city, "addressCountry": "DE",
        },
    }
    if place.latitude is not None and place.longitude is not None:
        result["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    return result


def _price(offer: Offer) -> dict[str, Any]:
    price = 0 if offer.costs.free else offer.costs.amount
    result: dict[str, Any] = {"@type": "Offer", "priceCurrency": "EUR", "category": "Free" if offer.costs.free else "Paid"}
    if price is not None:
        result["price"] = price
    return result


def offer_jsonld(offer: Offer, actor: Actor, taxonomy: Taxonomy, reader: ReaderLanguage, url: str) -> dict[str, Any]:
    provider: dict[str, Any] = {"@type": "Organization", "name": reader.plain(actor.name)}
    if actor.website:
        provider["url"] = actor.website
    contact = offer.contact if (offer.contact.phone or offer.contact.email) else actor.contact
    if contact.phone:
        provider["telephone"] = contact.phone
    if contact.email:
        provider["email"] = contact.email
    is_course = bool(_COURSE_CATEGORIES.intersection(offer.categories))
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course" if is_course else "Service",
        "@id": url,
        "url": url,
        "name": reader.plain(offer.title),
        "description": reader.plain(offer.summary),
        "inLanguage": reader.code,
        "provider": provider,
        "offers": _price(offer),
        "audience": {
            "@type": "PeopleAudience",
            "audienceType": ", ".join(reader.plain(taxonomy.target_group(group).label) for group in offer.target_groups) or None,
            "suggestedMinAge": offer.age_min,
            "suggestedMaxAge": offer.age_max,
        },
    }
    document["audience"] = {key: value for key, value in document["audience"].items() if value is not None}
    if offer.languages:
        document["availableLanguage"] = list(offer.languages)
    if not is_course:
        document["areaServed"] = {"@type": "City", "name": reader.town}
        if offer.locations:
            document["availableChannel"] = {"@type": "ServiceChannel", "serviceLocation": _place(actor, offer.locations[0], reader)}
        return document
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": {"in_person": "Onsite", "online": "Online", "hybrid": "Blended"}[offer.mode],
    }
    if offer.locations:
        instance["location"] = _place(actor, offer.locations[0], reader)
    if offer.schedule.sessions:
        instance["startDate"] = offer.schedule.sessions[0].date.isoformat()
        instance["endDate"] = offer.schedule.sessions[-1].date.isoformat()
    elif offer.valid_from:
        instance["startDate"] = offer.valid_from.isoformat()
    if offer.schedule.weekly:
        instance["courseSchedule"] = {
            "@type": "Schedule",
            "byDay": sorted({_DAY_URIS[slot.day] for slot in offer.schedule.weekly}),
            "repeatFrequency": "P1W",
            "startTime": offer.schedule.weekly[0].start,
            "endTime": offer.schedule.weekly[0].end,
        }
    document["hasCourseInstance"] = [instance]
    return document
