//! Commands that find a time for a meeting, book it, and remove meetings.

use meridian::model::{Meeting, MeetingRequest};
use meridian::plan::meeting::{Booking, MeetingAnswer};
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Ranked slots (or a fair plan) for an ad-hoc request over the stored team;
/// problems name paths relative to the request (`required[0]`, `to`). The
/// planner is the heavy call: like every command it runs on the blocking pool.
#[tauri::command]
#[specta::specta]
pub async fn suggest_meeting(
    db: State<'_, Db>,
    request: MeetingRequest,
) -> Result<MeetingAnswer, CommandError> {
    db.run(move |core| core.suggest_meeting(request)).await
}

/// Stores a suggestion (one meeting or a weekly series) or a fair plan (one
/// meeting per week) in one step: all of them or none.
#[tauri::command]
#[specta::specta]
pub async fn book_meeting(db: State<'_, Db>, booking: Booking) -> Result<Changes, CommandError> {
    db.run(move |core| core.book_meeting(booking)).await
}

/// Removes the meeting with this id; with `revision`, refused (`conflict`)
/// when it changed elsewhere since the list showed it.
#[tauri::command]
#[specta::specta]
pub async fn delete_meeting(
    db: State<'_, Db>,
    id: String,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.delete::<Meeting>(&id, revision))
        .await
}
