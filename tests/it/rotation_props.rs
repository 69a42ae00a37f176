//! The rotation planner against exhaustive search (issue 4, item 8): on tiny
//! random teams — one or two offices with few desks, open days and a closed
//! date, teams with anchor days, preferences, no-office days, time off,
//! in-person meetings, the lead's locks — the planner's objective equals the
//! best of every plan that keeps the hard rules, and it is infeasible exactly
//! when no such plan exists. The oracle reads contract §3 directly; it shares
//! nothing with the planner but the document parser.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};

use meridian::io::scenario::parse_document;
use meridian::plan::rotation::rotate_stored;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

#[derive(Debug, Clone)]
struct Case {
    offices: Vec<(u32, u8, Option<usize>)>, // desks, open-day mask, closed day
    anchors: [u8; 2],
    reps: Vec<RepCase>,
    meeting: Option<(usize, u8)>, // day of the week, attendee mask
    locks: Vec<(usize, usize, bool)>,
}

#[derive(Debug, Clone)]
struct RepCase {
    office: Option<usize>,
    team: Option<usize>,
    min: u32,
    extra: u32,
    preferred: u8,
    no_office: u8,
    off_day: Option<usize>,
}

fn mask_days(mask: u8) -> Vec<&'static str> {
    (0..7)
        .filter(|d| mask >> d & 1 == 1)
        .map(|d| DAYS[d])
        .collect()
}

fn rep_case(n_offices: usize) -> impl Strategy<Value = RepCase> {
    (
        prop::option::weighted(0.85, 0..n_offices),
        prop::option::weighted(0.8, 0..2usize),
        0..=2u32,
        0..=2u32,
        0..32u8,
        prop::option::weighted(0.3, 0..5u8),
        prop::option::weighted(0.2, 0..7usize),
    )
        .prop_map(
            |(office, team, min, extra, preferred, no, off_day)| RepCase {
                office,
                team,
                min,
                extra,
                preferred,
                no_office: no.map_or(0, |d| 1 << d),
                off_day,
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (1..=2usize, 2..=4usize)
        .prop_flat_map(|(n_offices, n_reps)| {
            (
                prop::collection::vec(
                    (
                        1..=3u32,
                        prop::sample::select(vec![0x1f_u8, 0x1f, 0x0f, 0x1e, 0x3f, 0x15]),
                        prop::option::weighted(0.25, 0..5usize),
                    ),
                    n_offices,
                ),
                [0..32u8, 0..32u8],
                prop::collection::vec(rep_case(n_offices), n_reps),
                prop::option::weighted(0.6, (0..5usize, 0..16u8)),
                prop::collection::vec((0..n_reps, 0..7usize, any::<bool>()), 0..=2),
            )
        })
        .prop_map(|(offices, anchors, reps, meeting, locks)| Case {
            offices,
            anchors,
            reps,
            meeting,
            locks,
        })
}

/// Rule 1 for rep `r` on weekday `d` of the week.
fn open_for(c: &Case, r: usize, d: usize) -> bool {
    let rep = &c.reps[r];
    let Some(o) = rep.office else { return false };
    let (_, open, closed) = c.offices[o];
    open >> d & 1 == 1 && closed != Some(d) && rep.no_office >> d & 1 == 0 && rep.off_day != Some(d)
}

/// The document, with locks that contradict rule 1 (a validation error)
/// and repeated locks left out.
fn document(c: &Case) -> Value {
    let day = |d: usize| monday() + Duration::days(d as i64);
    let offices: Vec<Value> = c
        .offices
        .iter()
        .enumerate()
        .map(|(i, (desks, open, closed))| {
            json!({"id": format!("o{i}"), "name": format!("Office {i}"),
                   "time_zone": if i == 0 { "Europe/London" } else { "America/New_York" },
                   "desks": desks, "open_days": mask_days(*open),
                   "closed_dates": closed.map(|d| vec![day(d)]).unwrap_or_default()})
        })
        .collect();
    let reps: Vec<Value> = c
        .reps
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({"id": format!("r{i}"), "name": format!("Rep {i}"),
                   "team": r.team.map(|t| format!("t{t}")),
                   "time_zone": "Europe/Lisbon",
                   "office": r.office.map(|o| format!("o{o}")),
                   "office_days_per_week": {"min": r.min, "max": r.min + r.extra},
                   "preferred_office_days": mask_days(r.preferred),
                   "no_office_days": mask_days(r.no_office),
                   "time_off": r.off_day.map(|d| vec![json!({"start": day(d), "end": day(d)})]).unwrap_or_default()})
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let locks: Vec<Value> = c
        .locks
        .iter()
        .filter(|(r, d, inn)| (!inn || open_for(c, *r, *d)) && seen.insert((*r, *d)))
        .map(|(r, d, inn)| json!({"rep": format!("r{r}"), "date": day(*d), "in_office": inn}))
        .collect();
    let meetings: Vec<Value> = c
        .meeting
        .iter()
        .map(|(d, who)| {
            let attendees: Vec<String> = (0..c.reps.len())
                .filter(|r| who >> r & 1 == 1)
                .map(|r| format!("r{r}"))
                .collect();
            // 23:30 in New York is the next local date in London: the
            // in-person office's zone decides the day.
            json!({"id": "m", "title": "Team day",
                   "start": format!("{}T23:30", day(*d)), "time_zone": "America/New_York",
                   "duration_minutes": 30, "attendees": attendees, "in_person_office": "o0"})
        })
        .filter(|m| m["attendees"].as_array().is_some_and(|a| !a.is_empty()))
        .collect();
    json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "t0", "name": "T0", "anchor_days": mask_days(c.anchors[0])},
                  {"id": "t1", "name": "T1", "anchor_days": mask_days(c.anchors[1])}],
        "offices": offices,
        "reps": reps,
        "meetings": meetings,
        "requests": {"rotation": {"from": monday() + Duration::days(2), "weeks": 1, "locks": locks}}
    })
}

/// The best objective over every plan keeping the hard rules, or `None`
/// when there is none; straight from contract §3.
fn exhaustive(doc: &Value, c: &Case) -> Option<i64> {
    let n = c.reps.len();
    let locks: Vec<(usize, usize, bool)> = doc["requests"]["rotation"]["locks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            let r: usize = l["rep"].as_str().unwrap_or("r0")[1..].parse().unwrap_or(0);
            let d: NaiveDate = l["date"].as_str().unwrap_or("").parse().expect("date");
            (
                r,
                (d - monday()).num_days() as usize,
                l["in_office"] == json!(true),
            )
        })
        .collect();
    // In-person points per (rep, day): the meeting at 23:30 New York falls on
    // the next date in London (o0's zone).
    let mut in_person = vec![[0i64; 7]; n];
    if let Some((d, who)) = c.meeting {
        let london = d + 1;
        for (r, row) in in_person.iter_mut().enumerate() {
            if who >> r & 1 == 1 && c.reps[r].office == Some(0) && london < 7 {
                row[london] += 3;
            }
        }
    }
    let options: Vec<Vec<u8>> = (0..n)
        .map(|r| {
            let rep = &c.reps[r];
            if rep.office.is_none() {
                return vec![0];
            }
            let open: u8 = (0..7)
                .filter(|&d| open_for(c, r, d))
                .fold(0, |m, d| m | 1 << d);
            let lo = rep.min.min(open.count_ones());
            let hi = rep.min + rep.extra;
            (0..128u8)
                .filter(|m| m & !open == 0 && (lo..=hi).contains(&m.count_ones()))
                .filter(|m| {
                    locks
                        .iter()
                        .filter(|l| l.0 == r)
                        .all(|&(_, d, inn)| (m >> d & 1 == 1) == inn)
                })
                .collect()
        })
        .collect();
    let mut best = None;
    let mut pick = vec![0u8; n];
    search(c, &options, &in_person, 0, &mut pick, &mut best);
    best
}

fn search(
    c: &Case,
    options: &[Vec<u8>],
    in_person: &[[i64; 7]],
    r: usize,
    pick: &mut Vec<u8>,
    best: &mut Option<i64>,
) {
    if r == options.len() {
        for (o, (desks, _, _)) in c.offices.iter().enumerate() {
            for d in 0..7 {
                let used = (0..pick.len())
                    .filter(|&i| c.reps[i].office == Some(o) && pick[i] >> d & 1 == 1)
                    .count();
                if used as u32 > *desks {
                    return;
                }
            }
        }
        let mut total = 0;
        #[allow(clippy::needless_range_loop)] // reads as the contract's sums
        for i in 0..pick.len() {
            for d in 0..7 {
                if pick[i] >> d & 1 == 0 {
                    continue;
                }
                let rep = &c.reps[i];
                if let Some(t) = rep.team {
                    if c.anchors[t] >> d & 1 == 1 {
                        total += 2;
                    }
                    total += (i + 1..pick.len())
                        .filter(|&j| {
                            c.reps[j].team == Some(t)
                                && c.reps[j].office == rep.office
                                && pick[j] >> d & 1 == 1
                        })
                        .count() as i64;
                }
                if rep.preferred >> d & 1 == 1 {
                    total += 2;
                }
                total += in_person[i][d];
            }
        }
        if best.is_none_or(|b| total > b) {
            *best = Some(total);
        }
        return;
    }
    for &m in &options[r] {
        pick[r] = m;
        search(c, options, in_person, r + 1, pick, best);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_is_optimal_on_tiny_teams(c in case()) {
        let doc = document(&c);
        let sc = parse_document(&doc.to_string(), "case").expect("a valid document");
        let answer = rotate_stored(&sc).expect("plans");
        match exhaustive(&doc, &c) {
            None => prop_assert!(answer.infeasible_reason.is_some(), "{doc}\n{answer:?}"),
            Some(best) => {
                prop_assert!(answer.infeasible_reason.is_none(), "{doc}\n{answer:?}");
                let got = answer.objective.expect("objective").total;
                prop_assert_eq!(got, best, "{}", doc);
                // Tiny teams are proven optimal, and the answer says so.
                prop_assert_eq!(answer.upper_bound, Some(best));
                // Every assignment lies in the week asked for.
                prop_assert!(answer.assignments.iter().all(|a| a.date.iso_week() == monday().iso_week()));
            }
        }
    }
}
