//! Words for the meeting planner's answers: chosen starts as occurrences
//! explained for each attendee (a note and a day ribbon), why nothing fits,
//! the nearest ways out, and DST shifts in a series. Pure functions of the
//! planner's data; costs come from `planner.rs`.

use crate::model::{MeetingRequest, Scenario};
use crate::plan::calendar::RepCalendar;
use crate::plan::calendar::SlotView;
use crate::plan::meeting::answer::{
    AttendeeSlot, DayRibbon, MeetingAnswer, Occurrence, RibbonKind, RibbonSegment, Status,
};
use crate::plan::meeting::planner::{Person, Planner};
use crate::plan::PlanError;
use crate::tr;
use crate::tz::{self, Minute};

fn hhmm(local: &str) -> &str {
    local.get(11..16).unwrap_or(local)
}

fn weekday_short(local: &str) -> String {
    crate::model::parse_date(local.get(..10).unwrap_or(""))
        .map(|d| crate::i18n::weekday_short(crate::model::Weekday::of(d)))
        .unwrap_or_default()
}

fn who(p: &Planner, id: &str) -> String {
    match p.ctx.rep(id) {
        Some(r) if r.name != r.id => format!("{} ({id}, {})", r.name, r.time_zone),
        Some(r) => format!("{id} ({})", r.time_zone),
        None => id.to_string(),
    }
}

/// The weekdays by index (Monday = 0).
const WEEKDAYS: [crate::model::Weekday; 7] = {
    use crate::model::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
};

/// A local time as text and as local epoch minutes. Outside the years
/// 0000–9999 the text is chrono's, and what is read from it (weekday,
/// date) is read from the text as before.
struct Local {
    text: String,
    minute: Minute,
}

impl Local {
    fn new(cal: &RepCalendar, m: Minute) -> Local {
        let minute = cal.local_minute(m);
        Local {
            text: tz::fmt_local_minute(minute),
            minute,
        }
    }

    fn standard(&self) -> bool {
        self.text.len() == 16
    }

    fn day(&self) -> i64 {
        self.minute.div_euclid(tz::DAY)
    }

    fn weekday_short(&self) -> String {
        if self.standard() {
            crate::i18n::weekday_short(WEEKDAYS[tz::weekday_index(self.day())])
        } else {
            weekday_short(&self.text)
        }
    }
}

/// How the slot `[s, s + duration)` looks to one person.
pub(crate) fn attendee_slot(p: &Planner, person: &Person, v: &SlotView, s: Minute) -> AttendeeSlot {
    let e = s + p.duration;
    let cal = &person.cal;
    let start = Local::new(cal, s);
    let end = Local::new(cal, e);
    // "Tue 08:30–09:15", then what it means.
    let slot = format!(
        "{} {}–{}",
        start.weekday_short(),
        hhmm(&start.text),
        hhmm(&end.text)
    );
    // `reason` is the contract's code-like text (`busy: m1, m2`, `time
    // off`, `outside hours`) and stays English; `note` is for people.
    let (status, reason, mut note) = if v.busy {
        let meetings = p.ctx.busy_meetings(cal, s, e);
        let ids: Vec<&str> = meetings
            .iter()
            .map(|&mi| p.ctx.sc.meetings[mi].id.as_str())
            .collect();
        let titles: Vec<String> = meetings
            .iter()
            .map(|&mi| {
                let m = &p.ctx.sc.meetings[mi];
                format!("{} ({})", m.title, m.id)
            })
            .collect();
        (
            Status::Unavailable,
            Some(format!("busy: {}", ids.join(", "))),
            tr!(
                "plan-meeting-note-busy",
                slot = slot,
                meetings = titles.join(", ")
            ),
        )
    } else if v.time_off {
        (
            Status::Unavailable,
            Some("time off".to_string()),
            tr!("plan-meeting-note-time-off", slot = slot),
        )
    } else if v.outside > 0 {
        (
            Status::Unavailable,
            Some("outside hours".to_string()),
            tr!(
                "plan-meeting-note-outside",
                slot = slot,
                minutes = v.outside
            ),
        )
    } else if v.stretch > 0 {
        (
            Status::Stretch,
            None,
            tr!(
                "plan-meeting-note-stretch",
                slot = slot,
                minutes = v.stretch
            ),
        )
    } else {
        (
            Status::Working,
            None,
            tr!("plan-meeting-note-working", slot = slot),
        )
    };
    if let Some(away) = travelling(p, person.id, &start, s) {
        note.push_str(" (");
        note.push_str(&away);
        note.push(')');
    }
    let day = ribbon(cal, &start, s, e);
    AttendeeSlot {
        id: person.id.to_string(),
        time_zone: cal.zone.name().to_string(),
        local_start: start.text,
        local_end: end.text,
        status,
        stretch_minutes: v.stretch,
        reason,
        required: person.required,
        note,
        day,
    }
}

/// Where a travelling attendee is on the slot's local date, and the slot's
/// wall clock there: "Ana is in New York this week, 09:30 there". `None`
/// on a day at home. "This week" when the trip covers the week's Monday to
/// Friday, else the trip's dates.
fn travelling(p: &Planner, id: &str, start: &Local, s: Minute) -> Option<String> {
    use chrono::Datelike;
    let rep = p.ctx.rep(id)?;
    let date = tz::index_date(start.day());
    let trip = rep.trip_on(date)?;
    let office = p.ctx.office(&trip.office)?;
    let monday = date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
    let (name, office_name) = (rep.name.as_str(), office.name.as_str());
    let away = if trip.from <= monday && monday + chrono::Duration::days(4) <= trip.to {
        tr!(
            "plan-meeting-travel-week",
            name = name,
            office = office_name
        )
    } else if trip.from == trip.to {
        tr!(
            "plan-meeting-travel-day",
            name = name,
            office = office_name,
            date = crate::i18n::date(trip.from)
        )
    } else {
        tr!(
            "plan-meeting-travel-days",
            name = name,
            office = office_name,
            from = crate::i18n::date(trip.from),
            to = crate::i18n::date(trip.to)
        )
    };
    let there = p
        .ctx
        .zone(&office.time_zone)
        .map(|z| tz::fmt_local_minute(z.local_minute(s)));
    Some(match there {
        Some(t) => tr!("plan-meeting-travel-there", away = away, time = hhmm(&t)),
        None => away,
    })
}

/// The local day (of the slot's local start) of one calendar, as pieces of
/// one kind each; time off wins over busy over working over stretch.
fn ribbon(cal: &RepCalendar, start: &Local, s: Minute, e: Minute) -> DayRibbon {
    let date = start.text.get(..10).unwrap_or("").to_string();
    let di = if start.standard() {
        Some(start.day())
    } else {
        crate::model::parse_date(&date).map(tz::day_index)
    };
    let Some(di) = di else {
        return DayRibbon {
            date,
            length_minutes: 0,
            segments: Vec::new(),
            slot_from: 0,
            slot_to: 0,
        };
    };
    let (day_start, day_end) = cal.date_span(di).unwrap_or((s, e));
    // In priority order: the first set covering a piece gives its kind.
    let sets = [
        (&cal.time_off, RibbonKind::TimeOff),
        (&cal.busy_set, RibbonKind::Busy),
        (&cal.working, RibbonKind::Working),
        (&cal.stretch, RibbonKind::Stretch),
    ];
    let mut cuts: Vec<Minute> = Vec::with_capacity(16);
    cuts.push(day_start);
    cuts.push(day_end);
    for (set, _) in &sets {
        for (a, b) in set.overlapping(day_start, day_end) {
            for t in [a, b] {
                if day_start < t && t < day_end {
                    cuts.push(t);
                }
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Every set boundary inside the day is a cut, so a set meets a piece
    // between two cuts exactly when it covers some of it: one sweep per set
    // over the cuts answers all pieces.
    let mut sweeps = sets.map(|(set, kind)| (set.sweep_from(day_start), kind, 0));
    for (sweep, _, before) in &mut sweeps {
        *before = sweep.cumulative(day_start);
    }
    let mut segments: Vec<RibbonSegment> = Vec::with_capacity(cuts.len().saturating_sub(1));
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut kind = RibbonKind::Off;
        for (sweep, k, before) in &mut sweeps {
            let upto = sweep.cumulative(b);
            if upto > *before && kind == RibbonKind::Off {
                kind = *k;
            }
            *before = upto;
        }
        let (from, to) = (a - day_start, b - day_start);
        match segments.last_mut() {
            Some(last) if last.kind == kind && last.to == from => last.to = to,
            _ => segments.push(RibbonSegment { from, to, kind }),
        }
    }
    DayRibbon {
        date,
        length_minutes: day_end - day_start,
        segments,
        slot_from: s - day_start,
        slot_to: e - day_start,
    }
}

// Here rather than in `planner.rs`: the planner scores, and never needs words.
impl Planner<'_> {
    /// The occurrences starting at `starts`, explained for every attendee.
    /// Person by person rather than slot by slot, so each calendar is
    /// read while it is in cache (a thousand calendars are not).
    pub fn occurrences(&self, starts: &[Minute]) -> Vec<Occurrence> {
        let n = self.people.len();
        let mut views: Vec<SlotView> = Vec::with_capacity(starts.len() * n);
        let mut slots: Vec<Vec<AttendeeSlot>> =
            starts.iter().map(|_| Vec::with_capacity(n)).collect();
        for p in &self.people {
            for (&s, slots) in starts.iter().zip(&mut slots) {
                let v = p.cal.view(s, s + self.duration);
                slots.push(attendee_slot(self, p, &v, s));
                views.push(v);
            }
        }
        // Person-major: person `j`'s view of start `i` is at `j * m + i`.
        let m = starts.len();
        starts
            .iter()
            .zip(slots)
            .enumerate()
            .map(|(i, (&s, attendees))| {
                let views: Vec<SlotView> = (0..n).map(|j| views[j * m + i]).collect();
                self.occurrence_of(s, &views, attendees)
            })
            .collect()
    }

    fn occurrence_of(
        &self,
        s: Minute,
        views: &[SlotView],
        attendees: Vec<AttendeeSlot>,
    ) -> Occurrence {
        let cost = self.cost_of(views).unwrap_or_else(|| {
            // An infeasible slot still has a cost by the formula; only shown
            // when explaining.
            views
                .iter()
                .zip(&self.people)
                .map(|(v, p)| {
                    if v.available() || p.required {
                        v.stretch
                    } else {
                        self.duration
                    }
                })
                .sum()
        });
        Occurrence {
            start: tz::fmt_utc(s),
            end: tz::fmt_utc(s + self.duration),
            cost,
            attendees,
        }
    }
}

/// Why no candidate fits, naming people, and the nearest ways out.
/// `occurrences[c]` are the occurrence starts of candidate `c`.
pub(crate) fn infeasible(p: &Planner, starts: &[Minute]) -> (String, Vec<String>) {
    infeasible_in(p, starts, Scope::Window)
}

/// What the starts an explanation looks at cover, for its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The request's whole window.
    Window,
    /// One local date of it.
    Day,
}

fn infeasible_in(p: &Planner, starts: &[Minute], scope: Scope) -> (String, Vec<String>) {
    let weeks = i64::from(if p.req.fair_rotation {
        1
    } else {
        p.req.repeat_weeks.max(1)
    });
    // views[k][c][person]
    let views: Vec<Vec<Vec<SlotView>>> = (0..weeks)
        .map(|k| {
            let ss: Vec<Minute> = starts.iter().map(|&s| p.series_start(s, k)).collect();
            p.views(&ss)
        })
        .collect();
    let n = p.people.len();
    let available = |c: usize, i: usize| views.iter().all(|w| w[c][i].available());
    let required: Vec<usize> = (0..n).filter(|&i| p.people[i].required).collect();
    if starts.is_empty() {
        return (
            tr!(
                "plan-meeting-no-start",
                from = p.req.from.to_string(),
                to = p.req.to.to_string(),
                minutes = p.req.granularity_minutes
            ),
            Vec::new(),
        );
    }
    if p.quorum > 0 {
        let together: Vec<usize> = (0..starts.len())
            .filter(|&c| required.iter().all(|&i| available(c, i)))
            .collect();
        if !together.is_empty() {
            return quorum_short(p, starts, &views, &together, scope);
        }
    }
    let never: Vec<usize> = required
        .iter()
        .copied()
        .filter(|&i| (0..starts.len()).all(|c| !available(c, i)))
        .collect();
    let reason = if !never.is_empty() {
        let parts: Vec<String> = never
            .iter()
            .map(|&i| {
                let all = |f: &dyn Fn(&SlotView) -> bool| {
                    (0..starts.len()).all(|c| views.iter().any(|w| f(&w[c][i])))
                };
                let who = who(p, p.people[i].id);
                if all(&|v| v.time_off) {
                    match scope {
                        Scope::Window => tr!("plan-meeting-never-time-off-window", who = who),
                        Scope::Day => tr!("plan-meeting-never-time-off-day", who = who),
                    }
                } else if all(&|v| v.working + v.stretch == 0) {
                    tr!("plan-meeting-never-hours", who = who)
                } else if all(&|v| v.busy) {
                    tr!("plan-meeting-never-meetings", who = who)
                } else {
                    tr!("plan-meeting-never-any", who = who)
                }
            })
            .collect();
        parts.join("; ")
    } else {
        let mut pair = None;
        'outer: for (x, &i) in required.iter().enumerate() {
            for &j in &required[x + 1..] {
                if !(0..starts.len()).any(|c| available(c, i) && available(c, j)) {
                    pair = Some((i, j));
                    break 'outer;
                }
            }
        }
        match pair {
            Some((i, j)) => {
                let (a, b) = (who(p, p.people[i].id), who(p, p.people[j].id));
                match scope {
                    Scope::Window => tr!("plan-meeting-no-common-window", a = a, b = b),
                    Scope::Day => tr!("plan-meeting-no-common-day", a = a, b = b),
                }
            }
            None => {
                let names: Vec<String> = required
                    .iter()
                    .map(|&i| p.people[i].id.to_string())
                    .collect();
                tr!("plan-meeting-never-all", ids = names.join(", "))
            }
        }
    };

    let mut ways = Vec::new();
    // Ways out 1: one required person stretches a little further.
    for &x in &required {
        let mut best: Option<(Minute, usize)> = None;
        for c in 0..starts.len() {
            let others_ok = required.iter().all(|&i| i == x || available(c, i));
            if !others_ok {
                continue;
            }
            let only_hours = views.iter().all(|w| !w[c][x].busy && !w[c][x].time_off);
            if !only_hours {
                continue;
            }
            let need: Minute = views.iter().map(|w| w[c][x].outside).sum();
            if best.is_none_or(|(b, _)| need < b) {
                best = Some((need, c));
            }
        }
        if let Some((need, c)) = best {
            let s = starts[c];
            let local = p.people[x].cal.zone.fmt_local(s);
            ways.push((
                need,
                tr!(
                    "plan-meeting-way-stretch",
                    start = tz::fmt_utc(s),
                    weekday = weekday_short(&local),
                    time = hhmm(&local),
                    who = who(p, p.people[x].id),
                    minutes = need
                ),
            ));
        }
    }
    // Ways out 2: one required person becomes optional.
    if required.len() > 1 {
        for &x in &required {
            let c =
                (0..starts.len()).find(|&c| required.iter().all(|&i| i == x || available(c, i)));
            if let Some(c) = c {
                ways.push((
                    p.duration,
                    tr!(
                        "plan-meeting-way-optional",
                        start = tz::fmt_utc(starts[c]),
                        who = who(p, p.people[x].id)
                    ),
                ));
            }
        }
    }
    ways.sort();
    (reason, ways.into_iter().take(5).map(|(_, w)| w).collect())
}

/// Why no slot reaches the quorum although the required attendees can all
/// meet (at the starts `together`): the slot where most optional attendees
/// can come (earliest of those), and who else would have to be free there.
fn quorum_short(
    p: &Planner,
    starts: &[Minute],
    views: &[Vec<Vec<SlotView>>],
    together: &[usize],
    scope: Scope,
) -> (String, Vec<String>) {
    let optional: Vec<usize> = (0..p.people.len())
        .filter(|&i| !p.people[i].required)
        .collect();
    let coming = |c: usize, i: usize| views.iter().all(|w| w[c][i].available());
    let count = |c: usize| optional.iter().filter(|&&i| coming(c, i)).count();
    // `together` is ascending, so the first best is the earliest.
    let mut best = together[0];
    for &c in together {
        if count(c) > count(best) {
            best = c;
        }
    }
    let most = count(best);
    let missing = p.quorum - most;
    let s = starts[best];
    let away: Vec<String> = optional
        .iter()
        .filter(|&&i| !coming(best, i))
        .map(|&i| {
            // The first week in which this person cannot come says why.
            let (k, v) = views
                .iter()
                .enumerate()
                .find_map(|(k, w)| (!w[best][i].available()).then_some((k, w[best][i])))
                .unwrap_or((0, views[0][best][i]));
            let sk = p.series_start(s, k as i64);
            let why = unavailable_words(p, &p.people[i], &v, sk);
            format!("{} ({why})", who(p, p.people[i].id))
        })
        .collect();
    let local = p.zone.fmt_local(s);
    let when = format!(
        "{} ({} {} {})",
        tz::fmt_utc(s),
        weekday_short(&local),
        hhmm(&local),
        p.zone.name()
    );
    let quorum = match p.req.min_optional {
        Some(q @ crate::model::Quorum::Percent(_)) => tr!(
            "plan-meeting-quorum-percent",
            quorum = p.quorum,
            optional = optional.len(),
            percent = q.words()
        ),
        _ => tr!(
            "plan-meeting-quorum",
            quorum = p.quorum,
            optional = optional.len()
        ),
    };
    let away = away.join(", ");
    let reason = match scope {
        Scope::Window => tr!(
            "plan-meeting-quorum-short-window",
            quorum = quorum,
            most = most,
            when = when,
            missing = missing,
            away = away
        ),
        Scope::Day => tr!(
            "plan-meeting-quorum-short-day",
            quorum = quorum,
            most = most,
            when = when,
            missing = missing,
            away = away
        ),
    };
    let mut ways = vec![tr!(
        "plan-meeting-way-quorum",
        start = tz::fmt_utc(s),
        most = most
    )];
    if missing <= 3 {
        let who = optional
            .iter()
            .filter(|&&i| !coming(best, i))
            .take(missing)
            .map(|&i| p.people[i].id.to_string())
            .reduce(|a, b| tr!("plan-meeting-both", a = a, b = b))
            .unwrap_or_default();
        ways.push(tr!(
            "plan-meeting-way-come",
            start = tz::fmt_utc(s),
            who = who
        ));
    }
    (reason, ways)
}

/// Why an optional attendee cannot come to the slot starting at `s`, in
/// words: the attendee's `reason` (`busy: m1`, `time off`, `outside hours`)
/// in this thread's language.
fn unavailable_words(p: &Planner, person: &Person, v: &SlotView, s: Minute) -> String {
    if v.busy {
        let ids: Vec<&str> = p
            .ctx
            .busy_meetings(&person.cal, s, s + p.duration)
            .iter()
            .map(|&mi| p.ctx.sc.meetings[mi].id.as_str())
            .collect();
        tr!("plan-meeting-why-busy", ids = ids.join(", "))
    } else if v.time_off {
        tr!("plan-meeting-why-time-off")
    } else if v.outside > 0 {
        tr!("plan-meeting-why-outside")
    } else {
        tr!("plan-meeting-why-unavailable")
    }
}

/// For a series: the weeks in which an attendee's local start moves because
/// their zone changes offset and the request's zone does not (or the other
/// way round).
pub(crate) fn dst_warnings(p: &Planner, answer: &MeetingAnswer) -> Vec<String> {
    let weeks = i64::from(p.req.repeat_weeks.max(1));
    let Some(first) = answer.suggestions.first() else {
        return Vec::new();
    };
    if weeks < 2 {
        return Vec::new();
    }
    let Ok(s0) = chrono::DateTime::parse_from_rfc3339(&first.start) else {
        return Vec::new();
    };
    let s0 = tz::minute_of(s0.to_utc());
    let mut out = Vec::new();
    for person in &p.people {
        let z = &person.cal.zone;
        let rel = |s: Minute| z.offset_minutes(s) - p.zone.offset_minutes(s);
        let mut prev = rel(s0);
        for k in 1..weeks {
            let s = p.series_start(s0, k);
            let now = rel(s);
            if now != prev {
                let l0 = z.fmt_local(p.series_start(s0, k - 1));
                let lk = z.fmt_local(s);
                out.push(tr!(
                    "plan-meeting-dst",
                    week = k + 1,
                    date = lk.get(..10).unwrap_or(""),
                    id = person.id,
                    time = hhmm(&lk),
                    before = hhmm(&l0),
                    zone = z.name(),
                    request_zone = p.zone.name()
                ));
                prev = now;
            }
        }
    }
    out
}

/// How many dates without a suggestion [`fewer_than_asked`] explains.
const MAX_EXPLAINED_DATES: usize = 14;

/// Why an answer holds fewer suggestions than its request asked for (plain
/// requests and series; a fair plan is one answer). The top-k walk takes
/// every feasible start that overlaps none already taken, so a short answer
/// means every other feasible start overlaps one shown: that is said as a
/// fact, then each date of the window without a suggestion says what rules
/// it out (in people's terms, as when nothing fits). `None` when the answer
/// is full or empty (an empty one has its `infeasible_reason`).
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
pub(crate) fn fewer_than_asked(
    sc: &Scenario,
    req: &MeetingRequest,
    answer: &MeetingAnswer,
) -> Result<Option<String>, PlanError> {
    let n = answer.suggestions.len();
    if req.fair_rotation || n == 0 || n >= req.max_results as usize {
        return Ok(None);
    }
    let p = Planner::new(sc, req)?;
    let day_of = |s: Minute| p.zone.local_minute(s).div_euclid(tz::DAY);
    let shown: std::collections::HashSet<i64> = answer
        .suggestions
        .iter()
        .filter_map(|s| chrono::DateTime::parse_from_rfc3339(&s.start).ok())
        .map(|t| day_of(tz::minute_of(t.to_utc())))
        .collect();
    // The window's candidates by local date, in order.
    let mut days: Vec<(i64, Vec<Minute>)> = Vec::new();
    for s in p.candidates(0) {
        let d = day_of(s);
        match days.last_mut() {
            Some((last, v)) if *last == d => v.push(s),
            _ => days.push((d, vec![s])),
        }
    }
    let weeks = i64::from(p.req.repeat_weeks.max(1));
    // Dates without a suggestion, grouped by the reason nothing fits there
    // (in first-seen order); dates where something fits but overlaps a
    // slot shown need no words beyond the first sentence.
    let mut empty: Vec<(String, Vec<i64>)> = Vec::new();
    let mut unexplained = 0usize;
    for (d, starts) in &days {
        if shown.contains(d) {
            continue;
        }
        // Each date is scored again for every attendee: a year-long window
        // for a big meeting names the first few and counts the rest.
        let explained: usize = empty.iter().map(|(_, ds)| ds.len()).sum();
        if explained >= MAX_EXPLAINED_DATES {
            unexplained += 1;
            continue;
        }
        let mut feasible = vec![true; starts.len()];
        for k in 0..weeks {
            let ss: Vec<Minute> = starts.iter().map(|&s| p.series_start(s, k)).collect();
            let (cost, _) = p.score(&ss, false);
            for (f, c) in feasible.iter_mut().zip(cost) {
                *f &= c.is_some();
            }
        }
        if feasible.iter().any(|&f| f) {
            continue;
        }
        let (reason, _) = infeasible_in(&p, starts, Scope::Day);
        match empty.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, ds)) => ds.push(*d),
            None => empty.push((reason, vec![*d])),
        }
    }
    let mut out = tr!(
        "plan-meeting-fewer",
        shown = n,
        asked = req.max_results,
        weeks = weeks,
        quorum = p.quorum,
        from = crate::i18n::date_year(req.from),
        to = crate::i18n::date_year(req.to),
        zone = p.zone.name()
    );
    for (reason, ds) in &empty {
        let names: Vec<String> = ds
            .iter()
            .map(|&d| crate::i18n::date(tz::index_date(d)))
            .collect();
        out.push(' ');
        out.push_str(&tr!(
            "plan-meeting-nothing-fits",
            dates = crate::i18n::and_list(&names),
            reason = reason.as_str()
        ));
    }
    if unexplained > 0 {
        out.push(' ');
        out.push_str(&tr!("plan-meeting-not-looked-at", count = unexplained));
    }
    let mut ways = vec![tr!("plan-meeting-more-widen")];
    if p.duration > 15 {
        ways.push(tr!("plan-meeting-more-shorten"));
    }
    if p.people.iter().filter(|x| x.required).count() > 1 {
        ways.push(tr!("plan-meeting-more-optional"));
    }
    if p.quorum > 0 {
        ways.push(tr!("plan-meeting-more-quorum"));
    }
    out.push(' ');
    out.push_str(&tr!(
        "plan-meeting-more",
        ways = crate::i18n::or_list(&ways)
    ));
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{with_language, Lang};
    use crate::io::scenario::parse_document;
    use crate::model::{MeetingRequest, Scenario};
    use crate::plan::meeting::suggest;

    fn team() -> Scenario {
        let doc = r#"{
          "format": "meridian.scenario/1",
          "reps": [
            {"id": "ana", "name": "Ana", "time_zone": "Europe/Lisbon",
             "time_off": [{"start": "2026-12-01", "end": "2026-12-04"}]},
            {"id": "bo", "name": "Bo", "time_zone": "Europe/Berlin"}
          ]
        }"#;
        match parse_document(doc, "test") {
            Ok(sc) => sc,
            Err(e) => panic!("{e}"),
        }
    }

    fn request(required: &[&str]) -> MeetingRequest {
        MeetingRequest {
            id: "r1".into(),
            title: "Sync".into(),
            duration_minutes: 30,
            required: required.iter().map(|s| s.to_string()).collect(),
            optional: Vec::new(),
            from: "2026-12-01".parse().expect("date"),
            to: "2026-12-04".parse().expect("date"),
            time_zone: "UTC".into(),
            granularity_minutes: 30,
            max_results: 3,
            repeat_weeks: 1,
            fair_rotation: false,
            min_optional: None,
        }
    }

    #[test]
    fn why_nothing_fits_reads_in_german_and_as_before_in_english() {
        let sc = team();
        let req = request(&["ana", "bo"]);
        let en = suggest(&sc, &req).expect("answer");
        assert_eq!(
            en.infeasible_reason.as_deref(),
            Some("Ana (ana, Europe/Lisbon) is on time off for the whole window")
        );
        let de = with_language(Lang::De, || suggest(&sc, &req)).expect("answer");
        assert_eq!(
            de.infeasible_reason.as_deref(),
            Some("Ana (ana, Europe/Lisbon) ist im ganzen Zeitraum abwesend")
        );
    }

    #[test]
    fn an_attendees_note_reads_in_german() {
        let sc = team();
        let req = request(&["bo"]);
        let en = suggest(&sc, &req).expect("answer");
        let de = with_language(Lang::De, || suggest(&sc, &req)).expect("answer");
        let note =
            |a: &crate::plan::meeting::MeetingAnswer| a.suggestions[0].attendees[0].note.clone();
        assert_eq!(note(&en), "Tue 09:00–09:30: within working hours");
        assert_eq!(note(&de), "Di 09:00–09:30: innerhalb der Arbeitszeiten");
        let weekday = super::weekday_short("2026-12-03T10:00");
        assert_eq!(weekday, "Thu");
        with_language(Lang::De, || {
            assert_eq!(super::weekday_short("2026-12-03T10:00"), "Do");
        });
    }
}
