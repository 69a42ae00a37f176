//! SQLite storage of one team, item by item.
//!
//! Invariants:
//! - The schema changes only through the numbered migrations in
//!   `store/migrations/`, embedded in the binary and applied in order, in one
//!   transaction, when a file is opened for writing; a shipped migration is
//!   never edited. Before an existing file is migrated a snapshot is kept in
//!   its backups folder ([`backup`]).
//! - Opening for reading ([`open_read_only`]) never writes: no migration, no
//!   pragma that changes the file. A file that is not a Meridian database, or
//!   one from a newer Meridian, is refused untouched ([`inspect`]).
//! - Writable connections run with WAL, `synchronous=FULL`,
//!   `foreign_keys=ON` and a busy timeout; every write is one `IMMEDIATE`
//!   transaction ([`write`]) that reads what it changes inside it.
//! - Every item row carries its revision: the change counter of the write
//!   that last changed it ([`changes`]).
//! - What is stored is always a document that `io::scenario` accepts: callers
//!   check what they write ([`crate::Meridian`] does).
//!
//! One module per table: readers and writers take `&Connection` (a
//! `Transaction` derefs to one).

pub mod backup;
pub mod calendars;
pub mod changes;
mod json_column;
pub mod meetings;
pub mod office_days;
pub mod offices;
pub mod reps;
pub mod requests;
pub mod settings;
pub mod task_moves;
pub mod tasks;
pub mod teams;
pub mod undo;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::{Deserialize, Serialize};

use crate::model::{Scenario, FORMAT};

/// The numbered migrations, oldest first; `user_version` counts those applied.
const MIGRATION_SQL: [&str; 7] = [
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_revisions_and_changes.sql"),
    include_str!("migrations/0003_calendars.sql"),
    include_str!("migrations/0004_holidays.sql"),
    include_str!("migrations/0005_travel.sql"),
    include_str!("migrations/0006_task_moves.sql"),
    include_str!("migrations/0007_undo.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", crate::tr!("store-migration-failed", error = _0.to_string()))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", crate::tr!("store-not-meridian", detail = detail.as_str()))]
    NotMeridian { detail: String },
    #[error("{}", crate::tr!("store-newer", found = found.to_string(), supported = supported.to_string()))]
    Newer { found: i64, supported: usize },
    #[error("{}", crate::tr!("store-backup-failed", path = path.display().to_string(), detail = detail.as_str()))]
    Backup { path: PathBuf, detail: String },
    /// `detail` is technical (the column and the value that failed to read).
    #[error("{}", crate::tr!("store-corrupt", table = *table, id = format!("{id:?}"), detail = detail.as_str()))]
    Corrupt {
        table: &'static str,
        id: String,
        detail: String,
    },
}

fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => crate::tr!("store-sqlite-busy"),
        Some(C::ReadOnly) => crate::tr!("store-sqlite-read-only"),
        Some(C::CannotOpen) => crate::tr!("store-sqlite-cannot-open"),
        Some(C::NotADatabase) => crate::tr!("store-sqlite-not-a-database"),
        Some(C::DatabaseCorrupt) => crate::tr!("store-sqlite-corrupt"),
        Some(C::DiskFull) => crate::tr!("store-sqlite-disk-full"),
        _ => crate::tr!("store-sqlite-other", error = e.to_string()),
    }
}

/// An item as stored, with its revision (the change counter of the write
/// that last changed it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Stored<T> {
    pub item: T,
    pub revision: i64,
}

/// The revision of every stored item, by kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Revisions {
    pub teams: BTreeMap<String, i64>,
    pub offices: BTreeMap<String, i64>,
    pub reps: BTreeMap<String, i64>,
    pub meetings: BTreeMap<String, i64>,
    pub tasks: BTreeMap<String, i64>,
}

fn read_revisions(
    conn: &Connection,
    table: &str,
    out: &mut BTreeMap<String, i64>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT id, revision FROM {table}"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (id, rev) = row?;
        out.insert(id, rev);
    }
    Ok(())
}

/// What is at a path, judged without changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No file.
    Missing,
    /// An empty file, or an SQLite database with no tables: a new database.
    Empty,
    /// A Meridian database at this schema version.
    Meridian(usize),
}

/// Looks at the file at `path` read-only and says what it is.
///
/// # Errors
/// [`StoreError::NotMeridian`] for a file that is not an SQLite database or
/// holds tables of something else, [`StoreError::Newer`] for a newer schema.
pub fn inspect(path: &Path) -> Result<Found, StoreError> {
    let mut header = [0u8; 16];
    let n = match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => {
            return Err(StoreError::NotMeridian {
                detail: crate::tr!("store-unreadable", error = e.to_string()),
            })
        }
        Ok(mut f) => read_prefix(&mut f, &mut header),
    };
    if n == 0 {
        return Ok(Found::Empty);
    }
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(StoreError::NotMeridian {
            detail: crate::tr!("store-not-sqlite"),
        });
    }
    let conn = connect_read_only(path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    if version == 0 && tables.is_empty() {
        return Ok(Found::Empty);
    }
    if version > latest_version() as i64 {
        return Err(StoreError::Newer {
            found: version,
            supported: latest_version(),
        });
    }
    let ours = ["reps", "settings", "teams", "offices", "tasks"];
    if version <= 0 || !ours.iter().all(|t| tables.iter().any(|x| x == t)) {
        let mut shown: Vec<&str> = tables.iter().map(String::as_str).take(5).collect();
        if tables.len() > 5 {
            shown.push("…");
        }
        return Err(StoreError::NotMeridian {
            detail: crate::tr!("store-other-tables", tables = shown.join(", ")),
        });
    }
    Ok(Found::Meridian(version as usize))
}

fn read_prefix(f: &mut std::fs::File, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

/// A connection that cannot write. A file on read-only media, or whose
/// folder the user cannot write (no `-shm` can be made), is read as immutable.
fn connect_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) =>
        {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            Ok(conn)
        }
        Err(e) => Err(e.into()),
    }
}

fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

/// Opens a database file for reading and writing, creating it if needed and
/// bringing its schema up to date (with a backup first when an existing file
/// is migrated).
///
/// # Errors
/// [`StoreError`]: a foreign or newer file (left untouched), or SQLite's.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    let found = inspect(path)?;
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    if let Found::Meridian(v) = found {
        if v < latest_version() {
            backup::snapshot(path, &format!("before-v{}", latest_version()))?;
        }
    }
    migrate(&mut conn, &MIGRATIONS)?;
    Ok(conn)
}

/// Applies `migrations` in one transaction: all of them or none.
pub(crate) fn migrate(conn: &mut Connection, migrations: &Migrations) -> Result<(), StoreError> {
    migrations.to_latest(conn)?;
    Ok(())
}

/// Opens a database file for reading only: nothing is written, created or
/// migrated. A missing or empty file reads as an empty team; a file from an
/// older Meridian is read through a migrated copy in memory.
///
/// # Errors
/// [`StoreError`]: a foreign or newer file, or SQLite's.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    match inspect(path)? {
        Found::Missing | Found::Empty => open_in_memory(),
        Found::Meridian(v) if v == latest_version() => connect_read_only(path),
        Found::Meridian(_) => {
            let src = connect_read_only(path)?;
            let mut mem = Connection::open_in_memory()?;
            {
                let backup = rusqlite::backup::Backup::new(&src, &mut mem)?;
                backup.run_to_completion(1024, Duration::ZERO, None)?;
            }
            mem.execute_batch("PRAGMA foreign_keys = ON;")?;
            migrate(&mut mem, &MIGRATIONS)?;
            Ok(mem)
        }
    }
}

/// An empty in-memory database with the current schema (the CLI's
/// `--scenario` runs and the tests use it).
///
/// # Errors
/// [`StoreError`] if SQLite cannot start.
pub fn open_in_memory() -> Result<Connection, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn, &MIGRATIONS)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode answers with a row; in-memory databases answer "memory".
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// The schema version this build writes.
pub fn latest_version() -> usize {
    MIGRATION_SQL.len()
}

/// Starts the `IMMEDIATE` transaction every write goes through: it holds the
/// write lock from its first statement, so what it reads stays true until it
/// commits.
///
/// # Errors
/// [`StoreError::Sqlite`] when the database is locked past the busy timeout.
pub fn write(conn: &mut Connection) -> Result<Transaction<'_>, StoreError> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Reads the whole stored document in one read transaction (one snapshot).
///
/// # Errors
/// [`StoreError`] on a database failure or a damaged row.
pub fn load_scenario(conn: &Connection) -> Result<Scenario, StoreError> {
    snapshot(conn, |c| load_team(c, None))
}

/// The whole document with every item's revision and the change counter,
/// from one snapshot.
///
/// # Errors
/// [`StoreError`] on a database failure or a damaged row.
pub fn load_stored(conn: &Connection) -> Result<(Scenario, Revisions, i64), StoreError> {
    snapshot(conn, |c| {
        let mut revs = Revisions::default();
        let sc = load_team(c, Some(&mut revs))?;
        Ok((sc, revs, changes::counter(c)?))
    })
}

fn load_team(c: &Connection, mut revs: Option<&mut Revisions>) -> Result<Scenario, StoreError> {
    fn split<T>(
        items: Vec<Stored<T>>,
        map: Option<&mut BTreeMap<String, i64>>,
        id: impl Fn(&T) -> &str,
    ) -> Vec<T> {
        match map {
            Some(m) => items
                .into_iter()
                .map(|s| {
                    m.insert(id(&s.item).to_string(), s.revision);
                    s.item
                })
                .collect(),
            None => items.into_iter().map(|s| s.item).collect(),
        }
    }
    let teams = split(
        teams::list_teams(c)?,
        revs.as_deref_mut().map(|r| &mut r.teams),
        |t| &t.id,
    );
    let offices = split(
        offices::list_offices(c)?,
        revs.as_deref_mut().map(|r| &mut r.offices),
        |o| &o.id,
    );
    let reps = split(
        reps::list_reps(c)?,
        revs.as_deref_mut().map(|r| &mut r.reps),
        |r| &r.id,
    );
    let meetings = split(
        meetings::list_meetings(c)?,
        revs.as_deref_mut().map(|r| &mut r.meetings),
        |m| &m.id,
    );
    let tasks = split(tasks::list_tasks(c)?, revs.map(|r| &mut r.tasks), |t| &t.id);
    Ok(Scenario {
        format: FORMAT.to_string(),
        teams,
        offices,
        policy: settings::get_policy(c)?,
        reps,
        meetings,
        office_days: office_days::list_office_days(c)?,
        tasks,
        requests: requests::get_requests(c)?,
    })
}

/// The part of the team that questions about `reps` need: those reps (and,
/// with `co_attendees`, everyone who shares a meeting with them), the
/// meetings they attend, their office days and tasks, and every team,
/// office, the policy and the requests. Items keep document order.
///
/// # Errors
/// [`StoreError`] on a database failure or a damaged row.
pub fn load_for_reps(
    conn: &Connection,
    reps: &[String],
    co_attendees: bool,
) -> Result<Scenario, StoreError> {
    snapshot(conn, |c| {
        let mut meeting_rows: BTreeMap<i64, String> = BTreeMap::new();
        {
            let mut stmt = c.prepare_cached(
                "SELECT m.rowid, m.id FROM meetings m JOIN meeting_attendees a ON a.meeting = m.id
                 WHERE a.rep = ?1",
            )?;
            for id in reps {
                let rows =
                    stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
                for row in rows {
                    let (rowid, mid) = row?;
                    meeting_rows.insert(rowid, mid);
                }
            }
        }
        let mut meetings_out = Vec::with_capacity(meeting_rows.len());
        for mid in meeting_rows.values() {
            if let Some(m) = meetings::get_meeting(c, mid)? {
                meetings_out.push(m.item);
            }
        }
        let mut people: std::collections::HashSet<&str> = reps.iter().map(String::as_str).collect();
        if co_attendees {
            for m in &meetings_out {
                people.extend(m.attendees.iter().map(String::as_str));
            }
        }
        let mut rep_rows: BTreeMap<i64, String> = BTreeMap::new();
        {
            let mut stmt = c.prepare_cached("SELECT rowid FROM reps WHERE id = ?1")?;
            for id in &people {
                let mut rows = stmt.query([id])?;
                if let Some(r) = rows.next()? {
                    rep_rows.insert(r.get(0)?, (*id).to_string());
                }
            }
        }
        let mut reps_out = Vec::with_capacity(rep_rows.len());
        let mut days = Vec::new();
        let mut tasks_out: BTreeMap<i64, crate::model::Task> = BTreeMap::new();
        let mut task_rowid = c.prepare_cached("SELECT rowid FROM tasks WHERE id = ?1")?;
        for id in rep_rows.values() {
            if let Some(r) = reps::get_rep(c, id)? {
                reps_out.push(r.item);
            }
            days.extend(office_days::office_days_of(c, id)?);
            for t in tasks::tasks_of(c, id)? {
                let rowid: i64 = task_rowid.query_row([&t.item.id], |r| r.get(0))?;
                tasks_out.insert(rowid, t.item);
            }
        }
        days.sort_by(|a, b| (a.date, &a.rep).cmp(&(b.date, &b.rep)));
        Ok(Scenario {
            format: FORMAT.to_string(),
            teams: teams::list_teams(c)?.into_iter().map(|s| s.item).collect(),
            offices: offices::list_offices(c)?
                .into_iter()
                .map(|s| s.item)
                .collect(),
            policy: settings::get_policy(c)?,
            reps: reps_out,
            meetings: meetings_out,
            office_days: days,
            tasks: tasks_out.into_values().collect(),
            requests: requests::get_requests(c)?,
        })
    })
}

/// Runs several reads on one snapshot: inside the caller's transaction when
/// there is one, else in a read transaction of their own.
///
/// # Errors
/// [`StoreError`] from `f` or SQLite.
pub fn snapshot<T, E: From<StoreError>>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T, E>,
) -> Result<T, E> {
    if !conn.is_autocommit() {
        return f(conn);
    }
    conn.execute_batch("BEGIN DEFERRED")
        .map_err(|e| E::from(e.into()))?;
    let out = f(conn);
    // A read transaction has nothing to keep; ending it cannot lose data.
    let end = conn.execute_batch("COMMIT");
    let out = out?;
    end.map_err(|e| E::from(e.into()))?;
    Ok(out)
}

/// Replaces everything stored with `sc`, inside the caller's transaction,
/// every item at revision `revision`. For imports and restores only: other
/// writes go item by item. The undo history goes with the team it undid.
///
/// # Errors
/// [`StoreError::Sqlite`]; the caller's transaction then rolls back whole.
pub fn replace_scenario(tx: &Connection, sc: &Scenario, revision: i64) -> Result<(), StoreError> {
    // Children first, so foreign keys never see a dangling row.
    tx.execute_batch(
        "DELETE FROM requests; DELETE FROM office_days; DELETE FROM tasks;
         DELETE FROM meeting_attendees; DELETE FROM meetings; DELETE FROM rep_time_off;
         DELETE FROM rep_travel; DELETE FROM task_moves;
         DELETE FROM reps; DELETE FROM offices; DELETE FROM teams;
         DELETE FROM undo_entries;",
    )?;
    settings::set_policy(tx, &sc.policy)?;
    for t in &sc.teams {
        teams::upsert_team(tx, t, revision)?;
    }
    for o in &sc.offices {
        offices::upsert_office(tx, o, revision)?;
    }
    for r in &sc.reps {
        reps::upsert_rep(tx, r, revision)?;
    }
    for m in &sc.meetings {
        meetings::upsert_meeting(tx, m, revision)?;
    }
    for t in &sc.tasks {
        tasks::upsert_task(tx, t, revision)?;
    }
    for d in &sc.office_days {
        office_days::insert_office_day(tx, d)?;
    }
    requests::set_requests(tx, &sc.requests)?;
    // The lead's team survives a replacement only when the new team has it.
    if let Some(lead) = settings::lead_team(tx)? {
        if !sc.teams.iter().any(|t| t.id == lead) {
            settings::set_lead_team(tx, None)?;
        }
    }
    Ok(())
}

/// Counts of what a database holds (for listing backups).
///
/// # Errors
/// [`StoreError::Sqlite`].
pub fn counts(conn: &Connection) -> Result<[u32; 5], StoreError> {
    let mut out = [0u32; 5];
    for (i, table) in ["teams", "offices", "reps", "meetings", "tasks"]
        .iter()
        .enumerate()
    {
        let n: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
        out[i] = u32::try_from(n).unwrap_or(u32::MAX);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_read_in_the_thread_s_language() {
        use crate::i18n::{with_language, Lang};
        let newer = StoreError::Newer {
            found: 9,
            supported: 7,
        };
        assert_eq!(
            newer.to_string(),
            "was made by a newer Meridian (schema 9); this version reads up to 7: update Meridian to open it"
        );
        assert_eq!(
            with_language(Lang::De, || newer.to_string()),
            "wurde mit einem neueren Meridian erstellt (Schema 9); diese Version liest bis Schema 7: aktualisieren Sie Meridian, um sie zu öffnen"
        );
        let busy = StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ));
        assert_eq!(
            with_language(Lang::De, || busy.to_string()),
            "Die Datenbank ist belegt: ein anderes Meridian (die App oder die Befehlszeile) schreibt gerade; versuchen Sie es erneut"
        );
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("x.db");
        std::fs::write(&path, b"hello, this is not SQLite at all").expect("write");
        let e = with_language(Lang::De, || inspect(&path)).expect_err("not ours");
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            "ist keine Meridian-Datenbank (sie ist keine SQLite-Datenbank); sie wurde nicht verändert: wählen Sie mit --db eine andere Datei oder verschieben Sie diese"
        );
        let conn = Connection::open_in_memory().expect("open");
        let e = with_language(Lang::De, || backup::write_to(&conn, &path)).expect_err("exists");
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            format!(
                "Die Sicherung {} kann nicht geschrieben werden: Eine Datei mit diesem Namen existiert bereits: wählen Sie einen neuen Namen",
                path.display()
            )
        );
    }

    #[test]
    fn a_failing_migration_leaves_the_database_as_it_was() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("m.db");
        let mut conn = Connection::open(&path).expect("open");
        let v1 = Migrations::new(vec![M::up(MIGRATION_SQL[0])]);
        migrate(&mut conn, &v1).expect("v1");
        conn.execute(
            "INSERT INTO teams (id, name, anchor_days) VALUES ('emea', 'EMEA', '[]')",
            [],
        )
        .expect("row");
        let broken = Migrations::new(vec![
            M::up(MIGRATION_SQL[0]),
            M::up("ALTER TABLE teams ADD COLUMN extra TEXT; SELECT no_such_function();"),
        ]);
        assert!(migrate(&mut conn, &broken).is_err());
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, 1);
        let columns: i64 = conn
            .query_row("SELECT COUNT(*) FROM pragma_table_info('teams')", [], |r| {
                r.get(0)
            })
            .expect("columns");
        assert_eq!(columns, 3, "the half-applied step was rolled back");
        let teams: i64 = conn
            .query_row("SELECT COUNT(*) FROM teams", [], |r| r.get(0))
            .expect("rows");
        assert_eq!(teams, 1);
    }
}
