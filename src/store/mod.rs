//! SQLite storage of one team document.
//!
//! Invariants:
//! - The schema changes only through the numbered migrations in
//!   `store/migrations/`, embedded in the binary and applied in order on open;
//!   a shipped migration is never edited. Before migrating an existing file a
//!   copy is kept beside it (`meridian.db.before-vN`).
//! - Connections run with WAL, `synchronous=FULL`, `foreign_keys=ON` and a busy
//!   timeout; every multi-row write happens in one `IMMEDIATE` transaction.
//! - What is stored is always a document that `io::scenario` accepts: callers
//!   validate before they write ([`crate::Meridian`] does).
//!
//! One module per table: readers take `&Connection`, writers `&Transaction`.

mod json_column;
pub mod meetings;
pub mod office_days;
pub mod offices;
pub mod reps;
pub mod requests;
pub mod settings;
pub mod tasks;
pub mod teams;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::model::{Scenario, FORMAT};

/// The numbered migrations, oldest first; `user_version` counts those applied.
const MIGRATION_SQL: [&str; 1] = [include_str!("migrations/0001_init.sql")];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("cannot back up {path} before migrating: {source}")]
    Backup {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("stored {table} row {id:?} is damaged: {detail}")]
    Corrupt {
        table: &'static str,
        id: String,
        detail: String,
    },
}

/// Opens (creating if needed) a database file and brings its schema up to date.
///
/// # Errors
/// [`StoreError`] when the file cannot be opened, backed up or migrated.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    let existed = path.exists();
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    if existed {
        backup_if_migrating(&conn, path)?;
    }
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// An empty in-memory database with the current schema (the CLI's
/// `--scenario` runs and the tests use it).
///
/// # Errors
/// [`StoreError`] if SQLite cannot start.
pub fn open_in_memory() -> Result<Connection, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // journal_mode answers with a row; in-memory databases answer "memory".
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    Ok(())
}

/// The schema version this build writes.
pub fn latest_version() -> usize {
    MIGRATION_SQL.len()
}

fn backup_if_migrating(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let current = usize::try_from(current).unwrap_or(0);
    if current == 0 || current >= latest_version() {
        return Ok(());
    }
    let mut target = path.as_os_str().to_owned();
    target.push(format!(".before-v{}", latest_version()));
    let target = PathBuf::from(target);
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy().as_ref()])
        .map_err(|e| StoreError::Backup {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
    Ok(())
}

/// Starts the `IMMEDIATE` transaction every write goes through.
///
/// # Errors
/// [`StoreError::Sqlite`] when the database is locked past the busy timeout.
pub fn write(conn: &mut Connection) -> Result<Transaction<'_>, StoreError> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Reads the whole stored document.
///
/// # Errors
/// [`StoreError`] on a database failure or a damaged row.
pub fn load_scenario(conn: &Connection) -> Result<Scenario, StoreError> {
    Ok(Scenario {
        format: FORMAT.to_string(),
        teams: teams::list_teams(conn)?,
        offices: offices::list_offices(conn)?,
        policy: settings::get_policy(conn)?,
        reps: reps::list_reps(conn)?,
        meetings: meetings::list_meetings(conn)?,
        office_days: office_days::list_office_days(conn)?,
        tasks: tasks::list_tasks(conn)?,
        requests: requests::get_requests(conn)?,
    })
}

/// Replaces everything stored with `sc`, inside the caller's transaction.
///
/// # Errors
/// [`StoreError::Sqlite`]; the caller's transaction then rolls back whole.
pub fn replace_scenario(tx: &Transaction, sc: &Scenario) -> Result<(), StoreError> {
    // Children first, so foreign keys never see a dangling row.
    tx.execute_batch(
        "DELETE FROM requests; DELETE FROM office_days; DELETE FROM tasks;
         DELETE FROM meeting_attendees; DELETE FROM meetings; DELETE FROM rep_time_off;
         DELETE FROM reps; DELETE FROM offices; DELETE FROM teams;",
    )?;
    settings::set_policy(tx, &sc.policy)?;
    for t in &sc.teams {
        teams::insert_team(tx, t)?;
    }
    for o in &sc.offices {
        offices::insert_office(tx, o)?;
    }
    for r in &sc.reps {
        reps::insert_rep(tx, r)?;
    }
    for m in &sc.meetings {
        meetings::insert_meeting(tx, m)?;
    }
    for t in &sc.tasks {
        tasks::insert_task(tx, t)?;
    }
    for d in &sc.office_days {
        office_days::insert_office_day(tx, d)?;
    }
    requests::set_requests(tx, &sc.requests)?;
    Ok(())
}
