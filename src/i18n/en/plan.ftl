# src/plan/mod.rs: why a planner could not run. $id is the id in quotes.

plan-error-rule = meeting { $meeting }: { $message }
plan-error-unknown-rep = unknown rep { $id }
plan-error-unknown-request = no meeting request { $id } in the scenario
plan-error-unknown-office = unknown office { $id }
plan-error-missing-request = the scenario has no { $kind } request
plan-error-cancelled = planning was cancelled
plan-error-window = balance window { $from } to { $to }: `to` must not be before `from` and the window may span at most 366 dates

# src/plan/meeting/explain.rs: a slot as each attendee sees it. $slot is
# "Tue 08:30–09:15"; $meetings the meetings' titles with their ids.

plan-meeting-note-busy = { $slot }: in { $meetings }
plan-meeting-note-time-off = { $slot }: on time off
plan-meeting-note-outside = { $slot }: { $minutes } min outside working and stretch hours
plan-meeting-note-stretch = { $slot }: { $minutes } min in stretch hours
plan-meeting-note-working = { $slot }: within working hours
plan-meeting-travel-week = { $name } is in { $office } this week
plan-meeting-travel-day = { $name } is in { $office } on { $date }
plan-meeting-travel-days = { $name } is in { $office } { $from }–{ $to }
plan-meeting-travel-there = { $away }, { $time } there

# src/plan/meeting/explain.rs: why nothing fits, and the ways out. $who is
# a person as "Name (id, zone)".

plan-meeting-no-start = the window { $from } to { $to } has no start on the { $minutes }-minute grid
plan-meeting-never-time-off-window = { $who } is on time off for the whole window
plan-meeting-never-time-off-day = { $who } is on time off that day
plan-meeting-never-hours = { $who } has no working or stretch hours at any candidate time
plan-meeting-never-meetings = { $who } is in other meetings at every candidate time
plan-meeting-never-any = { $who } is busy, off or outside their hours at every candidate time
plan-meeting-no-common-window = { $a } and { $b } have no common working or stretch hours on any day in the window
plan-meeting-no-common-day = { $a } and { $b } have no common working or stretch hours that day
plan-meeting-never-all = every two of { $ids } can meet at some time, but never all of them at once
plan-meeting-way-stretch = fits { $start } (their local { $weekday } { $time }) if { $who } stretches { $minutes } minutes beyond their hours
plan-meeting-way-optional = fits { $start } if { $who } is optional
plan-meeting-quorum = { $quorum } of the { $optional } optional attendees
plan-meeting-quorum-percent = { $quorum } of the { $optional } optional attendees ({ $percent })
plan-meeting-quorum-short-window = no slot in the window reaches the quorum of { $quorum }: at most { $most } can come, at { $when }, where { $missing } more of { $away } would have to be free
plan-meeting-quorum-short-day = no slot that day reaches the quorum of { $quorum }: at most { $most } can come, at { $when }, where { $missing } more of { $away } would have to be free
plan-meeting-way-quorum = fits { $start } with a quorum of { $most }
plan-meeting-way-come = fits { $start } if { $who } can come
plan-meeting-both = { $a } and { $b }
plan-meeting-why-busy = busy: { $ids }
plan-meeting-why-time-off = time off
plan-meeting-why-outside = outside hours
plan-meeting-why-unavailable = unavailable

# src/plan/meeting/explain.rs: a series whose local time moves (DST).

plan-meeting-dst = from week { $week } ({ $date }): { $id } starts at { $time } local instead of { $before } ({ $zone } and { $request_zone } change offset on different dates)

# src/plan/meeting/explain.rs: why fewer suggestions came back than asked
# for. $weeks is the series' length (1: one meeting); $quorum 0 without one.

plan-meeting-fewer = Only { $shown } of the { $asked } asked for { $weeks ->
    [1] fit everyone
   *[other] fit everyone in all { $weeks } weeks
} between { $from } and { $to } ({ $zone }): every other start that { $quorum ->
    [0] suits all required people
   *[other] suits all required people and { $quorum } of the optional
} overlaps one shown.
plan-meeting-nothing-fits = Nothing fits on { $dates }: { $reason }.
plan-meeting-not-looked-at = { $count } later { $count ->
    [one] date without a suggestion was
   *[other] dates without a suggestion were
} not looked at here.
plan-meeting-more = For more choices, { $ways }.
plan-meeting-more-widen = widen the dates
plan-meeting-more-shorten = shorten the meeting
plan-meeting-more-optional = make someone optional
plan-meeting-more-quorum = lower the quorum

# src/plan/meeting/fair.rs, top_k.rs: a fair series, a varied list.

plan-meeting-fair-week = week { $week } ({ $from } to { $to }): { $reason }
plan-meeting-fair-none = no plan exists
plan-meeting-varied = Varied list: the best slot at each of { $times } different times of day, then the next best in order; the exact top { $k } ranks by cost and start alone.

# src/plan/meeting/booking.rs: a booking that cannot be read.

plan-booking-bad-start = starts[{ $index }]: { $start } is not a UTC time: { $error }
plan-booking-no-start = a booking needs at least one start

# src/plan/rotation/answer.rs: how close a rotation is to the best.
# $percent is "0.4" (one decimal, the language's separator).

plan-rotation-optimal = proven optimal
plan-rotation-within = within { $percent }% of the best possible

# src/plan/rotation/explain.rs: why a rep is in on a day.

plan-rotation-why-visiting = visiting the { $office } office
plan-rotation-why-locked = locked in by the lead
plan-rotation-why-anchor = team anchor day
plan-rotation-why-teammates = { $count } { $count ->
    [one] teammate
   *[other] teammates
} in
plan-rotation-why-preferred = preferred day
plan-rotation-why-meeting = in-person meeting: { $title }
plan-rotation-why-minimum = weekly minimum of { $min } office days
plan-rotation-remote-max-zero = remote this week (maximum 0 office days)
plan-rotation-remote-none-required = remote this week (no office day required)

# src/plan/rotation/flow.rs: why no rotation exists in a week, and fixes.
# $offices are office ids, $week an ISO week (2026-W49), $rep a rep's id.

plan-rotation-and-more = and { $count } more
plan-rotation-failure = { $offices }, week { $week }: { $problems }
plan-rotation-failure-desks = { $offices }, week { $week }: reps need at least { $need } desk-days, { $have } are available: { $problems }
plan-rotation-fix = { $offices }, week { $week }: { $fix }
plan-rotation-fix-desks = { $offices }, week { $week }: { $desks } more desk(s), or weekly minimums lower by { $short } desk-day(s) in all
plan-rotation-fix-more-desks = { $offices }, week { $week }: more desks, or weekly minimums lower by { $short } desk-day(s) in all
plan-rotation-over-maximum = { $rep } is locked in on { $locked } days, more than their maximum of { $max }
plan-rotation-release-locks = release { $count } of { $rep }'s locks in that week
plan-rotation-day-over-locked = { $count } reps are locked in on { $date } but there are { $desks } desks
plan-rotation-day-over-locked-at = { $count } reps are locked in at { $office } on { $date } but there are { $desks } desks
plan-rotation-release-day = release { $count } of the locks on { $date } ({ $who })
plan-rotation-release-day-at = release { $count } of the locks at { $office } on { $date } ({ $who })
plan-rotation-locked-out = { $rep } must be in on { $min } day(s) (policy minimum, capped by open days) but is locked out of all but { $free }
plan-rotation-release-lock-out = release { $rep }'s lock-out on { $dates }
plan-rotation-no-desk = { $rep } needs { $min } office day(s) and every desk on their { $open } open day(s) is taken
plan-rotation-desk-more = a desk more on { $days }, or a lower minimum for { $rep }
plan-rotation-day-at = { $day } at { $office }
plan-rotation-either = { $a } or { $b }

# src/plan/balance/explain.rs: why a task changes hands, or cannot. $from
# and $to are "Name (40% → 60%)"; $amount and $free are "9 h" or "45 min".

plan-balance-gives = gives { $amount } of unassigned work to { $to }
plan-balance-moves = moves { $amount } from { $from } to { $to }
plan-balance-lacks-skills = { $name } lacks skills: { $skills }
plan-balance-no-time-by = { $name } has no working time by { $due }
plan-balance-at-risk-with = at risk with { $name }
plan-balance-due-short = due { $due }, { $name } has only { $free } free before then: at risk by this change alone
plan-balance-due-free = due { $due }, { $name } has { $free } free before then
plan-balance-nobody-all-skills = no rep has all of the skills: { $skills }
plan-balance-nobody-skills = no rep has skills: { $skills }
plan-balance-nobody-time = no rep has working time on or before its due date, { $due }
plan-balance-nobody-skilled-time = no rep with skills { $skills } has working time on or before its due date, { $due } ({ $names })
plan-balance-past-due = not proposed: already past due ({ $due }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} ago); reassign it by hand if it still needs doing
plan-balance-percent = { $percent }%
plan-balance-minutes = { $minutes } min
plan-balance-hours = { $hours } h

# src/plan/what_if.rs: changes that name what the team lacks, and notes on
# what a what-if leaves out. $id is the id in quotes.

plan-whatif-unknown-office = unknown office { $id }
plan-whatif-unknown-team = unknown team { $id }
plan-whatif-unknown-rep = unknown rep { $id }
plan-whatif-after-changes = after these changes, { $path }: { $message }
plan-whatif-own-days = { $count } rep(s) keep their own office days per week, which outrank the policy: { $names }
plan-whatif-own-days-more = { $count } rep(s) keep their own office days per week, which outrank the policy: { $names } and { $more } more
plan-whatif-dropped-locks = { $count } lock(s) in the office that the changes make impossible are left out
plan-whatif-dropped-office-days = { $count } accepted office day(s) the changes rule out would be dropped on Adopt

# src/plan/week.rs: the calendar view's dates and event titles.

plan-week-dates = a calendar view runs forward over at most { $max } days, got { $from } to { $to }
plan-week-no-instants = { $from } to { $to } has no instants in { $zone }
plan-week-working = Working hours
plan-week-stretch = Stretch hours
plan-week-time-off = Time off
plan-week-holiday = { $name } (public holiday)
plan-week-in-office = In the office · { $office }
plan-week-due = Due: { $title }

# src/plan/agenda.rs, ledger.rs: dates that cannot be read as asked.

plan-agenda-dates = the agenda's dates must run forward over at most 366 days, got { $from } to { $to }
plan-ledger-dates = period { $from } to { $to }: `to` must not be before `from` and the period may span at most { $max } dates

# src/plan/report: reports' windows and groups.

plan-report-weeks = { $weeks } weeks: a report covers 1 to 104 weeks
plan-report-no-team = No team
