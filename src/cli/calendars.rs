//! `meridian calendars …`: publish teams to CalDAV calendars, follow one,
//! see what is waiting and settle conflicts. The password comes from an
//! environment variable named on the command line, never from an argument
//! (which other users of the machine could read in the process list).

use std::path::Path;
use std::sync::atomic::AtomicBool;

use clap::Subcommand;
use meridian::api::calendars::{PublishProgress, PublishReport, Resolution};
use meridian::io::ics::publish::Include;
use meridian::io::ics::uid_part;
use meridian::model::Team;
use meridian::AppError;
use serde::Serialize;

use super::{out_json, outln, read_db, write_db};

#[derive(Subcommand)]
pub enum CalendarsCommand {
    /// Publish team calendars: only what changed since the last publish is
    /// sent; events someone else changed on the server are reported as
    /// conflicts and left alone.
    Publish {
        /// With --team: the team's calendar collection (made if missing).
        /// Without: a calendar home; each team gets `<URL>/<team id>/`.
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long, value_name = "NAME")]
        user: String,
        /// The environment variable holding the password.
        #[arg(long, value_name = "VAR")]
        password_env: String,
        /// Publish this team only (default: every team).
        #[arg(long, value_name = "ID")]
        team: Option<String>,
        /// What to put in: any of office-days, meetings, away.
        #[arg(long, value_name = "LIST", default_value = "office-days,meetings,away")]
        include: String,
        /// Say what would be sent, from the database alone; send nothing.
        #[arg(long)]
        dry_run: bool,
        /// One JSON document on stdout.
        #[arg(long)]
        json: bool,
    },
    /// What each published team has waiting, and its conflicts.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict: keep the server's version, or put Meridian's back
    /// at the next publish.
    Resolve {
        #[arg(long, value_name = "ID")]
        team: String,
        /// The event's UID, as `status` lists it.
        #[arg(long)]
        uid: String,
        #[arg(
            long,
            conflicts_with = "use_meridian",
            required_unless_present = "use_meridian"
        )]
        keep_theirs: bool,
        #[arg(long)]
        use_meridian: bool,
    },
    /// Follow a team calendar (or refresh it): keep a local copy that
    /// `agenda --followed` reads offline.
    Follow {
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long, value_name = "NAME")]
        user: String,
        #[arg(long, value_name = "VAR")]
        password_env: String,
        #[arg(long)]
        json: bool,
    },
    /// Stop following a calendar and drop its local copy.
    Unfollow {
        #[arg(long, value_name = "URL")]
        url: String,
    },
}

fn password(var: &str) -> Result<String, AppError> {
    std::env::var(var).map_err(|_| {
        AppError::Calendar(meridian::caldav::DavError::BadUrl {
            url: format!("--password-env {var}"),
            why: format!("set the environment variable {var} to the password"),
        })
    })
}

fn include(list: &str) -> Result<Include, AppError> {
    let mut inc = Include {
        office_days: false,
        meetings: false,
        away: false,
    };
    for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match word {
            "office-days" => inc.office_days = true,
            "meetings" => inc.meetings = true,
            "away" => inc.away = true,
            other => {
                return Err(AppError::Calendar(meridian::caldav::DavError::BadUrl {
                    url: format!("--include {list}"),
                    why: format!("{other:?} is not one of office-days, meetings, away"),
                }))
            }
        }
    }
    Ok(inc)
}

/// Several teams' reports summed, each kept under `calendars`.
#[derive(Serialize)]
struct Summary {
    url: String,
    dry_run: bool,
    created: u32,
    updated: u32,
    deleted: u32,
    unchanged: u32,
    conflicts: Vec<meridian::api::calendars::PublishConflict>,
    pending: u32,
    error: Option<String>,
    calendars: Vec<PublishReport>,
}

pub fn run(db: Option<&Path>, command: CalendarsCommand, pretty: bool) -> Result<bool, AppError> {
    let now = chrono::Utc::now();
    match command {
        CalendarsCommand::Publish {
            url,
            user,
            password_env,
            team,
            include: list,
            dry_run,
            json,
        } => {
            let inc = include(&list)?;
            // A dry run writes nothing, not even the target.
            let mut m = if dry_run { read_db(db)? } else { write_db(db)? };
            let teams: Vec<(String, String)> = match team {
                Some(t) => vec![(t, url.clone())],
                None => {
                    let home = meridian::caldav::collection_url(&url)?;
                    m.list::<Team>()?
                        .into_iter()
                        .map(|t| {
                            let target = format!("{home}{}/", uid_part(&t.item.id));
                            (t.item.id, target)
                        })
                        .collect()
                }
            };
            let secret = if dry_run {
                String::new()
            } else {
                password(&password_env)?
            };
            let mut reports = Vec::new();
            for (team, target) in &teams {
                let report = if dry_run {
                    let p = m.publish_preview_to(team, target, inc, now)?;
                    PublishReport {
                        team: team.to_string(),
                        url: target.to_string(),
                        created: p.create,
                        updated: p.update,
                        deleted: p.delete,
                        unchanged: p.unchanged,
                        pending: p.pending(),
                        conflicts: p.conflicts,
                        ..PublishReport::default()
                    }
                } else {
                    m.set_publish_target(team, target, &user, inc)?;
                    let progress = |p: PublishProgress| {
                        if !json && p.done > 0 && (p.done == p.total || p.done.is_multiple_of(500))
                        {
                            eprintln!("{team}: {} of {} sent", p.done, p.total);
                        }
                    };
                    m.publish(team, &secret, now, &progress, &AtomicBool::new(false))?
                };
                reports.push(report);
            }
            let ok = reports.iter().all(|r| r.error.is_none());
            if json {
                if reports.len() == 1 && teams.len() == 1 && url == teams[0].1 {
                    let mut value = serde_json::to_value(&reports[0]).unwrap_or_default();
                    value["dry_run"] = serde_json::Value::Bool(dry_run);
                    out_json(&value, pretty)?;
                } else {
                    out_json(&summary(&url, dry_run, reports), pretty)?;
                }
            } else {
                for r in &reports {
                    outln(&report_text(r, dry_run))?;
                }
            }
            Ok(ok)
        }
        CalendarsCommand::Status { json } => {
            let m = read_db(db)?;
            let mut out = Vec::new();
            for t in m.publish_targets()? {
                let p = m.publish_preview(&t.team, now)?;
                out.push(serde_json::json!({
                    "team": t.team, "url": t.url, "user": t.user,
                    "last_ok": t.last_ok, "last_error": t.last_error,
                    "pending": p.pending(), "create": p.create, "update": p.update,
                    "delete": p.delete, "unchanged": p.unchanged, "conflicts": p.conflicts,
                }));
            }
            if json {
                out_json(&out, pretty)?;
            } else if out.is_empty() {
                outln("No team is published (meridian calendars publish --help).")?;
            } else {
                for v in &out {
                    outln(&format!(
                        "{}  {}  {} waiting, {} conflicts{}",
                        v["team"].as_str().unwrap_or(""),
                        v["url"].as_str().unwrap_or(""),
                        v["pending"],
                        v["conflicts"].as_array().map_or(0, Vec::len),
                        v["last_error"]
                            .as_str()
                            .map(|e| format!("  (last try: {e})"))
                            .unwrap_or_default()
                    ))?;
                }
            }
            Ok(true)
        }
        CalendarsCommand::Resolve {
            team,
            uid,
            keep_theirs,
            use_meridian: _,
        } => {
            let how = if keep_theirs {
                Resolution::KeepTheirs
            } else {
                Resolution::UseMeridian
            };
            write_db(db)?.resolve_publish_conflict(&team, &uid, how, now)?;
            Ok(true)
        }
        CalendarsCommand::Follow {
            url,
            user,
            password_env,
            json,
        } => {
            let secret = password(&password_env)?;
            let report = write_db(db)?.follow_calendar(&url, &user, &secret, now)?;
            if json {
                out_json(&report, pretty)?;
            } else {
                outln(&format!(
                    "{}: {} added, {} changed, {} removed, {} unchanged{}",
                    report.name,
                    report.added,
                    report.changed,
                    report.removed,
                    report.unchanged,
                    if report.skipped.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; {} events not read: {}",
                            report.skipped.len(),
                            report.skipped.join("; ")
                        )
                    }
                ))?;
            }
            Ok(true)
        }
        CalendarsCommand::Unfollow { url } => {
            write_db(db)?.unfollow_calendar(&url)?;
            Ok(true)
        }
    }
}

fn summary(url: &str, dry_run: bool, reports: Vec<PublishReport>) -> Summary {
    Summary {
        url: url.to_string(),
        dry_run,
        created: reports.iter().map(|r| r.created).sum(),
        updated: reports.iter().map(|r| r.updated).sum(),
        deleted: reports.iter().map(|r| r.deleted).sum(),
        unchanged: reports.iter().map(|r| r.unchanged).sum(),
        conflicts: reports.iter().flat_map(|r| r.conflicts.clone()).collect(),
        pending: reports.iter().map(|r| r.pending).sum(),
        error: reports.iter().find_map(|r| r.error.clone()),
        calendars: reports,
    }
}

fn report_text(r: &PublishReport, dry_run: bool) -> String {
    let verb = if dry_run { "would send" } else { "sent" };
    let mut s = format!(
        "{} → {}: {verb} {} new, {} changed, {} deleted; {} unchanged",
        r.team, r.url, r.created, r.updated, r.deleted, r.unchanged
    );
    if !r.conflicts.is_empty() {
        s.push_str(&format!(
            "\n  {} changed on the server by someone else (left alone; `meridian calendars resolve`):",
            r.conflicts.len()
        ));
        for c in &r.conflicts {
            s.push_str(&format!("\n    {} ({}): {}", c.summary, c.kind, c.uid));
        }
    }
    if let Some(e) = &r.error {
        s.push_str(&format!(
            "\n  stopped: {e}; {} changes still waiting",
            r.pending
        ));
    }
    s
}
