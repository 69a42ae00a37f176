//! Commands that plan office-day rotations, keep the planned weeks and the
//! lead's locks, and save a plan as the accepted office days.

use chrono::NaiveDate;
use meridian::plan::rotation::RotationAnswer;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Plans office days with the stored locks: over the stored weeks unless
/// `from`/`weeks` are given, for one office or (`None`) all of them. An
/// infeasible week is an answer (`infeasible_reason`, `fixes`), not an error.
#[tauri::command]
#[specta::specta]
pub async fn plan_rotation(
    db: State<'_, Db>,
    from: Option<NaiveDate>,
    weeks: Option<u32>,
    office: Option<String>,
) -> Result<RotationAnswer, CommandError> {
    db.run(move |core| core.plan_rotation(from, weeks, office.as_deref()))
        .await
}

/// Stores the weeks the rotation covers; locks outside them are dropped.
#[tauri::command]
#[specta::specta]
pub async fn set_rotation_window(
    db: State<'_, Db>,
    from: NaiveDate,
    weeks: u32,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_rotation_window(from, weeks))
        .await
}

/// Locks a rep in (`true`) or out (`false`) of the office on a date of the
/// stored weeks, or releases the lock (`null`). A lock the rules forbid (the
/// office is closed, the rep is off) is refused with the reason.
#[tauri::command]
#[specta::specta]
pub async fn set_rotation_lock(
    db: State<'_, Db>,
    rep: String,
    date: NaiveDate,
    in_office: Option<bool>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_rotation_lock(&rep, date, in_office))
        .await
}

/// Saves a plan as the accepted office days of its weeks (of its office's
/// reps when the plan is for one office), all or nothing.
#[tauri::command]
#[specta::specta]
pub async fn accept_rotation(
    db: State<'_, Db>,
    plan: RotationAnswer,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.accept_rotation(&plan)).await
}
