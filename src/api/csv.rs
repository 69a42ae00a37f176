//! The facade's CSV calls: the reps template, preview and import of a reps
//! file, and the exports of reps and of the saved rotation.
//!
//! Invariant: an import is all or nothing. Inside one write it reads the
//! stored team, merges the file's rows into it, checks the merged team by the
//! document's rules, and stores the reps that are new or changed; a file with
//! any error changes nothing.

use std::path::Path;

use super::write::Changes;
use super::Item;
use super::Meridian;
use crate::error::AppError;
use crate::io::csv_cells;
use crate::io::csv_reps::{self, RepsCsvPreview};
use crate::io::csv_rotation;
use crate::io::scenario::ScenarioError;
use crate::model::Rep;
use crate::store;

/// The file name errors of a reps CSV given as text are reported under.
const REPS_CSV: &str = "reps CSV";

impl Meridian {
    /// The reps CSV template: the header and two example rows showing each
    /// column's syntax.
    pub fn reps_csv_template() -> String {
        csv_reps::template()
    }

    /// What importing `text` as a reps CSV would do, storing nothing: each
    /// row (added, updated, unchanged or invalid) and every error placed by
    /// row and column, including the document rules checked on the merged team.
    ///
    /// # Errors
    /// [`AppError::Storage`] when the stored team cannot be read; problems
    /// with the file are in the preview's `errors`, not here.
    ///
    /// # Example
    /// ```
    /// let mut m = meridian::Meridian::open_in_memory().unwrap();
    /// let p = m.preview_reps_csv("id,time_zone\nzoe,Mars/Base\n").unwrap();
    /// assert_eq!(p.errors[0].to_string(), "row 2, column time_zone: unknown time zone \"Mars/Base\" (use an IANA name like Europe/London)");
    /// ```
    pub fn preview_reps_csv(&self, text: &str) -> Result<RepsCsvPreview, AppError> {
        Ok(csv_reps::preview(&self.scenario()?, text).0)
    }

    /// [`Meridian::preview_reps_csv`] of a file's bytes (UTF-8, with or
    /// without a byte-order mark); bytes that are not UTF-8 give a preview
    /// with that one error.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn preview_reps_csv_bytes(&self, bytes: &[u8]) -> Result<RepsCsvPreview, AppError> {
        match csv_cells::decode(bytes) {
            Ok(text) => self.preview_reps_csv(text),
            Err(problem) => Ok(RepsCsvPreview::unreadable(problem)),
        }
    }

    /// Imports a reps CSV: rows with a stored id update that rep (the
    /// columns present replace its values), new ids are added, reps not in
    /// the file are kept. All or nothing.
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem, with paths like
    /// `row 3, column time_zone` (nothing is stored), or [`AppError::Storage`].
    pub fn import_reps_csv(&mut self, text: &str) -> Result<Changes, AppError> {
        self.import_reps_csv_as(text, REPS_CSV)
    }

    /// [`Meridian::import_reps_csv`] of a file's bytes.
    ///
    /// # Errors
    /// As `import_reps_csv`; bytes that are not UTF-8 are
    /// [`AppError::Invalid`] naming the byte offset and line.
    pub fn import_reps_csv_bytes(&mut self, bytes: &[u8]) -> Result<Changes, AppError> {
        let text = decode(bytes, REPS_CSV)?;
        self.import_reps_csv_as(text, REPS_CSV)
    }

    /// Reads and imports a reps CSV file (see [`Meridian::import_reps_csv`]);
    /// errors name the file.
    ///
    /// # Errors
    /// [`AppError::Io`] when the file cannot be read, else as `import_reps_csv_bytes`.
    pub fn import_reps_csv_file(&mut self, path: &Path) -> Result<Changes, AppError> {
        let bytes = read_bytes(path)?;
        let name = path.display().to_string();
        let text = decode(&bytes, &name)?;
        self.import_reps_csv_as(text, &name)
    }

    /// Previews a reps CSV file (see [`Meridian::preview_reps_csv_bytes`]).
    ///
    /// # Errors
    /// [`AppError::Io`] when the file cannot be read, [`AppError::Storage`].
    pub fn preview_reps_csv_file(&self, path: &Path) -> Result<RepsCsvPreview, AppError> {
        self.preview_reps_csv_bytes(&read_bytes(path)?)
    }

    fn import_reps_csv_as(&mut self, text: &str, file: &str) -> Result<Changes, AppError> {
        let summary = crate::tr!("api-log-imported-reps", file = file);
        Ok(self
            .write(&summary, |tx| {
                let stored = store::load_scenario(tx.conn)?;
                let (preview, merged) = csv_reps::preview(&stored, text);
                let Some(merged) = merged else {
                    return Err(AppError::Invalid(preview.to_error(file)));
                };
                let before: std::collections::HashMap<&str, &Rep> =
                    stored.reps.iter().map(|r| (r.id.as_str(), r)).collect();
                for rep in &merged.reps {
                    let old = before.get(rep.id.as_str()).copied();
                    if old != Some(rep) {
                        Rep::store(tx, rep, old)?;
                    }
                }
                Ok(())
            })?
            .1)
    }

    /// The stored reps as CSV, in the template's columns (importing it back
    /// changes nothing).
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn export_reps_csv(&self) -> Result<String, AppError> {
        Ok(csv_reps::export(&self.scenario()?.reps))
    }

    /// The saved rotation (accepted office days) as a reps × dates CSV grid.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn export_rotation_csv(&self) -> Result<String, AppError> {
        Ok(csv_rotation::export(&self.scenario()?))
    }
}

fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, AppError> {
    csv_cells::decode(bytes).map_err(|p| {
        AppError::Invalid(ScenarioError {
            file: file.to_string(),
            problems: vec![crate::error::Problem {
                path: p.place(),
                message: p.message,
            }],
        })
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, AppError> {
    super::read_bytes(path)
}
