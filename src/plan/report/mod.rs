//! Utilisation and compliance reports (issue 16) computed from the STORED
//! plan: the accepted office days, the policy, offices, teams and reps. Sans-IO
//! like the planners: typed parts in, typed figures out, the same answer for
//! the same input.
//!
//! Three reports, each defined in DESIGN.md "Reports (issue 16)":
//! - [`desk_use`]: per office and date, reps in (as `office_days.office`
//!   says, so a traveller counts at the visited office) against desks;
//! - [`co_presence`]: per team and ISO week, the share of the members'
//!   office days with a teammate in the same office, and the pairs the
//!   rotation objective counts;
//! - [`compliance`]: per rep and ISO week, office days against the policy
//!   with rule 3's `min(min_r, avail)`, anchor days attended and preferred
//!   days granted; totals per rep and per team.
//!
//! Invariant: the window is whole ISO weeks ([`ReportWindow`]), at most
//! [`crate::rules::MAX_ROTATION_WEEKS`]; office days outside it are ignored.

mod compliance;
mod desks;
mod presence;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Office, OfficeDay, Policy, Rep, Team};
use crate::rules::{rotation_days, MAX_ROTATION_WEEKS};

pub use compliance::{
    anonymise, compliance, Compliance, ComplianceRepWeek, ComplianceStatus, ComplianceTotals,
    ComplianceWeek, RepCompliance, TeamCompliance,
};
pub use desks::{desk_use, DeskUse, DeskUseDay, UseLevel};
pub use presence::{co_presence, PresenceFigures, PresenceWeek, TeamPresence};

/// The weeks a report covers: `weeks` ISO weeks from the Monday `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportWindow {
    /// Monday of the first week.
    pub from: NaiveDate,
    pub weeks: u32,
}

/// Why a window cannot be reported on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("{}", crate::tr!("plan-report-weeks", weeks = *_0))]
    Weeks(u32),
}

impl ReportWindow {
    /// The ISO weeks holding `from` and the `weeks - 1` after it.
    ///
    /// # Errors
    /// [`ReportError::Weeks`] outside 1..=104.
    pub fn new(from: NaiveDate, weeks: u32) -> Result<ReportWindow, ReportError> {
        if weeks < 1 || i128::from(weeks) > MAX_ROTATION_WEEKS {
            return Err(ReportError::Weeks(weeks));
        }
        Ok(ReportWindow {
            from: rotation_days(from, 1).0,
            weeks,
        })
    }

    /// First and last date.
    pub fn days(self) -> (NaiveDate, NaiveDate) {
        rotation_days(self.from, self.weeks)
    }

    /// Every date, Monday of the first week to Sunday of the last.
    pub fn dates(self) -> impl Iterator<Item = NaiveDate> {
        let from = self.from;
        (0..i64::from(self.weeks) * 7).map(move |k| from + Duration::days(k))
    }

    /// The Mondays of the weeks.
    pub fn mondays(self) -> impl Iterator<Item = NaiveDate> {
        let from = self.from;
        (0..i64::from(self.weeks)).map(move |w| from + Duration::days(7 * w))
    }

    /// The week index of `date`, or `None` outside the window.
    pub fn week_of(self, date: NaiveDate) -> Option<usize> {
        let k = (date - self.from).num_days();
        if (0..i64::from(self.weeks) * 7).contains(&k) {
            usize::try_from(k / 7).ok()
        } else {
            None
        }
    }
}

/// What the reports read: the stored team's parts (a [`crate::model::Scenario`]
/// lends them all, see [`ReportInput::of`]).
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub teams: &'a [Team],
    pub offices: &'a [Office],
    pub reps: &'a [Rep],
    pub policy: &'a Policy,
    /// The accepted office days (any dates; those outside the window are
    /// ignored).
    pub office_days: &'a [OfficeDay],
}

impl<'a> ReportInput<'a> {
    pub fn of(sc: &'a crate::model::Scenario) -> ReportInput<'a> {
        ReportInput {
            teams: &sc.teams,
            offices: &sc.offices,
            reps: &sc.reps,
            policy: &sc.policy,
            office_days: &sc.office_days,
        }
    }
}

/// `part` of `whole` in whole percent, halves up; `None` when `whole` is 0.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| {
        let p = (u64::from(part) * 200 + u64::from(whole)) / (2 * u64::from(whole));
        u32::try_from(p).unwrap_or(u32::MAX)
    })
}

pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_halves_up_and_has_none_of_nothing() {
        for (part, whole, expected) in [
            (0, 0, None),
            (0, 4, Some(0)),
            (1, 8, Some(13)),
            (1, 3, Some(33)),
            (2, 3, Some(67)),
            (5, 4, Some(125)),
        ] {
            assert_eq!(percent(part, whole), expected, "{part}/{whole}");
        }
    }

    #[test]
    fn a_window_is_whole_iso_weeks_and_at_most_104() {
        let d = crate::model::parse_date("2026-12-03").expect("date");
        let w = ReportWindow::new(d, 2).expect("window");
        assert_eq!(w.from.to_string(), "2026-11-30");
        assert_eq!(w.days().1.to_string(), "2026-12-13");
        assert_eq!(w.dates().count(), 14);
        assert_eq!(w.week_of(d), Some(0));
        assert_eq!(w.week_of(w.from - Duration::days(1)), None);
        assert!(ReportWindow::new(d, 0).is_err());
        assert!(ReportWindow::new(d, 105).is_err());
        assert!(ReportWindow::new(d, 104).is_ok());
    }

    #[test]
    fn a_window_too_long_says_so_in_german() {
        let d = crate::model::parse_date("2026-12-03").expect("date");
        let err = ReportWindow::new(d, 105)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err("105 weeks: a report covers 1 to 104 weeks".to_string())
        );
        let err = crate::i18n::with_language(crate::i18n::Lang::De, || {
            ReportWindow::new(d, 105)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        assert_eq!(
            err,
            Err("105 Wochen: Ein Bericht umfasst 1 bis 104 Wochen".to_string())
        );
    }
}
