//! Meridian's core: the team model, time zones, storage and planners.
//!
//! The desktop shell (`src-tauri/`), the `meridian` CLI and the tests all call
//! this crate the same way, through [`Meridian`] and the pure functions of its
//! modules. It knows nothing about Tauri.

pub mod allocator;
pub mod api;
pub mod caldav;
pub mod error;
pub mod holidays;
pub mod i18n;
pub mod io;
pub mod model;
pub mod plan;
pub mod recurrence;
pub mod rules;
pub mod store;
pub mod tz;

/// mimalloc instead of the system allocator: validating and loading a big
/// team allocates millions of small strings and nodes, and glibc's malloc
/// spent about a third of that time in its own bookkeeping (measured on a
/// 50,000-rep document).
/// The desktop app tunes it with [`allocator::return_freed_memory_promptly`].
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use api::{About, Changes, ImportSummary, Meridian, StoredTeam};
pub use error::{AppError, ErrorCode, Problem};

/// The desktop app's identifier: its data folder is `$XDG_DATA_HOME/<this>` on
/// Linux, and the CLI's default database lives there too.
pub const APP_IDENTIFIER: &str = "com.meridianplan.desktop";

/// The bundled sample team offered on first start (about 25 reps, 7 zones).
pub const SAMPLE_TEAM: &str = include_str!("sample/sample-team.json");
