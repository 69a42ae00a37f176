//! Commands of the week screens: a rep's week ("My week") and the team
//! lead's timeline, computed by the core on a reader beside the writer.

use chrono::NaiveDate;
use meridian::api::screens::{MyWeek, TeamWeek, TeamWeekQuery, Window};
use meridian::model::Weekday;
use meridian::plan::week::{CalendarView, ViewOptions};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// The events of `reps` over the dates `from`..=`to` of `time_zone`, with
/// working and stretch hours as backgrounds when `hours`, and tasks due when
/// `tasks`.
#[tauri::command]
#[specta::specta]
pub async fn calendar_view(
    db: State<'_, Db>,
    reps: Vec<String>,
    from: NaiveDate,
    to: NaiveDate,
    time_zone: String,
    hours: bool,
    tasks: bool,
) -> Result<CalendarView, CommandError> {
    db.read(move |core| {
        let ids: Vec<&str> = reps.iter().map(String::as_str).collect();
        core.calendar_view(&ids, from, to, &time_zone, ViewOptions { hours, tasks })
    })
    .await
}

/// One page of the team week's lines (group headers and reps) on the
/// viewer's clock; only the reps on the page are computed.
#[tauri::command]
#[specta::specta]
pub async fn team_week(
    db: State<'_, Db>,
    query: TeamWeekQuery,
    window: Window,
) -> Result<TeamWeek, CommandError> {
    db.read(move |core| core.team_week(&query, window)).await
}

/// Rep `rep`'s office week containing `date`, from `first_day`; `null` for an unknown rep.
#[tauri::command]
#[specta::specta]
pub async fn my_week(
    db: State<'_, Db>,
    rep: String,
    date: NaiveDate,
    first_day: Weekday,
) -> Result<Option<MyWeek>, CommandError> {
    db.read(move |core| core.my_week(&rep, date, first_day))
        .await
}
