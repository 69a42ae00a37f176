//! The `meridian` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn meridian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("meridian-cli-test-data"),
        )
        .output()
        .expect("meridian runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn version_names_the_zone_data_release() {
    let out = meridian(&["--version"]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("IANA tzdata 2026"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn import_then_export_gives_back_an_equivalent_document() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let src = dir.path().join("team.json");
    std::fs::write(&src, meridian::SAMPLE_TEAM).expect("write");
    let db_s = db.to_str().expect("utf8 path");
    let out = meridian(&["import", src.to_str().expect("path"), "--db", db_s]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("25 reps"),
        "{}",
        text(&out.stdout)
    );
    let out = meridian(&["export", "--db", db_s]);
    assert!(out.status.success());
    let back = meridian::io::scenario::parse_document(&text(&out.stdout), "export").expect("valid");
    let orig =
        meridian::io::scenario::parse_document(meridian::SAMPLE_TEAM, "sample").expect("valid");
    assert_eq!(back, orig);
    let out_file = dir.path().join("out.json");
    let out = meridian(&["export", out_file.to_str().expect("path"), "--db", db_s]);
    assert!(out.status.success());
    assert!(Path::new(&out_file).exists());
}

#[test]
fn an_unknown_zone_is_rejected_naming_the_path_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db_s = db.to_str().expect("utf8 path");
    let good = dir.path().join("good.json");
    std::fs::write(&good, meridian::SAMPLE_TEAM).expect("write");
    assert!(
        meridian(&["import", good.to_str().expect("p"), "--db", db_s])
            .status
            .success()
    );
    let before = meridian(&["export", "--db", db_s]).stdout;

    let bad = dir.path().join("bad.json");
    let doc = meridian::SAMPLE_TEAM.replacen("\"Europe/London\"", "\"Europe/Londres\"", 1);
    std::fs::write(&bad, doc).expect("write");
    let out = meridian(&["import", bad.to_str().expect("p"), "--db", db_s]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.json: "), "{err}");
    assert!(
        err.contains(".time_zone: unknown time zone \"Europe/Londres\""),
        "{err}"
    );
    assert_eq!(meridian(&["export", "--db", db_s]).stdout, before);
}

#[test]
fn reps_list_prints_a_table_or_json() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db_s = db.to_str().expect("utf8 path");
    let src = dir.path().join("team.json");
    std::fs::write(&src, meridian::SAMPLE_TEAM).expect("write");
    assert!(
        meridian(&["import", src.to_str().expect("p"), "--db", db_s])
            .status
            .success()
    );
    let out = meridian(&["reps", "list", "--db", db_s]);
    let table = text(&out.stdout);
    assert!(table.starts_with("ID"), "{table}");
    assert_eq!(table.lines().count(), 26);
    let out = meridian(&["reps", "list", "--json", "--db", db_s]);
    let reps: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(reps.as_array().map(Vec::len), Some(25));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let out = meridian(&[
        "import",
        "/nonexistent/team.json",
        "--db",
        db.to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/team.json"));
}

fn sample_db(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("m.db");
    let src = dir.path().join("team.json");
    std::fs::write(&src, meridian::SAMPLE_TEAM).expect("write");
    let db_s = db.to_str().expect("utf8 path").to_string();
    assert!(
        meridian(&["import", src.to_str().expect("p"), "--db", &db_s])
            .status
            .success()
    );
    db_s
}

#[test]
fn suggest_meeting_answers_an_ad_hoc_request_on_the_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let out = meridian(&[
        "suggest-meeting",
        "--db",
        &db,
        "--required",
        "hana,omar",
        "--optional",
        "kai",
        "--duration",
        "45",
        "--from",
        "2026-12-07",
        "--to",
        "2026-12-11",
        "--tz",
        "America/Los_Angeles",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ans: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(ans["request"], "ad-hoc");
    let first = &ans["suggestions"][0];
    assert_eq!(first["attendees"].as_array().map(Vec::len), Some(3));
    assert!(first["cost"].as_i64().is_some());
}

#[test]
fn suggest_meeting_prints_a_readable_table_without_json() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let out = meridian(&["suggest-meeting", "--db", &db, "--request", "team-sync"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.starts_with("request team-sync"), "{t}");
    assert!(t.contains(" 1. 2026-"), "{t}");
}

#[test]
fn suggest_meeting_refuses_a_bad_ad_hoc_request_naming_the_field() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let out = meridian(&[
        "suggest-meeting",
        "--db",
        &db,
        "--required",
        "hana,nobody",
        "--from",
        "2026-12-07",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("required[1]: unknown rep \"nobody\""), "{err}");
}

#[test]
fn an_unknown_request_id_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let out = meridian(&[
        "suggest-meeting",
        "--db",
        &db,
        "--request",
        "nope",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no meeting request \"nope\""));
}

#[test]
fn a_broken_scenario_file_names_the_file_and_path() {
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("bad.json");
    let doc =
        meridian::SAMPLE_TEAM.replacen("\"duration_minutes\": 45", "\"duration_minutes\": 0", 1);
    std::fs::write(&bad, doc).expect("write");
    let out = meridian(&[
        "suggest-meeting",
        "--scenario",
        bad.to_str().expect("p"),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.json: "), "{err}");
    assert!(err.contains("duration_minutes: must be >= 1"), "{err}");
    assert!(out.stdout.is_empty());
}

/// ana (London 09:00–15:00, stretch to 18:00) and kim (New York
/// 09:00–17:00, stretch from 08:00) meet at no cost only at 14:00 London.
const TWO_ZONES: &str = r#"{"format": "meridian.scenario/1",
  "reps": [{"id": "ana", "time_zone": "Europe/London",
            "working_hours": {"mon": [["09:00","15:00"]], "tue": [["09:00","15:00"]], "wed": [["09:00","15:00"]]},
            "stretch_hours": {"mon": [["15:00","18:00"]], "tue": [["15:00","18:00"]], "wed": [["15:00","18:00"]]}},
           {"id": "kim", "time_zone": "America/New_York",
            "stretch_hours": {"mon": [["08:00","09:00"]], "tue": [["08:00","09:00"]], "wed": [["08:00","09:00"]]}}],
  "requests": {"meetings": [{"id": "sync", "duration_minutes": 60, "required": ["ana", "kim"],
    "from": "2026-12-07", "to": "2026-12-09", "time_zone": "Europe/London", "max_results": 3}]}}"#;

#[test]
fn suggest_meeting_is_exact_with_json_and_varied_for_reading() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("two.json");
    std::fs::write(&file, TWO_ZONES).expect("write");
    let f = file.to_str().expect("p");
    let starts = |args: &[&str]| -> Vec<String> {
        let out = meridian(args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let ans: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        ans["suggestions"]
            .as_array()
            .expect("list")
            .iter()
            .map(|s| s["start"].as_str().expect("start").to_string())
            .collect()
    };
    let exact = starts(&[
        "suggest-meeting",
        "--scenario",
        f,
        "--request",
        "sync",
        "--json",
    ]);
    assert_eq!(
        exact,
        [
            "2026-12-07T14:00:00Z",
            "2026-12-08T14:00:00Z",
            "2026-12-09T14:00:00Z"
        ]
    );
    let flagged = starts(&[
        "suggest-meeting",
        "--scenario",
        f,
        "--request",
        "sync",
        "--json",
        "--exact",
    ]);
    assert_eq!(flagged, exact);
    let varied = starts(&[
        "suggest-meeting",
        "--scenario",
        f,
        "--request",
        "sync",
        "--json",
        "--varied",
    ]);
    assert_eq!(
        varied,
        [
            "2026-12-07T14:00:00Z",
            "2026-12-08T14:00:00Z",
            "2026-12-07T13:00:00Z"
        ]
    );
    let out = meridian(&["suggest-meeting", "--scenario", f, "--request", "sync"]);
    let t = text(&out.stdout);
    assert!(t.contains("Varied list:") && t.contains("--exact"), "{t}");
    assert!(t.contains("2026-12-07T13:00 UTC"), "{t}");
    let out = meridian(&[
        "suggest-meeting",
        "--scenario",
        f,
        "--request",
        "sync",
        "--exact",
    ]);
    assert!(
        !text(&out.stdout).contains("Varied"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn suggest_meeting_takes_a_quorum_and_names_a_bad_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let ad_hoc = |quorum: &str| {
        meridian(&[
            "suggest-meeting",
            "--db",
            &db,
            "--required",
            "hana",
            "--optional",
            "kai,omar",
            "--from",
            "2026-12-07",
            "--to",
            "2026-12-11",
            "--min-optional",
            quorum,
            "--json",
        ])
    };
    let out = ad_hoc("100%");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ans: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for s in ans["suggestions"].as_array().expect("list") {
        for a in s["attendees"].as_array().expect("attendees") {
            assert_ne!(a["status"], "unavailable", "{s}");
        }
    }
    let out = ad_hoc("3");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("min_optional: asks for 3 optional attendees, but the request has 2"),
        "{err}"
    );
    let out = ad_hoc("most");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--min-optional: expected a count"),
        "{}",
        text(&out.stderr)
    );
}

// ---- Items, read-only opening, closed pipes, backups --------------------------

/// Runs `meridian` with `input` on stdin.
fn meridian_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("meridian-cli-test-data"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meridian runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("meridian ends")
}

fn rep_json(db: &str, id: &str) -> serde_json::Value {
    let out = meridian(&["reps", "list", "--json", "--db", db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let reps: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    reps.as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == id).cloned())
        .unwrap_or(serde_json::Value::Null)
}

#[test]
fn put_creates_a_rep_then_replaces_it_by_id() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let file = dir.path().join("rep.json");
    std::fs::write(
        &file,
        r#"{"id": "zed", "name": "Zed", "time_zone": "Asia/Tokyo"}"#,
    )
    .expect("write");
    let out = meridian(&["reps", "put", file.to_str().expect("p"), "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("created rep \"zed\""));
    let zed = rep_json(&db, "zed");
    assert_eq!(zed["time_zone"], "Asia/Tokyo");
    // The document's defaults fill what the object leaves out.
    assert_eq!(zed["capacity_hours_per_week"], 40);

    let out = meridian_with_stdin(
        &["reps", "put", "-", "--db", &db],
        r#"{"id": "zed", "name": "Zed Z", "time_zone": "Europe/Paris", "team": "emea-mid-market"}"#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("replaced rep \"zed\""));
    let zed = rep_json(&db, "zed");
    assert_eq!(zed["name"], "Zed Z");
    assert_eq!(zed["time_zone"], "Europe/Paris");
    let reps = meridian(&["reps", "list", "--json", "--db", &db]);
    let all: serde_json::Value = serde_json::from_slice(&reps.stdout).expect("json");
    assert_eq!(all.as_array().map(Vec::len), Some(26));
}

#[test]
fn put_with_a_stale_revision_is_refused_naming_the_rep_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let mut hana = rep_json(&db, "hana");
    let seen = hana["revision"].as_i64().expect("a revision");
    // Someone else saves hana after we read her.
    let mut other = hana.clone();
    other["name"] = "Hana (app)".into();
    let out = meridian_with_stdin(&["reps", "put", "-", "--db", &db], &other.to_string());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = meridian(&["export", "--db", &db]).stdout;

    hana["name"] = "Hana (script)".into();
    hana["revision"] = seen.into();
    let out = meridian_with_stdin(&["reps", "put", "-", "--db", &db], &hana.to_string());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("rep \"hana\""), "{err}");
    assert!(err.contains("changed"), "{err}");
    assert_eq!(meridian(&["export", "--db", &db]).stdout, before);
}

#[test]
fn put_with_an_unknown_zone_names_the_field_and_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let before = meridian(&["export", "--db", &db]).stdout;
    let file = dir.path().join("kai.json");
    std::fs::write(&file, r#"{"id": "kai", "time_zone": "Asia/Tokio"}"#).expect("write");
    let out = meridian(&["reps", "put", file.to_str().expect("p"), "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("kai.json: time_zone: unknown time zone \"Asia/Tokio\""),
        "{err}"
    );
    let out = meridian_with_stdin(
        &["reps", "put", "-", "--db", &db],
        r#"{"id": "kai", "time_zone": "UTC", "team": "nowhere"}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("stdin: team: unknown team \"nowhere\""),
        "{err}"
    );
    assert_eq!(meridian(&["export", "--db", &db]).stdout, before);
}

#[test]
fn remove_takes_the_rep_out_of_the_team() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let out = meridian(&["reps", "remove", "kai", "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(rep_json(&db, "kai"), serde_json::Value::Null);
    let out = meridian(&["reps", "remove", "kai", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no rep with id \"kai\""));
}

#[test]
fn list_json_carries_each_items_revision() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    for kind in ["reps", "teams", "offices", "meetings", "tasks"] {
        let out = meridian(&[kind, "list", "--json", "--db", &db]);
        assert!(out.status.success(), "{kind}: {}", text(&out.stderr));
        let items: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let items = items.as_array().expect("an array");
        assert!(!items.is_empty(), "{kind}");
        assert!(
            items.iter().all(|i| i["revision"].as_i64().is_some()),
            "{kind}"
        );
        let table = meridian(&[kind, "list", "--db", &db]);
        assert_eq!(text(&table.stdout).lines().count(), items.len() + 1);
    }
}

#[test]
fn reps_list_refuses_a_foreign_sqlite_file_naming_it_and_leaves_it_unchanged() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE foo (x INTEGER); INSERT INTO foo VALUES (1);")
            .expect("create");
    }
    let before = std::fs::read(&path).expect("read");
    let p = path.to_str().expect("p");
    let out = meridian(&["reps", "list", "--db", p]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains(p), "{err}");
    assert!(err.contains("not a Meridian database"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn reps_list_on_a_database_from_a_newer_meridian_says_so() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch("PRAGMA user_version = 99;")
            .expect("pragma");
    }
    let out = meridian(&["reps", "list", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("newer Meridian"), "{err}");
    assert!(err.contains(&db), "{err}");
}

#[test]
fn reps_list_on_a_missing_path_creates_no_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("sub").join("none.db");
    let out = meridian(&["reps", "list", "--db", path.to_str().expect("p")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!path.exists());
    assert!(!dir.path().join("sub").exists());
}

#[test]
fn export_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(["export", "--db", &db])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meridian runs");
    let mut head = [0u8; 10];
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_exact(&mut head).expect("10 bytes");
        // Dropping the reader closes the pipe, as `| head -c 10` does.
    }
    let out = child.wait_with_output().expect("meridian ends");
    let err = text(&out.stderr);
    assert!(out.status.success(), "{:?} {err}", out.status);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn restore_brings_back_a_backup_and_keeps_a_snapshot_of_what_it_replaced() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = sample_db(&dir);
    let saved = dir.path().join("before-change.db");
    let saved_s = saved.to_str().expect("p");
    let out = meridian(&["backup", saved_s, "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(saved_s));

    let out = meridian_with_stdin(
        &["reps", "put", "-", "--db", &db],
        r#"{"id": "newbie", "time_zone": "Africa/Nairobi"}"#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = meridian(&["restore", saved_s, "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("25 reps"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(rep_json(&db, "newbie"), serde_json::Value::Null);

    let out = meridian(&["backups", "--json", "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let snapshot = list
        .as_array()
        .and_then(|l| l.iter().find(|b| b["counts"]["reps"] == 26))
        .expect("a snapshot holding the change");
    let snap_path = snapshot["path"].as_str().expect("path");
    assert!(text(&meridian(&["reps", "list", "--db", snap_path]).stdout).contains("newbie"));
    let table = text(&meridian(&["backups", "--db", &db]).stdout);
    assert!(table.contains("26 reps"), "{table}");
}

#[test]
fn help_groups_the_commands_and_errors_name_the_command_to_run_next() {
    let help = meridian(&["--help"]);
    assert!(help.status.success());
    let help = text(&help.stdout);
    for heading in [
        "Your team:",
        "Planning:",
        "Calendars:",
        "Files:",
        "Backups:",
    ] {
        assert!(help.contains(heading), "{heading} missing in\n{help}");
    }
    assert!(!help.contains("contract"), "{help}");

    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db = db.to_str().expect("utf-8 path");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sample/sample-team.json");
    assert!(meridian(&["--db", db, "import", sample]).status.success());

    let out = meridian(&["--db", db, "meetings", "remove", "no-such-meeting"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("error: no meeting with id \"no-such-meeting\""),
        "{err}"
    );
    assert!(
        err.contains("\nhint: `meridian meetings list` shows the stored meetings and their ids"),
        "{err}"
    );

    let typo = dir.path().join("typo.db");
    let out = meridian(&["--db", db, "restore", typo.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("no such backup; nothing was changed"), "{err}");
    assert!(
        err.contains("hint: `meridian backups` lists the snapshots"),
        "{err}"
    );
    let reps = text(&meridian(&["--db", db, "reps", "list"]).stdout);
    assert!(
        reps.lines().count() > 20,
        "the team is still there:\n{reps}"
    );
}

#[test]
fn undo_and_redo_on_the_command_line_bring_back_a_removed_meeting_and_remove_it_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db = db.to_str().expect("utf-8 path");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sample/sample-team.json");
    assert!(meridian(&["--db", db, "import", sample]).status.success());
    let before = text(&meridian(&["--db", db, "export"]).stdout);
    let list = text(&meridian(&["--db", db, "meetings", "list", "--json"]).stdout);
    let meetings: serde_json::Value = serde_json::from_str(&list).expect("json");
    let id = meetings[0]["id"].as_str().expect("an id").to_string();

    assert!(meridian(&["--db", db, "meetings", "remove", &id])
        .status
        .success());
    assert_ne!(text(&meridian(&["--db", db, "export"]).stdout), before);
    let out = meridian(&["--db", db, "undo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Undone: "),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(text(&meridian(&["--db", db, "export"]).stdout), before);

    // The import before it is not undone this way: it kept a backup.
    let out = meridian(&["--db", db, "undo"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("nothing to undo") && err.contains("hint: "),
        "{err}"
    );

    let out = meridian(&["--db", db, "redo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&meridian(&["--db", db, "meetings", "list", "--json"]).stdout);
    assert!(
        !list.contains(&format!("\"id\":\"{id}\"")),
        "{id} is removed again"
    );
}
