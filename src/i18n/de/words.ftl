# src/i18n/words.rs: Wörter, die viele Meldungen teilen.

weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
weekday-short-mon = Mo
weekday-short-tue = Di
weekday-short-wed = Mi
weekday-short-thu = Do
weekday-short-fri = Fr
weekday-short-sat = Sa
weekday-short-sun = So

# Daten im Fließtext ($month ist 1 bis 12) und Listen.
date-day = { $weekday }., { $day }. { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
date-day-year = { $weekday }., { $day }. { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
} { $year }
list-and = { $rest } und { $last }
list-or = { $rest } oder { $last }
