"""The web editor's own words in plain German: overrides of Decap CMS's German locale (decap-cms-locales `de`),
registered by editor.js with `CMS.registerLocale` over Decap's phrases
(https://decapcms.org/docs/configuration-options/#locale).

Decap's German mixes English ("Login"), technical words ("Inhaltstypen", "Beitrag", "Medien") and wrong grammar
("Zurück zu allen Angebote"). The catalogue's actors are volunteers: each phrase here says what happens, in the
words the help pages use (Angebot, Anbieter, veröffentlichen). `%{…}` are Decap's placeholders, `||||` separates
its singular and plural forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EDITOR_PHRASES: Mapping[str, Any] = {
    "auth": {
        "login": "Anmelden",
        "loggingIn": "Anmeldung läuft …",
        "loginWithGitHub": "Mit GitHub anmelden",
    },
    "app": {
        "header": {"content": "Inhalte", "workflow": "Zur Prüfung", "media": "Bilder", "quickAdd": "Neu anlegen"},
        "app": {
            "errorHeader": "Der Editor konnte nicht starten.",
            "configErrors": "Fehler in der Einstellung des Editors",
            "checkConfigYml": "Bitte der Koordinierungsstelle Bescheid geben.",
            "loadingConfig": "Der Editor wird geladen …",
            "waitingBackend": "Verbindung wird hergestellt …",
        },
    },
    "collection": {
        "sidebar": {
            "collections": "Bereiche",
            "allCollections": "Alle Bereiche",
            "searchAll": "Alles durchsuchen",
            "searchIn": "Suchen in",
        },
        "collectionTop": {
            "newButton": "Neu: %{collectionLabel}",
            "newButtonAriaLabel": "Neu anlegen: %{collectionLabel}",
        },
        "entries": {
            "loadingEntries": "Einträge werden geladen …",
            "cachingEntries": "Einträge werden geladen …",
            "longerLoading": "Das kann eine Minute dauern.",
            "noEntries": "Noch keine Einträge",
        },
    },
    "editor": {
        "editorControlPane": {
            "widget": {
                "required": "„%{fieldLabel}“ fehlt noch.",
                "regexPattern": "„%{fieldLabel}“: %{pattern}",
                "range": "„%{fieldLabel}“ muss zwischen %{minValue} und %{maxValue} liegen.",
                "min": "„%{fieldLabel}“ muss mindestens %{minValue} sein.",
                "max": "„%{fieldLabel}“ darf höchstens %{maxValue} sein.",
                "rangeCount": "„%{fieldLabel}“: %{minCount} bis %{maxCount} Einträge.",
                "rangeCountExact": "„%{fieldLabel}“: genau %{count} Einträge.",
                "rangeMin": "„%{fieldLabel}“: mindestens %{minCount} Einträge.",
                "rangeMax": "„%{fieldLabel}“: höchstens %{maxCount} Einträge.",
                "pathExists": "Ein Eintrag mit dieser Kennung besteht schon.",
            },
        },
        "editor": {
            "onLeavePage": "Die Änderungen sind noch nicht gespeichert. Seite trotzdem verlassen?",
            "onPublishing": "Jetzt veröffentlichen?",
            "loadingEntry": "Eintrag wird geladen …",
            "confirmLoadBackup": "Hier gibt es noch ungespeicherte Änderungen von "
            "vorhin. Sollen sie wieder eingesetzt werden?",
        },
        "editorToolbar": {
            "publishing": "Wird veröffentlicht …",
            "publish": "Veröffentlichen",
            "published": "Veröffentlicht",
            "duplicate": "Als Vorlage für ein neues nehmen",
            "publishAndCreateNew": "Veröffentlichen und ein neues anlegen",
            "publishAndDuplicate": "Veröffentlichen und als Vorlage nehmen",
            "deleteUnpublishedChanges": "Ungespeicherte Änderungen verwerfen",
            "deleteUnpublishedEntry": "Entwurf verwerfen",
            "deletePublishedEntry": "Löschen",
            "deleteEntry": "Löschen",
            "saving": "Wird gespeichert …",
            "save": "Speichern",
            "deleting": "Wird gelöscht …",
            "updating": "Wird aktualisiert …",
            "backCollection": "Zurück zur Liste: %{collectionLabel}",
            "unsavedChanges": "Nicht gespeichert",
            "changesSaved": "Änderungen gespeichert",
            "draft": "Entwurf",
            "inReview": "Zur Prüfung",
            "ready": "Fertig",
            "publishNow": "Jetzt veröffentlichen",
        },
        "editorWidgets": {
            "datetime": {"now": "Heute", "clear": "Leeren"},
            "list": {"add": "Hinzufügen", "addType": "Hinzufügen: %{item}"},
            "image": {"choose": "Bild wählen", "chooseDifferent": "Anderes Bild wählen", "remove": "Bild entfernen"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryModal": {
            "mediaAssets": "Bilder",
            "noAssetsFound": "Keine Bilder gefunden.",
            "noResults": "Nichts gefunden.",
        },
    },
    "ui": {
        "errorBoundary": {
            "details": "Ein Fehler ist aufgetreten. Bitte der Koordinierungsstelle Bescheid geben.",
            "reportIt": "",
        },
        "toast": {
            "onFailToPersist": "Nicht gespeichert. %{details}",
            "onFailToDelete": "Nicht gelöscht. %{details}",
            "missingRequiredField": "Noch nicht gespeichert: Bitte die rot markierten Felder ausfüllen.",
            "entrySaved": "Gespeichert",
            "entryPublished": "Veröffentlicht",
            "onFailToPublishEntry": "Nicht veröffentlicht. %{details}",
            "onLoggedOut": "Sie wurden abgemeldet. Bitte kopieren Sie Ihre Texte und melden Sie sich wieder an.",
            "onBackendDown": "Der Server antwortet gerade nicht. %{details}",
        },
    },
    "workflow": {
        "workflow": {
            "workflowHeading": "Zur Prüfung",
            "newPost": "Neuer Eintrag",
            "loading": "Einträge werden geladen …",
        },
        "workflowList": {"currentEntries": "%{smart_count} Eintrag |||| %{smart_count} Einträge"},
    },
}
"""Decap's German phrases the catalogue replaces, by Decap's own keys (merged over decap-cms-locales `de`)."""
