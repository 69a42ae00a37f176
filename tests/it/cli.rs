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
