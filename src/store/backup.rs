//! Snapshots of a database file, taken with SQLite's online backup API (so
//! what the write-ahead log holds is included, and other connections may go
//! on reading and writing), kept in a `backups` folder beside the database.
//!
//! Invariants: a snapshot is written to a new file (never over an existing
//! one); automatic snapshots (before an import, a restore or a migration)
//! are named `meridian-<UTC time>-<reason>.db` and only the newest
//! [`KEEP_AUTOMATIC`] of them are kept; snapshots the user asks for are never
//! deleted by Meridian.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::StoreError;

/// How many automatic snapshots are kept.
pub const KEEP_AUTOMATIC: usize = 10;

/// Where the snapshots of the database at `db` live.
pub fn folder(db: &Path) -> PathBuf {
    match db.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// Writes a snapshot of `conn` to `target`, which must not exist yet.
///
/// # Errors
/// [`StoreError::Backup`] naming the target.
pub fn write_to(conn: &Connection, target: &Path) -> Result<(), StoreError> {
    let fail = |detail: String| StoreError::Backup {
        path: target.to_path_buf(),
        detail,
    };
    if target.exists() {
        return Err(fail(crate::tr!("store-backup-exists")));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    }
    let mut dst = Connection::open(target).map_err(|e| fail(e.to_string()))?;
    // A source busy past the busy timeout fails the backup instead of
    // spinning: run_to_completion would retry Busy/Locked for ever.
    let run = rusqlite::backup::Backup::new(conn, &mut dst).and_then(|b| {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            match b.step(1024)? {
                rusqlite::backup::StepResult::Done => return Ok(()),
                rusqlite::backup::StepResult::More => {}
                _ if std::time::Instant::now() > deadline => {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        Some(crate::tr!("store-backup-stayed-busy")),
                    ))
                }
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    if let Err(e) = run {
        drop(dst);
        let _ = std::fs::remove_file(target);
        return Err(fail(e.to_string()));
    }
    // The copy is a plain rollback-journal file: one file, safe to move.
    dst.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    })
    .map_err(|e| fail(e.to_string()))?;
    Ok(())
}

/// Takes an automatic snapshot of the database at `db` into its backups
/// folder, then keeps only the newest [`KEEP_AUTOMATIC`] automatic ones.
///
/// The snapshot is read through a connection of its own: a connection that
/// is inside a write cannot be the source of a backup (SQLite answers
/// `SQLITE_LOCKED`), and a separate reader sees exactly the last committed
/// state, which is what a write holding the write lock is about to replace.
///
/// # Errors
/// [`StoreError::Backup`].
pub fn snapshot(db: &Path, reason: &str) -> Result<PathBuf, StoreError> {
    let target = new_name(&folder(db), reason);
    let source = super::connect_read_only(db).map_err(|e| StoreError::Backup {
        path: target.clone(),
        detail: crate::tr!(
            "store-backup-cannot-read",
            path = db.display().to_string(),
            error = e.to_string()
        ),
    })?;
    write_to(&source, &target)?;
    prune(&folder(db))?;
    Ok(target)
}

/// A new file name in `dir` for a snapshot taken now for `reason`.
pub fn new_name(dir: &Path, reason: &str) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!("meridian-{stamp}-{reason}");
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

fn is_automatic(name: &str) -> bool {
    name.starts_with("meridian-")
        && name.ends_with(".db")
        && ["-before-", "-import", "-restore", "-sample"]
            .iter()
            .any(|r| name.contains(r))
}

fn prune(dir: &Path) -> Result<(), StoreError> {
    let mut auto: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_automatic(n))
            .collect(),
        Err(_) => return Ok(()),
    };
    // Names start with the UTC time, so name order is age order.
    auto.sort();
    let excess = auto.len().saturating_sub(KEEP_AUTOMATIC);
    for name in &auto[..excess] {
        std::fs::remove_file(dir.join(name)).map_err(|e| StoreError::Backup {
            path: dir.join(name),
            detail: crate::tr!("store-backup-cannot-prune", error = e.to_string()),
        })?;
    }
    Ok(())
}

/// One snapshot, as the backups list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupInfo {
    /// The file name inside the backups folder.
    pub file: String,
    /// The whole path (for the command line; the app shows `file`).
    pub path: String,
    /// When it was written, UTC (RFC 3339).
    pub created: String,
    pub bytes: u64,
    /// Taken by Meridian before an import, restore or migration.
    pub automatic: bool,
    /// What it holds; `None` when it cannot be read (see `problem`).
    pub counts: Option<BackupCounts>,
    /// Why it cannot be read, if so.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupCounts {
    pub teams: u32,
    pub offices: u32,
    pub reps: u32,
    pub meetings: u32,
    pub tasks: u32,
}

/// The snapshots in the backups folder of the database at `db`, newest first.
///
/// # Errors
/// [`StoreError::Backup`] when the folder exists but cannot be read.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = folder(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Backup {
                path: dir,
                detail: e.to_string(),
            })
        }
    };
    let mut out = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !name.ends_with(".db") {
            continue;
        }
        let meta = entry.metadata().ok();
        let created = meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .map(|t| {
                chrono::DateTime::<chrono::Utc>::from(t)
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            })
            .unwrap_or_default();
        let path = entry.path();
        let (counts, problem) = match read_counts(&path) {
            Ok(c) => (Some(c), None),
            Err(e) => (None, Some(e)),
        };
        out.push(BackupInfo {
            counts,
            problem,
            file: name.clone(),
            path: path.display().to_string(),
            created,
            bytes: meta.map(|m| m.len()).unwrap_or(0),
            automatic: is_automatic(&name),
        });
    }
    out.sort_by(|a, b| (&b.created, &b.file).cmp(&(&a.created, &a.file)));
    Ok(out)
}

fn read_counts(path: &Path) -> Result<BackupCounts, String> {
    let conn = super::open_read_only(path).map_err(|e| e.to_string())?;
    let [teams, offices, reps, meetings, tasks] =
        super::counts(&conn).map_err(|e| e.to_string())?;
    Ok(BackupCounts {
        teams,
        offices,
        reps,
        meetings,
        tasks,
    })
}
