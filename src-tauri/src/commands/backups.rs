//! Commands of the Backups screen: the snapshots beside the database, a new
//! one on demand, and restoring one. The page only ever sees and sends a
//! backup's file *name*; Rust resolves it inside the backups folder.

use meridian::store::backup::{BackupCounts, BackupInfo};
use meridian::ImportSummary;
use serde::Serialize;
use tauri::State;

use crate::error::{CommandError, ShellError};
use crate::state::Db;

/// One snapshot as the page shows it (no path).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Backup {
    /// The file name inside the backups folder: what `restore_backup` takes.
    pub file: String,
    /// When it was written, UTC (RFC 3339).
    pub created: String,
    pub bytes: u64,
    /// Taken by Meridian before an import, a restore or a migration.
    pub automatic: bool,
    /// What it holds; `None` when it cannot be read (see `problem`).
    pub counts: Option<BackupCounts>,
    pub problem: Option<String>,
}

impl From<BackupInfo> for Backup {
    fn from(b: BackupInfo) -> Backup {
        Backup {
            file: b.file,
            created: b.created,
            bytes: b.bytes,
            automatic: b.automatic,
            counts: b.counts,
            problem: b.problem,
        }
    }
}

/// The snapshots in the backups folder, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_backups(db: State<'_, Db>) -> Result<Vec<Backup>, CommandError> {
    let list = db.run(|core| core.backups()).await?;
    Ok(list.into_iter().map(Backup::from).collect())
}

/// Writes a snapshot of the team into the backups folder; returns its file name.
#[tauri::command]
#[specta::specta]
pub async fn create_backup(db: State<'_, Db>) -> Result<String, CommandError> {
    let path = db.run(|core| core.backup(None)).await?;
    Ok(crate::files::display_name(&path))
}

/// Replaces the team with the backup named `file` (a name from
/// `list_backups`, never a path), after a snapshot of the current data.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    db: State<'_, Db>,
    file: String,
) -> Result<ImportSummary, CommandError> {
    check_name(&file)?;
    db.run(move |core| {
        let found = core.backups()?.into_iter().find(|b| b.file == file);
        match found {
            Some(b) => core.restore(std::path::Path::new(&b.path)),
            None => Err(meridian::AppError::NotFound {
                kind: "backup",
                id: file,
            }),
        }
    })
    .await
}

/// A backup is named by its file name alone: no separators, no `..`.
fn check_name(file: &str) -> Result<(), ShellError> {
    let bad = file.is_empty() || file.contains(['/', '\\']) || file.contains("..");
    if bad {
        return Err(ShellError::BackupName(file.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_name;

    #[test]
    fn a_backup_is_named_by_a_plain_file_name_only() {
        for ok in ["meridian-20261204T190211Z-manual.db", "a.db"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "../meridian.db",
            "..",
            "/etc/passwd",
            "backups/a.db",
            "a\\b.db",
            "x..db",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
