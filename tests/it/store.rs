//! The SQLite store: migrations from empty, pragmas, all-or-nothing imports.

use meridian::{ErrorCode, Meridian};

#[test]
fn a_new_database_is_migrated_to_the_latest_schema() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("nested/folder/meridian.db");
    let m = Meridian::open(&path).expect("open creates folders");
    assert!(m.scenario().expect("empty").reps.is_empty());
    drop(m);
    let conn = rusqlite::Connection::open(&path).expect("reopen");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version as usize, meridian::store::latest_version());
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_what_was_stored() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("m.db");
    let mut m = Meridian::open(&path).expect("open");
    m.load_sample_team().expect("sample");
    let before = m.scenario().expect("read");
    drop(m);
    let m = Meridian::open(&path).expect("reopen");
    assert_eq!(m.scenario().expect("read"), before);
}

#[test]
fn the_connection_enforces_foreign_keys() {
    let conn = meridian::store::open_in_memory().expect("db");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(fk, 1);
    let err = conn.execute(
        "INSERT INTO office_days (rep, date, office) VALUES ('ghost', '2026-12-01', 'nowhere')",
        [],
    );
    assert!(err.is_err());
}

#[test]
fn an_invalid_document_leaves_the_database_untouched() {
    let mut m = Meridian::open_in_memory().expect("db");
    m.load_sample_team().expect("sample");
    let before = m.export_document().expect("export");
    let bad = meridian::SAMPLE_TEAM.replacen("America/Los_Angeles", "America/Atlantis", 1);
    let err = m.import_document(&bad, "bad.json").expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Invalid);
    let problems = err.problems();
    assert!(problems[0].path.ends_with(".time_zone"), "{problems:?}");
    assert!(err.to_string().starts_with("bad.json: "), "{err}");
    assert_eq!(m.export_document().expect("export"), before);
}

#[test]
fn a_file_that_is_not_utf8_is_an_io_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("latin1.json");
    std::fs::write(&path, [0x7b, 0xe9, 0x7d]).expect("write");
    let mut m = Meridian::open_in_memory().expect("db");
    let err = m.import_file(&path).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("latin1.json"), "{err}");
}
