//! Commands that add, change and remove offices.

use meridian::model::Office;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds an office; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_office(db: State<'_, Db>, office: Office) -> Result<Changes, CommandError> {
    db.run(move |core| core.create(office)).await
}

/// Replaces the office with the same id; with the `revision` the form opened,
/// refused (`conflict`) when it changed elsewhere since.
#[tauri::command]
#[specta::specta]
pub async fn update_office(
    db: State<'_, Db>,
    office: Office,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.update(office, revision)).await
}

/// Removes the office with this id (and what refers to it), with the same
/// revision check as [`update_office`].
#[tauri::command]
#[specta::specta]
pub async fn delete_office(
    db: State<'_, Db>,
    id: String,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.delete::<Office>(&id, revision))
        .await
}
