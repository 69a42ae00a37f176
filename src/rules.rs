//! The contract's rules that more than the parser needs, and the size limits
//! every document, edit and file must keep.
//!
//! It owns:
//! - the bounds of requests: [`MAX_ROTATION_WEEKS`], [`MAX_WINDOW_DAYS`];
//! - the rotation's calendar helpers: [`rotation_days`], [`office_open`] and
//!   rule 1 ([`rule1_blocks`], [`rule1_blocks_at`]), shared by the validator
//!   (`io::scenario`), the planners (`plan::*`), edits (`model::edit`) and the
//!   facade (`api`);
//! - the size [`limits`], enforced by the document walk of `io::scenario` and
//!   by the file readers.
//!
//! Invariant: an [`Office`]'s `closed_dates` are sorted ascending without
//! repeats (the validator builds them so and edits keep them so); lookups here
//! rely on it and cost O(log n).

use chrono::{Datelike, Duration, NaiveDate};

use crate::holidays;
use crate::model::{Office, Rep, Weekday};
use crate::tr;

/// The longest rotation a request may ask for (contract §1).
pub const MAX_ROTATION_WEEKS: i128 = 104;
/// The most dates a meeting or balance window may span (contract §1, §7.8).
pub const MAX_WINDOW_DAYS: i64 = 366;

/// Size limits of a document. Each is far above what a real team writes (see
/// DESIGN.md, "Limits"), and low enough that a hostile or broken file is
/// refused in milliseconds with one clear problem instead of taking minutes
/// or gigabytes. Lists are counted in items, text in characters (Unicode
/// scalar values), files in bytes.
/// The largest file any reader accepts (also `limits::MAX_FILE_BYTES`).
pub use limits::MAX_FILE_BYTES;

pub mod limits {
    /// Any id, and every reference to one (rep, team, office, meeting, task,
    /// request).
    pub const ID_CHARS: usize = 128;
    /// A team's, office's or rep's name.
    pub const NAME_CHARS: usize = 200;
    /// A meeting's, task's or meeting request's title.
    pub const TITLE_CHARS: usize = 500;
    /// One skill (of a rep, or required by a task).
    pub const SKILL_CHARS: usize = 128;
    /// A meeting's recurrence rule text.
    pub const RRULE_CHARS: usize = 1_000;
    /// A time-zone name (the longest IANA name has 32 characters).
    pub const TIME_ZONE_CHARS: usize = 128;
    /// A holidays region code (the longest bundled one has 6 characters).
    pub const REGION_CHARS: usize = 16;

    /// Skills of one rep, and skills required by one task.
    pub const SKILLS: usize = 100;
    /// Attendees of one meeting; required and optional attendees of one
    /// meeting request together.
    pub const ATTENDEES: usize = 20_000;
    /// Trips of one rep.
    pub const TRIPS: usize = 1_000;
    /// Time-off blocks of one rep.
    pub const TIME_OFF_BLOCKS: usize = 1_000;
    /// Closed dates of one office.
    pub const CLOSED_DATES: usize = 5_000;
    /// Working or stretch intervals of one rep on one weekday.
    pub const INTERVALS_PER_DAY: usize = 48;

    /// Reps in one document.
    pub const REPS: usize = 50_000;
    /// Teams in one document.
    pub const TEAMS: usize = 10_000;
    /// Offices in one document.
    pub const OFFICES: usize = 10_000;
    /// Meetings in one document.
    pub const MEETINGS: usize = 200_000;
    /// Tasks in one document.
    pub const TASKS: usize = 500_000;
    /// Accepted office days in one document.
    pub const OFFICE_DAYS: usize = 2_000_000;
    /// Meeting requests in one document.
    pub const MEETING_REQUESTS: usize = 1_000;
    /// Locks of the rotation request.
    pub const ROTATION_LOCKS: usize = 100_000;

    /// A policy what-if's changes file (`CHANGES.json`), in bytes: room for
    /// a change to every rep of the largest team.
    pub const CHANGES_BYTES: usize = 8 * 1024 * 1024;

    /// The largest file any reader accepts (team documents, CSV), in bytes.
    pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
}

/// First and last day of the ISO weeks a rotation covers: the week holding
/// `from` and the `weeks - 1` weeks after it.
/// Whether `d` is a date a lead can write: years 0000 to 9999, the
/// documents' `YYYY-MM-DD`. Dates from the web view are typed values that
/// serde reads over chrono's whole range; one outside these years is
/// refused before any date arithmetic, which would overflow near chrono's
/// limits.
pub fn writable_date(d: NaiveDate) -> bool {
    (0..=9999).contains(&d.year())
}

/// What a refused [`writable_date`] says, in English (see [`date_range`]).
pub const DATE_RANGE: &str = "dates run from 0000-01-01 to 9999-12-31";

/// What a refused [`writable_date`] says, in the reader's language.
pub fn date_range() -> String {
    tr!("model-rules-date-range")
}

pub fn rotation_days(from: NaiveDate, weeks: u32) -> (NaiveDate, NaiveDate) {
    let monday = from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(7 * i64::from(weeks) - 1))
}

/// Whether an office takes people on `date` (open weekday, not a closed
/// date, not one of its region's public holidays).
///
/// `office.closed_dates` must be sorted (see the module's invariant).
pub fn office_open(office: &Office, date: NaiveDate) -> bool {
    office.open_days.contains(&Weekday::of(date))
        && office.closed_dates.binary_search(&date).is_err()
        && holidays::office_holiday(office, date).is_none()
}

/// Why rotation rule 1 keeps `rep` out of the office on `date`, or `None`.
///
/// Looks the office the rep works from that day (their home office, or the
/// visited one on a trip day) up in `offices` (a scan); callers checking
/// many dates or reps look offices up once in a map and call
/// [`rule1_blocks_at`].
pub fn rule1_blocks(rep: &Rep, offices: &[Office], date: NaiveDate) -> Option<String> {
    let at = rep
        .office_on(date)
        .and_then(|oid| offices.iter().find(|o| o.id == oid));
    rule1_blocks_at(rep, at, date)
}

/// [`rule1_blocks`] with the office already looked up: `at` is the office
/// whose id is [`Rep::office_on`] that date (the home office, or the
/// visited one on a trip day), or `None` when no such office exists (then
/// only the rep's own rules are checked).
pub fn rule1_blocks_at(rep: &Rep, at: Option<&Office>, date: NaiveDate) -> Option<String> {
    let Some(oid) = rep.office_on(date) else {
        return Some(tr!("model-rule1-no-office"));
    };
    if rep.time_off.iter().any(|t| t.contains(date)) {
        return Some(tr!("model-rule1-time-off"));
    }
    if let Some(h) = holidays::rep_holiday(rep, at, date) {
        return Some(tr!(
            "model-rule1-rep-holiday",
            date = date.to_string(),
            holiday = h.name,
            region = h.region.to_string()
        ));
    }
    let wd = Weekday::of(date);
    if rep.no_office_days.contains(&wd) {
        return Some(tr!("model-rule1-no-office-day", day = wd.to_string()));
    }
    let off = at?;
    if !off.open_days.contains(&wd) {
        return Some(tr!(
            "model-rule1-office-not-open",
            office = oid,
            day = wd.to_string()
        ));
    }
    if off.closed_dates.binary_search(&date).is_ok() {
        return Some(tr!(
            "model-rule1-office-closed",
            office = oid,
            date = date.to_string()
        ));
    }
    if let Some(h) = holidays::office_holiday(off, date) {
        return Some(tr!(
            "model-rule1-office-holiday",
            office = oid,
            date = date.to_string(),
            holiday = h.name,
            region = h.region.to_string()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateRange;

    fn day(d: &str) -> NaiveDate {
        crate::model::parse_date(d).expect("date")
    }

    #[test]
    fn rule1_gives_the_same_answer_with_a_scan_or_a_looked_up_office() {
        let office = Office {
            id: "lon".into(),
            name: "London".into(),
            time_zone: "Europe/London".into(),
            desks: 3,
            open_days: Weekday::WORKWEEK.to_vec(),
            closed_dates: vec![day("2026-12-24"), day("2026-12-25")],
            holidays: None,
        };
        let doc =
            r#"{"format": "meridian.scenario/1", "reps": [{"id": "ana", "time_zone": "UTC"}]}"#;
        let base = crate::io::scenario::parse_document(doc, "t.json")
            .expect("valid")
            .reps;
        let rep = |office: Option<&str>| Rep {
            office: office.map(str::to_string),
            time_off: vec![DateRange {
                start: day("2026-12-01"),
                end: day("2026-12-02"),
            }],
            no_office_days: vec![Weekday::Fri],
            ..base[0].clone()
        };
        let offices = [office.clone()];
        for (r, date, expected) in [
            (rep(None), "2026-12-07", Some("the rep has no office")),
            (
                rep(Some("lon")),
                "2026-12-02",
                Some("the date is in the rep's time off"),
            ),
            (
                rep(Some("lon")),
                "2026-12-04",
                Some("fri is one of the rep's no_office_days"),
            ),
            (
                rep(Some("lon")),
                "2026-12-06",
                Some("office lon is not open on sun"),
            ),
            (
                rep(Some("lon")),
                "2026-12-24",
                Some("office lon is closed on 2026-12-24"),
            ),
            (rep(Some("lon")), "2026-12-07", None),
            (rep(Some("nyc")), "2026-12-06", None),
        ] {
            let d = day(date);
            let home = offices.iter().find(|o| Some(&o.id) == r.office.as_ref());
            assert_eq!(rule1_blocks(&r, &offices, d).as_deref(), expected, "{date}");
            assert_eq!(rule1_blocks_at(&r, home, d).as_deref(), expected, "{date}");
        }
        assert!(office_open(&office, day("2026-12-23")));
        assert!(!office_open(&office, day("2026-12-25")));
    }

    #[test]
    fn rule1_reasons_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let office = Office {
            id: "lon".into(),
            name: "London".into(),
            time_zone: "Europe/London".into(),
            desks: 3,
            open_days: Weekday::WORKWEEK.to_vec(),
            closed_dates: vec![day("2026-12-24")],
            holidays: None,
        };
        let doc =
            r#"{"format": "meridian.scenario/1", "reps": [{"id": "ana", "time_zone": "UTC"}]}"#;
        let base = crate::io::scenario::parse_document(doc, "t.json")
            .expect("valid")
            .reps;
        let rep = |office: Option<&str>| Rep {
            office: office.map(str::to_string),
            time_off: vec![DateRange {
                start: day("2026-12-01"),
                end: day("2026-12-02"),
            }],
            no_office_days: vec![Weekday::Fri],
            ..base[0].clone()
        };
        for (r, date, expected) in [
            (rep(None), "2026-12-07", "die Person hat kein Büro"),
            (
                rep(Some("lon")),
                "2026-12-02",
                "das Datum liegt in einer Abwesenheit der Person",
            ),
            (
                rep(Some("lon")),
                "2026-12-04",
                "Freitag ist ein Tag ohne Büro für die Person",
            ),
            (
                rep(Some("lon")),
                "2026-12-06",
                "Büro lon ist sonntags nicht geöffnet",
            ),
            (
                rep(Some("lon")),
                "2026-12-24",
                "Büro lon ist am 2026-12-24 geschlossen",
            ),
        ] {
            let why = with_language(Lang::De, || rule1_blocks_at(&r, Some(&office), day(date)));
            assert_eq!(why.as_deref(), Some(expected), "{date}");
        }
        assert_eq!(
            with_language(Lang::De, date_range),
            "Datumsangaben reichen von 0000-01-01 bis 9999-12-31"
        );
        assert_eq!(with_language(Lang::En, date_range), DATE_RANGE);
    }
}
