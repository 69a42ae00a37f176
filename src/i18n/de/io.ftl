# src/io/json.rs: was ein JSON-Wert ist, für Probleme „Erwartet wird …,
# angegeben ist …“. $kind ist der Code des Werts: null, boolean, number,
# string, list, object.

io-json-kind = { $kind ->
    [null] null
    [boolean] ein Wahrheitswert
    [number] eine Zahl
    [string] ein Text
    [list] eine Liste
   *[object] ein Objekt
}

# src/io/scenario.rs und src/io/what_if.rs: Probleme einer ganzen Datei.
# $error ist die Meldung des JSON-Lesers selbst (englisch, mit Zeile und Spalte).

io-file-too-big = Die Datei ist { $bytes } Bytes groß, erlaubt sind höchstens { $max }
io-not-json = Kein gültiges JSON: { $error }
io-not-writable = Kann nicht als JSON geschrieben werden: { $error }

# src/io/scenario.rs und src/io/what_if.rs: Probleme eines Werts. $found ist
# ein io-json-kind; $value der Wert, wie er im Dokument steht (Daten);
# IDs und Namen kommen mit ihren Anführungszeichen.

io-expected-object = Erwartet wird ein Objekt, angegeben ist { $found }
io-duplicate-key = Schlüssel zweimal im selben Objekt angegeben
io-unknown-field = Unbekanntes Feld
io-missing-field = Pflichtfeld fehlt
io-too-long = { $count } Zeichen, erlaubt sind höchstens { $max }
io-too-many-items = { $count } Einträge, erlaubt sind höchstens { $max }
io-empty = Darf nicht leer sein
io-expected-string = Erwartet wird ein Text, angegeben ist { $found }
io-expected-string-or-null = Erwartet wird ein Text oder null, angegeben ist { $found }
io-expected-boolean = Erwartet wird true oder false, angegeben ist { $found }
io-expected-integer = Erwartet wird eine ganze Zahl, angegeben ist { $found }: { $value }
io-expected-number = Erwartet wird eine Zahl, angegeben ist { $found }
io-expected-list = Erwartet wird eine Liste, angegeben ist { $found }
io-at-least = Muss mindestens { $min } sein, angegeben ist { $value }
io-at-most = Darf höchstens { $max } sein, angegeben ist { $value }
io-between = Muss zwischen { $min } und { $max } liegen, angegeben ist { $value }
io-number-out-of-range = Zahl außerhalb des gültigen Bereichs: { $value }
io-negative = Darf nicht negativ sein, angegeben ist { $value }
io-number-too-large = Zu groß: { $value }
io-not-weekday = Kein Wochentag (mon bis sun): { $value }
io-expected-date = Erwartet wird ein Datum JJJJ-MM-TT, angegeben ist { $value }
io-expected-local-date-time = Erwartet werden Datum und Uhrzeit vor Ort als JJJJ-MM-TTTHH:MM (z. B. 2026-03-02T09:30), angegeben ist { $value }
io-expected-time = Erwartet wird eine Uhrzeit HH:MM, angegeben ist { $value }
io-end-of-day = 24:00 ist nur als Ende eines Zeitraums erlaubt
io-unknown-zone = Unbekannte Zeitzone { $zone }
io-expected-zone = Erwartet wird der Name einer IANA-Zeitzone, angegeben ist { $found }
io-unknown-region = Unbekannte Feiertagsregion { $region }
io-unknown-region-nearest = Unbekannte Feiertagsregion { $region }; am ähnlichsten sind { $nearest }
io-expected-region = Erwartet wird ein Regionscode wie "GB-ENG" oder null, angegeben ist { $found }
io-expected-pair = Erwartet wird ein Paar ["HH:MM", "HH:MM"]
io-start-not-before-end = Der Beginn { $start } liegt nicht vor dem Ende { $end }
# $other ist der Pfad des anderen Zeitraums (Daten).
io-interval-overlaps = Überschneidet sich mit { $other }
io-min-above-max = Das Minimum { $min } ist größer als das Maximum { $max }
io-wrong-format = Erwartet wird { $format }, angegeben ist { $value }

# src/io/scenario.rs: IDs und Verweise. $other ist der Pfad des ersten
# Eintrags mit dieser ID (Daten).

io-duplicate-id = Doppelte ID { $id } (auch { $other })
io-duplicate-request-id = Doppelte Anfrage-ID { $id }
io-unknown-team = Unbekanntes Team { $id }
io-unknown-office = Unbekanntes Büro { $id }
io-unknown-rep = Unbekannte Person { $id }
io-listed-twice = { $id } ist doppelt aufgeführt

# src/io/scenario.rs: Personen, ihre Zeiten, Abwesenheiten und Reisen.

io-stretch-overlaps-working = Die Randzeit { $stretch } überschneidet sich mit der Arbeitszeit { $working }
io-end-before-start = Das Ende { $end } liegt vor dem Beginn { $start }
io-to-before-from = Das Enddatum { $to } liegt vor dem Anfangsdatum { $from }
io-trips-unsorted = Die Reisen sind nicht nach Datum sortiert
io-trip-to-home-office = { $office } ist das Heimatbüro der Person: Eine Reise führt in ein anderes Büro
io-trips-overlap = Die Reise { $from }..{ $to } überschneidet sich mit der Reise { $other_from }..{ $other_to }: Eine Person ist an einem Tag nur in einem Büro

# src/io/scenario.rs: Aufgaben und Bürotage.

io-pinned-needs-assignee = Eine angeheftete Aufgabe braucht eine zuständige Person
io-office-day-not-office = { $office } ist am { $date } nicht das Büro von { $rep }
io-office-day-not-home-office = { $office } ist am { $date } nicht das Heimatbüro von { $rep }
io-office-closed = Das Büro { $office } ist am { $date } nicht geöffnet
io-office-day-twice = { $rep } ist am { $date } doppelt aufgeführt

# src/io/scenario.rs: Besprechungen und Besprechungsanfragen. $error ist das
# Problem der Wiederholungsregel selbst.

io-invalid-rrule = Ungültige Wiederholungsregel (rrule) { $rrule }: { $error }
io-window-too-long = Der Zeitraum umfasst { $days } Tage, erlaubt sind höchstens { $max }
io-too-many-attendees = { $count } erforderliche und optionale Teilnehmende, erlaubt sind höchstens { $max }
io-no-required-attendee = Mindestens eine erforderliche teilnehmende Person ist nötig
io-required-and-optional = { $rep } ist zugleich erforderlich und optional
io-bad-granularity = Muss 5, 10, 15, 20, 30 oder 60 sein, angegeben ist { $value }
io-repeat-window = Eine über { $weeks } Wochen wiederholte Anfrage braucht einen Zeitraum von höchstens 7 Tagen, angegeben sind { $days }
io-quorum-above-optional = Verlangt { $count } optionale Teilnehmende, die Anfrage hat aber nur { $optional }
io-quorum-no-optional = Verlangt { $count } optionale Teilnehmende, die Anfrage hat aber keine
io-percent-range = Ein Anteil muss zwischen 0 % und 100 % liegen, angegeben ist { $percent } %
io-expected-percent = Erwartet wird ein Anteil wie "75%", angegeben ist { $value }
io-expected-quorum = Erwartet wird eine Anzahl optionaler Teilnehmender (z. B. 2) oder ein Anteil (z. B. "75%"), angegeben ist { $value }

# src/io/scenario.rs: die Festlegungen der Bürotagplanung. $why ist der Grund
# der Regeln, warum die Person nicht ins Büro kommen kann; $other der Pfad der
# ersten Festlegung (Daten).

io-lock-outside = { $date } liegt außerhalb der geplanten Tage { $first }..{ $last }
io-second-lock = Zweite Festlegung für { $rep } am { $date } (auch { $other })
io-lock-blocked = Die Festlegung setzt { $rep } am { $date } ins Büro, aber { $why }

# src/io/what_if.rs: die Änderungen einer Was-wäre-wenn-Planung.

io-date-out-of-range = { $date }: Ein Datum muss zwischen 0000-01-01 und 9999-12-31 liegen
io-weeks-range = { $weeks } Wochen: Planen Sie 1 bis { $max } Wochen
io-week-has-7-days = Eine Woche hat 7 Tage, angegeben ist { $value }
io-id-too-long = Länger als erlaubt (höchstens { $max } Zeichen)
io-id-listed-twice = { $id } ist doppelt aufgeführt
io-expected-office-id = Erwartet wird eine Büro-ID
