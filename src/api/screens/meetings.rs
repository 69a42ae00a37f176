//! The Meetings list: stored meetings split into upcoming (an occurrence
//! not yet over) and past (every occurrence over), searched, sorted by the
//! next occurrence (upcoming) or the most recent one (past), one page at a
//! time, each with its recurrence described in plain words.
//!
//! Invariants: occurrences are expanded with [`crate::recurrence::expand`]
//! in the meeting's own zone (the contract's rule: the first start always
//! counts); "now" is an argument, so the split is a pure function of the
//! stored team and the instant asked about.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{matches, words, Window};
use crate::api::Meridian;
use crate::error::AppError;
use crate::model::{Meeting, Weekday};
use crate::plan::PlanError;
use crate::recurrence::{self, Freq, RRule, Until};
use crate::store;
use crate::tz::Zone;

/// Which side of now a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingWhen {
    /// Meetings with an occurrence that has not ended, soonest first.
    #[default]
    Upcoming,
    /// Meetings whose every occurrence has ended, most recent first.
    Past,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingsQuery {
    /// Words that must each appear in the title, id, zone or an attendee's
    /// name or id.
    pub search: String,
    pub when: MeetingWhen,
    /// The zone the list shows times in (the lead's own); empty means UTC.
    pub zone: String,
}

/// How many attendee names a row carries; the rest is a count.
pub const ROW_NAMES: usize = 3;

/// One meeting as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingRow {
    pub id: String,
    pub title: String,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub attendee_count: u32,
    /// The first few attendees' names (ids for unknown reps), in order.
    pub attendee_names: Vec<String>,
    /// The next occurrence (upcoming) or the last one (past) as a UTC
    /// instant `2026-12-01T15:00:00Z`; `None` when none can be placed.
    pub when: Option<String>,
    /// The same instant as a wall clock `YYYY-MM-DDTHH:MM` in the query's zone.
    pub when_local: Option<String>,
    /// The schedule in plain words ([`describe_meeting`]).
    pub recurrence: String,
    pub revision: i64,
}

/// A page of the Meetings list with the size of both halves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingsPage {
    pub rows: Vec<MeetingRow>,
    pub offset: u32,
    /// Rows matching the query on the side asked for.
    pub total: u32,
    /// Matching meetings on each side (what the two tabs count).
    pub upcoming: u32,
    pub past: u32,
    /// The change counter the page was read at.
    pub counter: i64,
}

impl Meridian {
    /// One page of the Meetings list as of now ([`Meridian::meetings_at`]).
    ///
    /// # Errors
    /// As [`Meridian::meetings_at`].
    pub fn meetings(
        &self,
        query: &MeetingsQuery,
        window: Window,
    ) -> Result<MeetingsPage, AppError> {
        self.meetings_at(query, window, Utc::now())
    }

    /// One page of the Meetings list as of `now`: upcoming meetings sorted by
    /// their next occurrence, past ones by their last, most recent first
    /// (then title, then id).
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::Zone`] for an unknown display
    /// zone, [`AppError::Storage`].
    ///
    /// # Example
    /// ```
    /// use meridian::api::screens::{MeetingsQuery, MeetingWhen, Window};
    /// let core = meridian::Meridian::open_in_memory().unwrap();
    /// let query = MeetingsQuery { when: MeetingWhen::Past, ..Default::default() };
    /// let page = core.meetings(&query, Window { offset: 0, limit: 50 }).unwrap();
    /// assert_eq!(page.total, 0);
    /// ```
    pub fn meetings_at(
        &self,
        query: &MeetingsQuery,
        window: Window,
        now: DateTime<Utc>,
    ) -> Result<MeetingsPage, AppError> {
        let shown = if query.zone.trim().is_empty() {
            "UTC"
        } else {
            query.zone.trim()
        };
        let shown = Zone::get(shown).map_err(PlanError::from)?;
        self.read(|c| {
            let names: HashMap<String, String> = store::reps::list_rep_lines(c)?
                .into_iter()
                .map(|r| (r.id, r.name))
                .collect();
            let words = words(&query.search);
            let mut upcoming: Vec<(i64, MeetingRow)> = Vec::new();
            let mut past: Vec<(i64, MeetingRow)> = Vec::new();
            for s in store::meetings::list_meetings(c)? {
                let m = s.item;
                let name = |id: &String| names.get(id).cloned().unwrap_or_else(|| id.clone());
                {
                    let mut fields = vec![m.title.as_str(), m.id.as_str(), m.time_zone.as_str()];
                    fields.extend(m.attendees.iter().map(String::as_str));
                    let attendee_names: Vec<String> = m.attendees.iter().map(name).collect();
                    fields.extend(attendee_names.iter().map(String::as_str));
                    if !matches(&words, &fields) {
                        continue;
                    }
                }
                let place = placement(&m, now);
                let (side, at) = match place {
                    Placement::Next(t) => (&mut upcoming, Some(t)),
                    Placement::Last(t) => (&mut past, Some(t)),
                    Placement::Unknown => (&mut past, None),
                };
                let row = MeetingRow {
                    when: at.map(|t| crate::tz::fmt_utc(crate::tz::minute_of(t))),
                    when_local: at.map(|t| shown.local(t).format("%Y-%m-%dT%H:%M").to_string()),
                    recurrence: describe_meeting(&m),
                    attendee_count: u32::try_from(m.attendees.len()).unwrap_or(u32::MAX),
                    attendee_names: m.attendees.iter().take(ROW_NAMES).map(name).collect(),
                    id: m.id,
                    title: m.title,
                    time_zone: m.time_zone,
                    duration_minutes: m.duration_minutes,
                    revision: s.revision,
                };
                side.push((at.map_or(i64::MIN, |t| t.timestamp()), row));
            }
            let by_title = |a: &MeetingRow, b: &MeetingRow| {
                a.title
                    .to_lowercase()
                    .cmp(&b.title.to_lowercase())
                    .then_with(|| a.id.cmp(&b.id))
            };
            upcoming.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| by_title(&a.1, &b.1)));
            past.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| by_title(&a.1, &b.1)));
            let count = |v: &Vec<(i64, MeetingRow)>| u32::try_from(v.len()).unwrap_or(u32::MAX);
            let (n_up, n_past) = (count(&upcoming), count(&past));
            let side = match query.when {
                MeetingWhen::Upcoming => upcoming,
                MeetingWhen::Past => past,
            };
            let page = window.page(
                side.into_iter().map(|(_, r)| r).collect(),
                store::changes::counter(c)?,
            );
            Ok(MeetingsPage {
                rows: page.rows,
                offset: page.offset,
                total: page.total,
                upcoming: n_up,
                past: n_past,
                counter: page.counter,
            })
        })
    }
}

/// An attendee as a form lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttendeeName {
    pub id: String,
    /// The rep's name, or the id when no such rep is stored.
    pub name: String,
    pub time_zone: Option<String>,
}

/// One meeting for its edit form: the item, the revision the form sends
/// back, and its attendees' names in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingForm {
    pub meeting: Meeting,
    pub revision: i64,
    pub attendees: Vec<AttendeeName>,
    /// The stored schedule in words ([`describe_meeting`]).
    pub recurrence: String,
}

impl Meridian {
    /// The meeting with `id` as its edit form opens on.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown id, [`AppError::Storage`].
    pub fn meeting_form(&self, id: &str) -> Result<MeetingForm, AppError> {
        self.read(|c| {
            let stored =
                store::meetings::get_meeting(c, id)?.ok_or_else(|| AppError::NotFound {
                    kind: "meeting",
                    id: id.to_string(),
                })?;
            let wanted: std::collections::HashSet<&str> =
                stored.item.attendees.iter().map(String::as_str).collect();
            let lines: HashMap<String, (String, String)> = store::reps::list_rep_lines(c)?
                .into_iter()
                .filter(|r| wanted.contains(r.id.as_str()))
                .map(|r| (r.id, (r.name, r.time_zone)))
                .collect();
            let attendees = stored
                .item
                .attendees
                .iter()
                .map(|a| match lines.get(a) {
                    Some((name, zone)) => AttendeeName {
                        id: a.clone(),
                        name: name.clone(),
                        time_zone: Some(zone.clone()),
                    },
                    None => AttendeeName {
                        id: a.clone(),
                        name: a.clone(),
                        time_zone: None,
                    },
                })
                .collect();
            Ok(MeetingForm {
                recurrence: describe_meeting(&stored.item),
                meeting: stored.item,
                revision: stored.revision,
                attendees,
            })
        })
    }
}

/// Where a meeting stands relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// The start of the first occurrence that has not ended.
    Next(DateTime<Utc>),
    /// Every occurrence has ended; the start of the last one.
    Last(DateTime<Utc>),
    /// No occurrence can be placed (a rule or zone that does not resolve).
    Unknown,
}

/// How far ahead the next occurrence is looked for, widening: most meetings
/// recur within weeks, a yearly one within a year or two; beyond the last a
/// rule is treated as having ended.
const LOOK_AHEAD_DAYS: [i64; 3] = [62, 800, 40 * 366];

fn placement(m: &Meeting, now: DateTime<Utc>) -> Placement {
    let Ok(zone) = Zone::get(&m.time_zone) else {
        return Placement::Unknown;
    };
    let rule = match m.rrule.as_deref().map(RRule::parse) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(_)) => return Placement::Unknown,
    };
    let start = m.start.0;
    let length = Duration::minutes(i64::from(m.duration_minutes));
    let ends_after_now = |dt: &NaiveDateTime| zone.instant(*dt).is_ok_and(|t| t + length > now);
    let now_local = zone.local(now);
    // A day of slack either side covers any offset change within the span.
    let keep_from = now_local - length - Duration::days(1);
    for days in LOOK_AHEAD_DAYS {
        let horizon = now_local + Duration::days(days);
        let Ok(found) = recurrence::expand(rule.as_ref(), start, &zone, keep_from, horizon) else {
            break;
        };
        if let Some(next) = found.iter().find(|dt| ends_after_now(dt)) {
            return zone
                .instant(*next)
                .map_or(Placement::Unknown, Placement::Next);
        }
        // A rule that stops (or a single meeting) has nothing further out.
        let endless = rule
            .as_ref()
            .is_some_and(|r| r.count.is_none() && r.until.is_none() && !r.never_repeats(start));
        if !endless {
            break;
        }
    }
    let horizon = now_local + Duration::days(1);
    let last = recurrence::expand(rule.as_ref(), start, &zone, start, horizon)
        .ok()
        .and_then(|all| all.into_iter().rev().find(|dt| !ends_after_now(dt)));
    match last.map(|dt| zone.instant(dt)) {
        Some(Ok(t)) => Placement::Last(t),
        _ => Placement::Unknown,
    }
}

fn day_name(d: Weekday) -> String {
    crate::i18n::weekday(d)
}

fn month_name(month: u32) -> String {
    crate::tr!("api-month", month = month)
}

/// `1st`, `2nd`, `23rd`, `11th` (`1.`, `23.` in German).
fn ordinal_number(n: u32) -> String {
    crate::tr!("api-rec-nth", n = n)
}

/// `first`, `last`, `second-to-last`: from the fifth on, and the fifth
/// from the end on, all read as the fifth.
fn ordinal_word(n: i8) -> String {
    let n = if n < 0 { n.max(-5) } else { n.clamp(1, 5) };
    crate::tr!("api-rec-ordinal", n = n)
}

/// `15:00–15:30 Europe/London` (with `+1 day` when it ends on a later date).
fn time_words(m: &Meeting) -> String {
    let start = m.start.0;
    let end = start + Duration::minutes(i64::from(m.duration_minutes));
    let days = (end.date() - start.date()).num_days();
    let (from, to) = (
        start.format("%H:%M").to_string(),
        end.format("%H:%M").to_string(),
    );
    let zone = m.time_zone.as_str();
    match days {
        0 => crate::tr!("api-rec-time", start = from, end = to, zone = zone),
        1 => crate::tr!("api-rec-time-next-day", start = from, end = to, zone = zone),
        n => crate::tr!(
            "api-rec-time-days",
            start = from,
            end = to,
            days = n,
            zone = zone
        ),
    }
}

/// The rule's pattern, capitalised: `Monthly on the first Tuesday`,
/// `Every 2 weeks on Monday and Wednesday`, `Every weekday`.
fn pattern_words(r: &RRule, start: NaiveDateTime) -> String {
    let interval = r.interval;
    let plain_days: Vec<Weekday> = r
        .by_day
        .iter()
        .filter(|(n, _)| *n == 0)
        .map(|&(_, d)| d)
        .collect();
    let mut days_sorted = plain_days.clone();
    days_sorted.sort();
    days_sorted.dedup();
    let weekdays = days_sorted == Weekday::WORKWEEK;
    let names = |days: &[Weekday]| days.iter().map(|&d| day_name(d)).collect::<Vec<_>>();
    // A month day in "on the 15th" and in "that falls on the 15th" (German
    // declines them differently).
    let month_days = |days: &[i8], falls: bool| {
        let parts: Vec<String> = days
            .iter()
            .map(|&n| {
                let nth = || ordinal_number(u32::from(n.unsigned_abs()));
                match (n < 0, falls) {
                    (true, false) => crate::tr!("api-rec-on-nth-day", ordinal = ordinal_word(n)),
                    (false, false) => crate::tr!("api-rec-on-nth", nth = nth()),
                    (true, true) => crate::tr!("api-rec-falls-nth-day", ordinal = ordinal_word(n)),
                    (false, true) => crate::tr!("api-rec-falls-nth", nth = nth()),
                }
            })
            .collect();
        crate::i18n::and_list(&parts)
    };
    let months: Vec<String> = r
        .by_month
        .iter()
        .filter(|&&m| (1..=12).contains(&m))
        .map(|&m| month_name(u32::from(m)))
        .collect();
    let words = match r.freq {
        Freq::Daily if !days_sorted.is_empty() && interval == 1 => {
            if weekdays {
                crate::tr!("api-rec-weekdays")
            } else {
                crate::tr!(
                    "api-rec-every-days",
                    days = crate::i18n::and_list(&names(&days_sorted))
                )
            }
        }
        Freq::Daily if !days_sorted.is_empty() => crate::tr!(
            "api-rec-every-n-days-when",
            n = interval,
            days = crate::i18n::or_list(&names(&days_sorted))
        ),
        Freq::Daily => crate::tr!("api-rec-daily", n = interval),
        Freq::Weekly => {
            let days = if days_sorted.is_empty() {
                vec![Weekday::of(start.date())]
            } else {
                days_sorted.clone()
            };
            if interval == 1 && days == Weekday::WORKWEEK {
                crate::tr!("api-rec-weekdays")
            } else {
                crate::tr!(
                    "api-rec-weekly",
                    every = crate::tr!("api-rec-every-week", n = interval),
                    days = crate::i18n::and_list(&names(&days))
                )
            }
        }
        Freq::Monthly => {
            let on = if !r.by_day.is_empty() {
                let parts: Vec<String> = r
                    .by_day
                    .iter()
                    .map(|&(n, d)| {
                        if n == 0 {
                            crate::tr!("api-rec-month-every-day", day = day_name(d))
                        } else {
                            crate::tr!(
                                "api-rec-month-nth-day",
                                ordinal = ordinal_word(n),
                                day = day_name(d)
                            )
                        }
                    })
                    .collect();
                let on = crate::i18n::and_list(&parts);
                if r.by_month_day.is_empty() {
                    on
                } else {
                    crate::tr!(
                        "api-rec-falls-on",
                        on = on,
                        days = month_days(&r.by_month_day, true)
                    )
                }
            } else if !r.by_month_day.is_empty() {
                month_days(&r.by_month_day, false)
            } else {
                crate::tr!("api-rec-on-nth", nth = ordinal_number(start.day()))
            };
            crate::tr!(
                "api-rec-monthly",
                every = crate::tr!("api-rec-every-month", n = interval),
                on = on
            )
        }
        Freq::Yearly => {
            let every = crate::tr!("api-rec-every-year", n = interval);
            if months.is_empty() {
                crate::tr!(
                    "api-rec-yearly-on",
                    every = every,
                    day = start.day(),
                    month = month_name(start.month())
                )
            } else {
                return crate::tr!(
                    "api-rec-yearly-nth-of",
                    every = every,
                    nth = ordinal_number(start.day()),
                    months = crate::i18n::and_list(&months)
                );
            }
        }
    };
    if months.is_empty() {
        words
    } else {
        crate::tr!(
            "api-rec-only-in",
            pattern = words,
            months = crate::i18n::and_list(&months)
        )
    }
}

/// A meeting's schedule as a lead would say it, from its stored rule:
///
/// - `Once: Tue 1 Dec 2026, 10:00–11:00 America/New_York`
/// - `Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026`
/// - `Weekly on Tuesday, 10:00–11:00 America/New_York, from Tue 1 Dec 2026, 10 times`
///
/// A first start the rule itself would not produce still counts (contract
/// §7.3), and is named first: `Sun 1 Nov 2026, then monthly on the first
/// Tuesday from Tue 3 Nov 2026, 15:00–15:30 Europe/London, 10 times in all`.
pub fn describe_meeting(m: &Meeting) -> String {
    let start = m.start.0;
    let time = time_words(m);
    let once = || {
        crate::tr!(
            "api-rec-once",
            date = crate::i18n::date_year(start.date()),
            time = time.as_str()
        )
    };
    let Some(text) = m.rrule.as_deref() else {
        return once();
    };
    let Ok(rule) = RRule::parse(text) else {
        return crate::tr!(
            "api-rec-raw",
            from = crate::i18n::date_year(start.date()),
            time = time.as_str(),
            rule = text
        );
    };
    if rule.count == Some(1) || rule.never_repeats(start) {
        return once();
    }
    let until = rule.until.map(|u| match u {
        Until::Date(d) => crate::i18n::date_year(d),
        Until::Floating(t) => format!("{} {}", crate::i18n::date_year(t.date()), t.format("%H:%M")),
        Until::Instant(t) => format!(
            "{} {} UTC",
            crate::i18n::date_year(t.date()),
            t.format("%H:%M")
        ),
    });
    let pattern = pattern_words(&rule, start);
    // The clauses after the pattern, each a phrase of its own.
    let mut parts = Vec::new();
    if rule.matches_start(start) {
        parts.push(crate::tr!(
            "api-rec-series",
            pattern = pattern,
            time = time.as_str(),
            from = crate::i18n::date_year(start.date())
        ));
        if let Some(n) = rule.count {
            parts.push(crate::tr!("api-rec-times", count = n));
        }
    } else {
        // The rule's own first date after the start, to say where the pattern begins.
        let zone = Zone::get(&m.time_zone).ok();
        let second = zone.and_then(|z| {
            recurrence::expand(
                Some(&rule),
                start,
                &z,
                start + Duration::seconds(1),
                start + Duration::days(LOOK_AHEAD_DAYS[1]),
            )
            .ok()
            .and_then(|v| v.into_iter().next())
        });
        let mut lower = pattern;
        if let Some(first) = lower.chars().next() {
            lower = first.to_lowercase().collect::<String>() + &lower[first.len_utf8()..];
        }
        let first = crate::i18n::date_year(start.date());
        parts.push(match second {
            Some(s) => crate::tr!(
                "api-rec-first-then-from",
                first = first,
                pattern = lower,
                from = crate::i18n::date_year(s.date())
            ),
            None => crate::tr!("api-rec-first-then", first = first, pattern = lower),
        });
        parts.push(time);
        if let Some(n) = rule.count {
            parts.push(crate::tr!("api-rec-times-in-all", count = n));
        }
    }
    if let Some(u) = until {
        parts.push(crate::tr!("api-rec-until", until = u));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};
    use crate::model::LocalDateTime;

    fn described(start: &str, minutes: u32, rrule: Option<&str>) -> String {
        describe_meeting(&Meeting {
            id: "m".into(),
            title: "M".into(),
            start: LocalDateTime::parse(start).expect("start"),
            time_zone: "Europe/London".into(),
            duration_minutes: minutes,
            rrule: rrule.map(str::to_string),
            attendees: vec!["ana".into()],
            in_person_office: None,
        })
    }

    /// (start, minutes, rule, English, German).
    const CASES: [(&str, u32, Option<&str>, &str, &str); 9] = [
        (
            "2026-12-01T10:00",
            60,
            None,
            "Once: Tue 1 Dec 2026, 10:00–11:00 Europe/London",
            "Einmalig: Di., 1. Dez. 2026, 10:00–11:00 Europe/London",
        ),
        (
            "2026-11-03T15:00",
            30,
            Some("FREQ=MONTHLY;BYDAY=1TU"),
            "Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026",
            "Monatlich am ersten Dienstag, 15:00–15:30 Europe/London, ab Di., 3. Nov. 2026",
        ),
        (
            "2026-11-01T15:00",
            30,
            Some("FREQ=MONTHLY;BYDAY=1TU;COUNT=10"),
            "Sun 1 Nov 2026, then monthly on the first Tuesday from Tue 3 Nov 2026, 15:00–15:30 Europe/London, 10 times in all",
            "So., 1. Nov. 2026, dann monatlich am ersten Dienstag ab Di., 3. Nov. 2026, 15:00–15:30 Europe/London, insgesamt 10-mal",
        ),
        (
            "2026-12-01T10:00",
            45,
            Some("FREQ=WEEKLY;BYDAY=TU;COUNT=10"),
            "Weekly on Tuesday, 10:00–10:45 Europe/London, from Tue 1 Dec 2026, 10 times",
            "Wöchentlich am Dienstag, 10:00–10:45 Europe/London, ab Di., 1. Dez. 2026, 10-mal",
        ),
        (
            "2026-11-30T09:00",
            30,
            Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"),
            "Every 2 weeks on Monday and Wednesday, 09:00–09:30 Europe/London, from Mon 30 Nov 2026",
            "Alle 2 Wochen am Montag und Mittwoch, 09:00–09:30 Europe/London, ab Mo., 30. Nov. 2026",
        ),
        (
            "2026-11-27T16:00",
            60,
            Some("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630"),
            "Monthly on the last Friday, 16:00–17:00 Europe/London, from Fri 27 Nov 2026, until Wed 30 Jun 2027",
            "Monatlich am letzten Freitag, 16:00–17:00 Europe/London, ab Fr., 27. Nov. 2026, bis Mi., 30. Juni 2027",
        ),
        (
            "2026-12-15T10:00",
            30,
            Some("FREQ=MONTHLY;BYMONTHDAY=15,-2"),
            "Monthly on the 15th and the second-to-last day, 10:00–10:30 Europe/London, from Tue 15 Dec 2026",
            "Monatlich am 15. und am vorletzten Tag, 10:00–10:30 Europe/London, ab Di., 15. Dez. 2026",
        ),
        (
            "2026-03-02T09:00",
            60,
            Some("FREQ=YEARLY"),
            "Yearly on 2 March, 09:00–10:00 Europe/London, from Mon 2 Mar 2026",
            "Jährlich am 2. März, 09:00–10:00 Europe/London, ab Mo., 2. März 2026",
        ),
        (
            "2026-12-01T23:30",
            60,
            Some("FREQ=DAILY;COUNT=5"),
            "Daily, 23:30–00:30 next day Europe/London, from Tue 1 Dec 2026, 5 times",
            "Täglich, 23:30–00:30 am Folgetag Europe/London, ab Di., 1. Dez. 2026, 5-mal",
        ),
    ];

    #[test]
    fn schedules_read_in_german_as_in_english() {
        for (start, minutes, rule, en, de) in CASES {
            assert_eq!(described(start, minutes, rule), en, "{rule:?}");
            assert_eq!(
                with_language(Lang::De, || described(start, minutes, rule)),
                de,
                "{rule:?}"
            );
        }
    }

    #[test]
    fn months_and_month_days_read_in_both_languages() {
        let cases = [
            (
                "2026-11-13T10:00",
                Some("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"),
                "Monthly on every Friday that falls on the 13th, 10:00–10:30 Europe/London, from Fri 13 Nov 2026",
                "Monatlich an jedem Freitag, sofern er auf den 13. fällt, 10:00–10:30 Europe/London, ab Fr., 13. Nov. 2026",
            ),
            (
                "2026-03-02T10:00",
                Some("FREQ=YEARLY;BYMONTH=3,6"),
                "Yearly on the 2nd of March and June, 10:00–10:30 Europe/London, from Mon 2 Mar 2026",
                "Jährlich am 2. März und Juni, 10:00–10:30 Europe/London, ab Mo., 2. März 2026",
            ),
            (
                "2026-11-30T10:00",
                Some("FREQ=DAILY;BYDAY=MO,WE"),
                "Every Monday and Wednesday, 10:00–10:30 Europe/London, from Mon 30 Nov 2026",
                "Jeden Montag und Mittwoch, 10:00–10:30 Europe/London, ab Mo., 30. Nov. 2026",
            ),
        ];
        for (start, rule, en, de) in cases {
            assert_eq!(described(start, 30, rule), en, "{rule:?}");
            assert_eq!(
                with_language(Lang::De, || described(start, 30, rule)),
                de,
                "{rule:?}"
            );
        }
    }
}
