//! The Meetings screen's query and the app's meeting calls: the list split
//! into upcoming and past with recurrence, sorted, searched and paged; the
//! schedule in words; booking under an id made from the title; editing with
//! a revision; and why fewer suggestions came back than asked for.

use chrono::{DateTime, Utc};
use serde_json::json;

use meridian::api::screens::{describe_meeting, MeetingWhen, MeetingsQuery, Window};
use meridian::api::NewBooking;
use meridian::error::{AppError, ErrorCode};
use meridian::model::{LocalDateTime, Meeting, MeetingRequest};
use meridian::plan::meeting::ListOrder;
use meridian::Meridian;

fn team(meetings: serde_json::Value) -> Meridian {
    let doc = json!({
        "format": "meridian.scenario/1",
        "reps": [
            {"id": "ana", "name": "Ana Silva", "time_zone": "Europe/London",
             "working_hours": {"mon": [["09:00","15:00"]], "tue": [["09:00","15:00"]],
                               "wed": [["09:00","15:00"]], "thu": [["09:00","15:00"]],
                               "fri": [["09:00","15:00"]]},
             "time_off": [{"start": "2026-12-03", "end": "2026-12-04"}]},
            {"id": "bo", "name": "Bolek Zamojski", "time_zone": "America/New_York",
             "working_hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
                               "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]],
                               "fri": [["09:00","17:00"]]}},
            {"id": "cy", "name": "Cyra Okafor", "time_zone": "Asia/Kolkata"},
            {"id": "di", "name": "Dima Petrov", "time_zone": "Europe/Berlin"}
        ],
        "meetings": meetings,
    });
    let mut core = Meridian::open_in_memory().expect("memory db");
    core.import_document(&doc.to_string(), "team.json")
        .expect("valid team");
    core
}

fn meeting(id: &str, title: &str, start: &str, rrule: Option<&str>) -> serde_json::Value {
    json!({"id": id, "title": title, "start": start, "time_zone": "Europe/London",
           "duration_minutes": 30, "rrule": rrule, "attendees": ["ana", "bo", "cy", "di"]})
}

fn list_team() -> Meridian {
    team(json!([
        meeting("once-past", "Kick-off", "2026-11-02T10:00", None),
        meeting(
            "first-tue",
            "Board",
            "2026-11-01T15:00",
            Some("FREQ=MONTHLY;BYDAY=1TU")
        ),
        meeting(
            "first-tue-2",
            "Audit",
            "2026-11-03T15:00",
            Some("FREQ=MONTHLY;BYDAY=1TU")
        ),
        meeting(
            "three",
            "Onboarding",
            "2026-11-10T09:00",
            Some("FREQ=WEEKLY;COUNT=3")
        ),
        meeting(
            "weekly",
            "Stand-up",
            "2026-01-06T09:00",
            Some("FREQ=WEEKLY")
        ),
        meeting("once-soon", "Offsite", "2026-12-10T10:00", None),
    ]))
}

/// Tue 1 Dec 2026, 12:00 UTC.
fn now() -> DateTime<Utc> {
    "2026-12-01T12:00:00Z".parse().expect("instant")
}

fn query(when: MeetingWhen, search: &str) -> MeetingsQuery {
    MeetingsQuery {
        search: search.to_string(),
        when,
        zone: "America/New_York".to_string(),
    }
}

const ALL: Window = Window {
    offset: 0,
    limit: 100,
};

fn ids(core: &Meridian, q: &MeetingsQuery, w: Window) -> Vec<String> {
    core.meetings_at(q, w, now())
        .expect("page")
        .rows
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn upcoming_meetings_come_soonest_first_by_their_next_occurrence() {
    let core = list_team();
    let page = core
        .meetings_at(&query(MeetingWhen::Upcoming, ""), ALL, now())
        .expect("page");
    let got: Vec<(&str, Option<&str>)> = page
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.when.as_deref()))
        .collect();
    // Both monthly meetings recur today at 15:00 London (= UTC in winter),
    // tied and then ordered by title; the endless weekly one has had
    // today's 09:00 and is next on the 8th.
    assert_eq!(
        got,
        vec![
            ("first-tue-2", Some("2026-12-01T15:00:00Z")),
            ("first-tue", Some("2026-12-01T15:00:00Z")),
            ("weekly", Some("2026-12-08T09:00:00Z")),
            ("once-soon", Some("2026-12-10T10:00:00Z")),
        ]
    );
    assert_eq!((page.upcoming, page.past, page.total), (4, 2, 4));
    // Shown in the lead's zone.
    assert_eq!(page.rows[0].when_local.as_deref(), Some("2026-12-01T10:00"));
    assert_eq!(page.rows[0].attendee_count, 4);
    assert_eq!(
        page.rows[0].attendee_names,
        vec!["Ana Silva", "Bolek Zamojski", "Cyra Okafor"]
    );
}

#[test]
fn past_meetings_come_most_recent_first_by_their_last_occurrence() {
    let core = list_team();
    let page = core
        .meetings_at(&query(MeetingWhen::Past, ""), ALL, now())
        .expect("page");
    let got: Vec<(&str, Option<&str>)> = page
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.when.as_deref()))
        .collect();
    // Three weekly Tuesdays from 10 Nov: the last is 24 Nov.
    assert_eq!(
        got,
        vec![
            ("three", Some("2026-11-24T09:00:00Z")),
            ("once-past", Some("2026-11-02T10:00:00Z")),
        ]
    );
}

#[test]
fn a_meeting_under_way_is_still_upcoming() {
    let core = list_team();
    let during: DateTime<Utc> = "2026-12-01T15:10:00Z".parse().expect("instant");
    let page = core
        .meetings_at(&query(MeetingWhen::Upcoming, "board"), ALL, during)
        .expect("page");
    assert_eq!(page.rows[0].when.as_deref(), Some("2026-12-01T15:00:00Z"));
    let after: DateTime<Utc> = "2026-12-01T15:30:00Z".parse().expect("instant");
    let page = core
        .meetings_at(&query(MeetingWhen::Upcoming, "board"), ALL, after)
        .expect("page");
    assert_eq!(page.rows[0].when.as_deref(), Some("2027-01-05T15:00:00Z"));
}

#[test]
fn the_list_is_searched_by_title_and_attendee_name_and_paged() {
    let core = list_team();
    assert_eq!(
        ids(&core, &query(MeetingWhen::Upcoming, "OFFSITE"), ALL),
        vec!["once-soon"]
    );
    assert_eq!(
        ids(&core, &query(MeetingWhen::Upcoming, "zamojski stand"), ALL),
        vec!["weekly"]
    );
    let page = core
        .meetings_at(
            &query(MeetingWhen::Upcoming, ""),
            Window {
                offset: 1,
                limit: 2,
            },
            now(),
        )
        .expect("page");
    let got: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(got, vec!["first-tue", "weekly"]);
    assert_eq!((page.offset, page.total), (1, 4));
    let beyond = core
        .meetings_at(
            &query(MeetingWhen::Upcoming, ""),
            Window {
                offset: 10,
                limit: 2,
            },
            now(),
        )
        .expect("page");
    assert!(beyond.rows.is_empty());
    assert_eq!(beyond.total, 4);
}

#[test]
fn an_unknown_display_zone_is_an_error_naming_it() {
    let core = list_team();
    let mut q = query(MeetingWhen::Upcoming, "");
    q.zone = "Mars/Olympus".to_string();
    let err = core.meetings_at(&q, ALL, now()).expect_err("bad zone");
    assert!(err.to_string().contains("Mars/Olympus"), "{err}");
}

fn described(start: &str, minutes: u32, rrule: Option<&str>) -> String {
    describe_meeting(&Meeting {
        id: "m".into(),
        title: "M".into(),
        start: LocalDateTime::parse(start).expect("start"),
        time_zone: "Europe/London".into(),
        duration_minutes: minutes,
        rrule: rrule.map(str::to_string),
        attendees: vec!["ana".into()],
        in_person_office: None,
    })
}

#[test]
fn schedules_read_as_a_lead_would_say_them() {
    let cases: [(&str, u32, Option<&str>, &str); 12] = [
        ("2026-12-01T10:00", 60, None, "Once: Tue 1 Dec 2026, 10:00–11:00 Europe/London"),
        (
            "2026-11-03T15:00",
            30,
            Some("FREQ=MONTHLY;BYDAY=1TU"),
            "Monthly on the first Tuesday, 15:00–15:30 Europe/London, from Tue 3 Nov 2026",
        ),
        (
            "2026-11-01T15:00",
            30,
            Some("FREQ=MONTHLY;BYDAY=1TU"),
            "Sun 1 Nov 2026, then monthly on the first Tuesday from Tue 3 Nov 2026, 15:00–15:30 Europe/London",
        ),
        (
            "2026-12-01T10:00",
            45,
            Some("FREQ=WEEKLY;BYDAY=TU;COUNT=10"),
            "Weekly on Tuesday, 10:00–10:45 Europe/London, from Tue 1 Dec 2026, 10 times",
        ),
        (
            "2026-11-30T09:00",
            15,
            Some("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
            "Every weekday (Monday to Friday), 09:00–09:15 Europe/London, from Mon 30 Nov 2026",
        ),
        (
            "2026-11-30T09:00",
            30,
            Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"),
            "Every 2 weeks on Monday and Wednesday, 09:00–09:30 Europe/London, from Mon 30 Nov 2026",
        ),
        (
            "2026-11-27T16:00",
            60,
            Some("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630"),
            "Monthly on the last Friday, 16:00–17:00 Europe/London, from Fri 27 Nov 2026, until Wed 30 Jun 2027",
        ),
        (
            "2026-12-15T10:00",
            30,
            Some("FREQ=MONTHLY;BYMONTHDAY=15,-1"),
            "Monthly on the 15th and the last day, 10:00–10:30 Europe/London, from Tue 15 Dec 2026",
        ),
        (
            "2026-12-03T10:00",
            30,
            Some("FREQ=MONTHLY;INTERVAL=3"),
            "Every 3 months on the 3rd, 10:00–10:30 Europe/London, from Thu 3 Dec 2026",
        ),
        (
            "2026-03-02T09:00",
            60,
            Some("FREQ=YEARLY"),
            "Yearly on 2 March, 09:00–10:00 Europe/London, from Mon 2 Mar 2026",
        ),
        (
            "2026-12-01T23:30",
            60,
            Some("FREQ=DAILY;COUNT=5"),
            "Daily, 23:30–00:30 next day Europe/London, from Tue 1 Dec 2026, 5 times",
        ),
        (
            "2026-12-01T10:00",
            30,
            Some("FREQ=WEEKLY;COUNT=1"),
            "Once: Tue 1 Dec 2026, 10:00–10:30 Europe/London",
        ),
    ];
    for (start, minutes, rrule, words) in cases {
        assert_eq!(described(start, minutes, rrule), words, "{rrule:?}");
    }
}

fn new_booking(title: &str, starts: &[&str]) -> NewBooking {
    NewBooking {
        title: title.to_string(),
        time_zone: "Europe/London".to_string(),
        duration_minutes: 30,
        attendees: vec!["ana".to_string(), "bo".to_string()],
        starts: starts.iter().map(|s| s.to_string()).collect(),
        weeks: 1,
    }
}

#[test]
fn a_booking_gets_a_free_id_made_from_its_title() {
    let mut core = team(json!([meeting(
        "pipeline-review",
        "Old",
        "2026-11-02T10:00",
        None
    )]));
    let changes = core
        .book_new_meeting(new_booking("Pipeline review!", &["2026-12-01T14:00:00Z"]))
        .expect("booked");
    assert_eq!(changes.meetings[0].item.id, "pipeline-review-2");
    assert_eq!(changes.meetings[0].item.title, "Pipeline review!");
    // A fair plan's weeks take `-w2`…: the id is free only when they all are.
    core.book_new_meeting(new_booking("Sync", &["2026-12-08T14:00:00Z"]))
        .expect("booked");
    core.book_new_meeting(new_booking("Sync w2", &["2026-12-09T14:00:00Z"]))
        .expect("booked");
    let plan = core
        .book_new_meeting(new_booking(
            "Sync",
            &["2026-12-01T14:00:00Z", "2026-12-02T14:00:00Z"],
        ))
        .expect("booked");
    let got: Vec<&str> = plan.meetings.iter().map(|m| m.item.id.as_str()).collect();
    assert_eq!(got, vec!["sync-2", "sync-2-w2"]);
    let err = core
        .book_new_meeting(new_booking("  ", &["2026-12-01T14:00:00Z"]))
        .expect_err("no title");
    assert_eq!(err.code(), ErrorCode::Invalid);
}

#[test]
fn a_meeting_edit_sends_its_revision_and_a_stale_one_is_a_conflict() {
    let mut core = list_team();
    let stored = core.get::<Meeting>("weekly").expect("stored");
    let mut edited = stored.item.clone();
    edited.title = "Daily stand-up".to_string();
    edited.rrule = Some("FREQ=DAILY".to_string());
    edited.attendees = vec!["ana".to_string()];
    let changes = core
        .update(edited.clone(), Some(stored.revision))
        .expect("saved");
    assert_eq!(changes.meetings[0].item.title, "Daily stand-up");
    let err = core
        .update(edited, Some(stored.revision))
        .expect_err("stale revision");
    assert!(matches!(err, AppError::Conflict(_)), "{err:?}");
    // Rust names the field of a bad edit.
    let fresh = core.get::<Meeting>("weekly").expect("stored");
    let mut bad = fresh.item.clone();
    bad.attendees = vec!["nobody".to_string()];
    bad.duration_minutes = 0;
    match core.update(bad, Some(fresh.revision)) {
        Err(AppError::Invalid(e)) => {
            let paths: Vec<&str> = e.problems.iter().map(|p| p.path.as_str()).collect();
            assert!(paths.iter().any(|p| p.contains("attendees")), "{paths:?}");
            assert!(
                paths.iter().any(|p| p.contains("duration_minutes")),
                "{paths:?}"
            );
        }
        other => panic!("expected invalid, got {other:?}"),
    }
}

fn request(max_results: u32) -> MeetingRequest {
    MeetingRequest {
        id: "find-a-time".into(),
        title: "Find a time".into(),
        duration_minutes: 60,
        required: vec!["ana".into(), "bo".into()],
        optional: vec![],
        from: "2026-11-30".parse().expect("date"),
        to: "2026-12-04".parse().expect("date"),
        time_zone: "UTC".into(),
        granularity_minutes: 15,
        max_results,
        repeat_weeks: 1,
        fair_rotation: false,
        min_optional: None,
    }
}

#[test]
fn fewer_suggestions_than_asked_come_with_the_reason() {
    let core = team(json!([]));
    // Ana (London 09:00–15:00) and Bolek (New York 09:00–17:00) share one
    // hour a day, 14:00–15:00 UTC, and Ana is off on Thursday and Friday:
    // three one-hour slots exist, whatever is asked.
    let answer = core
        .suggest_meeting(request(5), ListOrder::Exact)
        .expect("answer");
    let starts: Vec<&str> = answer
        .suggestions
        .iter()
        .map(|s| s.start.as_str())
        .collect();
    assert_eq!(
        starts,
        vec![
            "2026-11-30T14:00:00Z",
            "2026-12-01T14:00:00Z",
            "2026-12-02T14:00:00Z"
        ]
    );
    let why = answer.fewer_than_asked.expect("a reason");
    assert_eq!(
        why,
        "Only 3 of the 5 asked for fit everyone between Mon 30 Nov 2026 and Fri 4 Dec 2026 (UTC): \
         every other start that suits all required people overlaps one shown. \
         Nothing fits on Thu 3 Dec and Fri 4 Dec: Ana Silva (ana, Europe/London) is on time off that day. \
         For more choices, widen the dates, shorten the meeting or make someone optional."
    );
    // A full answer needs no words.
    let full = core
        .suggest_meeting(request(3), ListOrder::Exact)
        .expect("answer");
    assert_eq!(full.suggestions.len(), 3);
    assert_eq!(full.fewer_than_asked, None);
}

#[test]
fn the_command_line_answer_carries_no_shortfall_field() {
    let core = team(json!([]));
    let mut sc = core.scenario().expect("team");
    sc.requests.meetings.push(request(5));
    let answer =
        meridian::plan::meeting::suggest(&sc, &sc.requests.meetings[0]).expect("planner runs");
    assert_eq!(answer.suggestions.len(), 3);
    let json = serde_json::to_value(&answer).expect("json");
    assert!(json.get("fewer_than_asked").is_none(), "{json}");
}

#[test]
fn a_long_window_explains_its_first_empty_dates_and_counts_the_rest() {
    let core = team(json!([]));
    let mut req = request(60);
    req.to = "2027-01-31".parse().expect("date");
    let answer = core.suggest_meeting(req, ListOrder::Exact).expect("answer");
    assert!(answer.suggestions.len() < 60);
    let why = answer.fewer_than_asked.expect("a reason");
    // Thu 3 and Fri 4 Dec (time off), then weekends: 14 dates named.
    assert!(
        why.contains("Nothing fits on Thu 3 Dec and Fri 4 Dec: Ana Silva"),
        "{why}"
    );
    assert!(why.contains("Sat 5 Dec, Sun 6 Dec"), "{why}");
    assert!(
        why.contains("later dates without a suggestion were not looked at here"),
        "{why}"
    );
}
