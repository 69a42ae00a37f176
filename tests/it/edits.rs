//! Edits through the facade: validated as a whole document, refused edits
//! change nothing, removals keep references whole.

use meridian::model::{ClockTime, DateRange, Interval, Lock, Office, Policy, Rep, Team, Weekday};
use meridian::{ErrorCode, Meridian};

fn sample() -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.load_sample_team().expect("sample");
    m
}

fn t(h: u16, min: u16) -> ClockTime {
    ClockTime::from_minutes(h * 60 + min).expect("time")
}

#[test]
fn a_new_rep_is_stored_and_listed() {
    let mut m = sample();
    let mut rep = Rep::new("zoe", "Zoë Ng", "Asia/Kathmandu");
    rep.skills = vec!["nepali".into()];
    let sc = m.create_rep(rep.clone()).expect("created");
    assert_eq!(sc.reps.last(), Some(&rep));
    assert_eq!(m.scenario().expect("read").reps.last(), Some(&rep));
}

#[test]
fn a_rep_with_a_taken_id_is_refused() {
    let mut m = sample();
    let first = m.scenario().expect("read").reps[0].id.clone();
    let err = m
        .create_rep(Rep::new(&first, "Someone", "UTC"))
        .expect_err("duplicate");
    assert_eq!(err.code(), ErrorCode::DuplicateId);
}

#[test]
fn an_invalid_rep_is_refused_with_paths_relative_to_the_rep() {
    let mut m = sample();
    let before = m.export_document().expect("export");
    let mut rep = Rep::new("zoe", "Zoë", "Mars/Base");
    rep.working_hours.insert(
        Weekday::Mon,
        vec![Interval(t(9, 0), t(13, 0)), Interval(t(12, 0), t(17, 0))],
    );
    let err = m.create_rep(rep).expect_err("invalid");
    assert_eq!(err.code(), ErrorCode::Invalid);
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, vec!["time_zone", "working_hours.mon[1]"]);
    assert_eq!(
        m.export_document().expect("export"),
        before,
        "nothing half-saved"
    );
}

#[test]
fn updating_an_unknown_rep_is_not_found() {
    let mut m = sample();
    let err = m
        .update_rep(Rep::new("ghost", "Ghost", "UTC"))
        .expect_err("absent");
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn deleting_a_rep_removes_every_reference() {
    let mut m = sample();
    let sc = m.scenario().expect("read");
    let id = sc.meetings[0].attendees[0].clone();
    let sc = m.delete_rep(&id).expect("deleted");
    assert!(sc.reps.iter().all(|r| r.id != id));
    assert!(sc.meetings.iter().all(|mt| !mt.attendees.contains(&id)));
    assert!(sc
        .tasks
        .iter()
        .all(|t| t.assignee.as_deref() != Some(id.as_str())));
    assert!(sc
        .requests
        .meetings
        .iter()
        .all(|r| !r.required.contains(&id) && !r.optional.contains(&id)));
    assert_eq!(m.scenario().expect("read"), sc);
}

#[test]
fn deleting_a_team_or_office_keeps_its_reps() {
    let mut m = sample();
    let sc = m.scenario().expect("read");
    let team = sc.teams[0].id.clone();
    let office = sc.offices[0].id.clone();
    let n = sc.reps.len();
    let sc = m.delete_team(&team).expect("team deleted");
    assert_eq!(sc.reps.len(), n);
    assert!(sc
        .reps
        .iter()
        .all(|r| r.team.as_deref() != Some(team.as_str())));
    let sc = m.delete_office(&office).expect("office deleted");
    assert_eq!(sc.reps.len(), n);
    assert!(sc
        .reps
        .iter()
        .all(|r| r.office.as_deref() != Some(office.as_str())));
    assert!(sc.office_days.iter().all(|d| d.office != office));
}

#[test]
fn moving_a_rep_drops_their_office_days_and_locks_at_the_old_office() {
    let mut m = Meridian::open_in_memory().expect("db");
    let mut sc = meridian::model::Scenario::default();
    sc.offices.push(Office {
        id: "lon".into(),
        name: "London".into(),
        time_zone: "Europe/London".into(),
        desks: 3,
        open_days: Weekday::WORKWEEK.to_vec(),
        closed_dates: vec![],
    });
    let mut ana = Rep::new("ana", "Ana", "Europe/Lisbon");
    ana.office = Some("lon".into());
    sc.reps.push(ana.clone());
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    sc.office_days.push(meridian::model::OfficeDay {
        rep: "ana".into(),
        date,
        office: "lon".into(),
    });
    sc.requests.rotation = Some(meridian::model::RotationRequest {
        from: date,
        weeks: 1,
        locks: vec![Lock {
            rep: "ana".into(),
            date,
            in_office: true,
        }],
    });
    m.import_document(&meridian::io::scenario::to_document(&sc), "t")
        .expect("import");
    ana.time_off.push(DateRange {
        start: date,
        end: date,
    });
    ana.office = None;
    let after = m.update_rep(ana).expect("updated");
    assert!(after.office_days.is_empty());
    assert_eq!(after.requests.rotation.map(|r| r.locks.len()), Some(0));
}

#[test]
fn teams_and_policy_edits_are_validated() {
    let mut m = sample();
    let sc = m
        .create_team(Team {
            id: "apac".into(),
            name: "APAC".into(),
            anchor_days: vec![Weekday::Wed],
        })
        .expect("team");
    assert!(sc.teams.iter().any(|t| t.id == "apac"));
    let mut policy = Policy::default();
    policy.office_days_per_week.min = 4;
    policy.office_days_per_week.max = 1;
    let err = m.update_policy(policy).expect_err("min > max");
    assert_eq!(err.problems()[0].path, "office_days_per_week");
    let err = m
        .create_team(Team {
            id: String::new(),
            name: "x".into(),
            anchor_days: vec![],
        })
        .expect_err("empty id");
    assert_eq!(err.problems()[0].path, "id");
}

fn task(id: &str, assignee: Option<&str>) -> meridian::model::Task {
    meridian::model::Task {
        id: id.to_string(),
        title: "Renewal quotes".to_string(),
        hours: meridian::model::Hours::from_whole(6),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 4),
        assignee: assignee.map(str::to_string),
        skills_required: Vec::new(),
        pinned: false,
    }
}

#[test]
fn tasks_are_created_updated_and_deleted() {
    let mut m = sample();
    let rep = m.scenario().expect("read").reps[0].id.clone();
    let sc = m
        .create_task(task("new-task", Some(&rep)))
        .expect("created");
    assert_eq!(sc.tasks.last(), Some(&task("new-task", Some(&rep))));
    let mut changed = task("new-task", None);
    changed.pinned = false;
    changed.hours = meridian::model::Hours::from_whole(2);
    let sc = m.update_task(changed.clone()).expect("updated");
    assert!(sc.tasks.contains(&changed));
    let sc = m.delete_task("new-task").expect("deleted");
    assert!(!sc.tasks.iter().any(|t| t.id == "new-task"));
    assert_eq!(
        m.delete_task("new-task").expect_err("gone").code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_task_for_an_unknown_rep_is_refused_with_a_path_relative_to_the_task() {
    let mut m = sample();
    let before = m.export_document().expect("export");
    let err = m
        .create_task(task("t-x", Some("nobody-here")))
        .expect_err("invalid");
    assert_eq!(err.code(), ErrorCode::Invalid);
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, vec!["assignee"]);
    assert_eq!(m.export_document().expect("export"), before);
    let first = m.scenario().expect("read").tasks[0].id.clone();
    assert_eq!(
        m.create_task(task(&first, None)).expect_err("dup").code(),
        ErrorCode::DuplicateId
    );
}
