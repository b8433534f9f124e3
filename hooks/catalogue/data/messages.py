"""Every message the checks print, in English and German, and the words used to describe values in them.

A message has two parts: what is wrong, and how to fix it. Both are written for the people who keep the data up to
date - staff of a Kita, a club or a school office - not for programmers. Placeholders in braces are filled in by
Messages.problem(); a literal brace is written twice.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

from babel import Locale

from catalogue.data.problems import Problem, Severity

MESSAGE_LANGUAGES = ("en", "de")
"""Languages the checks can speak. Any other site language gets English messages."""

MESSAGES: Mapping[str, Mapping[str, tuple[str, str]]] = {
    # -- reading the file -------------------------------------------------------------------------------------
    "file.unreadable": {
        "en": ("The file cannot be read ({detail})", "check that the file exists and that you may read it"),
        "de": ("Die Datei kann nicht gelesen werden ({detail})", "prüfen Sie, ob die Datei existiert und lesbar ist"),
    },
    "file.yaml_extension": {
        "en": ("Data files end in .yml, but this one ends in .yaml, so it is not read", "rename it to {name}"),
        "de": (
            "Datendateien enden auf .yml, diese endet auf .yaml und wird daher nicht gelesen",
            "benennen Sie sie um in {name}",
        ),
    },
    "file.symlink": {
        "en": (
            "This is a symbolic link; the catalogue neither follows links nor publishes them",
            "put the file itself here instead of the link, or delete the link",
        ),
        "de": (
            "Das ist eine symbolische Verknüpfung (Symlink); der Katalog folgt keinen Verknüpfungen und veröffentlicht sie nicht",
            "legen Sie statt der Verknüpfung die Datei selbst hierher, oder löschen Sie die Verknüpfung",
        ),
    },
    "file.not_published": {
        "en": (
            "{name} is not published from {folder}: only PNG, JPEG and WebP images and Markdown pages are, since web pages, SVG images and scripts there would run in readers' browsers and could reach the editor's sign-in",
            "save the image as PNG, JPEG or WebP, or write the page as Markdown (.md), and delete {name}",
        ),
        "de": (
            "{name} wird aus {folder} nicht veröffentlicht: nur PNG-, JPEG- und WebP-Bilder und Markdown-Seiten, denn Webseiten, SVG-Bilder und Skripte darin würden im Browser der Lesenden laufen und könnten an die Anmeldung des Editors gelangen",
            "speichern Sie das Bild als PNG, JPEG oder WebP oder schreiben Sie die Seite als Markdown (.md), und löschen Sie {name}",
        ),
    },
    "file.not_data": {
        "en": (
            "{name} does not belong in {folder}, which holds only the catalogue's YAML files and notes",
            "move it out of {folder} or delete it; images (PNG, JPEG, WebP) belong in {images}",
        ),
        "de": (
            "{name} gehört nicht nach {folder}; dort liegen nur die YAML-Dateien des Katalogs und Notizen",
            "verschieben Sie die Datei aus {folder} oder löschen Sie sie; Bilder (PNG, JPEG, WebP) gehören nach {images}",
        ),
    },
    "file.misplaced_offer": {
        "en": (
            "Offer files live in a folder named after their provider: data/offers/<actor>/<id>.yml",
            "move the file into its provider's folder, e.g. {example}",
        ),
        "de": (
            "Angebotsdateien liegen im Ordner ihres Anbieters: data/offers/<actor>/<id>.yml",
            "verschieben Sie die Datei in den Ordner ihres Anbieters, z. B. {example}",
        ),
    },
    "taxonomy.no_districts": {
        "en": ("`districts` is missing", "add the town's districts under `districts:`, each with an `id` and a `label`"),
        "de": ("`districts` fehlt", "tragen Sie die Stadtteile unter `districts:` ein, jeden mit `id` und `label`"),
    },
    "file.missing_taxonomy": {
        "en": ("{file} is missing", "add it: it holds the categories, target groups and districts"),
        "de": ("{file} fehlt", "legen Sie die Datei an: sie enthält Kategorien, Zielgruppen und Stadtteile"),
    },
    "yaml.too_large": {
        "en": (
            "The file is {size} KiB, more than the {limit} KiB a data file may have",
            "split it into several smaller files",
        ),
        "de": (
            "Die Datei ist {size} KiB groß, mehr als die erlaubten {limit} KiB",
            "teilen Sie sie auf mehrere kleinere Dateien auf",
        ),
    },
    "yaml.not_utf8": {
        "en": (
            "The file is not saved as UTF-8: here is the first character that cannot be read",
            "save the file with the encoding UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
        ),
        "de": (
            "Die Datei ist nicht als UTF-8 gespeichert: hier steht das erste Zeichen, das nicht gelesen werden kann",
            "speichern Sie die Datei mit der Kodierung UTF-8 (in den meisten Editoren: „Speichern mit Kodierung“ → UTF-8)",
        ),
    },
    "yaml.control_char": {
        "en": (
            "The file contains an invisible control character ({code})",
            "delete it; it often comes from copying text out of a PDF or a word processor",
        ),
        "de": (
            "Die Datei enthält ein unsichtbares Steuerzeichen ({code})",
            "löschen Sie es; es stammt oft aus Text, der aus einem PDF oder einer Textverarbeitung kopiert wurde",
        ),
    },
    "yaml.tab": {
        "en": (
            "A tab is used for indentation, but YAML allows only spaces",
            "replace the tab with spaces (two per level)",
        ),
        "de": (
            "Zum Einrücken wird ein Tabulator benutzt, YAML erlaubt aber nur Leerzeichen",
            "ersetzen Sie den Tabulator durch Leerzeichen (zwei je Ebene)",
        ),
    },
    "yaml.colon": {
        "en": (
            "This value contains a colon followed by a space but is not in quotes, so it reads as a new field",
            "put the whole value in double quotes: {example}",
        ),
        "de": (
            "Dieser Wert enthält einen Doppelpunkt mit Leerzeichen, steht aber nicht in Anführungszeichen und wird daher als neues Feld gelesen",
            "setzen Sie den ganzen Wert in doppelte Anführungszeichen: {example}",
        ),
    },
    "yaml.unclosed_quote": {
        "en": ("The quote {quote} opened here is never closed", "add the closing {quote} at the end of the value"),
        "de": (
            "Das hier geöffnete Anführungszeichen {quote} wird nie geschlossen",
            "setzen Sie das schließende {quote} ans Ende des Werts",
        ),
    },
    "yaml.bad_escape": {
        "en": (
            "A backslash \\ inside double quotes starts a special character code, and this one is not valid",
            "put the value in single quotes instead, or write the backslash twice (\\\\)",
        ),
        "de": (
            "Ein umgekehrter Schrägstrich \\ in doppelten Anführungszeichen leitet einen Sonderzeichen-Code ein, und dieser ist ungültig",
            "setzen Sie den Wert in einfache Anführungszeichen oder schreiben Sie den Schrägstrich doppelt (\\\\)",
        ),
    },
    "yaml.reserved_start": {
        "en": ("A value cannot start with {char} unless it is in quotes", "put the whole value in double quotes"),
        "de": (
            "Ein Wert darf nur in Anführungszeichen mit {char} beginnen",
            "setzen Sie den ganzen Wert in doppelte Anführungszeichen",
        ),
    },
    "yaml.missing_colon": {
        "en": (
            "This line has no colon, so it is neither a field (name: value) nor part of the text above",
            "add ': ' after the field name, or indent the line further if it continues the text above",
        ),
        "de": (
            "Diese Zeile hat keinen Doppelpunkt, ist also weder ein Feld (Name: Wert) noch Teil des Textes darüber",
            "setzen Sie ': ' hinter den Feldnamen oder rücken Sie die Zeile weiter ein, wenn sie den Text darüber fortsetzt",
        ),
    },
    "yaml.indentation": {
        "en": (
            "This line does not line up with the lines above it",
            "indent it by the same number of spaces as the other fields at the same level",
        ),
        "de": (
            "Diese Zeile ist anders eingerückt als die Zeilen darüber",
            "rücken Sie sie um genauso viele Leerzeichen ein wie die anderen Felder derselben Ebene",
        ),
    },
    "yaml.text_after_quote": {
        "en": ("Text follows the closing quote of this value", "put the whole value inside the quotes"),
        "de": (
            "Hinter dem schließenden Anführungszeichen dieses Werts steht noch Text",
            "setzen Sie den ganzen Wert in die Anführungszeichen",
        ),
    },
    "yaml.unclosed_bracket": {
        "en": (
            "The list or group opened with {bracket} here is not closed",
            "add the closing {closing}, or write one entry per line without brackets",
        ),
        "de": (
            "Die hier mit {bracket} geöffnete Liste oder Gruppe wird nicht geschlossen",
            "ergänzen Sie das schließende {closing} oder schreiben Sie einen Eintrag je Zeile ohne Klammern",
        ),
    },
    "yaml.syntax": {
        "en": (
            "The file cannot be read from here on ({detail})",
            "check the indentation and the quotes on this line and the line above",
        ),
        "de": (
            "Die Datei kann ab hier nicht gelesen werden ({detail})",
            "prüfen Sie Einrückung und Anführungszeichen in dieser und der vorigen Zeile",
        ),
    },
    "yaml.duplicate_key": {
        "en": (
            "`{key}` appears twice at the same level: on line {first_line} and on line {line}",
            "keep one of the two and delete the other",
        ),
        "de": (
            "`{key}` steht zweimal auf derselben Ebene: in Zeile {first_line} und in Zeile {line}",
            "behalten Sie einen der beiden Einträge und löschen Sie den anderen",
        ),
    },
    "yaml.anchor": {
        "en": (
            "The anchor &{name} is not allowed: data files use no anchors and aliases",
            "delete &{name} and write every value out in full",
        ),
        "de": (
            "Der Anker &{name} ist nicht erlaubt: Datendateien verwenden keine Anker und Aliasse",
            "löschen Sie &{name} und schreiben Sie jeden Wert vollständig aus",
        ),
    },
    "yaml.alias": {
        "en": (
            "The alias *{name} is not allowed: data files use no anchors and aliases",
            "write the value out in full where *{name} stands",
        ),
        "de": (
            "Der Alias *{name} ist nicht erlaubt: Datendateien verwenden keine Anker und Aliasse",
            "schreiben Sie den Wert an der Stelle von *{name} vollständig aus",
        ),
    },
    "yaml.merge_key": {
        "en": ("The merge key << is not allowed", "write out all fields instead of merging them in with <<"),
        "de": (
            "Der Zusammenführungsschlüssel << ist nicht erlaubt",
            "schreiben Sie alle Felder aus, statt sie mit << zu übernehmen",
        ),
    },
    "yaml.tag": {
        "en": (
            "The tag {tag} is not allowed",
            "delete {tag}; write a text (in quotes if needed), a number, or true/false",
        ),
        "de": (
            "Das Tag {tag} ist nicht erlaubt",
            "löschen Sie {tag}; schreiben Sie einen Text (nötigenfalls in Anführungszeichen), eine Zahl oder true/false",
        ),
    },
    "yaml.tag_mismatch": {
        "en": ("The value {value} does not fit its tag {tag}", "delete the tag {tag} and write the value plainly"),
        "de": (
            "Der Wert {value} passt nicht zu seinem Tag {tag}",
            "löschen Sie das Tag {tag} und schreiben Sie den Wert ohne Tag",
        ),
    },
    "yaml.complex_key": {
        "en": (
            "A field name must be a plain word, not a list or group",
            "write the field name as a word followed by a colon",
        ),
        "de": (
            "Ein Feldname muss ein einfaches Wort sein, keine Liste oder Gruppe",
            "schreiben Sie den Feldnamen als Wort mit Doppelpunkt",
        ),
    },
    "yaml.too_deep": {
        "en": (
            "The lists and groups here are nested more than {limit} levels deep",
            "write them flatter: no field of the catalogue needs more than a few levels; look for brackets [ or {{ that are never closed",
        ),
        "de": (
            "Die Listen und Gruppen sind hier mehr als {limit} Ebenen tief verschachtelt",
            "schreiben Sie sie flacher: kein Feld des Katalogs braucht mehr als wenige Ebenen; suchen Sie nach Klammern [ oder {{, die nie geschlossen werden",
        ),
    },
    "yaml.several_documents": {
        "en": (
            "The file holds more than one record (a second --- on line {line})",
            "put each record in a file of its own and delete the ---",
        ),
        "de": (
            "Die Datei enthält mehr als einen Datensatz (ein zweites --- in Zeile {line})",
            "legen Sie jeden Datensatz in eine eigene Datei und löschen Sie das ---",
        ),
    },
    "yaml.empty": {
        "en": ("The file is empty", "fill it in, starting from an example file, or delete it"),
        "de": ("Die Datei ist leer", "füllen Sie sie aus, am besten nach einer Beispieldatei, oder löschen Sie sie"),
    },
    "yaml.not_mapping": {
        "en": (
            "The file must consist of fields such as `id: …`, but its top level is {actual}",
            "start each top-level line with a field name and a colon, e.g. `id: …`",
        ),
        "de": (
            "Die Datei muss aus Feldern wie `id: …` bestehen, ihre oberste Ebene ist aber {actual}",
            "beginnen Sie jede Zeile der obersten Ebene mit einem Feldnamen und Doppelpunkt, z. B. `id: …`",
        ),
    },
    # -- schema: the form of each value -----------------------------------------------------------------------
    "schema.empty": {
        "en": ("`{field}` is empty", "write a value after the colon, or delete the line"),
        "de": ("`{field}` ist leer", "schreiben Sie einen Wert hinter den Doppelpunkt oder löschen Sie die Zeile"),
    },
    "schema.type.boolean": {
        "en": ("`{field}` must be true or false, but is {actual}", "write true or false without quotes"),
        "de": (
            "`{field}` muss true oder false sein, ist aber {actual}",
            "schreiben Sie true oder false ohne Anführungszeichen",
        ),
    },
    "schema.type.string": {
        "en": ("`{field}` must be a text, but is {actual}", "put the value in double quotes: {example}"),
        "de": (
            "`{field}` muss ein Text sein, ist aber {actual}",
            "setzen Sie den Wert in doppelte Anführungszeichen: {example}",
        ),
    },
    "schema.type.integer": {
        "en": ("`{field}` must be a whole number, but is {actual}", "write a whole number without quotes, e.g. 16"),
        "de": (
            "`{field}` muss eine ganze Zahl sein, ist aber {actual}",
            "schreiben Sie eine ganze Zahl ohne Anführungszeichen, z. B. 16",
        ),
    },
    "schema.type.number": {
        "en": (
            "`{field}` must be a number, but is {actual}",
            "write a number with a dot and without quotes, e.g. 2.50",
        ),
        "de": (
            "`{field}` muss eine Zahl sein, ist aber {actual}",
            "schreiben Sie eine Zahl mit Punkt und ohne Anführungszeichen, z. B. 2.50",
        ),
    },
    "schema.type.object": {
        "en": (
            "`{field}` must be a group of fields (name: value), but is {actual}",
            "write the fields on the following lines, indented by two spaces",
        ),
        "de": (
            "`{field}` muss eine Gruppe von Feldern (Name: Wert) sein, ist aber {actual}",
            "schreiben Sie die Felder in die folgenden Zeilen, um zwei Leerzeichen eingerückt",
        ),
    },
    "schema.type.array": {
        "en": (
            "`{field}` must be a list, but is {actual}",
            "write the entries in square brackets, e.g. [a, b], or one '- entry' per line",
        ),
        "de": (
            "`{field}` muss eine Liste sein, ist aber {actual}",
            "schreiben Sie die Einträge in eckige Klammern, z. B. [a, b], oder einen Eintrag '- …' je Zeile",
        ),
    },
    "schema.type.text": {
        "en": (
            "`{field}` needs one text per language, but is {actual}",
            "write `{language}: …` on the next line, indented by two spaces, and one such line per translation",
        ),
        "de": (
            "`{field}` braucht einen Text je Sprache, ist aber {actual}",
            "schreiben Sie `{language}: …` in die nächste Zeile, um zwei Leerzeichen eingerückt, und je Übersetzung eine solche Zeile",
        ),
    },
    "schema.required_top": {
        "en": ("`{name}` is missing", "add a line `{name}: …`"),
        "de": ("`{name}` fehlt", "ergänzen Sie eine Zeile `{name}: …`"),
    },
    "schema.required": {
        "en": ("`{name}` is missing in `{parent}`", "add `{name}: …` below `{parent}`, indented"),
        "de": ("`{name}` fehlt in `{parent}`", "ergänzen Sie `{name}: …` unter `{parent}`, eingerückt"),
    },
    "schema.unknown_field": {
        "en": ("`{name}` is not a known field here", "check the spelling or delete the line; allowed here: {allowed}"),
        "de": (
            "`{name}` ist hier kein bekanntes Feld",
            "prüfen Sie die Schreibweise oder löschen Sie die Zeile; erlaubt sind hier: {allowed}",
        ),
    },
    "schema.unknown_field_suggest": {
        "en": ("`{name}` is not a known field here; did you mean `{suggestion}`?", "rename it to `{suggestion}`"),
        "de": (
            "`{name}` ist hier kein bekanntes Feld; meinten Sie `{suggestion}`?",
            "benennen Sie es um in `{suggestion}`",
        ),
    },
    "schema.enum": {
        "en": ("`{field}` is {value}, which is not one of the allowed values", "write one of: {allowed}"),
        "de": ("`{field}` ist {value}, das ist keiner der erlaubten Werte", "schreiben Sie einen von: {allowed}"),
    },
    "schema.enum_suggest": {
        "en": (
            "`{field}` is {value}, which is not one of the allowed values; did you mean {suggestion}?",
            "write {suggestion}, or one of: {allowed}",
        ),
        "de": (
            "`{field}` ist {value}, das ist keiner der erlaubten Werte; meinten Sie {suggestion}?",
            "schreiben Sie {suggestion} oder einen von: {allowed}",
        ),
    },
    "schema.date": {
        "en": (
            "`{field}` must be a date written as YYYY-MM-DD, but is {value}",
            'write year-month-day in quotes, e.g. "2026-09-01"',
        ),
        "de": (
            "`{field}` muss ein Datum in der Form JJJJ-MM-TT sein, ist aber {value}",
            'schreiben Sie Jahr-Monat-Tag in Anführungszeichen, z. B. "2026-09-01"',
        ),
    },
    "schema.date_impossible": {
        "en": ("`{field}` is {value}, a day that does not exist in the calendar", "check the day and the month"),
        "de": ("`{field}` ist {value}, diesen Tag gibt es im Kalender nicht", "prüfen Sie Tag und Monat"),
    },
    "schema.time": {
        "en": ("`{field}` must be a time written as HH:MM (24 hours), but is {value}", 'write e.g. "09:30" or "18:00"'),
        "de": (
            "`{field}` muss eine Uhrzeit in der Form HH:MM (24 Stunden) sein, ist aber {value}",
            'schreiben Sie z. B. "09:30" oder "18:00"',
        ),
    },
    "schema.url": {
        "en": (
            "`{field}` must be a web address starting with https://, but is {value}",
            "copy the full address from the browser's address bar, e.g. https://www.example.org/kurse",
        ),
        "de": (
            "`{field}` muss eine Webadresse sein, die mit https:// beginnt, ist aber {value}",
            "kopieren Sie die vollständige Adresse aus der Adresszeile des Browsers, z. B. https://www.example.org/kurse",
        ),
    },
    "schema.email": {
        "en": (
            "`{field}` is {value}, which is not an e-mail address",
            "write an address such as kurse@vhs.example.org, without mailto: and without spaces",
        ),
        "de": (
            "`{field}` ist {value}, das ist keine E-Mail-Adresse",
            "schreiben Sie eine Adresse wie kurse@vhs.example.org, ohne mailto: und ohne Leerzeichen",
        ),
    },
    "schema.phone": {
        "en": (
            "`{field}` is {value}, which is not a phone number the site can dial",
            'write only digits, spaces and + / ( ) -, best in international form, in quotes: "+49 30 12345-678"',
        ),
        "de": (
            "`{field}` ist {value}, das ist keine wählbare Telefonnummer",
            'schreiben Sie nur Ziffern, Leerzeichen und + / ( ) -, am besten international, in Anführungszeichen: "+49 30 12345-678"',
        ),
    },
    "schema.id": {
        "en": (
            "`{field}` is {value}, but an id may only contain lower-case letters, digits and single hyphens",
            "write e.g. {example}",
        ),
        "de": (
            "`{field}` ist {value}, eine ID darf aber nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten",
            "schreiben Sie z. B. {example}",
        ),
    },
    "schema.language_code": {
        "en": (
            "`{field}` contains {value}, which is not a language code",
            "use codes such as de, en, ar, fa, uk, ru, tr, ti",
        ),
        "de": (
            "`{field}` enthält {value}, das ist kein Sprachcode",
            "verwenden Sie Codes wie de, en, ar, fa, uk, ru, tr, ti",
        ),
    },
    "schema.language_key": {
        "en": (
            "`{field}` has the entry {value}, which is not a language code",
            "start each line below `{field}` with a language code such as de or en, followed by a colon",
        ),
        "de": (
            "`{field}` hat den Eintrag {value}, das ist kein Sprachcode",
            "beginnen Sie jede Zeile unter `{field}` mit einem Sprachcode wie de oder en und einem Doppelpunkt",
        ),
    },
    "schema.label_key": {
        "en": (
            "`{field}` has the entry {value}, but its names are lower-case words joined by dots, like nav.home",
            "write the name exactly as in the default language's file",
        ),
        "de": (
            "`{field}` hat den Eintrag {value}, die Namen sind aber kleingeschriebene Wörter mit Punkten dazwischen, wie nav.home",
            "schreiben Sie den Namen genau wie in der Datei der Hauptsprache",
        ),
    },
    "schema.postcode": {
        "en": ("`{field}` is {value}, but a postcode has five digits", 'write the five digits in quotes, e.g. "12345"'),
        "de": (
            "`{field}` ist {value}, eine Postleitzahl hat aber fünf Ziffern",
            'schreiben Sie die fünf Ziffern in Anführungszeichen, z. B. "12345"',
        ),
    },
    "schema.github_user": {
        "en": (
            "`{field}` contains {value}, which is not a GitHub user name",
            "write the user name as shown on github.com, without @",
        ),
        "de": (
            "`{field}` enthält {value}, das ist kein GitHub-Benutzername",
            "schreiben Sie den Benutzernamen wie auf github.com, ohne @",
        ),
    },
    "schema.fingerprint": {
        "en": (
            "`{field}` is {value}, but a fingerprint has eight characters 0–9 and a–f",
            "copy the fingerprint that the check prints",
        ),
        "de": (
            "`{field}` ist {value}, ein Fingerabdruck hat aber acht Zeichen 0–9 und a–f",
            "übernehmen Sie den Fingerabdruck, den die Prüfung ausgibt",
        ),
    },
    "schema.image_src": {
        "en": (
            "`{field}` is {value}, but an image is a file below content/assets/ in lower-case letters, ending in .jpg, .png or .webp",
            "write e.g. assets/news/werkstatt.webp",
        ),
        "de": (
            "`{field}` ist {value}, ein Bild ist aber eine Datei unter content/assets/ in Kleinbuchstaben mit der Endung .jpg, .png oder .webp",
            "schreiben Sie z. B. assets/news/werkstatt.webp",
        ),
    },
    "schema.pattern": {
        "en": ("`{field}` is {value}, which does not have the expected form", "compare it with an example file"),
        "de": ("`{field}` ist {value}, das hat nicht die erwartete Form", "vergleichen Sie mit einer Beispieldatei"),
    },
    "schema.too_short": {
        "en": ("`{field}` is {value}, shorter than the {limit} characters needed", "write a longer value"),
        "de": ("`{field}` ist {value}, kürzer als die nötigen {limit} Zeichen", "schreiben Sie einen längeren Wert"),
    },
    "schema.too_long": {
        "en": (
            "`{field}` has {length} characters, more than the {limit} allowed",
            "shorten it; details belong in the description",
        ),
        "de": (
            "`{field}` hat {length} Zeichen, mehr als die erlaubten {limit}",
            "kürzen Sie den Text; Einzelheiten gehören in die Beschreibung",
        ),
    },
    "schema.too_small": {
        "en": (
            "`{field}` is {value}, less than the smallest allowed value {limit}",
            "write a value of at least {limit}",
        ),
        "de": (
            "`{field}` ist {value}, kleiner als der kleinste erlaubte Wert {limit}",
            "schreiben Sie einen Wert von mindestens {limit}",
        ),
    },
    "schema.too_large": {
        "en": ("`{field}` is {value}, more than the largest allowed value {limit}", "write a value of at most {limit}"),
        "de": (
            "`{field}` ist {value}, größer als der größte erlaubte Wert {limit}",
            "schreiben Sie einen Wert von höchstens {limit}",
        ),
    },
    "schema.list_empty": {
        "en": ("`{field}` is an empty list", "add at least one entry"),
        "de": ("`{field}` ist eine leere Liste", "ergänzen Sie mindestens einen Eintrag"),
    },
    "schema.list_duplicates": {
        "en": ("`{field}` contains {value} more than once", "delete the repeated entry"),
        "de": ("`{field}` enthält {value} mehr als einmal", "löschen Sie den doppelten Eintrag"),
    },
    "schema.no_languages": {
        "en": ("`{field}` holds no text", "add at least the text in the site's main language: `{language}: …`"),
        "de": (
            "`{field}` enthält keinen Text",
            "ergänzen Sie mindestens den Text in der Hauptsprache: `{language}: …`",
        ),
    },
    "schema.other": {
        "en": ("`{field}` is not valid: {detail}", "compare it with an example file"),
        "de": ("`{field}` ist ungültig: {detail}", "vergleichen Sie mit einer Beispieldatei"),
    },
    # -- checks across files ----------------------------------------------------------------------------------
    "ref.id_file": {
        "en": (
            "The id {id} differs from the file name {file}",
            "change the id to {stem}, or rename the file to {expected_file}",
        ),
        "de": (
            "Die ID {id} weicht vom Dateinamen {file} ab",
            "ändern Sie die ID in {stem} oder benennen Sie die Datei um in {expected_file}",
        ),
    },
    "ref.offer_folder": {
        "en": (
            "This offer belongs to {actor} but lies in the folder {folder}",
            "move the file to {expected_folder}, or correct `actor`",
        ),
        "de": (
            "Dieses Angebot gehört zu {actor}, liegt aber im Ordner {folder}",
            "verschieben Sie die Datei nach {expected_folder} oder korrigieren Sie `actor`",
        ),
    },
    "ref.duplicate_offer": {
        "en": (
            "The offer id {id} is used twice: also in {other}",
            "give one of the two offers another id and file name",
        ),
        "de": (
            "Die Angebots-ID {id} ist doppelt vergeben: auch in {other}",
            "geben Sie einem der beiden Angebote eine andere ID und einen anderen Dateinamen",
        ),
    },
    "ref.duplicate_entry": {
        "en": ("The id {id} appears twice in `{group}`: also on line {other_line}", "give each entry its own id"),
        "de": (
            "Die ID {id} kommt in `{group}` zweimal vor: auch in Zeile {other_line}",
            "geben Sie jedem Eintrag eine eigene ID",
        ),
    },
    "ref.unknown_actor": {
        "en": (
            "`actor` is {value}, but there is no provider with this id in data/actors/",
            "{hint}write the id of an existing provider, or add {expected_file}",
        ),
        "de": (
            "`actor` ist {value}, aber in data/actors/ gibt es keinen Anbieter mit dieser ID",
            "{hint}schreiben Sie die ID eines vorhandenen Anbieters oder legen Sie {expected_file} an",
        ),
    },
    "ref.unknown_location": {
        "en": (
            "`{field}` names {value}, which is not one of the locations of {actor}",
            "{hint}use one of: {known}; or add the location to {actor_file}",
        ),
        "de": (
            "`{field}` nennt {value}, das ist keiner der Orte von {actor}",
            "{hint}verwenden Sie einen von: {known}; oder ergänzen Sie den Ort in {actor_file}",
        ),
    },
    "ref.unknown_term": {
        "en": (
            "`{field}` names {value}, which is not one of the {group} in {taxonomy_file}",
            "{hint}use one of these ids: {known}",
        ),
        "de": (
            "`{field}` nennt {value}, das gehört nicht zu {group} in {taxonomy_file}",
            "{hint}verwenden Sie eine dieser IDs: {known}",
        ),
    },
    "ref.unknown_offer": {
        "en": (
            "`offers` names {value}, but there is no offer with this id",
            "{hint}use the id of an existing offer (its file name without .yml)",
        ),
        "de": (
            "`offers` nennt {value}, aber es gibt kein Angebot mit dieser ID",
            "{hint}verwenden Sie die ID eines vorhandenen Angebots (seinen Dateinamen ohne .yml)",
        ),
    },
    "text.unknown_language": {
        "en": (
            "`{field}` has a text in {value}, but the site has no such language",
            "use one of the site's languages: {allowed}; or add the language in mkdocs.yml",
        ),
        "de": (
            "`{field}` hat einen Text in {value}, aber diese Sprache hat die Seite nicht",
            "verwenden Sie eine der Sprachen der Seite: {allowed}; oder ergänzen Sie die Sprache in mkdocs.yml",
        ),
    },
    "text.missing_default": {
        "en": (
            "`{field}` has no text in the site's main language ({language})",
            "add a line `{language}: …` below `{field}`: this text is shown wherever a translation is missing",
        ),
        "de": (
            "`{field}` hat keinen Text in der Hauptsprache der Seite ({language})",
            "ergänzen Sie eine Zeile `{language}: …` unter `{field}`: dieser Text erscheint überall, wo eine Übersetzung fehlt",
        ),
    },
    "order.valid_dates": {
        "en": ("`valid_from` ({start}) is after `valid_until` ({end})", "swap the two dates or correct one of them"),
        "de": (
            "`valid_from` ({start}) liegt nach `valid_until` ({end})",
            "vertauschen Sie die beiden Daten oder korrigieren Sie eines",
        ),
    },
    "offer.unknown_language": {
        "en": ("`languages` names {value}, which is no language code", "{hint}write an ISO 639 code such as de, en, uk, ar, fa, ti"),
        "de": ("`languages` nennt {value}, das ist kein Sprachkürzel", "{hint}schreiben Sie ein Kürzel nach ISO 639 wie de, en, uk, ar, fa, ti"),
    },
    "order.ages": {
        "en": ("`age_min` ({low}) is greater than `age_max` ({high})", "swap the two ages or correct one of them"),
        "de": (
            "`age_min` ({low}) ist größer als `age_max` ({high})",
            "vertauschen Sie die beiden Altersangaben oder korrigieren Sie eine",
        ),
    },
    "need.file_month": {
        "en": (
            "The file name {file} does not start with the month the need was reported ({month})",
            "name the file {expected} (and its `id` the same), or correct `reported`",
        ),
        "de": (
            "Der Dateiname {file} beginnt nicht mit dem Monat, in dem der Bedarf gemeldet wurde ({month})",
            "nennen Sie die Datei {expected} (und ihre `id` genauso) oder korrigieren Sie `reported`",
        ),
    },
    "need.reported_future": {
        "en": ("`reported` is {date}, a day that has not come yet", "write the day the need was reported, at the latest {today}"),
        "de": ("`reported` ist {date}, ein Tag in der Zukunft", "schreiben Sie den Tag, an dem der Bedarf gemeldet wurde, spätestens {today}"),
    },
    "need.end_before_reported": {
        "en": ("`end_date` ({end}) is before `reported` ({start})", "correct one of the two dates"),
        "de": ("`end_date` ({end}) liegt vor `reported` ({start})", "korrigieren Sie eines der beiden Daten"),
    },
    "need.addressed_without_date": {
        "en": ("The need is `addressed`, but `end_date` is missing", "add `end_date:` with the day it was addressed, in quotes, e.g. \"{today}\""),
        "de": ("Der Bedarf ist `addressed` (gedeckt), aber `end_date` fehlt", "tragen Sie `end_date:` mit dem Tag ein, an dem er gedeckt wurde, in Anführungszeichen, z. B. \"{today}\""),
    },
    "order.times": {
        "en": (
            "This time ends at {end}, which is not after its start {start}",
            "correct `start` or `end`; for an event past midnight write the end as it is on the next day, e.g. 01:00",
        ),
        "de": (
            "Dieser Termin endet um {end}, also nicht nach seinem Beginn {start}",
            "korrigieren Sie `start` oder `end`; bei Terminen über Mitternacht schreiben Sie das Ende am nächsten Tag, z. B. 01:00",
        ),
    },
    "markdown.html": {
        "en": (
            "`{field}` contains the HTML tag {tag}, but texts may not contain HTML",
            "use Markdown instead: **bold**, *italic*, [link text](https://…), '- ' for a list item",
        ),
        "de": (
            "`{field}` enthält das HTML-Tag {tag}, Texte dürfen aber kein HTML enthalten",
            "verwenden Sie Markdown: **fett**, *kursiv*, [Linktext](https://…), '- ' für einen Listenpunkt",
        ),
    },
    "markdown.dangerous_link": {
        "en": (
            "`{field}` contains a link to {target}, which could run a program in the reader's browser",
            "link only to web pages (https://…), e-mail addresses (mailto:…) or phone numbers (tel:…)",
        ),
        "de": (
            "`{field}` enthält einen Link auf {target}, der im Browser der Lesenden ein Programm ausführen könnte",
            "verlinken Sie nur Webseiten (https://…), E-Mail-Adressen (mailto:…) oder Telefonnummern (tel:…)",
        ),
    },
    "markdown.link_scheme": {
        "en": (
            "`{field}` contains a link to {target}, which readers' phones cannot open safely",
            "link only to https://, mailto: or tel: addresses, or to another page of this site",
        ),
        "de": (
            "`{field}` enthält einen Link auf {target}, den die Telefone der Lesenden nicht sicher öffnen können",
            "verlinken Sie nur https://-, mailto:- oder tel:-Adressen oder eine andere Seite dieser Website",
        ),
    },
    "labels.missing_file": {
        "en": (
            "The language {language} has no file with the words of the site's pages",
            "add {file}: copy {default_file} and translate it",
        ),
        "de": (
            "Die Sprache {language} hat keine Datei mit den Wörtern der Seiten",
            "legen Sie {file} an: kopieren Sie {default_file} und übersetzen Sie sie",
        ),
    },
    "labels.format_pattern": {
        "en": (
            "`formats.{field}` is {value}, which is no date pattern with day, month and year {weekday}",
            "write it in CLDR's letters: d day, M or MM month number, MMMM month name, y year, EEEE weekday, e.g. 'd MMMM y' or 'dd.MM.y' for `date` and 'EEEE, d MMMM y' for `full_date`",
        ),
        "de": (
            "`formats.{field}` ist {value}: kein Datumsmuster mit Tag, Monat und Jahr {weekday}",
            "schreiben Sie es mit den Buchstaben von CLDR: d Tag, M oder MM Monatszahl, MMMM Monatsname, y Jahr, EEEE Wochentag, z. B. 'd MMMM y' oder 'dd.MM.y' für `date` und 'EEEE, d MMMM y' für `full_date`",
        ),
    },
    "labels.missing_keys": {
        "en": (
            "`site` lacks entries of {default_file} ({count}): {keys}",
            "copy these lines from {default_file} into `site:` and translate them",
        ),
        "de": (
            "In `site` fehlen Einträge aus {default_file} ({count}): {keys}",
            "kopieren Sie diese Zeilen aus {default_file} unter `site:` und übersetzen Sie sie",
        ),
    },
    "labels.extra_keys": {
        "en": (
            "`site` has entries that {default_file} does not have: {keys}",
            "delete them, or add them to {default_file} and to every other language",
        ),
        "de": (
            "`site` hat Einträge, die {default_file} nicht hat: {keys}",
            "löschen Sie sie oder ergänzen Sie sie in {default_file} und in allen anderen Sprachen",
        ),
    },
    "labels.placeholders": {
        "en": (
            "`{key}` must keep the placeholders {expected} of {default_file}, but has {actual}",
            "keep the words in braces exactly as they are; only translate the text around them",
        ),
        "de": (
            "`{key}` muss die Platzhalter {expected} aus {default_file} behalten, hat aber {actual}",
            "lassen Sie die Wörter in geschweiften Klammern unverändert; übersetzen Sie nur den Text darum herum",
        ),
    },
    "labels.plural_forms": {
        "en": (
            "`{key}` has forms for some plural categories of {language} but not for {missing}; {language} counts "
            "in the categories {categories}",
            "add the missing forms, or keep only `{key}.other` if one form reads right for every number",
        ),
        "de": (
            "`{key}` hat Formen für einige Pluralkategorien von {language}, aber nicht für {missing}; {language} "
            "zählt in den Kategorien {categories}",
            "ergänzen Sie die fehlenden Formen oder behalten Sie nur `{key}.other`, wenn eine Form für jede Zahl passt",
        ),
    },
    "labels.theme_missing": {
        "en": (
            "Material for MkDocs has no interface texts for {language}, so {file} needs a `theme:` map",
            "add `theme:` to {file} with the interface texts (search, navigation, …) translated into {language}",
        ),
        "de": (
            "Material for MkDocs hat keine Oberflächentexte für {language}, daher braucht {file} einen Abschnitt `theme:`",
            "ergänzen Sie in {file} einen Abschnitt `theme:` mit den Oberflächentexten (Suche, Navigation, …) auf {language}",
        ),
    },
    # -- midnight, invisible characters, plain-text fields, e-mail addresses ----------------------------------
    "schema.time_24": {
        "en": (
            "`{field}` is 24:00, but the clock has no hour 24",
            'write "00:00" for midnight; an end earlier than the start counts as the next day',
        ),
        "de": (
            "`{field}` ist 24:00, die Uhr hat aber keine Stunde 24",
            'schreiben Sie "00:00" für Mitternacht; ein Ende vor dem Beginn gilt als am nächsten Tag',
        ),
    },
    "order.times_overnight": {
        "en": (
            "This time ends at {end}, before its start {start}, so it would end the next day, {hours} hours later",
            "correct `start` or `end`; only a session of up to {limit} hours may end on the next day",
        ),
        "de": (
            "Dieser Termin endet um {end}, vor seinem Beginn {start}, also erst am nächsten Tag, {hours} Stunden später",
            "korrigieren Sie `start` oder `end`; nur ein Termin von höchstens {limit} Stunden darf am nächsten Tag enden",
        ),
    },
    "text.control_char": {
        "en": (
            "`{field}` contains the invisible control character {code}, written as a code with a backslash",
            "delete the code (such as \\x10, \\0 or \\u001b) from the text in quotes",
        ),
        "de": (
            "`{field}` enthält das unsichtbare Steuerzeichen {code}, als Code mit umgekehrtem Schrägstrich geschrieben",
            "löschen Sie den Code (etwa \\x10, \\0 oder \\u001b) aus dem Text in Anführungszeichen",
        ),
    },
    "text.direction_control": {
        "en": (
            "`{field}` contains the invisible character {code}, which changes the direction of the text around it",
            "delete it (it often comes with text copied from a web page); the site sets the direction of every text itself",
        ),
        "de": (
            "`{field}` enthält das unsichtbare Zeichen {code}, das die Schreibrichtung des Textes um es herum ändert",
            "löschen Sie es (es kommt oft mit Text, der aus einer Webseite kopiert wurde); die Website setzt die Schreibrichtung jedes Textes selbst",
        ),
    },
    "text.plain_markup": {
        "en": (
            "`{field}` is plain text, but contains {markup}, which would be shown literally",
            "write the text without it; links and emphasis belong in the description",
        ),
        "de": (
            "`{field}` ist einfacher Text, enthält aber {markup}, das wörtlich angezeigt würde",
            "schreiben Sie den Text ohne; Links und Hervorhebungen gehören in die Beschreibung",
        ),
    },
    # -- warnings ---------------------------------------------------------------------------------------------
    "warn.stale": {
        "en": (
            "Last checked on {date}, more than {months} months ago",
            "ask the provider whether everything is still correct, then set `last_verified.date` to the day of checking",
        ),
        "de": (
            "Zuletzt geprüft am {date}, vor mehr als {months} Monaten",
            "fragen Sie beim Anbieter nach, ob alles noch stimmt, und setzen Sie dann `last_verified.date` auf den Tag der Prüfung",
        ),
    },
    "warn.untranslated": {
        "en": (
            "Not translated into: {languages}",
            "add the translations, one line such as `{example}: …` below each text",
        ),
        "de": (
            "Nicht übersetzt in: {languages}",
            "ergänzen Sie die Übersetzungen, je Text eine Zeile wie `{example}: …`",
        ),
    },
    "warn.partly_translated": {
        "en": ("Translation incomplete in {languages}: missing {fields}", "add the missing texts in these languages"),
        "de": (
            "Übersetzung unvollständig in {languages}, es fehlt: {fields}",
            "ergänzen Sie die fehlenden Texte in diesen Sprachen",
        ),
    },
    "warn.glossary": {
        "en": (
            "{found} is a form the glossary rules out for {german}",
            "write {use} ({glossary})",
        ),
        "de": (
            "{found} ist eine Form, die das Glossar für {german} ausschließt",
            "schreiben Sie {use} ({glossary})",
        ),
    },
    "warn.outdated": {
        "en": (
            "The {language} translation was made from an older {default} text",
            "update the {language} texts, then set `translation_sources.{language}` to {fingerprint}",
        ),
        "de": (
            "Die Übersetzung {language} beruht auf einem älteren {default}-Text",
            "aktualisieren Sie die {language}-Texte und setzen Sie dann `translation_sources.{language}` auf {fingerprint}",
        ),
    },
    # -- answers in one round: the final form to type, the file to rename, the folder a file belongs in --------
    "schema.time_final": {
        "en": ("`{field}` must be a time written as HH:MM in quotes, but is {value}", "write {example}"),
        "de": ("`{field}` muss eine Uhrzeit in der Form HH:MM in Anführungszeichen sein, ist aber {value}", "schreiben Sie {example}"),
    },
    "schema.date_final": {
        "en": ("`{field}` must be a date written as YYYY-MM-DD in quotes, but is {value}", "write {example}"),
        "de": ("`{field}` muss ein Datum in der Form JJJJ-MM-TT in Anführungszeichen sein, ist aber {value}", "schreiben Sie {example}"),
    },
    "schema.id_name": {
        "en": (
            "`id` is {value}, but an id may hold only lower-case letters, digits and single hyphens, and it is the file's name",
            "write id: {example}, as the file {file} is named",
        ),
        "de": (
            "`id` ist {value}, eine ID darf aber nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten und ist der Name der Datei",
            "schreiben Sie id: {example}, wie die Datei {file} heißt",
        ),
    },
    "schema.id_file": {
        "en": (
            "`id` is {value}, but an id may hold only lower-case letters, digits and single hyphens",
            "write id: {example} and rename the file {file} to {expected_file}",
        ),
        "de": (
            "`id` ist {value}, eine ID darf aber nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten",
            "schreiben Sie id: {example} und benennen Sie die Datei {file} um in {expected_file}",
        ),
    },
    "schema.required_group": {
        "en": ("`{name}` is missing", "add a line `{name}:` and below it, indented by two spaces: {lines}"),
        "de": ("`{name}` fehlt", "ergänzen Sie eine Zeile `{name}:` und darunter, um zwei Leerzeichen eingerückt: {lines}"),
    },
    "warn.need_lapsed": {
        "en": (
            "The need is still `open`, but its `end_date` {date} has passed",
            "set `status: addressed` if an offer now meets it, or move `end_date` if it is still there",
        ),
        "de": (
            "Der Bedarf ist noch `open`, aber sein `end_date` {date} ist vorbei",
            "setzen Sie `status: addressed`, wenn ein Angebot ihn jetzt deckt, oder verschieben Sie `end_date`, wenn er weiter besteht",
        ),
    },
    "warn.capacity_old": {
        "en": (
            "`capacity.as_of` is {date}, more than {months} months ago, so the site no longer shows the waiting list or 'fully booked'",
            "ask the provider for today's numbers and set `capacity.as_of` to the day you asked",
        ),
        "de": (
            "`capacity.as_of` ist {date}, länger als {months} Monate her; die Website zeigt Warteliste und „ausgebucht“ daher nicht mehr",
            "fragen Sie beim Anbieter die heutigen Zahlen nach und setzen Sie `capacity.as_of` auf den Tag der Nachfrage",
        ),
    },
    "order.capacity_future": {
        "en": ("`capacity.as_of` is {date}, a day that has not come yet", "write the day the numbers were true, at the latest {today}"),
        "de": ("`capacity.as_of` ist {date}, ein Tag in der Zukunft", "schreiben Sie den Tag, an dem die Zahlen galten, spätestens {today}"),
    },
    "order.verified_future": {
        "en": ("`last_verified.date` is {date}, a day that has not come yet", "write the day the information was checked, at the latest {today}"),
        "de": ("`last_verified.date` ist {date}, ein Tag in der Zukunft", "schreiben Sie den Tag der Prüfung, spätestens {today}"),
    },
    "file.stray": {
        "en": ("This file lies directly in {folder}, so it is not read and not published{looks}", "{advice}"),
        "de": ("Diese Datei liegt direkt in {folder}, daher wird sie nicht gelesen und nicht veröffentlicht{looks}", "{advice}"),
    },
    "file.looks_like": {
        "en": ("This file lies in {folder}, but looks like {kind}", "{advice}"),
        "de": ("Diese Datei liegt in {folder}, sieht aber aus wie {kind}", "{advice}"),
    },
    "warn.taxonomy_untranslated": {
        "en": (
            "The taxonomy has no {language} label for {count} of its {total} terms: they are shown in {default}",
            "add a line `{language}: …` below each `label:` in {file}",
        ),
        "de": (
            "Die Taxonomie hat für {count} ihrer {total} Begriffe keine Bezeichnung auf {language}: sie erscheinen auf {default}",
            "ergänzen Sie in {file} unter jedem `label:` eine Zeile `{language}: …`",
        ),
    },
    "warn.labels_left": {
        "en": ("{count} texts are still those of {source}, e.g. `{key}`: {text}", "translate them into {language}"),
        "de": ("{count} Texte sind noch die aus {source}, z. B. `{key}`: {text}", "übersetzen Sie sie in die Sprache {language}"),
    },
}

PHRASES: Mapping[str, Mapping[str, str]] = {
    "value.text": {"en": "the text {value}", "de": "der Text {value}"},
    "value.number": {"en": "the number {value}", "de": "die Zahl {value}"},
    "value.boolean": {"en": "the value {value}", "de": "der Wert {value}"},
    "value.null": {"en": "empty", "de": "leer"},
    "value.list": {"en": "a list", "de": "eine Liste"},
    "value.map": {"en": "a group of fields", "de": "eine Gruppe von Feldern"},
    "value.nothing": {"en": "empty", "de": "leer"},
    "hint.did_you_mean": {"en": "did you mean {suggestion}? ", "de": "meinten Sie {suggestion}? "},
    "format.with_weekday": {"en": "and the weekday (EEEE)", "de": "und Wochentag (EEEE)"},
    "format.without_weekday": {"en": "without the weekday", "de": "ohne Wochentag"},
    "group.categories": {"en": "categories", "de": "den Kategorien"},
    "group.target_groups": {"en": "target groups", "de": "den Zielgruppen"},
    "group.districts": {"en": "districts", "de": "den Stadtteilen"},
    "group.entitlements": {"en": "entitlements", "de": "den Berechtigungen und Gutscheinen"},
    "group.eligibility": {"en": "eligibility terms (who may take part)", "de": "den Teilnahmebedingungen (eligibility)"},
    "list.and": {"en": "and", "de": "und"},
    "list.or": {"en": "or", "de": "oder"},
    "list.more": {"en": "{count} more", "de": "{count} weitere"},
    "list.none": {"en": "none", "de": "keine"},
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
    "advice.offer": {
        "en": "move it to {folder}/offers/{actor}/",
        "de": "verschieben Sie die Datei nach {folder}/offers/{actor}/",
    },
    "advice.actor": {
        "en": "move it to {folder}/actors/",
        "de": "verschieben Sie die Datei nach {folder}/actors/",
    },
    "advice.news": {
        "en": "move it to {folder}/news/",
        "de": "verschieben Sie die Datei nach {folder}/news/",
    },
    "advice.need": {
        "en": "move it to {folder}/needs/",
        "de": "verschieben Sie die Datei nach {folder}/needs/",
    },
    "advice.unknown": {
        "en": "move it into {folder}/actors/, {folder}/offers/<actor>/ or {folder}/news/, or delete it",
        "de": "verschieben Sie sie nach {folder}/actors/, {folder}/offers/<actor>/ oder {folder}/news/, oder löschen Sie sie",
    },
    "looks.like": {"en": "; it looks like {kind}", "de": "; sie sieht aus wie {kind}"},
    "kind.offer": {"en": "an offer", "de": "ein Angebot"},
    "kind.actor": {"en": "a provider (actor)", "de": "ein Anbieter"},
    "kind.news": {"en": "a news item", "de": "eine Nachricht"},
    "kind.need": {"en": "a need", "de": "ein Bedarf"},
    # catalogue language add|remove (office/site_languages.py)
    "language_command.unknown": {
        "de": "Für {code} bringt das Produkt keine Wörter mit (es kennt {known}). Legen Sie zuerst data/labels/{code}.yml mit allen Wörtern an.",
        "en": "The product has no words for {code} (it has {known}). Add data/labels/{code}.yml with every word first.",
    },
    "language_command.present": {"de": "{code} ist schon eine Sprache der Website.", "en": "{code} is already one of the site's languages."},
    "language_command.absent": {"de": "{code} ist keine Sprache der Website ({known}).", "en": "{code} is not one of the site's languages ({known})."},
    "language_command.default": {"de": "{code} ist die Standardsprache; sie bleibt.", "en": "{code} is the default language; it stays."},
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
    "report.title": {"en": "Freshness and translations of {site} on {day}", "de": "Aktualität und Übersetzungen von {site} am {day}"},
    "report.stale": {
        "en": "Offers not checked for more than {months} months: {count}",
        "de": "Angebote, die seit mehr als {months} Monaten nicht geprüft wurden: {count}",
    },
    "report.stale_line": {"en": "last checked {date} by {by}", "de": "zuletzt geprüft am {date} von {by}"},
    "report.ending": {"en": "Offers ending in the next {days} days: {count}", "de": "Angebote, die in den nächsten {days} Tagen enden: {count}"},
    "report.ending_line": {"en": "ends {date}", "de": "endet am {date}"},
    "report.not_yet_valid": {"en": "Offers not yet valid: {count}", "de": "Angebote, die noch nicht gelten: {count}"},
    "report.not_yet_valid_line": {"en": "valid from {date}", "de": "gilt ab {date}"},
    "report.sessions_over": {
        "en": "Offers whose dates have all passed (no longer on the site): {count}",
        "de": "Angebote, deren Termine alle vorbei sind (nicht mehr auf der Website): {count}",
    },
    "report.sessions_over_line": {"en": "last date {date} passed", "de": "letzter Termin am {date} vorbei"},
    "report.sessions_over_note": {
        "en": "They have dated sessions only, all past, and no weekly times, so the site shows them as ended. Ask the provider for new dates, or set `status: ended`.",
        "de": "Sie haben nur einzelne Termine, alle vorbei, und keine wöchentlichen Zeiten; die Website zeigt sie deshalb als beendet. Fragen Sie den Anbieter nach neuen Terminen, oder setzen Sie `status: ended`.",
    },
    "report.translations": {"en": "Translations", "de": "Übersetzungen"},
    "report.languages": {"en": "Languages: coverage and review", "de": "Sprachen: Abdeckung und Prüfung"},
    "report.coverage_line": {
        "en": "{covered} of {total} offers ({percent} %) with title, summary and who may take part in the language",
        "de": "{covered} von {total} Angeboten ({percent} %) mit Titel, Kurzbeschreibung und Teilnahmebedingungen in der Sprache",
    },
    "report.to_review": {"en": "to review: no native reader has checked its words", "de": "zu prüfen: noch keine Muttersprachlerin und kein Muttersprachler hat die Wörter geprüft"},
    "report.languages_note": {
        "en": "To review: have a native reader go through the review checklist in the README and write their name into `reviewed:` of the language's labels file; until then the site marks the language as a preview.",
        "de": "Zu prüfen: Eine Person mit dieser Muttersprache geht die Prüfliste im README durch und trägt ihren Namen unter `reviewed:` in die Wörterdatei der Sprache ein; bis dahin zeigt die Website die Sprache als Vorschau.",
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
    "report.csv.section.not_yet_valid": {"en": "not yet valid", "de": "noch nicht gültig"},
    "report.csv.section.sessions_over": {"en": "dates passed, off the site", "de": "Termine vorbei, nicht mehr auf der Website"},
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
    "needs.waiting_line": {"en": "{title} – {waiting} waiting, as of {date}{old}", "de": "{title} – {waiting} auf der Warteliste, Stand {date}{old}"},
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
    "council.against_offers": {"en": "matching offers: {offers}, places unknown", "de": "passende Angebote: {offers}, Plätze unbekannt"},
    "council.waiting": {"en": "Waiting lists (people, numbers of the last 3 months): {lists}.", "de": "Wartelisten (Personen, Angaben der letzten 3 Monate): {lists}."},
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
        "en": "the file is not saved as UTF-8, and its encoding cannot be told for sure. In Excel: File > Save As > file type \"CSV UTF-8 (Comma delimited)\", then import that file. The translations stay.",
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
    "translations.reason.control": {"en": "holds the invisible control character {found}", "de": "enthält das unsichtbare Steuerzeichen {found}"},
    "translations.reason.direction": {"en": "holds the direction control {found}", "de": "enthält das Richtungszeichen {found}"},
    "translations.reason.html": {"en": "holds HTML ({found})", "de": "enthält HTML ({found})"},
    "translations.reason.link": {"en": "holds a link that is not allowed ({found})", "de": "enthält einen nicht erlaubten Link ({found})"},
    "translations.reason.markup": {"en": "holds markup that readers would see as is ({found})", "de": "enthält Auszeichnung, die Leser so sähen ({found})"},
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

COUNTED_PHRASES: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "count.problems": {"en": {"one": "{count} problem", "other": "{count} problems"}, "de": {"one": "{count} Problem", "other": "{count} Probleme"}},
    "count.texts": {"en": {"one": "{count} text", "other": "{count} texts"}, "de": {"one": "{count} Text", "other": "{count} Texte"}},
    "count.files": {"en": {"one": "{count} file", "other": "{count} files"}, "de": {"one": "{count} Datei", "other": "{count} Dateien"}},
    "count.entries": {"en": {"one": "{count} record", "other": "{count} records"}, "de": {"one": "{count} Eintrag", "other": "{count} Einträge"}},
}
"""Phrases with a number, one form per CLDR plural category (Unicode TR 35; 'other' when a category is missing)."""

_LONGEST_QUOTED_VALUE = 60
_LONGEST_LIST = 12


def message_language_for(requested: str | None, site_default: str) -> str:
    """The language of the messages: the one asked for, else the site's default language if the checks speak it."""
    for candidate in (requested, site_default):
        if candidate in MESSAGE_LANGUAGES:
            return candidate
    return "en"


def quote(value: Any) -> str:
    """A value as the author wrote it, shortened, in quotes when it is a text."""
    if isinstance(value, str):
        text = " ".join(value.split()) if "\n" in value else value
        if len(text) > _LONGEST_QUOTED_VALUE:
            text = text[: _LONGEST_QUOTED_VALUE - 1] + "…"
        return "'" + text + "'"
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


class Messages:
    """The message table in one language."""

    def __init__(self, language: str = "en") -> None:
        self.language = language if language in MESSAGE_LANGUAGES else "en"

    def problem(
        self,
        message_key: str,
        /,
        *,
        path: str,
        position: tuple[int, int],
        severity: Severity = "error",
        about: tuple[str, ...] = (),
        **values: Any,
    ) -> Problem:
        message, fix = MESSAGES[message_key][self.language]
        return Problem(
            path=path,
            line=position[0],
            column=position[1],
            severity=severity,
            message=message.format(**values),
            fix=fix.format(**values),
            key=message_key,
            about=about,
        )

    def phrase(self, key: str, **values: Any) -> str:
        return PHRASES[key][self.language].format(**values)

    def counted(self, key: str, count: int) -> str:
        """'1 Problem', '2 Probleme': the COUNTED_PHRASES form of the CLDR plural category of `count` (Babel)."""
        forms = COUNTED_PHRASES[key][self.language]
        category = Locale.parse(self.language).plural_form(count)
        return forms.get(category, forms["other"]).format(count=count)

    def describe(self, value: Any, *, as_written: str | None = None) -> str:
        """What a value is, for 'must be …, but is …': the text 'yes', the number 12, a list, empty.

        as_written: a number as it stands in the file (10.30, which YAML reads as 10.3).
        """
        if value is None:
            return self.phrase("value.null")
        if isinstance(value, bool):
            return self.phrase("value.boolean", value=quote(value))
        if isinstance(value, (int, float)):
            return self.phrase("value.number", value=as_written or quote(value))
        if isinstance(value, str):
            return self.phrase("value.text", value=quote(value)) if value else self.phrase("value.nothing")
        if isinstance(value, list):
            return self.phrase("value.list")
        return self.phrase("value.map")

    def hint(self, suggestion: str | None) -> str:
        """'did you mean …? ' before a fix, or nothing."""
        return self.phrase("hint.did_you_mean", suggestion=quote(suggestion)) if suggestion else ""

    def join(self, items: Iterable[str], *, conjunction: str = "and") -> str:
        """'a, b and c' (or 'a, b or c'); a long list is cut: 'a, b, … and 7 more'."""
        names = list(items)
        if not names:
            return self.phrase("list.none")
        if len(names) > _LONGEST_LIST:
            rest = len(names) - (_LONGEST_LIST - 1)
            names = names[: _LONGEST_LIST - 1] + [self.phrase("list.more", count=rest)]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " " + self.phrase("list." + conjunction) + " " + names[-1]
