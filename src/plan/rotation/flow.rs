//! A first feasible plan of a subproblem: locked days, then each rep's
//! weekly minimum placed by augmenting paths over reps × days with the
//! desks as day capacities (a max-flow), or the shortfalls that make none
//! exist, each with what would remove it.

use crate::model::Scenario;
use crate::plan::rotation::sub::{State, Sub};

/// Why an (office, week) has no feasible plan; `rep` and `day` index the
/// subproblem.
pub(super) enum Shortfall {
    /// Locked in on more days than the rep's maximum.
    OverMaximum { rep: usize },
    /// More reps locked in on a day than there are desks.
    DayOverLocked { day: usize },
    /// Lock-outs leave the rep fewer free open days than their minimum.
    LockedOut { rep: usize },
    /// The desks on the rep's open days are all needed by others.
    NoDesk { rep: usize },
}

impl Sub {
    /// A feasible plan (forced days, then the policy minimums placed by
    /// augmenting paths), or the problems that make none exist.
    pub(super) fn initial(&self) -> Result<State, Vec<Shortfall>> {
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
    pub(super) fn describe(&self, p: &Shortfall, sc: &Scenario) -> (String, Vec<String>) {
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
