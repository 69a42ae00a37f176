//! Read-only queries that answer what one screen shows (a page of rows, the
//! directory of teams and offices), on a reader beside the writer.

use meridian::api::screens::{
    find_time_window as window_after, DateWindow, Directory, Page, PeopleQuery, PersonRow,
    TeamMembers, Window,
};
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

/// The members of a team a meeting request may name (up to the attendee
/// limit), read at once: "add a whole team" in Find a time.
#[tauri::command]
#[specta::specta]
pub async fn team_members(db: State<'_, Db>, team: String) -> Result<TeamMembers, CommandError> {
    db.read(move |core| core.team_members(&team)).await
}

/// The days a new "Find a time" search covers, from `today` (`YYYY-MM-DD`,
/// the computer's date).
#[tauri::command]
#[specta::specta]
pub fn find_time_window(today: String) -> Result<DateWindow, CommandError> {
    let day = chrono::NaiveDate::parse_from_str(today.trim(), "%Y-%m-%d").map_err(|e| {
        let message = format!("{today:?} is not a date YYYY-MM-DD: {e}");
        CommandError {
            code: meridian::ErrorCode::Invalid,
            problems: vec![meridian::Problem {
                path: "today".into(),
                message: message.clone(),
            }],
            message,
        }
    })?;
    Ok(window_after(day))
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
