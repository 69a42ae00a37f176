//! Commands that add, change and remove teams.

use meridian::model::{Scenario, Team};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a team; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_team(db: State<'_, Db>, team: Team) -> Result<Scenario, CommandError> {
    db.run(move |core| core.create_team(team)).await
}

/// Replaces the team with the same id.
#[tauri::command]
#[specta::specta]
pub async fn update_team(db: State<'_, Db>, team: Team) -> Result<Scenario, CommandError> {
    db.run(move |core| core.update_team(team)).await
}

/// Removes the team with this id.
#[tauri::command]
#[specta::specta]
pub async fn delete_team(db: State<'_, Db>, id: String) -> Result<Scenario, CommandError> {
    db.run(move |core| core.delete_team(&id)).await
}
