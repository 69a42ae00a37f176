//! Commands of the Meetings and Find a time screens: a page of the list,
//! one meeting for its form, finding a time, booking, editing, removing.

use meridian::api::screens::{MeetingForm, MeetingsPage, MeetingsQuery, Window};
use meridian::api::NewBooking;
use meridian::model::{Meeting, MeetingRequest};
use meridian::plan::meeting::{ListOrder, MeetingAnswer};
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Ranked slots (or a fair plan) for an ad-hoc request over the stored team;
/// problems name paths relative to the request (`required[0]`, `to`). The
/// planner is the heavy call: like every command it runs on the blocking pool.
/// The screen asks for the varied list and, on the lead's word, the exact one.
#[tauri::command]
#[specta::specta]
pub async fn suggest_meeting(
    db: State<'_, Db>,
    request: MeetingRequest,
    order: ListOrder,
) -> Result<MeetingAnswer, CommandError> {
    db.run(move |core| core.suggest_meeting(request, order))
        .await
}

/// Stores a suggestion (one meeting or a weekly series) or a fair plan (one
/// meeting per week) in one step, all of them or none, under an id Rust
/// makes from the title.
#[tauri::command]
#[specta::specta]
pub async fn book_meeting(db: State<'_, Db>, booking: NewBooking) -> Result<Changes, CommandError> {
    db.run(move |core| core.book_new_meeting(booking)).await
}

/// One page of the Meetings list (upcoming or past), searched and sorted in
/// Rust, with times in the query's zone.
#[tauri::command]
#[specta::specta]
pub async fn meetings_page(
    db: State<'_, Db>,
    query: MeetingsQuery,
    window: Window,
) -> Result<MeetingsPage, CommandError> {
    db.read(move |core| core.meetings(&query, window)).await
}

/// One meeting with its revision and attendees' names, for the edit form.
#[tauri::command]
#[specta::specta]
pub async fn meeting_form(db: State<'_, Db>, id: String) -> Result<MeetingForm, CommandError> {
    db.read(move |core| core.meeting_form(&id)).await
}

/// Replaces a meeting; with `revision`, refused (`conflict`) when it
/// changed elsewhere since the form opened.
#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    db: State<'_, Db>,
    meeting: Meeting,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.update(meeting, revision)).await
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
