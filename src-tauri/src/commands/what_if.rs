//! Commands of the board's "Try a policy" panel: plan the team as it is and
//! with the lead's changes side by side, page through the comparison, and
//! adopt the changes.
//!
//! A what-if stays in the shell ([`WhatIfs`]): the web view gets its view
//! (figures and the first pages) and token, asks for other pages by token,
//! and adopts by token, so Adopt stores exactly the changes it compared.

use std::sync::atomic::AtomicBool;

use meridian::api::screens::{WhatIfView, Window};
use meridian::api::WhatIf;
use meridian::io::what_if::PolicyChanges;
use meridian::Changes;
use tauri::State;

use crate::error::CommandError;
use crate::plans::{blocking, gone, today, Held};
use crate::state::Db;

/// The held what-if (the newest one the panel computed).
#[derive(Default)]
pub struct WhatIfs {
    pub held: Held<WhatIf>,
}

/// Plans the stored team and the team with `changes` over the changes'
/// weeks (default: the stored ones) with the stored locks, off the UI
/// thread on a reader, never re-planning days before today. Stores nothing;
/// the answer shows the pages `offices` and `reps` asked for. Bad changes
/// are `invalid` with paths in the changes (`offices[0].desks`).
#[tauri::command]
#[specta::specta]
pub async fn what_if_policy(
    db: State<'_, Db>,
    what_ifs: State<'_, WhatIfs>,
    changes: PolicyChanges,
    offices: Window,
    reps: Window,
) -> Result<WhatIfView, CommandError> {
    let token = what_ifs.held.reserve();
    let never = AtomicBool::new(false);
    let tried = db
        .read(move |core| core.what_if_from(&changes, Some(today()), &never))
        .await?;
    let view = tried.view(token, Some(offices), Some(reps));
    what_ifs.held.put(token, tried)?;
    Ok(view)
}

/// The held what-if `token` with other pages of offices and reps; `null`
/// when it is no longer held.
#[tauri::command]
#[specta::specta]
pub async fn what_if_page(
    what_ifs: State<'_, WhatIfs>,
    token: u32,
    offices: Window,
    reps: Window,
) -> Result<Option<WhatIfView>, CommandError> {
    let held = what_ifs.held.get(u64::from(token))?;
    blocking(move || Ok(held.map(|w| w.view(u64::from(token), Some(offices), Some(reps))))).await
}

/// Stores the held what-if `token`'s changes as the team's policy,
/// offices, teams and reps in one write after a backup, then forgets it.
/// Refused (`conflict`) when the team changed since it was computed.
#[tauri::command]
#[specta::specta]
pub async fn adopt_what_if(
    db: State<'_, Db>,
    what_ifs: State<'_, WhatIfs>,
    token: u32,
) -> Result<Changes, CommandError> {
    let held = what_ifs.held.get(u64::from(token))?.ok_or_else(gone)?;
    let changes = db
        .run(move |core| core.adopt_what_if(&held.changes, Some(held.counter)))
        .await?;
    let forgotten = what_ifs.held.clear_if(u64::from(token))?;
    blocking(move || {
        drop(forgotten);
        Ok(changes)
    })
    .await
}
