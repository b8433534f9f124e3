"""The naive way to build the same catalogue: one Markdown page per offer and language, Material and i18n as shipped.

This is the baseline the catalogue is measured against: every offer page sits in the navigation (mkdocs puts
every page there when nav is not set) and Material's search writes one index holding every language.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import material
import yaml
from site_config import write_mkdocs_config

_MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
"""Material's interface files, partials/languages/<code>.html: the naive build can use only a language that has one."""


@dataclass(frozen=True)
class NaiveData:
    taxonomy: dict[str, Any]
    actors: dict[str, dict[str, Any]]
    offers: list[dict[str, Any]]
    labels: dict[str, dict[str, str]]


def naive_languages(languages: Sequence[str]) -> tuple[list[str], list[str]]:
    """The languages the naive build can build, and those it has to drop."""
    kept = [code for code in languages if (_MATERIAL_LANGUAGES / f"{code}.html").is_file()]
    return kept, [code for code in languages if code not in kept]


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_data(data_dir: Path, languages: Sequence[str]) -> NaiveData:
    labels = {}
    for code in languages:
        path = data_dir / "labels" / f"{code}.yml"
        labels[code] = (_load(path) or {}).get("site", {}) if path.is_file() else {}
    return NaiveData(
        taxonomy=_load(data_dir / "taxonomy.yml"),
        actors={actor["id"]: actor for actor in map(_load, sorted(data_dir.glob("actors/*.yml")))},
        offers=[_load(path) for path in sorted(data_dir.glob("offers/*/*.yml"))],
        labels=labels,
    )


class OfferPage:
    """The Markdown of one offer in one language: title, summary, description and the main facts."""

    def __init__(self, data: NaiveData, language: str, default_language: str) -> None:
        self.data = data
        self.language = language
        self.default_language = default_language
        self.terms = {
            group: {term["id"]: term for term in terms} for group, terms in data.taxonomy.items()
        }

    def text(self, texts: Mapping[str, str] | None) -> str:
        texts = texts or {}
        return texts.get(self.language) or texts.get(self.default_language) or ""

    def label(self, key: str) -> str:
        return self.data.labels[self.language].get(key) or self.data.labels[self.default_language].get(key) or key

    def term_labels(self, group: str, ids: Sequence[str]) -> str:
        return ", ".join(self.text(self.terms[group][term_id]["label"]) for term_id in ids if term_id in self.terms[group])

    def markdown(self, offer: dict[str, Any]) -> str:
        actor = self.data.actors[offer["actor"]]
        facts = [
            (self.label("filter.category"), self.term_labels("categories", offer["categories"])),
            (self.label("offer.target_groups"), self.term_labels("target_groups", offer.get("target_groups", []))),
            (self.label("filter.age"), self.ages(offer)),
            (self.label("offer.languages"), ", ".join(offer.get("languages", []))),
            (self.label("offer.german_level"), offer.get("german_level", "")),
            (self.label("offer.mode"), self.label(f"mode.{offer['mode']}")),
            (self.label("offer.where"), self.places(offer, actor)),
            (self.label("offer.when"), self.times(offer)),
            (self.label("offer.costs"), self.costs(offer)),
            (self.label("offer.registration"), self.registration(offer)),
            (self.label("offer.contact"), self.contact(offer)),
            (self.label("offer.provider"), self.text(actor["name"])),
        ]
        lines = [f"# {self.text(offer['title'])}", "", self.text(offer["summary"]), "", self.text(offer["description"]).rstrip(), ""]
        lines += [f"- **{name}:** {value}" for name, value in facts if value]
        return "\n".join(lines) + "\n"

    def ages(self, offer: dict[str, Any]) -> str:
        low, high = offer.get("age_min"), offer.get("age_max")
        if low is not None and high is not None:
            return f"{low}–{high}"
        if low is not None:
            return f"{low}+"
        return f"–{high}" if high is not None else self.label("offer.all_ages")

    def places(self, offer: dict[str, Any], actor: dict[str, Any]) -> str:
        if offer["mode"] == "online":
            return self.label("offer.online")
        locations = {location["id"]: location for location in actor.get("locations", [])}
        return "; ".join(
            f"{self.text(location['name'])}, {location['street']}, {location['postcode']} {location['city']}"
            for location in (locations[location_id] for location_id in offer.get("locations", []) if location_id in locations)
        )

    def times(self, offer: dict[str, Any]) -> str:
        schedule = offer.get("schedule") or {}
        slots = [f"{slot['day']} {slot['start']}–{slot['end']}" for slot in schedule.get("weekly", [])]
        slots += [f"{session['date']} {session['start']}" for session in schedule.get("sessions", [])]
        note = self.text(schedule.get("note"))
        return "; ".join(slots) + (f" ({note})" if note else "")

    def costs(self, offer: dict[str, Any]) -> str:
        costs = offer["costs"]
        if costs["free"]:
            return self.label("offer.free")
        price = f"{costs.get('amount', '')} € / {self.label('per.' + costs['per']) if costs.get('per') else ''}"
        reductions = self.text(costs.get("reductions"))
        return price + (f" – {reductions}" if reductions else "")

    def registration(self, offer: dict[str, Any]) -> str:
        registration = offer.get("registration") or {}
        if not registration.get("required"):
            return self.label("offer.registration_not_required")
        parts = [self.text(registration.get("how")), registration.get("deadline", ""), registration.get("url", "")]
        return " ".join(part for part in parts if part)

    def contact(self, offer: dict[str, Any]) -> str:
        contact = offer.get("contact") or {}
        return " · ".join(part for part in (contact.get("phone", ""), contact.get("email", "")) if part)


def write_naive_docs(data: NaiveData, docs_dir: Path, languages: Sequence[str]) -> int:
    """Writes index and offer pages in the suffix structure; returns how many Markdown files it wrote."""
    default_language = languages[0]
    written = 0
    for language in languages:
        suffix = "" if language == default_language else f".{language}"
        page = OfferPage(data, language, default_language)
        (docs_dir / "offers").mkdir(parents=True, exist_ok=True)
        (docs_dir / f"index{suffix}.md").write_text(f"# {page.label('nav.home')}\n\n{page.label('catalogue.title')}\n", encoding="utf-8")
        written += 1
        for offer in data.offers:
            (docs_dir / "offers" / f"{offer['id']}{suffix}.md").write_text(page.markdown(offer), encoding="utf-8")
            written += 1
    return written


def naive_config(
    *, docs_dir: Path, site_dir: Path, languages: Sequence[str], language_entries: Mapping[str, Mapping[str, Any]],
    site_name: str,
) -> dict[str, Any]:
    entries = []
    for position, code in enumerate(languages):
        known = language_entries.get(code, {})
        entry: dict[str, Any] = {"locale": code, "name": known.get("name", code), "build": True, "default": position == 0}
        if known.get("site_name"):
            entry["site_name"] = known["site_name"]
        entries.append(entry)
    return {
        "site_name": site_name,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": languages[0], "font": False},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "suffix", "fallback_to_default": True, "reconfigure_search": True, "languages": entries}},
        ],
    }


def write_naive_site(
    data_dir: Path, work_dir: Path, *, languages: Sequence[str], language_entries: Mapping[str, Mapping[str, Any]],
    site_name: str,
) -> Path:
    """Writes the naive site's docs and mkdocs.yml into work_dir; returns the mkdocs.yml."""
    docs_dir, site_dir = work_dir / "docs", work_dir / "site"
    write_naive_docs(read_data(data_dir, languages), docs_dir, languages)
    config_file = work_dir / "mkdocs.yml"
    write_mkdocs_config(
        naive_config(
            docs_dir=docs_dir, site_dir=site_dir, languages=languages, language_entries=language_entries, site_name=site_name
        ),
        config_file,
    )
    return config_file
