//! Policy what-if benchmark (issue 16): the 2,000-rep / 100-office /
//! 12-week team of `benches/rotation.rs`, stored in an in-memory database,
//! then [`Meridian::what_if`] per iteration (read the team, apply the
//! changes to a copy, plan both teams, compare desk use and every rep),
//! beside [`Meridian::plan_rotation`] (the plain plan of the same team
//! through the same facade):
//!
//! | bench | target |
//! |---|---|
//! | `what_if_2000_reps_100_offices_12_weeks` | ≤ 5 s (the rotation's target) |
//! | `rotation_facade_2000_reps_100_offices_12_weeks` | the plain plan, for comparison |
//!
//! The changes: the policy 2–4 days, ten offices with 24 desks each and
//! closed on Fridays, ten teams with a new anchor day, twenty reps with
//! new preferred days.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use meridian::io::what_if::parse_changes;
use meridian::Meridian;

mod common;
use common::rotation_team;

fn benches(c: &mut Criterion) {
    let doc = rotation_team::team_doc(2000, 100, 12, 12);
    let mut m = Meridian::open_in_memory().expect("memory database");
    m.import_document(&doc.to_string(), "bench")
        .expect("the bench team is valid");
    let offices: Vec<String> = (0..10)
        .map(|i| {
            format!(
                r#"{{"id": "o{:03}", "desks": {}, "open_days": ["mon","tue","wed","thu"]}}"#,
                i * 10,
                24
            )
        })
        .collect();
    let teams: Vec<String> = (0..10)
        .map(|i| format!(r#"{{"id": "t{:03}", "anchor_days": ["thu"]}}"#, i * 20))
        .collect();
    let reps: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"id": "r{:04}", "preferred_office_days": ["mon","wed"]}}"#,
                i * 97
            )
        })
        .collect();
    let text = format!(
        r#"{{"policy": {{"office_days_per_week": {{"min": 2, "max": 4}}}},
            "offices": [{}], "teams": [{}], "reps": [{}]}}"#,
        offices.join(","),
        teams.join(","),
        reps.join(",")
    );
    let changes = parse_changes(&text, "bench").expect("valid changes");
    let w = m.what_if(&changes).expect("what-if");
    let score = |p: &meridian::plan::rotation::RotationAnswer| {
        p.objective.map_or_else(
            || format!("infeasible: {:?}", p.infeasible_reason),
            |o| o.total.to_string(),
        )
    };
    // One line for scripts/bench to read.
    println!(
        "quality what_if_2000_reps_100_offices_12_weeks: current {}, tried {}, {} reps change",
        score(&w.current),
        score(&w.tried),
        w.reps.as_ref().map_or(0, Vec::len)
    );
    let mut group = c.benchmark_group("what_if_2000_reps_100_offices_12_weeks");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("what_if_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| m.what_if(black_box(&changes)))
    });
    group.bench_function("rotation_facade_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| m.plan_rotation(None, None, None))
    });
    group.finish();
}

criterion_group!(what_if, benches);
criterion_main!(what_if);
