//! The item commands (`meridian {reps|teams|offices|meetings|tasks} list |
//! put | remove`) and the backup commands (`backup`, `backups`, `restore`).
//!
//! An item is read and written in the team document's shape, so a `list
//! --json` entry edited by hand (or by a script) goes back with `put`; the
//! `revision` it carries makes that `put` refuse to overwrite a change made
//! since by the app or another command.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use meridian::api::Item;
use meridian::model::{Meeting, Office, Rep, Task, Team};
use meridian::{AppError, Meridian};
use serde::Serialize;

use super::{out, out_json, text};

/// What every kind of item can do on the command line.
#[derive(Subcommand)]
pub enum ItemCommand {
    /// List them as a table, or as JSON in the team document's shape with
    /// each item's `revision`.
    List {
        /// One JSON array on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Create an item or replace the one with its id, from one JSON object in
    /// the team document's shape (missing fields take the document's
    /// defaults). With a `"revision": N` member (as `list --json` gives it)
    /// the write is refused if the item changed since.
    Put {
        /// The JSON file, or `-` for stdin.
        file: PathBuf,
    },
    /// Remove the item with this id and what refers to it (a removed rep
    /// leaves its meetings; its tasks become unassigned).
    Remove {
        id: String,
        /// Refuse if the item changed since this revision.
        #[arg(long, value_name = "N")]
        revision: Option<i64>,
    },
}

/// An item kind's table in `list`.
pub trait Listed: Item {
    const HEADER: &'static [&'static str];
    fn row(&self) -> Vec<String>;
    /// The table's rows; a kind may read fewer columns than its items hold.
    fn rows(m: &Meridian) -> Result<Vec<Vec<String>>, AppError> {
        Ok(m.list::<Self>()?.iter().map(|s| s.item.row()).collect())
    }
}

impl Listed for Rep {
    const HEADER: &'static [&'static str] = &["ID", "NAME", "TEAM", "TIME ZONE", "OFFICE"];
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.team.clone().unwrap_or_else(|| "-".into()),
            self.time_zone.clone(),
            self.office.clone().unwrap_or_else(|| "remote".into()),
        ]
    }
    /// The five columns straight from the table: no hours or skills parsed
    /// (a list of 10,000 people in milliseconds).
    fn rows(m: &Meridian) -> Result<Vec<Vec<String>>, AppError> {
        Ok(m.rep_lines()?
            .into_iter()
            .map(|r| {
                vec![
                    r.id,
                    r.name,
                    r.team.unwrap_or_else(|| "-".into()),
                    r.time_zone,
                    r.office.unwrap_or_else(|| "remote".into()),
                ]
            })
            .collect())
    }
}

impl Listed for Team {
    const HEADER: &'static [&'static str] = &["ID", "NAME", "ANCHOR DAYS"];
    fn row(&self) -> Vec<String> {
        vec![self.id.clone(), self.name.clone(), days(&self.anchor_days)]
    }
}

impl Listed for Office {
    const HEADER: &'static [&'static str] = &["ID", "NAME", "TIME ZONE", "DESKS", "OPEN DAYS"];
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name.clone(),
            self.time_zone.clone(),
            self.desks.to_string(),
            days(&self.open_days),
        ]
    }
}

impl Listed for Meeting {
    const HEADER: &'static [&'static str] = &[
        "ID",
        "TITLE",
        "START",
        "TIME ZONE",
        "MINUTES",
        "REPEATS",
        "ATTENDEES",
    ];
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.title.clone(),
            self.start.to_string(),
            self.time_zone.clone(),
            self.duration_minutes.to_string(),
            self.rrule.clone().unwrap_or_else(|| "-".into()),
            self.attendees.len().to_string(),
        ]
    }
}

impl Listed for Task {
    const HEADER: &'static [&'static str] = &["ID", "TITLE", "HOURS", "DUE", "ASSIGNEE"];
    fn row(&self) -> Vec<String> {
        let assignee = match (&self.assignee, self.pinned) {
            (Some(a), true) => format!("{a} (pinned)"),
            (Some(a), false) => a.clone(),
            (None, _) => "-".into(),
        };
        vec![
            self.id.clone(),
            self.title.clone(),
            self.hours.to_string(),
            self.due.map_or_else(|| "-".into(), |d| d.to_string()),
            assignee,
        ]
    }
}

fn days(d: &[meridian::model::Weekday]) -> String {
    if d.is_empty() {
        return "-".into();
    }
    d.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(",")
}

/// One `list --json` entry: the item as in the document, then its revision.
#[derive(Serialize)]
struct WithRevision<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    revision: i64,
}

/// Runs one item command; `read` and `write` open the database for it.
pub fn run<T: Listed>(
    command: ItemCommand,
    pretty: bool,
    read: impl FnOnce() -> Result<Meridian, AppError>,
    write: impl FnOnce() -> Result<Meridian, AppError>,
) -> Result<(), AppError> {
    match command {
        ItemCommand::List { json } => list::<T>(&read()?, json, pretty),
        ItemCommand::Put { file } => put::<T>(&mut write()?, &file),
        ItemCommand::Remove { id, revision } => {
            let changes = write()?.delete::<T>(&id, revision)?;
            out(&format!(
                "removed {} {id:?} (change {})\n",
                T::NOUN,
                changes.counter
            ))
        }
    }
}

fn list<T: Listed>(m: &Meridian, json: bool, pretty: bool) -> Result<(), AppError> {
    if json {
        let items = m.list::<T>()?;
        let entries: Vec<WithRevision<T>> = items
            .iter()
            .map(|s| WithRevision {
                item: &s.item,
                revision: s.revision,
            })
            .collect();
        return out_json(&entries, pretty);
    }
    let rows = T::rows(m)?;
    let mut table = text::table(T::HEADER, &rows);
    if rows.is_empty() {
        table.push_str(&format!(
            "(no {}: `meridian {} put FILE` adds one, `meridian import FILE` loads a team)\n",
            T::LIST,
            T::LIST
        ));
    }
    out(&table)
}

fn put<T: Listed>(m: &mut Meridian, file: &Path) -> Result<(), AppError> {
    let (text, source) = read_input(file)?;
    let (item, revision) = meridian::io::scenario::parse_item::<T>(&text, &source)?;
    let id = item.id().to_string();
    let existed = m.get::<T>(&id).is_ok();
    let changes = m.put(item, revision).map_err(|e| match e {
        // The facade names the kind ("rep: team: unknown team"); the user
        // knows the file they gave.
        AppError::Invalid(mut err) => {
            err.file = source.clone();
            AppError::Invalid(err)
        }
        other => other,
    })?;
    let what = if existed { "replaced" } else { "created" };
    out(&format!(
        "{what} {} {id:?} (revision {})\n",
        T::NOUN,
        changes.counter
    ))
}

/// The text of FILE, or of stdin for `-`, at most the size of file Meridian
/// reads; and the name to give it in messages.
fn read_input(file: &Path) -> Result<(String, String), AppError> {
    if file.as_os_str() != "-" {
        let text = meridian::api::read_text(file)?;
        return Ok((text, file.display().to_string()));
    }
    let text = meridian::api::read_text_from(std::io::stdin().lock(), Path::new("stdin"))?;
    Ok((text, "stdin".to_string()))
}

/// `meridian backup [FILE]`.
pub fn backup(m: &Meridian, file: Option<&Path>) -> Result<(), AppError> {
    let path = m.backup(file)?;
    out(&format!("backed up to {}\n", path.display()))
}

/// `meridian backups [--json [--pretty]]`.
pub fn backups(m: &Meridian, json: bool, pretty: bool) -> Result<(), AppError> {
    let list = m.backups()?;
    if json {
        return out_json(&list, pretty);
    }
    out(&text::backups(&list))
}

/// `meridian restore FILE`: says what came back and where the data it
/// replaced went.
pub fn restore(m: &mut Meridian, file: &Path) -> Result<(), AppError> {
    let before = m.backups()?;
    let s = m.restore(file)?;
    let mut msg = format!("restored {}: {s}\n", file.display());
    // The facade snapshots the replaced data only when there was any.
    let snapshot = m
        .backups()?
        .into_iter()
        .find(|b| !before.iter().any(|o| o.path == b.path));
    match snapshot {
        Some(b) => msg.push_str(&format!(
            "the data it replaced is in {} (see `meridian backups`)\n",
            b.path
        )),
        None => msg.push_str("there was no data to keep a snapshot of\n"),
    }
    out(&msg)
}
