//! Policy compliance per rep and ISO week, and its totals per rep and team.
//!
//! A rep-week's bounds are rule 3's: `min(min_r, avail) ≤ days ≤ max_r`,
//! with `min_r`/`max_r` the rep's own `office_days_per_week` or the policy's
//! and `avail` the days of the week rule 1 leaves open (read with
//! [`rule1_blocks_at`] at the office of the day, the visited one on a trip
//! day).

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{count, ReportInput, ReportWindow};
use crate::model::{Office, Rep, Weekday};
use crate::rules::rule1_blocks_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ComplianceStatus {
    /// Fewer office days than `min(min_r, avail)`.
    Below,
    Within,
    /// More than `max_r`.
    Above,
}

/// One rep's week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComplianceRepWeek {
    /// ISO week, `2026-W49`.
    pub week: String,
    pub monday: NaiveDate,
    /// Accepted office days in the week (at any office).
    pub office_days: u32,
    /// The rep's own minimum, else the policy's.
    pub min: u32,
    pub max: u32,
    /// Days rule 1 leaves open.
    pub available: u32,
    /// `min(min, available)`: fewer is below the policy.
    pub required: u32,
    pub status: ComplianceStatus,
    /// The team's anchor days of the week rule 1 leaves open to the rep…
    pub anchor_available: u32,
    /// …and of those, the days with an office day.
    pub anchor_attended: u32,
    /// The rep's preferred days of the week rule 1 leaves open…
    pub preferred_available: u32,
    /// …and of those, the days with an office day.
    pub preferred_granted: u32,
}

/// Sums over rep-weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComplianceTotals {
    pub office_days: u32,
    /// Rep-weeks below, within and above the policy.
    pub below: u32,
    pub within: u32,
    pub above: u32,
    pub anchor_attended: u32,
    pub anchor_available: u32,
    pub preferred_granted: u32,
    pub preferred_available: u32,
}

impl ComplianceTotals {
    fn add(&mut self, w: &ComplianceRepWeek) {
        self.office_days += w.office_days;
        match w.status {
            ComplianceStatus::Below => self.below += 1,
            ComplianceStatus::Within => self.within += 1,
            ComplianceStatus::Above => self.above += 1,
        }
        self.anchor_attended += w.anchor_attended;
        self.anchor_available += w.anchor_available;
        self.preferred_granted += w.preferred_granted;
        self.preferred_available += w.preferred_available;
    }

    fn merge(&mut self, o: &ComplianceTotals) {
        self.office_days += o.office_days;
        self.below += o.below;
        self.within += o.within;
        self.above += o.above;
        self.anchor_attended += o.anchor_attended;
        self.anchor_available += o.anchor_available;
        self.preferred_granted += o.preferred_granted;
        self.preferred_available += o.preferred_available;
    }
}

/// One rep's weeks: per-person figures, shown only for the lead's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepCompliance {
    /// The rep's id (`Rep N` when names are left out).
    pub rep: String,
    pub name: String,
    pub team: Option<String>,
    pub weeks: Vec<ComplianceRepWeek>,
    pub total: ComplianceTotals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComplianceWeek {
    pub week: String,
    pub monday: NaiveDate,
    pub totals: ComplianceTotals,
}

/// A team's reps together: what every team shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamCompliance {
    /// `None`: the reps without a team.
    pub team: Option<String>,
    pub name: String,
    /// Reps counted (with an office in the window).
    pub reps: u32,
    pub weeks: Vec<ComplianceWeek>,
    pub total: ComplianceTotals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Compliance {
    /// Every team in `input.teams`' order, then "No team" when some rep
    /// has none.
    pub teams: Vec<TeamCompliance>,
    /// Every counted rep, in `input.reps`' order.
    pub reps: Vec<RepCompliance>,
}

/// Whether the rep can be in an office at all within the window: a home
/// office, or a trip that overlaps it. Others (remote all along) are not
/// counted: rule 3 binds only reps with an office.
fn counted(rep: &Rep, window: ReportWindow) -> bool {
    let (first, last) = window.days();
    rep.office.is_some() || rep.travel.iter().any(|t| t.from <= last && t.to >= first)
}

/// Compliance over `window` for every rep with an office in it.
pub fn compliance(input: &ReportInput, window: ReportWindow) -> Compliance {
    let offices: HashMap<&str, &Office> =
        input.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    let anchors: HashMap<&str, &[Weekday]> = input
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.anchor_days.as_slice()))
        .collect();
    let days_of: HashSet<(&str, NaiveDate)> = input
        .office_days
        .iter()
        .filter(|d| window.week_of(d.date).is_some())
        .map(|d| (d.rep.as_str(), d.date))
        .collect();
    let reps: Vec<RepCompliance> = input
        .reps
        .iter()
        .filter(|r| counted(r, window))
        .map(|rep| {
            let range = rep
                .office_days_per_week
                .unwrap_or(input.policy.office_days_per_week);
            let team_anchors = rep
                .team
                .as_deref()
                .and_then(|t| anchors.get(t).copied())
                .unwrap_or(&[]);
            let is_in = |d: NaiveDate| days_of.contains(&(rep.id.as_str(), d));
            let mut total = ComplianceTotals::default();
            let weeks = window
                .mondays()
                .map(|monday| {
                    let mut w = ComplianceRepWeek {
                        week: crate::plan::rotation::iso_week(monday),
                        monday,
                        office_days: 0,
                        min: range.min,
                        max: range.max,
                        available: 0,
                        required: 0,
                        status: ComplianceStatus::Within,
                        anchor_available: 0,
                        anchor_attended: 0,
                        preferred_available: 0,
                        preferred_granted: 0,
                    };
                    for date in (0..7).map(|k| monday + Duration::days(k)) {
                        let here = is_in(date);
                        w.office_days += u32::from(here);
                        let at = rep.office_on(date).and_then(|o| offices.get(o).copied());
                        if rule1_blocks_at(rep, at, date).is_some() {
                            continue;
                        }
                        w.available += 1;
                        let wd = Weekday::of(date);
                        if team_anchors.contains(&wd) {
                            w.anchor_available += 1;
                            w.anchor_attended += u32::from(here);
                        }
                        if rep.preferred_office_days.contains(&wd) {
                            w.preferred_available += 1;
                            w.preferred_granted += u32::from(here);
                        }
                    }
                    w.required = w.min.min(w.available);
                    w.status = if w.office_days < w.required {
                        ComplianceStatus::Below
                    } else if w.office_days > w.max {
                        ComplianceStatus::Above
                    } else {
                        ComplianceStatus::Within
                    };
                    total.add(&w);
                    w
                })
                .collect();
            RepCompliance {
                rep: rep.id.clone(),
                name: rep.name.clone(),
                team: rep.team.clone(),
                weeks,
                total,
            }
        })
        .collect();

    let mut groups: Vec<(Option<&str>, String)> = input
        .teams
        .iter()
        .map(|t| (Some(t.id.as_str()), t.name.clone()))
        .collect();
    if reps.iter().any(|r| r.team.is_none()) {
        groups.push((None, crate::tr!("plan-report-no-team")));
    }
    let teams = groups
        .into_iter()
        .map(|(team, name)| {
            let members: Vec<&RepCompliance> =
                reps.iter().filter(|r| r.team.as_deref() == team).collect();
            let mut total = ComplianceTotals::default();
            let weeks = window
                .mondays()
                .enumerate()
                .map(|(i, monday)| {
                    let mut totals = ComplianceTotals::default();
                    for r in &members {
                        totals.add(&r.weeks[i]);
                    }
                    total.merge(&totals);
                    ComplianceWeek {
                        week: crate::plan::rotation::iso_week(monday),
                        monday,
                        totals,
                    }
                })
                .collect();
            TeamCompliance {
                team: team.map(str::to_string),
                name,
                reps: count(members.len()),
                weeks,
                total,
            }
        })
        .collect();
    Compliance { teams, reps }
}

/// Leaves names out: each rep's id and name become `Rep 1`, `Rep 2`, … in
/// the order of their ids (stable while the team's ids are), and the rows
/// take that order. Team names stay.
pub fn anonymise(reps: &mut [RepCompliance]) {
    reps.sort_by(|a, b| a.rep.cmp(&b.rep));
    for (i, r) in reps.iter_mut().enumerate() {
        let label = format!("Rep {}", i + 1);
        r.rep.clone_from(&label);
        r.name = label;
    }
}
