"""The town's colours as a small stylesheet over the product's (assets/catalogue/town.css), from the setting
`extra.catalogue.colours` (checked in data/colours.py), so that branding never means editing a product file.
"""

from __future__ import annotations

from collections.abc import Mapping

TOWN_STYLESHEET = "assets/catalogue/town.css"
COLOUR_VARIABLES = {
    "primary": ("--md-primary-fg-color",),
    "primary_light": ("--md-primary-fg-color--light",),
    "primary_dark": ("--md-primary-fg-color--dark",),
    "accent": ("--md-accent-fg-color", "--cat-focus"),
    "link": ("--md-typeset-a-color",),
}
"""Setting key -> the CSS custom properties of the product's stylesheet it sets."""


def town_stylesheet(colours: Mapping[str, str]) -> str:
    """`:root { … }` with the town's colours for the light scheme; '' when the town sets none."""
    if not colours:
        return ""
    lines = [
        f"  {variable}: {colours[key]};"
        for key, variables in COLOUR_VARIABLES.items()
        if key in colours
        for variable in variables
    ]
    return (
        "/* The town's colours (extra.catalogue.colours in mkdocs.yml). "
        "*/\n@media not all and (prefers-color-scheme: dark) {\n:root {\n" + "\n".join(lines) + "\n}\n}\n"
    )
