//! The team document as typed values: teams, offices, reps, meetings, tasks, the
//! accepted office-day plan and the planning requests (contract §1).
//!
//! Invariants:
//! - The serde shape of [`Scenario`] *is* the `meridian.scenario/1` document, so
//!   exporting is plain serialisation and the UI's TypeScript types are the
//!   document's types.
//! - A value of these types is not known to be valid; only
//!   [`crate::io::scenario::parse_document`] and
//!   [`crate::io::scenario::validate`] say so.

mod edit;
mod hours;
mod quorum;
mod time;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use hours::Hours;
pub use quorum::{parse_percent, Percent, Quorum};
pub use time::{
    default_working_hours, parse_date, ClockTime, Interval, LocalDateTime, WeekHours, Weekday,
};

/// The only document format this build reads and writes.
pub const FORMAT: &str = "meridian.scenario/1";

/// A whole team document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Scenario {
    pub format: String,
    pub teams: Vec<Team>,
    pub offices: Vec<Office>,
    pub policy: Policy,
    pub reps: Vec<Rep>,
    pub meetings: Vec<Meeting>,
    pub office_days: Vec<OfficeDay>,
    pub tasks: Vec<Task>,
    pub requests: Requests,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            format: FORMAT.to_string(),
            teams: Vec::new(),
            offices: Vec::new(),
            policy: Policy::default(),
            reps: Vec::new(),
            meetings: Vec::new(),
            office_days: Vec::new(),
            tasks: Vec::new(),
            requests: Requests::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Team {
    pub id: String,
    pub name: String,
    /// Weekdays the team aims to be in the office together.
    pub anchor_days: Vec<Weekday>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Office {
    pub id: String,
    pub name: String,
    pub time_zone: String,
    pub desks: u32,
    pub open_days: Vec<Weekday>,
    pub closed_dates: Vec<NaiveDate>,
    /// Region code (`GB-ENG`) whose public holidays close the office, as
    /// `closed_dates` do; `None` (absent or `null`): none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<String>,
}

/// Minimum and maximum office days in one ISO week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayRange {
    pub min: u32,
    pub max: u32,
}

impl Default for DayRange {
    fn default() -> Self {
        DayRange { min: 0, max: 5 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Policy {
    pub office_days_per_week: DayRange,
}

/// Whole local days in the rep's own zone, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rep {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub time_zone: String,
    /// Home office; `None` means fully remote.
    pub office: Option<String>,
    pub working_hours: WeekHours,
    pub stretch_hours: WeekHours,
    pub capacity_hours_per_week: Hours,
    /// `None` follows the team-wide [`Policy`]. Left out of the document when
    /// `None` (the contract has no `null` for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_days_per_week: Option<DayRange>,
    pub preferred_office_days: Vec<Weekday>,
    pub no_office_days: Vec<Weekday>,
    pub time_off: Vec<DateRange>,
    /// Region code whose public holidays are the rep's time off. Absent
    /// (`None`): the home office's region; `null` (`Some(None)`): none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "specta", specta(optional, type = Option<String>))]
    pub holidays: Option<Option<String>>,
    pub skills: Vec<String>,
    /// Stays at other offices, sorted by `from`, never overlapping (the
    /// validator and every item write keep them so). Left out of the
    /// document when empty, so a document without travel exports as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "specta", specta(optional))]
    pub travel: Vec<Trip>,
}

/// A stay at another office: local dates in the rep's home zone, both ends
/// inclusive. On those dates the rep works from `office` (its zone, desks,
/// closures and holidays) instead of their home office.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Trip {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub office: String,
}

impl Trip {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// A field that is present (even as `null`) is `Some`: with `default`, an
/// absent one stays `None`.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

impl Rep {
    /// A rep with the document's defaults.
    pub fn new(id: &str, name: &str, time_zone: &str) -> Rep {
        Rep {
            id: id.to_string(),
            name: name.to_string(),
            team: None,
            time_zone: time_zone.to_string(),
            office: None,
            working_hours: default_working_hours(),
            stretch_hours: WeekHours::new(),
            capacity_hours_per_week: Hours::from_whole(40),
            office_days_per_week: None,
            preferred_office_days: Vec::new(),
            no_office_days: Vec::new(),
            time_off: Vec::new(),
            holidays: None,
            skills: Vec::new(),
            travel: Vec::new(),
        }
    }

    /// The trip the rep is on on `date`, if any (`travel` is sorted and
    /// never overlaps, so a binary search finds it).
    pub fn trip_on(&self, date: NaiveDate) -> Option<&Trip> {
        let i = self.travel.partition_point(|t| t.to < date);
        self.travel.get(i).filter(|t| t.from <= date)
    }

    /// The office the rep works from on `date`: the visited one on a trip
    /// day, else the home office (`None`: remote that day).
    pub fn office_on(&self, date: NaiveDate) -> Option<&str> {
        self.trip_on(date)
            .map(|t| t.office.as_str())
            .or(self.office.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Meeting {
    pub id: String,
    pub title: String,
    /// Wall-clock start of the first occurrence in `time_zone`.
    pub start: LocalDateTime,
    pub time_zone: String,
    pub duration_minutes: u32,
    /// RFC 5545 recurrence rule, expanded in `time_zone`; `None` is one occurrence.
    pub rrule: Option<String>,
    pub attendees: Vec<String>,
    pub in_person_office: Option<String>,
}

/// One accepted office day of the plan that travels to reps.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficeDay {
    pub rep: String,
    pub date: NaiveDate,
    pub office: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Task {
    pub id: String,
    pub title: String,
    pub hours: Hours,
    /// `None`: due on the balance window's last day.
    pub due: Option<NaiveDate>,
    pub assignee: Option<String>,
    pub skills_required: Vec<String>,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Requests {
    pub meetings: Vec<MeetingRequest>,
    pub rotation: Option<RotationRequest>,
    pub balance: Option<BalanceRequest>,
}

impl Requests {
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty() && self.rotation.is_none() && self.balance.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingRequest {
    pub id: String,
    pub title: String,
    pub duration_minutes: u32,
    pub required: Vec<String>,
    pub optional: Vec<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub time_zone: String,
    pub granularity_minutes: u32,
    pub max_results: u32,
    pub repeat_weeks: u32,
    pub fair_rotation: bool,
    /// The fewest optional attendees a suggested slot must have available
    /// (issue 16); `None` (and absent from documents): no quorum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_optional: Option<Quorum>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RotationRequest {
    pub from: NaiveDate,
    pub weeks: u32,
    pub locks: Vec<Lock>,
}

/// A lead's manual decision: `rep` is (or is not) in the office on `date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Lock {
    pub rep: String,
    pub date: NaiveDate,
    pub in_office: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BalanceRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
}
