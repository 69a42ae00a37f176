//! Improving a feasible plan: hill climbing over add / move / hand-over
//! moves scored from the incremental counts, then iterated local search with
//! kicks (a team shifts a day, a day or a few reps' weeks are ruined and
//! rebuilt), seeded, so the same input gives the same plan.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::plan::rng::Rng;
use crate::plan::rotation::sub::{State, Sub, NO_GROUP};

/// Search rounds between two looks at the cancel flag: a round of a large
/// office costs about a millisecond, so Cancel answers within a few.
pub(super) const CANCEL_EVERY: usize = 8;

impl Sub {
    #[inline]
    fn can_add(&self, st: &State, i: usize, d: usize) -> bool {
        self.free(i) >> d & 1 == 1
            && st.x[i] >> d & 1 == 0
            && st.count[i] < self.hi[i]
            && self.room(st, i, d)
    }

    #[inline]
    fn movable(&self, st: &State, i: usize, d: usize) -> bool {
        st.x[i] >> d & 1 == 1 && self.forced_in[i] >> d & 1 == 0
    }

    /// The open day other than `skip` with a free desk where rep `i` (not
    /// in that day) would gain most, with the gain.
    #[inline]
    fn best_new_day(&self, st: &State, i: usize, skip: usize) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        let can = self.free(i) & !st.x[i];
        for e in 0..7 {
            if e == skip || can >> e & 1 == 0 || !self.room(st, i, e) {
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
            for s in 0..self.desks.len() {
                for d in 0..7 {
                    if st.used[s][d] < self.desks[s] {
                        continue;
                    }
                    improved |= self.hand_over(st, s, d);
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// On a full (office slot `s`, day `d`): each rep in there hands their
    /// desk to the rep not in who gains most, if the swap gains (the rep
    /// leaving drops the day when above their minimum, else moves to their
    /// best other open day). Returns whether anything changed.
    fn hand_over(&self, st: &mut State, s: usize, d: usize) -> bool {
        let n = self.reps.len();
        // One office (no traveller): every rep is at slot 0, no check.
        let one = self.desks.len() == 1;
        let mut improved = false;
        for i in 0..n {
            if !self.movable(st, i, d) || (!one && self.slot(i, d) != s) {
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
            let gi = self.group[i][d];
            let mut best: Option<(i64, usize)> = None;
            for j in 0..n {
                if j == i
                    || self.free(j) >> d & 1 == 0
                    || st.x[j] >> d & 1 == 1
                    || st.count[j] >= self.hi[j]
                    || (!one && self.slot(j, d) != s)
                {
                    continue;
                }
                let mates = match self.group[j][d] {
                    NO_GROUP => 0,
                    g => st.team_in[g as usize][d] - i64::from(g == gi),
                };
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
        improved
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

    /// A plan made from weekly masks that keep the desks, locks and rule 1
    /// but maybe not the policy (the Lagrangian bound's relaxed plans):
    /// reps above their maximum give up their least valuable days, reps
    /// below their minimum take the best days with a free desk, then the
    /// plan climbs. `None` when a minimum finds no desk.
    pub(super) fn repair(&self, masks: &[u8]) -> Option<State> {
        let mut st = self.state_of(masks);
        let n = self.reps.len();
        for i in 0..n {
            while st.count[i] > self.hi[i] {
                let d = (0..7)
                    .filter(|&d| self.movable(&st, i, d))
                    .min_by_key(|&d| self.loss_out(&st, i, d))?;
                self.take(&mut st, i, d);
            }
        }
        for i in 0..n {
            while st.count[i] < self.lo[i] {
                let d = (0..7)
                    .filter(|&d| self.can_add(&st, i, d))
                    .max_by_key(|&d| self.gain_in(&st, i, d))?;
                self.put(&mut st, i, d);
            }
        }
        self.climb(&mut st);
        Some(st)
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
                && self.room(st, i, e)
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
    pub(super) fn improve(
        &self,
        mut st: State,
        rounds: usize,
        seed: u64,
        cancel: &AtomicBool,
    ) -> State {
        self.climb(&mut st);
        let mut best = st.clone();
        let mut rng = Rng(seed);
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
}
