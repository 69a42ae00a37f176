//! The meeting-slot planner (contract §2): exact top-k slots, weekly series,
//! and fair rotation plans that share early and late calls.
//!
//! Method. Candidates are the grid instants whose local date (request zone)
//! lies in the window. Each attendee's calendar is built once
//! ([`Context`](crate::plan::calendar::Context)); all candidates are then
//! scored per attendee in one sweep over sorted interval sets, so a request
//! costs O(attendees × (candidates + intervals)). Top-k walks the (cost,
//! start) order and skips overlaps; its varied list first spreads over
//! times of day (see `top_k.rs`). A quorum of optional attendees
//! (`min_optional`) rules a start out like an unavailable required person. The fair plan is an exact dynamic
//! programme over weeks on per-person stretch vectors (dominated options and
//! states pruned, vectors bounded by the best worst-off total found by
//! binary search), see [`fair_plan`].
//!
//! This file is the planner's face; its parts, each importing only parts
//! listed before it: `answer.rs` (the types the contract prints),
//! `planner.rs` (calendars and scoring), `explain.rs` (what a slot means to
//! each attendee, why nothing fits), `top_k.rs` and `fair.rs` (the two ways
//! of choosing), `booking.rs` (a chosen slot as meetings).

mod answer;
mod booking;
mod explain;
mod fair;
mod planner;
mod top_k;

use crate::model::{MeetingRequest, Scenario};
use crate::plan::PlanError;

pub use answer::{
    AttendeeSlot, DayRibbon, FairPlan, ListOrder, MeetingAnswer, Occurrence, RibbonKind,
    RibbonSegment, Status, Suggestion,
};
pub use booking::{booked_meetings, Booking};
pub(crate) use explain::fewer_than_asked;
pub use fair::{fair_plan, WeekOption};
use planner::Planner;

/// Answers every meeting request of the scenario, in file order.
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
pub fn suggest_all(sc: &Scenario) -> Result<Vec<MeetingAnswer>, PlanError> {
    sc.requests
        .meetings
        .iter()
        .map(|r| suggest(sc, r))
        .collect()
}

/// Answers one meeting request.
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
///
/// # Example
/// ```
/// let doc = r#"{"format": "meridian.scenario/1",
///   "reps": [{"id": "ana", "time_zone": "Europe/Lisbon"},
///            {"id": "kim", "time_zone": "America/New_York"}],
///   "requests": {"meetings": [{"id": "sync", "duration_minutes": 60,
///     "required": ["ana", "kim"], "from": "2026-12-01", "to": "2026-12-01"}]}}"#;
/// let sc = meridian::io::scenario::parse_document(doc, "doc").unwrap();
/// let answer = meridian::plan::meeting::suggest(&sc, &sc.requests.meetings[0]).unwrap();
/// // Lisbon 09:00-17:00 (UTC+0) meets New York 09:00-17:00 (UTC-5) 14:00-17:00Z.
/// assert_eq!(answer.suggestions[0].start, "2026-12-01T14:00:00Z");
/// assert_eq!(answer.suggestions.len(), 3);
/// ```
pub fn suggest(sc: &Scenario, req: &MeetingRequest) -> Result<MeetingAnswer, PlanError> {
    suggest_listed(sc, req, ListOrder::Exact)
}

/// Answers one meeting request with the list chosen as `order` says (a
/// fair plan is one plan either way).
///
/// # Errors
/// [`PlanError`] when a zone or rule cannot be resolved.
pub fn suggest_listed(
    sc: &Scenario,
    req: &MeetingRequest,
    order: ListOrder,
) -> Result<MeetingAnswer, PlanError> {
    let planner = Planner::new(sc, req)?;
    let mut answer = if req.fair_rotation {
        fair::fair(&planner)
    } else {
        top_k::top_k(&planner, order)
    };
    answer.dst_warnings = explain::dst_warnings(&planner, &answer);
    Ok(answer)
}
