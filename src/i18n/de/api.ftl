# src/api: was die Befehle der App in Worten antworten.

# Die Meldung nach Strg+Z / Strg+Umschalt+Z; $change sind die Worte des
# Änderungsprotokolls zur Änderung, in der Sprache, in der sie gemacht wurde.
undo-done = Rückgängig gemacht: { $change }
redo-done = Wiederhergestellt: { $change }
