//! Commands that plan office-day rotations, keep the planned weeks and the
//! lead's locks, draw the board a page at a time, and save a plan as the
//! accepted office days.
//!
//! A plan stays in the shell ([`RotationPlans`]): the web view gets its
//! summary and token, asks the board for the rows it shows, and accepts the
//! plan by token.

use chrono::NaiveDate;
use meridian::api::screens::{Board, BoardQuery, PlanSummary, Window};
use meridian::plan::rotation::RotationAnswer;
use meridian::{Changes, ErrorCode};
use tauri::State;

use crate::error::CommandError;
use crate::plans::{CancelFlag, Held};
use crate::state::Db;

/// The held rotation plan and the flag that cancels a planning run.
#[derive(Default)]
pub struct RotationPlans {
    pub held: Held<RotationAnswer>,
    pub cancel: CancelFlag,
}

/// The date on this computer's clock: days before it are past on the board.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Plans office days with the stored locks, off the UI thread on a reader:
/// over the stored weeks unless `from`/`weeks` are given, for one office or
/// (`None`) all of them, never re-planning days before today. The whole plan
/// is held here; the answer is its summary and token. An infeasible week is
/// an answer (`infeasible_reason`, `fixes`), not an error; a run stopped by
/// [`cancel_planning`] is the error `cancelled`.
#[tauri::command]
#[specta::specta]
pub async fn plan_rotation(
    db: State<'_, Db>,
    plans: State<'_, RotationPlans>,
    from: Option<NaiveDate>,
    weeks: Option<u32>,
    office: Option<String>,
) -> Result<PlanSummary, CommandError> {
    let token = plans.held.reserve();
    let cancel = plans.cancel.start();
    let answer = db
        .read(move |core| {
            core.plan_rotation_from(from, weeks, office.as_deref(), Some(today()), &cancel)
        })
        .await?;
    let summary = PlanSummary::of(token, &answer);
    plans.held.put(token, answer)?;
    Ok(summary)
}

/// Stops the running office-day plan at its next check; it then answers
/// `cancelled` and the previously held plan stays.
#[tauri::command]
#[specta::specta]
pub fn cancel_planning(plans: State<'_, RotationPlans>) {
    plans.cancel.cancel();
}

/// One page of the board for `query`; cells show the held plan `plan` (a
/// token from [`plan_rotation`]) where it covers them, else the accepted
/// office days.
#[tauri::command]
#[specta::specta]
pub async fn rotation_board(
    db: State<'_, Db>,
    plans: State<'_, RotationPlans>,
    query: BoardQuery,
    window: Window,
    plan: Option<u32>,
) -> Result<Board, CommandError> {
    let held = match plan {
        Some(token) => plans.held.get(u64::from(token))?,
        None => None,
    };
    db.read(move |core| core.rotation_board(&query, window, today(), held.as_deref()))
        .await
}

/// Stores the weeks the rotation covers; locks outside them are dropped.
#[tauri::command]
#[specta::specta]
pub async fn set_rotation_window(
    db: State<'_, Db>,
    from: NaiveDate,
    weeks: u32,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_rotation_window(from, weeks))
        .await
}

/// Locks a rep in (`true`) or out (`false`) of the office on a date of the
/// stored weeks, or releases the lock (`null`). A lock the rules forbid (the
/// office is closed, the rep is off) is refused with the reason.
#[tauri::command]
#[specta::specta]
pub async fn set_rotation_lock(
    db: State<'_, Db>,
    rep: String,
    date: NaiveDate,
    in_office: Option<bool>,
) -> Result<Changes, CommandError> {
    db.run(move |core| core.set_rotation_lock(&rep, date, in_office))
        .await
}

/// Saves the held plan `plan` (a token from [`plan_rotation`]) as the
/// accepted office days of its weeks from today on (of its office's reps
/// when the plan is for one office), all or nothing; then forgets it.
#[tauri::command]
#[specta::specta]
pub async fn accept_rotation(
    db: State<'_, Db>,
    plans: State<'_, RotationPlans>,
    plan: u32,
) -> Result<Changes, CommandError> {
    let Some(held) = plans.held.get(u64::from(plan))? else {
        return Err(CommandError {
            code: ErrorCode::NotFound,
            message: "this plan is no longer held (a newer plan replaced it): plan again"
                .to_string(),
            problems: Vec::new(),
        });
    };
    let changes = db
        .run(move |core| core.accept_rotation_from(&held, Some(today())))
        .await?;
    plans.held.clear()?;
    Ok(changes)
}
