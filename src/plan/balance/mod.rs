//! The asynchronous workload balancer (contract §4): who should do which task
//! over a window so that (1) as few tasks as possible are at risk, (2) the
//! busiest rep is as little loaded as possible, (3) as few tasks as possible
//! change hands, and (4) the load is spread evenly (sum of squared
//! utilisations), in that lexicographic order.
//!
//! This file is the balancer's face: the entry points ([`balance`],
//! [`plan_for_app`], [`assess`]) and the default window. The contract's
//! arithmetic sits below it: `capacity.rs` (per-rep capacity per local date
//! of the window, [`window_capacity`]), `scope.rs` (tasks in scope,
//! eligibility, unassignable tasks), `evaluate.rs` (the figures of an
//! assignment), with the answer's shape in `answer.rs` ([`BalanceAnswer`]).
//! The search is in `search.rs` (`solve` and the state the phases share)
//! with its phases in `pack.rs`, `local.rs`, `anneal.rs`, `pair.rs`,
//! `moves.rs` (fewer moves at the same terms 1–2) and `exact.rs` (fewest
//! moves, then least squares, exactly, on small teams; its moves bound in
//! `lagrange.rs`; `subteam.rs` runs it on a group of reps as a team of its
//! own), the lower bounds in
//! `bounds.rs`, the exact branch and bound in `proof.rs`,
//! all on the numbers of `problem.rs` and the plans of `board.rs`; the
//! human-readable reasons are in `explain.rs`. No part imports this face,
//! and the solver's parts import `problem.rs` and `board.rs`, never each
//! other in a loop.
//!
//! Invariant: every figure of the answer is recomputed from the final
//! assignment by `evaluate`, the same way an outside checker does, never
//! carried over from the search. (Capacities have theirs in `capacity.rs`.)

mod anneal;
mod answer;
mod board;
mod bounds;
mod capacity;
mod evaluate;
mod exact;
mod explain;
mod lagrange;
mod local;
mod moves;
mod pack;
mod pair;
mod problem;
mod proof;
mod scope;
mod search;
mod subteam;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{BalanceRequest, Scenario};
use crate::plan::PlanError;

pub use answer::{
    AcceptedMove, AppBalance, Assessment, BalanceAnswer, BalanceAssignment, BalanceBounds,
    BalanceChange, BalanceObjective, RepWorkload, Unassignable,
};
pub use capacity::{window_capacity, WindowCapacity};
use evaluate::{evaluate, Evaluation};
use problem::Problem;
use scope::Scope;

/// Dates in the balance window when none is stored or given: today and
/// the 13 days after, two whole weeks (the command line and the app).
pub const DEFAULT_WINDOW_DAYS: i64 = 14;

/// The window the balancer works on when none is stored or given.
pub fn default_window(today: NaiveDate) -> BalanceRequest {
    BalanceRequest {
        from: today,
        to: today + chrono::Duration::days(DEFAULT_WINDOW_DAYS - 1),
    }
}

/// Balances the stored balance request of `sc`.
///
/// # Errors
/// [`PlanError::MissingRequest`] when the scenario has no balance request,
/// else as [`balance`].
pub fn balance_stored(sc: &Scenario) -> Result<BalanceAnswer, PlanError> {
    let req = sc
        .requests
        .balance
        .as_ref()
        .ok_or(PlanError::MissingRequest("balance"))?;
    balance(sc, req)
}

/// Plans who does which task over `req`'s window (contract §4).
///
/// The scenario should be valid ([`crate::io::scenario::validate`]); the
/// function does not panic on one that is not, but refuses what it cannot
/// compute with.
///
/// # Errors
/// [`PlanError::Window`] for a window that is reversed or longer than 366
/// dates, [`PlanError::UnknownRep`] for a reference to a missing rep,
/// [`PlanError::Zone`] / [`PlanError::Rule`] for a zone or rule that cannot
/// be resolved.
///
/// # Example
/// ```
/// use meridian::model::{BalanceRequest, Rep, Scenario, Task, Hours};
/// use meridian::plan::balance::balance;
/// let d = |s: &str| meridian::model::parse_date(s).unwrap();
/// let mut sc = Scenario::default();
/// sc.reps = vec![Rep::new("ana", "Ana", "Europe/Lisbon"), Rep::new("bo", "Bo", "Asia/Tokyo")];
/// for (id, h) in [("t1", 16), ("t2", 8), ("t3", 8)] {
///     sc.tasks.push(Task { id: id.into(), title: id.into(), hours: Hours::from_whole(h),
///         due: Some(d("2026-12-04")), assignee: Some("ana".into()),
///         skills_required: vec![], pinned: false });
/// }
/// let plan = balance(&sc, &BalanceRequest { from: d("2026-11-30"), to: d("2026-12-04") }).unwrap();
/// assert_eq!(plan.objective.moves, 1); // 16 h stay with ana, 16 h go to bo
/// assert_eq!(plan.objective.max_utilization, Some(0.4));
/// ```
pub fn balance(sc: &Scenario, req: &BalanceRequest) -> Result<BalanceAnswer, PlanError> {
    Ok(run(sc, req, None, &Arc::default())?.answer)
}

/// The plan as the app holds it: the contract's answer and the changes it
/// proposes as of `today`. A task already past due (due before `today`) is
/// not proposed: the contract's answer may still move it (its window may
/// start in the past), so it is listed with the reason it is held back, and
/// the figures after the plan are those of applying every proposed change
/// and no other.
///
/// # Errors
/// [`PlanError::Cancelled`] when `cancel` was set before the plan was
/// complete (never a partial plan), else as [`balance`].
pub fn plan_for_app(
    sc: &Scenario,
    req: &BalanceRequest,
    today: NaiveDate,
    cancel: &Arc<AtomicBool>,
) -> Result<AppBalance, PlanError> {
    run(sc, req, Some(today), cancel)
}

fn run(
    sc: &Scenario,
    req: &BalanceRequest,
    today: Option<NaiveDate>,
    cancel: &Arc<AtomicBool>,
) -> Result<AppBalance, PlanError> {
    let cap = window_capacity(sc, req)?;
    let scope = Scope::new(sc, req, &cap)?;
    let problem = scope.problem(&cap).with_cancel(Arc::clone(cancel));
    let solved = search::solve(&problem).ok_or(PlanError::Cancelled)?;
    let plan: Vec<usize> = solved.rep_of;
    let current: Vec<Option<usize>> = scope.jobs.iter().map(|j| j.home).collect();
    let after = evaluate(&problem, &plan.iter().map(|&r| Some(r)).collect::<Vec<_>>());
    let before = evaluate(&problem, &current);
    let why = explain::Explainer::new(sc, &scope.tasks, &problem, &cap, &before, &current);
    let mut assignments = Vec::with_capacity(scope.tasks.len());
    let mut reasons: Vec<Option<String>> = Vec::with_capacity(scope.tasks.len());
    for (j, &r) in plan.iter().enumerate() {
        let t = scope.tasks[j];
        let moved_from = scope.jobs[j]
            .home
            .filter(|&h| h != r)
            .map(|h| sc.reps[h].id.clone());
        let changed = scope.jobs[j].home != Some(r);
        let reason = changed.then(|| why.move_reason(j, r));
        reasons.push(reason.clone());
        assignments.push(BalanceAssignment {
            task: t.id.clone(),
            rep: sc.reps[r].id.clone(),
            moved_from,
            title: t.title.clone(),
            minutes: scope.jobs[j].minutes,
            due: cap.dates[scope.jobs[j].due],
            pinned: t.pinned,
            at_risk: after.at_risk_jobs[j],
            at_risk_before: before.at_risk_jobs[j],
            reason,
        });
    }
    let answer = BalanceAnswer {
        assignments,
        utilization: sc
            .reps
            .iter()
            .enumerate()
            .map(|(r, rep)| (rep.id.clone(), after.utilization(&problem, r)))
            .collect(),
        objective: after.objective(&problem),
        unassignable: scope.unassignable.clone(),
        infeasible_reason: None,
        from: req.from,
        to: req.to,
        before: before.objective(&problem),
        reps: rep_figures(sc, &problem, &before, &after),
        bounds: BalanceBounds {
            at_risk: solved.at_risk_bound,
            max_utilization: solved.max_bound.to_f64(),
            optimal: solved.optimal,
        },
    };
    // The command line's run: only `answer` is read.
    let Some(today) = today else {
        return Ok(AppBalance {
            objective: answer.objective,
            reps: answer.reps.clone(),
            changes: Vec::new(),
            answer,
            today: req.from,
        });
    };
    // The app's plan: past-due tasks stay where they are.
    let held: Vec<bool> = plan
        .iter()
        .enumerate()
        .map(|(j, &r)| scope.jobs[j].home != Some(r) && cap.dates[scope.jobs[j].due] < today)
        .collect();
    let proposed: Vec<Option<usize>> = plan
        .iter()
        .enumerate()
        .map(|(j, &r)| if held[j] { scope.jobs[j].home } else { Some(r) })
        .collect();
    let app = evaluate(&problem, &proposed);
    let mut changes = Vec::new();
    for (j, &r) in plan.iter().enumerate() {
        let Some(reason) = reasons[j].take() else {
            continue;
        };
        let job = &scope.jobs[j];
        let due = cap.dates[job.due];
        changes.push(BalanceChange {
            task: scope.tasks[j].id.clone(),
            title: scope.tasks[j].title.clone(),
            minutes: job.minutes,
            due,
            from: job.home.map(|h| sc.reps[h].id.clone()),
            from_name: job.home.map(|h| sc.reps[h].name.clone()),
            to: sc.reps[r].id.clone(),
            to_name: sc.reps[r].name.clone(),
            reason,
            at_risk: if held[j] {
                before.at_risk_jobs[j]
            } else {
                app.at_risk_jobs[j]
            },
            held_back: held[j].then(|| explain::past_due(due, today)),
        });
    }
    Ok(AppBalance {
        objective: app.objective(&problem),
        reps: rep_figures(sc, &problem, &before, &app),
        changes,
        answer,
        today,
    })
}

/// Every rep's figures now and after `after`, in document order.
fn rep_figures(
    sc: &Scenario,
    problem: &Problem,
    before: &Evaluation,
    after: &Evaluation,
) -> Vec<RepWorkload> {
    sc.reps
        .iter()
        .enumerate()
        .map(|(r, rep)| RepWorkload {
            rep: rep.id.clone(),
            name: rep.name.clone(),
            time_zone: rep.time_zone.clone(),
            capacity_minutes: problem.cap[r],
            load_before_minutes: before.load[r],
            load_minutes: after.load[r],
            utilization_before: before.utilization(problem, r),
            utilization: after.utilization(problem, r),
            at_risk_before: before.risk[r],
            at_risk: after.risk[r],
        })
        .collect()
}

/// Every rep's figures over `req`'s window as the tasks stand, without
/// planning (the Workload screen before, or without, a plan).
///
/// # Errors
/// As [`balance`].
pub fn assess(sc: &Scenario, req: &BalanceRequest) -> Result<Assessment, PlanError> {
    let cap = window_capacity(sc, req)?;
    let scope = Scope::new(sc, req, &cap)?;
    let problem = scope.problem(&cap);
    let current: Vec<Option<usize>> = scope.jobs.iter().map(|j| j.home).collect();
    let now = evaluate(&problem, &current);
    let task_at_risk = scope
        .tasks
        .iter()
        .zip(&now.at_risk_jobs)
        .filter(|(_, &risk)| risk)
        .map(|(t, _)| t.id.clone())
        .collect();
    Ok(Assessment {
        from: req.from,
        to: req.to,
        reps: rep_figures(sc, &problem, &now, &now),
        objective: now.objective(&problem),
        at_risk: task_at_risk,
        unassignable: scope.unassignable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hours, Rep, Task};

    /// A document with nothing in it, to fill in field by field.
    fn empty() -> Scenario {
        Scenario::default()
    }

    fn date(s: &str) -> NaiveDate {
        crate::model::parse_date(s).expect("test date")
    }

    #[test]
    fn a_task_nobody_can_take_is_listed_with_its_reason() {
        let mut sc = empty();
        sc.reps = vec![Rep::new("ana", "Ana", "Europe/Lisbon")];
        sc.reps[0].skills = vec!["renewals".into()];
        sc.tasks = vec![Task {
            id: "t9".into(),
            title: "German deck".into(),
            hours: Hours::from_whole(2),
            due: None,
            assignee: Some("ana".into()),
            skills_required: vec!["german".into(), "renewals".into()],
            pinned: false,
        }];
        let a = balance(
            &sc,
            &BalanceRequest {
                from: date("2026-11-30"),
                to: date("2026-12-04"),
            },
        )
        .expect("plan");
        assert!(a.assignments.is_empty());
        assert_eq!(a.unassignable[0].reason, "no rep has skills: german");
        assert_eq!(a.objective.moves, 0);
    }

    #[test]
    fn a_reversed_window_is_refused() {
        let sc = empty();
        let err = balance(
            &sc,
            &BalanceRequest {
                from: date("2026-12-04"),
                to: date("2026-12-01"),
            },
        );
        assert!(matches!(err, Err(PlanError::Window { .. })));
    }
}
