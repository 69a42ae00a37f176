//! The policy what-if on a generated 200-rep team (`benches/common`'s
//! `rotation_team`, 10 offices, 4 weeks): a tighter policy that cannot fit
//! names the office-week and the fixes, a looser one scores more, the diff
//! lists exactly the reps whose days change (recomputed here from the two
//! plans), nothing is stored until Adopt, Adopt is one write after one
//! backup, a stale Adopt is refused, and bad changes name their path.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use meridian::io::what_if::{parse_changes, PolicyChanges};
use meridian::model::{Policy, Weekday};
use meridian::plan::rotation::RotationAnswer;
use meridian::{AppError, ErrorCode, Meridian};

use crate::bench_common::rotation_team;

/// The generated team stored in a database file (Adopt backs it up).
fn team(dir: &tempfile::TempDir) -> Meridian {
    meridian::api::write::verify_writes(true);
    let mut m = Meridian::open(&dir.path().join("team.db")).expect("open");
    let doc = rotation_team::team_doc(200, 10, 4, 11);
    m.import_document(&doc.to_string(), "generated")
        .expect("import");
    m
}

fn changes(text: &str) -> PolicyChanges {
    parse_changes(text, "CHANGES.json").expect("valid changes")
}

fn days_of(plan: &RotationAnswer) -> HashMap<&str, BTreeSet<(NaiveDate, &str)>> {
    let mut m: HashMap<&str, BTreeSet<(NaiveDate, &str)>> = HashMap::new();
    for a in &plan.assignments {
        m.entry(a.rep.as_str())
            .or_default()
            .insert((a.date, a.office.as_str()));
    }
    m
}

fn paths(err: &AppError) -> Vec<String> {
    match err {
        AppError::Invalid(e) => e.problems.iter().map(|p| p.path.clone()).collect(),
        other => panic!("expected invalid changes, got {other}"),
    }
}

#[test]
fn a_tighter_policy_that_cannot_fit_names_the_office_week_and_the_fixes() {
    let dir = tempfile::tempdir().expect("tmp");
    let m = team(&dir);
    let w = m
        .what_if(&changes(
            r#"{"policy": {"office_days_per_week": {"min": 4, "max": 5}},
                "offices": [{"id": "o000", "desks": 1}]}"#,
        ))
        .expect("what-if");
    assert!(
        w.current.infeasible_reason.is_none(),
        "the stored team fits"
    );
    let reason = w.tried.infeasible_reason.as_deref().expect("does not fit");
    assert!(reason.contains("o000, week 2026-W"), "{reason}");
    assert!(reason.contains("desk-days"), "{reason}");
    assert!(
        w.tried
            .fixes
            .iter()
            .any(|f| f.starts_with("o000, week 2026-W")),
        "{:?}",
        w.tried.fixes
    );
    assert!(w.tried.assignments.is_empty());
    assert!(w.reps.is_none(), "an infeasible plan is not compared");
    let view = w.view(7, None, None);
    assert!(!view.compared);
    assert_eq!(view.tried.infeasible_reason.as_deref(), Some(reason));
    assert!(!view.tried.fixes.is_empty());
}

#[test]
fn a_looser_policy_scores_more_and_the_diff_lists_exactly_the_reps_whose_days_change() {
    let dir = tempfile::tempdir().expect("tmp");
    let m = team(&dir);
    let w = m
        .what_if(&changes(
            r#"{"policy": {"office_days_per_week": {"min": 2, "max": 5}},
                "teams": [{"id": "t000", "anchor_days": ["tue", "thu"]}],
                "reps": [{"id": "r0001", "preferred_office_days": ["mon"]}]}"#,
        ))
        .expect("what-if");
    let (cur, tried) = (
        w.current.objective.expect("current fits"),
        w.tried.objective.expect("tried fits"),
    );
    assert!(tried.total > cur.total, "{} > {}", tried.total, cur.total);
    assert_eq!(w.from, NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"));
    assert_eq!(w.weeks, 4);

    // Independently: the reps whose (date, office) sets differ.
    let (b, a) = (days_of(&w.current), days_of(&w.tried));
    let empty = BTreeSet::new();
    let ids: HashSet<&str> = b.keys().chain(a.keys()).copied().collect();
    let expected: BTreeSet<&str> = ids
        .into_iter()
        .filter(|r| b.get(r).unwrap_or(&empty) != a.get(r).unwrap_or(&empty))
        .collect();
    let diff = w.reps.as_ref().expect("both fit");
    let listed: BTreeSet<&str> = diff.iter().map(|d| d.rep.as_str()).collect();
    assert!(
        !expected.is_empty(),
        "a looser policy changes someone's days"
    );
    assert_eq!(listed, expected);

    let sc = m.scenario().expect("scenario");
    let team_of: HashMap<&str, Option<&str>> = sc
        .reps
        .iter()
        .map(|r| (r.id.as_str(), r.team.as_deref()))
        .collect();
    for d in diff {
        let (bd, ad) = (
            b.get(d.rep.as_str()).unwrap_or(&empty),
            a.get(d.rep.as_str()).unwrap_or(&empty),
        );
        let dates =
            |s: &BTreeSet<(NaiveDate, &str)>| s.iter().map(|x| x.0).collect::<BTreeSet<_>>();
        let gained: Vec<NaiveDate> = dates(ad).difference(&dates(bd)).copied().collect();
        let lost: Vec<NaiveDate> = dates(bd).difference(&dates(ad)).copied().collect();
        assert_eq!(d.gained, gained, "{}", d.rep);
        assert_eq!(d.lost, lost, "{}", d.rep);
        // Teammates together, counted pair by pair over the plan.
        let together = |plan: &RotationAnswer, days: &BTreeSet<(NaiveDate, &str)>| -> u32 {
            let team = team_of[d.rep.as_str()];
            days.iter()
                .map(|(date, office)| {
                    plan.assignments
                        .iter()
                        .filter(|x| {
                            x.rep != d.rep
                                && x.date == *date
                                && x.office == *office
                                && team.is_some()
                                && team_of[x.rep.as_str()] == team
                        })
                        .count() as u32
                })
                .sum()
        };
        assert_eq!(d.together_before, together(&w.current, bd), "{}", d.rep);
        assert_eq!(d.together_after, together(&w.tried, ad), "{}", d.rep);
    }
    // Anchor days missed, for t000's first listed rep: the changed anchor
    // days the rep could come in on and is not in.
    if let Some(d) = diff.iter().find(|d| d.team.as_deref() == Some("t000")) {
        let rep = sc.reps.iter().find(|r| r.id == d.rep).expect("rep");
        let office = sc
            .offices
            .iter()
            .find(|o| Some(&o.id) == rep.office.as_ref());
        let ad = a.get(d.rep.as_str()).unwrap_or(&empty);
        let missed = (0..28)
            .map(|k| w.from + chrono::Duration::days(k))
            .filter(|day| matches!(day.weekday(), chrono::Weekday::Tue | chrono::Weekday::Thu))
            .filter(|day| {
                office.is_some() && meridian::rules::rule1_blocks_at(rep, office, *day).is_none()
            })
            .filter(|day| !ad.iter().any(|x| x.0 == *day))
            .count() as u32;
        assert_eq!(d.anchor_missed_after, missed);
    }
    // Desk use per office-day agrees with the plans.
    let view = w.view(1, None, None);
    assert!(view.compared);
    assert_eq!(view.reps.total as usize, expected.len());
    for o in &view.offices.rows {
        for (date, pair) in view.dates.iter().zip(&o.days) {
            let count = |p: &RotationAnswer| {
                p.assignments
                    .iter()
                    .filter(|x| x.office == o.office && x.date == *date)
                    .count() as u32
            };
            if let Some(n) = pair.before {
                assert_eq!(n, count(&w.current));
            }
            if let Some(n) = pair.after {
                assert_eq!(n, count(&w.tried));
            }
        }
    }
}

#[test]
fn nothing_is_stored_until_adopt_and_adopt_is_one_write_after_one_backup() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut m = team(&dir);
    let sc = m.scenario().expect("scenario");
    let moved_team = sc
        .teams
        .iter()
        .find(|t| {
            sc.reps
                .iter()
                .any(|r| r.team.as_ref() == Some(&t.id) && r.office.as_deref() == Some("o002"))
        })
        .expect("a team at o002")
        .id
        .clone();
    let text = format!(
        r#"{{"policy": {{"office_days_per_week": {{"min": 1, "max": 4}}}},
            "offices": [{{"id": "o001", "desks": 30, "open_days": ["mon", "tue", "wed", "thu"]}}],
            "teams": [{{"id": "{moved_team}", "anchor_days": ["wed"], "office": "o001"}}],
            "reps": [{{"id": "r0003", "preferred_office_days": ["tue", "wed"], "office": "o004"}}]}}"#
    );
    let tried = changes(&text);
    let (counter, doc) = (
        m.counter().expect("counter"),
        m.export_document().expect("doc"),
    );
    let backups = m.backups().expect("backups").len();
    let w = m.what_if(&tried).expect("what-if");
    assert_eq!(w.counter, counter);
    assert_eq!(
        m.counter().expect("counter"),
        counter,
        "a what-if writes nothing"
    );
    assert_eq!(m.export_document().expect("doc"), doc);
    assert_eq!(m.backups().expect("backups").len(), backups);

    let stored = m.adopt_what_if(&tried, Some(w.counter)).expect("adopt");
    assert_eq!(stored.counter, counter + 1, "one write");
    assert_eq!(m.counter().expect("counter"), counter + 1);
    assert_eq!(
        m.backups().expect("backups").len(),
        backups + 1,
        "one backup"
    );
    let after = m.scenario().expect("scenario");
    assert_eq!(
        after.policy,
        tried.policy.expect("policy"),
        "the stored policy is the tried one"
    );
    let o001 = after.offices.iter().find(|o| o.id == "o001").expect("o001");
    assert_eq!(
        (o001.desks, o001.open_days.clone()),
        (
            30,
            vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu]
        )
    );
    let team = after
        .teams
        .iter()
        .find(|t| t.id == moved_team)
        .expect("team");
    assert_eq!(team.anchor_days, vec![Weekday::Wed]);
    for r in after
        .reps
        .iter()
        .filter(|r| r.team.as_ref() == Some(&moved_team) && r.id != "r0003")
    {
        assert_eq!(r.office.as_deref(), Some("o001"), "{}", r.id);
    }
    let r3 = after.reps.iter().find(|r| r.id == "r0003").expect("r0003");
    assert_eq!(
        r3.office.as_deref(),
        Some("o004"),
        "a rep's own change wins"
    );
    assert_eq!(r3.preferred_office_days, vec![Weekday::Tue, Weekday::Wed]);
    // No office day is left on a Friday at o001 or at a rep's old office.
    for d in &after.office_days {
        let rep = after.reps.iter().find(|r| r.id == d.rep).expect("rep");
        assert_eq!(rep.office_on(d.date), Some(d.office.as_str()));
        if d.office == "o001" {
            assert_ne!(d.date.weekday(), chrono::Weekday::Fri);
        }
    }
    // The stored team planned now is the tried plan's team.
    let again = m.what_if(&PolicyChanges::default()).expect("what-if");
    assert_eq!(again.current.objective, w.tried.objective);
}

#[test]
fn a_lock_the_changes_make_impossible_is_left_out_listed_and_dropped_by_adopt() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut m = team(&dir);
    let sc = m.scenario().expect("scenario");
    let rep = sc
        .reps
        .iter()
        .find(|r| r.office.as_deref() == Some("o001"))
        .expect("a rep at o001")
        .id
        .clone();
    // A Friday the rep can be in on: a lock in.
    let friday = (0..4)
        .map(|w| NaiveDate::from_ymd_opt(2026, 3, 6).expect("date") + chrono::Duration::days(7 * w))
        .find(|d| m.set_rotation_lock(&rep, *d, Some(true)).is_ok())
        .expect("a Friday open to the rep");
    let tried =
        changes(r#"{"offices": [{"id": "o001", "open_days": ["mon", "tue", "wed", "thu"]}]}"#);
    let w = m.what_if(&tried).expect("what-if");
    assert!(
        w.dropped_locks
            .iter()
            .any(|l| l.rep == rep && l.date == friday),
        "{:?}",
        w.dropped_locks
    );
    assert!(w.notes.iter().any(|n| n.contains("lock")), "{:?}", w.notes);
    assert!(!w
        .tried
        .assignments
        .iter()
        .any(|a| a.rep == rep && a.date == friday));
    m.adopt_what_if(&tried, Some(w.counter)).expect("adopt");
    let locks = m
        .scenario()
        .expect("scenario")
        .requests
        .rotation
        .expect("window")
        .locks;
    assert!(!locks.iter().any(|l| l.rep == rep && l.date == friday));
}

#[test]
fn an_adopt_after_another_write_is_refused_as_a_conflict() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut m = team(&dir);
    let tried = changes(r#"{"policy": {"office_days_per_week": {"min": 1, "max": 3}}}"#);
    let w = m.what_if(&tried).expect("what-if");
    m.update_policy(Policy::default()).expect("another write");
    let (counter, backups) = (m.counter().expect("counter"), m.backups().expect("b").len());
    let err = m.adopt_what_if(&tried, Some(w.counter)).expect_err("stale");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(m.counter().expect("counter"), counter, "nothing written");
    assert_eq!(m.backups().expect("b").len(), backups, "no backup");
    assert_eq!(m.scenario().expect("scenario").policy, Policy::default());
}

#[test]
fn bad_changes_name_their_path_in_the_changes_file() {
    let check = |text: &str, expected: &[&str]| {
        let err = parse_changes(text, "CHANGES.json").expect_err(text);
        let got: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(got, expected, "{text}: {err}");
        assert!(err.to_string().starts_with("CHANGES.json: "), "{err}");
    };
    check(
        r#"{"offices": [{"id": "o000", "desks": -2}]}"#,
        &["offices[0].desks"],
    );
    check(r#"{"weeks": 105}"#, &["weeks"]);
    check(r#"{"weeks": 0}"#, &["weeks"]);
    check(r#"{"from": "2026-13-01"}"#, &["from"]);
    check(r#"{"polcy": {}}"#, &["polcy"]);
    check(
        r#"{"policy": {"office_days_per_week": {"min": 4, "max": 3}}}"#,
        &["policy.office_days_per_week"],
    );
    check(
        r#"{"teams": [{"id": "t000", "anchor_days": ["tue", "tues"]}]}"#,
        &["teams[0].anchor_days[1]"],
    );
    check(
        r#"{"reps": [{"id": "r0001", "color": "red"}]}"#,
        &["reps[0].color"],
    );
    check(r#"{"reps": [{"id": "a"}, {"id": "a"}]}"#, &["reps[1].id"]);
    check(r#"{"offices": [{"desks": 3}]}"#, &["offices[0].id"]);
    check("[]", &[""]);
    let huge = format!("{}{{}}", " ".repeat(meridian::rules::limits::CHANGES_BYTES));
    check(&huge, &[""]);

    // Ids are the stored team's business: checked against it, same paths.
    let dir = tempfile::tempdir().expect("tmp");
    let mut m = team(&dir);
    let unknown = changes(
        r#"{"offices": [{"id": "nowhere", "desks": 3}],
            "teams": [{"id": "t000", "office": "atlantis"}],
            "reps": [{"id": "r0001"}, {"id": "ghost"}]}"#,
    );
    let err = m.what_if(&unknown).expect_err("unknown ids");
    assert_eq!(
        paths(&err),
        ["offices[0].id", "teams[0].office", "reps[1].id"]
    );
    let err = m.adopt_what_if(&unknown, None).expect_err("unknown ids");
    assert_eq!(
        paths(&err),
        ["offices[0].id", "teams[0].office", "reps[1].id"]
    );
    // Typed changes (from the app) pass the same value checks.
    let typed = PolicyChanges {
        weeks: Some(200),
        ..PolicyChanges::default()
    };
    assert_eq!(paths(&m.what_if(&typed).expect_err("weeks")), ["weeks"]);
    // A typed date chrono reads but no document can hold is refused before
    // any date arithmetic.
    let far = PolicyChanges {
        from: NaiveDate::from_ymd_opt(262_000, 12, 1),
        ..PolicyChanges::default()
    };
    assert_eq!(paths(&m.what_if(&far).expect_err("date")), ["from"]);
    assert_eq!(
        paths(
            &m.adopt_what_if(&PolicyChanges::default(), None)
                .expect_err("nothing")
        ),
        [""]
    );
}

#[test]
fn the_command_line_prints_both_plans_and_the_diff_and_adopt_stores_the_policy() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db_s = db.to_str().expect("utf8 path");
    let team = dir.path().join("team.json");
    std::fs::write(&team, meridian::SAMPLE_TEAM).expect("write");
    let changes = dir.path().join("CHANGES.json");
    std::fs::write(
        &changes,
        r#"{"policy": {"office_days_per_week": {"min": 1, "max": 4}}}"#,
    )
    .expect("write");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_meridian"))
            .args(args)
            .output()
            .expect("meridian runs")
    };
    let changes_s = changes.to_str().expect("path");
    let out = run(&["import", team.to_str().expect("path"), "--db", db_s]);
    assert!(out.status.success());
    let out = run(&[
        "--db",
        db_s,
        "rotate-offices",
        "--what-if",
        changes_s,
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let (cur, tried) = (
        v["current"]["objective"]["total"]
            .as_i64()
            .expect("current"),
        v["tried"]["objective"]["total"].as_i64().expect("tried"),
    );
    assert!(tried > cur, "{tried} > {cur}");
    assert_eq!(
        v["reps"]["total"].as_u64(),
        Some(v["reps"]["rows"].as_array().expect("rows").len() as u64)
    );
    assert!(v["reps"]["total"].as_u64().expect("total") > 0);
    let text = run(&["--db", db_s, "rotate-offices", "--what-if", changes_s]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("current: total") && text.contains("reps whose days change"),
        "{text}"
    );

    let out = run(&[
        "--db",
        db_s,
        "rotate-offices",
        "--what-if",
        changes_s,
        "--adopt",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let m = Meridian::open_read_only(&db).expect("open");
    let p = m.scenario().expect("scenario").policy.office_days_per_week;
    assert_eq!((p.min, p.max), (1, 4));

    std::fs::write(&changes, r#"{"offices": [{"id": "lon", "desks": -1}]}"#).expect("write");
    let out = run(&["--db", db_s, "rotate-offices", "--what-if", changes_s]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("offices[0].desks: must not be negative"),
        "{err}"
    );
}

#[test]
fn the_current_plan_is_the_boards_plan_ties_broken_by_the_same_ledger() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut m = team(&dir);
    // March is planned and accepted: the ledger of the 13 weeks up to
    // 6 April then shows some reps granted more of their preferred days.
    let march = m.plan_rotation(None, None, None).expect("plan");
    m.accept_rotation(&march).expect("accept");
    let today = NaiveDate::from_ymd_opt(2026, 4, 6).expect("date");
    let stop = std::sync::atomic::AtomicBool::new(false);
    let board = m
        .plan_rotation_at(Some(today), Some(2), None, Some(today), &stop)
        .expect("board");
    let plain = m
        .plan_rotation_at(Some(today), Some(2), None, None, &stop)
        .expect("plan without the ledger");
    assert_ne!(
        board.answer.assignments, plain.answer.assignments,
        "the case must have ties the ledger breaks"
    );
    let w = m
        .what_if_from(
            &changes(r#"{"from": "2026-04-06", "weeks": 2, "policy": {"office_days_per_week": {"min": 1, "max": 4}}}"#),
            Some(today),
            &stop,
        )
        .expect("what-if");
    assert_eq!(w.current.assignments, board.answer.assignments);
    assert_eq!(w.current.objective, board.answer.objective);
}
