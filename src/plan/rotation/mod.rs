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
//! whole day), deterministic for the same input. Each subproblem also gets an
//! upper bound, so the answer says how far from optimal it can at most be.
//!
//! This file is the planner's face and runs the (office, week) loop; its
//! parts, each importing only parts listed before it: `answer.rs` (the types
//! the contract prints), `objective.rs` (the weights, in-person meetings and
//! the objective recomputed from a plan), `sub.rs` (one office-week and its
//! incremental scores), `flow.rs` (feasibility by augmenting paths, and what
//! a shortfall means), `search.rs` (climbing and kicks), `proof.rs` (branch
//! and bound), `bound.rs` (upper bounds), `explain.rs` (each rep-week's
//! reasons). The search parts add methods to `Sub`, so they meet only
//! through it.

mod answer;
mod bound;
mod explain;
mod flow;
mod objective;
mod proof;
mod search;
mod sub;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Duration, NaiveDate};

use crate::io::scenario::office_open;
use crate::model::{RotationRequest, Scenario};
use crate::plan::PlanError;

pub use answer::{iso_week, Assignment, DayWhy, RepWeek, RotationAnswer, RotationObjective};
use explain::explain;
use objective::{in_person_meetings, objective_of};
pub use objective::{ANCHOR_WEIGHT, CO_PRESENCE_WEIGHT, IN_PERSON_WEIGHT, PREFERENCE_WEIGHT};
use proof::{PROOF_BUDGET, PROOF_MAX_REPS, TEAM_PROOF_BUDGET};
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
    let mut assignments: Vec<(NaiveDate, usize)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    let mut bounds: Vec<(usize, NaiveDate, i64, i64)> = Vec::new();
    let mut upper = 0;
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
    for w in 0..req.weeks {
        let days: Vec<NaiveDate> = (0..7)
            .map(|k| monday + Duration::days(7 * i64::from(w) + k))
            .collect();
        for office in sc
            .offices
            .iter()
            .filter(|o| only.is_none_or(|id| o.id == id))
        {
            if cancelled() {
                return Err(PlanError::Cancelled);
            }
            let sub = build_sub(sc, office, &days, &team_of, &locks, &in_person);
            if sub.reps.is_empty() {
                continue;
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
                    failures.push(format!(
                        "{}, week {week}: {head}{}",
                        office.id,
                        said.join("; ")
                    ));
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
                }
                Ok(st) => {
                    let n = sub.reps.len();
                    let base = 30 + 6000 / (n + 1);
                    let rounds = (SEARCH_BUDGET / work.max(1)).clamp(30.min(base), 3 * base);
                    let seed = 0x9E37_79B9_7F4A_7C15 ^ (u64::from(w) << 32) ^ sub.reps.len() as u64;
                    let best = sub.improve(st, rounds, seed, cancel);
                    if cancelled() {
                        return Err(PlanError::Cancelled);
                    }
                    let (best, proven) = sub.prove(best, proof_budget);
                    upper += if proven {
                        best.value
                    } else {
                        let loose = sub.upper_bound();
                        sub.team_bound(&best, TEAM_PROOF_BUDGET)
                            .map_or(loose, |b| b.min(loose))
                    };
                    for (i, &r) in sub.reps.iter().enumerate() {
                        bounds.push((r, days[0], sub.lo[i], sub.hi[i]));
                        for (d, day) in days.iter().enumerate() {
                            if best.x[i] >> d & 1 == 1 {
                                assignments.push((*day, r));
                            }
                        }
                    }
                }
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
            explanations: Vec::new(),
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
    let explanations = explain(sc, &assignments, &bounds, &locks, &in_person);
    Ok(RotationAnswer {
        from: req.from,
        weeks: req.weeks,
        assignments,
        objective: Some(objective),
        infeasible_reason: None,
        upper_bound: Some(upper.max(objective.total)),
        fixes: Vec::new(),
        office,
        explanations,
    })
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
