//! Each attendee's time as planners see it: working, stretch, time-off and
//! busy instants (epoch minutes) over a horizon, built from wall-clock rules
//! in the rep's own zone and meetings expanded in their own zone.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use crate::holidays;
use crate::model::{Meeting, Office, Rep, Scenario};
use crate::plan::intervals::IntervalSet;
use crate::plan::PlanError;
use crate::recurrence::{self, RRule};
use crate::tz::{self, Minute, Offsets, Zone, DAY};

/// FxHash (rustc's) for the maps below: a request over a thousand people
/// hashes their ids many times, and SipHash's guard against crafted keys
/// would only protect one local planning run from its own document.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let mut word = [0u8; 8];
        let rest = chunks.remainder();
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Zones and expanded meetings of one planning run, computed once.
pub struct Context<'a> {
    pub sc: &'a Scenario,
    zones: IdMap<&'a str, Zone>,
    /// Zone name → its offsets over the horizon and two days either side,
    /// shared by every calendar in that zone.
    offsets: IdMap<&'a str, Arc<Offsets>>,
    /// Rep id → rep (a request may name a thousand people).
    reps: IdMap<&'a str, &'a Rep>,
    /// Office id → office, for a rep's holidays region (a request may name
    /// thousands of people and a team thousands of offices).
    offices: IdMap<&'a str, &'a Office>,
    /// Meeting index → its occurrences within the horizon; `None` for
    /// meetings none of the context's people attend (never expanded).
    occurrences: Vec<Option<Vec<(Minute, Minute)>>>,
    /// Rep id → indexes of the meetings they attend.
    meetings_of: IdMap<&'a str, Vec<usize>>,
    pub lo: Minute,
    pub hi: Minute,
}

impl<'a> Context<'a> {
    /// Expands, over `[lo, hi)`, the meetings that any of `people` attends:
    /// the others cannot make anyone in the request busy, and a large team
    /// has many of them.
    ///
    /// # Errors
    /// [`PlanError`] for a zone or rule that cannot be resolved (a validated
    /// scenario has none).
    pub fn new(
        sc: &'a Scenario,
        lo: Minute,
        hi: Minute,
        people: &[&str],
    ) -> Result<Context<'a>, PlanError> {
        let mut zones = IdMap::default();
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
        let wanted: HashSet<&str, BuildHasherDefault<IdHasher>> = people.iter().copied().collect();
        let mut occurrences = Vec::with_capacity(sc.meetings.len());
        let mut meetings_of: IdMap<&str, Vec<usize>> = IdMap::default();
        for (i, m) in sc.meetings.iter().enumerate() {
            let needed = m.attendees.iter().any(|a| wanted.contains(a.as_str()));
            occurrences.push(if needed {
                let z = &zones[m.time_zone.as_str()];
                Some(meeting_occurrences(m, z, lo, hi)?)
            } else {
                None
            });
            for a in &m.attendees {
                meetings_of.entry(a.as_str()).or_default().push(i);
            }
        }
        let reps: IdMap<&str, &Rep> = sc.reps.iter().map(|r| (r.id.as_str(), r)).collect();
        let offices: IdMap<&str, &Office> = sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
        let mut offsets = IdMap::default();
        for id in people {
            if let Some(r) = reps.get(id) {
                let name = r.time_zone.as_str();
                if !offsets.contains_key(name) {
                    let table = Offsets::new(&zones[name], lo - 2 * DAY, hi + 2 * DAY);
                    offsets.insert(name, Arc::new(table));
                }
            }
        }
        Ok(Context {
            sc,
            zones,
            offsets,
            reps,
            offices,
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

    pub fn office(&self, id: &str) -> Option<&'a Office> {
        self.offices.get(id).copied()
    }

    /// The calendar of rep `id` over the context's horizon.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`], or [`PlanError::Rule`] for a meeting of a
    /// rep outside the context's people that cannot be expanded.
    pub fn calendar(&self, id: &str) -> Result<RepCalendar, PlanError> {
        let rep = self
            .rep(id)
            .ok_or_else(|| PlanError::UnknownRep(id.to_string()))?;
        let zone = self.zones[rep.time_zone.as_str()].clone();
        let (lo, hi) = (self.lo, self.hi);
        let offsets = match self.offsets.get(rep.time_zone.as_str()) {
            Some(o) => o.clone(),
            None => Arc::new(Offsets::new(&zone, lo - 2 * DAY, hi + 2 * DAY)),
        };
        let (lo_day, hi_day) = (lo.div_euclid(DAY) - 2, hi.div_euclid(DAY) + 2);
        // The rep's clocks: home, and the zone of each office visited on a
        // trip within the horizon. A day (a local date) belongs to one
        // clock: a trip day to the visited office's zone, as the rep works
        // New York hours in New York; every other day to home.
        let mut clocks: Vec<(Zone, Arc<Offsets>)> = vec![(zone.clone(), offsets.clone())];
        let mut trips: Vec<(i64, i64, usize)> = Vec::new();
        for t in &rep.travel {
            let (a, b) = (tz::day_index(t.from), tz::day_index(t.to));
            if b < lo_day || a > hi_day {
                continue;
            }
            let Some(office) = self.offices.get(t.office.as_str()) else {
                continue;
            };
            let name = office.time_zone.as_str();
            let Some(z) = self.zones.get(name) else {
                continue;
            };
            let k = match clocks.iter().position(|(cz, _)| cz.name() == z.name()) {
                Some(k) => k,
                None => {
                    let table = match self.offsets.get(name) {
                        Some(o) => o.clone(),
                        None => Arc::new(Offsets::new(z, lo - 2 * DAY, hi + 2 * DAY)),
                    };
                    clocks.push((z.clone(), table));
                    clocks.len() - 1
                }
            };
            trips.push((a, b, k));
        }
        // Trips are sorted and never overlap.
        let clock_of = |di: i64| -> usize {
            let i = trips.partition_point(|&(_, b, _)| b < di);
            trips
                .get(i)
                .filter(|&&(a, _, _)| a <= di)
                .map_or(0, |t| t.2)
        };
        let hours = |map: &crate::model::WeekHours| -> IntervalSet {
            // Intervals per weekday, Monday first.
            let mut week: [Vec<(Minute, Minute)>; 7] = Default::default();
            for (wd, ivs) in map {
                week[*wd as usize] = ivs
                    .iter()
                    .map(|iv| (Minute::from(iv.0.minutes()), Minute::from(iv.1.minutes())))
                    .collect();
            }
            let per_day = week.iter().map(Vec::len).max().unwrap_or(0);
            clocked_pattern(&clocks, lo, hi, per_day, |k, di| {
                let own: &[(Minute, Minute)] = if clock_of(di) == k {
                    &week[tz::weekday_index(di)]
                } else {
                    &[]
                };
                own.iter().copied()
            })
        };
        let working = hours(&rep.working_hours);
        let mut stretch = hours(&rep.stretch_hours);
        if clocks.len() > 1 {
            // Where a trip's first or last day meets a home day, one clock's
            // stretch hours may fall on the other's working hours: working
            // wins, so no instant counts twice.
            stretch = stretch.minus(&working);
        }
        let mut off_days: Vec<(i64, i64)> = rep
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
        // Public holidays are whole local days off, like time off: the home
        // region's at home, the visited office's on a trip day.
        let days = holidays::rep_holidays_between(
            rep,
            |o| self.offices.get(o).copied(),
            tz::index_date(lo_day),
            tz::index_date(hi_day),
        );
        off_days.extend(days.iter().map(|h| {
            let di = tz::day_index(h.date);
            (di, di)
        }));
        let time_off = if off_days.is_empty() {
            IntervalSet::default()
        } else {
            clocked_pattern(&clocks, lo, hi, 1, |k, di| {
                let off = clock_of(di) == k && off_days.iter().any(|&(a, b)| a <= di && di <= b);
                off.then_some((0, DAY))
            })
        };
        let mut busy = Vec::new();
        for &mi in self.meetings_of.get(id).map(Vec::as_slice).unwrap_or(&[]) {
            match &self.occurrences[mi] {
                Some(occ) => busy.extend(occ.iter().map(|&(s, e)| (s, e, mi))),
                None => {
                    let m = &self.sc.meetings[mi];
                    let z = &self.zones[m.time_zone.as_str()];
                    let occ = meeting_occurrences(m, z, lo, hi)?;
                    busy.extend(occ.into_iter().map(|(s, e)| (s, e, mi)));
                }
            }
        }
        busy.sort_unstable();
        let busy_set = IntervalSet::new(busy.iter().map(|&(s, e, _)| (s, e)).collect());
        Ok(RepCalendar {
            zone,
            offsets,
            working,
            stretch,
            time_off,
            busy,
            busy_set,
        })
    }

    /// Ids of the meetings of this calendar overlapping `[s, e)`, sorted.
    pub fn busy_ids(&self, cal: &RepCalendar, s: Minute, e: Minute) -> Vec<String> {
        self.busy_meetings(cal, s, e)
            .into_iter()
            .map(|mi| self.sc.meetings[mi].id.clone())
            .collect()
    }

    /// Indexes of the meetings of this calendar overlapping `[s, e)`, in the
    /// order of their ids, one per id.
    pub fn busy_meetings(&self, cal: &RepCalendar, s: Minute, e: Minute) -> Vec<usize> {
        // Sorted by start: only those starting before `e` can overlap.
        let upto = cal.busy.partition_point(|&(bs, _, _)| bs < e);
        let mut idx: Vec<usize> = cal.busy[..upto]
            .iter()
            .filter(|&&(_, be, _)| s < be)
            .map(|&(_, _, mi)| mi)
            .collect();
        let meetings = &self.sc.meetings;
        idx.sort_by(|&a, &b| meetings[a].id.cmp(&meetings[b].id));
        idx.dedup_by(|a, b| meetings[*a].id == meetings[*b].id);
        idx
    }
}

/// One rep's time over a horizon.
pub struct RepCalendar {
    pub zone: Zone,
    /// The zone's offsets over the horizon (shared with others in the zone).
    pub offsets: Arc<Offsets>,
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
    /// The wall clock at `m` as local epoch minutes ([`Zone::local_minute`]).
    pub fn local_minute(&self, m: Minute) -> Minute {
        match self.offsets.offset_minutes(m) {
            Some(off) => m + off,
            None => self.zone.local_minute(m),
        }
    }

    /// The first and last instant (end exclusive) of local day `di`:
    /// the ends of [`Zone::local_dates`] of that date.
    pub fn date_span(&self, di: i64) -> Option<(Minute, Minute)> {
        self.offsets.date_span(di).or_else(|| {
            let d = tz::index_date(di);
            let pieces = self.zone.local_dates(d, d);
            match (pieces.first(), pieces.last()) {
                (Some(a), Some(b)) => Some((a.0, b.1)),
                _ => None,
            }
        })
    }

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
        let mut busy = self.busy_set.touch();
        let mut time_off = self.time_off.touch();
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
                    busy: busy.meets(s, e),
                    time_off: time_off.meets(s, e),
                }
            })
            .collect()
    }
}

/// [`Zone::local_pattern`] as a set, through the zone's shared offsets
/// when they cover `[lo, hi)`.
fn local_pattern<I: IntoIterator<Item = (Minute, Minute)>>(
    zone: &Zone,
    offsets: &Offsets,
    lo: Minute,
    hi: Minute,
    per_day: usize,
    day: impl Fn(i64) -> I,
) -> IntervalSet {
    let fast = offsets.local_pattern(lo, hi, per_day, &day);
    IntervalSet::new(
        fast.unwrap_or_else(|| zone.local_pattern(lo, hi, |di| day(di).into_iter().collect())),
    )
}

/// [`local_pattern`] over several clocks: `day(k, di)` gives the wall-clock
/// intervals of local day `di` on clock `k` (a zone and its offsets), and
/// the set is their union.
fn clocked_pattern<I: IntoIterator<Item = (Minute, Minute)>>(
    clocks: &[(Zone, Arc<Offsets>)],
    lo: Minute,
    hi: Minute,
    per_day: usize,
    day: impl Fn(usize, i64) -> I,
) -> IntervalSet {
    if let [(zone, offsets)] = clocks {
        return local_pattern(zone, offsets, lo, hi, per_day, |di| day(0, di));
    }
    let mut all: Vec<(Minute, Minute)> = Vec::new();
    for (k, (zone, offsets)) in clocks.iter().enumerate() {
        all.extend(local_pattern(zone, offsets, lo, hi, per_day, |di| day(k, di)).iter());
    }
    IntervalSet::new(all)
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
