//! Travel in the views (issue 15 part 4): My week, Team week, the agenda and
//! the week calendar read the office of the day. On a trip day the rep
//! works from the visited office: its closures and its public holidays (a
//! rep works where they are: Thanksgiving is off in New York, an English
//! bank holiday is not).

use chrono::NaiveDate;
use meridian::api::screens::{TeamFilter, TeamWeekLine, TeamWeekQuery, Window};
use meridian::model::{parse_date, Scenario, Weekday};
use meridian::plan::agenda::{agenda, AgendaItem};
use meridian::plan::week::{calendar_view, EventKind, ViewOptions};
use meridian::Meridian;
use serde_json::{json, Value};

fn d(s: &str) -> NaiveDate {
    parse_date(s).expect("date")
}

/// Ana (London, English holidays) in New York over Thanksgiving week (the
/// New York office closed on the Friday) and over the English May Day; Bea
/// works in New York; Cy, remote, visits New York for a day.
fn team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "east", "name": "East"}],
        "offices": [
            {"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 5,
             "holidays": "GB-ENG"},
            {"id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 5,
             "holidays": "US-NY", "closed_dates": ["2026-11-27"]}
        ],
        "reps": [
            {"id": "ana", "name": "Ana", "team": "east", "time_zone": "Europe/London",
             "office": "lon",
             "travel": [{"from": "2026-11-23", "to": "2026-11-27", "office": "nyc"},
                        {"from": "2027-05-03", "to": "2027-05-04", "office": "nyc"}]},
            {"id": "bea", "name": "Bea", "team": "east", "time_zone": "America/New_York",
             "office": "nyc"},
            {"id": "cy", "name": "Cy", "team": "east", "time_zone": "UTC",
             "travel": [{"from": "2026-11-24", "to": "2026-11-24", "office": "nyc"}]}
        ],
        "office_days": [
            {"rep": "ana", "date": "2026-11-24", "office": "nyc"},
            {"rep": "bea", "date": "2026-11-24", "office": "nyc"}
        ]
    })
}

fn meridian() -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&team().to_string(), "team.json")
        .expect("import");
    m
}

fn scenario() -> Scenario {
    meridian().scenario().expect("read")
}

#[test]
fn my_week_names_the_visited_office_and_reads_its_closures_and_holidays() {
    let m = meridian();
    let week = m
        .my_week("ana", d("2026-11-25"), Weekday::Mon)
        .expect("read")
        .expect("ana");
    assert_eq!(week.home_office.as_deref(), Some("London"));
    let day = |date: &str| {
        week.days
            .iter()
            .find(|x| x.date == d(date))
            .cloned()
            .expect("day")
    };
    for date in [
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
    ] {
        assert_eq!(day(date).travel.as_deref(), Some("New York"), "{date}");
    }
    let mon = day("2026-11-23");
    assert!(!mon.closed && mon.holiday.is_none() && mon.office.is_none());
    // An office day at the visited office, with the teammate in there.
    let tue = day("2026-11-24");
    assert_eq!(tue.office.as_deref(), Some("New York"));
    assert_eq!(tue.teammates, ["Bea"]);
    // Thanksgiving: the rep's holiday on a trip day is New York's.
    let thu = day("2026-11-26");
    assert_eq!(thu.holiday.as_deref(), Some("Thanksgiving Day"));
    assert_eq!(thu.office_holiday.as_deref(), Some("Thanksgiving Day"));
    assert!(thu.closed);
    // New York's closed date, not London's calendar.
    let fri = day("2026-11-27");
    assert!(fri.closed && fri.holiday.is_none() && fri.office_holiday.is_none());

    // England's May Day is a working day in New York.
    let week = m
        .my_week("ana", d("2027-05-03"), Weekday::Mon)
        .expect("read")
        .expect("ana");
    let may_day = week
        .days
        .iter()
        .find(|x| x.date == d("2027-05-03"))
        .expect("may day");
    assert_eq!(may_day.travel.as_deref(), Some("New York"));
    assert_eq!((&may_day.holiday, &may_day.office_holiday), (&None, &None));
    assert!(!may_day.closed);
    // At home the week is London's as before.
    let week = m
        .my_week("ana", d("2026-12-25"), Weekday::Mon)
        .expect("read")
        .expect("ana");
    let xmas = week
        .days
        .iter()
        .find(|x| x.date == d("2026-12-25"))
        .expect("christmas");
    assert_eq!(xmas.travel, None);
    assert_eq!(xmas.holiday.as_deref(), Some("Christmas Day"));

    // A remote rep's trip day has an office: the visited one.
    let week = m
        .my_week("cy", d("2026-11-24"), Weekday::Mon)
        .expect("read")
        .expect("cy");
    let cy = week
        .days
        .iter()
        .find(|x| x.date == d("2026-11-24"))
        .expect("cy's trip");
    assert_eq!(cy.travel.as_deref(), Some("New York"));
    assert!(week
        .days
        .iter()
        .filter(|x| x.date != d("2026-11-24"))
        .all(|x| x.travel.is_none()));
}

#[test]
fn team_week_tags_trip_days_and_takes_the_visited_offices_holidays() {
    let m = meridian();
    let query = |date: &str| TeamWeekQuery {
        date: d(date),
        first_day: Weekday::Mon,
        work_week: true,
        time_zone: "Europe/London".into(),
        search: "ana".into(),
        team: TeamFilter::All,
        collapsed: vec![],
    };
    let window = Window {
        offset: 0,
        limit: 10,
    };
    let ana = |date: &str| {
        let week = m.team_week(&query(date), window).expect("week");
        week.lines
            .rows
            .into_iter()
            .find_map(|l| match l {
                TeamWeekLine::Rep(r) if r.id == "ana" => Some(r),
                _ => None,
            })
            .expect("ana's line")
    };
    let thanksgiving = ana("2026-11-23");
    let trip: Vec<(u32, &str)> = thanksgiving
        .travel
        .iter()
        .map(|t| (t.day, t.office.as_str()))
        .collect();
    assert_eq!(
        trip,
        [
            (0, "New York"),
            (1, "New York"),
            (2, "New York"),
            (3, "New York"),
            (4, "New York")
        ]
    );
    let holidays: Vec<(u32, &str)> = thanksgiving
        .holidays
        .iter()
        .map(|h| (h.day, h.name.as_str()))
        .collect();
    assert_eq!(holidays, [(3, "Thanksgiving Day")]);

    let may = ana("2027-05-03");
    assert_eq!(may.travel.len(), 2);
    assert!(may.holidays.is_empty(), "{:?}", may.holidays);
    // The week after: home, no trip, England's Spring Bank Holiday.
    let home = ana("2027-05-31");
    assert!(home.travel.is_empty());
    assert_eq!(home.holidays.len(), 1);
    assert_eq!(home.holidays[0].day, 0);
}

#[test]
fn the_agenda_and_the_week_calendar_take_the_visited_offices_holidays_on_trip_days() {
    let sc = scenario();
    let holidays = |from: &str, to: &str| -> Vec<(String, String)> {
        agenda(&sc, "ana", d(from), d(to))
            .expect("agenda")
            .items
            .into_iter()
            .filter_map(|i| match i {
                AgendaItem::Holiday { date, region, .. } => Some((date.to_string(), region)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        holidays("2026-11-01", "2026-11-30"),
        [("2026-11-26".to_string(), "US-NY".to_string())]
    );
    // May Day falls on the trip; the Spring Bank Holiday at home.
    assert_eq!(
        holidays("2027-05-01", "2027-05-31"),
        [("2027-05-31".to_string(), "GB-ENG".to_string())]
    );

    let opts = ViewOptions {
        hours: false,
        tasks: false,
    };
    let view = calendar_view(
        &sc,
        &["ana"],
        d("2026-11-23"),
        d("2026-11-29"),
        "Europe/London",
        opts,
    )
    .expect("view");
    let titles: Vec<(&str, &str)> = view
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Holiday)
        .map(|e| (e.start.as_str(), e.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [("2026-11-26", "Thanksgiving Day (public holiday)")]
    );
    let view = calendar_view(
        &sc,
        &["ana"],
        d("2027-05-03"),
        d("2027-05-09"),
        "Europe/London",
        opts,
    )
    .expect("view");
    assert!(!view.events.iter().any(|e| e.kind == EventKind::Holiday));
}
