//! What each screen shows, sized to the screen: small directories the whole
//! app needs (teams, offices, policy, counts, form limits) and pages of rows
//! sorted and filtered here, so the web view never holds the whole team.
//!
//! Every query reads one snapshot and answers with the change counter it
//! read at, so a screen can tell a stale page from a fresh one.

pub mod board;
pub mod directory;
pub mod fairness;
pub mod followed_week;
pub mod meetings;
pub mod my_week;
pub mod people;
pub mod regions;
pub mod reports;
pub mod team_week;
pub mod what_if;
pub mod workload;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use board::{Board, BoardQuery, BoardRow, PlanSummary};
pub use directory::{
    find_time_window, Counts, DateWindow, Directory, FormLimits, OfficeRow, TeamRow,
};
pub use fairness::{FairnessPage, FairnessQuery, FairnessSort};
pub use followed_week::{FollowedDay, FollowedRep, FollowedReps, FollowedWeek};
pub use meetings::{
    describe_meeting, AttendeeName, MeetingForm, MeetingRow, MeetingWhen, MeetingsPage,
    MeetingsQuery,
};
pub use my_week::{MyDay, MyWeek};
pub use people::{PeopleQuery, PersonRow, TeamFilter, TeamMember, TeamMembers};
pub use reports::{DeskReport, PeopleReport, ReportWeek, TeamRef, TeamReport, TeamReportRow};
pub use team_week::{TeamWeek, TeamWeekLine, TeamWeekQuery};
pub use what_if::WhatIfView;

/// The most rows one page may ask for: a screen draws a few dozen; the rest
/// is fetched as it scrolls.
pub const MAX_PAGE_ROWS: u32 = 500;

/// One page of a sorted, filtered list: `rows` are items `offset..` of the
/// `total` that match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub offset: u32,
    pub total: u32,
    /// The change counter the page was read at.
    pub counter: i64,
}

/// Which part of a list a screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Window {
    pub offset: u32,
    /// At most [`MAX_PAGE_ROWS`]; more is served as that many.
    pub limit: u32,
}

impl Window {
    /// Cuts `rows..` to this window's page.
    pub(crate) fn page<T>(self, all: Vec<T>, counter: i64) -> Page<T> {
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        let start = (self.offset as usize).min(all.len());
        let take = self.limit.min(MAX_PAGE_ROWS) as usize;
        let rows = all.into_iter().skip(start).take(take).collect();
        Page {
            rows,
            offset: start as u32,
            total,
            counter,
        }
    }
}

/// Names by id.
pub(crate) type Names = HashMap<String, String>;

/// Team and office names by id, for rows that show names beside ids.
pub(crate) fn team_and_office_names(
    c: &rusqlite::Connection,
) -> Result<(Names, Names), crate::store::StoreError> {
    let teams = crate::store::teams::list_teams(c)?
        .into_iter()
        .map(|s| (s.item.id, s.item.name))
        .collect();
    let offices = crate::store::offices::list_offices(c)?
        .into_iter()
        .map(|s| (s.item.id, s.item.name))
        .collect();
    Ok((teams, offices))
}

/// The Monday of `d`'s ISO week.
pub(crate) fn monday_of(d: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The first day of the calendar week holding `d`, for a reader whose
/// weeks start on `first` (Sunday in the US, Saturday in much of the Gulf,
/// Monday elsewhere): the weeks the My week and Team week screens show.
/// Planning stays in ISO weeks ([`monday_of`]).
pub fn week_start(d: chrono::NaiveDate, first: crate::model::Weekday) -> chrono::NaiveDate {
    use chrono::Datelike;
    let back = (d.weekday().num_days_from_monday() as usize + 7 - first.index()) % 7;
    d - chrono::Duration::days(back as i64)
}

/// Lower-cased words of a search box; every word must match somewhere.
pub(crate) fn words(search: &str) -> Vec<String> {
    search
        .split_whitespace()
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// True when every word is in one of `fields` (case-insensitive).
pub(crate) fn matches(words: &[String], fields: &[&str]) -> bool {
    if words.is_empty() {
        return true;
    }
    let hay: String = fields.join("\u{1f}").to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}
