//! Commands of the Workload screen: the task list and the workload balancer
//! (plan over a window, keep the window, apply the moves the lead accepted).

use chrono::NaiveDate;
use meridian::model::Task;
use meridian::plan::balance::{AcceptedMove, BalanceAnswer};
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a task; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_task(db: State<'_, Db>, task: Task) -> Result<Changes, CommandError> {
    db.run(move |core| core.create(task)).await
}

/// Replaces the task with the same id; with the `revision` the form opened,
/// refused (`conflict`) when it changed elsewhere since.
#[tauri::command]
#[specta::specta]
pub async fn update_task(
    db: State<'_, Db>,
    task: Task,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.update(task, revision)).await
}

/// Removes the task with this id, with the same revision check.
#[tauri::command]
#[specta::specta]
pub async fn delete_task(
    db: State<'_, Db>,
    id: String,
    revision: Option<i64>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.delete::<Task>(&id, revision)).await
}

/// Balances the tasks over `from`..`to` (both local dates, inclusive; each
/// missing end falls back to the stored window). Tasks nobody can take and
/// every proposed move come with their reasons.
#[tauri::command]
#[specta::specta]
pub async fn plan_balance(
    db: State<'_, Db>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<BalanceAnswer, CommandError> {
    db.run(move |core| core.balance_stored(from, to)).await
}

/// Stores the window the balancer works on.
#[tauri::command]
#[specta::specta]
pub async fn set_balance_window(
    db: State<'_, Db>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_balance_window(from, to)).await
}

/// Gives each accepted move's task to its rep, all of them or none.
#[tauri::command]
#[specta::specta]
pub async fn apply_balance(
    db: State<'_, Db>,
    moves: Vec<AcceptedMove>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.apply_balance(&moves)).await
}
