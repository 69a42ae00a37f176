//! The contract's figures of one assignment (tasks at risk, loads, moves,
//! utilisations, the objective), recomputed from scratch as an outside
//! checker does.

use crate::plan::balance::answer::BalanceObjective;
use crate::plan::balance::problem::{Problem, Ratio};

/// The contract's figures of one assignment (`None`: the task is left out,
/// as unassigned tasks are in the current state).
pub(crate) struct Evaluation {
    pub load: Vec<i64>,
    pub risk: Vec<u32>,
    pub at_risk_jobs: Vec<bool>,
    pub moves: u32,
}

/// Recomputes every figure of an assignment from scratch: per rep, tasks in
/// (due, id) order against cumulative capacity.
pub(crate) fn evaluate(p: &Problem, rep_of: &[Option<usize>]) -> Evaluation {
    let n_reps = p.cap.len();
    let mut load = vec![0i64; n_reps];
    let mut risk = vec![0u32; n_reps];
    let mut at_risk_jobs = vec![false; rep_of.len()];
    let mut moves = 0u32;
    // Jobs are already in (due, id) order, so one pass appends to each rep.
    for (j, r) in rep_of.iter().enumerate() {
        let Some(r) = *r else { continue };
        let job = &p.jobs[j];
        load[r] += job.minutes;
        if load[r] > p.cum(r, job.due) {
            risk[r] += 1;
            at_risk_jobs[j] = true;
        }
        if job.home.is_some_and(|h| h != r) {
            moves += 1;
        }
    }
    Evaluation {
        load,
        risk,
        at_risk_jobs,
        moves,
    }
}

impl Evaluation {
    pub fn utilization(&self, p: &Problem, r: usize) -> Option<f64> {
        match (self.load[r], p.cap[r]) {
            (0, _) => Some(0.0),
            (_, 0) => None,
            (l, c) => Some(l as f64 / c as f64),
        }
    }

    pub fn objective(&self, p: &Problem) -> BalanceObjective {
        let us: Vec<Option<f64>> = (0..p.cap.len()).map(|r| self.utilization(p, r)).collect();
        let infinite = us.iter().any(Option::is_none);
        // The maximum is taken on exact ratios, then printed.
        let max = (0..p.cap.len())
            .map(|r| Ratio::of(self.load[r], p.cap[r]))
            .max()
            .unwrap_or_default();
        BalanceObjective {
            at_risk: self.risk.iter().sum(),
            max_utilization: max.to_f64(),
            moves: self.moves,
            sum_squares: (!infinite).then(|| us.iter().flatten().map(|u| u * u).sum()),
        }
    }
}
