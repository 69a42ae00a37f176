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

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// The version-1 database in tests/fixtures/store was made by Meridian 0.1
/// before store v2 (the sample team with 217 accepted office days); its
/// export then is meridian-v1.json.
#[test]
fn a_version_1_database_is_migrated_keeping_every_row_after_a_backup() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    std::fs::copy(fixture("meridian-v1.db"), &db).expect("copy fixture");
    let expected = meridian::io::scenario::parse_document(
        &std::fs::read_to_string(fixture("meridian-v1.json")).expect("expected"),
        "meridian-v1.json",
    )
    .expect("expected parses");
    assert_eq!(expected.office_days.len(), 217);

    let mut m = Meridian::open(&db).expect("migrates");
    assert_eq!(m.scenario().expect("read"), expected, "every row kept");
    let conn = rusqlite::Connection::open(&db).expect("side connection");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version as usize, meridian::store::latest_version());
    drop(conn);

    let backups = m.backups().expect("backups");
    assert_eq!(backups.len(), 1, "{backups:?}");
    let marker = format!("before-v{}", meridian::store::latest_version());
    assert!(backups[0].file.contains(&marker), "{}", backups[0].file);
    assert!(backups[0].automatic);
    assert_eq!(backups[0].counts.map(|c| c.reps), Some(25));
    // The snapshot is the version-1 file as it was: it reads the same team.
    let old = Meridian::open_read_only(std::path::Path::new(&backups[0].path)).expect("backup");
    assert_eq!(old.scenario().expect("read backup"), expected);

    // And the migrated database takes per-item writes.
    let mut rep = m.list::<meridian::model::Rep>().expect("list").remove(0);
    rep.item.name = "Migrated".into();
    m.update(rep.item, Some(rep.revision))
        .expect("write after migrating");
}

#[test]
fn reading_a_version_1_database_changes_nothing_on_disk() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    std::fs::copy(fixture("meridian-v1.db"), &db).expect("copy fixture");
    let before = file_bytes(&db);
    let m = Meridian::open_read_only(&db).expect("reads");
    assert_eq!(m.scenario().expect("read").reps.len(), 25);
    drop(m);
    assert_eq!(file_bytes(&db), before, "not migrated, not rewritten");
    assert!(!dir.path().join("backups").exists());
    // A WAL reader may leave SQLite's shared-memory side files, as every
    // SQLite reader does, but writes nothing into them.
    let wal = dir.path().join("meridian.db-wal");
    assert!(
        !wal.exists() || file_bytes(&wal).is_empty(),
        "nothing logged"
    );
}

#[test]
fn a_database_from_a_newer_meridian_is_refused_untouched_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("future.db");
    drop(Meridian::open(&db).expect("create"));
    let conn = rusqlite::Connection::open(&db).expect("side");
    conn.execute_batch("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;")
        .expect("bump");
    drop(conn);
    let before = file_bytes(&db);
    for result in [Meridian::open(&db), Meridian::open_read_only(&db)] {
        let err = result.err().expect("refused");
        let text = err.to_string();
        assert!(text.contains("future.db"), "{text}");
        let says = format!(
            "made by a newer Meridian (schema 99); this version reads up to {}",
            meridian::store::latest_version()
        );
        assert!(text.contains(&says), "{text}");
    }
    assert_eq!(file_bytes(&db), before);
}

#[test]
fn a_foreign_sqlite_file_or_a_non_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let other = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&other).expect("foreign");
    conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
        .expect("schema");
    drop(conn);
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "just some notes, not a database\n").expect("write");
    for path in [&other, &text] {
        let before = file_bytes(path);
        for result in [Meridian::open(path), Meridian::open_read_only(path)] {
            let err = result.err().expect("refused").to_string();
            assert!(err.contains(&path.display().to_string()), "{err}");
            assert!(err.contains("is not a Meridian database"), "{err}");
        }
        assert_eq!(file_bytes(path), before, "{}", path.display());
    }
    let entries = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(entries, 2, "no -wal, -shm or backups made");
}

#[test]
fn reading_a_missing_database_creates_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("not-yet/meridian.db");
    let m = Meridian::open_read_only(&db).expect("an empty team");
    assert!(m.scenario().expect("read").reps.is_empty());
    assert!(!dir.path().join("not-yet").exists());
}

#[test]
fn a_backup_restores_the_team_and_the_replaced_data_is_kept_in_a_snapshot() {
    meridian::api::verify_writes(true);
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    let mut m = Meridian::open(&db).expect("open");
    m.load_sample_team().expect("sample");
    let saved = m.backup(None).expect("backup");
    assert!(saved.starts_with(dir.path().join("backups")));
    let before = m.scenario().expect("read");

    let rep = m.list::<meridian::model::Rep>().expect("list").remove(0);
    m.delete::<meridian::model::Rep>(&rep.item.id, None)
        .expect("delete");
    let after_delete = m.scenario().expect("read");

    let explicit = dir.path().join("elsewhere.db");
    m.backup(Some(&explicit)).expect("to a file");
    let err = m.backup(Some(&explicit)).expect_err("never over a file");
    assert!(err.to_string().contains("exists already"), "{err}");

    m.restore(&saved).expect("restore");
    assert_eq!(
        m.scenario().expect("read"),
        before,
        "the backed-up team is back"
    );
    // The data the restore replaced is in an automatic snapshot.
    let snapshot = m
        .backups()
        .expect("list")
        .into_iter()
        .find(|b| b.file.contains("-restore"))
        .expect("a snapshot before restoring");
    let replaced = Meridian::open_read_only(std::path::Path::new(&snapshot.path)).expect("open");
    assert_eq!(replaced.scenario().expect("read"), after_delete);
}

#[test]
fn automatic_snapshots_keep_the_newest_ten() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    let mut m = Meridian::open(&db).expect("open");
    for _ in 0..13 {
        m.load_sample_team().expect("sample");
    }
    let backups = m.backups().expect("list");
    assert_eq!(backups.iter().filter(|b| b.automatic).count(), 10);
}

#[test]
fn a_restore_from_a_file_that_is_not_a_meridian_database_changes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    let mut m = Meridian::open(&db).expect("open");
    m.load_sample_team().expect("sample");
    let before = m.scenario().expect("read");
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "nope").expect("write");
    let err = m.restore(&junk).expect_err("refused");
    assert!(err.to_string().contains("junk.db"), "{err}");
    assert_eq!(m.scenario().expect("read"), before);
}

#[test]
fn a_restore_from_a_missing_or_empty_file_changes_nothing_and_keeps_no_snapshot() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("meridian.db");
    let mut m = Meridian::open(&db).expect("open");
    m.load_sample_team().expect("sample");
    let before = m.scenario().expect("read");
    let backups_before = m.backups().expect("list").len();
    let missing = dir.path().join("typo.db");
    let err = m.restore(&missing).expect_err("a missing file is refused");
    assert!(err.to_string().contains("typo.db"), "{err}");
    assert!(err.to_string().contains("no such backup"), "{err}");
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").expect("write");
    let err = m.restore(&empty).expect_err("an empty file is refused");
    assert!(err.to_string().contains("empty file"), "{err}");
    assert_eq!(m.scenario().expect("read"), before);
    assert_eq!(m.backups().expect("list").len(), backups_before);
}
