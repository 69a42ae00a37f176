//! Meridian's desktop shell: a Tauri window around the `meridian` core.
//!
//! This crate owns only the IPC edge: it opens the database once at start-up,
//! exposes thin commands (see [`commands`]) and turns core errors into
//! [`error::CommandError`]. All planning, validation and storage live in the
//! core, which knows nothing about Tauri.
//!
//! The TypeScript gateway `ui/src/lib/api/bindings.ts` is generated from
//! [`specta_builder`]; `cargo test -p meridian-app` fails when it is stale and
//! `UPDATE_BINDINGS=1 cargo test -p meridian-app bindings` rewrites it.

pub mod commands;
pub mod error;
pub mod files;
pub mod plans;
pub mod secrets;
pub mod shutdown;
pub mod state;
pub mod watch;

use std::path::Path;

use tauri::Manager;
use tauri_specta::{collect_commands, collect_events, Builder};

use meridian::Meridian;

use crate::error::ShellError;
use crate::state::Db;

/// The registry of commands, shared by the running app and the bindings export.
pub fn specta_builder() -> Builder<tauri::Wry> {
    use commands::{
        app, backups, calendar, calendars, fairness, files, meetings, offices, people, reports,
        rotation, screens, teams, undo, what_if, workload,
    };
    // One TypeScript type per Rust type (not `_Serialize`/`_Deserialize` pairs):
    // the UI sends back what it received.
    // Revisions and change counters (i64) and backup sizes (u64) are exported
    // as `number`: they are SQLite row counters and file sizes, far below
    // 2^53, so JSON carries them exactly.
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .dangerously_cast_bigints_to_number()
        .commands(collect_commands![
            app::about,
            app::set_language,
            app::zone_names,
            app::search_regions,
            app::region_preview,
            app::load_sample_team,
            app::update_policy,
            screens::directory,
            screens::people_page,
            screens::team_members,
            screens::find_time_window,
            screens::get_rep,
            screens::free_id,
            people::create_rep,
            people::update_rep,
            people::delete_rep,
            teams::create_team,
            teams::update_team,
            teams::delete_team,
            offices::create_office,
            offices::update_office,
            offices::delete_office,
            meetings::suggest_meeting,
            meetings::book_meeting,
            meetings::delete_meeting,
            meetings::meetings_page,
            meetings::meeting_form,
            meetings::update_meeting,
            rotation::plan_rotation,
            rotation::set_rotation_window,
            rotation::set_rotation_lock,
            rotation::accept_rotation,
            rotation::rotation_board,
            rotation::rotation_explanation,
            rotation::cancel_planning,
            rotation::discard_rotation,
            what_if::what_if_policy,
            what_if::what_if_page,
            what_if::adopt_what_if,
            workload::workload_settings,
            workload::workload_page,
            workload::workload_tasks,
            workload::get_task,
            workload::create_task,
            workload::update_task,
            workload::delete_task,
            workload::plan_balance,
            workload::cancel_balance,
            workload::balance_changes,
            workload::discard_balance,
            workload::set_balance_window,
            workload::apply_balance,
            reports::desk_report,
            reports::team_report,
            reports::people_report,
            reports::set_lead_team,
            calendar::calendar_view,
            calendar::team_week,
            calendar::my_week,
            files::export_ics,
            files::export_document,
            files::export_reps_csv,
            files::save_reps_csv_template,
            files::export_rotation_csv,
            files::export_report,
            files::open_reps_csv,
            files::import_reps_csv,
            files::open_document,
            files::import_document,
            files::open_ics_busy,
            files::import_ics_busy,
            files::cancel_import,
            backups::list_backups,
            backups::create_backup,
            backups::restore_backup,
            calendars::publish_targets,
            calendars::set_publish_target,
            calendars::remove_publish_target,
            calendars::publish_team,
            calendars::cancel_publish,
            calendars::resolve_publish_conflict,
            calendars::follow_calendar,
            calendars::refresh_followed,
            calendars::unfollow_calendar,
            calendars::followed_calendars,
            calendars::followed_reps,
            calendars::followed_week,
            fairness::fairness_page,
            undo::undo_state,
            undo::undo,
            undo::redo,
        ])
        .events(collect_events![
            watch::DbChanged,
            calendars::PublishActivity
        ])
        // The team document's shape: no command sends the whole team any
        // more, but the UI's tests build their fixtures in it.
        .typ::<meridian::model::Scenario>()
}

/// The header of the generated bindings file.
const BINDINGS_HEADER: &str =
    "// Generated by tauri-specta from src-tauri (crate meridian-app). Do not edit.\n\
// Regenerate: UPDATE_BINDINGS=1 cargo test -p meridian-app bindings\n";

/// Writes the TypeScript bindings for every command and type to `path`.
///
/// # Errors
/// When a type cannot be expressed in TypeScript or the file cannot be written.
pub fn export_bindings(path: &Path) -> Result<(), specta_typescript::Error> {
    specta_builder().export(
        specta_typescript::Typescript::default().header(BINDINGS_HEADER),
        path,
    )
}

/// Starts the desktop app; the process exits when its window is closed or
/// it is asked to stop (see [`shutdown`]).
pub fn run() {
    meridian::allocator::return_freed_memory_promptly();
    software_rendering_unless_asked();
    // First: Tauri opens the window (and WebKit its helpers) before `setup`.
    let stop_signals = shutdown::catch();
    let builder = specta_builder();
    // The dialog plugin is used from Rust only: no capability grants its
    // JavaScript commands, so the page can neither open dialogs nor see paths.
    // First plugin, so a second launch on the same data hands over and
    // exits before it opens anything.
    let result = tauri::Builder::default()
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id(Meridian::default_db_path().ok().as_deref()))
                .callback(|app, _args, _cwd| focus_main_window(app))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .manage(files::Pending::default())
        .manage(commands::rotation::RotationPlans::default())
        .manage(commands::what_if::WhatIfs::default())
        .manage(commands::workload::WorkloadPlans::default())
        .manage(commands::calendars::Publishing::default())
        .manage(secrets::Secrets::from_env())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let data_dir = app.path().app_data_dir().map_err(ShellError::DataDir);
            app.manage(Db::open_in(data_dir));
            watch::start(app.handle().clone());
            stop_signals.attach(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        // Never returns: the process exits when the event loop ends.
        Ok(app) => app.run(shutdown::on_run_event),
        Err(err) => {
            eprintln!("meridian: the app stopped with an error: {err}");
            std::process::exit(1);
        }
    }
}

/// The D-Bus name that makes the app single-instance: one running app per
/// database, so two data folders (two users' test runs) never collide.
fn instance_id(db: Option<&Path>) -> String {
    // FNV-1a: stable across builds and Rust versions, unlike `DefaultHasher`.
    let bytes = db
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = bytes.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}.db{hash:016x}", meridian::APP_IDENTIFIER)
}

/// Brings the running app's window to the front (a second launch asked for it).
fn focus_main_window(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// WebKitGTK draws the page without GPU compositing unless the user asked
/// otherwise (`WEBKIT_DISABLE_COMPOSITING_MODE=0` brings it back). Our pages
/// are rows and grids with no 3-D or video, and compositing cost the web
/// process ~100–180 MiB more at every team size, with slower first rows on
/// the board (bench-ui at 5,000 reps: 560–610 MiB with it, ~400 without).
/// Set before Tauri starts any thread or WebKit process, which read it.
fn software_rendering_unless_asked() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux") && std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn committed_bindings() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings.ts")
    }

    use super::*;

    #[test]
    fn one_app_runs_per_database_under_a_valid_d_bus_name() {
        let a = instance_id(Some(Path::new("/home/a/.local/share/x/meridian.db")));
        let b = instance_id(Some(Path::new("/tmp/test/x/meridian.db")));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id(Some(Path::new("/home/a/.local/share/x/meridian.db")))
        );
        for id in [a, b, instance_id(None)] {
            // D-Bus: elements of [A-Za-z0-9_-], none starting with a digit.
            assert!(
                id.split('.').all(|e| !e.is_empty()
                    && !e.starts_with(|c: char| c.is_ascii_digit())
                    && e.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')),
                "{id}"
            );
        }
    }

    /// The drift check CI relies on: the committed gateway is what Rust generates.
    #[test]
    fn committed_bindings_match_the_rust_commands() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        export_bindings(&fresh).expect("bindings export");
        let fresh = std::fs::read_to_string(&fresh).unwrap();
        let path = committed_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
            eprintln!("wrote {}", path.display());
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p meridian-app bindings` and commit it",
            path.display()
        );
    }

    /// A command the page may call must be granted: listed in build.rs (its
    /// `allow-` permission is generated) and in the main window's capability.
    /// A command missing there fails only at run time, in the real app.
    #[test]
    fn every_command_in_the_bindings_is_granted_to_the_window() {
        let bindings = std::fs::read_to_string(committed_bindings()).expect("bindings.ts");
        let build = include_str!("../build.rs");
        let capability = include_str!("../capabilities/default.json");
        let mut missing = Vec::new();
        // `__TAURI_INVOKE("name"` or, for commands that return nothing,
        // `__TAURI_INVOKE<void>("name"`.
        for part in bindings.split("__TAURI_INVOKE").skip(1) {
            if !part.starts_with('(') && !part.starts_with('<') {
                continue; // the import line
            }
            let Some(name) = part.split('"').nth(1) else {
                continue;
            };
            if !build.contains(&format!("\"{name}\"")) {
                missing.push(format!("{name} (build.rs COMMANDS)"));
            }
            let allow = format!("\"allow-{}\"", name.replace('_', "-"));
            if !capability.contains(&allow) {
                missing.push(format!("{name} (capabilities/default.json {allow})"));
            }
        }
        assert!(missing.is_empty(), "commands not granted: {missing:?}");
    }

    #[test]
    fn compositing_is_off_unless_the_user_chose() {
        const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
        std::env::set_var(VAR, "0");
        super::software_rendering_unless_asked();
        assert_eq!(
            std::env::var(VAR).ok().as_deref(),
            Some("0"),
            "the user's choice is kept"
        );
        std::env::remove_var(VAR);
        super::software_rendering_unless_asked();
        assert_eq!(std::env::var(VAR).ok().as_deref(), Some("1"));
    }
}
