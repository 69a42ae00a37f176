//! Commands that move the team's data in and out of files through native
//! dialogs opened here (the web view never sees a path): iCalendar export
//! and busy-time import, reps CSV import/export and its template, the saved
//! rotation as CSV, and the whole team document. An import is two steps:
//! `open_*` picks the file and returns its preview; `import_*` stores the
//! very bytes previewed, all or nothing.

use chrono::Utc;
use meridian::api::{ReportExport, ReportFormat};
use meridian::io::csv_reps::RepsCsvPreview;
use meridian::io::ics::export::IcsScope;
use meridian::io::ics::import::IcsPreview;
use meridian::{Changes, ImportSummary, Meridian, Problem};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::{CommandError, ShellError};
use crate::files::{self, FileKind, Pending, PendingFile, PendingKind};
use crate::plans::today;
use crate::state::Db;

/// A reps CSV picked for import, with what importing it would do.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RepsCsvPick {
    pub file: String,
    pub preview: RepsCsvPreview,
}

/// A team document picked for import: what it holds, or why it cannot be.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DocumentPick {
    pub file: String,
    pub summary: Option<ImportSummary>,
    pub message: Option<String>,
    pub problems: Vec<Problem>,
}

/// An iCalendar file picked for a rep's busy times, with its preview.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IcsPick {
    pub file: String,
    pub rep: String,
    pub preview: IcsPreview,
}

/// Writes the calendar of a rep or a team as an `.ics` file where the user
/// chooses; `null` when they cancel, else the file's name.
#[tauri::command]
#[specta::specta]
pub async fn export_ics(
    app: AppHandle,
    db: State<'_, Db>,
    scope: IcsScope,
) -> Result<Option<String>, CommandError> {
    let name = Meridian::ics_file_name(&scope);
    let text = db
        .run(move |core| core.export_ics(scope, Utc::now()))
        .await?;
    save(
        &app,
        &meridian::tr!("shell-dialog-export-calendar"),
        &name,
        FileKind::Ics,
        &text,
    )
    .await
}

/// Writes the whole team as a `meridian.scenario/1` document.
#[tauri::command]
#[specta::specta]
pub async fn export_document(
    app: AppHandle,
    db: State<'_, Db>,
) -> Result<Option<String>, CommandError> {
    let text = db.run(|core| core.export_document()).await?;
    save(
        &app,
        &meridian::tr!("shell-dialog-export-team"),
        "meridian-team.json",
        FileKind::Json,
        &text,
    )
    .await
}

/// Writes the reps as CSV in the template's columns.
#[tauri::command]
#[specta::specta]
pub async fn export_reps_csv(
    app: AppHandle,
    db: State<'_, Db>,
) -> Result<Option<String>, CommandError> {
    let text = db.run(|core| core.export_reps_csv()).await?;
    save(
        &app,
        &meridian::tr!("shell-dialog-export-people"),
        "meridian-people.csv",
        FileKind::Csv,
        &text,
    )
    .await
}

/// Writes the reps CSV template (header and two example rows).
#[tauri::command]
#[specta::specta]
pub async fn save_reps_csv_template(app: AppHandle) -> Result<Option<String>, CommandError> {
    let text = Meridian::reps_csv_template();
    save(
        &app,
        &meridian::tr!("shell-dialog-save-template"),
        "meridian-people-template.csv",
        FileKind::Csv,
        &text,
    )
    .await
}

/// Writes the accepted office days as CSV (reps × dates).
#[tauri::command]
#[specta::specta]
pub async fn export_rotation_csv(
    app: AppHandle,
    db: State<'_, Db>,
) -> Result<Option<String>, CommandError> {
    let text = db.run(|core| core.export_rotation_csv()).await?;
    save(
        &app,
        &meridian::tr!("shell-dialog-export-office-days"),
        "meridian-office-days.csv",
        FileKind::Csv,
        &text,
    )
    .await
}

/// Writes a report (desk use, co-presence or compliance) as CSV or JSON;
/// per-person rows only for the lead's team, without names when asked.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    app: AppHandle,
    db: State<'_, Db>,
    request: ReportExport,
) -> Result<Option<String>, CommandError> {
    let (kind, name) = match request.format {
        ReportFormat::Csv => (FileKind::Csv, "csv"),
        ReportFormat::Json => (FileKind::Json, "json"),
    };
    let name = format!("meridian-{}-report.{name}", request.kind.noun());
    let text = db
        .read(move |core| core.export_lead_report(&request, today()))
        .await?;
    save(
        &app,
        &meridian::tr!("shell-dialog-export-report"),
        &name,
        kind,
        &text,
    )
    .await
}

/// Picks a reps CSV and previews it (rows added or updated, every error by
/// row and column); `null` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn open_reps_csv(
    app: AppHandle,
    db: State<'_, Db>,
    pending: State<'_, Pending>,
) -> Result<Option<RepsCsvPick>, CommandError> {
    let Some(path) = files::open_path(
        &app,
        &meridian::tr!("shell-dialog-import-people"),
        FileKind::Csv,
    )
    .await?
    else {
        return Ok(None);
    };
    let bytes = files::read(&path)?;
    let file = files::display_name(&path);
    let for_preview = bytes.clone();
    let preview = db
        .run(move |core| core.preview_reps_csv_bytes(&for_preview))
        .await?;
    pending.put(PendingFile {
        kind: PendingKind::RepsCsv,
        name: file.clone(),
        bytes,
    })?;
    Ok(Some(RepsCsvPick { file, preview }))
}

/// Stores the previewed reps CSV: every row or none.
#[tauri::command]
#[specta::specta]
pub async fn import_reps_csv(
    db: State<'_, Db>,
    pending: State<'_, Pending>,
) -> Result<Changes, CommandError> {
    let file = pending.get(&PendingKind::RepsCsv)?;
    let changes = db
        .run(move |core| core.import_reps_csv_bytes(&file.bytes))
        .await?;
    pending.clear()?;
    Ok(changes)
}

/// Picks a team document and says what it holds or what is wrong with it.
#[tauri::command]
#[specta::specta]
pub async fn open_document(
    app: AppHandle,
    db: State<'_, Db>,
    pending: State<'_, Pending>,
) -> Result<Option<DocumentPick>, CommandError> {
    let Some(path) = files::open_path(
        &app,
        &meridian::tr!("shell-dialog-import-team"),
        FileKind::Json,
    )
    .await?
    else {
        return Ok(None);
    };
    let bytes = files::read(&path)?;
    let file = files::display_name(&path);
    let (text, name) = (String::from_utf8_lossy(&bytes).into_owned(), file.clone());
    let utf8 = std::str::from_utf8(&bytes).is_ok();
    let checked = db
        .run(move |core| Ok(core.preview_document(&text, &name)))
        .await?;
    let pick = match (utf8, checked) {
        (false, _) => DocumentPick {
            file: file.clone(),
            summary: None,
            message: Some(format!("{file}: not UTF-8 text")),
            problems: Vec::new(),
        },
        (true, Ok(summary)) => DocumentPick {
            file: file.clone(),
            summary: Some(summary),
            message: None,
            problems: Vec::new(),
        },
        (true, Err(err)) => DocumentPick {
            file: file.clone(),
            summary: None,
            message: Some(err.to_string()),
            problems: err.problems(),
        },
    };
    if pick.summary.is_some() {
        pending.put(PendingFile {
            kind: PendingKind::Document,
            name: file,
            bytes,
        })?;
    } else {
        pending.clear()?;
    }
    Ok(Some(pick))
}

/// Replaces the stored team with the previewed document (after a backup).
#[tauri::command]
#[specta::specta]
pub async fn import_document(
    db: State<'_, Db>,
    pending: State<'_, Pending>,
) -> Result<ImportSummary, CommandError> {
    let file = pending.get(&PendingKind::Document)?;
    let text = String::from_utf8(file.bytes).map_err(|_| ShellError::NothingPicked)?;
    let summary = db
        .run(move |core| core.import_document(&text, &file.name))
        .await?;
    pending.clear()?;
    Ok(summary)
}

/// Picks an `.ics` file (Google Calendar, Outlook…) and previews its busy
/// times as `rep`'s meetings, with the events that have problems.
#[tauri::command]
#[specta::specta]
pub async fn open_ics_busy(
    app: AppHandle,
    db: State<'_, Db>,
    pending: State<'_, Pending>,
    rep: String,
) -> Result<Option<IcsPick>, CommandError> {
    let Some(path) = files::open_path(
        &app,
        &meridian::tr!("shell-dialog-import-busy"),
        FileKind::Ics,
    )
    .await?
    else {
        return Ok(None);
    };
    let bytes = files::read(&path)?;
    let file = files::display_name(&path);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let who = rep.clone();
    let preview = db
        .run(move |core| core.preview_ics_busy(&who, &text, today()))
        .await?;
    pending.put(PendingFile {
        kind: PendingKind::Ics { rep: rep.clone() },
        name: file.clone(),
        bytes,
    })?;
    Ok(Some(IcsPick { file, rep, preview }))
}

/// Stores the previewed busy times of `rep`, all or nothing; with problems
/// in the file only when `skip_bad` (the user agreed to leave those out).
#[tauri::command]
#[specta::specta]
pub async fn import_ics_busy(
    db: State<'_, Db>,
    pending: State<'_, Pending>,
    rep: String,
    skip_bad: bool,
) -> Result<Changes, CommandError> {
    let file = pending.get(&PendingKind::Ics { rep: rep.clone() })?;
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    let changes = db
        .run(move |core| core.import_ics_busy(&rep, &text, today(), skip_bad))
        .await?;
    pending.clear()?;
    Ok(changes)
}

/// Drops a picked file whose preview the user closed.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(pending: State<'_, Pending>) -> Result<(), CommandError> {
    Ok(pending.clear()?)
}

async fn save(
    app: &AppHandle,
    title: &str,
    name: &str,
    kind: FileKind,
    text: &str,
) -> Result<Option<String>, CommandError> {
    let Some(path) = files::save_path(app, title, name, kind).await? else {
        return Ok(None);
    };
    files::write(&path, text)?;
    Ok(Some(files::display_name(&path)))
}
