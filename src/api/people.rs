//! The facade's team-wide settings and what other writers changed.

use serde::{Deserialize, Serialize};

use super::write::Changes;
use super::{invalid, Meridian};
use crate::error::AppError;
use crate::io::scenario;
use crate::model::Policy;
use crate::store::changes::{self, ChangedItem};

/// What other processes (the command line, a second window) committed since
/// this facade last looked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExternalChanges {
    /// The change counter now.
    pub counter: i64,
    /// The items they touched, oldest first; `None` when there were too many
    /// to list (reload everything).
    pub items: Option<Vec<ChangedItem>>,
}

impl Meridian {
    /// Sets the team-wide office-days policy.
    ///
    /// # Errors
    /// [`AppError::Invalid`] with paths relative to the policy (`office_days_per_week.max`).
    pub fn update_policy(&mut self, policy: Policy) -> Result<Changes, AppError> {
        let problems = scenario::check_policy(&policy);
        if !problems.is_empty() {
            return Err(invalid("policy", problems));
        }
        Ok(self
            .write(&crate::tr!("api-log-policy"), |tx| {
                tx.describe(crate::tr!("api-undo-change-policy"));
                tx.set_policy(&policy)
            })?
            .1)
    }

    /// What other writers committed since this facade's last write or poll;
    /// `None` when nothing. Cheap enough to call every second.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn poll_changes(&mut self) -> Result<Option<ExternalChanges>, AppError> {
        let seen = self.seen;
        let found = self.read(|c| {
            let now = changes::counter(c)?;
            if now == seen {
                return Ok(None);
            }
            // A counter that went back means the file was replaced whole.
            let items = if now < seen {
                None
            } else {
                changes::since(c, seen)?
            };
            Ok(Some(ExternalChanges {
                counter: now,
                items,
            }))
        })?;
        if let Some(f) = &found {
            self.seen = f.counter;
        }
        Ok(found)
    }
}
