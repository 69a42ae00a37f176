//! The balancer's search: given per-rep cumulative capacities and the tasks
//! in scope (already in (due, id) order with their eligible reps), find an
//! assignment minimising, lexicographically, tasks at risk, the highest
//! utilisation, tasks moved and the sum of squared utilisations.
//!
//! Method (see DESIGN.md, "The workload balancer"):
//! 1. **Bounds.** Tasks at risk on every rep they may go to (given pinned
//!    work) and pinned tasks at risk on their own give a lower bound on (1);
//!    pinned load, the largest task on its best rep and per-skill-group
//!    load/capacity ratios give one on (2).
//! 2. **Construction.** Packing with a per-rep load limit `⌊λ·C_r⌋`: either
//!    every rep first keeps what it has (Moore–Hodgson: walk its tasks by due
//!    date and, when one would be at risk or over the limit, drop the largest
//!    so far, which drops the fewest tasks) and the rest is packed, or all
//!    movable tasks are packed; largest task first, best or worst fit among
//!    eligible reps (an ordered index of rooms per skill group), never adding
//!    a task at risk when a safe place exists.
//! 3. **λ search.** Bisection on λ between the bound and the best plan's
//!    highest utilisation, keeping every plan that is lexicographically
//!    better, then attempts strictly below the best.
//! 4. **Local search.** Relieve the busiest reps (move or swap a task so each
//!    drops strictly below the maximum), bring moved tasks back home (directly
//!    or by sending a guest elsewhere), then spread guests to lower the sum of
//!    squares; no step worsens an earlier term.
//! 5. **Overloaded teams** (tasks at risk above the bound): simulated
//!    annealing on tasks at risk, then bisection on λ with annealing under
//!    the limits, and exact re-optimisation of pairs of reps (before the λ
//!    search and after polishing); fixed seeds and step counts.
//! 6. **Exact moves and squares** (`exact.rs`) on teams of at most 30 reps
//!    and 200 tasks at the risk bound: branch and bound over the plans
//!    with the same tasks at risk within the final limits `⌊λ·C_r⌋`, for
//!    the fewest moves, then the least sum of squares (a node budget). When
//!    it does not finish (dense teams), groups of up to five reps around
//!    those sending filler are re-optimised by the same search (`moves.rs`).
//! 7. **Exact search** (`proof.rs`) on small instances, seeded with the
//!    heuristic plan, proves or improves it on all four terms (skipped when
//!    6 already proved the plan optimal).
//!
//! Every step is deterministic: orders are total, work budgets are counts.
//!
//! This file holds [`solve`] (the phases in order), the state they share
//! ([`Search`]) and the λ search (3). The bounds (1) are in `bounds.rs`; the
//! other phases add their methods to `Search` from `pack.rs` (2), `local.rs`
//! (4), `anneal.rs` and `pair.rs` (5) and `exact.rs` (6), and `proof.rs` is
//! (7).

use crate::plan::balance::board::Board;
use crate::plan::balance::bounds::Bounds;
use crate::plan::balance::problem::{Problem, Ratio};
use crate::plan::balance::proof;

/// Teams the exact search of moves and squares (`exact.rs`) runs on: at
/// most this many reps and tasks in scope. Here, where the phases are
/// ordered, so that `exact.rs` imports this file and not the reverse.
pub(super) const EXACT34_MAX_REPS: usize = 30;
pub(super) const EXACT34_MAX_JOBS: usize = 200;
/// Nodes that search may visit.
pub(super) const EXACT34_NODES: u64 = 1_000_000;

/// What the search proves and finds.
pub(crate) struct Solved {
    pub rep_of: Vec<usize>,
    pub at_risk_bound: u32,
    pub max_bound: Ratio,
    pub optimal: bool,
}

/// How a packing treats current assignees and picks among reps.
#[derive(Debug, Clone, Copy)]
pub(super) struct Variant {
    /// Reps first keep their own tasks (fewest drops).
    pub(super) keep: bool,
    /// Kept tasks must respect the load limit too (off only when an
    /// infinite utilisation makes moves outrank the maximum).
    pub(super) keep_within_limit: bool,
    /// Among reps that fit, the tightest (best fit) or the roomiest.
    pub(super) best_fit: bool,
    /// A task goes back to its assignee when it fits there.
    pub(super) prefer_home: bool,
    /// Walk tasks by due date instead of by size, trading a large safe task
    /// for a smaller one when a task fits nowhere (Moore–Hodgson over all
    /// reps), and place the tasks that cannot be safe last, where they put
    /// the fewest others at risk. Best for overloaded teams.
    pub(super) edf: bool,
}

/// Below this many movable tasks the exact search runs.
const EXACT_MAX_JOBS: usize = 40;
/// Work budget of the exact search (bound evaluations, in rep-task units).
const EXACT_WORK: u64 = 60_000_000;
/// Nodes the pair re-optimisations of one phase may visit together.
const PAIR_WORK: u64 = 4_000_000;

/// Finds the plan. Every job is placed. `None` when the run was cancelled:
/// phases stop early once the flag is set, so what they hold is discarded.
pub(crate) fn solve(p: &Problem) -> Option<Solved> {
    let n_jobs = p.jobs.len();
    let bounds = Bounds::new(p);
    if n_jobs == 0 {
        return Some(Solved {
            rep_of: Vec::new(),
            at_risk_bound: bounds.risk,
            max_bound: bounds.max,
            optimal: true,
        });
    }
    let infinite = p.infinite();
    let mut s = Search::new(p, &bounds, infinite);
    let mut best = s.initial();
    debug_assert!(best.complete());
    // Checks between phases; inside them, packings, annealing and the pair
    // and exact searches check too, so a cancel lands within a fraction of
    // a second on the largest teams.
    if p.cancelled() {
        return None;
    }
    s.reduce_risk(&mut best);
    s.anneal_search(&mut best);
    if p.cancelled() {
        return None;
    }
    // Before the λ search only for tasks at risk: on other teams packings
    // reach the highest utilisation's bound far sooner.
    if best.total_risk > bounds.risk {
        s.pair_search(&mut best, PAIR_WORK);
    }
    best = s.lambda_search(best);
    if p.cancelled() {
        return None;
    }
    best = s.polish(best);
    s.pair_search(&mut best, PAIR_WORK);
    if p.cancelled() {
        return None;
    }
    // Small teams: moves and squares exactly at the final tasks at risk
    // and maximum; with both at their bounds that is the optimum.
    let mut optimal = false;
    if p.n_reps() <= EXACT34_MAX_REPS && n_jobs <= EXACT34_MAX_JOBS {
        let limits = s.limits(best.key().finite_max);
        let done = s.exact_moves_squares(&mut best, &limits, EXACT34_NODES);
        // Unfinished: dense teams, where exact groups find what it missed.
        if !done {
            let moves = best.moves;
            s.surplus_moves(&mut best, &limits);
            s.random_groups(&mut best, &limits);
            // Fewer moves came with whatever squares the groups left.
            if best.moves < moves {
                s.even_out(&mut best, &limits);
            }
        }
        optimal = done && best.total_risk == bounds.risk && best.key().finite_max == bounds.max;
    }
    if p.cancelled() {
        return None;
    }
    let mut rep_of = best.at.clone();
    let movable = p.jobs.iter().filter(|j| !j.pinned).count();
    if !optimal && movable <= EXACT_MAX_JOBS {
        let out = proof::search(p, &rep_of, EXACT_WORK);
        optimal = out.complete;
        rep_of = out.rep_of;
    }
    if p.cancelled() {
        return None;
    }
    Some(Solved {
        rep_of,
        at_risk_bound: bounds.risk,
        max_bound: bounds.max,
        optimal,
    })
}

/// Search state shared by the phases.
pub(super) struct Search<'p> {
    pub(super) p: &'p Problem,
    pub(super) bounds: &'p Bounds,
    pub(super) infinite: bool,
    /// Movable jobs in packing order: largest first (then fewest eligible
    /// reps, earliest due), the nearly fixed ones before all others.
    pub(super) by_size: Vec<usize>,
    /// Skill groups each rep belongs to.
    pub(super) groups_of: Vec<Vec<usize>>,
    pub(super) pinned_load: Vec<i64>,
    /// A group of reps re-planned as a team of its own (`subteam.rs`):
    /// its highest utilisation is not the team's.
    pub(super) alone: bool,
}

impl<'p> Search<'p> {
    pub(super) fn new(p: &'p Problem, bounds: &'p Bounds, infinite: bool) -> Search<'p> {
        let mut by_size: Vec<usize> = (0..p.jobs.len()).filter(|&j| !p.jobs[j].pinned).collect();
        // Tasks with one or two possible reps first: they have no choice.
        by_size.sort_by_key(|&j| {
            let job = &p.jobs[j];
            (
                job.n_eligible > 2,
                std::cmp::Reverse(job.minutes),
                job.n_eligible,
                job.due,
                j,
            )
        });
        let mut groups_of = vec![Vec::new(); p.n_reps()];
        for (g, group) in p.groups.iter().enumerate() {
            if group.pinned_to.is_none() {
                for &r in &group.members {
                    groups_of[r].push(g);
                }
            }
        }
        Search {
            p,
            bounds,
            infinite,
            by_size,
            groups_of,
            pinned_load: p.pinned_load(),
            alone: false,
        }
    }

    pub(super) fn limits(&self, lambda: Ratio) -> Vec<i64> {
        (0..self.p.n_reps())
            .map(|r| lambda.limit(self.p.cap[r]).max(self.pinned_load[r]))
            .collect()
    }

    /// The packings to try: keeping or not, best or worst fit (tight
    /// packing suits the load limit, spreading suits deadlines and squares).
    pub(super) fn variants(&self, all: bool) -> Vec<Variant> {
        let keep_within_limit = !self.infinite;
        let v = |keep, best_fit, prefer_home| Variant {
            keep,
            keep_within_limit,
            best_fit,
            prefer_home,
            edf: false,
        };
        let mut out = vec![
            v(true, true, true),
            v(true, false, true),
            v(false, true, true),
            v(false, false, true),
            Variant {
                edf: true,
                ..v(false, false, true)
            },
        ];
        if all {
            out.extend([v(false, true, false), v(false, false, false)]);
        }
        if self.infinite {
            // Moves outrank the maximum: only plans that keep what they can.
            out.retain(|v| v.keep || v.edf);
        }
        out
    }

    /// Bisection on λ between the lower bound and the best plan's maximum.
    fn lambda_search(&self, mut best: Board<'p>) -> Board<'p> {
        let risk_target = best.key().risk;
        let mut lo = if self.infinite {
            Ratio::default()
        } else {
            self.bounds.max
        };
        let mut tries = 0;
        loop {
            let hi = best.key().finite_max;
            if hi <= lo || tries >= 60 {
                break;
            }
            tries += 1;
            let (lo_f, hi_f) = (lo.to_f64().unwrap_or(0.0), hi.to_f64().unwrap_or(0.0));
            let close = hi_f - lo_f <= 1e-5 * hi_f.max(1e-9);
            // The bound is often reached: try it first.
            let at_bound = tries == 1 && !self.infinite && lo > Ratio::default();
            let limits: Vec<i64> = if at_bound {
                self.limits(lo)
            } else if close {
                // Last steps: strictly below the best plan's maximum.
                (0..self.p.n_reps())
                    .map(|r| hi.limit_below(self.p.cap[r]).max(self.pinned_load[r]))
                    .collect()
            } else {
                self.limits(Ratio::midpoint(lo, hi))
            };
            let found = self
                .variants(false)
                .into_iter()
                .filter_map(|v| self.pack(&limits, risk_target, v))
                .filter(|b| b.key().better_than(&best.key()))
                .min_by(|a, b| a.key().cmp(&b.key()));
            match found {
                Some(b) => best = b,
                None if close => break,
                None if at_bound => {}
                None => lo = Ratio::midpoint(lo, hi),
            }
        }
        // Every packing at the final maximum, for the fewest moves and squares.
        let limits = self.limits(best.key().finite_max);
        for v in self.variants(true) {
            if let Some(b) = self.pack(&limits, risk_target, v) {
                if b.key().better_than(&best.key()) {
                    best = b;
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
    use std::sync::Arc;

    use super::*;

    #[test]
    fn an_overloaded_rep_sheds_its_largest_task_first() {
        // ana: 600 + 300 + 300 over 1,000 minutes; bo idle.
        let p = Problem::flat(
            &[200, 200],
            5,
            &[
                (600, 4, Some(0), false),
                (300, 4, Some(0), false),
                (300, 4, Some(0), false),
            ],
        );
        let s = solve(&p).expect("nobody cancels");
        let b = Board::from_plan(&p, &s.rep_of);
        b.check();
        let k = b.key();
        assert_eq!(
            (k.risk, k.finite_max, k.moves),
            (0, Ratio::of(600, 1000), 1)
        );
        assert!(s.optimal);
    }

    #[test]
    fn a_cancelled_run_answers_nothing_and_an_uncancelled_one_is_unchanged() {
        let jobs = [
            (600, 4, Some(0), false),
            (300, 4, Some(0), false),
            (300, 4, Some(0), false),
        ];
        let flag = Arc::new(AtomicBool::new(true));
        let p = Problem::flat(&[200, 200], 5, &jobs).with_cancel(Arc::clone(&flag));
        assert!(solve(&p).is_none());
        flag.store(false, AtomicOrdering::Relaxed);
        let again = solve(&p).expect("the flag is clear");
        let fresh = solve(&Problem::flat(&[200, 200], 5, &jobs)).expect("nobody cancels");
        assert_eq!(again.rep_of, fresh.rep_of);
    }

    #[test]
    fn a_pinned_task_stays_even_when_it_is_at_risk() {
        let p = Problem::flat(
            &[100, 100],
            3,
            &[(500, 0, Some(0), true), (50, 2, Some(0), false)],
        );
        let s = solve(&p).expect("nobody cancels");
        assert_eq!(s.rep_of, vec![0, 1]);
        assert_eq!(s.at_risk_bound, 1);
    }
}
