//! Noticing other writers: a background thread asks the core every second
//! what other processes (the command line, a script) committed to the
//! database and tells the page with a [`DbChanged`] event, so the screens
//! show the change without a restart. On the same tick it keeps the Workload
//! screen's figures ready on a reader
//! ([`crate::commands::workload::keep_figures_ready`]), and starts the
//! calendar publishes due for a retry after an outage
//! ([`crate::commands::calendars::retry_due`]).
//!
//! Invariant: the app's own writes are never reported (the core's change
//! counter moves with them), and a poll that fails is retried on the next
//! tick: the watcher never stops while the app runs.

use std::time::Duration;

use meridian::api::ExternalChanges;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

use crate::commands::workload::WorkloadPlans;
use crate::state::Db;

/// How often the database is asked for other writers' changes.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// Another process changed the team: what it touched (`items` is `null` when
/// there was too much to list; then everything is reloaded).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct DbChanged(pub ExternalChanges);

/// Starts the watcher thread for the app's database.
pub fn start(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("meridian-db-watch".into())
        .spawn(move || loop {
            std::thread::sleep(POLL_EVERY);
            let db = app.state::<Db>();
            match tauri::async_runtime::block_on(db.run(|core| core.poll_changes())) {
                Ok(Some(changes)) => {
                    if let Err(err) = DbChanged(changes).emit(&app) {
                        eprintln!("meridian: cannot tell the window about a change: {err}");
                    }
                }
                Ok(None) => {}
                // The open error is shown by the page's own commands.
                Err(_) => {}
            }
            let keeper = app.state::<WorkloadPlans>().keeper();
            let ready =
                db.read(move |core| crate::commands::workload::keep_figures_ready(core, &keeper));
            // A failed reading is tried again on the next tick.
            let _ = tauri::async_runtime::block_on(ready);
            crate::commands::calendars::retry_due(&app);
        });
    if let Err(err) = spawned {
        eprintln!("meridian: changes made elsewhere will not show until a restart: {err}");
    }
}
