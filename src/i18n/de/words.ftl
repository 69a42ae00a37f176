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
