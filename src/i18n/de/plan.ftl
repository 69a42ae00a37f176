# src/plan/mod.rs: warum ein Planer nicht laufen konnte. $id ist die ID in
# Anführungszeichen.

plan-error-rule = Besprechung { $meeting }: { $message }
plan-error-unknown-rep = Unbekannte Person { $id }
plan-error-unknown-request = Keine Besprechungsanfrage { $id } im Szenario
plan-error-unknown-office = Unbekanntes Büro { $id }
plan-error-missing-request = Das Szenario enthält keine Anfrage { $kind ->
    [balance] für den Ausgleich der Arbeitslast
    [rotation] für die Bürotage
   *[other] ({ $kind })
}
plan-error-cancelled = Die Planung wurde abgebrochen
plan-error-window = Zeitraum für den Ausgleich { $from } bis { $to }: `to` darf nicht vor `from` liegen, und der Zeitraum darf höchstens 366 Tage umfassen

# src/plan/meeting/explain.rs: ein Termin, wie jede teilnehmende Person ihn
# sieht. $slot ist „Di 08:30–09:15“; $meetings die Titel der Besprechungen
# mit ihren IDs.

plan-meeting-note-busy = { $slot }: in { $meetings }
plan-meeting-note-time-off = { $slot }: abwesend
plan-meeting-note-outside = { $slot }: { $minutes } Min. außerhalb der Arbeits- und Randzeiten
plan-meeting-note-stretch = { $slot }: { $minutes } Min. in Randzeiten
plan-meeting-note-working = { $slot }: innerhalb der Arbeitszeiten
plan-meeting-travel-week = { $name } ist diese Woche in { $office }
plan-meeting-travel-day = { $name } ist am { $date } in { $office }
plan-meeting-travel-days = { $name } ist von { $from } bis { $to } in { $office }
plan-meeting-travel-there = { $away }, dort { $time }

# src/plan/meeting/explain.rs: warum nichts passt, und die Auswege. $who
# ist eine Person als „Name (ID, Zeitzone)“.

plan-meeting-no-start = Der Zeitraum { $from } bis { $to } hat keinen Beginn im { $minutes }-Minuten-Raster
plan-meeting-never-time-off-window = { $who } ist im ganzen Zeitraum abwesend
plan-meeting-never-time-off-day = { $who } ist an diesem Tag abwesend
plan-meeting-never-hours = { $who } hat zu keiner möglichen Zeit Arbeits- oder Randzeiten
plan-meeting-never-meetings = { $who } ist zu jeder möglichen Zeit in anderen Besprechungen
plan-meeting-never-any = { $who } ist zu jeder möglichen Zeit belegt, abwesend oder außerhalb der eigenen Zeiten
plan-meeting-no-common-window = { $a } und { $b } haben an keinem Tag im Zeitraum gemeinsame Arbeits- oder Randzeiten
plan-meeting-no-common-day = { $a } und { $b } haben an diesem Tag keine gemeinsamen Arbeits- oder Randzeiten
plan-meeting-never-all = Je zwei von { $ids } können sich zu irgendeiner Zeit treffen, aber nie alle zugleich
plan-meeting-way-stretch = passt { $start } (Ortszeit { $weekday } { $time }), wenn { $who } { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
} über die eigenen Zeiten hinaus arbeitet
plan-meeting-way-optional = passt { $start }, wenn { $who } optional ist
plan-meeting-quorum = { $quorum } von { $optional } optionalen Teilnehmenden
plan-meeting-quorum-percent = { $quorum } von { $optional } optionalen Teilnehmenden ({ $percent })
plan-meeting-quorum-short-window = Kein Termin im Zeitraum erreicht die Mindestzahl von { $quorum }: Höchstens { $most } können kommen, um { $when }, wo noch { $missing } von { $away } frei sein müssten
plan-meeting-quorum-short-day = Kein Termin an diesem Tag erreicht die Mindestzahl von { $quorum }: Höchstens { $most } können kommen, um { $when }, wo noch { $missing } von { $away } frei sein müssten
plan-meeting-way-quorum = passt { $start } mit einer Mindestzahl von { $most }
plan-meeting-way-come = passt { $start } mit der Teilnahme von { $who }
plan-meeting-both = { $a } und { $b }
plan-meeting-why-busy = belegt: { $ids }
plan-meeting-why-time-off = abwesend
plan-meeting-why-outside = außerhalb der Arbeitszeiten
plan-meeting-why-unavailable = nicht verfügbar

# src/plan/meeting/explain.rs: eine Serie, deren Ortszeit sich verschiebt
# (Zeitumstellung).

plan-meeting-dst = Ab Woche { $week } ({ $date }): { $id } beginnt um { $time } Ortszeit statt um { $before } ({ $zone } und { $request_zone } stellen die Uhr an verschiedenen Tagen um)

# src/plan/meeting/explain.rs: warum weniger Vorschläge kamen als gewünscht.
# $weeks ist die Länge der Serie (1: eine Besprechung); $quorum 0 ohne
# Mindestzahl.

plan-meeting-fewer = Zwischen { $from } und { $to } ({ $zone }) gibt es nur { $shown } von { $asked } gewünschten Terminen, die allen { $weeks ->
    [1] passen
   *[other] in allen { $weeks } Wochen passen
}: Jeder andere Beginn, der { $quorum ->
    [0] allen Erforderlichen passt,
   *[other] allen Erforderlichen und { $quorum } der Optionalen passt,
} überschneidet sich mit einem gezeigten.
plan-meeting-nothing-fits = Nichts passt am { $dates }: { $reason }.
plan-meeting-not-looked-at = { $count ->
    [one] { $count } weiterer Tag ohne Vorschlag wurde hier nicht betrachtet.
   *[other] { $count } weitere Tage ohne Vorschlag wurden hier nicht betrachtet.
}
plan-meeting-more = Für mehr Auswahl: { $ways }.
plan-meeting-more-widen = Zeitraum erweitern
plan-meeting-more-shorten = Besprechung kürzen
plan-meeting-more-optional = jemanden optional machen
plan-meeting-more-quorum = Mindestzahl senken

# src/plan/meeting/fair.rs, top_k.rs: eine faire Serie, eine abwechslungsreiche Liste.

plan-meeting-fair-week = Woche { $week } ({ $from } bis { $to }): { $reason }
plan-meeting-fair-none = Es gibt keinen Plan
plan-meeting-varied = Abwechslungsreiche Liste: der beste Termin zu jeder von { $times } verschiedenen Tageszeiten, dann die nächstbesten der Reihe nach; die genauen { $k } besten ordnen nur nach Kosten und Beginn.

# src/plan/meeting/booking.rs: eine Buchung, die nicht gelesen werden kann.

plan-booking-bad-start = starts[{ $index }]: { $start } ist keine UTC-Zeit: { $error }
plan-booking-no-start = Eine Buchung braucht mindestens einen Beginn

# src/plan/rotation/answer.rs: wie nahe ein Bürotagplan am besten ist.
# $percent ist „0,4“ (eine Nachkommastelle, mit dem Trennzeichen der Sprache).

plan-rotation-optimal = nachweislich optimal
plan-rotation-within = höchstens { $percent } % vom bestmöglichen Ergebnis entfernt

# src/plan/rotation/explain.rs: warum eine Person an einem Tag im Büro ist.

plan-rotation-why-visiting = zu Besuch im Büro { $office }
plan-rotation-why-locked = von der Teamleitung im Büro festgelegt
plan-rotation-why-anchor = Ankertag des Teams
plan-rotation-why-teammates = { $count ->
    [one] { $count } Person aus dem Team im Büro
   *[other] { $count } Personen aus dem Team im Büro
}
plan-rotation-why-preferred = gewünschter Tag
plan-rotation-why-meeting = Besprechung vor Ort: { $title }
plan-rotation-why-minimum = wöchentliche Mindestzahl von { $min } Bürotagen
plan-rotation-remote-max-zero = diese Woche remote (höchstens 0 Bürotage)
plan-rotation-remote-none-required = diese Woche remote (kein Bürotag erforderlich)

# src/plan/rotation/flow.rs: warum es in einer Woche keinen Bürotagplan
# gibt, und Abhilfen. $offices sind Büro-IDs, $week eine ISO-Woche
# (2026-W49), $rep die ID einer Person.

plan-rotation-and-more = und { $count } weitere
plan-rotation-failure = { $offices }, Woche { $week }: { $problems }
plan-rotation-failure-desks = { $offices }, Woche { $week }: Die Personen brauchen mindestens { $need } Arbeitsplatztage, verfügbar sind { $have }: { $problems }
plan-rotation-fix = { $offices }, Woche { $week }: { $fix }
plan-rotation-fix-desks = { $offices }, Woche { $week }: { $desks ->
    [one] { $desks } Arbeitsplatz
   *[other] { $desks } Arbeitsplätze
} mehr, oder wöchentliche Mindestzahlen um insgesamt { $short ->
    [one] { $short } Arbeitsplatztag
   *[other] { $short } Arbeitsplatztage
} senken
plan-rotation-fix-more-desks = { $offices }, Woche { $week }: mehr Arbeitsplätze, oder wöchentliche Mindestzahlen um insgesamt { $short ->
    [one] { $short } Arbeitsplatztag
   *[other] { $short } Arbeitsplatztage
} senken
plan-rotation-over-maximum = { $rep } ist an { $locked } Tagen im Büro festgelegt, mehr als die Höchstzahl von { $max }
plan-rotation-release-locks = { $count ->
    [one] { $count } Festlegung
   *[other] { $count } Festlegungen
} von { $rep } in dieser Woche aufheben
plan-rotation-day-over-locked = { $count } Personen sind am { $date } im Büro festgelegt, es gibt aber nur { $desks } Arbeitsplätze
plan-rotation-day-over-locked-at = { $count } Personen sind am { $date } im Büro { $office } festgelegt, es gibt dort aber nur { $desks } Arbeitsplätze
plan-rotation-release-day = { $count } der Festlegungen am { $date } aufheben ({ $who })
plan-rotation-release-day-at = { $count } der Festlegungen im Büro { $office } am { $date } aufheben ({ $who })
plan-rotation-locked-out = { $rep } muss an { $min ->
    [one] { $min } Tag
   *[other] { $min } Tagen
} im Büro sein (Mindestzahl der Regel, begrenzt durch die offenen Tage), ist aber an allen Tagen bis auf { $free } als außer Haus festgelegt
plan-rotation-release-lock-out = Festlegung „außer Haus“ von { $rep } am { $dates } aufheben
plan-rotation-no-desk = { $rep } braucht { $min ->
    [one] { $min } Bürotag
   *[other] { $min } Bürotage
}, aber an { $open ->
    [one] dem einen für die Person offenen Tag
   *[other] allen { $open } für die Person offenen Tagen
} ist jeder Arbeitsplatz belegt
plan-rotation-desk-more = ein Arbeitsplatz mehr am { $days }, oder eine niedrigere Mindestzahl für { $rep }
plan-rotation-day-at = { $day } im Büro { $office }
plan-rotation-either = { $a } oder { $b }

# src/plan/balance/explain.rs: warum eine Aufgabe die Person wechselt oder
# niemand sie übernehmen kann. $from und $to sind „Name (40 % → 60 %)“;
# $amount und $free sind „9 h“ oder „45 Min.“.

plan-balance-gives = gibt { $amount } nicht zugewiesene Arbeit an { $to }
plan-balance-moves = verschiebt { $amount } von { $from } zu { $to }
plan-balance-lacks-skills = { $name } fehlen Fähigkeiten: { $skills }
plan-balance-no-time-by = { $name } hat bis { $due } keine Arbeitszeit
plan-balance-at-risk-with = bei { $name } gefährdet
plan-balance-due-short = fällig { $due }, { $name } hat bis dahin nur { $free } frei: allein durch diese Änderung gefährdet
plan-balance-due-free = fällig { $due }, { $name } hat bis dahin { $free } frei
plan-balance-nobody-all-skills = Keine Person hat alle Fähigkeiten: { $skills }
plan-balance-nobody-skills = Keine Person hat die Fähigkeiten: { $skills }
plan-balance-nobody-time = Keine Person hat am oder vor dem Fälligkeitsdatum ({ $due }) Arbeitszeit
plan-balance-nobody-skilled-time = Keine Person mit den Fähigkeiten { $skills } hat am oder vor dem Fälligkeitsdatum ({ $due }) Arbeitszeit ({ $names })
plan-balance-past-due = Nicht angeboten: bereits überfällig ({ $due }, seit { $days ->
    [one] { $days } Tag
   *[other] { $days } Tagen
}); weisen Sie die Aufgabe von Hand neu zu, falls sie noch erledigt werden muss
plan-balance-percent = { $percent } %
plan-balance-minutes = { $minutes } Min.
plan-balance-hours = { $hours } h

# src/plan/what_if.rs: Änderungen, die etwas nennen, das das Team nicht hat,
# und Hinweise, was eine Was-wäre-wenn-Rechnung auslässt. $id ist die ID in
# Anführungszeichen.

plan-whatif-unknown-office = Unbekanntes Büro { $id }
plan-whatif-unknown-team = Unbekanntes Team { $id }
plan-whatif-unknown-rep = Unbekannte Person { $id }
plan-whatif-after-changes = Nach diesen Änderungen, { $path }: { $message }
plan-whatif-own-days = { $count ->
    [one] { $count } Person behält ihre eigenen Bürotage pro Woche, die Vorrang vor der Regel haben
   *[other] { $count } Personen behalten ihre eigenen Bürotage pro Woche, die Vorrang vor der Regel haben
}: { $names }
plan-whatif-own-days-more = { $count ->
    [one] { $count } Person behält ihre eigenen Bürotage pro Woche, die Vorrang vor der Regel haben
   *[other] { $count } Personen behalten ihre eigenen Bürotage pro Woche, die Vorrang vor der Regel haben
}: { $names } und { $more } weitere
plan-whatif-dropped-locks = { $count ->
    [one] { $count } Festlegung im Büro, die durch die Änderungen unmöglich wird, bleibt unberücksichtigt
   *[other] { $count } Festlegungen im Büro, die durch die Änderungen unmöglich werden, bleiben unberücksichtigt
}
plan-whatif-dropped-office-days = { $count ->
    [one] { $count } übernommener Bürotag, den die Änderungen ausschließen, würde beim Übernehmen entfernt
   *[other] { $count } übernommene Bürotage, die die Änderungen ausschließen, würden beim Übernehmen entfernt
}

# src/plan/week.rs: Daten und Titel der Kalenderansicht.

plan-week-dates = Eine Kalenderansicht läuft vorwärts über höchstens { $max } Tage, erhalten: { $from } bis { $to }
plan-week-no-instants = { $from } bis { $to } hat keine Zeitpunkte in { $zone }
plan-week-working = Arbeitszeiten
plan-week-stretch = Randzeiten
plan-week-time-off = Abwesend
plan-week-holiday = { $name } (Feiertag)
plan-week-in-office = Im Büro · { $office }
plan-week-due = Fällig: { $title }

# src/plan/agenda.rs, ledger.rs: Daten, die nicht wie gewünscht gelesen
# werden können.

plan-agenda-dates = Die Daten der Agenda müssen vorwärts über höchstens 366 Tage laufen, erhalten: { $from } bis { $to }
plan-ledger-dates = Zeitraum { $from } bis { $to }: `to` darf nicht vor `from` liegen, und der Zeitraum darf höchstens { $max } Tage umfassen

# src/plan/report: Zeiträume und Gruppen der Berichte.

plan-report-weeks = { $weeks } Wochen: Ein Bericht umfasst 1 bis 104 Wochen
plan-report-no-team = Kein Team
