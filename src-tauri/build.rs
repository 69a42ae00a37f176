//! Build script: generates the Tauri context and the ACL manifest for the app's
//! own commands (one `allow-<command>` permission each, see capabilities/).

/// Every command the app exposes; must match `collect_commands!` in `src/lib.rs`
/// (a command missing here is rejected by the ACL at runtime).
const COMMANDS: &[&str] = &[
    "about",
    "load_team",
    "zone_names",
    "load_sample_team",
    "create_rep",
    "update_rep",
    "delete_rep",
    "create_team",
    "update_team",
    "delete_team",
    "create_office",
    "update_office",
    "delete_office",
    "update_policy",
    "suggest_meeting",
    "book_meeting",
    "delete_meeting",
    "plan_rotation",
    "set_rotation_window",
    "set_rotation_lock",
    "accept_rotation",
    "create_task",
    "update_task",
    "delete_task",
    "plan_balance",
    "set_balance_window",
    "apply_balance",
    "calendar_view",
    "export_ics",
    "export_document",
    "export_reps_csv",
    "save_reps_csv_template",
    "export_rotation_csv",
    "open_reps_csv",
    "import_reps_csv",
    "open_document",
    "import_document",
    "open_ics_busy",
    "import_ics_busy",
    "cancel_import",
    "list_backups",
    "create_backup",
    "restore_backup",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
