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

/// A rotation answer as a board: one line per rep and week.
pub fn rotation_answer(a: &meridian::plan::rotation::RotationAnswer) -> String {
    use std::collections::BTreeMap;
    let mut out = String::new();
    if let Some(reason) = &a.infeasible_reason {
        out.push_str(&format!("no rotation fits: {reason}\n"));
        for f in &a.fixes {
            out.push_str(&format!("  - {f}\n"));
        }
        return out;
    }
    let mut by_rep: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for x in &a.assignments {
        let week = meridian::plan::rotation::iso_week(x.date);
        by_rep
            .entry((x.office.clone(), x.rep.clone()))
            .or_default()
            .push(format!("{week} {}", x.date.format("%a %d")));
    }
    for ((office, rep), days) in by_rep {
        out.push_str(&format!("{office:<6} {rep:<12} {}\n", days.join(", ")));
    }
    if let Some(o) = &a.objective {
        out.push_str(&format!(
            "objective {} = co-presence {} + anchor {} + preference {} + in-person {}",
            o.total, o.co_presence, o.anchor, o.preference, o.in_person
        ));
        if let Some(ub) = a.upper_bound {
            out.push_str(&format!(" (upper bound {ub})"));
        }
        out.push('\n');
    }
    out
}
