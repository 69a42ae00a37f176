//! The `meridian` command line: argument parsing (clap) and output, over the
//! same [`meridian::Meridian`] facade the desktop app calls.
//!
//! Exit codes: 0 success, 1 invalid input or a failed operation (the message
//! names the file, the JSON path and what is wrong), 2 bad usage (clap).
//!
//! `--json` output is one compact line (a 104-week rotation is tens of
//! megabytes, a third of it indentation when pretty); `--pretty` indents it.
//! It is written to stdout as it is serialised, never held as one string.
//!
//! Invariants: commands that only read open the database read-only (they
//! never create, migrate or write a file); commands that write name
//! themselves "the command line" in the change log. Command output goes
//! through [`out`], so a reader that stops early (`| head`) ends the run
//! quietly.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use meridian::model::{Meeting, Office, Quorum, Rep, Task, Team};
use meridian::plan::meeting::ListOrder;
use meridian::{AppError, Meridian};

mod calendars;
mod fairness;
mod generate;
mod help;
mod hints;
mod items;
mod report;
mod text;
mod what_if;

use items::ItemCommand;

#[derive(Parser)]
#[command(
    name = "meridian",
    about = "Plan hybrid sales teams: meetings across time zones, office days, workload"
)]
struct Cli {
    /// The team database (default: the desktop app's database).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Indent the JSON of `--json` (default: one compact line).
    #[arg(long, global = true)]
    pretty: bool,
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
    /// Work with reps: list, put, remove, CSV import and export.
    Reps {
        #[command(subcommand)]
        command: RepsCommand,
    },
    /// Publish team calendars to a CalDAV server, or follow one.
    Calendars {
        #[command(subcommand)]
        command: calendars::CalendarsCommand,
    },
    /// Work with teams: list, put, remove.
    Teams {
        #[command(subcommand)]
        command: ItemCommand,
    },
    /// Work with offices: list, put, remove.
    Offices {
        #[command(subcommand)]
        command: ItemCommand,
    },
    /// Work with meetings: list, put, remove.
    Meetings {
        #[command(subcommand)]
        command: ItemCommand,
    },
    /// Work with tasks: list, put, remove.
    Tasks {
        #[command(subcommand)]
        command: ItemCommand,
    },
    /// Write a snapshot of the database (safe while the app runs): to FILE,
    /// which must not exist, or into the `backups` folder beside it.
    Backup { file: Option<PathBuf> },
    /// List the snapshots in the `backups` folder, newest first.
    Backups {
        /// One JSON array on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Replace the stored team with a backup's, after a snapshot of what is
    /// stored now (the backup file is only read).
    Restore { file: PathBuf },
    /// Find meeting times that fit everyone's hours and calendars: for the
    /// requests in a team file, or for the people you name (--required).
    /// Slots outside someone's hours cost their stretch minutes.
    SuggestMeeting(SuggestArgs),
    /// Plan who goes to which office on which days, within the policy and
    /// the desks, so teammates overlap (the stored weeks and locks, or the
    /// ones you give); --what-if tries a changed policy beside it.
    RotateOffices {
        /// The team document whose `requests.rotation` to plan.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// A date in the first ISO week to plan (YYYY-MM-DD; default: the
        /// stored window, else this week).
        #[arg(long, conflicts_with = "scenario")]
        from: Option<String>,
        /// How many weeks (default: the stored window's, else 4).
        #[arg(long, conflicts_with = "scenario")]
        weeks: Option<u32>,
        /// Only this office's reps.
        #[arg(long, value_name = "ID")]
        office: Option<String>,
        /// One JSON document on stdout (the shape other tools read).
        #[arg(long)]
        json: bool,
        /// Add each rep-week's reasons to the JSON (`explanations`); the
        /// text output always shows them.
        #[arg(long, requires = "json")]
        explain: bool,
        /// Plan the team as it is and as the changes in this file would make
        /// it (policy, desks, anchor days, preferred days, offices), side by
        /// side; nothing is stored without --adopt.
        #[arg(long = "what-if", value_name = "CHANGES.json", conflicts_with_all = ["office", "explain"])]
        what_if: Option<PathBuf>,
        /// Store the what-if's changes (the database only; a backup first).
        #[arg(long, requires = "what_if", conflicts_with = "scenario")]
        adopt: bool,
    },
    /// Share out tasks so nobody is overloaded and deadlines hold, moving as
    /// few as possible (over the stored window, or the dates you give).
    Balance(BalanceArgs),
    /// A rep's agenda: meetings, time off and office days between two dates,
    /// in the rep's own time zone.
    Agenda {
        /// Read this team document instead of the database.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// The rep whose agenda to show.
        #[arg(long, value_name = "ID")]
        rep: String,
        /// Read the local copy of the followed calendars (`calendars
        /// follow`) instead of the team's own data.
        #[arg(long, conflicts_with = "scenario")]
        followed: bool,
        /// First local date (YYYY-MM-DD, in the rep's zone; default today).
        #[arg(long)]
        from: Option<String>,
        /// Last local date (default: 6 days after --from).
        #[arg(long)]
        to: Option<String>,
        /// One JSON document on stdout (the shape other tools read).
        #[arg(long)]
        json: bool,
    },
    /// A rep's or a team's calendar as an iCalendar file (RFC 5545):
    /// meetings in their own zones with their rules, office days and time
    /// off as all-day events (to stdout without FILE).
    ExportIcs {
        /// Read this team document instead of the database.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// The rep whose calendar to write.
        #[arg(
            long,
            value_name = "ID",
            required_unless_present = "team",
            conflicts_with = "team"
        )]
        rep: Option<String>,
        /// The team whose members' calendars to write (each meeting once).
        #[arg(long, value_name = "ID")]
        team: Option<String>,
        /// Where to write (default: stdout).
        file: Option<PathBuf>,
    },
    /// Write the saved rotation (accepted office days) as a reps × dates CSV
    /// grid (to stdout without FILE).
    ExportRotationCsv { file: Option<PathBuf> },
    /// Reports over the stored team (or a team document): desk use,
    /// co-presence, policy compliance, the fairness ledger.
    Report {
        #[command(subcommand)]
        command: report::ReportCommand,
    },
    /// Undo the command line's last change to the team (the app's own
    /// changes are undone in the app, with Ctrl+Z); refused, changing
    /// nothing, when what it changed was changed again since.
    Undo,
    /// Make the change undone last happen again.
    Redo,
    /// Version, zone data release and database path.
    About {
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
struct SuggestArgs {
    /// Solve the requests of this team document (loaded into memory; nothing is stored).
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// Only the request with this id (default: every request, as a JSON array).
    #[arg(long, value_name = "ID")]
    request: Option<String>,
    /// Required attendees (rep ids, comma-separated) of an ad-hoc request.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    required: Vec<String>,
    /// Optional attendees (rep ids, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    optional: Vec<String>,
    /// Meeting length in minutes.
    #[arg(long, default_value_t = 30)]
    duration: u32,
    /// First local date of the window (YYYY-MM-DD, in --tz).
    #[arg(long)]
    from: Option<String>,
    /// Last local date of the window (default: --from).
    #[arg(long)]
    to: Option<String>,
    /// The organiser's IANA zone (the window's dates are read in it).
    #[arg(long, default_value = "UTC")]
    tz: String,
    /// Weekly series of this many weeks.
    #[arg(long, default_value_t = 1)]
    repeat_weeks: u32,
    /// Share early and late calls fairly over the weeks (needs --repeat-weeks > 1).
    #[arg(long)]
    fair: bool,
    /// Minutes between candidate starts: 5, 10, 15, 20, 30 or 60.
    #[arg(long, default_value_t = 15)]
    granularity: u32,
    /// How many suggestions.
    #[arg(long, default_value_t = 5)]
    max_results: u32,
    /// Suggest only slots at least this many optional attendees can make: a
    /// count (2) or a share of them (75%).
    #[arg(long, value_name = "N|P%", requires = "required")]
    min_optional: Option<String>,
    /// The best slots first, but spread over different times of day when the
    /// best ones are the same time on several days (the default without
    /// --json).
    #[arg(long, conflicts_with = "exact")]
    varied: bool,
    /// Strictly the cheapest slots in order of cost and start (the default
    /// with --json: the answer other tools check).
    #[arg(long)]
    exact: bool,
    /// One JSON document on stdout (the shape other tools read).
    #[arg(long)]
    json: bool,
}

impl SuggestArgs {
    fn order(&self) -> ListOrder {
        if self.varied || (!self.json && !self.exact) {
            ListOrder::Varied
        } else {
            ListOrder::Exact
        }
    }
}

/// `--min-optional`: `2` or `75%`. Its range is checked with the request's
/// other rules.
fn parse_quorum(text: &str) -> Result<Quorum, AppError> {
    if let Some(p) = meridian::model::parse_percent(text) {
        return Ok(Quorum::Percent(meridian::model::Percent(p)));
    }
    text.parse::<u32>().map(Quorum::Count).map_err(|_| {
        AppError::Invalid(meridian::io::scenario::ScenarioError {
            file: "command line".into(),
            problems: vec![meridian::Problem {
                path: "--min-optional".into(),
                message: format!(
                    "expected a count of optional attendees (such as 2) or a percentage (such as 75%), got {text:?}"
                ),
            }],
        })
    })
}

#[derive(clap::Args)]
struct BalanceArgs {
    /// The team document whose `requests.balance` to plan (loaded into
    /// memory; nothing is stored).
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// First local date of the window (YYYY-MM-DD; default: the stored
    /// window's, else today).
    #[arg(long, conflicts_with = "scenario")]
    from: Option<String>,
    /// Last local date (default: the stored window's when it starts at
    /// --from, else two weeks from --from).
    #[arg(long, conflicts_with = "scenario")]
    to: Option<String>,
    /// Store the proposed moves in the database (all or none).
    #[arg(long, conflicts_with = "scenario")]
    apply: bool,
    /// One JSON document on stdout (the shape other tools read).
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum RepsCommand {
    #[command(flatten)]
    Item(ItemCommand),
    /// Add and update reps from a CSV file (all rows or none); rows with a
    /// stored id update that rep, reps not in the file are kept.
    ImportCsv {
        /// The CSV file (UTF-8, `,` or `;` separated; see `reps csv-template`).
        file: PathBuf,
        /// Show what would change and every problem, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the preview as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the stored reps as CSV, in the template's columns (to stdout without FILE).
    ExportCsv { file: Option<PathBuf> },
    /// Print the reps CSV template: the header and two example rows.
    CsvTemplate,
}

pub fn run() -> ExitCode {
    // The zone and holiday data releases are part of the version: answers
    // depend on them.
    let version = format!(
        "{} (IANA tzdata {}, python-holidays {})",
        env!("CARGO_PKG_VERSION"),
        meridian::tz::tzdata_version(),
        meridian::holidays::data_version()
    );
    let cli = help::grouped(Cli::command()).version(version);
    let matches = generate::with_generate(cli.clone()).get_matches();
    if let Some(done) = generate::run(&matches, cli) {
        return done;
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let context = hints::Context::of(&matches);
    let result = execute(cli);
    let hint = result
        .as_ref()
        .err()
        .and_then(|e| hints::next_step(&context, e));
    let code = exit_code(result);
    // Under the error line.
    if let Some(hint) = hint {
        let _ = writeln!(std::io::stderr(), "hint: {hint}");
    }
    code
}

/// Prints the error of a failed run and gives its exit code.
fn exit_code(result: Result<bool, AppError>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // The reader went away (`meridian export | head`): it has all it
        // wanted, so this is no failure.
        Err(AppError::Io { path, source })
            if source.kind() == std::io::ErrorKind::BrokenPipe && path == Path::new(STDOUT) =>
        {
            ExitCode::SUCCESS
        }
        Err(AppError::Conflict(c)) => {
            // The facade's message speaks of a form; here the user gave a
            // revision.
            let by = c.by.map(|b| format!(" (by {b})")).unwrap_or_default();
            let what = if c.removed { "removed" } else { "changed" };
            let _ = writeln!(
                std::io::stderr(),
                "error: {} {:?} ({}) was {what}{by} after the revision you gave: nothing was written",
                c.kind,
                c.id,
                c.name
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The name output errors carry, so [`run`] can tell a closed stdout apart.
const STDOUT: &str = "stdout";

/// Writes command output to stdout.
///
/// # Errors
/// [`AppError::Io`] for `stdout`; a closed pipe is one (`ErrorKind::BrokenPipe`),
/// which [`run`] ends quietly.
fn out(text: &str) -> Result<(), AppError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| AppError::Io {
            path: PathBuf::from(STDOUT),
            source,
        })
}

/// `text` and a newline, as [`out`].
fn outln(text: &str) -> Result<(), AppError> {
    out(&format!("{text}\n"))
}

/// Writes `value` as JSON and a newline to stdout: one compact line, or
/// indented with `pretty` (`--pretty`). Serialised straight into a buffered
/// stdout, so an answer of tens of megabytes is never held as text.
///
/// # Errors
/// As [`out`].
fn out_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> Result<(), AppError> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if pretty {
        serde_json::to_writer_pretty(&mut w, value)
    } else {
        serde_json::to_writer(&mut w, value)
    };
    written
        .map_err(std::io::Error::from)
        .and_then(|()| w.write_all(b"\n"))
        .and_then(|()| w.flush())
        .map_err(|source| AppError::Io {
            path: PathBuf::from(STDOUT),
            source,
        })
}

/// A rotation answer with its explanations, written one rep-week at a time
/// (`rotate-offices --json --explain`): the answer's fields, then
/// `explanations`, as [`RotationAnswer`] serialises with them.
///
/// [`RotationAnswer`]: meridian::plan::rotation::RotationAnswer
#[derive(serde::Serialize)]
struct Explained<'a, 'b> {
    #[serde(flatten)]
    answer: &'a meridian::plan::rotation::RotationAnswer,
    explanations: Streamed<meridian::plan::rotation::Explanations<'b>>,
}

/// An iterator serialised as a JSON array while it yields, never collected.
struct Streamed<I>(std::cell::RefCell<Option<I>>);

impl<I: Iterator> serde::Serialize for Streamed<I>
where
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.borrow_mut().take().into_iter().flatten())
    }
}

/// Opens the database for a command that only reads: nothing is created,
/// migrated or written (a missing file reads as an empty team).
fn read_db(db: Option<&Path>) -> Result<Meridian, AppError> {
    match db {
        Some(p) => Meridian::open_read_only(p),
        None => Meridian::open_read_only(&Meridian::default_db_path()?),
    }
}

/// Opens (or creates) the database for a command that writes.
fn write_db(db: Option<&Path>) -> Result<Meridian, AppError> {
    let mut m = match db {
        Some(p) => Meridian::open(p)?,
        None => Meridian::open(&Meridian::default_db_path()?)?,
    };
    m.set_source("the command line");
    Ok(m)
}

/// Runs the command; `Ok(false)` is a failure it has already explained
/// (a publish that stopped early prints its report first).
fn execute(cli: Cli) -> Result<bool, AppError> {
    let db = cli.db.as_deref();
    let pretty = cli.pretty;
    match cli.command {
        Command::Calendars { command } => return calendars::run(db, command, pretty),
        Command::Report { command } => report::run(db, command, pretty)?,
        Command::Import { file } => {
            let mut m = write_db(cli.db.as_deref())?;
            let s = m.import_file(&file)?;
            outln(&format!("imported {}: {s}", file.display()))?;
        }
        Command::Export { file } => {
            let m = read_db(cli.db.as_deref())?;
            let doc = m.export_document()?;
            match file {
                Some(path) => write_file(&path, &doc)?,
                None => out(&doc)?,
            }
        }
        Command::Validate { file } => {
            let text = meridian::api::read_text(&file)?;
            let sc = meridian::io::scenario::parse_document(&text, &file.display().to_string())?;
            outln(&format!(
                "valid: {} reps, {} teams, {} offices, {} meetings, {} tasks (tzdata {})",
                sc.reps.len(),
                sc.teams.len(),
                sc.offices.len(),
                sc.meetings.len(),
                sc.tasks.len(),
                meridian::tz::tzdata_version()
            ))?;
        }
        Command::Reps {
            command: RepsCommand::Item(command),
        } => items::run::<Rep>(command, pretty, || read_db(db), || write_db(db))?,
        Command::Teams { command } => {
            items::run::<Team>(command, pretty, || read_db(db), || write_db(db))?;
        }
        Command::Offices { command } => {
            items::run::<Office>(command, pretty, || read_db(db), || write_db(db))?;
        }
        Command::Meetings { command } => {
            items::run::<Meeting>(command, pretty, || read_db(db), || write_db(db))?;
        }
        Command::Tasks { command } => {
            items::run::<Task>(command, pretty, || read_db(db), || write_db(db))?;
        }
        Command::Undo => outln(&write_db(db)?.undo()?.done)?,
        Command::Redo => outln(&write_db(db)?.redo()?.done)?,
        Command::Backup { file } => items::backup(&read_db(db)?, file.as_deref())?,
        Command::Backups { json } => items::backups(&read_db(db)?, json, pretty)?,
        Command::Restore { file } => items::restore(&mut write_db(db)?, &file)?,
        Command::Reps {
            command:
                RepsCommand::ImportCsv {
                    file,
                    dry_run,
                    json,
                },
        } => import_reps_csv(db, &file, dry_run, json, pretty)?,
        Command::Reps {
            command: RepsCommand::ExportCsv { file },
        } => {
            let csv = read_db(db)?.export_reps_csv()?;
            write_or_print(file.as_deref(), &csv)?;
        }
        Command::Reps {
            command: RepsCommand::CsvTemplate,
        } => write_or_print(None, &Meridian::reps_csv_template())?,
        Command::ExportRotationCsv { file } => {
            let csv = read_db(db)?.export_rotation_csv()?;
            write_or_print(file.as_deref(), &csv)?;
        }
        Command::SuggestMeeting(args) => suggest_meeting(db, args, pretty)?,
        Command::RotateOffices {
            scenario,
            from,
            weeks,
            json,
            what_if: Some(changes),
            adopt,
            ..
        } => what_if::run(
            db,
            what_if::WhatIfArgs {
                changes: &changes,
                scenario: scenario.as_deref(),
                from: from.as_deref(),
                weeks,
                adopt,
                json,
            },
            pretty,
        )?,
        Command::RotateOffices {
            scenario,
            from,
            weeks,
            office,
            json,
            explain,
            ..
        } => {
            let (m, answer) = match &scenario {
                Some(file) => {
                    let m = load_scenario_file(file)?;
                    let answer = match office.as_deref() {
                        None => m.rotate_stored()?,
                        Some(o) => m.plan_rotation(None, None, Some(o))?,
                    };
                    (m, answer)
                }
                None => {
                    let m = read_db(db)?;
                    let from = match from.as_deref() {
                        Some(text) => Some(parse_cli_date("--from", text)?),
                        None if m.scenario()?.requests.rotation.is_some() => None,
                        None => Some(chrono::Local::now().date_naive()),
                    };
                    let answer = m.plan_rotation(from, weeks, office.as_deref())?;
                    (m, answer)
                }
            };
            // Explanations are computed only when asked for, after the plan.
            if json && explain {
                m.explain_rotation(&answer, |each| {
                    out_json(
                        &Explained {
                            answer: &answer,
                            explanations: Streamed(std::cell::RefCell::new(Some(each))),
                        },
                        pretty,
                    )
                })?;
            } else if json {
                out_json(&answer, pretty)?;
            } else {
                let explanations: Vec<_> =
                    m.explain_rotation(&answer, |each| Ok(each.collect()))?;
                out(&text::rotation_answer(&answer, &explanations))?;
            }
        }
        Command::Balance(args) => balance(db, args, pretty)?,
        Command::Agenda {
            scenario,
            rep,
            followed,
            from,
            to,
            json,
        } => {
            let m = match &scenario {
                Some(file) => load_scenario_file(file)?,
                None => read_db(db)?,
            };
            let from = match from.as_deref() {
                Some(text) => parse_cli_date("--from", text)?,
                None => chrono::Local::now().date_naive(),
            };
            let to = match to.as_deref() {
                Some(text) => parse_cli_date("--to", text)?,
                None => from + chrono::Duration::days(6),
            };
            let agenda = if followed {
                m.followed_agenda(&rep, from, to)?
            } else {
                m.agenda(&rep, from, to)?
            };
            if json {
                out_json(&agenda, pretty)?;
            } else {
                out(&text::agenda(&agenda))?;
            }
        }
        Command::ExportIcs {
            scenario,
            rep,
            team,
            file,
        } => {
            let m = match &scenario {
                Some(file) => load_scenario_file(file)?,
                None => read_db(db)?,
            };
            let scope = match (rep, team) {
                (Some(rep), _) => meridian::io::ics::export::IcsScope::Rep(rep),
                (None, Some(team)) => meridian::io::ics::export::IcsScope::Team(team),
                (None, None) => {
                    return Err(AppError::Invalid(meridian::io::scenario::ScenarioError {
                        file: "command line".into(),
                        problems: vec![meridian::Problem {
                            path: "--rep".into(),
                            message: "give --rep ID or --team ID".into(),
                        }],
                    }))
                }
            };
            let text = m.export_ics(scope, chrono::Utc::now())?;
            match file {
                Some(path) => write_file(&path, &text)?,
                None => out(&text)?,
            }
        }
        Command::About { json } => {
            let m = read_db(db)?;
            let a = m.about();
            if json {
                out_json(&a, pretty)?;
            } else {
                out(&format!(
                    "meridian {}\nzone data: IANA {}\npublic holidays: python-holidays {} ({}–{})\ndatabase: {}\n",
                    a.version,
                    a.tzdata,
                    a.holidays,
                    meridian::holidays::years().0,
                    meridian::holidays::years().1,
                    a.db_path.as_deref().unwrap_or("(in memory)")
                ))?;
            }
        }
    }
    Ok(true)
}

/// Loads a scenario file through the import path into a throw-away database.
fn load_scenario_file(path: &Path) -> Result<Meridian, AppError> {
    let mut m = Meridian::open_in_memory()?;
    m.import_file(path)?;
    Ok(m)
}

fn parse_cli_date(flag: &str, text: &str) -> Result<chrono::NaiveDate, AppError> {
    meridian::model::parse_date(text).ok_or_else(|| {
        AppError::Invalid(meridian::io::scenario::ScenarioError {
            file: "command line".into(),
            problems: vec![meridian::Problem {
                path: flag.into(),
                message: format!("expected a date YYYY-MM-DD, got {text:?}"),
            }],
        })
    })
}

fn suggest_meeting(db: Option<&Path>, a: SuggestArgs, pretty: bool) -> Result<(), AppError> {
    let (answers, single) = match &a.scenario {
        Some(file) => {
            let m = load_scenario_file(file)?;
            let single = a.request.is_some();
            (
                m.suggest_stored_meetings(a.request.as_deref(), a.order())?,
                single,
            )
        }
        None if a.required.is_empty() => {
            let m = read_db(db)?;
            let single = a.request.is_some();
            (
                m.suggest_stored_meetings(a.request.as_deref(), a.order())?,
                single,
            )
        }
        None => {
            let m = read_db(db)?;
            let from_text = a.from.clone().ok_or_else(|| {
                AppError::Invalid(meridian::io::scenario::ScenarioError {
                    file: "command line".into(),
                    problems: vec![meridian::Problem {
                        path: "--from".into(),
                        message: "an ad-hoc request needs --from".into(),
                    }],
                })
            })?;
            let from = parse_cli_date("--from", &from_text)?;
            let to = match &a.to {
                Some(t) => parse_cli_date("--to", t)?,
                None => from,
            };
            let req = meridian::model::MeetingRequest {
                id: a.request.clone().unwrap_or_else(|| "ad-hoc".into()),
                title: "Meeting".into(),
                duration_minutes: a.duration,
                required: a.required.clone(),
                optional: a.optional.clone(),
                from,
                to,
                time_zone: a.tz.clone(),
                granularity_minutes: a.granularity,
                max_results: a.max_results,
                repeat_weeks: a.repeat_weeks,
                fair_rotation: a.fair,
                min_optional: a.min_optional.as_deref().map(parse_quorum).transpose()?,
            };
            (vec![m.suggest_meeting(req, a.order())?], true)
        }
    };
    if a.json {
        if single {
            out_json(&answers[0], pretty)?;
        } else {
            out_json(&answers, pretty)?;
        }
    } else {
        for ans in &answers {
            out(&text::meeting_answer(ans))?;
        }
    }
    Ok(())
}

fn balance(db: Option<&Path>, a: BalanceArgs, pretty: bool) -> Result<(), AppError> {
    let answer = match &a.scenario {
        Some(file) => load_scenario_file(file)?.balance_stored(None, None)?,
        None => {
            // Only --apply writes; a plan alone is read from a read-only
            // database.
            let mut m = if a.apply { write_db(db)? } else { read_db(db)? };
            let from = match a.from.as_deref() {
                Some(text) => Some(parse_cli_date("--from", text)?),
                None if m.scenario()?.requests.balance.is_some() => None,
                None => Some(
                    meridian::plan::balance::default_window(chrono::Local::now().date_naive()).from,
                ),
            };
            let to =
                a.to.as_deref()
                    .map(|t| parse_cli_date("--to", t))
                    .transpose()?;
            let answer = m.balance_stored(from, to)?;
            if a.apply {
                let moves = answer.proposed_moves();
                m.apply_balance(&moves)?;
                if !a.json {
                    outln(&format!(
                        "applied {} change(s) to the stored tasks",
                        moves.len()
                    ))?;
                }
            }
            answer
        }
    };
    if a.json {
        out_json(&answer, pretty)?;
    } else {
        out(&text::balance_answer(&answer))?;
    }
    Ok(())
}

/// Previews a reps CSV file, prints what it would do, and imports it unless
/// `dry_run`; a file with errors fails (exit 1) after listing them.
fn import_reps_csv(
    db: Option<&Path>,
    file: &Path,
    dry_run: bool,
    json: bool,
    pretty: bool,
) -> Result<(), AppError> {
    // A dry run only reads.
    let mut m = if dry_run { read_db(db)? } else { write_db(db)? };
    let preview = m.preview_reps_csv_file(file)?;
    if json {
        out_json(&preview, pretty)?;
    } else {
        out(&text::reps_csv_preview(&preview))?;
    }
    let name = file.display().to_string();
    if !preview.errors.is_empty() {
        return Err(AppError::Invalid(preview.to_error(&name)));
    }
    if !dry_run {
        m.import_reps_csv_file(file)?;
        if !json {
            outln(&format!(
                "imported {name}: {} added, {} updated, {} unchanged",
                preview.added, preview.updated, preview.unchanged
            ))?;
        }
    } else if !json {
        outln("dry run: nothing stored")?;
    }
    Ok(())
}

/// CSV to a file, or to stdout without its byte-order mark (which only
/// spreadsheets opening a file need).
fn write_or_print(file: Option<&Path>, csv: &str) -> Result<(), AppError> {
    match file {
        Some(path) => write_file(path, csv),
        None => out(csv.strip_prefix('\u{feff}').unwrap_or(csv)),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), AppError> {
    std::fs::write(path, text).map_err(|source| AppError::Io {
        path: path.to_path_buf(),
        source,
    })
}
