//! Commands that plan office-day rotations, keep the planned weeks and the
//! lead's locks, draw the board a page at a time, explain a planned
//! rep-week when the board shows it, and save a plan as the accepted office
//! days.
//!
//! A plan stays in the shell ([`RotationPlans`]): the web view gets its
//! summary and token, asks the board for the rows it shows and a rep-week's
//! reasons when it shows them, and accepts the plan by token.

use chrono::NaiveDate;
use meridian::api::screens::{Board, BoardQuery, PlanSummary, Window};
use meridian::api::RotationRun;
use meridian::plan::rotation::RepWeek;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::plans::{blocking, discard, gone, today, Held, Runs};
use crate::state::Db;

/// The held rotation plan (the answer, the change counter of the team it
/// planned, so accepting refuses it once the team changed, and the locks
/// its explanations read) and the flags that cancel planning runs.
#[derive(Default)]
pub struct RotationPlans {
    pub held: Held<RotationRun>,
    pub runs: Runs,
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
    let run = plans.runs.start(token)?;
    let cancel = run.flag();
    let planned = db
        .read(move |core| {
            core.plan_rotation_at(from, weeks, office.as_deref(), Some(today()), &cancel)
        })
        .await?;
    drop(run);
    let summary = PlanSummary::of(token, &planned.answer);
    plans.held.put(token, planned)?;
    Ok(summary)
}

/// Stops the office-day plans running now at their next check; they then
/// answer `cancelled` and the previously held plan stays. A run started
/// after this goes on.
#[tauri::command]
#[specta::specta]
pub async fn cancel_planning(plans: State<'_, RotationPlans>) -> Result<(), CommandError> {
    plans.runs.cancel()
}

/// Forgets the held plan `plan` (a token from [`plan_rotation`]); a newer
/// plan stays.
#[tauri::command]
#[specta::specta]
pub async fn discard_rotation(
    plans: State<'_, RotationPlans>,
    plan: u32,
) -> Result<(), CommandError> {
    discard(&plans.held, plan).await
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
    db.read(move |core| {
        core.rotation_board(&query, window, today(), held.as_deref().map(|h| &h.answer))
    })
    .await
}

/// Why `rep` is in on the days the held plan `plan` (a token from
/// [`plan_rotation`]) gives them in the ISO week holding `date`: computed
/// now for that rep-week alone, when the board shows it. `null` when the
/// plan is no longer held or does not cover that rep or date.
#[tauri::command]
#[specta::specta]
pub async fn rotation_explanation(
    db: State<'_, Db>,
    plans: State<'_, RotationPlans>,
    plan: u32,
    rep: String,
    date: NaiveDate,
) -> Result<Option<RepWeek>, CommandError> {
    let Some(held) = plans.held.get(u64::from(plan))? else {
        return Ok(None);
    };
    db.read(move |core| core.rotation_explanation(&held.answer, &held.locks, &rep, date))
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
/// Refused (`conflict`) when the team changed since the plan was made,
/// checked inside the saving write.
#[tauri::command]
#[specta::specta]
pub async fn accept_rotation(
    db: State<'_, Db>,
    plans: State<'_, RotationPlans>,
    plan: u32,
) -> Result<Changes, CommandError> {
    let held = plans.held.get(u64::from(plan))?.ok_or_else(gone)?;
    let changes = db
        .run(move |core| core.accept_rotation_at(&held.answer, Some(today()), Some(held.counter)))
        .await?;
    let forgotten = plans.held.clear_if(u64::from(plan))?;
    blocking(move || {
        drop(forgotten);
        Ok(changes)
    })
    .await
}
