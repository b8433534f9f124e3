"""GitHub's CODEOWNERS from the actors' `maintainers`: each actor reviews its own folder, the office reviews all and
alone owns data/needs/ (what the council reads; no actor is listed there)."""
from __future__ import annotations

from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

CODEOWNERS_PATH = ".github/CODEOWNERS"


def codeowners_text(catalogue: Catalogue, settings: Settings) -> str:
    office = " ".join(f"@{handle}" for handle in settings.coordinators)
    lines = [
        "# Written by `python -m catalogue codeowners` from data/actors/*.yml (maintainers) and mkdocs.yml",
        "# (extra.catalogue.coordinators). Do not edit by hand: change those files and run the command again.",
        "",
    ]
    data_dir = settings.data_dir.relative_to(settings.root).as_posix()
    if office:
        lines.append(f"* {office}")
        lines.append(f"/{data_dir}/needs/ {office}")
    for actor in catalogue.actors.values():
        owners = " ".join([f"@{handle}" for handle in actor.maintainers] + ([office] if office else []))
        if not actor.maintainers or not owners:
            continue
        lines.append(f"/{data_dir}/actors/{actor.id}.yml {owners}")
        lines.append(f"/{data_dir}/offers/{actor.id}/ {owners}")
    return "\n".join(lines) + "\n"
