//! Workload balancer benchmarks (issue 5, item 9), one plan per iteration
//! through [`meridian::plan::balance::balance`] (capacities with meeting
//! expansion, scope and eligibility, bounds, search, explanations; parsing
//! the document is not timed):
//!
//! | bench | team | target |
//! |---|---|---|
//! | `balance_200_reps_1000_tasks` | 200 reps, 1,000 tasks, 4-week window | ≤ 500 ms (50 ms before issue 14's moves phase) |
//! | `balance_5000_reps_20000_tasks` | 5,000 reps, 20,000 tasks, 4-week window | ≤ 1 s |
//!
//! The teams are built here, deterministically (a fixed-seed SplitMix64),
//! like real sales organisations: regional teams of about ten over the
//! Americas, EMEA and APAC; full-timers, part-timers and four-day weeks;
//! daily stand-ups, weekly team syncs and bi-weekly 1:1s as RRULEs in the
//! team lead's zone, a monthly all-hands; blocks of time off; one to three
//! of eight skills each. Tasks of 0.5–16 h, due over the window (some
//! outside it, some without a date), a fifth unassigned, an eighth of the
//! reps holding three times their share, 6% pinned, a few needing a skill
//! nobody has. The window crosses the US DST change. Each row's objective
//! terms are printed once before timing; `scripts/bench` turns the results
//! into `bench-report.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

use meridian::model::Scenario;
use meridian::plan::balance::balance;

mod common;
use common::{Draw, Rng};

const REGIONS: [&[&str]; 3] = [
    &[
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Sao_Paulo",
        "America/Mexico_City",
    ],
    &[
        "Europe/London",
        "Europe/Berlin",
        "Europe/Paris",
        "Europe/Madrid",
        "Europe/Warsaw",
        "Asia/Dubai",
        "Africa/Johannesburg",
    ],
    &[
        "Asia/Kolkata",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Pacific/Auckland",
        "Asia/Kathmandu",
    ],
];
const SKILLS: [&str; 8] = [
    "renewals",
    "enterprise",
    "smb",
    "spanish",
    "german",
    "japanese",
    "security",
    "pricing",
];
const HOURS: [f64; 10] = [0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0];
const HOURS_W: [usize; 10] = [10, 15, 8, 15, 12, 12, 8, 8, 5, 3];
const FROM: &str = "2026-03-02";
const TO: &str = "2026-03-27";
/// Window days (0 = Monday 2 March) that are weekdays.
const WORKDAYS: [u32; 20] = [
    0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25,
];

fn date(day: i64) -> String {
    let d = meridian::model::parse_date(FROM).expect("date") + chrono::Duration::days(day);
    d.format("%Y-%m-%d").to_string()
}

fn team(n_reps: usize, n_tasks: usize, seed: u64) -> Scenario {
    let mut rng = Rng(seed);
    let week = |days: &[&str], from: &str, to: &str| -> Value {
        days.iter()
            .map(|d| (d.to_string(), json!([[from, "12:30"], ["13:30", to]])))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let mut reps = Vec::with_capacity(n_reps);
    let mut meetings = Vec::new();
    let n_teams = n_reps.div_ceil(10);
    let mut members: Vec<Vec<String>> = vec![Vec::new(); n_teams];
    for i in 0..n_reps {
        let t = i % n_teams;
        let region = REGIONS[t % 3];
        let zone = if rng.chance(85) {
            region[t % region.len()]
        } else {
            *rng.pick(region)
        };
        let id = format!("r{i:05}");
        let mut skills: Vec<&str> = (0..1 + rng.below(3)).map(|_| *rng.pick(&SKILLS)).collect();
        skills.sort_unstable();
        skills.dedup();
        let mut rep =
            json!({"id": id, "time_zone": zone, "team": format!("t{t:04}"), "skills": skills});
        match rng.below(10) {
            0 => {
                rep["working_hours"] = week(&["mon", "tue", "wed", "thu"], "08:00", "18:30");
                rep["capacity_hours_per_week"] = json!(36);
            }
            1 => {
                rep["working_hours"] = week(&["mon", "tue", "wed"], "09:00", "17:00");
                rep["capacity_hours_per_week"] = json!(22.5);
            }
            2 if zone == "Asia/Dubai" => {
                rep["working_hours"] = week(&["sun", "mon", "tue", "wed", "thu"], "09:00", "18:00");
            }
            _ => {}
        }
        if rng.chance(15) {
            let start = rng.below(20) as i64;
            rep["time_off"] =
                json!([{"start": date(start), "end": date(start + rng.below(7) as i64)}]);
        }
        members[t].push(id);
        reps.push(rep);
    }
    for (t, who) in members.iter().enumerate() {
        if who.is_empty() {
            continue;
        }
        let zone = reps[t]["time_zone"].clone();
        let hour = 8 + rng.below(3);
        meetings.push(json!({"id": format!("standup-{t}"), "start": format!("{FROM}T{hour:02}:30"), "time_zone": zone,
            "duration_minutes": 15, "rrule": "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "attendees": who}));
        meetings.push(json!({"id": format!("sync-{t}"), "start": format!("{}T14:00", date(1 + rng.below(3) as i64)),
            "time_zone": zone, "duration_minutes": 60, "rrule": "FREQ=WEEKLY", "attendees": who}));
        for (k, m) in who.iter().enumerate().skip(1) {
            meetings.push(json!({"id": format!("1on1-{t}-{k}"), "start": format!("{}T11:00", date((k % 5) as i64)),
                "time_zone": zone, "duration_minutes": 30, "rrule": "FREQ=WEEKLY;INTERVAL=2",
                "attendees": [who[0].clone(), m.clone()]}));
        }
    }
    for (region, zones) in REGIONS.iter().enumerate() {
        let who: Vec<String> = members
            .iter()
            .enumerate()
            .filter(|(t, _)| t % 3 == region)
            .flat_map(|(_, m)| m.clone())
            .collect();
        if !who.is_empty() {
            meetings.push(json!({"id": format!("all-hands-{region}"), "start": format!("{FROM}T16:00"),
                "time_zone": zones[0], "duration_minutes": 60, "rrule": "FREQ=MONTHLY;BYDAY=1MO", "attendees": who}));
        }
    }
    let heavy: Vec<bool> = (0..n_reps).map(|_| rng.chance(12)).collect();
    let weights: Vec<usize> = heavy
        .iter()
        .map(|&h| if h { 30 } else { 5 + (rng.below(10)) })
        .collect();
    let tasks: Vec<Value> = (0..n_tasks)
        .map(|i| {
            let hours = HOURS[rng.weighted(&HOURS_W)];
            let mut t =
                json!({"id": format!("t{i:06}"), "title": format!("Task {i}"), "hours": hours});
            match rng.below(100) {
                0..=3 => t["due"] = json!(date(-1 - rng.below(10) as i64)),
                4..=7 => t["due"] = json!(date(26 + rng.below(10) as i64)),
                8..=12 => {}
                _ => t["due"] = json!(date(i64::from(*rng.pick(&WORKDAYS)))),
            }
            let assignee = rng.chance(80).then(|| rng.weighted(&weights));
            let pool: Vec<Value> = match assignee {
                Some(r) => reps[r]["skills"].as_array().cloned().unwrap_or_default(),
                None => SKILLS.iter().map(|s| json!(s)).collect(),
            };
            let v = rng.below(1000);
            if v < 5 {
                t["skills_required"] = json!(["mainframe-migration"]);
            } else if v >= 400 && !pool.is_empty() {
                t["skills_required"] = json!([pool[rng.below(pool.len())].clone()]);
            }
            if let Some(r) = assignee {
                t["assignee"] = reps[r]["id"].clone();
                if v >= 5 && rng.chance(6) {
                    t["pinned"] = json!(true);
                }
            }
            t
        })
        .collect();
    let doc = json!({"format": "meridian.scenario/1", "reps": reps, "meetings": meetings, "tasks": tasks,
                     "teams": (0..n_teams).map(|t| json!({"id": format!("t{t:04}")})).collect::<Vec<_>>(),
                     "requests": {"balance": {"from": FROM, "to": TO}}});
    let text = doc.to_string();
    // For measuring the bench teams with an outside solver (DESIGN.md).
    if let Ok(dir) = std::env::var("MERIDIAN_BENCH_DUMP") {
        let path = std::path::Path::new(&dir).join(format!("balance-{n_reps}-{n_tasks}.json"));
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("could not write {}: {e}", path.display());
        }
    }
    meridian::io::scenario::parse_document(&text, "bench").unwrap_or_else(|e| {
        panic!(
            "bench scenario is invalid: {:?}",
            &e.problems[..3.min(e.problems.len())]
        )
    })
}

/// Prints the row's objective terms once, then times it.
fn run(c: &mut Criterion, name: &str, sc: &Scenario) {
    let req = sc.requests.balance.expect("balance request");
    let a = balance(sc, &req).expect("planner runs");
    let o = &a.objective;
    // One line for bench-report.md: the four terms and the proven bounds.
    eprintln!(
        "quality {name}: at_risk {} (lower bound {}), max_utilization {:.4} (lower bound {:.4}), moves {}, \
         sum_squares {:.4}; before: at_risk {}, max_utilization {:.4}; {} reps, {} meetings, {} tasks in scope, \
         {} unassignable",
        o.at_risk,
        a.bounds.at_risk,
        o.max_utilization.unwrap_or(f64::INFINITY),
        a.bounds.max_utilization.unwrap_or(f64::INFINITY),
        o.moves,
        o.sum_squares.unwrap_or(f64::INFINITY),
        a.before.at_risk,
        a.before.max_utilization.unwrap_or(f64::INFINITY),
        sc.reps.len(),
        sc.meetings.len(),
        a.assignments.len() + a.unassignable.len(),
        a.unassignable.len(),
    );
    c.bench_function(name, |b| {
        b.iter(|| balance(black_box(sc), black_box(&req)).expect("planner runs"))
    });
}

fn small(c: &mut Criterion) {
    run(c, "balance_200_reps_1000_tasks", &team(200, 1_000, 1));
}

fn large(c: &mut Criterion) {
    run(c, "balance_5000_reps_20000_tasks", &team(5_000, 20_000, 2));
}

criterion_group! {
    name = balance_small;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = small
}
criterion_group! {
    name = balance_large;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    targets = large
}
criterion_main!(balance_small, balance_large);
