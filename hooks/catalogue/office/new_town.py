"""A new town's repository, written from nothing: its settings, its pages, an empty data folder with one example of
each kind of record, thin workflows, a Makefile with the two commands, a README, and the product's version pinned.

Nothing of the product's sample town is copied: the pages come from the product's templates (they take the town's
name and contact from the settings), the data starts empty, and the legal texts' review date stays empty until the
town's lawyer has read them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

import yaml

from catalogue.data.package_files import PACKAGE_DIR, SCHEMA_DIR

TEMPLATE_DIR = PACKAGE_DIR / "town"
EXAMPLE_SUFFIX = ".example"
"""Files ending in .yml.example are examples to copy: the catalogue reads only *.yml."""
PRODUCT_LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr", "ti", "ps", "ku", "so")
"""The languages the product ships interface words for, in the order a new town lists them."""
FALLBACKS = {"ti": ("en",), "fa": ("en",), "ps": ("fa", "en"), "so": ("en",)}
"""Which language readers of a language read next, before German (docs/towns/languages.md, "Fallback chains")."""
PRODUCT_FILES = {
    "Makefile": "Makefile",
    "gitignore": ".gitignore",
    "github/workflows/check.yml": ".github/workflows/check.yml",
    "github/workflows/publish.yml": ".github/workflows/publish.yml",
    "github/workflows/issue-to-pull-request.yml": ".github/workflows/issue-to-pull-request.yml",
    "github/workflows/report.yml": ".github/workflows/report.yml",
}
"""Files of the template (left) and where a town keeps them (right). Files under data/ and content/ are copied as
they are; the Makefile and the workflows belong to the product and `catalogue upgrade` rewrites them."""
TOWN_TEXTS = {
    "README.md": "README.md",
    "CONTRIBUTING.md": "CONTRIBUTING.md",
    "CONTRIBUTING.en.md": "CONTRIBUTING.en.md",
}
"""Texts of the template that name the town (string.Template placeholders $town, $office, $site_name,
$admin_address): written once by `new-town` with the town's values, then the town's own."""


@dataclass(frozen=True)
class NewTown:
    """What a town tells about itself. Empty fields stay to be filled in mkdocs.yml later."""

    name: str
    office: str = "Bildungskoordination für Neuzugewanderte"
    address: str = ""
    phone: str = ""
    email: str = ""
    site_url: str = ""
    licence: str = "dl-de/by-2-0"
    licence_url: str = "https://www.govdata.de/dl-de/by-2-0"
    coordinators: tuple[str, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)
    """The town's name in other languages' scripts, e.g. {'ar': 'موسترشتات'}; other languages use `name`."""
    languages: tuple[str, ...] = PRODUCT_LANGUAGES
    """The site's languages, the default (German) first."""
    product: str = ""
    """The requirement line that pins the product, e.g. 'bildungskatalog[verify]==2.0.0' or
    'bildungskatalog[verify] @ git+https://github.com/<org>/<repo>@v2.0.0'."""

    def name_in(self, code: str) -> str:
        return self.names.get(code) or self.name

    @property
    def slug(self) -> str:
        """The name as a web address part: 'Bad Musterstadt' -> 'bad-musterstadt'."""
        table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower().translate(table)).strip("-")


@dataclass(frozen=True)
class Outcome:
    written: tuple[str, ...]
    """Every file written, relative to the town's folder."""
    still_empty: tuple[str, ...]
    """Settings the town has not given yet, as `extra.catalogue.…` paths."""


def town_text(source: str, town: NewTown) -> str:
    """A text of the template (a key of TOWN_TEXTS) with the town's name, office, site name and the address of its
    web editor filled in."""
    values = {
        "town": town.name,
        "office": town.office,
        "site_name": _site_names(town)["de"],
        "admin_address": _site_url(town) + "admin/",
    }
    return Template((TEMPLATE_DIR / source).read_text(encoding="utf-8")).safe_substitute(values)


def write_new_town(target: Path, town: NewTown, *, product_version: str) -> Outcome:
    """Writes a new town's repository into target (which must not exist or be empty); `first_commit` commits it.

    Raises ValueError for an empty name, a language the product has no words for (with the list it has), a default
    language other than German, or a target folder that holds files."""
    if not town.name.strip():
        raise ValueError("the town needs a name: --name Musterstadt")
    unknown = [code for code in town.languages if code not in PRODUCT_LANGUAGES]
    if unknown:
        raise ValueError(f"the product has no words for {', '.join(unknown)}; it has {', '.join(PRODUCT_LANGUAGES)}")
    if not town.languages or town.languages[0] != "de":
        raise ValueError("the first language is the default one and must be de (German): --languages de,en,ar")
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"{target} is not empty: name a new folder")
    written: list[str] = []

    def write(path: str, content: str | bytes) -> None:
        file = target / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        written.append(path)

    for source, destination in TOWN_TEXTS.items():
        write(destination, town_text(source, town))
    for source, destination in PRODUCT_FILES.items():
        if source not in TOWN_TEXTS:
            write(destination, (TEMPLATE_DIR / source).read_text(encoding="utf-8"))
    write("requirements.txt", requirements_text(town.product or f"bildungskatalog[verify]=={product_version}"))
    write("mkdocs.yml", mkdocs_yml(town))
    write("data/taxonomy.yml", _taxonomy(town))
    for example in sorted((TEMPLATE_DIR / "data").rglob(f"*{EXAMPLE_SUFFIX}")):
        write(example.relative_to(TEMPLATE_DIR).as_posix(), example.read_bytes())
    for page in sorted((TEMPLATE_DIR / "content").glob("*.md")):
        language = page.suffixes[0].lstrip(".") if len(page.suffixes) > 1 else "de"
        if language in town.languages:
            write(f"content/{page.name}", page.read_bytes())
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        write(f"schemas/{schema.name}", schema.read_bytes())
    still_empty = (
        tuple(
            f"extra.catalogue.office.{key}"
            for key, value in (("address", town.address), ("phone", town.phone), ("email", town.email))
            if not value
        )
        + (() if town.coordinators else ("extra.catalogue.coordinators",))
        + ("extra.catalogue.legal_date", "extra.catalogue.geocoding")
    )
    return Outcome(tuple(written), still_empty)


def requirements_text(product: str) -> str:
    """The town's requirements.txt: the product, pinned. Changing this line is how a town takes a new version."""
    return (
        "# The product this town's site is built with. To take a new version, change the version here and run\n"
        "# `make upgrade` (it installs it and applies what the new version needs); read its CHANGELOG first.\n"
        f"{product}\n"
    )


def _site_url(town: NewTown) -> str:
    return (town.site_url or f"https://bildung.{town.slug}.example.org/").rstrip("/") + "/"


def _site_names(town: NewTown) -> dict[str, str]:
    patterns = yaml.safe_load((TEMPLATE_DIR / "site_names.yml").read_text(encoding="utf-8"))
    return {code: patterns[code].format(town=town.name_in(code)) for code in town.languages}


def mkdocs_yml(town: NewTown) -> str:
    """The town's mkdocs.yml: its names, languages, office and the catalogue's settings, with what each is for."""
    names = yaml.safe_load((TEMPLATE_DIR / "language_names.yml").read_text(encoding="utf-8"))
    site_names = _site_names(town)
    languages = [
        {
            "locale": code,
            "name": names[code],
            **({"default": True} if code == "de" else {}),
            "build": True,
            **({} if code == "de" else {"site_name": site_names[code]}),
        }
        for code in town.languages
    ]
    fallbacks = {
        code: [*(other for other in chain if other in town.languages), "de"]
        for code, chain in FALLBACKS.items()
        if code in town.languages
    }
    town_names: Any = {code: town.names[code] for code in town.languages if code in town.names}
    town_names = {"de": town.name, **town_names} if town_names else town.name
    return "".join(
        [
            "# The settings of the catalogue of education offers for "
            f"newcomers in {town.name}. The product (the package\n"
            "# bildungskatalog, pinned in requirements.txt) brings the "
            "theme, the pages' script and styles, and the build.\n",
            _dump(
                {
                    "site_name": site_names["de"],
                    "site_description": "Kurse, Beratung und Freizeitangebote für Neuzugewanderte "
                    f"in {town.name} – von der Kita bis ins Rentenalter.",
                    "site_url": _site_url(town),
                    "docs_dir": "content",
                    "use_directory_urls": True,
                }
            ),
            "\n# The town's logo and favicon: put PNG files into "
            "content/assets/ and name them here (theme.logo, theme.favicon).\n",
            _dump({"theme": {"name": "material", "language": "de"}}),
            "\n# `catalogue` is the product; `i18n` builds one site per language (add or remove one with\n"
            "# `catalogue language add|remove CODE`).\n",
            _dump(
                {
                    "plugins": [
                        "catalogue",
                        {
                            "i18n": {
                                "docs_structure": "suffix",
                                "fallback_to_default": True,
                                "reconfigure_material": True,
                                "reconfigure_search": False,
                                "languages": languages,
                            }
                        },
                    ]
                }
            ),
            "\n",
            _dump(
                {
                    "extra": {
                        "generator": False,
                        "catalogue": {
                            "data_dir": "data",
                            "town": town_names,
                            "office": {
                                "name": town.office,
                                "address": town.address,
                                "phone": town.phone,
                                "email": town.email,
                            },
                        },
                    }
                }
            ),
            "    # The day the town's lawyer last checked the Impressum, the privacy and the accessibility statement\n"
            "    # (YYYY-MM-DD). Until it is set, those pages say that their texts have not been checked yet.\n"
            '    legal_date: ""\n',
            "    # The accessibility statement names the state's accessibility act and its conciliation body (§ 12b BGG);\n"
            "    # until they are set it says, in brackets, what the town fills in:\n"
            "    # accessibility:\n"
            '    #   law: "Landesbehindertengleichstellungsgesetz (L-BGG) und …"\n'
            '    #   conciliation: {name: "…", address: "…", email: "…", url: "https://…"}\n',
            _dump({"licence": town.licence, "licence_url": town.licence_url, "stale_after_months": 12}, indent=4),
            "    # The town's official municipality key (Amtlicher "
            "Gemeindeschlüssel, 8 digits) for the open-data catalogue\n"
            '    # GovData harvests (DCAT-AP.de), e.g. geocoding: {key: "08221000", level: municipality}.\n',
            "    # Where a text is missing in a reader's language, the languages shown instead before German.\n",
            _dump({"fallbacks": fallbacks}, indent=4) if fallbacks else "    fallbacks: {}\n",
            "    # Readers' phones keep the pages they opened for reading without a connection.\n",
            _dump({"offline": True}, indent=4),
            "    # GitHub accounts of the coordination office: they "
            "review every change (written into .github/CODEOWNERS).\n",
            _dump({"coordinators": list(town.coordinators)}, indent=4),
            "    # GitHub accounts of the town's technical owner: they "
            "review code and configuration (workflows, mkdocs.yml,\n"
            '    # requirements.txt), apart from the data (the product\'s docs/towns/adopt.md, "Code ownership").\n',
            _dump({"technical_owners": []}, indent=4),
            "    # The web editor under /admin/: the GitHub repository "
            "it saves to and the sign-in helper (the product's\n"
            '    # docs/towns/hosting.md, "GitHub sign-in for a town"). Empty: the editor works with `make editor` on a clone only.\n',
            _dump({"editor": {}}, indent=4),
        ]
    )


def _dump(mapping: Mapping[str, Any], indent: int = 0) -> str:
    text = yaml.safe_dump(dict(mapping), allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
    text = re.sub(r"(?m)^(\s*- )\{", r"\1{", text)
    return "".join(" " * indent + line + "\n" for line in text.splitlines())


def _taxonomy(town: NewTown) -> str:
    return (
        "# yaml-language-server: $schema=../schemas/taxonomy.schema.json\n"
        "# The town's own terms, on top of the product's (life stages, topics, target groups, entitlements): its\n"
        "# districts, and entitlements only this town has (a town pass, say). A term with the id of a product term\n"
        "# replaces it. District names are proper names: they stay as on street signs in every language.\n"
        + _dump({"districts": [{"id": town.slug or "stadt", "label": {"de": town.name}}]})
        + "# Replace the entry above with the town's districts (id: lower-case letters, digits and hyphens).\n"
    )


def first_commit(target: Path, town: NewTown) -> None:
    """`git init` in target and a first commit of everything in it, signed as the office.

    Raises subprocess.CalledProcessError when git fails (git missing or the folder not writable)."""
    identity = ["-c", f"user.name={town.office}", "-c", f"user.email={town.email or 'bildung@example.org'}"]
    for command in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--all"],
        [*identity, "commit", "--quiet", "-m", f"Catalogue of education offers for newcomers in {town.name}"],
    ):
        subprocess.run(["git", *command], cwd=target, check=True, capture_output=True, text=True)
