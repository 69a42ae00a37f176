//! Arbitrary bytes through the reps CSV import: decoding, the preview
//! against an empty team and the bundled sample team, and, when the preview
//! accepts the file, the export of the merged reps read back unchanged.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use meridian::io::{csv_cells, csv_reps};
use meridian::model::Scenario;

fn sample() -> &'static Scenario {
    static SAMPLE: OnceLock<Scenario> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        meridian::io::scenario::parse_document(meridian::SAMPLE_TEAM, "sample").unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = csv_cells::decode(data) else {
        return;
    };
    let _ = csv_reps::preview(&Scenario::default(), text);
    let (preview, merged) = csv_reps::preview(sample(), text);
    if let Some(merged) = merged {
        assert!(preview.errors.is_empty());
        // Export → import is the identity on what was accepted.
        let again = csv_reps::export(&merged.reps);
        let (p2, m2) = csv_reps::preview(&merged, &again);
        assert!(p2.errors.is_empty(), "re-import refused: {:?}", p2.errors);
        let m2 = m2.map(|s| s.reps);
        assert_eq!(
            m2.as_ref(),
            Some(&merged.reps),
            "export does not round-trip"
        );
    }
});
