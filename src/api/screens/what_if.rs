//! The "Try a policy" panel of the Office days board: a held what-if's two
//! plans in figures side by side, a page of its offices' desk use and a
//! page of the reps whose days change. Rust decides every figure; the web
//! view lays them out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::board::PlanSummary;
use super::{Page, Window};
use crate::api::what_if::WhatIf;
use crate::io::what_if::PolicyChanges;
use crate::model::Lock;
use crate::plan::what_if::{OfficeDesks, RepDiff};

/// A what-if as the panel (or the command line's `--json`) shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WhatIfView {
    /// The shell holds the what-if under it (0 on the command line).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub token: u64,
    /// The changes tried, their weeks filled in.
    pub changes: PolicyChanges,
    /// Monday of the first week.
    pub from: NaiveDate,
    pub weeks: u32,
    /// The change counter both plans were made at.
    pub counter: i64,
    /// The stored team planned.
    pub current: PlanSummary,
    /// The team with the changes planned.
    pub tried: PlanSummary,
    pub notes: Vec<String>,
    /// Locks left out of the tried plan: rule 1 forbids them after the
    /// changes (Adopt drops them); in the app's pages only the first
    /// [`SHOWN_LOCKS`], with their number in `dropped_lock_count`.
    pub dropped_locks: Vec<Lock>,
    pub dropped_lock_count: u32,
    /// Accepted office days the changes rule out (Adopt drops them).
    pub dropped_office_days: u32,
    /// The day columns of the desk comparison.
    pub dates: Vec<NaiveDate>,
    /// Desk use per office-day, current and tried, offices by name.
    pub offices: Page<OfficeDesks>,
    /// Both plans are feasible, so their days are compared.
    pub compared: bool,
    /// The reps whose days change, by name.
    pub reps: Page<RepDiff>,
}

impl WhatIf {
    /// The panel's view of this what-if held under `token`: the `offices`
    /// and `reps` pages asked for (`None`: every row, as the command line
    /// prints them).
    pub fn view(&self, token: u64, offices: Option<Window>, reps: Option<Window>) -> WhatIfView {
        // A page of the panel carries a few locks; the command line's view
        // (no windows) carries them all.
        let shown = if offices.is_some() || reps.is_some() {
            SHOWN_LOCKS
        } else {
            usize::MAX
        };
        WhatIfView {
            token,
            changes: self.changes.clone(),
            from: self.from,
            weeks: self.weeks,
            counter: self.counter,
            current: PlanSummary::of(token, &self.current),
            tried: PlanSummary::of(token, &self.tried),
            notes: self.notes.clone(),
            dropped_locks: self.dropped_locks.iter().take(shown).cloned().collect(),
            dropped_lock_count: u32::try_from(self.dropped_locks.len()).unwrap_or(u32::MAX),
            dropped_office_days: self.dropped_office_days,
            dates: self.desks.dates.clone(),
            offices: page_of(&self.desks.offices, offices, self.counter),
            compared: self.reps.is_some(),
            reps: page_of(self.reps.as_deref().unwrap_or_default(), reps, self.counter),
        }
    }
}

/// Locks a page of the panel lists (the notes say how many in all).
pub const SHOWN_LOCKS: usize = 20;

/// The rows of `window` (every row without one), cloning only those.
fn page_of<T: Clone>(rows: &[T], window: Option<Window>, counter: i64) -> Page<T> {
    match window {
        Some(w) => {
            let start = (w.offset as usize).min(rows.len());
            let end = start.saturating_add(w.limit.min(super::MAX_PAGE_ROWS) as usize);
            Page {
                rows: rows[start..end.min(rows.len())].to_vec(),
                offset: start as u32,
                total: u32::try_from(rows.len()).unwrap_or(u32::MAX),
                counter,
            }
        }
        None => all(rows.to_vec(), counter),
    }
}

fn all<T>(rows: Vec<T>, counter: i64) -> Page<T> {
    Page {
        total: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        rows,
        offset: 0,
        counter,
    }
}
