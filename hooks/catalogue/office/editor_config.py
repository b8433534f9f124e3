"""The web editor's configuration (Decap CMS `config.yml`), generated from `schemas/*.schema.json` and mkdocs.yml.

Each JSON Schema property becomes one Decap field (https://decapcms.org/docs/widgets/): a text map
(`common.schema.json#/$defs/text`, `markdown`) becomes an object with one sub-field per configured language, the
default language first and required; an enum a select with German labels; an id from data/taxonomy.yml a select
with the taxonomy's German labels; an id of another file a relation; a date a text field typed as TT.MM.JJJJ
(editor.js stores the schema's format), a time one typed as HH:MM. The field's label is the property's `x-label-de`
and its hint the property's (or its definition's) `x-hint-de`, both in the schema beside the property. The form can
therefore never lag behind a schema: a property without a German label fails the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_day_names
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from catalogue.data.model import Taxonomy, Term
from catalogue.data.schema_enums import WEEKDAYS
from catalogue.data.settings import Settings

EDITOR_FOLDER = "admin"
CONFIG_PATH = f"{EDITOR_FOLDER}/config.yml"
EDITED_SCHEMAS = (
    "offer.schema.json",
    "actor.schema.json",
    "news.schema.json",
    "need.schema.json",
    "common.schema.json",
)
"""The schemas of the records the editor edits, and the definitions they share."""

LABEL = "x-label-de"
"""The German label of a property's form field, beside the property in its JSON Schema (every property has one)."""
HINT = "x-hint-de"
"""The German hint under a field: on a property, or on a shared definition (`common.schema.json#/$defs/date`) for
every property that uses it. A property with a `description` shows one; the schemas' descriptions are English,
written for developers, while the editor speaks to the actors."""
ENUM_LABELS = "x-enum-labels-de"
"""The German words of an enum's values in the form's select (value -> label), beside the enum in its schema; values
without one take the site's own words (_ENUM_LABEL_KEYS) or, for weekdays, CLDR's."""

_ENUM_LABEL_KEYS: Mapping[str, str] = {
    "mode": "mode.{}",
    "per": "per.{}",
    "type": "actor_type.{}",
    "german_level": "offer.german_level_{}",
}
"""Enums whose German words the site already has in data/labels/<default>.yml."""

_TAXONOMY_REFERENCES: Mapping[str, str] = {
    "categories": "categories",
    "target_groups": "target_groups",
    "district": "districts",
    "free_with": "entitlements",
    "topic": "categories",
    "stage": "categories",
    "target_group": "target_groups",
    "eligible": "eligibility",
}
"""Property name -> the data/taxonomy.yml list its ids come from."""
_SKIPPED = frozenset({"translation_sources", "machine_translated"})
"""Written by tools, not by people; the editor keeps what the file holds."""
_DATE_PATTERN = r"^\s*(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.\d{4}\s*$"
_TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
_DATE = {"widget": "string", "pattern": [_DATE_PATTERN, "Bitte als TT.MM.JJJJ, z. B. 24.12.2026."]}
"""A date is typed as TT.MM.JJJJ; editor.js stores it as JJJJ-MM-TT, as the schema asks."""
_TIME = {"widget": "string", "pattern": [_TIME_PATTERN, "Bitte als SS:MM mit 24 Stunden, z. B. 09:30 oder 18:00."]}
"""A time is typed as the schema stores it (24 hours, no time zone: the town's own time)."""
_LIST_SINGULAR: Mapping[str, str] = {
    "weekly": "wöchentliche Zeit",
    "sessions": "Termin",
    "exceptions": "Ausfalltag",
    "locations": "Ort",
    "contact": "Kontakt",
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
    """The raw JSON Schemas of one folder, with `$ref`s followed through `referencing`'s registry, so that each field
    knows its definition (and the definition's German words)."""

    def __init__(self, folder: Path) -> None:
        self.files = schema_files(folder)
        self.registry: Registry[Any] = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
            for schema in self.files.values()
        )

    def resolve(
        self, node: Mapping[str, Any], current: str
    ) -> tuple[str | None, Mapping[str, Any], str, Mapping[str, Any]]:
        """(definition name or None, the schema with the reference followed and the node's own keywords on top, the
        file it lives in, the definition alone). Raises referencing's Unresolvable for a reference to nothing."""
        reference = node.get("$ref")
        if not reference:
            return None, node, current, {}
        target: Mapping[str, Any] = (
            self.registry.resolver(base_uri=self.files[current]["$id"]).lookup(reference).contents
        )
        file = reference.partition("#")[0] or current
        merged = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
        return reference.rsplit("/", 1)[-1], merged, file, target


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
        definition, schema, file, target = self.schemas.resolve(node, file)
        field: dict[str, Any] = {"name": name, "label": node.get(LABEL, name)}
        described = node.get("description") or (
            schema.get("description") if definition not in {"text", "markdown"} else None
        )
        if described:
            field["hint"] = schema.get(HINT, described)
        if not required:
            field["required"] = False
        field.update(self._widget(name, definition, schema, file, target, required))
        return field

    def _widget(
        self,
        name: str,
        definition: str | None,
        schema: Mapping[str, Any],
        file: str,
        target: Mapping[str, Any],
        required: bool,
    ) -> dict[str, Any]:
        if definition in {"text", "markdown"}:
            return self._language_map(markdown=definition == "markdown", required=required)
        if definition == "date":
            return dict(_DATE)
        if definition == "time":
            return dict(_TIME)
        if name in _TAXONOMY_REFERENCES:
            terms: tuple[Term, ...] = getattr(self.taxonomy, _TAXONOMY_REFERENCES[name])
            multiple = schema.get("type") == "array"
            return {
                "widget": "select",
                "multiple": multiple,
                "options": [{"label": self._german(term.label), "value": term.id} for term in terms],
            }
        reference = self._reference(name)
        if reference is not None:
            return {**reference, "multiple": schema.get("type") == "array"}
        if "enum" in schema:
            return {
                "widget": "select",
                "options": [
                    {"label": self._enum_label(name, value, schema.get(ENUM_LABELS, {})), "value": value}
                    for value in schema["enum"]
                ],
            }
        kind = schema.get("type")
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.fields(schema, file, enforce=required)}
        if kind == "array":
            item_definition, items, item_file, item_target = self.schemas.resolve(schema.get("items", {}), file)
            if items.get("type") == "object":
                listed: dict[str, Any] = {"widget": "list", "default": [], "fields": self.fields(items, item_file)}
                if name in _LIST_SINGULAR:
                    listed["label_singular"] = _LIST_SINGULAR[name]
                if name in _LIST_SUMMARIES:
                    listed["summary"] = _LIST_SUMMARIES[name]
                return listed
            if item_definition in {"date", "time"}:
                picker = dict(_DATE if item_definition == "date" else _TIME)
                item_label = item_target.get(LABEL, name)
                return {
                    "widget": "list",
                    "default": [],
                    "label_singular": _LIST_SINGULAR.get(name, item_label),
                    "field": {"name": name, "label": item_label, **picker},
                }
            widget: dict[str, Any] = {"widget": "list"}
            if HINT in item_target:
                widget["hint"] = item_target[HINT]
            return widget
        if kind in {"integer", "number"}:
            widget = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            widget.update({key: schema[key] for key in ("minimum", "maximum") if key in schema})
            return {
                ("min" if key == "minimum" else "max" if key == "maximum" else key): value
                for key, value in widget.items()
            }
        if kind == "boolean":
            return {"widget": "boolean", "default": False} if required else {"widget": "boolean"}
        widget = {"widget": "string"}
        if "pattern" in schema:
            widget["pattern"] = [schema["pattern"], target.get(HINT, f"Muster: {schema['pattern']}")]
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
            return {
                "widget": "relation",
                "collection": "actors",
                "value_field": "id",
                "search_fields": [german_name, "id"],
                "display_fields": [german_name],
            }
        if name in {"locations", "location"}:
            return {
                "widget": "relation",
                "collection": "actors",
                "value_field": "locations.*.id",
                "search_fields": [f"locations.*.{german_name}", "locations.*.id", "locations.*.district"],
                "display_fields": [f"locations.*.{german_name}", "locations.*.district"],
            }
        if name == "offers":
            title = f"title.{self.default}"
            return {
                "widget": "relation",
                "collection": "offers",
                "value_field": "id",
                "search_fields": [title, "id"],
                "display_fields": [title],
            }
        return None

    def _enum_label(self, name: str, value: str, german: Mapping[str, str]) -> str:
        if value in german:
            return german[value]
        if name == "day" and value in WEEKDAYS:
            return str(get_day_names("wide", locale=self.default)[WEEKDAYS.index(value)])
        key = _ENUM_LABEL_KEYS.get(name, "").format(value)
        return self.labels.get(key, value)

    def _german(self, texts: Mapping[str, str]) -> str:
        return texts.get(self.default) or next(iter(texts.values()), "")


def editor_config(
    settings: Settings, editor: EditorSettings, taxonomy: Taxonomy, labels: Mapping[str, str], schema_folder: Path
) -> dict[str, Any]:
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
                "sortable_fields": [
                    {"field": german_title, "label": offer["properties"]["title"][LABEL]},
                    {"field": "actor", "label": offer["properties"]["actor"][LABEL]},
                ],
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
                "sortable_fields": [
                    {"field": f"name.{settings.default_language}", "label": actor["properties"]["name"][LABEL]}
                ],
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
                    "Nur für die Bildungskoordination: was Neuzugewanderte suchen und nicht finden, "
                    "für die Zahlen an den Rat. "
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
                "sortable_fields": [
                    {"field": "reported", "label": "Gemeldet am"},
                    {"field": "title", "label": "Titel"},
                ],
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
        "# data/labels/ and mkdocs.yml (extra.catalogue.editor). "
        "Do not edit by hand: change those files and run it again.\n"
    )
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=120)


def schema_files(schema_folder: Path) -> dict[str, dict[str, Any]]:
    """Every `*.schema.json` of the folder, by file name, as parsed JSON."""
    return {
        file.name: json.loads(file.read_text(encoding="utf-8")) for file in sorted(schema_folder.glob("*.schema.json"))
    }


def schema_properties(schema_folder: Path) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(schema file, property name, property schema) for every property, at any depth, of the edited records' schemas,
    in the order of EDITED_SCHEMAS and of each file."""
    files = schema_files(schema_folder)
    for file in EDITED_SCHEMAS:
        pending: list[Any] = [files[file]]
        while pending:
            node = pending.pop(0)
            if isinstance(node, dict):
                properties = node.get("properties")
                if isinstance(properties, dict):
                    yield from ((file, name, value) for name, value in properties.items() if isinstance(value, dict))
                pending.extend(node.values())
            elif isinstance(node, list):
                pending.extend(node)


def field_labels(schema_folder: Path) -> dict[str, str]:
    """Property name -> its German label, as the first schema in EDITED_SCHEMAS labels it (the messages of the
    editor's own checks name fields by property name). Raises KeyError for a property without `x-label-de`."""
    labels: dict[str, str] = {}
    for _, name, node in schema_properties(schema_folder):
        labels.setdefault(name, node[LABEL])
    return labels


def missing_german_words(schema_folder: Path) -> list[str]:
    """Every property without a German label, every property the form describes without a German hint, and every enum
    value without German words, as "file: name (x-label-de|x-hint-de|x-enum-labels-de)"; empty when the form speaks
    German throughout. A property's hint can also sit
    on the shared definition it refers to; the translation bookkeeping the form does not show needs no hint."""
    schemas = _Schemas(schema_folder)
    missing: list[str] = []
    for file, name, node in schema_properties(schema_folder):
        if LABEL not in node:
            missing.append(f"{file}: {name} ({LABEL})")
        definition, schema, _, _ = schemas.resolve(node, file)
        described = node.get("description") or (
            schema.get("description") if definition not in {"text", "markdown"} else None
        )
        if described and HINT not in schema and name not in _SKIPPED:
            missing.append(f"{file}: {name} ({HINT})")
        own_words = name in _ENUM_LABEL_KEYS or name == "day"
        if "enum" in schema and not own_words and set(schema["enum"]) - set(schema.get(ENUM_LABELS, {})):
            missing.append(f"{file}: {name} ({ENUM_LABELS})")
    return missing
