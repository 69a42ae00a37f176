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
    #[error("{}", crate::tr!("plan-error-rule", meeting = meeting.as_str(), message = message.as_str()))]
    Rule { meeting: String, message: String },
    #[error("{}", crate::tr!("plan-error-unknown-rep", id = format!("{_0:?}")))]
    UnknownRep(String),
    #[error("{}", crate::tr!("plan-error-unknown-request", id = format!("{_0:?}")))]
    UnknownRequest(String),
    #[error("{0}")]
    Dates(String),
    #[error("{}", crate::tr!("plan-error-unknown-office", id = format!("{_0:?}")))]
    UnknownOffice(String),
    #[error("{}", crate::tr!("plan-error-missing-request", kind = *_0))]
    MissingRequest(&'static str),
    /// The run was stopped by the user (a cancel flag); no partial plan.
    #[error("{}", crate::tr!("plan-error-cancelled"))]
    Cancelled,
    #[error("{}", crate::tr!("plan-error-window", from = from.to_string(), to = to.to_string()))]
    Window {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
}

#[cfg(test)]
mod tests {
    use super::PlanError;
    use crate::i18n::{with_language, Lang};

    #[test]
    fn planner_errors_read_in_german_and_as_before_in_english() {
        let missing = PlanError::MissingRequest("rotation");
        assert_eq!(missing.to_string(), "the scenario has no rotation request");
        assert_eq!(
            PlanError::UnknownRep("zed".into()).to_string(),
            "unknown rep \"zed\""
        );
        with_language(Lang::De, || {
            assert_eq!(
                missing.to_string(),
                "Das Szenario enthält keine Anfrage für die Bürotage"
            );
            assert_eq!(
                PlanError::UnknownRep("zed".into()).to_string(),
                "Unbekannte Person \"zed\""
            );
            assert_eq!(
                PlanError::Cancelled.to_string(),
                "Die Planung wurde abgebrochen"
            );
        });
    }
}
