"""Which offers keep their address after they ended, and which current offers their page suggests instead."""
from __future__ import annotations

import io
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from catalogue.cli import main
from catalogue.publication.ended_offers import ended_offers, has_ended, similar_offers
from catalogue.data.model import Catalogue, Offer, Schedule, Session, WeeklySlot
from catalogue.publication.visibility import publish

from tests.site.sample_data import LOADED, PUBLISHED

TODAY = date(2026, 11, 26)
CATALOGUE = LOADED.catalogue
assert CATALOGUE is not None
ACTOR = next(actor for actor in CATALOGUE.actors.values() if len({place.district for place in actor.locations}) >= 3)
"""A provider with places in three districts or more."""
PLACES = {place.district: place.id for place in ACTOR.locations}
NEAR, FAR, ELSEWHERE = list(PLACES)[:3]
MODEL = replace(PUBLISHED[0], actor=ACTOR.id, status="active", valid_from=None, valid_until=None)


def offer(offer_id: str, categories: tuple[str, ...], groups: tuple[str, ...], district: str, **changes: object) -> Offer:
    return replace(MODEL, id=offer_id, categories=categories, target_groups=groups, locations=(PLACES[district],), **changes)


@pytest.mark.parametrize(("changes", "ended"), [
    ({"status": "ended"}, True),
    ({"valid_until": date(2026, 11, 25)}, True),
    ({"valid_until": TODAY}, False),
    ({"valid_from": date(2027, 1, 1)}, False),
    ({"status": "ended", "valid_from": date(2027, 1, 1)}, True),
    ({"status": "paused"}, False),
    ({}, False),
    ({"schedule": Schedule(sessions=(Session(date(2026, 10, 1), "10:00"), Session(date(2026, 11, 25), "10:00")))}, True),
    ({"schedule": Schedule(sessions=(Session(date(2026, 11, 25), "10:00"), Session(TODAY, "10:00")))}, False),
    ({"schedule": Schedule(sessions=(Session(date(2026, 11, 25), "10:00"),), weekly=(WeeklySlot("mon", "10:00", "11:00"),))}, False),
])
def test_an_offer_has_ended_when_its_status_says_so_or_its_last_day_has_passed(changes: dict[str, object], ended: bool) -> None:
    assert has_ended(replace(MODEL, **changes), TODAY) is ended


def test_only_ended_offers_keep_an_address_not_those_still_to_come() -> None:
    offers = (
        offer("ended-by-status", ("leisure",), ("children",), NEAR, status="ended"),
        offer("ended-by-date", ("leisure",), ("children",), NEAR, valid_until=date(2026, 7, 24)),
        offer("not-yet", ("leisure",), ("children",), NEAR, valid_from=date(2027, 3, 1)),
        offer("current", ("leisure",), ("children",), NEAR),
    )
    publication = publish(replace(CATALOGUE, offers=offers), TODAY)
    assert [item.id for item in ended_offers(publication)] == ["ended-by-status", "ended-by-date"]


def test_an_offer_whose_dated_sessions_have_all_passed_leaves_the_site_with_its_reason() -> None:
    over = offer("sessions-over", ("leisure",), ("children",), NEAR, schedule=Schedule(sessions=(Session(date(2026, 11, 20), "10:00"),)))
    publication = publish(replace(CATALOGUE, offers=(over,)), TODAY)
    assert publication.offers == () and [item.id for item in ended_offers(publication)] == ["sessions-over"]
    assert "2026-11-20" in publication.hidden[0].reason


def _catalogue(*offers: Offer) -> Catalogue:
    return replace(CATALOGUE, offers=offers)


ENDED = offer("ended", ("leisure",), ("children",), NEAR, status="ended")
CANDIDATES = (
    offer("a-leisure-other-group-far", ("leisure",), ("adults",), FAR),
    offer("b-school-same-group-near", ("school",), ("children",), NEAR),
    offer("c-leisure-same-group-near", ("leisure",), ("children",), NEAR),
    offer("d-school-other-group-far", ("school",), ("adults",), FAR),
    offer("e-two-shared-categories", ("leisure", "school"), ("adults",), ELSEWHERE),
    offer("f-leisure-same-group-ended", ("leisure",), ("children",), NEAR, status="ended"),
)


def test_similar_offers_share_the_category_first_then_the_district_and_target_group() -> None:
    ended = replace(ENDED, categories=("leisure", "school"))
    publication = publish(_catalogue(ended, *CANDIDATES), TODAY)
    assert [item.id for item in similar_offers(publication, ended)] == [
        "e-two-shared-categories",      # both categories
        "b-school-same-group-near",     # one category, district and target group
        "c-leisure-same-group-near",    # the same, later in the catalogue
        "a-leisure-other-group-far",    # one category only
        "d-school-other-group-far",
    ]


def test_similar_offers_leave_out_unrelated_and_ended_offers_and_stop_at_the_limit() -> None:
    publication = publish(_catalogue(ENDED, *CANDIDATES), TODAY)
    assert [item.id for item in similar_offers(publication, ENDED)] == [
        "c-leisure-same-group-near", "a-leisure-other-group-far", "e-two-shared-categories", "b-school-same-group-near",
    ]
    assert [item.id for item in similar_offers(publication, ENDED, limit=2)] == ["c-leisure-same-group-near", "a-leisure-other-group-far"]


def test_similar_offers_are_for_the_same_ages() -> None:
    ended = replace(ENDED, age_min=8, age_max=14)
    candidates = (
        offer("for-older-people", ("leisure",), ("children",), NEAR, age_min=60, age_max=None),
        offer("for-small-children", ("leisure",), ("children",), NEAR, age_min=3, age_max=8),
        offer("for-everyone", ("leisure",), ("children",), NEAR, age_min=None, age_max=None),
        offer("from-fifteen", ("leisure",), ("children",), NEAR, age_min=15, age_max=None),
    )
    publication = publish(_catalogue(ended, *candidates), TODAY)
    assert [item.id for item in similar_offers(publication, ended)] == ["for-small-children", "for-everyone"]


def test_check_says_why_an_offer_whose_sessions_are_over_is_no_longer_published(tmp_path: Path) -> None:
    tree = Path(__file__).resolve().parent / "data" / "valid" / "tree"
    shutil.copytree(tree, tmp_path, dirs_exist_ok=True)
    offer_file = tmp_path / "data" / "offers" / "sprachschule-nord" / "deutsch-a1.yml"
    offer_file.write_text(offer_file.read_text(encoding="utf-8").replace('  weekly:\n    - {day: mon, start: "09:00", end: "12:00"}\n', ""), encoding="utf-8")
    out = io.StringIO()
    main(["check", "--config", str(tmp_path / "mkdocs.yml"), "--today", "2027-02-01"], stdout=out)
    assert "deutsch-a1.yml: am 2027-02-01 nicht veröffentlicht (sein letzter Termin in `schedule.sessions`, 2027-01-11, ist vorbei" in out.getvalue()
