//! The workload balancer judged from the outside (contract §4, §6): the
//! `meridian` binary balances a scenario and
//! `../shared/tools/check_solution.py balance` recomputes every figure from
//! the assignments alone. Run on every contract example (against its proven
//! optimum) and on 24 generated teams of 6 to 300 reps: ordinary ones, teams
//! whose capacity is cut so most of the work is at risk, teams with tasks
//! nobody has the skills for, a pinned task on a rep who is away the whole
//! window (infinite utilisation), and a hand-made team on DST and
//! half-hour-zone edges. Also the database path: balance, apply, restart.
//!
//! Scenario and answer files stay in `CARGO_TARGET_TMPDIR/balance/` so a
//! failure can be replayed by hand.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::shared;

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("balance");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

fn meridian(args: &[&OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .env("XDG_DATA_HOME", work_dir().join("xdg"))
        .output()
        .expect("meridian runs")
}

/// `meridian balance --scenario FILE --json`, written beside it; the answer
/// (also the exact-optimum test's).
pub(crate) fn balance(scenario: &Path) -> (PathBuf, Value) {
    let out = meridian(&[
        "balance".as_ref(),
        "--scenario".as_ref(),
        scenario.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}: balance failed: {}",
        scenario.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let answer = scenario.with_extension("answer.json");
    std::fs::write(&answer, &out.stdout).expect("write answer");
    let value = serde_json::from_slice(&out.stdout).expect("answer is JSON");
    (answer, value)
}

/// Balances `scenario` and runs the outside checker; `Err` names the files.
/// `None` when `../shared` is missing.
fn judge(scenario: &Path, best: Option<&Path>) -> Option<Result<(String, Value), String>> {
    let (answer, value) = balance(scenario);
    shared::check_answer("balance", scenario, &answer, best)
        .map(|verdict| verdict.map(|said| (said, value)))
}

#[test]
fn every_contract_example_reaches_the_proven_optimum() {
    let examples = shared::examples();
    if examples.is_empty() {
        eprintln!("../shared is missing: balance answers of the examples not checked");
        return;
    }
    let mut failures = Vec::new();
    for path in &examples {
        let text = std::fs::read_to_string(path).expect("example");
        if !text.contains("\"balance\"") {
            continue;
        }
        let copy = work_dir().join(path.file_name().expect("name"));
        std::fs::write(&copy, &text).expect("copy");
        match judge(&copy, shared::expected_of(path).as_deref()) {
            Some(Ok((_, answer))) => {
                assert_eq!(
                    answer["bounds"]["optimal"],
                    json!(true),
                    "{}",
                    path.display()
                );
            }
            Some(Err(e)) => failures.push(e),
            None => return,
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// How a generated team is changed before balancing.
#[derive(Clone, Copy, Debug)]
enum Twist {
    None,
    /// Every rep's weekly capacity cut to 6 h: most work is at risk.
    Overloaded,
    /// Tasks needing a skill nobody has, or a pair nobody has together.
    MissingSkills,
    /// A pinned task on a rep who is away the whole window.
    PinnedToAbsent,
}

fn twist(doc: &mut Value, t: Twist) {
    let reps = doc["reps"].as_array_mut().expect("reps");
    match t {
        Twist::None => {}
        Twist::Overloaded => {
            for r in reps.iter_mut() {
                r["capacity_hours_per_week"] = json!(6);
            }
        }
        Twist::MissingSkills => {
            let skill = reps
                .iter()
                .find_map(|r| r["skills"].as_array().and_then(|s| s.first().cloned()))
                .unwrap_or(json!("renewals"));
            let tasks = doc["tasks"].as_array_mut().expect("tasks");
            tasks.push(
                json!({"id": "x-german", "title": "German contract", "hours": 3,
                              "assignee": null, "skills_required": ["german"]}),
            );
            tasks.push(
                json!({"id": "x-pair", "title": "Klingon renewal", "hours": 2,
                              "skills_required": ["klingon", skill]}),
            );
        }
        Twist::PinnedToAbsent => {
            let (from, to) = (
                doc["requests"]["balance"]["from"].clone(),
                doc["requests"]["balance"]["to"].clone(),
            );
            let rep = &mut doc["reps"][0];
            rep["time_off"] = json!([{"start": from, "end": to}]);
            let id = rep["id"].clone();
            doc["tasks"].as_array_mut().expect("tasks").push(
                json!({"id": "x-pinned", "title": "Board pack", "hours": 4, "assignee": id, "pinned": true}),
            );
        }
    }
}

/// (reps, offices, teams, weeks, tasks, zones, twist)
const TEAMS: [(u32, u32, u32, u32, u32, &str, Twist); 24] = [
    (6, 1, 1, 1, 14, "emea", Twist::None),
    (6, 1, 1, 2, 20, "emea", Twist::Overloaded),
    (8, 1, 1, 1, 24, "mixed", Twist::MissingSkills),
    (8, 2, 1, 2, 30, "global", Twist::PinnedToAbsent),
    (12, 2, 2, 2, 40, "mixed", Twist::None),
    (12, 2, 2, 1, 60, "global", Twist::Overloaded),
    (20, 2, 3, 2, 80, "mixed", Twist::None),
    (20, 3, 3, 3, 120, "emea", Twist::MissingSkills),
    (30, 3, 4, 2, 150, "global", Twist::None),
    (30, 3, 4, 4, 90, "mixed", Twist::PinnedToAbsent),
    (40, 4, 5, 2, 220, "global", Twist::Overloaded),
    (50, 4, 6, 4, 250, "mixed", Twist::None),
    (60, 4, 6, 3, 300, "emea", Twist::None),
    (60, 5, 8, 2, 420, "global", Twist::MissingSkills),
    (80, 5, 8, 4, 400, "mixed", Twist::Overloaded),
    (100, 6, 10, 4, 500, "global", Twist::None),
    (100, 6, 12, 2, 700, "mixed", Twist::PinnedToAbsent),
    (120, 8, 12, 4, 600, "emea", Twist::None),
    (150, 8, 15, 6, 750, "global", Twist::MissingSkills),
    (150, 8, 15, 2, 1000, "mixed", Twist::Overloaded),
    (200, 8, 20, 4, 1000, "mixed", Twist::None),
    (200, 10, 20, 4, 1400, "global", Twist::None),
    (250, 10, 25, 8, 1200, "mixed", Twist::None),
    (300, 12, 30, 4, 1500, "global", Twist::PinnedToAbsent),
];

#[test]
fn generated_teams_pass_the_outside_checker() {
    let mut failures = Vec::new();
    let mut seen_risk = false;
    let mut seen_unassignable = false;
    let mut seen_infinite = false;
    for (i, &(reps, offices, teams, weeks, tasks, zones, t)) in TEAMS.iter().enumerate() {
        let seed = (i + 1).to_string();
        let args = [
            "--reps",
            &reps.to_string(),
            "--offices",
            &offices.to_string(),
            "--teams",
            &teams.to_string(),
            "--weeks",
            &weeks.to_string(),
            "--tasks",
            &tasks.to_string(),
            "--seed",
            &seed,
            "--zones",
            zones,
            "--start",
            if i % 3 == 0 {
                "2026-03-02"
            } else if i % 3 == 1 {
                "2026-10-19"
            } else {
                "2026-06-01"
            },
        ];
        let Some(text) = shared::generate(&args) else {
            eprintln!("../shared is missing: generated teams not checked");
            return;
        };
        let mut doc: Value = serde_json::from_str(&text).expect("generated JSON");
        twist(&mut doc, t);
        let path = work_dir().join(format!("team-{i:02}-{reps}-{tasks}-{t:?}.json"));
        std::fs::write(&path, doc.to_string()).expect("write scenario");
        match judge(&path, None) {
            Some(Ok((said, answer))) => {
                eprint!("{}: {said}", path.display());
                let obj = &answer["objective"];
                seen_risk |= obj["at_risk"].as_u64().unwrap_or(0) > 0;
                seen_unassignable |= !answer["unassignable"].as_array().expect("list").is_empty();
                seen_infinite |= obj["max_utilization"].is_null();
                // The overloaded team of 12 reps: 39 is optimal (OR-Tools
                // CP-SAT proved it); packing and descent alone stopped at 40.
                if i == 5 {
                    assert_eq!(obj["at_risk"], json!(39), "{}", path.display());
                }
                // The printed bounds hold.
                assert!(
                    obj["at_risk"].as_u64() >= answer["bounds"]["at_risk"].as_u64(),
                    "{}: {obj} vs bounds {}",
                    path.display(),
                    answer["bounds"]
                );
                if let (Some(u), Some(lb)) = (
                    obj["max_utilization"].as_f64(),
                    answer["bounds"]["max_utilization"].as_f64(),
                ) {
                    assert!(
                        u >= lb - 1e-12,
                        "{}: {obj} vs bounds {}",
                        path.display(),
                        answer["bounds"]
                    );
                }
            }
            Some(Err(e)) => failures.push(e),
            None => return,
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(seen_risk && seen_unassignable && seen_infinite);
}

#[test]
fn dst_days_and_half_hour_zones_pass_the_outside_checker() {
    // Meetings starting minutes before or after local midnight in
    // Kathmandu (+05:45), Lord Howe (+10:30/+11) and Santiago (midnight
    // skipped on 6 Sep 2026), a daily New York call across the US change.
    let doc = json!({
        "format": "meridian.scenario/1",
        "reps": [
            {"id": "np", "time_zone": "Asia/Kathmandu", "skills": ["a"]},
            {"id": "lh", "time_zone": "Australia/Lord_Howe", "skills": ["a"],
             "working_hours": {"sun": [["09:00","17:00"]], "mon": [["09:00","17:00"]],
                               "tue": [["09:00","17:00"]], "wed": [["09:00","12:00"]]}},
            {"id": "cl", "time_zone": "America/Santiago", "capacity_hours_per_week": 37.5},
            {"id": "ny", "time_zone": "America/New_York", "capacity_hours_per_week": 20},
            {"id": "uk", "time_zone": "Europe/London", "time_off": [{"start": "2026-09-08", "end": "2026-09-08"}]}
        ],
        "meetings": [
            {"id": "late", "start": "2026-09-07T18:10", "time_zone": "UTC", "duration_minutes": 50,
             "rrule": "FREQ=DAILY;COUNT=6", "attendees": ["np", "lh", "uk"]},
            {"id": "early", "start": "2026-09-06T00:30", "time_zone": "America/Santiago",
             "duration_minutes": 90, "attendees": ["cl", "ny"]},
            {"id": "call", "start": "2026-09-04T23:30", "time_zone": "America/New_York",
             "duration_minutes": 120, "rrule": "FREQ=WEEKLY;BYDAY=MO,FR", "attendees": ["ny", "np", "cl"]}
        ],
        "tasks": [
            {"id": "t1", "hours": 12, "due": "2026-09-08", "assignee": "np", "skills_required": ["a"]},
            {"id": "t2", "hours": 7.5, "due": "2026-09-09", "assignee": "np"},
            {"id": "t3", "hours": 3, "due": "2026-09-07", "assignee": "cl"},
            {"id": "t4", "hours": 16, "assignee": "ny"},
            {"id": "t5", "hours": 0.25, "due": "2026-09-06", "assignee": "uk", "pinned": true},
            {"id": "t6", "hours": 5, "due": "2026-09-10", "assignee": null, "skills_required": ["a"]},
            {"id": "t7", "hours": 9, "due": "2026-09-11"}
        ],
        "requests": {"balance": {"from": "2026-09-05", "to": "2026-09-11"}}
    });
    let path = work_dir().join("dst-edges.json");
    std::fs::write(&path, doc.to_string()).expect("write");
    match judge(&path, None) {
        None => eprintln!("../shared is missing: DST edges not checked"),
        Some(Ok((_, answer))) => assert_eq!(answer["bounds"]["optimal"], json!(true)),
        Some(Err(e)) => panic!("{e}"),
    }
}

#[test]
fn a_stored_team_is_balanced_shown_as_a_table_and_applied() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let team = dir.path().join("team.json");
    let doc = json!({
        "format": "meridian.scenario/1",
        "reps": [{"id": "ana", "time_zone": "Europe/Lisbon"},
                 {"id": "bo", "time_zone": "Asia/Tokyo", "skills": ["german"]}],
        "tasks": [
            {"id": "t1", "title": "Quotes", "hours": 30, "due": "2026-12-04", "assignee": "ana"},
            {"id": "t2", "title": "Deck", "hours": 20, "due": "2026-12-04", "assignee": "ana"},
            {"id": "t3", "title": "Brief", "hours": 4, "due": "2026-12-03", "assignee": "ana", "skills_required": ["german"]},
            {"id": "t9", "title": "Spanish RFP", "hours": 4, "skills_required": ["spanish"]}
        ],
        "requests": {"balance": {"from": "2026-11-30", "to": "2026-12-04"}}
    });
    std::fs::write(&team, doc.to_string()).expect("write");
    let db_s = db.as_os_str();
    let out = meridian(&["import".as_ref(), team.as_os_str(), "--db".as_ref(), db_s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = meridian(&["balance".as_ref(), "--db".as_ref(), db_s]);
    let table = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [
        "CAPACITY",
        "ana",
        "bo",
        "lacks skills: german",
        "no rep has skills: spanish",
        "(proven optimal)",
    ] {
        assert!(table.contains(needle), "{needle:?} missing in:\n{table}");
    }

    let out = meridian(&[
        "balance".as_ref(),
        "--db".as_ref(),
        db_s,
        "--apply".as_ref(),
        "--json".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).expect("json");

    let m = meridian::Meridian::open(&db).expect("open");
    let stored = m.scenario().expect("load");
    for a in plan["assignments"].as_array().expect("list") {
        let t = stored
            .tasks
            .iter()
            .find(|t| t.id == a["task"])
            .expect("task");
        assert_eq!(t.assignee.as_deref(), a["rep"].as_str(), "{}", a["task"]);
    }
    // Balanced already: nothing more to move.
    let again = m.balance_stored(None, None).expect("plan");
    assert_eq!(again.objective.moves, 0);
    assert_eq!(
        again.objective.max_utilization,
        plan["objective"]["max_utilization"].as_f64()
    );
}

#[test]
fn without_a_stored_window_from_and_to_are_required_or_defaulted() {
    let mut m = meridian::Meridian::open_in_memory().expect("db");
    m.import_document(meridian::SAMPLE_TEAM, "sample")
        .expect("sample");
    let d = |s: &str| meridian::model::parse_date(s).expect("date");
    let a = m.balance_stored(Some(d("2026-12-07")), None).expect("plan");
    assert_eq!((a.from, a.to), (d("2026-12-07"), d("2026-12-20")));
    let err = m
        .balance_stored(Some(d("2026-12-07")), Some(d("2026-12-01")))
        .expect_err("reversed window");
    assert_eq!(err.code(), meridian::ErrorCode::Invalid);
    assert!(
        err.problems().iter().any(|p| p.path == "to"),
        "{:?}",
        err.problems()
    );
}
