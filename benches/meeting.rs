//! Meeting planner benchmarks (issue 3, item 9), one request per iteration
//! through [`meridian::plan::meeting::suggest`] (calendars, meeting
//! expansion, scoring, ranking, explanations; parsing the document is not
//! timed):
//!
//! | bench | request | target |
//! |---|---|---|
//! | `meeting_200_attendees_4_weeks` | 200 attendees, 4-week window, 15-minute grid | ≤ 5 ms |
//! | `meeting_1000_attendees_4_weeks` | 1,000 attendees, same window and grid | ≤ 25 ms |
//! | `meeting_fair_rotation_30_attendees_12_weeks` | fair rotation, 30 attendees (15 required), 12 weeks | ≤ 200 ms |
//!
//! The teams are built here, deterministically (a fixed-seed SplitMix64),
//! and look like real sales organisations: regional teams of about eight
//! over the Americas, EMEA and APAC with some members abroad; working hours
//! from 07:00–10:00 with lunch breaks, four-day and Sunday–Thursday weeks,
//! stretch hours on either side; daily stand-ups, weekly team syncs,
//! bi-weekly 1:1s, monthly regional all-hands and a weekly leads call, all
//! as RRULEs in their organiser's zone; blocks of time off. The windows cross
//! the 2026 DST changes. `scripts/bench` turns the results into
//! `bench-report.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

use meridian::model::Scenario;
use meridian::plan::meeting::suggest;

mod common;
use common::{Draw, Rng};

const AMER: [&str; 7] = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Sao_Paulo",
    "America/Mexico_City",
];
const EMEA: [&str; 8] = [
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Asia/Dubai",
    "Asia/Jerusalem",
    "Africa/Johannesburg",
];
const APAC: [&str; 7] = [
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kathmandu",
    "Asia/Shanghai",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn hhmm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Working and stretch hours of one rep: (working, stretch) JSON maps.
/// `stretchy`: everyone has stretch hours on both sides.
fn hours(rng: &mut Rng, zone: &str, stretchy: bool) -> (Value, Value) {
    let start = *rng.pick(&[420u32, 480, 510, 540, 570, 600]);
    let len = *rng.pick(&[450u32, 480, 510]);
    let end = start + len;
    let lunch = rng.chance(50).then(|| *rng.pick(&[720u32, 750]));
    let (before, after) = if stretchy {
        (*rng.pick(&[90u32, 120]), *rng.pick(&[120u32, 180]))
    } else {
        (
            *rng.pick(&[0u32, 60, 90, 120]),
            *rng.pick(&[0u32, 60, 120, 180]),
        )
    };
    let days: Vec<usize> = if zone == "Asia/Jerusalem" || (zone == "Asia/Dubai" && rng.chance(50)) {
        vec![6, 0, 1, 2, 3]
    } else if rng.chance(10) {
        vec![0, 1, 2, 3]
    } else {
        vec![0, 1, 2, 3, 4]
    };
    let mut working = serde_json::Map::new();
    let mut stretch = serde_json::Map::new();
    for d in days {
        let w = match lunch {
            Some(l) => json!([[hhmm(start), hhmm(l)], [hhmm(l + 45), hhmm(end + 45)]]),
            None => json!([[hhmm(start), hhmm(end)]]),
        };
        let real_end = if lunch.is_some() { end + 45 } else { end };
        let mut s = Vec::new();
        if before > 0 {
            s.push(json!([hhmm(start - before), hhmm(start)]));
        }
        if after > 0 {
            s.push(json!([hhmm(real_end), hhmm((real_end + after).min(1440))]));
        }
        working.insert(DAYS[d].into(), w);
        if !s.is_empty() {
            stretch.insert(DAYS[d].into(), Value::Array(s));
        }
    }
    (Value::Object(working), Value::Object(stretch))
}

/// A team document of `n` reps: regional teams of eight, each with a home
/// zone (a fifth of the members elsewhere in the region, a few abroad).
/// `regions` picks the zone lists teams are drawn from, in turn. `close`:
/// nobody abroad and everyone with stretch hours (a group that can meet).
fn team(n: usize, regions: &[&[&str]], seed: u64, close: bool) -> Value {
    let mut rng = Rng(seed);
    let mut reps = Vec::new();
    let mut meetings = Vec::new();
    let series_start = |week: usize, day: usize| {
        // Series begin on Mondays from 2026-01-05 (a Monday), `week` weeks on.
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date")
            + chrono::Duration::days((7 * week + day) as i64);
        d.format("%Y-%m-%d").to_string()
    };
    let teams = n.div_ceil(8);
    let mut team_zone = Vec::new();
    for t in 0..teams {
        let region = regions[t % regions.len()];
        team_zone.push(*rng.pick(region));
    }
    for i in 0..n {
        let t = i / 8;
        let region = regions[t % regions.len()];
        let zone = if !close && rng.chance(5) {
            let world: [&[&str]; 3] = [&AMER, &EMEA, &APAC];
            let abroad = *rng.pick(&world);
            *rng.pick(abroad)
        } else if rng.chance(20) {
            *rng.pick(region)
        } else {
            team_zone[t]
        };
        let (working, stretch) = hours(&mut rng, zone, close);
        // Blocks of 1–6 days and single days off, in both benchmark windows.
        let mut time_off = Vec::new();
        for (week, span) in [(8, 28), (35, 84)] {
            if rng.chance(12) {
                let d = rng.below(span);
                let end = d + 1 + rng.below(5);
                time_off
                    .push(json!({"start": series_start(week, d), "end": series_start(week, end)}));
            }
            if rng.chance(6) {
                let d = rng.below(span);
                time_off
                    .push(json!({"start": series_start(week, d), "end": series_start(week, d)}));
            }
        }
        reps.push(json!({"id": format!("r{i:04}"), "team": format!("t{t:03}"),
                         "time_zone": zone, "working_hours": working,
                         "stretch_hours": stretch, "time_off": time_off}));
    }
    for (t, &z) in team_zone.iter().enumerate() {
        let members: Vec<String> = (t * 8..(t * 8 + 8).min(n))
            .map(|i| format!("r{i:04}"))
            .collect();
        meetings.push(json!({"id": format!("standup-{t}"), "start": format!("{}T09:15", series_start(rng.below(4), 0)),
            "time_zone": z, "duration_minutes": 15,
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "attendees": members}));
        let day = rng.below(4) + 1;
        meetings.push(json!({"id": format!("sync-{t}"),
            "start": format!("{}T{}", series_start(rng.below(4), day), rng.pick(&["10:00", "11:00", "14:00"])),
            "time_zone": z, "duration_minutes": 60,
            "rrule": format!("FREQ=WEEKLY;BYDAY={}", ["MO", "TU", "WE", "TH", "FR"][day]),
            "attendees": members}));
        for (k, m) in members.iter().enumerate().skip(1) {
            meetings.push(json!({"id": format!("one-on-one-{t}-{k}"),
                "start": format!("{}T{}", series_start(rng.below(2), k % 5), rng.pick(&["09:30", "13:30", "16:00"])),
                "time_zone": z, "duration_minutes": 30, "rrule": "FREQ=WEEKLY;INTERVAL=2",
                "attendees": [members[0].clone(), m.clone()]}));
        }
        if rng.chance(30) {
            let d = rng.below(28);
            let week = *rng.pick(&[8, 35, 40]);
            meetings.push(json!({"id": format!("workshop-{t}"),
                "start": format!("{}T13:00", series_start(week, d)), "time_zone": z,
                "duration_minutes": 180, "attendees": members}));
        }
    }
    for (ri, region) in regions.iter().enumerate() {
        let members: Vec<String> = (0..n)
            .filter(|i| (i / 8) % regions.len() == ri)
            .map(|i| format!("r{i:04}"))
            .collect();
        meetings.push(
            json!({"id": format!("all-hands-{ri}"), "start": "2026-01-06T16:00",
            "time_zone": region[0], "duration_minutes": 60,
            "rrule": "FREQ=MONTHLY;BYDAY=1TU", "attendees": members}),
        );
    }
    let leads: Vec<String> = (0..teams).map(|t| format!("r{:04}", t * 8)).collect();
    meetings.push(
        json!({"id": "leads", "start": "2026-01-07T15:00", "time_zone": "Europe/London",
        "duration_minutes": 45, "rrule": "FREQ=WEEKLY;BYDAY=WE", "attendees": leads}),
    );
    let teams: Vec<Value> = (0..teams)
        .map(|t| json!({"id": format!("t{t:03}"), "name": format!("Sales {t}")}))
        .collect();
    json!({"format": "meridian.scenario/1", "teams": teams, "reps": reps, "meetings": meetings})
}

fn scenario(mut doc: Value, request: Value) -> Scenario {
    doc["requests"] = json!({"meetings": [request]});
    meridian::io::scenario::parse_document(&doc.to_string(), "bench").unwrap_or_else(|e| {
        panic!(
            "bench scenario is invalid: {:?}",
            &e.problems[..3.min(e.problems.len())]
        )
    })
}

/// Whose public holidays a bench team has: none, regions looked up by
/// Meridian, or the same days typed in as time off.
#[derive(Clone, Copy)]
enum Holidays {
    None,
    Regions,
    TypedIn,
}

/// Every rep attends: the first `required` reps living around the Atlantic
/// (New York, Toronto, London, Paris, Berlin, Madrid) are required, everyone
/// else optional (an all-hands that must suit the leads); window 2–29 March
/// 2026 (both spring DST changes), New York time, 15-minute grid.
fn all_hands(n: usize, required: usize, seed: u64, holidays: Holidays) -> Scenario {
    const ATLANTIC: [&str; 6] = [
        "America/New_York",
        "America/Toronto",
        "Europe/London",
        "Europe/Paris",
        "Europe/Berlin",
        "Europe/Madrid",
    ];
    let doc = team(n, &[&AMER, &EMEA, &APAC], seed, false);
    let doc = match holidays {
        Holidays::None => doc,
        Holidays::Regions => common::with_holidays(doc),
        // The window and the calendars' two days either side.
        Holidays::TypedIn => common::holidays_typed_in(
            common::with_holidays(doc),
            chrono::NaiveDate::from_ymd_opt(2026, 2, 28).expect("date"),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"),
        ),
    };
    let mut req = Vec::new();
    let mut opt = Vec::new();
    for r in doc["reps"].as_array().expect("reps") {
        let id = r["id"].as_str().expect("id").to_string();
        let zone = r["time_zone"].as_str().expect("zone");
        if req.len() < required && ATLANTIC.contains(&zone) {
            req.push(id);
        } else {
            opt.push(id);
        }
    }
    scenario(
        doc,
        json!({"id": "all-hands", "duration_minutes": 60, "required": req, "optional": opt,
               "from": "2026-03-02", "to": "2026-03-29", "time_zone": "America/New_York",
               "granularity_minutes": 15, "max_results": 5}),
    )
}

/// 30 people (15 required, 15 optional) in western Europe, eastern North
/// America and Brazil, whose common hours lie partly in someone's stretch
/// hours: a weekly
/// call shared fairly over 12 weeks from 7 September 2026 (crossing the
/// autumn DST changes of Europe and North America).
fn fair_rotation() -> Scenario {
    const EUROPE: [&str; 4] = [
        "Europe/London",
        "Europe/Paris",
        "Europe/Berlin",
        "Europe/Madrid",
    ];
    const EAST: [&str; 3] = ["America/New_York", "America/Toronto", "America/Sao_Paulo"];
    let doc = team(30, &[&EUROPE, &EAST], 7, true);
    let ids = |parity: usize| -> Vec<String> {
        (0..30)
            .filter(|i| i % 2 == parity)
            .map(|i| format!("r{i:04}"))
            .collect()
    };
    scenario(
        doc,
        json!({"id": "global-fair", "duration_minutes": 45, "required": ids(0), "optional": ids(1),
               "from": "2026-09-07", "to": "2026-09-11", "time_zone": "UTC",
               "granularity_minutes": 15, "repeat_weeks": 12, "fair_rotation": true}),
    )
}

fn benches(c: &mut Criterion) {
    let cases = [
        (
            "meeting_200_attendees_4_weeks",
            all_hands(200, 12, 1, Holidays::None),
        ),
        // The same, everyone with their zone's public holidays, looked up
        // or typed in as time off (issue 15: the lookup may add at most 5%).
        (
            "meeting_200_attendees_4_weeks_holidays",
            all_hands(200, 12, 1, Holidays::Regions),
        ),
        (
            "meeting_200_attendees_4_weeks_holidays_typed_in",
            all_hands(200, 12, 1, Holidays::TypedIn),
        ),
        (
            "meeting_1000_attendees_4_weeks",
            all_hands(1000, 24, 2, Holidays::None),
        ),
        (
            "meeting_fair_rotation_30_attendees_12_weeks",
            fair_rotation(),
        ),
    ];
    for (name, sc) in &cases {
        let req = &sc.requests.meetings[0];
        // The case must mean something: a ranked answer or a fair plan.
        let answer = suggest(sc, req).expect("planner runs");
        match &answer.fair_plan {
            Some(plan) => eprintln!(
                "{name}: {} attendees, {} meetings; fair plan over {} weeks, worst-off {} min, total cost {}",
                req.required.len() + req.optional.len(),
                sc.meetings.len(),
                plan.occurrences.len(),
                plan.max_person_stretch_minutes,
                plan.total_cost
            ),
            None => eprintln!(
                "{name}: {} attendees ({} required), {} meetings; {} suggestions, best cost {:?}",
                req.required.len() + req.optional.len(),
                req.required.len(),
                sc.meetings.len(),
                answer.suggestions.len(),
                answer.suggestions.first().map(|s| s.cost)
            ),
        }
        assert!(
            !answer.suggestions.is_empty() || answer.fair_plan.is_some(),
            "{name}: nothing feasible: {:?}",
            answer.infeasible_reason
        );
        c.bench_function(name, |b| {
            b.iter(|| suggest(black_box(sc), black_box(req)).expect("planner runs"))
        });
    }
}

criterion_group! {
    name = meeting;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(meeting);
