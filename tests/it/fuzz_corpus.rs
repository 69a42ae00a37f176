//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/`) through the
//! same entry points and checks as the fuzz targets (`fuzz/fuzz_targets/`),
//! so every input the fuzzer ever kept, and every crash it found, is checked
//! by a plain `cargo test` on stable Rust.
//!
//! `csv_reps` and `scenario` must exist; `ics_import`'s corpus is replayed
//! beside the ICS import's tests (`tests/it/ics.rs`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use meridian::io::scenario::{parse_document, to_document};
use meridian::io::{csv_cells, csv_reps};
use meridian::model::Scenario;

fn corpus(target: &str) -> Option<Vec<PathBuf>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let entries = std::fs::read_dir(dir).ok()?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Some(files)
}

/// Runs `check` on every file of the corpus; fails naming every file that panics.
fn replay(target: &str, files: Vec<PathBuf>, check: impl Fn(&[u8])) {
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
    let mut failed = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("corpus file readable");
        if catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err() {
            failed.push(file.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: panicked on {failed:#?}");
}

/// The `csv_reps` fuzz target's body.
fn csv_reps_check(data: &[u8], sample: &Scenario) {
    let Ok(text) = csv_cells::decode(data) else {
        return;
    };
    let _ = csv_reps::preview(&Scenario::default(), text);
    let (preview, merged) = csv_reps::preview(sample, text);
    if let Some(merged) = merged {
        assert!(preview.errors.is_empty());
        let again = csv_reps::export(&merged.reps);
        let (p2, m2) = csv_reps::preview(&merged, &again);
        assert!(p2.errors.is_empty(), "re-import refused: {:?}", p2.errors);
        assert_eq!(m2.map(|s| s.reps).as_ref(), Some(&merged.reps));
    }
}

/// The `scenario` fuzz target's body.
fn scenario_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sc) = parse_document(text, "fuzz") {
        let again = parse_document(&to_document(&sc), "export");
        assert_eq!(again.as_ref().ok(), Some(&sc));
    }
}

#[test]
fn the_csv_reps_corpus_replays_without_a_panic() {
    let files = corpus("csv_reps").expect("fuzz/corpus/csv_reps exists");
    let sample = parse_document(meridian::SAMPLE_TEAM, "sample").expect("sample");
    replay("csv_reps", files, |b| csv_reps_check(b, &sample));
}

#[test]
fn the_scenario_corpus_replays_without_a_panic() {
    let files = corpus("scenario").expect("fuzz/corpus/scenario exists");
    replay("scenario", files, scenario_check);
}
