//! Commands that add, change and remove offices.

use meridian::model::{Office, Scenario};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds an office; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_office(db: State<'_, Db>, office: Office) -> Result<Scenario, CommandError> {
    db.run(move |core| core.create_office(office)).await
}

/// Replaces the office with the same id.
#[tauri::command]
#[specta::specta]
pub async fn update_office(db: State<'_, Db>, office: Office) -> Result<Scenario, CommandError> {
    db.run(move |core| core.update_office(office)).await
}

/// Removes the office with this id.
#[tauri::command]
#[specta::specta]
pub async fn delete_office(db: State<'_, Db>, id: String) -> Result<Scenario, CommandError> {
    db.run(move |core| core.delete_office(&id)).await
}
