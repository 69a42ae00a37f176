//! Per-rep minutes of working time on every local date of a balance window
//! (contract §4).
//!
//! Invariant: capacities are whole minutes: `capacity_hours_per_week × 60 /
//! working weekdays` is computed in exact decimals and rounded down once,
//! then each working, non-time-off local date loses the minutes of the
//! meetings the rep attends that *start* on it (any length, any hour),
//! floored at 0.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::holidays;
use crate::io::scenario::MAX_WINDOW_DAYS;
use crate::model::{BalanceRequest, Rep, Scenario, Weekday};
use crate::plan::calendar::meeting_occurrences;
use crate::plan::PlanError;
use crate::tz::{self, Minute, Zone, DAY};

/// Larger figures (a capacity of a million hours a week) are clamped so that
/// sums and cross-multiplications stay exact in 64/128-bit integers.
pub(super) const MAX_MINUTES: i64 = 1_000_000_000_000;

/// Minutes of working time of every rep on every date of a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowCapacity {
    pub dates: Vec<NaiveDate>,
    /// Per rep (document order), minutes on each date of `dates`.
    pub daily: Vec<Vec<i64>>,
}

impl WindowCapacity {
    /// `C_r`, the rep's total over the window.
    pub fn total(&self, rep: usize) -> i64 {
        self.daily.get(rep).map_or(0, |d| d.iter().sum())
    }
}

/// Per-rep minutes of working time on each local date of the window
/// (contract §4), whole minutes as this file's invariant says.
///
/// # Errors
/// As [`balance`](super::balance).
pub fn window_capacity(sc: &Scenario, req: &BalanceRequest) -> Result<WindowCapacity, PlanError> {
    let (i0, i1) = (tz::day_index(req.from), tz::day_index(req.to));
    if i1 < i0 || i1 - i0 >= MAX_WINDOW_DAYS {
        return Err(PlanError::Window {
            from: req.from,
            to: req.to,
        });
    }
    let n = usize::try_from(i1 - i0 + 1).unwrap_or(0);
    let dates: Vec<NaiveDate> = (i0..=i1).map(tz::index_date).collect();
    // Any instant whose local date (in any zone, offsets within ±26 h) lies
    // in the window is inside this horizon.
    let (lo, hi) = ((i0 - 2) * DAY, (i1 + 3) * DAY);
    let mut zones = Zones::default();
    let rep_zone: Vec<usize> = sc
        .reps
        .iter()
        .map(|r| zones.index(&r.time_zone, lo, hi))
        .collect::<Result<_, _>>()?;
    let rep_ix: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // Meeting minutes per (rep, window day), by the local date of each start.
    let mut busy = vec![0i64; sc.reps.len() * n];
    for m in &sc.meetings {
        if m.attendees.is_empty() {
            continue;
        }
        let mz = zones.index(&m.time_zone, lo, hi)?;
        let occurrences = meeting_occurrences(m, &zones.list[mz].zone, lo, hi)?;
        if occurrences.is_empty() {
            continue;
        }
        // Attendees grouped by zone: one offset lookup per occurrence and zone.
        let mut by_zone: Vec<(usize, Vec<usize>)> = Vec::new();
        for a in &m.attendees {
            let r = *rep_ix
                .get(a.as_str())
                .ok_or_else(|| PlanError::UnknownRep(a.clone()))?;
            match by_zone.iter_mut().find(|(z, _)| *z == rep_zone[r]) {
                Some((_, rs)) => rs.push(r),
                None => by_zone.push((rep_zone[r], vec![r])),
            }
        }
        let minutes = i64::from(m.duration_minutes);
        for &(s, _) in &occurrences {
            for (z, rs) in &by_zone {
                let day = zones.list[*z].local_day(s);
                if (i0..=i1).contains(&day) {
                    let k = usize::try_from(day - i0).unwrap_or(0);
                    for &r in rs {
                        busy[r * n + k] += minutes;
                    }
                }
            }
        }
    }
    let offices: HashMap<&str, &crate::model::Office> =
        sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    let daily = sc
        .reps
        .iter()
        .enumerate()
        .map(|(r, rep)| {
            let base = daily_base(rep);
            let home = rep.office.as_deref().and_then(|o| offices.get(o).copied());
            // A public holiday is a day off like time off: the home region's,
            // or on a trip day the visited office's.
            let region = holidays::rep_region(rep, home);
            let holiday = |d: NaiveDate| match rep.trip_on(d) {
                Some(t) => offices
                    .get(t.office.as_str())
                    .is_some_and(|o| holidays::office_holiday(o, d).is_some()),
                None => region.is_some_and(|g| g.on(d).is_some()),
            };
            dates
                .iter()
                .enumerate()
                .map(|(k, &d)| {
                    let works = rep
                        .working_hours
                        .get(&Weekday::of(d))
                        .is_some_and(|ivs| !ivs.is_empty());
                    if works && !rep.time_off.iter().any(|t| t.contains(d)) && !holiday(d) {
                        (base - busy[r * n + k]).max(0)
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    Ok(WindowCapacity { dates, daily })
}

/// `⌊capacity_hours_per_week × 60 / working weekdays⌋` in exact decimals; 0
/// for a rep with no working weekday.
fn daily_base(rep: &Rep) -> i64 {
    let days = Weekday::ALL
        .iter()
        .filter(|w| rep.working_hours.get(w).is_some_and(|ivs| !ivs.is_empty()))
        .count();
    if days == 0 {
        return 0;
    }
    let exact = rep.capacity_hours_per_week.decimal() * Decimal::from(60) / Decimal::from(days);
    exact
        .floor()
        .to_i64()
        .unwrap_or(MAX_MINUTES)
        .clamp(0, MAX_MINUTES)
}

/// Zones of one run with their offset changes over the horizon, so a local
/// date is a binary search instead of a zone-rule lookup.
#[derive(Default)]
struct Zones {
    ix: HashMap<String, usize>,
    list: Vec<ZoneOffsets>,
}

struct ZoneOffsets {
    zone: Zone,
    /// (start, end, offset minutes), sorted, covering the horizon.
    segments: Vec<(Minute, Minute, i64)>,
}

impl Zones {
    fn index(&mut self, name: &str, lo: Minute, hi: Minute) -> Result<usize, PlanError> {
        if let Some(&i) = self.ix.get(name) {
            return Ok(i);
        }
        let zone = Zone::get(name)?;
        let segments = zone.offset_segments(lo - DAY, hi + DAY);
        self.list.push(ZoneOffsets { zone, segments });
        self.ix.insert(name.to_string(), self.list.len() - 1);
        Ok(self.list.len() - 1)
    }
}

impl ZoneOffsets {
    /// The local day index of instant `m`.
    fn local_day(&self, m: Minute) -> i64 {
        let i = self.segments.partition_point(|&(s, _, _)| s <= m);
        let off = match i.checked_sub(1).map(|k| self.segments[k]) {
            Some((_, e, off)) if m < e => off,
            _ => self.zone.offset_minutes(m),
        };
        (m + off).div_euclid(DAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClockTime, DateRange, Hours, Interval, LocalDateTime, Meeting};

    /// A document with nothing in it, to fill in field by field.
    fn empty() -> Scenario {
        Scenario::default()
    }

    fn date(s: &str) -> NaiveDate {
        crate::model::parse_date(s).expect("test date")
    }

    fn every_day(rep: &mut Rep) {
        let iv = Interval(
            ClockTime::parse("09:00").expect("time"),
            ClockTime::parse("17:00").expect("time"),
        );
        rep.working_hours = Weekday::ALL.iter().map(|&w| (w, vec![iv])).collect();
    }

    fn meeting(
        id: &str,
        start: &str,
        zone: &str,
        minutes: u32,
        rrule: Option<&str>,
        who: &[&str],
    ) -> Meeting {
        Meeting {
            id: id.into(),
            title: id.into(),
            start: LocalDateTime::parse(start).expect("test start"),
            time_zone: zone.into(),
            duration_minutes: minutes,
            rrule: rrule.map(str::to_string),
            attendees: who.iter().map(|s| s.to_string()).collect(),
            in_person_office: None,
        }
    }

    fn daily(sc: &Scenario, from: &str, to: &str) -> Vec<Vec<i64>> {
        window_capacity(
            sc,
            &BalanceRequest {
                from: date(from),
                to: date(to),
            },
        )
        .expect("capacity")
        .daily
    }

    #[test]
    fn a_meeting_counts_on_the_local_day_it_starts_for_each_attendee() {
        // 18:00Z is 23:45 in Kathmandu (+05:45); 18:15Z is already 00:00 the next day.
        let mut sc = empty();
        sc.reps = vec![
            Rep::new("np", "Np", "Asia/Kathmandu"),
            Rep::new("uk", "Uk", "Europe/London"),
        ];
        sc.meetings = vec![
            meeting("late", "2026-12-01T18:00", "UTC", 30, None, &["np", "uk"]),
            meeting(
                "midnight",
                "2026-12-01T18:15",
                "UTC",
                45,
                None,
                &["np", "uk"],
            ),
        ];
        let d = daily(&sc, "2026-12-01", "2026-12-02");
        assert_eq!(d[0], vec![480 - 30, 480 - 45]);
        assert_eq!(d[1], vec![480 - 75, 480]);
    }

    #[test]
    fn a_recurring_meeting_follows_its_own_zone_across_dst() {
        // 19:00 New York is 00:00Z the next day in winter and 23:00Z the same
        // day from 8 March 2026: the UTC rep's 8 March gets two occurrences.
        let mut sc = empty();
        let mut rep = Rep::new("utc", "Utc", "UTC");
        every_day(&mut rep);
        rep.capacity_hours_per_week = Hours::from_whole(56);
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "ny",
            "2026-03-02T19:00",
            "America/New_York",
            60,
            Some("FREQ=DAILY;COUNT=12"),
            &["utc"],
        )];
        let d = daily(&sc, "2026-03-02", "2026-03-13");
        let used: Vec<i64> = d[0].iter().map(|m| 480 - m).collect();
        assert_eq!(used, vec![0, 60, 60, 60, 60, 60, 120, 60, 60, 60, 60, 60]);
    }

    #[test]
    fn the_spring_forward_day_has_no_less_capacity() {
        // Capacity is per working day, not per hour of the clock: a 23-hour
        // Sunday in London still has its share, minus a meeting in the gap
        // (01:30 does not exist and moves to 02:30 BST, same day).
        let mut sc = empty();
        let mut rep = Rep::new("uk", "Uk", "Europe/London");
        every_day(&mut rep);
        rep.capacity_hours_per_week = Hours::from_whole(35);
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "gap",
            "2026-03-29T01:30",
            "Europe/London",
            30,
            None,
            &["uk"],
        )];
        let d = daily(&sc, "2026-03-28", "2026-03-30");
        assert_eq!(d[0], vec![300, 270, 300]);
    }

    #[test]
    fn time_off_weekends_and_long_meetings_leave_nothing_never_less() {
        let mut sc = empty();
        let mut rep = Rep::new("ana", "Ana", "Europe/Lisbon");
        rep.time_off = vec![DateRange {
            start: date("2026-12-02"),
            end: date("2026-12-03"),
        }];
        rep.capacity_hours_per_week = Hours::parse("37.5").expect("hours");
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "offsite",
            "2026-12-04T08:00",
            "Europe/Lisbon",
            600,
            None,
            &["ana"],
        )];
        // 37.5 h / 5 = 450 a day; Wed–Thu off; Friday's 600-minute offsite
        // leaves 0, not −150; the weekend has no working hours.
        let d = daily(&sc, "2026-11-30", "2026-12-06");
        assert_eq!(d[0], vec![450, 450, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn capacity_rounds_down_once_per_day() {
        // 40 h over 7 working days: 342.857… → 342 a day.
        let mut sc = empty();
        let mut rep = Rep::new("kim", "Kim", "Australia/Sydney");
        every_day(&mut rep);
        sc.reps = vec![rep, {
            let mut r = Rep::new("nobody", "Nobody", "UTC");
            r.working_hours = Default::default();
            r
        }];
        let d = daily(&sc, "2026-12-01", "2026-12-02");
        assert_eq!(d[0], vec![342, 342]);
        assert_eq!(d[1], vec![0, 0]);
    }
}
