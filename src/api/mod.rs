//! [`Meridian`]: the one facade over a team database that the CLI, the desktop
//! shell and the tests call.
//!
//! Invariants:
//! - Every write is one `IMMEDIATE` transaction ([`write`]) that reads what it
//!   changes inside it, checks the rules the change can break, writes only the
//!   rows that change and returns [`Changes`]; a refused write changes nothing.
//!   A whole-team rewrite is for imports and restores only, after a backup.
//! - Reads run on one snapshot and load what they answer; a stored team is
//!   never re-validated to answer a question.
//! - A facade opened read-only ([`Meridian::open_read_only`]) never writes.
//!
//! Areas: [`items`] (create / update / put / delete of the five kinds),
//! `people` (policy, change polling), `meetings`, `rotation`, `workload`,
//! `files` (documents, backups, restore), `csv`, `ics`.

pub mod calendars;
mod csv;
mod files;
mod holiday_release;
mod ics;
pub mod items;
mod meetings;
mod people;
pub mod reports;
mod rotation;
pub mod screens;
pub mod undo;
pub mod what_if;
mod workload;
pub mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Problem};
use crate::io::scenario::ScenarioError;
use crate::model::Scenario;
use crate::store::{self, Revisions};
use crate::{tz, APP_IDENTIFIER};

pub use files::ImportSummary;
pub use items::Item;
pub use meetings::NewBooking;
pub use people::ExternalChanges;
pub use reports::{ReportExport, ReportFormat, ReportKind, ReportQuery};
pub use rotation::RotationRun;
pub use undo::{UndoState, UndoStep};
pub use what_if::WhatIf;
pub use write::{verify_writes, Changes, RepDate};

/// Who made a change and when, as messages name them: `app at 2026-12-05 09:14:02 UTC`.
pub(crate) fn by_author(a: &store::changes::Author) -> String {
    // The log stores the writer's English name ("the app", "the command
    // line"); the catalogue names the known ones in the reader's language.
    crate::tr!(
        "api-by-author",
        source = a.source.replace(' ', "-"),
        at = a.at.replace('T', " ").replace('Z', " UTC")
    )
}

/// What the app says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct About {
    pub version: String,
    /// The IANA zone data release in use, e.g. `2026f`.
    pub tzdata: String,
    /// The python-holidays release the bundled public holidays come from.
    pub holidays: String,
    /// The database file; `None` for an in-memory database.
    pub db_path: Option<String>,
}

/// The whole stored team with every item's revision and the change counter,
/// read from one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoredTeam {
    pub scenario: Scenario,
    pub revisions: Revisions,
    pub counter: i64,
}

/// An open team database.
pub struct Meridian {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    /// Who writes through this facade, for the change log ("the app").
    source: String,
    /// The change counter this facade has seen (its own writes and polls).
    seen: i64,
}

impl Meridian {
    fn with(
        conn: Connection,
        path: Option<PathBuf>,
        read_only: bool,
    ) -> Result<Meridian, AppError> {
        let seen = store::changes::counter(&conn).map_err(|e| at(e.into(), path.as_deref()))?;
        Ok(Meridian {
            conn,
            path,
            read_only,
            source: "Meridian".to_string(),
            seen,
        })
    }

    /// Opens (or creates) the database at `path` for reading and writing,
    /// creating its folder and applying pending migrations (after a backup).
    ///
    /// # Errors
    /// [`AppError::Io`] when the folder cannot be made, [`AppError::Storage`]
    /// naming the file when it is not a Meridian database, comes from a newer
    /// Meridian, or SQLite cannot open or migrate it.
    pub fn open(path: &Path) -> Result<Meridian, AppError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| AppError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = store::open(path).map_err(|e| at(e.into(), Some(path)))?;
        let mut m = Meridian::with(conn, Some(path.to_path_buf()), false)?;
        m.settle_holidays().map_err(|e| at(e, Some(path)))?;
        Ok(m)
    }

    /// Opens the database at `path` for reading only: nothing is created,
    /// migrated or written (a missing file reads as an empty team).
    ///
    /// # Errors
    /// [`AppError::Storage`] naming the file, as for [`Meridian::open`].
    pub fn open_read_only(path: &Path) -> Result<Meridian, AppError> {
        let conn = store::open_read_only(path).map_err(|e| at(e.into(), Some(path)))?;
        Meridian::with(conn, Some(path.to_path_buf()), true)
    }

    /// A fresh database in memory (nothing is written anywhere).
    ///
    /// # Errors
    /// [`AppError::Storage`] if SQLite cannot start.
    pub fn open_in_memory() -> Result<Meridian, AppError> {
        Meridian::with(store::open_in_memory()?, None, false)
    }

    /// Names who writes through this facade in the change log and in conflict
    /// messages ("the app", "the command line").
    pub fn set_source(&mut self, source: &str) {
        self.source = source.to_string();
    }

    /// The desktop app's database: `$XDG_DATA_HOME/<APP_IDENTIFIER>/meridian.db`
    /// on Linux (the folder Tauri's `app_data_dir` names), the platform's
    /// equivalent elsewhere.
    ///
    /// # Errors
    /// [`AppError::NoDataDir`] when the user has no home or data folder.
    pub fn default_db_path() -> Result<PathBuf, AppError> {
        let dirs = directories::BaseDirs::new().ok_or(AppError::NoDataDir)?;
        Ok(dirs.data_dir().join(APP_IDENTIFIER).join("meridian.db"))
    }

    pub fn about(&self) -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            tzdata: tz::tzdata_version().to_string(),
            holidays: crate::holidays::data_version().to_string(),
            db_path: self.path.as_ref().map(|p| p.display().to_string()),
        }
    }

    /// The database file, if not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The whole stored team document, from one snapshot.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn scenario(&self) -> Result<Scenario, AppError> {
        self.read(|c| Ok(store::load_scenario(c)?))
    }

    /// The whole stored team with revisions and the change counter.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn team(&self) -> Result<StoredTeam, AppError> {
        self.read(|c| {
            let (scenario, revisions, counter) = store::load_stored(c)?;
            Ok(StoredTeam {
                scenario,
                revisions,
                counter,
            })
        })
    }

    /// The database's change counter (the last committed write's number).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn counter(&self) -> Result<i64, AppError> {
        self.read(|c| Ok(store::changes::counter(c)?))
    }

    /// Runs reads on one snapshot; storage errors name the file.
    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        store::snapshot(&self.conn, f).map_err(|e| self.locate(e))
    }

    /// Adds the database file to a storage error that does not name it.
    fn locate(&self, e: AppError) -> AppError {
        at(e, self.path.as_deref())
    }

    fn writable(&self) -> Result<(), AppError> {
        if self.read_only {
            return Err(AppError::ReadOnly {
                path: self.path.clone().unwrap_or_default(),
            });
        }
        Ok(())
    }
}

fn at(e: AppError, path: Option<&Path>) -> AppError {
    match e {
        AppError::Storage { path: None, source } => AppError::Storage {
            path: path.map(Path::to_path_buf),
            source,
        },
        other => other,
    }
}

pub(crate) fn invalid(file: &str, problems: Vec<Problem>) -> AppError {
    AppError::Invalid(ScenarioError {
        file: file.to_string(),
        problems,
    })
}

/// Reads a UTF-8 text file of at most [`crate::rules::MAX_FILE_BYTES`].
///
/// # Errors
/// [`AppError::Io`] naming the path: unreadable, too large or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, AppError> {
    let file = std::fs::File::open(path).map_err(|source| AppError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_text_from(file, path)
}

/// Reads a file of at most [`crate::rules::MAX_FILE_BYTES`], without
/// reading more than that of a larger one.
///
/// # Errors
/// [`AppError::Io`] naming the path.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, AppError> {
    let file = std::fs::File::open(path).map_err(|source| AppError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_capped(file, path)
}

/// UTF-8 text from any reader (a file, standard input), at most
/// [`crate::rules::MAX_FILE_BYTES`]; `name` is what errors call it.
///
/// # Errors
/// [`AppError::Io`] naming `name`: unreadable, too large or not UTF-8.
pub fn read_text_from(reader: impl std::io::Read, name: &Path) -> Result<String, AppError> {
    let bytes = read_capped(reader, name)?;
    String::from_utf8(bytes).map_err(|e| AppError::Io {
        path: name.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            crate::tr!("api-not-utf8", error = e.to_string()),
        ),
    })
}

fn read_capped(reader: impl std::io::Read, name: &Path) -> Result<Vec<u8>, AppError> {
    use std::io::Read;
    let io = |source| AppError::Io {
        path: name.to_path_buf(),
        source,
    };
    let limit = crate::rules::MAX_FILE_BYTES as u64;
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            crate::tr!("api-file-too-large", mib = limit / (1024 * 1024)),
        )));
    }
    Ok(bytes)
}
