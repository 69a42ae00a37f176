//! `meridian report desks|teams|compliance`: the utilisation and compliance
//! reports of the stored plan (or a team document's `office_days`), as JSON
//! or CSV through [`Meridian::export_report`].

use std::path::{Path, PathBuf};

use meridian::api::{ReportExport, ReportFormat, ReportKind, ReportQuery};
use meridian::{AppError, Meridian};

use super::{load_scenario_file, out, out_json, parse_cli_date, read_db};

#[derive(clap::Subcommand)]
pub enum ReportCommand {
    /// Desk use per office and day: reps in against desks, closed days marked.
    Desks(ReportArgs),
    /// Co-presence per team and ISO week: the share of the members' office
    /// days with a teammate in the same office, and the pairs.
    Teams(ReportArgs),
    /// Policy compliance per ISO week: every team's totals, and per person
    /// for one team only (--team, else the lead's team the app stored).
    Compliance(ReportArgs),
    /// Per rep over a period: meetings outside their hours, preferred
    /// office days granted vs asked, tasks moved to and from them, weeks
    /// overloaded (the fairness ledger).
    Fairness(super::fairness::FairnessArgs),
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("format").required(true).args(["json", "csv"])))]
pub struct ReportArgs {
    /// Read this team document (its `office_days`) instead of the database.
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// A date in the first ISO week (YYYY-MM-DD; default: the stored
    /// rotation window, else this week).
    #[arg(long)]
    from: Option<String>,
    /// How many weeks, 1 to 104 (default: the stored window's, else 4).
    #[arg(long)]
    weeks: Option<u32>,
    /// teams: only this team; compliance: the team whose people are listed.
    #[arg(long, value_name = "ID")]
    team: Option<String>,
    /// Leave names out: rep ids and names become "Rep 1", "Rep 2", ….
    #[arg(long)]
    anonymous: bool,
    /// One JSON document on stdout.
    #[arg(long)]
    json: bool,
    /// CSV on stdout.
    #[arg(long)]
    csv: bool,
}

pub fn run(db: Option<&Path>, command: ReportCommand, pretty: bool) -> Result<(), AppError> {
    let (kind, a) = match command {
        ReportCommand::Desks(a) => (ReportKind::Desks, a),
        ReportCommand::Teams(a) => (ReportKind::Teams, a),
        ReportCommand::Compliance(a) => (ReportKind::Compliance, a),
        ReportCommand::Fairness(a) => return super::fairness::run(db, a, pretty),
    };
    let m = match &a.scenario {
        Some(file) => load_scenario_file(file)?,
        None => read_db(db)?,
    };
    let from = a
        .from
        .as_deref()
        .map(|t| parse_cli_date("--from", t))
        .transpose()?;
    let req = ReportExport {
        kind,
        format: if a.csv {
            ReportFormat::Csv
        } else {
            ReportFormat::Json
        },
        query: ReportQuery {
            from,
            weeks: a.weeks,
        },
        anonymous: a.anonymous,
        team: a.team,
    };
    let text = Meridian::export_report(&m, &req, chrono::Local::now().date_naive())?;
    match req.format {
        // Without the byte-order mark, which only spreadsheets opening a
        // file need.
        ReportFormat::Csv => out(text.strip_prefix('\u{feff}').unwrap_or(&text)),
        // `--pretty` indents the compact answer (a report is small next to a
        // 104-week rotation, so reading it back costs little).
        ReportFormat::Json if pretty => {
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| AppError::Io {
                    path: PathBuf::from("report.json"),
                    source: std::io::Error::from(e),
                })?;
            out_json(&value, true)
        }
        ReportFormat::Json => out(&format!("{text}\n")),
    }
}
