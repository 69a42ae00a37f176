//! The error the UI receives from every command: a stable `code` it switches on,
//! a human-readable `message`, and the validation `problems` (JSON paths) of an
//! `invalid` error.

use meridian::{AppError, ErrorCode, Problem};
use serde::Serialize;

/// Failures that belong to the shell, not to the core.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    /// Tauri could not tell where the app's data folder is.
    #[error("cannot locate the app data folder: {0}")]
    DataDir(#[source] tauri::Error),
    /// A previous command panicked while it held the database.
    #[error("the database is unavailable after an internal error; restart Meridian")]
    Poisoned,
    /// The blocking task running a command did not finish.
    #[error("a background task failed: {0}")]
    Task(#[source] tauri::Error),
    /// The file dialog gave something that is not a local file.
    #[error("the chosen file cannot be used: {0}")]
    Dialog(String),
    /// A chosen file could not be read or written.
    #[error("{}: {source}", path.display())]
    File {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A chosen file is far larger than any team file.
    #[error("{}: {bytes} bytes is too large to import", path.display())]
    TooLarge {
        path: std::path::PathBuf,
        bytes: u64,
    },
    /// An import was confirmed without a file picked for it first.
    #[error("no file is waiting to be imported: choose the file again")]
    NothingPicked,
}

impl ShellError {
    fn code(&self) -> ErrorCode {
        match self {
            ShellError::DataDir(_) | ShellError::Dialog(_) | ShellError::File { .. } => {
                ErrorCode::Io
            }
            ShellError::TooLarge { .. } => ErrorCode::Invalid,
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
