//! Recurrence rules: the RFC 5545 RRULE subset of contract §7.3, parsed and
//! checked.
//!
//! Supported: `FREQ` DAILY/WEEKLY/MONTHLY/YEARLY, `INTERVAL` (≥ 1), `COUNT`,
//! `UNTIL` (instant `…Z`, floating wall clock, or a date), `WKST`, `BYDAY`
//! (ordinals such as `-1FR` only with MONTHLY), `BYMONTHDAY` (not with WEEKLY or
//! YEARLY), `BYMONTH`. Everything else is refused with a reason, so a rule that
//! Meridian would read differently from the calendar that wrote it never gets in.

use std::borrow::Cow;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::Weekday;
use crate::tr;

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
const KNOWN: [&str; 8] = [
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "WKST",
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
        _ => err(tr!(
            "model-rrule-not-positive",
            part = name,
            value = format!("{v:?}")
        )),
    }
}

fn parse_until(v: &str) -> Result<Until, RRuleError> {
    let bad = || RRuleError(tr!("model-rrule-bad-until", value = format!("{v:?}")));
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
            return err(tr!("model-rrule-empty"));
        }
        // Names and values compare upper-cased; a team document holds a
        // rule per meeting, so the usual all-caps ones are not copied.
        let mut parts: Vec<(&str, Cow<'_, str>)> = Vec::with_capacity(KNOWN.len());
        for chunk in text.split(';') {
            let Some((k, v)) = chunk.split_once('=') else {
                return err(tr!(
                    "model-rrule-not-name-value",
                    part = format!("{chunk:?}")
                ));
            };
            let (k, v) = (k.trim(), v.trim());
            let Some(&k) = KNOWN.iter().find(|name| name.eq_ignore_ascii_case(k)) else {
                let k = k.to_ascii_uppercase();
                if UNSUPPORTED.contains(&k.as_str()) {
                    return err(tr!(
                        "model-rrule-part-unsupported",
                        part = &k,
                        supported = KNOWN.join(", ")
                    ));
                }
                return err(tr!("model-rrule-unknown-part", part = format!("{k:?}")));
            };
            if parts.iter().any(|(p, _)| *p == k) {
                return err(tr!("model-rrule-part-twice", part = k));
            }
            if v.is_empty() {
                return err(tr!("model-rrule-part-empty", part = k));
            }
            let v = if v.bytes().any(|b| b.is_ascii_lowercase()) {
                Cow::Owned(v.to_ascii_uppercase())
            } else {
                Cow::Borrowed(v)
            };
            parts.push((k, v));
        }
        let get = |k: &str| parts.iter().find(|(p, _)| *p == k).map(|(_, v)| v.as_ref());
        let freq = match get("FREQ") {
            None => return err(tr!("model-rrule-no-freq")),
            Some("DAILY") => Freq::Daily,
            Some("WEEKLY") => Freq::Weekly,
            Some("MONTHLY") => Freq::Monthly,
            Some("YEARLY") => Freq::Yearly,
            Some(f @ ("SECONDLY" | "MINUTELY" | "HOURLY")) => {
                return err(tr!("model-rrule-freq-unsupported", freq = f))
            }
            Some(f) => return err(tr!("model-rrule-unknown-freq", freq = format!("{f:?}"))),
        };
        let interval = get("INTERVAL")
            .map(|v| pos_int("INTERVAL", v))
            .transpose()?
            .unwrap_or(1);
        let count = get("COUNT").map(|v| pos_int("COUNT", v)).transpose()?;
        let until = get("UNTIL").map(parse_until).transpose()?;
        if count.is_some() && until.is_some() {
            return err(tr!("model-rrule-count-and-until"));
        }
        let wkst = match get("WKST") {
            None => Weekday::Mon,
            Some(w) => rr_weekday(w)
                .ok_or_else(|| RRuleError(tr!("model-rrule-bad-wkst", value = format!("{w:?}"))))?,
        };
        let mut by_day = Vec::new();
        if let Some(v) = get("BYDAY") {
            for item in v.split(',') {
                let item = item.trim();
                let bad = || RRuleError(tr!("model-rrule-bad-byday", item = format!("{item:?}")));
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
                    return err(tr!(
                        "model-rrule-byday-ordinal-range",
                        ordinal = n.to_string()
                    ));
                }
                if n != 0 && freq != Freq::Monthly {
                    return err(tr!(
                        "model-rrule-byday-ordinal-monthly",
                        item = format!("{item:?}")
                    ));
                }
                by_day.push((n as i8, day));
            }
            if freq == Freq::Yearly {
                return err(tr!("model-rrule-byday-yearly"));
            }
        }
        let mut by_month_day = Vec::new();
        if let Some(v) = get("BYMONTHDAY") {
            for item in v.split(',') {
                let n = signed_int(item.trim(), 2).ok_or_else(|| {
                    RRuleError(tr!(
                        "model-rrule-bad-bymonthday",
                        item = format!("{item:?}")
                    ))
                })?;
                if n == 0 || n.abs() > 31 {
                    return err(tr!("model-rrule-bymonthday-range", day = n.to_string()));
                }
                by_month_day.push(n as i8);
            }
            match freq {
                Freq::Weekly => return err(tr!("model-rrule-bymonthday-weekly")),
                Freq::Yearly => return err(tr!("model-rrule-bymonthday-yearly")),
                _ => {}
            }
        }
        let mut by_month = Vec::new();
        if let Some(v) = get("BYMONTH") {
            for item in v.split(',') {
                let item = item.trim();
                match item.parse::<u8>() {
                    Ok(m @ 1..=12) if item.len() <= 2 => by_month.push(m),
                    _ => return err(tr!("model-rrule-bad-bymonth", item = format!("{item:?}"))),
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
/// stand-in) clock (DAILY and WEEKLY rules with plain BYDAY, most of a
/// team's meetings, are walked directly instead, with the same dates, see
/// `Simple`); this function adds what the contract fixes on top: `start`
/// counts as the first occurrence even when the rule would not produce it,
/// `COUNT` includes it, and the three `UNTIL` forms are applied here (an
/// instant is compared after resolving the wall clock in `zone`).
///
/// # Errors
/// [`RRuleError`] when the crate refuses the rule for this start, or the
/// expansion would exceed [`MAX_STEPS`].
pub fn expand(
    rule: Option<&RRule>,
    start: NaiveDateTime,
    zone: &crate::tz::Zone,
    keep_from: NaiveDateTime,
    horizon: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, RRuleError> {
    expand_by(rule, start, zone, keep_from, horizon, true)
}

/// [`expand`], with `fast` choosing whether simple rules skip the crate
/// (the tests compare both ways).
fn expand_by(
    rule: Option<&RRule>,
    start: NaiveDateTime,
    zone: &crate::tz::Zone,
    keep_from: NaiveDateTime,
    horizon: NaiveDateTime,
    fast: bool,
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
    if rule.count == Some(1) || rule.never_repeats(start) {
        return Ok(out);
    }
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
    if let Some(simple) = Simple::of(rule, start, horizon).filter(|_| fast) {
        simple.expand(rule, start, keep_from, horizon, until_ok, &mut out)?;
        return Ok(out);
    }
    let mut emitted: usize = 1;
    let set = rule.to_crate_set(start)?;
    for (step, dt) in (&set).into_iter().enumerate() {
        let dt = dt.naive_local();
        if dt > horizon {
            break;
        }
        if step >= MAX_STEPS {
            return err(tr!(
                "model-rrule-too-many-steps",
                steps = MAX_STEPS.to_string()
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

/// A DAILY or WEEKLY rule with at most plain BYDAY (the usual stand-ups,
/// syncs and 1:1s), walked on day numbers instead of through the `rrule`
/// crate. It yields exactly the crate's dates, in the crate's order (the
/// `fast_path_*` tests compare the two over many rules, starts and zones):
/// - DAILY: `start + k × INTERVAL` days, kept when the weekday is in BYDAY
///   (all weekdays without BYDAY);
/// - WEEKLY: the weeks (starting on WKST) `k × INTERVAL` after the week of
///   `start`, their days in BYDAY (`start`'s weekday without BYDAY) on or
///   after `start`;
///
/// each at `start`'s time of day. Steps count as in [`expand`].
struct Simple {
    weekly: bool,
    /// Days between periods (`INTERVAL`, times 7 when weekly).
    step: i64,
    /// Weekdays kept, Monday = bit 0.
    days: u8,
    /// First day of the first period: `start`'s date, or when weekly the
    /// first day of its week.
    first: i64,
    start_day: i64,
}

impl Simple {
    fn of(rule: &RRule, start: NaiveDateTime, horizon: NaiveDateTime) -> Option<Simple> {
        use chrono::Datelike as _;
        let plain = rule.by_month.is_empty()
            && rule.by_month_day.is_empty()
            && rule.by_day.iter().all(|&(n, _)| n == 0);
        // The crate's own limits (INTERVAL as u16, years within ±10,000)
        // are left to the crate, which reports them.
        let in_range = (1..=9000).contains(&start.year()) && horizon.year() <= 9000;
        if !plain || !in_range || u16::try_from(rule.interval).is_err() {
            return None;
        }
        let start_day = crate::tz::day_index(start.date());
        let start_wd = crate::tz::weekday_index(start_day);
        let mut days: u8 = rule
            .by_day
            .iter()
            .fold(0, |acc, &(_, d)| acc | 1 << (d as u8));
        let interval = i64::from(rule.interval);
        match rule.freq {
            Freq::Daily => Some(Simple {
                weekly: false,
                step: interval,
                days: if days == 0 { 0x7f } else { days },
                first: start_day,
                start_day,
            }),
            Freq::Weekly => {
                if days == 0 {
                    days = 1 << start_wd;
                }
                let back = (start_wd + 7 - rule.wkst as usize) % 7;
                Some(Simple {
                    weekly: true,
                    step: 7 * interval,
                    days,
                    first: start_day - back as i64,
                    start_day,
                })
            }
            Freq::Monthly | Freq::Yearly => None,
        }
    }

    /// [`expand`]'s walk after `start`, pushing to `out`.
    fn expand(
        &self,
        rule: &RRule,
        start: NaiveDateTime,
        keep_from: NaiveDateTime,
        horizon: NaiveDateTime,
        until_ok: impl Fn(NaiveDateTime) -> bool,
        out: &mut Vec<NaiveDateTime>,
    ) -> Result<(), RRuleError> {
        let day_of = |dt: NaiveDateTime| crate::tz::day_index(dt.date());
        let time = start.time();
        let at = |day: i64| crate::tz::index_date(day).and_time(time);
        // `(day, time)` orders like the date-time itself.
        let (h_day, h_time) = (day_of(horizon), horizon.time());
        let (k_day, k_time) = (day_of(keep_from), keep_from.time());
        let mut emitted: usize = 1;
        let mut step: usize = 0;
        let period_len = if self.weekly { 7 } else { 1 };
        let mut base = self.first;
        loop {
            for day in base..base + period_len {
                if day < self.start_day || self.days & (1 << crate::tz::weekday_index(day)) == 0 {
                    continue;
                }
                if day > h_day || (day == h_day && time > h_time) {
                    return Ok(());
                }
                if step >= MAX_STEPS {
                    return err(tr!(
                        "model-rrule-too-many-steps",
                        steps = MAX_STEPS.to_string()
                    ));
                }
                step += 1;
                if day <= self.start_day {
                    continue;
                }
                let ok = match rule.until {
                    None => true,
                    Some(Until::Floating(u)) => (day, time) <= (day_of(u), u.time()),
                    Some(Until::Date(d)) => day <= crate::tz::day_index(d),
                    Some(Until::Instant(_)) => until_ok(at(day)),
                };
                if rule.count.is_some_and(|c| emitted >= c as usize) || !ok {
                    return Ok(());
                }
                emitted += 1;
                if day > k_day || (day == k_day && time >= k_time) {
                    out.push(at(day));
                }
            }
            // Periods with no kept day still end at the horizon.
            if base > h_day {
                return Ok(());
            }
            base += self.step;
        }
    }
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
        let interval = u16::try_from(self.interval).map_err(|_| {
            RRuleError(tr!(
                "model-rrule-interval-too-large",
                interval = self.interval.to_string()
            ))
        })?;
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
            .ok_or_else(|| {
                RRuleError(tr!(
                    "model-rrule-start-not-expandable",
                    start = start.to_string()
                ))
            })?;
        r.build(dt_start)
            .map_err(|e| RRuleError(tr!("model-rrule-not-expandable", why = e.to_string())))
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

/// Expands any RFC 5545 rule, also outside the contract's subset (BYSETPOS,
/// BYYEARDAY, HOURLY...), for calendars Meridian imports: the wall-clock
/// starts from `start` (always the first, counted by COUNT) up to and
/// including `horizon`, those before `keep_from` left out, at most `max`
/// of them. Same method as [`expand`]: the `rrule` crate on a floating
/// clock, COUNT and UNTIL applied here.
///
/// # Errors
/// [`RRuleError`] for a rule the crate refuses, or a walk longer than
/// [`MAX_STEPS`].
pub fn expand_rfc(
    text: &str,
    start: NaiveDateTime,
    zone: &crate::tz::Zone,
    keep_from: NaiveDateTime,
    horizon: NaiveDateTime,
    max: usize,
) -> Result<Vec<NaiveDateTime>, RRuleError> {
    use chrono::TimeZone as _;
    let mut count = None;
    let mut until = None;
    let mut rest = Vec::new();
    for part in text.trim().split(';') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k.trim().to_ascii_uppercase().as_str() {
            "COUNT" => count = Some(pos_int("COUNT", v.trim())?),
            "UNTIL" => until = Some(parse_until(v.trim())?),
            _ => rest.push(part.trim()),
        }
    }
    let rule: rrule::RRule<rrule::Unvalidated> =
        rest.join(";").parse().map_err(|e: rrule::RRuleError| {
            RRuleError(tr!("model-rrule-unreadable", why = e.to_string()))
        })?;
    let dt_start = rrule::Tz::UTC
        .from_local_datetime(&start)
        .single()
        .ok_or_else(|| {
            RRuleError(tr!(
                "model-rrule-start-not-expandable",
                start = start.to_string()
            ))
        })?;
    let set = rule
        .build(dt_start)
        .map_err(|e| RRuleError(tr!("model-rrule-not-expandable", why = e.to_string())))?;
    let mut out = Vec::new();
    if start > horizon {
        return Ok(out);
    }
    if start >= keep_from {
        out.push(start);
    }
    let mut emitted: usize = 1;
    for (step, dt) in (&set).into_iter().enumerate() {
        let dt = dt.naive_local();
        if dt > horizon || out.len() >= max {
            break;
        }
        if step >= MAX_STEPS {
            return err(tr!(
                "model-rrule-too-many-steps",
                steps = MAX_STEPS.to_string()
            ));
        }
        if dt <= start {
            continue;
        }
        let until_ok = match until {
            None => true,
            Some(Until::Floating(u)) => dt <= u,
            Some(Until::Date(d)) => dt.date() <= d,
            Some(Until::Instant(u)) => zone
                .instant(dt)
                .map(|i| i.naive_utc() <= u)
                .unwrap_or(false),
        };
        if count.is_some_and(|c| emitted >= c as usize) || !until_ok {
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
    /// Whether `start` is one of the rule's own dates (RFC 5545 calls such a
    /// DTSTART "synchronized"). The contract counts `start` as the first
    /// occurrence either way; calendars that follow dateutil do not count
    /// an unsynchronized start toward COUNT, so the ICS export rewrites
    /// such rules.
    pub fn matches_start(&self, start: NaiveDateTime) -> bool {
        use chrono::Datelike as _;
        let date = start.date();
        let (month, dom) = (date.month(), date.day() as i32);
        let dim = days_in_month(date.year(), month) as i32;
        if !self.by_month.is_empty() && !self.by_month.contains(&(month as u8)) {
            return false;
        }
        let dom_ok = self
            .by_month_day
            .iter()
            .any(|&n| i32::from(n) == dom || (n < 0 && dim + 1 + i32::from(n) == dom));
        if !self.by_month_day.is_empty() && !dom_ok {
            return false;
        }
        let wd = Weekday::ALL[date.weekday().num_days_from_monday() as usize];
        let day_ok = self.by_day.iter().any(|&(n, d)| {
            d == wd
                && match n {
                    0 => true,
                    n if n > 0 => (dom - 1) / 7 + 1 == i32::from(n),
                    n => (dim - dom) / 7 + 1 == -i32::from(n),
                }
        });
        if !self.by_day.is_empty() && !day_ok {
            return false;
        }
        // Without BYDAY a weekly rule repeats the start's weekday and a
        // monthly or yearly one (without BYMONTHDAY) the start's day.
        true
    }
}

impl RRule {
    /// Whether the rule asks only for dates no month has (the 30th of
    /// February, the 31st of April...): then nothing follows `start`. The
    /// `rrule` crate would walk such a rule to its loop limit (thousands of
    /// years, about a second); this answers at once.
    pub fn never_repeats(&self, start: NaiveDateTime) -> bool {
        use chrono::Datelike as _;
        let months: Vec<u32> = if self.by_month.is_empty() {
            (1..=12).collect()
        } else {
            self.by_month.iter().map(|&m| u32::from(m)).collect()
        };
        // The longest each month can be (February in a leap year).
        let longest = |m: u32| days_in_month(2000, m) as i32;
        let days: Vec<i32> = if !self.by_month_day.is_empty() {
            self.by_month_day
                .iter()
                .map(|&n| i32::from(n).abs())
                .collect()
        } else if self.by_day.is_empty() && matches!(self.freq, Freq::Monthly | Freq::Yearly) {
            // Monthly and yearly rules repeat the start's day of the month.
            vec![start.day() as i32]
        } else {
            return false;
        };
        let yearly_month =
            (self.freq == Freq::Yearly && self.by_month.is_empty()).then(|| start.month());
        !months
            .iter()
            .filter(|&&m| yearly_month.is_none_or(|y| y == m))
            .any(|&m| days.iter().any(|&d| d <= longest(m)))
    }
}

/// Days in a month of the proleptic Gregorian calendar.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        _ => 28,
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

    /// A small deterministic generator for the sampled comparisons.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n as u64) as usize
        }

        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len())]
        }
    }

    #[test]
    fn fast_path_matches_the_rrule_crate() {
        const ZONES: [&str; 5] = [
            "America/New_York",
            "Europe/London",
            "America/Santiago",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
        ];
        // DST gaps and folds, year ends, a leap day, ordinary days.
        const STARTS: [&str; 12] = [
            "2026-03-08T02:30",
            "2026-11-01T01:30",
            "2026-03-29T01:15",
            "2026-10-25T01:45",
            "2026-09-06T00:00",
            "2026-04-05T01:45",
            "2026-12-29T09:00",
            "2027-01-03T23:45",
            "2028-02-29T12:00",
            "2026-02-26T10:00",
            "2025-06-14T00:00",
            "2026-05-31T18:30",
        ];
        const BYDAY: [&str; 8] = [
            "",
            ";BYDAY=MO",
            ";BYDAY=SA,SU",
            ";BYDAY=MO,WE,FR",
            ";BYDAY=TU,TH",
            ";BYDAY=MO,TU,WE,TH,FR",
            ";BYDAY=SU,MO,TU,WE,TH,FR,SA",
            ";BYDAY=FR,MO",
        ];
        const ENDS: [&str; 12] = [
            "",
            ";COUNT=1",
            ";COUNT=2",
            ";COUNT=7",
            ";COUNT=40",
            ";UNTIL=20260315T070000Z",
            ";UNTIL=20261101T053000Z",
            ";UNTIL=20270105T000000Z",
            ";UNTIL=20261101T013000",
            ";UNTIL=20260410T023000",
            ";UNTIL=20270102",
            ";UNTIL=20260329",
        ];
        let mut rng = Lcg(7);
        let (mut fast_cases, mut many) = (0, 0);
        for case in 0..3000 {
            let freq = rng.pick(&["DAILY", "WEEKLY"]);
            // A DAILY rule stepping whole weeks onto weekdays BYDAY leaves
            // out never yields, and the crate then walks to year 10,000:
            // correct, but slow without optimisation.
            let interval = match freq {
                "DAILY" => rng.pick(&[1u32, 1, 2, 3, 5, 6]),
                _ => rng.pick(&[1u32, 1, 2, 3, 5, 7, 14]),
            };
            let wkst = rng.pick(&["", ";WKST=SU", ";WKST=WE", ";WKST=SA"]);
            let text = format!(
                "FREQ={freq};INTERVAL={interval}{}{wkst}{}",
                rng.pick(&BYDAY),
                rng.pick(&ENDS)
            );
            let rule = RRule::parse(&text).expect("rule");
            let start = local(rng.pick(&STARTS));
            let zone = Zone::get(rng.pick(&ZONES)).expect("zone");
            let keep_from = start + chrono::Duration::days(rng.below(60) as i64 - 10);
            let horizon = keep_from + chrono::Duration::days(rng.below(75) as i64);
            if Simple::of(&rule, start, horizon).is_some() {
                fast_cases += 1;
            }
            let fast = expand_by(Some(&rule), start, &zone, keep_from, horizon, true);
            let slow = expand_by(Some(&rule), start, &zone, keep_from, horizon, false);
            if fast.as_ref().is_ok_and(|v| v.len() > 3) {
                many += 1;
            }
            assert_eq!(
                fast,
                slow,
                "case {case}: {text} from {start} in {} keeping {keep_from}..={horizon}",
                zone.name()
            );
        }
        assert_eq!(fast_cases, 3000, "every sampled rule takes the fast path");
        assert!(
            many > 700,
            "only {many} cases with more than three occurrences"
        );
    }

    #[test]
    fn a_daily_rule_that_never_lands_on_its_weekdays_has_only_its_start() {
        // 2026-03-02 is a Monday; every 7th day is a Monday, never a Tuesday.
        check(
            "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
            "2026-03-02T09:00",
            "2026-12-31T00:00",
            &["2026-03-02T09:00"],
        );
    }

    #[test]
    fn other_rules_keep_the_crate() {
        let start = local("2026-03-02T09:00");
        let horizon = local("2026-12-31T00:00");
        for text in [
            "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=WEEKLY;BYMONTH=3,4",
            "FREQ=DAILY;BYMONTH=10",
        ] {
            let rule = RRule::parse(text).expect("rule");
            assert!(Simple::of(&rule, start, horizon).is_none(), "{text}");
        }
    }

    #[test]
    fn a_rule_for_dates_that_never_come_returns_its_start_at_once() {
        let zone = Zone::get("Europe/London").expect("zone");
        let start = local("2026-01-31T09:00");
        let horizon = local("2030-01-01T00:00");
        for text in [
            "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2",
            "FREQ=MONTHLY;BYMONTHDAY=-30;BYMONTH=2",
            "FREQ=DAILY;BYMONTHDAY=30;BYMONTH=2",
            "FREQ=YEARLY;BYMONTH=2,4,6",
            "FREQ=MONTHLY;BYMONTH=11",
        ] {
            let r = RRule::parse(text).expect("rule");
            let t = std::time::Instant::now();
            let got = expand(Some(&r), start, &zone, start, horizon).expect("expands");
            assert_eq!(got, vec![start], "{text}");
            assert!(t.elapsed().as_millis() < 100, "{text}: {:?}", t.elapsed());
        }
        // Months that do have the day still repeat.
        let r = RRule::parse("FREQ=YEARLY;BYMONTH=2,3").expect("rule");
        assert!(!r.never_repeats(start));
        let got = expand(Some(&r), start, &zone, start, horizon).expect("expands");
        assert_eq!(got[1], local("2026-03-31T09:00"));
        let leap = RRule::parse("FREQ=YEARLY").expect("rule");
        assert!(!leap.never_repeats(local("2028-02-29T09:00")));
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
