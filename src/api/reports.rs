//! The reports' facade (issue 16): the lead's own team ("my team", the only
//! team whose per-person figures are shown), the window a report covers, and
//! the exports (JSON or CSV, optionally without names) the CLI and the app
//! write. The Reports screen's pages are in `screens/reports.rs`.
//!
//! Invariant (privacy by default): per-person rows leave this module only for
//! one team: the one asked for explicitly (the CLI's `--team`), else the
//! stored lead's team; with neither, only team aggregates.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::items::not_found;
use super::screens::monday_of;
use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::{AppError, Problem};
use crate::io::csv_report;
use crate::model::{Office, OfficeDay, Policy, Rep, Team};
use crate::plan::report::{
    self, anonymise, DeskUse, RepCompliance, ReportInput, ReportWindow, TeamCompliance,
    TeamPresence,
};
use crate::store;

/// Weeks a report covers when neither the query nor the stored rotation
/// request says (as the Office days board).
pub const DEFAULT_REPORT_WEEKS: u32 = 4;

/// Which weeks a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportQuery {
    /// Any date of the first week; `None`: the stored rotation window's,
    /// else the week holding today.
    pub from: Option<NaiveDate>,
    /// 1..=104; `None`: the stored window's (when `from` is not given),
    /// else [`DEFAULT_REPORT_WEEKS`].
    pub weeks: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Desk use per office and day.
    Desks,
    /// Co-presence per team and week.
    Teams,
    /// Policy compliance: team totals, and the lead's team per person.
    Compliance,
}

impl ReportKind {
    pub fn noun(self) -> &'static str {
        match self {
            ReportKind::Desks => "desks",
            ReportKind::Teams => "teams",
            ReportKind::Compliance => "compliance",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Json,
    Csv,
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportExport {
    pub kind: ReportKind,
    pub format: ReportFormat,
    pub query: ReportQuery,
    /// Rep ids and names become `Rep 1`, `Rep 2`, … (team and office names
    /// stay).
    pub anonymous: bool,
    /// `teams`: only this team; `compliance`: the team whose people are
    /// listed (default: the lead's team). Not for `desks`.
    pub team: Option<String>,
}

/// `meridian report desks --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesksExport {
    pub report: String,
    pub from: NaiveDate,
    pub weeks: u32,
    pub offices: Vec<DeskUse>,
}

/// `meridian report teams --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamsExport {
    pub report: String,
    pub from: NaiveDate,
    pub weeks: u32,
    pub teams: Vec<TeamPresence>,
}

/// `meridian report compliance --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceExport {
    pub report: String,
    pub from: NaiveDate,
    pub weeks: u32,
    /// The team whose people are in `reps` (`None`: no rows per person).
    pub team: Option<String>,
    pub anonymous: bool,
    pub teams: Vec<TeamCompliance>,
    pub reps: Vec<RepCompliance>,
}

/// The stored parts every report reads, from one snapshot; office days only
/// those of the window.
pub(crate) struct Parts {
    pub window: ReportWindow,
    pub teams: Vec<Team>,
    pub offices: Vec<Office>,
    pub reps: Vec<Rep>,
    pub policy: Policy,
    pub office_days: Vec<OfficeDay>,
    pub lead_team: Option<String>,
    pub counter: i64,
}

impl Parts {
    pub fn input(&self) -> ReportInput<'_> {
        ReportInput {
            teams: &self.teams,
            offices: &self.offices,
            reps: &self.reps,
            policy: &self.policy,
            office_days: &self.office_days,
        }
    }
}

/// The window `query` asks for, defaulted from the stored rotation request,
/// else the week of `today`.
pub(crate) fn window_of(
    c: &Connection,
    query: &ReportQuery,
    today: NaiveDate,
) -> Result<ReportWindow, AppError> {
    let stored = store::requests::get_requests(c)?
        .rotation
        .map(|r| (monday_of(r.from), r.weeks));
    let from = query.from.or(stored.map(|s| s.0)).unwrap_or(today);
    let weeks = query
        .weeks
        .or(stored.filter(|_| query.from.is_none()).map(|s| s.1))
        .unwrap_or(DEFAULT_REPORT_WEEKS);
    if !crate::rules::writable_date(from) {
        return Err(invalid(
            "report",
            vec![Problem {
                path: "from".into(),
                message: format!("{from}: {}", crate::rules::date_range()),
            }],
        ));
    }
    ReportWindow::new(from, weeks).map_err(|e| {
        invalid(
            "report",
            vec![Problem {
                path: "weeks".into(),
                message: e.to_string(),
            }],
        )
    })
}

fn items<T>(v: Vec<store::Stored<T>>) -> Vec<T> {
    v.into_iter().map(|s| s.item).collect()
}

pub(crate) fn load_parts(
    c: &Connection,
    query: &ReportQuery,
    today: NaiveDate,
) -> Result<Parts, AppError> {
    let window = window_of(c, query, today)?;
    let (first, last) = window.days();
    Ok(Parts {
        window,
        teams: items(store::teams::list_teams(c)?),
        offices: items(store::offices::list_offices(c)?),
        reps: items(store::reps::list_reps(c)?),
        policy: store::settings::get_policy(c)?,
        office_days: store::office_days::office_days_between(c, first, last)?,
        lead_team: store::settings::lead_team(c)?,
        counter: store::changes::counter(c)?,
    })
}

fn no_team(id: &str) -> AppError {
    not_found("team", id)
}

impl Meridian {
    /// The lead's own team, when chosen (and still stored).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn lead_team(&self) -> Result<Option<String>, AppError> {
        self.read(|c| Ok(store::settings::lead_team(c)?))
    }

    /// Chooses (or with `None` forgets) the lead's own team, in one write
    /// that checks the team exists.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown team, [`AppError::Storage`].
    pub fn set_lead_team(&mut self, team: Option<String>) -> Result<Changes, AppError> {
        let summary = match &team {
            Some(id) => crate::tr!("api-log-lead-team", id = id.as_str()),
            None => crate::tr!("api-log-lead-team-cleared"),
        };
        Ok(self
            .write(&summary, |tx| {
                if let Some(id) = &team {
                    if store::teams::get_team(tx.conn, id)?.is_none() {
                        return Err(no_team(id));
                    }
                }
                store::settings::set_lead_team(tx.conn, team.as_deref())?;
                Ok(())
            })?
            .1)
    }

    /// [`Meridian::export_report`] for the app's Save dialog: the app shows
    /// per-person figures for the lead's own team only, so its exports name
    /// no other team's people (the CLI's `--team` is the lead at their own
    /// command line).
    ///
    /// # Errors
    /// As [`Meridian::export_report`], and [`AppError::Invalid`] (at
    /// `team`) for a compliance export of another team than the lead's.
    pub fn export_lead_report(
        &self,
        req: &ReportExport,
        today: NaiveDate,
    ) -> Result<String, AppError> {
        if req.kind == ReportKind::Compliance
            && req.team.is_some()
            && req.team != self.lead_team()?
        {
            return Err(invalid(
                "report",
                vec![Problem {
                    path: "team".into(),
                    message: crate::tr!("api-report-own-team-only"),
                }],
            ));
        }
        self.export_report(req, today)
    }

    /// A report of the stored plan as JSON or CSV text (the CLI's `report`,
    /// the app's Save dialog through [`Meridian::export_lead_report`]).
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window outside 1..=104 weeks or `team`
    /// with `desks`; [`AppError::NotFound`] for an unknown `team`;
    /// [`AppError::Storage`].
    pub fn export_report(&self, req: &ReportExport, today: NaiveDate) -> Result<String, AppError> {
        if req.kind == ReportKind::Desks && req.team.is_some() {
            return Err(invalid(
                "report",
                vec![Problem {
                    path: "team".into(),
                    message: crate::tr!("api-report-desks-per-office"),
                }],
            ));
        }
        let parts = self.read(|c| load_parts(c, &req.query, today))?;
        if let Some(id) = &req.team {
            if !parts.teams.iter().any(|t| &t.id == id) {
                return Err(no_team(id));
            }
        }
        // A report file is read by others and by programs: its words (a
        // "No team" row) are English, whatever the window shows.
        crate::i18n::with_language(crate::i18n::Lang::En, || {
            let input = parts.input();
            let window = parts.window;
            let csv_error = |e: csv::Error| AppError::Io {
                path: format!("{}.csv", req.kind.noun()).into(),
                source: std::io::Error::from(e),
            };
            match req.kind {
                ReportKind::Desks => {
                    let offices = report::desk_use(&input, window);
                    match req.format {
                        ReportFormat::Csv => csv_report::desks(&offices).map_err(csv_error),
                        ReportFormat::Json => to_json(
                            req.kind,
                            &DesksExport {
                                report: "desks".into(),
                                from: window.from,
                                weeks: window.weeks,
                                offices,
                            },
                        ),
                    }
                }
                ReportKind::Teams => {
                    let mut teams = report::co_presence(&input, window);
                    if let Some(id) = &req.team {
                        teams.retain(|t| &t.team == id);
                    }
                    match req.format {
                        ReportFormat::Csv => csv_report::teams(&teams).map_err(csv_error),
                        ReportFormat::Json => to_json(
                            req.kind,
                            &TeamsExport {
                                report: "teams".into(),
                                from: window.from,
                                weeks: window.weeks,
                                teams,
                            },
                        ),
                    }
                }
                ReportKind::Compliance => {
                    let all = report::compliance(&input, window);
                    let team = req.team.clone().or(parts.lead_team.clone());
                    let mut reps: Vec<RepCompliance> = match &team {
                        Some(id) => all
                            .reps
                            .into_iter()
                            .filter(|r| r.team.as_deref() == Some(id.as_str()))
                            .collect(),
                        None => Vec::new(),
                    };
                    sort_people(&mut reps);
                    if req.anonymous {
                        anonymise(&mut reps);
                    }
                    match req.format {
                        ReportFormat::Csv => {
                            csv_report::compliance(&all.teams, &reps).map_err(csv_error)
                        }
                        ReportFormat::Json => to_json(
                            req.kind,
                            &ComplianceExport {
                                report: "compliance".into(),
                                from: window.from,
                                weeks: window.weeks,
                                team,
                                anonymous: req.anonymous,
                                teams: all.teams,
                                reps,
                            },
                        ),
                    }
                }
            }
        })
    }
}

/// People by name, then id (the screen's and the export's order).
pub(crate) fn sort_people(reps: &mut [RepCompliance]) {
    reps.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.rep.cmp(&b.rep))
    });
}

/// The export as one compact line of JSON.
fn to_json<T: Serialize>(kind: ReportKind, value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::Io {
        path: format!("{}.json", kind.noun()).into(),
        source: std::io::Error::from(e),
    })
}
