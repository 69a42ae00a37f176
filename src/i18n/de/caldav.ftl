# src/caldav/mod.rs: warum eine Anfrage an einen Kalenderserver scheiterte
# und was zu tun ist. $url ist die Adresse (ohne Passwort); $detail und $why
# sind die Worte des Servers oder der Bibliothek oder eine Meldung von unten.

caldav-bad-url = { $url } ist keine Kalenderadresse, die Meridian verwenden kann: { $why }
caldav-unreachable = { $url } hat nicht geantwortet ({ $detail }); Meridian behält die Änderungen und versucht es erneut
caldav-unauthorized = { $url } hat den Benutzernamen oder das Passwort abgelehnt (401): prüfen Sie beides oder verwenden Sie ein App-Passwort
caldav-forbidden = { $url } erlaubt diesem Konto das nicht (403): wenden Sie sich an die Administration des Servers oder wählen Sie einen Kalender, der diesem Konto gehört
caldav-not-found = Unter { $url } gibt es nichts (404): prüfen Sie die Adresse des Kalenders
caldav-changed = { $url } wurde auf dem Server von jemand anderem geändert oder gelöscht (412)
caldav-full = Der Server hat keinen Speicherplatz mehr für { $url } (507): wenden Sie sich an seine Administration
caldav-status = { $url } antwortete mit { $status }: { $detail }
caldav-protocol = { $url } hat eine Antwort gesendet, die Meridian nicht lesen kann: { $detail }

# src/caldav/mod.rs: warum eine Adresse abgelehnt wird ($why oben).
caldav-url-too-long = länger als { $max } Zeichen
caldav-url-has-password = tragen Sie Benutzername und Passwort in ihre eigenen Felder ein, nicht in die Adresse
caldav-url-has-query = eine Kalenderadresse hat keine ?Abfrage und kein #Fragment
caldav-url-plain-http = einfaches http würde das Passwort unverschlüsselt senden; verwenden Sie https (http ist nur zu diesem Computer erlaubt)
caldav-url-not-https = verwenden Sie eine https://-Adresse

# src/caldav/mod.rs: Einzelheiten einer Ablehnung oder einer unlesbaren Antwort ($detail oben).
caldav-no-parent-folder = der Ordner darüber existiert nicht (409): prüfen Sie die Adresse
caldav-folder-not-calendar = diese Adresse ist ein Ordner, aber kein Kalender; geben Sie die Adresse eines Kalenders an oder eine neue unter Ihren Kalendern
caldav-too-many-events = der Kalender enthält mehr als { $max } Termine
