"""The pictures of the web editor in docs/images/ (CONTRIBUTING shows them), taken from the real editor: the
editor's browser tests run against decap-server on a copy of the tests' town and save their screenshots; this
script runs those tests and copies the pictures the help pages use.

    python tests/browser/editor_screenshots.py      (or: make screenshots)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import SCREENSHOT_DIR  # noqa: E402

DOCS_IMAGES = REPO / "docs" / "images"
PICTURES = ("editor-offers-desktop.png", "editor-new-offer-desktop.png", "editor-offer-desktop.png", "editor-offer-phone-saved.png")
TESTS = ("new_offer_made_in_the_form", "preview_shows_the_offer", "real_taps_save_a_change and 360")


def main() -> int:
    for name in PICTURES:
        (SCREENSHOT_DIR / name).unlink(missing_ok=True)
    selection = " or ".join(f"({test})" for test in TESTS)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests" / "browser" / "test_editor.py"), "-k", selection], cwd=REPO)
    if result.returncode != 0:
        print("The editor's tests failed; docs/images/ was not changed.", file=sys.stderr)
        return 1
    DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
    for name in PICTURES:
        shutil.copy(SCREENSHOT_DIR / name, DOCS_IMAGES / name)
        print(f"docs/images/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
