//! The rotation planner's answer in the contract's shape (§3), plus the
//! upper bound and, when asked for, each rep-week's reasons. Plain data.

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
    /// Per rep and week: which days and why. Not computed while planning
    /// (`None`, and left out of the JSON): the CLI's `--explain` fills it
    /// from [`Explanations`](super::Explanations), the app asks for one
    /// rep-week at a time ([`explain_rep_week`](super::explain_rep_week)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanations: Option<Vec<RepWeek>>,
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

impl RotationAnswer {
    /// How close the plan is to the best possible, in a lead's words:
    /// "proven optimal", or "within 0.4% of the best possible" (the proven
    /// gap `upper_bound - total` as a share of the bound, rounded up to a
    /// tenth of a percent so the words never claim more than is proven).
    /// `None` for an infeasible plan.
    pub fn bound_words(&self) -> Option<String> {
        let total = self.objective?.total;
        let upper = self.upper_bound?;
        Some(gap_words(total, upper))
    }
}

/// [`RotationAnswer::bound_words`] for an objective and its upper bound.
pub fn gap_words(total: i64, upper: i64) -> String {
    let gap = i128::from(upper) - i128::from(total);
    if gap <= 0 {
        return crate::tr!("plan-rotation-optimal");
    }
    let base = i128::from(upper.max(1));
    let tenths = (gap * 1000 + base - 1) / base;
    let percent = format!(
        "{}{}{}",
        tenths / 10,
        crate::i18n::language().decimal_separator(),
        tenths % 10
    );
    crate::tr!("plan-rotation-within", percent = percent)
}

/// The ISO week label `2026-W49` of a date.
pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

#[cfg(test)]
mod tests {
    use super::gap_words;

    #[test]
    fn the_gap_in_words_is_rounded_up_never_down() {
        assert_eq!(gap_words(100, 100), "proven optimal");
        assert_eq!(gap_words(101, 100), "proven optimal");
        assert_eq!(gap_words(996, 1000), "within 0.4% of the best possible");
        assert_eq!(gap_words(9_999, 10_000), "within 0.1% of the best possible");
        assert_eq!(
            gap_words(1_041, 1_000 + 118),
            "within 6.9% of the best possible"
        );
        assert_eq!(gap_words(0, 3), "within 100.0% of the best possible");
        crate::i18n::with_language(crate::i18n::Lang::De, || {
            assert_eq!(gap_words(100, 100), "nachweislich optimal");
            assert_eq!(
                gap_words(996, 1000),
                "höchstens 0,4 % vom bestmöglichen Ergebnis entfernt"
            );
        });
    }
}
