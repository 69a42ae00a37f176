//! The fairness ledger's tie-breaker (issue 16): after the search, a pass
//! over one subproblem's plan that makes only exchanges leaving its value
//! exactly unchanged and every hard rule kept, each handing a preferred-day
//! grant from a rep the ledger shows granted a larger share of their asked
//! preferred days to one granted a smaller share.
//!
//! The move is the search's exchange of days between two reps: `i` in on
//! `d` and out on `e`, `j` out on `d` and in on `e`, become the other way
//! round. Each keeps their count of days (the policy and the lead's counts
//! hold), neither crosses a lock (`forced_in` / `forced_out`) or rule 1
//! (`avail`), and desks are checked where the two are at different offices
//! (a traveller). It is taken only when `d` is one of `j`'s preferred days
//! and not `e`, `d` one of `i`'s and not `e` (so one grant moves from `i` to
//! `j`), `j`'s share is smaller than `i`'s, and the plan's value after it is
//! the value before it. Every move lowers Σ share × grants, so the pass
//! ends; the order of the loops fixes which exchanges happen, so the same
//! input gives the same plan.

use crate::plan::rotation::sub::{State, Sub};

/// Pairs of reps one subproblem's pass looks at, at most (about the work of
/// a few search rounds of a 400-rep office).
const FAIR_PAIRS: usize = 2_000_000;

impl Sub {
    /// `st` with grant-moving exchanges of equal value made, as the module
    /// says. `share[i]`: rep `i`'s share of asked preferred days granted in
    /// the ledger (`None`: no ledger figure, never part of an exchange);
    /// `preferred[i]`: bit `d` set when day `d` is one of their preferred
    /// weekdays.
    pub(super) fn even_out(&self, mut st: State, share: &[Option<f64>], preferred: &[u8]) -> State {
        let n = self.reps.len();
        // Only reps with a share and a preferred day this week take part.
        let takers: Vec<usize> = (0..n)
            .filter(|&i| share[i].is_some() && preferred[i] != 0)
            .collect();
        // Pairs looked at, at most: a count, so the plan never depends on
        // the machine; an office of thousands stops early (each pass is
        // quadratic) with the exchanges made so far.
        let mut budget = FAIR_PAIRS;
        // Each exchange lowers Σ share × grants by a positive amount, so
        // the passes end; the budget bounds them anyway.
        loop {
            let mut moved = false;
            for d in 0..7 {
                for &i in &takers {
                    if st.x[i] >> d & 1 == 0 || preferred[i] >> d & 1 == 0 {
                        continue;
                    }
                    let Some(si) = share[i] else { continue };
                    for &j in &takers {
                        if budget == 0 {
                            return st;
                        }
                        budget -= 1;
                        let Some(sj) = share[j] else { continue };
                        if j == i || sj >= si || preferred[j] >> d & 1 == 0 {
                            continue;
                        }
                        if let Some(e) = self.exchange_day(&st, i, j, d, preferred) {
                            if self.try_exchange(&mut st, i, j, d, e) {
                                moved = true;
                                break;
                            }
                        }
                    }
                }
            }
            if !moved {
                break;
            }
        }
        st
    }

    /// A day `e` on which `j` is in and `i` out that the two may exchange
    /// for `d` (locks, rule 1, neither preferring `e`), the first such.
    fn exchange_day(
        &self,
        st: &State,
        i: usize,
        j: usize,
        d: usize,
        preferred: &[u8],
    ) -> Option<usize> {
        let i_may = self.forced_in[i] >> d & 1 == 0;
        let j_may = st.x[j] >> d & 1 == 0 && self.free(j) >> d & 1 == 1;
        if !i_may || !j_may {
            return None;
        }
        (0..7).find(|&e| {
            e != d
                && st.x[i] >> e & 1 == 0
                && self.free(i) >> e & 1 == 1
                && st.x[j] >> e & 1 == 1
                && self.forced_in[j] >> e & 1 == 0
                && (preferred[i] | preferred[j]) >> e & 1 == 0
        })
    }

    /// Makes the exchange when it keeps the value and the desks, else
    /// leaves `st` as it was; says which.
    fn try_exchange(&self, st: &mut State, i: usize, j: usize, d: usize, e: usize) -> bool {
        let before = st.value;
        self.take(st, i, d);
        self.put(st, j, d);
        self.take(st, j, e);
        self.put(st, i, e);
        let desks_kept = [(i, e), (j, d)]
            .iter()
            .all(|&(r, day)| st.used[self.slot(r, day)][day] <= self.desks[self.slot(r, day)]);
        if st.value == before && desks_kept {
            return true;
        }
        self.take(st, i, e);
        self.put(st, j, e);
        self.take(st, j, d);
        self.put(st, i, d);
        debug_assert_eq!(st.value, before, "an undone exchange restores the value");
        false
    }
}
