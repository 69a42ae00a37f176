//! Every validation rule of contract §1 and §7.8, one row each: a valid base
//! document, one change, and the path and message the error must carry.

use meridian::io::scenario::parse_document;
use serde_json::{json, Value};

fn base() -> Value {
    json!({
      "format": "meridian.scenario/1",
      "teams": [{ "id": "emea", "name": "EMEA Sales", "anchor_days": ["tue"] }],
      "offices": [{ "id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 12,
                    "open_days": ["mon","tue","wed","thu","fri"], "closed_dates": ["2026-12-25"] }],
      "policy": { "office_days_per_week": { "min": 2, "max": 3 } },
      "reps": [
        { "id": "ana", "name": "Ana Silva", "team": "emea", "time_zone": "Europe/Lisbon", "office": "lon",
          "working_hours": { "mon": [["09:00","17:30"]], "tue": [["09:00","12:00"],["13:00","17:30"]] },
          "stretch_hours": { "mon": [["07:30","09:00"],["17:30","19:00"]] },
          "capacity_hours_per_week": 37.5,
          "office_days_per_week": { "min": 2, "max": 3 },
          "preferred_office_days": ["tue","wed"], "no_office_days": ["fri"],
          "time_off": [{ "start": "2026-12-21", "end": "2026-12-31" }],
          "skills": ["renewals","spanish"] },
        { "id": "bo", "time_zone": "America/New_York", "team": "emea", "office": "lon" },
        { "id": "cy", "time_zone": "Asia/Kolkata" }
      ],
      "meetings": [{ "id": "m1", "title": "Pipeline review", "start": "2026-12-01T10:00",
                     "time_zone": "America/New_York", "duration_minutes": 60,
                     "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=10",
                     "attendees": ["ana","bo"], "in_person_office": null }],
      "office_days": [{ "rep": "ana", "date": "2026-12-02", "office": "lon" }],
      "tasks": [{ "id": "t1", "title": "Renewal quotes", "hours": 6, "due": "2026-12-04",
                  "assignee": "ana", "skills_required": ["renewals"], "pinned": false }],
      "requests": {
        "meetings": [{ "id": "weekly-sync", "title": "Weekly sync", "duration_minutes": 45,
                       "required": ["ana","bo"], "optional": ["cy"],
                       "from": "2026-11-30", "to": "2026-12-04", "time_zone": "Europe/London",
                       "granularity_minutes": 15, "max_results": 5,
                       "repeat_weeks": 1, "fair_rotation": false }],
        "rotation": { "from": "2026-11-30", "weeks": 4,
                      "locks": [{ "rep": "ana", "date": "2026-12-01", "in_office": true }] },
        "balance": { "from": "2026-11-30", "to": "2026-12-11" }
      }
    })
}

/// Applies `value` at the JSON pointer (or removes the member when `None`).
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut doc = base();
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    let target = doc.pointer_mut(parent).expect("parent exists in base");
    match (target, value) {
        (Value::Object(o), Some(v)) => {
            o.insert(key.to_string(), v);
        }
        (Value::Object(o), None) => {
            o.remove(key);
        }
        (Value::Array(a), Some(v)) => {
            let i: usize = key.parse().expect("index");
            if i == a.len() {
                a.push(v)
            } else {
                a[i] = v
            }
        }
        _ => panic!("bad pointer {pointer}"),
    }
    doc
}

fn problems_of(doc: &Value) -> Vec<String> {
    match parse_document(&doc.to_string(), "t.json") {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect(),
    }
}

#[track_caller]
fn check(pointer: &str, value: Option<Value>, path: &str, fragment: &str) {
    let problems = problems_of(&with(pointer, value));
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{path}: ")) && p.contains(fragment)),
        "{pointer}: expected `{path}: …{fragment}…`, got {problems:?}"
    );
}

#[test]
fn the_base_document_is_valid() {
    assert_eq!(problems_of(&base()), Vec::<String>::new());
}

#[test]
fn references_to_unknown_ids_are_refused() {
    check(
        "/reps/0/team",
        Some(json!("apac")),
        "reps[0].team",
        "unknown team \"apac\"",
    );
    check(
        "/reps/0/office",
        Some(json!("nyc")),
        "reps[0].office",
        "unknown office",
    );
    check(
        "/meetings/0/attendees/1",
        Some(json!("zed")),
        "meetings[0].attendees[1]",
        "unknown rep",
    );
    check(
        "/meetings/0/in_person_office",
        Some(json!("nyc")),
        "meetings[0].in_person_office",
        "unknown office",
    );
    check(
        "/tasks/0/assignee",
        Some(json!("zed")),
        "tasks[0].assignee",
        "unknown rep",
    );
    check(
        "/office_days/0/rep",
        Some(json!("zed")),
        "office_days[0].rep",
        "unknown rep",
    );
    check(
        "/requests/meetings/0/optional/0",
        Some(json!("zed")),
        "requests.meetings[0].optional[0]",
        "unknown rep",
    );
    check(
        "/requests/rotation/locks/0/rep",
        Some(json!("zed")),
        "requests.rotation.locks[0].rep",
        "unknown rep",
    );
}

#[test]
fn ids_must_be_non_empty_and_unique() {
    check(
        "/reps/1/id",
        Some(json!("ana")),
        "reps[1].id",
        "duplicate id \"ana\" (also reps[0])",
    );
    check(
        "/teams/0/id",
        Some(json!("")),
        "teams[0].id",
        "must not be empty",
    );
    check(
        "/offices/0/id",
        Some(json!(7)),
        "offices[0].id",
        "expected a string",
    );
}

#[test]
fn unknown_zones_and_non_zones_are_refused() {
    check(
        "/reps/0/time_zone",
        Some(json!("Mars/Olympus")),
        "reps[0].time_zone",
        "unknown time zone",
    );
    check(
        "/reps/0/time_zone",
        Some(json!("europe/lisbon")),
        "reps[0].time_zone",
        "unknown time zone",
    );
    for non_zone in ["localtime", "Factory", "posixrules"] {
        check(
            "/offices/0/time_zone",
            Some(json!(non_zone)),
            "offices[0].time_zone",
            "unknown time zone",
        );
    }
    check(
        "/meetings/0/time_zone",
        Some(json!(5)),
        "meetings[0].time_zone",
        "expected an IANA time zone name",
    );
    check(
        "/requests/meetings/0/time_zone",
        Some(json!("Nowhere")),
        "requests.meetings[0].time_zone",
        "unknown",
    );
}

#[test]
fn hour_intervals_must_be_ordered_and_disjoint() {
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["17:00", "09:00"]])),
        "reps[0].working_hours.mon[0]",
        "is not before end",
    );
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["09:00", "09:00"]])),
        "reps[0].working_hours.mon[0]",
        "is not before end",
    );
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["09:00", "13:00"], ["12:00", "17:00"]])),
        "reps[0].working_hours.mon[1]",
        "overlaps reps[0].working_hours.mon[0]",
    );
    check(
        "/reps/0/stretch_hours/mon",
        Some(json!([["08:00", "09:30"]])),
        "reps[0].stretch_hours.mon",
        "overlaps working",
    );
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["24:00", "24:00"]])),
        "reps[0].working_hours.mon[0][0]",
        "24:00 is only allowed as an interval end",
    );
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["9:00", "17:00"]])),
        "reps[0].working_hours.mon[0][0]",
        "expected a time HH:MM",
    );
    check(
        "/reps/0/working_hours/mon",
        Some(json!([["09:00"]])),
        "reps[0].working_hours.mon[0]",
        "expected a pair",
    );
    check(
        "/reps/0/working_hours/funday",
        Some(json!([])),
        "reps[0].working_hours.funday",
        "unknown field",
    );
}

#[test]
fn an_interval_may_end_at_24_00() {
    let doc = with(
        "/reps/0/working_hours/mon",
        Some(json!([["19:00", "24:00"]])),
    );
    assert_eq!(problems_of(&doc), Vec::<String>::new());
}

#[test]
fn office_day_bounds_need_min_at_most_max() {
    check(
        "/policy/office_days_per_week",
        Some(json!({"min": 4, "max": 2})),
        "policy.office_days_per_week",
        "min 4 > max 2",
    );
    check(
        "/reps/0/office_days_per_week",
        Some(json!({"min": 3})),
        "reps[0].office_days_per_week.max",
        "required field is missing",
    );
    check(
        "/reps/0/office_days_per_week",
        Some(json!(null)),
        "reps[0].office_days_per_week",
        "expected an object",
    );
}

#[test]
fn negative_amounts_are_refused() {
    check(
        "/offices/0/desks",
        Some(json!(-1)),
        "offices[0].desks",
        "must be >= 0",
    );
    check(
        "/offices/0/desks",
        Some(json!(2.5)),
        "offices[0].desks",
        "expected a whole number",
    );
    check(
        "/reps/0/capacity_hours_per_week",
        Some(json!(-2)),
        "reps[0].capacity_hours_per_week",
        "must not be negative",
    );
    check(
        "/tasks/0/hours",
        Some(json!(-0.5)),
        "tasks[0].hours",
        "must not be negative",
    );
    check(
        "/meetings/0/duration_minutes",
        Some(json!(0)),
        "meetings[0].duration_minutes",
        "must be >= 1",
    );
    check(
        "/requests/meetings/0/duration_minutes",
        Some(json!(0)),
        "requests.meetings[0].duration_minutes",
        "must be >= 1",
    );
}

#[test]
fn time_off_cannot_end_before_it_starts() {
    check(
        "/reps/0/time_off/0",
        Some(json!({"start": "2026-12-21", "end": "2026-12-20"})),
        "reps[0].time_off[0].end",
        "is before start",
    );
    check(
        "/reps/0/time_off/0",
        Some(json!({"start": "2026-02-30", "end": "2026-03-01"})),
        "reps[0].time_off[0].start",
        "expected a date",
    );
}

#[test]
fn rrules_outside_the_supported_subset_are_refused() {
    check(
        "/meetings/0/rrule",
        Some(json!("FREQ=WEEKLY;INTERVAL=0")),
        "meetings[0].rrule",
        "invalid rrule",
    );
    check(
        "/meetings/0/rrule",
        Some(json!("FREQ=HOURLY")),
        "meetings[0].rrule",
        "not supported",
    );
    check(
        "/meetings/0/rrule",
        Some(json!("FREQ=MONTHLY;BYSETPOS=1")),
        "meetings[0].rrule",
        "not supported",
    );
    check(
        "/meetings/0/rrule",
        Some(json!("BYDAY=TU")),
        "meetings[0].rrule",
        "FREQ is required",
    );
    check(
        "/meetings/0/start",
        Some(json!("2026-12-01T24:00")),
        "meetings[0].start",
        "expected a local date-time",
    );
}

#[test]
fn windows_are_bounded() {
    check(
        "/requests/rotation/weeks",
        Some(json!(105)),
        "requests.rotation.weeks",
        "must be <= 104",
    );
    check(
        "/requests/rotation/weeks",
        Some(json!(0)),
        "requests.rotation.weeks",
        "must be >= 1",
    );
    check(
        "/requests/meetings/0/to",
        Some(json!("2027-12-31")),
        "requests.meetings[0].to",
        "longer than 366",
    );
    check(
        "/requests/meetings/0/to",
        Some(json!("2026-11-01")),
        "requests.meetings[0].to",
        "is before from",
    );
    check(
        "/requests/balance/to",
        Some(json!("2026-11-01")),
        "requests.balance.to",
        "is before from",
    );
    check(
        "/requests/balance/to",
        Some(json!("2027-12-31")),
        "requests.balance.to",
        "longer than 366",
    );
}

#[test]
fn meeting_requests_follow_section_7_8() {
    check(
        "/requests/meetings/0/required",
        Some(json!([])),
        "requests.meetings[0].required",
        "at least one required attendee",
    );
    check(
        "/requests/meetings/0/required",
        Some(json!(["ana", "ana"])),
        "requests.meetings[0].required[1]",
        "listed twice",
    );
    check(
        "/requests/meetings/0/optional",
        Some(json!(["bo"])),
        "requests.meetings[0].optional",
        "both required and optional",
    );
    check(
        "/requests/meetings/0/granularity_minutes",
        Some(json!(7)),
        "requests.meetings[0].granularity_minutes",
        "must be one of 5, 10, 15, 20, 30, 60",
    );
    check(
        "/requests/meetings/0/max_results",
        Some(json!(0)),
        "requests.meetings[0].max_results",
        "must be >= 1",
    );
    let mut doc = with("/requests/meetings/0/repeat_weeks", Some(json!(3)));
    doc["requests"]["meetings"][0]["to"] = json!("2026-12-08");
    assert!(problems_of(&doc)
        .iter()
        .any(|p| p.starts_with("requests.meetings[0].to: ") && p.contains("at most 7 days")));
}

#[test]
fn rotation_locks_follow_section_7_8() {
    check(
        "/requests/rotation/locks/0/date",
        Some(json!("2027-03-01")),
        "requests.rotation.locks[0].date",
        "outside the rotation's days",
    );
    check(
        "/requests/rotation/locks/1",
        Some(json!({"rep": "ana", "date": "2026-12-01", "in_office": false})),
        "requests.rotation.locks[1]",
        "second lock for ana",
    );
    // Rule 1: ana has no office on Fridays; cy has no office at all.
    check(
        "/requests/rotation/locks/0/date",
        Some(json!("2026-12-04")),
        "requests.rotation.locks[0]",
        "no_office_days",
    );
    check(
        "/requests/rotation/locks/0/rep",
        Some(json!("cy")),
        "requests.rotation.locks[0]",
        "has no office",
    );
    check(
        "/requests/rotation/locks/0/date",
        Some(json!("2026-12-22")),
        "requests.rotation.locks[0]",
        "time off",
    );
    check(
        "/requests/rotation/locks/0/date",
        Some(json!("2026-12-05")),
        "requests.rotation.locks[0]",
        "not open on sat",
    );
}

#[test]
fn office_days_must_be_at_the_reps_open_home_office() {
    check(
        "/office_days/0/rep",
        Some(json!("cy")),
        "office_days[0].office",
        "is not the home office",
    );
    check(
        "/office_days/0/date",
        Some(json!("2026-12-25")),
        "office_days[0].date",
        "not open",
    );
    check(
        "/office_days/1",
        Some(json!({"rep": "ana", "date": "2026-12-02", "office": "lon"})),
        "office_days[1]",
        "listed twice",
    );
}

#[test]
fn pinned_tasks_need_an_assignee() {
    let mut doc = with("/tasks/0/pinned", Some(json!(true)));
    doc["tasks"][0]["assignee"] = Value::Null;
    assert!(problems_of(&doc)
        .iter()
        .any(|p| p == "tasks[0].pinned: a pinned task needs an assignee"));
}

#[test]
fn unknown_and_missing_fields_are_refused() {
    check(
        "/reps/0/timezone",
        Some(json!("Europe/Lisbon")),
        "reps[0].timezone",
        "unknown field",
    );
    check(
        "/reps/1/time_zone",
        None,
        "reps[1].time_zone",
        "required field is missing",
    );
    check("/format", None, "format", "required field is missing");
    check(
        "/format",
        Some(json!("meridian.scenario/2")),
        "format",
        "expected \"meridian.scenario/1\"",
    );
    check(
        "/requests/rotation/from",
        None,
        "requests.rotation.from",
        "required field is missing",
    );
    check(
        "/requests/extra",
        Some(json!({})),
        "requests.extra",
        "unknown field",
    );
}

#[test]
fn keys_given_twice_are_refused() {
    let text = r#"{"format": "meridian.scenario/1", "reps": [{"id": "a", "time_zone": "UTC", "id": "b"}]}"#;
    let err = parse_document(text, "t.json").expect_err("duplicate key");
    assert_eq!(err.problems[0].path, "reps[0].id");
    assert!(err.problems[0].message.contains("key given twice"));
}

#[test]
fn broken_json_names_line_and_column() {
    let err = parse_document("{\n \"format\": ,\n}", "t.json").expect_err("broken");
    assert!(
        err.to_string().starts_with("t.json: not valid JSON:"),
        "{err}"
    );
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut doc = base();
    doc["reps"][0]["time_zone"] = json!("Nowhere");
    doc["offices"][0]["desks"] = json!(-3);
    doc["tasks"][0]["hours"] = json!("six");
    assert_eq!(problems_of(&doc).len(), 3, "{:?}", problems_of(&doc));
}

#[test]
fn defaults_fill_what_the_document_leaves_out() {
    let text = r#"{"format": "meridian.scenario/1", "reps": [{"id": "a", "time_zone": "UTC"}],
                  "tasks": [{"id": "t", "hours": 0.025}]}"#;
    let sc = parse_document(text, "t.json").expect("valid");
    let rep = &sc.reps[0];
    assert_eq!(rep.name, "a");
    assert_eq!(rep.working_hours.len(), 5);
    assert!(rep.stretch_hours.is_empty());
    assert_eq!(rep.capacity_hours_per_week.minutes(), 2400);
    assert_eq!(rep.office_days_per_week, None);
    assert_eq!(sc.policy.office_days_per_week.max, 5);
    assert_eq!(sc.tasks[0].hours.minutes(), 2, "1.5 minutes round half up");
}

#[test]
fn error_messages_read_well() {
    let mut doc = base();
    doc["reps"][0]["time_zone"] = json!("Europe/Londres");
    doc["reps"][1]["working_hours"] =
        json!({"mon": [["17:00", "09:00"]], "tue": [["09:00", "13:00"], ["12:00", "18:00"]]});
    doc["offices"][0]["desks"] = json!(-2);
    doc["meetings"][0]["rrule"] = json!("FREQ=WEEKLY;BYSETPOS=2");
    doc["tasks"][0]["pinned"] = json!("yes");
    doc["requests"]["meetings"][0]["granularity_minutes"] = json!(7);
    doc["requests"]["rotation"]["weeks"] = json!(200);
    let err = parse_document(&doc.to_string(), "team.json").expect_err("invalid");
    insta::assert_snapshot!(err.to_string());
}

// ---- Size limits (crate::rules::limits) -------------------------------------

/// Problems of `doc` after `edit`, as `path: message`.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut doc = base();
    edit(&mut doc);
    problems_of(&doc)
}

fn strings(n: usize, prefix: &str) -> Value {
    Value::Array((0..n).map(|i| json!(format!("{prefix}{i}"))).collect())
}

#[test]
fn a_rep_with_200000_skills_is_refused_with_one_problem_naming_the_limit() {
    let problems = problems_after(|d| d["reps"][0]["skills"] = strings(200_000, "skill-"));
    assert_eq!(
        problems,
        vec!["reps[0].skills: 200000 items is more than the limit of 100"]
    );
}

#[test]
fn lists_over_their_limit_are_refused_naming_path_limit_and_size() {
    check(
        "/tasks/0/skills_required",
        Some(strings(101, "s")),
        "tasks[0].skills_required",
        "101 items is more than the limit of 100",
    );
    check(
        "/offices/0/closed_dates",
        Some(Value::Array(vec![json!("2027-01-01"); 5_001])),
        "offices[0].closed_dates",
        "5001 items is more than the limit of 5000",
    );
    check(
        "/reps/0/time_off",
        Some(Value::Array(vec![
            json!({"start": "2027-01-01", "end": "2027-01-02"});
            1_001
        ])),
        "reps[0].time_off",
        "1001 items is more than the limit of 1000",
    );
    check(
        "/reps/0/working_hours/wed",
        Some(Value::Array(vec![json!(["09:00", "10:00"]); 49])),
        "reps[0].working_hours.wed",
        "49 items is more than the limit of 48",
    );
    check(
        "/meetings/0/attendees",
        Some(strings(20_001, "r")),
        "meetings[0].attendees",
        "20001 items is more than the limit of 20000",
    );
    check(
        "/requests/rotation/locks",
        Some(Value::Array(vec![
            json!({"rep": "ana", "date": "2026-12-01", "in_office": true});
            100_001
        ])),
        "requests.rotation.locks",
        "100001 items is more than the limit of 100000",
    );
}

#[test]
fn required_and_optional_attendees_together_are_limited() {
    check(
        "/requests/meetings/0/optional",
        Some(strings(19_999, "r")),
        "requests.meetings[0]",
        "20001 required and optional attendees is more than the limit of 20000",
    );
}

#[test]
fn a_top_level_list_over_its_limit_is_the_only_problem_reported() {
    let problems = problems_after(|d| {
        let reps = d["reps"].as_array_mut().expect("reps");
        for i in 0..50_001 - 3 {
            reps.push(json!({"id": format!("r{i}"), "time_zone": "UTC", "name": 7}));
        }
    });
    assert_eq!(
        problems,
        vec!["reps: 50001 items is more than the limit of 50000"]
    );
}

#[test]
fn text_over_its_limit_is_refused_naming_path_limit_and_length() {
    let long = |n: usize| Some(json!("x".repeat(n)));
    check(
        "/tasks/0/title",
        long(501),
        "tasks[0].title",
        "501 characters is longer than the limit of 500",
    );
    check(
        "/meetings/0/title",
        long(501),
        "meetings[0].title",
        "501 characters is longer than the limit of 500",
    );
    check(
        "/reps/0/name",
        long(201),
        "reps[0].name",
        "201 characters is longer than the limit of 200",
    );
    check(
        "/teams/0/name",
        long(201),
        "teams[0].name",
        "201 characters is longer than the limit of 200",
    );
    check(
        "/tasks/0/id",
        long(129),
        "tasks[0].id",
        "129 characters is longer than the limit of 128",
    );
    check(
        "/meetings/0/attendees/1",
        long(129),
        "meetings[0].attendees[1]",
        "129 characters is longer than the limit of 128",
    );
    check(
        "/reps/0/skills/0",
        long(129),
        "reps[0].skills[0]",
        "129 characters is longer than the limit of 128",
    );
    check(
        "/meetings/0/rrule",
        long(1_001),
        "meetings[0].rrule",
        "1001 characters is longer than the limit of 1000",
    );
    check(
        "/reps/0/time_zone",
        long(129),
        "reps[0].time_zone",
        "129 characters is longer than the limit of 128",
    );
}

#[test]
fn a_100_mb_title_in_an_edit_is_refused_with_its_length() {
    // A file that size is over the file limit; an edit is checked by the walk.
    let mut sc = parse_document(&base().to_string(), "t.json").expect("valid");
    sc.tasks[0].title = "t".repeat(100 << 20);
    let problems: Vec<String> = meridian::io::scenario::validate(&sc)
        .expect_err("too long")
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        problems,
        vec!["tasks[0].title: 104857600 characters is longer than the limit of 500"]
    );
}

#[test]
fn text_limits_count_characters_not_bytes() {
    let problems = problems_after(|d| d["tasks"][0]["title"] = json!("é".repeat(500)));
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let text = " ".repeat(meridian::rules::limits::MAX_FILE_BYTES + 1);
    let err = parse_document(&text, "t.json").expect_err("too large");
    assert_eq!(
        err.to_string(),
        "t.json: 67108865 bytes is more than the limit of 67108864"
    );
}

#[test]
fn a_document_at_each_limits_edge_is_accepted() {
    let problems = problems_after(|d| {
        d["reps"][0]["skills"] = strings(100, "skill-");
        d["tasks"][0]["skills_required"] = strings(100, "skill-");
        d["tasks"][0]["title"] = json!("x".repeat(500));
        d["reps"][0]["name"] = json!("x".repeat(200));
        d["tasks"][0]["id"] = json!("x".repeat(128));
        // 48 half-hours cover the whole day.
        d["reps"][2]["working_hours"]["wed"] = Value::Array(
            (0..48)
                .map(|i| {
                    let t = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
                    json!([t(i * 30), t(i * 30 + 30)])
                })
                .collect(),
        );
        d["reps"][0]["time_off"] = Value::Array(
            (0..1_000)
                .map(|i| json!({"start": format!("{}-01-01", 2100 + i), "end": format!("{}-01-02", 2100 + i)}))
                .collect(),
        );
        let reps = d["reps"].as_array_mut().expect("reps");
        for i in 0..50_000 - 3 {
            reps.push(json!({"id": format!("r{i}"), "time_zone": "UTC"}));
        }
    });
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn an_office_with_many_closed_dates_and_many_office_days_validates() {
    use chrono::{Datelike, Duration, NaiveDate};
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let mut doc = base();
    // 5,000 closed dates: every day from 2030 on, and Christmas 2026.
    doc["offices"][0]["closed_dates"] = Value::Array(
        std::iter::once(day(2026, 12, 25))
            .chain((0..4_999).map(|i| day(2030, 1, 1) + Duration::days(i)))
            .rev()
            .map(|d| json!(d.to_string()))
            .collect(),
    );
    // 200 reps at the office, each in on 500 weekdays: 100,000 office days.
    let weekdays: Vec<NaiveDate> = (0..800)
        .map(|i| day(2027, 1, 4) + Duration::days(i))
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .take(500)
        .collect();
    assert_eq!(weekdays.len(), 500);
    let mut office_days = Vec::new();
    for r in 0..200 {
        let id = format!("in{r}");
        doc["reps"]
            .as_array_mut()
            .expect("reps")
            .push(json!({"id": id, "time_zone": "Europe/London", "office": "lon"}));
        for d in &weekdays {
            office_days.push(json!({"rep": id, "date": d.to_string(), "office": "lon"}));
        }
    }
    doc["office_days"] = Value::Array(office_days);
    let sc = parse_document(&doc.to_string(), "t.json").expect("valid");
    assert_eq!(sc.offices[0].closed_dates.len(), 5_000);
    assert_eq!(sc.offices[0].closed_dates[0], day(2026, 12, 25), "sorted");
    assert_eq!(sc.office_days.len(), 100_000);
}
