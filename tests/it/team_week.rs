//! The week screens' queries: the team week's lines (grouping, counts,
//! paging), positions on the viewer's clock across DST, meeting blocks, and
//! My week's days.

use meridian::api::screens::team_week::{MeetingBlock, Span, TeamWeekRep};
use meridian::api::screens::{TeamFilter, TeamWeek, TeamWeekLine, TeamWeekQuery, Window};
use meridian::model::{
    parse_date, DateRange, LocalDateTime, Meeting, Office, OfficeDay, Rep, Scenario, Team, Weekday,
};
use meridian::Meridian;

fn d(s: &str) -> chrono::NaiveDate {
    parse_date(s).expect("date")
}

fn rep(id: &str, name: &str, zone: &str, team: Option<&str>) -> Rep {
    let mut r = Rep::new(id, name, zone);
    r.team = team.map(str::to_string);
    r
}

/// East: Ana (London), Kai (Tokyo), Bea (New York); West: Zoe (Sydney);
/// no team: Max (UTC). A daily 30-minute stand-up at 08:30 London for Ana
/// and Kai, a 23:30–00:30 late call for Bea.
fn team() -> Meridian {
    let teams = vec![
        Team {
            id: "east".into(),
            name: "East".into(),
            anchor_days: vec![],
        },
        Team {
            id: "west".into(),
            name: "West".into(),
            anchor_days: vec![],
        },
    ];
    let offices = vec![Office {
        id: "lon".into(),
        name: "London".into(),
        time_zone: "Europe/London".into(),
        desks: 4,
        open_days: Weekday::WORKWEEK.to_vec(),
        closed_dates: vec![d("2026-03-27")],
        holidays: None,
    }];
    let mut ana = rep("ana", "Ana", "Europe/London", Some("east"));
    ana.office = Some("lon".into());
    ana.time_off = vec![DateRange {
        start: d("2026-03-26"),
        end: d("2026-03-26"),
    }];
    let mut bea = rep("bea", "Bea", "America/New_York", Some("east"));
    bea.office = Some("lon".into());
    let reps = vec![
        rep("zoe", "Zoe", "Australia/Sydney", Some("west")),
        ana,
        rep("max", "Max", "UTC", None),
        rep("kai", "Kai", "Asia/Tokyo", Some("east")),
        bea,
    ];
    let meetings = vec![
        Meeting {
            id: "standup".into(),
            title: "Stand-up with a long descriptive title".into(),
            start: LocalDateTime::parse("2026-03-23T08:30").expect("start"),
            time_zone: "Europe/London".into(),
            duration_minutes: 30,
            rrule: Some("FREQ=DAILY;COUNT=14".into()),
            attendees: vec!["ana".into(), "kai".into()],
            in_person_office: None,
        },
        Meeting {
            id: "late".into(),
            title: "Late call".into(),
            start: LocalDateTime::parse("2026-03-24T23:30").expect("start"),
            time_zone: "UTC".into(),
            duration_minutes: 60,
            rrule: None,
            attendees: vec!["bea".into()],
            in_person_office: None,
        },
    ];
    let office_days = vec![
        OfficeDay {
            rep: "ana".into(),
            date: d("2026-03-24"),
            office: "lon".into(),
        },
        OfficeDay {
            rep: "bea".into(),
            date: d("2026-03-24"),
            office: "lon".into(),
        },
        OfficeDay {
            rep: "ana".into(),
            date: d("2026-04-07"),
            office: "lon".into(),
        },
    ];
    let sc = Scenario {
        teams,
        offices,
        reps,
        meetings,
        office_days,
        ..Scenario::default()
    };
    let mut m = Meridian::open_in_memory().expect("db");
    let text = serde_json::to_string(&sc).expect("json");
    m.import_document(&text, "test").expect("import");
    m
}

fn query(date: &str, zone: &str) -> TeamWeekQuery {
    TeamWeekQuery {
        date: d(date),
        first_day: Weekday::Mon,
        work_week: false,
        time_zone: zone.into(),
        search: String::new(),
        team: TeamFilter::All,
        collapsed: vec![],
    }
}

const ALL: Window = Window {
    offset: 0,
    limit: 100,
};

/// Each line as `#Group(n)` or the rep's id.
fn lines(w: &TeamWeek) -> Vec<String> {
    w.lines
        .rows
        .iter()
        .map(|l| match l {
            TeamWeekLine::Group(g) => format!("#{}({})", g.name, g.reps),
            TeamWeekLine::Rep(r) => r.id.clone(),
        })
        .collect()
}

fn row<'a>(w: &'a TeamWeek, id: &str) -> &'a TeamWeekRep {
    w.lines
        .rows
        .iter()
        .find_map(|l| match l {
            TeamWeekLine::Rep(r) if r.id == id => Some(r),
            _ => None,
        })
        .expect("rep on the page")
}

#[test]
fn reps_are_grouped_by_team_name_with_counts_and_no_team_last() {
    let m = team();
    let w = m.team_week(&query("2026-03-25", "UTC"), ALL).expect("week");
    assert_eq!(
        lines(&w),
        [
            "#East(3)",
            "ana",
            "bea",
            "kai",
            "#West(1)",
            "zoe",
            "#No team(1)",
            "max"
        ]
    );
    assert_eq!((w.reps, w.groups, w.lines.total), (5, 3, 8));
    assert_eq!((w.from, w.to), (d("2026-03-23"), d("2026-03-29")));
}

#[test]
fn search_team_filter_and_collapsed_groups_narrow_the_lines() {
    let m = team();
    let mut q = query("2026-03-23", "UTC");
    q.search = "tokyo".into();
    let w = m.team_week(&q, ALL).expect("week");
    assert_eq!(lines(&w), ["#East(1)", "kai"]);
    q.search = String::new();
    q.team = TeamFilter::NoTeam;
    assert_eq!(
        lines(&m.team_week(&q, ALL).expect("week")),
        ["#No team(1)", "max"]
    );
    q.team = TeamFilter::All;
    q.collapsed = vec!["east".into()];
    let w = m.team_week(&q, ALL).expect("week");
    assert_eq!(
        lines(&w),
        ["#East(3)", "#West(1)", "zoe", "#No team(1)", "max"]
    );
    assert!(matches!(&w.lines.rows[0], TeamWeekLine::Group(g) if g.collapsed));
}

#[test]
fn a_page_holds_only_the_window_of_lines_and_counts_them_all() {
    let m = team();
    let w = m
        .team_week(
            &query("2026-03-23", "UTC"),
            Window {
                offset: 2,
                limit: 3,
            },
        )
        .expect("week");
    assert_eq!(lines(&w), ["bea", "kai", "#West(1)"]);
    assert_eq!((w.lines.offset, w.lines.total), (2, 8));
    let past = m
        .team_week(
            &query("2026-03-23", "UTC"),
            Window {
                offset: 50,
                limit: 10,
            },
        )
        .expect("week");
    assert!(past.lines.rows.is_empty());
    assert_eq!(past.lines.total, 8);
}

#[test]
fn a_work_week_has_five_days_and_a_week_starts_on_monday() {
    let m = team();
    let mut q = query("2026-03-29", "UTC");
    q.work_week = true;
    let w = m.team_week(&q, ALL).expect("week");
    assert_eq!(w.days.len(), 5);
    assert_eq!((w.from, w.to), (d("2026-03-23"), d("2026-03-27")));
}

#[test]
fn a_dst_week_has_a_23_hour_day_with_its_hours_labelled_on_the_viewers_clock() {
    // London springs forward on Sunday 29 March 2026.
    let m = team();
    let w = m
        .team_week(&query("2026-03-23", "Europe/London"), ALL)
        .expect("week");
    let minutes: Vec<u32> = w.days.iter().map(|d| d.minutes).collect();
    assert_eq!(minutes, [1440, 1440, 1440, 1440, 1440, 1440, 1380]);
    let sunday = &w.days[6];
    let labels: Vec<&str> = sunday
        .hours
        .iter()
        .take(3)
        .map(|h| h.label.as_str())
        .collect();
    assert_eq!(labels, ["00:00", "02:00", "03:00"]);
    assert_eq!(sunday.hours[1].at, 60);
    assert_eq!(w.offsets, "UTC+00:00 → UTC+01:00");
    // Ana works 09:00–17:00 London on Monday: drawn at her own clock's hours.
    let ana = row(&w, "ana");
    assert!(ana.working.contains(&Span {
        day: 0,
        from: 540,
        to: 1020
    }));
}

#[test]
fn working_hours_and_meetings_follow_the_reps_clock_across_a_dst_change() {
    // Viewer in Tokyo (no DST). The stand-up is 08:30 London: 17:30 Tokyo in
    // GMT, 16:30 Tokyo once London is on BST (from Sunday 29 March).
    let m = team();
    let w = m
        .team_week(&query("2026-03-23", "Asia/Tokyo"), ALL)
        .expect("week");
    let kai = row(&w, "kai");
    let at = |b: &MeetingBlock| (b.span.day, b.span.from, b.span.to);
    let standups: Vec<(u32, u32, u32)> = kai.meetings.iter().map(at).collect();
    assert_eq!(standups[0], (0, 17 * 60 + 30, 18 * 60));
    assert_eq!(standups[6], (6, 16 * 60 + 30, 17 * 60));
    let first = &kai.meetings[0];
    assert_eq!(first.title, "Stand-up with a long descriptive title");
    assert_eq!(
        (first.start.as_str(), first.end.as_str()),
        ("2026-03-23T17:30", "2026-03-23T18:00")
    );
    assert_eq!(first.local_start, "2026-03-23T17:30");
    assert_eq!(first.meeting_zone, "Europe/London");
    assert_eq!(first.attendees, 2);
    // Ana's own clock is London: the block carries her local time.
    let ana = row(&w, "ana");
    assert_eq!(ana.meetings[0].local_start, "2026-03-23T08:30");
    assert_eq!(ana.meetings[0].start, "2026-03-23T17:30");
    // Ana's working day 09:00–17:00 GMT is 18:00–02:00 Tokyo: two pieces.
    assert!(ana.working.contains(&Span {
        day: 0,
        from: 18 * 60,
        to: 1440
    }));
    assert!(ana.working.contains(&Span {
        day: 1,
        from: 0,
        to: 120
    }));
    assert_eq!(ana.offsets, "UTC+00:00 → UTC+01:00");
}

#[test]
fn a_meeting_across_midnight_is_two_blocks_with_the_whole_time() {
    let m = team();
    let w = m.team_week(&query("2026-03-23", "UTC"), ALL).expect("week");
    let bea = row(&w, "bea");
    let late: Vec<&MeetingBlock> = bea
        .meetings
        .iter()
        .filter(|b| b.meeting == "late")
        .collect();
    assert_eq!(late.len(), 2);
    assert_eq!(
        (late[0].span.day, late[0].span.from, late[0].span.to),
        (1, 1410, 1440)
    );
    assert_eq!(
        (late[1].span.day, late[1].span.from, late[1].span.to),
        (2, 0, 30)
    );
    assert!(late
        .iter()
        .all(|b| b.start == "2026-03-24T23:30" && b.end == "2026-03-25T00:30"));
    assert_eq!(
        late[0].local_start, "2026-03-24T19:30",
        "New York is on EDT"
    );
}

#[test]
fn office_days_and_time_off_sit_on_the_reps_own_dates_and_a_day_off_has_no_hours() {
    let m = team();
    let w = m
        .team_week(&query("2026-03-23", "Asia/Tokyo"), ALL)
        .expect("week");
    let ana = row(&w, "ana");
    assert_eq!(ana.office_days.len(), 1);
    assert_eq!(
        (ana.office_days[0].day, ana.office_days[0].office.as_str()),
        (1, "London")
    );
    assert_eq!(ana.time_off, [3]);
    // Thursday 26 March is off: no working hours start on Tokyo's Thursday
    // evening (09:00 GMT = 18:00 Tokyo).
    assert!(!ana.working.iter().any(|s| s.day == 3 && s.from == 18 * 60));
}

#[test]
fn an_unknown_viewer_zone_is_refused() {
    let m = team();
    let err = m
        .team_week(&query("2026-03-23", "Mars/Base"), ALL)
        .expect_err("bad zone");
    assert!(err.to_string().contains("Mars/Base"), "{err}");
}

#[test]
fn my_week_lists_office_days_with_teammates_and_why_other_days_are_remote() {
    let m = team();
    let w = m
        .my_week("ana", d("2026-03-25"), Weekday::Mon)
        .expect("read")
        .expect("ana");
    assert_eq!(w.start, d("2026-03-23"));
    assert_eq!(w.days.len(), 5, "no weekend without working hours");
    assert_eq!(w.office_days, 1);
    let tue = &w.days[1];
    assert_eq!(tue.office.as_deref(), Some("London"));
    assert_eq!(tue.teammates, ["Bea"]);
    assert!(w.days[3].time_off);
    assert!(w.days[4].closed, "London is closed on 27 March");
    assert_eq!(w.next_planned, None);
    let next = m
        .my_week("ana", d("2026-03-30"), Weekday::Mon)
        .expect("read")
        .expect("ana");
    assert_eq!(next.office_days, 0);
    assert_eq!(next.next_planned, Some(d("2026-04-06")));
    assert_eq!(
        m.my_week("nobody", d("2026-03-30"), Weekday::Mon)
            .expect("read"),
        None
    );
}

/// A reader whose weeks start on Sunday (en-US) or Saturday (much of the
/// Gulf) sees that week; the office days in it are the planned ones.
#[test]
fn my_week_and_team_week_start_on_the_reader_s_first_weekday() {
    let m = team();
    let sunday_first = m
        .my_week("ana", d("2026-03-25"), Weekday::Sun)
        .expect("read")
        .expect("ana");
    assert_eq!(sunday_first.start, d("2026-03-22"));
    let dates: Vec<_> = sunday_first.days.iter().map(|x| x.date).collect();
    assert_eq!(
        dates,
        [
            "2026-03-23",
            "2026-03-24",
            "2026-03-25",
            "2026-03-26",
            "2026-03-27"
        ]
        .map(d),
        "the weekend is still shown only when something is on it"
    );
    assert_eq!(sunday_first.office_days, 1);
    let saturday_first = m
        .my_week("ana", d("2026-03-21"), Weekday::Sat)
        .expect("read")
        .expect("ana");
    assert_eq!(saturday_first.start, d("2026-03-21"));
    assert_eq!(
        saturday_first.office_days, 1,
        "Tuesday 24 March is in Sat 21 – Fri 27"
    );
    // With nothing this week, the next week with an office day starts on
    // the reader's first weekday too.
    let next = m
        .my_week("ana", d("2026-03-30"), Weekday::Sun)
        .expect("read")
        .expect("ana");
    assert_eq!(next.start, d("2026-03-29"));
    assert_eq!(next.next_planned, Some(d("2026-04-05")));

    let mut q = query("2026-03-23", "Europe/London");
    q.first_day = Weekday::Sun;
    let week = m.team_week(&q, ALL).expect("week");
    assert_eq!((week.from, week.to), (d("2026-03-22"), d("2026-03-28")));
    assert_eq!(week.days.len(), 7);
    // Sunday 29 March opens a Sunday-first reader's next week, whose work
    // week is 30 March to 3 April (ISO would say 23 to 27 March).
    q.date = d("2026-03-29");
    q.work_week = true;
    let work = m.team_week(&q, ALL).expect("week");
    assert_eq!((work.from, work.to), (d("2026-03-30"), d("2026-04-03")));
    q.first_day = Weekday::Mon;
    let iso = m.team_week(&q, ALL).expect("week");
    assert_eq!((iso.from, iso.to), (d("2026-03-23"), d("2026-03-27")));
}
