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
    if let Some(note) = &a.varied {
        out.push_str(&format!("  {note} --exact prints it.\n"));
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
/// and team) with a mark per day and why the rep is in on those days (the
/// plan's `explanations`, in the answer's order).
pub fn rotation_answer(
    a: &meridian::plan::rotation::RotationAnswer,
    explanations: &[meridian::plan::rotation::RepWeek],
) -> String {
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
    let rep_w = explanations
        .iter()
        .map(|e| e.rep.len())
        .max()
        .unwrap_or(3)
        .max(3);
    let team_w = explanations
        .iter()
        .map(|e| e.team.as_deref().map_or(1, str::len))
        .max()
        .unwrap_or(4)
        .max(4);
    let office_w = explanations
        .iter()
        .map(|e| e.office.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut week = "";
    for e in explanations {
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
        if let (Some(ub), Some(words)) = (a.upper_bound, a.bound_words()) {
            if ub <= o.total {
                out.push_str(&format!(" ({words})"));
            } else {
                out.push_str(&format!(" ({words}: at most {ub})"));
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

/// `81%`, `∞`.
fn pct(u: Option<f64>) -> String {
    u.map_or_else(|| "∞".to_string(), |u| format!("{:.0}%", u * 100.0))
}

/// Minutes as hours, one decimal when needed (`9 h`, `9.5 h`).
fn hrs(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30).div_euclid(60);
    if tenths % 10 == 0 {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

/// A balance answer as a table: per rep capacity, load and utilisation
/// before → after; then the moves with their reasons, tasks at risk, tasks
/// nobody can take, and how good the plan is known to be.
pub fn balance_answer(a: &meridian::plan::balance::BalanceAnswer) -> String {
    let mut out = format!("workload {} – {}\n", a.from, a.to);
    let header = [
        "REP",
        "ZONE",
        "CAPACITY",
        "LOAD BEFORE → AFTER",
        "UTILISATION",
        "AT RISK",
    ]
    .map(String::from);
    let rows: Vec<[String; 6]> = a
        .reps
        .iter()
        .map(|r| {
            [
                r.rep.clone(),
                r.time_zone.clone(),
                hrs(r.capacity_minutes),
                format!("{} → {}", hrs(r.load_before_minutes), hrs(r.load_minutes)),
                format!("{} → {}", pct(r.utilization_before), pct(r.utilization)),
                format!("{} → {}", r.at_risk_before, r.at_risk),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let pad = w.saturating_sub(c.chars().count());
                if i >= 2 {
                    format!("{}{c}", " ".repeat(pad))
                } else {
                    format!("{c}{}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    let (b, o) = (&a.before, &a.objective);
    let squares = |s: Option<f64>| s.map_or_else(|| "∞".to_string(), |s| format!("{s:.3}"));
    out.push_str(&format!(
        "\nat risk {} → {}, highest utilisation {} → {}, moves {}, sum of squares {} → {}",
        b.at_risk,
        o.at_risk,
        pct(b.max_utilization),
        pct(o.max_utilization),
        o.moves,
        squares(b.sum_squares),
        squares(o.sum_squares)
    ));
    if a.bounds.optimal {
        out.push_str(" (proven optimal)\n");
    } else {
        out.push_str(&format!(
            " (no plan has fewer than {} at risk or a highest utilisation below {})\n",
            a.bounds.at_risk,
            pct(a.bounds.max_utilization)
        ));
    }
    let changes: Vec<_> = a
        .assignments
        .iter()
        .filter(|x| x.reason.is_some())
        .collect();
    if !changes.is_empty() {
        out.push_str(&format!("\n{} proposed change(s):\n", changes.len()));
        for x in changes {
            out.push_str(&format!(
                "  {} {} ({}): {} → {}  {}\n",
                x.task,
                x.title,
                hrs(x.minutes),
                x.moved_from.as_deref().unwrap_or("unassigned"),
                x.rep,
                x.reason.as_deref().unwrap_or("")
            ));
        }
    }
    let risky: Vec<_> = a.assignments.iter().filter(|x| x.at_risk).collect();
    if !risky.is_empty() {
        out.push_str(&format!("\n{} task(s) still at risk:\n", risky.len()));
        for x in risky {
            out.push_str(&format!(
                "  {} {} ({}) with {}, due {}{}\n",
                x.task,
                x.title,
                hrs(x.minutes),
                x.rep,
                x.due,
                if x.pinned { " (pinned)" } else { "" }
            ));
        }
    }
    if !a.unassignable.is_empty() {
        out.push_str(&format!(
            "\n{} task(s) nobody can take:\n",
            a.unassignable.len()
        ));
        for u in &a.unassignable {
            out.push_str(&format!("  {}: {}\n", u.task, u.reason));
        }
    }
    out
}

/// An agenda as a day-by-day list in the rep's zone.
pub fn agenda(a: &meridian::plan::agenda::Agenda) -> String {
    use meridian::plan::agenda::AgendaItem;
    let mut out = format!("{} ({})\n", a.rep, a.time_zone);
    if a.items.is_empty() {
        out.push_str("  nothing on the agenda\n");
        return out;
    }
    let mut day = String::new();
    for item in &a.items {
        let (date, line) = match item {
            AgendaItem::Meeting {
                id,
                title,
                local_start,
                local_end,
                ..
            } => {
                let (d, start) = local_start.split_once('T').unwrap_or((local_start, ""));
                let (end_d, end) = local_end.split_once('T').unwrap_or((local_end, ""));
                let next = if end_d != d { " (+1)" } else { "" };
                (
                    d.to_string(),
                    format!("{start}–{end}{next}  {title} [{id}]"),
                )
            }
            AgendaItem::TimeOff { date } => (date.to_string(), "time off".to_string()),
            AgendaItem::Holiday { date, name, region } => (
                date.to_string(),
                format!("public holiday: {name} ({region})"),
            ),
            AgendaItem::OfficeDay { date, office } => {
                (date.to_string(), format!("in the office: {office}"))
            }
        };
        if date != day {
            let label = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                .map(|d| d.format("%a %-d %b %Y").to_string())
                .unwrap_or_else(|_| date.clone());
            out.push_str(&format!("{label}\n"));
            day = date;
        }
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// A reps CSV preview: one line per row (what it does, the id, the columns an
/// update changes), warnings, and the totals. Errors are printed by the caller.
pub fn reps_csv_preview(p: &meridian::io::csv_reps::RepsCsvPreview) -> String {
    use meridian::io::csv_reps::RowAction;
    let mut out = String::new();
    for r in &p.rows {
        let what = match r.action {
            RowAction::Add => "add".to_string(),
            RowAction::Update => format!("update ({})", r.changed.join(", ")),
            RowAction::Unchanged => "unchanged".to_string(),
            RowAction::Invalid => "invalid".to_string(),
        };
        out.push_str(&format!("row {:>4}  {:<16} {what}\n", r.row, r.id));
    }
    for w in &p.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out.push_str(&format!(
        "{} to add, {} to update, {} unchanged, {} error(s)\n",
        p.added,
        p.updated,
        p.unchanged,
        p.errors.len()
    ));
    out
}

/// A plain-text table, columns padded to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// `12.3 MB`, `840 kB`, `512 B`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} kB", b / 1_000),
        b => format!("{b} B"),
    }
}

/// The backups folder as a table, newest first: what each snapshot holds,
/// or why it cannot be read.
pub fn backups(list: &[meridian::store::backup::BackupInfo]) -> String {
    if list.is_empty() {
        return "(no backups yet: `meridian backup` makes one)\n".to_string();
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            let holds = match (&b.counts, &b.problem) {
                (Some(c), _) => format!(
                    "{} teams, {} offices, {} reps, {} meetings, {} tasks",
                    c.teams, c.offices, c.reps, c.meetings, c.tasks
                ),
                (None, Some(p)) => format!("cannot be read: {p}"),
                (None, None) => "cannot be read".to_string(),
            };
            vec![
                b.file.clone(),
                b.created.replace('T', " ").replace('Z', " UTC"),
                size(b.bytes),
                if b.automatic { "automatic" } else { "manual" }.to_string(),
                holds,
            ]
        })
        .collect();
    let mut out = table(&["FILE", "CREATED", "SIZE", "TAKEN", "HOLDS"], &rows);
    if let Some(dir) = list
        .first()
        .and_then(|b| std::path::Path::new(&b.path).parent())
    {
        out.push_str(&format!(
            "in {} (`meridian restore FILE` brings one back)\n",
            dir.display()
        ));
    }
    out
}
