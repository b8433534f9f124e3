"""Which Chromium the browser tests and the audit drive, how it is started, and the screens it pretends to be."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from catalogue.office.town_browser_checks import LAUNCH_ARGS, SYSTEM_CHROMIUM

CHROMIUM_VARIABLE = "CHROMIUM"
HOW_TO_GET_CHROMIUM = (
    f"No Chromium for the browser tests. Either install one and point {CHROMIUM_VARIABLE} at it "
    f"(e.g. the Debian package 'chromium' at {SYSTEM_CHROMIUM}, or {CHROMIUM_VARIABLE}=/path/to/chromium), "
    "or download Playwright's own with `python -m playwright install chromium`."
)

PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "screen": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}


class NoChromium(RuntimeError):
    pass


def chromium_executable() -> Path | None:
    """The Chromium to start: $CHROMIUM, else the system's; None means Playwright's own (which may be missing)."""
    chosen = os.environ.get(CHROMIUM_VARIABLE)
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise NoChromium(f"{CHROMIUM_VARIABLE}={chosen} is not a file. {HOW_TO_GET_CHROMIUM}")
        return path
    return SYSTEM_CHROMIUM if SYSTEM_CHROMIUM.is_file() else None


def launch_options() -> dict[str, Any]:
    executable = chromium_executable()
    options: dict[str, Any] = {"headless": True, "args": list(LAUNCH_ARGS)}
    if executable is not None:
        options["executable_path"] = str(executable)
    return options
