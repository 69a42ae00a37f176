//! Commands that add, change and remove reps.

use meridian::model::Rep;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a rep; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_rep(db: State<'_, Db>, rep: Rep) -> Result<Changes, CommandError> {
    db.run(move |core| core.create(rep)).await
}

/// Replaces the rep with the same id; with the `revision` the form opened,
/// refused (`conflict`) when it changed elsewhere since.
#[tauri::command]
#[specta::specta]
pub async fn update_rep(
    db: State<'_, Db>,
    rep: Rep,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.update(rep, revision)).await
}

/// Removes the rep with this id (and what refers to it), with the same
/// revision check as [`update_rep`].
#[tauri::command]
#[specta::specta]
pub async fn delete_rep(
    db: State<'_, Db>,
    id: String,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.delete::<Rep>(&id, revision)).await
}
