//! Travel in the office-day rotation (issue 15 part 4): on a trip day a rep
//! is planned into the visited office (its desks, open days, closures and
//! holidays, its in-person meetings, teammates there), the weekly policy
//! counts office days wherever they are, a trip over whole weeks plans
//! exactly as the same rep based at the visited office, and the printed
//! objective is what the assignments give when recomputed here.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::{json, Value};

use meridian::model::Scenario;
use meridian::plan::rotation::{rotate, RotationAnswer};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn parse(doc: &Value) -> Scenario {
    meridian::io::scenario::parse_document(&doc.to_string(), "travel.json").expect("valid")
}

fn plan(sc: &Scenario) -> RotationAnswer {
    let req = sc.requests.rotation.as_ref().expect("a rotation request");
    let plan = rotate(sc, req).expect("plans");
    assert_eq!(plan.infeasible_reason, None, "{:?}", plan.fixes);
    plan
}

/// The objective recomputed from the assignments alone, as an outside
/// checker would with travel: pairs of teammates in the same office on the
/// same date, anchor and preferred days, and `in_person` points given per
/// (rep, office, date) by the caller.
fn objective_here(
    sc: &Scenario,
    plan: &RotationAnswer,
    in_person: impl Fn(&str, &str, NaiveDate) -> i64,
) -> (i64, i64) {
    let mut groups: HashMap<(String, String, NaiveDate), i64> = HashMap::new();
    let mut total = 0;
    for a in &plan.assignments {
        let rep = sc.reps.iter().find(|r| r.id == a.rep).expect("rep");
        let wd = meridian::model::Weekday::of(a.date);
        if let Some(t) = &rep.team {
            *groups
                .entry((t.clone(), a.office.clone(), a.date))
                .or_default() += 1;
            let team = sc.teams.iter().find(|x| &x.id == t).expect("team");
            if team.anchor_days.contains(&wd) {
                total += 2;
            }
        }
        if rep.preferred_office_days.contains(&wd) {
            total += 2;
        }
        total += in_person(&a.rep, &a.office, a.date);
    }
    let pairs: i64 = groups.values().map(|n| n * (n - 1) / 2).sum();
    (total + pairs, pairs)
}

/// Desks taken per (office, date) never exceed the office's desks.
fn assert_desks_kept(sc: &Scenario, plan: &RotationAnswer) {
    let mut used: HashMap<(&str, NaiveDate), u32> = HashMap::new();
    for a in &plan.assignments {
        *used.entry((a.office.as_str(), a.date)).or_default() += 1;
    }
    for ((office, date), n) in used {
        let desks = sc
            .offices
            .iter()
            .find(|o| o.id == office)
            .expect("office")
            .desks;
        assert!(n <= desks, "{office} on {date}: {n} in, {desks} desks");
    }
}

fn days_of<'a>(plan: &'a RotationAnswer, rep: &str) -> Vec<(NaiveDate, &'a str)> {
    plan.assignments
        .iter()
        .filter(|a| a.rep == rep)
        .map(|a| (a.date, a.office.as_str()))
        .collect()
}

/// London and a one-desk New York office (its public holidays: US-NY)
/// over two weeks. Ana (London) must be in four days a week; she visits New
/// York Wed 25–Fri 27 Nov (Thanksgiving on Thu 26; London closed on Wed 25)
/// and Wed 2–Fri 4 Dec. Ned (New York) needs two of its days each week.
fn one_desk_team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{ "id": "t", "name": "Sales", "anchor_days": [] }],
        "offices": [
            { "id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 3,
              "closed_dates": ["2026-11-25"] },
            { "id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 1,
              "holidays": "US-NY" }
        ],
        "policy": { "office_days_per_week": { "min": 2, "max": 3 } },
        "reps": [
            { "id": "ana", "team": "t", "time_zone": "Europe/London", "office": "lon",
              "office_days_per_week": { "min": 4, "max": 4 },
              "travel": [
                  { "from": "2026-11-25", "to": "2026-11-27", "office": "nyc" },
                  { "from": "2026-12-02", "to": "2026-12-04", "office": "nyc" }
              ] },
            { "id": "bob", "team": "t", "time_zone": "Europe/London", "office": "lon" },
            { "id": "ned", "team": "t", "time_zone": "America/New_York", "office": "nyc" }
        ],
        "requests": { "rotation": { "from": "2026-11-23", "weeks": 2 } }
    })
}

#[test]
fn a_london_rep_on_a_trip_is_planned_into_new_york_within_its_desks_and_holidays() {
    let sc = parse(&one_desk_team());
    let plan = plan(&sc);
    assert_desks_kept(&sc, &plan);
    let ana = days_of(&plan, "ana");
    for &(date, office) in &ana {
        let on_trip = sc.reps[0].trip_on(date).is_some();
        assert_eq!(
            office,
            if on_trip { "nyc" } else { "lon" },
            "ana on {date}: the office of the day"
        );
    }
    // Thanksgiving closes New York for her too; London's closure on Wed 25
    // does not matter while she is in New York.
    assert!(!ana.iter().any(|&(d, _)| d == day("2026-11-26")), "{ana:?}");
    // Week 48: Mon, Tue in London, Wed, Fri in New York are her only open
    // days, and her minimum is four: all of them, Wed 25 included.
    let week48: Vec<(NaiveDate, &str)> = ana
        .iter()
        .copied()
        .filter(|(d, _)| *d <= day("2026-11-29"))
        .collect();
    assert_eq!(
        week48,
        vec![
            (day("2026-11-23"), "lon"),
            (day("2026-11-24"), "lon"),
            (day("2026-11-25"), "nyc"),
            (day("2026-11-27"), "nyc"),
        ]
    );
    // Week 49: Mon–Tue London, Wed–Fri New York; the minimum of four
    // counts days in both offices (neither has four for her alone).
    let week49: Vec<(NaiveDate, &str)> = ana
        .iter()
        .copied()
        .filter(|(d, _)| *d >= day("2026-11-30"))
        .collect();
    assert_eq!(week49.len(), 4, "{week49:?}");
    assert!(week49.iter().any(|&(_, o)| o == "lon"), "{week49:?}");
    assert!(week49.iter().any(|&(_, o)| o == "nyc"), "{week49:?}");
    // Ned keeps his two New York days a week beside her on its one desk.
    let ned = days_of(&plan, "ned");
    for monday in [day("2026-11-23"), day("2026-11-30")] {
        let n = ned
            .iter()
            .filter(|(d, _)| *d >= monday && (*d - monday).num_days() < 7)
            .count();
        assert!(n >= 2, "ned in week of {monday}: {ned:?}");
    }
    let (total, _) = objective_here(&sc, &plan, |_, _, _| 0);
    assert_eq!(plan.objective.map(|o| o.total), Some(total));
    assert!(plan.upper_bound >= Some(total));
}

/// A lock on a trip day is at the visited office; a New York lock-in on its
/// holiday is refused by the rules there, not London's.
#[test]
fn a_lock_on_a_trip_day_is_kept_at_the_visited_office() {
    let mut doc = one_desk_team();
    doc["requests"]["rotation"]["locks"] =
        json!([{ "rep": "ana", "date": "2026-12-03", "in_office": true }]);
    let sc = parse(&doc);
    let plan = plan(&sc);
    assert!(days_of(&plan, "ana").contains(&(day("2026-12-03"), "nyc")));
    doc["requests"]["rotation"]["locks"] =
        json!([{ "rep": "ana", "date": "2026-11-26", "in_office": true }]);
    let err = meridian::io::scenario::parse_document(&doc.to_string(), "t.json")
        .expect_err("Thanksgiving in New York");
    // Her holidays on a trip day are New York's.
    assert!(err.to_string().contains("Thanksgiving"), "{err}");
}

/// London (Ana, Bob) and New York (Ned, Nia), one team; Ana spends the week
/// of 7 Dec in New York, where the team meets in person on Wednesdays.
fn co_presence_team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{ "id": "t", "name": "Sales", "anchor_days": ["tue"] }],
        "offices": [
            { "id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 2 },
            { "id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 3 }
        ],
        "policy": { "office_days_per_week": { "min": 2, "max": 3 } },
        "reps": [
            { "id": "ana", "team": "t", "time_zone": "Europe/London", "office": "lon",
              "preferred_office_days": ["thu"],
              "travel": [{ "from": "2026-12-07", "to": "2026-12-11", "office": "nyc" }] },
            { "id": "bob", "team": "t", "time_zone": "Europe/London", "office": "lon",
              "preferred_office_days": ["wed"] },
            { "id": "ned", "team": "t", "time_zone": "America/New_York", "office": "nyc" },
            { "id": "nia", "team": "t", "time_zone": "America/New_York", "office": "nyc",
              "preferred_office_days": ["mon"] }
        ],
        "meetings": [{ "id": "sync", "title": "Team sync", "start": "2026-11-04T10:00",
            "time_zone": "America/New_York", "duration_minutes": 60, "rrule": "FREQ=WEEKLY",
            "attendees": ["ana", "ned"], "in_person_office": "nyc" }],
        "requests": { "rotation": { "from": "2026-11-30", "weeks": 2 } }
    })
}

#[test]
fn a_visitor_meets_teammates_and_in_person_meetings_where_she_is() {
    let sc = parse(&co_presence_team());
    let plan = plan(&sc);
    assert_desks_kept(&sc, &plan);
    let ana = days_of(&plan, "ana");
    let trip: Vec<_> = ana
        .iter()
        .filter(|(d, _)| *d >= day("2026-12-07"))
        .collect();
    assert!(
        !trip.is_empty() && trip.iter().all(|&&(_, o)| o == "nyc"),
        "{ana:?}"
    );
    assert!(
        ana.iter()
            .filter(|(d, _)| *d < day("2026-12-07"))
            .all(|&(_, o)| o == "lon"),
        "{ana:?}"
    );
    // The sync earns her points in New York, not at home: she is in on
    // Wed 9 Dec with Ned and Nia around.
    assert!(ana.contains(&(day("2026-12-09"), "nyc")), "{ana:?}");
    let in_person = |rep: &str, office: &str, date: NaiveDate| -> i64 {
        let attends = rep == "ana" || rep == "ned";
        i64::from(attends && office == "nyc" && date.weekday() == Weekday::Wed) * 3
    };
    let (total, pairs) = objective_here(&sc, &plan, in_person);
    let o = plan.objective.expect("objective");
    assert_eq!(o.total, total);
    assert_eq!(o.co_presence, pairs);
    // Her New York days pair her with New York teammates and never with
    // Bob in London.
    let mates_in_nyc = plan
        .assignments
        .iter()
        .filter(|a| (a.rep == "ned" || a.rep == "nia") && trip.iter().any(|&&(d, _)| d == a.date))
        .count();
    assert!(mates_in_nyc > 0, "{:?}", plan.assignments);
    assert!(o.in_person >= 3, "{o:?}");
    assert!(plan.upper_bound >= Some(o.total));
    // Explained in words: the trip is a reason of its own.
    let why = meridian::plan::rotation::explain_rep_week(&sc, &plan, &[], "ana", day("2026-12-09"))
        .expect("explains")
        .expect("ana is planned");
    assert_eq!(why.office, "lon");
    assert!(
        why.days.iter().all(|d| d
            .reasons
            .contains(&"visiting the New York office".to_string())),
        "{why:?}"
    );
    assert!(
        why.summary.contains("in-person meeting: Team sync"),
        "{why:?}"
    );
}

use crate::bench_common;

/// A trip over the whole plan to office B gives exactly the plan of the
/// same team with the rep based at B: same assignments, objective and
/// bound, on generated teams (several reps moved at once).
#[test]
fn a_trip_over_whole_weeks_plans_exactly_like_the_rep_moved_there() {
    for seed in [3u64, 5, 8] {
        let base = bench_common::rotation_team::team_doc(48, 4, 2, seed);
        let (monday, sunday) = ("2026-03-02", "2026-03-15");
        let mut travel = base.clone();
        let mut moved = base.clone();
        let mut picked = 0;
        for (i, rep) in base["reps"].as_array().expect("reps").iter().enumerate() {
            let Some(home) = rep["office"].as_str() else {
                continue;
            };
            if i % 7 != 3 {
                continue;
            }
            let n: usize = home[1..].parse().expect("o00n");
            let visited = format!("o{:03}", (n + 1) % 4);
            travel["reps"][i]["travel"] =
                json!([{ "from": monday, "to": sunday, "office": visited }]);
            moved["reps"][i]["office"] = json!(visited);
            picked += 1;
        }
        assert!(picked >= 3, "seed {seed}: {picked} reps moved");
        let (a, b) = (parse(&travel), parse(&moved));
        let (pa, pb) = (plan(&a), plan(&b));
        assert_eq!(pa.assignments, pb.assignments, "seed {seed}");
        assert_eq!(pa.objective, pb.objective, "seed {seed}");
        assert_eq!(pa.upper_bound, pb.upper_bound, "seed {seed}");
        assert_desks_kept(&a, &pa);
    }
}

/// A trip for part of a week links the two offices into one subproblem:
/// on generated teams the plan keeps every rule (desks per office and day,
/// the office of each day, the policy over all of a rep's days) and its
/// printed objective is what its assignments give.
#[test]
fn partial_week_trips_keep_desks_and_policy_and_the_printed_objective_on_generated_teams() {
    for seed in [4u64, 6] {
        let mut doc = bench_common::rotation_team::team_doc(48, 4, 2, seed);
        // Every fifth rep with an office visits the next office Wed–Fri of
        // the second week.
        let reps = doc["reps"].as_array().cloned().expect("reps");
        for (i, rep) in reps.iter().enumerate() {
            let Some(home) = rep["office"].as_str() else {
                continue;
            };
            if i % 5 == 0 {
                let n: usize = home[1..].parse().expect("o00n");
                doc["reps"][i]["travel"] = json!([{ "from": "2026-03-11", "to": "2026-03-13",
                    "office": format!("o{:03}", (n + 1) % 4) }]);
            }
        }
        let sc = parse(&doc);
        let p = plan(&sc);
        assert_desks_kept(&sc, &p);
        let mut count: HashMap<(&str, u32), i64> = HashMap::new();
        for a in &p.assignments {
            let rep = sc.reps.iter().find(|r| r.id == a.rep).expect("rep");
            assert_eq!(rep.office_on(a.date), Some(a.office.as_str()), "{a:?}");
            let at = sc.offices.iter().find(|o| o.id == a.office);
            assert_eq!(
                meridian::rules::rule1_blocks_at(rep, at, a.date),
                None,
                "{a:?}"
            );
            *count
                .entry((a.rep.as_str(), a.date.iso_week().week()))
                .or_default() += 1;
        }
        let policy = sc.policy.office_days_per_week;
        for ((rep, _), n) in &count {
            let r = sc.reps.iter().find(|r| r.id == *rep).expect("rep");
            let max = r.office_days_per_week.unwrap_or(policy).max;
            assert!(*n <= i64::from(max), "{rep}: {n} days");
        }
        // In-person points: the generated meetings meet at the team's
        // office; recomputed with the library's own occurrence expansion is
        // the planner's business, so compare the terms without them.
        let o = p.objective.expect("objective");
        let (total, pairs) = objective_here(&sc, &p, |_, _, _| 0);
        assert_eq!(o.co_presence, pairs, "seed {seed}");
        assert_eq!(o.total - o.in_person, total, "seed {seed}");
        assert!(p.upper_bound >= Some(o.total));
    }
}

/// The Office days board: a visitor appears on the visited office's board
/// with her trip days there (and her home days away), the home board shows
/// her trip days as away ("In New York office"), desk use counts her where
/// she is, and accepting the plan saves her trip days at New York.
#[test]
fn the_board_shows_a_visitor_at_the_visited_office_and_away_at_home() {
    use meridian::api::screens::board::{Blocked, BoardQuery, BoardRow, CellState};
    use meridian::api::screens::Window;
    let mut doc = co_presence_team();
    doc["requests"]["rotation"]["from"] = json!("2026-12-07");
    doc["requests"]["rotation"]["weeks"] = json!(1);
    doc["reps"][0]["travel"] =
        json!([{ "from": "2026-12-09", "to": "2026-12-11", "office": "nyc" }]);
    let mut m = meridian::Meridian::open_in_memory().expect("db");
    m.import_document(&doc.to_string(), "t").expect("import");
    let today = day("2026-12-07");
    let plan = m
        .plan_rotation_from(
            None,
            None,
            None,
            Some(today),
            &std::sync::atomic::AtomicBool::new(false),
        )
        .expect("plans");
    assert_eq!(plan.infeasible_reason, None);
    let b = m
        .rotation_board(
            &BoardQuery::default(),
            Window {
                offset: 0,
                limit: 100,
            },
            today,
            Some(&plan),
        )
        .expect("board");
    // (office of the row, rep) → cells.
    let mut rows = Vec::new();
    let mut office_rows = HashMap::new();
    for r in &b.rows.rows {
        match r {
            BoardRow::Rep {
                id, office, cells, ..
            } => rows.push((office.clone(), id.clone(), cells.clone())),
            BoardRow::Office { office, days, .. } => {
                office_rows.insert(office.clone(), days.clone());
            }
            BoardRow::Team { .. } => {}
        }
    }
    let cells = |office: &str, rep: &str| {
        rows.iter()
            .find(|(o, r, _)| o == office && r == rep)
            .map(|(_, _, c)| c.clone())
            .unwrap_or_else(|| panic!("{rep} on the {office} board"))
    };
    let (home, away) = (cells("lon", "ana"), cells("nyc", "ana"));
    let dates: Vec<NaiveDate> = b.columns[0].days.iter().map(|d| d.date).collect();
    for (k, date) in dates.iter().enumerate() {
        let trip = *date >= day("2026-12-09");
        let (there, not_there) = if trip {
            (&away[k], &home[k])
        } else {
            (&home[k], &away[k])
        };
        assert_eq!(not_there.state, CellState::Unavailable, "{date}");
        assert_eq!(not_there.blocked, Some(Blocked::Away), "{date}");
        assert_ne!(there.blocked, Some(Blocked::Away), "{date}");
        if trip {
            assert_eq!(not_there.reason.as_deref(), Some("In New York office"));
        }
        let planned = plan
            .assignments
            .iter()
            .find(|a| a.rep == "ana" && a.date == *date)
            .map(|a| a.office.as_str());
        assert_eq!(
            there.state == CellState::In,
            planned == Some(if trip { "nyc" } else { "lon" }),
            "{date}"
        );
    }
    // Desk use per office and day agrees with the plan's assignments there.
    for (office, days) in &office_rows {
        for (k, date) in dates.iter().enumerate() {
            let n = plan
                .assignments
                .iter()
                .filter(|a| &a.office == office && a.date == *date)
                .count();
            assert_eq!(days[k].used as usize, n, "{office} {date}");
        }
    }
    m.accept_rotation_from(&plan, Some(today))
        .expect("accepts trip days at nyc");
    let sc = m.scenario().expect("scenario");
    for d in sc.office_days.iter().filter(|d| d.rep == "ana") {
        let expected = if d.date >= day("2026-12-09") {
            "nyc"
        } else {
            "lon"
        };
        assert_eq!(d.office, expected, "{d:?}");
    }
    // A lock on a trip day is checked at New York and stored.
    m.set_rotation_lock("ana", day("2026-12-10"), Some(true))
        .expect("a New York lock on a trip day");
}

/// A plan for one office changes only its reps. A Mon–Fri trip moves the
/// traveller's week to the visited office (the home office is closed at the
/// weekend, so nothing links them); a partial-week trip links the offices,
/// and the other office's reps are held at their accepted days: desks stay
/// kept once the one office's plan is accepted, and the bound is on the
/// office's own share.
#[test]
fn a_plan_for_one_office_plans_its_travellers_and_holds_the_other_offices_reps() {
    use meridian::plan::rotation::rotate_office;
    let mut doc = one_desk_team();
    // Week 1: Ana in New York Mon–Fri (all week); week 2 as before (Wed–Fri).
    doc["reps"][0]["travel"][0] =
        json!({ "from": "2026-11-23", "to": "2026-11-27", "office": "nyc" });
    doc["reps"][0]["office_days_per_week"] = json!({ "min": 2, "max": 4 });
    // Ned's accepted days: Mon 23 Nov and Tue 1 Dec.
    doc["office_days"] = json!([
        { "rep": "ned", "date": "2026-11-23", "office": "nyc" },
        { "rep": "ned", "date": "2026-12-01", "office": "nyc" }
    ]);
    let sc = parse(&doc);
    let req = sc.requests.rotation.clone().expect("request");
    let lon = rotate_office(&sc, &req, Some("lon")).expect("plans");
    assert_eq!(lon.infeasible_reason, None, "{:?}", lon.fixes);
    // Only London's reps are printed, Ana's New York days among them.
    assert!(lon.assignments.iter().all(|a| a.rep != "ned"));
    let ana = days_of(&lon, "ana");
    let week1: Vec<&(NaiveDate, &str)> =
        ana.iter().filter(|(d, _)| *d < day("2026-11-30")).collect();
    assert!(week1.len() >= 2, "{ana:?}");
    assert!(week1.iter().all(|(_, o)| *o == "nyc"), "{ana:?}");
    // The one New York desk is Ned's on his accepted days: Ana is never
    // there then, so the accepted plan of both offices keeps the desks.
    for (d, o) in &ana {
        assert!(
            !(*o == "nyc" && (*d == day("2026-11-23") || *d == day("2026-12-01"))),
            "{d} {o}"
        );
    }
    // Thanksgiving is New York's holiday.
    assert!(!ana.iter().any(|(d, _)| *d == day("2026-11-26")));
    // The bound is on London's share: it is at least the objective and
    // not inflated by Ned's points.
    let objective = lon.objective.expect("objective").total;
    let upper = lon.upper_bound.expect("bound");
    assert!(upper >= objective, "{upper} < {objective}");
    let whole = plan(&sc);
    assert!(upper <= whole.upper_bound.expect("bound"), "{upper}");
    // Accepting London's plan beside Ned's days keeps every desk.
    let mut accepted: Vec<meridian::plan::rotation::Assignment> = lon.assignments.clone();
    for d in &sc.office_days {
        accepted.push(meridian::plan::rotation::Assignment {
            rep: d.rep.clone(),
            date: d.date,
            office: d.office.clone(),
        });
    }
    let both = RotationAnswer {
        assignments: accepted,
        ..lon.clone()
    };
    assert_desks_kept(&sc, &both);
    // The New York office's own plan, with no accepted days for Ana yet,
    // is planned too (Ana held at none of its desks).
    let nyc = rotate_office(&sc, &req, Some("nyc")).expect("plans");
    assert_eq!(nyc.infeasible_reason, None, "{:?}", nyc.fixes);
    assert!(nyc.assignments.iter().all(|a| a.rep == "ned"));
}
