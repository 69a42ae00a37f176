//! A generated team for the rotation benches, as a `meridian.scenario/1`
//! document: offices in real zones with desks for 50–80% of their reps,
//! teams of about eight based at one office with a few members elsewhere or
//! remote, a 2–3 day policy with personal overrides, preferred and
//! no-office days, anchor days, blocks of time off, office holidays, weekly
//! in-person team days and one-off customer workshops, over `weeks` weeks
//! from Monday 2 March 2026. The same arguments give the same document.

use chrono::{Duration as Days, NaiveDate};
use serde_json::{json, Value};

use super::{Draw, Rng};

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

/// The team document: `reps` reps, `offices` offices, a rotation request of
/// `weeks` weeks (and no other request).
pub fn team_doc(reps: usize, offices: usize, weeks: u32, seed: u64) -> Value {
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
        // Time off: about one block a quarter, so long horizons have as
        // much as short ones per week.
        let mut blocks: Vec<Value> = Vec::new();
        for _ in 0..(weeks as usize).div_ceil(13) {
            if rng.chance(12) {
                let start = from + Days::days(rng.below(7 * weeks as usize) as i64);
                let end = start + Days::days(2 + rng.below(5) as i64);
                blocks.push(json!({"start": start, "end": end}));
            }
        }
        if !blocks.is_empty() {
            blocks.sort_by_key(|b| b["start"].as_str().map(str::to_string));
            blocks.dedup_by(|b, a| b["start"].as_str() <= a["end"].as_str());
            rep["time_off"] = json!(blocks);
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
            let mut holidays: Vec<NaiveDate> = Vec::new();
            // At most one holiday in a quarter, so no week has two (drawn
            // before the coin, as the 4- and 12-week bench teams always were).
            for quarter in 0..(weeks as usize).div_ceil(13) {
                let first = 13 * quarter;
                let week = first + rng.below((weeks as usize - first).min(13));
                let day = from + Days::days(7 * week as i64 + rng.below(5) as i64);
                if rng.chance(40) {
                    holidays.push(day);
                }
            }
            holidays.sort();
            holidays.dedup();
            json!({"id": format!("o{o:03}"), "name": format!("Office {o}"),
                   "time_zone": ZONES[o % ZONES.len()], "desks": desks,
                   "closed_dates": holidays})
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
    json!({
        "format": "meridian.scenario/1",
        "teams": team_docs, "offices": office_docs,
        "policy": {"office_days_per_week": {"min": 2, "max": 3}},
        "reps": rep_docs, "meetings": meetings,
        "requests": {"rotation": {"from": from, "weeks": weeks}}
    })
}
