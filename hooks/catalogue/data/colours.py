"""The town's colours (`extra.catalogue.colours` in mkdocs.yml), checked before anything is built: each must keep
text readable. WCAG 2.1 success criterion 1.4.3 asks for a contrast of at least 4.5:1 between text and its
background; `primary`, `primary_dark`, `accent` and `link` carry white text or stand on white."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

COLOUR_KEYS = ("primary", "primary_light", "primary_dark", "accent", "link")
MINIMUM_CONTRAST = 4.5
_AGAINST_WHITE = frozenset({"primary", "primary_dark", "accent", "link"})


def contrast_with_white(colour: str) -> float:
    """The WCAG 2.1 contrast ratio of a colour written #rrggbb against white (1.0 to 21.0)."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def colour_problems(colours: Mapping[str, Any]) -> list[str]:
    """What is wrong with `extra.catalogue.colours`, one sentence each with the fix; empty when all is well."""
    problems = []
    for key, value in colours.items():
        if key not in COLOUR_KEYS:
            problems.append(
                f"extra.catalogue.colours.{key} is not a colour the catalogue sets: use {', '.join(COLOUR_KEYS)}"
            )
        elif not (
            isinstance(value, str)
            and len(value) == 7
            and value.startswith("#")
            and all(c in "0123456789abcdefABCDEF" for c in value[1:])
        ):
            problems.append(f'extra.catalogue.colours.{key} must be written #rrggbb, e.g. "#0b5563", not {value!r}')
        elif key in _AGAINST_WHITE and contrast_with_white(value) < MINIMUM_CONTRAST:
            problems.append(
                f"extra.catalogue.colours.{key} {value} has a contrast "
                f"of {contrast_with_white(value):.1f}:1 with white; "
                f"text needs at least {MINIMUM_CONTRAST}:1 (WCAG 2.1, 1.4.3): choose a darker colour"
            )
    return problems
