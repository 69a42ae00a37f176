//! Reps as a CSV file: the template, the export, and the import's preview
//! (each row parsed, placed by spreadsheet row and column, merged into the
//! stored team and validated by the document's rules).
//!
//! Invariants:
//! - `parse(export(team))` gives back the same reps: every column the export
//!   writes is read back to the same value (the cell syntax is in DESIGN.md,
//!   "CSV import/export").
//! - A file is only ever merged whole: [`preview`] returns the merged team
//!   only when no row has an error, and the facade stores it through the same
//!   validate-and-replace path as every other edit.
//! - Unknown columns are errors (a typo must not be silently ignored); only
//!   the columns of [`IGNORED_COLUMNS`] are skipped, with a warning.
//! - Sans-IO: text in, values out; the caller reads files and the database.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::csv_cells::{self, CsvProblem, Record};
use crate::error::Problem;
use crate::holidays;
use crate::io::scenario::{self, ScenarioError};
use crate::model::{
    default_working_hours, parse_date, ClockTime, DateRange, DayRange, Hours, Interval, Rep,
    Scenario, Trip, WeekHours, Weekday,
};
use crate::rules::limits;
use crate::tz;

/// A column of the reps file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Col {
    Id,
    Name,
    Team,
    TimeZone,
    Office,
    WorkingHours,
    StretchHours,
    Capacity,
    OfficeDaysMin,
    OfficeDaysMax,
    Preferred,
    NoOffice,
    TimeOff,
    Holidays,
    Travel,
    Skills,
}

impl Col {
    const ALL: [Col; 16] = [
        Col::Id,
        Col::Name,
        Col::Team,
        Col::TimeZone,
        Col::Office,
        Col::WorkingHours,
        Col::StretchHours,
        Col::Capacity,
        Col::OfficeDaysMin,
        Col::OfficeDaysMax,
        Col::Preferred,
        Col::NoOffice,
        Col::TimeOff,
        Col::Holidays,
        Col::Travel,
        Col::Skills,
    ];

    fn name(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Name => "name",
            Col::Team => "team",
            Col::TimeZone => "time_zone",
            Col::Office => "office",
            Col::WorkingHours => "working_hours",
            Col::StretchHours => "stretch_hours",
            Col::Capacity => "capacity_hours_per_week",
            Col::OfficeDaysMin => "office_days_min",
            Col::OfficeDaysMax => "office_days_max",
            Col::Preferred => "preferred_office_days",
            Col::NoOffice => "no_office_days",
            Col::TimeOff => "time_off",
            Col::Holidays => "holidays",
            Col::Travel => "travel",
            Col::Skills => "skills",
        }
    }

    /// The column of a document field (`reps[i].<field>…`).
    fn of_path(rest: &str) -> Option<Col> {
        let field = rest.split(['.', '[']).next().unwrap_or("");
        if field == "office_days_per_week" {
            return Some(if rest.ends_with(".max") {
                Col::OfficeDaysMax
            } else {
                Col::OfficeDaysMin
            });
        }
        Col::ALL.into_iter().find(|c| c.name() == field)
    }
}

/// The columns of the template and the export, in order.
pub const COLUMNS: [&str; 16] = [
    "id",
    "name",
    "team",
    "time_zone",
    "office",
    "working_hours",
    "stretch_hours",
    "capacity_hours_per_week",
    "office_days_min",
    "office_days_max",
    "preferred_office_days",
    "no_office_days",
    "time_off",
    "holidays",
    "travel",
    "skills",
];

/// Columns a file may carry that Meridian does not store (a rep has no
/// e-mail address in the team document): skipped with a warning.
pub const IGNORED_COLUMNS: [&str; 4] = ["email", "phone", "notes", "comments"];

/// What importing a row would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    /// A rep with a new id.
    Add,
    /// Changes the stored rep with this id (see `changed`).
    Update,
    /// The stored rep already has exactly these values.
    Unchanged,
    /// The row has errors (see the preview's `errors`).
    Invalid,
}

/// One data row of the file as the import reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepsCsvRow {
    /// Spreadsheet row (the header is row 1).
    pub row: u32,
    /// The file line the row starts on.
    pub line: u32,
    /// The row's id cell as read.
    pub id: String,
    pub action: RowAction,
    /// The rep as it would be stored; `None` when a cell could not be read.
    pub rep: Option<Rep>,
    /// For an update: the columns whose value changes.
    pub changed: Vec<String>,
}

/// What importing a reps CSV file would do, without storing anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepsCsvPreview {
    /// The separator found in the header line: `,` or `;`.
    pub separator: String,
    /// The columns read, in file order (ignored ones left out).
    pub columns: Vec<String>,
    pub rows: Vec<RepsCsvRow>,
    /// Problems that stop the import; any one refuses the whole file.
    pub errors: Vec<CsvProblem>,
    /// Worth knowing, not stopping the import (ignored columns).
    pub warnings: Vec<CsvProblem>,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
}

impl RepsCsvPreview {
    fn empty(sep: u8) -> RepsCsvPreview {
        RepsCsvPreview {
            separator: char::from(sep).to_string(),
            columns: Vec::new(),
            rows: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            added: 0,
            updated: 0,
            unchanged: 0,
        }
    }

    /// A preview of a file that could not be read at all.
    pub fn unreadable(problem: CsvProblem) -> RepsCsvPreview {
        let mut p = RepsCsvPreview::empty(b',');
        p.errors.push(problem);
        p
    }

    /// The errors as a refused import: a [`ScenarioError`] whose paths are
    /// `row 3, column time_zone`.
    pub fn to_error(&self, file: &str) -> ScenarioError {
        ScenarioError {
            file: file.to_string(),
            problems: self
                .errors
                .iter()
                .map(|e| Problem {
                    path: e.place(),
                    message: e.message.clone(),
                })
                .collect(),
        }
    }
}

/// The template offered for download: the header and two example rows that
/// show every cell's syntax.
pub fn template() -> String {
    let mut ana = Rep::new("ana", "Ana Silva", "Europe/Lisbon");
    ana.team = Some("emea".into());
    ana.office = Some("lon".into());
    let split: &[Span] = &[(9, 0, 12, 0), (13, 0, 17, 30)];
    ana.working_hours = hours(&[
        (Weekday::Mon, split),
        (Weekday::Tue, split),
        (Weekday::Wed, split),
        (Weekday::Thu, split),
        (Weekday::Fri, &[(9, 0, 15, 0)]),
    ]);
    let early: &[Span] = &[(7, 30, 9, 0)];
    ana.stretch_hours = hours(&[
        (Weekday::Mon, early),
        (Weekday::Tue, early),
        (Weekday::Wed, early),
        (Weekday::Thu, early),
    ]);
    ana.office_days_per_week = Some(DayRange { min: 2, max: 3 });
    ana.preferred_office_days = vec![Weekday::Tue, Weekday::Wed];
    ana.no_office_days = vec![Weekday::Fri];
    ana.time_off = vec![
        DateRange {
            start: date(2026, 12, 21),
            end: date(2026, 12, 31),
        },
        DateRange {
            start: date(2027, 1, 15),
            end: date(2027, 1, 15),
        },
    ];
    ana.skills = vec!["renewals".into(), "spanish".into()];
    ana.travel = vec![Trip {
        from: date(2027, 2, 8),
        to: date(2027, 2, 12),
        office: "nyc".into(),
    }];
    let mut kenji = Rep::new("kenji", "Kenji Watanabe", "Asia/Tokyo");
    kenji.working_hours = hours(&[
        (Weekday::Mon, &[(8, 0, 16, 0)]),
        (Weekday::Tue, &[(8, 0, 16, 0)]),
        (Weekday::Wed, &[(8, 0, 16, 0)]),
        (Weekday::Thu, &[(8, 0, 16, 0)]),
        (Weekday::Sat, &[(10, 0, 14, 0)]),
    ]);
    kenji.capacity_hours_per_week = Hours::parse("32.5").unwrap_or(Hours::from_whole(32));
    kenji.skills = vec!["key accounts".into(), "japanese".into()];
    kenji.holidays = Some(Some("JP".into()));
    export(&[ana, kenji])
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// `(start hour, start minute, end hour, end minute)`.
type Span = (u16, u16, u16, u16);

fn hours(days: &[(Weekday, &[Span])]) -> WeekHours {
    days.iter()
        .map(|(w, ivs)| {
            let ivs = ivs
                .iter()
                .filter_map(|&(h1, m1, h2, m2)| {
                    Some(Interval(
                        ClockTime::from_minutes(h1 * 60 + m1)?,
                        ClockTime::from_minutes(h2 * 60 + m2)?,
                    ))
                })
                .collect();
            (*w, ivs)
        })
        .collect()
}

/// The reps as CSV: the template's columns, `,`-separated, a UTF-8
/// byte-order mark first (so spreadsheets read accents right), formula-like
/// cells guarded with an apostrophe.
pub fn export(reps: &[Rep]) -> String {
    let mut out = String::from("\u{feff}");
    csv_cells::write_row(&mut out, &COLUMNS, ',');
    for r in reps {
        let cells: Vec<String> = Col::ALL.into_iter().map(|c| cell_of(r, c)).collect();
        csv_cells::write_row(&mut out, &cells, ',');
    }
    out
}

/// A rep's value in one column, in the cell syntax.
fn cell_of(r: &Rep, col: Col) -> String {
    match col {
        Col::Id => r.id.clone(),
        Col::Name => r.name.clone(),
        Col::Team => r.team.clone().unwrap_or_default(),
        Col::TimeZone => r.time_zone.clone(),
        Col::Office => r.office.clone().unwrap_or_default(),
        Col::WorkingHours if week_is_empty(&r.working_hours) => "none".into(),
        Col::WorkingHours => format_week(&r.working_hours),
        Col::StretchHours => format_week(&r.stretch_hours),
        Col::Capacity => r.capacity_hours_per_week.to_string(),
        Col::OfficeDaysMin => r
            .office_days_per_week
            .map(|d| d.min.to_string())
            .unwrap_or_default(),
        Col::OfficeDaysMax => r
            .office_days_per_week
            .map(|d| d.max.to_string())
            .unwrap_or_default(),
        Col::Preferred => join_days(&r.preferred_office_days),
        Col::NoOffice => join_days(&r.no_office_days),
        Col::TimeOff => r
            .time_off
            .iter()
            .map(|t| {
                if t.start == t.end {
                    t.start.to_string()
                } else {
                    format!("{}..{}", t.start, t.end)
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        // Empty: the home office's region; `none`: the document's `null`.
        Col::Holidays => match &r.holidays {
            None => String::new(),
            Some(None) => "none".into(),
            Some(Some(code)) => code.clone(),
        },
        Col::Travel => r
            .travel
            .iter()
            .map(|t| {
                if t.from == t.to {
                    format!("{} {}", t.from, t.office)
                } else {
                    format!("{}..{} {}", t.from, t.to, t.office)
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        Col::Skills if r.skills.iter().any(|s| s.contains(char::is_whitespace)) => {
            r.skills.join(" | ")
        }
        Col::Skills => r.skills.join(" "),
    }
}

fn week_is_empty(w: &WeekHours) -> bool {
    w.values().all(Vec::is_empty)
}

fn join_days(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `mon-fri 09:00-12:00, 13:00-17:30; sat 10:00-14:00`: days with the same
/// hours share a group, in weekday order of their first day; runs of three
/// or more days are written as a range.
fn format_week(w: &WeekHours) -> String {
    let mut groups: Vec<(Vec<Weekday>, &Vec<Interval>)> = Vec::new();
    for (day, ivs) in w.iter().filter(|(_, v)| !v.is_empty()) {
        match groups.iter_mut().find(|(_, g)| *g == ivs) {
            Some((days, _)) => days.push(*day),
            None => groups.push((vec![*day], ivs)),
        }
    }
    groups
        .iter()
        .map(|(days, ivs)| {
            let times: Vec<String> = ivs.iter().map(|i| format!("{}-{}", i.0, i.1)).collect();
            format!("{} {}", format_days(days), times.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `mon-wed,fri`: sorted days, runs of three or more as ranges.
fn format_days(days: &[Weekday]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1].index() == days[j].index() + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}-{}", days[i], days[j]));
        } else {
            parts.extend(days[i..=j].iter().map(|d| d.to_string()));
        }
        i = j + 1;
    }
    parts.join(",")
}

/// The header of a file: what each of its columns is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    Known(Col),
    /// Listed in [`IGNORED_COLUMNS`], or a second copy of an errored name.
    Ignored,
    /// No name: its cells must be empty.
    Blank,
}

fn normalise_header(cell: &str) -> String {
    csv_cells::unguard(cell.trim())
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Reads a reps file against the stored team: the preview, and the merged
/// team when the file has no errors (stored reps with a row's id are
/// updated, new ids added at the end in file order, reps absent from the
/// file kept; office days and locks the changes make impossible dropped).
pub fn preview(stored: &Scenario, text: &str) -> (RepsCsvPreview, Option<Scenario>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = csv_cells::detect_separator(text);
    let mut p = RepsCsvPreview::empty(sep);
    let records = match csv_cells::records(text, sep) {
        Ok(r) => r,
        Err(e) => {
            p.errors.push(e);
            return (p, None);
        }
    };
    let mut records = records.into_iter().filter(|r| !is_blank(r));
    let Some(header) = records.next() else {
        p.errors.push(CsvProblem::file(crate::tr!(
            "files-csv-empty",
            columns = COLUMNS.join(", ")
        )));
        return (p, None);
    };
    let headings = read_header(&header, &mut p);
    if !headings.contains(&Heading::Known(Col::Id)) {
        return (p, None);
    }
    let reader = RowReader::new(stored, &headings, &header.cells);
    let mut merged = stored.clone();
    let mut seen: HashMap<String, u32> = HashMap::new();
    // Index in `merged.reps` → index in `p.rows`.
    let mut row_of_rep: HashMap<usize, usize> = HashMap::new();
    for rec in records {
        let mut errs = Vec::new();
        let parsed = reader.read(&rec, &mut errs);
        let id = parsed.id.clone();
        if !id.is_empty() {
            if let Some(first) = seen.get(&id) {
                errs.push((
                    Some(Col::Id),
                    crate::tr!(
                        "files-csv-duplicate-id",
                        id = format!("{id:?}"),
                        first = *first
                    ),
                ));
            } else {
                seen.insert(id.clone(), rec.row);
            }
        }
        let stored_rep = stored.reps.iter().find(|r| r.id == id);
        let mut row = RepsCsvRow {
            row: rec.row,
            line: rec.line,
            id: id.clone(),
            action: RowAction::Invalid,
            rep: None,
            changed: Vec::new(),
        };
        if errs.is_empty() {
            if let Some(rep) = parsed.rep {
                match position(&merged.reps, &id) {
                    Some(i) => {
                        merged.reps[i] = rep.clone();
                        row_of_rep.insert(i, p.rows.len());
                    }
                    None => {
                        merged.reps.push(rep.clone());
                        row_of_rep.insert(merged.reps.len() - 1, p.rows.len());
                    }
                }
                row.action = match stored_rep {
                    None => RowAction::Add,
                    Some(old) => {
                        row.changed = Col::ALL
                            .into_iter()
                            .filter(|&c| cell_of(old, c) != cell_of(&rep, c))
                            .map(|c| c.name().to_string())
                            .collect();
                        if row.changed.is_empty() && old == &rep {
                            RowAction::Unchanged
                        } else {
                            RowAction::Update
                        }
                    }
                };
                row.rep = Some(rep);
            }
        }
        for (col, message) in errs {
            p.errors.push(CsvProblem {
                row: Some(rec.row),
                line: Some(rec.line),
                column: col.map(|c| reader.column_name(c)),
                message,
            });
        }
        p.rows.push(row);
    }
    merged.prune_dependents();
    if let Err(problems) = scenario::validate(&merged) {
        for pr in problems {
            let placed = pr
                .path
                .strip_prefix("reps[")
                .and_then(|rest| rest.split_once(']'))
                .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest)))
                .and_then(|(i, rest)| Some((*row_of_rep.get(&i)?, rest)));
            match placed {
                Some((ri, rest)) => {
                    let rest = rest.trim_start_matches('.');
                    let col = Col::of_path(rest);
                    let detail = col
                        .map(|c| rest.strip_prefix(json_field(c)).unwrap_or(rest))
                        .unwrap_or(rest)
                        .trim_start_matches('.');
                    let row = &mut p.rows[ri];
                    row.action = RowAction::Invalid;
                    p.errors.push(CsvProblem {
                        row: Some(row.row),
                        line: Some(row.line),
                        column: col.map(|c| reader.column_name(c)),
                        message: if detail.is_empty() {
                            pr.message
                        } else {
                            format!("{detail}: {}", pr.message)
                        },
                    });
                }
                None => p.errors.push(CsvProblem::file(pr.to_string())),
            }
        }
    }
    p.errors.sort_by_key(|e| e.row);
    for r in &p.rows {
        match r.action {
            RowAction::Add => p.added += 1,
            RowAction::Update => p.updated += 1,
            RowAction::Unchanged => p.unchanged += 1,
            RowAction::Invalid => {}
        }
    }
    let merged = p.errors.is_empty().then_some(merged);
    (p, merged)
}

/// The document field a column fills.
fn json_field(c: Col) -> &'static str {
    match c {
        Col::OfficeDaysMin | Col::OfficeDaysMax => "office_days_per_week",
        c => c.name(),
    }
}

fn position(reps: &[Rep], id: &str) -> Option<usize> {
    reps.iter().position(|r| r.id == id)
}

fn is_blank(r: &Record) -> bool {
    r.cells.iter().all(|c| c.trim().is_empty())
}

fn read_header(header: &Record, p: &mut RepsCsvPreview) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut first_at: HashMap<Col, usize> = HashMap::new();
    let err = |p: &mut RepsCsvPreview, column: String, message: String| {
        p.errors.push(CsvProblem {
            row: Some(header.row),
            line: Some(header.line),
            column: Some(column),
            message,
        })
    };
    for (i, raw) in header.cells.iter().enumerate() {
        let name = normalise_header(raw);
        let shown = raw.trim().to_string();
        if name.is_empty() {
            headings.push(Heading::Blank);
            continue;
        }
        if let Some(c) = Col::ALL.into_iter().find(|c| c.name() == name) {
            if let Some(j) = first_at.get(&c) {
                err(
                    p,
                    shown,
                    crate::tr!("files-csv-column-twice", first = j + 1, second = i + 1),
                );
                headings.push(Heading::Ignored);
            } else {
                first_at.insert(c, i);
                p.columns.push(c.name().to_string());
                headings.push(Heading::Known(c));
            }
        } else if IGNORED_COLUMNS.contains(&name.as_str()) {
            p.warnings.push(CsvProblem {
                row: Some(header.row),
                line: Some(header.line),
                column: Some(shown),
                message: crate::tr!("files-csv-column-ignored"),
            });
            headings.push(Heading::Ignored);
        } else {
            let message = match closest(&name) {
                Some(c) => crate::tr!("files-csv-unknown-column-near", column = format!("{c:?}")),
                None => crate::tr!("files-csv-unknown-column", columns = COLUMNS.join(", ")),
            };
            err(p, shown, message);
            headings.push(Heading::Ignored);
        }
    }
    if !first_at.contains_key(&Col::Id) {
        p.errors.push(CsvProblem {
            row: Some(header.row),
            line: Some(header.line),
            column: None,
            message: crate::tr!("files-csv-no-id-column", columns = COLUMNS.join(", ")),
        });
    }
    if first_at.contains_key(&Col::OfficeDaysMin) != first_at.contains_key(&Col::OfficeDaysMax) {
        let missing = if first_at.contains_key(&Col::OfficeDaysMin) {
            Col::OfficeDaysMax
        } else {
            Col::OfficeDaysMin
        };
        p.errors.push(CsvProblem {
            row: Some(header.row),
            line: Some(header.line),
            column: None,
            message: crate::tr!("files-csv-office-days-column", column = missing.name()),
        });
    }
    headings
}

/// The known column nearest to a misspelt one (edit distance ≤ 3, or one
/// containing the other).
fn closest(name: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .map(|c| (strsim::levenshtein(name, c), *c))
        .filter(|(d, c)| *d <= 3 || (name.len() >= 4 && (c.contains(name) || name.contains(c))))
        .min()
        .map(|(_, c)| c)
}

/// What one row gave: its id and, when every cell was read, the rep.
struct ParsedRow {
    id: String,
    rep: Option<Rep>,
}

type CellErrors = Vec<(Option<Col>, String)>;

/// Reads data rows against the stored team (for updates and references).
struct RowReader<'a> {
    stored: &'a Scenario,
    headings: &'a [Heading],
    /// The column's name as the file's header spells it.
    names: BTreeMap<Col, String>,
    /// The stored team and office ids, built once per import so every
    /// reference (a row's team and office, each trip's office) is one
    /// lookup, not a pass over the list.
    team_ids: HashSet<&'a str>,
    office_ids: HashSet<&'a str>,
    /// Unknown holidays regions given the nearest codes so far: each costs
    /// a pass over every code, so only the first few do.
    region_hints: std::cell::Cell<usize>,
}

impl<'a> RowReader<'a> {
    fn new(stored: &'a Scenario, headings: &'a [Heading], header: &[String]) -> RowReader<'a> {
        let names = headings
            .iter()
            .zip(header)
            .filter_map(|(h, raw)| match h {
                Heading::Known(c) => Some((*c, raw.trim().to_string())),
                _ => None,
            })
            .collect();
        RowReader {
            stored,
            headings,
            names,
            team_ids: stored.teams.iter().map(|t| t.id.as_str()).collect(),
            office_ids: stored.offices.iter().map(|o| o.id.as_str()).collect(),
            region_hints: std::cell::Cell::new(0),
        }
    }

    /// Whether the next unknown region still gets the nearest codes.
    fn hint_region(&self) -> bool {
        let n = self.region_hints.get();
        self.region_hints.set(n + 1);
        n < 50
    }

    fn column_name(&self, c: Col) -> String {
        self.names
            .get(&c)
            .cloned()
            .unwrap_or_else(|| c.name().to_string())
    }

    fn read(&self, rec: &Record, errs: &mut CellErrors) -> ParsedRow {
        let mut cells: BTreeMap<Col, &str> = BTreeMap::new();
        for (i, raw) in rec.cells.iter().enumerate() {
            let value = csv_cells::unguard(raw.trim());
            match self.headings.get(i) {
                Some(Heading::Known(c)) => {
                    cells.insert(*c, value);
                }
                Some(Heading::Ignored) => {}
                Some(Heading::Blank) | None if value.is_empty() => {}
                Some(Heading::Blank) => errs.push((
                    None,
                    crate::tr!(
                        "files-csv-blank-heading",
                        index = i + 1,
                        value = format!("{value:?}")
                    ),
                )),
                None => errs.push((
                    None,
                    crate::tr!(
                        "files-csv-extra-cell",
                        cells = rec.cells.len(),
                        columns = self.headings.len(),
                        index = i + 1,
                        value = format!("{value:?}")
                    ),
                )),
            }
        }
        let id = cells.get(&Col::Id).copied().unwrap_or("").to_string();
        if id.is_empty() {
            errs.push((Some(Col::Id), crate::tr!("files-csv-id-required")));
            return ParsedRow { id, rep: None };
        }
        let before = errs.len();
        let existing = self.stored.reps.iter().find(|r| r.id == id);
        let mut rep = match existing {
            Some(r) => r.clone(),
            None => {
                if !cells.contains_key(&Col::TimeZone) {
                    errs.push((
                        None,
                        crate::tr!("files-csv-new-rep-zone", id = format!("{id:?}")),
                    ));
                }
                Rep::new(&id, &id, "")
            }
        };
        for (&col, &value) in &cells {
            let mut err = |m: String| errs.push((Some(col), m));
            match col {
                Col::Id => {}
                Col::Name => {
                    rep.name = if value.is_empty() {
                        id.clone()
                    } else {
                        value.into()
                    }
                }
                Col::Team => {
                    rep.team = self.reference(value, "team", &self.team_ids, &mut err, |sc| {
                        sc.teams
                            .iter()
                            .map(|t| (t.id.as_str(), t.name.as_str()))
                            .collect()
                    })
                }
                Col::Office => {
                    rep.office = self.reference(value, "office", &self.office_ids, &mut err, |sc| {
                        sc.offices
                            .iter()
                            .map(|o| (o.id.as_str(), o.name.as_str()))
                            .collect()
                    })
                }
                Col::TimeZone => match zone(value) {
                    Ok(z) => rep.time_zone = z,
                    Err(m) => err(m),
                },
                Col::WorkingHours if value.is_empty() => {
                    rep.working_hours = default_working_hours()
                }
                Col::StretchHours if value.is_empty() => rep.stretch_hours = WeekHours::new(),
                Col::WorkingHours | Col::StretchHours => match parse_week(value) {
                    Ok(w) if col == Col::WorkingHours => rep.working_hours = w,
                    Ok(w) => rep.stretch_hours = w,
                    Err(m) => err(m),
                },
                Col::Capacity => match capacity(value) {
                    Ok(h) => rep.capacity_hours_per_week = h,
                    Err(m) => err(m),
                },
                Col::OfficeDaysMin | Col::OfficeDaysMax => {}
                Col::Preferred | Col::NoOffice => match parse_days(value) {
                    Ok(d) if col == Col::Preferred => rep.preferred_office_days = d,
                    Ok(d) => rep.no_office_days = d,
                    Err(m) => err(m),
                },
                Col::TimeOff => match parse_time_off(value) {
                    Ok(t) => rep.time_off = t,
                    Err(m) => err(m),
                },
                Col::Holidays => match parse_holidays(value, self.hint_region()) {
                    Ok(h) => rep.holidays = h,
                    Err(m) => err(m),
                },
                Col::Travel => match self.travel(value, &mut err) {
                    Ok(t) => rep.travel = t,
                    Err(m) => err(m),
                },
                Col::Skills => rep.skills = parse_skills(value),
            }
        }
        if let (Some(mn), Some(mx)) = (
            cells.get(&Col::OfficeDaysMin),
            cells.get(&Col::OfficeDaysMax),
        ) {
            match office_days(mn, mx) {
                Ok(r) => rep.office_days_per_week = r,
                Err((c, m)) => errs.push((Some(c), m)),
            }
        }
        let rep = (errs.len() == before).then_some(rep);
        ParsedRow { id, rep }
    }

    /// `2026-12-07..2026-12-11 nyc; 2027-01-04 ber`: trips separated by `;`
    /// or line breaks, each an inclusive date range (or one date) then the
    /// office id (the rest of the trip, so an id may hold spaces). Sorted by
    /// first day, as the document keeps them; whether they overlap or go to
    /// the home office is the document's rule, checked on the merged team.
    ///
    /// Linear in the cell: a cell of more than [`limits::TRIPS`] trips is
    /// refused before any trip is read (one problem, as the document walk
    /// refuses a list over its limit), and each office is one set lookup.
    /// Only the first unknown office of the cell is reported through `err`
    /// (like the office column's), so a cell of many trips to a missing
    /// office is one problem, not one per trip.
    fn travel(&self, value: &str, err: &mut impl FnMut(String)) -> Result<Vec<Trip>, String> {
        let trips = || {
            value
                .split([';', '\n', '\r'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
        };
        let count = trips().count();
        if count > limits::TRIPS {
            return Err(crate::tr!(
                "files-csv-too-many-trips",
                count = count,
                limit = limits::TRIPS
            ));
        }
        let mut out = Vec::with_capacity(count);
        let mut known = true;
        for part in trips() {
            let (from, to, office) = trip_parts(part)?;
            if !known {
                // The cell's first unknown office was reported and the row
                // is refused; the rest is still read for syntax errors.
                continue;
            }
            let office = self.reference(office, "office", &self.office_ids, err, |sc| {
                sc.offices
                    .iter()
                    .map(|o| (o.id.as_str(), o.name.as_str()))
                    .collect()
            });
            match office {
                Some(office) => out.push(Trip { from, to, office }),
                None => known = false,
            }
        }
        if !known {
            return Ok(Vec::new());
        }
        out.sort_unstable();
        Ok(out)
    }

    /// An optional team or office id: empty is none; a known one is a
    /// lookup in `ids`; an unknown id is an error that lists the known ones
    /// (and the id of a name typed instead), the only case that walks
    /// `list`.
    fn reference(
        &self,
        value: &str,
        kind: &str,
        ids: &HashSet<&str>,
        err: &mut impl FnMut(String),
        list: impl for<'s> Fn(&'s Scenario) -> Vec<(&'s str, &'s str)>,
    ) -> Option<String> {
        if value.is_empty() {
            return None;
        }
        if ids.contains(value) {
            return Some(value.to_string());
        }
        let known = list(self.stored);
        let by_name = known
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(value))
            .map(|(id, _)| *id);
        let value = format!("{value:?}");
        err(match by_name {
            Some(id) => crate::tr!(
                "files-csv-reference-by-name",
                kind = kind,
                value = value,
                id = format!("{id:?}")
            ),
            None if known.is_empty() => {
                crate::tr!("files-csv-reference-none", kind = kind, value = value)
            }
            None => {
                let ids: Vec<String> = known
                    .iter()
                    .take(12)
                    .map(|(id, _)| format!("{id:?}"))
                    .collect();
                let more = if known.len() > 12 { ", …" } else { "" };
                crate::tr!(
                    "files-csv-reference-unknown",
                    kind = kind,
                    value = value,
                    ids = format!("{}{more}", ids.join(", "))
                )
            }
        });
        None
    }
}

fn zone(value: &str) -> Result<String, String> {
    if value.is_empty() {
        return Err(crate::tr!("files-csv-zone-required"));
    }
    if tz::is_valid_zone(value) {
        return Ok(value.to_string());
    }
    let near = tz::zone_names()
        .into_iter()
        .find(|z| z.eq_ignore_ascii_case(value));
    let value = format!("{value:?}");
    Err(match near {
        Some(z) => crate::tr!(
            "files-csv-zone-near",
            value = value,
            zone = format!("{z:?}")
        ),
        None => crate::tr!("files-csv-zone-unknown", value = value),
    })
}

fn capacity(value: &str) -> Result<Hours, String> {
    if value.is_empty() {
        return Ok(Hours::from_whole(40));
    }
    // A decimal comma (`37,5`) is what `;`-separated spreadsheets write.
    let text = if value.contains('.') {
        value.to_string()
    } else {
        value.replacen(',', ".", 1)
    };
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && text.chars().any(|c| c.is_ascii_digit());
    match Hours::parse(&text).filter(|_| ok) {
        Some(h) if h.is_negative() => Err(crate::tr!("files-csv-capacity-negative", value = value)),
        Some(h) => Ok(h),
        None => Err(crate::tr!(
            "files-csv-capacity-number",
            value = format!("{value:?}")
        )),
    }
}

fn office_days(mn: &str, mx: &str) -> Result<Option<DayRange>, (Col, String)> {
    let num = |s: &str, c: Col| -> Result<u32, (Col, String)> {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                (
                    c,
                    crate::tr!("files-csv-days-number", value = format!("{s:?}")),
                )
            })
    };
    match (mn.is_empty(), mx.is_empty()) {
        (true, true) => Ok(None),
        (false, true) => Err((Col::OfficeDaysMax, crate::tr!("files-csv-office-days-pair"))),
        (true, false) => Err((Col::OfficeDaysMin, crate::tr!("files-csv-office-days-pair"))),
        (false, false) => {
            let (a, b) = (num(mn, Col::OfficeDaysMin)?, num(mx, Col::OfficeDaysMax)?);
            if a > b {
                return Err((
                    Col::OfficeDaysMax,
                    crate::tr!("files-csv-office-days-order", max = b, min = a),
                ));
            }
            Ok(Some(DayRange { min: a, max: b }))
        }
    }
}

/// A weekday as written: `mon`, `Monday`, `TUES` (any prefix of the English
/// name of three letters or more, any case).
fn weekday(token: &str) -> Option<Weekday> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = token.to_lowercase();
    if t.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| n.starts_with(&t))
        .map(|i| Weekday::ALL[i])
}

/// `mon`, or a range `mon-fri` (not wrapping past Sunday).
fn day_spec(token: &str) -> Result<Vec<Weekday>, String> {
    let bad = || crate::tr!("files-csv-not-weekday", value = format!("{token:?}"));
    match token.split_once(['-', '–']) {
        Some((a, b)) => {
            let (a, b) = (
                weekday(a.trim()).ok_or_else(bad)?,
                weekday(b.trim()).ok_or_else(bad)?,
            );
            if a > b {
                return Err(crate::tr!(
                    "files-csv-day-range-backwards",
                    value = format!("{token:?}")
                ));
            }
            Ok(Weekday::ALL[a.index()..=b.index()].to_vec())
        }
        None => Ok(vec![weekday(token).ok_or_else(bad)?]),
    }
}

/// `tue wed`, `tue|wed`, `tue, wed` or `mon-wed`: sorted, duplicates merged.
fn parse_days(value: &str) -> Result<Vec<Weekday>, String> {
    let mut out = Vec::new();
    for token in value
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ';'))
        .filter(|t| !t.is_empty())
    {
        out.extend(day_spec(token)?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// `renewals spanish`, or with `|` when a skill has spaces:
/// `key accounts | japanese`. Duplicates merged, order kept.
fn parse_skills(value: &str) -> Vec<String> {
    let parts: Vec<&str> = if value.contains('|') {
        value.split('|').collect()
    } else {
        value.split_whitespace().collect()
    };
    let mut out: Vec<String> = Vec::new();
    for s in parts.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// `2026-12-21..2026-12-31; 2027-01-15`: ranges (both ends inclusive) and
/// single days, separated by `;`, `,`, `|` or spaces.
/// Empty: the home office's region; `none`: no public holidays; else a
/// region code in any case.
fn parse_holidays(value: &str, suggest: bool) -> Result<Option<Option<String>>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.eq_ignore_ascii_case("none") {
        return Ok(Some(None));
    }
    if value.chars().count() > limits::REGION_CHARS {
        return Err(crate::tr!(
            "files-csv-region-not-code",
            value = format!("{value:?}")
        ));
    }
    match holidays::Region::find(value) {
        Some(r) => Ok(Some(Some(r.code().to_string()))),
        None if suggest => Err(crate::tr!(
            "files-csv-region-near",
            value = format!("{value:?}"),
            nearest = holidays::nearest(value, 3).join(", ")
        )),
        None => Err(crate::tr!(
            "files-csv-region-unknown",
            value = format!("{value:?}")
        )),
    }
}

/// One trip of the travel cell: `2026-12-07..2026-12-11 nyc` (spaces
/// allowed around `..`) or `2026-12-07 nyc`.
fn trip_parts(part: &str) -> Result<(NaiveDate, NaiveDate, &str), String> {
    let day = |t: &str| {
        parse_date(t).ok_or_else(|| crate::tr!("files-csv-trip-date", value = format!("{t:?}")))
    };
    let (first, rest) = part
        .split_once(|c: char| c.is_whitespace() || c == '.')
        .map_or((part, ""), |(a, _)| (a, &part[a.len()..]));
    let from = day(first)?;
    let rest = rest.trim_start();
    let (to, rest) = match rest.strip_prefix("..") {
        Some(after) => {
            let after = after.trim_start();
            let end = after.split_whitespace().next().unwrap_or("");
            if end.is_empty() {
                return Err(crate::tr!("files-csv-trip-no-end", from = from.to_string()));
            }
            (day(end)?, &after[end.len()..])
        }
        None => (from, rest),
    };
    if to < from {
        return Err(crate::tr!(
            "files-csv-range-backwards",
            from = from.to_string(),
            to = to.to_string()
        ));
    }
    let office = rest.trim();
    if office.is_empty() {
        return Err(crate::tr!(
            "files-csv-trip-no-office",
            trip = format!("{part:?}")
        ));
    }
    Ok((from, to, office))
}

fn parse_time_off(value: &str) -> Result<Vec<DateRange>, String> {
    let spaced = value.replace("..", " .. ");
    let tokens: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ';'))
        .filter(|t| !t.is_empty())
        .collect();
    let day = |t: &str| {
        parse_date(t).ok_or_else(|| crate::tr!("files-csv-time-off-date", value = format!("{t:?}")))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = day(tokens[i])?;
        let end = if tokens.get(i + 1) == Some(&"..") {
            let t = tokens
                .get(i + 2)
                .ok_or_else(|| crate::tr!("files-csv-time-off-no-end", from = start.to_string()))?;
            i += 3;
            day(t)?
        } else {
            i += 1;
            start
        };
        if end < start {
            return Err(crate::tr!(
                "files-csv-range-backwards",
                from = start.to_string(),
                to = end.to_string()
            ));
        }
        out.push(DateRange { start, end });
    }
    Ok(out)
}

/// A wall-clock time `HH:MM` or `H:MM`.
fn clock(token: &str) -> Option<ClockTime> {
    if token.len() == 4 && token.as_bytes().get(1) == Some(&b':') {
        ClockTime::parse(&format!("0{token}"))
    } else {
        ClockTime::parse(token)
    }
}

/// Parses the hours syntax: groups separated by `;`, `|` or line breaks,
/// each `DAYS TIMES` where DAYS is days and ranges separated by commas or
/// spaces (`mon-wed,fri`) and TIMES intervals `HH:MM-HH:MM` separated by
/// commas or spaces. `none` is no hours at all. A day named in two groups
/// gets both groups' intervals.
fn parse_week(value: &str) -> Result<WeekHours, String> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(WeekHours::new());
    }
    let mut week: BTreeMap<Weekday, Vec<Interval>> = BTreeMap::new();
    for group in value
        .split([';', '|', '\n', '\r'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
    {
        let split = group
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(group.len());
        let (days_text, times_text) = group.split_at(split);
        let mut days = Vec::new();
        for token in days_text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
        {
            days.extend(day_spec(token)?);
        }
        if days.is_empty() {
            return Err(crate::tr!(
                "files-csv-hours-no-weekday",
                group = format!("{group:?}")
            ));
        }
        let times = parse_intervals(times_text.trim())?;
        if times.is_empty() {
            let written = days_text.trim();
            return Err(crate::tr!(
                "files-csv-hours-no-times",
                days = format!("{written:?}"),
                written = written
            ));
        }
        for d in days {
            week.entry(d).or_default().extend(times.iter().copied());
        }
    }
    for (day, ivs) in week.iter_mut() {
        ivs.sort();
        ivs.dedup();
        for w in ivs.windows(2) {
            if w[1].0 < w[0].1 {
                return Err(crate::tr!(
                    "files-csv-hours-overlap",
                    day = day.to_string(),
                    second = format!("{}-{}", w[1].0, w[1].1),
                    first = format!("{}-{}", w[0].0, w[0].1)
                ));
            }
        }
    }
    Ok(week)
}

/// `09:00-12:00, 13:00-17:30` (commas or spaces between intervals; spaces
/// allowed around the dash).
fn parse_intervals(text: &str) -> Result<Vec<Interval>, String> {
    let spaced = text.replace(['-', '–'], " - ");
    let tokens: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad_time = |t: &str| crate::tr!("files-csv-time-bad", value = format!("{t:?}"));
    while i < tokens.len() {
        let start = clock(tokens[i]).ok_or_else(|| bad_time(tokens[i]))?;
        if tokens.get(i + 1) != Some(&"-") {
            return Err(crate::tr!("files-csv-time-no-end", start = tokens[i]));
        }
        let end_t = tokens
            .get(i + 2)
            .ok_or_else(|| crate::tr!("files-csv-time-dangling", start = tokens[i]))?;
        let end = clock(end_t).ok_or_else(|| bad_time(end_t))?;
        i += 3;
        if start == ClockTime::END_OF_DAY {
            return Err(crate::tr!("files-csv-time-24"));
        }
        if start >= end {
            return Err(crate::tr!(
                "files-csv-interval-backwards",
                start = start.to_string(),
                end = end.to_string()
            ));
        }
        out.push(Interval(start, end));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(text: &str) -> Result<String, String> {
        parse_week(text).map(|w| format_week(&w))
    }

    #[test]
    fn hours_cells_read_and_write_the_documented_syntax() {
        let check = |input: &str, want: Result<&str, &str>| {
            assert_eq!(
                week(input),
                want.map(str::to_string).map_err(str::to_string),
                "{input}"
            )
        };
        check("mon-fri 09:00-17:00", Ok("mon-fri 09:00-17:00"));
        check(
            "Mon-Fri 9:00 - 12:00, 13:00-17:30; sat 10:00-14:00",
            Ok("mon-fri 09:00-12:00, 13:00-17:30; sat 10:00-14:00"),
        );
        check(
            "mon,wed 08:00-16:00 | fri 08:00-12:00",
            Ok("mon,wed 08:00-16:00; fri 08:00-12:00"),
        );
        check(
            "mon 09:00-12:00; mon 13:00-17:00",
            Ok("mon 09:00-12:00, 13:00-17:00"),
        );
        check("mon tue wed fri 20:00-24:00", Ok("mon-wed,fri 20:00-24:00"));
        check("none", Ok(""));
        check(
            "mon 09:00-12:00, 11:00-13:00",
            Err("mon: 11:00-13:00 overlaps 09:00-12:00"),
        );
        check(
            "09:00-17:00",
            Err("no weekday before \"09:00-17:00\" (write e.g. \"mon-fri 09:00-17:00\")"),
        );
        check(
            "fri-mon 09:00-17:00",
            Err("the day range \"fri-mon\" runs backwards"),
        );
        check("mon 24:00-24:00", Err("24:00 can only end an interval"));
        check(
            "mon 09:00",
            Err("09:00 needs an end time (write intervals as 09:00-17:00)"),
        );
        check(
            "funday 09:00-10:00",
            Err("\"funday\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)"),
        );
    }

    #[test]
    fn columns_are_suggested_for_typos() {
        assert_eq!(closest("timezone"), Some("time_zone"));
        assert_eq!(closest("skils"), Some("skills"));
        assert_eq!(closest("capacity"), Some("capacity_hours_per_week"));
        assert_eq!(closest("zzzzzzzzzzzz"), None);
    }

    #[test]
    fn time_off_and_capacity_cells() {
        let t = parse_time_off("2026-12-21 .. 2026-12-31; 2027-01-04").expect("read");
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].start, t[1].end);
        assert!(parse_time_off("2026-12-31..2026-12-01").is_err());
        assert_eq!(capacity("37,5").map(|h| h.to_string()), Ok("37.5".into()));
        assert!(capacity("-1").is_err());
        assert!(capacity("1e9999").is_err());
    }

    #[test]
    fn cell_problems_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let de = |f: &dyn Fn() -> Result<String, String>| with_language(Lang::De, f);
        assert_eq!(
            de(&|| week("mon 09:00-12:00, 11:00-13:00")),
            Err("mon: 11:00-13:00 überschneidet sich mit 09:00-12:00".into())
        );
        assert_eq!(
            de(&|| week("mon")),
            Err("\"mon\" hat keine Zeiten (schreiben Sie z. B. „mon 09:00-17:00“)".into())
        );
        assert_eq!(
            de(&|| week("mon 17:00-09:00")),
            Err("17:00-09:00 endet nicht nach seinem Beginn (eine Zeitspanne kann nicht über Mitternacht gehen: teilen Sie sie bei 24:00)".into())
        );
        assert_eq!(
            with_language(Lang::De, || capacity("viel")),
            Err("Erwartet wird eine Stundenzahl wie 40 oder 37,5, angegeben ist \"viel\"".into())
        );
        assert_eq!(
            with_language(Lang::De, || office_days("3", "2")),
            Err((
                Col::OfficeDaysMax,
                "Der Höchstwert 2 ist kleiner als der Mindestwert 3".into()
            ))
        );
    }

    #[test]
    fn a_preview_reads_in_german_and_english_stays() {
        use crate::i18n::{with_language, Lang};
        let text = "id,time_zone,team,email\nana,Europe/Lisbon,sales,a@x\nana,,,\n";
        let messages = |p: RepsCsvPreview| -> Vec<String> {
            p.warnings
                .iter()
                .chain(&p.errors)
                .map(ToString::to_string)
                .collect()
        };
        let (p, merged) = with_language(Lang::De, || preview(&Scenario::default(), text));
        assert!(merged.is_none());
        assert_eq!(
            messages(p),
            [
                "row 1, column email: Meridian speichert diese Spalte nicht; ihre Zellen werden ignoriert",
                "row 2, column team: Unbekanntes Team \"sales\"; es gibt noch keine Teams: legen Sie zuerst eines an",
                "row 3, column time_zone: Eine Zeitzone ist erforderlich (ein IANA-Name wie Europe/Berlin)",
                "row 3, column id: Die ID \"ana\" steht bereits in Zeile 2",
            ]
        );
        let (p, _) = preview(&Scenario::default(), text);
        assert_eq!(
            messages(p),
            [
                "row 1, column email: Meridian does not store this column; its cells are ignored",
                "row 2, column team: unknown team \"sales\"; there are no teams yet: add one first",
                "row 3, column time_zone: a time zone is required (an IANA name like Europe/London)",
                "row 3, column id: id \"ana\" is already on row 2",
            ]
        );
    }
}
