//! The office-day rotation planner (contract §3): who is in at the office of
//! the day (home, or the one a trip visits) on which days, within rule 1
//! (closures, time off, no-office days), desks, the weekly policy and the
//! lead's locks, maximising co-presence of teammates, anchor days,
//! preferences and in-person meeting attendance.
//!
//! Method. Weeks never share a constraint or an objective term, and offices
//! share none unless a rep works from two of them in one week (a trip), so
//! the plan splits into independent subproblems: one per (office, ISO week),
//! the office-weeks a traveller links merged into one with several offices
//! (desks per office and day, teammates paired per office and day, the
//! traveller's weekly policy over all their days). A rep away all week is
//! planned with the visited office alone, exactly as if based there. Each is
//! made feasible by a max-flow over reps × days (the policy minimums against
//! desks), then improved by iterated local search (add a day, move a day,
//! exchange days between two reps, move a team's whole day), a Lagrangian
//! bound whose relaxed plans compete, and a large-neighbourhood search that
//! re-optimises a few reps exactly, all deterministic for the same input.
//! Each subproblem also gets an upper bound, so the answer says how far from
//! optimal it can at most be.
//!
//! This file is the planner's face and runs the (office, week) loop; its
//! parts, each importing only parts listed before it: `answer.rs` (the types
//! the contract prints), `objective.rs` (the weights, in-person meetings and
//! the objective recomputed from a plan), `sub.rs` (one subproblem and its
//! incremental scores), `flow.rs` (feasibility by augmenting paths, and what
//! a shortfall means), `search.rs` (climbing, kicks, repairing a relaxed
//! plan), `proof.rs` (branch and bound), `bound.rs` (upper bounds),
//! `lns.rs` (large-neighbourhood search), `solve.rs` (one subproblem's
//! parts in order, and their effort), `explain.rs` (each rep-week's
//! reasons), `fair.rs` (the fairness ledger's tie-breaker, only when a
//! [`Fairness`] is given). The search parts add methods to `Sub`, so they meet only
//! through it.

mod answer;
mod bound;
mod explain;
mod fair;
mod flow;
mod lns;
mod objective;
mod proof;
mod search;
mod solve;
mod sub;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::model::Rep;
use crate::rules::rule1_blocks_at;

use chrono::{Duration, NaiveDate};

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
use sub::{build_sub, Facts};

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

/// Per rep id, the share of their asked preferred office days the fairness
/// ledger shows granted (`plan::ledger`): the rotation's tie-breaker hands
/// a preferred day to the rep with the smaller share among plans of equal
/// objective (DESIGN.md "The fairness ledger"). Reps who asked for none
/// have no share and are never part of an exchange.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fairness {
    shares: HashMap<String, f64>,
}

impl Fairness {
    /// The shares of `(rep id, asked, granted)` counts of preferred office
    /// days (`plan::ledger::preferred_days`): granted ÷ asked, where asked > 0.
    pub fn from_counts(counts: impl IntoIterator<Item = (String, u32, u32)>) -> Fairness {
        Fairness {
            shares: counts
                .into_iter()
                .filter(|&(_, asked, _)| asked > 0)
                .map(|(rep, asked, granted)| (rep, f64::from(granted) / f64::from(asked)))
                .collect(),
        }
    }

    /// The share of rep `id`, if the ledger has one.
    pub fn share(&self, id: &str) -> Option<f64> {
        self.shares.get(id).copied()
    }
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
    rotate_office_fair(sc, req, only, cancel, None)
}

/// [`rotate_office_cancellable`] that, given the ledger's [`Fairness`],
/// breaks ties among plans of equal objective in favour of the reps granted
/// a smaller share of their preferred days (`fair.rs`). The objective, the
/// upper bound and every hard rule are those of the plan without it; with
/// `None` it is exactly [`rotate_office_cancellable`].
///
/// # Errors
/// As [`rotate_office_cancellable`].
pub fn rotate_office_fair(
    sc: &Scenario,
    req: &RotationRequest,
    only: Option<&str>,
    cancel: &AtomicBool,
    fairness: Option<&Fairness>,
) -> Result<RotationAnswer, PlanError> {
    let cancelled = || cancel.load(Ordering::Relaxed);
    if let Some(id) = only {
        if !sc.offices.iter().any(|o| o.id == id) {
            return Err(PlanError::UnknownOffice(id.to_string()));
        }
    }
    let (monday, last) = crate::io::scenario::rotation_days(req.from, req.weeks);
    let only = only.and_then(|id| sc.offices.iter().position(|o| o.id == id));
    let office_index: HashMap<&str, usize> = sc
        .offices
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let parts = parts(sc, &office_index, monday, req.weeks, only);
    let mut locks: HashMap<(&str, NaiveDate), bool> = req
        .locks
        .iter()
        .map(|l| ((l.rep.as_str(), l.date), l.in_office))
        .collect();
    // A plan for one office changes only its reps. A trip can link it to
    // another office for a week: that office's reps are then planned with
    // it, held at their accepted days, so desks and teammates count what is
    // stored and nothing of theirs changes.
    let foreign = |r: usize| {
        only.is_some_and(|x| sc.reps[r].office.as_deref() != Some(sc.offices[x].id.as_str()))
    };
    let mut held = std::collections::HashSet::new();
    if only.is_some() {
        let accepted: std::collections::HashSet<(&str, NaiveDate)> = sc
            .office_days
            .iter()
            .map(|d| (d.rep.as_str(), d.date))
            .collect();
        for p in &parts {
            for &r in p.reps.iter().filter(|&&r| foreign(r)) {
                held.insert(r);
                let id = sc.reps[r].id.as_str();
                for k in 0..7 {
                    let day = monday + Duration::days(7 * i64::from(p.week) + k);
                    locks.insert((id, day), accepted.contains(&(id, day)));
                }
            }
        }
    }
    let facts = Facts {
        sc,
        team_of: sc.teams.iter().map(|t| (t.id.as_str(), t)).collect(),
        locks,
        in_person: in_person_meetings(sc, monday, last)?,
        office_index,
        held,
    };
    // Search effort: a round costs about n² for a subproblem of n reps;
    // small teams get more rounds per subproblem, large ones stay within
    // time.
    const SEARCH_BUDGET: usize = 150_000_000;
    let work: usize = parts.iter().map(|p| p.reps.len() * p.reps.len()).sum();
    // Proof effort (search nodes): shared by the subproblems small enough
    // to prove, so a small team gets a deep search and a large one stays
    // fast.
    let small = parts
        .iter()
        .filter(|p| p.reps.len() <= PROOF_MAX_REPS)
        .count();
    let proof_budget = (PROOF_BUDGET / small.max(1)).clamp(2_000, 2_000_000);
    // Subproblems never share reps and weeks never share a constraint, so
    // each is solved on its own, on every core; the results are taken in
    // plan order, so the answer never depends on the threads.
    let solve_one = |t: usize| -> OfficeWeek {
        let part = &parts[t];
        let w = part.week;
        let days: Vec<NaiveDate> = (0..7)
            .map(|k| monday + Duration::days(7 * i64::from(w) + k))
            .collect();
        let sub = build_sub(&facts, &part.offices, &part.reps, &days);
        match sub.initial() {
            Err(problems) => {
                let (failure, fixes) = sub.infeasible(&problems, sc);
                OfficeWeek::Infeasible { failure, fixes }
            }
            Ok(st) => {
                let n = sub.reps.len();
                let base = 30 + 6000 / (n + 1);
                let rounds = (SEARCH_BUDGET / work.max(1)).clamp(30.min(base), 3 * base);
                let seed = 0x9E37_79B9_7F4A_7C15 ^ (u64::from(w) << 32) ^ sub.reps.len() as u64;
                let effort = Effort::new(work, rounds, proof_budget);
                let (mut best, mut bound) = sub.solve(st, &effort, seed, cancel);
                if let Some(f) = fairness {
                    let share: Vec<Option<f64>> =
                        sub.reps.iter().map(|&r| f.share(&sc.reps[r].id)).collect();
                    let preferred: Vec<u8> = sub
                        .reps
                        .iter()
                        .map(|&r| {
                            let wanted = &sc.reps[r].preferred_office_days;
                            days.iter().enumerate().fold(0u8, |m, (d, day)| {
                                if wanted.contains(&crate::model::Weekday::of(*day)) {
                                    m | 1 << d
                                } else {
                                    m
                                }
                            })
                        })
                        .collect();
                    best = sub.even_out(best, &share, &preferred);
                }
                // With another office's reps held fixed, their own points
                // are the same in every plan: the bound on this office's
                // share leaves them out.
                if (0..n).any(|i| foreign(sub.reps[i])) {
                    let held: Vec<u8> = (0..n)
                        .map(|i| if foreign(sub.reps[i]) { best.x[i] } else { 0 })
                        .collect();
                    bound -= sub.state_of(&held).value;
                }
                let mut days_in = Vec::new();
                for (i, &r) in sub.reps.iter().enumerate() {
                    for (d, day) in days.iter().enumerate() {
                        if best.x[i] >> d & 1 == 1 {
                            days_in.push((*day, r, sub.offices[sub.slot(i, d)]));
                        }
                    }
                }
                OfficeWeek::Planned { days_in, bound }
            }
        }
    };
    let results = each_on_every_core(parts.len(), cancel, solve_one);
    if cancelled() {
        return Err(PlanError::Cancelled);
    }
    let mut assignments: Vec<(NaiveDate, usize, usize)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    let mut upper = 0;
    for result in results.into_iter().flatten() {
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
    let office = only.map(|o| sc.offices[o].id.clone());
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
    // A plan for one office prints its reps' days alone (wherever they
    // are); the reps of offices a trip links to it were planned with them
    // so that desks and teammates count, but are not its to change.
    let assignments: Vec<Assignment> = assignments
        .into_iter()
        .filter(|&(_, r, _)| {
            only.is_none_or(|o| sc.reps[r].office.as_deref() == Some(sc.offices[o].id.as_str()))
        })
        .map(|(date, r, o)| Assignment {
            rep: sc.reps[r].id.clone(),
            date,
            office: sc.offices[o].id.clone(),
        })
        .collect();
    let objective = objective_of(sc, &assignments, &facts.in_person);
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

/// What one subproblem gave: its plan's office days (date, rep, office,
/// scenario indexes) and upper bound, or why it cannot be planned and what
/// would make it fit.
enum OfficeWeek {
    Planned {
        days_in: Vec<(NaiveDate, usize, usize)>,
        bound: i64,
    },
    Infeasible {
        failure: String,
        fixes: Vec<String>,
    },
}

/// One subproblem to solve: a week, the offices linked that week (one
/// unless a rep's trip joins offices), and every rep at one of them on some
/// day of that week (scenario indexes, ascending).
struct Part {
    week: u32,
    offices: Vec<usize>,
    reps: Vec<usize>,
}

/// The plan's subproblems in plan order (week, then lowest office index):
/// per week, offices that a rep works from in the same week (home and
/// visited, or two visited by a remote rep) are merged by union-find into
/// one, so a traveller's weekly policy, desks and teammates are planned
/// together; every other office is its own. With `only`, the subproblems
/// where a rep of that office works. Subproblems without reps are left out.
fn parts(
    sc: &Scenario,
    office_index: &HashMap<&str, usize>,
    monday: NaiveDate,
    weeks: u32,
    only: Option<usize>,
) -> Vec<Part> {
    let n_off = sc.offices.len();
    let mut by_office: Vec<Vec<usize>> = vec![Vec::new(); n_off];
    for (r, rep) in sc.reps.iter().enumerate() {
        if let Some(&o) = rep.office.as_deref().and_then(|o| office_index.get(o)) {
            by_office[o].push(r);
        }
    }
    let last = monday + Duration::days(7 * i64::from(weeks) - 1);
    let travellers: Vec<(usize, &Rep)> = sc
        .reps
        .iter()
        .enumerate()
        .filter(|(_, r)| r.travel.iter().any(|t| t.from <= last && t.to >= monday))
        .collect();
    let mut out = Vec::new();
    let mut parent: Vec<usize> = (0..n_off).collect();
    for w in 0..weeks {
        let first = monday + Duration::days(7 * i64::from(w));
        let days: Vec<NaiveDate> = (0..7).map(|k| first + Duration::days(k)).collect();
        // Per traveller whose week is not all at home: the offices they work
        // from this week (scenario indexes, in the order met). A trip over
        // the whole week moves the rep to the visited office's part alone,
        // so it plans exactly as if the rep were based there.
        let mut visits: Vec<(usize, Vec<usize>)> = Vec::new();
        for &(r, rep) in &travellers {
            // Only days the rep may be in link offices: a Mon–Fri trip
            // with the home office closed at the weekend is a week away.
            let mut at: Vec<usize> = Vec::new();
            for &day in &days {
                if let Some(&o) = rep.office_on(day).and_then(|o| office_index.get(o)) {
                    let open = rule1_blocks_at(rep, Some(&sc.offices[o]), day).is_none();
                    if open && !at.contains(&o) {
                        at.push(o);
                    }
                }
            }
            let home = rep.office.as_deref().and_then(|o| office_index.get(o));
            if !at.is_empty() && (at.len() > 1 || home != at.first()) {
                visits.push((r, at));
            }
        }
        if visits.is_empty() {
            // No trip this week: each office on its own, as before travel.
            for (o, reps) in by_office.iter().enumerate() {
                if !reps.is_empty() && only.is_none_or(|x| x == o) {
                    out.push(Part {
                        week: w,
                        offices: vec![o],
                        reps: reps.clone(),
                    });
                }
            }
            continue;
        }
        parent.iter_mut().enumerate().for_each(|(i, p)| *p = i);
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for (_, at) in &visits {
            for pair in at.windows(2) {
                let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
                if a != b {
                    // The lower index is the root: parts come in the order
                    // of their lowest office.
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        // Parts by root, in office order; each rep once: a rep away from
        // home all week is only in the part of the offices visited.
        let away: std::collections::HashSet<usize> = visits
            .iter()
            .filter(|(r, at)| {
                let home = sc.reps[*r]
                    .office
                    .as_deref()
                    .and_then(|o| office_index.get(o));
                home.is_some_and(|h| !at.contains(h))
            })
            .map(|(r, _)| *r)
            .collect();
        let mut slot_of_root: HashMap<usize, usize> = HashMap::new();
        let mut week_parts: Vec<Part> = Vec::new();
        for (o, home_reps) in by_office.iter().enumerate() {
            let r = root(&mut parent, o);
            let k = *slot_of_root.entry(r).or_insert_with(|| {
                week_parts.push(Part {
                    week: w,
                    offices: Vec::new(),
                    reps: Vec::new(),
                });
                week_parts.len() - 1
            });
            week_parts[k].offices.push(o);
            week_parts[k]
                .reps
                .extend(home_reps.iter().filter(|r| !away.contains(r)));
        }
        for (r, at) in &visits {
            // A rep not at home this week (or remote) joins the part of the
            // offices they visit; any other is in their home office's part.
            let home = sc.reps[*r]
                .office
                .as_deref()
                .and_then(|o| office_index.get(o));
            if home.is_none() || away.contains(r) {
                if let Some(&k) = slot_of_root.get(&root(&mut parent, at[0])) {
                    week_parts[k].reps.push(*r);
                }
            }
        }
        let homed_at = |r: usize, x: usize| {
            sc.reps[r]
                .office
                .as_deref()
                .and_then(|o| office_index.get(o))
                == Some(&x)
        };
        for mut p in week_parts {
            // With `only`: the parts where one of its reps works this week
            // (a rep away all week is in the visited office's part).
            let wanted = only
                .is_none_or(|x| p.offices.contains(&x) || p.reps.iter().any(|&r| homed_at(r, x)));
            if p.reps.is_empty() || !wanted {
                continue;
            }
            p.reps.sort_unstable();
            out.push(p);
        }
    }
    out
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
