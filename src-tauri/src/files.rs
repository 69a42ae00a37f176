//! Files at the desktop edge: native open/save dialogs opened from Rust, and
//! the one file picked for import while the user looks at its preview.
//!
//! Invariants:
//! - The web view never sees a file path. A command opens the dialog, reads
//!   or writes the file itself and returns only what the user needs (a file
//!   name, a preview); an import is committed from the bytes kept here, so
//!   the file the user previewed is the file that is stored.
//! - Dialogs run on the blocking pool (they wait for the user), never on the
//!   main thread, which the dialog itself needs.
//! - Test seam (cargo feature `e2e` only, so never in a release build or a
//!   package): when `MERIDIAN_E2E_FILES` names a folder, no dialog is shown:
//!   a save goes to that folder under the suggested name and an open takes
//!   the folder's first file (by name) with a wanted extension. The desktop
//!   end-to-end test uses it; WebDriver cannot drive a native dialog.
//!   `scripts/package` checks that the release binary does not hold it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::{CommandError, ShellError};

/// The biggest file an import reads (the importers have their own, smaller
/// limits; this only keeps a wrong pick from filling memory).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// What kind of file a dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Ics,
    Csv,
    Json,
}

impl FileKind {
    fn filter(self) -> (String, &'static [&'static str]) {
        match self {
            FileKind::Ics => ("iCalendar".into(), &["ics", "ical", "ifb", "icalendar"]),
            FileKind::Csv => ("CSV".into(), &["csv", "txt"]),
            FileKind::Json => (meridian::tr!("shell-filter-team-document"), &["json"]),
        }
    }
}

/// Asks where to save `suggested`; `None` when the user cancels.
pub async fn save_path(
    app: &AppHandle,
    title: &str,
    suggested: &str,
    kind: FileKind,
) -> Result<Option<PathBuf>, CommandError> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = seam::dir() {
        return Ok(Some(dir.join(suggested)));
    }
    ask(app, title, kind, Some(suggested)).await
}

/// Asks which file to open; `None` when the user cancels.
pub async fn open_path(
    app: &AppHandle,
    title: &str,
    kind: FileKind,
) -> Result<Option<PathBuf>, CommandError> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = seam::dir() {
        return Ok(seam::first_with_extension(&dir, kind.filter().1));
    }
    ask(app, title, kind, None).await
}

/// Shows the native dialog over the main window: a save dialog offering
/// `save_as`, or an open dialog without it.
async fn ask(
    app: &AppHandle,
    title: &str,
    kind: FileKind,
    save_as: Option<&str>,
) -> Result<Option<PathBuf>, CommandError> {
    let (name, exts) = kind.filter();
    let mut dialog = app.dialog().file().set_title(title).add_filter(&name, exts);
    if let Some(file_name) = save_as {
        dialog = dialog.set_file_name(file_name);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let saving = save_as.is_some();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        if saving {
            dialog.blocking_save_file()
        } else {
            dialog.blocking_pick_file()
        }
    })
    .await
    .map_err(ShellError::Task)?;
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| ShellError::Dialog(e.to_string()).into())
        })
        .transpose()
}

/// Writes `text` to `path`.
///
/// # Errors
/// [`ShellError::File`] naming the path.
pub fn write(path: &Path, text: &str) -> Result<(), ShellError> {
    std::fs::write(path, text).map_err(|source| ShellError::File {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads at most [`MAX_IMPORT_BYTES`] of `path`.
///
/// # Errors
/// [`ShellError::File`] naming the path, or [`ShellError::TooLarge`].
pub fn read(path: &Path) -> Result<Vec<u8>, ShellError> {
    let file_error = |source| ShellError::File {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(file_error)?.len();
    if len > MAX_IMPORT_BYTES {
        return Err(ShellError::TooLarge {
            path: path.to_path_buf(),
            bytes: len,
        });
    }
    std::fs::read(path).map_err(file_error)
}

/// The last part of `path`, for messages ("saved ana.ics").
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What an import waits on while its preview is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingKind {
    RepsCsv,
    Document,
    /// Busy times for this rep.
    Ics {
        rep: String,
    },
}

#[derive(Debug, Clone)]
pub struct PendingFile {
    pub kind: PendingKind,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The file picked for import, kept between its preview and its commit.
#[derive(Default)]
pub struct Pending(Mutex<Option<PendingFile>>);

impl Pending {
    pub fn put(&self, file: PendingFile) -> Result<(), ShellError> {
        *self.0.lock().map_err(|_| ShellError::Poisoned)? = Some(file);
        Ok(())
    }

    /// The kept file if it is of `kind` (it stays kept: a refused import
    /// can be tried again, e.g. after agreeing to skip bad lines).
    pub fn get(&self, kind: &PendingKind) -> Result<PendingFile, ShellError> {
        let slot = self.0.lock().map_err(|_| ShellError::Poisoned)?;
        match &*slot {
            Some(f) if &f.kind == kind => Ok(f.clone()),
            _ => Err(ShellError::NothingPicked),
        }
    }

    pub fn clear(&self) -> Result<(), ShellError> {
        *self.0.lock().map_err(|_| ShellError::Poisoned)? = None;
        Ok(())
    }
}

/// The desktop e2e test's stand-in for the native dialogs.
#[cfg(feature = "e2e")]
mod seam {
    use std::path::{Path, PathBuf};

    // A release build refuses the seam outright, whatever features it is given.
    #[cfg(not(debug_assertions))]
    compile_error!("the `e2e` feature (MERIDIAN_E2E_FILES) is for debug test builds only");

    /// The folder `MERIDIAN_E2E_FILES` names, if any.
    pub fn dir() -> Option<PathBuf> {
        std::env::var_os("MERIDIAN_E2E_FILES")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }

    /// The first file in `dir` (by name) with one of `exts`.
    pub fn first_with_extension(dir: &Path, exts: &[&str]) -> Option<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
            })
            .collect();
        files.sort();
        files.into_iter().next()
    }

    #[cfg(test)]
    mod tests {
        use super::first_with_extension;
        use crate::files::display_name;

        #[test]
        fn the_e2e_folder_offers_its_first_file_with_a_wanted_extension() {
            let dir = tempfile::tempdir().expect("dir");
            for name in ["b.csv", "a.ics", "c.CSV", "notes.txt.bak"] {
                std::fs::write(dir.path().join(name), "x").expect("write");
            }
            assert_eq!(
                first_with_extension(dir.path(), &["csv"]).map(|p| display_name(&p)),
                Some("b.csv".to_string())
            );
            assert_eq!(first_with_extension(dir.path(), &["json"]), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_file_is_only_given_back_for_its_own_kind() {
        let pending = Pending::default();
        assert!(matches!(
            pending.get(&PendingKind::RepsCsv),
            Err(ShellError::NothingPicked)
        ));
        pending
            .put(PendingFile {
                kind: PendingKind::Ics { rep: "ana".into() },
                name: "cal.ics".into(),
                bytes: b"BEGIN:VCALENDAR".to_vec(),
            })
            .expect("put");
        assert!(pending.get(&PendingKind::Ics { rep: "bo".into() }).is_err());
        assert_eq!(
            pending
                .get(&PendingKind::Ics { rep: "ana".into() })
                .expect("kept")
                .name,
            "cal.ics"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("big.csv");
        let f = std::fs::File::create(&path).expect("create");
        f.set_len(MAX_IMPORT_BYTES + 1).expect("grow");
        assert!(matches!(read(&path), Err(ShellError::TooLarge { .. })));
        assert!(matches!(
            read(&dir.path().join("missing.csv")),
            Err(ShellError::File { .. })
        ));
    }
}
