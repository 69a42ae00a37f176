//! The office-day rotation planner (contract §3): who is in at their home
//! office on which days, within rule 1 (closures, time off, no-office days),
//! desks, the weekly policy and the lead's locks, maximising co-presence of
//! teammates, anchor days, preferences and in-person meeting attendance.
//!
//! Method. Offices never share reps and weeks never share a constraint or an
//! objective term, so the plan splits into independent (office, ISO week)
//! subproblems. Each is made feasible by a max-flow over reps × days (the
//! policy minimums against desks), then improved by iterated local search
//! (add a day, move a day, exchange days between two reps, move a team's
//! whole day), deterministic for the same input. Each subproblem also gets an
//! upper bound, so the answer says how far from optimal it can at most be.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::io::scenario::{office_open, rule1_blocks};
use crate::model::{Office, RotationRequest, Scenario, Weekday};
use crate::plan::calendar::meeting_occurrences;
use crate::plan::PlanError;
use crate::tz::{self, DAY};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RotationAnswer {
    pub from: NaiveDate,
    pub weeks: u32,
    pub assignments: Vec<Assignment>,
    pub objective: Option<RotationObjective>,
    pub infeasible_reason: Option<String>,
    /// An upper bound on the objective; the plan is at most
    /// `upper_bound - objective.total` from optimal.
    #[cfg_attr(feature = "specta", specta(type = Option<i32>))]
    pub upper_bound: Option<i64>,
    /// What would make an infeasible rotation fit.
    pub fixes: Vec<String>,
    /// The office the plan is limited to (all offices when `None`).
    pub office: Option<String>,
    /// Per rep and week: which days and why.
    pub explanations: Vec<RepWeek>,
}

/// Why a rep is in on the days the plan gives them in one ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepWeek {
    pub rep: String,
    pub office: String,
    pub team: Option<String>,
    /// ISO week label, e.g. `2026-W49`.
    pub week: String,
    /// The rep's weekly bounds after rule 1 (`min(min, open days)`, `max`).
    pub min_days: u32,
    pub max_days: u32,
    pub days: Vec<DayWhy>,
    /// One line a lead can read, e.g. "Tue (anchor day, 3 teammates in), Thu (preferred)".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayWhy {
    pub date: NaiveDate,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Assignment {
    pub rep: String,
    pub date: NaiveDate,
    pub office: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RotationObjective {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub total: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub co_presence: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub anchor: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub preference: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub in_person: i64,
}

/// Points per pair of teammates in the same office on a day (contract §3).
/// The search counts pairs at this weight.
pub const CO_PRESENCE_WEIGHT: u32 = 1;
/// Points per rep in the office on one of their team's anchor days.
pub const ANCHOR_WEIGHT: u32 = 2;
/// Points per rep in the office on one of their preferred days.
pub const PREFERENCE_WEIGHT: u32 = 2;
/// Points per attendee in the office of an in-person meeting that day.
pub const IN_PERSON_WEIGHT: u32 = 3;

/// The ISO week label `2026-W49` of a date.
pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Why an (office, week) has no feasible plan; `rep` and `day` index the
/// subproblem.
enum Shortfall {
    /// Locked in on more days than the rep's maximum.
    OverMaximum { rep: usize },
    /// More reps locked in on a day than there are desks.
    DayOverLocked { day: usize },
    /// Lock-outs leave the rep fewer free open days than their minimum.
    LockedOut { rep: usize },
    /// The desks on the rep's open days are all needed by others.
    NoDesk { rep: usize },
}

/// One (office, week) subproblem.
struct Sub {
    /// Scenario indexes of the office's reps.
    reps: Vec<usize>,
    days: Vec<NaiveDate>,
    desks: i64,
    /// Per rep: days rule 1 leaves open, forced in, forced out (bit d = day d).
    avail: Vec<u8>,
    forced_in: Vec<u8>,
    forced_out: Vec<u8>,
    lo: Vec<i64>,
    hi: Vec<i64>,
    /// Per rep and day: anchor + preference + in-person points.
    weight: Vec<[i64; 7]>,
    /// Per rep: team index (reps without a team form no pairs).
    team: Vec<Option<usize>>,
    n_teams: usize,
}

/// A plan of one subproblem with its incremental bookkeeping.
#[derive(Clone)]
struct State {
    x: Vec<u8>,
    count: Vec<i64>,
    used: [i64; 7],
    /// team × day presence counts.
    team_in: Vec<[i64; 7]>,
    value: i64,
}

impl Sub {
    fn free(&self, i: usize) -> u8 {
        self.avail[i] & !self.forced_out[i]
    }

    fn empty_state(&self) -> State {
        State {
            x: vec![0; self.reps.len()],
            count: vec![0; self.reps.len()],
            used: [0; 7],
            team_in: vec![[0; 7]; self.n_teams],
            value: 0,
        }
    }

    /// Change in value if rep `i` comes in on day `d` (not yet in).
    fn gain_in(&self, st: &State, i: usize, d: usize) -> i64 {
        let mates = self.team[i].map_or(0, |t| st.team_in[t][d]);
        self.weight[i][d] + mates
    }

    /// Change in value if rep `i` leaves day `d` (now in).
    fn loss_out(&self, st: &State, i: usize, d: usize) -> i64 {
        let mates = self.team[i].map_or(0, |t| st.team_in[t][d] - 1);
        self.weight[i][d] + mates
    }

    fn put(&self, st: &mut State, i: usize, d: usize) {
        st.value += self.gain_in(st, i, d);
        st.x[i] |= 1 << d;
        st.count[i] += 1;
        st.used[d] += 1;
        if let Some(t) = self.team[i] {
            st.team_in[t][d] += 1;
        }
    }

    fn take(&self, st: &mut State, i: usize, d: usize) {
        st.value -= self.loss_out(st, i, d);
        st.x[i] &= !(1 << d);
        st.count[i] -= 1;
        st.used[d] -= 1;
        if let Some(t) = self.team[i] {
            st.team_in[t][d] -= 1;
        }
    }
}

impl Sub {
    /// A feasible plan (forced days, then the policy minimums placed by
    /// augmenting paths), or the problems that make none exist.
    fn initial(&self) -> Result<State, Vec<Shortfall>> {
        let n = self.reps.len();
        let mut st = self.empty_state();
        let mut problems = Vec::new();
        for i in 0..n {
            for d in 0..7 {
                if self.forced_in[i] >> d & 1 == 1 {
                    self.put(&mut st, i, d);
                }
            }
            if st.count[i] > self.hi[i] {
                problems.push(Shortfall::OverMaximum { rep: i });
            }
        }
        for d in 0..7 {
            if st.used[d] > self.desks {
                problems.push(Shortfall::DayOverLocked { day: d });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Flow-assigned days (movable), per rep.
        let mut flow = vec![0u8; n];
        for i in 0..n {
            let need = self.lo[i] - st.count[i];
            for _ in 0..need.max(0) {
                if !self.augment(i, &mut flow, &st) {
                    if i64::from(self.free(i).count_ones()) < self.lo[i] {
                        problems.push(Shortfall::LockedOut { rep: i });
                    } else {
                        problems.push(Shortfall::NoDesk { rep: i });
                    }
                    break;
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (i, days) in flow.iter().enumerate() {
            for d in 0..7 {
                if days >> d & 1 == 1 {
                    self.put(&mut st, i, d);
                }
            }
        }
        Ok(st)
    }

    /// What a shortfall means, and what would remove it, in a lead's words.
    fn describe(&self, p: &Shortfall, sc: &Scenario) -> (String, Vec<String>) {
        let rep_id = |i: usize| sc.reps[self.reps[i]].id.as_str();
        let locked_out = |i: usize| -> Vec<String> {
            (0..7)
                .filter(|&d| self.avail[i] & self.forced_out[i] >> d & 1 == 1)
                .map(|d| self.days[d].to_string())
                .collect()
        };
        match *p {
            Shortfall::OverMaximum { rep } => {
                let locked = self.forced_in[rep].count_ones();
                (
                    format!(
                        "{} is locked in on {locked} days, more than their maximum of {}",
                        rep_id(rep),
                        self.hi[rep]
                    ),
                    vec![format!(
                        "release {} of {}'s locks in that week",
                        i64::from(locked) - self.hi[rep],
                        rep_id(rep)
                    )],
                )
            }
            Shortfall::DayOverLocked { day } => {
                let who: Vec<&str> = (0..self.reps.len())
                    .filter(|&i| self.forced_in[i] >> day & 1 == 1)
                    .map(rep_id)
                    .collect();
                (
                    format!(
                        "{} reps are locked in on {} but there are {} desks",
                        who.len(),
                        self.days[day],
                        self.desks
                    ),
                    vec![format!(
                        "release {} of the locks on {} ({})",
                        who.len() as i64 - self.desks,
                        self.days[day],
                        who.join(", ")
                    )],
                )
            }
            Shortfall::LockedOut { rep } => (
                format!(
                    "{} must be in on {} day(s) (policy minimum, capped by open days) but is locked out of all but {}",
                    rep_id(rep),
                    self.lo[rep],
                    self.free(rep).count_ones()
                ),
                vec![format!(
                    "release {}'s lock-out on {}",
                    rep_id(rep),
                    locked_out(rep).join(" or ")
                )],
            ),
            Shortfall::NoDesk { rep } => (
                format!(
                    "{} needs {} office day(s) and every desk on their {} open day(s) is taken",
                    rep_id(rep),
                    self.lo[rep],
                    self.free(rep).count_ones()
                ),
                vec![format!(
                    "a desk more on {}, or a lower minimum for {}",
                    (0..7)
                        .filter(|&d| self.free(rep) >> d & 1 == 1)
                        .map(|d| self.days[d].format("%a %-d %b").to_string())
                        .collect::<Vec<_>>()
                        .join(" or "),
                    rep_id(rep)
                )],
            ),
        }
    }

    /// One more flow day for rep `start`: a breadth-first search over reps,
    /// where a rep may give up a flow day to take another (bipartite
    /// augmenting path with day capacities).
    fn augment(&self, start: usize, flow: &mut [u8], st: &State) -> bool {
        let n = self.reps.len();
        let load: [i64; 7] = std::array::from_fn(|d| {
            st.used[d] + flow.iter().filter(|f| *f >> d & 1 == 1).count() as i64
        });
        // prev[rep] = (previous rep, day that previous rep takes from this rep)
        let mut prev: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut seen_rep = vec![false; n];
        let mut seen_day = [false; 7];
        let mut queue = std::collections::VecDeque::from([start]);
        seen_rep[start] = true;
        while let Some(u) = queue.pop_front() {
            let can = self.free(u) & !self.forced_in[u] & !flow[u];
            for d in 0..7 {
                if can >> d & 1 == 0 || seen_day[d] {
                    continue;
                }
                seen_day[d] = true;
                if load[d] < self.desks {
                    // Walk back: u takes d; each predecessor takes the day it
                    // freed from its successor.
                    let (mut rep, mut day) = (u, d);
                    loop {
                        flow[rep] |= 1 << day;
                        match prev[rep] {
                            None => return true,
                            Some((p, freed)) => {
                                flow[rep] &= !(1 << freed);
                                let _ = p;
                                day = freed;
                                rep = p;
                            }
                        }
                    }
                }
                for v in 0..n {
                    if !seen_rep[v] && flow[v] >> d & 1 == 1 {
                        seen_rep[v] = true;
                        prev[v] = Some((u, d));
                        queue.push_back(v);
                    }
                }
            }
        }
        false
    }
}

/// Offices up to this size get a branch-and-bound proof.
const PROOF_MAX_REPS: usize = 24;
/// Search nodes for proving one team's optimum in an upper bound.
const TEAM_PROOF_BUDGET: usize = 1_000;
/// Search nodes for all proofs of one plan together.
const PROOF_BUDGET: usize = 1_000_000;

/// Depth-first branch and bound over whole weeks of one rep at a time; it
/// proves a plan optimal when the search space is small enough.
struct Proof<'a> {
    sub: &'a Sub,
    /// Reps in search order: by team, identical reps next to each other.
    order: Vec<usize>,
    /// Per position: the rep's allowed weekly masks, and whether the rep is
    /// interchangeable with the one before (then its mask may not exceed
    /// that rep's, which removes mirrored branches).
    masks: Vec<Vec<u8>>,
    same_as_prev: Vec<bool>,
    chosen: Vec<u8>,
    buffers: Vec<Vec<(i64, u8)>>,
    /// Per position and day: teammates later in the order who could be in.
    later_mates: Vec<[i64; 7]>,
    best: State,
    nodes: usize,
    budget: usize,
}

impl Sub {
    /// Searches for a better plan than `best` (and so proves `best` optimal
    /// when none exists) within a node budget; the flag says whether the
    /// search finished.
    fn prove(&self, best: State, budget: usize) -> (State, bool) {
        let n = self.reps.len();
        if n > PROOF_MAX_REPS {
            return (best, false);
        }
        let key = |i: usize| {
            (
                self.team[i],
                self.free(i),
                self.forced_in[i],
                self.lo[i],
                self.hi[i],
                self.weight[i],
            )
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| key(i));
        let same_as_prev: Vec<bool> = (0..n)
            .map(|k| k > 0 && key(order[k]) == key(order[k - 1]))
            .collect();
        let masks: Vec<Vec<u8>> = order
            .iter()
            .map(|&i| {
                let allowed = self.free(i) | self.forced_in[i];
                (0..=u8::MAX >> 1)
                    .filter(|&m| {
                        m & !allowed == 0
                            && m & self.forced_in[i] == self.forced_in[i]
                            && i64::from(m.count_ones()) >= self.lo[i]
                            && i64::from(m.count_ones()) <= self.hi[i]
                    })
                    .collect()
            })
            .collect();
        let later_mates: Vec<[i64; 7]> = (0..n)
            .map(|p| {
                let i = order[p];
                std::array::from_fn(|d| {
                    order[p + 1..]
                        .iter()
                        .filter(|&&j| {
                            self.team[i].is_some()
                                && self.team[j] == self.team[i]
                                && (self.free(j) | self.forced_in[j]) >> d & 1 == 1
                        })
                        .count() as i64
                })
            })
            .collect();
        let mut proof = Proof {
            sub: self,
            order,
            masks,
            same_as_prev,
            later_mates,
            chosen: vec![0; n],
            buffers: vec![Vec::new(); n],
            best,
            nodes: 0,
            budget,
        };
        let mut st = self.empty_state();
        proof.search(0, &mut st);
        let done = proof.nodes <= proof.budget;
        (proof.best, done)
    }
}

impl Proof<'_> {
    fn search(&mut self, k: usize, st: &mut State) {
        let sub = self.sub;
        let n = self.order.len();
        if self.nodes > self.budget {
            return;
        }
        self.nodes += 1;
        if k == n {
            if st.value > self.best.value {
                self.best = st.clone();
            }
            return;
        }
        if st.value + self.bound(k, st) <= self.best.value {
            return;
        }
        let i = self.order[k];
        // Best-first: masks by their immediate gain. Buffers are kept per
        // depth so the search allocates nothing once warm.
        let gain: [i64; 7] = std::array::from_fn(|d| sub.gain_in(st, i, d));
        let full = (0..7)
            .filter(|&d| st.used[d] >= sub.desks)
            .fold(0u8, |m, d| m | 1 << d);
        let cap = if self.same_as_prev[k] {
            self.chosen[k - 1]
        } else {
            u8::MAX
        };
        let mut options = std::mem::take(&mut self.buffers[k]);
        options.clear();
        options.extend(
            self.masks[k]
                .iter()
                .copied()
                .filter(|&m| m <= cap && m & full == 0)
                .map(|m| {
                    let g: i64 = (0..7).filter(|d| m >> d & 1 == 1).map(|d| gain[d]).sum();
                    (g, m)
                }),
        );
        options.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, m) in &options {
            for d in 0..7 {
                if m >> d & 1 == 1 {
                    sub.put(st, i, d);
                }
            }
            self.chosen[k] = m;
            self.search(k + 1, st);
            for d in 0..7 {
                if m >> d & 1 == 1 {
                    sub.take(st, i, d);
                }
            }
            if self.nodes > self.budget {
                break;
            }
        }
        self.buffers[k] = options;
    }

    /// An upper bound on what the reps from position `k` on can still add:
    /// each takes its best days, counting teammates already placed and,
    /// once per pair, teammates after it who could be in that day.
    fn bound(&self, k: usize, st: &State) -> i64 {
        let sub = self.sub;
        let n = self.order.len();
        let mut total = 0;
        for p in k..n {
            let i = self.order[p];
            let allowed = sub.free(i) | sub.forced_in[i];
            let mut v: [i64; 7] = [0; 7];
            for (d, slot) in v.iter_mut().enumerate() {
                if allowed >> d & 1 == 0 {
                    continue;
                }
                let mates = sub.team[i].map_or(0, |t| st.team_in[t][d]);
                *slot = sub.weight[i][d] + mates + self.later_mates[p][d];
            }
            v.sort_unstable_by(|a, b| b.cmp(a));
            total += v.iter().take(sub.hi[i].clamp(0, 7) as usize).sum::<i64>();
        }
        total
    }
}

/// A small deterministic generator (xorshift64*), so the same input always
/// gives the same plan.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

impl Sub {
    fn can_add(&self, st: &State, i: usize, d: usize) -> bool {
        self.free(i) >> d & 1 == 1
            && st.x[i] >> d & 1 == 0
            && st.count[i] < self.hi[i]
            && st.used[d] < self.desks
    }

    fn movable(&self, st: &State, i: usize, d: usize) -> bool {
        st.x[i] >> d & 1 == 1 && self.forced_in[i] >> d & 1 == 0
    }

    /// The open day other than `skip` with a free desk where rep `i` (not
    /// in that day) would gain most, with the gain.
    fn best_new_day(&self, st: &State, i: usize, skip: usize) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        let can = self.free(i) & !st.x[i];
        for e in 0..7 {
            if e == skip || can >> e & 1 == 0 || st.used[e] >= self.desks {
                continue;
            }
            let g = self.gain_in(st, i, e);
            if best.is_none_or(|(b, _)| g > b) {
                best = Some((g, e));
            }
        }
        best
    }

    /// Hill climbing to a local optimum of the move neighbourhood: add a
    /// day, move a day, hand a full day's desk to another rep. Moves are
    /// scored from the incremental counts before they are made.
    fn climb(&self, st: &mut State) {
        let n = self.reps.len();
        loop {
            let mut improved = false;
            for i in 0..n {
                for d in 0..7 {
                    if self.can_add(st, i, d) && self.gain_in(st, i, d) > 0 {
                        self.put(st, i, d);
                        improved = true;
                    }
                }
                for d in 0..7 {
                    if !self.movable(st, i, d) {
                        continue;
                    }
                    // Leaving d does not change i's gain on another day.
                    let out = self.loss_out(st, i, d);
                    if let Some((g, e)) = self.best_new_day(st, i, d) {
                        if g > out {
                            self.take(st, i, d);
                            self.put(st, i, e);
                            improved = true;
                        }
                    }
                }
            }
            for d in 0..7 {
                if st.used[d] < self.desks {
                    continue;
                }
                for i in 0..n {
                    if !self.movable(st, i, d) {
                        continue;
                    }
                    let out = self.loss_out(st, i, d);
                    // i leaves (if above its minimum) or moves to its best
                    // other open day.
                    let alt = if st.count[i] > self.lo[i] {
                        Some(None)
                    } else {
                        self.best_new_day(st, i, d).map(|(g, e)| Some((g, e)))
                    };
                    let Some(alt) = alt else { continue };
                    let back = alt.map_or(0, |(g, _)| g);
                    let ti = self.team[i];
                    let mut best: Option<(i64, usize)> = None;
                    for j in 0..n {
                        if j == i
                            || self.free(j) >> d & 1 == 0
                            || st.x[j] >> d & 1 == 1
                            || st.count[j] >= self.hi[j]
                        {
                            continue;
                        }
                        let tj = self.team[j];
                        let mates = tj.map_or(0, |t| st.team_in[t][d] - i64::from(ti == Some(t)));
                        let delta = self.weight[j][d] + mates + back - out;
                        if delta > 0 && best.is_none_or(|(b, _)| delta > b) {
                            best = Some((delta, j));
                        }
                    }
                    if let Some((_, j)) = best {
                        self.take(st, i, d);
                        self.put(st, j, d);
                        if let Some((_, e)) = alt {
                            self.put(st, i, e);
                        }
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Brings the given reps back to their weekly minimum, each time at the
    /// open day with a free desk that gains most (ties broken at random);
    /// false when a desk cannot be found.
    fn restore_minimums(&self, st: &mut State, reps: &[usize], rng: &mut Rng) -> bool {
        for &i in reps {
            while st.count[i] < self.lo[i] {
                let offset = rng.below(7);
                let best = (0..7)
                    .map(|k| (k + offset) % 7)
                    .filter(|&d| self.can_add(st, i, d))
                    .max_by_key(|&d| self.gain_in(st, i, d));
                match best {
                    Some(d) => self.put(st, i, d),
                    None => return false,
                }
            }
        }
        true
    }

    /// Moves every movable member of team `t` from day `d` to day `e` where
    /// they may; returns whether anything moved.
    fn shift_team(&self, st: &mut State, t: usize, d: usize, e: usize) -> bool {
        let mut moved = false;
        for i in 0..self.reps.len() {
            if self.team[i] == Some(t)
                && self.movable(st, i, d)
                && self.free(i) >> e & 1 == 1
                && st.x[i] >> e & 1 == 0
                && st.used[e] < self.desks
            {
                self.take(st, i, d);
                self.put(st, i, e);
                moved = true;
            }
        }
        moved
    }

    /// Iterated local search from a feasible state: climb, kick (a team
    /// shift or random day moves), climb again, keep the best.
    /// Stops early when `cancel` is set (checked every few rounds; the
    /// caller then discards the run).
    fn improve(&self, mut st: State, rounds: usize, seed: u64, cancel: &AtomicBool) -> State {
        self.climb(&mut st);
        let mut best = st.clone();
        let mut rng = Rng(seed | 1);
        let n = self.reps.len();
        if n == 0 {
            return best;
        }
        for round in 0..rounds {
            if round % CANCEL_EVERY == 0 && cancel.load(Ordering::Relaxed) {
                break;
            }
            let mut cur = best.clone();
            match rng.below(4) {
                3 => {
                    // Ruin a whole day and rebuild it.
                    let d = rng.below(7);
                    let cleared: Vec<usize> =
                        (0..n).filter(|&i| self.movable(&cur, i, d)).collect();
                    for &i in &cleared {
                        self.take(&mut cur, i, d);
                    }
                    if !self.restore_minimums(&mut cur, &cleared, &mut rng) {
                        continue;
                    }
                }
                0 if self.n_teams > 0 => {
                    let (t, d, e) = (rng.below(self.n_teams), rng.below(7), rng.below(7));
                    if d != e {
                        self.shift_team(&mut cur, t, d, e);
                    }
                }
                _ => {
                    // Ruin and recreate: clear a few reps' movable days,
                    // then restore their minimums at their best open days.
                    let k = 1 + rng.below(3.min(n));
                    let picked: Vec<usize> = (0..k).map(|_| rng.below(n)).collect();
                    for &i in &picked {
                        for d in 0..7 {
                            if self.movable(&cur, i, d) {
                                self.take(&mut cur, i, d);
                            }
                        }
                    }
                    if !self.restore_minimums(&mut cur, &picked, &mut rng) {
                        continue;
                    }
                }
            }
            self.climb(&mut cur);
            if cur.value >= best.value {
                best = cur;
            }
        }
        best
    }

    /// The most rep `i` can score on their own: the weights of their best
    /// open days, as many as their weekly maximum allows.
    fn best_own_days(&self, i: usize) -> i64 {
        let mut w: Vec<i64> = (0..7)
            .filter(|&d| (self.free(i) | self.forced_in[i]) >> d & 1 == 1)
            .map(|d| self.weight[i][d])
            .collect();
        w.sort_unstable_by(|a, b| b.cmp(a));
        w.iter().take(self.hi[i].max(0) as usize).sum::<i64>()
    }

    /// An upper bound on this subproblem's value: each rep's best days for
    /// the weights, plus every team-day's pairs at the most the desks and
    /// availability allow.
    fn upper_bound(&self) -> i64 {
        let n = self.reps.len();
        let mut ub = 0;
        for i in 0..n {
            ub += self.best_own_days(i);
        }
        for t in 0..self.n_teams {
            let members: Vec<usize> = (0..n).filter(|&i| self.team[i] == Some(t)).collect();
            // The team's presence over the week is at most P (each member's
            // maximum within their open days), and on day d at most m_d
            // (members open that day, capped by desks). C(k, 2) is convex, so
            // pairs are largest when P is packed into the fullest days first.
            let mut caps: Vec<i64> = (0..7)
                .map(|d| {
                    let m = members
                        .iter()
                        .filter(|&&i| (self.free(i) | self.forced_in[i]) >> d & 1 == 1)
                        .count() as i64;
                    m.min(self.desks)
                })
                .collect();
            caps.sort_unstable_by(|a, b| b.cmp(a));
            let mut presence: i64 = members
                .iter()
                .map(|&i| {
                    let open = i64::from((self.free(i) | self.forced_in[i]).count_ones());
                    self.hi[i].min(open)
                })
                .sum();
            let mut by_day = 0;
            for m in caps {
                let k = m.min(presence);
                by_day += k * (k - 1) / 2;
                presence -= k;
            }
            let k = members.len() as i64;
            let by_rep: i64 = members
                .iter()
                .map(|&i| self.hi[i].min(7) * (k - 1))
                .sum::<i64>()
                / 2;
            ub += by_day.min(by_rep);
        }
        ub
    }

    /// The subproblem of some reps only, as one team, with the same desks.
    fn restrict(&self, members: &[usize]) -> Sub {
        Sub {
            reps: members.iter().map(|&i| self.reps[i]).collect(),
            days: self.days.clone(),
            desks: self.desks,
            avail: members.iter().map(|&i| self.avail[i]).collect(),
            forced_in: members.iter().map(|&i| self.forced_in[i]).collect(),
            forced_out: members.iter().map(|&i| self.forced_out[i]).collect(),
            lo: members.iter().map(|&i| self.lo[i]).collect(),
            hi: members.iter().map(|&i| self.hi[i]).collect(),
            weight: members.iter().map(|&i| self.weight[i]).collect(),
            team: members.iter().map(|_| Some(0)).collect(),
            n_teams: 1,
        }
    }

    /// A tighter upper bound where teams are small: each team's exact
    /// optimum as if it had the office's desks to itself (proven by the
    /// branch and bound, starting from its part of `plan`), plus the best
    /// days of reps without a team. Teams interact only through desks, so
    /// the sum bounds the whole. `None` when a team is too large to prove.
    fn team_bound(&self, plan: &State, budget: usize) -> Option<i64> {
        let n = self.reps.len();
        let mut total = 0;
        for i in (0..n).filter(|&i| self.team[i].is_none()) {
            total += self.best_own_days(i);
        }
        for t in 0..self.n_teams {
            let members: Vec<usize> = (0..n).filter(|&i| self.team[i] == Some(t)).collect();
            let team = self.restrict(&members);
            let mut st = team.empty_state();
            for (k, &i) in members.iter().enumerate() {
                for d in 0..7 {
                    if plan.x[i] >> d & 1 == 1 {
                        team.put(&mut st, k, d);
                    }
                }
            }
            let (best, proven) = team.prove(st, budget);
            if !proven {
                return None;
            }
            total += best.value;
        }
        Some(total)
    }
}

/// Plans the rotation request of a scenario, every office.
///
/// # Errors
/// [`PlanError`] when a zone or meeting rule cannot be resolved.
pub fn rotate(sc: &Scenario, req: &RotationRequest) -> Result<RotationAnswer, PlanError> {
    rotate_office(sc, req, None)
}

/// Plans the rotation request for one office (or all with `None`); the
/// objective then counts that office's reps only.
///
/// # Errors
/// [`PlanError::UnknownOffice`], or [`PlanError`] when a zone or meeting rule
/// cannot be resolved.
pub fn rotate_office(
    sc: &Scenario,
    req: &RotationRequest,
    only: Option<&str>,
) -> Result<RotationAnswer, PlanError> {
    rotate_office_cancellable(sc, req, only, &AtomicBool::new(false))
}

/// Search rounds between two looks at the cancel flag: a round of a large
/// office costs about a millisecond, so Cancel answers within a few.
const CANCEL_EVERY: usize = 8;

/// [`rotate_office`] that stops when `cancel` is set. The flag is read only
/// between (office, week) subproblems and every [`CANCEL_EVERY`] search
/// rounds, so a run that is not cancelled gives exactly the same answer.
///
/// # Errors
/// [`PlanError::Cancelled`] when the flag was set during the run (no partial
/// plan), else as [`rotate_office`].
pub fn rotate_office_cancellable(
    sc: &Scenario,
    req: &RotationRequest,
    only: Option<&str>,
    cancel: &AtomicBool,
) -> Result<RotationAnswer, PlanError> {
    let cancelled = || cancel.load(Ordering::Relaxed);
    if let Some(id) = only {
        if !sc.offices.iter().any(|o| o.id == id) {
            return Err(PlanError::UnknownOffice(id.to_string()));
        }
    }
    let (monday, last) = crate::io::scenario::rotation_days(req.from, req.weeks);
    let in_person = in_person_meetings(sc, monday, last)?;
    let team_of: HashMap<&str, &crate::model::Team> =
        sc.teams.iter().map(|t| (t.id.as_str(), t)).collect();
    let locks: HashMap<(&str, NaiveDate), bool> = req
        .locks
        .iter()
        .map(|l| ((l.rep.as_str(), l.date), l.in_office))
        .collect();
    let mut assignments: Vec<(NaiveDate, usize)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    let mut bounds: Vec<(usize, NaiveDate, i64, i64)> = Vec::new();
    let mut upper = 0;
    // Search effort: a round costs about n² for an office of n reps; small
    // teams get more rounds per office, large ones stay within time.
    const SEARCH_BUDGET: usize = 150_000_000;
    let work: usize = sc
        .offices
        .iter()
        .filter(|o| only.is_none_or(|id| o.id == id))
        .map(|o| {
            let n = sc
                .reps
                .iter()
                .filter(|r| r.office.as_deref() == Some(o.id.as_str()))
                .count();
            n * n
        })
        .sum::<usize>()
        * req.weeks as usize;
    // Proof effort (search nodes): shared by the offices small enough to
    // prove, so a small team gets a deep search and a large one stays fast.
    let small = sc
        .offices
        .iter()
        .filter(|o| only.is_none_or(|id| o.id == id))
        .filter(|o| {
            let n = sc
                .reps
                .iter()
                .filter(|r| r.office.as_deref() == Some(o.id.as_str()))
                .count();
            n > 0 && n <= PROOF_MAX_REPS
        })
        .count()
        * req.weeks as usize;
    let proof_budget = (PROOF_BUDGET / small.max(1)).clamp(2_000, 2_000_000);
    for w in 0..req.weeks {
        let days: Vec<NaiveDate> = (0..7)
            .map(|k| monday + Duration::days(7 * i64::from(w) + k))
            .collect();
        for office in sc
            .offices
            .iter()
            .filter(|o| only.is_none_or(|id| o.id == id))
        {
            if cancelled() {
                return Err(PlanError::Cancelled);
            }
            let sub = build_sub(sc, office, &days, &team_of, &locks, &in_person);
            if sub.reps.is_empty() {
                continue;
            }
            match sub.initial() {
                Err(problems) => {
                    let week = iso_week(days[0]);
                    let open = days.iter().filter(|d| office_open(office, **d)).count() as i64;
                    let have = i64::from(office.desks) * open;
                    let need: i64 = (0..sub.reps.len())
                        .map(|i| sub.lo[i].max(i64::from(sub.forced_in[i].count_ones())))
                        .sum();
                    let mut said: Vec<String> = Vec::new();
                    let mut fix_set: Vec<String> = Vec::new();
                    for p in &problems {
                        let (text, fx) = sub.describe(p, sc);
                        said.push(text);
                        fix_set.extend(fx);
                    }
                    const SHOWN: usize = 4;
                    if said.len() > SHOWN {
                        let more = said.len() - SHOWN;
                        said.truncate(SHOWN);
                        said.push(format!("and {more} more"));
                    }
                    let head = if need > have {
                        format!("reps need at least {need} desk-days, {have} are available: ")
                    } else {
                        String::new()
                    };
                    failures.push(format!(
                        "{}, week {week}: {head}{}",
                        office.id,
                        said.join("; ")
                    ));
                    if need > have && open > 0 {
                        fixes.push(format!(
                            "{}, week {week}: {} more desk(s), or weekly minimums lower by {} desk-day(s) in all",
                            office.id,
                            (need - have + open - 1) / open,
                            need - have
                        ));
                    }
                    fix_set.truncate(SHOWN);
                    fixes.extend(
                        fix_set
                            .into_iter()
                            .map(|f| format!("{}, week {week}: {f}", office.id)),
                    );
                }
                Ok(st) => {
                    let n = sub.reps.len();
                    let base = 30 + 6000 / (n + 1);
                    let rounds = (SEARCH_BUDGET / work.max(1)).clamp(30.min(base), 3 * base);
                    let seed = 0x9E37_79B9_7F4A_7C15 ^ (u64::from(w) << 32) ^ sub.reps.len() as u64;
                    let best = sub.improve(st, rounds, seed, cancel);
                    if cancelled() {
                        return Err(PlanError::Cancelled);
                    }
                    let (best, proven) = sub.prove(best, proof_budget);
                    upper += if proven {
                        best.value
                    } else {
                        let loose = sub.upper_bound();
                        sub.team_bound(&best, TEAM_PROOF_BUDGET)
                            .map_or(loose, |b| b.min(loose))
                    };
                    for (i, &r) in sub.reps.iter().enumerate() {
                        bounds.push((r, days[0], sub.lo[i], sub.hi[i]));
                        for (d, day) in days.iter().enumerate() {
                            if best.x[i] >> d & 1 == 1 {
                                assignments.push((*day, r));
                            }
                        }
                    }
                }
            }
        }
    }
    let office = only.map(str::to_string);
    if !failures.is_empty() {
        return Ok(RotationAnswer {
            from: req.from,
            weeks: req.weeks,
            assignments: Vec::new(),
            objective: None,
            infeasible_reason: Some(failures.join("; ")),
            upper_bound: None,
            fixes,
            office,
            explanations: Vec::new(),
        });
    }
    assignments.sort_unstable();
    let assignments: Vec<Assignment> = assignments
        .into_iter()
        .filter_map(|(date, r)| {
            let rep = &sc.reps[r];
            rep.office.clone().map(|office| Assignment {
                rep: rep.id.clone(),
                date,
                office,
            })
        })
        .collect();
    let objective = objective_of(sc, &assignments, &in_person);
    let explanations = explain(sc, &assignments, &bounds, &locks, &in_person);
    Ok(RotationAnswer {
        from: req.from,
        weeks: req.weeks,
        assignments,
        objective: Some(objective),
        infeasible_reason: None,
        upper_bound: Some(upper.max(objective.total)),
        fixes: Vec::new(),
        office,
        explanations,
    })
}

/// Per rep and week, the days they are in and the reasons the objective
/// (and the lead's locks) give for each.
fn explain(
    sc: &Scenario,
    assignments: &[Assignment],
    bounds: &[(usize, NaiveDate, i64, i64)],
    locks: &HashMap<(&str, NaiveDate), bool>,
    in_person: &InPerson,
) -> Vec<RepWeek> {
    let rep_index: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut in_days: HashMap<usize, Vec<NaiveDate>> = HashMap::new();
    let mut team_day: HashMap<(&str, &str, NaiveDate), i64> = HashMap::new();
    for a in assignments {
        if let Some(&i) = rep_index.get(a.rep.as_str()) {
            in_days.entry(i).or_default().push(a.date);
            if let Some(t) = sc.reps[i].team.as_deref() {
                *team_day.entry((t, a.office.as_str(), a.date)).or_insert(0) += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(bounds.len());
    for &(r, monday, lo, hi) in bounds {
        let rep = &sc.reps[r];
        let team = rep
            .team
            .as_deref()
            .and_then(|t| sc.teams.iter().find(|x| x.id == t));
        let sunday = monday + Duration::days(6);
        let dates: Vec<NaiveDate> = in_days
            .get(&r)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|d| *d >= monday && *d <= sunday)
                    .collect()
            })
            .unwrap_or_default();
        let mut days = Vec::with_capacity(dates.len());
        let mut parts = Vec::with_capacity(dates.len());
        for date in dates {
            let wd = Weekday::of(date);
            let mut reasons = Vec::new();
            if locks.get(&(rep.id.as_str(), date)) == Some(&true) {
                reasons.push("locked in by the lead".to_string());
            }
            if team.is_some_and(|t| t.anchor_days.contains(&wd)) {
                reasons.push("team anchor day".to_string());
            }
            if let (Some(t), Some(o)) = (rep.team.as_deref(), rep.office.as_deref()) {
                let mates = team_day.get(&(t, o, date)).copied().unwrap_or(0) - 1;
                if mates > 0 {
                    reasons.push(format!(
                        "{mates} teammate{} in",
                        if mates == 1 { "" } else { "s" }
                    ));
                }
            }
            if rep.preferred_office_days.contains(&wd) {
                reasons.push("preferred day".to_string());
            }
            if let Some(titles) = in_person.titles.get(&(r, date)) {
                for t in titles {
                    reasons.push(format!("in-person meeting: {t}"));
                }
            }
            if reasons.is_empty() {
                reasons.push(format!("weekly minimum of {lo} office days"));
            }
            parts.push(format!(
                "{} ({})",
                date.format("%a %-d %b"),
                reasons.join(", ")
            ));
            days.push(DayWhy { date, reasons });
        }
        let summary = if parts.is_empty() {
            if hi == 0 {
                "remote this week (maximum 0 office days)".to_string()
            } else {
                "remote this week (no office day required)".to_string()
            }
        } else {
            parts.join("; ")
        };
        out.push(RepWeek {
            rep: rep.id.clone(),
            office: rep.office.clone().unwrap_or_default(),
            team: rep.team.clone(),
            week: iso_week(monday),
            min_days: u32::try_from(lo.max(0)).unwrap_or(0),
            max_days: u32::try_from(hi.max(0)).unwrap_or(u32::MAX),
            days,
            summary,
        });
    }
    out.sort_by(|a, b| {
        (&a.week, &a.office, &a.team, &a.rep).cmp(&(&b.week, &b.office, &b.team, &b.rep))
    });
    out
}

fn build_sub(
    sc: &Scenario,
    office: &Office,
    days: &[NaiveDate],
    team_of: &HashMap<&str, &crate::model::Team>,
    locks: &HashMap<(&str, NaiveDate), bool>,
    in_person: &InPerson,
) -> Sub {
    let policy = sc.policy.office_days_per_week;
    let mut sub = Sub {
        reps: Vec::new(),
        days: days.to_vec(),
        desks: i64::from(office.desks),
        avail: Vec::new(),
        forced_in: Vec::new(),
        forced_out: Vec::new(),
        lo: Vec::new(),
        hi: Vec::new(),
        weight: Vec::new(),
        team: Vec::new(),
        n_teams: 0,
    };
    let mut team_index: HashMap<&str, usize> = HashMap::new();
    for (r, rep) in sc.reps.iter().enumerate() {
        if rep.office.as_deref() != Some(office.id.as_str()) {
            continue;
        }
        let bounds = rep.office_days_per_week.unwrap_or(policy);
        let (mut avail, mut fin, mut fout) = (0u8, 0u8, 0u8);
        let mut weight = [0i64; 7];
        let team = rep.team.as_deref().and_then(|t| team_of.get(t));
        for (d, &day) in days.iter().enumerate() {
            if rule1_blocks(rep, &sc.offices, day).is_none() {
                avail |= 1 << d;
            }
            match locks.get(&(rep.id.as_str(), day)) {
                Some(true) => fin |= 1 << d,
                Some(false) => fout |= 1 << d,
                None => {}
            }
            let wd = Weekday::of(day);
            if team.is_some_and(|t| t.anchor_days.contains(&wd)) {
                weight[d] += i64::from(ANCHOR_WEIGHT);
            }
            if rep.preferred_office_days.contains(&wd) {
                weight[d] += i64::from(PREFERENCE_WEIGHT);
            }
            weight[d] += in_person.points(r, day);
        }
        let t = team.map(|t| {
            let next = team_index.len();
            *team_index.entry(t.id.as_str()).or_insert(next)
        });
        sub.reps.push(r);
        sub.avail.push(avail);
        sub.forced_in.push(fin & avail);
        sub.forced_out.push(fout);
        sub.lo
            .push(i64::from(bounds.min).min(i64::from(avail.count_ones())));
        sub.hi.push(i64::from(bounds.max));
        sub.weight.push(weight);
        sub.team.push(t);
    }
    sub.n_teams = team_index.len();
    sub
}

/// In-person meeting occurrences per (rep index, local date): meetings whose
/// in-person office is the attendee's office, on the occurrence's local date
/// in that office's zone.
#[derive(Default)]
struct InPerson {
    count: HashMap<(usize, NaiveDate), i64>,
    titles: HashMap<(usize, NaiveDate), Vec<String>>,
}

impl InPerson {
    fn points(&self, r: usize, date: NaiveDate) -> i64 {
        i64::from(IN_PERSON_WEIGHT) * self.count.get(&(r, date)).copied().unwrap_or(0)
    }
}

fn in_person_meetings(
    sc: &Scenario,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<InPerson, PlanError> {
    let lo = tz::day_index(first) * DAY - 2 * DAY;
    let hi = (tz::day_index(last) + 1) * DAY + 2 * DAY;
    let rep_index: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut out = InPerson::default();
    for m in &sc.meetings {
        let Some(oid) = &m.in_person_office else {
            continue;
        };
        let Some(office) = sc.offices.iter().find(|o| &o.id == oid) else {
            continue;
        };
        let attendees: Vec<usize> = m
            .attendees
            .iter()
            .filter_map(|a| rep_index.get(a.as_str()).copied())
            .filter(|&i| sc.reps[i].office.as_deref() == Some(oid.as_str()))
            .collect();
        if attendees.is_empty() {
            continue;
        }
        let mz = tz::Zone::get(&m.time_zone)?;
        let oz = tz::Zone::get(&office.time_zone)?;
        for (s, _) in meeting_occurrences(m, &mz, lo, hi)? {
            let date = tz::index_date(oz.local_minute(s).div_euclid(DAY));
            if date < first || date > last {
                continue;
            }
            for &a in &attendees {
                *out.count.entry((a, date)).or_insert(0) += 1;
                let titles = out.titles.entry((a, date)).or_default();
                if !titles.contains(&m.title) {
                    titles.push(m.title.clone());
                }
            }
        }
    }
    Ok(out)
}

/// The objective's terms recomputed from the assignments alone.
fn objective_of(
    sc: &Scenario,
    assignments: &[Assignment],
    in_person: &InPerson,
) -> RotationObjective {
    let rep_index: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut groups: HashMap<(&str, &str, NaiveDate), i64> = HashMap::new();
    let mut o = RotationObjective::default();
    for a in assignments {
        let Some(&i) = rep_index.get(a.rep.as_str()) else {
            continue;
        };
        let rep = &sc.reps[i];
        let wd = Weekday::of(a.date);
        if let Some(team) = rep.team.as_deref() {
            *groups.entry((team, a.office.as_str(), a.date)).or_insert(0) += 1;
            if sc
                .teams
                .iter()
                .any(|t| t.id == team && t.anchor_days.contains(&wd))
            {
                o.anchor += i64::from(ANCHOR_WEIGHT);
            }
        }
        if rep.preferred_office_days.contains(&wd) {
            o.preference += i64::from(PREFERENCE_WEIGHT);
        }
        o.in_person += in_person.points(i, a.date);
    }
    o.co_presence =
        i64::from(CO_PRESENCE_WEIGHT) * groups.values().map(|n| n * (n - 1) / 2).sum::<i64>();
    o.total = o.co_presence + o.anchor + o.preference + o.in_person;
    o
}

/// Plans the scenario's rotation request.
///
/// # Errors
/// [`PlanError::MissingRequest`] when the scenario has none.
pub fn rotate_stored(sc: &Scenario) -> Result<RotationAnswer, PlanError> {
    let req = sc
        .requests
        .rotation
        .as_ref()
        .ok_or(PlanError::MissingRequest("rotation"))?;
    rotate(sc, req)
}
