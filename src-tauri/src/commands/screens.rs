//! Read-only queries that answer what one screen shows (a page of rows, the
//! directory of teams and offices), on a reader beside the writer.

use meridian::api::screens::{Directory, Page, PeopleQuery, PersonRow, Window};
use meridian::model::Rep;
use meridian::store::changes::ItemKind;
use meridian::store::Stored;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Teams and offices with their rep counts, the policy, list sizes, form
/// limits and the change counter.
#[tauri::command]
#[specta::specta]
pub async fn directory(db: State<'_, Db>) -> Result<Directory, CommandError> {
    db.read(|core| core.directory()).await
}

/// One page of the People list, sorted by name and filtered in Rust.
#[tauri::command]
#[specta::specta]
pub async fn people_page(
    db: State<'_, Db>,
    query: PeopleQuery,
    window: Window,
) -> Result<Page<PersonRow>, CommandError> {
    db.read(move |core| core.people(&query, window)).await
}

/// One rep with its revision, for a form to open on.
#[tauri::command]
#[specta::specta]
pub async fn get_rep(db: State<'_, Db>, id: String) -> Result<Stored<Rep>, CommandError> {
    db.read(move |core| core.get::<Rep>(&id)).await
}

/// `base`, or the first `base-2`, `base-3`… no stored item of `kind` uses
/// (what a form suggests as a new item's id).
#[tauri::command]
#[specta::specta]
pub async fn free_id(
    db: State<'_, Db>,
    kind: ItemKind,
    base: String,
) -> Result<Option<String>, CommandError> {
    db.read(move |core| core.free_id(kind, &base)).await
}
