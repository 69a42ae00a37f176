# src/io/csv_cells.rs: a CSV file that cannot be read as text. $byte is
# the bad byte in hex (0xff).

files-csv-utf16 = the file is UTF-16; save it as "CSV UTF-8" and try again
files-csv-not-utf8 = not UTF-8 text: byte { $at } (line { $line }) is { $byte }; save the file as "CSV UTF-8"
files-csv-unreadable = cannot read the CSV: { $error }

# src/io/csv_reps.rs: problems of a reps CSV file, shown by row and column.
# Column names (time_zone, office_days_min), cell syntax (mon-fri
# 09:00-17:00, none) and quoted values are data and stay as written.
# $kind is "team" or "office".

files-csv-empty = the file is empty: its first row must be the header ({ $columns })
files-csv-duplicate-id = id { $id } is already on row { $first }
files-csv-column-twice = column given twice (columns { $first } and { $second })
files-csv-column-ignored = Meridian does not store this column; its cells are ignored
files-csv-unknown-column-near = unknown column; did you mean { $column }?
files-csv-unknown-column = unknown column; the columns are { $columns }
files-csv-no-id-column = the header has no id column (the first row must name the columns: { $columns })
files-csv-office-days-column = office_days_min and office_days_max go together; add a { $column } column
files-csv-blank-heading = column { $index } has no name in the header but this row fills it with { $value }
files-csv-extra-cell = the row has { $cells } cells but the header names { $columns }; cell { $index } is { $value }
files-csv-id-required = every row needs an id
files-csv-new-rep-zone = { $id } is a new rep and needs a time_zone, but the file has no time_zone column
files-csv-reference-by-name = unknown { $kind } { $value }; did you mean its id { $id }?
files-csv-reference-none = unknown { $kind } { $value }; there are no { $kind }s yet: add one first
files-csv-reference-unknown = unknown { $kind } { $value }; the { $kind }s are { $ids }
files-csv-zone-required = a time zone is required (an IANA name like Europe/London)
files-csv-zone-near = unknown time zone { $value }; did you mean { $zone }?
files-csv-zone-unknown = unknown time zone { $value } (use an IANA name like Europe/London)
files-csv-capacity-negative = must not be negative, got { $value }
files-csv-capacity-number = expected a number of hours like 40 or 37.5, got { $value }
files-csv-days-number = expected a whole number of days, got { $value }
files-csv-office-days-pair = give both office_days_min and office_days_max, or neither to follow the team policy
files-csv-office-days-order = max { $max } is less than min { $min }
files-csv-not-weekday = { $value } is not a weekday (mon, tue, wed, thu, fri, sat, sun)
files-csv-day-range-backwards = the day range { $value } runs backwards
files-csv-region-not-code = { $value } is not a region code (GB-ENG, US-CA, DE-BY)
files-csv-region-near = unknown holidays region { $value }; the nearest are { $nearest }; leave it empty for the office's, or write none
files-csv-region-unknown = unknown holidays region { $value }; leave it empty for the office's, or write none
files-csv-trip-date = { $value } is not a date YYYY-MM-DD (write trips as 2026-12-07..2026-12-11 nyc)
files-csv-trip-no-end = the trip from { $from } has no last day (write trips as 2026-12-07..2026-12-11 nyc)
files-csv-trip-no-office = the trip { $trip } names no office (write trips as 2026-12-07..2026-12-11 nyc)
files-csv-too-many-trips = { $count } trips is more than the limit of { $limit }
files-csv-range-backwards = { $from }..{ $to } ends before it starts
files-csv-time-off-date = { $value } is not a date YYYY-MM-DD (write ranges as 2026-12-21..2026-12-31)
files-csv-time-off-no-end = the range from { $from } has no end
files-csv-hours-no-weekday = no weekday before { $group } (write e.g. "mon-fri 09:00-17:00")
files-csv-hours-no-times = { $days } has no hours (write e.g. "{ $written } 09:00-17:00")
files-csv-hours-overlap = { $day }: { $second } overlaps { $first }
files-csv-time-bad = { $value } is not a time HH:MM (write intervals as 09:00-17:00)
files-csv-time-no-end = { $start } needs an end time (write intervals as 09:00-17:00)
files-csv-time-dangling = { $start }- has no end time
files-csv-time-24 = 24:00 can only end an interval
files-csv-interval-backwards = { $start }-{ $end } does not end after it starts (an interval cannot cross midnight: split it at 24:00)

# src/io/ics/import.rs: an .ics file read for busy times. Property names
# (DTSTART, RRULE, UID) and quoted values are data.

files-ics-too-large = the file is { $size } bytes; at most { $max } are read
files-ics-line-too-long = line { $line }: a line longer than { $max } bytes
files-ics-too-many-components = line { $line }: more than { $max } components
files-ics-not-icalendar = no BEGIN:VCALENDAR: not an iCalendar file
files-ics-too-many-events = more than { $max } busy times in one file
files-ics-rep-zone = unknown time zone { $zone } for the rep
files-ics-not-property = line { $line }: not NAME:VALUE
files-ics-end-still-open = line { $line }: END:{ $kind } closes a component that is still open ({ $open })
files-ics-end-without-begin = line { $line }: END:{ $kind } without BEGIN:{ $kind }
files-ics-end-missing = END:{ $kind } is missing at the end of the file
files-ics-event-broken = event is broken ({ $why }); it is skipped
files-ics-uid-twice = UID { $uid } is given twice; the later event is skipped
files-ics-past-events = { $count } event(s)
files-ics-past-reason = no time between { $from } and { $to } (rules are expanded only there; single events before { $from } are left out)
files-ics-no-uid = event has no UID
files-ics-no-dtstart = event has no DTSTART
files-ics-bad-when = { $name } { $value } is not a date or date-time
files-ics-unknown-zone = unknown time zone { $tzid }
files-ics-end-date = DTEND is a date but DTSTART a date-time
files-ics-end-date-time = DTEND is a date-time but DTSTART a date
files-ics-bad-duration = DURATION { $value } is not a duration
files-ics-too-long = event lasts more than a year
files-ics-rdate = RDATE (extra dates of a series) is not supported
files-ics-free-cancelled = cancelled
files-ics-free-transparent = shown as free (TRANSP:TRANSPARENT)
files-ics-free-outlook = shown as free in Outlook
files-ics-free-no-time = takes no time
files-ics-too-many-occurrences = the rule has more than { $max } occurrences between { $from } and { $to }

# src/io/ics/followed.rs: why an object of a followed team calendar is
# left out. X-MERIDIAN-* and other property names are data.

files-followed-no-event = no VEVENT in it
files-followed-not-meridian = not a Meridian event (no X-MERIDIAN-KIND)
files-followed-not-date = { $name } is not a date
files-followed-no-office = an office day without X-MERIDIAN-OFFICE
files-followed-end-before-start = DTEND is before DTSTART
files-followed-rep-zone = rep { $id } has no known X-MERIDIAN-TZ
files-followed-no-id = a meeting without X-MERIDIAN-ID
files-followed-no-dtstart = no DTSTART
files-followed-bad-duration = DURATION cannot be read
files-followed-no-length = the meeting has no positive length
files-followed-no-tzid = { $name } has no IANA TZID
files-followed-not-date-time = { $name } is not a date-time

# src/io/ics/export.rs: why a calendar could not be written (what is
# written into the calendar file itself stays English).

files-export-unknown-rep = no rep with id { $id }
files-export-unknown-team = no team with id { $id }
files-export-meeting = meeting { $meeting }: { $message }
files-export-year-range = year { $year } is out of range
