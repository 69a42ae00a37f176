//! The long horizon (issue 14): a rotation of 2,000 reps in 100 offices over
//! 104 weeks, planned and written as the compact JSON `rotate-offices
//! --json` prints (into a sink; parsing the document is not timed).
//!
//! | bench | team | target |
//! |---|---|---|
//! | `rotation_2000_reps_100_offices_104_weeks` | 2,000 reps, 100 offices, 104 weeks, plan + compact JSON | ≤ 3 s |
//!
//! Before timing it prints one `quality` line (objective, upper bound,
//! assignments, the answer's compact and pretty JSON sizes, and this
//! process's peak memory, `VmHWM`) for `scripts/bench`, and writes the team
//! document to `CARGO_TARGET_TMPDIR/horizon-104.json`, on which
//! `scripts/bench` then runs the release CLI to record its wall time, peak
//! memory (≤ 150 MB) and output size in `bench-report.md`.
//!
//! The team comes from `common::rotation_team` (the project's seeded
//! generator), so the bench needs nothing outside the repository.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

use meridian::io::scenario::parse_document;
use meridian::plan::rotation::rotate;

mod common;
use common::rotation_team::team_doc;

const NAME: &str = "rotation_2000_reps_100_offices_104_weeks";

/// Peak resident memory of this process so far, in MB (Linux `VmHWM`).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Counts the bytes written to it, as a pipe to a file would take them.
#[derive(Default)]
struct Count(usize);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn benches(c: &mut Criterion) {
    let doc = team_doc(2000, 100, 104, 14);
    let text = doc.to_string();
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("horizon-104.json");
    if let Err(e) = std::fs::write(&file, &text) {
        eprintln!("{}: {e}", file.display());
    }
    let sc = match parse_document(&text, "bench") {
        Ok(sc) => sc,
        Err(e) => panic!("the bench team is invalid: {e}"),
    };
    drop((doc, text));
    let Some(req) = sc.requests.rotation.as_ref() else {
        panic!("the bench team has a rotation request");
    };
    let plan = rotate(&sc, req).expect("plans");
    let (total, ub) = match (&plan.objective, plan.upper_bound) {
        (Some(o), Some(ub)) => (o.total, ub),
        _ => panic!("the bench team is infeasible: {:?}", plan.infeasible_reason),
    };
    let mut compact = Count::default();
    serde_json::to_writer(&mut compact, &plan).expect("JSON");
    let mut pretty = Count::default();
    serde_json::to_writer_pretty(&mut pretty, &plan).expect("JSON");
    let gap = 100.0 * (ub - total) as f64 / ub.max(1) as f64;
    // One line for scripts/bench to read.
    println!(
        "quality {NAME}: objective {total}, upper bound {ub}, proven gap {gap:.2}%, {} assignments, JSON {} bytes compact / {} pretty, peak memory {:.1} MB",
        plan.assignments.len(),
        compact.0,
        pretty.0,
        peak_mb().unwrap_or(f64::NAN)
    );
    drop(plan);
    let mut group = c.benchmark_group(NAME);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function(NAME, |b| {
        b.iter(|| {
            let plan = rotate(black_box(&sc), black_box(req)).expect("plans");
            let mut out = Count::default();
            serde_json::to_writer(&mut out, &plan).expect("JSON");
            out.0
        });
    });
    group.finish();
}

criterion_group!(horizon, benches);
criterion_main!(horizon);
