"""The web editor's configuration (Decap CMS `config.yml`), generated from `schemas/*.schema.json` and mkdocs.yml.

Each JSON Schema property becomes one Decap field (https://decapcms.org/docs/widgets/): a text map
(`common.schema.json#/$defs/text`, `markdown`) becomes an object with one sub-field per configured language, the
default language first and required; an enum a select with German labels; an id from data/taxonomy.yml a select
with the taxonomy's German labels; an id of another file a relation; a date a text field typed as TT.MM.JJJJ (editor.js
stores the schema's format), a time one typed as HH:MM; the schema's `description` the hint. The form can therefore never lag behind a schema:
a property without a German label here fails the tests.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
from babel.dates import get_day_names

from catalogue.data.model import Taxonomy, Term
from catalogue.data.settings import Settings

EDITOR_FOLDER = "admin"
CONFIG_PATH = f"{EDITOR_FOLDER}/config.yml"
EDITED_SCHEMAS = ("offer.schema.json", "actor.schema.json", "news.schema.json", "need.schema.json", "common.schema.json")
"""The schemas of the records the editor edits, and the definitions they share."""

FIELD_LABELS: Mapping[str, str] = {
    "id": "Kennung (Dateiname)",
    "actor": "Anbieter",
    "status": "Status",
    "categories": "Lebensphasen und Bereiche",
    "title": "Titel",
    "summary": "Kurzbeschreibung",
    "description": "Beschreibung",
    "target_groups": "Zielgruppen",
    "age_min": "Alter ab (Jahre)",
    "age_max": "Alter bis (Jahre)",
    "languages": "Sprachen im Angebot (Sprachkürzel, z. B. de, ar)",
    "german_level": "Nötige Deutschkenntnisse",
    "mode": "Vor Ort oder online",
    "locations": "Orte",
    "location": "Ort",
    "schedule": "Zeiten",
    "sessions": "Termine",
    "weekly": "Jede Woche",
    "day": "Wochentag",
    "date": "Datum",
    "start": "Beginn",
    "end": "Ende",
    "note": "Hinweis zu den Zeiten",
    "exceptions": "Ausnahmen (Tage ohne die wöchentlichen Zeiten)",
    "costs": "Kosten",
    "free": "Kostenlos",
    "amount": "Betrag in Euro",
    "per": "Pro",
    "reductions": "Ermäßigung",
    "free_with": "Kostenlos mit (Gutschein oder Berechtigung)",
    "registration": "Anmeldung",
    "required": "Anmeldung nötig",
    "how": "Wie anmelden",
    "deadline": "Anmelden bis",
    "url": "Anmeldung im Internet (Adresse)",
    "contact": "Kontakt",
    "phone": "Telefon",
    "email": "E-Mail",
    "role": "Wen man erreicht",
    "hours": "Erreichbar",
    "eligibility": "Wer teilnehmen kann",
    "eligible": "Teilnahmebedingungen (Aufenthaltsstatus, Leistungen, Schule)",
    "website": "Website",
    "valid_from": "Gültig ab",
    "valid_until": "Gültig bis",
    "capacity": "Plätze und Warteliste",
    "seats": "Plätze insgesamt",
    "free_seats": "Freie Plätze",
    "waiting_list": "Personen auf der Warteliste",
    "as_of": "Stand (Tag der Zahlen)",
    "last_verified": "Zuletzt geprüft",
    "by": "Geprüft von",
    "translation_sources": "Übersetzungsstand",
    "machine_translated": "Maschinell übersetzt",
    "name": "Name",
    "type": "Art der Einrichtung",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort (Stadt)",
    "district": "Stadtteil",
    "latitude": "Breitengrad",
    "longitude": "Längengrad",
    "accessibility": "Barrierefreiheit",
    "maintainers": "GitHub-Namen der Verantwortlichen",
    "body": "Text",
    "image": "Bild",
    "src": "Bilddatei (unter content/assets/)",
    "alt": "Bildbeschreibung",
    "offers": "Angebote dazu",
    "topic": "Thema",
    "stage": "Lebensphase",
    "target_group": "Zielgruppe",
    "people": "Geschätzte Zahl der Personen",
    "source": "Quelle",
    "reported_by": "Gemeldet von",
    "reported": "Gemeldet am",
    "end_date": "Gedeckt oder erledigt am",
    "comment": "Notiz der Bildungskoordination",
}
"""German label of every property name the schemas use (a test holds this table complete)."""

_ENUM_LABELS: Mapping[str, Mapping[str, str]] = {
    "status": {
        "active": "Aktiv (wird gezeigt)", "paused": "Pausiert", "ended": "Beendet (wird nicht gezeigt)",
        "open": "Offen", "addressed": "Gedeckt (mit Datum)",
    },
    "source": {
        "waiting_list": "Warteliste", "counselling": "Beratungsstatistik", "survey": "Befragung",
        "network_meeting": "Netzwerktreffen", "site_requests": "Anfragen über die Website", "other": "Sonstiges",
    },
}
_ENUM_LABEL_KEYS: Mapping[str, str] = {"mode": "mode.{}", "per": "per.{}", "type": "actor_type.{}", "german_level": "offer.german_level_{}"}
"""Enums whose German words the site already has in data/labels/<default>.yml."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_TAXONOMY_REFERENCES: Mapping[str, str] = {
    "categories": "categories", "target_groups": "target_groups", "district": "districts", "free_with": "entitlements",
    "topic": "categories", "stage": "categories", "target_group": "target_groups",
    "eligible": "eligibility",
}
"""Property name -> the data/taxonomy.yml list its ids come from."""
_SKIPPED = frozenset({"translation_sources", "machine_translated"})
"""Written by tools, not by people; the editor keeps what the file holds."""
FIELD_HINTS: Mapping[str, str] = {
    "actor": "Der Anbieter, der dieses Angebot macht.",
    "status": "aktiv: wird gezeigt; pausiert: wird als gerade pausiert gezeigt; beendet: steht nicht mehr im Katalog; seine Seite bleibt und sagt das, mit ähnlichen Angeboten. Bitte die Datei nicht löschen.",
    "categories": "Die erste Lebensphase oder der erste Bereich bestimmt, wo das Angebot im Katalog steht.",
    "summary": "Ein oder zwei Sätze für die Karte im Katalog.",
    "target_groups": "Für wen das Angebot gedacht ist.",
    "languages": "Sprachen, in denen das Angebot stattfindet (nicht nur die Sprachen der Website).",
    "german_level": "Welche Deutschkenntnisse man braucht (Stufen des Europäischen Referenzrahmens); keine: kein Deutsch nötig.",
    "locations": "Wo das Angebot stattfindet: einer der Orte, die beim Anbieter eingetragen sind (mit Stadtteil). Der Stadtteil des Orts bestimmt, unter welchem Stadtteil das Angebot im Katalog steht. Ein neuer Ort wird beim Anbieter eingetragen.",
    "sessions": "Einzelne Termine, z. B. die Tage eines Kurses oder eine Veranstaltung.",
    "weekly": "Regelmäßige Zeiten jede Woche, z. B. Öffnungszeiten oder ein wöchentlicher Kurs.",
    "exceptions": "Tage, an denen die wöchentlichen Zeiten ausfallen, z. B. Feiertage.",
    "note": "Zum Beispiel: nicht in den Schulferien.",
    "free": "Ein Haken, wenn niemand etwas bezahlt.",
    "amount": "Der Preis in Euro.",
    "per": "Wofür der Betrag gilt; Unterrichtseinheit: 45 Minuten, wie Integrationskurse abrechnen.",
    "reductions": "Wer weniger oder nichts bezahlt, z. B. mit Bildungsgutschein oder Sozialpass.",
    "free_with": "Nur wenn das Angebot nicht für alle kostenlos ist: mit welchen Gutscheinen oder Berechtigungen es nichts kostet.",
    "eligibility": "Wer teilnehmen kann, in einfachen Worten. Der Aufenthaltsstatus ist keine Bedingung, außer ein Gesetz verlangt es.",
    "eligible": "Jede Bedingung, die für die Teilnahme gilt, aus der Liste: so sehen Leserinnen und Leser in jeder Sprache, ob der Aufenthaltsstatus zählt, auch wenn der Text oben nicht übersetzt ist.",
    "by": "Wer die Angaben geprüft hat, z. B. „VHS, Fachbereich Deutsch“.",
    "maintainers": "GitHub-Namen der Personen, die die Angebote dieses Anbieters ändern dürfen.",
    "location": "Ein Ort, an dem Angebote stattfinden.",
    "district": "Der Stadtteil.",
    "src": "Eine Datei unter content/assets/, z. B. assets/news/werkstatt.webp.",
    "offers": "Die Angebote, um die es in dieser Nachricht geht.",
    "id": "Nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. deutschkurs-fuer-eltern. Sie ist der Dateiname und bleibt nach dem Anlegen fest.",
    "language_code": "Ein Sprachkürzel wie de, en, ar, fa.",
    "date": "Ein Datum als TT.MM.JJJJ, z. B. 24.12.2026.",
    "time": "Eine Uhrzeit als SS:MM, 24 Stunden, z. B. 09:30 oder 18:00.",
    "url": "Eine Adresse, die mit https:// beginnt.",
    "email": "Eine E-Mail-Adresse wie kurse@beispiel.de.",
    "phone": "Ziffern, Leerzeichen und / ( ) -, am besten so: +49 30 1234567-0.",
    "role": "Wen man erreicht, z. B. „Kursberatung“. Namen von Personen sind nicht nötig.",
    "hours": "Wann jemand antwortet, z. B. „Mo–Do 9–12 Uhr“.",
    "title": "Kurz und klar, in wenigen Worten.",
    "age_min": "Das jüngste Alter in Jahren.",
    "age_max": "Das höchste Alter in Jahren.",
    "capacity": "Nur wenn bekannt. Die Website zeigt „Warteliste“ oder „ausgebucht“, solange der Stand höchstens 3 Monate alt ist.",
    "seats": "Wie viele Plätze es insgesamt gibt, z. B. 16 in einem Kurs.",
    "free_seats": "Wie viele Plätze noch frei sind; 0 heißt ausgebucht.",
    "waiting_list": "Wie viele Personen warten; 0 oder leer: keine Warteliste.",
    "as_of": "Der Tag, an dem die Zahlen stimmten.",
    "topic": "Das Thema aus der Liste der Lebensphasen und Themen, z. B. Deutsch lernen.",
    "stage": "Die Lebensphase, z. B. Kita und frühe Kindheit oder Senioren; dieselbe wie das Thema, wenn beides eins ist.",
    "target_group": "Für wen etwas fehlt.",
    "people": "Wie viele Personen es ungefähr betrifft.",
    "source": "Woher die Bildungskoordination den Bedarf kennt. Anfragen über die Website: E-Mails und Anrufe über die Zeile „Nicht gefunden?“.",
    "reported_by": "Wer den Bedarf gemeldet hat, z. B. „Jugendamt, Kita-Bedarfsplanung“.",
    "reported": "Der Tag der Meldung; der Dateiname beginnt mit seinem Monat (JJJJ-MM).",
    "end_date": "Bei „gedeckt“: der Tag, seit dem ein Angebot den Bedarf deckt. Bei „offen“: der Tag, an dem er von selbst endet (leer lassen, wenn unbekannt).",
    "comment": "Nur für die Bildungskoordination; steht nicht auf der Website.",
}
FILE_FIELDS: Mapping[tuple[str, str], tuple[str, str]] = {
    ("need.schema.json", "id"): ("Kennung (Dateiname)", "Monat der Meldung und ein kurzer Name, z. B. 2026-06-krippenplaetze-nordstadt; gleich dem Dateinamen ohne .yml."),
    ("need.schema.json", "title"): ("Was fehlt", "In wenigen Worten, z. B. „Krippenplätze für unter Dreijährige in der Nordstadt“."),
    ("need.schema.json", "district"): ("Stadtteil", "Leer lassen, wenn der Bedarf die ganze Stadt betrifft."),
    ("need.schema.json", "status"): ("Status", "offen: besteht noch; gedeckt: ein Angebot deckt ihn jetzt (Datum eintragen)."),
    ("need.schema.json", "age_min"): ("Alter ab (Jahre)", "Das jüngste Alter der Betroffenen."),
    ("need.schema.json", "age_max"): ("Alter bis (Jahre)", "Das höchste Alter der Betroffenen."),
}
"""(schema file, property) -> German label and hint where a name means something else in that record than in the others."""
"""The form's hints in the editor's language, by property name or by the name of the shared definition a property
uses. Every schema `description` has one (a test holds them together): the schemas' own descriptions are English,
written for developers; the editor speaks to the actors."""

_PATTERN_MESSAGES: Mapping[str, str] = {name: FIELD_HINTS[name] for name in ("id", "url", "email", "phone", "language_code")}
_DATE_PATTERN = r"^\s*(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.\d{4}\s*$"
_TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
_DATE = {"widget": "string", "pattern": [_DATE_PATTERN, "Bitte als TT.MM.JJJJ, z. B. 24.12.2026."]}
"""A date is typed as TT.MM.JJJJ; editor.js stores it as JJJJ-MM-TT, as the schema asks."""
_TIME = {"widget": "string", "pattern": [_TIME_PATTERN, "Bitte als SS:MM mit 24 Stunden, z. B. 09:30 oder 18:00."]}
"""A time is typed as the schema stores it (24 hours, no time zone: the town's own time)."""
_LIST_SINGULAR: Mapping[str, str] = {
    "weekly": "wöchentliche Zeit", "sessions": "Termin", "exceptions": "Ausfalltag", "locations": "Ort", "contact": "Kontakt",
}
_LIST_SUMMARIES: Mapping[str, str] = {
    "weekly": "{{fields.day}} {{fields.start}}–{{fields.end}}",
    "sessions": "{{fields.date}} {{fields.start}}–{{fields.end}}",
}
"""What a collapsed entry of a list shows: the weekly times day and time (editor.js puts the stored day, thu, as "Do")."""


@dataclass(frozen=True)
class EditorSettings:
    """mkdocs.yml `extra.catalogue.editor`: where the editor saves (a GitHub repository) and how it signs in."""

    repo: str
    branch: str = "main"
    base_url: str | None = None
    """The sign-in helper (OAuth proxy) for GitHub, e.g. https://editor-login.example.org."""
    open_authoring: bool = True
    auth_scope: str = "public_repo"
    """What the editor may do in the signed-in account: public_repo (public repositories only) is the least."""

    @classmethod
    def from_settings(cls, settings: Settings) -> EditorSettings:
        editor = settings.editor
        return cls(
            repo=str(editor.get("repo", "")),
            branch=str(editor.get("branch", "main")),
            base_url=editor.get("base_url"),
            open_authoring=bool(editor.get("open_authoring", True)),
            auth_scope=str(editor.get("auth_scope", "public_repo")),
        )


class _Schemas:
    """The raw JSON Schemas of one folder, with `$ref`s resolved by name so that each field knows its definition."""

    def __init__(self, folder: Path) -> None:
        self.files = {file.name: json.loads(file.read_text(encoding="utf-8")) for file in sorted(folder.glob("*.schema.json"))}

    def resolve(self, node: Mapping[str, Any], current: str) -> tuple[str | None, Mapping[str, Any], str]:
        """(definition name or None, the schema with the reference followed, the file it lives in)."""
        reference = node.get("$ref")
        if not reference:
            return None, node, current
        file, _, pointer = reference.partition("#")
        file = file or current
        target: Any = self.files[file]
        for part in pointer.strip("/").split("/"):
            target = target[part]
        name = pointer.rsplit("/", 1)[-1]
        merged = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
        return name, merged, file


class _FieldBuilder:
    def __init__(self, schemas: _Schemas, settings: Settings, taxonomy: Taxonomy, labels: Mapping[str, str]) -> None:
        self.schemas = schemas
        self.settings = settings
        self.taxonomy = taxonomy
        self.labels = labels
        self.default = settings.default_language

    def fields(self, schema: Mapping[str, Any], file: str, *, enforce: bool = True) -> list[dict[str, Any]]:
        """The fields of an object schema. With `enforce` False (an optional object) the form requires none of them:
        Decap would demand them even while the whole object stays empty; `make check` still holds the schema."""
        required = set(schema.get("required", ()))
        return [
            self.field(name, node, file, required=enforce and name in required)
            for name, node in schema.get("properties", {}).items()
            if name not in _SKIPPED
        ]

    def field(self, name: str, node: Mapping[str, Any], file: str, *, required: bool) -> dict[str, Any]:
        own = FILE_FIELDS.get((file, name))
        definition, schema, file = self.schemas.resolve(node, file)
        field: dict[str, Any] = {"name": name, "label": own[0] if own else FIELD_LABELS.get(name, name)}
        described = node.get("description") or (schema.get("description") if definition not in {"text", "markdown"} else None)
        if described:
            field["hint"] = own[1] if own else FIELD_HINTS.get(name) or FIELD_HINTS.get(definition or "", described)
        if not required:
            field["required"] = False
        field.update(self._widget(name, definition, schema, file, required))
        return field

    def _widget(self, name: str, definition: str | None, schema: Mapping[str, Any], file: str, required: bool) -> dict[str, Any]:
        if definition in {"text", "markdown"}:
            return self._language_map(markdown=definition == "markdown", required=required)
        if definition == "date":
            return dict(_DATE)
        if definition == "time":
            return dict(_TIME)
        if name in _TAXONOMY_REFERENCES:
            terms: tuple[Term, ...] = getattr(self.taxonomy, _TAXONOMY_REFERENCES[name])
            multiple = schema.get("type") == "array"
            return {"widget": "select", "multiple": multiple, "options": [{"label": self._german(term.label), "value": term.id} for term in terms]}
        reference = self._reference(name)
        if reference is not None:
            return {**reference, "multiple": schema.get("type") == "array"}
        if "enum" in schema:
            return {"widget": "select", "options": [{"label": self._enum_label(name, value), "value": value} for value in schema["enum"]]}
        kind = schema.get("type")
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.fields(schema, file, enforce=required)}
        if kind == "array":
            item_definition, items, item_file = self.schemas.resolve(schema.get("items", {}), file)
            if items.get("type") == "object":
                listed: dict[str, Any] = {"widget": "list", "default": [], "fields": self.fields(items, item_file)}
                if name in _LIST_SINGULAR:
                    listed["label_singular"] = _LIST_SINGULAR[name]
                if name in _LIST_SUMMARIES:
                    listed["summary"] = _LIST_SUMMARIES[name]
                return listed
            if item_definition in {"date", "time"}:
                picker = dict(_DATE if item_definition == "date" else _TIME)
                return {"widget": "list", "default": [], "label_singular": _LIST_SINGULAR.get(name, FIELD_LABELS.get("date", name)), "field": {"name": name, "label": FIELD_LABELS.get("date" if item_definition == "date" else "start", name), **picker}}
            widget: dict[str, Any] = {"widget": "list"}
            if item_definition in _PATTERN_MESSAGES:
                widget["hint"] = _PATTERN_MESSAGES[item_definition]
            return widget
        if kind in {"integer", "number"}:
            widget = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            widget.update({key: schema[key] for key in ("minimum", "maximum") if key in schema})
            return {("min" if key == "minimum" else "max" if key == "maximum" else key): value for key, value in widget.items()}
        if kind == "boolean":
            return {"widget": "boolean", "default": False} if required else {"widget": "boolean"}
        widget = {"widget": "string"}
        if "pattern" in schema:
            widget["pattern"] = [schema["pattern"], _PATTERN_MESSAGES.get(definition or name, f"Muster: {schema['pattern']}")]
        return widget

    def _language_map(self, *, markdown: bool, required: bool) -> dict[str, Any]:
        subfields = []
        for language in self.settings.languages:
            sub: dict[str, Any] = {"name": language.code, "label": f"{language.name} ({language.code})"}
            if markdown:
                sub.update({"widget": "markdown", "modes": ["raw"], "buttons": [], "editor_components": []})
            else:
                sub["widget"] = "text" if not language.is_default else "string"
            if not (language.is_default and required):
                sub["required"] = False
            subfields.append(sub)
        return {"widget": "object", "collapsed": False, "fields": subfields}

    def _reference(self, name: str) -> dict[str, Any] | None:
        german_name = f"name.{self.default}"
        if name == "actor":
            return {"widget": "relation", "collection": "actors", "value_field": "id", "search_fields": [german_name, "id"], "display_fields": [german_name]}
        if name in {"locations", "location"}:
            return {"widget": "relation", "collection": "actors", "value_field": "locations.*.id", "search_fields": [f"locations.*.{german_name}", "locations.*.id", "locations.*.district"], "display_fields": [f"locations.*.{german_name}", "locations.*.district"]}
        if name == "offers":
            title = f"title.{self.default}"
            return {"widget": "relation", "collection": "offers", "value_field": "id", "search_fields": [title, "id"], "display_fields": [title]}
        return None

    def _enum_label(self, name: str, value: str) -> str:
        if value in _ENUM_LABELS.get(name, {}):
            return _ENUM_LABELS[name][value]
        if name == "day" and value in _WEEKDAYS:
            return str(get_day_names("wide", locale=self.default)[_WEEKDAYS.index(value)])
        key = _ENUM_LABEL_KEYS.get(name, "").format(value)
        return self.labels.get(key, value)

    def _german(self, texts: Mapping[str, str]) -> str:
        return texts.get(self.default) or next(iter(texts.values()), "")


def editor_config(settings: Settings, editor: EditorSettings, taxonomy: Taxonomy, labels: Mapping[str, str], schema_folder: Path) -> dict[str, Any]:
    """Decap CMS's configuration as a mapping (https://decapcms.org/docs/configuration-options/).

    `labels` is the default language's `site` map of data/labels/<code>.yml; `schema_folder` holds *.schema.json.
    Raises KeyError when a schema names a definition that does not exist.
    """
    schemas = _Schemas(schema_folder)
    builder = _FieldBuilder(schemas, settings, taxonomy, labels)
    data = data_folder(settings)
    backend: dict[str, Any] = {"name": "github", "repo": editor.repo, "branch": editor.branch}
    if editor.base_url:
        backend["base_url"] = editor.base_url
    if editor.open_authoring:
        backend["open_authoring"] = True
    backend["auth_scope"] = editor.auth_scope
    offer = schemas.files["offer.schema.json"]
    actor = schemas.files["actor.schema.json"]
    news = schemas.files["news.schema.json"]
    need = schemas.files["need.schema.json"]
    german_title = f"title.{settings.default_language}"
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "locale": settings.default_language,
        "site_url": settings.site_url,
        "media_folder": "content/assets/news",
        "public_folder": "/assets/news",
        "collections": [
            {
                "name": "offers",
                "label": "Angebote",
                "label_singular": "Angebot",
                "description": "Ein Angebot pro Datei, im Ordner seines Anbieters.",
                "folder": f"{data}/offers",
                "path": "{{actor}}/{{slug}}",
                "create": True,
                "extension": "yml",
                "format": "yml-catalogue",
                "identifier_field": "id",
                "slug": "{{id}}",
                "summary": "{{" + german_title + "}}",
                "sortable_fields": [{"field": german_title, "label": FIELD_LABELS["title"]}, {"field": "actor", "label": FIELD_LABELS["actor"]}],
                "delete": False,
                "fields": builder.fields(offer, "offer.schema.json"),
            },
            {
                "name": "actors",
                "label": "Anbieter",
                "label_singular": "Anbieter",
                "folder": f"{data}/actors",
                "create": True,
                "extension": "yml",
                "format": "yml-catalogue",
                "identifier_field": "id",
                "slug": "{{id}}",
                "summary": "{{name." + settings.default_language + "}}",
                "sortable_fields": [{"field": f"name.{settings.default_language}", "label": FIELD_LABELS["name"]}],
                "delete": False,
                "fields": builder.fields(actor, "actor.schema.json"),
            },
            {
                "name": "news",
                "label": "Aktuelles",
                "label_singular": "Nachricht",
                "folder": f"{data}/news",
                "create": True,
                "extension": "yml",
                "format": "yml-catalogue",
                "identifier_field": "id",
                "slug": "{{id}}",
                "summary": "{{date}} – {{" + german_title + "}}",
                "delete": False,
                "fields": builder.fields(news, "news.schema.json"),
            },
            {
                "name": "needs",
                "label": "Bedarfe",
                "label_singular": "Bedarf",
                "description": (
                    "Nur für die Bildungskoordination: was Neuzugewanderte suchen und nicht finden, für die Zahlen an den Rat. "
                    "Änderungen an diesem Ordner prüft und übernimmt allein die Bildungskoordination (CODEOWNERS)."
                ),
                "folder": f"{data}/needs",
                "create": True,
                "delete": False,
                "extension": "yml",
                "format": "yml-catalogue",
                "identifier_field": "id",
                "slug": "{{id}}",
                "summary": "{{reported}} – {{title}} ({{status}})",
                "sortable_fields": [{"field": "reported", "label": "Gemeldet am"}, {"field": "title", "label": "Titel"}],
                "fields": builder.fields(need, "need.schema.json"),
            },
        ],
    }


def data_folder(settings: Settings) -> str:
    """The data folder relative to the repository (the editor's paths); its name when it lies elsewhere."""
    try:
        return settings.data_dir.relative_to(settings.root).as_posix()
    except ValueError:
        return settings.data_dir.name


def editor_config_text(config: Mapping[str, Any]) -> str:
    """The configuration as YAML, with a header saying where it comes from."""
    header = (
        "# Written by `python -m catalogue editor-config` from schemas/*.schema.json, data/taxonomy.yml,\n"
        "# data/labels/ and mkdocs.yml (extra.catalogue.editor). Do not edit by hand: change those files and run it again.\n"
    )
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=120)


def _schema_objects(schema_folder: Path) -> Iterator[Mapping[str, Any]]:
    """Every JSON object, at any depth, of the edited records' schemas."""
    pending: list[Any] = [json.loads((schema_folder / name).read_text(encoding="utf-8")) for name in EDITED_SCHEMAS]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            yield node
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)


def described_names(schema_folder: Path) -> set[str]:
    """Every property name whose schema node has a `description`, and every described shared definition's name
    (what FIELD_HINTS must cover). The translation bookkeeping the form does not show is left out."""
    names: set[str] = set()
    for node in _schema_objects(schema_folder):
        for group, left_out in (("properties", _SKIPPED), ("$defs", {"text", "markdown", *_SKIPPED})):
            names.update(
                name for name, value in (node.get(group) or {}).items()
                if isinstance(value, dict) and "description" in value and name not in left_out
            )
    return names


def schema_property_names(schema_folder: Path) -> set[str]:
    """Every property name the edited records' schemas define, at any depth (what FIELD_LABELS must cover)."""
    return {name for node in _schema_objects(schema_folder) for name in (node.get("properties") or {})}
