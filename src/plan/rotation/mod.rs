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
//! whole day), a Lagrangian bound whose relaxed plans compete, and a
//! large-neighbourhood search that re-optimises a few reps exactly, all
//! deterministic for the same input. Each subproblem also gets an upper
//! bound, so the answer says how far from optimal it can at most be.
//!
//! This file is the planner's face and runs the (office, week) loop; its
//! parts, each importing only parts listed before it: `answer.rs` (the types
//! the contract prints), `objective.rs` (the weights, in-person meetings and
//! the objective recomputed from a plan), `sub.rs` (one office-week and its
//! incremental scores), `flow.rs` (feasibility by augmenting paths, and what
//! a shortfall means), `search.rs` (climbing, kicks, repairing a relaxed
//! plan), `proof.rs` (branch and bound), `bound.rs` (upper bounds),
//! `lns.rs` (large-neighbourhood search), `solve.rs` (one subproblem's
//! parts in order, and their effort), `explain.rs` (each rep-week's
//! reasons). The search parts add methods to `Sub`, so they meet only
//! through it.

mod answer;
mod bound;
mod explain;
mod flow;
mod lns;
mod objective;
mod proof;
mod search;
mod solve;
mod sub;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{Duration, NaiveDate};

use crate::io::scenario::office_open;
use crate::model::{RotationRequest, Scenario};
use crate::plan::PlanError;

pub use answer::{
    gap_words, iso_week, Assignment, DayWhy, RepWeek, RotationAnswer, RotationObjective,
};
pub use explain::{explain_plan, explain_rep_week, Explanations};
use objective::{in_person_meetings, objective_of};
pub use objective::{ANCHOR_WEIGHT, CO_PRESENCE_WEIGHT, IN_PERSON_WEIGHT, PREFERENCE_WEIGHT};
use proof::{PROOF_BUDGET, PROOF_MAX_REPS};
use solve::Effort;
use sub::build_sub;

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

/// [`rotate_office`] that stops when `cancel` is set. The flag is read only
/// between (office, week) subproblems and every [`CANCEL_EVERY`](search::CANCEL_EVERY) search
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
    // Offices never share reps and weeks never share a constraint, so each
    // (week, office) is solved on its own, on every core; the results are
    // taken in plan order, so the answer never depends on the threads.
    let offices: Vec<&crate::model::Office> = sc
        .offices
        .iter()
        .filter(|o| only.is_none_or(|id| o.id == id))
        .collect();
    let solve_one = |t: usize| -> Option<OfficeWeek> {
        let w = u32::try_from(t / offices.len()).unwrap_or(u32::MAX);
        let office = offices[t % offices.len()];
        let days: Vec<NaiveDate> = (0..7)
            .map(|k| monday + Duration::days(7 * i64::from(w) + k))
            .collect();
        let sub = build_sub(sc, office, &days, &team_of, &locks, &in_person);
        if sub.reps.is_empty() {
            return None;
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
                let failure = format!("{}, week {week}: {head}{}", office.id, said.join("; "));
                let mut fixes = Vec::new();
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
                Some(OfficeWeek::Infeasible { failure, fixes })
            }
            Ok(st) => {
                let n = sub.reps.len();
                let base = 30 + 6000 / (n + 1);
                let rounds = (SEARCH_BUDGET / work.max(1)).clamp(30.min(base), 3 * base);
                let seed = 0x9E37_79B9_7F4A_7C15 ^ (u64::from(w) << 32) ^ sub.reps.len() as u64;
                let effort = Effort::new(work, rounds, proof_budget);
                let (best, bound) = sub.solve(st, &effort, seed, cancel);
                let mut days_in = Vec::new();
                for (i, &r) in sub.reps.iter().enumerate() {
                    for (d, day) in days.iter().enumerate() {
                        if best.x[i] >> d & 1 == 1 {
                            days_in.push((*day, r));
                        }
                    }
                }
                Some(OfficeWeek::Planned { days_in, bound })
            }
        }
    };
    let results = each_on_every_core(req.weeks as usize * offices.len(), cancel, solve_one);
    if cancelled() {
        return Err(PlanError::Cancelled);
    }
    let mut assignments: Vec<(NaiveDate, usize)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    let mut upper = 0;
    for result in results.into_iter().flatten().flatten() {
        match result {
            OfficeWeek::Planned { days_in, bound } => {
                upper += bound;
                assignments.extend(days_in);
            }
            OfficeWeek::Infeasible {
                failure,
                fixes: more,
            } => {
                failures.push(failure);
                fixes.extend(more);
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
            explanations: None,
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
    Ok(RotationAnswer {
        from: req.from,
        weeks: req.weeks,
        assignments,
        objective: Some(objective),
        infeasible_reason: None,
        upper_bound: Some(upper.max(objective.total)),
        fixes: Vec::new(),
        office,
        explanations: None,
    })
}

/// What one (office, week) subproblem gave: its plan's office days and upper
/// bound, or why it cannot be planned and what would make it fit.
enum OfficeWeek {
    Planned {
        days_in: Vec<(NaiveDate, usize)>,
        bound: i64,
    },
    Infeasible {
        failure: String,
        fixes: Vec<String>,
    },
}

/// Most threads a plan runs on: enough for the desktops it runs on, few
/// enough that each thread's scratch memory stays small beside the plan.
const MAX_THREADS: usize = 8;

/// `f(0)`, …, `f(n - 1)` on the machine's cores (at most [`MAX_THREADS`]),
/// each index once, in index order; an index not started before `cancel`
/// was set is `None`. `f` must depend on its index alone, so the results do
/// not depend on which thread ran what.
fn each_on_every_core<T: Send>(
    n: usize,
    cancel: &AtomicBool,
    f: impl Fn(usize) -> T + Sync,
) -> Vec<Option<T>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_THREADS)
        .min(n);
    let mut out: Vec<Option<T>> = (0..n).map(|_| None).collect();
    if threads <= 1 {
        for (i, slot) in out.iter_mut().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            *slot = Some(f(i));
        }
        return out;
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n || cancel.load(Ordering::Relaxed) {
                            return mine;
                        }
                        mine.push((i, f(i)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, t) in done.into_iter().flatten() {
        out[i] = Some(t);
    }
    out
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
