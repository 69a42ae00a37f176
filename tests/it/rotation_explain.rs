//! Long horizons lean (issue 14): a rotation's explanations are computed on
//! demand, one rep-week at a time (the app's board) or all of them for
//! `rotate-offices --json --explain`, and say exactly what the whole-plan
//! explanations said when every plan carried them; `--json` output is one
//! compact line unless `--pretty`.
//!
//! `tests/fixtures/rotation/generated-60.json` is a generated team
//! (`gen_scenario.py --reps 60 --offices 4 --teams 8 --weeks 3 --tasks 10
//! --seed 5 --zones global`: in-person meetings, time off, locks in and out);
//! `generated-60.explained.json` is the answer Meridian printed for it before
//! explanations were on demand, with its `explanations`, so the old
//! whole-plan path is the reference for the very same assignments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use serde_json::Value;

use meridian::io::scenario::parse_document;
use meridian::model::{Lock, Scenario};
use meridian::plan::rotation::{explain_plan, explain_rep_week, Explanations, RotationAnswer};
use meridian::Meridian;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rotation")
        .join(name)
}

/// The generated team, its locks, and the answer (with explanations) the
/// old whole-plan path printed for it.
fn reference() -> (Scenario, Vec<Lock>, RotationAnswer) {
    let path = fixture("generated-60.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let sc = parse_document(&text, "generated-60.json").expect("valid");
    let locks = sc
        .requests
        .rotation
        .as_ref()
        .expect("a request")
        .locks
        .clone();
    let answer: RotationAnswer = serde_json::from_str(
        &std::fs::read_to_string(fixture("generated-60.explained.json")).expect("fixture"),
    )
    .expect("an answer");
    (sc, locks, answer)
}

fn day(text: &str) -> NaiveDate {
    meridian::model::parse_date(text).expect("date")
}

#[test]
fn one_rep_week_explained_on_demand_says_what_the_whole_plan_said_before() {
    let (sc, locks, answer) = reference();
    let old = answer
        .explanations
        .clone()
        .expect("the old answer carried them");
    assert_eq!(old.len(), 168, "56 reps with an office × 3 weeks");
    let mut plan = answer.clone();
    plan.explanations = None;
    for e in &old {
        // Any day of the week names it: Monday, and the Thursday.
        let monday =
            NaiveDate::parse_from_str(&format!("{}-1", e.week), "%G-W%V-%u").expect("week");
        for date in [monday, monday + chrono::Duration::days(3)] {
            let mine = explain_rep_week(&sc, &plan, &locks, &e.rep, date).expect("explains");
            assert_eq!(mine.as_ref(), Some(e), "{} {}", e.rep, e.week);
        }
    }
    // All of them, in the answer's order, as `--explain` writes them.
    let all: Vec<_> = Explanations::new(&sc, &plan, &locks)
        .expect("explains")
        .collect();
    assert_eq!(all, old);
    assert_eq!(explain_plan(&sc, &plan, &locks).expect("explains"), old);
    // Every kind of reason is there to compare.
    let reasons: Vec<&str> = old
        .iter()
        .flat_map(|e| {
            e.days
                .iter()
                .flat_map(|d| d.reasons.iter().map(String::as_str))
        })
        .collect();
    for kind in [
        "locked in by the lead",
        "team anchor day",
        "teammates in",
        "preferred day",
        "in-person meeting: ",
        "weekly minimum of ",
    ] {
        assert!(reasons.iter().any(|r| r.contains(kind)), "no {kind:?}");
    }
    assert!(old
        .iter()
        .any(|e| e.summary.starts_with("remote this week")));
}

#[test]
fn a_rep_week_outside_the_plan_or_its_office_has_no_explanation() {
    let (sc, locks, answer) = reference();
    let mut plan = answer;
    plan.explanations = None;
    let rep = "r0001";
    assert!(explain_rep_week(&sc, &plan, &locks, rep, day("2026-03-02"))
        .expect("explains")
        .is_some());
    for date in ["2026-03-01", "2026-03-23"] {
        assert_eq!(
            explain_rep_week(&sc, &plan, &locks, rep, day(date)).expect("explains"),
            None,
            "{date} is outside the plan's weeks"
        );
    }
    assert_eq!(
        explain_rep_week(&sc, &plan, &locks, "nobody", day("2026-03-02")).expect("explains"),
        None
    );
    // A plan for one office explains that office's reps only, as before.
    let home = sc
        .reps
        .iter()
        .find(|r| r.id == rep)
        .and_then(|r| r.office.clone());
    let other = sc
        .reps
        .iter()
        .find(|r| r.office.is_some() && r.office != home)
        .expect("a rep elsewhere");
    let mut one = plan.clone();
    one.office = home;
    one.assignments
        .retain(|a| Some(&a.office) == one.office.as_ref());
    assert_eq!(
        explain_rep_week(&sc, &one, &locks, &other.id, day("2026-03-02")).expect("explains"),
        None
    );
    assert!(Explanations::new(&sc, &one, &locks)
        .expect("explains")
        .all(|e| Some(&e.office) == one.office.as_ref()));
    // An infeasible plan explains nothing.
    let mut infeasible = plan;
    infeasible.infeasible_reason = Some("no desks".into());
    infeasible.assignments.clear();
    assert_eq!(
        explain_rep_week(&sc, &infeasible, &locks, rep, day("2026-03-02")).expect("explains"),
        None
    );
    assert_eq!(
        Explanations::new(&sc, &infeasible, &locks)
            .expect("explains")
            .count(),
        0
    );
}

#[test]
fn the_app_explains_a_rep_week_from_what_is_stored_about_that_rep_alone() {
    let (_, locks, answer) = reference();
    let old = answer
        .explanations
        .clone()
        .expect("the old answer carried them");
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_file(&fixture("generated-60.json"))
        .expect("import");
    let mut plan = answer;
    plan.explanations = None;
    for e in &old {
        let monday =
            NaiveDate::parse_from_str(&format!("{}-1", e.week), "%G-W%V-%u").expect("week");
        let date = monday + chrono::Duration::days(2);
        let mine = m
            .rotation_explanation(&plan, &locks, &e.rep, date)
            .expect("reads");
        assert_eq!(mine.as_ref(), Some(e), "{} {}", e.rep, e.week);
    }
    assert_eq!(
        m.rotation_explanation(&plan, &locks, "nobody", day("2026-03-04"))
            .expect("reads"),
        None
    );
}

fn meridian(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("meridian runs")
}

/// Runs a `--json` command with and without `--pretty`: the default is one
/// line, the pretty one is indented, and both say the same.
fn compact_and_pretty(args: &[&str], db: &Path) -> Value {
    let compact = meridian(args, db);
    assert!(
        compact.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&compact.stderr)
    );
    let text = String::from_utf8(compact.stdout).expect("UTF-8");
    assert!(
        text.ends_with('\n') && text.matches('\n').count() == 1,
        "{args:?}: not one line: {:.200}",
        text
    );
    let mut with_pretty = args.to_vec();
    with_pretty.push("--pretty");
    let pretty = meridian(&with_pretty, db);
    assert!(pretty.status.success(), "{with_pretty:?}");
    let pretty_text = String::from_utf8(pretty.stdout).expect("UTF-8");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        serde_json::from_str::<Value>(&pretty_text).expect("JSON"),
        value,
        "{args:?}"
    );
    if value.is_object() || value.as_array().is_some_and(|a| !a.is_empty()) {
        assert!(
            pretty_text.lines().count() > 2,
            "{with_pretty:?} is indented"
        );
        assert!(pretty_text.len() > text.len());
    }
    value
}

#[test]
fn json_output_is_one_compact_line_unless_pretty_is_asked_for() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("team.db");
    let team = fixture("generated-60.json");
    let team = team.to_str().expect("path");
    let ok = meridian(&["import", team], &db);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let rotation = compact_and_pretty(&["rotate-offices", "--scenario", team, "--json"], &db);
    assert!(
        rotation.get("explanations").is_none(),
        "only with --explain"
    );
    assert!(rotation["assignments"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    compact_and_pretty(&["suggest-meeting", "--scenario", team, "--json"], &db);
    compact_and_pretty(&["balance", "--scenario", team, "--json"], &db);
    compact_and_pretty(
        &[
            "agenda",
            "--scenario",
            team,
            "--rep",
            "r0001",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--json",
        ],
        &db,
    );
    compact_and_pretty(&["reps", "list", "--json"], &db);
    compact_and_pretty(&["offices", "list", "--json"], &db);
    compact_and_pretty(&["backups", "--json"], &db);
    compact_and_pretty(&["about", "--json"], &db);
    // Global, so it may come first too.
    let first = meridian(&["--pretty", "about", "--json"], &db);
    assert!(String::from_utf8_lossy(&first.stdout).lines().count() > 2);
}

#[test]
fn rotate_offices_adds_explanations_only_with_explain_and_they_are_the_plans_own() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("none.db");
    let team = fixture("generated-60.json");
    let team = team.to_str().expect("path");
    let explained = compact_and_pretty(
        &["rotate-offices", "--scenario", team, "--json", "--explain"],
        &db,
    );
    let plain = compact_and_pretty(&["rotate-offices", "--scenario", team, "--json"], &db);
    let mut without = explained.clone();
    let list = without
        .as_object_mut()
        .and_then(|o| o.remove("explanations"))
        .expect("explanations with --explain");
    assert_eq!(without, plain, "the same plan either way");
    // The field comes last, as `RotationAnswer` writes it, and each entry
    // is the plan's own rep-week.
    let raw = meridian(
        &["rotate-offices", "--scenario", team, "--json", "--explain"],
        &db,
    );
    assert!(
        String::from_utf8_lossy(&raw.stdout).contains(r#""office":null,"explanations":[{"rep":"#)
    );
    let (sc, locks, _) = reference();
    let answer: RotationAnswer = serde_json::from_value(plain).expect("answer");
    let expected = explain_plan(&sc, &answer, &locks).expect("explains");
    assert_eq!(list, serde_json::to_value(&expected).expect("JSON"));

    let usage = meridian(&["rotate-offices", "--scenario", team, "--explain"], &db);
    assert_eq!(usage.status.code(), Some(2), "--explain needs --json");
}
