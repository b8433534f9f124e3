"""The closed lists of values the JSON Schemas allow (`enum`), read from the schemas the package ships.

The schema is the one source of these lists: a level, weekday or mode added there reaches the site's filters, the
exports, the editor and the office's tools without a second copy in Python. Each tuple keeps the schema's order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from catalogue.data.package_files import SCHEMA_DIR


@cache
def _schema(file: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
    return loaded


def schema_enum(file: str, *path: str) -> tuple[str, ...]:
    """The `enum` of the schema node at `path` (keys from the schema's root) in the package's `file`, in its order.

    Raises KeyError when the path leads nowhere or the node has no enum (a schema changed without this module)."""
    node: Any = _schema(file)
    for key in path:
        node = node[key]
    return tuple(node["enum"])


GERMAN_LEVELS = schema_enum("offer.schema.json", "properties", "german_level")
"""How much German an offer asks for: "none", then the CEFR levels A1 to C2, easiest first."""
WEEKDAYS = schema_enum(
    "offer.schema.json", "properties", "schedule", "properties", "weekly", "items", "properties", "day"
)
"""The days of a weekly time, Monday first (ISO 8601 and `date.weekday()` order): "mon" … "sun"."""
MODES = schema_enum("offer.schema.json", "properties", "mode")
"""Where an offer takes place: "in_person", "online", "hybrid"."""
COST_UNITS = schema_enum("offer.schema.json", "properties", "costs", "properties", "per")
"""What a price is for: "course", "session", "lesson_unit" (45 minutes), "month", "year"."""
OFFER_STATUSES = schema_enum("offer.schema.json", "properties", "status")
ACTOR_TYPES = schema_enum("actor.schema.json", "properties", "type")
NEED_SOURCES = schema_enum("need.schema.json", "properties", "source")
"""Where the office saw a need (`source` of data/needs/*.yml), in the order the report lists them."""
NEED_STATUSES = schema_enum("need.schema.json", "properties", "status")
EDUCATION_AREAS = schema_enum("taxonomy.schema.json", "$defs", "term", "properties", "education_area")
"""The education areas of municipal education monitoring (Anwendungsleitfaden zum kommunalen Bildungsmonitoring),
in the order a council report lists them."""

RRULE_WEEKDAYS: Mapping[str, str] = dict(zip(WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
"""Each weekday's code in a recurrence rule (RFC 5545 section 3.3.10, BYDAY), as iCalendar files and HSDS schedules
write it."""
