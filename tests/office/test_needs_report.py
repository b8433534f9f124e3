"""The needs in the office's report (`python -m catalogue report`): open needs with their age, needs no offer meets,
offers with waiting lists, how to record requests from the site, and the council summary of one screen."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from catalogue.office.needs_report import SUMMARY_LINES

from .conftest import TODAY, run
from .needs_site import add_needs



def report(site: Path, *arguments: str) -> str:
    code, out, err = run("report", "--config", str(site / "mkdocs.yml"), "--today", TODAY, *arguments)
    assert code == 0, err
    return out


def section(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(heading))
    end = next((index for index in range(start + 1, len(lines)) if lines[index].startswith("## ")), len(lines))
    return [line for line in lines[start + 1:end] if line.startswith("- ")]


def test_markdown_lists_open_needs_oldest_first_with_their_age(office_site: Path) -> None:
    text = report(add_needs(office_site), "--format", "markdown", "--lang", "en")
    lines = section(text, "## Open needs: 3")
    assert [line.split(" (")[0] for line in lines] == [
        "- Freizeitangebote für Kinder", "- Mehr Deutschkurse in der Nordstadt", "- Hausaufgabenhilfe in der Nordstadt",
    ]
    assert "about 40 people, reported 72 days ago, waiting list" in lines[1] and "`data/needs/2026-09-deutsch-nord.yml`" in lines[1]
    assert "Deutsch in der Altstadt" not in text, "an addressed need is not open"


def test_needs_no_offer_meets_and_offers_with_waiting_lists_are_listed(office_site: Path) -> None:
    text = report(add_needs(office_site, waiting=7, as_of="2026-07-01"), "--format", "markdown", "--lang", "en")
    assert [line.split(" (")[0] for line in section(text, "## Open needs no published offer meets")] == ["- Hausaufgabenhilfe in der Nordstadt"]
    (waiting,) = section(text, "## Offers with a waiting list: 1")
    assert waiting.startswith("- Deutsch A1") and "7 waiting, as of 2026-07-01 (older than 3 months" in waiting
    assert "source: site_requests" in text.split("## Requests from the site")[1]


def test_csv_has_a_row_per_open_need_and_waiting_list(office_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(report(add_needs(office_site), "--format", "csv").lstrip("\ufeff"))))
    needs = {row["Kennung"]: row["Abschnitt"] for row in rows if row["Art"] == "Bedarf"}
    assert needs == {"2026-07-freizeit-kinder": "offener Bedarf", "2026-09-deutsch-nord": "offener Bedarf", "2026-10-schule-nord": "Bedarf ohne Angebot"}
    assert [(row["Kennung"], row["Datum"]) for row in rows if row["Abschnitt"] == "Warteliste"] == [("deutsch-a1", "2026-11-01")]


def test_the_council_summary_fits_one_screen_and_hides_small_numbers(office_site: Path) -> None:
    text = report(add_needs(office_site), "--format", "council")
    lines = text.splitlines()
    assert len(lines) <= SUMMARY_LINES and max(len(line) for line in lines) < 400
    assert lines[0] == "### Bedarfe und Angebote in Teststadt am 2026-11-26"
    assert "3 offene Bedarfe mit etwa 52 Personen (von 4 erfassten Bedarfen)" in text
    gaps = [line for line in lines if line.startswith("- ")]
    assert gaps[0].startswith("- Schule, Nordstadt: < 5 Personen"), "no offer at all is the largest gap"
    assert any("12 Plätze" in line for line in gaps) and any("passende Angebote: 2" in line for line in gaps)
    assert "Wartelisten" in text and lines[-1].startswith("_Die Zahlen zählen")


def test_a_town_without_needs_gets_none_in_every_needs_section(office_site: Path) -> None:
    text = report(office_site, "--format", "markdown", "--lang", "en")
    assert "## Open needs: 0" in text and "## Offers with a waiting list: 0" in text
