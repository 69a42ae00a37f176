# src/io/json.rs: what a JSON value is, for "expected …, got …" problems.
# $kind is the value's code: null, boolean, number, string, list, object.

io-json-kind = { $kind ->
    [null] null
    [boolean] a boolean
    [number] a number
    [string] a string
    [list] a list
   *[object] an object
}

# src/io/scenario.rs and src/io/what_if.rs: problems of a whole file.
# $error is the JSON reader's own message (English, with line and column).

io-file-too-big = { $bytes } bytes is more than the limit of { $max }
io-not-json = not valid JSON: { $error }
io-not-writable = cannot be written as JSON: { $error }

# src/io/scenario.rs and src/io/what_if.rs: problems of one value. $found is
# an io-json-kind; $value the value as written in the document (data);
# quoted ids and names come with their quotes.

io-expected-object = expected an object, got { $found }
io-duplicate-key = key given twice in one object
io-unknown-field = unknown field
io-missing-field = required field is missing
io-too-long = { $count } characters is longer than the limit of { $max }
io-too-many-items = { $count } items is more than the limit of { $max }
io-empty = must not be empty
io-expected-string = expected a string, got { $found }
io-expected-string-or-null = expected a string or null, got { $found }
io-expected-boolean = expected true or false, got { $found }
io-expected-integer = expected a whole number, got { $found } { $value }
io-expected-number = expected a number, got { $found }
io-expected-list = expected a list, got { $found }
io-at-least = must be >= { $min }, got { $value }
io-at-most = must be <= { $max }, got { $value }
io-between = must be { $min } to { $max }, got { $value }
io-number-out-of-range = number out of range: { $value }
io-negative = must not be negative, got { $value }
io-number-too-large = too large: { $value }
io-not-weekday = not a weekday (mon..sun): { $value }
io-expected-date = expected a date YYYY-MM-DD, got { $value }
io-expected-local-date-time = expected a local date-time YYYY-MM-DDTHH:MM, got { $value }
io-expected-time = expected a time HH:MM, got { $value }
io-end-of-day = 24:00 is only allowed as an interval end
io-unknown-zone = unknown time zone { $zone }
io-expected-zone = expected an IANA time zone name, got { $found }
io-unknown-region = unknown holidays region { $region }
io-unknown-region-nearest = unknown holidays region { $region }; the nearest are { $nearest }
io-expected-region = expected a region code such as "GB-ENG" or null, got { $found }
io-expected-pair = expected a pair ["HH:MM", "HH:MM"]
io-start-not-before-end = start { $start } is not before end { $end }
# $other is the path of the other interval (data).
io-interval-overlaps = overlaps { $other }
io-min-above-max = min { $min } > max { $max }
io-wrong-format = expected { $format }, got { $value }

# src/io/scenario.rs: ids and references. $other is the path of the first
# item with the id (data).

io-duplicate-id = duplicate id { $id } (also { $other })
io-duplicate-request-id = duplicate request id { $id }
io-unknown-team = unknown team { $id }
io-unknown-office = unknown office { $id }
io-unknown-rep = unknown rep { $id }
io-listed-twice = { $id } listed twice

# src/io/scenario.rs: reps, their hours, time off and trips.

io-stretch-overlaps-working = stretch { $stretch } overlaps working { $working }
io-end-before-start = end { $end } is before start { $start }
io-to-before-from = to { $to } is before from { $from }
io-trips-unsorted = trips are not in date order
io-trip-to-home-office = { $office } is the rep's home office: a trip goes to another office
io-trips-overlap = trip { $from }..{ $to } overlaps the trip { $other_from }..{ $other_to }: a rep is at one office a day

# src/io/scenario.rs: tasks and office days.

io-pinned-needs-assignee = a pinned task needs an assignee
io-office-day-not-office = { $office } is not the office of { $rep } on { $date }
io-office-day-not-home-office = { $office } is not the home office of { $rep } on { $date }
io-office-closed = office { $office } is not open on { $date }
io-office-day-twice = { $rep } is listed twice on { $date }

# src/io/scenario.rs: meetings and meeting requests. $error is the
# recurrence rule's own problem.

io-invalid-rrule = invalid rrule { $rrule }: { $error }
io-window-too-long = window of { $days } days is longer than { $max }
io-too-many-attendees = { $count } required and optional attendees is more than the limit of { $max }
io-no-required-attendee = at least one required attendee is needed
io-required-and-optional = { $rep } is both required and optional
io-bad-granularity = must be one of 5, 10, 15, 20, 30, 60, got { $value }
io-repeat-window = a request repeated over { $weeks } weeks needs a window of at most 7 days, got { $days }
io-quorum-above-optional = asks for { $count } optional attendees, but the request has { $optional }
io-quorum-no-optional = asks for { $count } optional attendees, but the request has none
io-percent-range = a percentage must be 0% to 100%, got { $percent }%
io-expected-percent = expected a percentage such as "75%", got { $value }
io-expected-quorum = expected a count of optional attendees (such as 2) or a percentage (such as "75%"), got { $value }

# src/io/scenario.rs: the rotation request's locks. $why is the rules' own
# reason the rep cannot come in; $other the path of the first lock (data).

io-lock-outside = { $date } is outside the rotation's days { $first }..{ $last }
io-second-lock = second lock for { $rep } on { $date } (also { $other })
io-lock-blocked = lock puts { $rep } in the office on { $date } but { $why }

# src/io/what_if.rs: the changes of a policy what-if.

io-date-out-of-range = { $date }: dates run from 0000-01-01 to 9999-12-31
io-weeks-range = { $weeks } weeks: plan 1 to { $max } weeks
io-week-has-7-days = a week has 7 days, got { $value }
io-id-too-long = longer than the limit of { $max } characters
io-id-listed-twice = { $id } is listed twice
io-expected-office-id = expected an office id
