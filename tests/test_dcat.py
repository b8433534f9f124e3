"""The DCAT-AP.de description of the open-data files, read back with rdflib and checked for what GovData requires."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from catalogue.build.rendering import RenderJob
from catalogue.checks.loading import load_catalogue
from catalogue.data.settings import SettingsError, settings_from_config
from catalogue.exports.dcat import DataFile, dcat_catalog, licence_uri
import rdflib.namespace as vocabulary
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, Namespace, URIRef

from tests.test_open_data import PUBLICATION, SETTINGS, TODAY
from tests.towns import BuiltSite

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
JOB = RenderJob(PUBLICATION, SETTINGS, load_catalogue(SETTINGS, today=TODAY).labels)
READERS = [JOB.reader(code) for code in SETTINGS.language_codes]
FILES = [
    DataFile("data/offers.json", "JSON", "application/json", "opendata.json", 1234),
    DataFile("data/offers.csv", "CSV", "text/csv", "opendata.csv", 567),
    DataFile("data/sessions.ics", "ICS", "text/calendar", "opendata.ics", 89),
    DataFile("data/hsds/de/services.json", "JSON", "application/json", "Open Referral HSDS 3.0: services (JSON)", 42, title_is_label=False),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    parsed = Graph()
    parsed.parse(data=dcat_catalog(SETTINGS, TODAY, FILES, READERS), format="xml")
    return parsed


def the_dataset(graph: Graph) -> URIRef:
    (dataset,) = graph.subjects(vocabulary.RDF.type, vocabulary.DCAT.Dataset)
    assert isinstance(dataset, URIRef)
    return dataset


def test_the_catalogue_lists_one_dataset_with_its_publisher(graph: Graph) -> None:
    (catalog,) = graph.subjects(vocabulary.RDF.type, vocabulary.DCAT.Catalog)
    dataset = the_dataset(graph)
    assert (catalog, vocabulary.DCAT.dataset, dataset) in graph
    for subject in (catalog, dataset):
        publisher = graph.value(subject, vocabulary.DCTERMS.publisher)
        assert (publisher, vocabulary.RDF.type, vocabulary.FOAF.Organization) in graph
        assert str(graph.value(publisher, vocabulary.FOAF.name)) == f"{SETTINGS.office}, {SETTINGS.town}"
    assert graph.value(dataset, vocabulary.DCTERMS.title) is not None
    assert {literal.language for literal in graph.objects(dataset, vocabulary.DCTERMS.description)} == {"de", "en"}


def test_the_contact_point_is_a_vcard_with_the_offices_e_mail(graph: Graph) -> None:
    contact = graph.value(the_dataset(graph), vocabulary.DCAT.contactPoint)
    assert (contact, vocabulary.RDF.type, VCARD.Organization) in graph
    assert graph.value(contact, VCARD.hasEmail) == URIRef(f"mailto:{SETTINGS.office_email}")
    assert str(graph.value(contact, VCARD.fn)) == SETTINGS.office
    assert graph.value(contact, VCARD.hasURL) == URIRef(SETTINGS.site_url)


def test_every_distribution_has_licence_format_and_download_address_from_the_vocabularies(graph: Graph) -> None:
    distributions = list(graph.objects(the_dataset(graph), vocabulary.DCAT.distribution))
    assert sorted(map(str, distributions)) == sorted(SETTINGS.site_url + file.path for file in FILES)
    for file in FILES:
        distribution = URIRef(SETTINGS.site_url + file.path)
        assert graph.value(distribution, vocabulary.DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
        assert graph.value(distribution, vocabulary.DCTERMS.format) == URIRef(FILE_TYPE + file.file_type)
        assert graph.value(distribution, vocabulary.DCAT.downloadURL) == distribution
        assert graph.value(distribution, vocabulary.DCAT.byteSize) == Literal(file.size, datatype=vocabulary.XSD.nonNegativeInteger)
        assert str(graph.value(distribution, DCATDE.licenseAttributionByText)) == f"{SETTINGS.office}, {SETTINGS.town}"
        titles = {literal.language: str(literal) for literal in graph.objects(distribution, vocabulary.DCTERMS.title)}
        assert titles == ({None: file.title} if not file.title_is_label else {"de": JOB.reader("de").t(file.title), "en": JOB.reader("en").t(file.title)})


def test_the_town_is_geocoded_with_its_official_key(graph: Graph) -> None:
    dataset = the_dataset(graph)
    assert graph.value(dataset, DCATDE.politicalGeocodingURI) == URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/11000000")
    assert graph.value(dataset, DCATDE.politicalGeocodingLevelURI) == URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/municipality")
    assert graph.value(dataset, vocabulary.DCTERMS.modified) == Literal(TODAY.isoformat(), datatype=vocabulary.XSD.date)


def test_without_a_key_the_catalogue_has_no_geocoding() -> None:
    parsed = Graph().parse(data=dcat_catalog(replace(SETTINGS, geocoding_key="", geocoding_level=""), TODAY, FILES, READERS), format="xml")
    assert not list(parsed.objects(None, DCATDE.politicalGeocodingURI))


@pytest.mark.parametrize(("licence", "uri"), [
    ("dl-de/by-2-0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0"),
    ("dl-de/zero-2-0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"),
    ("CC-BY-4.0", "http://dcat-ap.de/def/licenses/cc-by/4.0"),
    ("CC0-1.0", "http://dcat-ap.de/def/licenses/cc-zero"),
])
def test_the_towns_licence_maps_to_the_dcat_ap_de_vocabulary(licence: str, uri: str) -> None:
    assert licence_uri(replace(SETTINGS, licence=licence)) == uri


def test_a_licence_without_a_vocabulary_uri_is_refused_with_the_fix() -> None:
    with pytest.raises(SettingsError, match=r"extra\.catalogue\.licence.*'my-licence'.*dl-de/by-2-0"):
        licence_uri(replace(SETTINGS, licence="my-licence"))


@pytest.mark.parametrize(("geocoding", "message"), [
    ({"key": 8221000}, "not an official key"),
    ({"key": "0822100"}, "not an official key"),
    ({"key": "08221000", "level": "town"}, "level 'town' is not one of"),
    ("08221000", "must give the town's official key"),
])
def test_a_wrong_geocoding_setting_names_the_setting_and_the_fix(geocoding: object, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings_from_config({"extra": {"catalogue": {"geocoding": geocoding}}}, SETTINGS.root)


def test_the_level_follows_from_the_key_where_none_is_given() -> None:
    district = settings_from_config({"extra": {"catalogue": {"geocoding": {"key": "08221"}}}}, SETTINGS.root)
    assert (district.geocoding_key, district.geocoding_level) == ("08221", "administrativeDistrict")


def test_the_same_input_gives_the_same_bytes() -> None:
    assert dcat_catalog(SETTINGS, TODAY, FILES, READERS) == dcat_catalog(SETTINGS, TODAY, FILES, READERS)
    assert dcat_catalog(SETTINGS, TODAY, FILES, READERS) != dcat_catalog(SETTINGS, date(2027, 1, 1), FILES, READERS)


# --- in the built site ------------------------------------------------------------------------------------------


def test_the_build_writes_the_catalogue_beside_the_files_it_describes_and_the_open_data_page_links_them(sample_site: BuiltSite) -> None:
    data = sample_site.root / "data"
    graph = Graph().parse(data=(data / "catalog.rdf").read_bytes(), format="xml")
    distributions = sorted(str(item) for item in graph.objects(None, vocabulary.DCAT.distribution))
    assert len(distributions) == 6
    for url in distributions:
        path = sample_site.root / url.removeprefix(SETTINGS.site_url)
        assert graph.value(URIRef(url), vocabulary.DCAT.byteSize) == Literal(path.stat().st_size, datatype=vocabulary.XSD.nonNegativeInteger)
    index = json.loads((data / "hsds" / "index.json").read_text(encoding="utf-8"))
    for entry in index["languages"].values():
        assert all((data / "hsds" / path).is_file() for path in entry.values())
    for code in ("de", "ar"):
        page = BeautifulSoup(sample_site.page(f"{SETTINGS.url_prefix(code)}open-data/index.html"), "html.parser")
        links = {anchor["href"].split("data/", 1)[-1] for anchor in page.select("main a[href*='data/']")}
        assert {f"hsds/{code}/services.json", "catalog.rdf"} <= links
