//! Commands that add, change and remove reps.

use meridian::model::{Rep, Scenario};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a rep; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_rep(db: State<'_, Db>, rep: Rep) -> Result<Scenario, CommandError> {
    db.run(move |core| core.create_rep(rep)).await
}

/// Replaces the rep with the same id.
#[tauri::command]
#[specta::specta]
pub async fn update_rep(db: State<'_, Db>, rep: Rep) -> Result<Scenario, CommandError> {
    db.run(move |core| core.update_rep(rep)).await
}

/// Removes the rep with this id.
#[tauri::command]
#[specta::specta]
pub async fn delete_rep(db: State<'_, Db>, id: String) -> Result<Scenario, CommandError> {
    db.run(move |core| core.delete_rep(&id)).await
}
