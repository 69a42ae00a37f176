//! `meridian report fairness`: the fairness ledger of a team (or of every
//! rep) over a period, as a table, one JSON document or CSV.

use std::path::{Path, PathBuf};

use meridian::io::csv_cells::write_row;
use meridian::plan::ledger::{self, LedgerRow};
use meridian::AppError;
use serde::Serialize;

use super::{load_scenario_file, out, out_json, parse_cli_date, read_db, text};

#[derive(clap::Args)]
pub struct FairnessArgs {
    /// Read this team document instead of the database (it has no task-move
    /// history: moves count 0; --from and --to are then required).
    #[arg(long, value_name = "FILE", requires_all = ["from", "to"])]
    scenario: Option<PathBuf>,
    /// First local date (YYYY-MM-DD; default: 90 days before --to).
    #[arg(long)]
    from: Option<String>,
    /// Last local date (default: today).
    #[arg(long)]
    to: Option<String>,
    /// Only this team's reps (default: every rep).
    #[arg(long, value_name = "ID")]
    team: Option<String>,
    /// One JSON document on stdout.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout, one row per rep.
    #[arg(long)]
    csv: bool,
}

/// The JSON document: the period, the team and one row per rep.
#[derive(Serialize)]
struct Report<'a> {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    team: Option<&'a str>,
    reps: &'a [LedgerRow],
}

const COLUMNS: [&str; 15] = [
    "rep",
    "name",
    "meetings",
    "stretch_minutes",
    "outside_minutes",
    "early",
    "late",
    "on_days_off",
    "preferred_asked",
    "preferred_granted",
    "moved_to",
    "moved_from",
    "overloaded_weeks",
    "weeks",
    "period",
];

pub fn run(db: Option<&Path>, a: FairnessArgs, pretty: bool) -> Result<(), AppError> {
    let to = match &a.to {
        Some(t) => parse_cli_date("--to", t)?,
        None => chrono::Local::now().date_naive(),
    };
    let from = match &a.from {
        Some(f) => parse_cli_date("--from", f)?,
        None => ledger::default_period(to).0,
    };
    let m = match &a.scenario {
        Some(file) => load_scenario_file(file)?,
        None => read_db(db)?,
    };
    let rows = m.fairness_ledger(from, to, a.team.as_deref())?;
    if a.json {
        return out_json(
            &Report {
                from,
                to,
                team: a.team.as_deref(),
                reps: &rows,
            },
            pretty,
        );
    }
    let period = format!("{from}..{to}");
    let cells = |r: &LedgerRow| -> Vec<String> {
        vec![
            r.rep.clone(),
            r.name.clone(),
            r.meetings.to_string(),
            r.stretch_minutes.to_string(),
            r.outside_minutes.to_string(),
            r.early.to_string(),
            r.late.to_string(),
            r.on_days_off.to_string(),
            r.preferred_asked.to_string(),
            r.preferred_granted.to_string(),
            r.moved_to.to_string(),
            r.moved_from.to_string(),
            r.overloaded_weeks.to_string(),
            r.weeks.to_string(),
            period.clone(),
        ]
    };
    if a.csv {
        let mut csv = String::new();
        write_row(&mut csv, &COLUMNS, ',');
        for r in &rows {
            write_row(&mut csv, &cells(r), ',');
        }
        return out(&csv);
    }
    let header = [
        "Rep",
        "Meetings",
        "Stretch min",
        "Outside min",
        "Early",
        "Late",
        "Days off",
        "Preferred",
        "Moved to",
        "Moved from",
        "Overloaded wks",
    ];
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.meetings.to_string(),
                r.stretch_minutes.to_string(),
                r.outside_minutes.to_string(),
                r.early.to_string(),
                r.late.to_string(),
                r.on_days_off.to_string(),
                format!("{}/{}", r.preferred_granted, r.preferred_asked),
                r.moved_to.to_string(),
                r.moved_from.to_string(),
                format!("{}/{}", r.overloaded_weeks, r.weeks),
            ]
        })
        .collect();
    out(&format!(
        "fairness {from} to {to}\n{}",
        text::table(&header, &table)
    ))
}
