//! The changes file of a policy what-if (`CHANGES.json`, DESIGN.md "Policy
//! what-if"): which policy, offices, teams and reps to try differently over
//! which weeks.
//!
//! Method: the text is read into the strict JSON tree ([`Json`]) the team
//! document uses, walked once collecting every problem with its path in the
//! changes file (`offices[0].desks`), then built into [`PolicyChanges`].
//! The same value checks ([`check_changes`]) run on changes the app sends
//! already typed. Whether the ids exist is the stored team's business:
//! [`crate::plan::what_if::apply`] names those by the same paths.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::io::json::{Json, Object};
use crate::io::scenario::ScenarioError;
use crate::model::{parse_date, DayRange, Policy, Weekday};
use crate::rules::limits;
use crate::rules::MAX_ROTATION_WEEKS;

/// What a lead tries: every member optional; lists name items by id and
/// change only the fields they give.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PolicyChanges {
    /// A date in the first ISO week; `None` takes the stored rotation window's.
    pub from: Option<NaiveDate>,
    /// `None` takes the stored rotation window's (1..=104).
    pub weeks: Option<u32>,
    pub policy: Option<Policy>,
    pub offices: Vec<OfficeChange>,
    pub teams: Vec<TeamChange>,
    pub reps: Vec<RepChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct OfficeChange {
    pub id: String,
    pub desks: Option<u32>,
    pub open_days: Option<Vec<Weekday>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TeamChange {
    pub id: String,
    pub anchor_days: Option<Vec<Weekday>>,
    /// Every rep of the team gets this home office.
    pub office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct RepChange {
    pub id: String,
    pub preferred_office_days: Option<Vec<Weekday>>,
    /// The rep's new home office (after their team's, when both say).
    pub office: Option<String>,
}

impl PolicyChanges {
    /// Nothing would change (a window alone is still a what-if: the same
    /// team re-planned over other weeks).
    pub fn is_empty(&self) -> bool {
        self.policy.is_none()
            && self.offices.is_empty()
            && self.teams.is_empty()
            && self.reps.is_empty()
    }
}

/// Reads a changes file.
///
/// # Errors
/// A [`ScenarioError`] naming `source` and every problem with its path:
/// unknown fields, bad weekdays, `min > max`, negative desks, weeks outside
/// 1..=104, duplicate ids, a file over [`limits::CHANGES_BYTES`].
///
/// # Example
/// ```
/// use meridian::io::what_if::parse_changes;
/// let ok = parse_changes(r#"{"policy": {"office_days_per_week": {"min": 3, "max": 4}}}"#, "c.json").unwrap();
/// assert_eq!(ok.policy.unwrap().office_days_per_week.min, 3);
/// let bad = parse_changes(r#"{"offices": [{"id": "lon", "desks": -1}]}"#, "c.json").unwrap_err();
/// assert_eq!(bad.problems[0].path, "offices[0].desks");
/// ```
pub fn parse_changes(text: &str, source: &str) -> Result<PolicyChanges, ScenarioError> {
    let fail = |problems| ScenarioError {
        file: source.to_string(),
        problems,
    };
    if text.len() > limits::CHANGES_BYTES {
        return Err(fail(vec![Problem {
            path: String::new(),
            message: crate::tr!(
                "io-file-too-big",
                bytes = text.len().to_string(),
                max = limits::CHANGES_BYTES.to_string(),
            ),
        }]));
    }
    let json = Json::parse(text).map_err(|e| {
        fail(vec![Problem {
            path: String::new(),
            message: crate::tr!("io-not-json", error = e.to_string()),
        }])
    })?;
    let mut w = Walk::default();
    let changes = w.changes(&json);
    w.problems
        .extend(changes.as_ref().map_or_else(Vec::new, check_changes));
    match changes {
        Some(c) if w.problems.is_empty() => Ok(c),
        _ => Err(fail(w.problems)),
    }
}

/// The checks a typed [`PolicyChanges`] must pass (the walk's value rules):
/// weeks in 1..=104, `min <= max`, ids non-empty, short and listed once per
/// list, list lengths within the team's limits.
pub fn check_changes(c: &PolicyChanges) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut err = |path: String, message: String| out.push(Problem { path, message });
    if let Some(d) = c.from.filter(|&d| !crate::rules::writable_date(d)) {
        err(
            "from".into(),
            crate::tr!("io-date-out-of-range", date = d.to_string()),
        );
    }
    if let Some(w) = c.weeks {
        if w < 1 || i128::from(w) > MAX_ROTATION_WEEKS {
            err(
                "weeks".into(),
                crate::tr!(
                    "io-weeks-range",
                    weeks = w.to_string(),
                    max = MAX_ROTATION_WEEKS.to_string(),
                ),
            );
        }
    }
    if let Some(p) = &c.policy {
        let r = p.office_days_per_week;
        if r.min > r.max {
            err(
                "policy.office_days_per_week".into(),
                crate::tr!(
                    "io-min-above-max",
                    min = r.min.to_string(),
                    max = r.max.to_string(),
                ),
            );
        }
        if r.max > 7 {
            err(
                "policy.office_days_per_week.max".into(),
                crate::tr!("io-week-has-7-days", value = r.max.to_string()),
            );
        }
    }
    let lists: [(&str, Vec<&str>, usize); 3] = [
        (
            "offices",
            c.offices.iter().map(|o| o.id.as_str()).collect(),
            limits::OFFICES,
        ),
        (
            "teams",
            c.teams.iter().map(|t| t.id.as_str()).collect(),
            limits::TEAMS,
        ),
        (
            "reps",
            c.reps.iter().map(|r| r.id.as_str()).collect(),
            limits::REPS,
        ),
    ];
    for (list, ids, max) in lists {
        if ids.len() > max {
            err(
                list.into(),
                crate::tr!(
                    "io-too-many-items",
                    count = ids.len().to_string(),
                    max = max.to_string(),
                ),
            );
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            let path = format!("{list}[{i}].id");
            if id.is_empty() {
                err(path, crate::tr!("io-empty"));
            } else if id.chars().count() > limits::ID_CHARS {
                err(
                    path,
                    crate::tr!("io-id-too-long", max = limits::ID_CHARS.to_string()),
                );
            } else if !seen.insert(id) {
                err(
                    path,
                    crate::tr!("io-id-listed-twice", id = format!("{id:?}")),
                );
            }
        }
    }
    let office_refs = c
        .teams
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            t.office
                .as_deref()
                .map(|o| (format!("teams[{i}].office"), o))
        })
        .chain(c.reps.iter().enumerate().filter_map(|(i, r)| {
            r.office
                .as_deref()
                .map(|o| (format!("reps[{i}].office"), o))
        }));
    for (path, o) in office_refs {
        if o.is_empty() || o.chars().count() > limits::ID_CHARS {
            err(path, crate::tr!("io-expected-office-id"));
        }
    }
    out
}

/// The walk's state: every problem found so far.
#[derive(Default)]
struct Walk {
    problems: Vec<Problem>,
}

impl Walk {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn obj<'a>(&mut self, val: &'a Json, path: &str, fields: &[&str]) -> Option<&'a Object> {
        let Json::Object(o) = val else {
            self.err(path, crate::tr!("io-expected-object", found = val.kind()));
            return None;
        };
        for k in &o.duplicates {
            self.err(join(path, k), crate::tr!("io-duplicate-key"));
        }
        for (k, _) in &o.members {
            if !fields.contains(&k.as_str()) {
                self.err(join(path, k), crate::tr!("io-unknown-field"));
            }
        }
        Some(o)
    }

    fn changes(&mut self, val: &Json) -> Option<PolicyChanges> {
        let fields = ["from", "weeks", "policy", "offices", "teams", "reps"];
        let o = self.obj(val, "", &fields)?;
        let mut c = PolicyChanges::default();
        let mut ok = true;
        if let Some(v) = present(o, "from") {
            c.from = self.date(v, "from");
            ok &= c.from.is_some();
        }
        if let Some(v) = present(o, "weeks") {
            c.weeks = self.count(v, "weeks", 1, MAX_ROTATION_WEEKS);
            ok &= c.weeks.is_some();
        }
        if let Some(v) = present(o, "policy") {
            c.policy = self.policy(v);
            ok &= c.policy.is_some();
        }
        if let Some(items) = present(o, "offices").and_then(|v| self.list(v, "offices")) {
            for (i, v) in items.iter().enumerate() {
                let p = format!("offices[{i}]");
                let Some(x) = self.obj(v, &p, &["id", "desks", "open_days"]) else {
                    ok = false;
                    continue;
                };
                let id = self.id(x, &p);
                let desks = present(x, "desks")
                    .map(|v| self.count(v, &join(&p, "desks"), 0, i128::from(u32::MAX)));
                let open_days =
                    present(x, "open_days").map(|v| self.weekdays(v, &join(&p, "open_days")));
                // A bad member is already a problem: the walk goes on to
                // report the rest and `parse_changes` refuses the file.
                match id {
                    Some(id) => c.offices.push(OfficeChange {
                        id,
                        desks: desks.flatten(),
                        open_days: open_days.flatten(),
                    }),
                    None => ok = false,
                }
            }
        }
        if let Some(items) = present(o, "teams").and_then(|v| self.list(v, "teams")) {
            for (i, v) in items.iter().enumerate() {
                let p = format!("teams[{i}]");
                let Some(x) = self.obj(v, &p, &["id", "anchor_days", "office"]) else {
                    ok = false;
                    continue;
                };
                let id = self.id(x, &p);
                let anchor_days =
                    present(x, "anchor_days").map(|v| self.weekdays(v, &join(&p, "anchor_days")));
                let office = present(x, "office").map(|v| self.string(v, &join(&p, "office")));
                match id {
                    Some(id) => c.teams.push(TeamChange {
                        id,
                        anchor_days: anchor_days.flatten(),
                        office: office.flatten(),
                    }),
                    None => ok = false,
                }
            }
        }
        if let Some(items) = present(o, "reps").and_then(|v| self.list(v, "reps")) {
            for (i, v) in items.iter().enumerate() {
                let p = format!("reps[{i}]");
                let Some(x) = self.obj(v, &p, &["id", "preferred_office_days", "office"]) else {
                    ok = false;
                    continue;
                };
                let id = self.id(x, &p);
                let preferred = present(x, "preferred_office_days")
                    .map(|v| self.weekdays(v, &join(&p, "preferred_office_days")));
                let office = present(x, "office").map(|v| self.string(v, &join(&p, "office")));
                match id {
                    Some(id) => c.reps.push(RepChange {
                        id,
                        preferred_office_days: preferred.flatten(),
                        office: office.flatten(),
                    }),
                    None => ok = false,
                }
            }
        }
        ok.then_some(c)
    }

    fn policy(&mut self, val: &Json) -> Option<Policy> {
        let o = self.obj(val, "policy", &["office_days_per_week"])?;
        let Some(mm) = o.get("office_days_per_week") else {
            self.err(
                "policy.office_days_per_week",
                crate::tr!("io-missing-field"),
            );
            return None;
        };
        let path = "policy.office_days_per_week";
        let x = self.obj(mm, path, &["min", "max"])?;
        let mut side = |k: &str| match x.get(k) {
            Some(v) => self.count(v, &join(path, k), 0, 7),
            None => {
                self.err(join(path, k), crate::tr!("io-missing-field"));
                None
            }
        };
        let (min, max) = (side("min"), side("max"));
        Some(Policy {
            office_days_per_week: DayRange {
                min: min?,
                max: max?,
            },
        })
    }

    fn id(&mut self, o: &Object, path: &str) -> Option<String> {
        match o.get("id") {
            Some(v) => self.string(v, &join(path, "id")),
            None => {
                self.err(join(path, "id"), crate::tr!("io-missing-field"));
                None
            }
        }
    }

    fn string(&mut self, val: &Json, path: &str) -> Option<String> {
        match val {
            Json::Str(s) if s.is_empty() => {
                self.err(path, crate::tr!("io-empty"));
                None
            }
            Json::Str(s) if s.chars().count() > limits::ID_CHARS => {
                self.err(
                    path,
                    crate::tr!("io-id-too-long", max = limits::ID_CHARS.to_string()),
                );
                None
            }
            Json::Str(s) => Some(s.to_string()),
            other => {
                self.err(path, crate::tr!("io-expected-string", found = other.kind()));
                None
            }
        }
    }

    fn count(&mut self, val: &Json, path: &str, lo: i128, hi: i128) -> Option<u32> {
        match val {
            Json::Int(n) if *n < lo || *n > hi => {
                let what = if *n < 0 && lo == 0 {
                    crate::tr!("io-negative", value = n.to_string())
                } else {
                    crate::tr!(
                        "io-between",
                        min = lo.to_string(),
                        max = hi.to_string(),
                        value = n.to_string(),
                    )
                };
                self.err(path, what);
                None
            }
            Json::Int(n) => u32::try_from(*n).ok(),
            other => {
                self.err(
                    path,
                    crate::tr!(
                        "io-expected-integer",
                        found = other.kind(),
                        value = other.show()
                    ),
                );
                None
            }
        }
    }

    fn date(&mut self, val: &Json, path: &str) -> Option<NaiveDate> {
        let d = match val {
            Json::Str(s) => parse_date(s),
            _ => None,
        };
        if d.is_none() {
            self.err(path, crate::tr!("io-expected-date", value = val.show()));
        }
        d
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

    /// A weekday list in week order, each day once; `None` when any is bad.
    fn weekdays(&mut self, val: &Json, path: &str) -> Option<Vec<Weekday>> {
        let items = self.list(val, path)?;
        let mut out = Vec::new();
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match v {
                Json::Str(s) if s.parse::<Weekday>().is_ok() => {
                    out.extend(s.parse::<Weekday>().ok());
                }
                other => {
                    self.err(
                        format!("{path}[{i}]"),
                        crate::tr!("io-not-weekday", value = other.show()),
                    );
                    ok = false;
                }
            }
        }
        out.sort();
        out.dedup();
        ok.then_some(out)
    }
}

/// A member that is there and not `null`.
fn present<'a>(o: &'a Object, key: &str) -> Option<&'a Json> {
    o.get(key).filter(|v| !matches!(v, Json::Null))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    fn messages(text: &str) -> Vec<String> {
        match parse_changes(text, "c.json") {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| p.to_string()).collect(),
        }
    }

    const BAD: &str = r#"{"weeks": 0, "policy": {"office_days_per_week": {"min": 5}},
        "offices": [{"id": "lon", "desks": -1, "open_days": ["mon", "someday"]}],
        "reps": [{"id": ""}], "extra": true}"#;

    #[test]
    fn changes_are_refused_in_german() {
        assert_eq!(
            with_language(Lang::De, || messages(BAD)),
            [
                "extra: Unbekanntes Feld",
                "weeks: Muss zwischen 1 und 104 liegen, angegeben ist 0",
                "policy.office_days_per_week.max: Pflichtfeld fehlt",
                "offices[0].desks: Darf nicht negativ sein, angegeben ist -1",
                "offices[0].open_days[1]: Kein Wochentag (mon bis sun): \"someday\"",
                "reps[0].id: Darf nicht leer sein",
            ]
        );
    }

    #[test]
    fn changes_are_refused_in_english_as_before() {
        assert_eq!(
            messages(BAD),
            [
                "extra: unknown field",
                "weeks: must be 1 to 104, got 0",
                "policy.office_days_per_week.max: required field is missing",
                "offices[0].desks: must not be negative, got -1",
                "offices[0].open_days[1]: not a weekday (mon..sun): \"someday\"",
                "reps[0].id: must not be empty",
            ]
        );
    }

    #[test]
    fn typed_changes_are_checked_in_german() {
        let c = PolicyChanges {
            weeks: Some(200),
            policy: Some(Policy {
                office_days_per_week: DayRange { min: 9, max: 8 },
            }),
            reps: vec![
                RepChange {
                    id: "ana".into(),
                    preferred_office_days: None,
                    office: Some(String::new()),
                },
                RepChange {
                    id: "ana".into(),
                    preferred_office_days: None,
                    office: None,
                },
            ],
            ..PolicyChanges::default()
        };
        let de: Vec<String> = with_language(Lang::De, || check_changes(&c))
            .into_iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            de,
            [
                "weeks: 200 Wochen: Planen Sie 1 bis 104 Wochen",
                "policy.office_days_per_week: Das Minimum 9 ist größer als das Maximum 8",
                "policy.office_days_per_week.max: Eine Woche hat 7 Tage, angegeben ist 8",
                "reps[1].id: \"ana\" ist doppelt aufgeführt",
                "reps[0].office: Erwartet wird eine Büro-ID",
            ]
        );
    }

    #[test]
    fn the_date_range_reads_as_the_rules_say_it() {
        let d = NaiveDate::MIN;
        let c = PolicyChanges {
            from: Some(d),
            ..PolicyChanges::default()
        };
        // The catalogue repeats the rules' wording: it must not drift from it.
        assert_eq!(
            check_changes(&c)[0].message,
            format!("{d}: {}", crate::rules::DATE_RANGE)
        );
    }
}
