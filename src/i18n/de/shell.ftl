# src-tauri: die eigenen Texte der Desktop-App.

# src-tauri/src/files.rs, commands/files.rs: Dateidialoge.
shell-filter-team-document = Teamdokument
shell-dialog-export-calendar = Kalender exportieren
shell-dialog-export-team = Team exportieren
shell-dialog-export-people = Personen exportieren
shell-dialog-save-template = CSV-Vorlage speichern
shell-dialog-export-office-days = Bürotage exportieren
shell-dialog-export-report = Bericht exportieren
shell-dialog-import-people = Personen aus CSV importieren
shell-dialog-import-team = Team importieren
shell-dialog-import-busy = Belegte Zeiten importieren

# src-tauri/src/error.rs
shell-error-data-dir = Der Datenordner der App wurde nicht gefunden: { $reason }
shell-error-poisoned = Die Datenbank ist nach einem internen Fehler nicht verfügbar; starten Sie Meridian neu
shell-error-task = Eine Hintergrundaufgabe ist fehlgeschlagen: { $reason }
shell-error-dialog = Die gewählte Datei kann nicht verwendet werden: { $reason }
shell-error-too-large = { $path }: { $bytes } Bytes sind zu groß für einen Import
shell-error-nothing-picked = Es wartet keine Datei auf den Import: wählen Sie die Datei erneut
shell-error-backup-name = { $name } ist kein Name einer Sicherung: wählen Sie eine aus der Liste

# src-tauri/src/plans.rs
shell-plan-gone = Dieser Plan wird nicht mehr gehalten (ein neuerer Plan hat ihn ersetzt): planen Sie erneut

# src-tauri/src/commands/calendars.rs
shell-password-needed = Geben Sie das Passwort von { $user } für { $url } ein
shell-password-not-kept = Das Passwort ist auf diesem Computer nicht gespeichert
shell-credentials-in-address = Tragen Sie Benutzername und Passwort in ihre eigenen Felder ein, nicht in die Adresse
shell-credentials-in-address-problem = Die Adresse enthält einen Benutzernamen oder ein Passwort

# src-tauri/src/secrets.rs
shell-keyring-unavailable = Der Schlüsselbund ist nicht verfügbar: { $reason }
shell-keyring-unreadable = Das gespeicherte Passwort kann nicht gelesen werden
shell-keyring-no-thread = Es kann kein Thread gestartet werden: { $reason }
shell-keyring-timeout = Keine Antwort innerhalb von { $seconds } s
shell-keyring-no-service = Es läuft kein Secret Service
shell-keyring-refused = Der Schlüsselbund hat den Eintrag abgelehnt
shell-keyring-unexpected = Unerwarteter Fehler des Schlüsselbunds
