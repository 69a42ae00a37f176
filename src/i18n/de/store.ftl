# src/store: die eigenen Meldungen der Datenbank.

# src/store/mod.rs: Fehler der Datenbankdatei. $error ist der Text von SQLite
# oder des Systems; $detail sagt, warum die Datei nicht von Meridian ist.
store-migration-failed = Die Aktualisierung auf das Schema dieser Version ist fehlgeschlagen, es wurde nichts geändert: { $error }
store-not-meridian = ist keine Meridian-Datenbank ({ $detail }); sie wurde nicht verändert: wählen Sie mit --db eine andere Datei oder verschieben Sie diese
store-newer = wurde mit einem neueren Meridian erstellt (Schema { $found }); diese Version liest bis Schema { $supported }: aktualisieren Sie Meridian, um sie zu öffnen
store-backup-failed = Die Sicherung { $path } kann nicht geschrieben werden: { $detail }
store-corrupt = Die gespeicherte Zeile { $id } in { $table } ist beschädigt: { $detail }; stellen Sie eine Sicherung wieder her (meridian backups, meridian restore DATEI)
store-sqlite-busy = Die Datenbank ist belegt: ein anderes Meridian (die App oder die Befehlszeile) schreibt gerade; versuchen Sie es erneut
store-sqlite-read-only = Die Datenbankdatei ist schreibgeschützt: machen Sie sie beschreibbar oder öffnen Sie sie nur zum Lesen
store-sqlite-cannot-open = Die Datenbankdatei kann nicht geöffnet werden: prüfen Sie, ob ihr Ordner existiert und lesbar ist
store-sqlite-not-a-database = ist keine Datenbankdatei (oder ist beschädigt): stellen Sie eine Sicherung wieder her
store-sqlite-corrupt = Die Datenbankdatei ist beschädigt: stellen Sie eine Sicherung wieder her (meridian backups, meridian restore DATEI)
store-sqlite-disk-full = Der Datenträger ist voll: geben Sie Speicherplatz frei und versuchen Sie es erneut
store-sqlite-other = Datenbankfehler: { $error }
store-unreadable = sie kann nicht gelesen werden: { $error }
store-not-sqlite = sie ist keine SQLite-Datenbank
store-other-tables = sie enthält die Tabellen { $tables }

# src/store/backup.rs: warum eine Sicherung nicht geschrieben werden konnte.
store-backup-exists = Eine Datei mit diesem Namen existiert bereits: wählen Sie einen neuen Namen
store-backup-stayed-busy = die Datenbank blieb belegt
store-backup-cannot-read = { $path } kann nicht gelesen werden: { $error }
store-backup-cannot-prune = eine alte Sicherung kann nicht gelöscht werden: { $error }
