//! The balancer's answer in the contract's shape (§4, §7.12) and what the
//! app holds around it: per-rep figures, bounds, changes with their reasons,
//! held-back changes, and figures without a plan. Plain data.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
/// [`plan_for_app`](super::plan_for_app)).
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
