//! ICS export: a rep's or a team's calendar as one RFC 5545 `VCALENDAR`
//! (`METHOD:PUBLISH`) that Google Calendar, Outlook or Apple Calendar can
//! import or subscribe to.
//!
//! What goes in: every meeting the rep (or any team member, each meeting
//! once) attends, at its wall-clock start in its own zone with its RRULE;
//! the rep's accepted office days, time off and trips ("In New York
//! office", free time) as all-day events; one
//! `VTIMEZONE` per zone used, written from the bundled IANA data
//! ([`crate::tz::Zone::observances`]) over the span of the events.
//!
//! Invariants:
//! - The output depends only on the scenario, the scope and `stamp`
//!   (`DTSTAMP`): the same input gives the same bytes.
//! - UIDs are built from ids alone (`meeting-<id>@meridian`,
//!   `office-<rep>-<date>@meridian`, `timeoff-<rep>-<first date>@meridian`,
//!   `travel-<rep>-<first date>@meridian`),
//!   so importing a newer export updates the events instead of adding
//!   copies.
//! - Every occurrence other calendars expand from the file is one Meridian
//!   expands (checked against Python's icalendar + recurring_ical_events
//!   by `tests/it/ics.rs`): a rule is written as stored except that a
//!   non-UTC `UNTIL` becomes the UTC instant of the last occurrence (RFC
//!   5545 requires UTC there) and, when the start is not one of the rule's
//!   own dates, `COUNT` becomes that `UNTIL` too (the contract counts such a
//!   start toward COUNT, dateutil-based readers do not).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{escape_text, push_folded, uid_part};
use crate::holidays;
use crate::model::{Meeting, Rep, Scenario};
use crate::recurrence::{self, RRule, Until};
use crate::tz::{self, Zone};

/// Whose calendar to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum IcsScope {
    /// One rep: their meetings, office days and time off.
    Rep(String),
    /// Every member of a team: each meeting once, day items named per rep.
    Team(String),
}

/// Why a calendar could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{}", crate::tr!("files-export-unknown-rep", id = format!("{_0:?}")))]
    UnknownRep(String),
    #[error("{}", crate::tr!("files-export-unknown-team", id = format!("{_0:?}")))]
    UnknownTeam(String),
    #[error("{}", crate::tr!("files-export-meeting", meeting = meeting.as_str(), message = message.as_str()))]
    Meeting { meeting: String, message: String },
}

/// Years of zone data written after the last dated event of a zone when a
/// rule repeats without end (calendars that use the file's `VTIMEZONE`
/// rather than their own copy of the IANA data need it).
const OPEN_ENDED_YEARS: i32 = 5;

/// At most this many observances per `VTIMEZONE`.
const MAX_OBSERVANCES: usize = 2000;

/// Public holidays of the year of `stamp` and the next, as all-day events:
/// a rep's own as days off (busy), trip days with the visited office's; a
/// team's once per home region, as free time, since they say when people
/// are away rather than block the calendar.
/// The bundled table spans decades: two years is what a calendar app needs
/// and keeps a 2,000-rep team's file small.
fn write_holidays(
    events: &mut String,
    sc: &Scenario,
    reps: &[&Rep],
    team: bool,
    stamp_text: &str,
    year: i32,
) {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year + 1, 12, 31),
    ) else {
        return;
    };
    let offices: BTreeMap<&str, &crate::model::Office> =
        sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    if let (false, Some(rep)) = (team, reps.first()) {
        // One rep's own days off: on a trip day the visited office's
        // holidays (a rep works where they are), at home their own.
        let office = |o: &str| offices.get(o).copied();
        for h in holidays::rep_holidays_between(rep, office, from, to) {
            let uid = format!(
                "holiday-{}-{}-{}@meridian",
                uid_part(&rep.id),
                uid_part(h.region),
                h.date.format("%Y%m%d")
            );
            let summary = format!("{} (public holiday)", h.name);
            let day = DayEvent {
                uid: &uid,
                first: h.date,
                last: h.date,
                summary: &summary,
                busy: true,
                location: None,
                extra: &[],
            };
            write_day_event(events, stamp_text, &day);
        }
        return;
    }
    let regions: BTreeSet<&'static str> = reps
        .iter()
        .filter_map(|rep| {
            let home = rep.office.as_deref().and_then(|o| offices.get(o).copied());
            holidays::rep_region(rep, home).map(holidays::Region::code)
        })
        .collect();
    for code in regions {
        let Some(region) = holidays::Region::find(code) else {
            continue;
        };
        for h in region.between(from, to) {
            // No rep in the UID: a rep's own export names the rep, so the
            // same holiday as free time here never replaces that one.
            let uid = format!(
                "holiday-{}-{}@meridian",
                uid_part(h.region),
                h.date.format("%Y%m%d")
            );
            let summary = format!("{} (public holiday, {})", h.name, h.region);
            let day = DayEvent {
                uid: &uid,
                first: h.date,
                last: h.date,
                summary: &summary,
                busy: false,
                location: None,
                extra: &[],
            };
            write_day_event(events, stamp_text, &day);
        }
    }
}

/// The file name a save dialog should offer, e.g. `meridian-rep-ana.ics`.
pub fn file_name(scope: &IcsScope) -> String {
    match scope {
        IcsScope::Rep(id) => format!("meridian-rep-{}.ics", uid_part(id)),
        IcsScope::Team(id) => format!("meridian-team-{}.ics", uid_part(id)),
    }
}

/// The calendar of `scope` as iCalendar text (CRLF line endings, folded).
///
/// # Errors
/// [`ExportError::UnknownRep`] / [`ExportError::UnknownTeam`];
/// [`ExportError::Meeting`] for a meeting whose zone or rule cannot be
/// resolved (a validated scenario has none).
///
/// # Example
/// ```
/// use meridian::io::ics::export::{write_calendar, IcsScope};
/// let sc = meridian::io::scenario::parse_document(
///     r#"{"format": "meridian.scenario/1",
///         "reps": [{"id": "ana", "time_zone": "Europe/Lisbon"}]}"#, "doc").unwrap();
/// let stamp = "2026-11-28T12:00:00Z".parse().unwrap();
/// let text = write_calendar(&sc, &IcsScope::Rep("ana".into()), stamp).unwrap();
/// assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
/// ```
pub fn write_calendar(
    sc: &Scenario,
    scope: &IcsScope,
    stamp: DateTime<Utc>,
) -> Result<String, ExportError> {
    let (reps, cal_name, team): (Vec<&Rep>, String, bool) = match scope {
        IcsScope::Rep(id) => {
            let rep = sc
                .reps
                .iter()
                .find(|r| &r.id == id)
                .ok_or_else(|| ExportError::UnknownRep(id.clone()))?;
            (vec![rep], rep.name.clone(), false)
        }
        IcsScope::Team(id) => {
            let t = sc
                .teams
                .iter()
                .find(|t| &t.id == id)
                .ok_or_else(|| ExportError::UnknownTeam(id.clone()))?;
            let members = sc
                .reps
                .iter()
                .filter(|r| r.team.as_deref() == Some(id.as_str()))
                .collect();
            (members, t.name.clone(), true)
        }
    };
    let ids: BTreeSet<&str> = reps.iter().map(|r| r.id.as_str()).collect();
    let stamp_text = stamp.format("%Y%m%dT%H%M%SZ").to_string();

    let mut events = String::new();
    // Zone name → (first year, last year) its VTIMEZONE must cover.
    let mut spans: BTreeMap<String, (i32, i32)> = BTreeMap::new();
    for m in sc
        .meetings
        .iter()
        .filter(|m| m.attendees.iter().any(|a| ids.contains(a.as_str())))
    {
        let (first, last) = write_meeting(&mut events, sc, m, &stamp_text, stamp.year(), &[])?;
        if m.time_zone != "UTC" {
            let e = spans.entry(m.time_zone.clone()).or_insert((first, last));
            *e = (e.0.min(first), e.1.max(last));
        }
    }
    // Looked up once per office day and trip of every rep: a map.
    let mut names: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for o in &sc.offices {
        names.entry(o.id.as_str()).or_insert(o.name.as_str());
    }
    fn name_of<'s>(names: &std::collections::HashMap<&'s str, &'s str>, id: &'s str) -> &'s str {
        names.get(id).copied().unwrap_or(id)
    }
    for rep in &reps {
        let label = |what: &str| {
            if team {
                format!("{} — {what}", rep.name)
            } else {
                what.to_string()
            }
        };
        for od in sc.office_days.iter().filter(|d| d.rep == rep.id) {
            let office = name_of(&names, &od.office);
            let uid = format!(
                "office-{}-{}@meridian",
                uid_part(&rep.id),
                od.date.format("%Y%m%d")
            );
            let summary = label(&format!("Office: {office}"));
            let day = DayEvent {
                uid: &uid,
                first: od.date,
                last: od.date,
                summary: &summary,
                busy: false,
                location: None,
                extra: &[],
            };
            write_day_event(&mut events, &stamp_text, &day);
        }
        for off in &rep.time_off {
            let uid = format!(
                "timeoff-{}-{}@meridian",
                uid_part(&rep.id),
                off.start.format("%Y%m%d")
            );
            let summary = label("Time off");
            let day = DayEvent {
                uid: &uid,
                first: off.start,
                last: off.end,
                summary: &summary,
                busy: true,
                location: None,
                extra: &[],
            };
            write_day_event(&mut events, &stamp_text, &day);
        }
        // A trip says where the rep works, not that they are busy: free
        // time, like an office day. Trips never overlap, so the first day
        // keeps the UID one per rep and trip.
        for trip in &rep.travel {
            let office = name_of(&names, &trip.office);
            let uid = format!(
                "travel-{}-{}@meridian",
                uid_part(&rep.id),
                trip.from.format("%Y%m%d")
            );
            let summary = label(&format!("In {office} office"));
            let day = DayEvent {
                uid: &uid,
                first: trip.from,
                last: trip.to,
                summary: &summary,
                busy: false,
                location: Some(office),
                extra: &[],
            };
            write_day_event(&mut events, &stamp_text, &day);
        }
    }

    write_holidays(&mut events, sc, &reps, team, &stamp_text, stamp.year());

    let mut out = String::new();
    calendar_opening(&mut out);
    for line in [
        "METHOD:PUBLISH",
        &format!(
            "X-WR-CALNAME:{}",
            escape_text(&format!("Meridian — {cal_name}"))
        ),
    ] {
        push_folded(&mut out, line);
    }
    if let (false, Some(rep)) = (team, reps.first()) {
        push_folded(&mut out, &format!("X-WR-TIMEZONE:{}", rep.time_zone));
    }
    for (name, (first, last)) in &spans {
        write_vtimezone(&mut out, name, *first, *last).map_err(|message| ExportError::Meeting {
            meeting: String::new(),
            message,
        })?;
    }
    out.push_str(&events);
    push_folded(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// `BEGIN:VCALENDAR` to `CALSCALE`: the lines every calendar Meridian
/// writes starts with (the product names the zone data release).
pub(super) fn calendar_opening(out: &mut String) {
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!(
            "PRODID:-//Meridian//Meridian {} (IANA tzdata {})//EN",
            env!("CARGO_PKG_VERSION"),
            tz::tzdata_version()
        ),
        "CALSCALE:GREGORIAN",
    ] {
        push_folded(out, line);
    }
}

/// The zone's offset at `instant`.
fn offset_at(zone: &Zone, instant: DateTime<Utc>) -> chrono::Duration {
    chrono::Duration::seconds(i64::from(zone.offset_seconds_at(instant)))
}

/// `20261201T100000` of a wall clock.
fn ics_local(dt: NaiveDateTime) -> String {
    dt.format("%Y%m%dT%H%M%S").to_string()
}

/// Writes one meeting's VEVENT; returns the first and last year its zone
/// data must cover.
pub(super) fn write_meeting(
    out: &mut String,
    sc: &Scenario,
    m: &Meeting,
    stamp: &str,
    stamp_year: i32,
    extra: &[String],
) -> Result<(i32, i32), ExportError> {
    let fail = |message: String| ExportError::Meeting {
        meeting: m.id.clone(),
        message,
    };
    let zone = Zone::get(&m.time_zone).map_err(|e| fail(e.to_string()))?;
    let start = m.start.0;
    let start_instant = zone.instant(start).map_err(|e| fail(e.to_string()))?;
    let end_instant = start_instant + chrono::Duration::minutes(i64::from(m.duration_minutes));
    let utc = m.time_zone == "UTC";
    let (dtstart, dtend) = if utc {
        (
            format!("DTSTART:{}Z", ics_local(start)),
            format!("DTEND:{}Z", ics_local(end_instant.naive_utc())),
        )
    } else {
        // DTEND on the meeting's wall clock, as calendars usually write it,
        // unless the first occurrence starts in a gap or fold or spans a
        // change, where that wall-clock end would read as another length:
        // then an exact DURATION (a UTC DTEND is valid too, but readers
        // that turn it into a wall-clock length misread it).
        let wall_end = zone.local(end_instant);
        let dtend = if wall_end - start == end_instant - start_instant
            && start_instant.naive_utc() == start - offset_at(&zone, start_instant)
        {
            format!("DTEND;TZID={}:{}", m.time_zone, ics_local(wall_end))
        } else {
            format!("DURATION:PT{}M", m.duration_minutes)
        };
        (
            format!("DTSTART;TZID={}:{}", m.time_zone, ics_local(start)),
            dtend,
        )
    };
    let first_year = start.year();
    let mut last_year = zone.local(end_instant).year();
    let rule = match m.rrule.as_deref() {
        None => None,
        Some(text) => {
            let rule = RRule::parse(text).map_err(|e| fail(e.to_string()))?;
            let (line, last) = rrule_line(text, &rule, start, &zone).map_err(fail)?;
            last_year = match last {
                Some(l) => last_year.max(l.year()),
                None => last_year.max(stamp_year) + OPEN_ENDED_YEARS,
            };
            Some(line)
        }
    };
    push_folded(out, "BEGIN:VEVENT");
    push_folded(out, &format!("UID:meeting-{}@meridian", uid_part(&m.id)));
    push_folded(out, &format!("DTSTAMP:{stamp}"));
    push_folded(out, &dtstart);
    push_folded(out, &dtend);
    if let Some(rule) = rule {
        push_folded(out, &rule);
    }
    push_folded(out, &format!("SUMMARY:{}", escape_text(&m.title)));
    let names: Vec<&str> = m
        .attendees
        .iter()
        .map(|a| {
            sc.reps
                .iter()
                .find(|r| &r.id == a)
                .map_or(a.as_str(), |r| r.name.as_str())
        })
        .collect();
    let mut description = format!("Attendees: {}", names.join(", "));
    if let Some(office) = &m.in_person_office {
        let name = sc
            .offices
            .iter()
            .find(|o| &o.id == office)
            .map_or(office.as_str(), |o| o.name.as_str());
        description.push_str(&format!("\nIn person: {name}"));
        push_folded(out, &format!("LOCATION:{}", escape_text(name)));
    }
    push_folded(out, &format!("DESCRIPTION:{}", escape_text(&description)));
    for line in extra {
        push_folded(out, line);
    }
    push_folded(out, "END:VEVENT");
    Ok((first_year, last_year))
}

/// The `RRULE:` line for a stored rule and the wall clock of the last
/// occurrence when the rule ends. See the module's invariants for the two
/// rewrites.
fn rrule_line(
    text: &str,
    rule: &RRule,
    start: NaiveDateTime,
    zone: &Zone,
) -> Result<(String, Option<NaiveDateTime>), String> {
    let rewrite_until = matches!(rule.until, Some(Until::Floating(_) | Until::Date(_)));
    let rewrite_count = rule.count.is_some() && !rule.matches_start(start);
    let ends = rule.count.is_some() || rule.until.is_some();
    if !ends {
        return Ok((format!("RRULE:{}", text.trim()), None));
    }
    // The last occurrence: expand up to where the rule must have ended.
    let horizon = match rule.until {
        Some(Until::Floating(u) | Until::Instant(u)) => u + chrono::Duration::days(2),
        Some(Until::Date(d)) => d.and_hms_opt(0, 0, 0).unwrap_or(start) + chrono::Duration::days(2),
        None => NaiveDate::from_ymd_opt(9000, 12, 31)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or(start),
    };
    let all =
        recurrence::expand(Some(rule), start, zone, start, horizon).map_err(|e| e.to_string())?;
    let last = all.last().copied().unwrap_or(start);
    if !rewrite_until && !rewrite_count {
        return Ok((format!("RRULE:{}", text.trim()), Some(last)));
    }
    let last_utc = zone.instant(last).map_err(|e| e.to_string())?;
    let until = format!("UNTIL={}Z", ics_local(last_utc.naive_utc()));
    let parts: Vec<String> = text
        .trim()
        .split(';')
        .filter_map(|p| {
            let name = p
                .split('=')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_uppercase();
            match name.as_str() {
                "UNTIL" | "COUNT" => None,
                _ => Some(p.trim().to_string()),
            }
        })
        .chain(std::iter::once(until))
        .collect();
    Ok((format!("RRULE:{}", parts.join(";")), Some(last)))
}

/// An all-day event over the dates `[first, last]`; time off shows as
/// busy, an office day as free (it is where the rep works, not a meeting).
pub(super) struct DayEvent<'a> {
    pub uid: &'a str,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub summary: &'a str,
    pub busy: bool,
    pub location: Option<&'a str>,
    /// Content lines written before `END:VEVENT` (already escaped).
    pub extra: &'a [String],
}

pub(super) fn write_day_event(out: &mut String, stamp: &str, day: &DayEvent<'_>) {
    let DayEvent {
        uid,
        first,
        last,
        summary,
        busy,
        location,
        extra,
    } = *day;
    let end = last.succ_opt().unwrap_or(last);
    push_folded(out, "BEGIN:VEVENT");
    push_folded(out, &format!("UID:{uid}"));
    push_folded(out, &format!("DTSTAMP:{stamp}"));
    push_folded(
        out,
        &format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
    );
    push_folded(out, &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
    push_folded(out, &format!("SUMMARY:{}", escape_text(summary)));
    if let Some(location) = location {
        push_folded(out, &format!("LOCATION:{}", escape_text(location)));
    }
    if !busy {
        push_folded(out, "TRANSP:TRANSPARENT");
    }
    for line in extra {
        push_folded(out, line);
    }
    push_folded(out, "END:VEVENT");
}

/// `+0530`, `-0300`, `+055328` (seconds only when not whole minutes).
fn ics_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// A `VTIMEZONE` for `name` covering the years `[first, last]`: the
/// observance in force on 1 January of `first`, then every change until the
/// end of `last`, each as its own `STANDARD` / `DAYLIGHT` with the local
/// `DTSTART` of the change.
pub(super) fn write_vtimezone(
    out: &mut String,
    name: &str,
    first: i32,
    last: i32,
) -> Result<(), String> {
    let zone = Zone::get(name).map_err(|e| e.to_string())?;
    let year_start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
            .ok_or_else(|| crate::tr!("files-export-year-range", year = y))
    };
    let from = year_start(first)?;
    let to = year_start(last.saturating_add(1))?;
    push_folded(out, "BEGIN:VTIMEZONE");
    push_folded(out, &format!("TZID:{name}"));
    push_folded(out, &format!("X-LIC-LOCATION:{name}"));
    for o in zone.observances(from, to, MAX_OBSERVANCES) {
        let kind = if o.dst { "DAYLIGHT" } else { "STANDARD" };
        push_folded(out, &format!("BEGIN:{kind}"));
        push_folded(out, &format!("DTSTART:{}", ics_local(o.local_start)));
        push_folded(out, &format!("TZOFFSETFROM:{}", ics_offset(o.offset_from)));
        push_folded(out, &format!("TZOFFSETTO:{}", ics_offset(o.offset_to)));
        push_folded(out, &format!("TZNAME:{}", escape_text(&o.name)));
        push_folded(out, &format!("END:{kind}"));
    }
    push_folded(out, "END:VTIMEZONE");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_with_sign_and_seconds_only_when_needed() {
        assert_eq!(ics_offset(19800), "+0530");
        assert_eq!(ics_offset(-10800), "-0300");
        assert_eq!(ics_offset(0), "+0000");
        assert_eq!(ics_offset(21208), "+055328");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(&IcsScope::Rep("ana".into())),
            "meridian-rep-ana.ics"
        );
        assert_eq!(
            file_name(&IcsScope::Team("a/b".into())),
            "meridian-team-a%2Fb.ics"
        );
    }

    #[test]
    fn errors_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let e = ExportError::UnknownRep("ana".into());
        assert_eq!(e.to_string(), "no rep with id \"ana\"");
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            "Keine Person mit der ID \"ana\""
        );
        let e = ExportError::Meeting {
            meeting: "m1".into(),
            message: "x".into(),
        };
        assert_eq!(e.to_string(), "meeting m1: x");
        assert_eq!(
            with_language(Lang::De, || e.to_string()),
            "Besprechung m1: x"
        );
    }
}
