"""Which hand-written page a language shows when it has no version of its own: the first of its fallback chain.

mkdocs-static-i18n (1.3) falls back to the default language only (`fallback_to_default`); the catalogue's chains
(`extra.catalogue.fallbacks`) go further, so the build swaps the source of such a page before it is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath


def content_fallback_source(docs_dir: Path, src_uri: str, chain: Sequence[str]) -> tuple[Path, str] | None:
    """For a page the default language's file would stand in for ('about.md'), the file of the first language of
    `chain` (the languages before the default, e.g. ('en',)) that has one ('about.en.md') and that language's code;
    None where no language of the chain has the page (the default language's file stays)."""
    path = PurePosixPath(src_uri)
    for code in chain:
        candidate = docs_dir / path.with_name(f"{path.stem}.{code}{path.suffix}")
        if candidate.is_file():
            return candidate, code
    return None
