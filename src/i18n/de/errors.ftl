# src/error.rs: die Fehler des Kerns. $kind ist die Art des Eintrags, wie
# der Code sie nennt (team, office, rep, meeting, task, followed calendar,
# publishing target, conflict); $id ist die ID in Anführungszeichen.

error-not-found = { $kind ->
    [team] Kein Team
    [office] Kein Büro
    [rep] Keine Person
    [meeting] Kein Termin
    [task] Keine Aufgabe
    [backup] Keine Sicherung
    [followed-calendar] Kein abonnierter Kalender
    [publishing-target] Kein Veröffentlichungsziel
    [conflict] Kein Konflikt
   *[other] Kein Eintrag ({ $kind })
} mit der ID { $id }
error-duplicate-id = { $kind ->
    [team] Ein Team
    [office] Ein Büro
    [rep] Eine Person
    [meeting] Ein Termin
    [task] Eine Aufgabe
    [backup] Eine Sicherung
    [followed-calendar] Ein abonnierter Kalender
    [publishing-target] Ein Veröffentlichungsziel
    [conflict] Ein Konflikt
   *[other] Ein Eintrag ({ $kind })
} mit der ID { $id } existiert bereits
error-stale-plan = Das Team hat sich geändert, seit dieser Plan erstellt wurde ({ $change }): planen Sie neu, um es zu sehen
error-read-only = { $path }: nur zum Lesen geöffnet; dieser Befehl kann die Datei nicht ändern
error-no-data-dir = Für diesen Benutzer wurde kein Datenordner gefunden (setzen Sie XDG_DATA_HOME oder verwenden Sie --db)
error-nothing-to-undo = Nichts zum Rückgängigmachen
error-nothing-to-redo = Nichts zum Wiederholen
error-conflict-removed = { $name } wurde anderswo gelöscht, nachdem Sie dieses Formular geöffnet haben: laden Sie neu, um es zu sehen
error-conflict-removed-by = { $name } wurde anderswo gelöscht, nachdem Sie dieses Formular geöffnet haben (von { $by }): laden Sie neu, um es zu sehen
error-conflict-changed = { $name } wurde anderswo geändert, nachdem Sie dieses Formular geöffnet haben: laden Sie neu, um es zu sehen
error-conflict-changed-by = { $name } wurde anderswo geändert, nachdem Sie dieses Formular geöffnet haben (von { $by }): laden Sie neu, um es zu sehen
error-undo-changed-since = { $item } wurde inzwischen geändert; es wurde nichts geändert
error-undo-changed-since-by = { $item } wurde inzwischen geändert (von { $by }); es wurde nichts geändert
error-undo-would-break = das Team hat sich inzwischen so geändert, dass es nicht möglich ist ({ $problems }); es wurde nichts geändert
error-undo-refused = „{ $change }“ kann nicht rückgängig gemacht werden: { $why }
error-redo-refused = „{ $change }“ kann nicht wiederholt werden: { $why }
