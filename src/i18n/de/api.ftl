# src/api: was die Befehle der App in Worten antworten.

# Die Meldung nach Strg+Z / Strg+Umschalt+Z; $change sind die Worte des
# Änderungsprotokolls zur Änderung, in der Sprache, in der sie gemacht wurde.
undo-done = Rückgängig gemacht: { $change }
redo-done = Wiederholt: { $change }

# src/api/mod.rs: wer eine Änderung gemacht hat ($source: the-app oder
# the-command-line, die im Protokoll gespeicherten Namen; $at: UTC-Zeit), und
# Dateien, die zu groß oder kein Text sind.
api-by-author = { $source ->
    [the-app] der App
    [the-command-line] der Befehlszeile
   *[other] { $source }
} am { $at }
api-not-utf8 = kein UTF-8: { $error }
api-file-too-large = größer als die Grenze von { $mib } MiB für Dateien, die Meridian liest

# src/api/items.rs: $kind ist team, office, rep, meeting oder task. api-log-*
# sind die Zeilen des Änderungsprotokolls, api-undo-* das, was „Rückgängig: …“ nennt.
api-log-removed = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} { $id } entfernt
api-log-added = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} { $id } hinzugefügt
api-log-saved = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} { $id } gespeichert
api-undo-delete = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} „{ $name }“ löschen
api-undo-edit = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} „{ $name }“ bearbeiten
api-undo-add = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} „{ $name }“ hinzufügen
# $list ist teams, offices, reps, meetings oder tasks.
api-item-limit = Das Team hat bereits { $count } { $list ->
    [teams] Teams
    [offices] Büros
    [reps] Personen
    [meetings] Besprechungen
    [tasks] Aufgaben
   *[other] { $list }
}, die Höchstzahl

# src/api/undo.rs: der angebotene nächste Schritt, und warum ein
# Rückgängigmachen abgelehnt wird.
api-undo-next = Rückgängig: { $change }
api-redo-next = Wiederholen: { $change }
api-log-undid = rückgängig gemacht: { $change }
api-log-redid = wiederholt: { $change }
api-undo-also-changes = es würde auch { $item } ändern
api-undo-item = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} „{ $name }“
api-undo-office-days-of = die Bürotage von { $name }
api-undo-policy = die Büroregel
api-undo-requests = die Planungseinstellungen (Zeiträume, Festlegungen, Besprechungsanfragen)
api-undo-whole-team = das ganze Team
api-undo-rep-removed = Person { $id } wurde inzwischen gelöscht
api-undo-office-removed = Büro { $id } wurde inzwischen gelöscht

# src/api/write.rs: was sich geändert hat, seit ein Plan erstellt wurde.
api-stale-changes = { $count ->
    [one] eine Änderung seitdem
   *[other] { $count } Änderungen seitdem
}
api-stale-changes-by = { $count ->
    [one] eine Änderung seitdem, von { $by }
   *[other] { $count } Änderungen seitdem, die letzte von { $by }
}
api-stale-replaced = die Datenbank wurde ersetzt
api-stale-replaced-by = die Datenbank wurde ersetzt, zuletzt von { $by }

# src/api/calendars.rs
api-caldav-user-name = ein Benutzername mit 1 bis 256 Zeichen ist nötig
api-caldav-local-database = die lokale Datenbank: { $error }
api-caldav-stopped = vom Benutzer abgebrochen nach { $done } von { $total } Änderungen

# src/api/files.rs
api-import-summary = Personen: { $reps }, Teams: { $teams }, Büros: { $offices }, Besprechungen: { $meetings }, Aufgaben: { $tasks }, Bürotage: { $office_days }
api-log-imported = { $source } importiert
api-log-sample = Beispielteam geladen
api-log-restored = { $name } wiederhergestellt
api-backup-in-memory = eine Datenbank im Arbeitsspeicher hat keinen Sicherungsordner: geben Sie eine Datei an
api-backup-missing = diese Sicherung gibt es nicht; es wurde nichts geändert
api-backup-empty = eine leere Datei, keine Sicherung

# src/api/ics.rs, src/api/csv.rs, src/api/holiday_release.rs
api-log-imported-busy = belegte Zeiten von { $rep } importiert
api-log-imported-reps = Personen aus { $file } importiert
api-log-holiday-release = Feiertagstabelle { $release }: Bürotage an neuen Feiertagen entfernt

# src/api/meetings.rs, src/api/people.rs
api-booking-no-title = Geben Sie einen Titel ein
api-log-booked = { $title } gebucht
api-undo-book = „{ $title }“ buchen
api-log-policy = Büroregel gespeichert
api-undo-change-policy = die Büroregel ändern

# src/api/reports.rs
api-log-lead-team = Team { $id } als eigenes Team der Teamleitung gewählt
api-log-lead-team-cleared = eigenes Team der Teamleitung aufgehoben
api-report-own-team-only = Zahlen pro Person werden nur für Ihr eigenes Team exportiert
api-report-desks-per-office = die Arbeitsplatznutzung gilt pro Büro: ein Team gilt nur für die Berichte zu Teams und zur Einhaltung

# src/api/rotation.rs: $rep und $office sind IDs in Anführungszeichen.
api-log-window = { $weeks } Wochen ab { $from } geplant
api-undo-window = den Planungszeitraum festlegen ({ $weeks } Wochen ab { $from })
api-log-lock = Festlegung für { $rep } am { $date } gesetzt
api-log-accepted = Bürotage { $first } bis { $last } übernommen
api-undo-accept = die Bürotage { $first } bis { $last } übernehmen
api-accept-unknown-rep = unbekannte Person { $rep }
api-accept-not-rep-office = { $office } ist nicht das Büro, in dem { $rep } am { $date } arbeitet
api-accept-outside = { $date } liegt außerhalb der Tage des Plans { $first }..{ $last }
api-accept-office-closed = Büro { $office } ist am { $date } nicht geöffnet
api-accept-twice = { $rep } steht am { $date } zweimal in der Liste

# src/api/what_if.rs
api-what-if-nothing = die Änderungen ändern nichts, es gibt nichts zu speichern
api-undo-adopt = die ausprobierte Regel übernehmen
api-what-if-item-problem = { $kind ->
    [team] Team
    [office] Büro
    [rep] Person
    [meeting] Besprechung
   *[task] Aufgabe
} { $id }: { $path }: { $problem }
api-log-adopt-policy = Büroregel { $min }–{ $max } Tage pro Woche
api-log-adopt-offices = { $count ->
    [one] ein Büro
   *[other] { $count } Büros
}
api-log-adopt-teams = { $count ->
    [one] ein Team
   *[other] { $count } Teams
}
api-log-adopt-reps = { $count ->
    [one] eine Person
   *[other] { $count } Personen
}
api-log-adopt = ausprobierte Regel übernommen: { $parts }

# src/api/workload.rs
api-log-balance-window = Ausgleich von { $from } bis { $to }
api-undo-balance-window = den Ausgleichszeitraum auf { $from } – { $to } setzen
api-log-moved-tasks = { $count ->
    [one] eine Aufgabe verschoben
   *[other] { $count } Aufgaben verschoben
}
api-undo-apply-moves = den Arbeitslastplan anwenden ({ $count ->
    [one] eine Aufgabe
   *[other] { $count } Aufgaben
})
api-balance-pinned = Aufgabe { $task } ist an { $rep } angeheftet; lösen Sie sie, bevor Sie sie verschieben
api-balance-pinned-nobody = Aufgabe { $task } ist an niemanden angeheftet; lösen Sie sie, bevor Sie sie verschieben

# src/api/screens/board.rs: die Ziele des Plans und ihre Einheiten, und
# warum die Zelle einer Person woanders ist.
api-term-co-presence = Teamkolleg:innen gemeinsam
api-term-anchor = Ankertage des Teams
api-term-preference = Wunschtage
api-term-in-person = Besprechungen vor Ort
api-unit-pair-day = Paar-Tag
api-unit-rep-day = Personentag
api-unit-attendee = Teilnehmer:in
api-board-weeks = { $weeks } Wochen: planen Sie 1 bis { $max } Wochen
api-board-in-other-office = Im Büro { $office }
api-board-remote = Remote (an diesem Tag kein Büro)
# src/api/screens/board.rs, team_week.rs: die Zeile der Personen ohne Team.
api-no-team = Kein Team

# src/api/screens/fairness.rs, regions.rs
api-fairness-period = Der Zeitraum { $from } bis { $to } darf nicht vor seinem Beginn enden und höchstens { $max } Tage umfassen
api-region-unknown = unbekannte Feiertagsregion { $code }
api-region-unknown-near = unbekannte Feiertagsregion { $code }; am nächsten kommen { $nearest }

# src/api/screens/workload.rs: der Hinweis nach dem Anwenden, wenn sich die
# übrigen Vorschläge geändert haben; $tasks nennt Titel von Aufgaben.
api-replan-added = { $count ->
    [one] ein neuer Vorschlag
   *[other] { $count } neue Vorschläge
} ({ $tasks })
api-replan-dropped = { $count } nicht mehr vorgeschlagen ({ $tasks })
api-replan-now-to = { $task } jetzt an { $rep }
api-replan-retargeted = { $count ->
    [one] eine geht
   *[other] { $count } gehen
} an eine andere Person ({ $tasks })
api-replan-notice = Die übrigen Vorschläge haben sich nach dem Anwenden geändert, weil die angewendeten Verschiebungen die Arbeitslast aller verändert haben: { $changes }.
api-and-more = { $head } und { $count } weitere

# src/api/screens/meetings.rs: der Terminplan einer Besprechung in Worten,
# z. B. „Monatlich am ersten Dienstag, 15:00–15:30 Europe/London, ab Di, 3. Nov. 2026“.
api-month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
}
# 1., 2., 11. …
api-rec-nth = { $n }.
# $n: 1 bis 5 vom Monatsanfang, -1 bis -5 vom Monatsende; im Dativ („am ersten“).
api-rec-ordinal = { $n ->
    [1] ersten
    [2] zweiten
    [3] dritten
    [4] vierten
    [-1] letzten
    [-2] vorletzten
    [-3] drittletzten
    [-4] viertletzten
    [-5] fünftletzten
   *[5] fünften
}
api-rec-time = { $start }–{ $end } { $zone }
api-rec-time-next-day = { $start }–{ $end } am Folgetag { $zone }
api-rec-time-days = { $start }–{ $end } +{ $days } Tage { $zone }
api-rec-weekdays = Jeden Werktag (Montag bis Freitag)
api-rec-every-days = Jeden { $days }
api-rec-every-n-days-when = Alle { $n } Tage, wenn es ein { $days } ist
api-rec-daily = { $n ->
    [1] Täglich
   *[other] Alle { $n } Tage
}
api-rec-every-week = { $n ->
    [1] Wöchentlich
   *[other] Alle { $n } Wochen
}
api-rec-every-month = { $n ->
    [1] Monatlich
   *[other] Alle { $n } Monate
}
api-rec-every-year = { $n ->
    [1] Jährlich
   *[other] Alle { $n } Jahre
}
api-rec-weekly = { $every } am { $days }
api-rec-monthly = { $every } { $on }
api-rec-month-every-day = an jedem { $day }
api-rec-month-nth-day = am { $ordinal } { $day }
# Monatstage nach „am“ (on-*) und nach „sofern er auf … fällt“ (falls-*).
api-rec-on-nth-day = am { $ordinal } Tag
api-rec-on-nth = am { $nth }
api-rec-falls-nth-day = den { $ordinal } Tag
api-rec-falls-nth = den { $nth }
api-rec-falls-on = { $on }, sofern er auf { $days } fällt
api-rec-yearly-on = { $every } am { $day }. { $month }
api-rec-yearly-nth-of = { $every } am { $nth } { $months }
api-rec-only-in = { $pattern }, nur im { $months }
api-rec-once = Einmalig: { $date }, { $time }
api-rec-raw = Ab { $from }, { $time }, wiederholt nach der Regel { $rule }
api-rec-series = { $pattern }, { $time }, ab { $from }
api-rec-times = { $count ->
    [one] einmal
   *[other] { $count }-mal
}
api-rec-first-then = { $first }, dann { $pattern }
api-rec-first-then-from = { $first }, dann { $pattern } ab { $from }
api-rec-times-in-all = { $count ->
    [one] insgesamt einmal
   *[other] insgesamt { $count }-mal
}
api-rec-until = bis { $until }
