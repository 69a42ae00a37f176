//! Each attendee's time as planners see it: working, stretch, time-off and
//! busy instants (epoch minutes) over a horizon, built from wall-clock rules
//! in the rep's own zone and meetings expanded in their own zone.

use std::collections::HashMap;

use crate::model::{Meeting, Rep, Scenario};
use crate::plan::intervals::IntervalSet;
use crate::plan::PlanError;
use crate::recurrence::{self, RRule};
use crate::tz::{self, Minute, Zone, DAY};

/// Zones and expanded meetings of one planning run, computed once.
pub struct Context<'a> {
    pub sc: &'a Scenario,
    zones: HashMap<&'a str, Zone>,
    /// Rep id → rep (a request may name a thousand people).
    reps: HashMap<&'a str, &'a Rep>,
    /// Meeting index → its occurrences within the horizon.
    occurrences: Vec<Vec<(Minute, Minute)>>,
    /// Rep id → indexes of the meetings they attend.
    meetings_of: HashMap<&'a str, Vec<usize>>,
    pub lo: Minute,
    pub hi: Minute,
}

impl<'a> Context<'a> {
    /// Expands every meeting over `[lo, hi)`.
    ///
    /// # Errors
    /// [`PlanError`] for a zone or rule that cannot be resolved (a validated
    /// scenario has none).
    pub fn new(sc: &'a Scenario, lo: Minute, hi: Minute) -> Result<Context<'a>, PlanError> {
        let mut zones = HashMap::new();
        let mut zone = |name: &'a str| -> Result<(), PlanError> {
            if !zones.contains_key(name) {
                zones.insert(name, Zone::get(name)?);
            }
            Ok(())
        };
        for r in &sc.reps {
            zone(&r.time_zone)?;
        }
        for m in &sc.meetings {
            zone(&m.time_zone)?;
        }
        for o in &sc.offices {
            zone(&o.time_zone)?;
        }
        let mut occurrences = Vec::with_capacity(sc.meetings.len());
        let mut meetings_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in sc.meetings.iter().enumerate() {
            let z = &zones[m.time_zone.as_str()];
            occurrences.push(meeting_occurrences(m, z, lo, hi)?);
            for a in &m.attendees {
                meetings_of.entry(a.as_str()).or_default().push(i);
            }
        }
        Ok(Context {
            sc,
            zones,
            reps: sc.reps.iter().map(|r| (r.id.as_str(), r)).collect(),
            occurrences,
            meetings_of,
            lo,
            hi,
        })
    }

    pub fn zone(&self, name: &str) -> Option<&Zone> {
        self.zones.get(name)
    }

    pub fn rep(&self, id: &str) -> Option<&'a Rep> {
        self.reps.get(id).copied()
    }

    /// The calendar of rep `id` over the context's horizon.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`].
    pub fn calendar(&self, id: &str) -> Result<RepCalendar, PlanError> {
        let rep = self
            .rep(id)
            .ok_or_else(|| PlanError::UnknownRep(id.to_string()))?;
        let zone = self.zones[rep.time_zone.as_str()].clone();
        let (lo, hi) = (self.lo, self.hi);
        let hours = |map: &crate::model::WeekHours| {
            zone.local_pattern(lo, hi, |di| {
                let wd = crate::model::Weekday::of(tz::index_date(di));
                map.get(&wd)
                    .map(|ivs| {
                        ivs.iter()
                            .map(|iv| (Minute::from(iv.0.minutes()), Minute::from(iv.1.minutes())))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        };
        let working = IntervalSet::new(hours(&rep.working_hours));
        let stretch = IntervalSet::new(hours(&rep.stretch_hours));
        let (lo_day, hi_day) = (lo.div_euclid(DAY) - 2, hi.div_euclid(DAY) + 2);
        let off_days: Vec<(i64, i64)> = rep
            .time_off
            .iter()
            .map(|t| {
                (
                    tz::day_index(t.start).max(lo_day),
                    tz::day_index(t.end).min(hi_day),
                )
            })
            .filter(|(a, b)| a <= b)
            .collect();
        let time_off = IntervalSet::new(zone.local_pattern(lo, hi, |di| {
            if off_days.iter().any(|&(a, b)| a <= di && di <= b) {
                vec![(0, DAY)]
            } else {
                Vec::new()
            }
        }));
        let mut busy = Vec::new();
        for &mi in self.meetings_of.get(id).map(Vec::as_slice).unwrap_or(&[]) {
            for &(s, e) in &self.occurrences[mi] {
                busy.push((s, e, mi));
            }
        }
        busy.sort_unstable();
        let busy_set = IntervalSet::new(busy.iter().map(|&(s, e, _)| (s, e)).collect());
        Ok(RepCalendar {
            zone,
            working,
            stretch,
            time_off,
            busy,
            busy_set,
        })
    }

    /// Ids of the meetings of this calendar overlapping `[s, e)`, sorted.
    pub fn busy_ids(&self, cal: &RepCalendar, s: Minute, e: Minute) -> Vec<String> {
        let mut ids: Vec<String> = cal
            .busy
            .iter()
            .filter(|&&(bs, be, _)| bs < e && s < be)
            .map(|&(_, _, mi)| self.sc.meetings[mi].id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// One rep's time over a horizon.
pub struct RepCalendar {
    pub zone: Zone,
    pub working: IntervalSet,
    pub stretch: IntervalSet,
    pub time_off: IntervalSet,
    /// (start, end, meeting index), sorted.
    pub busy: Vec<(Minute, Minute, usize)>,
    pub busy_set: IntervalSet,
}

/// How a slot looks to one attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotView {
    pub working: Minute,
    pub stretch: Minute,
    pub outside: Minute,
    pub busy: bool,
    pub time_off: bool,
}

impl SlotView {
    pub fn available(&self) -> bool {
        !self.busy && !self.time_off && self.outside == 0
    }
}

impl RepCalendar {
    pub fn view(&self, s: Minute, e: Minute) -> SlotView {
        let working = self.working.measure(s, e);
        let stretch = self.stretch.measure(s, e);
        SlotView {
            working,
            stretch,
            outside: (e - s) - working - stretch,
            busy: self.busy_set.intersects(s, e),
            time_off: self.time_off.intersects(s, e),
        }
    }

    /// Views of many slots `[s, s + duration)` with non-decreasing `s`, in one
    /// pass over the calendar.
    pub fn views(&self, starts: &[Minute], duration: Minute) -> Vec<SlotView> {
        let (mut w0, mut w1) = (self.working.sweep(), self.working.sweep());
        let (mut s0, mut s1) = (self.stretch.sweep(), self.stretch.sweep());
        let (mut b0, mut b1) = (self.busy_set.sweep(), self.busy_set.sweep());
        let (mut t0, mut t1) = (self.time_off.sweep(), self.time_off.sweep());
        starts
            .iter()
            .map(|&s| {
                let e = s + duration;
                let working = w1.cumulative(e) - w0.cumulative(s);
                let stretch = s1.cumulative(e) - s0.cumulative(s);
                SlotView {
                    working,
                    stretch,
                    outside: duration - working - stretch,
                    busy: b1.cumulative(e) - b0.cumulative(s) > 0,
                    time_off: t1.cumulative(e) - t0.cumulative(s) > 0,
                }
            })
            .collect()
    }
}

/// UTC intervals of a meeting's occurrences that overlap `[lo, hi)`, in order.
///
/// # Errors
/// [`PlanError::Rule`] for a rule the expansion refuses.
pub fn meeting_occurrences(
    m: &Meeting,
    zone: &Zone,
    lo: Minute,
    hi: Minute,
) -> Result<Vec<(Minute, Minute)>, PlanError> {
    let rule = m
        .rrule
        .as_deref()
        .map(RRule::parse)
        .transpose()
        .map_err(|e| PlanError::Rule {
            meeting: m.id.clone(),
            message: e.to_string(),
        })?;
    let d = Minute::from(m.duration_minutes);
    // The horizon is a wall clock: the latest local time any occurrence
    // starting before `hi` can show, plus slack for offsets.
    let horizon = tz::instant_of(hi + 2 * DAY).naive_utc();
    let keep_from = tz::instant_of(lo - 3 * DAY - d).naive_utc();
    let starts =
        recurrence::expand(rule.as_ref(), m.start.0, zone, keep_from, horizon).map_err(|e| {
            PlanError::Rule {
                meeting: m.id.clone(),
                message: e.to_string(),
            }
        })?;
    let mut out = Vec::new();
    for local in starts {
        let s = zone
            .instant(local)
            .map(tz::minute_of)
            .map_err(|e| PlanError::Rule {
                meeting: m.id.clone(),
                message: e.to_string(),
            })?;
        if s < hi && s + d > lo {
            out.push((s, s + d));
        }
    }
    out.sort_unstable();
    Ok(out)
}
