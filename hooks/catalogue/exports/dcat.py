"""A DCAT-AP.de 2.0 description of the open-data files (RDF/XML), so that open-data portals such as GovData can
harvest them: one dcat:Catalog with one dcat:Dataset, the catalogue of offers, and one dcat:Distribution per file.

What DCAT-AP.de asks for and where it comes from: dct:publisher (the office, `extra.catalogue.office`),
dcat:contactPoint (a vCard with the office's e-mail address and the site's address), each distribution's dct:license as
a URI of the dcat-ap.de licence vocabulary (mapped from `extra.catalogue.licence`) with dcatde:licenseAttributionByText,
dct:format from the EU file-type vocabulary, and dcatde:politicalGeocodingURI and dcatde:politicalGeocodingLevelURI from
`extra.catalogue.geocoding`. The same inputs give byte-identical files.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from catalogue.data.settings import GEOCODING_KEY_KINDS, Settings, SettingsError

from .hsds import Words
from .open_data import attribution

CATALOG_FILE = "catalog.rdf"

NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)

DCAT_AP_DE_LICENCES = {
    "dl-de/by-2-0": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    "dl-de/zero-2-0": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
    "cc-by-4.0": "http://dcat-ap.de/def/licenses/cc-by/4.0",
    "cc-by-sa-4.0": "http://dcat-ap.de/def/licenses/cc-by-sa/4.0",
    "cc0-1.0": "http://dcat-ap.de/def/licenses/cc-zero",
}
"""`extra.catalogue.licence` (the short names GovData and SPDX use, any case) -> the dcat-ap.de licence URI
(dcat-ap.de/def/licenses, the vocabulary GovData accepts)."""

FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
EDUCATION_THEME = "http://publications.europa.eu/resource/authority/data-theme/EDUC"
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
_ISO_639_3 = {
    "de": "DEU",
    "en": "ENG",
    "ar": "ARA",
    "fa": "FAS",
    "uk": "UKR",
    "ru": "RUS",
    "tr": "TUR",
    "ti": "TIR",
    "ps": "PUS",
    "ku": "KUR",
    "so": "SOM",
}


@dataclass(frozen=True)
class DataFile:
    """One published file: its path below the site root, EU file type, IANA media type, its title (the key of the
    label that names it on the open-data page, else a name that needs no translation) and its size in bytes."""

    path: str
    file_type: str
    media_type: str
    title: str
    size: int
    title_is_label: bool = True


def licence_uri(settings: Settings) -> str:
    """The dcat-ap.de licence URI of `extra.catalogue.licence`; SettingsError naming the known licences otherwise."""
    uri = DCAT_AP_DE_LICENCES.get(settings.licence.lower())
    if uri is None:
        raise SettingsError(
            f"extra.catalogue.licence in mkdocs.yml: '{settings.licence}' has no URI in the dcat-ap.de licence "
            f"vocabulary that open-data portals read – use one of {', '.join(DCAT_AP_DE_LICENCES)}"
        )
    return uri


def geocoding_uris(settings: Settings) -> tuple[str, str] | None:
    """(dcatde:politicalGeocodingURI, dcatde:politicalGeocodingLevelURI) from `extra.catalogue.geocoding`, e.g.
    (…/politicalGeocoding/municipalityKey/08221000, …/politicalGeocoding/Level/municipality); None where unset."""
    if not settings.geocoding_key:
        return None
    kind = GEOCODING_KEY_KINDS[len(settings.geocoding_key)]
    return f"{GEOCODING}{kind}/{settings.geocoding_key}", f"{GEOCODING}Level/{settings.geocoding_level}"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def _add(
    parent: ET.Element,
    name: str,
    text: str | None = None,
    *,
    resource: str | None = None,
    lang: str | None = None,
    datatype: str | None = None,
) -> ET.Element:
    element = ET.SubElement(parent, _q(name))
    if resource is not None:
        element.set(_q("rdf:resource"), resource)
    if text is not None:
        element.text = text
    if lang is not None:
        element.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    if datatype is not None:
        element.set(_q("rdf:datatype"), datatype)
    return element


def _texts(parent: ET.Element, name: str, words: Sequence[Words], key: str, **values: object) -> None:
    for language_words in words:
        _add(parent, name, html.unescape(str(language_words.t(key, **values))), lang=language_words.code)


def dcat_catalog(settings: Settings, today: date, files: Sequence[DataFile], words: Sequence[Words]) -> bytes:
    """The catalogue's RDF/XML: files are the published open-data files with their sizes in bytes; words give the
    titles and descriptions, one set per language (the default language and English where the site has them).

    Raises SettingsError where `extra.catalogue.licence` has no dcat-ap.de URI."""
    site = settings.site_url
    licence = licence_uri(settings)
    by_code: Mapping[str, Words] = {language_words.code: language_words for language_words in words}
    words = [by_code[code] for code in (settings.default_language, "en") if code in by_code]
    modified = today.isoformat()
    date_type = "http://www.w3.org/2001/XMLSchema#date"

    root = ET.Element(_q("rdf:RDF"))
    catalog = ET.SubElement(root, _q("dcat:Catalog"), {_q("rdf:about"): f"{site}data/{CATALOG_FILE}"})
    _add(catalog, "dct:title", settings.site_name, lang=settings.default_language)
    _texts(
        catalog, "dct:description", words, "opendata.intro", licence=settings.licence, attribution=attribution(settings)
    )
    _add(catalog, "foaf:homepage", resource=site)
    _add(catalog, "dct:modified", modified, datatype=date_type)
    _add(catalog, "dct:language", resource=LANGUAGE_AUTHORITY + _ISO_639_3.get(settings.default_language, "MUL"))
    publisher = ET.SubElement(
        _add(catalog, "dct:publisher"), _q("foaf:Organization"), {_q("rdf:about"): f"{site}#publisher"}
    )
    _add(publisher, "foaf:name", f"{settings.office}, {settings.town}")
    _add(publisher, "foaf:homepage", resource=site)

    dataset = ET.SubElement(_add(catalog, "dcat:dataset"), _q("dcat:Dataset"), {_q("rdf:about"): f"{site}data/#offers"})
    _add(dataset, "dct:identifier", f"{site}data/#offers")
    for language_words in words:
        _add(
            dataset,
            "dct:title",
            settings.language(language_words.code).site_name or settings.site_name,
            lang=language_words.code,
        )
    _texts(
        dataset, "dct:description", words, "opendata.intro", licence=settings.licence, attribution=attribution(settings)
    )
    _add(dataset, "dct:publisher", resource=f"{site}#publisher")
    contact = ET.SubElement(
        _add(dataset, "dcat:contactPoint"), _q("vcard:Organization"), {_q("rdf:about"): f"{site}#contact"}
    )
    _add(contact, "vcard:fn", settings.office)
    if settings.office_email:
        _add(contact, "vcard:hasEmail", resource=f"mailto:{settings.office_email}")
    _add(contact, "vcard:hasURL", resource=site)
    if settings.office_phone:
        _add(contact, "vcard:hasTelephone", resource="tel:" + "".join(settings.office_phone.split()).replace("-", ""))
    _add(dataset, "dcat:theme", resource=EDUCATION_THEME)
    _add(dataset, "dcat:landingPage", resource=f"{site}open-data/")
    _add(dataset, "dct:modified", modified, datatype=date_type)
    for code in settings.language_codes:
        _add(dataset, "dct:language", resource=LANGUAGE_AUTHORITY + _ISO_639_3.get(code, "MUL"))
    geocoding = geocoding_uris(settings)
    if geocoding is not None:
        _add(dataset, "dcatde:politicalGeocodingURI", resource=geocoding[0])
        _add(dataset, "dcatde:politicalGeocodingLevelURI", resource=geocoding[1])

    for file in files:
        url = f"{site}{file.path}"
        distribution = ET.SubElement(
            _add(dataset, "dcat:distribution"), _q("dcat:Distribution"), {_q("rdf:about"): url}
        )
        if file.title_is_label:
            _texts(distribution, "dct:title", words, file.title)
        else:
            _add(distribution, "dct:title", file.title)
        _add(distribution, "dcat:accessURL", resource=url)
        _add(distribution, "dcat:downloadURL", resource=url)
        _add(distribution, "dct:format", resource=FILE_TYPE + file.file_type)
        _add(distribution, "dcat:mediaType", resource=MEDIA_TYPE + file.media_type)
        _add(distribution, "dct:license", resource=licence)
        _add(distribution, "dcatde:licenseAttributionByText", attribution(settings))
        _add(
            distribution,
            "dcat:byteSize",
            str(file.size),
            datatype="http://www.w3.org/2001/XMLSchema#nonNegativeInteger",
        )
        _add(distribution, "dct:modified", modified, datatype=date_type)

    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
