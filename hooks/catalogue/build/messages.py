"""What a site build says to the office: data errors that stop it, legal texts not yet reviewed.

German and English, as every message of the catalogue (catalogue.data.messages)."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.data.messages import MessageTable

PHRASES: Mapping[str, Mapping[str, str]] = {
    # -- the site build (the mkdocs adapter says these in the build's log) -----------------------------------------
    "build.data_errors": {
        "en": "The catalogue's data has {count} error(s); nothing was built:",
        "de": "Die Daten des Katalogs haben {count} Fehler; es wurde nichts gebaut:",
    },
    "build.legal_date_missing": {
        "en": "extra.catalogue.legal_date is empty: the Impressum, privacy and accessibility pages say that their texts have not been legally reviewed. Set it (YYYY-MM-DD) in mkdocs.yml once the town's lawyer has read them.",
        "de": "extra.catalogue.legal_date ist leer: Impressum, Datenschutz und Barrierefreiheit sagen, dass ihre Texte nicht rechtlich geprüft sind. Tragen Sie das Datum (JJJJ-MM-TT) in mkdocs.yml ein, sobald die Rechtsabteilung der Stadt sie gelesen hat.",
    },
}

TABLE = MessageTable(phrases=PHRASES)
