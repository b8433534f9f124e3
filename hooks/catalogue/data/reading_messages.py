"""What reading a data file and checking it against its schema say: the file, its YAML, its texts' characters, the
schema's rules, in English and German (looked up through catalogue.data.messages.Messages)."""

from __future__ import annotations

from collections.abc import Mapping

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
    # -- answers in one round: the final form to type, the file to rename, the folder a file belongs in --------
    "schema.time_final": {
        "en": ("`{field}` must be a time written as HH:MM in quotes, but is {value}", "write {example}"),
        "de": (
            "`{field}` muss eine Uhrzeit in der Form HH:MM in Anführungszeichen sein, ist aber {value}",
            "schreiben Sie {example}",
        ),
    },
    "schema.date_final": {
        "en": ("`{field}` must be a date written as YYYY-MM-DD in quotes, but is {value}", "write {example}"),
        "de": (
            "`{field}` muss ein Datum in der Form JJJJ-MM-TT in Anführungszeichen sein, ist aber {value}",
            "schreiben Sie {example}",
        ),
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
        "de": (
            "`{name}` fehlt",
            "ergänzen Sie eine Zeile `{name}:` und darunter, um zwei Leerzeichen eingerückt: {lines}",
        ),
    },
    "file.stray": {
        "en": ("This file lies directly in {folder}, so it is not read and not published{looks}", "{advice}"),
        "de": (
            "Diese Datei liegt direkt in {folder}, daher wird sie nicht gelesen und nicht veröffentlicht{looks}",
            "{advice}",
        ),
    },
    "file.looks_like": {
        "en": ("This file lies in {folder}, but looks like {kind}", "{advice}"),
        "de": ("Diese Datei liegt in {folder}, sieht aber aus wie {kind}", "{advice}"),
    },
}
