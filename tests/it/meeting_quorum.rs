//! Issue 16: a quorum of optional attendees (`min_optional`), why nothing
//! reaches it, and the varied list. The property tests in
//! `meeting_props.rs` check both against brute force on random teams; these
//! are the cases a lead would try, with their figures worked out by hand.

use serde_json::{json, Value};

use meridian::io::scenario::parse_document;
use meridian::model::{Percent, Quorum};
use meridian::plan::meeting::{suggest, suggest_listed, ListOrder, MeetingAnswer};
use meridian::{AppError, Meridian};

fn rep(id: &str, zone: &str, working: &str, stretch: Option<&str>) -> Value {
    let (a, b) = working.split_once('-').expect("range");
    let mut r = json!({"id": id, "time_zone": zone,
        "working_hours": {"mon": [[a, b]], "tue": [[a, b]], "wed": [[a, b]],
                          "thu": [[a, b]], "fri": [[a, b]]}});
    if let Some(st) = stretch {
        let (c, d) = st.split_once('-').expect("range");
        r["stretch_hours"] = json!({"mon": [[c, d]], "tue": [[c, d]], "wed": [[c, d]],
                                     "thu": [[c, d]], "fri": [[c, d]]});
    }
    r
}

/// Three required reps working 09:00–10:00 with stretch until 18:00, and
/// three optional ones of whom bo and cy are in a meeting 09:00–10:00 on
/// Monday 7 December 2026 (London). At 09:00 the slot costs 2 × 60 for the
/// two missing optional attendees; from 10:00 it costs 3 × 60 stretch. So
/// without a quorum 09:00 wins (120 < 180) with one optional attendee.
fn team(quorum: Option<Value>, dan_busy_after_ten: bool) -> String {
    let mut meetings = vec![json!({"id": "m1", "start": "2026-12-07T09:00",
        "time_zone": "Europe/London", "duration_minutes": 60, "attendees": ["bo", "cy"]})];
    if dan_busy_after_ten {
        meetings.push(json!({"id": "m2", "start": "2026-12-07T10:00",
            "time_zone": "Europe/London", "duration_minutes": 480, "attendees": ["dan"]}));
    }
    let mut request = json!({"id": "sync", "duration_minutes": 60,
        "required": ["ana", "eve", "fay"], "optional": ["bo", "cy", "dan"],
        "from": "2026-12-07", "to": "2026-12-07", "time_zone": "Europe/London",
        "granularity_minutes": 60, "max_results": 1});
    if let Some(q) = quorum {
        request["min_optional"] = q;
    }
    let z = "Europe/London";
    json!({"format": "meridian.scenario/1",
        "reps": [rep("ana", z, "09:00-10:00", Some("10:00-18:00")),
                 rep("eve", z, "09:00-10:00", Some("10:00-18:00")),
                 rep("fay", z, "09:00-10:00", Some("10:00-18:00")),
                 rep("bo", z, "09:00-17:00", None), rep("cy", z, "09:00-17:00", None),
                 rep("dan", z, "09:00-17:00", None)],
        "meetings": meetings,
        "requests": {"meetings": [request]}})
    .to_string()
}

fn answer(doc: &str) -> MeetingAnswer {
    let sc = parse_document(doc, "team.json").expect("valid");
    suggest(&sc, &sc.requests.meetings[0]).expect("planned")
}

fn starts(a: &MeetingAnswer) -> Vec<(&str, i64)> {
    a.suggestions
        .iter()
        .map(|s| (s.start.as_str(), s.cost))
        .collect()
}

#[test]
fn the_cheapest_slot_short_of_the_quorum_gives_way_to_the_next() {
    let none = answer(&team(None, false));
    assert_eq!(starts(&none), [("2026-12-07T09:00:00Z", 120)]);
    for q in [
        json!(2),
        json!(3),
        json!("50%"),
        json!("67%"),
        json!("100%"),
    ] {
        let a = answer(&team(Some(q.clone()), false));
        assert_eq!(starts(&a), [("2026-12-07T10:00:00Z", 180)], "quorum {q}");
    }
    // One optional attendee is enough for 09:00; so is 33% of three.
    for q in [json!(0), json!(1), json!("33%"), json!("0%")] {
        let a = answer(&team(Some(q.clone()), false));
        assert_eq!(starts(&a), [("2026-12-07T09:00:00Z", 120)], "quorum {q}");
    }
}

#[test]
fn an_unreachable_quorum_says_who_would_have_to_move() {
    // dan is busy from 10:00: at 09:00 only dan can come, later bo and cy.
    let a = answer(&team(Some(json!(3)), true));
    assert!(a.suggestions.is_empty());
    let reason = a.infeasible_reason.expect("a reason");
    assert_eq!(
        reason,
        "no slot in the window reaches the quorum of 3 of the 3 optional attendees: at most 2 \
         can come, at 2026-12-07T10:00:00Z (Mon 10:00 Europe/London), where 1 more of \
         dan (Europe/London) (busy: m2) would have to be free"
    );
    assert_eq!(
        a.ways_out,
        [
            "fits 2026-12-07T10:00:00Z with a quorum of 2",
            "fits 2026-12-07T10:00:00Z if dan can come"
        ]
    );
    let pct = answer(&team(Some(json!("75%")), true));
    assert!(
        pct.infeasible_reason
            .as_deref()
            .is_some_and(|r| r.contains("the quorum of 3 of the 3 optional attendees (75%)")),
        "{:?}",
        pct.infeasible_reason
    );
}

#[test]
fn a_quorum_out_of_range_is_refused_at_its_path() {
    for (q, message) in [
        (json!(4), "asks for 4 optional attendees, but the request has 3"),
        (json!("101%"), "a percentage must be 0% to 100%, got 101%"),
        (json!("75"), "expected a percentage such as \"75%\", got \"75\""),
        (json!(-1), "expected a count of optional attendees (such as 2) or a percentage (such as \"75%\"), got -1"),
        (json!(1.5), "expected a count of optional attendees (such as 2) or a percentage (such as \"75%\"), got 1.5"),
    ] {
        let err = parse_document(&team(Some(q.clone()), false), "team.json").expect_err("refused");
        let found = err
            .problems
            .iter()
            .any(|p| p.path == "requests.meetings[0].min_optional" && p.message == message);
        assert!(found, "{q}: {:?}", err.problems);
    }
}

#[test]
fn the_app_path_checks_the_quorum_and_the_document_keeps_it() {
    let doc = team(Some(json!("75%")), false);
    let mut core = Meridian::open_in_memory().expect("memory");
    core.import_document(&doc, "team.json").expect("import");
    let sc = core.scenario().expect("read");
    assert_eq!(
        sc.requests.meetings[0].min_optional,
        Some(Quorum::Percent(Percent(75)))
    );
    // Export writes it the way the lead wrote it.
    let exported = core.export_document().expect("export");
    let v: Value = serde_json::from_str(&exported).expect("json");
    assert_eq!(v["requests"]["meetings"][0]["min_optional"], json!("75%"));
    // An ad-hoc request from the app: a count over the optional ones is
    // refused with the path the form shows it at.
    let mut req = sc.requests.meetings[0].clone();
    req.min_optional = Some(Quorum::Count(5));
    match core.suggest_meeting(req.clone(), ListOrder::Varied) {
        Err(AppError::Invalid(e)) => assert!(
            e.problems.iter().any(|p| p.path == "min_optional"),
            "{:?}",
            e.problems
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    req.min_optional = Some(Quorum::Count(2));
    let a = core
        .suggest_meeting(req.clone(), ListOrder::Exact)
        .expect("answer");
    assert_eq!(starts(&a), [("2026-12-07T10:00:00Z", 180)]);
    // Asked for 10: the slots 10:00 to 16:00 reach the quorum (bo and cy
    // stop at 17:00), and the words say the quorum is part of what every
    // other start fails.
    req.max_results = 10;
    let a = core.suggest_meeting(req, ListOrder::Exact).expect("answer");
    assert_eq!(a.suggestions.len(), 7);
    let why = a.fewer_than_asked.expect("fewer than asked");
    assert!(
        why.starts_with(
            "Only 7 of the 10 asked for fit everyone between Mon 7 Dec 2026 and Mon 7 Dec 2026 \
             (Europe/London): every other start that suits all required people and 2 of the \
             optional overlaps one shown."
        ),
        "{why}"
    );
    assert!(why.ends_with("or lower the quorum."), "{why}");
}

/// ana (London, working 09:00–15:00, stretch 15:00–18:00) and kim (New
/// York, 09:00–17:00, stretch 08:00–09:00) meet at no cost only at 14:00
/// London each day; 13:00 and 15:00 cost 60.
fn two_zones(max_results: u32) -> String {
    json!({"format": "meridian.scenario/1",
        "reps": [rep("ana", "Europe/London", "09:00-15:00", Some("15:00-18:00")),
                 rep("kim", "America/New_York", "09:00-17:00", Some("08:00-09:00"))],
        "requests": {"meetings": [{"id": "sync", "duration_minutes": 60,
            "required": ["ana", "kim"], "from": "2026-12-07", "to": "2026-12-11",
            "time_zone": "Europe/London", "max_results": max_results}]}})
    .to_string()
}

#[test]
fn the_varied_list_shows_another_time_of_day() {
    let doc = two_zones(3);
    let sc = parse_document(&doc, "team.json").expect("valid");
    let req = &sc.requests.meetings[0];
    let exact = suggest_listed(&sc, req, ListOrder::Exact).expect("planned");
    assert_eq!(
        starts(&exact),
        [
            ("2026-12-07T14:00:00Z", 0),
            ("2026-12-08T14:00:00Z", 0),
            ("2026-12-09T14:00:00Z", 0)
        ]
    );
    assert_eq!(exact.varied, None);
    let varied = suggest_listed(&sc, req, ListOrder::Varied).expect("planned");
    assert_eq!(
        starts(&varied),
        [
            ("2026-12-07T14:00:00Z", 0),
            ("2026-12-08T14:00:00Z", 0),
            ("2026-12-07T13:00:00Z", 60)
        ]
    );
    assert_eq!(
        varied.varied.as_deref(),
        Some(
            "Varied list: the best slot at each of 2 different times of day, then the next best \
             in order; the exact top 3 ranks by cost and start alone."
        )
    );
    // One slot asked for: the varied list is the exact one.
    let one = parse_document(&two_zones(1), "team.json").expect("valid");
    let a = suggest_listed(&one, &one.requests.meetings[0], ListOrder::Varied).expect("planned");
    assert_eq!(starts(&a), [("2026-12-07T14:00:00Z", 0)]);
    assert_eq!(a.varied, None);
}

#[test]
fn a_varied_list_that_would_be_shorter_is_not_offered() {
    // Monday has 08:30–09:30 and 10:30–11:30, Tuesday 09:00–11:00: the exact
    // list holds four hours. Spreading over times of day would take Tuesday
    // 09:30 (an hour from both Monday times), which overlaps both Tuesday
    // slots the exact list takes: three. The exact list is kept.
    let doc = json!({"format": "meridian.scenario/1",
        "reps": [{"id": "ana", "time_zone": "UTC", "working_hours": {
            "mon": [["08:30", "09:30"], ["10:30", "11:30"]], "tue": [["09:00", "11:00"]]}}],
        "requests": {"meetings": [{"id": "sync", "duration_minutes": 60, "required": ["ana"],
            "from": "2026-12-07", "to": "2026-12-08", "granularity_minutes": 30,
            "max_results": 6}]}})
    .to_string();
    let sc = parse_document(&doc, "team.json").expect("valid");
    let req = &sc.requests.meetings[0];
    let exact = suggest_listed(&sc, req, ListOrder::Exact).expect("planned");
    let expected = [
        ("2026-12-07T08:30:00Z", 0),
        ("2026-12-07T10:30:00Z", 0),
        ("2026-12-08T09:00:00Z", 0),
        ("2026-12-08T10:00:00Z", 0),
    ];
    assert_eq!(starts(&exact), expected);
    let varied = suggest_listed(&sc, req, ListOrder::Varied).expect("planned");
    assert_eq!(starts(&varied), expected);
    assert_eq!(varied.varied, None);
}
