# src/io/csv_cells.rs: eine CSV-Datei, die nicht als Text gelesen werden
# kann. $byte ist das fehlerhafte Byte in Hex (0xff).

files-csv-utf16 = Die Datei ist UTF-16-codiert; speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut
files-csv-not-utf8 = Kein UTF-8-Text: Byte { $at } (Zeile { $line }) ist { $byte }; speichern Sie die Datei als „CSV UTF-8“
files-csv-unreadable = Die CSV-Datei kann nicht gelesen werden: { $error }

# src/io/csv_reps.rs: Probleme einer Personen-CSV, nach Zeile und Spalte
# gezeigt. Spaltennamen (time_zone, office_days_min), die Zellsyntax
# (mon-fri 09:00-17:00, none) und Werte in Anführungszeichen sind Daten und
# bleiben, wie sie sind. $kind ist "team" oder "office".

files-csv-empty = Die Datei ist leer: Ihre erste Zeile muss die Kopfzeile sein ({ $columns })
files-csv-duplicate-id = Die ID { $id } steht bereits in Zeile { $first }
files-csv-column-twice = Spalte doppelt angegeben (Spalten { $first } und { $second })
files-csv-column-ignored = Meridian speichert diese Spalte nicht; ihre Zellen werden ignoriert
files-csv-unknown-column-near = Unbekannte Spalte; meinten Sie { $column }?
files-csv-unknown-column = Unbekannte Spalte; die Spalten sind { $columns }
files-csv-no-id-column = Die Kopfzeile hat keine Spalte id (die erste Zeile muss die Spalten benennen: { $columns })
files-csv-office-days-column = office_days_min und office_days_max gehören zusammen; fügen Sie eine Spalte { $column } hinzu
files-csv-blank-heading = Spalte { $index } hat in der Kopfzeile keinen Namen, aber diese Zeile füllt sie mit { $value }
files-csv-extra-cell = Die Zeile hat { $cells } Zellen, aber die Kopfzeile benennt nur { $columns ->
    [one] eine Spalte
   *[other] { $columns } Spalten
}; Zelle { $index } ist { $value }
files-csv-id-required = Jede Zeile braucht eine ID
files-csv-new-rep-zone = { $id } ist eine neue Person und braucht eine time_zone, aber die Datei hat keine Spalte time_zone
files-csv-reference-by-name = { $kind ->
    [team] Unbekanntes Team
   *[other] Unbekanntes Büro
} { $value }; meinten Sie seine ID { $id }?
files-csv-reference-none = { $kind ->
    [team] Unbekanntes Team { $value }; es gibt noch keine Teams: legen Sie zuerst eines an
   *[other] Unbekanntes Büro { $value }; es gibt noch keine Büros: legen Sie zuerst eines an
}
files-csv-reference-unknown = { $kind ->
    [team] Unbekanntes Team { $value }; die Teams sind { $ids }
   *[other] Unbekanntes Büro { $value }; die Büros sind { $ids }
}
files-csv-zone-required = Eine Zeitzone ist erforderlich (ein IANA-Name wie Europe/Berlin)
files-csv-zone-near = Unbekannte Zeitzone { $value }; meinten Sie { $zone }?
files-csv-zone-unknown = Unbekannte Zeitzone { $value } (verwenden Sie einen IANA-Namen wie Europe/Berlin)
files-csv-capacity-negative = Darf nicht negativ sein, angegeben ist { $value }
files-csv-capacity-number = Erwartet wird eine Stundenzahl wie 40 oder 37,5, angegeben ist { $value }
files-csv-days-number = Erwartet wird eine ganze Zahl von Tagen, angegeben ist { $value }
files-csv-office-days-pair = Geben Sie office_days_min und office_days_max beide an, oder keines von beiden, um der Büroregel des Teams zu folgen
files-csv-office-days-order = Der Höchstwert { $max } ist kleiner als der Mindestwert { $min }
files-csv-not-weekday = { $value } ist kein Wochentag (mon, tue, wed, thu, fri, sat, sun)
files-csv-day-range-backwards = Der Tagesbereich { $value } läuft rückwärts
files-csv-region-not-code = { $value } ist kein Regionscode (GB-ENG, US-CA, DE-BY)
files-csv-region-near = Unbekannte Feiertagsregion { $value }; am nächsten liegen { $nearest }; lassen Sie die Zelle leer für die des Büros, oder schreiben Sie none
files-csv-region-unknown = Unbekannte Feiertagsregion { $value }; lassen Sie die Zelle leer für die des Büros, oder schreiben Sie none
files-csv-trip-date = { $value } ist kein Datum JJJJ-MM-TT (schreiben Sie Reisen als 2026-12-07..2026-12-11 nyc)
files-csv-trip-no-end = Die Reise ab { $from } hat keinen letzten Tag (schreiben Sie Reisen als 2026-12-07..2026-12-11 nyc)
files-csv-trip-no-office = Die Reise { $trip } nennt kein Büro (schreiben Sie Reisen als 2026-12-07..2026-12-11 nyc)
files-csv-too-many-trips = { $count } Reisen sind mehr als die Obergrenze von { $limit }
files-csv-range-backwards = { $from }..{ $to } endet, bevor es beginnt
files-csv-time-off-date = { $value } ist kein Datum JJJJ-MM-TT (schreiben Sie Zeiträume als 2026-12-21..2026-12-31)
files-csv-time-off-no-end = Der Zeitraum ab { $from } hat kein Ende
files-csv-hours-no-weekday = Kein Wochentag vor { $group } (schreiben Sie z. B. „mon-fri 09:00-17:00“)
files-csv-hours-no-times = { $days } hat keine Zeiten (schreiben Sie z. B. „{ $written } 09:00-17:00“)
files-csv-hours-overlap = { $day }: { $second } überschneidet sich mit { $first }
files-csv-time-bad = { $value } ist keine Uhrzeit HH:MM (schreiben Sie Zeitspannen als 09:00-17:00)
files-csv-time-no-end = { $start } braucht eine Endzeit (schreiben Sie Zeitspannen als 09:00-17:00)
files-csv-time-dangling = { $start }- hat keine Endzeit
files-csv-time-24 = 24:00 kann nur das Ende einer Zeitspanne sein
files-csv-interval-backwards = { $start }-{ $end } endet nicht nach seinem Beginn (eine Zeitspanne kann nicht über Mitternacht gehen: teilen Sie sie bei 24:00)

# src/io/ics/import.rs: eine .ics-Datei, aus der belegte Zeiten gelesen
# werden. Eigenschaftsnamen (DTSTART, RRULE, UID) und Werte in
# Anführungszeichen sind Daten.

files-ics-too-large = Die Datei ist { $size } Byte groß; gelesen werden höchstens { $max }
files-ics-line-too-long = Zeile { $line }: eine Zeile länger als { $max } Byte
files-ics-too-many-components = Zeile { $line }: mehr als { $max } Komponenten
files-ics-not-icalendar = Kein BEGIN:VCALENDAR: keine iCalendar-Datei
files-ics-too-many-events = Mehr als { $max } belegte Zeiten in einer Datei
files-ics-rep-zone = Unbekannte Zeitzone { $zone } für die Person
files-ics-not-property = Zeile { $line }: nicht im Format NAME:WERT
files-ics-end-still-open = Zeile { $line }: END:{ $kind } schließt eine Komponente, in der noch etwas offen ist ({ $open })
files-ics-end-without-begin = Zeile { $line }: END:{ $kind } ohne BEGIN:{ $kind }
files-ics-end-missing = END:{ $kind } fehlt am Ende der Datei
files-ics-event-broken = Der Termin ist fehlerhaft ({ $why }); er wird ausgelassen
files-ics-uid-twice = Die UID { $uid } kommt zweimal vor; der spätere Termin wird ausgelassen
files-ics-past-events = { $count ->
    [one] { $count } Termin
   *[other] { $count } Termine
}
files-ics-past-reason = Keine Zeit zwischen { $from } und { $to } (nur dort werden Regeln ausgeschrieben; einzelne Termine vor { $from } werden ausgelassen)
files-ics-no-uid = Der Termin hat keine UID
files-ics-no-dtstart = Der Termin hat kein DTSTART
files-ics-bad-when = { $name } { $value } ist weder ein Datum noch ein Zeitpunkt
files-ics-unknown-zone = Unbekannte Zeitzone { $tzid }
files-ics-end-date = DTEND ist ein Datum, DTSTART aber ein Zeitpunkt
files-ics-end-date-time = DTEND ist ein Zeitpunkt, DTSTART aber ein Datum
files-ics-bad-duration = DURATION { $value } ist keine Dauer
files-ics-too-long = Der Termin dauert länger als ein Jahr
files-ics-rdate = RDATE (zusätzliche Daten einer Serie) wird nicht unterstützt
files-ics-free-cancelled = abgesagt
files-ics-free-transparent = als frei angezeigt (TRANSP:TRANSPARENT)
files-ics-free-outlook = in Outlook als frei angezeigt
files-ics-free-no-time = hat keine Dauer
files-ics-too-many-occurrences = Die Regel ergibt zwischen { $from } und { $to } mehr als { $max } Termine

# src/io/ics/followed.rs: warum ein Objekt eines abonnierten Teamkalenders
# ausgelassen wird. X-MERIDIAN-* und andere Eigenschaftsnamen sind Daten.

files-followed-no-event = Enthält kein VEVENT
files-followed-not-meridian = Kein Meridian-Termin (kein X-MERIDIAN-KIND)
files-followed-not-date = { $name } ist kein Datum
files-followed-no-office = Ein Bürotag ohne X-MERIDIAN-OFFICE
files-followed-end-before-start = DTEND liegt vor DTSTART
files-followed-rep-zone = Die Person { $id } hat kein bekanntes X-MERIDIAN-TZ
files-followed-no-id = Eine Besprechung ohne X-MERIDIAN-ID
files-followed-no-dtstart = Kein DTSTART
files-followed-bad-duration = DURATION kann nicht gelesen werden
files-followed-no-length = Die Besprechung hat keine positive Dauer
files-followed-no-tzid = { $name } hat keine IANA-TZID
files-followed-not-date-time = { $name } ist kein Zeitpunkt

# src/io/ics/export.rs: warum ein Kalender nicht geschrieben werden konnte
# (was in die Kalenderdatei selbst geschrieben wird, bleibt Englisch).

files-export-unknown-rep = Keine Person mit der ID { $id }
files-export-unknown-team = Kein Team mit der ID { $id }
files-export-meeting = Besprechung { $meeting }: { $message }
files-export-year-range = Das Jahr { $year } liegt außerhalb des gültigen Bereichs
