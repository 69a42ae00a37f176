//! Commands that add, change and remove teams.

use meridian::model::Team;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a team; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_team(db: State<'_, Db>, team: Team) -> Result<Changes, CommandError> {
    db.run(move |core| core.create(team)).await
}

/// Replaces the team with the same id; with the `revision` the form opened,
/// refused (`conflict`) when it changed elsewhere since.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    db: State<'_, Db>,
    team: Team,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.update(team, revision)).await
}

/// Removes the team with this id (and what refers to it), with the same
/// revision check as [`update_team`].
#[tauri::command]
#[specta::specta]
pub async fn delete_team(
    db: State<'_, Db>,
    id: String,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.delete::<Team>(&id, revision)).await
}
