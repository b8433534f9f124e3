"""The office's report: which offers need a call to their provider, which end or start soon, and where each language's
translations stand. Written as plain text for a terminal, as Markdown for a GitHub issue, and as CSV for a spreadsheet.

Staleness uses `extra.catalogue.stale_after_months` of mkdocs.yml (12 by default), counted in calendar months as
`make check` counts them. Translation states and word counts: catalogue.figures.translation_status.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from catalogue.data.messages import Messages
from catalogue.data.model import Actor, NewsItem, Offer
from catalogue.data.months import months_before
from catalogue.data.settings import Settings
from catalogue.figures.language_coverage import LanguageCoverage, language_coverage
from catalogue.figures.translation_status import (
    RECORD_KINDS,
    STATUSES,
    Record,
    StatusCount,
    records_of_kind,
    status_counts,
    translation_status,
    words_to_translate,
)
from catalogue.office.needs_report import NeedsReport, council_summary, need_lines, needs_report
from catalogue.publication.visibility import Publication, hiding_reason, last_session_passed

ENDING_WITHIN_DAYS = 30
CSV_COLUMNS = (
    "section",
    "language",
    "kind",
    "id",
    "title",
    "file",
    "provider",
    "status",
    "date",
    "words",
    "phone",
    "email",
)
"""The CSV's columns; their headings and values are in the office's language (data/messages.py `report.csv.*`)."""


@dataclass(frozen=True)
class ProviderOffers:
    """Offers of one provider, with the provider's contact for the call that checks them."""

    actor: Actor
    offers: tuple[Offer, ...]


@dataclass(frozen=True)
class OfficeReport:
    publication: Publication
    settings: Settings
    stale: tuple[ProviderOffers, ...]
    """Offers still running whose last_verified is older than the settings' months, grouped by provider."""
    ending: tuple[Offer, ...]
    """Published offers whose valid_until falls within ENDING_WITHIN_DAYS from today, soonest first."""
    not_yet_valid: tuple[Offer, ...]
    """Offers whose valid_from is after today, soonest first."""
    translations: tuple[StatusCount, ...]
    needs: NeedsReport
    """Open and unmet needs, offers with waiting lists (catalogue.office.needs_report)."""
    coverage: tuple[LanguageCoverage, ...] = ()
    """Each language but the default one: the published offers whose title, summary and eligibility are in it."""
    unreviewed: frozenset[str] = frozenset()
    """Languages whose labels file names no native reviewer yet: to review."""
    sessions_over: tuple[tuple[Offer, date], ...] = ()
    """Offers off the site only because their dated sessions have all passed (no weekly times, not ended, no passed
    valid_until), with the last session's day, latest first: the office sets `status: ended` or asks for new dates."""

    @property
    def today(self) -> date:
        return self.publication.today

    @property
    def stale_count(self) -> int:
        return sum(len(group.offers) for group in self.stale)


def office_report(
    publication: Publication,
    settings: Settings,
    ending_within_days: int = ENDING_WITHIN_DAYS,
    unreviewed: frozenset[str] = frozenset(),
) -> OfficeReport:
    """The report for the publication's day. Ended offers (status or valid_until passed) are left out of every part."""
    today = publication.today
    catalogue = publication.catalogue
    running = [offer for offer in catalogue.offers if _is_running(offer, today)]
    oldest_fresh = months_before(today, settings.stale_after_months)
    stale_by_actor: dict[str, list[Offer]] = {}
    for offer in sorted(running, key=lambda offer: (offer.last_verified.date, offer.id)):
        if offer.last_verified.date < oldest_fresh:
            stale_by_actor.setdefault(offer.actor, []).append(offer)
    stale = tuple(
        ProviderOffers(catalogue.actors[actor_id], tuple(offers))
        for actor_id, offers in sorted(stale_by_actor.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    horizon = today + timedelta(days=ending_within_days)
    ending = tuple(
        sorted(
            (offer for offer in publication.offers if offer.valid_until is not None and offer.valid_until <= horizon),
            key=lambda offer: (offer.valid_until, offer.id),
        )
    )
    not_yet_valid = tuple(
        sorted(
            (offer for offer in running if offer.valid_from is not None and offer.valid_from > today),
            key=lambda offer: (offer.valid_from, offer.id),
        )
    )
    translations = tuple(
        status_counts(catalogue, settings.language_codes, settings.default_language, publication.offers)
    )
    others = [code for code in settings.language_codes if code != settings.default_language]
    coverage = language_coverage(publication.offers, others)
    return OfficeReport(
        publication,
        settings,
        stale,
        ending,
        not_yet_valid,
        translations,
        needs_report(publication),
        coverage,
        unreviewed - {settings.default_language},
        _sessions_over(publication),
    )


def _sessions_over(publication: Publication) -> tuple[tuple[Offer, date], ...]:
    today = publication.today
    over: list[tuple[Offer, date]] = []
    for item in publication.hidden:
        offer = item.offer
        last = last_session_passed(offer, today)
        if (
            last is not None
            and offer.status != "ended"
            and not (offer.valid_until is not None and offer.valid_until < today)
        ):
            over.append((offer, last))
    return tuple(sorted(over, key=lambda pair: (-pair[1].toordinal(), pair[0].id)))


def _is_running(offer: Offer, today: date) -> bool:
    reason = hiding_reason(offer, today)
    return reason is None or (offer.valid_from is not None and offer.valid_from > today and offer.status != "ended")


# -- text and Markdown -------------------------------------------------------------------------------------------


def report_text(report: OfficeReport, messages: Messages) -> str:
    return _ReportWriter(report, messages, markdown=False, limit=None).write()


def report_council(report: OfficeReport, messages: Messages) -> str:
    """The needs in a few Markdown lines for a council paper (catalogue.office.needs_report.council_summary)."""
    settings = report.settings
    return council_summary(
        report.needs, report.publication, messages, town=settings.town, default=settings.default_language
    )


def report_markdown(report: OfficeReport, messages: Messages, limit: int | None = None) -> str:
    """Markdown for a GitHub issue; `limit` cuts each list, the stale offers of all providers together at that many
    (an issue's body holds at most 65,536 characters)."""
    return _ReportWriter(report, messages, markdown=True, limit=limit).write()


@dataclass
class _ReportWriter:
    report: OfficeReport
    messages: Messages
    markdown: bool
    limit: int | None

    def write(self) -> str:
        report, say = self.report, self.messages.phrase
        default = report.settings.default_language
        lines = [self.heading(1, say("report.title", site=report.settings.site_name, day=report.today.isoformat())), ""]
        lines.append(
            self.heading(2, say("report.stale", months=report.settings.stale_after_months, count=report.stale_count))
        )
        lines.append("")
        if not report.stale:
            lines += [say("report.none"), ""]
        room = self.limit
        for number, group in enumerate(report.stale):
            if room is not None and room <= 0:
                left = sum(len(item.offers) for item in report.stale[number:])
                lines += [f"- {say('report.more', count=left)}", ""]
                break
            lines.append(
                self.heading(
                    3,
                    f"{group.actor.name.get(default, group.actor.id)} ({len(group.offers)}) – {self.contact(group.actor)}",
                )
            )
            lines += self.items(
                (
                    f"{self.title(offer)} – {say('report.stale_line', date=offer.last_verified.date.isoformat(), by=offer.last_verified.by)}"
                    for offer in group.offers
                ),
                limit=room,
            )
            lines.append("")
            if room is not None:
                room -= min(room, len(group.offers))
        lines.append(self.heading(2, say("report.ending", days=ENDING_WITHIN_DAYS, count=len(report.ending))))
        lines.append("")
        lines += self.items(
            f"{self.title(offer)} – {say('report.ending_line', date=offer.valid_until.isoformat() if offer.valid_until else '')} – "
            f"{self.contact(report.publication.catalogue.actors[offer.actor])}"
            for offer in report.ending
        ) or [say("report.none")]
        lines.append("")
        lines.append(self.heading(2, say("report.not_yet_valid", count=len(report.not_yet_valid))))
        lines.append("")
        lines += self.items(
            f"{self.title(offer)} – {say('report.not_yet_valid_line', date=offer.valid_from.isoformat() if offer.valid_from else '')}"
            for offer in report.not_yet_valid
        ) or [say("report.none")]
        lines.append("")
        if report.sessions_over:
            lines += [self.heading(2, say("report.sessions_over", count=len(report.sessions_over))), ""]
            lines += self.items(
                f"{self.title(offer)} – {say('report.sessions_over_line', date=last.isoformat())} – "
                f"{self.contact(report.publication.catalogue.actors[offer.actor])}"
                for offer, last in report.sessions_over
            )
            lines += ["", say("report.sessions_over_note"), ""]
        for level, text in need_lines(
            report.needs, report.publication, self.messages, markdown=self.markdown, default=default
        ):
            lines += ([""] if level and lines[-1] else []) + ([self.heading(level, text), ""] if level else [text])
        lines.append("")
        lines.append(self.heading(2, say("report.translations")))
        lines.append("")
        lines += self.translation_table()
        lines += ["", say("report.translations_note"), ""]
        lines.append(self.heading(2, say("report.languages")))
        lines.append("")
        lines += [
            f"- {entry.language}: {say('report.coverage_line', covered=entry.covered, total=entry.total, percent=entry.percent)}"
            + (f" – {say('report.to_review')}" if entry.language in report.unreviewed else "")
            for entry in report.coverage
        ]
        lines += ["", say("report.languages_note")]
        return "\n".join(lines) + "\n"

    def heading(self, level: int, text: str) -> str:
        if self.markdown:
            return "#" * level + " " + text
        return text if level > 1 else text + "\n" + "=" * len(text)

    def items(self, texts: Iterable[str], limit: int | None = None) -> list[str]:
        entries = list(texts)
        limit = self.limit if limit is None else limit
        shown = entries if limit is None else entries[:limit]
        lines = [f"- {text}" for text in shown]
        if len(entries) > len(shown):
            lines.append(f"- {self.messages.phrase('report.more', count=len(entries) - len(shown))}")
        return lines

    def title(self, offer: Offer) -> str:
        default = self.report.settings.default_language
        title = offer.title.get(default, offer.id)
        return f"{title} (`{offer.source}`)" if self.markdown else f"{title} ({offer.source})"

    def contact(self, actor: Actor) -> str:
        parts = [part for part in (actor.contact.phone, actor.contact.email) if part]
        return ", ".join(parts) if parts else self.messages.phrase("report.no_contact")

    def translation_table(self) -> list[str]:
        say = self.messages.phrase
        header = [say("report.column.language"), say("report.column.kind")]
        header += [say(f"report.column.{status}") for status in STATUSES] + [say("report.column.words")]
        rows = [
            [
                count.language,
                say(f"report.kind.{count.kind}"),
                *(str(getattr(count, status)) for status in STATUSES),
                str(count.words),
            ]
            for count in self.report.translations
        ]
        if self.markdown:
            return [
                "| " + " | ".join(header) + " |",
                "|" + "|".join(["---", "---"] + ["---:"] * (len(header) - 2)) + "|",
                *("| " + " | ".join(row) + " |" for row in rows),
            ]
        widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
        return [
            "  ".join(
                cell.ljust(width) if index < 2 else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
            for row in [header, *rows]
        ]


# -- CSV ---------------------------------------------------------------------------------------------------------


def report_csv(report: OfficeReport, messages: Messages) -> str:
    """One row per finding, columns CSV_COLUMNS with headings and values in `messages`' language (RFC 4180, CRLF
    line ends, UTF-8 with BOM, as spreadsheet programs expect); the title is the record's default-language title
    (a provider's name):

    section 'stale' | 'ending' | 'not_yet_valid' | 'sessions_over' (date: last check, end, start, the last dated
    session of an offer that left the site because all its sessions passed), 'need_open' | 'need_unmet' (an open
    need, date: reported), 'waiting_list' (an offer, date: capacity.as_of) or 'translation' (one row per record
    and language, status one of STATUSES, words as in the text report). Offers count only published ones under
    'translation', as in the summary."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    say = messages.phrase
    writer.writerow([say(f"report.csv.{column}") for column in CSV_COLUMNS])
    actors = report.publication.catalogue.actors
    default = report.settings.default_language

    def title(record: Record) -> str:
        texts = getattr(record, "title", None) or getattr(record, "name", None) or {}
        return str(texts.get(default, "")) if hasattr(texts, "get") else ""

    def offer_row(section: str, offer: Offer, day: date | None) -> Sequence[object]:
        actor = actors[offer.actor]
        return (
            say(f"report.csv.section.{section}"),
            "",
            say("report.csv.kind.offer"),
            offer.id,
            title(offer),
            offer.source,
            actor.id,
            say(f"report.csv.status.{offer.status}"),
            day.isoformat() if day else "",
            "",
            actor.contact.phone or "",
            actor.contact.email or "",
        )

    for group in report.stale:
        writer.writerows(offer_row("stale", offer, offer.last_verified.date) for offer in group.offers)
    writer.writerows(offer_row("ending", offer, offer.valid_until) for offer in report.ending)
    writer.writerows(offer_row("not_yet_valid", offer, offer.valid_from) for offer in report.not_yet_valid)
    writer.writerows(offer_row("sessions_over", offer, last) for offer, last in report.sessions_over)
    unmet = {item.need.id for item in report.needs.unmet}
    writer.writerows(
        (
            say("report.csv.section." + ("need_unmet" if item.need.id in unmet else "need_open")),
            "",
            say("report.csv.kind.need"),
            item.need.id,
            item.need.title,
            item.need.file,
            "",
            say(f"report.csv.status.{item.need.status}"),
            item.need.reported.isoformat(),
            "",
            "",
            "",
        )
        for item in report.needs.open
    )
    writer.writerows(offer_row("waiting_list", item.offer, item.as_of) for item in report.needs.waiting)
    catalogue = report.publication.catalogue
    for language in report.settings.language_codes:
        if language == default:
            continue
        for kind in RECORD_KINDS:
            for record in records_of_kind(catalogue, kind, report.publication.offers):
                writer.writerow(
                    (
                        say("report.csv.section.translation"),
                        language,
                        say(f"report.csv.kind.{kind}"),
                        record.id,
                        title(record),
                        record.source,
                        _provider_id(record),
                        say(f"report.column.{translation_status(record.translation, language)}"),
                        "",
                        words_to_translate(record.translation, language, default),
                        "",
                        "",
                    )
                )
    return "\ufeff" + out.getvalue()


def _provider_id(record: Record) -> str:
    if isinstance(record, Offer):
        return record.actor
    return "" if isinstance(record, NewsItem) else record.id
