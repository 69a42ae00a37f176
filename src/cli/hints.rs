//! The command to try next after an error: one `hint:` line under the
//! message. The facade's messages say what is wrong and where; only the
//! command line knows which command was run and what the user can run next.

use std::path::{Path, PathBuf};

use clap::ArgMatches;
use meridian::plan::PlanError;
use meridian::AppError;

/// What was run: the subcommand path (`["reps", "remove"]`) and the files it named.
pub(super) struct Context {
    path: Vec<String>,
    scenario: Option<PathBuf>,
    file: Option<PathBuf>,
}

impl Context {
    pub(super) fn of(matches: &ArgMatches) -> Context {
        let mut ctx = Context {
            path: Vec::new(),
            scenario: None,
            file: None,
        };
        let mut cur = matches;
        while let Some((name, sub)) = cur.subcommand() {
            ctx.path.push(name.to_string());
            // Not every command has these arguments; clap says so with an error.
            if let Ok(Some(p)) = sub.try_get_one::<PathBuf>("scenario") {
                ctx.scenario = Some(p.clone());
            }
            if let Ok(Some(p)) = sub.try_get_one::<PathBuf>("file") {
                ctx.file = Some(p.clone());
            }
            cur = sub;
        }
        ctx
    }

    fn is(&self, path: &[&str]) -> bool {
        self.path.len() >= path.len() && self.path.iter().zip(path).all(|(a, b)| a == b)
    }

    fn file_or(&self, default: &str) -> String {
        self.file
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| default.to_string())
    }
}

/// The next command for `err` after `ctx`, when there is a useful one.
pub(super) fn next_step(ctx: &Context, err: &AppError) -> Option<String> {
    match err {
        AppError::NotFound { kind, .. } => ids_of(kind, ctx),
        AppError::Plan(PlanError::UnknownRep(_)) => ids_of("rep", ctx),
        AppError::Plan(PlanError::UnknownOffice(_)) => ids_of("office", ctx),
        AppError::Plan(PlanError::UnknownRequest(_)) => Some(match &ctx.scenario {
            Some(f) => format!(
                "leave out --request to solve every meeting request in {}; their ids are under requests.meetings",
                f.display()
            ),
            None => "`meridian suggest-meeting` without --request solves every stored meeting request".into(),
        }),
        AppError::Plan(PlanError::MissingRequest(kind)) => missing_request(kind, ctx),
        AppError::Conflict(c) => {
            list_command(c.kind).map(|list| format!("`{list} --json` shows it as it is now, with its revision; edit that and run the command again"))
        }
        AppError::DuplicateId { kind, .. } => list_command(kind).map(|list| {
            format!("`{list}` shows the one stored; `put` with its id replaces it")
        }),
        AppError::NothingTo(_) => Some(
            "the app's own changes are undone in the app (Ctrl+Z); imports and restores keep a backup instead (`meridian backups`)"
                .into(),
        ),
        AppError::StalePlan(_) => Some("run the command again: it plans the team as it is now".into()),
        AppError::Invalid(e) => invalid(ctx, &e.problems),
        AppError::Io { path, source }
            if source.kind() == std::io::ErrorKind::NotFound && path != Path::new(super::STDOUT) =>
        {
            Some(if ctx.is(&["restore"]) {
                "`meridian backups` lists the snapshots Meridian made, newest first".into()
            } else {
                format!("check the path {}: no file is there", path.display())
            })
        }
        _ => None,
    }
}

/// `meridian reps list` for `rep`, and so on for the kinds the CLI lists.
fn list_command(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "rep" => "meridian reps list",
        "team" => "meridian teams list",
        "office" => "meridian offices list",
        "meeting" => "meridian meetings list",
        "task" => "meridian tasks list",
        _ => return None,
    })
}

fn ids_of(kind: &str, ctx: &Context) -> Option<String> {
    if let Some(f) = &ctx.scenario {
        return Some(format!(
            "the ids are the `id` fields of the {kind}s in {}",
            f.display()
        ));
    }
    match kind {
        "publishing target" | "conflict" => {
            Some("`meridian calendars status` lists the published teams and their conflicts".into())
        }
        "followed calendar" => Some(
            "`meridian calendars follow --url URL --user NAME --password-env VAR` follows one"
                .into(),
        ),
        _ => list_command(kind)
            .map(|list| format!("`{list}` shows the stored {kind}s and their ids")),
    }
}

fn missing_request(kind: &str, ctx: &Context) -> Option<String> {
    let file = ctx
        .scenario
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the document".into());
    Some(match kind {
        "rotation" if ctx.scenario.is_some() => format!(
            "add requests.rotation (start_date, weeks) to {file}, or plan the stored team with `meridian rotate-offices --from DATE --weeks N`"
        ),
        "rotation" => "give the weeks: `meridian rotate-offices --from YYYY-MM-DD --weeks N`".into(),
        "balance" if ctx.scenario.is_some() => format!(
            "add requests.balance (from, to) to {file}, or balance the stored team with `meridian balance --from DATE --to DATE`"
        ),
        "balance" => "give the dates: `meridian balance --from YYYY-MM-DD --to YYYY-MM-DD`".into(),
        _ => return None,
    })
}

fn invalid(ctx: &Context, problems: &[meridian::Problem]) -> Option<String> {
    if ctx.is(&["validate"]) {
        return None;
    }
    if ctx.is(&["reps", "import-csv"]) {
        let f = ctx.file_or("FILE");
        return Some(format!(
            "nothing was stored; `meridian reps import-csv {f} --dry-run` lists every problem, `meridian reps csv-template` shows the columns"
        ));
    }
    if ctx.is(&["import"]) {
        let f = ctx.file_or("FILE");
        return Some(format!(
            "nothing was stored; fix the places listed above, then `meridian validate {f}` checks it without storing it"
        ));
    }
    if ctx.path.last().map(String::as_str) == Some("put") {
        let list = list_command(ctx.path.first()?.trim_end_matches('s'))?;
        return Some(format!(
            "nothing was stored; `{list} --json` shows stored ones in the shape `put` reads"
        ));
    }
    if let Some(f) = &ctx.scenario {
        return Some(format!(
            "`meridian validate {}` lists every problem in the document",
            f.display()
        ));
    }
    // Ids typed on the command line (`--required ana,bob`).
    ["rep", "office", "team"]
        .into_iter()
        .find(|kind| {
            let unknown = format!("unknown {kind} ");
            problems.iter().any(|p| p.message.starts_with(&unknown))
        })
        .and_then(|kind| ids_of(kind, ctx))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn ctx(args: &[&str]) -> Context {
        let m = super::super::Cli::command()
            .try_get_matches_from(std::iter::once("meridian").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        Context::of(&m)
    }

    #[test]
    fn unknown_ids_point_at_the_list_or_the_document() {
        let e = AppError::NotFound {
            kind: "rep",
            id: "ana".into(),
        };
        assert_eq!(
            next_step(&ctx(&["reps", "remove", "ana"]), &e).as_deref(),
            Some("`meridian reps list` shows the stored reps and their ids")
        );
        let e = AppError::Plan(PlanError::UnknownOffice("lon".into()));
        let hint = next_step(&ctx(&["rotate-offices", "--scenario", "t.json"]), &e);
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("offices in t.json")),
            "{hint:?}"
        );
    }

    #[test]
    fn a_missing_window_names_the_options_to_give() {
        let e = AppError::Plan(PlanError::MissingRequest("balance"));
        let hint = next_step(&ctx(&["balance"]), &e);
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("meridian balance --from")),
            "{hint:?}"
        );
    }

    #[test]
    fn a_missing_backup_points_at_the_list_of_backups() {
        let e = AppError::Io {
            path: "typo.db".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let hint = next_step(&ctx(&["restore", "typo.db"]), &e);
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("meridian backups")),
            "{hint:?}"
        );
        let hint = next_step(&ctx(&["import", "typo.json"]), &e);
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("check the path typo.db")),
            "{hint:?}"
        );
    }

    #[test]
    fn a_refused_put_shows_the_shape_put_reads() {
        let e = AppError::Invalid(meridian::io::scenario::ScenarioError {
            file: "m.json".into(),
            problems: vec![],
        });
        let hint = next_step(&ctx(&["meetings", "put", "m.json"]), &e);
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("meridian meetings list --json")),
            "{hint:?}"
        );
        assert_eq!(next_step(&ctx(&["validate", "m.json"]), &e), None);
    }

    #[test]
    fn an_unknown_rep_typed_on_the_command_line_points_at_the_reps() {
        let e = AppError::Invalid(meridian::io::scenario::ScenarioError {
            file: "command line".into(),
            problems: vec![meridian::Problem {
                path: "required[0]".into(),
                message: "unknown rep \"ana\"".into(),
            }],
        });
        let hint = next_step(
            &ctx(&[
                "suggest-meeting",
                "--required",
                "ana",
                "--from",
                "2026-12-07",
            ]),
            &e,
        );
        assert!(
            hint.as_deref()
                .is_some_and(|h| h.contains("meridian reps list")),
            "{hint:?}"
        );
    }
}
