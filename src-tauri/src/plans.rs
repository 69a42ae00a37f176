//! Plans held in the shell between "plan" and "accept": the whole answer of a
//! planner stays here (a rotation of 5,000 reps is ~100,000 assignments) and
//! the web view gets a summary with a token, then asks for what it shows.
//!
//! Also the cancel flags planning runs check, so a Cancel button can stop
//! them. Both are generic: every planner screen keeps one [`Held`] of its
//! answer type and one [`Runs`] in Tauri's managed state; and the local
//! date every command that needs "today" reads.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use meridian::ErrorCode;

use crate::error::{CommandError, ShellError};

/// The date on this computer's clock: days before it are past (on the
/// board, for the balancer, for calendar imports).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The error for a token whose plan is no longer held.
pub fn gone() -> CommandError {
    CommandError {
        code: ErrorCode::NotFound,
        message: meridian::tr!("shell-plan-gone"),
        problems: Vec::new(),
    }
}

/// The last plan of one kind and the token naming it. Tokens only grow, so a
/// summary from an older run never accepts a newer plan.
pub struct Held<T> {
    slot: Mutex<Option<(u64, Arc<T>)>>,
    next: AtomicU64,
}

impl<T> Default for Held<T> {
    fn default() -> Self {
        Held {
            slot: Mutex::new(None),
            next: AtomicU64::new(1),
        }
    }
}

impl<T> Held<T> {
    /// A token for a run about to start; [`Held::put`] stores its answer.
    pub fn reserve(&self) -> u64 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    /// Keeps `plan` under `token`, unless a later run already stored one (an
    /// older run that finishes last must not replace the newer plan).
    ///
    /// # Errors
    /// [`gone`] when a later plan is held (the caller must not hand out
    /// `token`), [`ShellError::Poisoned`].
    pub fn put(&self, token: u64, plan: T) -> Result<(), CommandError> {
        let mut slot = self.slot.lock().map_err(|_| ShellError::Poisoned)?;
        if slot.as_ref().is_some_and(|(t, _)| *t > token) {
            return Err(gone());
        }
        *slot = Some((token, Arc::new(plan)));
        Ok(())
    }

    /// The held plan if its token is `token`.
    ///
    /// # Errors
    /// [`ShellError::Poisoned`].
    pub fn get(&self, token: u64) -> Result<Option<Arc<T>>, CommandError> {
        let slot = self.slot.lock().map_err(|_| ShellError::Poisoned)?;
        Ok(slot
            .as_ref()
            .filter(|(t, _)| *t == token)
            .map(|(_, p)| Arc::clone(p)))
    }

    /// Forgets the held plan if it is the one named by `token` (accepted
    /// or discarded); a newer plan stays. Hands back the plan forgotten, for
    /// the caller to drop off the main thread (it can be large).
    ///
    /// # Errors
    /// [`ShellError::Poisoned`].
    pub fn clear_if(&self, token: u64) -> Result<Option<Arc<T>>, CommandError> {
        let mut slot = self.slot.lock().map_err(|_| ShellError::Poisoned)?;
        if slot.as_ref().is_some_and(|(t, _)| *t == token) {
            return Ok(slot.take().map(|(_, p)| p));
        }
        Ok(None)
    }
}

/// Forgets the plan `token` names (a newer one stays), freeing it on the
/// blocking pool: a held plan may be a hundred thousand rows.
///
/// # Errors
/// [`ShellError::Poisoned`].
pub async fn discard<T: Send + Sync + 'static>(
    held: &Held<T>,
    token: u32,
) -> Result<(), CommandError> {
    let forgotten = held.clear_if(u64::from(token))?;
    blocking(move || {
        drop(forgotten);
        Ok(())
    })
    .await
}

/// Runs `f` on the blocking pool, off the main thread and the async
/// workers (paging a held plan sorts it; dropping one frees ~100k rows).
///
/// # Errors
/// `f`'s error, [`ShellError::Task`] when the task could not finish.
pub async fn blocking<T, F>(f: F) -> Result<T, CommandError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, CommandError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(ShellError::Task)?
}

/// The cancel flags of the planning runs of one kind in flight, one per
/// run (by token): Cancel stops the runs in flight when it is pressed, and
/// a run started after it (or a run starting) touches no other run's flag.
#[derive(Default)]
pub struct Runs(Mutex<HashMap<u64, Arc<AtomicBool>>>);

impl Runs {
    /// Registers run `token`; its flag is dropped with the returned guard
    /// when the run ends, however it ends.
    ///
    /// # Errors
    /// [`ShellError::Poisoned`].
    pub fn start(&self, token: u64) -> Result<Run<'_>, CommandError> {
        let flag = Arc::new(AtomicBool::new(false));
        self.0
            .lock()
            .map_err(|_| ShellError::Poisoned)?
            .insert(token, Arc::clone(&flag));
        Ok(Run {
            runs: self,
            token,
            flag,
        })
    }

    /// Asks every run in flight to stop at its next check.
    ///
    /// # Errors
    /// [`ShellError::Poisoned`].
    pub fn cancel(&self) -> Result<(), CommandError> {
        for flag in self.0.lock().map_err(|_| ShellError::Poisoned)?.values() {
            flag.store(true, Ordering::Release);
        }
        Ok(())
    }
}

/// One planning run in flight: the flag it polls.
pub struct Run<'a> {
    runs: &'a Runs,
    token: u64,
    flag: Arc<AtomicBool>,
}

impl Run<'_> {
    /// The flag the planner polls.
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.flag)
    }
}

impl Drop for Run<'_> {
    fn drop(&mut self) {
        // A poisoned map only held flags of runs: dropping ours anyway.
        let mut map = self
            .runs
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.remove(&self.token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_run_never_replaces_a_newer_plan_and_tokens_must_match() {
        let held: Held<&str> = Held::default();
        let (a, b) = (held.reserve(), held.reserve());
        held.put(b, "new").expect("put");
        let refused = held.put(a, "old").expect_err("an older plan is refused");
        assert_eq!(refused.code, ErrorCode::NotFound);
        assert_eq!(held.get(b).expect("get").as_deref(), Some(&"new"));
        assert!(held.get(a).expect("get").is_none());
    }

    #[test]
    fn clearing_forgets_only_the_plan_the_token_names() {
        let held: Held<&str> = Held::default();
        let (a, b) = (held.reserve(), held.reserve());
        held.put(b, "new").expect("put");
        assert!(held.clear_if(a).expect("clear").is_none(), "an older token");
        assert_eq!(held.get(b).expect("get").as_deref(), Some(&"new"));
        assert!(held.clear_if(b).expect("clear").is_some());
        assert!(held.get(b).expect("get").is_none());
    }

    #[test]
    fn cancel_stops_the_runs_in_flight_and_a_new_run_keeps_it() {
        let runs = Runs::default();
        let first = runs.start(1).expect("start");
        runs.cancel().expect("cancel");
        let second = runs.start(2).expect("start");
        assert!(first.flag().load(Ordering::Acquire), "starting kept it");
        assert!(!second.flag().load(Ordering::Acquire), "a later run runs");
        drop(first);
        runs.cancel().expect("cancel");
        assert!(second.flag().load(Ordering::Acquire));
        drop(second);
        assert!(runs.0.lock().expect("lock").is_empty(), "ended runs leave");
    }
}
