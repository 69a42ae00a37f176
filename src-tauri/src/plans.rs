//! Plans held in the shell between "plan" and "accept": the whole answer of a
//! planner stays here (a rotation of 5,000 reps is ~100,000 assignments) and
//! the web view gets a summary with a token, then asks for what it shows.
//!
//! Also the cancel flag a planning run checks, so a Cancel button can stop it.
//! Both are generic: every planner screen keeps one [`Held`] of its answer
//! type and one [`CancelFlag`] in Tauri's managed state.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::error::{CommandError, ShellError};

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
    /// [`ShellError::Poisoned`].
    pub fn put(&self, token: u64, plan: T) -> Result<bool, CommandError> {
        let mut slot = self.slot.lock().map_err(|_| ShellError::Poisoned)?;
        if slot.as_ref().is_some_and(|(t, _)| *t > token) {
            return Ok(false);
        }
        *slot = Some((token, Arc::new(plan)));
        Ok(true)
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

    /// Forgets the held plan (accepted or discarded).
    ///
    /// # Errors
    /// [`ShellError::Poisoned`].
    pub fn clear(&self) -> Result<(), CommandError> {
        *self.slot.lock().map_err(|_| ShellError::Poisoned)? = None;
        Ok(())
    }
}

/// A flag a planning run polls; Cancel sets it. One run at a time per kind
/// of plan: [`CancelFlag::start`] clears it for the new run.
#[derive(Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    /// Clears the flag for a new run and returns the handle it polls.
    pub fn start(&self) -> Arc<AtomicBool> {
        self.0.store(false, Ordering::Release);
        Arc::clone(&self.0)
    }

    /// Asks the running planner to stop at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_run_never_replaces_a_newer_plan_and_tokens_must_match() {
        let held: Held<&str> = Held::default();
        let (a, b) = (held.reserve(), held.reserve());
        assert!(held.put(b, "new").expect("put"));
        assert!(!held.put(a, "old").expect("put"));
        assert_eq!(held.get(b).expect("get").as_deref(), Some(&"new"));
        assert!(held.get(a).expect("get").is_none());
        held.clear().expect("clear");
        assert!(held.get(b).expect("get").is_none());
    }

    #[test]
    fn cancel_sets_the_flag_the_run_polls_and_start_clears_it() {
        let flag = CancelFlag::default();
        let run = flag.start();
        assert!(!run.load(Ordering::Acquire));
        flag.cancel();
        assert!(run.load(Ordering::Acquire));
        assert!(!flag.start().load(Ordering::Acquire));
    }
}
