//! Edits through the facade: one item per write, checked by the document's
//! rules, refused edits change nothing, removals keep references whole,
//! stale revisions are refused. Every write here is followed by the
//! whole-document check (`verify_writes`).

use meridian::model::{
    ClockTime, DateRange, Interval, Lock, Meeting, Office, Policy, Rep, Task, Team, Weekday,
};
use meridian::{ErrorCode, Meridian};

fn sample() -> Meridian {
    meridian::api::verify_writes(true);
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
    let changes = m.create(rep.clone()).expect("created");
    assert_eq!(changes.reps.len(), 1);
    assert_eq!(changes.reps[0].item, rep);
    assert_eq!(changes.reps[0].revision, changes.counter);
    assert_eq!(m.scenario().expect("read").reps.last(), Some(&rep));
}

#[test]
fn a_rep_with_a_taken_id_is_refused() {
    let mut m = sample();
    let first = m.scenario().expect("read").reps[0].id.clone();
    let err = m
        .create(Rep::new(&first, "Someone", "UTC"))
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
    let err = m.create(rep).expect_err("invalid");
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
        .update(Rep::new("ghost", "Ghost", "UTC"), None)
        .expect_err("absent");
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn deleting_a_rep_removes_every_reference() {
    let mut m = sample();
    let sc = m.scenario().expect("read");
    let id = sc.meetings[0].attendees[0].clone();
    let changes = m.delete::<Rep>(&id, None).expect("deleted");
    assert!(changes.removed.iter().any(|c| c.id == id));
    assert!(
        !changes.meetings.is_empty(),
        "the rep's meetings were rewritten"
    );
    let sc = m.scenario().expect("read");
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
}

#[test]
fn deleting_a_team_or_office_keeps_its_reps() {
    let mut m = sample();
    let sc = m.scenario().expect("read");
    let team = sc.teams[0].id.clone();
    let office = sc.offices[0].id.clone();
    let n = sc.reps.len();
    m.delete::<Team>(&team, None).expect("team deleted");
    let sc = m.scenario().expect("read");
    assert_eq!(sc.reps.len(), n);
    assert!(sc
        .reps
        .iter()
        .all(|r| r.team.as_deref() != Some(team.as_str())));
    m.delete::<Office>(&office, None).expect("office deleted");
    let sc = m.scenario().expect("read");
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
        holidays: None,
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
    let changes = m.update(ana, None).expect("updated");
    assert_eq!(changes.office_days_removed.len(), 1);
    let after = m.scenario().expect("read");
    assert!(after.office_days.is_empty());
    assert_eq!(after.requests.rotation.map(|r| r.locks.len()), Some(0));
}

#[test]
fn teams_and_policy_edits_are_validated() {
    let mut m = sample();
    m.create(Team {
        id: "apac".into(),
        name: "APAC".into(),
        anchor_days: vec![Weekday::Wed],
    })
    .expect("team");
    assert!(m
        .scenario()
        .expect("read")
        .teams
        .iter()
        .any(|t| t.id == "apac"));
    let mut policy = Policy::default();
    policy.office_days_per_week.min = 4;
    policy.office_days_per_week.max = 1;
    let err = m.update_policy(policy).expect_err("min > max");
    assert_eq!(err.problems()[0].path, "office_days_per_week");
    let err = m
        .create(Team {
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
    m.create(task("new-task", Some(&rep))).expect("created");
    let sc = m.scenario().expect("read");
    assert_eq!(sc.tasks.last(), Some(&task("new-task", Some(&rep))));
    let mut changed = task("new-task", None);
    changed.pinned = false;
    changed.hours = meridian::model::Hours::from_whole(2);
    m.update(changed.clone(), None).expect("updated");
    assert!(m.scenario().expect("read").tasks.contains(&changed));
    m.delete::<Task>("new-task", None).expect("deleted");
    let sc = m.scenario().expect("read");
    assert!(!sc.tasks.iter().any(|t| t.id == "new-task"));
    assert_eq!(
        m.delete::<Task>("new-task", None).expect_err("gone").code(),
        ErrorCode::NotFound
    );
}

#[test]
fn a_task_for_an_unknown_rep_is_refused_with_a_path_relative_to_the_task() {
    let mut m = sample();
    let before = m.export_document().expect("export");
    let err = m
        .create(task("t-x", Some("nobody-here")))
        .expect_err("invalid");
    assert_eq!(err.code(), ErrorCode::Invalid);
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(paths, vec!["assignee"]);
    assert_eq!(m.export_document().expect("export"), before);
    let first = m.scenario().expect("read").tasks[0].id.clone();
    assert_eq!(
        m.create(task(&first, None)).expect_err("dup").code(),
        ErrorCode::DuplicateId
    );
}

#[test]
fn an_edit_with_a_stale_revision_is_refused_naming_the_item_and_changes_nothing() {
    let mut m = sample();
    let opened = m.list::<Rep>().expect("list").remove(0);
    let mut elsewhere = opened.item.clone();
    elsewhere.capacity_hours_per_week = meridian::model::Hours::from_whole(30);
    m.update(elsewhere.clone(), Some(opened.revision))
        .expect("first writer wins");
    let mut mine = opened.item.clone();
    mine.name = "Renamed".into();
    let err = m
        .update(mine, Some(opened.revision))
        .expect_err("stale revision");
    assert_eq!(err.code(), ErrorCode::Conflict);
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{} was changed elsewhere", opened.item.name)),
        "{message}"
    );
    assert!(message.ends_with("reload to see it"), "{message}");
    assert_eq!(m.get::<Rep>(&opened.item.id).expect("get").item, elsewhere);
    let err = m
        .delete::<Rep>(&opened.item.id, Some(opened.revision))
        .expect_err("stale delete");
    assert_eq!(err.code(), ErrorCode::Conflict);
}

#[test]
fn an_edit_of_an_item_removed_elsewhere_is_a_conflict_not_a_resurrection() {
    let mut m = sample();
    let opened = m.list::<Task>().expect("list").remove(0);
    m.delete::<Task>(&opened.item.id, None).expect("removed");
    let err = m
        .put(opened.item.clone(), Some(opened.revision))
        .expect_err("removed since");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert!(err.to_string().contains("was removed elsewhere"), "{err}");
    assert!(m.get::<Task>(&opened.item.id).is_err());
}

#[test]
fn every_write_returns_the_new_counter_and_revisions_only_grow() {
    let mut m = sample();
    let before = m.counter().expect("counter");
    let mut rep = m.list::<Rep>().expect("list").remove(0).item;
    rep.name = "Once".into();
    let first = m.update(rep.clone(), None).expect("update");
    rep.name = "Twice".into();
    let second = m.update(rep.clone(), None).expect("update");
    assert_eq!(first.counter, before + 1);
    assert_eq!(second.counter, before + 2);
    assert_eq!(m.get::<Rep>(&rep.id).expect("get").revision, second.counter);
    let team = m.team().expect("team");
    assert_eq!(team.counter, second.counter);
    assert_eq!(team.revisions.reps[&rep.id], second.counter);
}

#[test]
fn a_meeting_for_an_unknown_attendee_is_refused_and_a_put_replaces_in_place() {
    let mut m = sample();
    let sc = m.scenario().expect("read");
    let mut meeting: Meeting = sc.meetings[0].clone();
    meeting.attendees.push("nobody-here".into());
    let err = m
        .update(meeting.clone(), None)
        .expect_err("unknown attendee");
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        vec![format!("attendees[{}]", meeting.attendees.len() - 1)]
    );
    meeting.attendees.pop();
    meeting.title = "Renamed sync".into();
    m.put(meeting.clone(), None).expect("put");
    let after = m.scenario().expect("read");
    assert_eq!(after.meetings[0], meeting, "same place in document order");
    assert_eq!(after.meetings.len(), sc.meetings.len());
}

#[test]
fn closing_an_office_on_a_day_drops_the_accepted_office_days_there() {
    let mut m = Meridian::open_in_memory().expect("db");
    meridian::api::verify_writes(true);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let doc = format!(
        r#"{{"format": "meridian.scenario/1",
            "offices": [{{"id": "lon", "time_zone": "Europe/London", "desks": 2}}],
            "reps": [{{"id": "ana", "time_zone": "Europe/London", "office": "lon"}}],
            "office_days": [{{"rep": "ana", "date": "{date}", "office": "lon"}}]}}"#
    );
    m.import_document(&doc, "t").expect("import");
    let mut office = m.get::<Office>("lon").expect("office").item;
    office.closed_dates.push(date);
    let changes = m.update(office, None).expect("closed");
    assert_eq!(changes.office_days_removed.len(), 1);
    assert!(m.scenario().expect("read").office_days.is_empty());
}

#[test]
fn a_new_item_past_the_team_size_limit_is_refused_naming_the_limit() {
    let mut m = Meridian::open_in_memory().expect("db");
    let teams: Vec<String> = (0..meridian::rules::limits::TEAMS)
        .map(|i| format!(r#"{{"id": "t{i}"}}"#))
        .collect();
    let doc = format!(
        r#"{{"format": "meridian.scenario/1", "teams": [{}], "reps": []}}"#,
        teams.join(",")
    );
    m.import_document(&doc, "t")
        .expect("a team at the limit imports");
    let err = m
        .create(Team {
            id: "one-more".into(),
            name: "One more".into(),
            anchor_days: vec![],
        })
        .expect_err("past the limit");
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(
        err.to_string().contains("already holds 10000 teams"),
        "{err}"
    );
    // Replacing one stays possible at the limit.
    m.put(
        Team {
            id: "t0".into(),
            name: "Renamed".into(),
            anchor_days: vec![],
        },
        None,
    )
    .expect("replace at the limit");
}
