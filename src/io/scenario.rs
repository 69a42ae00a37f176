//! The `meridian.scenario/1` team document: parse and validate every rule of
//! contract §1 and §7, and write it back.
//!
//! Method: parse cheaply into a strict JSON tree ([`Json`]), then walk it once
//! collecting *every* problem with its JSON path (a user fixes a file in one go,
//! not one error per run), then build the typed [`Scenario`]. Edits made in the
//! app are checked by the same walk ([`validate`]), so the database can only
//! ever hold a document this module accepts.

/// Id sets and maps of the walk: foldhash (seeded per process, several
/// times faster than SipHash on short ids; hashing was a tenth of the time
/// to validate a 50,000-rep document).
pub type IdSet<K = String> = std::collections::HashSet<K, foldhash::fast::RandomState>;
type HashSet<K> = IdSet<K>;
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::fmt;

use chrono::NaiveDate;

use crate::error::Problem;
use crate::io::json::{Json, Object};
use crate::model::{
    default_working_hours, parse_date, parse_percent, BalanceRequest, ClockTime, DateRange,
    DayRange, Hours, Interval, LocalDateTime, Lock, Meeting, MeetingRequest, Office, OfficeDay,
    Percent, Policy, Quorum, Rep, Requests, RotationRequest, Scenario, Task, Team, Trip, WeekHours,
    Weekday, FORMAT,
};
use crate::recurrence::RRule;
use crate::rules::limits::{self, MAX_FILE_BYTES};
use crate::tz;

// The contract's rule helpers live in `crate::rules`; re-exported so callers
// that import them from here keep compiling.
pub use crate::rules::{
    office_open, rotation_days, rule1_blocks, rule1_blocks_at, MAX_ROTATION_WEEKS, MAX_WINDOW_DAYS,
};
const GRANULARITIES: [i128; 6] = [5, 10, 15, 20, 30, 60];

/// A document that must be rejected, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ScenarioError {
    /// The file (or "edit") the problems are in.
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            if p.path.is_empty() {
                write!(f, "{}: {}", self.file, p.message)?;
            } else {
                write!(f, "{}: {}: {}", self.file, p.path, p.message)?;
            }
        }
        Ok(())
    }
}

/// Parses and validates a document's text.
///
/// # Errors
/// A [`ScenarioError`] naming `source` and listing every problem with its path.
///
/// # Example
/// ```
/// let doc = r#"{"format": "meridian.scenario/1",
///               "reps": [{"id": "ana", "time_zone": "Europe/Lisbon"}]}"#;
/// let sc = meridian::io::scenario::parse_document(doc, "team.json").unwrap();
/// assert_eq!(sc.reps[0].working_hours.len(), 5);
/// let bad = doc.replace("Europe/Lisbon", "Mars/Base");
/// let err = meridian::io::scenario::parse_document(&bad, "team.json").unwrap_err();
/// assert_eq!(err.to_string(), "team.json: reps[0].time_zone: unknown time zone \"Mars/Base\"");
/// ```
pub fn parse_document(text: &str, source: &str) -> Result<Scenario, ScenarioError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ScenarioError {
            file: source.to_string(),
            problems: vec![Problem {
                path: String::new(),
                message: crate::tr!(
                    "io-file-too-big",
                    bytes = text.len().to_string(),
                    max = MAX_FILE_BYTES.to_string(),
                ),
            }],
        });
    }
    let json = Json::parse(text).map_err(|e| ScenarioError {
        file: source.to_string(),
        problems: vec![Problem {
            path: String::new(),
            message: crate::tr!("io-not-json", error = e.to_string()),
        }],
    })?;
    from_json(&json).map_err(|problems| ScenarioError {
        file: source.to_string(),
        problems,
    })
}

/// Checks a typed scenario by the document's rules.
///
/// # Errors
/// Every problem, with paths as in the document.
pub fn validate(sc: &Scenario) -> Result<(), Vec<Problem>> {
    let json = Json::from_serialize(sc).map_err(|e| {
        vec![Problem {
            path: String::new(),
            message: crate::tr!("io-not-writable", error = e.to_string()),
        }]
    })?;
    from_json(&json)?;
    // A document may list trips in any order (reading sorts them); typed
    // values must hold them sorted, as `Rep::trip_on` searches them.
    let unsorted: Vec<Problem> = sc
        .reps
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.travel.is_sorted())
        .map(|(i, _)| Problem {
            path: format!("reps[{i}].travel"),
            message: crate::tr!("io-trips-unsorted"),
        })
        .collect();
    if unsorted.is_empty() {
        Ok(())
    } else {
        Err(unsorted)
    }
}

/// The document's text, pretty-printed with a trailing newline.
pub fn to_document(sc: &Scenario) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(sc).unwrap_or_default();
    s.push('\n');
    s
}

/// Validates a JSON tree and builds the scenario.
///
/// # Errors
/// Every problem found, in document order.
pub fn from_json(doc: &Json) -> Result<Scenario, Vec<Problem>> {
    let mut v = V::default();
    let sc = v.scenario(doc);
    match sc {
        Some(sc) if v.problems.is_empty() => Ok(sc),
        _ => Err(v.problems),
    }
}

// Paths are built for every field the walk visits, so these two avoid the
// formatting machinery (a tenth of the time on a 50,000-rep document).
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_string();
    }
    let mut out = String::with_capacity(path.len() + 1 + key.len());
    out.push_str(path);
    out.push('.');
    out.push_str(key);
    out
}

fn idx(path: &str, i: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let n = digits.format(i);
    let mut out = String::with_capacity(path.len() + 2 + n.len());
    out.push_str(path);
    out.push('[');
    out.push_str(n);
    out.push(']');
    out
}

/// Items by id; the first of an id wins, as a scan would find it.
fn first_by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<&str, &T> {
    let mut out = HashMap::with_capacity_and_hasher(items.len(), Default::default());
    for it in items {
        out.entry(id(it).as_str()).or_insert(it);
    }
    out
}

/// Whether `s` has at most `max` characters; counts them only when its bytes
/// are more (a character is at least one byte).
fn fits(s: &str, max: usize) -> bool {
    s.len() <= max || s.chars().count() <= max
}

/// Validator state: the problems found so far and what is known of the ids.
#[derive(Default)]
struct V {
    problems: Vec<Problem>,
}

/// What rule 1 of the rotation needs to know of a rep, to check locks.
struct RepFacts<'a> {
    rep: &'a Rep,
}

impl V {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn obj<'a>(
        &mut self,
        val: &'a Json,
        path: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Option<&'a Object> {
        let Json::Object(o) = val else {
            self.err(path, crate::tr!("io-expected-object", found = val.kind()));
            return None;
        };
        for k in &o.duplicates {
            self.err(join(path, k), crate::tr!("io-duplicate-key"));
        }
        for (k, _) in &o.members {
            if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
                self.err(join(path, k), crate::tr!("io-unknown-field"));
            }
        }
        for k in required {
            if o.get(k).is_none() {
                self.err(join(path, k), crate::tr!("io-missing-field"));
            }
        }
        Some(o)
    }

    /// Reports a string longer than `max` characters; true when it is.
    fn too_long(&mut self, s: &str, path: &str, max: usize) -> bool {
        if fits(s, max) {
            return false;
        }
        let n = s.chars().count();
        self.err(
            path,
            crate::tr!("io-too-long", count = n.to_string(), max = max.to_string()),
        );
        true
    }

    /// Reports a list of more than `max` items, before anyone walks it; true
    /// when it is.
    fn too_many(&mut self, val: Option<&Json>, path: &str, max: usize) -> bool {
        match val {
            Some(Json::Array(a)) if a.len() > max => {
                self.err(
                    path,
                    crate::tr!(
                        "io-too-many-items",
                        count = a.len().to_string(),
                        max = max.to_string(),
                    ),
                );
                true
            }
            _ => false,
        }
    }

    /// A non-empty string of at most `max` characters.
    fn string(&mut self, val: &Json, path: &str, max: usize) -> Option<String> {
        match val {
            Json::Str(s) if s.is_empty() => {
                self.err(path, crate::tr!("io-empty"));
                None
            }
            Json::Str(s) if self.too_long(s, path, max) => None,
            Json::Str(s) => Some(s.to_string()),
            other => {
                self.err(path, crate::tr!("io-expected-string", found = other.kind()));
                None
            }
        }
    }

    /// A string of at most `max` characters.
    fn text(&mut self, val: &Json, path: &str, max: usize) -> Option<String> {
        match val {
            Json::Str(s) if self.too_long(s, path, max) => None,
            Json::Str(s) => Some(s.to_string()),
            other => {
                self.err(path, crate::tr!("io-expected-string", found = other.kind()));
                None
            }
        }
    }

    /// `Some(None)` for null, `Some(Some(id))` for a string, `None` on error.
    fn opt_string(&mut self, val: Option<&Json>, path: &str, max: usize) -> Option<Option<String>> {
        match val {
            None | Some(Json::Null) => Some(None),
            Some(v) => self.string(v, path, max).map(Some),
        }
    }

    /// A holidays region code (its canonical spelling) or `null`.
    fn region(&mut self, val: &Json, path: &str) -> Option<Option<String>> {
        match val {
            Json::Null => Some(None),
            Json::Str(s) if s.chars().count() > limits::REGION_CHARS => {
                self.too_long(s, path, limits::REGION_CHARS);
                None
            }
            Json::Str(s) => match crate::holidays::Region::find(s) {
                Some(r) => Some(Some(r.code().to_string())),
                None => {
                    // Suggestions cost a pass over every code: only the
                    // first few problems get them, so a huge file stays linear.
                    let region = format!("{s:?}");
                    let message = if self.problems.len() < 50 {
                        let nearest = crate::holidays::nearest(s, 3).join(", ");
                        crate::tr!(
                            "io-unknown-region-nearest",
                            region = region,
                            nearest = nearest
                        )
                    } else {
                        crate::tr!("io-unknown-region", region = region)
                    };
                    self.err(path, message);
                    None
                }
            },
            other => {
                self.err(path, crate::tr!("io-expected-region", found = other.kind()));
                None
            }
        }
    }

    fn boolean(&mut self, val: &Json, path: &str) -> Option<bool> {
        match val {
            Json::Bool(b) => Some(*b),
            other => {
                self.err(
                    path,
                    crate::tr!("io-expected-boolean", found = other.kind()),
                );
                None
            }
        }
    }

    fn integer(&mut self, val: &Json, path: &str, lo: i128, hi: Option<i128>) -> Option<i128> {
        let Json::Int(n) = val else {
            self.err(
                path,
                crate::tr!(
                    "io-expected-integer",
                    found = val.kind(),
                    value = val.show()
                ),
            );
            return None;
        };
        if *n < lo {
            self.err(
                path,
                crate::tr!("io-at-least", min = lo.to_string(), value = n.to_string()),
            );
            return None;
        }
        if let Some(hi) = hi {
            if *n > hi {
                self.err(
                    path,
                    crate::tr!("io-at-most", max = hi.to_string(), value = n.to_string()),
                );
                return None;
            }
        }
        Some(*n)
    }

    fn u32_in(&mut self, val: &Json, path: &str, lo: i128, hi: Option<i128>) -> Option<u32> {
        let hi = Some(hi.unwrap_or(i128::from(u32::MAX)).min(i128::from(u32::MAX)));
        self.integer(val, path, lo, hi).map(|n| n as u32)
    }

    fn hours(&mut self, val: &Json, path: &str) -> Option<Hours> {
        let h = match val {
            Json::Int(n) => Hours::parse(&n.to_string()),
            Json::Float(f) => Hours::from_f64(*f),
            other => {
                self.err(path, crate::tr!("io-expected-number", found = other.kind()));
                return None;
            }
        };
        match h {
            None => {
                self.err(
                    path,
                    crate::tr!("io-number-out-of-range", value = val.show()),
                );
                None
            }
            Some(h) if h.is_negative() => {
                self.err(path, crate::tr!("io-negative", value = val.show()));
                None
            }
            Some(h) if h.minutes() > i64::from(u32::MAX) => {
                self.err(path, crate::tr!("io-number-too-large", value = val.show()));
                None
            }
            Some(h) => Some(h),
        }
    }

    fn list<'a>(&mut self, val: &'a Json, path: &str) -> Option<&'a [Json]> {
        match val {
            Json::Array(a) => Some(a),
            other => {
                self.err(path, crate::tr!("io-expected-list", found = other.kind()));
                None
            }
        }
    }

    /// A list of at most `max` items (refused, unwalked, when longer).
    fn list_max<'a>(&mut self, val: &'a Json, path: &str, max: usize) -> Option<&'a [Json]> {
        if self.too_many(Some(val), path, max) {
            return None;
        }
        self.list(val, path)
    }

    fn weekday(&mut self, val: &Json, path: &str) -> Option<Weekday> {
        let w = match val {
            Json::Str(s) => s.parse::<Weekday>().ok(),
            _ => None,
        };
        if w.is_none() {
            self.err(path, crate::tr!("io-not-weekday", value = val.show()));
        }
        w
    }

    /// A weekday list, deduplicated and in week order.
    fn weekdays(&mut self, val: &Json, path: &str) -> Vec<Weekday> {
        let mut out = Vec::new();
        if let Some(items) = self.list(val, path) {
            for (i, w) in items.iter().enumerate() {
                if let Some(w) = self.weekday(w, &idx(path, i)) {
                    out.push(w);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn date(&mut self, val: &Json, path: &str) -> Option<NaiveDate> {
        let Json::Str(s) = val else {
            self.err(path, crate::tr!("io-expected-date", value = val.show()));
            return None;
        };
        let d = parse_date(s);
        if d.is_none() {
            self.err(path, crate::tr!("io-expected-date", value = val.show()));
        }
        d
    }

    fn local_dt(&mut self, val: &Json, path: &str) -> Option<LocalDateTime> {
        let t = match val {
            Json::Str(s) => LocalDateTime::parse(s),
            _ => None,
        };
        if t.is_none() {
            self.err(
                path,
                crate::tr!("io-expected-local-date-time", value = val.show()),
            );
        }
        t
    }

    fn time(&mut self, val: &Json, path: &str, allow_24: bool) -> Option<ClockTime> {
        let t = match val {
            Json::Str(s) => ClockTime::parse(s),
            _ => None,
        };
        match t {
            None => {
                self.err(path, crate::tr!("io-expected-time", value = val.show()));
                None
            }
            Some(ClockTime::END_OF_DAY) if !allow_24 => {
                self.err(path, crate::tr!("io-end-of-day"));
                None
            }
            t => t,
        }
    }

    fn zone(&mut self, val: &Json, path: &str) -> Option<String> {
        match val {
            Json::Str(s) if self.too_long(s, path, limits::TIME_ZONE_CHARS) => None,
            Json::Str(s) if tz::is_valid_zone(s) => Some(s.to_string()),
            Json::Str(s) => {
                self.err(path, crate::tr!("io-unknown-zone", zone = format!("{s:?}")));
                None
            }
            other => {
                self.err(path, crate::tr!("io-expected-zone", found = other.kind()));
                None
            }
        }
    }

    fn hours_map(&mut self, val: &Json, path: &str) -> Option<WeekHours> {
        let names: Vec<&str> = Weekday::ALL.iter().map(|w| w.as_str()).collect();
        let o = self.obj(val, path, &[], &names)?;
        let mut out = WeekHours::new();
        for (k, v) in &o.members {
            let Ok(day) = k.parse::<Weekday>() else {
                continue;
            };
            let p = join(path, k);
            let Some(items) = self.list_max(v, &p, limits::INTERVALS_PER_DAY) else {
                continue;
            };
            let mut ivs: Vec<(Interval, usize)> = Vec::new();
            for (i, pair) in items.iter().enumerate() {
                let pp = idx(&p, i);
                let pair = match pair {
                    Json::Array(a) if a.len() == 2 => a,
                    _ => {
                        self.err(&pp, crate::tr!("io-expected-pair"));
                        continue;
                    }
                };
                let s = self.time(&pair[0], &idx(&pp, 0), false);
                let e = self.time(&pair[1], &idx(&pp, 1), true);
                let (Some(s), Some(e)) = (s, e) else { continue };
                if s >= e {
                    self.err(
                        &pp,
                        crate::tr!(
                            "io-start-not-before-end",
                            start = s.to_string(),
                            end = e.to_string(),
                        ),
                    );
                    continue;
                }
                ivs.push((Interval(s, e), i));
            }
            ivs.sort();
            for w in ivs.windows(2) {
                if w[1].0.start() < w[0].0.end() {
                    self.err(
                        idx(&p, w[1].1),
                        crate::tr!("io-interval-overlaps", other = idx(&p, w[0].1)),
                    );
                }
            }
            out.insert(day, ivs.into_iter().map(|(iv, _)| iv).collect());
        }
        Some(out)
    }

    fn min_max(&mut self, val: &Json, path: &str) -> Option<DayRange> {
        let o = self.obj(val, path, &["min", "max"], &[])?;
        let mn = o
            .get("min")
            .and_then(|m| self.u32_in(m, &join(path, "min"), 0, None));
        let mx = o
            .get("max")
            .and_then(|m| self.u32_in(m, &join(path, "max"), 0, None));
        let (mn, mx) = (mn?, mx?);
        if mn > mx {
            self.err(
                path,
                crate::tr!(
                    "io-min-above-max",
                    min = mn.to_string(),
                    max = mx.to_string()
                ),
            );
            return None;
        }
        Some(DayRange { min: mn, max: mx })
    }

    /// Walks a top-level id list, reporting duplicate ids, and builds each item.
    /// Also returns every id the list declares, including those of items with
    /// other problems, so one bad item does not make references to it fail too.
    fn id_list<T>(
        &mut self,
        top: &Object,
        key: &str,
        max: usize,
        mut build: impl FnMut(&mut V, &Json, &str) -> Option<T>,
    ) -> (Vec<T>, HashSet<String>) {
        let mut out = Vec::new();
        let mut ids = HashSet::default();
        let Some(val) = top.get(key) else {
            return (out, ids);
        };
        let Some(items) = self.list_max(val, key, max) else {
            return (out, ids);
        };
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (i, item) in items.iter().enumerate() {
            let p = idx(key, i);
            if let Json::Object(o) = item {
                if let Some(Json::Str(id)) = o.get("id") {
                    // An over-long id is reported by `build`, and not copied.
                    if !id.is_empty() && fits(id, limits::ID_CHARS) {
                        if let Some(first) = seen.get(id.as_str()) {
                            self.err(
                                join(&p, "id"),
                                crate::tr!(
                                    "io-duplicate-id",
                                    id = format!("{id:?}"),
                                    other = idx(key, *first),
                                ),
                            );
                            continue;
                        }
                        seen.insert(id, i);
                        ids.insert(id.to_string());
                    }
                }
            }
            if let Some(t) = build(self, item, &p) {
                out.push(t);
            }
        }
        (out, ids)
    }

    fn scenario(&mut self, doc: &Json) -> Option<Scenario> {
        let top = self.obj(
            doc,
            "",
            &["format", "reps"],
            &[
                "teams",
                "offices",
                "policy",
                "meetings",
                "office_days",
                "tasks",
                "requests",
            ],
        )?;
        if let Some(f) = top.get("format") {
            if !matches!(f, Json::Str(s) if s == FORMAT) {
                self.err(
                    "format",
                    crate::tr!(
                        "io-wrong-format",
                        format = format!("{FORMAT:?}"),
                        value = f.show(),
                    ),
                );
            }
        }

        // Lists over their limits are refused before any item is walked: one
        // problem each, and no flood of "unknown rep" for the items skipped.
        let request_meetings = match top.get("requests") {
            Some(Json::Object(r)) => r.get("meetings"),
            _ => None,
        };
        let sizes = [
            (top.get("teams"), "teams", limits::TEAMS),
            (top.get("offices"), "offices", limits::OFFICES),
            (top.get("reps"), "reps", limits::REPS),
            (top.get("meetings"), "meetings", limits::MEETINGS),
            (top.get("tasks"), "tasks", limits::TASKS),
            (top.get("office_days"), "office_days", limits::OFFICE_DAYS),
            (
                request_meetings,
                "requests.meetings",
                limits::MEETING_REQUESTS,
            ),
        ];
        let mut too_big = false;
        for (val, path, max) in sizes {
            too_big |= self.too_many(val, path, max);
        }
        if too_big {
            return None;
        }

        let (teams, team_ids) =
            self.id_list(top, "teams", limits::TEAMS, |v, item, p| v.team(item, p));
        let (offices, office_ids) = self.id_list(top, "offices", limits::OFFICES, |v, item, p| {
            v.office(item, p)
        });

        let mut policy = Policy::default();
        if let Some(p) = top.get("policy") {
            if let Some(po) = self.obj(p, "policy", &[], &["office_days_per_week"]) {
                if let Some(mm) = po.get("office_days_per_week") {
                    if let Some(r) = self.min_max(mm, "policy.office_days_per_week") {
                        policy.office_days_per_week = r;
                    }
                }
            }
        }

        let (reps, rep_ids) = self.id_list(top, "reps", limits::REPS, |v, item, p| {
            v.rep(item, p, &team_ids, &office_ids)
        });
        let (meetings, _) = self.id_list(top, "meetings", limits::MEETINGS, |v, item, p| {
            v.meeting(item, p, &rep_ids, &office_ids)
        });
        let (tasks, _) = self.id_list(top, "tasks", limits::TASKS, |v, item, p| {
            v.task(item, p, &rep_ids)
        });
        let office_days = self.office_days(top, &reps, &rep_ids, &offices);

        let mut requests = Requests::default();
        if let Some(r) = top.get("requests") {
            if *r != Json::Null {
                if let Some(ro) = self.obj(r, "requests", &[], &["meetings", "rotation", "balance"])
                {
                    if let Some(m) = ro.get("meetings") {
                        if let Some(items) =
                            self.list_max(m, "requests.meetings", limits::MEETING_REQUESTS)
                        {
                            let mut seen = HashSet::default();
                            for (i, item) in items.iter().enumerate() {
                                let p = idx("requests.meetings", i);
                                if let Some(mr) = self.meeting_request(item, &p, &rep_ids) {
                                    if seen.insert(mr.id.clone()) {
                                        requests.meetings.push(mr);
                                    } else {
                                        self.err(
                                            join(&p, "id"),
                                            crate::tr!(
                                                "io-duplicate-request-id",
                                                id = format!("{:?}", mr.id),
                                            ),
                                        );
                                    }
                                }
                            }
                        }
                    }
                    if let Some(rot) = ro.get("rotation").filter(|j| **j != Json::Null) {
                        let facts: HashMap<&str, RepFacts> = reps
                            .iter()
                            .map(|r| (r.id.as_str(), RepFacts { rep: r }))
                            .collect();
                        requests.rotation = self.rotation(rot, &facts, &rep_ids, &offices);
                    }
                    if let Some(bal) = ro.get("balance").filter(|j| **j != Json::Null) {
                        requests.balance = self.balance(bal);
                    }
                }
            }
        }

        Some(Scenario {
            format: FORMAT.to_string(),
            teams,
            offices,
            policy,
            reps,
            meetings,
            office_days,
            tasks,
            requests,
        })
    }

    fn team(&mut self, item: &Json, p: &str) -> Option<Team> {
        let o = self.obj(item, p, &["id"], &["name", "anchor_days"])?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let name = o
            .get("name")
            .and_then(|j| self.text(j, &join(p, "name"), limits::NAME_CHARS));
        let anchor_days = o
            .get("anchor_days")
            .map(|j| self.weekdays(j, &join(p, "anchor_days")))
            .unwrap_or_default();
        let id = id?;
        Some(Team {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            anchor_days,
        })
    }

    fn office(&mut self, item: &Json, p: &str) -> Option<Office> {
        let o = self.obj(
            item,
            p,
            &["id", "time_zone", "desks"],
            &["name", "open_days", "closed_dates", "holidays"],
        )?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let name = o
            .get("name")
            .and_then(|j| self.text(j, &join(p, "name"), limits::NAME_CHARS));
        let zone = o
            .get("time_zone")
            .and_then(|j| self.zone(j, &join(p, "time_zone")));
        let desks = o
            .get("desks")
            .and_then(|j| self.u32_in(j, &join(p, "desks"), 0, None));
        let open_days = match o.get("open_days") {
            Some(j) => self.weekdays(j, &join(p, "open_days")),
            None => Weekday::WORKWEEK.to_vec(),
        };
        let mut closed_dates = Vec::new();
        if let Some(j) = o.get("closed_dates") {
            let cp = join(p, "closed_dates");
            if let Some(items) = self.list_max(j, &cp, limits::CLOSED_DATES) {
                for (i, d) in items.iter().enumerate() {
                    if let Some(d) = self.date(d, &idx(&cp, i)) {
                        closed_dates.push(d);
                    }
                }
            }
        }
        closed_dates.sort();
        closed_dates.dedup();
        let holidays = match o.get("holidays") {
            None => Some(None),
            Some(j) => self.region(j, &join(p, "holidays")),
        };
        let id = id?;
        Some(Office {
            holidays: holidays?,
            name: name.unwrap_or_else(|| id.clone()),
            id,
            time_zone: zone?,
            desks: desks?,
            open_days,
            closed_dates,
        })
    }

    fn rep(
        &mut self,
        item: &Json,
        p: &str,
        teams: &HashSet<String>,
        offices: &HashSet<String>,
    ) -> Option<Rep> {
        let o = self.obj(
            item,
            p,
            &["id", "time_zone"],
            &[
                "name",
                "team",
                "office",
                "working_hours",
                "stretch_hours",
                "capacity_hours_per_week",
                "office_days_per_week",
                "preferred_office_days",
                "no_office_days",
                "time_off",
                "holidays",
                "skills",
                "travel",
            ],
        )?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let name = o
            .get("name")
            .and_then(|j| self.text(j, &join(p, "name"), limits::NAME_CHARS));
        let team = self.opt_string(o.get("team"), &join(p, "team"), limits::ID_CHARS);
        if let Some(Some(t)) = &team {
            if !teams.contains(t) {
                self.err(
                    join(p, "team"),
                    crate::tr!("io-unknown-team", id = format!("{t:?}")),
                );
            }
        }
        let office = self.opt_string(o.get("office"), &join(p, "office"), limits::ID_CHARS);
        if let Some(Some(off)) = &office {
            if !offices.contains(off) {
                self.err(
                    join(p, "office"),
                    crate::tr!("io-unknown-office", id = format!("{off:?}")),
                );
            }
        }
        let zone = o
            .get("time_zone")
            .and_then(|j| self.zone(j, &join(p, "time_zone")));
        let working = match o.get("working_hours") {
            Some(j) => self.hours_map(j, &join(p, "working_hours")),
            None => Some(default_working_hours()),
        };
        let stretch = match o.get("stretch_hours") {
            Some(j) => self.hours_map(j, &join(p, "stretch_hours")),
            None => Some(WeekHours::new()),
        };
        if let (Some(w), Some(s)) = (&working, &stretch) {
            for (day, ivs) in s {
                for siv in ivs {
                    // Working intervals are sorted by start (`hours_map`):
                    // none after one starting at the stretch's end overlaps.
                    for wiv in w.get(day).into_iter().flatten() {
                        if wiv.start() >= siv.end() {
                            break;
                        }
                        if siv.overlaps(*wiv) {
                            self.err(
                                join(p, &format!("stretch_hours.{day}")),
                                crate::tr!(
                                    "io-stretch-overlaps-working",
                                    stretch = format!("{}-{}", siv.0, siv.1),
                                    working = format!("{}-{}", wiv.0, wiv.1),
                                ),
                            );
                        }
                    }
                }
            }
        }
        let capacity = match o.get("capacity_hours_per_week") {
            Some(j) => self.hours(j, &join(p, "capacity_hours_per_week")),
            None => Some(Hours::from_whole(40)),
        };
        let odpw = o
            .get("office_days_per_week")
            .map(|j| self.min_max(j, &join(p, "office_days_per_week")));
        let preferred = o
            .get("preferred_office_days")
            .map(|j| self.weekdays(j, &join(p, "preferred_office_days")))
            .unwrap_or_default();
        let no_office = o
            .get("no_office_days")
            .map(|j| self.weekdays(j, &join(p, "no_office_days")))
            .unwrap_or_default();
        let mut time_off = Vec::new();
        if let Some(j) = o.get("time_off") {
            let tp = join(p, "time_off");
            if let Some(items) = self.list_max(j, &tp, limits::TIME_OFF_BLOCKS) {
                for (i, blk) in items.iter().enumerate() {
                    let bp = idx(&tp, i);
                    let Some(bo) = self.obj(blk, &bp, &["start", "end"], &[]) else {
                        continue;
                    };
                    let s = bo
                        .get("start")
                        .and_then(|d| self.date(d, &join(&bp, "start")));
                    let e = bo.get("end").and_then(|d| self.date(d, &join(&bp, "end")));
                    if let (Some(s), Some(e)) = (s, e) {
                        if e < s {
                            self.err(
                                join(&bp, "end"),
                                crate::tr!(
                                    "io-end-before-start",
                                    end = e.to_string(),
                                    start = s.to_string(),
                                ),
                            );
                        } else {
                            time_off.push(DateRange { start: s, end: e });
                        }
                    }
                }
            }
        }
        let skills = self.string_set(
            o.get("skills"),
            &join(p, "skills"),
            limits::SKILLS,
            limits::SKILL_CHARS,
        );
        let holidays = match o.get("holidays") {
            None => Some(None),
            Some(j) => self.region(j, &join(p, "holidays")).map(Some),
        };
        let travel = match o.get("travel") {
            None => Vec::new(),
            Some(j) => self.travel(j, &join(p, "travel"), offices, office.as_ref()),
        };
        let id = id?;
        Some(Rep {
            travel,
            holidays: holidays?,
            name: name.unwrap_or_else(|| id.clone()),
            id,
            team: team?,
            time_zone: zone?,
            office: office?,
            working_hours: working?,
            stretch_hours: stretch?,
            capacity_hours_per_week: capacity?,
            office_days_per_week: match odpw {
                None => None,
                Some(r) => Some(r?),
            },
            preferred_office_days: preferred,
            no_office_days: no_office,
            time_off,
            skills,
        })
    }

    /// A rep's trips, sorted by their first day. Each names a known office
    /// other than the rep's home office (`home`: the parsed `office` field,
    /// when it parsed), ends no earlier than it starts, and no two overlap.
    fn travel(
        &mut self,
        j: &Json,
        p: &str,
        offices: &HashSet<String>,
        home: Option<&Option<String>>,
    ) -> Vec<Trip> {
        let mut trips: Vec<(Trip, usize)> = Vec::new();
        let Some(items) = self.list_max(j, p, limits::TRIPS) else {
            return Vec::new();
        };
        for (i, item) in items.iter().enumerate() {
            let tp = idx(p, i);
            let Some(to) = self.obj(item, &tp, &["from", "to", "office"], &[]) else {
                continue;
            };
            let from = to
                .get("from")
                .and_then(|d| self.date(d, &join(&tp, "from")));
            let until = to.get("to").and_then(|d| self.date(d, &join(&tp, "to")));
            let office = to
                .get("office")
                .and_then(|o| self.string(o, &join(&tp, "office"), limits::ID_CHARS));
            let (Some(from), Some(until), Some(office)) = (from, until, office) else {
                continue;
            };
            if until < from {
                self.err(
                    join(&tp, "to"),
                    crate::tr!(
                        "io-to-before-from",
                        to = until.to_string(),
                        from = from.to_string(),
                    ),
                );
                continue;
            }
            if !offices.contains(&office) {
                self.err(
                    join(&tp, "office"),
                    crate::tr!("io-unknown-office", id = format!("{office:?}")),
                );
                continue;
            }
            if home.is_some_and(|h| h.as_deref() == Some(office.as_str())) {
                self.err(
                    join(&tp, "office"),
                    crate::tr!("io-trip-to-home-office", office = format!("{office:?}")),
                );
                continue;
            }
            trips.push((
                Trip {
                    from,
                    to: until,
                    office,
                },
                i,
            ));
        }
        trips.sort_unstable();
        for w in trips.windows(2) {
            let ((a, _), (b, bi)) = (&w[0], &w[1]);
            if b.from <= a.to {
                // The other trip by its dates, not its path: the form and
                // the CSV import show this where a document path means
                // nothing to the reader.
                self.err(
                    idx(p, *bi),
                    crate::tr!(
                        "io-trips-overlap",
                        from = b.from.to_string(),
                        to = b.to.to_string(),
                        other_from = a.from.to_string(),
                        other_to = a.to.to_string(),
                    ),
                );
            }
        }
        trips.into_iter().map(|(t, _)| t).collect()
    }

    /// A list of at most `max` non-empty strings of at most `chars`
    /// characters, deduplicated, first occurrence kept.
    fn string_set(
        &mut self,
        val: Option<&Json>,
        path: &str,
        max: usize,
        chars: usize,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        if let Some(items) = val.and_then(|j| self.list_max(j, path, max)) {
            for (i, item) in items.iter().enumerate() {
                let Some(s) = self.string(item, &idx(path, i), chars) else {
                    continue;
                };
                if let Json::Str(raw) = item {
                    if seen.insert(raw) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }

    /// A list of at most [`limits::ATTENDEES`] rep ids: each must exist and
    /// appear once.
    fn people(&mut self, val: Option<&Json>, path: &str, reps: &HashSet<String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        if let Some(items) = val.and_then(|j| self.list_max(j, path, limits::ATTENDEES)) {
            for (i, a) in items.iter().enumerate() {
                let ap = idx(path, i);
                let Some(s) = self.string(a, &ap, limits::ID_CHARS) else {
                    continue;
                };
                let Json::Str(raw) = a else { continue };
                if !reps.contains(&s) {
                    self.err(ap, crate::tr!("io-unknown-rep", id = format!("{s:?}")));
                } else if !seen.insert(raw) {
                    self.err(ap, crate::tr!("io-listed-twice", id = format!("{s:?}")));
                } else {
                    out.push(s);
                }
            }
        }
        out
    }

    fn meeting(
        &mut self,
        item: &Json,
        p: &str,
        reps: &HashSet<String>,
        offices: &HashSet<String>,
    ) -> Option<Meeting> {
        let o = self.obj(
            item,
            p,
            &["id", "start", "time_zone", "duration_minutes", "attendees"],
            &["title", "rrule", "in_person_office"],
        )?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let title = o
            .get("title")
            .and_then(|j| self.text(j, &join(p, "title"), limits::TITLE_CHARS));
        let start = o
            .get("start")
            .and_then(|j| self.local_dt(j, &join(p, "start")));
        let zone = o
            .get("time_zone")
            .and_then(|j| self.zone(j, &join(p, "time_zone")));
        let duration = o
            .get("duration_minutes")
            .and_then(|j| self.u32_in(j, &join(p, "duration_minutes"), 1, None));
        let rrule = match o.get("rrule") {
            None | Some(Json::Null) => Some(None),
            Some(Json::Str(r)) if self.too_long(r, &join(p, "rrule"), limits::RRULE_CHARS) => None,
            Some(Json::Str(r)) => match RRule::parse(r) {
                Ok(_) => Some(Some(r.to_string())),
                Err(e) => {
                    self.err(
                        join(p, "rrule"),
                        crate::tr!(
                            "io-invalid-rrule",
                            rrule = format!("{r:?}"),
                            error = e.to_string(),
                        ),
                    );
                    None
                }
            },
            Some(other) => {
                self.err(
                    join(p, "rrule"),
                    crate::tr!("io-expected-string-or-null", found = other.kind()),
                );
                None
            }
        };
        let attendees = self.people(o.get("attendees"), &join(p, "attendees"), reps);
        let ipo = self.opt_string(
            o.get("in_person_office"),
            &join(p, "in_person_office"),
            limits::ID_CHARS,
        );
        if let Some(Some(off)) = &ipo {
            if !offices.contains(off) {
                self.err(
                    join(p, "in_person_office"),
                    crate::tr!("io-unknown-office", id = format!("{off:?}")),
                );
            }
        }
        let id = id?;
        Some(Meeting {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            start: start?,
            time_zone: zone?,
            duration_minutes: duration?,
            rrule: rrule?,
            attendees,
            in_person_office: ipo?,
        })
    }

    fn task(&mut self, item: &Json, p: &str, reps: &HashSet<String>) -> Option<Task> {
        let o = self.obj(
            item,
            p,
            &["id", "hours"],
            &["title", "due", "assignee", "skills_required", "pinned"],
        )?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let title = o
            .get("title")
            .and_then(|j| self.text(j, &join(p, "title"), limits::TITLE_CHARS));
        let hours = o
            .get("hours")
            .and_then(|j| self.hours(j, &join(p, "hours")));
        let due = match o.get("due") {
            None | Some(Json::Null) => Some(None),
            Some(j) => self.date(j, &join(p, "due")).map(Some),
        };
        let assignee = self.opt_string(o.get("assignee"), &join(p, "assignee"), limits::ID_CHARS);
        if let Some(Some(a)) = &assignee {
            if !reps.contains(a) {
                self.err(
                    join(p, "assignee"),
                    crate::tr!("io-unknown-rep", id = format!("{a:?}")),
                );
            }
        }
        let skills = self.string_set(
            o.get("skills_required"),
            &join(p, "skills_required"),
            limits::SKILLS,
            limits::SKILL_CHARS,
        );
        let pinned = match o.get("pinned") {
            Some(j) => self.boolean(j, &join(p, "pinned")),
            None => Some(false),
        };
        if pinned == Some(true) && matches!(o.get("assignee"), None | Some(Json::Null)) {
            self.err(join(p, "pinned"), crate::tr!("io-pinned-needs-assignee"));
        }
        let id = id?;
        Some(Task {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            hours: hours?,
            due: due?,
            assignee: assignee?,
            skills_required: skills,
            pinned: pinned?,
        })
    }

    fn office_days(
        &mut self,
        top: &Object,
        reps: &[Rep],
        rep_ids: &HashSet<String>,
        offices: &[Office],
    ) -> Vec<OfficeDay> {
        let mut out = Vec::new();
        let Some(items) = top
            .get("office_days")
            .and_then(|j| self.list_max(j, "office_days", limits::OFFICE_DAYS))
        else {
            return out;
        };
        // Maps, not scans: up to millions of office days.
        let reps: HashMap<&str, &Rep> = first_by_id(reps, |r| &r.id);
        let offices: HashMap<&str, &Office> = first_by_id(offices, |o| &o.id);
        let mut seen = HashSet::default();
        for (i, item) in items.iter().enumerate() {
            let p = idx("office_days", i);
            let Some(o) = self.obj(item, &p, &["rep", "date", "office"], &[]) else {
                continue;
            };
            let rid = o
                .get("rep")
                .and_then(|j| self.string(j, &join(&p, "rep"), limits::ID_CHARS));
            let date = o.get("date").and_then(|j| self.date(j, &join(&p, "date")));
            let oid = o
                .get("office")
                .and_then(|j| self.string(j, &join(&p, "office"), limits::ID_CHARS));
            let (Some(rid), Some(date), Some(oid)) = (rid, date, oid) else {
                continue;
            };
            let Some(rep) = reps.get(rid.as_str()) else {
                if !rep_ids.contains(&rid) {
                    self.err(
                        join(&p, "rep"),
                        crate::tr!("io-unknown-rep", id = format!("{rid:?}")),
                    );
                }
                continue;
            };
            if rep.office_on(date) != Some(oid.as_str()) {
                let (office, who, day) = (format!("{oid:?}"), format!("{rid:?}"), date.to_string());
                // Away on a trip, the rep's office that day is the trip's.
                let message = if rep.trip_on(date).is_some() {
                    crate::tr!(
                        "io-office-day-not-office",
                        office = office,
                        rep = who,
                        date = day
                    )
                } else {
                    crate::tr!(
                        "io-office-day-not-home-office",
                        office = office,
                        rep = who,
                        date = day,
                    )
                };
                self.err(join(&p, "office"), message);
                continue;
            }
            if let Some(off) = offices.get(oid.as_str()) {
                if !office_open(off, date) {
                    self.err(
                        join(&p, "date"),
                        crate::tr!(
                            "io-office-closed",
                            office = format!("{oid:?}"),
                            date = date.to_string(),
                        ),
                    );
                    continue;
                }
            }
            if !seen.insert((rid.clone(), date)) {
                self.err(
                    &p,
                    crate::tr!(
                        "io-office-day-twice",
                        rep = format!("{rid:?}"),
                        date = date.to_string(),
                    ),
                );
                continue;
            }
            out.push(OfficeDay {
                rep: rid,
                date,
                office: oid,
            });
        }
        out
    }

    fn window(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>, p: &str) {
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                self.err(
                    join(p, "to"),
                    crate::tr!(
                        "io-to-before-from",
                        to = t.to_string(),
                        from = f.to_string()
                    ),
                );
            } else if (t - f).num_days() + 1 > MAX_WINDOW_DAYS {
                self.err(
                    join(p, "to"),
                    crate::tr!(
                        "io-window-too-long",
                        days = ((t - f).num_days() + 1).to_string(),
                        max = MAX_WINDOW_DAYS.to_string(),
                    ),
                );
            }
        }
    }

    fn meeting_request(
        &mut self,
        item: &Json,
        p: &str,
        reps: &HashSet<String>,
    ) -> Option<MeetingRequest> {
        let o = self.obj(
            item,
            p,
            &["id", "duration_minutes", "required", "from", "to"],
            &[
                "title",
                "optional",
                "time_zone",
                "granularity_minutes",
                "max_results",
                "repeat_weeks",
                "fair_rotation",
                "min_optional",
            ],
        )?;
        let id = o
            .get("id")
            .and_then(|j| self.string(j, &join(p, "id"), limits::ID_CHARS));
        let title = o
            .get("title")
            .and_then(|j| self.text(j, &join(p, "title"), limits::TITLE_CHARS));
        let duration = o
            .get("duration_minutes")
            .and_then(|j| self.u32_in(j, &join(p, "duration_minutes"), 1, None));
        let count = |k: &str| match o.get(k) {
            Some(Json::Array(a)) => a.len(),
            _ => 0,
        };
        let (nr, no) = (count("required"), count("optional"));
        let attendees = nr + no;
        // Each list over the limit is reported by `people`; this is for two
        // that fit alone but not together.
        if attendees > limits::ATTENDEES && nr <= limits::ATTENDEES && no <= limits::ATTENDEES {
            self.err(
                p,
                crate::tr!(
                    "io-too-many-attendees",
                    count = attendees.to_string(),
                    max = limits::ATTENDEES.to_string(),
                ),
            );
        }
        let required = self.people(o.get("required"), &join(p, "required"), reps);
        if matches!(o.get("required"), Some(Json::Array(a)) if a.is_empty()) {
            self.err(join(p, "required"), crate::tr!("io-no-required-attendee"));
        }
        let optional = self.people(o.get("optional"), &join(p, "optional"), reps);
        let required_set: HashSet<&str> = required.iter().map(String::as_str).collect();
        for a in &optional {
            if required_set.contains(a.as_str()) {
                self.err(
                    join(p, "optional"),
                    crate::tr!("io-required-and-optional", rep = format!("{a:?}")),
                );
            }
        }
        let from = o.get("from").and_then(|j| self.date(j, &join(p, "from")));
        let to = o.get("to").and_then(|j| self.date(j, &join(p, "to")));
        self.window(from, to, p);
        let zone = match o.get("time_zone") {
            Some(j) => self.zone(j, &join(p, "time_zone")),
            None => Some("UTC".to_string()),
        };
        let granularity = match o.get("granularity_minutes") {
            None => Some(15),
            Some(j) => {
                let g = self.integer(j, &join(p, "granularity_minutes"), i128::MIN, None);
                match g {
                    Some(g) if GRANULARITIES.contains(&g) => Some(g as u32),
                    Some(g) => {
                        self.err(
                            join(p, "granularity_minutes"),
                            crate::tr!("io-bad-granularity", value = g.to_string()),
                        );
                        None
                    }
                    None => None,
                }
            }
        };
        let max_results = match o.get("max_results") {
            Some(j) => self.u32_in(j, &join(p, "max_results"), 1, None),
            None => Some(5),
        };
        let repeat_weeks = match o.get("repeat_weeks") {
            Some(j) => self.u32_in(j, &join(p, "repeat_weeks"), 1, None),
            None => Some(1),
        };
        if let (Some(k), Some(f), Some(t)) = (repeat_weeks, from, to) {
            if k > 1 && t >= f && (t - f).num_days() > 6 {
                self.err(
                    join(p, "to"),
                    crate::tr!(
                        "io-repeat-window",
                        weeks = k.to_string(),
                        days = ((t - f).num_days() + 1).to_string(),
                    ),
                );
            }
        }
        let fair = match o.get("fair_rotation") {
            Some(j) => self.boolean(j, &join(p, "fair_rotation")),
            None => Some(false),
        };
        let min_optional = match o.get("min_optional") {
            Some(j) => self.quorum(j, &join(p, "min_optional"), optional.len()),
            None => Some(None),
        };
        let id = id?;
        Some(MeetingRequest {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            duration_minutes: duration?,
            required,
            optional,
            from: from?,
            to: to?,
            time_zone: zone?,
            granularity_minutes: granularity?,
            max_results: max_results?,
            repeat_weeks: repeat_weeks?,
            fair_rotation: fair?,
            min_optional: min_optional?,
        })
    }

    /// A quorum of the request's `optional` attendees: a count no larger
    /// than their number, or a percentage written `"75%"` (0–100).
    fn quorum(&mut self, val: &Json, path: &str, optional: usize) -> Option<Option<Quorum>> {
        match val {
            Json::Int(n) if (0..=optional as i128).contains(n) => {
                Some(Some(Quorum::Count(*n as u32)))
            }
            Json::Int(n) if *n > 0 => {
                let count = n.to_string();
                let message = match optional {
                    0 => crate::tr!("io-quorum-no-optional", count = count),
                    have => crate::tr!(
                        "io-quorum-above-optional",
                        count = count,
                        optional = have.to_string(),
                    ),
                };
                self.err(path, message);
                None
            }
            Json::Str(text) => match parse_percent(text) {
                Some(pct) if pct <= 100 => Some(Some(Quorum::Percent(Percent(pct)))),
                Some(pct) => {
                    self.err(
                        path,
                        crate::tr!("io-percent-range", percent = pct.to_string()),
                    );
                    None
                }
                None => {
                    self.err(path, crate::tr!("io-expected-percent", value = val.show()));
                    None
                }
            },
            other => {
                self.err(path, crate::tr!("io-expected-quorum", value = other.show()));
                None
            }
        }
    }

    fn rotation(
        &mut self,
        item: &Json,
        facts: &HashMap<&str, RepFacts>,
        rep_ids: &HashSet<String>,
        offices: &[Office],
    ) -> Option<RotationRequest> {
        let p = "requests.rotation";
        let o = self.obj(item, p, &["from", "weeks"], &["locks"])?;
        let offices: HashMap<&str, &Office> = first_by_id(offices, |o| &o.id);
        let from = o.get("from").and_then(|j| self.date(j, &join(p, "from")));
        let weeks = o
            .get("weeks")
            .and_then(|j| self.integer(j, &join(p, "weeks"), 1, Some(MAX_ROTATION_WEEKS)))
            .map(|w| w as u32);
        let days = match (from, weeks) {
            (Some(f), Some(w)) => Some(rotation_days(f, w)),
            _ => None,
        };
        let mut locks: Vec<Lock> = Vec::new();
        if let Some(j) = o.get("locks") {
            let lp = join(p, "locks");
            let mut seen: HashMap<(String, NaiveDate), usize> = HashMap::default();
            if let Some(items) = self.list_max(j, &lp, limits::ROTATION_LOCKS) {
                for (i, lk) in items.iter().enumerate() {
                    let ip = idx(&lp, i);
                    let Some(lo) = self.obj(lk, &ip, &["rep", "date", "in_office"], &[]) else {
                        continue;
                    };
                    let r = lo
                        .get("rep")
                        .and_then(|j| self.string(j, &join(&ip, "rep"), limits::ID_CHARS));
                    let d = lo
                        .get("date")
                        .and_then(|j| self.date(j, &join(&ip, "date")));
                    let inn = lo
                        .get("in_office")
                        .and_then(|j| self.boolean(j, &join(&ip, "in_office")));
                    if let Some(r) = &r {
                        if !rep_ids.contains(r) {
                            self.err(
                                join(&ip, "rep"),
                                crate::tr!("io-unknown-rep", id = format!("{r:?}")),
                            );
                            continue;
                        }
                    }
                    let (Some(r), Some(d), Some(inn)) = (r, d, inn) else {
                        continue;
                    };
                    if let Some((first, last)) = days {
                        if d < first || d > last {
                            self.err(
                                join(&ip, "date"),
                                crate::tr!(
                                    "io-lock-outside",
                                    date = d.to_string(),
                                    first = first.to_string(),
                                    last = last.to_string(),
                                ),
                            );
                            continue;
                        }
                    }
                    if let Some(j) = seen.get(&(r.clone(), d)) {
                        self.err(
                            &ip,
                            crate::tr!(
                                "io-second-lock",
                                rep = r.as_str(),
                                date = d.to_string(),
                                other = idx(&lp, *j),
                            ),
                        );
                        continue;
                    }
                    seen.insert((r.clone(), d), i);
                    if inn {
                        if let Some(f) = facts.get(r.as_str()) {
                            let at = f.rep.office_on(d).and_then(|o| offices.get(o));
                            if let Some(why) = rule1_blocks_at(f.rep, at.copied(), d) {
                                self.err(
                                    &ip,
                                    crate::tr!(
                                        "io-lock-blocked",
                                        rep = r.as_str(),
                                        date = d.to_string(),
                                        why = why,
                                    ),
                                );
                                continue;
                            }
                        }
                    }
                    locks.push(Lock {
                        rep: r,
                        date: d,
                        in_office: inn,
                    });
                }
            }
        }
        Some(RotationRequest {
            from: from?,
            weeks: weeks?,
            locks,
        })
    }

    fn balance(&mut self, item: &Json) -> Option<BalanceRequest> {
        let p = "requests.balance";
        let o = self.obj(item, p, &["from", "to"], &[])?;
        let from = o.get("from").and_then(|j| self.date(j, &join(p, "from")));
        let to = o.get("to").and_then(|j| self.date(j, &join(p, "to")));
        self.window(from, to, p);
        Some(BalanceRequest {
            from: from?,
            to: to?,
        })
    }
}

// ---- Checks of single items (store v2) --------------------------------------
//
// Per-item writes check one item by the very walk an import uses, on the
// item alone: the caller passes the few ids the item refers to that exist, so
// a check costs the item's size, not the team's. Paths are relative to the
// item (`time_zone`, `attendees[2]`), as forms show them.

fn check_one<T: serde::Serialize>(item: &T, walk: impl FnOnce(&mut V, &Json)) -> Vec<Problem> {
    match Json::from_serialize(item) {
        Ok(json) => {
            let mut v = V::default();
            walk(&mut v, &json);
            v.problems
        }
        Err(e) => vec![Problem {
            path: String::new(),
            message: crate::tr!("io-not-writable", error = e.to_string()),
        }],
    }
}

/// Problems of a team on its own.
pub fn check_team(team: &Team) -> Vec<Problem> {
    check_one(team, |v, j| {
        v.team(j, "");
    })
}

/// Problems of an office on its own.
pub fn check_office(office: &Office) -> Vec<Problem> {
    check_one(office, |v, j| {
        v.office(j, "");
    })
}

/// Problems of a rep; `teams` and `offices` hold the referenced ids that exist.
pub fn check_rep(rep: &Rep, teams: &HashSet<String>, offices: &HashSet<String>) -> Vec<Problem> {
    check_one(rep, |v, j| {
        v.rep(j, "", teams, offices);
    })
}

/// Problems of a meeting; `reps` and `offices` hold the referenced ids that exist.
pub fn check_meeting(
    meeting: &Meeting,
    reps: &HashSet<String>,
    offices: &HashSet<String>,
) -> Vec<Problem> {
    check_one(meeting, |v, j| {
        v.meeting(j, "", reps, offices);
    })
}

/// Problems of a task; `reps` holds the referenced ids that exist.
pub fn check_task(task: &Task, reps: &HashSet<String>) -> Vec<Problem> {
    check_one(task, |v, j| {
        v.task(j, "", reps);
    })
}

/// Problems of the office-day policy (paths like `office_days_per_week.max`).
pub fn check_policy(policy: &Policy) -> Vec<Problem> {
    check_one(&policy.office_days_per_week, |v, j| {
        v.min_max(j, "office_days_per_week");
    })
}

/// Problems of a meeting request; `reps` holds the referenced ids that exist.
/// Paths are relative to the request.
pub fn check_meeting_request(req: &MeetingRequest, reps: &HashSet<String>) -> Vec<Problem> {
    check_one(req, |v, j| {
        v.meeting_request(j, "", reps);
    })
}

/// Problems of a rotation request: `reps` are the locked reps that exist,
/// `offices` their home offices. Paths are relative to the request
/// (`weeks`, `locks[0].date`).
pub fn check_rotation_request(
    req: &RotationRequest,
    reps: &[Rep],
    offices: &[Office],
) -> Vec<Problem> {
    let facts: HashMap<&str, RepFacts> = reps
        .iter()
        .map(|r| (r.id.as_str(), RepFacts { rep: r }))
        .collect();
    let ids: HashSet<String> = reps.iter().map(|r| r.id.clone()).collect();
    let mut problems = check_one(req, |v, j| {
        v.rotation(j, &facts, &ids, offices);
    });
    for p in &mut problems {
        if let Some(rest) = p.path.strip_prefix("requests.rotation") {
            p.path = rest.trim_start_matches('.').to_string();
        }
    }
    problems
}

/// Problems of a balance window (paths `from`, `to`).
pub fn check_balance_request(req: &BalanceRequest) -> Vec<Problem> {
    let mut problems = check_one(req, |v, j| {
        v.balance(j);
    });
    for p in &mut problems {
        if let Some(rest) = p.path.strip_prefix("requests.balance") {
            p.path = rest.trim_start_matches('.').to_string();
        }
    }
    problems
}

// ---- One item from the command line ------------------------------------------

/// Parses one item (a [`Team`], [`Office`], [`Rep`], [`Meeting`] or [`Task`],
/// chosen by `T`) written as its object in the document, with the document's
/// defaults and rules, plus an optional `"revision": N` member returned apart
/// (the revision the writer last saw; `meridian reps put FILE`).
///
/// References (a rep's team and office, attendees, an assignee) are taken as
/// they are: whether they exist is the write's question, answered against
/// the database, not this text's. Paths are relative to the item
/// (`time_zone`, `attendees[2]`).
///
/// # Errors
/// A [`ScenarioError`] naming `source` and listing every problem.
///
/// # Example
/// ```
/// use meridian::model::Rep;
/// let text = r#"{"id": "kai", "time_zone": "Asia/Tokyo", "team": "apac", "revision": 3}"#;
/// let (rep, revision) = meridian::io::scenario::parse_item::<Rep>(text, "kai.json").unwrap();
/// assert_eq!((rep.name.as_str(), revision), ("kai", Some(3)));
/// let bad = text.replace("Asia/Tokyo", "Mars/Base");
/// let err = meridian::io::scenario::parse_item::<Rep>(&bad, "kai.json").unwrap_err();
/// assert_eq!(err.to_string(), "kai.json: time_zone: unknown time zone \"Mars/Base\"");
/// ```
pub fn parse_item<T: 'static>(text: &str, source: &str) -> Result<(T, Option<i64>), ScenarioError> {
    use std::any::{Any, TypeId};
    let fail = |problems| ScenarioError {
        file: source.to_string(),
        problems,
    };
    let mut json = Json::parse(text).map_err(|e| {
        fail(vec![Problem {
            path: String::new(),
            message: crate::tr!("io-not-json", error = e.to_string()),
        }])
    })?;
    let mut v = V::default();
    let mut revision = None;
    // Every string the object holds, at its top or in its lists, passes as a
    // known id: the references are left to the write.
    let mut known = HashSet::default();
    if let Json::Object(o) = &mut json {
        if let Some(at) = o.members.iter().position(|(k, _)| k == "revision") {
            let (_, r) = o.members.remove(at);
            revision = v
                .integer(&r, "revision", 1, Some(i128::from(i64::MAX)))
                .map(|n| n as i64);
        }
        for (_, val) in &o.members {
            match val {
                Json::Str(s) => {
                    known.insert(s.to_string());
                }
                Json::Array(items) => known.extend(items.iter().filter_map(|j| match j {
                    Json::Str(s) => Some(s.to_string()),
                    _ => None,
                })),
                _ => {}
            }
        }
    }
    let t = TypeId::of::<T>();
    let built: Option<Box<dyn Any>> = if t == TypeId::of::<Team>() {
        v.team(&json, "").map(|x| Box::new(x) as _)
    } else if t == TypeId::of::<Office>() {
        v.office(&json, "").map(|x| Box::new(x) as _)
    } else if t == TypeId::of::<Rep>() {
        v.rep(&json, "", &known, &known).map(|x| Box::new(x) as _)
    } else if t == TypeId::of::<Meeting>() {
        v.meeting(&json, "", &known, &known)
            .map(|x| Box::new(x) as _)
    } else if t == TypeId::of::<Task>() {
        v.task(&json, "", &known).map(|x| Box::new(x) as _)
    } else {
        v.err("", "not a kind of item a team document lists");
        None
    };
    match built.and_then(|b| b.downcast::<T>().ok()) {
        Some(item) if v.problems.is_empty() => Ok((*item, revision)),
        _ if v.problems.is_empty() => Err(fail(vec![Problem {
            path: String::new(),
            message: "cannot be read as one item".into(),
        }])),
        _ => Err(fail(v.problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    fn messages(doc: &str) -> Vec<String> {
        match parse_document(doc, "team.json") {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| p.to_string()).collect(),
        }
    }

    const BAD: &str = r#"{"format": "meridian.scenario/1", "colour": 1,
        "offices": [{"id": "lon", "time_zone": "Europe/London", "desks": -2}],
        "reps": [
          {"id": "ana", "time_zone": "Mars/Base", "office": "lon",
           "working_hours": {"mon": [["10:00", "09:00"]]},
           "travel": [{"from": "2026-03-02", "to": "2026-03-03", "office": "lon"}]},
          {"id": "ana", "time_zone": "UTC"}
        ],
        "tasks": [{"id": "t1", "hours": "2", "pinned": true}]
    }"#;

    #[test]
    fn problems_read_in_german_with_paths_and_values_as_data() {
        let de = with_language(Lang::De, || messages(BAD));
        assert_eq!(
            de,
            [
                "colour: Unbekanntes Feld",
                "offices[0].desks: Muss mindestens 0 sein, angegeben ist -2",
                "reps[0].time_zone: Unbekannte Zeitzone \"Mars/Base\"",
                "reps[0].working_hours.mon[0]: Der Beginn 10:00 liegt nicht vor dem Ende 09:00",
                "reps[0].travel[0].office: \"lon\" ist das Heimatbüro der Person: Eine Reise führt in ein anderes Büro",
                "reps[1].id: Doppelte ID \"ana\" (auch reps[0])",
                "tasks[0].hours: Erwartet wird eine Zahl, angegeben ist ein Text",
                "tasks[0].pinned: Eine angeheftete Aufgabe braucht eine zuständige Person",
            ]
        );
    }

    #[test]
    fn problems_stay_in_english_outside_german() {
        assert_eq!(
            messages(BAD),
            [
                "colour: unknown field",
                "offices[0].desks: must be >= 0, got -2",
                "reps[0].time_zone: unknown time zone \"Mars/Base\"",
                "reps[0].working_hours.mon[0]: start 10:00 is not before end 09:00",
                "reps[0].travel[0].office: \"lon\" is the rep's home office: a trip goes to another office",
                "reps[1].id: duplicate id \"ana\" (also reps[0])",
                "tasks[0].hours: expected a number, got a string",
                "tasks[0].pinned: a pinned task needs an assignee",
            ]
        );
    }

    #[test]
    fn meeting_requests_and_quorums_read_in_german() {
        let doc = r#"{"format": "meridian.scenario/1",
            "reps": [{"id": "ana", "time_zone": "UTC"}, {"id": "bo", "time_zone": "UTC"}],
            "requests": {"meetings": [
              {"id": "r", "duration_minutes": 30, "required": ["ana"], "optional": ["ana"],
               "from": "2026-03-09", "to": "2026-03-02", "granularity_minutes": 7,
               "min_optional": 3},
              {"id": "s", "duration_minutes": 30, "required": [], "from": "2026-03-02",
               "to": "2026-03-02", "min_optional": 1}
            ]}}"#;
        let de = with_language(Lang::De, || messages(doc));
        assert_eq!(
            de,
            [
                "requests.meetings[0].optional: \"ana\" ist zugleich erforderlich und optional",
                "requests.meetings[0].to: Das Enddatum 2026-03-02 liegt vor dem Anfangsdatum 2026-03-09",
                "requests.meetings[0].granularity_minutes: Muss 5, 10, 15, 20, 30 oder 60 sein, angegeben ist 7",
                "requests.meetings[0].min_optional: Verlangt 3 optionale Teilnehmende, die Anfrage hat aber nur 1",
                "requests.meetings[1].required: Mindestens eine erforderliche teilnehmende Person ist nötig",
                "requests.meetings[1].min_optional: Verlangt 1 optionale Teilnehmende, die Anfrage hat aber keine",
            ]
        );
        let en = messages(doc);
        assert_eq!(
            en[3],
            "requests.meetings[0].min_optional: asks for 3 optional attendees, but the request has 1"
        );
        assert_eq!(
            en[5],
            "requests.meetings[1].min_optional: asks for 1 optional attendees, but the request has none"
        );
    }

    #[test]
    fn a_file_that_is_not_json_says_so_in_german() {
        let e = with_language(Lang::De, || parse_document("{", "team.json"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("team.json: Kein gültiges JSON: "), "{e}");
    }
}
