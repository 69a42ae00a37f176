# src/tz.rs: Zeitzonen. $zone ist der Name in Anführungszeichen; $when ein
# Datum oder eine Uhrzeit.

model-tz-unknown-zone = unbekannte Zeitzone { $zone }
model-tz-out-of-range = { $when } liegt außerhalb des unterstützten Datumsbereichs

# src/recurrence.rs: warum eine Wiederholungsregel (RRULE) abgelehnt wird.
# Teilnamen (FREQ, BYDAY, …) und Werte sind der Text der Regel selbst.

model-rrule-empty = leere Regel
model-rrule-not-name-value = Teil { $part } hat nicht die Form NAME=WERT
model-rrule-part-unsupported = { $part } wird nicht unterstützt (unterstützt: { $supported })
model-rrule-unknown-part = unbekannter Teil { $part }
model-rrule-part-twice = Teil { $part } kommt zweimal vor
model-rrule-part-empty = Teil { $part } hat keinen Wert
model-rrule-not-positive = { $part } muss eine ganze Zahl ab 1 sein, nicht { $value }
model-rrule-bad-until = UNTIL { $value } hat weder die Form YYYYMMDD noch YYYYMMDDTHHMMSS[Z]
model-rrule-no-freq = FREQ ist erforderlich
model-rrule-freq-unsupported = FREQ={ $freq } wird nicht unterstützt (nur DAILY, WEEKLY, MONTHLY, YEARLY)
model-rrule-unknown-freq = unbekannte FREQ { $freq }
model-rrule-count-and-until = COUNT und UNTIL dürfen nicht beide angegeben werden
model-rrule-bad-wkst = WKST { $value } ist kein Wochentag
model-rrule-bad-byday = BYDAY-Eintrag { $item } hat nicht die Form MO, 1MO oder -1FR
model-rrule-byday-ordinal-range = BYDAY-Ordnungszahl { $ordinal } liegt außerhalb des gültigen Bereichs
model-rrule-byday-ordinal-monthly = BYDAY-Ordnungszahl { $item } wird nur mit FREQ=MONTHLY unterstützt
model-rrule-byday-yearly = BYDAY mit FREQ=YEARLY wird nicht unterstützt
model-rrule-bad-bymonthday = BYMONTHDAY-Eintrag { $item } ist kein Tag des Monats
model-rrule-bymonthday-range = BYMONTHDAY { $day } liegt außerhalb des gültigen Bereichs
model-rrule-bymonthday-weekly = BYMONTHDAY ist mit FREQ=WEEKLY nicht erlaubt
model-rrule-bymonthday-yearly = BYMONTHDAY mit FREQ=YEARLY wird nicht unterstützt
model-rrule-bad-bymonth = BYMONTH-Eintrag { $item } ist kein Monat von 1 bis 12
model-rrule-too-many-steps = die Regel braucht mehr als { $steps } Schritte, um den Zeitraum zu erreichen
model-rrule-interval-too-large = INTERVAL { $interval } ist zu groß
model-rrule-start-not-expandable = ab dem Beginn { $start } kann die Regel nicht ausgerechnet werden
model-rrule-not-expandable = die Regel kann nicht ausgerechnet werden: { $why }
model-rrule-unreadable = die Regel kann nicht gelesen werden: { $why }

# src/rules.rs: warum Rotationsregel 1 eine Person an einem Datum nicht ins
# Büro lässt. $day ist das Kürzel des Wochentags (mon … sun), $office die ID
# des Büros, $holiday der Name des Feiertags und $region seine Region (Daten).

model-rules-date-range = Datumsangaben reichen von 0000-01-01 bis 9999-12-31
model-rule1-no-office = die Person hat kein Büro
model-rule1-time-off = das Datum liegt in einer Abwesenheit der Person
model-rule1-rep-holiday = { $date } ist ein Feiertag für die Person ({ $holiday }, { $region })
model-rule1-no-office-day = { $day ->
    [mon] Montag
    [tue] Dienstag
    [wed] Mittwoch
    [thu] Donnerstag
    [fri] Freitag
    [sat] Samstag
    [sun] Sonntag
   *[other] { $day }
} ist ein Tag ohne Büro für die Person
model-rule1-office-not-open = Büro { $office } ist { $day ->
    [mon] montags
    [tue] dienstags
    [wed] mittwochs
    [thu] donnerstags
    [fri] freitags
    [sat] samstags
    [sun] sonntags
   *[other] am { $day }
} nicht geöffnet
model-rule1-office-closed = Büro { $office } ist am { $date } geschlossen
model-rule1-office-holiday = Büro { $office } ist am { $date } geschlossen ({ $holiday }, { $region })

# src/model/time.rs, hours.rs, quorum.rs: ein Wert in falscher Form, wie er
# geschrieben wurde ($value, in Anführungszeichen, wenn er Text ist).

model-time-bad-clock = erwartet wurde eine Uhrzeit HH:MM, nicht { $value }
model-time-bad-local = erwartet wurden Datum und Uhrzeit YYYY-MM-DDTHH:MM, nicht { $value }
model-hours-not-hours = { $value } ist keine Stundenzahl
model-quorum-bad-percent = erwartet wurde ein Prozentsatz wie „75%“, nicht { $value }
