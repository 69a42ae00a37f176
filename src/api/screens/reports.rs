//! The Reports screen's queries: a page of the desk-use heat-map's office
//! rows, a page of team rows (co-presence and compliance totals), and a page
//! of the lead's own team's people. Each reads one snapshot and answers with
//! the change counter it read at.
//!
//! Privacy by default: [`Meridian::people_report`] lists people only of the
//! stored lead's team (`lead_team`); with none chosen it lists nobody and
//! says so (`lead_team: None`), and the screen asks which team is the lead's.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Page, Window};
use crate::api::reports::{load_parts, sort_people, ReportQuery};
use crate::api::Meridian;
use crate::error::AppError;
use crate::model::Weekday;
use crate::plan::report::{
    self, DeskUse, RepCompliance, ReportInput, ReportWindow, TeamCompliance, TeamPresence,
};
use crate::plan::rotation::iso_week;

/// An ISO week of the window and the dates the heat-map shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportWeek {
    pub week: String,
    pub monday: NaiveDate,
    /// Desk use: the dates on which at least one office opens (Monday to
    /// Friday when none does); empty in the other reports.
    pub days: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeskReport {
    pub window: ReportWindow,
    pub weeks: Vec<ReportWeek>,
    /// Offices by name; each row's `days` are the columns' dates only.
    pub rows: Page<DeskUse>,
}

/// A team's figures: co-presence (not for "No team") and compliance totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamReportRow {
    /// `None`: the reps without a team.
    pub team: Option<String>,
    pub name: String,
    pub presence: Option<TeamPresence>,
    pub compliance: TeamCompliance,
    /// The lead's own team.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamReport {
    pub window: ReportWindow,
    pub weeks: Vec<ReportWeek>,
    /// Teams by name, "No team" last.
    pub rows: Page<TeamReportRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeopleReport {
    pub window: ReportWindow,
    pub weeks: Vec<ReportWeek>,
    /// The lead's own team; `None`: not chosen yet, `rows` is empty.
    pub lead_team: Option<TeamRef>,
    /// The team's people with an office in the window, by name.
    pub rows: Page<RepCompliance>,
}

fn week_labels(window: ReportWindow) -> Vec<ReportWeek> {
    window
        .mondays()
        .map(|monday| ReportWeek {
            week: iso_week(monday),
            monday,
            days: Vec::new(),
        })
        .collect()
}

impl Meridian {
    /// One page of the desk-use heat-map: offices by name, each with the
    /// columns' days.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for weeks outside 1..=104, [`AppError::Storage`].
    pub fn desk_report(
        &self,
        query: &ReportQuery,
        window: Window,
        today: NaiveDate,
    ) -> Result<DeskReport, AppError> {
        let mut parts = self.read(|c| load_parts(c, query, today))?;
        let w = parts.window;
        let mut open: HashSet<Weekday> = parts
            .offices
            .iter()
            .flat_map(|o| o.open_days.iter().copied())
            .collect();
        if open.is_empty() {
            open = Weekday::WORKWEEK.into_iter().collect();
        }
        // A date is a column when its weekday is an open day somewhere, so
        // holidays stay visible as closed cells.
        let weeks: Vec<ReportWeek> = week_labels(w)
            .into_iter()
            .map(|mut x| {
                x.days = (0..7)
                    .map(|k| x.monday + chrono::Duration::days(k))
                    .filter(|d| open.contains(&Weekday::of(*d)))
                    .collect();
                x
            })
            .collect();
        let columns: HashSet<NaiveDate> = weeks.iter().flat_map(|x| x.days.clone()).collect();
        parts.offices.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        });
        let page = window.page(std::mem::take(&mut parts.offices), parts.counter);
        let input = ReportInput {
            offices: &page.rows,
            ..parts.input()
        };
        let rows = report::desk_use(&input, w)
            .into_iter()
            .map(|mut o| {
                o.days.retain(|d| columns.contains(&d.date));
                o
            })
            .collect();
        Ok(DeskReport {
            window: w,
            weeks,
            rows: Page {
                rows,
                offset: page.offset,
                total: page.total,
                counter: page.counter,
            },
        })
    }

    /// One page of team rows: every team's co-presence and compliance
    /// totals (aggregates only, for every team).
    ///
    /// # Errors
    /// As [`Meridian::desk_report`].
    pub fn team_report(
        &self,
        query: &ReportQuery,
        window: Window,
        today: NaiveDate,
    ) -> Result<TeamReport, AppError> {
        let parts = self.read(|c| load_parts(c, query, today))?;
        let input = parts.input();
        let w = parts.window;
        let mut presence = report::co_presence(&input, w);
        let compliance = report::compliance(&input, w).teams;
        let mut rows: Vec<TeamReportRow> = compliance
            .into_iter()
            .map(|c| {
                let p = c.team.as_ref().and_then(|id| {
                    presence
                        .iter()
                        .position(|p| &p.team == id)
                        .map(|i| presence.swap_remove(i))
                });
                TeamReportRow {
                    team: c.team.clone(),
                    name: c.name.clone(),
                    mine: c.team.is_some() && c.team == parts.lead_team,
                    presence: p,
                    compliance: c,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.team.is_none(), a.name.to_lowercase(), &a.team).cmp(&(
                b.team.is_none(),
                b.name.to_lowercase(),
                &b.team,
            ))
        });
        Ok(TeamReport {
            window: w,
            weeks: week_labels(w),
            rows: window.page(rows, parts.counter),
        })
    }

    /// One page of the lead's own team's people (per-person compliance);
    /// nobody when no team is chosen.
    ///
    /// # Errors
    /// As [`Meridian::desk_report`].
    pub fn people_report(
        &self,
        query: &ReportQuery,
        window: Window,
        today: NaiveDate,
    ) -> Result<PeopleReport, AppError> {
        let mut parts = self.read(|c| load_parts(c, query, today))?;
        let w = parts.window;
        let lead = parts.lead_team.as_ref().and_then(|id| {
            parts.teams.iter().find(|t| &t.id == id).map(|t| TeamRef {
                id: t.id.clone(),
                name: t.name.clone(),
            })
        });
        let mut rows: Vec<RepCompliance> = match &lead {
            Some(team) => {
                // Only the team's reps are computed: the others' figures
                // never leave as rows.
                parts
                    .reps
                    .retain(|r| r.team.as_deref() == Some(team.id.as_str()));
                report::compliance(&parts.input(), w).reps
            }
            None => Vec::new(),
        };
        sort_people(&mut rows);
        Ok(PeopleReport {
            window: w,
            weeks: week_labels(w),
            lead_team: lead,
            rows: window.page(rows, parts.counter),
        })
    }
}
