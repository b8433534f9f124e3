"""The needs part of the office's report: open needs with their age, open needs no offer meets in their topic and
district, offers with waiting lists - and the short Markdown summary the office pastes into a council paper.

What meets a need and how gaps are counted: catalogue.figures.need_figures. Unlike the public figures, the report shows
exact numbers of people: it stays in the office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from catalogue.data.messages import Messages
from catalogue.data.model import Need, Offer
from catalogue.figures.need_figures import (
    WHOLE_TOWN,
    NeedFigures,
    need_figures,
    offers_meeting,
    open_needs,
    shown_people,
)
from catalogue.publication.capacity import shown_capacity
from catalogue.publication.visibility import Publication

SUMMARY_LINES = 24
"""At most this many lines in the council summary: one screen, one page of a council paper."""
SUMMARY_GAPS = 5
"""The largest gaps the summary names."""


@dataclass(frozen=True)
class OpenNeed:
    need: Need
    days: int
    """Days since it was reported."""
    offers: int
    """Published offers that meet it."""


@dataclass(frozen=True)
class WaitingOffer:
    offer: Offer
    waiting: int
    as_of: date
    current: bool
    """Whether the numbers are at most 3 months old (and so shown on the site)."""


@dataclass(frozen=True)
class NeedsReport:
    open: tuple[OpenNeed, ...]
    """Oldest first."""
    unmet: tuple[OpenNeed, ...]
    """Open needs that no published offer meets."""
    waiting: tuple[WaitingOffer, ...]
    """Published offers with people on a waiting list, most people first."""
    figures: NeedFigures


def needs_report(publication: Publication) -> NeedsReport:
    today = publication.today
    current = [
        OpenNeed(need, (today - need.reported).days, len(offers_meeting(need, publication)))
        for need in sorted(open_needs(publication.catalogue.needs, today), key=lambda need: (need.reported, need.id))
    ]
    waiting = sorted(
        (
            WaitingOffer(
                offer, offer.capacity.waiting_list, offer.capacity.as_of, shown_capacity(offer, today) is not None
            )
            for offer in publication.offers
            if offer.capacity is not None and offer.capacity.waiting_list > 0
        ),
        key=lambda item: (-item.waiting, item.offer.id),
    )
    return NeedsReport(
        tuple(current), tuple(item for item in current if item.offers == 0), tuple(waiting), need_figures(publication)
    )


def _place(publication: Publication, district: str | None, default: str) -> str:
    if district is None or district == WHOLE_TOWN:
        return ""
    return publication.catalogue.taxonomy.district(district).label.get(default, district)


def _topic(publication: Publication, topic: str, default: str) -> str:
    return publication.catalogue.taxonomy.category(topic).label.get(default, topic)


def need_lines(
    report: NeedsReport, publication: Publication, messages: Messages, *, markdown: bool, default: str
) -> list[tuple[int, str]]:
    """(heading level or 0 for a line) of the report's needs sections, in order; the report's writer formats them."""
    say = messages.phrase

    def need_text(item: OpenNeed) -> str:
        need = item.need
        where = _place(publication, need.district, default) or say("needs.whole_town")
        file = f"`{need.file}`" if markdown else need.file
        return say(
            "needs.open_line",
            title=need.title,
            where=where,
            people=need.people,
            days=item.days,
            source=say(f"needs.source.{need.source}"),
            by=need.reported_by,
            file=file,
        )

    lines: list[tuple[int, str]] = [(2, say("needs.open", count=len(report.open)))]
    lines += [(0, "- " + need_text(item)) for item in report.open] or [(0, say("report.none"))]
    lines.append((2, say("needs.unmet", count=len(report.unmet))))
    lines += [(0, "- " + need_text(item)) for item in report.unmet] or [(0, say("report.none"))]
    lines.append((2, say("needs.waiting", count=len(report.waiting))))
    lines += [
        (
            0,
            "- "
            + say(
                "needs.waiting_line",
                title=item.offer.title.get(default, item.offer.id),
                waiting=item.waiting,
                date=item.as_of.isoformat(),
                old="" if item.current else say("needs.waiting_old"),
            ),
        )
        for item in report.waiting
    ] or [(0, say("report.none"))]
    lines.append((2, say("needs.site_requests_title")))
    lines.append((0, say("needs.site_requests")))
    return lines


def council_summary(
    report: NeedsReport, publication: Publication, messages: Messages, *, town: str, default: str
) -> str:
    """Markdown of at most SUMMARY_LINES lines: open needs, the largest gaps, waiting lists, what the numbers cannot
    say. Numbers of people under 5 as '< 5', as on the public page, since a council paper is public."""
    say = messages.phrase
    figures = report.figures
    lines = [
        f"### {say('council.title', town=town, day=publication.today.isoformat())}",
        "",
        say(
            "council.open",
            count=figures.open,
            people=shown_people(figures.people),
            recorded=figures.recorded,
            offers=len(publication.offers),
        ),
        "",
    ]
    gaps = sorted(figures.gaps, key=lambda gap: (-(gap.people_per_unit or float("inf")), -gap.people))[:SUMMARY_GAPS]
    if gaps:
        lines.append(f"**{say('council.gaps')}**")
        lines.append("")
        for gap in gaps:
            where = _place(publication, gap.district, default) or say("needs.whole_town")
            against = (
                say("council.against_seats", seats=gap.seats)
                if gap.seats is not None
                else say("council.against_offers", offers=gap.offers)
            )
            lines.append(
                f"- {_topic(publication, gap.topic, default)}, {where}: "
                f"{say('council.people', people=shown_people(gap.people))} – {against}"
            )
        lines.append("")
    if figures.waiting_lists:
        waiting = ", ".join(f"{_topic(publication, row.topic, default)} {row.people}" for row in figures.waiting_lists)
        lines += [say("council.waiting", lists=waiting), ""]
    lines.append(f"_{say('council.limits')}_")
    return "\n".join(lines) + "\n"
