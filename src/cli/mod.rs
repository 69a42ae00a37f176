//! The `meridian` command line: argument parsing (clap) and output, over the
//! same [`meridian::Meridian`] facade the desktop app calls.
//!
//! Exit codes: 0 success, 1 invalid input or a failed operation (the message
//! names the file, the JSON path and what is wrong), 2 bad usage (clap).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use meridian::model::Rep;
use meridian::{AppError, Meridian};

#[derive(Parser)]
#[command(
    name = "meridian",
    about = "Plan hybrid sales teams: meetings across time zones, office days, workload"
)]
struct Cli {
    /// The team database (default: the desktop app's database).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replace the database's team with a team document (meridian.scenario/1).
    Import {
        /// The document to read.
        file: PathBuf,
    },
    /// Write the database's team as a team document (to stdout without FILE).
    Export { file: Option<PathBuf> },
    /// Check a team document without storing it.
    Validate { file: PathBuf },
    /// Work with reps.
    Reps {
        #[command(subcommand)]
        command: RepsCommand,
    },
    /// Version, zone data release and database path.
    About {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RepsCommand {
    /// List reps with their team, zone and office.
    List {
        /// One JSON array on stdout.
        #[arg(long)]
        json: bool,
    },
}

pub fn run() -> ExitCode {
    // The zone data release is part of the version: answers depend on it.
    let version = format!(
        "{} (IANA tzdata {})",
        env!("CARGO_PKG_VERSION"),
        meridian::tz::tzdata_version()
    );
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: Option<&Path>) -> Result<Meridian, AppError> {
    match db {
        Some(p) => Meridian::open(p),
        None => Meridian::open(&Meridian::default_db_path()?),
    }
}

fn execute(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Command::Import { file } => {
            let mut m = open(cli.db.as_deref())?;
            let s = m.import_file(&file)?;
            println!(
                "imported {}: {} reps, {} teams, {} offices, {} meetings, {} tasks, {} office days",
                file.display(),
                s.reps,
                s.teams,
                s.offices,
                s.meetings,
                s.tasks,
                s.office_days
            );
        }
        Command::Export { file } => {
            let m = open(cli.db.as_deref())?;
            let doc = m.export_document()?;
            match file {
                Some(path) => write_file(&path, &doc)?,
                None => print!("{doc}"),
            }
        }
        Command::Validate { file } => {
            let text = meridian::api::read_text(&file)?;
            let sc = meridian::io::scenario::parse_document(&text, &file.display().to_string())?;
            println!(
                "valid: {} reps, {} teams, {} offices, {} meetings, {} tasks (tzdata {})",
                sc.reps.len(),
                sc.teams.len(),
                sc.offices.len(),
                sc.meetings.len(),
                sc.tasks.len(),
                meridian::tz::tzdata_version()
            );
        }
        Command::Reps {
            command: RepsCommand::List { json },
        } => {
            let m = open(cli.db.as_deref())?;
            let sc = m.scenario()?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&sc.reps).unwrap_or_default()
                );
            } else {
                print!("{}", reps_table(&sc.reps));
            }
        }
        Command::About { json } => {
            let m = open(cli.db.as_deref())?;
            let a = m.about();
            if json {
                println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
            } else {
                println!("meridian {}", a.version);
                println!("zone data: IANA {}", a.tzdata);
                println!(
                    "database: {}",
                    a.db_path.as_deref().unwrap_or("(in memory)")
                );
            }
        }
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<(), AppError> {
    std::fs::write(path, text).map_err(|source| AppError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A plain-text table of reps, columns padded to their widest cell.
fn reps_table(reps: &[Rep]) -> String {
    let rows: Vec<[String; 5]> = reps
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.name.clone(),
                r.team.clone().unwrap_or_else(|| "-".into()),
                r.time_zone.clone(),
                r.office.clone().unwrap_or_else(|| "remote".into()),
            ]
        })
        .collect();
    let header = ["ID", "NAME", "TEAM", "TIME ZONE", "OFFICE"].map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if reps.is_empty() {
        out.push_str("(no reps: `meridian import FILE` loads a team)\n");
    }
    out
}
