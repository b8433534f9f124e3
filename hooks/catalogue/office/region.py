"""`python -m catalogue region`: a regional catalogue (a Kreis, a Land) from the published HSDS of several towns.

The region is a site like any town's: its mkdocs.yml lists the towns' site addresses under
`extra.catalogue.region.towns`, and the harvest writes their offers and providers into the region's data folder as
ordinary data files, so that the normal build gives the region the same pages, languages, search, filters and
offline copy. Each town is a district of the region (the district filter is a filter by town); each offer links to
its page in the town's catalogue; each file names its town's licence and attribution on top. Files the harvest wrote
before are replaced; files it did not write are never touched. Near-duplicates across towns are reported, not merged.
The last copy of every town is kept in `region-harvest/` beside mkdocs.yml, for a town that cannot be read next time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from catalogue.checks.loading import load_catalogue
from catalogue.data.schema_loading import schema_set
from catalogue.data.settings import Settings

from .region_duplicates import NearDuplicate, near_duplicates
from .region_harvest import Fetch, TownCopy, fetch_url, harvest_town
from .region_records import TownRecords, slug, town_records
from .yaml_round_trip import merge_yaml

CACHE_FOLDER = "region-harvest"
GENERATED_MARK = "# Harvested by `python -m catalogue region`"


@dataclass
class RegionHarvest:
    """What one harvest did: per town its copy (or why there is none), its records, and the near-duplicates."""

    copies: dict[str, TownCopy | str] = field(default_factory=dict)
    """Site address -> the town's copy, or the reason it has none."""
    records: dict[str, TownRecords] = field(default_factory=dict)
    """Site address -> the town's documents."""
    duplicates: list[NearDuplicate] = field(default_factory=list)
    removed: int = 0
    """Files of an earlier harvest that were replaced or removed."""

    @property
    def complete(self) -> bool:
        """Every town was read now."""
        return all(isinstance(copy, TownCopy) and copy.fresh for copy in self.copies.values())


def _town_ids(copies: Mapping[str, TownCopy | str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for url, copy in copies.items():
        if isinstance(copy, TownCopy):
            base = slug(copy.town, 30)
            candidate, number = base, 2
            while candidate in ids.values():
                candidate, number = f"{base}-{number}", number + 1
            ids[url] = candidate
    return ids


def _header(copy: TownCopy) -> str:
    licence = copy.licence
    return (
        f"{GENERATED_MARK} from {copy.url} on {copy.harvested.isoformat()}; changes here are overwritten by the next harvest.\n"
        f"# Licence: {licence.get('id', '?')} ({licence.get('url', '?')}), source: {licence.get('attribution', copy.town)}\n"
    )


def _is_generated(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return handle.readline().startswith(GENERATED_MARK)


def _remove_generated(data_dir: Path) -> int:
    removed = 0
    for folder in (data_dir / "actors", data_dir / "offers"):
        for path in sorted(folder.rglob("*.yml")) if folder.is_dir() else []:
            if _is_generated(path):
                path.unlink()
                removed += 1
    for folder in sorted((data_dir / "offers").glob("*/"), reverse=True) if (data_dir / "offers").is_dir() else []:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def _taxonomy_ids(taxonomy: Mapping[str, Any], group: str) -> frozenset[str]:
    return frozenset(str(term["id"]) for term in taxonomy.get(group) or [] if isinstance(term, dict) and "id" in term)


def _write_districts(
    path: Path, copies: Mapping[str, TownCopy | str], town_ids: Mapping[str, str], languages: tuple[str, ...]
) -> None:
    """The region's districts are its towns, named as each town names itself in the region's languages (a district
    the region already has keeps its labels), followed by the region's own districts as they were."""
    text = path.read_text(encoding="utf-8")
    taxonomy = yaml.safe_load(text) or {}
    old = {str(term.get("id")): term for term in taxonomy.get("districts") or [] if isinstance(term, dict)}
    districts = []
    for url, town_id in town_ids.items():
        copy = copies[url]
        assert isinstance(copy, TownCopy)
        names = (copy.index.get("publisher") or {}).get("town_names") or {}
        label = {
            copy.default_language: copy.town,
            **{code: str(name) for code, name in names.items() if code in languages and name},
        }
        districts.append(old.get(town_id, {"id": town_id, "label": label}))
    districts += [term for term_id, term in old.items() if term_id not in town_ids.values()]
    edited = dict(taxonomy, districts=districts)
    path.write_text(merge_yaml(text, edited), encoding="utf-8")


def harvest_region(
    settings: Settings, today: date, fetch: Fetch = fetch_url, message_language: str = "en"
) -> RegionHarvest:
    """Harvests every town of `extra.catalogue.region.towns` and writes the region's data files (see the module);
    the catalogue's checks speak message_language (en, de) where they say why a record is not taken over."""
    result = RegionHarvest()
    cache_root = settings.root / CACHE_FOLDER
    for url in settings.region_towns:
        result.copies[url] = harvest_town(url, cache_root, today, fetch)
    town_ids = _town_ids(result.copies)
    data_dir = settings.data_dir
    taxonomy_path = data_dir / "taxonomy.yml"
    taxonomy = yaml.safe_load(taxonomy_path.read_text(encoding="utf-8")) or {}
    known = {group: _taxonomy_ids(taxonomy, group) for group in ("categories", "target_groups")}
    for url, town_id in town_ids.items():
        copy = result.copies[url]
        assert isinstance(copy, TownCopy)
        records = town_records(copy, town_id, settings.language_codes, known)
        records.actors = [actor for actor in records.actors if fitted("actor", actor, records) is not None]
        actor_ids = {actor["id"] for actor in records.actors}
        records.offers = [
            offer
            for offer in records.offers
            if offer["actor"] in actor_ids and fitted("offer", offer, records) is not None
        ]
        result.records[url] = records
    result.removed = _remove_generated(data_dir)
    for url, records in result.records.items():
        copy = result.copies[url]
        assert isinstance(copy, TownCopy)
        header = _header(copy)
        for actor in records.actors:
            _write(data_dir / "actors" / f"{actor['id']}.yml", header, actor)
        for offer in records.offers:
            _write(data_dir / "offers" / offer["actor"] / f"{offer['id']}.yml", header, offer)
    if town_ids:
        _write_districts(taxonomy_path, result.copies, town_ids, settings.language_codes)
    _drop_refused(settings, today, result, message_language)
    offers = [offer for records in result.records.values() for offer in records.offers]
    actors = {actor["id"]: actor for records in result.records.values() for actor in records.actors}
    town_of = {offer["id"]: town_ids[url] for url, records in result.records.items() for offer in records.offers}
    result.duplicates = near_duplicates(offers, actors, town_of, settings.default_language)
    return result


def fitted(kind: str, document: dict[str, Any], records: TownRecords) -> dict[str, Any] | None:
    """The document with each value the catalogue's schema refuses left out (noted in records.left_out, with the
    schema's reason), or None when what is refused is the record itself (noted in records.skipped)."""
    schemas = schema_set()
    quick = schemas.fast_checks.get(kind)  # type: ignore[call-overload]
    if quick is not None and quick(document):
        return document
    validator = schemas.validators[kind]  # type: ignore[index]
    for _ in range(50):
        error = next(iter(validator.iter_errors(document)), None)
        if error is None:
            return document
        path = list(error.absolute_path)
        required = validator.schema.get("required") if isinstance(validator.schema, Mapping) else None
        if not path or (len(path) == 1 and path[0] in (required or [])):
            records.skipped.append((str(document.get("id")), error.message))
            return None
        parent: Any = document
        for step in path[:-1]:
            parent = parent[step]
        records.left_out.append((str(document.get("id")), ".".join(map(str, path)), error.message))
        del parent[path[-1]]
    return None


def _drop_refused(settings: Settings, today: date, result: RegionHarvest, language: str) -> None:
    """Runs the catalogue's own checks on the region's data and removes each harvested file they refuse (a plain
    text with HTML in it, a place an offer names that its provider lacks …), noting why, until none is refused;
    an actor's offers go with it. The region's own files are never removed: their errors are the region's to fix."""
    by_path = {
        path.relative_to(settings.root).as_posix(): (url, path)
        for url, records in result.records.items()
        for path in _written_paths(settings.data_dir, records)
    }
    for _ in range(3):
        refused = {
            problem.path: problem
            for problem in load_catalogue(settings, today=today, message_language=language).problems
            if problem.severity == "error" and problem.path in by_path
        }
        if not refused:
            return
        for relative, problem in refused.items():
            url, path = by_path.pop(relative)
            records = result.records[url]
            records.skipped.append((path.stem, problem.message))
            if path.parent.name == "actors":
                for offer_path in sorted((settings.data_dir / "offers" / path.stem).glob("*.yml")):
                    by_path.pop(offer_path.relative_to(settings.root).as_posix(), None)
                    offer_path.unlink()
                records.actors = [actor for actor in records.actors if actor["id"] != path.stem]
                records.offers = [offer for offer in records.offers if offer["actor"] != path.stem]
            else:
                records.offers = [offer for offer in records.offers if offer["id"] != path.stem]
            path.unlink(missing_ok=True)


def _written_paths(data_dir: Path, records: TownRecords) -> list[Path]:
    return [
        *(data_dir / "actors" / f"{actor['id']}.yml" for actor in records.actors),
        *(data_dir / "offers" / offer["actor"] / f"{offer['id']}.yml" for offer in records.offers),
    ]


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The catalogue's style for new files, with libyaml's emitter where PyYAML has it (ruamel.yaml's round trip,
    needed only to change existing files, took over two minutes for 3,000 offers): no anchors, texts with line
    breaks as blocks, dates, times, postcodes and phone numbers in quotes."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_QUOTED = re.compile(r"[0-9][0-9 +:/().-]*")
_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str",
        value,
        style="|" if "\n" in value else '"' if _QUOTED.fullmatch(value.lstrip("+")) else None,
    ),
)


def _write(path: Path, header: str, document: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(dict(document), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(header + body, encoding="utf-8")


def region_report(harvest: RegionHarvest, phrase: Any, data_dir: Path) -> list[tuple[bool, str]]:
    """The harvest's lines for the person who ran it, each with whether it is a problem (a warning or an error): per
    town what came in and from when, what could not be taken over, and every near-duplicate.
    phrase(key, **values) is Messages.phrase."""
    lines: list[tuple[bool, str]] = []
    for url, copy in harvest.copies.items():
        if isinstance(copy, str):
            lines.append((True, phrase("region.town_missing", url=url, reason=copy)))
            continue
        records = harvest.records[url]
        counts = {
            "town": copy.town,
            "url": url,
            "offers": len(records.offers),
            "actors": len(records.actors),
            "licence": copy.licence.get("id", "?"),
        }
        if not copy.licence.get("id"):
            lines.append((True, phrase("region.no_licence", town=copy.town, url=url)))
        if copy.fresh:
            lines.append((False, phrase("region.town_fresh", **counts)))
        else:
            lines.append(
                (True, phrase("region.town_stale", **counts, reason=copy.problem, day=copy.harvested.isoformat()))
            )
        lines.extend(
            (True, phrase("region.left_out", town=copy.town, record=record, field=name, reason=why))
            for record, name, why in records.left_out
        )
        lines.extend(
            (True, phrase("region.skipped", town=copy.town, record=record, reason=why))
            for record, why in records.skipped
        )
    for pair in harvest.duplicates:
        lines.append(
            (
                True,
                phrase(
                    "region.duplicate",
                    first=pair.first,
                    second=pair.second,
                    percent=round(pair.similarity * 100),
                    shared=phrase(f"region.shared.{pair.shared}"),
                ),
            )
        )
    towns = sum(1 for copy in harvest.copies.values() if isinstance(copy, TownCopy))
    total = sum(len(records.offers) for records in harvest.records.values())
    lines.append((False, phrase("region.written", offers=total, towns=towns, folder=data_dir)))
    return lines
