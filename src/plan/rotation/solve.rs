//! One subproblem from its first feasible plan to the plan the answer
//! prints and the upper bound it proves: iterated local search
//! (`search.rs`), then the large-neighbourhood search (`lns.rs`), then a
//! whole-office proof where the office is small (`proof.rs`), then the
//! Lagrangian bound (`bound.rs`), whose relaxed plans that fit the desks
//! compete too. Every effort is a count, so the result is deterministic.

use std::sync::atomic::AtomicBool;

use crate::plan::rotation::proof::PROOF_MAX_REPS;
use crate::plan::rotation::sub::{State, Sub};

/// How hard to work on one subproblem (counts, not clocks).
pub(super) struct Effort {
    /// Iterated-local-search rounds.
    pub(super) rounds: usize,
    /// Neighbourhoods re-optimised, and search nodes for each.
    pub(super) lns_calls: usize,
    pub(super) lns_nodes: usize,
    /// Search nodes of the whole-office proof (small offices only).
    pub(super) proof_nodes: usize,
    /// Price updates of the Lagrangian bound.
    pub(super) bound_steps: usize,
}

impl Sub {
    /// The best plan found from `st` and an upper bound on every plan of
    /// this subproblem (equal to the plan's value when it is proven
    /// optimal). Stops early when `cancel` is set; the caller then discards
    /// the result.
    pub(super) fn solve(
        &self,
        st: State,
        effort: &Effort,
        seed: u64,
        cancel: &AtomicBool,
    ) -> (State, i64) {
        let mut best = self.improve(st, effort.rounds, seed, cancel);
        let relaxed = self.lagrangian_bound(&best, effort.bound_steps);
        if let Some((value, masks)) = &relaxed.plan {
            if *value > best.value {
                best = self.state_of(masks);
            }
        }
        let mut upper = relaxed.bound.min(self.upper_bound());
        if upper > best.value {
            best = self.lns(best, effort.lns_calls, effort.lns_nodes, seed, cancel);
        }
        if upper > best.value && self.reps.len() <= PROOF_MAX_REPS {
            let out = self.branch_and_bound(&self.empty_state(), best, effort.proof_nodes);
            best = out.best;
            if out.done {
                upper = best.value;
            }
        }
        let upper = upper.max(best.value);
        (best, upper)
    }
}

/// Search work of a plan's iterated local search, bound and
/// large-neighbourhood search, in units of n² per office-week (a climb,
/// a price update and a neighbourhood each cost about n² for an office of
/// n reps). Shared by the plan's subproblems, so a long horizon or a large
/// team spends less on each and stays within time.
const BOUND_WORK: usize = 48_000_000;
const LNS_WORK: usize = 4_000_000;
const PROOF_WORK: usize = 400_000_000;
/// Limits per subproblem: enough price updates for the bound to settle on
/// generated teams (most meet the plan's value within 40), and no more
/// neighbourhoods than help there.
const BOUND_STEPS: (usize, usize) = (40, 100);
const LNS_CALLS: usize = 30;
const LNS_NODES: usize = 2_000;

impl Effort {
    /// The effort for one subproblem of a plan whose offices and weeks add
    /// up to `work` (the sum of n² over subproblems), given the plan's
    /// iterated-local-search `rounds` and proof nodes per office-week.
    /// The local search gets three tenths of the rounds it had before the
    /// bound's relaxed plans competed with it: they find most of what more
    /// rounds would; at least 15 (a two-year plan of 2,000 reps gets 15:
    /// 30 cost it 15% more time for 0.01% of its objective, and it must
    /// stay within 3 s). The proof's nodes shrink with the plan's work too.
    pub(super) fn new(work: usize, rounds: usize, proof_nodes: usize) -> Effort {
        let work = work.max(1);
        Effort {
            rounds: (rounds * 3 / 10).max(rounds.min(15)),
            lns_calls: (LNS_WORK / work).min(LNS_CALLS),
            lns_nodes: LNS_NODES,
            proof_nodes: proof_nodes.min(PROOF_WORK / work),
            bound_steps: (BOUND_WORK / work).clamp(BOUND_STEPS.0, BOUND_STEPS.1),
        }
    }
}
