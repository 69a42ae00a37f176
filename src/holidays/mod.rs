//! Public holidays, offline: a region code (`GB`, `GB-ENG`, `US-CA`, `DE-BY`)
//! and the holidays python-holidays gives it (public category, observed and
//! substitute days as it defines them), bundled for the years it was
//! generated for (see `scripts/holidays/generate.py`).
//!
//! Offices and reps name a region in the team document (`holidays`); the
//! helpers at the bottom say what that means on a date, so the planners, the
//! checks and the views read one rule (DESIGN.md, "Public holidays
//! (issue 15)").

mod table;

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Office, Rep};
use table::Table;

static BYTES: &[u8] = include_bytes!("holidays.bin");

fn table() -> Option<&'static Table> {
    static TABLE: OnceLock<Option<Table>> = OnceLock::new();
    TABLE.get_or_init(|| table::read(BYTES)).as_ref()
}

/// The python-holidays release the bundled table was generated from.
pub fn data_version() -> &'static str {
    table().map_or("unreadable", |t| t.version)
}

/// The first and last year the bundled table covers.
pub fn years() -> (i32, i32) {
    table().map_or((0, -1), |t| (t.first_year, t.last_year))
}

/// A region of the bundled table: a country or one of its subdivisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(usize);

/// One public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Holiday {
    pub date: NaiveDate,
    /// The name python-holidays gives it, in English where it has one.
    pub name: &'static str,
    /// The region whose holiday it is, e.g. `GB-ENG`.
    pub region: &'static str,
}

/// A region as a picker lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegionInfo {
    pub code: &'static str,
    /// The region's own name (`England`, `Bayern`).
    pub label: &'static str,
    /// The country's name, also for a country itself.
    pub country: &'static str,
}

impl Region {
    /// The region with this code, upper or lower case (`gb-eng` is `GB-ENG`).
    pub fn find(code: &str) -> Option<Region> {
        let t = table()?;
        if let Some(&i) = t.exact.get(code) {
            return Some(Region(i));
        }
        let wanted = code.trim();
        t.by_code
            .binary_search_by(|&i| cmp_ignore_case(t.regions[i].code, wanted))
            .ok()
            .map(|k| Region(t.by_code[k]))
    }

    /// Every region, countries first in code order, each followed by its
    /// subdivisions.
    pub fn all() -> impl Iterator<Item = Region> {
        let n = table().map_or(0, |t| t.regions.len());
        (0..n).map(Region)
    }

    pub fn code(self) -> &'static str {
        table().map_or("", |t| t.regions[self.0].code)
    }

    pub fn info(self) -> RegionInfo {
        let Some(t) = table() else {
            return RegionInfo {
                code: "",
                label: "",
                country: "",
            };
        };
        let row = &t.regions[self.0];
        let country = row.country.map_or(row.label, |c| t.regions[c].label);
        RegionInfo {
            code: row.code,
            label: row.label,
            country,
        }
    }

    /// The holiday on `date`, if any.
    pub fn on(self, date: NaiveDate) -> Option<Holiday> {
        let t = table()?;
        let day = u16::try_from((date - t.epoch).num_days()).ok()?;
        let days = t.days(self.0);
        let k = days.binary_search_by_key(&day, |&(d, _)| d).ok()?;
        Some(self.holiday(t, days[k]))
    }

    /// The holidays from `from` to `to`, both included, by date.
    pub fn between(self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = Holiday> {
        let found: &[(u16, u16)] = table().map_or(&[], |t| {
            let days = t.days(self.0);
            let lo = day_index(t, from).map_or(0, |d| days.partition_point(|&(x, _)| x < d));
            let hi = match day_index(t, to) {
                Some(d) => days.partition_point(|&(x, _)| x <= d),
                None if to < t.epoch => 0,
                None => days.len(),
            };
            days.get(lo..hi.max(lo)).unwrap_or(&[])
        });
        found
            .iter()
            .filter_map(move |&entry| table().map(|t| self.holiday(t, entry)))
    }

    fn holiday(self, t: &Table, (day, name): (u16, u16)) -> Holiday {
        Holiday {
            date: t.epoch + chrono::Duration::days(i64::from(day)),
            name: t.names.get(usize::from(name)).copied().unwrap_or(""),
            region: t.regions[self.0].code,
        }
    }
}

/// Days since the table's epoch, clamped into `u16` (`None` before it).
fn day_index(t: &Table, date: NaiveDate) -> Option<u16> {
    let n = (date - t.epoch).num_days();
    (n >= 0).then(|| u16::try_from(n).unwrap_or(u16::MAX))
}

fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_uppercase())
        .cmp(b.bytes().map(|c| c.to_ascii_uppercase()))
}

/// The codes closest to `code` (by edit distance, then code), at most `n`,
/// for "unknown region" messages.
pub fn nearest(code: &str, n: usize) -> Vec<&'static str> {
    let wanted = code.trim().to_ascii_uppercase();
    let mut scored: Vec<(usize, &'static str)> = Region::all()
        .map(|r| {
            let c = r.code();
            (strsim::levenshtein(&wanted, &c.to_ascii_uppercase()), c)
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// Regions whose code, name or country name holds every word of `query`
/// (any case), countries before subdivisions, at most `limit`.
pub fn search(query: &str, limit: usize) -> Vec<RegionInfo> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<(bool, bool, RegionInfo)> = Region::all()
        .map(Region::info)
        .filter(|info| {
            let hay = format!("{} {} {}", info.code, info.label, info.country).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .map(|info| {
            let exact = words.len() == 1 && info.code.eq_ignore_ascii_case(&words[0]);
            (!exact, info.code.contains('-'), info)
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, a.2.code).cmp(&(b.0, b.1, b.2.code)));
    hits.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

/// The region an office's `holidays` names (`None`: no public holidays).
pub fn office_region(office: &Office) -> Option<Region> {
    office.holidays.as_deref().and_then(Region::find)
}

/// The region whose holidays a rep takes off: their own `holidays`, or their
/// home office's when they name none; a `null` `holidays` or a remote rep
/// without one takes none.
pub fn rep_region(rep: &Rep, home: Option<&Office>) -> Option<Region> {
    match &rep.holidays {
        Some(Some(code)) => Region::find(code),
        Some(None) => None,
        None => home.and_then(office_region),
    }
}

/// The office's public holiday on `date` (a local date in its zone).
pub fn office_holiday(office: &Office, date: NaiveDate) -> Option<Holiday> {
    office_region(office)?.on(date)
}

/// The rep's public holiday on `date` (a local date in their zone), where
/// `at` is the office they work from that day ([`Rep::office_on`]): on a
/// trip day the visited office's region, as a rep works where they are
/// (Thanksgiving is off in New York, a UK bank holiday is not); on other
/// days [`rep_region`] with `at` as the home office.
pub fn rep_holiday(rep: &Rep, at: Option<&Office>, date: NaiveDate) -> Option<Holiday> {
    if rep.trip_on(date).is_some() {
        return at.and_then(office_region)?.on(date);
    }
    rep_region(rep, at)?.on(date)
}

/// The rep's public holidays over `first..=last` in date order, trips
/// included: the home region's on days at home, the visited office's on
/// trip days. `office` looks an office up by id.
pub fn rep_holidays_between<'o>(
    rep: &Rep,
    office: impl Fn(&str) -> Option<&'o Office>,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<Holiday> {
    let home = rep.office.as_deref().and_then(&office);
    let mut out: Vec<Holiday> = match rep_region(rep, home) {
        Some(region) => region
            .between(first, last)
            .filter(|h| rep.trip_on(h.date).is_none())
            .collect(),
        None => Vec::new(),
    };
    let trips = rep
        .travel
        .iter()
        .filter(|t| t.to >= first && t.from <= last);
    let mut added = false;
    for trip in trips {
        if let Some(region) = office(&trip.office).and_then(office_region) {
            out.extend(region.between(trip.from.max(first), trip.to.min(last)));
            added = true;
        }
    }
    if added {
        out.sort_unstable_by_key(|h| h.date);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::parse_date(s).expect("a test date")
    }

    #[test]
    fn the_bundled_table_reads_whole() {
        let t = table().expect("the bundled table reads");
        assert!(t.regions.len() > 800, "{} regions", t.regions.len());
        assert_eq!((t.first_year, t.last_year), (2020, 2040));
        assert!(!data_version().is_empty());
        // Every subdivision's list works out and stays sorted and unique.
        for i in 0..t.regions.len() {
            let days = t.days(i);
            assert!(
                days.windows(2).all(|w| w[0].0 < w[1].0),
                "{}",
                t.regions[i].code
            );
        }
    }

    #[test]
    fn london_munich_and_bengaluru_know_their_days() {
        let eng = Region::find("gb-eng").expect("GB-ENG");
        assert_eq!(eng.code(), "GB-ENG");
        assert_eq!(
            eng.on(d("2026-12-25")).map(|h| h.name),
            Some("Christmas Day")
        );
        assert_eq!(
            eng.on(d("2026-12-28")).map(|h| h.name),
            Some("Boxing Day (observed)")
        );
        assert_eq!(eng.on(d("2026-12-29")), None);
        let by = Region::find("DE-BY").expect("DE-BY");
        assert_eq!(
            by.on(d("2026-06-04")).map(|h| h.name),
            Some("Corpus Christi")
        );
        assert_eq!(
            Region::find("DE-BE").and_then(|r| r.on(d("2026-06-04"))),
            None
        );
        let ka = Region::find("IN-KA").expect("IN-KA");
        assert_eq!(ka.on(d("2026-11-08")).map(|h| h.name), Some("Diwali"));
    }

    #[test]
    fn between_takes_both_ends_and_nothing_outside_the_years() {
        let eng = Region::find("GB-ENG").expect("GB-ENG");
        let dec: Vec<_> = eng.between(d("2026-12-25"), d("2026-12-28")).collect();
        assert_eq!(dec.len(), 3, "{dec:?}");
        assert_eq!(eng.between(d("2010-01-01"), d("2019-12-31")).count(), 0);
        assert_eq!(eng.between(d("2041-01-01"), d("2050-12-31")).count(), 0);
        assert_eq!(eng.between(d("2026-12-31"), d("2026-12-01")).count(), 0);
        assert!(eng.between(d("2010-01-01"), d("2099-12-31")).count() > 150);
    }

    #[test]
    fn unknown_codes_get_the_nearest_ones() {
        assert_eq!(Region::find("GB-XX"), None);
        assert!(nearest("GB-ENGL", 3).contains(&"GB-ENG"));
        assert!(nearest("de-bz", 5).contains(&"DE-BY"));
    }

    #[test]
    fn search_finds_by_code_name_and_country() {
        assert_eq!(search("gb", 1)[0].code, "GB");
        assert!(
            search("bavaria", 5).iter().any(|r| r.code == "DE-BY")
                || search("bayern", 5).iter().any(|r| r.code == "DE-BY")
        );
        assert!(search("karnataka", 5).iter().any(|r| r.code == "IN-KA"));
        assert!(search("california", 5).iter().any(|r| r.code == "US-CA"));
    }
}
