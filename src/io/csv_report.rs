//! The reports (`plan::report`) as CSV a lead opens in a spreadsheet: one
//! table per report, one row per figure's place (office-date, team-week,
//! rep-week), written with the `csv` crate after [`csv_cells::guard`] so no
//! name runs as a formula. Export only.
//!
//! Invariant: every cell that holds text from the team (ids, names,
//! holiday names) is guarded; a UTF-8 byte-order mark comes first so
//! spreadsheets read accents right.

use super::csv_cells::guard;
use crate::plan::report::{
    ComplianceStatus, ComplianceTotals, DeskUse, RepCompliance, TeamCompliance, TeamPresence,
};

fn writer() -> csv::Writer<Vec<u8>> {
    let mut buf = Vec::new();
    buf.extend_from_slice("\u{feff}".as_bytes());
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buf)
}

fn row(w: &mut csv::Writer<Vec<u8>>, cells: &[String]) -> Result<(), csv::Error> {
    w.write_record(cells.iter().map(|c| guard(c)))
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    // Every cell came from a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

fn opt(v: Option<u32>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// `office_id,office,desks,date,week,weekday,used,percent,closed,holiday`:
/// one row per office and date.
///
/// # Errors
/// Only if the writer fails (it writes to memory).
pub fn desks(offices: &[DeskUse]) -> Result<String, csv::Error> {
    let mut w = writer();
    row(
        &mut w,
        &[
            "office_id",
            "office",
            "desks",
            "date",
            "week",
            "weekday",
            "used",
            "percent",
            "closed",
            "holiday",
        ]
        .map(String::from),
    )?;
    for o in offices {
        for d in &o.days {
            row(
                &mut w,
                &[
                    o.office.clone(),
                    o.name.clone(),
                    o.desks.to_string(),
                    d.date.to_string(),
                    crate::plan::rotation::iso_week(d.date),
                    crate::model::Weekday::of(d.date).to_string(),
                    d.used.to_string(),
                    opt(d.percent),
                    if d.closed { "yes" } else { "no" }.to_string(),
                    d.holiday.clone().unwrap_or_default(),
                ],
            )?;
        }
    }
    finish(w)
}

/// `team_id,team,members,week,member_days,together_days,percent,pairs`:
/// one row per team and week, then the team's `total` row.
///
/// # Errors
/// Only if the writer fails.
pub fn teams(teams: &[TeamPresence]) -> Result<String, csv::Error> {
    let mut w = writer();
    row(
        &mut w,
        &[
            "team_id",
            "team",
            "members",
            "week",
            "member_days",
            "together_days",
            "percent",
            "pairs",
        ]
        .map(String::from),
    )?;
    for t in teams {
        let weeks = t.weeks.iter().map(|x| (x.week.clone(), x.figures));
        for (week, f) in weeks.chain([("total".to_string(), t.total)]) {
            row(
                &mut w,
                &[
                    t.team.clone(),
                    t.name.clone(),
                    t.members.to_string(),
                    week,
                    f.member_days.to_string(),
                    f.together_days.to_string(),
                    opt(f.percent),
                    f.pairs.to_string(),
                ],
            )?;
        }
    }
    finish(w)
}

const COMPLIANCE_HEADER: [&str; 19] = [
    "level",
    "team_id",
    "team",
    "rep_id",
    "rep",
    "week",
    "office_days",
    "min",
    "max",
    "available",
    "required",
    "status",
    "below",
    "within",
    "above",
    "anchor_attended",
    "anchor_available",
    "preferred_granted",
    "preferred_available",
];

fn totals_cells(t: &ComplianceTotals) -> [String; 7] {
    [
        t.below.to_string(),
        t.within.to_string(),
        t.above.to_string(),
        t.anchor_attended.to_string(),
        t.anchor_available.to_string(),
        t.preferred_granted.to_string(),
        t.preferred_available.to_string(),
    ]
}

/// One table, [`COMPLIANCE_HEADER`]'s columns: `team` rows (each team's
/// weeks and `total`: rep-weeks below/within/above), then `rep` rows (each
/// rep's weeks with bounds and status, and `total`).
///
/// # Errors
/// Only if the writer fails.
pub fn compliance(teams: &[TeamCompliance], reps: &[RepCompliance]) -> Result<String, csv::Error> {
    let mut w = writer();
    row(&mut w, &COMPLIANCE_HEADER.map(String::from))?;
    let blank = String::new;
    for t in teams {
        let weeks = t.weeks.iter().map(|x| (x.week.clone(), x.totals));
        for (week, f) in weeks.chain([("total".to_string(), t.total)]) {
            let mut cells = vec![
                "team".to_string(),
                t.team.clone().unwrap_or_default(),
                t.name.clone(),
                blank(),
                blank(),
                week,
                f.office_days.to_string(),
                blank(),
                blank(),
                blank(),
                blank(),
                blank(),
            ];
            cells.extend(totals_cells(&f));
            row(&mut w, &cells)?;
        }
    }
    let team_name = |id: &Option<String>| {
        teams
            .iter()
            .find(|t| &t.team == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    for r in reps {
        let team = (r.team.clone().unwrap_or_default(), team_name(&r.team));
        for x in &r.weeks {
            let status = match x.status {
                ComplianceStatus::Below => "below",
                ComplianceStatus::Within => "within",
                ComplianceStatus::Above => "above",
            };
            let cells = [
                "rep".to_string(),
                team.0.clone(),
                team.1.clone(),
                r.rep.clone(),
                r.name.clone(),
                x.week.clone(),
                x.office_days.to_string(),
                x.min.to_string(),
                x.max.to_string(),
                x.available.to_string(),
                x.required.to_string(),
                status.to_string(),
                blank(),
                blank(),
                blank(),
                x.anchor_attended.to_string(),
                x.anchor_available.to_string(),
                x.preferred_granted.to_string(),
                x.preferred_available.to_string(),
            ];
            row(&mut w, &cells)?;
        }
        let mut cells = vec![
            "rep".to_string(),
            team.0.clone(),
            team.1.clone(),
            r.rep.clone(),
            r.name.clone(),
            "total".to_string(),
            r.total.office_days.to_string(),
            blank(),
            blank(),
            blank(),
            blank(),
            blank(),
        ];
        cells.extend(totals_cells(&r.total));
        row(&mut w, &cells)?;
    }
    finish(w)
}
