//! The Reports screen (issue 16): pages of desk use, team figures and the
//! lead's own team's people, and the choice of that team. Exports are in
//! `files.rs` with the other Save dialogs.

use meridian::api::screens::{DeskReport, PeopleReport, TeamReport, Window};
use meridian::api::ReportQuery;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::plans::today;
use crate::state::Db;

/// One page of the desk-use heat-map (offices by name).
#[tauri::command]
#[specta::specta]
pub async fn desk_report(
    db: State<'_, Db>,
    query: ReportQuery,
    window: Window,
) -> Result<DeskReport, CommandError> {
    db.read(move |core| core.desk_report(&query, window, today()))
        .await
}

/// One page of team rows: co-presence and compliance totals.
#[tauri::command]
#[specta::specta]
pub async fn team_report(
    db: State<'_, Db>,
    query: ReportQuery,
    window: Window,
) -> Result<TeamReport, CommandError> {
    db.read(move |core| core.team_report(&query, window, today()))
        .await
}

/// One page of the lead's own team's people; none until a team is chosen.
#[tauri::command]
#[specta::specta]
pub async fn people_report(
    db: State<'_, Db>,
    query: ReportQuery,
    window: Window,
) -> Result<PeopleReport, CommandError> {
    db.read(move |core| core.people_report(&query, window, today()))
        .await
}

/// Chooses (or with `null` forgets) the lead's own team.
#[tauri::command]
#[specta::specta]
pub async fn set_lead_team(
    db: State<'_, Db>,
    team: Option<String>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_lead_team(team)).await
}
