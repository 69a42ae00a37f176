//! `meridian agenda` (contract §5) through the binary: a weekly London call
//! seen from New York moves by an hour in the weeks between the two zones'
//! March DST changes, time off and office days are listed as days, and bad
//! input is refused naming what is wrong.

use std::process::Command;

use serde_json::{json, Value};

fn scenario() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "offices": [{"id": "nyc", "time_zone": "America/New_York", "desks": 4}],
        "reps": [
            {"id": "kim", "time_zone": "America/New_York", "office": "nyc",
             "time_off": [{"start": "2026-03-19", "end": "2026-03-19"}]},
            {"id": "lee", "time_zone": "Europe/London"}
        ],
        "meetings": [{"id": "sync", "title": "EMEA sync", "start": "2026-03-02T15:00",
                      "time_zone": "Europe/London", "duration_minutes": 30,
                      "rrule": "FREQ=WEEKLY;COUNT=6", "attendees": ["kim", "lee"]}],
        "office_days": [{"rep": "kim", "date": "2026-03-17", "office": "nyc"}]
    })
}

fn agenda(args: &[&str]) -> (bool, String, String) {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("team.json");
    std::fs::write(&file, scenario().to_string()).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .arg("agenda")
        .arg("--scenario")
        .arg(&file)
        .args(args)
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("meridian runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_london_call_moves_for_new_york_between_the_dst_changes() {
    let (ok, out, err) = agenda(&[
        "--rep",
        "kim",
        "--from",
        "2026-03-02",
        "--to",
        "2026-04-05",
        "--json",
    ]);
    assert!(ok, "{err}");
    let a: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(a["rep"], "kim");
    assert_eq!(a["time_zone"], "America/New_York");
    let starts: Vec<&str> = a["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["kind"] == "meeting")
        .map(|i| i["local_start"].as_str().expect("local start"))
        .collect();
    // 15:00 London is 10:00 New York, except 9–27 March (New York on
    // daylight time, London not yet): 11:00.
    assert_eq!(
        starts,
        [
            "2026-03-02T10:00",
            "2026-03-09T11:00",
            "2026-03-16T11:00",
            "2026-03-23T11:00",
            "2026-03-30T10:00",
            "2026-04-06T10:00"
        ][..5]
    );
    let first = &a["items"][0];
    assert_eq!(first["start"], "2026-03-02T15:00:00Z");
    assert_eq!(first["end"], "2026-03-02T15:30:00Z");
    assert_eq!(first["title"], "EMEA sync");
    let days: Vec<&Value> = a["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["kind"] != "meeting")
        .collect();
    assert_eq!(
        days,
        [
            &json!({"kind": "office_day", "date": "2026-03-17", "office": "nyc"}),
            &json!({"kind": "time_off", "date": "2026-03-19"})
        ]
    );
}

#[test]
fn the_text_agenda_reads_day_by_day() {
    let (ok, out, err) = agenda(&["--rep", "kim", "--from", "2026-03-16", "--to", "2026-03-19"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("kim (America/New_York)\n"), "{out}");
    assert!(
        out.contains("Mon 16 Mar 2026\n  11:00–11:30  EMEA sync [sync]\n"),
        "{out}"
    );
    assert!(
        out.contains("Tue 17 Mar 2026\n  in the office: nyc\n"),
        "{out}"
    );
    assert!(out.contains("Thu 19 Mar 2026\n  time off\n"), "{out}");
}

#[test]
fn bad_agenda_requests_say_what_is_wrong() {
    let (ok, _, err) = agenda(&["--rep", "zed", "--from", "2026-03-02", "--to", "2026-03-08"]);
    assert!(!ok);
    assert!(err.contains("unknown rep \"zed\""), "{err}");
    let (ok, _, err) = agenda(&["--rep", "kim", "--from", "2026-03-08", "--to", "2026-03-02"]);
    assert!(!ok);
    assert!(err.contains("2026-03-08 to 2026-03-02"), "{err}");
    let (ok, _, err) = agenda(&["--rep", "kim", "--from", "March 2"]);
    assert!(!ok);
    assert!(
        err.contains("--from") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}
