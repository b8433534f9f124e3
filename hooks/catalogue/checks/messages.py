"""What the checks say: ids and references, orders, text rules, translations, labels files and the glossary.

German and English, as every message of the catalogue (catalogue.data.messages)."""

from __future__ import annotations

from collections.abc import Mapping

from catalogue.data.messages import MessageTable

MESSAGES: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "taxonomy.no_districts": {
        "en": (
            "`districts` is missing",
            "add the town's districts under `districts:`, each with an `id` and a `label`",
        ),
        "de": ("`districts` fehlt", "tragen Sie die Stadtteile unter `districts:` ein, jeden mit `id` und `label`"),
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
    "order.valid_dates": {
        "en": ("`valid_from` ({start}) is after `valid_until` ({end})", "swap the two dates or correct one of them"),
        "de": (
            "`valid_from` ({start}) liegt nach `valid_until` ({end})",
            "vertauschen Sie die beiden Daten oder korrigieren Sie eines",
        ),
    },
    "offer.unknown_language": {
        "en": (
            "`languages` names {value}, which is no language code",
            "{hint}write an ISO 639 code such as de, en, uk, ar, fa, ti",
        ),
        "de": (
            "`languages` nennt {value}, das ist kein Sprachkürzel",
            "{hint}schreiben Sie ein Kürzel nach ISO 639 wie de, en, uk, ar, fa, ti",
        ),
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
        "en": (
            "`reported` is {date}, a day that has not come yet",
            "write the day the need was reported, at the latest {today}",
        ),
        "de": (
            "`reported` ist {date}, ein Tag in der Zukunft",
            "schreiben Sie den Tag, an dem der Bedarf gemeldet wurde, spätestens {today}",
        ),
    },
    "need.end_before_reported": {
        "en": ("`end_date` ({end}) is before `reported` ({start})", "correct one of the two dates"),
        "de": ("`end_date` ({end}) liegt vor `reported` ({start})", "korrigieren Sie eines der beiden Daten"),
    },
    "need.addressed_without_date": {
        "en": (
            "The need is `addressed`, but `end_date` is missing",
            'add `end_date:` with the day it was addressed, in quotes, e.g. "{today}"',
        ),
        "de": (
            "Der Bedarf ist `addressed` (gedeckt), aber `end_date` fehlt",
            'tragen Sie `end_date:` mit dem Tag ein, an dem er gedeckt wurde, in Anführungszeichen, z. B. "{today}"',
        ),
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
        "en": (
            "`capacity.as_of` is {date}, a day that has not come yet",
            "write the day the numbers were true, at the latest {today}",
        ),
        "de": (
            "`capacity.as_of` ist {date}, ein Tag in der Zukunft",
            "schreiben Sie den Tag, an dem die Zahlen galten, spätestens {today}",
        ),
    },
    "order.verified_future": {
        "en": (
            "`last_verified.date` is {date}, a day that has not come yet",
            "write the day the information was checked, at the latest {today}",
        ),
        "de": (
            "`last_verified.date` ist {date}, ein Tag in der Zukunft",
            "schreiben Sie den Tag der Prüfung, spätestens {today}",
        ),
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
        "de": (
            "{count} Texte sind noch die aus {source}, z. B. `{key}`: {text}",
            "übersetzen Sie sie in die Sprache {language}",
        ),
    },
}

PHRASES: Mapping[str, Mapping[str, str]] = {
    "format.with_weekday": {"en": "and the weekday (EEEE)", "de": "und Wochentag (EEEE)"},
    "format.without_weekday": {"en": "without the weekday", "de": "ohne Wochentag"},
    "group.categories": {"en": "categories", "de": "den Kategorien"},
    "group.target_groups": {"en": "target groups", "de": "den Zielgruppen"},
    "group.districts": {"en": "districts", "de": "den Stadtteilen"},
    "group.entitlements": {"en": "entitlements", "de": "den Berechtigungen und Gutscheinen"},
    "group.eligibility": {
        "en": "eligibility terms (who may take part)",
        "de": "den Teilnahmebedingungen (eligibility)",
    },
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
}

TABLE = MessageTable(MESSAGES, phrases=PHRASES)
