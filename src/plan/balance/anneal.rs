//! Simulated annealing for overloaded teams (method step 5): on tasks at
//! risk, then under load limits found by bisection on λ.

use crate::plan::balance::board::Board;
use crate::plan::balance::problem::Ratio;
use crate::plan::balance::search::Search;
use crate::plan::rng::Rng;

/// Annealing steps per movable task, and at most in all.
const ANNEAL_PER_JOB: u64 = 20_000;
const ANNEAL_STEPS: u64 = 3_000_000;
/// Bisection steps on λ by annealing.
const ANNEAL_ROUNDS: u64 = 8;
/// Starting and final temperature (in tasks at risk).
const ANNEAL_T0: f64 = 0.6;
const ANNEAL_T1: f64 = 0.03;

impl<'p> Search<'p> {
    /// Simulated annealing: random moves and swaps, a worse plan accepted
    /// with probability `exp(−Δ/T)` as `T` cools geometrically.
    ///
    /// Without `limits` the cost is the number of tasks at risk. Tasks at
    /// risk still take capacity, so good plans gather hopeless tasks where
    /// they delay nothing else; reaching them takes many changes that each
    /// gain nothing, which a descent never makes. Only a plan with fewer
    /// tasks at risk replaces `b`.
    ///
    /// With `limits` (a load limit per rep) the cost is the minutes over the
    /// limits plus, per task at risk beyond `b`'s count, a weight of two
    /// average tasks; the first plan with no excess at all replaces `b`
    /// (true).
    fn anneal(&self, b: &mut Board<'p>, limits: Option<&[i64]>, steps: u64, seed: u64) -> bool {
        let p = self.p;
        let target = match limits {
            None => self.bounds.risk,
            Some(_) => b.total_risk,
        };
        let movable: Vec<usize> = (0..p.jobs.len())
            .filter(|&j| !p.jobs[j].pinned && p.jobs[j].n_eligible > 1)
            .collect();
        if movable.is_empty() || (limits.is_none() && b.total_risk <= target) {
            return false;
        }
        let mean =
            movable.iter().map(|&j| p.jobs[j].minutes).sum::<i64>() as f64 / movable.len() as f64;
        // Temperatures are in tasks at risk; with limits, in minutes.
        let (scale, weight) = match limits {
            None => (1.0, 1.0),
            Some(_) => (mean.max(1.0), 2.0 * mean.max(1.0)),
        };
        let over = |r: usize, load: i64| limits.map_or(0, |l| (load - l[r]).max(0));
        let mut excess: i64 = (0..p.n_reps()).map(|r| over(r, b.load[r])).sum();
        let cost = |risk: u32, excess: i64| {
            weight * f64::from(risk.saturating_sub(target)) + excess as f64
        };
        let mut rng = Rng(seed);
        let mut cur = b.clone();
        let mut best_risk = b.total_risk;
        let mut best_at: Option<Vec<usize>> = None;
        let (t0, t1) = (ANNEAL_T0 * scale, ANNEAL_T1 * scale);
        let mut temp = t0;
        for step in 0..steps {
            if step % 1024 == 0 {
                if p.cancelled() {
                    break;
                }
                temp = t0 * (t1 / t0).powf(step as f64 / steps as f64);
            }
            let j = movable[rng.below(movable.len())];
            let r = cur.at[j];
            let cands = p.candidates(j);
            let t = cands[rng.below(cands.len())];
            if t == r {
                continue;
            }
            let swap_with = if rng.next() & 1 == 0 || cur.list[t].is_empty() {
                None
            } else {
                let k = cur.list[t][rng.below(cur.list[t].len())] as usize;
                if p.jobs[k].pinned || !p.eligible(k, r) {
                    continue;
                }
                Some(k)
            };
            let (nr, nt, shift) = match swap_with {
                None => (
                    cur.count_risk(r, Some(j), None),
                    cur.count_risk(t, None, Some(j)),
                    p.jobs[j].minutes,
                ),
                Some(k) => (
                    cur.count_risk(r, Some(j), Some(k)),
                    cur.count_risk(t, Some(k), Some(j)),
                    p.jobs[j].minutes - p.jobs[k].minutes,
                ),
            };
            let new_risk = cur.total_risk - cur.risk[r] - cur.risk[t] + nr + nt;
            let new_excess = excess - over(r, cur.load[r]) - over(t, cur.load[t])
                + over(r, cur.load[r] - shift)
                + over(t, cur.load[t] + shift);
            let delta = cost(new_risk, new_excess) - cost(cur.total_risk, excess);
            if delta > 0.0 && rng.unit() >= (-delta / temp).exp() {
                continue;
            }
            cur.shift(j, t);
            if let Some(k) = swap_with {
                cur.shift(k, r);
            }
            cur.set_risk(r, nr);
            cur.set_risk(t, nt);
            excess = new_excess;
            if limits.is_some() {
                if excess == 0 && cur.total_risk <= target {
                    *b = Board::from_plan(p, &cur.at);
                    return true;
                }
            } else if cur.total_risk < best_risk {
                best_risk = cur.total_risk;
                best_at = Some(cur.at.clone());
                if best_risk <= target {
                    break;
                }
            }
        }
        match best_at {
            Some(at) => {
                *b = Board::from_plan(p, &at);
                true
            }
            None => false,
        }
    }

    /// Annealing for tasks at risk, then bisection on λ with annealing
    /// under the limits `⌊λ·C_r⌋` for the highest utilisation, keeping
    /// the number at risk. For teams where packings do not reach the
    /// fewest tasks at risk found.
    pub(super) fn anneal_search(&self, b: &mut Board<'p>) {
        let movable = self.by_size.len() as u64;
        let steps = ANNEAL_STEPS.min(ANNEAL_PER_JOB * movable);
        if b.total_risk <= self.bounds.risk {
            return;
        }
        if self.anneal(b, None, steps, 0x6d65_7269_6469_616e) {
            self.reduce_risk(b);
        }
        if self.infinite {
            return;
        }
        let steps = ANNEAL_STEPS.min(ANNEAL_PER_JOB / 4 * movable);
        let mut lo = self.bounds.max;
        for round in 0..ANNEAL_ROUNDS {
            let hi = b.key().finite_max;
            if hi <= lo {
                break;
            }
            let lambda = Ratio::midpoint(lo, hi);
            let limits: Vec<i64> = if lambda >= hi {
                (0..self.p.n_reps())
                    .map(|r| hi.limit_below(self.p.cap[r]).max(self.pinned_load[r]))
                    .collect()
            } else {
                self.limits(lambda)
            };
            if !self.anneal(b, Some(&limits), steps, 0x6c61_6d62_6461 + round) {
                lo = lambda;
            }
        }
    }
}
