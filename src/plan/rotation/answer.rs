//! The rotation planner's answer in the contract's shape (§3), plus each
//! rep-week's reasons and the upper bound. Plain data.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RotationAnswer {
    pub from: NaiveDate,
    pub weeks: u32,
    pub assignments: Vec<Assignment>,
    pub objective: Option<RotationObjective>,
    pub infeasible_reason: Option<String>,
    /// An upper bound on the objective; the plan is at most
    /// `upper_bound - objective.total` from optimal.
    #[cfg_attr(feature = "specta", specta(type = Option<i32>))]
    pub upper_bound: Option<i64>,
    /// What would make an infeasible rotation fit.
    pub fixes: Vec<String>,
    /// The office the plan is limited to (all offices when `None`).
    pub office: Option<String>,
    /// Per rep and week: which days and why.
    pub explanations: Vec<RepWeek>,
}

/// Why a rep is in on the days the plan gives them in one ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepWeek {
    pub rep: String,
    pub office: String,
    pub team: Option<String>,
    /// ISO week label, e.g. `2026-W49`.
    pub week: String,
    /// The rep's weekly bounds after rule 1 (`min(min, open days)`, `max`).
    pub min_days: u32,
    pub max_days: u32,
    pub days: Vec<DayWhy>,
    /// One line a lead can read, e.g. "Tue (anchor day, 3 teammates in), Thu (preferred)".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayWhy {
    pub date: NaiveDate,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Assignment {
    pub rep: String,
    pub date: NaiveDate,
    pub office: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RotationObjective {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub total: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub co_presence: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub anchor: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub preference: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub in_person: i64,
}

/// The ISO week label `2026-W49` of a date.
pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}
