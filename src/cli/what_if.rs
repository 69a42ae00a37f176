//! `meridian rotate-offices --what-if CHANGES.json`: the stored team (or a
//! team document) planned as it is and with the changes, side by side, and
//! with `--adopt` the changes stored.

use std::path::Path;

use meridian::api::screens::{PlanSummary, WhatIfView};
use meridian::io::what_if::parse_changes;
use meridian::AppError;

use super::{load_scenario_file, out, out_json, parse_cli_date, read_db, write_db};

/// What the command was asked.
pub(super) struct WhatIfArgs<'a> {
    pub changes: &'a Path,
    pub scenario: Option<&'a Path>,
    pub from: Option<&'a str>,
    pub weeks: Option<u32>,
    pub adopt: bool,
    pub json: bool,
}

pub(super) fn run(db: Option<&Path>, a: WhatIfArgs<'_>, pretty: bool) -> Result<(), AppError> {
    let file = meridian::api::read_text(a.changes)?;
    let mut changes = parse_changes(&file, &a.changes.display().to_string())?;
    if let Some(from) = a.from {
        changes.from = Some(parse_cli_date("--from", from)?);
    }
    if a.weeks.is_some() {
        changes.weeks = a.weeks;
    }
    let mut m = match (a.scenario, a.adopt) {
        (Some(file), _) => load_scenario_file(file)?,
        (None, true) => write_db(db)?,
        (None, false) => read_db(db)?,
    };
    let what_if = m.what_if(&changes)?;
    let view = what_if.view(0, None, None);
    if a.json {
        out_json(&view, pretty)?;
    } else {
        out(&text(&view))?;
    }
    if a.adopt {
        let stored = m.adopt_what_if(&changes, Some(what_if.counter))?;
        if !a.json {
            out(&format!(
                "adopted (change {}): {} office(s), {} team(s), {} rep(s) saved{}; a backup was made first\n",
                stored.counter,
                stored.offices.len(),
                stored.teams.len(),
                stored.reps.len(),
                if stored.policy.is_some() { ", the policy saved" } else { "" },
            ))?;
        }
    }
    Ok(())
}

fn figures(label: &str, p: &PlanSummary) -> String {
    let mut out = format!("{label}: ");
    match (&p.infeasible_reason, &p.objective) {
        (Some(reason), _) => {
            out.push_str(&format!("no rotation fits: {reason}\n"));
            for f in &p.fixes {
                out.push_str(&format!("    - {f}\n"));
            }
        }
        (None, Some(o)) => {
            out.push_str(&format!(
                "total {} (teammates together {}, anchor days {}, preferred days {}, in-person {}); {} rep-days in",
                o.total, o.co_presence, o.anchor, o.preference, o.in_person, p.assignments
            ));
            if let Some(words) = &p.bound_words {
                out.push_str(&format!("; {words}"));
            }
            out.push('\n');
        }
        (None, None) => out.push_str("no plan\n"),
    }
    out
}

/// The what-if for a person: both plans' figures, desk use that differs,
/// and each rep whose days change.
fn text(v: &WhatIfView) -> String {
    let mut out = format!("what-if over {} week(s) from {}\n", v.weeks, v.from);
    out.push_str(&figures("current", &v.current));
    out.push_str(&figures("tried  ", &v.tried));
    for n in &v.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    let mut desk_lines = Vec::new();
    for o in &v.offices.rows {
        for (d, pair) in v.dates.iter().zip(&o.days) {
            if pair.before != pair.after || o.desks_before != o.desks_after {
                let show = |x: Option<u32>, desks| {
                    x.map_or("closed".to_string(), |n| format!("{n}/{desks}"))
                };
                desk_lines.push(format!(
                    "  {} {d}: {} -> {}\n",
                    o.office,
                    show(pair.before, o.desks_before),
                    show(pair.after, o.desks_after)
                ));
            }
        }
    }
    if v.compared && !desk_lines.is_empty() {
        out.push_str("desk use that changes (in/desks, current -> tried):\n");
        out.extend(desk_lines);
    }
    if !v.compared {
        out.push_str("reps: not compared (a plan is infeasible)\n");
        return out;
    }
    out.push_str(&format!("reps whose days change: {}\n", v.reps.total));
    let dates = |ds: &[chrono::NaiveDate]| {
        ds.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for r in &v.reps.rows {
        out.push_str(&format!("  {} ({})", r.name, r.rep));
        if r.office_before != r.office_after {
            out.push_str(&format!(
                " office {} -> {}",
                r.office_before.as_deref().unwrap_or("none"),
                r.office_after.as_deref().unwrap_or("none")
            ));
        }
        if !r.gained.is_empty() {
            out.push_str(&format!("; gains {}", dates(&r.gained)));
        }
        if !r.lost.is_empty() {
            out.push_str(&format!("; loses {}", dates(&r.lost)));
        }
        if !r.moved.is_empty() {
            out.push_str(&format!("; other office {}", dates(&r.moved)));
        }
        out.push_str(&format!(
            "; anchor days missed {} -> {}; teammates together {} -> {}\n",
            r.anchor_missed_before, r.anchor_missed_after, r.together_before, r.together_after
        ));
    }
    out
}
