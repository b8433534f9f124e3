"""Needs and a capacity for the office's small site (conftest.write_office_site), as the office would write them."""
from __future__ import annotations

from pathlib import Path

NEEDS = {
    # open, north, German for adults: deutsch-a1 (16+, haus-nord) meets it and gives 12 seats
    "2026-09-deutsch-nord": """\
id: 2026-09-deutsch-nord
title: Mehr Deutschkurse in der Nordstadt
topic: german
stage: german
district: nordstadt
target_group: adults
age_min: 18
age_max: 64
people: 40
source: waiting_list
reported_by: Sprachschule Nord
reported: "2026-09-15"
status: open
""",
    # open, north, school for children: no offer at all
    "2026-10-schule-nord": """\
id: 2026-10-schule-nord
title: Hausaufgabenhilfe in der Nordstadt
topic: school
stage: school
district: nordstadt
target_group: children
age_min: 6
age_max: 10
people: 3
source: site_requests
reported_by: Bildungskoordination, E-Mails über die Website
reported: "2026-10-02"
status: open
""",
    # open, whole town, leisure for children: two offers without seats meet it
    "2026-07-freizeit-kinder": """\
id: 2026-07-freizeit-kinder
title: Freizeitangebote für Kinder
topic: leisure
stage: leisure
target_group: children
age_min: 6
age_max: 12
people: 9
source: survey
reported_by: Elternbefragung
reported: "2026-07-01"
status: open
""",
    # addressed in the third quarter: counts in the quarters, not as open
    "2026-04-deutsch-alt": """\
id: 2026-04-deutsch-alt
title: Deutsch in der Altstadt
topic: german
stage: german
district: altstadt
target_group: adults
people: 20
source: network_meeting
reported_by: Netzwerktreffen
reported: "2026-04-20"
status: addressed
end_date: "2026-08-01"
""",
}

CAPACITY = """capacity:
  seats: 12
  free_seats: 0
  waiting_list: {waiting}
  as_of: "{as_of}"
"""


def add_needs(site: Path, *, waiting: int = 7, as_of: str = "2026-11-01") -> Path:
    folder = site / "data" / "needs"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in NEEDS.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    offer = site / "data" / "offers" / "sprachschule-nord" / "deutsch-a1.yml"
    offer.write_text(offer.read_text(encoding="utf-8") + CAPACITY.format(waiting=waiting, as_of=as_of), encoding="utf-8")
    return site
