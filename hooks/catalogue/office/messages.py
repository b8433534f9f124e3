"""What the office's tools and the command line say: the report, the council's summary of needs, the translation round trip and machine drafts, the regional harvest, the language command, and `catalogue check`'s summary.

German and English, as every message of the catalogue (catalogue.data.messages)."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.data.messages import MessageTable

PHRASES: Mapping[str, Mapping[str, str]] = {
    "cli.summary": {
        "en": "Checked {files} files – errors: {errors}, warnings: {warnings}, published offers: {published}",
        "de": "{files} Dateien geprüft – Fehler: {errors}, Warnungen: {warnings}, veröffentlichte Angebote: {published}",
    },
    "cli.not_published": {"en": "none until the errors are fixed", "de": "keine, solange Fehler bestehen"},
    "cli.hidden": {
        "en": "{path}: not published on {day} ({reason}); it stays in the data",
        "de": "{path}: am {day} nicht veröffentlicht ({reason}); es bleibt in den Daten",
    },
    "cli.no_config": {
        "en": "{config} not found: run the command in the site's folder or name the file with --config",
        "de": "{config} nicht gefunden: starten Sie den Befehl im Ordner der Website oder nennen Sie die Datei mit --config",
    },
    "cli.bad_config": {"en": "{config} cannot be read: {detail}", "de": "{config} kann nicht gelesen werden: {detail}"},
    "cli.no_data": {
        "en": "The data folder {folder} does not exist; it is set in mkdocs.yml under extra.catalogue.data_dir",
        "de": "Der Datenordner {folder} existiert nicht; er wird in mkdocs.yml unter extra.catalogue.data_dir festgelegt",
    },
    "cli.untranslated_summary": {
        "en": "warning: not translated into {language}: {count} files ({fully} wholly, {partly} partly); `--verbose` lists them",
        "de": "Warnung: nicht übersetzt in {language}: {count} Dateien ({fully} ganz, {partly} teilweise); `--verbose` zeigt sie einzeln",
    },
    "hidden.ended": {"en": "`status` is ended", "de": "`status` ist ended"},
    "hidden.expired": {"en": "`valid_until` {day} has passed", "de": "`valid_until` {day} ist vorbei"},
    "hidden.sessions_over": {
        "en": "its last date in `schedule.sessions`, {day}, has passed and it has no weekly times; set `status: ended` or add new dates",
        "de": "sein letzter Termin in `schedule.sessions`, {day}, ist vorbei, und es hat keine wöchentlichen Zeiten; setzen Sie `status: ended` oder tragen Sie neue Termine ein",
    },
    "hidden.not_yet": {"en": "`valid_from` {day} has not come yet", "de": "`valid_from` {day} ist noch nicht erreicht"},
    # catalogue language add|remove (office/site_languages.py)
    "language_command.unknown": {
        "de": "Für {code} bringt das Produkt keine Wörter mit (es kennt {known}). Legen Sie zuerst data/labels/{code}.yml mit allen Wörtern an.",
        "en": "The product has no words for {code} (it has {known}). Add data/labels/{code}.yml with every word first.",
    },
    "language_command.present": {
        "de": "{code} ist schon eine Sprache der Website.",
        "en": "{code} is already one of the site's languages.",
    },
    "language_command.absent": {
        "de": "{code} ist keine Sprache der Website ({known}).",
        "en": "{code} is not one of the site's languages ({known}).",
    },
    "language_command.default": {
        "de": "{code} ist die Standardsprache; sie bleibt.",
        "en": "{code} is the default language; it stays.",
    },
    "build.editor_missing": {
        "en": "The web editor (/admin/) is left out: {script} is missing. Run `make vendor` first.",
        "de": "Der Web-Editor (/admin/) fehlt: {script} ist nicht da. Führen Sie zuerst `make vendor` aus.",
    },
    "cli.unexpected": {
        "en": "Unexpected error ({detail}). This is a fault in the catalogue's program, not in your data: please report it with the command you ran.",
        "de": "Unerwarteter Fehler ({detail}). Das ist ein Fehler im Programm des Katalogs, nicht in Ihren Daten: bitte melden Sie ihn mit dem Befehl, den Sie ausgeführt haben.",
    },
    # -- the regional catalogue (`python -m catalogue region`) -----------------------------------------------------
    "region.no_towns": {
        "en": "mkdocs.yml lists no towns: add their site addresses under extra.catalogue.region.towns, e.g. 'region: {{towns: [https://bildung.musterstadt.example.org/]}}'",
        "de": "mkdocs.yml nennt keine Städte: tragen Sie deren Website-Adressen unter extra.catalogue.region.towns ein, z. B. 'region: {{towns: [https://bildung.musterstadt.example.org/]}}'",
    },
    "region.town_fresh": {
        "en": "{town} ({url}): {offers} offers from {actors} providers, licence {licence}",
        "de": "{town} ({url}): {offers} Angebote von {actors} Anbietern, Lizenz {licence}",
    },
    "region.town_stale": {
        "en": "warning: {town} ({url}) cannot be read now ({reason}); its {offers} offers are from the last copy, harvested on {day}",
        "de": "Warnung: {town} ({url}) ist gerade nicht erreichbar ({reason}); die {offers} Angebote stammen aus der letzten Abholung vom {day}",
    },
    "region.town_missing": {
        "en": "error: {url} cannot be read ({reason}) and was never harvested before, so its offers are missing; check the address in extra.catalogue.region.towns",
        "de": "Fehler: {url} ist nicht erreichbar ({reason}) und wurde noch nie abgeholt, seine Angebote fehlen daher; prüfen Sie die Adresse unter extra.catalogue.region.towns",
    },
    "region.no_licence": {
        "en": "warning: {town} ({url}) names no licence for its data; ask it under which licence the region may publish its offers",
        "de": "Warnung: {town} ({url}) nennt keine Lizenz für seine Daten; fragen Sie nach, unter welcher Lizenz die Region seine Angebote veröffentlichen darf",
    },
    "region.skipped": {
        "en": "{town}: {record} not taken over: {reason}",
        "de": "{town}: {record} nicht übernommen: {reason}",
    },
    "region.left_out": {
        "en": "{town}: {record}: `{field}` left out: {reason}",
        "de": "{town}: {record}: `{field}` weggelassen: {reason}",
    },
    "region.duplicate": {
        "en": "possible duplicate: {first} and {second} (titles {percent} % alike, same {shared}); both are kept – if they are one offer, ask one town to remove it",
        "de": "mögliche Doppelung: {first} und {second} (Titel zu {percent} % gleich, gleiche {shared}); beide bleiben – ist es ein Angebot, bitten Sie eine der Städte, es zu entfernen",
    },
    "region.shared.phone": {"en": "phone number", "de": "Telefonnummer"},
    "region.shared.email": {"en": "e-mail address", "de": "E-Mail-Adresse"},
    "region.shared.address": {"en": "address", "de": "Adresse"},
    "region.shared.provider": {"en": "provider", "de": "Anbieterin"},
    "region.shared.title": {"en": "title", "de": "Überschrift"},
    "region.written": {
        "en": "{offers} offers of {towns} towns written into {folder}; run `make check` and build the site as usual",
        "de": "{offers} Angebote aus {towns} Städten in {folder} geschrieben; prüfen Sie sie mit `make check` und bauen Sie die Website wie gewohnt",
    },
    # -- the office's report and the translation exchange -------------------------------------------------------
    "report.title": {
        "en": "Freshness and translations of {site} on {day}",
        "de": "Aktualität und Übersetzungen von {site} am {day}",
    },
    "report.stale": {
        "en": "Offers not checked for more than {months} months: {count}",
        "de": "Angebote, die seit mehr als {months} Monaten nicht geprüft wurden: {count}",
    },
    "report.stale_line": {"en": "last checked {date} by {by}", "de": "zuletzt geprüft am {date} von {by}"},
    "report.ending": {
        "en": "Offers ending in the next {days} days: {count}",
        "de": "Angebote, die in den nächsten {days} Tagen enden: {count}",
    },
    "report.ending_line": {"en": "ends {date}", "de": "endet am {date}"},
    "report.not_yet_valid": {"en": "Offers not yet valid: {count}", "de": "Angebote, die noch nicht gelten: {count}"},
    "report.not_yet_valid_line": {"en": "valid from {date}", "de": "gilt ab {date}"},
    "report.sessions_over": {
        "en": "Offers whose dates have all passed (no longer on the site): {count}",
        "de": "Angebote, deren Termine alle vorbei sind (nicht mehr auf der Website): {count}",
    },
    "report.sessions_over_line": {"en": "last date {date} passed", "de": "letzter Termin am {date} vorbei"},
    "report.sessions_over_note": {
        "en": "They have dated sessions only, all past, and no weekly times, so the site shows them as ended. "
        "Ask the provider for new dates, or set `status: ended`.",
        "de": "Sie haben nur einzelne Termine, alle vorbei, und keine wöchentlichen Zeiten; die Website zeigt sie "
        "deshalb als beendet. Fragen Sie den Anbieter nach neuen Terminen, oder setzen Sie `status: ended`.",
    },
    "report.translations": {"en": "Translations", "de": "Übersetzungen"},
    "report.languages": {"en": "Languages: coverage and review", "de": "Sprachen: Abdeckung und Prüfung"},
    "report.coverage_line": {
        "en": "{covered} of {total} offers ({percent} %) with title, summary and who may take part in the language",
        "de": "{covered} von {total} Angeboten ({percent} %) mit Titel, Kurzbeschreibung und Teilnahmebedingungen in der Sprache",
    },
    "report.to_review": {
        "en": "to review: no native reader has checked its words",
        "de": "zu prüfen: noch keine Muttersprachlerin und kein Muttersprachler hat die Wörter geprüft",
    },
    "report.languages_note": {
        "en": "To review: have a native reader go through the review checklist in the product's docs/towns/languages.md and write their name into `reviewed:` of the language's labels file; until then the site marks the language as a preview.",
        "de": "Zu prüfen: Eine Person mit dieser Muttersprache geht die Prüfliste in docs/towns/languages.md des Produkts durch und trägt ihren Namen unter `reviewed:` in die Wörterdatei der Sprache ein; bis dahin zeigt die Website die Sprache als Vorschau.",
    },
    "report.translations_note": {
        "en": "Offers count the published ones. Words: German words still to translate or to check again.",
        "de": "Bei Angeboten zählen die veröffentlichten. Wörter: deutsche Wörter, die noch zu übersetzen oder erneut zu prüfen sind.",
    },
    "report.none": {"en": "none", "de": "keine"},
    "report.more": {"en": "… and {count} more (see the CSV)", "de": "… und {count} weitere (siehe CSV)"},
    "report.no_contact": {"en": "no contact given", "de": "kein Kontakt angegeben"},
    "report.column.language": {"en": "language", "de": "Sprache"},
    "report.csv.section": {"en": "section", "de": "Abschnitt"},
    "report.csv.language": {"en": "language", "de": "Sprache"},
    "report.csv.kind": {"en": "kind", "de": "Art"},
    "report.csv.id": {"en": "id", "de": "Kennung"},
    "report.csv.title": {"en": "title", "de": "Titel"},
    "report.csv.file": {"en": "file", "de": "Datei"},
    "report.csv.provider": {"en": "provider", "de": "Anbieter"},
    "report.csv.status": {"en": "status", "de": "Stand"},
    "report.csv.date": {"en": "date", "de": "Datum"},
    "report.csv.words": {"en": "words", "de": "Wörter"},
    "report.csv.phone": {"en": "phone", "de": "Telefon"},
    "report.csv.email": {"en": "email", "de": "E-Mail"},
    "report.csv.section.stale": {"en": "stale", "de": "lange nicht geprüft"},
    "report.csv.section.ending": {"en": "ending", "de": "endet bald"},
    "report.csv.section.sessions_over": {
        "en": "dates passed, off the site",
        "de": "Termine vorbei, nicht mehr auf der Website",
    },
    "report.csv.section.not_yet_valid": {"en": "not yet valid", "de": "noch nicht gültig"},
    "report.csv.section.translation": {"en": "translation", "de": "Übersetzung"},
    "report.csv.section.need_open": {"en": "open need", "de": "offener Bedarf"},
    "report.csv.section.need_unmet": {"en": "need without an offer", "de": "Bedarf ohne Angebot"},
    "report.csv.section.waiting_list": {"en": "waiting list", "de": "Warteliste"},
    "report.csv.kind.need": {"en": "need", "de": "Bedarf"},
    "report.csv.status.open": {"en": "open", "de": "offen"},
    "report.csv.status.addressed": {"en": "addressed", "de": "erledigt"},
    "report.csv.kind.offer": {"en": "offer", "de": "Angebot"},
    "report.csv.kind.actor": {"en": "provider", "de": "Anbieter"},
    "report.csv.kind.news": {"en": "news", "de": "Nachricht"},
    "report.csv.status.active": {"en": "active", "de": "aktiv"},
    "report.csv.status.paused": {"en": "paused", "de": "pausiert"},
    "report.csv.status.ended": {"en": "ended", "de": "beendet"},
    "report.column.kind": {"en": "records", "de": "Einträge"},
    "report.column.current": {"en": "up to date", "de": "aktuell"},
    "report.column.outdated": {"en": "outdated", "de": "veraltet"},
    "report.column.machine": {"en": "machine, unchecked", "de": "maschinell, ungeprüft"},
    "report.column.missing": {"en": "missing", "de": "fehlt"},
    "report.column.words": {"en": "words to translate", "de": "zu übersetzende Wörter"},
    "report.kind.offer": {"en": "offers", "de": "Angebote"},
    "report.kind.actor": {"en": "providers", "de": "Anbieter"},
    "report.kind.news": {"en": "news", "de": "Aktuelles"},
    "needs.open": {"en": "Open needs: {count}", "de": "Offene Bedarfe: {count}"},
    "needs.open_line": {
        "en": "{title} ({where}) – about {people} people, reported {days} days ago, {source}, by {by} – {file}",
        "de": "{title} ({where}) – etwa {people} Personen, vor {days} Tagen gemeldet, {source}, von {by} – {file}",
    },
    "needs.whole_town": {"en": "whole town", "de": "ganze Stadt"},
    "needs.source.waiting_list": {"en": "waiting list", "de": "Warteliste"},
    "needs.source.counselling": {"en": "counselling statistics", "de": "Beratungsstatistik"},
    "needs.source.survey": {"en": "survey", "de": "Befragung"},
    "needs.source.network_meeting": {"en": "network meeting", "de": "Netzwerktreffen"},
    "needs.source.site_requests": {"en": "requests from the site", "de": "Anfragen über die Website"},
    "needs.source.other": {"en": "other", "de": "Sonstiges"},
    "needs.unmet": {
        "en": "Open needs no published offer meets in their topic, district and ages: {count}",
        "de": "Offene Bedarfe, die kein veröffentlichtes Angebot in Thema, Stadtteil und Alter deckt: {count}",
    },
    "needs.waiting": {"en": "Offers with a waiting list: {count}", "de": "Angebote mit Warteliste: {count}"},
    "needs.waiting_line": {
        "en": "{title} – {waiting} waiting, as of {date}{old}",
        "de": "{title} – {waiting} auf der Warteliste, Stand {date}{old}",
    },
    "needs.waiting_old": {
        "en": " (older than 3 months: not shown on the site; ask the provider)",
        "de": " (älter als 3 Monate: nicht mehr auf der Website; beim Anbieter nachfragen)",
    },
    "needs.site_requests_title": {"en": "Requests from the site", "de": "Anfragen über die Website"},
    "needs.site_requests": {
        "en": (
            "Readers who find nothing write to the office's address or call it from the 'Not found?' line; the site "
            "stores nothing. Collect such e-mails and calls for a month; where several ask for the same thing, add a "
            "file data/needs/<yyyy-mm>-<short-name>.yml (or use 'Bedarfe' in the web editor) with source: site_requests, "
            "reported_by: the office, the number of people who asked, and no names or e-mail addresses."
        ),
        "de": (
            "Wer auf der Website nichts findet, schreibt über die Zeile „Nicht gefunden?“ an die Adresse der "
            "Bildungskoordination oder ruft an; die Website speichert nichts. Sammeln Sie solche E-Mails und Anrufe einen "
            "Monat lang; fragen mehrere nach demselben, legen Sie eine Datei data/needs/<jjjj-mm>-<kurzname>.yml an (oder "
            "„Bedarfe“ im Web-Editor) mit source: site_requests, reported_by: die Bildungskoordination, der Zahl der "
            "Anfragenden – ohne Namen und E-Mail-Adressen."
        ),
    },
    "council.title": {"en": "Needs and offers in {town} on {day}", "de": "Bedarfe und Angebote in {town} am {day}"},
    "council.open": {
        "en": "The coordination office knows of {count} open needs with about {people} people (of {recorded} needs recorded); {offers} offers are published.",
        "de": "Die Bildungskoordination kennt {count} offene Bedarfe mit etwa {people} Personen (von {recorded} erfassten Bedarfen); {offers} Angebote sind veröffentlicht.",
    },
    "council.gaps": {"en": "The largest gaps", "de": "Die größten Lücken"},
    "council.people": {"en": "{people} people in need", "de": "{people} Personen mit Bedarf"},
    "council.against_seats": {"en": "{seats} places in matching offers", "de": "{seats} Plätze in passenden Angeboten"},
    "council.against_offers": {
        "en": "matching offers: {offers}, places unknown",
        "de": "passende Angebote: {offers}, Plätze unbekannt",
    },
    "council.waiting": {
        "en": "Waiting lists (people, numbers of the last 3 months): {lists}.",
        "de": "Wartelisten (Personen, Angaben der letzten 3 Monate): {lists}.",
    },
    "council.limits": {
        "en": "The numbers count the needs the office has recorded from waiting lists, counselling, surveys, network meetings and requests; they are estimates, not a survey of all residents, and a need nobody reported is missing.",
        "de": "Die Zahlen zählen die Bedarfe, die die Bildungskoordination aus Wartelisten, Beratung, Befragungen, Netzwerktreffen und Anfragen erfasst hat; es sind Schätzungen, keine Erhebung aller Einwohner, und ein Bedarf, den niemand gemeldet hat, fehlt.",
    },
    "cli.data_errors": {
        "en": "The data has errors; run `make check` and fix them first. Nothing was written.",
        "de": "Die Daten haben Fehler; starten Sie `make check` und beheben Sie sie zuerst. Es wurde nichts geschrieben.",
    },
    "translations.unknown_language": {
        "en": "'{language}' is not a language of this site ({languages}); name one of them with --to",
        "de": "'{language}' ist keine Sprache dieser Website ({languages}); nennen Sie eine davon mit --to",
    },
    "translations.default_language": {
        "en": "{language} is the site's source language; translations go into the other languages",
        "de": "{language} ist die Ausgangssprache der Website; übersetzt wird in die anderen Sprachen",
    },
    "translations.exported": {
        "en": "wrote {count} texts ({words} German words) of {records} records for {language} to {file}",
        "de": "{count} Texte ({words} deutsche Wörter) aus {records} Einträgen für {language} nach {file} geschrieben",
    },
    "translations.unreadable": {
        "en": "{file}: {detail} Nothing was imported.",
        "de": "{file}: {detail} Es wurde nichts übernommen.",
    },
    "exchange.unreadable": {
        "en": "the file cannot be read ({detail}).",
        "de": "die Datei lässt sich nicht lesen ({detail}).",
    },
    "exchange.too_big": {
        "en": "the file is larger than {megabytes} MB; no translation file of this catalogue is that large. Export a new one with `translations export`.",
        "de": "die Datei ist größer als {megabytes} MB; so groß wird keine Übersetzungsdatei dieses Katalogs. Exportieren Sie eine neue mit `translations export`.",
    },
    "exchange.not_utf8": {
        "en": 'the file is not saved as UTF-8, and its encoding cannot be told for sure. In Excel: File > Save As > file type "CSV UTF-8 (Comma delimited)", then import that file. The translations stay.',
        "de": "die Datei ist nicht als UTF-8 gespeichert, und ihre Kodierung lässt sich nicht sicher erkennen. In Excel: Datei > Speichern unter > Dateityp „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und diese Datei importieren. Die Übersetzungen bleiben erhalten.",
    },
    "exchange.broken_xml": {
        "en": "not a translation file this catalogue wrote: the XML is broken near line {line}. Export a new one with `translations export`.",
        "de": "keine Übersetzungsdatei aus diesem Katalog: das XML ist in der Nähe von Zeile {line} beschädigt. Exportieren Sie eine neue mit `translations export`.",
    },
    "exchange.doctype": {
        "en": "not a translation file this catalogue wrote: it declares a DOCTYPE, which XLIFF files never need.",
        "de": "keine Übersetzungsdatei aus diesem Katalog: sie enthält eine DOCTYPE-Angabe, die XLIFF-Dateien nie brauchen.",
    },
    "exchange.not_xliff": {
        "en": "not a translation file this catalogue wrote: the XML is no XLIFF 1.2 or 2.x file. Export a new one with `translations export`.",
        "de": "keine Übersetzungsdatei aus diesem Katalog: das XML ist keine XLIFF-1.2- oder -2.x-Datei. Exportieren Sie eine neue mit `translations export`.",
    },
    "exchange.mixed_languages": {
        "en": "the file mixes several language pairs ({pairs}); one file holds one language.",
        "de": "die Datei mischt mehrere Sprachpaare ({pairs}); eine Datei enthält eine Sprache.",
    },
    "exchange.csv_header": {
        "en": "not a translation file this catalogue wrote: the first row must be id, file, field, fingerprint, status, the source language, current <language>, <language>. Export a new one with `translations export`.",
        "de": "keine Übersetzungsdatei aus diesem Katalog: die erste Zeile muss id, file, field, fingerprint, status, die Ausgangssprache, current <Sprache>, <Sprache> lauten. Exportieren Sie eine neue mit `translations export`.",
    },
    "exchange.csv_cells": {
        "en": "row {row} has {cells} cells, the first row {expected}; a cell may have lost its quotes.",
        "de": "Zeile {row} hat {cells} Zellen, die erste Zeile {expected}; vielleicht fehlen einer Zelle ihre Anführungszeichen.",
    },
    "exchange.csv_cell_too_long": {
        "en": "row {row} has a cell longer than {limit} characters; no text of the catalogue is that long.",
        "de": "Zeile {row} hat eine Zelle mit mehr als {limit} Zeichen; so lang ist kein Text des Katalogs.",
    },
    "exchange.csv_broken": {
        "en": "the CSV cannot be read (a cell too long, or quotes that do not close).",
        "de": "die CSV-Datei lässt sich nicht lesen (eine Zelle zu lang oder Anführungszeichen, die nicht schließen).",
    },
    "exchange.csv_duplicate": {
        "en": "row {row} gives the same text as row {first} again; keep one of the two rows.",
        "de": "Zeile {row} enthält denselben Text wie Zeile {first} noch einmal; behalten Sie eine der beiden Zeilen.",
    },
    "translations.refused": {
        "en": "{file}: nothing was imported, {count} found:",
        "de": "{file}: nichts wurde importiert, {count} gefunden:",
    },
    "translations.unknown_id": {
        "en": "unit {unit}: no such text in the catalogue (renamed or deleted since the export?); leave the unit out or export again",
        "de": "Einheit {unit}: diesen Text gibt es im Katalog nicht (seit dem Export umbenannt oder gelöscht?); lassen Sie die Einheit weg oder exportieren Sie neu",
    },
    "translations.wrong_language": {
        "en": "the file translates from {source} into {target}, but the site's source language is {default} and its languages are {languages}",
        "de": "die Datei übersetzt aus {source} nach {target}, aber die Ausgangssprache der Website ist {default} und ihre Sprachen sind {languages}",
    },
    "translations.source_changed": {
        "en": "unit {unit} ({file}): the German text changed since the export; export again and translate the new text",
        "de": "Einheit {unit} ({file}): der deutsche Text hat sich seit dem Export geändert; exportieren Sie neu und übersetzen Sie den neuen Text",
    },
    "translations.too_long": {
        "en": "unit {unit}: the translation has {length} characters, at most {limit} fit; shorten it",
        "de": "Einheit {unit}: die Übersetzung hat {length} Zeichen, höchstens {limit} passen; kürzen Sie sie",
    },
    "translations.refused_text": {
        "en": "unit {unit}: the translation {reason}, which the catalogue does not publish; correct it",
        "de": "Einheit {unit}: die Übersetzung {reason}, was der Katalog nicht veröffentlicht; korrigieren Sie sie",
    },
    "translations.reason.control": {
        "en": "holds the invisible control character {found}",
        "de": "enthält das unsichtbare Steuerzeichen {found}",
    },
    "translations.reason.direction": {
        "en": "holds the direction control {found}",
        "de": "enthält das Richtungszeichen {found}",
    },
    "translations.reason.html": {"en": "holds HTML ({found})", "de": "enthält HTML ({found})"},
    "translations.reason.link": {
        "en": "holds a link that is not allowed ({found})",
        "de": "enthält einen nicht erlaubten Link ({found})",
    },
    "translations.reason.markup": {
        "en": "holds markup that readers would see as is ({found})",
        "de": "enthält Auszeichnung, die Leser so sähen ({found})",
    },
    "translations.imported": {
        "en": "imported {count} into {files} for {language}; {complete} now fully translated",
        "de": "{count} in {files} für {language} übernommen; {complete} jetzt vollständig übersetzt",
    },
    "translations.unchanged": {
        "en": "{file}: every translation in the file is already in the data; nothing was changed",
        "de": "{file}: alle Übersetzungen der Datei stehen schon so in den Daten; nichts wurde geändert",
    },
    "translations.nothing": {
        "en": "{file}: no unit has a translation yet; nothing was changed",
        "de": "{file}: keine Einheit enthält schon eine Übersetzung; nichts wurde geändert",
    },
    "machine.no_key": {
        "en": "Machine translation is off: set the environment variable {variable} to a DeepL API key to turn it on",
        "de": "Maschinelle Übersetzung ist aus: setzen Sie die Umgebungsvariable {variable} auf einen DeepL-API-Schlüssel, um sie einzuschalten",
    },
    "machine.unsupported": {
        "en": "{provider} does not translate into {language}; those texts stay for a human translator",
        "de": "{provider} übersetzt nicht nach {language}; diese Texte bleiben für eine Übersetzerin oder einen Übersetzer",
    },
    "machine.failed": {
        "en": "{provider} did not answer as expected ({detail}); nothing was written",
        "de": "{provider} hat nicht wie erwartet geantwortet ({detail}); nichts wurde geschrieben",
    },
    "machine.refused": {
        "en": "{provider} returned texts the catalogue does not publish; nothing was written, {count} found:",
        "de": "{provider} hat Texte geliefert, die der Katalog nicht veröffentlicht; nichts wurde geschrieben, {count} gefunden:",
    },
    "machine.done": {
        "en": "{count} texts ({characters} characters) machine-translated into {language} in {files} files, marked as unchecked; {left} texts left for the next run (budget {budget} characters)",
        "de": "{count} Texte ({characters} Zeichen) maschinell nach {language} übersetzt in {files} Dateien, als ungeprüft markiert; {left} Texte bleiben für den nächsten Lauf (Budget {budget} Zeichen)",
    },
}

TABLE = MessageTable(phrases=PHRASES)
