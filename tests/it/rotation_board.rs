//! The "Office days" board as Rust answers it: rule-1 reasons per cell, past
//! days shown as accepted and never planned or re-saved, grouping and paging,
//! desk use that agrees with the cells, a held plan's view, and a planning
//! run that stops when cancelled.

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use serde_json::json;

use meridian::api::screens::board::{BoardQuery, BoardRow, CellState, PlanSummary};
use meridian::api::screens::Window;
use meridian::plan::PlanError;
use meridian::{AppError, ErrorCode, Meridian};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn rep(id: &str, name: &str, office: Option<&str>, team: Option<&str>) -> serde_json::Value {
    json!({ "id": id, "name": name, "time_zone": "UTC", "office": office, "team": team })
}

/// London (2 desks, closed Thu 3 Dec) with team Alpha (anchor Tue) and a rep
/// without a team; New York with one rep; one remote rep. Ana is off on
/// Tue 1 Dec, Bo never comes in on Fridays; Cy was accepted in on Mon 30 Nov.
fn team() -> Meridian {
    let mut reps = vec![
        json!({ "id": "ana", "name": "Ana", "time_zone": "UTC", "office": "lon", "team": "alpha",
                "time_off": [{ "start": "2026-12-01", "end": "2026-12-01" }] }),
        json!({ "id": "bo", "name": "bo", "time_zone": "UTC", "office": "lon", "team": "alpha",
                "no_office_days": ["fri"] }),
        rep("cy", "Cy", Some("lon"), None),
        rep("dee", "Dee", Some("nyc"), Some("alpha")),
        rep("eve", "Eve", None, None),
    ];
    reps.rotate_left(1);
    let doc = json!({
        "format": "meridian.scenario/1",
        "teams": [{ "id": "alpha", "name": "Alpha", "anchor_days": ["tue"] }],
        "offices": [
            { "id": "lon", "name": "London", "time_zone": "UTC", "desks": 2,
              "open_days": ["mon","tue","wed","thu","fri"], "closed_dates": ["2026-12-03"] },
            { "id": "nyc", "name": "New York", "time_zone": "UTC", "desks": 1,
              "open_days": ["mon","tue","wed","thu","fri"] }
        ],
        "policy": { "office_days_per_week": { "min": 1, "max": 2 } },
        "reps": reps,
        "office_days": [{ "rep": "cy", "date": "2026-11-30", "office": "lon" }],
        "requests": { "rotation": { "from": "2026-11-30", "weeks": 1,
            "locks": [{ "rep": "cy", "date": "2026-12-02", "in_office": false }] } }
    });
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&doc.to_string(), "t").expect("import");
    m
}

const ALL: Window = Window {
    offset: 0,
    limit: 100,
};

fn reps_of(rows: &[BoardRow]) -> Vec<&str> {
    rows.iter()
        .filter_map(|r| match r {
            BoardRow::Rep { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect()
}

fn cells_of<'a>(rows: &'a [BoardRow], rep: &str) -> &'a [meridian::api::screens::board::BoardCell] {
    rows.iter()
        .find_map(|r| match r {
            BoardRow::Rep { id, cells, .. } if id == rep => Some(cells.as_slice()),
            _ => None,
        })
        .expect("rep row")
}

#[test]
fn cells_say_rule_one_reasons_locks_and_past_days_and_rows_group_by_office_then_team() {
    let m = team();
    let b = m
        .rotation_board(&BoardQuery::default(), ALL, day("2026-12-02"), None)
        .expect("board");
    assert_eq!((b.from, b.weeks, b.stored), (day("2026-11-30"), 1, true));
    assert_eq!(b.max_weeks, 104);
    assert_eq!(b.remote_reps, 1);
    assert_eq!(b.locks, 1);
    // Weekends: no office opens, no column.
    let dates: Vec<_> = b.columns[0].days.iter().map(|d| (d.date, d.past)).collect();
    assert_eq!(dates.len(), 5);
    assert_eq!(dates[0], (day("2026-11-30"), true));
    assert_eq!(dates[2], (day("2026-12-02"), false));
    // Offices by name, teams by name with no team last, reps by name.
    let kinds: Vec<String> = b
        .rows
        .rows
        .iter()
        .map(|r| match r {
            BoardRow::Office { office, .. } => format!("office {office}"),
            BoardRow::Team { name, reps, .. } => format!("team {name} {reps}"),
            BoardRow::Rep { id, .. } => id.clone(),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "office lon",
            "team Alpha 2",
            "ana",
            "bo",
            "team No team 1",
            "cy",
            "office nyc",
            "team Alpha 1",
            "dee"
        ]
    );
    let ana = cells_of(&b.rows.rows, "ana");
    assert_eq!(ana[1].state, CellState::Unavailable);
    assert_eq!(
        ana[1].reason.as_deref(),
        Some("the date is in the rep's time off")
    );
    assert!(ana[1].anchor);
    assert_eq!(
        ana[3].reason.as_deref(),
        Some("office lon is closed on 2026-12-03")
    );
    let bo = cells_of(&b.rows.rows, "bo");
    assert_eq!(
        bo[4].reason.as_deref(),
        Some("fri is one of the rep's no_office_days")
    );
    let cy = cells_of(&b.rows.rows, "cy");
    assert_eq!(
        (cy[0].state, cy[0].past, cy[0].planned),
        (CellState::In, true, false)
    );
    assert_eq!(cy[2].lock, Some(false));
    assert!(!cy[2].pending, "remote already follows the lock-out");
    // Desk use counts exactly the cells shown in.
    let BoardRow::Office { days, desks, .. } = &b.rows.rows[0] else {
        panic!("office row first")
    };
    assert_eq!(*desks, 2);
    assert_eq!(days[0].used, 1);
    assert!(days[3].closed);
}

#[test]
fn search_office_filter_and_paging_cut_the_rows_in_rust() {
    let m = team();
    let today = day("2026-11-30");
    let only_nyc = BoardQuery {
        office: Some("nyc".into()),
        ..BoardQuery::default()
    };
    let b = m
        .rotation_board(&only_nyc, ALL, today, None)
        .expect("board");
    assert_eq!(reps_of(&b.rows.rows), ["dee"]);
    let search = BoardQuery {
        search: "BO".into(),
        ..BoardQuery::default()
    };
    let b = m.rotation_board(&search, ALL, today, None).expect("board");
    assert_eq!(reps_of(&b.rows.rows), ["bo"]);
    assert_eq!(b.rows.total, 3, "office, team and rep");
    let page = m
        .rotation_board(
            &BoardQuery::default(),
            Window {
                offset: 2,
                limit: 3,
            },
            today,
            None,
        )
        .expect("board");
    assert_eq!((page.rows.offset, page.rows.total), (2, 9));
    assert_eq!(reps_of(&page.rows.rows), ["ana", "bo"]);
    let bad = m.rotation_board(
        &BoardQuery {
            weeks: Some(105),
            ..BoardQuery::default()
        },
        ALL,
        today,
        None,
    );
    assert!(matches!(bad, Err(AppError::Invalid(_))));
}

#[test]
fn without_a_stored_window_the_board_starts_on_todays_week() {
    let mut m = Meridian::open_in_memory().expect("db");
    let doc = json!({ "format": "meridian.scenario/1",
        "offices": [{ "id": "lon", "name": "London", "time_zone": "UTC", "desks": 1,
                      "open_days": ["mon","tue"] }],
        "reps": [rep("ana", "Ana", Some("lon"), None)] });
    m.import_document(&doc.to_string(), "t").expect("import");
    let b = m
        .rotation_board(&BoardQuery::default(), ALL, day("2026-12-10"), None)
        .expect("board");
    assert_eq!((b.from, b.weeks, b.stored), (day("2026-12-07"), 4, false));
    assert_eq!(b.columns.len(), 4);
    assert!(b.columns.iter().all(|w| w.days.len() == 2));
    assert!(b.columns[0].days.iter().all(|d| d.past));
    assert!(!b.columns[1].days[0].past);
}

#[test]
fn a_held_plan_shows_from_today_and_accepting_it_keeps_the_past() {
    let mut m = team();
    let today = day("2026-12-02");
    let plan = m
        .plan_rotation_from(None, None, None, Some(today), &AtomicBool::new(false))
        .expect("plan");
    assert!(
        plan.infeasible_reason.is_none(),
        "{:?}",
        plan.infeasible_reason
    );
    // Cy's accepted Monday stands: it is fixed in the run.
    assert!(plan
        .assignments
        .iter()
        .any(|a| a.rep == "cy" && a.date == day("2026-11-30")));
    let summary = PlanSummary::of(7, &plan);
    assert_eq!(summary.token, 7);
    let weights: Vec<(String, u32)> = summary
        .terms
        .iter()
        .map(|t| (t.key.clone(), t.weight))
        .collect();
    assert_eq!(
        weights,
        [
            ("co_presence".to_string(), 1),
            ("anchor".to_string(), 2),
            ("preference".to_string(), 2),
            ("in_person".to_string(), 3)
        ]
    );
    let b = m
        .rotation_board(&BoardQuery::default(), ALL, today, Some(&plan))
        .expect("board");
    assert!(b.shows_plan);
    for id in ["ana", "bo", "cy", "dee"] {
        for c in cells_of(&b.rows.rows, id) {
            assert_eq!(
                c.planned,
                !c.past && c.state != CellState::Unavailable,
                "{id} {}",
                c.date
            );
            let planned_in = plan
                .assignments
                .iter()
                .any(|a| a.rep == id && a.date == c.date);
            if c.planned {
                assert_eq!(c.state == CellState::In, planned_in, "{id} {}", c.date);
            }
        }
    }
    // Desk labels count what the cells show.
    for (k, row) in b.rows.rows.iter().enumerate() {
        if let BoardRow::Office { office, days, .. } = row {
            for (col, d) in days.iter().enumerate() {
                let shown = b.rows.rows[k + 1..]
                    .iter()
                    .take_while(|r| !matches!(r, BoardRow::Office { .. }))
                    .filter_map(|r| match r {
                        BoardRow::Rep { cells, .. } => Some(cells[col].state),
                        _ => None,
                    })
                    .filter(|s| *s == CellState::In)
                    .count();
                assert_eq!(d.used as usize, shown, "{office} column {col}");
            }
        }
    }
    // A plan for other weeks is not drawn on this window.
    let other = m
        .plan_rotation_from(
            Some(day("2026-12-07")),
            Some(1),
            None,
            Some(today),
            &AtomicBool::new(false),
        )
        .expect("plan");
    let b = m
        .rotation_board(&BoardQuery::default(), ALL, today, Some(&other))
        .expect("board");
    assert!(!b.shows_plan);

    // Accepting keeps the past as accepted, whatever the plan says of it.
    let mut edited = plan.clone();
    edited.assignments.retain(|a| a.date >= today);
    edited
        .assignments
        .push(meridian::plan::rotation::Assignment {
            rep: "bo".into(),
            date: day("2026-11-30"),
            office: "lon".into(),
        });
    m.accept_rotation_from(&edited, Some(today))
        .expect("accept");
    let days = m.scenario().expect("scenario").office_days;
    assert!(days
        .iter()
        .any(|d| d.rep == "cy" && d.date == day("2026-11-30")));
    assert!(!days
        .iter()
        .any(|d| d.rep == "bo" && d.date == day("2026-11-30")));
    let future: BTreeSet<_> = days
        .iter()
        .filter(|d| d.date >= today)
        .map(|d| (&d.rep, d.date))
        .collect();
    let planned: BTreeSet<_> = plan
        .assignments
        .iter()
        .filter(|a| a.date >= today)
        .map(|a| (&a.rep, a.date))
        .collect();
    assert_eq!(future, planned);
}

#[test]
fn a_cancelled_run_is_an_error_not_a_partial_plan_and_an_uncancelled_one_is_unchanged() {
    let m = team();
    let err = m
        .plan_rotation_from(None, None, None, None, &AtomicBool::new(true))
        .expect_err("cancelled");
    assert!(matches!(err, AppError::Plan(PlanError::Cancelled)));
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(err.to_string(), "planning was cancelled");
    let run = m
        .plan_rotation_from(None, None, None, None, &AtomicBool::new(false))
        .expect("plan");
    assert_eq!(run, m.plan_rotation(None, None, None).expect("plan"));
}

#[test]
fn accepting_a_rotation_planned_before_a_write_is_refused_inside_the_write() {
    let mut m = team();
    let today = day("2026-11-30");
    let run = m
        .plan_rotation_at(None, None, None, Some(today), &AtomicBool::new(false))
        .expect("plan");
    let (plan, counter) = (run.answer, run.counter);
    assert_eq!(counter, m.counter().expect("counter"), "read with the team");
    let before = m.scenario().expect("scenario").office_days;

    m.set_rotation_lock("ana", day("2026-12-02"), Some(true))
        .expect("a lock after planning");
    let err = m
        .accept_rotation_at(&plan, Some(today), Some(counter))
        .expect_err("the team changed since the plan");
    assert_eq!(err.code(), meridian::ErrorCode::Conflict);
    let message = err.to_string();
    assert!(
        message.starts_with("The team changed since this plan was made (1 change(s) since")
            && message.ends_with("): re-plan to see it"),
        "{message}"
    );
    assert_eq!(m.scenario().expect("scenario").office_days, before);

    // Planned again at the new counter, the same plan is accepted.
    let run = m
        .plan_rotation_at(None, None, None, Some(today), &AtomicBool::new(false))
        .expect("plan");
    m.accept_rotation_at(&run.answer, Some(today), Some(run.counter))
        .expect("a current plan is accepted");
}
