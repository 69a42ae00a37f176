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

/// Upper bound on the rule dates one expansion may walk through: a rule is
/// never expanded past the window asked about, and this bounds the walk from
/// a start long before the window.
pub const MAX_STEPS: usize = 2_000_000;

/// The occurrences' wall-clock starts in the meeting's zone, from `start`
/// (always the first, RFC 5545) up to and including `horizon`; those before
/// `keep_from` are counted (for COUNT) but not returned.
///
/// Method: the `rrule` crate generates the rule's dates on a floating (UTC
/// stand-in) clock; this function adds what the contract fixes on top: `start`
/// counts as the first occurrence even when the rule would not produce it,
/// `COUNT` includes it, and the three `UNTIL` forms are applied here (an
/// instant is compared after resolving the wall clock in `zone`).
///
/// # Errors
/// [`RRuleError`] when the crate refuses the rule for this start, or the
/// expansion would exceed [`MAX_OCCURRENCES`].
pub fn expand(
    rule: Option<&RRule>,
    start: NaiveDateTime,
    zone: &crate::tz::Zone,
    keep_from: NaiveDateTime,
    horizon: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, RRuleError> {
    let mut out = Vec::new();
    if start > horizon {
        return Ok(out);
    }
    if start >= keep_from {
        out.push(start);
    }
    let Some(rule) = rule else {
        return Ok(out);
    };
    if rule.count == Some(1) {
        return Ok(out);
    }
    let mut emitted: usize = 1;
    let set = rule.to_crate_set(start)?;
    let until_ok = |dt: NaiveDateTime| -> bool {
        match rule.until {
            None => true,
            Some(Until::Floating(u)) => dt <= u,
            Some(Until::Date(d)) => dt.date() <= d,
            Some(Until::Instant(u)) => zone
                .instant(dt)
                .map(|i| i.naive_utc() <= u)
                .unwrap_or(false),
        }
    };
    for (step, dt) in (&set).into_iter().enumerate() {
        let dt = dt.naive_local();
        if dt > horizon {
            break;
        }
        if step >= MAX_STEPS {
            return err(format!(
                "the rule needs more than {MAX_STEPS} steps to reach the window"
            ));
        }
        if dt <= start {
            continue;
        }
        if rule.count.is_some_and(|c| emitted >= c as usize) || !until_ok(dt) {
            break;
        }
        emitted += 1;
        if dt >= keep_from {
            out.push(dt);
        }
    }
    Ok(out)
}

impl RRule {
    /// The crate's rule set for this rule on a floating clock, without COUNT
    /// and UNTIL (applied by [`expand`]).
    fn to_crate_set(&self, start: NaiveDateTime) -> Result<rrule::RRuleSet, RRuleError> {
        use chrono::TimeZone as _;
        let freq = match self.freq {
            Freq::Daily => rrule::Frequency::Daily,
            Freq::Weekly => rrule::Frequency::Weekly,
            Freq::Monthly => rrule::Frequency::Monthly,
            Freq::Yearly => rrule::Frequency::Yearly,
        };
        let interval = u16::try_from(self.interval)
            .map_err(|_| RRuleError(format!("INTERVAL {} is too large", self.interval)))?;
        let mut r = rrule::RRule::new(freq)
            .interval(interval)
            .week_start(chrono_weekday(self.wkst));
        if !self.by_day.is_empty() {
            r = r.by_weekday(
                self.by_day
                    .iter()
                    .map(|&(n, d)| {
                        rrule::NWeekday::new((n != 0).then_some(i16::from(n)), chrono_weekday(d))
                    })
                    .collect(),
            );
        }
        if !self.by_month_day.is_empty() {
            r = r.by_month_day(self.by_month_day.clone());
        }
        if !self.by_month.is_empty() {
            let months: Vec<chrono::Month> = self
                .by_month
                .iter()
                .filter_map(|&m| chrono::Month::try_from(m).ok())
                .collect();
            r = r.by_month(&months);
        }
        let dt_start = rrule::Tz::UTC
            .from_local_datetime(&start)
            .single()
            .ok_or_else(|| RRuleError(format!("start {start} cannot be expanded")))?;
        r.build(dt_start)
            .map_err(|e| RRuleError(format!("rule cannot be expanded: {e}")))
    }

    /// Checks that the rule can be expanded from `start` (the crate refuses a
    /// few combinations the grammar allows).
    ///
    /// # Errors
    /// As [`expand`].
    pub fn check_start(&self, start: NaiveDateTime) -> Result<(), RRuleError> {
        self.to_crate_set(start).map(|_| ())
    }
}

fn chrono_weekday(w: Weekday) -> chrono::Weekday {
    match w {
        Weekday::Mon => chrono::Weekday::Mon,
        Weekday::Tue => chrono::Weekday::Tue,
        Weekday::Wed => chrono::Weekday::Wed,
        Weekday::Thu => chrono::Weekday::Thu,
        Weekday::Fri => chrono::Weekday::Fri,
        Weekday::Sat => chrono::Weekday::Sat,
        Weekday::Sun => chrono::Weekday::Sun,
    }
}

#[cfg(test)]
mod expand_tests {
    use super::*;
    use crate::tz::Zone;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("test time")
    }

    fn check(rule: &str, start: &str, horizon: &str, want: &[&str]) {
        let zone = Zone::get("America/New_York").expect("zone");
        let r = RRule::parse(rule).expect("rule");
        let got =
            expand(Some(&r), local(start), &zone, local(start), local(horizon)).expect("expands");
        let got: Vec<String> = got
            .iter()
            .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
            .collect();
        assert_eq!(got, want, "{rule} from {start}");
    }

    #[test]
    fn the_start_is_the_first_occurrence_and_counts_toward_count() {
        // 2026-12-02 is a Wednesday; the rule asks for Tuesdays.
        check(
            "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
            "2026-12-02T10:00",
            "2027-12-31T00:00",
            &["2026-12-02T10:00", "2026-12-08T10:00", "2026-12-15T10:00"],
        );
    }

    #[test]
    fn monthly_last_friday_and_missing_31sts() {
        check(
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
            "2026-10-30T09:00",
            "2027-12-31T00:00",
            &["2026-10-30T09:00", "2026-11-27T09:00", "2026-12-25T09:00"],
        );
        check(
            "FREQ=MONTHLY;COUNT=3",
            "2026-01-31T09:00",
            "2027-12-31T00:00",
            &["2026-01-31T09:00", "2026-03-31T09:00", "2026-05-31T09:00"],
        );
    }

    #[test]
    fn the_three_until_forms() {
        let want = ["2026-12-01T10:00", "2026-12-02T10:00", "2026-12-03T10:00"];
        check(
            "FREQ=DAILY;UNTIL=20261203",
            "2026-12-01T10:00",
            "2027-01-01T00:00",
            &want,
        );
        check(
            "FREQ=DAILY;UNTIL=20261203T100000",
            "2026-12-01T10:00",
            "2027-01-01T00:00",
            &want,
        );
        // 10:00 New York is 15:00Z in December.
        check(
            "FREQ=DAILY;UNTIL=20261203T150000Z",
            "2026-12-01T10:00",
            "2027-01-01T00:00",
            &want,
        );
        check(
            "FREQ=DAILY;UNTIL=20261203T145959Z",
            "2026-12-01T10:00",
            "2027-01-01T00:00",
            &want[..2],
        );
    }

    #[test]
    fn occurrences_before_the_window_count_but_are_not_returned() {
        let zone = Zone::get("UTC").expect("zone");
        let r = RRule::parse("FREQ=DAILY;COUNT=5").expect("rule");
        let got = expand(
            Some(&r),
            local("2026-12-01T10:00"),
            &zone,
            local("2026-12-04T00:00"),
            local("2027-01-01T00:00"),
        )
        .expect("expands");
        assert_eq!(
            got,
            vec![local("2026-12-04T10:00"), local("2026-12-05T10:00")]
        );
    }

    #[test]
    fn an_endless_rule_stops_at_the_horizon() {
        check(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "2026-11-30T08:00",
            "2026-12-17T00:00",
            &["2026-11-30T08:00", "2026-12-03T08:00", "2026-12-14T08:00"],
        );
    }
}
