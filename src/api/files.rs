//! The facade's whole-team calls: import and export of team documents, the
//! sample team, backups and restore. These are the only writes that replace
//! the whole team, and each takes a backup first.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write::Changes;
use super::{read_text, Meridian};
use crate::error::AppError;
use crate::io::scenario;
use crate::model::Scenario;
use crate::store::{self, backup, backup::BackupInfo};
use crate::SAMPLE_TEAM;

/// Counts of what an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    pub teams: u32,
    pub offices: u32,
    pub reps: u32,
    pub meetings: u32,
    pub tasks: u32,
    pub office_days: u32,
}

impl std::fmt::Display for ImportSummary {
    /// "25 reps, 3 teams, 2 offices, 22 meetings, 40 tasks, 217 office days"
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::tr!(
            "api-import-summary",
            reps = self.reps,
            teams = self.teams,
            offices = self.offices,
            meetings = self.meetings,
            tasks = self.tasks,
            office_days = self.office_days
        ))
    }
}

impl ImportSummary {
    pub(crate) fn of(sc: &Scenario) -> ImportSummary {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        ImportSummary {
            teams: n(sc.teams.len()),
            offices: n(sc.offices.len()),
            reps: n(sc.reps.len()),
            meetings: n(sc.meetings.len()),
            tasks: n(sc.tasks.len()),
            office_days: n(sc.office_days.len()),
        }
    }
}

impl Meridian {
    /// Replaces everything stored with the document in `text`; `source` names
    /// it in error messages. All or nothing, after a backup of what was there.
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem (nothing is changed), or
    /// [`AppError::Storage`].
    pub fn import_document(&mut self, text: &str, source: &str) -> Result<ImportSummary, AppError> {
        let sc = scenario::parse_document(text, source)?;
        self.replace_all(
            &sc,
            &[],
            "import",
            &crate::tr!("api-log-imported", source = source),
        )?;
        Ok(ImportSummary::of(&sc))
    }

    /// What importing the document in `text` would store (counts per list),
    /// without storing anything.
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem with its JSON path.
    pub fn preview_document(&self, text: &str, source: &str) -> Result<ImportSummary, AppError> {
        Ok(ImportSummary::of(&scenario::parse_document(text, source)?))
    }

    /// Reads a document file and imports it (see [`Meridian::import_document`]).
    ///
    /// # Errors
    /// [`AppError::Io`] when the file cannot be read, else as `import_document`.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportSummary, AppError> {
        let text = read_text(path)?;
        self.import_document(&text, &path.display().to_string())
    }

    /// The stored team as a `meridian.scenario/1` document.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn export_document(&self) -> Result<String, AppError> {
        Ok(scenario::to_document(&self.scenario()?))
    }

    /// Replaces everything stored with the bundled sample team (after a
    /// backup of what was there).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn load_sample_team(&mut self) -> Result<Changes, AppError> {
        let sc = scenario::parse_document(SAMPLE_TEAM, "sample team")?;
        self.replace_all(&sc, &[], "sample", &crate::tr!("api-log-sample"))
    }

    /// Writes a snapshot of the database: to `target` (which must not exist),
    /// or into the backups folder beside the database.
    ///
    /// # Errors
    /// [`AppError::Storage`] naming the target; an in-memory database has no
    /// backups folder, so it needs a target.
    pub fn backup(&self, target: Option<&Path>) -> Result<PathBuf, AppError> {
        let target = match (target, &self.path) {
            (Some(t), _) => t.to_path_buf(),
            (None, Some(db)) => backup::new_name(&backup::folder(db), "manual"),
            (None, None) => {
                return Err(AppError::Storage {
                    path: None,
                    source: store::StoreError::Backup {
                        path: PathBuf::new(),
                        detail: crate::tr!("api-backup-in-memory"),
                    },
                })
            }
        };
        backup::write_to(&self.conn, &target)?;
        Ok(target)
    }

    /// The snapshots in the backups folder, newest first.
    ///
    /// # Errors
    /// [`AppError::Storage`] when the folder cannot be read.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, AppError> {
        match &self.path {
            Some(db) => Ok(backup::list(db)?),
            None => Ok(Vec::new()),
        }
    }

    /// Replaces the stored team with the one in a backup file, after
    /// checking it reads as a valid team and taking a snapshot of the
    /// current data. The backup file is only read.
    ///
    /// # Errors
    /// [`AppError::Storage`] when the file is not a Meridian database,
    /// [`AppError::Invalid`] when what it holds breaks a rule.
    pub fn restore(&mut self, file: &Path) -> Result<ImportSummary, AppError> {
        let name = file.display().to_string();
        // A read-only open reads a missing or empty file as an empty team;
        // restoring that would replace the stored team with nothing (a typo
        // in the path must not do that).
        match store::inspect(file).map_err(|e| super::at(e.into(), Some(file)))? {
            store::Found::Missing => {
                return Err(AppError::Io {
                    path: file.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        crate::tr!("api-backup-missing"),
                    ),
                })
            }
            store::Found::Empty => {
                return Err(super::at(
                    store::StoreError::NotMeridian {
                        detail: crate::tr!("api-backup-empty"),
                    }
                    .into(),
                    Some(file),
                ))
            }
            store::Found::Meridian(_) => {}
        }
        let from = store::open_read_only(file).map_err(|e| super::at(e.into(), Some(file)))?;
        let mut sc = store::load_scenario(&from).map_err(|e| super::at(e.into(), Some(file)))?;
        // The backup's task-move history comes back with its team.
        let moves =
            store::task_moves::list_moves(&from).map_err(|e| super::at(e.into(), Some(file)))?;
        drop(from);
        // A backup taken under an older holiday table may have office days
        // on what the bundled table now calls a holiday: they go, as they
        // went from the live database when this table first opened it.
        sc.prune_dependents();
        if let Err(problems) = scenario::validate(&sc) {
            return Err(super::invalid(&name, problems));
        }
        self.replace_all(
            &sc,
            &moves,
            "restore",
            &crate::tr!("api-log-restored", name = name.as_str()),
        )?;
        Ok(ImportSummary::of(&sc))
    }

    /// Backs up what is stored (when there is anything), then replaces it
    /// with `sc`, which the caller has validated, and the task-move history
    /// with `moves` (a restored backup's own; none for a new team).
    fn replace_all(
        &mut self,
        sc: &Scenario,
        moves: &[store::task_moves::TaskMove],
        reason: &str,
        summary: &str,
    ) -> Result<Changes, AppError> {
        let db = self.path.clone();
        Ok(self
            .write(summary, |tx| {
                // Inside the write lock, so the snapshot holds exactly what
                // this write replaces.
                if let Some(db) = &db {
                    if store::counts(tx.conn)?.iter().any(|&n| n > 0) {
                        backup::snapshot(db, reason)?;
                    }
                }
                store::replace_scenario(tx.conn, sc, tx.seq)?;
                for m in moves {
                    store::task_moves::record_move(tx.conn, m)?;
                }
                tx.changes.replaced = true;
                Ok(())
            })?
            .1)
    }
}
