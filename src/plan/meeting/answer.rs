//! The meeting planner's answer in the contract's shape (§2), plus what the
//! contract leaves to the app: each attendee's note and day ribbon, ways out
//! and DST warnings. Plain data; the planner's parts fill it in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::MeetingRequest;

/// The answer to one meeting request, in the contract's shape (plus
/// `ways_out` and `dst_warnings`, which the contract does not define).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingAnswer {
    pub request: String,
    pub suggestions: Vec<Suggestion>,
    pub fair_plan: Option<FairPlan>,
    pub infeasible_reason: Option<String>,
    /// When nothing fits: the nearest changes that would make a slot fit.
    pub ways_out: Vec<String>,
    /// Weeks of a series in which someone's local time moves (DST).
    pub dst_warnings: Vec<String>,
    /// Why fewer suggestions came back than asked for, when they did. Filled
    /// by the app's facade call only, so the CLI's answer is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fewer_than_asked: Option<String>,
    /// How a varied list was chosen, when it differs from the contract's
    /// exact top-k ([`ListOrder::Varied`]); absent from exact answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub varied: Option<String>,
}

/// Which list of slots to suggest. The contract's answer is `Exact`; the
/// app asks for `Varied`, which also shows other times of day when the
/// best slots are the same time on several days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ListOrder {
    #[default]
    Exact,
    Varied,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    pub start: String,
    pub end: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub cost: i64,
    pub occurrences: Vec<Occurrence>,
    /// How the first occurrence looks to each attendee.
    pub attendees: Vec<AttendeeSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Occurrence {
    pub start: String,
    pub end: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub cost: i64,
    pub attendees: Vec<AttendeeSlot>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Working,
    Stretch,
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttendeeSlot {
    pub id: String,
    pub time_zone: String,
    pub local_start: String,
    pub local_end: String,
    pub status: Status,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub stretch_minutes: i64,
    /// Why an unavailable attendee is unavailable: `busy: m1, m2`,
    /// `time off` or `outside hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub required: bool,
    /// One line a lead can act on ("Tue 08:30–09:15: 30 min in stretch hours").
    pub note: String,
    /// The attendee's local day around the slot, for drawing a ribbon.
    pub day: DayRibbon,
}

/// One attendee's local day as coloured pieces. Minutes count from the
/// start of that local day, so a DST day is 23 or 25 hours long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayRibbon {
    pub date: String,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub length_minutes: i64,
    pub segments: Vec<RibbonSegment>,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub slot_from: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub slot_to: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RibbonKind {
    Working,
    Stretch,
    Busy,
    TimeOff,
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RibbonSegment {
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub from: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub to: i64,
    pub kind: RibbonKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FairPlan {
    pub occurrences: Vec<Occurrence>,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub max_person_stretch_minutes: i64,
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub total_cost: i64,
    #[cfg_attr(feature = "specta", specta(type = BTreeMap<String, i32>))]
    pub per_person_stretch_minutes: BTreeMap<String, i64>,
}

/// An answer with nothing in it yet.
pub(super) fn empty_answer(req: &MeetingRequest) -> MeetingAnswer {
    MeetingAnswer {
        request: req.id.clone(),
        suggestions: Vec::new(),
        fair_plan: None,
        infeasible_reason: None,
        ways_out: Vec::new(),
        dst_warnings: Vec::new(),
        fewer_than_asked: None,
        varied: None,
    }
}
