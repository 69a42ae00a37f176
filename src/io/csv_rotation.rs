//! The saved office-day rotation (`Scenario::office_days`) as a CSV grid a
//! lead opens in a spreadsheet: one row per rep with an office, one column
//! per date, the office's id where the rep is in.
//!
//! Invariants: every accepted office day appears in exactly one cell; rows
//! follow the board's order (office, then team, then the team's document
//! order); cells are guarded against formula injection like every CSV
//! Meridian writes. Export only: the rotation is edited on the board.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::csv_cells;
use crate::model::{Scenario, Weekday};

/// The grid: `id,name,team,office,days,2026-11-30 mon,…`, one row per rep
/// with a home office (remote reps have no office days), `days` their count
/// of office days. Dates run from the first to the last office day, every
/// Monday to Friday plus any other date someone is in. A UTF-8 byte-order
/// mark comes first so spreadsheets read accents right.
pub fn export(sc: &Scenario) -> String {
    let mut dates: BTreeSet<NaiveDate> = sc.office_days.iter().map(|d| d.date).collect();
    if let (Some(&first), Some(&last)) = (dates.first(), dates.last()) {
        dates.extend(
            first
                .iter_days()
                .take_while(|d| *d <= last)
                .filter(|d| Weekday::of(*d).index() < 5),
        );
    }
    let mut header: Vec<String> = ["id", "name", "team", "office", "days"]
        .map(String::from)
        .to_vec();
    header.extend(dates.iter().map(|d| format!("{d} {}", Weekday::of(*d))));
    let mut out = String::from("\u{feff}");
    csv_cells::write_row(&mut out, &header, ',');

    let mut days_of: HashMap<&str, HashMap<NaiveDate, &str>> = HashMap::new();
    for d in &sc.office_days {
        days_of
            .entry(d.rep.as_str())
            .or_default()
            .insert(d.date, d.office.as_str());
    }
    let office_rank = |id: Option<&str>| {
        id.and_then(|id| sc.offices.iter().position(|o| o.id == id))
            .unwrap_or(usize::MAX)
    };
    let team_rank = |id: Option<&str>| {
        id.and_then(|id| sc.teams.iter().position(|t| t.id == id))
            .unwrap_or(usize::MAX)
    };
    let mut reps: Vec<(usize, &crate::model::Rep)> = sc
        .reps
        .iter()
        .enumerate()
        .filter(|(_, r)| r.office.is_some() || days_of.contains_key(r.id.as_str()))
        .collect();
    reps.sort_by_key(|(i, r)| {
        (
            office_rank(r.office.as_deref()),
            team_rank(r.team.as_deref()),
            *i,
        )
    });
    for (_, r) in reps {
        let mine = days_of.get(r.id.as_str());
        let mut row = vec![
            r.id.clone(),
            r.name.clone(),
            r.team.clone().unwrap_or_default(),
            r.office.clone().unwrap_or_default(),
            mine.map_or(0, HashMap::len).to_string(),
        ];
        row.extend(dates.iter().map(|d| {
            mine.and_then(|m| m.get(d))
                .map(|o| (*o).to_string())
                .unwrap_or_default()
        }));
        csv_cells::write_row(&mut out, &row, ',');
    }
    out
}
