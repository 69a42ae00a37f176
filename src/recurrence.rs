//! Recurrence rules: the RFC 5545 RRULE subset of contract §7.3, parsed and
//! checked.
//!
//! Supported: `FREQ` DAILY/WEEKLY/MONTHLY/YEARLY, `INTERVAL` (≥ 1), `COUNT`,
//! `UNTIL` (instant `…Z`, floating wall clock, or a date), `WKST`, `BYDAY`
//! (ordinals such as `-1FR` only with MONTHLY), `BYMONTHDAY` (not with WEEKLY or
//! YEARLY), `BYMONTH`. Everything else is refused with a reason, so a rule that
//! Meridian would read differently from the calendar that wrote it never gets in.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::Weekday;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// When a rule stops, per RFC 5545's three `UNTIL` forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// `YYYYMMDDTHHMMSSZ`: an instant (UTC), inclusive.
    Instant(NaiveDateTime),
    /// `YYYYMMDDTHHMMSS`: a wall-clock time in the meeting's zone, inclusive.
    Floating(NaiveDateTime),
    /// `YYYYMMDD`: occurrences on or before this local date.
    Date(NaiveDate),
}

/// A parsed rule. `by_day` holds `(ordinal, weekday)` with ordinal 0 for "every".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RRule {
    pub freq: Freq,
    pub interval: u32,
    pub count: Option<u32>,
    pub until: Option<Until>,
    pub wkst: Weekday,
    pub by_day: Vec<(i8, Weekday)>,
    pub by_month_day: Vec<i8>,
    pub by_month: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RRuleError(pub String);

impl fmt::Display for RRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const UNSUPPORTED: [&str; 6] = [
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "BYYEARDAY",
    "BYWEEKNO",
];
const RR_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn err<T>(msg: impl Into<String>) -> Result<T, RRuleError> {
    Err(RRuleError(msg.into()))
}

fn rr_weekday(s: &str) -> Option<Weekday> {
    RR_DAYS
        .iter()
        .position(|d| *d == s)
        .map(|i| Weekday::ALL[i])
}

fn signed_int(s: &str, max_digits: usize) -> Option<i32> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || digits.len() > max_digits || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    s.parse().ok()
}

fn pos_int(name: &str, v: &str) -> Result<u32, RRuleError> {
    match v.parse::<u32>() {
        Ok(n) if n >= 1 && v.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => err(format!("{name} must be a whole number >= 1, got {v:?}")),
    }
}

fn parse_until(v: &str) -> Result<Until, RRuleError> {
    let bad = || RRuleError(format!("UNTIL {v:?} is not YYYYMMDD or YYYYMMDDTHHMMSS[Z]"));
    let b = v.as_bytes();
    if !v.is_ascii() {
        return Err(bad());
    }
    let date = b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit);
    if !date {
        return Err(bad());
    }
    let d = NaiveDate::parse_from_str(&v[..8], "%Y%m%d").map_err(|_| bad())?;
    match b.len() {
        8 => Ok(Until::Date(d)),
        15 | 16 if b[8] == b'T' && b[9..15].iter().all(u8::is_ascii_digit) => {
            let t = chrono::NaiveTime::parse_from_str(&v[9..15], "%H%M%S").map_err(|_| bad())?;
            match b.get(15) {
                None => Ok(Until::Floating(d.and_time(t))),
                Some(b'Z') => Ok(Until::Instant(d.and_time(t))),
                Some(_) => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}

impl RRule {
    /// Parses `FREQ=WEEKLY;BYDAY=TU;COUNT=10` (names case-insensitive).
    ///
    /// # Errors
    /// An [`RRuleError`] saying which part is wrong or outside the subset.
    pub fn parse(text: &str) -> Result<RRule, RRuleError> {
        let text = text.trim();
        if text.is_empty() {
            return err("empty rule");
        }
        let mut parts: Vec<(String, String)> = Vec::new();
        for chunk in text.split(';') {
            let Some((k, v)) = chunk.split_once('=') else {
                return err(format!("part {chunk:?} is not NAME=VALUE"));
            };
            let (k, v) = (k.trim().to_ascii_uppercase(), v.trim().to_ascii_uppercase());
            let known = [
                "FREQ",
                "INTERVAL",
                "COUNT",
                "UNTIL",
                "BYDAY",
                "BYMONTHDAY",
                "BYMONTH",
                "WKST",
            ];
            if UNSUPPORTED.contains(&k.as_str()) {
                return err(format!(
                    "{k} is not supported (supported: {})",
                    known.join(", ")
                ));
            }
            if !known.contains(&k.as_str()) {
                return err(format!("unknown part {k:?}"));
            }
            if parts.iter().any(|(p, _)| *p == k) {
                return err(format!("part {k} given twice"));
            }
            if v.is_empty() {
                return err(format!("part {k} has no value"));
            }
            parts.push((k, v));
        }
        let get = |k: &str| parts.iter().find(|(p, _)| p == k).map(|(_, v)| v.as_str());
        let freq = match get("FREQ") {
            None => return err("FREQ is required"),
            Some("DAILY") => Freq::Daily,
            Some("WEEKLY") => Freq::Weekly,
            Some("MONTHLY") => Freq::Monthly,
            Some("YEARLY") => Freq::Yearly,
            Some(f @ ("SECONDLY" | "MINUTELY" | "HOURLY")) => {
                return err(format!(
                    "FREQ={f} is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)"
                ))
            }
            Some(f) => return err(format!("unknown FREQ {f:?}")),
        };
        let interval = get("INTERVAL")
            .map(|v| pos_int("INTERVAL", v))
            .transpose()?
            .unwrap_or(1);
        let count = get("COUNT").map(|v| pos_int("COUNT", v)).transpose()?;
        let until = get("UNTIL").map(parse_until).transpose()?;
        if count.is_some() && until.is_some() {
            return err("COUNT and UNTIL must not both be given");
        }
        let wkst = match get("WKST") {
            None => Weekday::Mon,
            Some(w) => {
                rr_weekday(w).ok_or_else(|| RRuleError(format!("WKST {w:?} is not a weekday")))?
            }
        };
        let mut by_day = Vec::new();
        if let Some(v) = get("BYDAY") {
            for item in v.split(',') {
                let item = item.trim();
                let bad = || RRuleError(format!("BYDAY item {item:?} is not like MO, 1MO or -1FR"));
                if item.len() < 2 || !item.is_char_boundary(item.len() - 2) {
                    return Err(bad());
                }
                let (num, day) = item.split_at(item.len() - 2);
                let day = rr_weekday(day).ok_or_else(bad)?;
                let n = if num.is_empty() {
                    0
                } else {
                    signed_int(num, 2).ok_or_else(bad)?
                };
                if n != 0 && !(1..=5).contains(&n.abs()) {
                    return err(format!("BYDAY ordinal {n} is out of range"));
                }
                if n != 0 && freq != Freq::Monthly {
                    return err(format!(
                        "BYDAY ordinal {item:?} is only supported with FREQ=MONTHLY"
                    ));
                }
                by_day.push((n as i8, day));
            }
            if freq == Freq::Yearly {
                return err("BYDAY with FREQ=YEARLY is not supported");
            }
        }
        let mut by_month_day = Vec::new();
        if let Some(v) = get("BYMONTHDAY") {
            for item in v.split(',') {
                let n = signed_int(item.trim(), 2).ok_or_else(|| {
                    RRuleError(format!(
                        "BYMONTHDAY item {item:?} is not a day of the month"
                    ))
                })?;
                if n == 0 || n.abs() > 31 {
                    return err(format!("BYMONTHDAY {n} is out of range"));
                }
                by_month_day.push(n as i8);
            }
            match freq {
                Freq::Weekly => return err("BYMONTHDAY is not allowed with FREQ=WEEKLY"),
                Freq::Yearly => return err("BYMONTHDAY with FREQ=YEARLY is not supported"),
                _ => {}
            }
        }
        let mut by_month = Vec::new();
        if let Some(v) = get("BYMONTH") {
            for item in v.split(',') {
                let item = item.trim();
                match item.parse::<u8>() {
                    Ok(m @ 1..=12) if item.len() <= 2 => by_month.push(m),
                    _ => return err(format!("BYMONTH item {item:?} is not a month 1-12")),
                }
            }
        }
        Ok(RRule {
            freq,
            interval,
            count,
            until,
            wkst,
            by_day,
            by_month_day,
            by_month,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, ok: bool) {
        assert_eq!(
            RRule::parse(text).is_ok(),
            ok,
            "{text}: {:?}",
            RRule::parse(text)
        );
    }

    #[test]
    fn the_contract_subset_parses() {
        check("FREQ=WEEKLY;BYDAY=TU;COUNT=10", true);
        check("freq=weekly;byday=mo,we,fr;interval=2", true);
        check("FREQ=MONTHLY;BYDAY=-1FR", true);
        check("FREQ=MONTHLY;BYMONTHDAY=1,15,-1", true);
        check("FREQ=YEARLY;BYMONTH=3", true);
        check("FREQ=DAILY;UNTIL=20261231T235959Z", true);
        check("FREQ=DAILY;UNTIL=20261231T100000", true);
        check("FREQ=DAILY;UNTIL=20261231;WKST=SU", true);
    }

    #[test]
    fn rules_outside_the_subset_are_refused() {
        check("", false);
        check("BYDAY=TU", false);
        check("FREQ=HOURLY", false);
        check("FREQ=WEEKLY;INTERVAL=0", false);
        check("FREQ=WEEKLY;COUNT=0", false);
        check("FREQ=WEEKLY;COUNT=2;UNTIL=20261231", false);
        check("FREQ=MONTHLY;BYSETPOS=1", false);
        check("FREQ=WEEKLY;BYDAY=1MO", false);
        check("FREQ=MONTHLY;BYDAY=6MO", false);
        check("FREQ=WEEKLY;BYMONTHDAY=3", false);
        check("FREQ=DAILY;UNTIL=2026-12-31", false);
        check("FREQ=DAILY;FREQ=WEEKLY", false);
        check("FREQ=DAILY;X-NAME=1", false);
        check("FREQ=MONTHLY;BYMONTH=13", false);
        check("FREQ=MONTHLY;BYDAY=é", false);
    }
}
