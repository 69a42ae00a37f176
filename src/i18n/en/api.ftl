# src/api: what the app's commands answer in words.

# The toast after Ctrl+Z / Ctrl+Shift+Z; $change is the change log's words
# for the change, in the language it was made in.
undo-done = Undone: { $change }
redo-done = Redone: { $change }

# src/api/mod.rs: who made a change ($source: app or cli; $at: UTC time),
# and files too big or not text.
api-by-author = { $source ->
    [the-app] the app
    [the-command-line] the command line
   *[other] { $source }
} at { $at }
api-not-utf8 = not UTF-8: { $error }
api-file-too-large = larger than the limit of { $mib } MiB for a file Meridian reads

# src/api/items.rs: $kind is team, office, rep, meeting or task. api-log-*
# are the change log's lines, api-undo-* what "Undo: …" names.
api-log-removed = removed { $kind } { $id }
api-log-added = added { $kind } { $id }
api-log-saved = saved { $kind } { $id }
api-undo-delete = delete { $kind } { $name }
api-undo-edit = edit { $kind } { $name }
api-undo-add = add { $kind } { $name }
# $list is teams, offices, reps, meetings or tasks.
api-item-limit = the team already holds { $count } { $list }, the limit

# src/api/undo.rs: the next step offered, and why an undo is refused.
api-undo-next = Undo: { $change }
api-redo-next = Redo: { $change }
api-log-undid = undid: { $change }
api-log-redid = redid: { $change }
api-undo-also-changes = it would also change { $item }
api-undo-item = { $kind } { $name }
api-undo-office-days-of = the office days of { $name }
api-undo-policy = the office-day policy
api-undo-requests = the planning settings (windows, locks, meeting requests)
api-undo-whole-team = the whole team
api-undo-rep-removed = rep { $id } was removed since
api-undo-office-removed = office { $id } was removed since

# src/api/write.rs: what changed since a held plan was made.
api-stale-changes = { $count } change(s) since
api-stale-changes-by = { $count } change(s) since, the last by { $by }
api-stale-replaced = the database was replaced
api-stale-replaced-by = the database was replaced, the last by { $by }

# src/api/calendars.rs
api-caldav-user-name = a user name of 1 to 256 characters is needed
api-caldav-local-database = the local database: { $error }
api-caldav-stopped = stopped by the user after { $done } of { $total } changes

# src/api/files.rs
api-import-summary = { $reps } reps, { $teams } teams, { $offices } offices, { $meetings } meetings, { $tasks } tasks, { $office_days } office days
api-log-imported = imported { $source }
api-log-sample = loaded the sample team
api-log-restored = restored { $name }
api-backup-in-memory = an in-memory database has no backups folder: name a file
api-backup-missing = no such backup; nothing was changed
api-backup-empty = an empty file, not a backup

# src/api/ics.rs, src/api/csv.rs, src/api/holiday_release.rs
api-log-imported-busy = imported busy times of { $rep }
api-log-imported-reps = imported reps from { $file }
api-log-holiday-release = holiday table { $release }: office days on new holidays dropped

# src/api/meetings.rs, src/api/people.rs
api-booking-no-title = enter a title
api-log-booked = booked { $title }
api-undo-book = book { $title }
api-log-policy = saved the policy
api-undo-change-policy = change the office-day policy

# src/api/reports.rs
api-log-lead-team = chose team { $id } as the lead's own
api-log-lead-team-cleared = cleared the lead's own team
api-report-own-team-only = per-person figures are exported for your own team only
api-report-desks-per-office = desk use is per office: a team applies to the teams and compliance reports

# src/api/rotation.rs: $rep and $office are ids in quotes.
api-log-window = planned { $weeks } weeks from { $from }
api-undo-window = set the planning window ({ $weeks } weeks from { $from })
api-log-lock = set a lock for { $rep } on { $date }
api-log-accepted = accepted office days { $first } to { $last }
api-undo-accept = accept the office days { $first } to { $last }
api-accept-unknown-rep = unknown rep { $rep }
api-accept-not-rep-office = { $office } is not the office { $rep } works from on { $date }
api-accept-outside = { $date } is outside the plan's days { $first }..{ $last }
api-accept-office-closed = office { $office } is not open on { $date }
api-accept-twice = { $rep } is listed twice on { $date }

# src/api/what_if.rs
api-what-if-nothing = the changes change nothing to store
api-undo-adopt = adopt the tried policy
api-what-if-item-problem = { $kind } { $id }: { $path }: { $problem }
api-log-adopt-policy = policy { $min }–{ $max } days a week
api-log-adopt-offices = { $count } office(s)
api-log-adopt-teams = { $count } team(s)
api-log-adopt-reps = { $count } rep(s)
api-log-adopt = adopted a policy what-if: { $parts }

# src/api/workload.rs
api-log-balance-window = balancing { $from } to { $to }
api-undo-balance-window = set the balance window to { $from } – { $to }
api-log-moved-tasks = moved { $count } task(s)
api-undo-apply-moves = apply the workload plan ({ $count } task(s))
api-balance-pinned = task { $task } is pinned to { $rep }; unpin it before moving it
api-balance-pinned-nobody = task { $task } is pinned to nobody; unpin it before moving it

# src/api/screens/board.rs: the plan's objective terms and their units,
# and why a rep's cell is away.
api-term-co-presence = Teammates together
api-term-anchor = Team anchor days
api-term-preference = Preferred days
api-term-in-person = In-person meetings
api-unit-pair-day = pair-day
api-unit-rep-day = rep-day
api-unit-attendee = attendee
api-board-weeks = { $weeks } weeks: plan 1 to { $max } weeks
api-board-in-other-office = In { $office } office
api-board-remote = Remote (no office that day)
# src/api/screens/board.rs, team_week.rs: the row of reps without a team.
api-no-team = No team

# src/api/screens/fairness.rs, regions.rs
api-fairness-period = the period { $from } to { $to } must not end before it starts and may span at most { $max } dates
api-region-unknown = unknown holidays region { $code }
api-region-unknown-near = unknown holidays region { $code }; the nearest are { $nearest }

# src/api/screens/workload.rs: the notice after Apply when the remaining
# proposals changed; $tasks lists task titles.
api-replan-added = { $count } new { $count ->
    [one] proposal
   *[other] proposals
} ({ $tasks })
api-replan-dropped = { $count } no longer proposed ({ $tasks })
api-replan-now-to = { $task } now to { $rep }
api-replan-retargeted = { $count } going to someone else ({ $tasks })
api-replan-notice = The remaining proposals changed after Apply, because the applied moves changed everyone's load: { $changes }.
api-and-more = { $head } and { $count } more

# src/api/screens/meetings.rs: a meeting's schedule in words, e.g.
# "Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026".
api-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# 1st, 2nd, 3rd, 11th, 21st…
api-rec-nth = { $n ->
    [1] { $n }st
    [2] { $n }nd
    [3] { $n }rd
    [21] { $n }st
    [22] { $n }nd
    [23] { $n }rd
    [31] { $n }st
   *[other] { $n }th
}
# $n: 1 to 5 from the start of the month, -1 to -5 from its end.
api-rec-ordinal = { $n ->
    [1] first
    [2] second
    [3] third
    [4] fourth
    [-1] last
    [-2] second-to-last
    [-3] third-to-last
    [-4] fourth-to-last
    [-5] fifth-to-last
   *[5] fifth
}
api-rec-time = { $start }–{ $end } { $zone }
api-rec-time-next-day = { $start }–{ $end } next day { $zone }
api-rec-time-days = { $start }–{ $end } +{ $days } days { $zone }
api-rec-weekdays = Every weekday (Monday to Friday)
api-rec-every-days = Every { $days }
api-rec-every-n-days-when = Every { $n } days, when that is a { $days }
api-rec-daily = { $n ->
    [1] Daily
   *[other] Every { $n } days
}
api-rec-every-week = { $n ->
    [1] Weekly
   *[other] Every { $n } weeks
}
api-rec-every-month = { $n ->
    [1] Monthly
   *[other] Every { $n } months
}
api-rec-every-year = { $n ->
    [1] Yearly
   *[other] Every { $n } years
}
api-rec-weekly = { $every } on { $days }
api-rec-monthly = { $every } on { $on }
api-rec-month-every-day = every { $day }
api-rec-month-nth-day = the { $ordinal } { $day }
# Month days after "on" (on-*) and after "that falls on" (falls-*).
api-rec-on-nth-day = the { $ordinal } day
api-rec-on-nth = the { $nth }
api-rec-falls-nth-day = the { $ordinal } day
api-rec-falls-nth = the { $nth }
api-rec-falls-on = { $on } that falls on { $days }
api-rec-yearly-on = { $every } on { $day } { $month }
api-rec-yearly-nth-of = { $every } on the { $nth } of { $months }
api-rec-only-in = { $pattern }, only in { $months }
api-rec-once = Once: { $date }, { $time }
api-rec-raw = From { $from }, { $time }, repeating by the rule { $rule }
api-rec-series = { $pattern }, { $time }, from { $from }
api-rec-times = { $count } times
api-rec-first-then = { $first }, then { $pattern }
api-rec-first-then-from = { $first }, then { $pattern } from { $from }
api-rec-times-in-all = { $count } times in all
api-rec-until = until { $until }
