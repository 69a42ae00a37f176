//! Rotation planner benchmarks (issue 4, item 9), one whole plan per
//! iteration through [`meridian::plan::rotation::rotate`] (in-person meeting
//! expansion, every (office, week) subproblem; parsing the
//! document is not timed):
//!
//! | bench | team | target |
//! |---|---|---|
//! | `rotation_200_reps_10_offices_4_weeks` | 200 reps, 10 offices, 4 weeks | ≤ 0.5 s |
//! | `rotation_2000_reps_100_offices_12_weeks` | 2,000 reps, 100 offices, 12 weeks | ≤ 5 s, ≤ 300 MB peak |
//!
//! Before timing, each bench prints one line with the plan's objective, its
//! upper bound and the proven gap, and the process's peak memory so far
//! (`VmHWM`), which `scripts/bench` copies into `bench-report.md`.
//!
//! The teams come from `common::rotation_team`, deterministically (a
//! fixed-seed SplitMix64):
//! offices in real zones with desks for 50–80% of their reps, teams of
//! about eight based at one office with a few members elsewhere or remote,
//! a 2–3 day policy with personal overrides, preferred and no-office days,
//! anchor days, blocks of time off, office holidays, weekly in-person team
//! days and one-off customer workshops, and a few of the lead's locks.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use meridian::io::scenario::parse_document;
use meridian::model::Scenario;
use meridian::plan::rotation::rotate;

mod common;
use common::rotation_team;

/// The bench team of `common::rotation_team`, parsed.
fn team_doc(reps: usize, offices: usize, weeks: u32, seed: u64) -> Scenario {
    let doc = rotation_team::team_doc(reps, offices, weeks, seed);
    match parse_document(&doc.to_string(), "bench") {
        Ok(sc) => sc,
        Err(e) => panic!("the bench team is invalid: {e}"),
    }
}

/// Peak resident memory of this process so far, in MB (Linux `VmHWM`).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn bench_one(c: &mut Criterion, name: &str, sc: &Scenario, samples: usize) {
    let Some(req) = sc.requests.rotation.as_ref() else {
        panic!("the bench team has a rotation request");
    };
    let plan = rotate(sc, req).expect("plans");
    let (total, ub) = match (&plan.objective, plan.upper_bound) {
        (Some(o), Some(ub)) => (o.total, ub),
        _ => panic!(
            "{name}: the bench team is infeasible: {:?}",
            plan.infeasible_reason
        ),
    };
    let gap = 100.0 * (ub - total) as f64 / ub.max(1) as f64;
    // One line for scripts/bench to read.
    println!(
        "quality {name}: objective {total}, upper bound {ub}, proven gap {gap:.2}%, peak memory {:.1} MB",
        peak_mb().unwrap_or(f64::NAN)
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(samples);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(name, |b| b.iter(|| rotate(black_box(sc), black_box(req))));
    group.finish();
}

fn benches(c: &mut Criterion) {
    let mid = team_doc(200, 10, 4, 11);
    bench_one(c, "rotation_200_reps_10_offices_4_weeks", &mid, 20);
    let big = team_doc(2000, 100, 12, 12);
    bench_one(c, "rotation_2000_reps_100_offices_12_weeks", &big, 10);
    // The same team with every office's public holidays, looked up or
    // typed in as closed dates and time off (issue 15: the lookup may add
    // at most 5%; both plans are the same).
    let mut doc = common::with_holidays(rotation_team::team_doc(2000, 100, 12, 12));
    // Holiday weeks (Easter) have fewer open days for the same minimum: a
    // quarter more desks keep every office-week feasible, so both variants
    // plan every week.
    for office in doc["offices"].as_array_mut().into_iter().flatten() {
        let desks = office["desks"].as_u64().unwrap_or(0);
        office["desks"] = serde_json::Value::from(desks + desks / 4 + 1);
    }
    let parse = |doc: &serde_json::Value| {
        parse_document(&doc.to_string(), "bench")
            .unwrap_or_else(|e| panic!("the bench team is invalid: {e}"))
    };
    let holidays = parse(&doc);
    let (first, last) = match &holidays.requests.rotation {
        Some(r) => meridian::rules::rotation_days(r.from, r.weeks),
        None => panic!("the bench team has a rotation request"),
    };
    let typed_in = parse(&common::holidays_typed_in(doc, first, last));
    bench_one(
        c,
        "rotation_2000_reps_100_offices_12_weeks_holidays",
        &holidays,
        10,
    );
    bench_one(
        c,
        "rotation_2000_reps_100_offices_12_weeks_holidays_typed_in",
        &typed_in,
        10,
    );
}

criterion_group!(rotation, benches);
criterion_main!(rotation);
