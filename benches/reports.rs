//! Report benchmarks (issue 16): the three reports of `plan::report` over a
//! stored plan, each computed whole (every office, team and rep of the
//! window, what an export writes; a screen's page costs at most this):
//!
//! | bench | team | target |
//! |---|---|---|
//! | `reports_2000_reps_100_offices_12_weeks` | 2,000 reps, 100 offices, 12 weeks | ≤ 250 ms for all three |
//!
//! The office days are the rotation planner's plan of the same generated
//! team (`common::rotation_team`), made once before timing.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use meridian::io::scenario::parse_document;
use meridian::model::OfficeDay;
use meridian::plan::report::{co_presence, compliance, desk_use, ReportInput, ReportWindow};
use meridian::plan::rotation::rotate;

mod common;
use common::rotation_team;

fn benches(c: &mut Criterion) {
    let doc = rotation_team::team_doc(2_000, 100, 12, 7);
    let mut sc = match parse_document(&doc.to_string(), "bench") {
        Ok(sc) => sc,
        Err(e) => panic!("the bench team is invalid: {e}"),
    };
    let Some(req) = sc.requests.rotation.clone() else {
        panic!("the bench team has no rotation request")
    };
    let plan = match rotate(&sc, &req) {
        Ok(p) => p,
        Err(e) => panic!("the bench team does not plan: {e}"),
    };
    sc.office_days = plan
        .assignments
        .iter()
        .map(|a| OfficeDay {
            rep: a.rep.clone(),
            date: a.date,
            office: a.office.clone(),
        })
        .collect();
    let window = match ReportWindow::new(req.from, req.weeks) {
        Ok(w) => w,
        Err(e) => panic!("{e}"),
    };
    println!(
        "reports team: {} reps, {} offices, {} office days over {} weeks",
        sc.reps.len(),
        sc.offices.len(),
        sc.office_days.len(),
        window.weeks
    );
    let input = ReportInput::of(&sc);
    let mut group = c.benchmark_group("reports");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("desk_use_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| desk_use(black_box(&input), window))
    });
    group.bench_function("co_presence_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| co_presence(black_box(&input), window))
    });
    group.bench_function("compliance_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| compliance(black_box(&input), window))
    });
    group.bench_function("reports_2000_reps_100_offices_12_weeks", |b| {
        b.iter(|| {
            (
                desk_use(black_box(&input), window),
                co_presence(black_box(&input), window),
                compliance(black_box(&input), window),
            )
        })
    });
    group.finish();
}

criterion_group!(reports, benches);
criterion_main!(reports);
