"""`python -m catalogue region`: three generated towns publish their HSDS on 127.0.0.1, a region harvests them into
ordinary data files, the normal checks accept them, near-duplicates are reported, and a town that goes away keeps
its last copy."""
from __future__ import annotations

import io
import json
import shutil
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from catalogue.build.rendering import RenderJob
from catalogue.cli import main
from catalogue.checks.loading import load_catalogue
from catalogue.publication.visibility import Publication, publish
from catalogue.data.settings import Settings, SettingsError, read_settings, settings_from_config
from catalogue.exports.hsds import hsds_files
from catalogue.office.region import GENERATED_MARK
from catalogue.office.region_duplicates import near_duplicates
from catalogue.office.region_harvest import harvest_town
from bench.synthetic import REFERENCE_DATE, write_synthetic_catalogue

from tests.browser.static_server import SiteServer
from tests.towns import FIXTURE_CONFIG, FIXTURE_DATA, build_site, only_languages

TODAY = REFERENCE_DATE
LANGUAGES = ("de", "en")
TOWNS = ("Altdorf", "Bergheim", "Seestadt")
OWN_DISTRICT = "kreisweit"
MARKED_UP_TITLE = "<b>Offene Sprechstunde</b>"
OTHER_EXAMPLE = Path(__file__).resolve().parent / "fixtures/hsds-3.0/examples/service_full.json"
OWN_OFFER_SOURCE = FIXTURE_DATA / "offers/vhs-teststadt/deutsch-von-anfang-an.yml"


@dataclass
class Town:
    name: str
    folder: Path
    server: SiteServer
    settings: Settings
    publication: Publication

    @property
    def url(self) -> str:
        return self.server.origin + "/"


def _config(name: str, site_url: str, region_towns: list[str] | None = None) -> dict[str, Any]:
    catalogue: dict[str, Any] = {"data_dir": "data", "town": {"de": name, "en": f"{name} (EN)"}, "office": "Bildungskoordination", "licence": "dl-de/by-2-0"}
    if region_towns is not None:
        catalogue["region"] = {"towns": region_towns}
    return {
        "site_name": f"Bildungsangebote in {name}",
        "site_url": site_url,
        "plugins": [{"i18n": {"languages": [{"locale": "de", "name": "Deutsch", "default": True}, {"locale": "en", "name": "English"}]}}],
        "extra": {"catalogue": catalogue},
    }


def _dump(document: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _publish_hsds(town: Town) -> None:
    loaded = load_catalogue(town.settings, today=TODAY)
    job = RenderJob(town.publication, town.settings, loaded.labels)
    for name, content in hsds_files(town.publication, town.settings, [job.reader(code) for code in LANGUAGES]).items():
        path = town.server.root / "data" / "hsds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _shared_offer(source: Path, target: Path) -> str:
    """Copies one offer of a town, with its provider, into another town: the same offer published twice."""
    offer_file = sorted((source / "data/offers").rglob("*.yml"))[0]
    actor_id = offer_file.parent.name
    shutil.copyfile(source / "data/actors" / f"{actor_id}.yml", target / "data/actors" / f"{actor_id}.yml")
    (target / "data/offers" / actor_id).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(offer_file, target / "data/offers" / actor_id / offer_file.name)
    return offer_file.stem


def _other_publisher(served: Path, taxonomy: dict[str, Any]) -> str:
    """The HSDS specification's own example service, as another publisher's one file of services, with a category
    the region knows and a German postcode: what any HSDS publisher needs to join."""
    example = json.loads(OTHER_EXAMPLE.read_text(encoding="utf-8"))
    category = taxonomy["categories"][0]["id"]
    example["attributes"].append({"id": "5b1f5a86-3f3c-4d3d-9a52-6f1f8cbe2a11", "link_type": "categories", "taxonomy_term": {
        "id": "9a0e8a43-2f8b-4c3a-8b1e-2f4f0a1c9d77", "code": category, "name": category, "description": category}})
    for link in example["service_at_locations"]:
        for address in link["location"]["addresses"]:
            address["postal_code"] = "12345"
    marked_up = json.loads(json.dumps(example))
    marked_up["id"], marked_up["name"] = "0c3b2f51-8d8e-4c7e-9d55-52a4d6b8e001", MARKED_UP_TITLE
    path = "other/services.json"
    (served / path).parent.mkdir(parents=True, exist_ok=True)
    (served / path).write_text(json.dumps([example, marked_up]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("region")
    with ExitStack() as servers:
        written = []
        for seed, name in enumerate(TOWNS, start=1):
            folder = root / name.lower()
            served = root / f"{name.lower()}-site"
            served.mkdir()
            server = servers.enter_context(SiteServer(served))
            write_synthetic_catalogue(folder / "data", offers=8, languages=LANGUAGES, seed=seed, template_data_dir=FIXTURE_DATA)
            _dump(_config(name, server.origin + "/"), folder / "mkdocs.yml")
            written.append((name, folder, server))
        shared = _shared_offer(written[0][1], written[1][1])
        towns = []
        for name, folder, server in written:
            settings = read_settings(folder / "mkdocs.yml")
            loaded = load_catalogue(settings, today=TODAY)
            assert loaded.catalogue is not None, [problem.message for problem in loaded.problems if problem.severity == "error"][:3]
            towns.append(Town(name, folder, server, settings, publish(loaded.catalogue, TODAY)))
            _publish_hsds(towns[-1])
        folder = root / "kreis"
        data = folder / "data"
        shutil.copytree(towns[0].folder / "data/labels", data / "labels")
        taxonomy = yaml.safe_load((towns[0].folder / "data/taxonomy.yml").read_text(encoding="utf-8"))
        taxonomy["districts"] = [{"id": OWN_DISTRICT, "label": {"de": "Kreisweit"}}]
        _dump(taxonomy, data / "taxonomy.yml")
        fixture_languages = frozenset(read_settings(FIXTURE_CONFIG).language_codes)
        own_actor = only_languages(yaml.safe_load((FIXTURE_DATA / "actors/vhs-teststadt.yml").read_text(encoding="utf-8")), frozenset(LANGUAGES), fixture_languages)
        for place in own_actor.get("locations", []):
            place["district"] = OWN_DISTRICT
        _dump(own_actor, data / "actors/vhs-teststadt.yml")
        own_offer = only_languages(yaml.safe_load(OWN_OFFER_SOURCE.read_text(encoding="utf-8")), frozenset(LANGUAGES), fixture_languages)
        _dump(own_offer, data / "offers/vhs-teststadt/deutsch-von-anfang-an.yml")
        never = "http://127.0.0.1:9/nirgendwo/"
        other = _other_publisher(towns[0].server.root, yaml.safe_load((data / "taxonomy.yml").read_text(encoding="utf-8")))
        other_url = towns[0].server.url(other)
        _dump(_config("Landkreis", "https://bildung.landkreis.example.org/", [town.url for town in towns] + [other_url, never]), folder / "mkdocs.yml")
        own_offer_bytes = (data / "offers/vhs-teststadt/deutsch-von-anfang-an.yml").read_bytes()
        yield {"towns": towns, "folder": folder, "shared": shared, "never": never, "own_offer": own_offer_bytes, "other": other_url}


def run_region(folder: Path, *extra: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["region", "--config", str(folder / "mkdocs.yml"), "--today", TODAY.isoformat(), *extra], stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def first_harvest(region: dict[str, Any]) -> tuple[int, str, str]:
    return run_region(region["folder"], "--lang", "en")


def region_catalogue(region: dict[str, Any]) -> Any:
    settings = read_settings(region["folder"] / "mkdocs.yml")
    loaded = load_catalogue(settings, today=TODAY)
    errors = [f"{problem.path}:{problem.line}: {problem.message}" for problem in loaded.problems if problem.severity == "error"]
    assert errors == [], "\n".join(errors)
    return loaded.catalogue


def test_the_harvest_writes_every_published_offer_of_every_town_as_data_the_checks_accept(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    code, out, err = first_harvest
    catalogue = region_catalogue(region)
    ids = {offer.id for offer in catalogue.offers}
    for town in region["towns"]:
        town_id = town.name.lower()
        assert f"{town.name} ({town.url}): {len(town.publication.offers)} offers" in out
        assert {f"{town_id}-{offer.id}" for offer in town.publication.offers} <= ids
    assert len(ids) == 2 + sum(len(town.publication.offers) for town in region["towns"])
    assert "was never harvested before" in err and region["never"] in err
    assert code == 1


def test_another_hsds_publishers_file_of_services_joins_and_what_does_not_fit_is_reported(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    _, out, err = first_harvest
    catalogue = region_catalogue(region)
    (offer,) = [offer for offer in catalogue.offers if offer.title["de"] == "Community Counselling"]
    assert offer.website == "http://example.com/counselling"
    assert catalogue.actors[offer.actor].name["de"] == "Example Organization Inc."
    assert sorted((slot.day, slot.start, slot.end) for slot in offer.schedule.weekly) == [("fri", "10:00", "18:00"), ("thu", "10:00", "18:00")]
    assert f"({region['other']}): 1 offers from 1 providers, licence ?" in out
    assert f"warning: 127.0.0.1:{region['other'].split(':')[2].split('/')[0]} ({region['other']}) names no licence for its data" in err
    assert "-community-counselling-ac148810: `contact.phone` left out: " in err
    assert "-b-offene-sprechstunde-b-0c3b2f51 not taken over: `title` is plain text, but contains '<b>'" in err
    assert not [offer for offer in catalogue.offers if "Sprechstunde" in offer.title["de"]]


def test_each_offer_links_to_its_towns_page_and_its_town_is_its_district(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    catalogue = region_catalogue(region)
    other = region["other"].split("://")[1].split("/")[0].replace(".", "-").replace(":", "-")
    assert [term.id for term in catalogue.taxonomy.districts] == [town.name.lower() for town in region["towns"]] + [other, OWN_DISTRICT]
    labels = {term.id: dict(term.label) for term in catalogue.taxonomy.districts}
    for town in region["towns"]:
        town_id = town.name.lower()
        assert labels[town_id] == {"de": town.name, "en": f"{town.name} (EN)"}
        for original in town.publication.offers:
            offer = next(item for item in catalogue.offers if item.id == f"{town_id}-{original.id}")
            assert offer.website == f"{town.url}offers/{original.id}/"
            actor = catalogue.actors[offer.actor]
            assert all(actor.location(place).district == town_id for place in offer.locations)
            assert offer.title == {code: text for code, text in original.title.items() if code == "de" or text != original.title["de"]}
            assert sorted(map(repr, offer.schedule.weekly)) == sorted(map(repr, original.schedule.weekly))
            assert [(session.date, session.start) for session in offer.schedule.sessions] == sorted((session.date, session.start) for session in original.schedule.sessions)
            assert offer.schedule.exceptions == original.schedule.exceptions
            assert (offer.costs.free, offer.categories, offer.mode) == (original.costs.free, original.categories, original.mode)
            assert (offer.last_verified.date, offer.last_verified.by) == (original.last_verified.date, f"Bildungskoordination, {town.name}")


def test_each_file_names_its_towns_licence_and_the_regions_own_files_stay_untouched(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    data = region["folder"] / "data"
    for town in region["towns"]:
        generated = sorted(data.glob(f"offers/{town.name.lower()}-*/*.yml"))
        assert generated
        for path in generated:
            head = path.read_text(encoding="utf-8").splitlines()[:2]
            assert head[0].startswith(f"{GENERATED_MARK} from {town.url}")
            assert head[1] == "# Licence: dl-de/by-2-0 (https://www.govdata.de/dl-de/by-2-0), source: Bildungskoordination, " + town.name
    assert (data / "offers/vhs-teststadt/deutsch-von-anfang-an.yml").read_bytes() == region["own_offer"]


def test_the_same_offer_in_two_towns_is_reported_and_kept_twice(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    _, _, err = first_harvest
    shared = region["shared"]
    first, second = f"altdorf-{shared}", f"bergheim-{shared}"
    assert f"possible duplicate: {first} and {second} (titles 100 % alike" in err
    ids = {offer.id for offer in region_catalogue(region).offers}
    assert {first, second} <= ids
    assert err.count("possible duplicate") == 1


@pytest.mark.build
def test_the_region_builds_like_any_town_with_its_towns_as_a_filter(region: dict[str, Any], first_harvest: tuple[int, str, str], tmp_path: Path) -> None:
    site = build_site(tmp_path, region["folder"], build_date=TODAY.isoformat())
    town = region["towns"][0]
    original = sorted(town.publication.offers, key=lambda offer: offer.id)[0]
    for prefix in ("", "en/"):
        page = BeautifulSoup(site.page(f"{prefix}offers/altdorf-{original.id}/index.html"), "html.parser")
        assert page.select_one(f"a[href='{town.url}offers/{original.id}/']") is not None
    for town_id in ("altdorf", "bergheim", "seestadt"):
        assert (site.root / "search/de/facets" / f"d-{town_id}.json").is_file()


def test_a_town_that_cannot_be_read_keeps_its_last_copy_and_the_harvest_says_so(region: dict[str, Any], first_harvest: tuple[int, str, str]) -> None:
    gone = region["towns"][2]
    before = sorted(path.name for path in (region["folder"] / "data/offers").rglob("seestadt-*.yml"))
    gone.server.__exit__(None, None, None)
    code, out, err = run_region(region["folder"], "--lang", "de")
    assert code == 1
    assert f"Warnung: Seestadt ({gone.url}) ist gerade nicht erreichbar" in err
    assert f"aus der letzten Abholung vom {TODAY.isoformat()}" in err
    assert "Altdorf" in out and "Angebote von" in out
    assert sorted(path.name for path in (region["folder"] / "data/offers").rglob("seestadt-*.yml")) == before
    region_catalogue(region)


def test_a_region_without_towns_is_told_how_to_list_them(tmp_path: Path) -> None:
    _dump(_config("Leer", "https://bildung.leer.example.org/"), tmp_path / "mkdocs.yml")
    code, _, err = run_region(tmp_path, "--lang", "de")
    assert code == 2 and "extra.catalogue.region.towns" in err and "nennt keine Städte" in err


@pytest.mark.parametrize(("region_setting", "message"), [
    ({"towns": ["bildung.neustadt.example.org/"]}, "is not a web address – write it with https://"),
    ({"towns": []}, "must list the towns' site addresses"),
    (["https://bildung.neustadt.example.org/"], "must list the towns' site addresses"),
])
def test_a_wrong_list_of_towns_names_the_setting_and_the_fix(region_setting: object, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings_from_config({"extra": {"catalogue": {"region": region_setting}}}, Path("."))


def test_a_town_address_without_a_final_slash_gets_one_and_a_file_of_services_keeps_its_name() -> None:
    settings = settings_from_config({"extra": {"catalogue": {"region": {"towns": ["https://a.example.org", "https://b.example.org/hsds/services.json"]}}}}, Path("."))
    assert settings.region_towns == ("https://a.example.org/", "https://b.example.org/hsds/services.json")


# --- near-duplicates and unreadable towns, without a server ------------------------------------------------------


def _offer(offer_id: str, title: str, actor: str, **extra: Any) -> dict[str, Any]:
    return {"id": offer_id, "title": {"de": title}, "actor": actor, **extra}


ACTORS = {
    "a-vhs": {"name": {"de": "Volkshochschule Altdorf"}, "contact": {"phone": "06221 555-100"}, "locations": [{"id": "haus", "street": "Markt 1", "postcode": "12345"}]},
    "b-vhs": {"name": {"de": "VHS Bergheim"}, "contact": {"phone": "+49 6221 555-100"}, "locations": [{"id": "haus", "street": "Am Markt 2", "postcode": "54321"}]},
    "b-club": {"name": {"de": "Sportverein Bergheim"}, "contact": {"email": "info@sv.example.org"}, "locations": [{"id": "halle", "street": "Markt 1", "postcode": "12345"}]},
}


@pytest.mark.parametrize(("first", "second", "expected"), [
    (_offer("a-1", "Deutschkurs für Eltern mit Kinderbetreuung", "a-vhs"), _offer("b-1", "Deutschkurs für Eltern mit Kinderbetreuung (vormittags)", "b-vhs"), "phone"),
    (_offer("a-1", "Schwimmkurs für Frauen", "a-vhs", locations=["haus"]), _offer("b-1", "Schwimmkurs für Frauen", "b-club", locations=["halle"]), "address"),
    (_offer("a-1", "Offener Treff", "a-vhs"), _offer("b-1", "Offener Treff", "b-club"), "title"),
    (_offer("a-1", "Deutschkurs für Eltern", "a-vhs"), _offer("b-1", "Deutschkurs für Senioren", "b-vhs"), None),
    (_offer("a-1", "Deutschkurs für Eltern am Abend", "a-vhs"), _offer("b-1", "Deutschkurs für Eltern am Morgen", "b-club"), None),
])
def test_near_duplicates_need_alike_titles_and_a_shared_sign_of_one_provider(first: dict[str, Any], second: dict[str, Any], expected: str | None) -> None:
    found = near_duplicates([first, second], ACTORS, {"a-1": "altdorf", "b-1": "bergheim"}, "de")
    assert [pair.shared for pair in found] == ([expected] if expected else [])


def test_offers_of_one_town_are_never_near_duplicates_of_each_other() -> None:
    offers = [_offer("a-1", "Offener Treff", "a-vhs"), _offer("a-2", "Offener Treff", "a-vhs")]
    assert near_duplicates(offers, ACTORS, {"a-1": "altdorf", "a-2": "altdorf"}, "de") == []


@pytest.mark.parametrize(("files", "reason"), [
    ({"data/hsds/index.json": b"<html>not here</html>"}, "index.json is not JSON"),
    ({"data/hsds/index.json": json.dumps({"hsds_version": "3.0", "languages": {"de": {"services": "../../secret.json", "organizations": "de/o.json"}}}).encode()}, "not a file beside it"),
    ({"data/hsds/index.json": json.dumps({"hsds_version": "2.0", "languages": {}}).encode()}, "does not describe an HSDS 3 publication"),
])
def test_a_town_that_serves_no_hsds_is_named_with_the_reason(tmp_path: Path, files: dict[str, bytes], reason: str) -> None:
    def fetch(address: str) -> bytes:
        path = address.removeprefix("https://bildung.altdorf.example.org/")
        if path not in files:
            raise OSError(f"HTTP 404 for {address}")
        return files[path]

    found = harvest_town("https://bildung.altdorf.example.org/", tmp_path, TODAY, fetch)
    assert isinstance(found, str) and reason in found
    assert not any(tmp_path.iterdir())
