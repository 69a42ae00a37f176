//! The fairness ledger (issue 16): per rep over a period of local dates,
//! what the three jobs asked of them. Sans-IO: a validated [`Scenario`],
//! the recorded task moves and a period in, one [`LedgerRow`] per rep out.
//!
//! The four figures, each defined in DESIGN.md "Fairness ledger":
//! - meetings outside their hours: every occurrence of the stored meetings
//!   the rep attends whose *day* lies in the period, the day being the local
//!   date of its start on the rep's clock of that day (the visited office's
//!   zone on a trip day, else the home zone); its stretch and outside
//!   minutes from the rep's [`RepCalendar`](super::calendar::RepCalendar)
//!   (the planners' own measure), and early / late / on a day off by the
//!   wall clock of that day's working hours;
//! - preferred office days: asked = the rep's preferred weekdays in the
//!   period that rule 1 leaves open, granted = those with an accepted
//!   office day;
//! - task moves to and from the rep, dated by the write that made them;
//! - overloaded weeks: ISO weeks touching the period whose tasks due that
//!   week, assigned to the rep, need more minutes than the rep's capacity
//!   that week (the balancer's [`window_capacity`]).
//!
//! Invariant: rows come in the document's order of the chosen reps; the
//! same input gives the same rows.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{BalanceRequest, Meeting, Office, Rep, Scenario, Weekday};
use crate::plan::balance::window_capacity;
use crate::plan::calendar::Context;
use crate::plan::PlanError;
use crate::rules;
use crate::tz::{self, Minute, Zone, DAY};

/// The longest period a ledger covers, in dates.
pub const MAX_PERIOD_DAYS: i64 = rules::MAX_WINDOW_DAYS;

/// The period the ledger covers when none is chosen: the 13 weeks (91
/// dates) up to and including `today`.
pub fn default_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today - Duration::days(90), today)
}

/// A task given from one rep to another by the write `seq`, on the local
/// date `date` of the computer that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TaskMove {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub seq: i64,
    pub task: String,
    pub from_rep: String,
    pub to_rep: String,
    pub date: NaiveDate,
}

/// One rep's ledger over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LedgerRow {
    pub rep: String,
    pub name: String,
    /// Occurrences of the rep's meetings whose day lies in the period.
    pub meetings: u32,
    /// Minutes of those occurrences in the rep's stretch hours.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub stretch_minutes: i64,
    /// Minutes of those occurrences outside working and stretch hours.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub outside_minutes: i64,
    /// Occurrences starting before their day's first working minute.
    pub early: u32,
    /// Occurrences ending after their day's last working minute.
    pub late: u32,
    /// Occurrences on a day without working hours, in time off or on a
    /// public holiday (neither early nor late).
    pub on_days_off: u32,
    /// Preferred weekdays in the period that rule 1 leaves open.
    pub preferred_asked: u32,
    /// Of those, the dates with an accepted office day.
    pub preferred_granted: u32,
    /// Tasks given to the rep from another rep in the period.
    pub moved_to: u32,
    /// Tasks taken from the rep and given to another in the period.
    pub moved_from: u32,
    /// ISO weeks touching the period in which the rep's tasks due that week
    /// need more than the rep's capacity that week.
    pub overloaded_weeks: u32,
    /// ISO weeks touching the period.
    pub weeks: u32,
}

/// The ledger of the reps of `team` (every rep when `None`) over the local
/// dates `from..=to`, with `moves` the task-move history (only those dated
/// in the period count).
///
/// # Errors
/// [`PlanError::Dates`] for a period that ends before it starts or spans
/// more than [`MAX_PERIOD_DAYS`] dates; [`PlanError`] for a zone or rule
/// that cannot be resolved (a validated scenario has none).
pub fn ledger(
    sc: &Scenario,
    moves: &[TaskMove],
    from: NaiveDate,
    to: NaiveDate,
    team: Option<&str>,
) -> Result<Vec<LedgerRow>, PlanError> {
    let span = (to - from).num_days();
    if !(0..MAX_PERIOD_DAYS).contains(&span) {
        return Err(PlanError::Dates(crate::tr!(
            "plan-ledger-dates",
            from = from.to_string(),
            to = to.to_string(),
            max = MAX_PERIOD_DAYS
        )));
    }
    let sub = team_part(sc, team);
    let reps = &sub.reps;
    let ids: Vec<&str> = reps.iter().map(|r| r.id.as_str()).collect();
    let lo = (tz::day_index(from) - 2) * DAY;
    let hi = (tz::day_index(to) + 3) * DAY;
    let ctx = Context::new(&sub, lo, hi, &ids)?;
    let granted: HashSet<(&str, NaiveDate)> = sub
        .office_days
        .iter()
        .filter(|d| from <= d.date && d.date <= to)
        .map(|d| (d.rep.as_str(), d.date))
        .collect();
    let overloaded = overloaded_weeks(&sub, from, to)?;
    let mut moved: HashMap<&str, (u32, u32)> = HashMap::new();
    for m in moves.iter().filter(|m| from <= m.date && m.date <= to) {
        moved.entry(m.to_rep.as_str()).or_default().0 += 1;
        moved.entry(m.from_rep.as_str()).or_default().1 += 1;
    }
    let weeks = week_count(from, to);
    let mut rows = Vec::with_capacity(reps.len());
    for (i, rep) in reps.iter().enumerate() {
        let mut row = LedgerRow {
            rep: rep.id.clone(),
            name: rep.name.clone(),
            meetings: 0,
            stretch_minutes: 0,
            outside_minutes: 0,
            early: 0,
            late: 0,
            on_days_off: 0,
            preferred_asked: 0,
            preferred_granted: 0,
            moved_to: 0,
            moved_from: 0,
            overloaded_weeks: overloaded.get(i).copied().unwrap_or(0),
            weeks,
        };
        meeting_figures(&ctx, rep, from, to, &mut row)?;
        (row.preferred_asked, row.preferred_granted) =
            preferred(rep, |o| ctx.office(o), &granted, from, to);
        if let Some(&(to_rep, from_rep)) = moved.get(rep.id.as_str()) {
            row.moved_to = to_rep;
            row.moved_from = from_rep;
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Per rep (document order): id, preferred office days asked and granted
/// over `from..=to`, as the ledger counts them; what the rotation's
/// tie-breaker reads (`plan::rotation::Fairness::from_counts`), without the
/// ledger's other figures.
pub fn preferred_days(sc: &Scenario, from: NaiveDate, to: NaiveDate) -> Vec<(String, u32, u32)> {
    let offices: HashMap<&str, &Office> = sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    let granted: HashSet<(&str, NaiveDate)> = sc
        .office_days
        .iter()
        .filter(|d| from <= d.date && d.date <= to)
        .map(|d| (d.rep.as_str(), d.date))
        .collect();
    sc.reps
        .iter()
        .map(|rep| {
            let (asked, given) = preferred(rep, |o| offices.get(o).copied(), &granted, from, to);
            (rep.id.clone(), asked, given)
        })
        .collect()
}

/// A rep's preferred weekdays in `from..=to` that rule 1 leaves open
/// (asked), and those of them in `granted` (rep, date).
fn preferred<'o>(
    rep: &Rep,
    office: impl Fn(&str) -> Option<&'o Office>,
    granted: &HashSet<(&str, NaiveDate)>,
    from: NaiveDate,
    to: NaiveDate,
) -> (u32, u32) {
    let (mut asked, mut given) = (0, 0);
    if rep.preferred_office_days.is_empty() {
        return (0, 0);
    }
    let mut date = from;
    while date <= to {
        if rep.preferred_office_days.contains(&Weekday::of(date)) {
            let at = rep.office_on(date).and_then(&office);
            if rules::rule1_blocks_at(rep, at, date).is_none() {
                asked += 1;
                if granted.contains(&(rep.id.as_str(), date)) {
                    given += 1;
                }
            }
        }
        date += Duration::days(1);
    }
    (asked, given)
}

/// The part of the document the ledger of `team` reads: its reps, the
/// meetings they attend (with only them as attendees: the others' calendars
/// are never asked for), every office, their office days and tasks.
fn team_part(sc: &Scenario, team: Option<&str>) -> Scenario {
    let Some(team) = team else {
        return sc.clone();
    };
    let reps: Vec<Rep> = sc
        .reps
        .iter()
        .filter(|r| r.team.as_deref() == Some(team))
        .cloned()
        .collect();
    let ids: HashSet<&str> = reps.iter().map(|r| r.id.as_str()).collect();
    let meetings: Vec<Meeting> = sc
        .meetings
        .iter()
        .filter(|m| m.attendees.iter().any(|a| ids.contains(a.as_str())))
        .map(|m| Meeting {
            attendees: m
                .attendees
                .iter()
                .filter(|a| ids.contains(a.as_str()))
                .cloned()
                .collect(),
            ..m.clone()
        })
        .collect();
    let office_days = sc
        .office_days
        .iter()
        .filter(|d| ids.contains(d.rep.as_str()))
        .cloned()
        .collect();
    let tasks = sc
        .tasks
        .iter()
        .filter(|t| t.assignee.as_deref().is_some_and(|a| ids.contains(a)))
        .cloned()
        .collect();
    Scenario {
        format: sc.format.clone(),
        teams: sc.teams.clone(),
        offices: sc.offices.clone(),
        policy: sc.policy,
        reps,
        meetings,
        office_days,
        tasks,
        requests: Default::default(),
    }
}

/// Adds the rep's meeting figures over `from..=to` to `row`.
fn meeting_figures(
    ctx: &Context,
    rep: &Rep,
    from: NaiveDate,
    to: NaiveDate,
    row: &mut LedgerRow,
) -> Result<(), PlanError> {
    let cal = ctx.calendar(&rep.id)?;
    let home = &cal.zone;
    for &(s, e, _) in &cal.busy {
        let (day, zone) = day_of(ctx, rep, home, s);
        if day < from || day > to {
            continue;
        }
        row.meetings += 1;
        let view = cal.view(s, e);
        row.stretch_minutes += view.stretch;
        row.outside_minutes += view.outside;
        let hours = rep
            .working_hours
            .get(&Weekday::of(day))
            .filter(|ivs| !ivs.is_empty());
        let (Some(hours), false) = (hours, view.time_off) else {
            row.on_days_off += 1;
            continue;
        };
        let first = hours.iter().map(|iv| iv.0.minutes()).min().unwrap_or(0);
        let last = hours.iter().map(|iv| iv.1.minutes()).max().unwrap_or(0);
        // Wall-clock minutes since the day's midnight: a 07:30 start is 450
        // on a DST day too; an end after midnight is past 1440.
        let midnight = tz::day_index(day) * DAY;
        if zone.local_minute(s) - midnight < Minute::from(first) {
            row.early += 1;
        }
        if zone.local_minute(e) - midnight > Minute::from(last) {
            row.late += 1;
        }
    }
    Ok(())
}

/// The day an occurrence starting at `s` belongs to and the zone of its
/// clock: the local date in the visited office's zone when that date is a
/// day of the same trip, else the local date at home.
fn day_of<'z>(ctx: &'z Context, rep: &Rep, home: &'z Zone, s: Minute) -> (NaiveDate, &'z Zone) {
    let at_home = tz::index_date(home.local_minute(s).div_euclid(DAY));
    let visited = rep.trip_on(at_home).and_then(|t| {
        let zone = ctx.office(&t.office).and_then(|o| ctx.zone(&o.time_zone))?;
        let there = tz::index_date(zone.local_minute(s).div_euclid(DAY));
        rep.trip_on(there)
            .filter(|t2| t2.office == t.office)
            .map(|_| (there, zone))
    });
    visited.unwrap_or((at_home, home))
}

/// ISO weeks touching `from..=to`.
fn week_count(from: NaiveDate, to: NaiveDate) -> u32 {
    let days = (monday(to) - monday(from)).num_days();
    u32::try_from(days / 7 + 1).unwrap_or(0)
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Per rep (the document's order), the ISO weeks touching `from..=to` in
/// which the minutes of the rep's tasks due that week exceed the rep's
/// capacity that week. Tasks without a due date belong to no week.
fn overloaded_weeks(sc: &Scenario, from: NaiveDate, to: NaiveDate) -> Result<Vec<u32>, PlanError> {
    let first = monday(from);
    let weeks = week_count(from, to) as usize;
    let rep_ix: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // Exact hours per (rep, week): a task of 0.3 h is 18 minutes, not 18.0…
    let mut load = vec![Decimal::ZERO; sc.reps.len() * weeks];
    for t in &sc.tasks {
        let (Some(due), Some(r)) = (
            t.due,
            t.assignee.as_deref().and_then(|a| rep_ix.get(a).copied()),
        ) else {
            continue;
        };
        let w = (due - first).num_days().div_euclid(7);
        if let Ok(w) = usize::try_from(w) {
            if w < weeks {
                load[r * weeks + w] += t.hours.decimal() * Decimal::from(60);
            }
        }
    }
    let mut capacity = vec![0i64; sc.reps.len() * weeks];
    // The balancer's capacity spans at most 366 dates: 52 weeks at a time.
    let mut w0 = 0;
    while w0 < weeks {
        let n = (weeks - w0).min(52);
        let start = first + Duration::weeks(w0 as i64);
        let req = BalanceRequest {
            from: start,
            to: start + Duration::days(7 * n as i64 - 1),
        };
        let cap = window_capacity(sc, &req)?;
        for (r, daily) in cap.daily.iter().enumerate() {
            for (k, minutes) in daily.iter().enumerate() {
                capacity[r * weeks + w0 + k / 7] += minutes;
            }
        }
        w0 += n;
    }
    Ok((0..sc.reps.len())
        .map(|r| {
            let over = (0..weeks)
                .filter(|&w| load[r * weeks + w] > Decimal::from(capacity[r * weeks + w]))
                .count();
            u32::try_from(over).unwrap_or(u32::MAX)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        crate::model::parse_date(d).expect("date")
    }

    #[test]
    fn the_weeks_of_a_period_are_the_iso_weeks_it_touches() {
        for (from, to, weeks) in [
            ("2026-11-30", "2026-12-06", 1),
            ("2026-12-06", "2026-12-07", 2),
            ("2026-12-01", "2027-02-28", 13),
        ] {
            assert_eq!(week_count(day(from), day(to)), weeks, "{from}..{to}");
        }
    }

    #[test]
    fn the_default_period_is_thirteen_weeks_up_to_today() {
        let (from, to) = default_period(day("2026-12-05"));
        assert_eq!((from, to), (day("2026-09-06"), day("2026-12-05")));
        assert_eq!((to - from).num_days() + 1, 91);
    }
}
