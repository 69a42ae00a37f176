//! Commands of the Workload screen: the task list and the workload balancer
//! (plan over a window, keep the window, apply the moves the lead accepted).

use chrono::NaiveDate;
use meridian::model::{Scenario, Task};
use meridian::plan::balance::{AcceptedMove, BalanceAnswer};
use tauri::State;

use crate::error::CommandError;
use crate::state::Db;

/// Adds a task; its id must be new.
#[tauri::command]
#[specta::specta]
pub async fn create_task(db: State<'_, Db>, task: Task) -> Result<Scenario, CommandError> {
    db.run(move |core| core.create_task(task)).await
}

/// Replaces the task with the same id.
#[tauri::command]
#[specta::specta]
pub async fn update_task(db: State<'_, Db>, task: Task) -> Result<Scenario, CommandError> {
    db.run(move |core| core.update_task(task)).await
}

/// Removes the task with this id.
#[tauri::command]
#[specta::specta]
pub async fn delete_task(db: State<'_, Db>, id: String) -> Result<Scenario, CommandError> {
    db.run(move |core| core.delete_task(&id)).await
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
) -> Result<Scenario, CommandError> {
    db.run(move |core| core.set_balance_window(from, to)).await
}

/// Gives each accepted move's task to its rep, all of them or none.
#[tauri::command]
#[specta::specta]
pub async fn apply_balance(
    db: State<'_, Db>,
    moves: Vec<AcceptedMove>,
) -> Result<Scenario, CommandError> {
    db.run(move |core| core.apply_balance(&moves)).await
}
