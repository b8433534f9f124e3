"""Typed, immutable records of the catalogue, built from documents that passed validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

Texts = Mapping[str, str]
"""One human-readable text in several languages: language code -> text."""

NO_TEXTS: Texts = MappingProxyType({})


def _no_texts() -> Texts:
    return NO_TEXTS


def _texts(value: Mapping[str, str] | None) -> Texts:
    return MappingProxyType(dict(value)) if value else NO_TEXTS


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Term:
    id: str
    label: Texts
    description: Texts = field(default_factory=_no_texts)
    icon: str | None = None
    education_area: str | None = None
    """For categories: one of schema_enums.EDUCATION_AREAS, so that figures read like a council report."""


@dataclass(frozen=True)
class TextUnit:
    """One translatable text map of a record, e.g. path ('schedule', 'note')."""

    path: tuple[str | int, ...]
    texts: Texts
    markdown: bool = False


@dataclass(frozen=True)
class TranslationRecord:
    """What a record says about its translations (see catalogue.data.fingerprint and translation_status)."""

    fingerprint: str = ""
    """Of the record's current default-language text."""
    sources: Texts = field(default_factory=_no_texts)
    """Language -> fingerprint of the default-language text the translation was made from (`translation_sources`)."""
    machine: tuple[str, ...] = ()
    """Languages whose texts are unreviewed machine translations (`machine_translated`)."""
    units: tuple[TextUnit, ...] = ()
    """The texts a translator translates, in document order; proper names are left out."""


NO_TRANSLATION_RECORD = TranslationRecord()


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Term, ...]
    target_groups: tuple[Term, ...]
    districts: tuple[Term, ...]
    entitlements: tuple[Term, ...] = ()
    """Vouchers and entitlements with which an offer can cost nothing (`Costs.free_with`)."""
    eligibility: tuple[Term, ...] = ()
    """Who may take part, as conditions a reader can check without the free text (`Offer.eligible`)."""

    def category(self, term_id: str) -> Term:
        return next(term for term in self.categories if term.id == term_id)

    def target_group(self, term_id: str) -> Term:
        return next(term for term in self.target_groups if term.id == term_id)

    def district(self, term_id: str) -> Term:
        return next(term for term in self.districts if term.id == term_id)

    def entitlement(self, term_id: str) -> Term:
        return next(term for term in self.entitlements if term.id == term_id)

    def eligibility_term(self, term_id: str) -> Term:
        return next(term for term in self.eligibility if term.id == term_id)


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    role: Texts = field(default_factory=_no_texts)
    hours: Texts = field(default_factory=_no_texts)


@dataclass(frozen=True)
class Location:
    id: str
    name: Texts
    street: str
    postcode: str
    city: str
    district: str
    latitude: float | None = None
    longitude: float | None = None
    accessibility: Texts = field(default_factory=_no_texts)


@dataclass(frozen=True)
class Actor:
    id: str
    name: Texts
    type: str
    description: Texts
    contact: Contact
    website: str | None = None
    locations: tuple[Location, ...] = ()
    maintainers: tuple[str, ...] = ()
    source: str = ""
    translation: TranslationRecord = NO_TRANSLATION_RECORD

    def location(self, location_id: str) -> Location:
        return next(location for location in self.locations if location.id == location_id)


@dataclass(frozen=True)
class Session:
    date: date
    start: str
    end: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class WeeklySlot:
    day: str
    start: str
    end: str


@dataclass(frozen=True)
class Schedule:
    sessions: tuple[Session, ...] = ()
    weekly: tuple[WeeklySlot, ...] = ()
    exceptions: tuple[date, ...] = ()
    """Days on which the weekly times do not take place (holidays), sorted."""
    note: Texts = field(default_factory=_no_texts)


@dataclass(frozen=True)
class Costs:
    free: bool
    amount: float | None = None
    per: str | None = None
    reductions: Texts = field(default_factory=_no_texts)
    free_with: tuple[str, ...] = ()
    """Ids of the taxonomy's entitlements with which the offer costs nothing, where it is not free for everyone."""

    @property
    def free_for_some(self) -> bool:
        """Free for everyone, or with one of the entitlements."""
        return self.free or bool(self.free_with)


@dataclass(frozen=True)
class Registration:
    required: bool
    how: Texts = field(default_factory=_no_texts)
    deadline: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Verification:
    date: date
    by: str


CAPACITY_SHOWN_MONTHS = 3
"""A capacity's numbers older than this many months are not shown to readers, and `check` warns about them."""


@dataclass(frozen=True)
class Capacity:
    """How full an offer is on one day (`capacity`; HSDS 3.1 service_capacity): places in all and free, people
    waiting."""

    as_of: date
    seats: int | None = None
    free_seats: int | None = None
    waiting_list: int = 0

    @property
    def full(self) -> bool:
        """No place free: `free_seats` is 0, or people are waiting."""
        return self.free_seats == 0 or self.waiting_list > 0


@dataclass(frozen=True)
class Offer:
    id: str
    actor: str
    status: str
    categories: tuple[str, ...]
    title: Texts
    summary: Texts
    description: Texts
    mode: str
    costs: Costs
    last_verified: Verification
    target_groups: tuple[str, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    languages: tuple[str, ...] = ()
    german_level: str | None = None
    locations: tuple[str, ...] = ()
    schedule: Schedule = field(default_factory=Schedule)
    registration: Registration | None = None
    contact: Contact = field(default_factory=Contact)
    eligibility: Texts = field(default_factory=_no_texts)
    eligible: tuple[str, ...] = ()
    """Ids of the taxonomy's eligibility terms: every condition of taking part, in the order the office wrote them."""
    website: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    capacity: Capacity | None = None
    source: str = ""
    translation: TranslationRecord = NO_TRANSLATION_RECORD


@dataclass(frozen=True)
class NewsImage:
    src: str
    alt: Texts


@dataclass(frozen=True)
class NewsItem:
    id: str
    date: date
    title: Texts
    body: Texts
    summary: Texts = field(default_factory=_no_texts)
    image: NewsImage | None = None
    offers: tuple[str, ...] = ()
    source: str = ""
    translation: TranslationRecord = NO_TRANSLATION_RECORD


@dataclass(frozen=True)
class Need:
    """A need the office recorded (data/needs/<yyyy-mm>-<slug>.yml): people who look for something nobody offers,
    or not enough of. `district` None means the whole town; ages in years, both ends included."""

    id: str
    title: str
    topic: str
    stage: str
    target_group: str
    people: int
    source: str
    reported_by: str
    reported: date
    status: str
    """'open' or 'addressed'."""
    district: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    end_date: date | None = None
    comment: str = ""
    file: str = ""

    def is_open(self, day: date) -> bool:
        """Still a need on `day`: reported by then, not addressed, and not lapsed by its end date."""
        if self.reported > day or self.status == "addressed":
            return False
        return self.end_date is None or self.end_date >= day

    @property
    def categories(self) -> tuple[str, ...]:
        """The need's topic and stage of life, once each."""
        return tuple(dict.fromkeys((self.topic, self.stage)))


@dataclass(frozen=True)
class Catalogue:
    taxonomy: Taxonomy
    actors: Mapping[str, Actor]
    offers: tuple[Offer, ...]
    news: tuple[NewsItem, ...]
    needs: tuple[Need, ...] = ()
    """The office's recorded needs, oldest first; never shown one by one on the site."""


def term_from_document(document: Mapping[str, Any]) -> Term:
    return Term(
        id=document["id"],
        label=_texts(document["label"]),
        description=_texts(document.get("description")),
        icon=document.get("icon"),
        education_area=document.get("education_area"),
    )


def taxonomy_from_document(document: Mapping[str, Any]) -> Taxonomy:
    return Taxonomy(
        categories=tuple(term_from_document(term) for term in document["categories"]),
        target_groups=tuple(term_from_document(term) for term in document["target_groups"]),
        districts=tuple(term_from_document(term) for term in document["districts"]),
        entitlements=tuple(term_from_document(term) for term in document.get("entitlements", [])),
        eligibility=tuple(term_from_document(term) for term in document.get("eligibility", [])),
    )


def contact_from_document(document: Mapping[str, Any] | None) -> Contact:
    document = document or {}
    return Contact(
        phone=document.get("phone"),
        email=document.get("email"),
        role=_texts(document.get("role")),
        hours=_texts(document.get("hours")),
    )


def location_from_document(document: Mapping[str, Any]) -> Location:
    return Location(
        id=document["id"],
        name=_texts(document["name"]),
        street=document["street"],
        postcode=document["postcode"],
        city=document["city"],
        district=document["district"],
        latitude=document.get("latitude"),
        longitude=document.get("longitude"),
        accessibility=_texts(document.get("accessibility")),
    )


def actor_from_document(
    document: Mapping[str, Any], source: str = "", translation: TranslationRecord = NO_TRANSLATION_RECORD
) -> Actor:
    return Actor(
        id=document["id"],
        name=_texts(document["name"]),
        type=document["type"],
        description=_texts(document["description"]),
        contact=contact_from_document(document.get("contact")),
        website=document.get("website"),
        locations=tuple(location_from_document(item) for item in document.get("locations", [])),
        maintainers=tuple(document.get("maintainers", [])),
        source=source,
        translation=translation,
    )


def schedule_from_document(document: Mapping[str, Any] | None) -> Schedule:
    document = document or {}
    sessions = sorted(
        (
            Session(
                date=date.fromisoformat(item["date"]),
                start=item["start"],
                end=item.get("end"),
                location=item.get("location"),
            )
            for item in document.get("sessions", [])
        ),
        key=lambda session: (session.date, session.start),
    )
    return Schedule(
        sessions=tuple(sessions),
        weekly=tuple(
            WeeklySlot(day=item["day"], start=item["start"], end=item["end"]) for item in document.get("weekly", [])
        ),
        exceptions=tuple(sorted(date.fromisoformat(item) for item in document.get("exceptions", []))),
        note=_texts(document.get("note")),
    )


def offer_from_document(
    document: Mapping[str, Any], source: str = "", translation: TranslationRecord = NO_TRANSLATION_RECORD
) -> Offer:
    costs = document["costs"]
    registration = document.get("registration")
    verified = document["last_verified"]
    return Offer(
        id=document["id"],
        actor=document["actor"],
        status=document["status"],
        categories=tuple(document["categories"]),
        title=_texts(document["title"]),
        summary=_texts(document["summary"]),
        description=_texts(document["description"]),
        mode=document["mode"],
        costs=Costs(
            free=costs["free"],
            amount=costs.get("amount"),
            per=costs.get("per"),
            reductions=_texts(costs.get("reductions")),
            free_with=tuple(costs.get("free_with", [])),
        ),
        last_verified=Verification(date=date.fromisoformat(verified["date"]), by=verified["by"]),
        target_groups=tuple(document.get("target_groups", [])),
        age_min=document.get("age_min"),
        age_max=document.get("age_max"),
        languages=tuple(document.get("languages", [])),
        german_level=document.get("german_level"),
        locations=tuple(document.get("locations", [])),
        schedule=schedule_from_document(document.get("schedule")),
        registration=None
        if registration is None
        else Registration(
            required=registration["required"],
            how=_texts(registration.get("how")),
            deadline=_date(registration.get("deadline")),
            url=registration.get("url"),
        ),
        contact=contact_from_document(document.get("contact")),
        eligibility=_texts(document.get("eligibility")),
        eligible=tuple(document.get("eligible", [])),
        website=document.get("website"),
        valid_from=_date(document.get("valid_from")),
        valid_until=_date(document.get("valid_until")),
        capacity=capacity_from_document(document.get("capacity")),
        source=source,
        translation=translation,
    )


def capacity_from_document(document: Mapping[str, Any] | None) -> Capacity | None:
    if document is None:
        return None
    return Capacity(
        as_of=date.fromisoformat(document["as_of"]),
        seats=document.get("seats"),
        free_seats=document.get("free_seats"),
        waiting_list=document.get("waiting_list", 0),
    )


def need_from_document(document: Mapping[str, Any], source: str = "") -> Need:
    return Need(
        id=document["id"],
        title=document["title"],
        topic=document["topic"],
        stage=document["stage"],
        target_group=document["target_group"],
        people=document["people"],
        source=document["source"],
        reported_by=document["reported_by"],
        reported=date.fromisoformat(document["reported"]),
        status=document["status"],
        district=document.get("district"),
        age_min=document.get("age_min"),
        age_max=document.get("age_max"),
        end_date=_date(document.get("end_date")),
        comment=document.get("comment", ""),
        file=source,
    )


def news_from_document(
    document: Mapping[str, Any], source: str = "", translation: TranslationRecord = NO_TRANSLATION_RECORD
) -> NewsItem:
    image = document.get("image")
    return NewsItem(
        id=document["id"],
        date=date.fromisoformat(document["date"]),
        title=_texts(document["title"]),
        body=_texts(document["body"]),
        summary=_texts(document.get("summary")),
        image=None if image is None else NewsImage(src=image["src"], alt=_texts(image["alt"])),
        offers=tuple(document.get("offers", [])),
        source=source,
        translation=translation,
    )


def offer_has_dates(offer: Offer) -> bool:
    """Whether the offer has a calendar: dated sessions or weekly times."""
    return bool(offer.schedule.sessions or offer.schedule.weekly)
