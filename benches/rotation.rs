//! Rotation planner benchmarks (issue 4, item 9), one whole plan per
//! iteration through [`meridian::plan::rotation::rotate`] (in-person meeting
//! expansion, every (office, week) subproblem, explanations; parsing the
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
//! The teams are built here, deterministically (a fixed-seed SplitMix64):
//! offices in real zones with desks for 50–80% of their reps, teams of
//! about eight based at one office with a few members elsewhere or remote,
//! a 2–3 day policy with personal overrides, preferred and no-office days,
//! anchor days, blocks of time off, office holidays, weekly in-person team
//! days and one-off customer workshops, and a few of the lead's locks.

use std::hint::black_box;
use std::time::Duration;

use chrono::{Duration as Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

use meridian::io::scenario::parse_document;
use meridian::model::Scenario;
use meridian::plan::rotation::rotate;

mod common;
use common::{Draw, Rng};

const ZONES: [&str; 10] = [
    "Europe/London",
    "Europe/Berlin",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Sao_Paulo",
];
const DAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

fn team_doc(reps: usize, offices: usize, weeks: u32, seed: u64) -> Scenario {
    let mut rng = Rng(seed);
    let from = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let n_teams = reps.div_ceil(8);
    let team_office: Vec<usize> = (0..n_teams).map(|t| t % offices).collect();
    let mut members = vec![0usize; offices];
    let mut minimums = vec![0usize; offices];
    let mut rep_docs = Vec::with_capacity(reps);
    let mut team_of = Vec::with_capacity(reps);
    for i in 0..reps {
        let t = i % n_teams;
        let office = if rng.chance(5) {
            None
        } else if rng.chance(10) {
            Some(rng.below(offices))
        } else {
            Some(team_office[t])
        };
        if let Some(o) = office {
            members[o] += 1;
        }
        team_of.push((t, office));
        let mut rep = json!({
            "id": format!("r{i:04}"), "name": format!("Rep {i}"), "team": format!("t{t:03}"),
            "time_zone": ZONES[office.unwrap_or(t) % ZONES.len()],
            "office": office.map(|o| format!("o{o:03}")),
            "preferred_office_days": (0..rng.below(3)).map(|_| DAYS[rng.below(5)]).collect::<Vec<_>>(),
        });
        if rng.chance(20) {
            rep["no_office_days"] = json!([DAYS[rng.below(5)]]);
        }
        let mut min = 2;
        if rng.chance(15) {
            let max;
            (min, max) = if rng.chance(50) { (1, 2) } else { (3, 4) };
            rep["office_days_per_week"] = json!({"min": min, "max": max});
        }
        if let Some(o) = office {
            minimums[o] += min;
        }
        if rng.chance(12) {
            let start = from + Days::days(rng.below(7 * weeks as usize) as i64);
            let end = start + Days::days(2 + rng.below(5) as i64);
            rep["time_off"] = json!([{"start": start, "end": end}]);
        }
        rep_docs.push(rep);
    }
    let office_docs: Vec<Value> = (0..offices)
        .map(|o| {
            // Enough desks for the policy minimums in a week with a holiday,
            // as a real office would be sized.
            let desks = (members[o] * (50 + rng.below(31)) / 100)
                .max(minimums[o].div_ceil(4) + 1)
                .max(1);
            let holiday =
                from + Days::days(7 * rng.below(weeks as usize) as i64 + rng.below(5) as i64);
            json!({"id": format!("o{o:03}"), "name": format!("Office {o}"),
                   "time_zone": ZONES[o % ZONES.len()], "desks": desks,
                   "closed_dates": if rng.chance(40) { vec![holiday] } else { vec![] }})
        })
        .collect();
    let team_docs: Vec<Value> = (0..n_teams)
        .map(|t| {
            let a = rng.below(5);
            let mut anchors = vec![DAYS[a]];
            if rng.chance(40) {
                anchors.push(DAYS[(a + 2) % 5]);
            }
            json!({"id": format!("t{t:03}"), "name": format!("Team {t}"), "anchor_days": anchors})
        })
        .collect();
    let mut meetings = Vec::new();
    for (t, &o) in team_office.iter().enumerate() {
        let attendees: Vec<String> = (0..reps)
            .filter(|&i| team_of[i].0 == t)
            .map(|i| format!("r{i:04}"))
            .collect();
        if rng.chance(60) {
            let day = from + Days::days(rng.below(5) as i64);
            meetings.push(json!({"id": format!("teamday-{t}"), "title": "Team day",
                "start": format!("{day}T10:00"), "time_zone": ZONES[o % ZONES.len()],
                "duration_minutes": 120, "rrule": format!("FREQ=WEEKLY;COUNT={weeks}"),
                "attendees": attendees.clone(), "in_person_office": format!("o{o:03}")}));
        }
        if rng.chance(30) {
            let day = from + Days::days(rng.below(7 * weeks as usize) as i64);
            let few: Vec<String> = attendees.iter().take(3).cloned().collect();
            meetings.push(
                json!({"id": format!("workshop-{t}"), "title": "Customer workshop",
                "start": format!("{day}T14:00"), "time_zone": ZONES[o % ZONES.len()],
                "duration_minutes": 90, "attendees": few, "in_person_office": format!("o{o:03}")}),
            );
        }
    }
    let doc = json!({
        "format": "meridian.scenario/1",
        "teams": team_docs, "offices": office_docs,
        "policy": {"office_days_per_week": {"min": 2, "max": 3}},
        "reps": rep_docs, "meetings": meetings,
        "requests": {"rotation": {"from": from, "weeks": weeks}}
    });
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
}

criterion_group!(rotation, benches);
criterion_main!(rotation);
