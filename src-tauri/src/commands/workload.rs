//! Commands of the Workload screen: the task list a page at a time and its
//! edits, the reps' load against capacity a page at a time, and the workload
//! balancer (plan over a window, keep the window, apply the changes the lead
//! accepted).
//!
//! A plan stays in the shell ([`WorkloadPlans`]): the web view gets its
//! summary and token and asks for the pages of changes it shows. The whole
//! team's figures over a window are kept while the change counter stays
//! put, so paging, sorting and searching the table reads no team.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use meridian::api::screens::workload::{
    replan_notice, BalanceSummary, ChangeFilter, HeldBalance, TaskQuery, TaskRow, WorkloadFigures,
    WorkloadPage, WorkloadQuery, WorkloadSettings,
};
use meridian::api::screens::{Page, Window};
use meridian::model::{BalanceRequest, Task};
use meridian::plan::balance::BalanceChange;
use meridian::store::Stored;
use meridian::{AppError, Changes, Meridian};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::{CommandError, ShellError};
use crate::plans::{blocking, discard, gone, today, Held, Runs};
use crate::state::Db;

/// The held balance plan, the flags that cancel planning runs, the last
/// figures read and what the last Apply took from the plan.
#[derive(Default)]
pub struct WorkloadPlans {
    held: Held<HeldBalance>,
    runs: Runs,
    figures: Arc<Mutex<Option<Arc<WorkloadFigures>>>>,
    /// The plan an Apply took its changes from and their tasks: the next
    /// plan says in words how its proposals differ from what was left.
    applied: Mutex<Option<(Arc<HeldBalance>, Vec<String>)>>,
    /// The change counter the watcher last saw, and for how many ticks.
    quiet: Arc<Mutex<(i64, u32)>>,
}

/// What the watcher needs to keep the figures ready, owned (it runs on a
/// reader thread of its own).
#[derive(Clone)]
pub struct FiguresKeeper {
    figures: Arc<Mutex<Option<Arc<WorkloadFigures>>>>,
    quiet: Arc<Mutex<(i64, u32)>>,
}

impl WorkloadPlans {
    pub fn keeper(&self) -> FiguresKeeper {
        FiguresKeeper {
            figures: Arc::clone(&self.figures),
            quiet: Arc::clone(&self.quiet),
        }
    }
}

/// Ticks (seconds) the database must stay unchanged before the figures are
/// read again in the background, so a burst of edits costs one reading.
const QUIET_TICKS: u32 = 2;

/// Keeps the Workload screen's figures ready, called by the watcher every
/// tick: without them the screen's first page reads and assesses the whole
/// team (about a second at 5,000 reps in a debug build). At start they are
/// read on the first tick, for the window the screen opens on; when they are
/// older than the database and it has been quiet for [`QUIET_TICKS`], they
/// are read again for the window last shown. On a reader; never writes.
///
/// # Errors
/// What reading the figures met; the next tick tries again.
pub fn keep_figures_ready(core: &Meridian, plans: &FiguresKeeper) -> Result<(), AppError> {
    let counter = core.counter()?;
    let quiet_for = {
        let mut quiet = plans
            .quiet
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if quiet.0 == counter {
            quiet.1 = quiet.1.saturating_add(1);
        } else {
            *quiet = (counter, 0);
        }
        quiet.1
    };
    let window = {
        let slot = plans
            .figures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match slot.as_ref() {
            Some(f) if f.counter == counter => return Ok(()),
            // After a change, wait for the edits to settle.
            Some(_) if quiet_for < QUIET_TICKS => return Ok(()),
            Some(f) => BalanceRequest {
                from: f.assessment.from,
                to: f.assessment.to,
            },
            // At start: ready before the lead first opens the screen.
            None => {
                let s = core.workload_settings(today())?;
                BalanceRequest {
                    from: s.from,
                    to: s.to,
                }
            }
        }
    };
    figures(core, &plans.figures, window).map(|_| ())
}

/// A plan's summary and the token that names it in later calls.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct PlannedBalance {
    pub token: u32,
    pub summary: BalanceSummary,
}

/// The figures over `window`, reused while the database's change counter is
/// the one they were read at. The cache stays locked while they are read,
/// so the table's and the task list's first pages (asked for together)
/// read the team once; a poisoned lock only held a cache, so it is reused.
fn figures(
    core: &Meridian,
    cache: &Mutex<Option<Arc<WorkloadFigures>>>,
    window: BalanceRequest,
) -> Result<Arc<WorkloadFigures>, AppError> {
    let mut slot = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let counter = core.counter()?;
    if let Some(f) = slot.as_ref().filter(|f| {
        f.counter == counter && f.assessment.from == window.from && f.assessment.to == window.to
    }) {
        return Ok(Arc::clone(f));
    }
    let fresh = Arc::new(core.workload_figures(window)?);
    *slot = Some(Arc::clone(&fresh));
    Ok(fresh)
}

/// The window the screen opens on (the stored one, else the default from
/// today) and the limits it shows.
#[tauri::command]
#[specta::specta]
pub async fn workload_settings(db: State<'_, Db>) -> Result<WorkloadSettings, CommandError> {
    db.read(|core| core.workload_settings(today())).await
}

/// One page of reps with their load against capacity over `from`..`to`,
/// sorted and filtered here, with the held plan `plan`'s figures (a token
/// from [`plan_balance`]) when it was made for that window.
#[tauri::command]
#[specta::specta]
pub async fn workload_page(
    db: State<'_, Db>,
    plans: State<'_, WorkloadPlans>,
    from: NaiveDate,
    to: NaiveDate,
    query: WorkloadQuery,
    window: Window,
    plan: Option<u32>,
) -> Result<WorkloadPage, CommandError> {
    let held = match plan {
        Some(token) => plans.held.get(u64::from(token))?,
        None => None,
    };
    let cache = Arc::clone(&plans.figures);
    db.read(move |core| {
        let f = figures(core, &cache, BalanceRequest { from, to })?;
        Ok(f.page(held.as_deref(), &query, window))
    })
    .await
}

/// One page of tasks (all, one rep's or the unassigned ones), by due date,
/// each marked when at risk over `from`..`to` as things stand.
#[tauri::command]
#[specta::specta]
pub async fn workload_tasks(
    db: State<'_, Db>,
    plans: State<'_, WorkloadPlans>,
    from: NaiveDate,
    to: NaiveDate,
    query: TaskQuery,
    window: Window,
) -> Result<Page<TaskRow>, CommandError> {
    let cache = Arc::clone(&plans.figures);
    db.read(move |core| {
        let f = figures(core, &cache, BalanceRequest { from, to })?;
        core.workload_tasks(&query, Some(&f), window)
    })
    .await
}

/// One task with its revision, for the form to open on.
#[tauri::command]
#[specta::specta]
pub async fn get_task(db: State<'_, Db>, id: String) -> Result<Stored<Task>, CommandError> {
    db.read(move |core| core.get::<Task>(&id)).await
}

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

/// Balances the tasks over `from`..`to` (each missing end falls back to the
/// stored window, then the default) off the UI thread on a reader; the
/// whole plan is held here and the answer is its summary and token. Tasks
/// already past due are held back, not proposed. After an Apply the summary
/// says in words when the remaining proposals changed. A run stopped by
/// [`cancel_balance`] is the error `cancelled`.
#[tauri::command]
#[specta::specta]
pub async fn plan_balance(
    db: State<'_, Db>,
    plans: State<'_, WorkloadPlans>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<PlannedBalance, CommandError> {
    let token = plans.held.reserve();
    let run = plans.runs.start(token)?;
    let cancel = run.flag();
    let held = db
        .read(move |core| core.hold_balance(from, to, today(), &cancel))
        .await?;
    drop(run);
    let applied = plans
        .applied
        .lock()
        .map_err(|_| ShellError::Poisoned)?
        .take();
    let notice = applied.and_then(|(old, tasks)| replan_notice(&old, &tasks, &held));
    let summary = held.summary(notice);
    plans.held.put(token, held)?;
    Ok(PlannedBalance {
        token: u32::try_from(token).unwrap_or(u32::MAX),
        summary,
    })
}

/// Stops the balance plans running now at their next check; they then
/// answer `cancelled` and the previously held plan stays. A run started
/// after this goes on.
#[tauri::command]
#[specta::specta]
pub async fn cancel_balance(plans: State<'_, WorkloadPlans>) -> Result<(), CommandError> {
    plans.runs.cancel()
}

/// One page of the held plan `plan`'s changes: the proposed ones, or those
/// held back with their reasons.
#[tauri::command]
#[specta::specta]
pub async fn balance_changes(
    plans: State<'_, WorkloadPlans>,
    plan: u32,
    filter: ChangeFilter,
    window: Window,
) -> Result<Page<BalanceChange>, CommandError> {
    let held = plans.held.get(u64::from(plan))?.ok_or_else(gone)?;
    blocking(move || Ok(held.changes(filter, window))).await
}

/// Forgets the held plan `plan` (a token from [`plan_balance`]); a newer
/// plan stays.
#[tauri::command]
#[specta::specta]
pub async fn discard_balance(
    plans: State<'_, WorkloadPlans>,
    plan: u32,
) -> Result<(), CommandError> {
    discard(&plans.held, plan).await
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

/// Gives the tasks of the held plan `plan`'s accepted changes to their new
/// reps, all of them or none: the proposed changes whose tasks are in
/// `tasks`, or with `all_but` every proposed change except those.
#[tauri::command]
#[specta::specta]
pub async fn apply_balance(
    db: State<'_, Db>,
    plans: State<'_, WorkloadPlans>,
    plan: u32,
    tasks: Vec<String>,
    all_but: bool,
) -> Result<Changes, CommandError> {
    let held = plans.held.get(u64::from(plan))?.ok_or_else(gone)?;
    let moves = held.accepted(&tasks, all_but);
    let applied: Vec<String> = moves.iter().map(|m| m.task.clone()).collect();
    let counter = held.counter;
    let changes = db
        .run(move |core| core.apply_balance_at(&moves, Some(counter)))
        .await?;
    *plans.applied.lock().map_err(|_| ShellError::Poisoned)? = Some((held, applied));
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_are_made_ready_at_start_and_again_once_quiet_after_a_change() {
        let mut core = Meridian::open_in_memory().expect("db");
        core.load_sample_team().expect("sample");
        let plans = WorkloadPlans::default();
        let keeper = plans.keeper();
        let held = || {
            plans
                .figures
                .lock()
                .expect("lock")
                .as_ref()
                .map(|f| f.counter)
        };
        assert_eq!(held(), None);
        keep_figures_ready(&core, &keeper).expect("tick");
        let first = held().expect("figures made ready on the first tick");
        assert_eq!(first, core.counter().expect("counter"));

        let mut rep = core.get::<meridian::model::Rep>("kai").expect("kai").item;
        rep.name = "Kai Renamed".into();
        core.update(rep, None).expect("update");
        keep_figures_ready(&core, &keeper).expect("tick");
        assert_eq!(
            held(),
            Some(first),
            "not read again while the change is fresh"
        );
        for _ in 0..QUIET_TICKS {
            keep_figures_ready(&core, &keeper).expect("tick");
        }
        assert_eq!(held(), Some(core.counter().expect("counter")));
    }

    #[test]
    fn the_figures_are_read_once_per_window_and_change_counter() {
        let mut core = Meridian::open_in_memory().expect("db");
        core.load_sample_team().expect("sample");
        let cache = Mutex::new(None);
        let d = |s: &str| meridian::model::parse_date(s).expect("date");
        let window = BalanceRequest {
            from: d("2026-11-30"),
            to: d("2026-12-11"),
        };
        let first = figures(&core, &cache, window).expect("figures");
        let again = figures(&core, &cache, window).expect("figures");
        assert!(Arc::ptr_eq(&first, &again), "same window, same counter");

        let other = BalanceRequest {
            to: d("2026-12-04"),
            ..window
        };
        let narrower = figures(&core, &cache, other).expect("figures");
        assert!(!Arc::ptr_eq(&first, &narrower));

        let stored = core.get::<Task>("t00013").expect("a sample task");
        let mut task = stored.item;
        task.hours = meridian::model::Hours::from_whole(1);
        core.update(task, Some(stored.revision)).expect("edit");
        let fresh = figures(&core, &cache, other).expect("figures");
        assert!(!Arc::ptr_eq(&narrower, &fresh), "a write reads them again");
        assert!(fresh.counter > narrower.counter);
    }
}
