//! Undo and redo of the app's own changes (Ctrl+Z, Ctrl+Shift+Z, the
//! toast's Undo): each is one write of the core's, refused with a
//! `conflict` when another writer changed an item since
//! (`meridian::api::undo`).

use meridian::api::{UndoState, UndoStep};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// What the next undo and redo would do, in words ("Undo: delete meeting
/// Weekly sync"); `null` when there is nothing on that side.
#[tauri::command]
#[specta::specta]
pub async fn undo_state(db: State<'_, Db>) -> Result<UndoState, CommandError> {
    // The writer: the history is kept per writer, and this is the app's.
    db.run(|core| core.undo_state()).await
}

/// Reverts the app's newest change not yet undone.
#[tauri::command]
#[specta::specta]
pub async fn undo(db: State<'_, Db>) -> Result<UndoStep, CommandError> {
    db.run(|core| core.undo()).await
}

/// Makes the change the app undid last again.
#[tauri::command]
#[specta::specta]
pub async fn redo(db: State<'_, Db>) -> Result<UndoStep, CommandError> {
    db.run(|core| core.redo()).await
}
