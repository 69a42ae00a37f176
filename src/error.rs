//! The core's error type, as the CLI and the desktop shell see it.
//!
//! Every error carries a stable [`ErrorCode`] the UI can switch on, a lowercase
//! message, and for invalid documents or edits the list of [`Problem`]s, each
//! naming the JSON path and what is wrong there.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::io::scenario::ScenarioError;
use crate::plan::PlanError;
use crate::store::StoreError;

/// One thing wrong with a document or an edit: where (`reps[3].time_zone`) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// What kind of failure, for programs (the UI switches on this, never on text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Invalid,
    NotFound,
    DuplicateId,
    Storage,
    Io,
    /// The item changed or was removed elsewhere since the form opened it.
    Conflict,
    /// A long run (a planner) was stopped by the user.
    Cancelled,
    /// A calendar server could not be reached or refused the request.
    Network,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Invalid(#[from] ScenarioError),
    #[error("{}", crate::tr!("error-not-found", kind = kind.replace(' ', "-"), id = format!("{id:?}")))]
    NotFound { kind: &'static str, id: String },
    #[error("{}", crate::tr!("error-duplicate-id", kind = kind.replace(' ', "-"), id = format!("{id:?}")))]
    DuplicateId { kind: &'static str, id: String },
    #[error("{}", storage_message(path.as_deref(), source))]
    Storage {
        path: Option<PathBuf>,
        #[source]
        source: StoreError,
    },
    #[error("{0}")]
    Conflict(Conflict),
    /// A held plan was made before the team's last write: accepting it
    /// would overwrite what changed since with what the planner saw.
    #[error("{}", crate::tr!("error-stale-plan", change = _0.as_str()))]
    StalePlan(String),
    #[error("{}", crate::tr!("error-read-only", path = path.display().to_string()))]
    ReadOnly { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", crate::tr!("error-no-data-dir"))]
    NoDataDir,
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Calendar(#[from] crate::caldav::DavError),
    /// Undo or redo asked for with no change on that side of the history.
    #[error("{}", match _0 {
        UndoAction::Undo => crate::tr!("error-nothing-to-undo"),
        UndoAction::Redo => crate::tr!("error-nothing-to-redo"),
    })]
    NothingTo(UndoAction),
    /// An undo or redo refused, and nothing changed: see [`UndoRefused`].
    #[error("{0}")]
    UndoRefused(UndoRefused),
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Invalid(_) => ErrorCode::Invalid,
            AppError::NotFound { .. } => ErrorCode::NotFound,
            AppError::DuplicateId { .. } => ErrorCode::DuplicateId,
            AppError::Storage { .. } | AppError::ReadOnly { .. } => ErrorCode::Storage,
            AppError::Conflict(_) | AppError::StalePlan(_) | AppError::UndoRefused(_) => {
                ErrorCode::Conflict
            }
            AppError::NothingTo(_) => ErrorCode::NotFound,
            AppError::Io { .. } | AppError::NoDataDir => ErrorCode::Io,
            AppError::Plan(
                PlanError::UnknownRequest(_)
                | PlanError::MissingRequest(_)
                | PlanError::UnknownOffice(_),
            ) => ErrorCode::NotFound,
            AppError::Plan(PlanError::Cancelled) => ErrorCode::Cancelled,
            AppError::Plan(_) => ErrorCode::Invalid,
            AppError::Calendar(crate::caldav::DavError::BadUrl { .. }) => ErrorCode::Invalid,
            AppError::Calendar(_) => ErrorCode::Network,
        }
    }

    /// The individual problems of an invalid document or edit; empty otherwise.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            AppError::Invalid(e) => e.problems.clone(),
            AppError::UndoRefused(UndoRefused {
                reason: UndoReason::WouldBreak { problems },
                ..
            }) => problems.clone(),
            _ => Vec::new(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(source: StoreError) -> AppError {
        AppError::Storage { path: None, source }
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> AppError {
        AppError::from(StoreError::from(e))
    }
}

fn storage_message(path: Option<&std::path::Path>, source: &StoreError) -> String {
    match path {
        Some(p) => format!("{}: {source}", p.display()),
        None => source.to_string(),
    }
}

/// An edit refused because the item changed (or was removed) after the
/// form was opened: another window, the command line or a second app wrote
/// it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: &'static str,
    pub id: String,
    /// The item's name or title as the user knows it.
    pub name: String,
    pub removed: bool,
    /// Who wrote it and when, if the change log still says.
    pub by: Option<String>,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self.name.as_str();
        let by = self.by.as_deref().unwrap_or_default();
        f.write_str(&match (self.removed, self.by.is_some()) {
            (true, false) => crate::tr!("error-conflict-removed", name = name),
            (true, true) => crate::tr!("error-conflict-removed-by", name = name, by = by),
            (false, false) => crate::tr!("error-conflict-changed", name = name),
            (false, true) => crate::tr!("error-conflict-changed-by", name = name, by = by),
        })
    }
}

/// Which way through the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoAction {
    Undo,
    Redo,
}

impl std::fmt::Display for UndoAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UndoAction::Undo => "undo",
            UndoAction::Redo => "redo",
        })
    }
}

/// Why an undo or redo did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoReason {
    /// An item the change touched was changed since by another write (another
    /// window, the command line): `by` says who and when, if the log still does.
    ChangedSince { item: String, by: Option<String> },
    /// Putting the items back would break the team's rules, because of
    /// something the change did not touch that changed since.
    WouldBreak { problems: Vec<Problem> },
}

/// An undo or redo refused: `change` is what the change did, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoRefused {
    pub action: UndoAction,
    pub change: String,
    pub reason: UndoReason,
}

impl std::fmt::Display for UndoRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let change = self.change.as_str();
        let redo = matches!(self.action, UndoAction::Redo);
        let why = match &self.reason {
            UndoReason::ChangedSince { item, by: None } => {
                crate::tr!("error-undo-changed-since", item = item.as_str())
            }
            UndoReason::ChangedSince { item, by: Some(by) } => {
                crate::tr!(
                    "error-undo-changed-since-by",
                    item = item.as_str(),
                    by = by.as_str()
                )
            }
            UndoReason::WouldBreak { problems } => {
                let shown: Vec<String> = problems.iter().take(3).map(ToString::to_string).collect();
                crate::tr!("error-undo-would-break", problems = shown.join("; "))
            }
        };
        f.write_str(&if redo {
            crate::tr!("error-redo-refused", change = change, why = why)
        } else {
            crate::tr!("error-undo-refused", change = change, why = why)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    #[test]
    fn errors_read_in_the_thread_s_language() {
        let e = AppError::NotFound {
            kind: "rep",
            id: "ana".into(),
        };
        assert_eq!(e.to_string(), "no rep with id \"ana\"");
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            "Keine Person mit der ID \"ana\""
        );
        let e = AppError::DuplicateId {
            kind: "followed calendar",
            id: "x".into(),
        };
        assert_eq!(
            e.to_string(),
            "a followed calendar with id \"x\" already exists"
        );
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            "Ein abonnierter Kalender mit der ID \"x\" existiert bereits"
        );
    }
}
