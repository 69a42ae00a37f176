//! Commands of the week screens: a rep's week ("My week") and the team
//! lead's timeline, as wall-clock events computed by the core.

use chrono::NaiveDate;
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
    db.run(move |core| {
        let ids: Vec<&str> = reps.iter().map(String::as_str).collect();
        core.calendar_view(&ids, from, to, &time_zone, ViewOptions { hours, tasks })
    })
    .await
}
