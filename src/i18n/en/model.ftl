# src/tz.rs: time zones. $zone is the name in quotes; $when a date or time.

model-tz-unknown-zone = unknown time zone { $zone }
model-tz-out-of-range = { $when } is outside the supported range of dates

# src/recurrence.rs: why a recurrence rule (RRULE) is refused. Part names
# (FREQ, BYDAY, …) and values are the rule's own text; quoted ones in quotes.

model-rrule-empty = empty rule
model-rrule-not-name-value = part { $part } is not NAME=VALUE
model-rrule-part-unsupported = { $part } is not supported (supported: { $supported })
model-rrule-unknown-part = unknown part { $part }
model-rrule-part-twice = part { $part } given twice
model-rrule-part-empty = part { $part } has no value
model-rrule-not-positive = { $part } must be a whole number >= 1, got { $value }
model-rrule-bad-until = UNTIL { $value } is not YYYYMMDD or YYYYMMDDTHHMMSS[Z]
model-rrule-no-freq = FREQ is required
model-rrule-freq-unsupported = FREQ={ $freq } is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)
model-rrule-unknown-freq = unknown FREQ { $freq }
model-rrule-count-and-until = COUNT and UNTIL must not both be given
model-rrule-bad-wkst = WKST { $value } is not a weekday
model-rrule-bad-byday = BYDAY item { $item } is not like MO, 1MO or -1FR
model-rrule-byday-ordinal-range = BYDAY ordinal { $ordinal } is out of range
model-rrule-byday-ordinal-monthly = BYDAY ordinal { $item } is only supported with FREQ=MONTHLY
model-rrule-byday-yearly = BYDAY with FREQ=YEARLY is not supported
model-rrule-bad-bymonthday = BYMONTHDAY item { $item } is not a day of the month
model-rrule-bymonthday-range = BYMONTHDAY { $day } is out of range
model-rrule-bymonthday-weekly = BYMONTHDAY is not allowed with FREQ=WEEKLY
model-rrule-bymonthday-yearly = BYMONTHDAY with FREQ=YEARLY is not supported
model-rrule-bad-bymonth = BYMONTH item { $item } is not a month 1-12
model-rrule-too-many-steps = the rule needs more than { $steps } steps to reach the window
model-rrule-interval-too-large = INTERVAL { $interval } is too large
model-rrule-start-not-expandable = start { $start } cannot be expanded
model-rrule-not-expandable = rule cannot be expanded: { $why }
model-rrule-unreadable = rule cannot be read: { $why }

# src/rules.rs: why rotation rule 1 keeps a rep out of the office on a date.
# $day is the weekday's code (mon … sun), $office the office's id, $holiday
# the holiday's name and $region its region code (data).

model-rules-date-range = dates run from 0000-01-01 to 9999-12-31
model-rule1-no-office = the rep has no office
model-rule1-time-off = the date is in the rep's time off
model-rule1-rep-holiday = { $date } is a public holiday for the rep ({ $holiday }, { $region })
model-rule1-no-office-day = { $day } is one of the rep's no_office_days
model-rule1-office-not-open = office { $office } is not open on { $day }
model-rule1-office-closed = office { $office } is closed on { $date }
model-rule1-office-holiday = office { $office } is closed on { $date } ({ $holiday }, { $region })

# src/model/time.rs, hours.rs, quorum.rs: a value of the wrong form, as
# written ($value, quoted when it is text).

model-time-bad-clock = expected a time HH:MM, got { $value }
model-time-bad-local = expected a local date-time YYYY-MM-DDTHH:MM, got { $value }
model-hours-not-hours = { $value } is not a number of hours
model-quorum-bad-percent = expected a percentage such as "75%", got { $value }
