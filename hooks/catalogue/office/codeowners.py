"""GitHub's CODEOWNERS: code and configuration reviewed by the office's technical owner, data by the coordinators
and each actor's maintainers.

Why two groups: whoever may approve a change to the workflows, the build's code, the installed packages or
mkdocs.yml decides what runs with the repository's write token and where the web editor signs in
(`extra.catalogue.editor.base_url`: one changed line would send every editor's GitHub token to another helper).
That review needs someone who reads code; the office reviews offers, actors and pages. GitHub asks the owners of the
last line matching a changed file, so the general line comes first and the specific ones after it. The office alone
owns data/needs/ (what the council reads; no actor is listed there).
"""

from __future__ import annotations

from catalogue.data.model import Catalogue
from catalogue.data.settings import Settings

CODEOWNERS_PATH = ".github/CODEOWNERS"
CODE_AND_CONFIGURATION = (
    "/.github/",
    "/hooks/",
    "/schemas/",
    "/admin/",
    "/hosting/",
    "/tests/",
    "/bench/",
    "/mkdocs.yml",
    "/Makefile",
    "/pyproject.toml",
    "/package.json",
    "/package-lock.json",
    "/requirements*",
)
"""What decides what the site and the workflows run. The issue forms under .github/ are generated from the data and
reviewed with it (DATA_UNDER_GITHUB)."""
DATA_UNDER_GITHUB = ("/.github/ISSUE_TEMPLATE/",)


def technical_owners(settings: Settings) -> tuple[tuple[str, ...], bool]:
    """(the GitHub accounts that own code and configuration, True when they fall back to the coordinators because
    `extra.catalogue.technical_owners` is empty)."""
    if settings.technical_owners:
        return settings.technical_owners, False
    return settings.coordinators, True


def codeowners_text(catalogue: Catalogue, settings: Settings) -> str:
    """The whole CODEOWNERS file: `*` for the coordinators, code and configuration for the technical owners (or the
    coordinators, see technical_owners), each actor's file and offers folder for its maintainers and the
    coordinators."""
    office = " ".join(f"@{handle}" for handle in settings.coordinators)
    technical = " ".join(f"@{handle}" for handle in technical_owners(settings)[0])
    lines = [
        "# Written by `python -m catalogue codeowners` from data/actors/*.yml (maintainers) and mkdocs.yml",
        "# (extra.catalogue.coordinators, extra.catalogue.technical_owners). "
        "Do not edit by hand: change those files and",
        '# run the command again. Code and configuration need a reviewer who reads code (README, "Code ownership").',
        "",
    ]
    data_dir = settings.data_dir.relative_to(settings.root).as_posix()
    if office:
        lines.append(f"* {office}")
    if technical:
        lines.extend(f"{pattern} {technical}" for pattern in CODE_AND_CONFIGURATION)
    if office:
        lines.extend(f"{pattern} {office}" for pattern in DATA_UNDER_GITHUB)
        lines.append(f"/{data_dir}/needs/ {office}")
    for actor in catalogue.actors.values():
        owners = " ".join([f"@{handle}" for handle in actor.maintainers] + ([office] if office else []))
        if not actor.maintainers or not owners:
            continue
        lines.append(f"/{data_dir}/actors/{actor.id}.yml {owners}")
        lines.append(f"/{data_dir}/offers/{actor.id}/ {owners}")
    return "\n".join(lines) + "\n"
