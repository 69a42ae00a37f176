//! The planners. Each is sans-IO: plain values in (a validated [`Scenario`]
//! and a request), a plan with its explanation out; no database, clock or
//! file access, and the same answer for the same input.
//!
//! [`Scenario`]: crate::model::Scenario

pub mod agenda;
pub mod balance;
pub mod calendar;
pub mod intervals;
pub mod ledger;
pub mod meeting;
pub mod report;
pub mod rng;
pub mod rotation;
pub mod week;
pub mod what_if;

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
    #[error("{0}")]
    Dates(String),
    #[error("unknown office {0:?}")]
    UnknownOffice(String),
    #[error("the scenario has no {0} request")]
    MissingRequest(&'static str),
    /// The run was stopped by the user (a cancel flag); no partial plan.
    #[error("planning was cancelled")]
    Cancelled,
    #[error("balance window {from} to {to}: `to` must not be before `from` and the window may span at most 366 dates")]
    Window {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
}
