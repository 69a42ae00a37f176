//! import → database → export gives an equivalent document: for every contract
//! example, the bundled sample team and generated teams of 2,000 reps.

use meridian::io::scenario::parse_document;
use meridian::Meridian;

use crate::shared;

fn round_trip(text: &str, source: &str) {
    let original = parse_document(text, source).expect("source document is valid");
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(text, source).expect("import");
    let exported = m.export_document().expect("export");
    let again = parse_document(&exported, "export").expect("exported document is valid");
    assert_eq!(again, original, "{source}: export differs from the import");
    // Exporting twice gives the same bytes.
    m.import_document(&exported, "export").expect("re-import");
    assert_eq!(m.export_document().expect("export"), exported);
}

#[test]
fn every_contract_example_survives_a_round_trip() {
    for path in shared::examples() {
        let text = std::fs::read_to_string(&path).expect("example readable");
        round_trip(&text, &path.display().to_string());
    }
}

#[test]
fn the_sample_team_survives_a_round_trip() {
    round_trip(meridian::SAMPLE_TEAM, "sample");
}

#[test]
fn generated_teams_of_two_thousand_reps_survive_a_round_trip() {
    for (zones, seed) in [("global", "1"), ("mixed", "2"), ("emea", "3")] {
        let Some(text) = shared::generate(&[
            "--reps",
            "2000",
            "--offices",
            "40",
            "--teams",
            "200",
            "--weeks",
            "4",
            "--tasks",
            "3000",
            "--seed",
            seed,
            "--zones",
            zones,
        ]) else {
            eprintln!("../shared is missing: generated round trips not checked");
            return;
        };
        round_trip(&text, &format!("generated {zones} {seed}"));
    }
}

#[test]
fn exported_documents_pass_the_outside_validator() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut sources: Vec<(String, String)> = shared::examples()
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    sources.push(("sample".into(), meridian::SAMPLE_TEAM.to_string()));
    for (name, text) in sources {
        let mut m = Meridian::open_in_memory().expect("db");
        m.import_document(&text, &name).expect("import");
        let out = dir.path().join("export.json");
        std::fs::write(&out, m.export_document().expect("export")).expect("write");
        let Some((code, said)) = shared::outside_validate(&out) else {
            eprintln!("../shared is missing: outside validation not run");
            return;
        };
        assert_eq!(
            code, 0,
            "{name}: outside validator refused the export: {said}"
        );
    }
}
