//! ICS import of busy times: the events of a calendar file that Google
//! Calendar, Outlook or another calendar exported become meetings of one
//! rep (attendees `[rep]`), so the planners see that time as taken.
//!
//! Layers: this module reads content lines itself (unfolding, BEGIN/END
//! nesting, the line number of every property, hard size caps) because a
//! user fixing a file needs line numbers and a broken component must not
//! take its neighbours down; `calcard` reads each `VTIMEZONE` and maps
//! zone names (IANA, Windows such as `W. Europe Standard Time`, Outlook's
//! `(UTC+01:00) Amsterdam, Berlin…`, `/mozilla.org/…/Europe/Berlin`,
//! `X-LIC-LOCATION`, `X-MICROSOFT-CDO-TZID`) to IANA names. Offsets always
//! come from Meridian's own zone data (`crate::tz`), never from calcard's.
//!
//! Readings (also in DESIGN.md "ICS import"):
//! - `TZID` times stay wall clocks in the (IANA) zone; `…Z` times are UTC;
//!   floating times are read in the rep's zone.
//! - A busy all-day event blocks whole local days in the rep's zone, from
//!   the first day's first instant to the first instant after the last day.
//! - `TRANSP:TRANSPARENT`, Outlook's `X-MICROSOFT-CDO-BUSYSTATUS:FREE` and
//!   `STATUS:CANCELLED` events are skipped with a note; a cancelled event
//!   removes what an earlier import of it stored.
//! - A rule within the contract's subset, without `EXDATE` or moved
//!   instances, is kept as the meeting's rule; any other rule (and any
//!   recurring all-day event) is expanded within the horizon into one
//!   meeting per occurrence.
//! - Ids come from the rep, the `UID` and the `RECURRENCE-ID` (and the
//!   occurrence, when expanded): importing the same file again updates.
//!
//! Bounded work: files over [`MAX_BYTES`], logical lines over
//! [`MAX_LINE_BYTES`], more than [`MAX_COMPONENTS`] components or
//! [`MAX_EVENTS`] meetings are refused; expansions stop at the horizon and
//! at [`MAX_OCCURRENCES`] per event.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::{stable_hash, uid_part};
use crate::model::{LocalDateTime, Meeting};
use crate::recurrence::{self, RRule};
use crate::tz::{self, Zone};

/// The largest file read (8 MiB).
pub const MAX_BYTES: usize = 8 << 20;
/// The longest logical (unfolded) line.
pub const MAX_LINE_BYTES: usize = 64 << 10;
/// The most components (`BEGIN:` lines) in one file.
pub const MAX_COMPONENTS: usize = 50_000;
/// The most meetings one import may produce.
pub const MAX_EVENTS: usize = 20_000;
/// The most occurrences one expanded event may produce.
pub const MAX_OCCURRENCES: usize = 1_000;
/// Days before `today` from which busy times are kept.
pub const HORIZON_PAST_DAYS: i64 = 31;
/// Days after `today` up to which rules are expanded.
pub const HORIZON_FUTURE_DAYS: i64 = 366;

/// One thing wrong in the file, at a 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IcsProblem {
    pub line: u32,
    pub message: String,
}

/// An event left out on purpose (free, cancelled, in the past...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IcsNote {
    pub line: u32,
    pub summary: String,
    pub reason: String,
}

/// One busy time read from the file, as the meeting it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportedBusy {
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: u32,
    pub uid: String,
    pub all_day: bool,
    /// Its rule was expanded into single occurrences within the horizon.
    pub expanded: bool,
    pub meeting: Meeting,
}

/// What an import would store: the busy times, the problems (each would
/// be skipped only with the user's consent) and the events left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IcsPreview {
    pub events: Vec<ImportedBusy>,
    pub problems: Vec<IcsProblem>,
    pub skipped: Vec<IcsNote>,
    /// Ids of meetings an earlier import stored for events now cancelled.
    pub cancelled_ids: Vec<String>,
}

/// A file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsFileError {
    #[error("{}", crate::tr!("files-ics-too-large", size = *size, max = MAX_BYTES))]
    TooLarge { size: usize },
    #[error("{}", crate::tr!("files-ics-line-too-long", line = *line, max = MAX_LINE_BYTES))]
    LineTooLong { line: u32 },
    #[error("{}", crate::tr!("files-ics-too-many-components", line = *line, max = MAX_COMPONENTS))]
    TooManyComponents { line: u32 },
    #[error("{}", crate::tr!("files-ics-not-icalendar"))]
    NotICalendar,
    #[error("{}", crate::tr!("files-ics-too-many-events", max = MAX_EVENTS))]
    TooManyEvents,
    #[error("{}", crate::tr!("files-ics-rep-zone", zone = format!("{_0:?}")))]
    RepZone(String),
}

impl IcsFileError {
    /// The line the error is at (0 for the whole file).
    pub fn line(&self) -> u32 {
        match self {
            IcsFileError::LineTooLong { line } | IcsFileError::TooManyComponents { line } => *line,
            _ => 0,
        }
    }
}

/// One unfolded content line: `NAME;PARAMS:VALUE` at a physical line.
#[derive(Debug, Clone)]
pub(super) struct Prop {
    pub line: u32,
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Prop {
    pub(super) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A top-level component: its kind, BEGIN line, own properties and the raw
/// text (for calcard), or why its structure is broken.
pub(super) struct Component {
    pub kind: String,
    pub line: u32,
    pub props: Vec<Prop>,
    pub text: String,
    pub broken: Option<String>,
}

/// Splits `text` into logical lines with the number of their first
/// physical line.
pub(super) fn logical_lines(text: &str) -> Result<Vec<(u32, String)>, IcsFileError> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some((_, last))) => {
                if last.len() + rest.len() > MAX_LINE_BYTES {
                    return Err(IcsFileError::LineTooLong { line });
                }
                last.push_str(rest);
            }
            _ => {
                if raw.len() > MAX_LINE_BYTES {
                    return Err(IcsFileError::LineTooLong { line });
                }
                if !raw.trim().is_empty() {
                    out.push((line, raw.to_string()));
                }
            }
        }
    }
    if let Some((_, first)) = out.first_mut() {
        if let Some(rest) = first.strip_prefix('\u{feff}') {
            *first = rest.to_string();
        }
    }
    Ok(out)
}

/// `NAME;P=V;P="V":VALUE`, quotes honoured; `None` without a colon.
fn parse_prop(line: u32, text: &str) -> Option<Prop> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut quoted = false;
    let mut colon = None;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b':' if !quoted => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let colon = colon?;
    let head = &text[..colon];
    let value = text[colon + 1..].to_string();
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in head.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => parts.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    parts.push(cur);
    let mut parts = parts.into_iter();
    let name = parts.next()?.trim().to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts
        .filter_map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.to_string()))
        })
        .collect();
    Some(Prop {
        line,
        name,
        params,
        value,
    })
}

/// The top-level components inside the file's `VCALENDAR`s.
pub(super) fn components(lines: &[(u32, String)]) -> Result<Vec<Component>, IcsFileError> {
    let mut out: Vec<Component> = Vec::new();
    let mut seen_calendar = false;
    // Open components: (kind, index in `out` when top-level).
    let mut stack: Vec<String> = Vec::new();
    let mut begins = 0usize;
    for (line, text) in lines {
        let Some(p) = parse_prop(*line, text) else {
            if let (true, Some(c)) = (stack.len() >= 2, out.last_mut()) {
                if c.broken.is_none() {
                    c.broken = Some(crate::tr!("files-ics-not-property", line = *line));
                }
            }
            continue;
        };
        match p.name.as_str() {
            "BEGIN" => {
                begins += 1;
                if begins > MAX_COMPONENTS {
                    return Err(IcsFileError::TooManyComponents { line: *line });
                }
                let kind = p.value.trim().to_ascii_uppercase();
                if stack.is_empty() {
                    if kind == "VCALENDAR" {
                        seen_calendar = true;
                    }
                } else if stack.len() == 1 {
                    out.push(Component {
                        kind: kind.clone(),
                        line: *line,
                        props: Vec::new(),
                        text: String::new(),
                        broken: None,
                    });
                }
                if !stack.is_empty() {
                    if let Some(c) = out.last_mut() {
                        c.text.push_str(text);
                        c.text.push_str("\r\n");
                    }
                }
                stack.push(kind);
            }
            "END" => {
                let kind = p.value.trim().to_ascii_uppercase();
                if stack.len() >= 2 {
                    if let Some(c) = out.last_mut() {
                        c.text.push_str(text);
                        c.text.push_str("\r\n");
                    }
                }
                match stack.iter().rposition(|k| *k == kind) {
                    Some(at) => {
                        if at + 1 != stack.len() && stack.len() >= 2 {
                            if let Some(c) = out.last_mut() {
                                c.broken.get_or_insert(crate::tr!(
                                    "files-ics-end-still-open",
                                    line = *line,
                                    kind = kind.as_str(),
                                    open = stack[at + 1..].join(", ")
                                ));
                            }
                        }
                        stack.truncate(at);
                    }
                    None => {
                        if let (true, Some(c)) = (stack.len() >= 2, out.last_mut()) {
                            c.broken.get_or_insert(crate::tr!(
                                "files-ics-end-without-begin",
                                line = *line,
                                kind = kind.as_str()
                            ));
                        }
                    }
                }
            }
            _ => {
                if stack.len() >= 2 {
                    if let Some(c) = out.last_mut() {
                        c.text.push_str(text);
                        c.text.push_str("\r\n");
                        if stack.len() == 2 {
                            c.props.push(p);
                        }
                    }
                }
            }
        }
    }
    if !seen_calendar {
        return Err(IcsFileError::NotICalendar);
    }
    if stack.len() >= 2 {
        if let Some(c) = out.last_mut() {
            c.broken
                .get_or_insert(crate::tr!("files-ics-end-missing", kind = c.kind.as_str()));
        }
    }
    Ok(out)
}

/// A date or date-time value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    Date(NaiveDate),
    /// Wall clock; `utc` for a trailing `Z`.
    DateTime {
        local: NaiveDateTime,
        utc: bool,
    },
}

pub(super) fn parse_when(value: &str) -> Option<When> {
    let v = value.trim();
    let date = |s: &str| -> Option<NaiveDate> {
        if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        NaiveDate::parse_from_str(s, "%Y%m%d").ok()
    };
    if v.len() == 8 {
        return date(v).map(When::Date);
    }
    let (body, utc) = match v.strip_suffix(['Z', 'z']) {
        Some(b) => (b, true),
        None => (v, false),
    };
    if body.len() != 15 || body.as_bytes()[8] != b'T' || !body.is_char_boundary(8) {
        return None;
    }
    let d = date(&body[..8])?;
    let t = &body[9..];
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |i: usize| t[i..i + 2].parse::<u32>().ok();
    // A leap second (60) reads as the minute's last second.
    let time = NaiveTime::from_hms_opt(n(0)?, n(2)?, n(4)?.min(59))?;
    Some(When::DateTime {
        local: d.and_time(time),
        utc,
    })
}

/// `P1DT2H`, `PT90M`, `-PT5M`, `P2W` in seconds (days as 24 hours).
pub(super) fn parse_duration(value: &str) -> Option<i64> {
    let v = value.trim();
    let (neg, v) = match v.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, v.strip_prefix('+').unwrap_or(v)),
    };
    let v = v.strip_prefix(['P', 'p'])?;
    let mut total: i64 = 0;
    let mut num = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in v.chars() {
        match c.to_ascii_uppercase() {
            'T' => in_time = true,
            d if d.is_ascii_digit() => {
                if num.len() >= 9 {
                    return None;
                }
                num.push(d);
            }
            unit => {
                let n: i64 = num.parse().ok()?;
                num.clear();
                any = true;
                total += n * match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
            }
        }
    }
    if !num.is_empty() || !any {
        return None;
    }
    Some(if neg { -total } else { total })
}

/// RFC 5545 TEXT unescaping.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

/// Resolves TZIDs to IANA names: the file's VTIMEZONEs first (through
/// calcard: TZID, `X-LIC-LOCATION`, `X-MICROSOFT-CDO-TZID`), then the name
/// itself (IANA, Windows and Outlook names).
struct Zones {
    defined: HashMap<String, Option<String>>,
}

fn iana(tz: &calcard::common::timezone::Tz) -> Option<String> {
    let name = tz.name()?.into_owned();
    let name = if name == "Etc/UTC" {
        "UTC".to_string()
    } else {
        name
    };
    tz::is_valid_zone(&name).then_some(name)
}

impl Zones {
    fn new(comps: &[Component]) -> Zones {
        let mut defined = HashMap::new();
        for c in comps.iter().filter(|c| c.kind == "VTIMEZONE") {
            let Some(tzid) = c.props.iter().find(|p| p.name == "TZID") else {
                continue;
            };
            let mut parser = calcard::Parser::new(&c.text);
            let resolved = match parser.entry() {
                calcard::Entry::ICalendar(ical) => ical
                    .components
                    .first()
                    .and_then(|comp| comp.timezone())
                    .and_then(|(_, tz)| iana(&tz)),
                _ => None,
            };
            defined.insert(tzid.value.trim().to_string(), resolved);
        }
        Zones { defined }
    }

    fn resolve(&self, tzid: &str) -> Option<String> {
        let tzid = tzid.trim();
        if tz::is_valid_zone(tzid) {
            return Some(tzid.to_string());
        }
        if let Some(Some(name)) = self.defined.get(tzid) {
            return Some(name.clone());
        }
        tzid.parse::<calcard::common::timezone::Tz>()
            .ok()
            .and_then(|tz| iana(&tz))
    }
}

/// A resolved start or end: wall clock in `zone`.
#[derive(Debug, Clone)]
struct Timed {
    local: NaiveDateTime,
    zone: String,
}

/// One VEVENT as read, before it becomes meetings.
struct Event {
    line: u32,
    uid: String,
    summary: String,
    start: Start,
    /// Length in minutes (timed) or days (all-day).
    length: i64,
    rule: Option<(u32, String)>,
    exdates: Vec<DateTime<Utc>>,
    exdays: Vec<NaiveDate>,
    recurrence_id: Option<String>,
    recurrence_instant: Option<DateTime<Utc>>,
    free: Option<Free>,
}

/// Why an event is left out rather than stored as busy time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Free {
    /// `STATUS:CANCELLED`: also removes what an earlier import stored.
    Cancelled,
    /// `TRANSP:TRANSPARENT`.
    Transparent,
    /// Outlook's `X-MICROSOFT-CDO-BUSYSTATUS:FREE`.
    Outlook,
    /// Zero or negative length.
    NoTime,
}

impl Free {
    fn reason(self) -> String {
        match self {
            Free::Cancelled => crate::tr!("files-ics-free-cancelled"),
            Free::Transparent => crate::tr!("files-ics-free-transparent"),
            Free::Outlook => crate::tr!("files-ics-free-outlook"),
            Free::NoTime => crate::tr!("files-ics-free-no-time"),
        }
    }
}

enum Start {
    Timed(Timed),
    AllDay(NaiveDate),
}

/// Reads the busy times of `text` for rep `rep` (in zone `rep_zone`), with
/// rules expanded around `today`.
///
/// # Errors
/// [`IcsFileError`] when the file as a whole cannot be read (too large, a
/// line or component count over the caps, not iCalendar). Problems with
/// single events are in the preview instead.
pub fn read_busy(
    text: &str,
    rep: &str,
    rep_zone: &str,
    today: NaiveDate,
) -> Result<IcsPreview, IcsFileError> {
    if text.len() > MAX_BYTES {
        return Err(IcsFileError::TooLarge { size: text.len() });
    }
    let rep_tz = Zone::get(rep_zone).map_err(|_| IcsFileError::RepZone(rep_zone.to_string()))?;
    let lines = logical_lines(text)?;
    let comps = components(&lines)?;
    let zones = Zones::new(&comps);
    let mut preview = IcsPreview::default();
    let mut events = Vec::new();
    for c in comps.iter().filter(|c| c.kind == "VEVENT") {
        if let Some(why) = &c.broken {
            preview.problems.push(IcsProblem {
                line: c.line,
                message: crate::tr!("files-ics-event-broken", why = why.as_str()),
            });
            continue;
        }
        match read_event(c, &zones, rep_zone) {
            Ok(ev) => events.push(ev),
            Err(p) => preview.problems.push(p),
        }
    }
    let from = today - chrono::Duration::days(HORIZON_PAST_DAYS);
    let to = today + chrono::Duration::days(HORIZON_FUTURE_DAYS);
    let id_base = |uid: &str, rid: Option<&str>| -> String {
        let h = match rid {
            Some(r) => stable_hash(&[uid, r]),
            None => stable_hash(&[uid]),
        };
        format!("ics-{}-{h:016x}", uid_part(rep))
    };
    // Instances moved or cancelled by RECURRENCE-ID, per UID.
    let mut replaced: HashMap<String, HashSet<DateTime<Utc>>> = HashMap::new();
    for ev in &events {
        if let (Some(_), Some(at)) = (&ev.recurrence_id, ev.recurrence_instant) {
            replaced.entry(ev.uid.clone()).or_default().insert(at);
        }
    }
    let mut past = 0usize;
    let mut masters: HashSet<(String, Option<String>)> = HashSet::new();
    for ev in events {
        if !masters.insert((ev.uid.clone(), ev.recurrence_id.clone())) {
            preview.problems.push(IcsProblem {
                line: ev.line,
                message: crate::tr!("files-ics-uid-twice", uid = format!("{:?}", ev.uid)),
            });
            continue;
        }
        let id = id_base(&ev.uid, ev.recurrence_id.as_deref());
        if let Some(free) = ev.free {
            if free == Free::Cancelled {
                preview.cancelled_ids.push(id);
            }
            preview.skipped.push(IcsNote {
                line: ev.line,
                summary: ev.summary.clone(),
                reason: free.reason(),
            });
            continue;
        }
        let moved = replaced.get(&ev.uid).filter(|_| ev.recurrence_id.is_none());
        match to_meetings(&ev, &id, rep, &rep_tz, moved, from, to) {
            Ok(list) if list.is_empty() => past += 1,
            Ok(list) => {
                for (meeting, expanded) in list {
                    preview.events.push(ImportedBusy {
                        line: ev.line,
                        uid: ev.uid.clone(),
                        all_day: matches!(ev.start, Start::AllDay(_)),
                        expanded,
                        meeting,
                    });
                    if preview.events.len() > MAX_EVENTS {
                        return Err(IcsFileError::TooManyEvents);
                    }
                }
            }
            Err(p) => preview.problems.push(p),
        }
    }
    if past > 0 {
        preview.skipped.push(IcsNote {
            line: 0,
            summary: crate::tr!("files-ics-past-events", count = past),
            reason: crate::tr!(
                "files-ics-past-reason",
                from = from.to_string(),
                to = to.to_string()
            ),
        });
    }
    preview
        .events
        .sort_by(|a, b| (a.meeting.start, &a.meeting.id).cmp(&(b.meeting.start, &b.meeting.id)));
    Ok(preview)
}

/// Reads one VEVENT's properties.
fn read_event(c: &Component, zones: &Zones, rep_zone: &str) -> Result<Event, IcsProblem> {
    let get = |name: &str| c.props.iter().find(|p| p.name == name);
    let problem = |line: u32, message: String| IcsProblem { line, message };
    let uid = get("UID")
        .map(|p| unescape(p.value.trim()))
        .filter(|u| !u.is_empty())
        .ok_or_else(|| problem(c.line, crate::tr!("files-ics-no-uid")))?;
    let summary = get("SUMMARY")
        .map(|p| unescape(p.value.trim()))
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Busy".to_string());
    let summary: String = summary.chars().take(200).collect();
    let dtstart =
        get("DTSTART").ok_or_else(|| problem(c.line, crate::tr!("files-ics-no-dtstart")))?;
    let read_time = |p: &Prop| -> Result<Result<Timed, NaiveDate>, IcsProblem> {
        let when = parse_when(&p.value).ok_or_else(|| {
            problem(
                p.line,
                crate::tr!(
                    "files-ics-bad-when",
                    name = p.name.as_str(),
                    value = format!("{:?}", p.value.trim())
                ),
            )
        })?;
        match when {
            When::Date(d) => Ok(Err(d)),
            When::DateTime { local, utc: true } => Ok(Ok(Timed {
                local,
                zone: "UTC".into(),
            })),
            When::DateTime { local, utc: false } => {
                let zone = match p.param("TZID") {
                    None => rep_zone.to_string(),
                    Some(tzid) => zones.resolve(tzid).ok_or_else(|| {
                        problem(
                            p.line,
                            crate::tr!(
                                "files-ics-unknown-zone",
                                tzid = format!("{:?}", tzid.trim())
                            ),
                        )
                    })?,
                };
                Ok(Ok(Timed { local, zone }))
            }
        }
    };
    let start = read_time(dtstart)?;
    let length = match (&start, get("DTEND"), get("DURATION")) {
        (Ok(s), Some(end), _) => match read_time(end)? {
            Ok(e) => {
                let a = instant(&s.local, &s.zone, dtstart.line)?;
                let b = instant(&e.local, &e.zone, end.line)?;
                (b - a).num_minutes()
            }
            Err(_) => return Err(problem(end.line, crate::tr!("files-ics-end-date"))),
        },
        (Err(d), Some(end), _) => match read_time(end)? {
            Err(e) => (e - *d).num_days(),
            Ok(_) => return Err(problem(end.line, crate::tr!("files-ics-end-date-time"))),
        },
        (s, None, Some(dur)) => {
            let secs = parse_duration(&dur.value).ok_or_else(|| {
                problem(
                    dur.line,
                    crate::tr!(
                        "files-ics-bad-duration",
                        value = format!("{:?}", dur.value.trim())
                    ),
                )
            })?;
            if s.is_ok() {
                secs / 60
            } else {
                secs / 86_400
            }
        }
        (Ok(_), None, None) => 0,
        (Err(_), None, None) => 1,
    };
    if length > 366 * 1440 {
        return Err(problem(c.line, crate::tr!("files-ics-too-long")));
    }
    let rule = get("RRULE").map(|p| (p.line, p.value.trim().to_string()));
    if let Some(rdate) = get("RDATE") {
        return Err(problem(rdate.line, crate::tr!("files-ics-rdate")));
    }
    let mut exdates = Vec::new();
    let mut exdays = Vec::new();
    for p in c.props.iter().filter(|p| p.name == "EXDATE") {
        for v in p.value.split(',') {
            let one = Prop {
                value: v.to_string(),
                ..p.clone()
            };
            match read_time(&one)? {
                Ok(t) => exdates.push(instant(&t.local, &t.zone, p.line)?),
                Err(d) => exdays.push(d),
            }
        }
    }
    let (recurrence_id, recurrence_instant) = match get("RECURRENCE-ID") {
        None => (None, None),
        Some(p) => {
            let at = match read_time(p)? {
                Ok(t) => Some(instant(&t.local, &t.zone, p.line)?),
                Err(d) => Some(d.and_time(NaiveTime::MIN).and_utc()),
            };
            (Some(p.value.trim().to_string()), at)
        }
    };
    let upper = |name: &str| get(name).map(|p| p.value.trim().to_ascii_uppercase());
    let free = if upper("STATUS").as_deref() == Some("CANCELLED") {
        Some(Free::Cancelled)
    } else if upper("TRANSP").as_deref() == Some("TRANSPARENT") {
        Some(Free::Transparent)
    } else if upper("X-MICROSOFT-CDO-BUSYSTATUS").as_deref() == Some("FREE") {
        Some(Free::Outlook)
    } else if length <= 0 {
        Some(Free::NoTime)
    } else {
        None
    };
    Ok(Event {
        line: c.line,
        uid,
        summary,
        start: match start {
            Ok(t) => Start::Timed(t),
            Err(d) => Start::AllDay(d),
        },
        length,
        rule,
        exdates,
        exdays,
        recurrence_id,
        recurrence_instant,
        free,
    })
}

fn instant(local: &NaiveDateTime, zone: &str, line: u32) -> Result<DateTime<Utc>, IcsProblem> {
    Zone::get(zone)
        .and_then(|z| z.instant(*local))
        .map_err(|e| IcsProblem {
            line,
            message: e.to_string(),
        })
}

/// The meetings of one event (with whether each came from expanding a
/// rule); empty when nothing of it falls on or after `from`.
fn to_meetings(
    ev: &Event,
    id: &str,
    rep: &str,
    rep_tz: &Zone,
    moved: Option<&HashSet<DateTime<Utc>>>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Meeting, bool)>, IcsProblem> {
    let problem = |line: u32, message: String| IcsProblem { line, message };
    let (start, zone_name) = match &ev.start {
        Start::Timed(t) => (t.local, t.zone.clone()),
        Start::AllDay(d) => (d.and_time(NaiveTime::MIN), rep_tz.name().to_string()),
    };
    let zone = Zone::get(&zone_name).map_err(|e| problem(ev.line, e.to_string()))?;
    let all_day = matches!(ev.start, Start::AllDay(_));
    let meeting = |id: String, start: NaiveDateTime, minutes: i64, rrule: Option<String>| Meeting {
        id,
        title: ev.summary.clone(),
        start: LocalDateTime(start.with_second0()),
        time_zone: zone_name.clone(),
        duration_minutes: u32::try_from(minutes.max(1)).unwrap_or(u32::MAX),
        rrule,
        attendees: vec![rep.to_string()],
        in_person_office: None,
    };
    // Minutes of an all-day span starting on `d` in the rep's zone.
    let day_minutes = |d: NaiveDate| -> Result<i64, IcsProblem> {
        let end = d + chrono::Duration::days(ev.length);
        let a = rep_tz
            .start_of_day(d)
            .map_err(|e| problem(ev.line, e.to_string()))?;
        let b = rep_tz
            .start_of_day(end)
            .map_err(|e| problem(ev.line, e.to_string()))?;
        Ok((b - a).num_minutes())
    };
    let from_wall = from.and_time(NaiveTime::MIN);
    let to_wall = to.and_time(NaiveTime::MIN);
    let Some((rule_line, text)) = &ev.rule else {
        let (minutes, end_date) = if all_day {
            (
                day_minutes(start.date())?,
                start.date() + chrono::Duration::days(ev.length),
            )
        } else {
            let end = start + chrono::Duration::minutes(ev.length);
            (ev.length, end.date())
        };
        if end_date < from {
            return Ok(Vec::new());
        }
        return Ok(vec![(meeting(id.to_string(), start, minutes, None), false)]);
    };
    let subset = RRule::parse(text).ok();
    let keep_rule = !all_day
        && ev.exdates.is_empty()
        && ev.exdays.is_empty()
        && moved.is_none_or(|m| m.is_empty())
        && subset
            .as_ref()
            .is_some_and(|r| r.check_start(start).is_ok());
    if keep_rule {
        // Kept as a rule when some occurrence is on or after `from`.
        let rule = subset.as_ref();
        let any = recurrence::expand(
            rule,
            start,
            &zone,
            from_wall,
            to_wall + chrono::Duration::days(3650),
        )
        .map_err(|e| problem(*rule_line, format!("RRULE: {e}")))?;
        if any.is_empty() {
            return Ok(Vec::new());
        }
        return Ok(vec![(
            meeting(id.to_string(), start, ev.length, Some(text.clone())),
            false,
        )]);
    }
    let starts = match &subset {
        Some(r) => recurrence::expand(Some(r), start, &zone, from_wall, to_wall),
        None => recurrence::expand_rfc(text, start, &zone, from_wall, to_wall, MAX_OCCURRENCES + 1),
    }
    .map_err(|e| problem(*rule_line, format!("RRULE {text:?}: {e}")))?;
    if starts.len() > MAX_OCCURRENCES {
        return Err(problem(
            *rule_line,
            crate::tr!(
                "files-ics-too-many-occurrences",
                max = MAX_OCCURRENCES,
                from = from.to_string(),
                to = to.to_string()
            ),
        ));
    }
    let mut out = Vec::new();
    for s in starts {
        let at = zone
            .instant(s)
            .map_err(|e| problem(ev.line, e.to_string()))?;
        if ev.exdates.contains(&at) || ev.exdays.contains(&s.date()) {
            continue;
        }
        if moved.is_some_and(|m| {
            m.contains(&at) || m.contains(&s.date().and_time(NaiveTime::MIN).and_utc())
        }) {
            continue;
        }
        let minutes = if all_day {
            day_minutes(s.date())?
        } else {
            ev.length
        };
        let occ_id = format!("{id}-{}", s.format("%Y%m%dT%H%M"));
        out.push((meeting(occ_id, s, minutes, None), true));
    }
    Ok(out)
}

trait Second0 {
    fn with_second0(self) -> Self;
}

impl Second0 for NaiveDateTime {
    fn with_second0(self) -> Self {
        use chrono::Timelike as _;
        self.with_second(0).unwrap_or(self)
    }
}

/// Ids of the meetings in `preview`, in order (for tests and the UI).
pub fn meeting_ids(preview: &IcsPreview) -> Vec<&str> {
    preview
        .events
        .iter()
        .map(|e| e.meeting.id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_as_rfc_5545_writes_them() {
        assert_eq!(parse_duration("PT1H30M"), Some(5400));
        assert_eq!(parse_duration("P1D"), Some(86_400));
        assert_eq!(parse_duration("-PT5M"), Some(-300));
        assert_eq!(parse_duration("P2W"), Some(14 * 86_400));
        assert_eq!(parse_duration("PT"), None);
        assert_eq!(parse_duration("P1H"), None);
        assert!(matches!(parse_when("20261201"), Some(When::Date(_))));
        assert!(matches!(
            parse_when("20261201T100000Z"),
            Some(When::DateTime { utc: true, .. })
        ));
        assert_eq!(parse_when("20261301T100000"), None);
        assert_eq!(parse_when("2026120"), None);
        assert_eq!(unescape("a\\,b\\;c\\nd\\\\"), "a,b;c\nd\\");
        let p = parse_prop(
            3,
            "DTSTART;TZID=\"W. Europe: Standard\";X=1:20261201T100000",
        )
        .expect("prop");
        assert_eq!(p.param("tzid"), Some("W. Europe: Standard"));
        assert_eq!(p.value, "20261201T100000");
    }

    #[test]
    fn problems_and_notes_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let file = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Lunch\r\nDTSTART:20261202T100000Z\r\n\
                    DTEND:20261202T110000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20200101T100000Z\r\nDTEND:20200101T110000Z\r\n\
                    END:VEVENT\r\nEND:VCALENDAR\r\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let read = || read_busy(file, "ana", "Europe/Lisbon", today).expect("read");
        let notes = |p: &IcsPreview| -> Vec<String> {
            p.problems
                .iter()
                .map(|x| format!("{}: {}", x.line, x.message))
                .chain(
                    p.skipped
                        .iter()
                        .map(|n| format!("{}: {}: {}", n.line, n.summary, n.reason)),
                )
                .collect()
        };
        let past = "Keine Zeit zwischen 2026-10-31 und 2027-12-02 (nur dort werden Regeln \
                    ausgeschrieben; einzelne Termine vor 2026-10-31 werden ausgelassen)";
        assert_eq!(
            notes(&with_language(Lang::De, read)),
            [
                "2: Der Termin hat keine UID".to_string(),
                "5: Lunch: als frei angezeigt (TRANSP:TRANSPARENT)".to_string(),
                format!("0: 1 Termin: {past}"),
            ]
        );
        assert_eq!(
            notes(&read()),
            [
                "2: event has no UID".to_string(),
                "5: Lunch: shown as free (TRANSP:TRANSPARENT)".to_string(),
                "0: 1 event(s): no time between 2026-10-31 and 2027-12-02 (rules are expanded \
                 only there; single events before 2026-10-31 are left out)"
                    .to_string(),
            ]
        );
        let not_ics = || {
            read_busy("hello", "ana", "UTC", today)
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            with_language(Lang::De, not_ics),
            Err("Kein BEGIN:VCALENDAR: keine iCalendar-Datei".to_string())
        );
        assert_eq!(
            not_ics(),
            Err("no BEGIN:VCALENDAR: not an iCalendar file".to_string())
        );
    }
}
