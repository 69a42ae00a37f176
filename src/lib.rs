//! Meridian's core: the team model, time zones, storage and planners.
//!
//! The desktop shell (`src-tauri/`), the `meridian` CLI and the tests all call
//! this crate the same way, through [`Meridian`] and the pure functions of its
//! modules. It knows nothing about Tauri.

pub mod api;
pub mod error;
pub mod io;
pub mod model;
pub mod plan;
pub mod recurrence;
pub mod rules;
pub mod store;
pub mod tz;

pub use api::{About, ImportSummary, Meridian};
pub use error::{AppError, ErrorCode, Problem};

/// The desktop app's identifier: its data folder is `$XDG_DATA_HOME/<this>` on
/// Linux, and the CLI's default database lives there too.
pub const APP_IDENTIFIER: &str = "com.meridianplan.desktop";

/// The bundled sample team offered on first start (about 25 reps, 7 zones).
pub const SAMPLE_TEAM: &str = include_str!("sample/sample-team.json");
