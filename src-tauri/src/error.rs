//! The error the UI receives from every command: a stable `code` it switches on,
//! a human-readable `message`, and the validation `problems` (JSON paths) of an
//! `invalid` error.

use meridian::{AppError, ErrorCode, Problem};
use serde::Serialize;

/// Failures that belong to the shell, not to the core.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    /// Tauri could not tell where the app's data folder is.
    #[error("{}", meridian::tr!("shell-error-data-dir", reason = _0.to_string()))]
    DataDir(#[source] tauri::Error),
    /// A previous command panicked while it held the database.
    #[error("{}", meridian::tr!("shell-error-poisoned"))]
    Poisoned,
    /// The blocking task running a command did not finish.
    #[error("{}", meridian::tr!("shell-error-task", reason = _0.to_string()))]
    Task(#[source] tauri::Error),
    /// The file dialog gave something that is not a local file.
    #[error("{}", meridian::tr!("shell-error-dialog", reason = _0.as_str()))]
    Dialog(String),
    /// A chosen file could not be read or written.
    #[error("{}: {source}", path.display())]
    File {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A chosen file is far larger than any team file.
    #[error("{}", meridian::tr!("shell-error-too-large", path = path.display().to_string(), bytes = *bytes))]
    TooLarge {
        path: std::path::PathBuf,
        bytes: u64,
    },
    /// An import was confirmed without a file picked for it first.
    #[error("{}", meridian::tr!("shell-error-nothing-picked"))]
    NothingPicked,
    /// A backup was asked for by something other than a plain file name.
    #[error("{}", meridian::tr!("shell-error-backup-name", name = format!("{_0:?}")))]
    BackupName(String),
}

impl ShellError {
    fn code(&self) -> ErrorCode {
        match self {
            ShellError::DataDir(_) | ShellError::Dialog(_) | ShellError::File { .. } => {
                ErrorCode::Io
            }
            ShellError::TooLarge { .. } | ShellError::BackupName(_) => ErrorCode::Invalid,
            ShellError::NothingPicked => ErrorCode::NotFound,
            ShellError::Poisoned | ShellError::Task(_) => ErrorCode::Storage,
        }
    }
}

/// What a failed command returns over IPC.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub problems: Vec<Problem>,
}

/// Every core error keeps its code: `conflict` (an item changed elsewhere
/// since the form opened it) with the core's message naming who changed it,
/// `storage` for a file that cannot be read or written and for a database
/// opened read-only, `invalid` with the problems by path.
impl From<AppError> for CommandError {
    fn from(err: AppError) -> Self {
        CommandError {
            code: err.code(),
            message: err.to_string(),
            problems: err.problems(),
        }
    }
}

impl From<ShellError> for CommandError {
    fn from(err: ShellError) -> Self {
        CommandError {
            code: err.code(),
            message: err.to_string(),
            problems: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use meridian::model::Rep;
    use meridian::Meridian;

    use super::*;

    #[test]
    fn a_stale_revision_is_a_conflict_naming_the_item_and_who_changed_it() {
        let mut cli = Meridian::open_in_memory().unwrap();
        cli.set_source("the command line");
        let created = cli
            .create(Rep::new("kai", "Kai Tanaka", "Europe/Lisbon"))
            .unwrap();
        let opened = created.counter;
        let mut moved = Rep::new("kai", "Kai Tanaka", "Europe/Madrid");
        cli.update(moved.clone(), Some(opened)).unwrap();
        moved.name = "Kai T.".into();
        let err = CommandError::from(cli.update(moved, Some(opened)).unwrap_err());
        assert_eq!(err.code, ErrorCode::Conflict);
        assert!(
            err.message.starts_with("Kai Tanaka was changed elsewhere")
                && err.message.contains("by the command line")
                && err.message.ends_with("reload to see it"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_read_only_database_is_a_storage_error() {
        let err = CommandError::from(AppError::ReadOnly {
            path: PathBuf::from("/data/meridian.db"),
        });
        assert_eq!(err.code, ErrorCode::Storage);
        assert!(err.message.contains("reading only"), "{}", err.message);
    }

    #[test]
    fn a_backup_asked_for_by_path_is_invalid() {
        let err = CommandError::from(ShellError::BackupName("../x.db".into()));
        assert_eq!(err.code, ErrorCode::Invalid);
    }
}
