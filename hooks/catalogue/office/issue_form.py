"""The issue form "Neues oder geändertes Angebot" (`.github/ISSUE_TEMPLATE/offer.yml`), generated from the offer
schema, the taxonomy, the actors and mkdocs.yml, so that its fields always match what the converter reads.

GitHub issue forms:
https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-githubs-form-schema
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from catalogue.data.model import Catalogue
from catalogue.data.schema_enums import GERMAN_LEVELS
from catalogue.data.settings import Settings

ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/offer.yml"
CHANGE_FORM_PATH = ".github/ISSUE_TEMPLATE/offer-change.yml"
"""The form "Angebot ändern": every field optional but the offer's id; an empty field leaves the file as it is."""
CHANGE_ID_LABEL = "Kennung des Angebots"
CONSENT_LABEL = "Veröffentlichung"
ISSUE_CONFIG_PATH = ".github/ISSUE_TEMPLATE/config.yml"
OFFER_LABEL = "angebot"
CONVERT_LABEL = "in-datei-umwandeln"
"""The label the office sets on a checked issue; the workflow then turns it into a pull request."""
NO_RESPONSE = "_No response_"

CHANGE_NEW = "Neues Angebot eintragen"
CHANGE_EDIT = "Bestehendes Angebot ändern"
CHANGE_END = "Angebot beenden"
YES, NO = "Ja", "Nein"
MODES = {"Vor Ort": "in_person", "Online": "online", "Vor Ort und online": "hybrid"}
PER = {
    "pro Kurs": "course",
    "pro Termin": "session",
    "pro Unterrichtseinheit (45 Minuten)": "lesson_unit",
    "pro Monat": "month",
    "pro Jahr": "year",
}
LEVELS = {"Keine Deutschkenntnisse nötig": "none", **{level: level for level in GERMAN_LEVELS if level != "none"}}


@dataclass(frozen=True)
class FormField:
    """One field of the form: `id` is what the converter reads; `schema` the offer property it fills."""

    id: str
    label: str
    kind: str
    """input, textarea, dropdown or checkboxes (GitHub's form element types)."""
    schema: str
    required: bool = False
    description: str = ""
    options: tuple[str, ...] = ()
    multiple: bool = False
    placeholder: str = ""


def form_fields(catalogue: Catalogue, settings: Settings) -> list[FormField]:
    """The form's fields in order. `schema` names the offer property (dotted for nested ones) each one fills."""
    german = settings.default_language
    actors = tuple(sorted(actor.name.get(german) or actor.id for actor in catalogue.actors.values()))
    taxonomy = catalogue.taxonomy
    return [
        FormField(
            "change", "Was möchten Sie tun?", "dropdown", "status", True, options=(CHANGE_NEW, CHANGE_EDIT, CHANGE_END)
        ),
        FormField(
            "actor",
            "Anbieter",
            "dropdown",
            "actor",
            True,
            "Ihre Einrichtung. Fehlt sie, schreiben Sie uns bitte zuerst.",
            options=actors,
        ),
        FormField(
            "offer_id",
            "Kennung des bestehenden Angebots (nur beim Ändern oder Beenden)",
            "input",
            "id",
            description="Steht in der Adresse der Angebotsseite: …/offers/KENNUNG/",
        ),
        FormField(
            "title",
            "Titel des Angebots (Deutsch)",
            "input",
            f"title.{german}",
            True,
            placeholder="z. B. Deutschkurs für Eltern mit Kinderbetreuung",
        ),
        FormField("summary", "Kurzbeschreibung (ein bis zwei Sätze)", "textarea", f"summary.{german}", True),
        FormField(
            "description",
            "Beschreibung",
            "textarea",
            f"description.{german}",
            True,
            "Was passiert, was man mitbringen muss. Kein HTML.",
        ),
        FormField(
            "categories",
            "Lebensphase / Bereich",
            "dropdown",
            "categories",
            True,
            options=tuple(term.label.get(german, term.id) for term in taxonomy.categories),
            multiple=True,
        ),
        FormField(
            "target_groups",
            "Für wen?",
            "dropdown",
            "target_groups",
            options=tuple(term.label.get(german, term.id) for term in taxonomy.target_groups),
            multiple=True,
        ),
        FormField("age_min", "Alter ab (Jahre, nur die Zahl)", "input", "age_min"),
        FormField("age_max", "Alter bis (Jahre, nur die Zahl)", "input", "age_max"),
        FormField("german_level", "Nötige Deutschkenntnisse", "dropdown", "german_level", options=tuple(LEVELS)),
        FormField("mode", "Form", "dropdown", "mode", True, options=tuple(MODES)),
        FormField(
            "weekly", "Jede Woche (eine Zeile pro Termin, z. B. „Montag 09:00-12:00“)", "textarea", "schedule.weekly"
        ),
        FormField(
            "sessions",
            "Einzelne Termine (eine Zeile pro Termin, z. B. „2027-03-15 17:00-19:00“)",
            "textarea",
            "schedule.sessions",
        ),
        FormField("free", "Ist das Angebot kostenlos?", "dropdown", "costs.free", True, options=(YES, NO)),
        FormField("amount", "Preis in Euro (nur die Zahl)", "input", "costs.amount"),
        FormField("per", "Der Preis gilt", "dropdown", "costs.per", options=tuple(PER)),
        FormField(
            "reductions", "Ermäßigung (wer zahlt weniger oder nichts?)", "textarea", f"costs.reductions.{german}"
        ),
        FormField(
            "registration_required",
            "Ist eine Anmeldung nötig?",
            "dropdown",
            "registration.required",
            True,
            options=(YES, NO),
        ),
        FormField("registration_how", "Wie meldet man sich an?", "textarea", f"registration.how.{german}"),
        FormField("deadline", "Anmelden bis (JJJJ-MM-TT)", "input", "registration.deadline"),
        FormField("phone", "Telefon für Fragen", "input", "contact.phone", placeholder="+49 30 1234567-0"),
        FormField("email", "E-Mail für Fragen", "input", "contact.email"),
        FormField("website", "Website mit mehr Informationen", "input", "website", placeholder="https://"),
        FormField("valid_from", "Gültig ab (JJJJ-MM-TT)", "input", "valid_from"),
        FormField("valid_until", "Gültig bis (JJJJ-MM-TT)", "input", "valid_until"),
        FormField(
            "verified_by",
            "Wer hat die Angaben geprüft? (Stelle, kein privater Name nötig)",
            "input",
            "last_verified.by",
            True,
        ),
    ]


def location_choices(catalogue: Catalogue, settings: Settings) -> dict[str, tuple[str, str]]:
    """What the change form offers for "Orte": 'Haus Nord (Nordstadt) – Sprachschule Nord' -> (actor id, location id),
    sorted by the place's name; the district is named because it decides where readers find the offer."""
    german = settings.default_language
    districts = {term.id: term.label.get(german, term.id) for term in catalogue.taxonomy.districts}
    choices: dict[str, tuple[str, str]] = {}
    for actor in sorted(catalogue.actors.values(), key=lambda actor: actor.name.get(german) or actor.id):
        for location in actor.locations:
            name = location.name.get(german) or location.id
            district = districts.get(location.district or "", "")
            label = (
                f"{name} ({district}) – {actor.name.get(german) or actor.id}"
                if district
                else f"{name} – {actor.name.get(german) or actor.id}"
            )
            choices[label] = (actor.id, location.id)
    return dict(sorted(choices.items()))


def change_form_fields(catalogue: Catalogue, settings: Settings) -> list[FormField]:
    """The fields of the change form, in order: the offer's id (required), then every changeable field, optional.
    Weekly times change one slot at a time (which slot, and what it becomes); a second language gets its own
    title and summary."""
    german = settings.default_language
    taxonomy = catalogue.taxonomy
    others = tuple(language.name for language in settings.languages if language.code != german)
    empty = "Leer lassen, wenn es so bleibt."
    return [
        FormField(
            "offer_id",
            CHANGE_ID_LABEL,
            "input",
            "id",
            True,
            "Steht in der Adresse der Angebotsseite: …/offers/KENNUNG/",
        ),
        FormField("title", "Neuer Titel (Deutsch)", "input", f"title.{german}", description=empty),
        FormField(
            "summary", "Neue Kurzbeschreibung (ein bis zwei Sätze)", "textarea", f"summary.{german}", description=empty
        ),
        FormField(
            "description", "Neue Beschreibung", "textarea", f"description.{german}", description=empty + " Kein HTML."
        ),
        FormField(
            "categories",
            "Lebensphase / Bereich (ersetzt die bisherigen)",
            "dropdown",
            "categories",
            options=tuple(term.label.get(german, term.id) for term in taxonomy.categories),
            multiple=True,
        ),
        FormField(
            "target_groups",
            "Für wen? (ersetzt die bisherigen)",
            "dropdown",
            "target_groups",
            options=tuple(term.label.get(german, term.id) for term in taxonomy.target_groups),
            multiple=True,
        ),
        FormField("age_min", "Alter ab (Jahre, nur die Zahl)", "input", "age_min"),
        FormField("age_max", "Alter bis (Jahre, nur die Zahl)", "input", "age_max"),
        FormField("german_level", "Nötige Deutschkenntnisse", "dropdown", "german_level", options=tuple(LEVELS)),
        FormField("mode", "Vor Ort oder online", "dropdown", "mode", options=tuple(MODES)),
        FormField(
            "locations",
            "Orte (ersetzen die bisherigen; der Stadtteil steht dabei)",
            "dropdown",
            "locations",
            description="Der Stadtteil des Orts bestimmt, wo Leser das Angebot "
            "finden. Fehlt ein Ort, schreiben Sie uns bitte.",
            options=tuple(location_choices(catalogue, settings)),
            multiple=True,
        ),
        FormField(
            "weekly_old",
            "Welche wöchentliche Zeit ändert sich?",
            "input",
            "schedule.weekly",
            description="So, wie sie jetzt auf der Seite steht, z. B. „Donnerstag "
            "16:00-17:30“. Leer lassen, wenn eine Zeit dazukommt.",
            placeholder="Donnerstag 16:00-17:30",
        ),
        FormField(
            "weekly_new",
            "Neue wöchentliche Zeit",
            "input",
            "schedule.weekly",
            description="Z. B. „Donnerstag 17:00-18:30“. Leer lassen, wenn die Zeit oben wegfällt.",
            placeholder="Donnerstag 17:00-18:30",
        ),
        FormField(
            "sessions",
            "Zusätzliche einzelne Termine (eine Zeile pro Termin, z. B. „2027-03-15 17:00-19:00“)",
            "textarea",
            "schedule.sessions",
        ),
        FormField("free", "Ist das Angebot kostenlos?", "dropdown", "costs.free", options=(YES, NO)),
        FormField("amount", "Preis in Euro (nur die Zahl)", "input", "costs.amount"),
        FormField("per", "Der Preis gilt", "dropdown", "costs.per", options=tuple(PER)),
        FormField(
            "registration_required", "Ist eine Anmeldung nötig?", "dropdown", "registration.required", options=(YES, NO)
        ),
        FormField("registration_how", "Wie meldet man sich an?", "textarea", f"registration.how.{german}"),
        FormField("deadline", "Anmelden bis (JJJJ-MM-TT)", "input", "registration.deadline"),
        FormField("phone", "Telefon für Fragen", "input", "contact.phone"),
        FormField("email", "E-Mail für Fragen", "input", "contact.email"),
        FormField("website", "Website mit mehr Informationen", "input", "website"),
        FormField("valid_from", "Gültig ab (JJJJ-MM-TT)", "input", "valid_from"),
        FormField("valid_until", "Gültig bis (JJJJ-MM-TT)", "input", "valid_until"),
        FormField(
            "second_language",
            "Zweite Sprache",
            "dropdown",
            "title",
            description="Für einen Titel und eine Kurzbeschreibung in einer weiteren Sprache.",
            options=others,
        ),
        FormField("title_translation", "Titel in der zweiten Sprache", "input", "title"),
        FormField("summary_translation", "Kurzbeschreibung in der zweiten Sprache", "textarea", "summary"),
        FormField(
            "verified_by",
            "Wer hat die Angaben geprüft? (Stelle, kein privater Name nötig)",
            "input",
            "last_verified.by",
            description="Leer lassen, wenn es dieselbe Stelle ist wie beim letzten Mal.",
        ),
    ]


def _form_body(fields: Sequence[FormField], settings: Settings, introduction: str) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": introduction}}]
    for field in fields:
        attributes: dict[str, Any] = {"label": field.label}
        if field.description:
            attributes["description"] = field.description
        if field.placeholder:
            attributes["placeholder"] = field.placeholder
        if field.options:
            attributes["options"] = list(field.options)
        if field.multiple:
            attributes["multiple"] = True
        element: dict[str, Any] = {"type": field.kind, "id": field.id, "attributes": attributes}
        if field.required:
            element["validations"] = {"required": True}
        body.append(element)
    body.append(
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {
                "label": CONSENT_LABEL,
                "options": [
                    {
                        "label": "Die Angaben dürfen im Angebotskatalog und als offene "
                        f"Daten ({settings.licence}) veröffentlicht werden.",
                        "required": True,
                    }
                ],
            },
        }
    )
    return body


def change_issue_form(catalogue: Catalogue, settings: Settings) -> dict[str, Any]:
    """The change form as a mapping for `.github/ISSUE_TEMPLATE/offer-change.yml`."""
    office = settings.office or "Bildungskoordination"
    return {
        "name": "Angebot ändern",
        "description": "Eine Angabe eines bestehenden Angebots ändern, z. B. eine "
        f"Uhrzeit. Die {office} prüft es, dann wird daraus ein Vorschlag.",
        "title": "[Änderung] ",
        "labels": [OFFER_LABEL],
        "body": _form_body(
            change_form_fields(catalogue, settings),
            settings,
            (
                "Tragen Sie nur ein, was sich ändert: Jedes leere Feld bleibt, wie es ist.\n"
                "Eine wöchentliche Zeit ändern Sie so: oben die bisherige Zeit, darunter die neue. "
                "Zum Beenden eines Angebots nutzen Sie bitte das Formular "
                "„Neues oder geändertes Angebot“ (Angebot beenden)."
            ),
        ),
    }


def issue_form(catalogue: Catalogue, settings: Settings) -> dict[str, Any]:
    """The issue form as a mapping for `.github/ISSUE_TEMPLATE/offer.yml`."""
    return {
        "name": "Neues oder geändertes Angebot",
        "description": f"Für Anbieter ohne GitHub-Kenntnisse: die {settings.office or 'Bildungskoordination'} "
        "prüft es, dann wird daraus ein Vorschlag.",
        "title": "[Angebot] ",
        "labels": [OFFER_LABEL],
        "body": _form_body(
            form_fields(catalogue, settings),
            settings,
            (
                "Danke! Bitte füllen Sie aus, was Sie wissen. Die Bildungskoordination prüft Ihre Angaben; "
                "danach wird daraus automatisch ein Vorschlag für den Katalog.\n"
                "Keine persönlichen Daten von Teilnehmenden eintragen."
            ),
        ),
    }


def issue_config(settings: Settings) -> dict[str, Any]:
    """`.github/ISSUE_TEMPLATE/config.yml`: no blank issues; a link to write to the office."""
    links = []
    if settings.office_email:
        links.append(
            {
                "name": f"An die {settings.office or 'Bildungskoordination'} schreiben",
                "url": f"mailto:{settings.office_email}",
                "about": "Für Fragen, die kein Angebot im Katalog betreffen.",
            }
        )
    return {"blank_issues_enabled": False, "contact_links": links}


def form_yaml(document: Mapping[str, Any], source: Sequence[str]) -> str:
    header = "".join(f"# {line}\n" for line in source)
    return header + yaml.safe_dump(dict(document), allow_unicode=True, sort_keys=False, width=200)


GENERATED_NOTE = (
    "Written by `python -m catalogue issue-form` from schemas/offer.schema.json, data/ and mkdocs.yml.",
    "Do not edit by hand: change those files and run the command again.",
)
