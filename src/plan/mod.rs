//! The planners. Each is sans-IO: plain values in (a validated [`Scenario`]
//! and a request), a plan with its explanation out; no database, clock or
//! file access, and the same answer for the same input.
//!
//! [`Scenario`]: crate::model::Scenario

pub mod calendar;
pub mod intervals;
pub mod meeting;
mod meeting_explain;
pub mod rotation;

/// Why a planner could not run (distinct from "no plan exists", which is an
/// answer with an `infeasible_reason`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Zone(#[from] crate::tz::TzError),
    #[error("meeting {meeting}: {message}")]
    Rule { meeting: String, message: String },
    #[error("unknown rep {0:?}")]
    UnknownRep(String),
    #[error("no meeting request {0:?} in the scenario")]
    UnknownRequest(String),
    #[error("unknown office {0:?}")]
    UnknownOffice(String),
    #[error("the scenario has no {0} request")]
    MissingRequest(&'static str),
}
