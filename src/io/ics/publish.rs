//! A team's calendar as CalDAV objects: one `VCALENDAR` resource per event,
//! so a publisher can create, update and delete each on its own.
//!
//! What a team calendar holds (the lead chooses with [`Include`]):
//! - every meeting any member attends, once, as [`super::export`] writes it
//!   (zone, rule and `VTIMEZONE` included);
//! - one all-day event per office and local date on which members are in
//!   ("In the office — London: Ana, Bo"), so a rep sees who is in with them;
//! - each member's time off as "Away", never with its reason.
//!
//! Every event carries what a follower needs to rebuild the agenda without
//! reading summaries: `X-MERIDIAN-KIND` (`meeting`, `office_day`, `away`),
//! `X-MERIDIAN-ID` (the meeting's id), `X-MERIDIAN-OFFICE` (the office's id)
//! and one `X-MERIDIAN-REP;X-MERIDIAN-TZ=<zone>;CN=<name>:<rep id>` per rep
//! it concerns ([`super::followed`] reads them back).
//!
//! Invariants: UIDs and resource names come from ids alone; an object's
//! [`CalendarObject::hash`] covers its text except `DTSTAMP`, so publishing
//! the same plan again finds nothing changed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use super::export::{
    calendar_opening, write_day_event, write_meeting, write_vtimezone, DayEvent, ExportError,
};
use super::{escape_text, push_folded, stable_hash, uid_part};
use crate::holidays;
use crate::model::{Office, Rep, Scenario};

/// What a published team calendar includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Include {
    /// Accepted office days, one event per office and date.
    pub office_days: bool,
    pub meetings: bool,
    /// Time off, shown as "Away" without its reason.
    pub away: bool,
}

impl Default for Include {
    fn default() -> Self {
        Include {
            office_days: true,
            meetings: true,
            away: true,
        }
    }
}

/// What an event is, as `X-MERIDIAN-KIND` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    Meeting,
    OfficeDay,
    Away,
}

impl ObjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::Meeting => "meeting",
            ObjectKind::OfficeDay => "office_day",
            ObjectKind::Away => "away",
        }
    }

    pub fn parse(text: &str) -> Option<ObjectKind> {
        match text.trim() {
            "meeting" => Some(ObjectKind::Meeting),
            "office_day" => Some(ObjectKind::OfficeDay),
            "away" => Some(ObjectKind::Away),
            _ => None,
        }
    }
}

/// One resource of a team calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarObject {
    pub uid: String,
    /// The resource's name in the collection (`<uid, URL-safe>.ics`).
    pub name: String,
    pub kind: ObjectKind,
    /// What a person reads: the event's summary.
    pub summary: String,
    /// The whole `VCALENDAR`, CRLF lines.
    pub text: String,
    /// Hex digest of `text` without its `DTSTAMP` line.
    pub hash: String,
}

/// The resource name for `uid` in the collection: the UID and `.ics`.
/// Meridian's UIDs hold only URL-safe characters, `%`, `@` and no `/`
/// ([`super::uid_part`]); the client percent-encodes the name in URLs.
pub fn resource_name(uid: &str) -> String {
    format!("{}.ics", uid.replace('/', "%2F"))
}

/// The digest that decides whether an object changed: its text without the
/// `DTSTAMP` line (the time of writing, not of the plan).
pub fn content_hash(text: &str) -> String {
    let kept: Vec<&str> = text
        .split("\r\n")
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect();
    format!("{:016x}", stable_hash(&kept))
}

/// `X-MERIDIAN-REP;X-MERIDIAN-TZ=Europe/Lisbon;CN="Ana":ana`.
/// A rep as a property: id, zone, name and, when they have one, the region
/// whose public holidays they take (the follower has the same bundled
/// table, so the holidays themselves need not travel).
fn rep_line(rep: &Rep, offices: &BTreeMap<&str, &Office>) -> String {
    let home = rep.office.as_deref().and_then(|o| offices.get(o).copied());
    let region = holidays::rep_region(rep, home)
        .map(|r| format!(";X-MERIDIAN-HOLIDAYS={}", r.code()))
        .unwrap_or_default();
    format!(
        "X-MERIDIAN-REP;X-MERIDIAN-TZ={}{region};CN=\"{}\":{}",
        rep.time_zone,
        param_text(&rep.name),
        escape_text(&rep.id)
    )
}

/// A quoted parameter value cannot hold `"` or control characters
/// (RFC 5545 §3.1); a name is shown, never parsed back, so they go.
fn param_text(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect()
}

/// An all-day event's whole resource, without its closing line.
fn day_object(stamp: &str, day: &DayEvent<'_>) -> String {
    let mut text = String::new();
    calendar_opening(&mut text);
    write_day_event(&mut text, stamp, day);
    text
}

fn object(uid: String, kind: ObjectKind, summary: String, mut text: String) -> CalendarObject {
    push_folded(&mut text, "END:VCALENDAR");
    CalendarObject {
        name: resource_name(&uid),
        hash: content_hash(&text),
        uid,
        kind,
        summary,
        text,
    }
}

/// The objects of team `team`'s calendar, sorted by UID.
///
/// # Errors
/// [`ExportError::UnknownTeam`]; [`ExportError::Meeting`] for a meeting
/// whose zone or rule cannot be resolved (a validated team has none).
pub fn team_objects(
    sc: &Scenario,
    team: &str,
    include: Include,
    stamp: DateTime<Utc>,
) -> Result<Vec<CalendarObject>, ExportError> {
    if !sc.teams.iter().any(|t| t.id == team) {
        return Err(ExportError::UnknownTeam(team.to_string()));
    }
    let members: BTreeMap<&str, &Rep> = sc
        .reps
        .iter()
        .filter(|r| r.team.as_deref() == Some(team))
        .map(|r| (r.id.as_str(), r))
        .collect();
    let reps: BTreeMap<&str, &Rep> = sc.reps.iter().map(|r| (r.id.as_str(), r)).collect();
    // Each rep's line once: events repeat them thousands of times.
    let offices: BTreeMap<&str, &Office> = sc.offices.iter().map(|o| (o.id.as_str(), o)).collect();
    let lines: BTreeMap<&str, String> = sc
        .reps
        .iter()
        .map(|r| (r.id.as_str(), rep_line(r, &offices)))
        .collect();
    let line_of = |r: &Rep| lines.get(r.id.as_str()).cloned().unwrap_or_default();
    let stamp_text = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out: Vec<CalendarObject> = Vec::new();

    if include.meetings {
        for m in sc
            .meetings
            .iter()
            .filter(|m| m.attendees.iter().any(|a| members.contains_key(a.as_str())))
        {
            let mut extra = vec![
                "X-MERIDIAN-KIND:meeting".to_string(),
                format!("X-MERIDIAN-ID:{}", escape_text(&m.id)),
            ];
            extra.extend(
                m.attendees
                    .iter()
                    .filter_map(|a| reps.get(a.as_str()))
                    .map(|r| line_of(r)),
            );
            let mut event = String::new();
            let (first, last) =
                write_meeting(&mut event, sc, m, &stamp_text, stamp.year(), &extra)?;
            let mut text = String::new();
            calendar_opening(&mut text);
            if m.time_zone != "UTC" {
                write_vtimezone(&mut text, &m.time_zone, first, last).map_err(|message| {
                    ExportError::Meeting {
                        meeting: m.id.clone(),
                        message,
                    }
                })?;
            }
            text.push_str(&event);
            let uid = format!("meeting-{}@meridian", uid_part(&m.id));
            out.push(object(uid, ObjectKind::Meeting, m.title.clone(), text));
        }
    }

    if include.office_days {
        // (office, date) → the members in, in id order.
        let mut days: BTreeMap<(&str, chrono::NaiveDate), BTreeSet<&str>> = BTreeMap::new();
        for od in sc
            .office_days
            .iter()
            .filter(|d| members.contains_key(d.rep.as_str()))
        {
            days.entry((od.office.as_str(), od.date))
                .or_default()
                .insert(od.rep.as_str());
        }
        for ((office, date), ids) in days {
            let office_name = sc
                .offices
                .iter()
                .find(|o| o.id == office)
                .map_or(office, |o| o.name.as_str());
            let people: Vec<&Rep> = ids
                .iter()
                .filter_map(|id| members.get(id))
                .copied()
                .collect();
            let names: Vec<&str> = people.iter().map(|r| r.name.as_str()).collect();
            let summary = format!("In the office — {office_name}: {}", names.join(", "));
            let uid = format!(
                "office-{}-{}-{}@meridian",
                uid_part(team),
                uid_part(office),
                date.format("%Y%m%d")
            );
            let mut extra = vec![
                "X-MERIDIAN-KIND:office_day".to_string(),
                format!("X-MERIDIAN-OFFICE:{}", escape_text(office)),
            ];
            extra.extend(people.iter().map(|r| line_of(r)));
            let day = DayEvent {
                uid: &uid,
                first: date,
                last: date,
                summary: &summary,
                busy: false,
                location: Some(office_name),
                extra: &extra,
            };
            let text = day_object(&stamp_text, &day);
            out.push(object(uid, ObjectKind::OfficeDay, summary, text));
        }
    }

    if include.away {
        for rep in members.values() {
            for off in &rep.time_off {
                let uid = format!(
                    "away-{}-{}@meridian",
                    uid_part(&rep.id),
                    off.start.format("%Y%m%d")
                );
                let summary = format!("{} — Away", rep.name);
                let extra = vec!["X-MERIDIAN-KIND:away".to_string(), line_of(rep)];
                let day = DayEvent {
                    uid: &uid,
                    first: off.start,
                    last: off.end,
                    summary: &summary,
                    busy: true,
                    location: None,
                    extra: &extra,
                };
                let text = day_object(&stamp_text, &day);
                out.push(object(uid, ObjectKind::Away, summary, text));
            }
        }
    }
    out.sort_by(|a, b| a.uid.cmp(&b.uid));
    // Two time-off ranges of one rep starting the same day would share a
    // UID; validation refuses overlapping ranges, so keep the first.
    out.dedup_by(|a, b| a.uid == b.uid);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_are_url_safe_and_distinct() {
        assert_eq!(
            resource_name("meeting-m1@meridian"),
            "meeting-m1@meridian.ics"
        );
        assert_ne!(resource_name("a%20b"), resource_name("a b"));
    }

    #[test]
    fn the_hash_ignores_only_the_stamp() {
        let a = "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:x\r\n";
        let b = "BEGIN:VEVENT\r\nDTSTAMP:20270101T000000Z\r\nSUMMARY:x\r\n";
        let c = "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:y\r\n";
        assert_eq!(content_hash(a), content_hash(b));
        assert_ne!(content_hash(a), content_hash(c));
    }
}
