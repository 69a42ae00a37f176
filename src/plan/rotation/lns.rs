//! Large-neighbourhood search: a few reps of an office-week (a team, two
//! teams, or the reps in on two days) are freed and re-optimised exactly by
//! the branch and bound of `proof.rs`, everything else fixed; a better week
//! for them replaces theirs. Neighbourhoods are drawn from a seeded
//! generator and every search has a node budget, so the same input gives
//! the same plan.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::plan::rng::Rng;
use crate::plan::rotation::search::CANCEL_EVERY;
use crate::plan::rotation::sub::{State, Sub};

/// The most reps one neighbourhood frees: beyond it the branch and bound
/// rarely finishes within the budgets the planner can afford.
pub(super) const LNS_MAX_REPS: usize = 14;

impl Sub {
    /// `calls` neighbourhoods re-optimised in turn from `best`, each within
    /// `nodes` search nodes; returns the improved plan. Stops early when
    /// `cancel` is set.
    pub(super) fn lns(
        &self,
        mut best: State,
        calls: usize,
        nodes: usize,
        seed: u64,
        cancel: &AtomicBool,
    ) -> State {
        let n = self.reps.len();
        if n == 0 {
            return best;
        }
        let teams: Vec<Vec<usize>> = (0..self.n_teams)
            .map(|t| (0..n).filter(|&i| self.team[i] == Some(t)).collect())
            .filter(|m: &Vec<usize>| !m.is_empty())
            .collect();
        let mut rng = Rng(seed ^ 0x5851_F42D_4C95_7F2D);
        for call in 0..calls {
            if call % CANCEL_EVERY == 0 && cancel.load(Ordering::Relaxed) {
                break;
            }
            let mut freed: Vec<usize> = match (call % 3, teams.len()) {
                (0, t) if t > 0 => teams[call / 3 % t].clone(),
                (1, t) if t > 1 => {
                    let a = rng.below(t);
                    let b = (a + 1 + rng.below(t - 1)) % t;
                    let mut both = teams[a].clone();
                    both.extend(&teams[b]);
                    both
                }
                _ => {
                    let (d, e) = (rng.below(7), rng.below(7));
                    (0..n)
                        .filter(|&i| (best.x[i] >> d | best.x[i] >> e) & 1 == 1)
                        .collect()
                }
            };
            // Too many to search well: keep a random few.
            while freed.len() > LNS_MAX_REPS {
                let k = rng.below(freed.len());
                freed.swap_remove(k);
            }
            freed.sort_unstable();
            if !freed.is_empty() {
                self.reoptimise(&mut best, &freed, nodes);
            }
        }
        best
    }

    /// Re-optimises the weeks of `freed` (sorted, distinct) with every
    /// other rep's week fixed; true when the plan improved.
    pub(super) fn reoptimise(&self, st: &mut State, freed: &[usize], nodes: usize) -> bool {
        let part = self.part(freed);
        let mut base = st.clone();
        for &i in freed {
            for d in 0..7 {
                if base.x[i] >> d & 1 == 1 {
                    self.take(&mut base, i, d);
                }
            }
        }
        let mut now = State {
            x: vec![0; freed.len()],
            count: vec![0; freed.len()],
            used: base.used.clone(),
            team_in: base.team_in.clone(),
            value: 0,
        };
        for (k, &i) in freed.iter().enumerate() {
            for d in 0..7 {
                if st.x[i] >> d & 1 == 1 {
                    part.put(&mut now, k, d);
                }
            }
        }
        let was = now.value;
        let out = part.branch_and_bound(&base, now, nodes);
        if out.best.value <= was {
            return false;
        }
        for (k, &i) in freed.iter().enumerate() {
            for d in 0..7 {
                if out.best.x[k] >> d & 1 == 1 {
                    self.put(&mut base, i, d);
                }
            }
        }
        *st = base;
        true
    }
}
