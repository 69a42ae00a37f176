//! The Fairness screen: one page of the fairness ledger, sorted in Rust.

use meridian::api::screens::{FairnessPage, FairnessQuery, Window};
use tauri::State;

use crate::error::CommandError;
use crate::plans::today;
use crate::state::Db;

/// One page of a team's fairness ledger over the query's period (default:
/// the 13 weeks up to today), sorted by the asked column, with the chart's
/// values for the page's rows.
#[tauri::command]
#[specta::specta]
pub async fn fairness_page(
    db: State<'_, Db>,
    query: FairnessQuery,
    window: Window,
) -> Result<FairnessPage, CommandError> {
    let today = today();
    db.read(move |core| core.fairness(&query, window, today))
        .await
}
