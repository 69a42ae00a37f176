//! Travel (issue 15 part 4) outside the rotation: the document's
//! `reps[].travel` is checked and kept, a trip day's hours are wall clocks
//! in the visited office's zone for meeting slots, its holidays are the
//! visited office's for slots and balance capacity, the store keeps trips
//! and an office's delete ends the trips to it.

use meridian::model::{Rep, Scenario, Trip};
use serde_json::{json, Value};

fn team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "t", "name": "Sales", "anchor_days": []}],
        "offices": [
            {"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 4,
             "holidays": "GB-ENG"},
            {"id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 4,
             "holidays": "US-NY"}
        ],
        "reps": [
            {"id": "ana", "name": "Ana", "team": "t", "time_zone": "Europe/London",
             "office": "lon",
             "travel": [
                 {"from": "2026-12-28", "to": "2026-12-31", "office": "nyc"},
                 {"from": "2026-12-07", "to": "2026-12-11", "office": "nyc"},
                 {"from": "2026-11-25", "to": "2026-11-27", "office": "nyc"}
             ]},
            {"id": "ben", "name": "Ben", "team": "t", "time_zone": "Europe/London",
             "office": "lon"}
        ]
    })
}

fn parse(doc: &Value) -> Scenario {
    meridian::io::scenario::parse_document(&doc.to_string(), "team.json").expect("valid")
}

fn refused(doc: &Value) -> String {
    meridian::io::scenario::parse_document(&doc.to_string(), "team.json")
        .expect_err("refused")
        .to_string()
}

fn day(s: &str) -> chrono::NaiveDate {
    meridian::model::parse_date(s).expect("date")
}

#[test]
fn trips_are_kept_sorted_and_a_document_without_travel_exports_as_before() {
    let sc = parse(&team());
    let froms: Vec<String> = sc.reps[0]
        .travel
        .iter()
        .map(|t| t.from.to_string())
        .collect();
    assert_eq!(froms, ["2026-11-25", "2026-12-07", "2026-12-28"]);
    assert_eq!(sc.reps[0].office_on(day("2026-12-09")), Some("nyc"));
    assert_eq!(sc.reps[0].office_on(day("2026-12-12")), Some("lon"));
    assert_eq!(sc.reps[0].office_on(day("2026-12-07")), Some("nyc"));
    assert_eq!(sc.reps[0].office_on(day("2026-12-06")), Some("lon"));
    let text = meridian::io::scenario::to_document(&sc);
    assert_eq!(parse(&serde_json::from_str(&text).expect("json")), sc);
    let doc: Value = serde_json::from_str(&text).expect("json");
    assert!(doc["reps"][1].get("travel").is_none(), "{}", doc["reps"][1]);
    // Typed values must hold trips sorted (planners search them).
    let mut typed = sc.clone();
    typed.reps[0].travel.reverse();
    let problems = meridian::io::scenario::validate(&typed).expect_err("refused");
    assert_eq!(problems[0].path, "reps[0].travel", "{problems:?}");
}

#[test]
fn a_bad_trip_is_refused_at_its_path_and_says_why() {
    let cases = [
        (
            json!([{"from": "2026-12-11", "to": "2026-12-07", "office": "nyc"}]),
            "reps[0].travel[0].to",
            "before from",
        ),
        (
            json!([{"from": "2026-12-07", "to": "2026-12-11", "office": "par"}]),
            "reps[0].travel[0].office",
            "unknown office",
        ),
        (
            json!([{"from": "2026-12-07", "to": "2026-12-11", "office": "lon"}]),
            "reps[0].travel[0].office",
            "home office",
        ),
        (
            json!([
                {"from": "2026-12-07", "to": "2026-12-11", "office": "nyc"},
                {"from": "2026-12-11", "to": "2026-12-14", "office": "nyc"}
            ]),
            "reps[0].travel[1]",
            "overlaps",
        ),
        (
            json!([{"from": "2026-12-07", "office": "nyc"}]),
            "reps[0].travel[0]",
            "to",
        ),
    ];
    for (travel, path, words) in cases {
        let mut doc = team();
        doc["reps"][0]["travel"] = travel;
        let err = refused(&doc);
        assert!(err.contains(path) && err.contains(words), "{path}: {err}");
    }
    // A list longer than the limit is refused, not walked.
    let mut doc = team();
    let many: Vec<Value> = (0..1_001)
        .map(|i| {
            let d = day("2030-01-01") + chrono::Duration::days(2 * i);
            json!({"from": d.to_string(), "to": d.to_string(), "office": "nyc"})
        })
        .collect();
    doc["reps"][0]["travel"] = Value::Array(many);
    let err = refused(&doc);
    assert!(
        err.contains("reps[0].travel") && err.contains("1000"),
        "{err}"
    );
}

#[test]
fn accepted_office_days_on_a_trip_day_name_the_visited_office() {
    let mut doc = team();
    doc["office_days"] = json!([
        {"rep": "ana", "date": "2026-12-08", "office": "nyc"},
        {"rep": "ana", "date": "2026-12-14", "office": "lon"}
    ]);
    parse(&doc);
    doc["office_days"] = json!([{"rep": "ana", "date": "2026-12-08", "office": "lon"}]);
    let err = refused(&doc);
    assert!(
        err.contains("office_days[0].office") && err.contains("on 2026-12-08"),
        "{err}"
    );
    doc["office_days"] = json!([{"rep": "ana", "date": "2026-12-14", "office": "nyc"}]);
    let err = refused(&doc);
    assert!(err.contains("home office"), "{err}");
}

/// The (local date, local hour) of each suggestion's start for `who`, read
/// in `zone`.
fn starts_in(ans: &meridian::plan::meeting::MeetingAnswer, zone: &str) -> Vec<(String, u32)> {
    let z = meridian::tz::Zone::get(zone).expect("zone");
    ans.suggestions
        .iter()
        .map(|s| {
            let utc = chrono::DateTime::parse_from_rfc3339(&s.start).expect("start");
            let m = meridian::tz::minute_of(utc.with_timezone(&chrono::Utc));
            let local = meridian::tz::fmt_local_minute(z.local_minute(m));
            (
                local[..10].to_string(),
                local[11..13].parse().expect("hour"),
            )
        })
        .collect()
}

#[test]
fn a_london_rep_in_new_york_gets_new_york_hours_meeting_slots() {
    let mut doc = team();
    doc["requests"] = json!({"meetings": [{
        "id": "one", "title": "1:1", "duration_minutes": 60,
        "required": ["ana"], "optional": [],
        "from": "2026-11-30", "to": "2026-12-11", "time_zone": "UTC",
        "granularity_minutes": 60, "max_results": 200
    }]});
    let sc = parse(&doc);
    let ans = meridian::plan::meeting::suggest(&sc, &sc.requests.meetings[0]).expect("suggests");
    // The week at home: 09–17 in London; the week in New York: 09–17 there.
    let london = starts_in(&ans, "Europe/London");
    let new_york = starts_in(&ans, "America/New_York");
    let home: Vec<u32> = london
        .iter()
        .filter(|(d, _)| d.as_str() < "2026-12-07")
        .map(|x| x.1)
        .collect();
    let away: Vec<&(String, u32)> = new_york
        .iter()
        .filter(|(d, _)| d.as_str() >= "2026-12-07")
        .collect();
    assert_eq!(home.len(), 5 * 8, "{london:?}");
    assert!(home.iter().all(|h| (9..17).contains(h)), "{london:?}");
    assert_eq!(away.len(), 5 * 8, "{new_york:?}");
    assert!(
        away.iter().all(|(_, h)| (9..17).contains(h)),
        "{new_york:?}"
    );
    // The last trip day ends at 17:00 in New York, 22:00 in London.
    assert!(away.iter().any(|(d, h)| d == "2026-12-11" && *h == 16));
    // The explanation says where she is and the time there.
    let trip_slot = ans
        .suggestions
        .iter()
        .find(|s| s.start.starts_with("2026-12-08T15:00"))
        .expect("10:00 in New York on Tue 8 Dec");
    let note = &trip_slot.attendees[0].note;
    assert!(
        note.contains("Ana is in New York this week, 10:00 there"),
        "{note}"
    );
    let home_slot = &ans.suggestions[0];
    assert!(!home_slot.attendees[0].note.contains("New York"));
}

#[test]
fn on_a_trip_the_visited_offices_holidays_apply_and_the_home_ones_do_not() {
    let mut doc = team();
    doc["requests"] = json!({
        "meetings": [{
            "id": "one", "title": "1:1", "duration_minutes": 60,
            "required": ["ana"], "optional": [],
            "from": "2026-11-25", "to": "2026-11-27", "time_zone": "America/New_York",
            "granularity_minutes": 60, "max_results": 200
        }, {
            "id": "two", "title": "1:1", "duration_minutes": 60,
            "required": ["ana", "ben"], "optional": [],
            "from": "2026-12-28", "to": "2026-12-28", "time_zone": "UTC",
            "granularity_minutes": 60, "max_results": 200
        }],
        "balance": {"from": "2026-12-28", "to": "2026-12-31"}
    });
    let sc = parse(&doc);
    // Thanksgiving (Thu 26 Nov) is off in New York.
    let ans = meridian::plan::meeting::suggest(&sc, &sc.requests.meetings[0]).expect("suggests");
    let dates: std::collections::BTreeSet<String> = starts_in(&ans, "America/New_York")
        .into_iter()
        .map(|x| x.0)
        .collect();
    assert!(dates.contains("2026-11-25") && dates.contains("2026-11-27"));
    assert!(!dates.contains("2026-11-26"), "{dates:?}");
    // Boxing Day observed (Mon 28 Dec) is an English bank holiday: Ben is
    // off, Ana in New York is not, so no slot holds both; Ana alone has
    // New York's day.
    let two = &sc.requests.meetings[1];
    let ans = meridian::plan::meeting::suggest(&sc, two).expect("suggests");
    assert!(ans.suggestions.is_empty(), "{:?}", ans.suggestions);
    let mut alone = two.clone();
    alone.required = vec!["ana".into()];
    let ans = meridian::plan::meeting::suggest(&sc, &alone).expect("suggests");
    assert!(!ans.suggestions.is_empty());
    // Balance capacity reads the same holidays.
    let req = sc.requests.balance.expect("balance");
    let cap = meridian::plan::balance::window_capacity(&sc, &req).expect("capacity");
    let k = cap
        .dates
        .iter()
        .position(|d| *d == day("2026-12-28"))
        .expect("in window");
    assert_eq!(cap.daily[0][k], 8 * 60, "Ana works in New York");
    assert_eq!(cap.daily[1][k], 0, "Ben has the bank holiday");
    // Rule 1 too: Ana's New York office is closed on Thanksgiving, and
    // she may be in it on Boxing Day observed.
    let nyc = &sc.offices[1];
    assert!(meridian::rules::rule1_blocks_at(&sc.reps[0], Some(nyc), day("2026-11-26")).is_some());
    assert_eq!(
        meridian::rules::rule1_blocks(&sc.reps[0], &sc.offices, day("2026-12-28")),
        None
    );
}

#[test]
fn the_store_keeps_trips_and_an_offices_delete_ends_the_trips_to_it() {
    let mut m = meridian::Meridian::open_in_memory().expect("db");
    let mut doc = team();
    doc["office_days"] = json!([
        {"rep": "ana", "date": "2026-12-08", "office": "nyc"},
        {"rep": "ana", "date": "2026-12-14", "office": "lon"}
    ]);
    m.import_document(&doc.to_string(), "team.json")
        .expect("import");
    assert_eq!(m.scenario().expect("read"), parse(&doc));
    // A write sorts the trips; a trip to the home office is refused and
    // changes nothing.
    let mut ana: Rep = m.get("ana").expect("stored").item;
    ana.travel.reverse();
    m.update(ana.clone(), None).expect("update");
    let stored: Rep = m.get("ana").expect("stored").item;
    assert_eq!(stored.travel, parse(&doc).reps[0].travel);
    ana.travel.push(Trip {
        from: day("2027-02-01"),
        to: day("2027-02-02"),
        office: "lon".into(),
    });
    let before = m.scenario().expect("read");
    let err = m.update(ana, None).expect_err("refused").to_string();
    assert!(err.contains("home office"), "{err}");
    assert_eq!(m.scenario().expect("read"), before);
    // Shortening the trip drops the office day it no longer covers.
    let mut ana: Rep = m.get("ana").expect("stored").item;
    ana.travel[1].to = day("2026-12-07");
    m.update(ana, None).expect("update");
    let days: Vec<String> = m
        .scenario()
        .expect("read")
        .office_days
        .iter()
        .map(|d| format!("{} {}", d.date, d.office))
        .collect();
    assert_eq!(days, ["2026-12-14 lon"]);
    // Problems name trips by their place in the list as sent (the form's
    // rows), not by their sorted place.
    let mut ana: Rep = m.get("ana").expect("stored").item;
    ana.travel = vec![
        Trip {
            from: day("2027-03-01"),
            to: day("2027-03-02"),
            office: "nyc".into(),
        },
        Trip {
            from: day("2027-02-01"),
            to: day("2027-02-02"),
            office: "lon".into(),
        },
    ];
    let err = m.update(ana, None).expect_err("refused").to_string();
    assert!(err.contains("travel[1].office"), "{err}");
    // An in-office lock on a trip day goes when the trip no longer covers
    // that day (it does not become a lock in at London); a lock on a day
    // at home stays.
    let mut sc = m.scenario().expect("read");
    sc.requests.rotation = Some(meridian::model::RotationRequest {
        from: day("2026-12-28"),
        weeks: 1,
        locks: vec![
            meridian::model::Lock {
                rep: "ana".into(),
                date: day("2026-12-29"),
                in_office: true,
            },
            meridian::model::Lock {
                rep: "ana".into(),
                date: day("2027-01-01"),
                in_office: false,
            },
        ],
    });
    m.import_document(&meridian::io::scenario::to_document(&sc), "again.json")
        .expect("import");
    let mut ana: Rep = m.get("ana").expect("stored").item;
    ana.travel.retain(|t| t.from != day("2026-12-28"));
    m.update(ana, None).expect("update");
    let locks: Vec<String> = m
        .scenario()
        .expect("read")
        .requests
        .rotation
        .expect("rotation")
        .locks
        .iter()
        .map(|l| l.date.to_string())
        .collect();
    assert_eq!(locks, ["2027-01-01"]);
    // Deleting New York ends every trip there; Ana stays in London.
    m.delete::<meridian::model::Office>("nyc", None)
        .expect("delete");
    let ana: Rep = m.get("ana").expect("stored").item;
    assert!(ana.travel.is_empty());
    assert_eq!(ana.office.as_deref(), Some("lon"));
}
