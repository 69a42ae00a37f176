//! The asynchronous workload balancer (contract §4): who should do which task
//! over a window so that (1) as few tasks as possible are at risk, (2) the
//! busiest rep is as little loaded as possible, (3) as few tasks as possible
//! change hands, and (4) the load is spread evenly (sum of squared
//! utilisations), in that lexicographic order.
//!
//! This module owns the contract's arithmetic: per-rep capacity per local
//! date of the window ([`window_capacity`]), tasks in scope, eligibility and
//! unassignable tasks, and the answer's shape ([`BalanceAnswer`]). The search
//! is in `balance_solve` (heuristic with bounds) and `balance_exact` (branch
//! and bound); the human-readable reasons in `balance_explain`.
//!
//! Invariants:
//! - Capacities are whole minutes: `capacity_hours_per_week × 60 / working
//!   weekdays` is computed in exact decimals and rounded down once, then each
//!   working, non-time-off local date loses the minutes of the meetings the
//!   rep attends that *start* on it (any length, any hour), floored at 0.
//! - Every figure of the answer is recomputed from the final assignment by
//!   [`evaluate`], the same way an outside checker does, never carried over
//!   from the search.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::io::scenario::MAX_WINDOW_DAYS;
use crate::model::{BalanceRequest, Rep, Scenario, Weekday};
use crate::plan::balance_explain as explain;
use crate::plan::balance_solve::{self, Group, Job, Problem};
use crate::plan::calendar::meeting_occurrences;
use crate::plan::PlanError;
use crate::tz::{self, Minute, Zone, DAY};

/// Larger figures (a capacity of a million hours a week) are clamped so that
/// sums and cross-multiplications stay exact in 64/128-bit integers.
const MAX_MINUTES: i64 = 1_000_000_000_000;

/// A balance plan in the contract's shape (§4, §7.12), followed by what the
/// contract does not define: the window, the objective of the current
/// assignment, per-rep figures before and after, and the bounds that say how
/// good the plan is known to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceAnswer {
    /// Every in-scope task that can be assigned, in (due, id) order.
    pub assignments: Vec<BalanceAssignment>,
    /// Every rep's `load / capacity` after the plan; `null` is infinite.
    pub utilization: BTreeMap<String, Option<f64>>,
    pub objective: BalanceObjective,
    pub unassignable: Vec<Unassignable>,
    /// Always `null`: every task is either assigned or listed as unassignable.
    pub infeasible_reason: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The objective of the assignment as it stands (unassigned tasks and
    /// unassignable ones left out, nothing moved).
    pub before: BalanceObjective,
    /// Every rep, in document order.
    pub reps: Vec<RepWorkload>,
    pub bounds: BalanceBounds,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceAssignment {
    pub task: String,
    pub rep: String,
    /// The current assignee when the plan gives the task to someone else.
    pub moved_from: Option<String>,
    pub title: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub minutes: i64,
    /// The due date used (the window's last day for a task without one).
    pub due: NaiveDate,
    pub pinned: bool,
    /// At risk in the plan (contract §4).
    pub at_risk: bool,
    /// At risk with its current assignee, as things stand (`false` for a
    /// task nobody has yet).
    pub at_risk_before: bool,
    /// Why the task changes hands ("ana 130% → 96%, bo 60% → 81%; due Thu
    /// 3 Dec, bo has 9 h free before then"); `null` when it stays.
    pub reason: Option<String>,
}

/// The four terms of the contract's objective. `null` is infinite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceObjective {
    pub at_risk: u32,
    pub max_utilization: Option<f64>,
    pub moves: u32,
    pub sum_squares: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unassignable {
    pub task: String,
    /// e.g. "no rep has skills: german".
    pub reason: String,
}

/// One rep over the window, before and after the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepWorkload {
    pub rep: String,
    pub name: String,
    pub time_zone: String,
    /// `C_r`: minutes of working time in the window.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub capacity_minutes: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub load_before_minutes: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub load_minutes: i64,
    pub utilization_before: Option<f64>,
    pub utilization: Option<f64>,
    pub at_risk_before: u32,
    pub at_risk: u32,
}

/// What is proven about the plan: lower bounds on the first two terms, and
/// whether the whole objective is a proven optimum (small instances).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceBounds {
    /// No plan has fewer tasks at risk.
    pub at_risk: u32,
    /// No plan has a lower highest utilisation; `null` is infinite.
    pub max_utilization: Option<f64>,
    /// The plan is optimal on all four terms (exhaustive search finished).
    pub optimal: bool,
}

/// A move the lead accepted: `task` goes to `rep`
/// ([`crate::Meridian::apply_balance`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AcceptedMove {
    pub task: String,
    pub rep: String,
}

impl BalanceAnswer {
    /// Every change the plan proposes (moves and first assignments), as
    /// moves to accept.
    pub fn proposed_moves(&self) -> Vec<AcceptedMove> {
        self.assignments
            .iter()
            .filter(|a| a.reason.is_some())
            .map(|a| AcceptedMove {
                task: a.task.clone(),
                rep: a.rep.clone(),
            })
            .collect()
    }
}

/// The plan the app holds between planning and applying (see
/// [`plan_for_app`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AppBalance {
    /// The contract's answer, as the command line prints it.
    pub answer: BalanceAnswer,
    /// The day the plan was made for: tasks due before it are held back.
    pub today: NaiveDate,
    /// Every change of the plan in (due, id) order, held-back ones marked.
    pub changes: Vec<BalanceChange>,
    /// Every rep now and after applying every proposed change.
    pub reps: Vec<RepWorkload>,
    /// The objective after applying every proposed change.
    pub objective: BalanceObjective,
}

/// One change of a plan: a task that goes to another rep (or its first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceChange {
    pub task: String,
    pub title: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub minutes: i64,
    pub due: NaiveDate,
    /// The current assignee (`null`: nobody has it yet).
    pub from: Option<String>,
    pub from_name: Option<String>,
    pub to: String,
    pub to_name: String,
    /// This change's own effect, in names ("moves 8 h from Freya Berg
    /// (120% → 100%) to Kai Tanaka (40% → 60%); …").
    pub reason: String,
    /// At risk once every proposed change is applied.
    pub at_risk: bool,
    /// Why the app does not propose it (already past due); `null` when it is
    /// proposed.
    pub held_back: Option<String>,
}

/// Every rep's figures over a window as the tasks stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Document order; `*_before` and the unprefixed figures are equal.
    pub reps: Vec<RepWorkload>,
    pub objective: BalanceObjective,
    /// Ids of the tasks at risk with their assignees.
    pub at_risk: std::collections::HashSet<String>,
    pub unassignable: Vec<Unassignable>,
}

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

/// Minutes of working time of every rep on every date of a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowCapacity {
    pub dates: Vec<NaiveDate>,
    /// Per rep (document order), minutes on each date of `dates`.
    pub daily: Vec<Vec<i64>>,
}

impl WindowCapacity {
    /// `C_r`, the rep's total over the window.
    pub fn total(&self, rep: usize) -> i64 {
        self.daily.get(rep).map_or(0, |d| d.iter().sum())
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
    let solved = balance_solve::solve(&problem).ok_or(PlanError::Cancelled)?;
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

/// Per-rep minutes of working time on each local date of the window
/// (contract §4; see the module's invariants).
///
/// # Errors
/// As [`balance`].
pub fn window_capacity(sc: &Scenario, req: &BalanceRequest) -> Result<WindowCapacity, PlanError> {
    let (i0, i1) = (tz::day_index(req.from), tz::day_index(req.to));
    if i1 < i0 || i1 - i0 >= MAX_WINDOW_DAYS {
        return Err(PlanError::Window {
            from: req.from,
            to: req.to,
        });
    }
    let n = usize::try_from(i1 - i0 + 1).unwrap_or(0);
    let dates: Vec<NaiveDate> = (i0..=i1).map(tz::index_date).collect();
    // Any instant whose local date (in any zone, offsets within ±26 h) lies
    // in the window is inside this horizon.
    let (lo, hi) = ((i0 - 2) * DAY, (i1 + 3) * DAY);
    let mut zones = Zones::default();
    let rep_zone: Vec<usize> = sc
        .reps
        .iter()
        .map(|r| zones.index(&r.time_zone, lo, hi))
        .collect::<Result<_, _>>()?;
    let rep_ix: HashMap<&str, usize> = sc
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // Meeting minutes per (rep, window day), by the local date of each start.
    let mut busy = vec![0i64; sc.reps.len() * n];
    for m in &sc.meetings {
        if m.attendees.is_empty() {
            continue;
        }
        let mz = zones.index(&m.time_zone, lo, hi)?;
        let occurrences = meeting_occurrences(m, &zones.list[mz].zone, lo, hi)?;
        if occurrences.is_empty() {
            continue;
        }
        // Attendees grouped by zone: one offset lookup per occurrence and zone.
        let mut by_zone: Vec<(usize, Vec<usize>)> = Vec::new();
        for a in &m.attendees {
            let r = *rep_ix
                .get(a.as_str())
                .ok_or_else(|| PlanError::UnknownRep(a.clone()))?;
            match by_zone.iter_mut().find(|(z, _)| *z == rep_zone[r]) {
                Some((_, rs)) => rs.push(r),
                None => by_zone.push((rep_zone[r], vec![r])),
            }
        }
        let minutes = i64::from(m.duration_minutes);
        for &(s, _) in &occurrences {
            for (z, rs) in &by_zone {
                let day = zones.list[*z].local_day(s);
                if (i0..=i1).contains(&day) {
                    let k = usize::try_from(day - i0).unwrap_or(0);
                    for &r in rs {
                        busy[r * n + k] += minutes;
                    }
                }
            }
        }
    }
    let daily = sc
        .reps
        .iter()
        .enumerate()
        .map(|(r, rep)| {
            let base = daily_base(rep);
            dates
                .iter()
                .enumerate()
                .map(|(k, &d)| {
                    let works = rep
                        .working_hours
                        .get(&Weekday::of(d))
                        .is_some_and(|ivs| !ivs.is_empty());
                    if works && !rep.time_off.iter().any(|t| t.contains(d)) {
                        (base - busy[r * n + k]).max(0)
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    Ok(WindowCapacity { dates, daily })
}

/// `⌊capacity_hours_per_week × 60 / working weekdays⌋` in exact decimals; 0
/// for a rep with no working weekday.
fn daily_base(rep: &Rep) -> i64 {
    let days = Weekday::ALL
        .iter()
        .filter(|w| rep.working_hours.get(w).is_some_and(|ivs| !ivs.is_empty()))
        .count();
    if days == 0 {
        return 0;
    }
    let exact = rep.capacity_hours_per_week.decimal() * Decimal::from(60) / Decimal::from(days);
    exact
        .floor()
        .to_i64()
        .unwrap_or(MAX_MINUTES)
        .clamp(0, MAX_MINUTES)
}

/// Zones of one run with their offset changes over the horizon, so a local
/// date is a binary search instead of a zone-rule lookup.
#[derive(Default)]
struct Zones {
    ix: HashMap<String, usize>,
    list: Vec<ZoneOffsets>,
}

struct ZoneOffsets {
    zone: Zone,
    /// (start, end, offset minutes), sorted, covering the horizon.
    segments: Vec<(Minute, Minute, i64)>,
}

impl Zones {
    fn index(&mut self, name: &str, lo: Minute, hi: Minute) -> Result<usize, PlanError> {
        if let Some(&i) = self.ix.get(name) {
            return Ok(i);
        }
        let zone = Zone::get(name)?;
        let segments = zone.offset_segments(lo - DAY, hi + DAY);
        self.list.push(ZoneOffsets { zone, segments });
        self.ix.insert(name.to_string(), self.list.len() - 1);
        Ok(self.list.len() - 1)
    }
}

impl ZoneOffsets {
    /// The local day index of instant `m`.
    fn local_day(&self, m: Minute) -> i64 {
        let i = self.segments.partition_point(|&(s, _, _)| s <= m);
        let off = match i.checked_sub(1).map(|k| self.segments[k]) {
            Some((_, e, off)) if m < e => off,
            _ => self.zone.offset_minutes(m),
        };
        (m + off).div_euclid(DAY)
    }
}

/// The tasks in scope with their eligibility, and those no rep can take.
struct Scope<'a> {
    /// In-scope assignable tasks in (due, id) order.
    tasks: Vec<&'a crate::model::Task>,
    jobs: Vec<Job>,
    groups: Vec<Group>,
    unassignable: Vec<Unassignable>,
}

impl<'a> Scope<'a> {
    fn new(
        sc: &'a Scenario,
        req: &BalanceRequest,
        cap: &WindowCapacity,
    ) -> Result<Scope<'a>, PlanError> {
        let n_days = cap.dates.len();
        let i0 = tz::day_index(req.from);
        let rep_ix: HashMap<&str, usize> = sc
            .reps
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let first_day: Vec<usize> = cap.daily.iter().map(|d| first_positive(d)).collect();
        let mut in_scope: Vec<(usize, &crate::model::Task)> = sc
            .tasks
            .iter()
            .filter_map(|t| {
                let due = t.due.unwrap_or(req.to);
                (req.from <= due && due <= req.to)
                    .then(|| (usize::try_from(tz::day_index(due) - i0).unwrap_or(0), t))
            })
            .collect();
        in_scope.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
        // Reps by skill, so a group's members come from its rarest skill.
        let mut with_skill: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, rep) in sc.reps.iter().enumerate() {
            for s in &rep.skills {
                let list = with_skill.entry(s.as_str()).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            }
        }
        let everyone: Vec<usize> = (0..sc.reps.len()).collect();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of_skills: HashMap<Vec<&str>, usize> = HashMap::new();
        let mut group_of_pin: HashMap<usize, usize> = HashMap::new();
        let mut out = Scope {
            tasks: Vec::new(),
            jobs: Vec::new(),
            groups: Vec::new(),
            unassignable: Vec::new(),
        };
        for (due, t) in in_scope {
            let home = match &t.assignee {
                Some(a) => Some(
                    *rep_ix
                        .get(a.as_str())
                        .ok_or_else(|| PlanError::UnknownRep(a.clone()))?,
                ),
                None => None,
            };
            let minutes = t.hours.minutes().clamp(0, MAX_MINUTES);
            let (group, n_eligible) = match (t.pinned, home) {
                // The pin wins over skills and capacity (contract §7.11).
                (true, Some(h)) => {
                    let g = *group_of_pin.entry(h).or_insert_with(|| {
                        groups.push(Group::pinned(h));
                        groups.len() - 1
                    });
                    (g, 1)
                }
                _ => {
                    let mut need: Vec<&str> =
                        t.skills_required.iter().map(String::as_str).collect();
                    need.sort_unstable();
                    need.dedup();
                    let g = match group_of_skills.get(&need) {
                        Some(&g) => g,
                        None => {
                            let members = members_with(&need, &with_skill, &everyone);
                            groups.push(Group::skilled(members, &first_day, sc.reps.len()));
                            group_of_skills.insert(need.clone(), groups.len() - 1);
                            groups.len() - 1
                        }
                    };
                    let n = groups[g].members.partition_point(|&r| first_day[r] <= due);
                    if n == 0 {
                        out.unassignable.push(Unassignable {
                            task: t.id.clone(),
                            reason: explain::unassignable_reason(
                                sc,
                                &need,
                                &groups[g].members,
                                cap.dates[due],
                            ),
                        });
                        continue;
                    }
                    (g, n)
                }
            };
            out.tasks.push(t);
            out.jobs.push(Job {
                minutes,
                due,
                home,
                pinned: t.pinned && home.is_some(),
                group,
                n_eligible,
            });
        }
        debug_assert!(n_days > 0);
        out.groups = groups;
        Ok(out)
    }

    fn problem(&self, cap: &WindowCapacity) -> Problem {
        Problem::new(&cap.daily, self.jobs.clone(), self.groups.clone())
    }
}

/// Reps (ascending) having every skill of `need`: the rarest skill's reps,
/// kept when they appear in every other skill's list.
fn members_with(
    need: &[&str],
    with_skill: &HashMap<&str, Vec<usize>>,
    everyone: &[usize],
) -> Vec<usize> {
    let mut lists: Vec<&[usize]> = Vec::with_capacity(need.len());
    for s in need {
        match with_skill.get(s) {
            Some(l) => lists.push(l),
            None => return Vec::new(),
        }
    }
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return everyone.to_vec();
    };
    first
        .iter()
        .copied()
        .filter(|r| rest.iter().all(|l| l.binary_search(r).is_ok()))
        .collect()
}

/// The first window day with capacity so far `> 0` (`len` when none).
fn first_positive(daily: &[i64]) -> usize {
    daily.iter().position(|&m| m > 0).unwrap_or(daily.len())
}

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
            .map(|r| balance_solve::Ratio::of(self.load[r], p.cap[r]))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClockTime, DateRange, Hours, Interval, LocalDateTime, Meeting, Task};

    /// A document with nothing in it, to fill in field by field.
    fn empty() -> Scenario {
        Scenario::default()
    }

    fn date(s: &str) -> NaiveDate {
        crate::model::parse_date(s).expect("test date")
    }

    fn every_day(rep: &mut Rep) {
        let iv = Interval(
            ClockTime::parse("09:00").expect("time"),
            ClockTime::parse("17:00").expect("time"),
        );
        rep.working_hours = Weekday::ALL.iter().map(|&w| (w, vec![iv])).collect();
    }

    fn meeting(
        id: &str,
        start: &str,
        zone: &str,
        minutes: u32,
        rrule: Option<&str>,
        who: &[&str],
    ) -> Meeting {
        Meeting {
            id: id.into(),
            title: id.into(),
            start: LocalDateTime::parse(start).expect("test start"),
            time_zone: zone.into(),
            duration_minutes: minutes,
            rrule: rrule.map(str::to_string),
            attendees: who.iter().map(|s| s.to_string()).collect(),
            in_person_office: None,
        }
    }

    fn daily(sc: &Scenario, from: &str, to: &str) -> Vec<Vec<i64>> {
        window_capacity(
            sc,
            &BalanceRequest {
                from: date(from),
                to: date(to),
            },
        )
        .expect("capacity")
        .daily
    }

    #[test]
    fn a_meeting_counts_on_the_local_day_it_starts_for_each_attendee() {
        // 18:00Z is 23:45 in Kathmandu (+05:45); 18:15Z is already 00:00 the next day.
        let mut sc = empty();
        sc.reps = vec![
            Rep::new("np", "Np", "Asia/Kathmandu"),
            Rep::new("uk", "Uk", "Europe/London"),
        ];
        sc.meetings = vec![
            meeting("late", "2026-12-01T18:00", "UTC", 30, None, &["np", "uk"]),
            meeting(
                "midnight",
                "2026-12-01T18:15",
                "UTC",
                45,
                None,
                &["np", "uk"],
            ),
        ];
        let d = daily(&sc, "2026-12-01", "2026-12-02");
        assert_eq!(d[0], vec![480 - 30, 480 - 45]);
        assert_eq!(d[1], vec![480 - 75, 480]);
    }

    #[test]
    fn a_recurring_meeting_follows_its_own_zone_across_dst() {
        // 19:00 New York is 00:00Z the next day in winter and 23:00Z the same
        // day from 8 March 2026: the UTC rep's 8 March gets two occurrences.
        let mut sc = empty();
        let mut rep = Rep::new("utc", "Utc", "UTC");
        every_day(&mut rep);
        rep.capacity_hours_per_week = Hours::from_whole(56);
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "ny",
            "2026-03-02T19:00",
            "America/New_York",
            60,
            Some("FREQ=DAILY;COUNT=12"),
            &["utc"],
        )];
        let d = daily(&sc, "2026-03-02", "2026-03-13");
        let used: Vec<i64> = d[0].iter().map(|m| 480 - m).collect();
        assert_eq!(used, vec![0, 60, 60, 60, 60, 60, 120, 60, 60, 60, 60, 60]);
    }

    #[test]
    fn the_spring_forward_day_has_no_less_capacity() {
        // Capacity is per working day, not per hour of the clock: a 23-hour
        // Sunday in London still has its share, minus a meeting in the gap
        // (01:30 does not exist and moves to 02:30 BST, same day).
        let mut sc = empty();
        let mut rep = Rep::new("uk", "Uk", "Europe/London");
        every_day(&mut rep);
        rep.capacity_hours_per_week = Hours::from_whole(35);
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "gap",
            "2026-03-29T01:30",
            "Europe/London",
            30,
            None,
            &["uk"],
        )];
        let d = daily(&sc, "2026-03-28", "2026-03-30");
        assert_eq!(d[0], vec![300, 270, 300]);
    }

    #[test]
    fn time_off_weekends_and_long_meetings_leave_nothing_never_less() {
        let mut sc = empty();
        let mut rep = Rep::new("ana", "Ana", "Europe/Lisbon");
        rep.time_off = vec![DateRange {
            start: date("2026-12-02"),
            end: date("2026-12-03"),
        }];
        rep.capacity_hours_per_week = Hours::parse("37.5").expect("hours");
        sc.reps = vec![rep];
        sc.meetings = vec![meeting(
            "offsite",
            "2026-12-04T08:00",
            "Europe/Lisbon",
            600,
            None,
            &["ana"],
        )];
        // 37.5 h / 5 = 450 a day; Wed–Thu off; Friday's 600-minute offsite
        // leaves 0, not −150; the weekend has no working hours.
        let d = daily(&sc, "2026-11-30", "2026-12-06");
        assert_eq!(d[0], vec![450, 450, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn capacity_rounds_down_once_per_day() {
        // 40 h over 7 working days: 342.857… → 342 a day.
        let mut sc = empty();
        let mut rep = Rep::new("kim", "Kim", "Australia/Sydney");
        every_day(&mut rep);
        sc.reps = vec![rep, {
            let mut r = Rep::new("nobody", "Nobody", "UTC");
            r.working_hours = Default::default();
            r
        }];
        let d = daily(&sc, "2026-12-01", "2026-12-02");
        assert_eq!(d[0], vec![342, 342]);
        assert_eq!(d[1], vec![0, 0]);
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
