//! Readable (non-JSON) output of the planner commands.

use meridian::plan::meeting::{MeetingAnswer, Occurrence, Status};

fn when(utc: &str) -> &str {
    utc.get(..16).unwrap_or(utc)
}

fn people(o: &Occurrence) -> String {
    o.attendees
        .iter()
        .map(|a| {
            let mark = match a.status {
                Status::Working => "",
                Status::Stretch => " ~",
                Status::Unavailable => " ✗",
            };
            format!(
                "{} {}{}",
                a.id,
                a.local_start.get(11..16).unwrap_or(""),
                mark
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A meeting answer as a short table: one line per suggestion, then notes.
pub fn meeting_answer(a: &MeetingAnswer) -> String {
    let mut out = format!("request {}\n", a.request);
    if let Some(reason) = &a.infeasible_reason {
        out.push_str(&format!("  no slot fits: {reason}\n"));
        for w in &a.ways_out {
            out.push_str(&format!("  - {w}\n"));
        }
    }
    for (i, s) in a.suggestions.iter().enumerate() {
        out.push_str(&format!(
            "  {}. {} UTC  cost {:>4}  {}\n",
            i + 1,
            when(&s.start),
            s.cost,
            s.occurrences.first().map(people).unwrap_or_default()
        ));
    }
    if let Some(plan) = &a.fair_plan {
        out.push_str(&format!(
            "  fair plan: worst-off person stretches {} min in total, total cost {}\n",
            plan.max_person_stretch_minutes, plan.total_cost
        ));
        for (k, o) in plan.occurrences.iter().enumerate() {
            out.push_str(&format!(
                "  week {:>2}: {} UTC  cost {:>4}  {}\n",
                k + 1,
                when(&o.start),
                o.cost,
                people(o)
            ));
        }
        let ledger: Vec<String> = plan
            .per_person_stretch_minutes
            .iter()
            .map(|(id, m)| format!("{id} {m}"))
            .collect();
        out.push_str(&format!(
            "  stretch minutes per person: {}\n",
            ledger.join(", ")
        ));
    }
    for w in &a.dst_warnings {
        out.push_str(&format!("  note: {w}\n"));
    }
    if !a.suggestions.is_empty() {
        out.push_str("  (local start times; ~ = in stretch hours, ✗ = unavailable)\n");
    }
    out
}

/// A rotation answer as a board: per ISO week, one row per rep (by office
/// and team) with a mark per day and why the rep is in on those days.
pub fn rotation_answer(a: &meridian::plan::rotation::RotationAnswer) -> String {
    use std::collections::HashSet;
    let mut out = String::new();
    if let Some(reason) = &a.infeasible_reason {
        out.push_str(&format!("no rotation fits: {reason}\n"));
        for f in &a.fixes {
            out.push_str(&format!("  - {f}\n"));
        }
        return out;
    }
    let in_office: HashSet<(&str, chrono::NaiveDate)> = a
        .assignments
        .iter()
        .map(|x| (x.rep.as_str(), x.date))
        .collect();
    let rep_w = a
        .explanations
        .iter()
        .map(|e| e.rep.len())
        .max()
        .unwrap_or(3)
        .max(3);
    let team_w = a
        .explanations
        .iter()
        .map(|e| e.team.as_deref().map_or(1, str::len))
        .max()
        .unwrap_or(4)
        .max(4);
    let office_w = a
        .explanations
        .iter()
        .map(|e| e.office.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut week = "";
    for e in &a.explanations {
        let Some(monday) = e
            .days
            .first()
            .map(|d| {
                d.date
                    - chrono::Duration::days(i64::from(
                        chrono::Datelike::weekday(&d.date).num_days_from_monday(),
                    ))
            })
            .or_else(|| week_monday(&e.week))
        else {
            continue;
        };
        if e.week != week {
            week = &e.week;
            out.push_str(&format!(
                "\n{} ({} – {})\n{:office_w$} {:team_w$} {:rep_w$}  Mo Tu We Th Fr Sa Su\n",
                e.week,
                monday.format("%-d %b"),
                (monday + chrono::Duration::days(6)).format("%-d %b %Y"),
                "OFFICE",
                "TEAM",
                "REP",
            ));
        }
        let marks: Vec<&str> = (0..7)
            .map(|k| {
                let d = monday + chrono::Duration::days(k);
                if in_office.contains(&(e.rep.as_str(), d)) {
                    "■ "
                } else {
                    "· "
                }
            })
            .collect();
        out.push_str(&format!(
            "{:office_w$} {:team_w$} {:rep_w$}  {} {}\n",
            e.office,
            e.team.as_deref().unwrap_or("-"),
            e.rep,
            marks.concat(),
            e.summary
        ));
    }
    if let Some(o) = &a.objective {
        out.push_str(&format!(
            "\nobjective {} = co-presence {} + anchor {} + preference {} + in-person {}",
            o.total, o.co_presence, o.anchor, o.preference, o.in_person
        ));
        if let Some(ub) = a.upper_bound {
            if ub == o.total {
                out.push_str(" (proven optimal)");
            } else {
                out.push_str(&format!(
                    " (upper bound {ub}: at most {:.1}% below optimal)",
                    100.0 * (ub - o.total) as f64 / ub.max(1) as f64
                ));
            }
        }
        out.push('\n');
    }
    out
}

/// The Monday of an ISO week label `2026-W49`.
fn week_monday(label: &str) -> Option<chrono::NaiveDate> {
    let (year, week) = label.split_once("-W")?;
    chrono::NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, chrono::Weekday::Mon)
}
