//! Calendar value types of the team document: weekdays, wall-clock times of day,
//! local date-times and the per-weekday hour maps.
//!
//! Invariant: these are *wall-clock* values with no zone attached; turning them
//! into instants is the job of [`crate::tz`] alone.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the week as the document spells it (`"mon"` … `"sun"`), Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    pub const WORKWEEK: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn of(date: NaiveDate) -> Weekday {
        Weekday::ALL[date.weekday().num_days_from_monday() as usize]
    }
}

impl FromStr for Weekday {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Weekday::ALL.into_iter().find(|w| w.as_str() == s).ok_or(())
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A wall-clock time of day in whole minutes, `00:00` to `24:00` (the latter only
/// as the end of an interval).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime(0);
    pub const END_OF_DAY: ClockTime = ClockTime(1440);

    /// `minutes` since midnight; `None` past 24:00.
    pub fn from_minutes(minutes: u16) -> Option<ClockTime> {
        (minutes <= 1440).then_some(ClockTime(minutes))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses `HH:MM`; `24:00` is accepted here and refused as a start by the
    /// validator, which knows the context.
    pub fn parse(text: &str) -> Option<ClockTime> {
        let b = text.as_bytes();
        if b.len() != 5 || b[2] != b':' || !text.is_char_boundary(2) {
            return None;
        }
        let digits = |s: &str| -> Option<u16> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (h, m) = (digits(&text[..2])?, digits(&text[3..])?);
        match (h, m) {
            (24, 0) => Some(ClockTime::END_OF_DAY),
            (0..=23, 0..=59) => Some(ClockTime(h * 60 + m)),
            _ => None,
        }
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(crate::tr!("model-time-bad-clock", value = format!("{s:?}")))
        })
    }
}

#[cfg(feature = "specta")]
impl specta::Type for ClockTime {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

/// A half-open wall-clock interval `[start, end)` within one day, written
/// `["09:00", "17:00"]` in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Interval(pub ClockTime, pub ClockTime);

impl Interval {
    pub fn start(self) -> ClockTime {
        self.0
    }
    pub fn end(self) -> ClockTime {
        self.1
    }
    pub fn overlaps(self, other: Interval) -> bool {
        self.0 < other.1 && other.0 < self.1
    }
}

/// Hours per weekday: the weekdays left out have none.
pub type WeekHours = BTreeMap<Weekday, Vec<Interval>>;

/// The document's default working hours: Monday to Friday, 09:00–17:00.
pub fn default_working_hours() -> WeekHours {
    let day = vec![Interval(ClockTime(540), ClockTime(1020))];
    Weekday::WORKWEEK
        .into_iter()
        .map(|w| (w, day.clone()))
        .collect()
}

/// A wall-clock date and time with minute precision, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime(pub NaiveDateTime);

impl LocalDateTime {
    pub fn parse(text: &str) -> Option<LocalDateTime> {
        let b = text.as_bytes();
        if b.len() != 16 || b[10] != b'T' || !text.is_char_boundary(10) {
            return None;
        }
        let date = parse_date(&text[..10])?;
        let time = ClockTime::parse(&text[11..])?;
        if time == ClockTime::END_OF_DAY {
            return None;
        }
        let t = NaiveTime::from_hms_opt(u32::from(time.0 / 60), u32::from(time.0 % 60), 0)?;
        Some(LocalDateTime(date.and_time(t)))
    }

    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    pub fn minute_of_day(self) -> u16 {
        (self.0.hour() * 60 + self.0.minute()) as u16
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M"))
    }
}

impl Serialize for LocalDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LocalDateTime::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(crate::tr!("model-time-bad-local", value = format!("{s:?}")))
        })
    }
}

#[cfg(feature = "specta")]
impl specta::Type for LocalDateTime {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

/// Parses exactly `YYYY-MM-DD` (chrono alone also takes signs and short years).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse_only_the_document_shape() {
        let check = |s: &str, want: Option<u16>| {
            assert_eq!(ClockTime::parse(s).map(ClockTime::minutes), want, "{s}")
        };
        check("00:00", Some(0));
        check("09:30", Some(570));
        check("24:00", Some(1440));
        check("24:01", None);
        check("9:30", None);
        check("09:60", None);
        check("+9:30", None);
        check("09:3é", None);
    }

    #[test]
    fn local_date_times_refuse_24_00_and_seconds() {
        assert!(LocalDateTime::parse("2026-12-01T10:00").is_some());
        assert!(LocalDateTime::parse("2026-12-01T24:00").is_none());
        assert!(LocalDateTime::parse("2026-12-01T10:00:00").is_none());
        assert!(LocalDateTime::parse("2026-02-30T10:00").is_none());
        assert_eq!(
            LocalDateTime::parse("2026-12-01T07:05").map(|t| t.to_string()),
            Some("2026-12-01T07:05".to_string())
        );
    }

    #[test]
    fn dates_must_have_four_digit_years_and_padding() {
        assert!(parse_date("2026-12-01").is_some());
        assert!(parse_date("2026-2-01").is_none());
        assert!(parse_date("+2026-12-01").is_none());
        assert!(parse_date("2026-13-01").is_none());
    }

    #[test]
    fn a_bad_time_reads_in_the_thread_s_language() {
        use crate::i18n::{with_language, Lang};
        let err = |lang| {
            with_language(lang, || {
                serde_json::from_str::<ClockTime>("\"9:30\"")
                    .unwrap_err()
                    .to_string()
            })
        };
        assert!(
            err(Lang::En).starts_with("expected a time HH:MM, got \"9:30\""),
            "{}",
            err(Lang::En)
        );
        assert!(
            err(Lang::De).starts_with("erwartet wurde eine Uhrzeit HH:MM, nicht \"9:30\""),
            "{}",
            err(Lang::De)
        );
    }
}
