//! Undo and redo (issue 17): each restores exactly what was stored (the
//! exported document and every revision), a change made elsewhere since
//! refuses it with nothing changed, and the history holds 50 changes.

use meridian::error::ErrorCode;
use meridian::model::{Meeting, Office, Task};
use meridian::store::Revisions;
use meridian::Meridian;

/// Everything a user can see of the team: the exported document, every
/// item's revision and the accepted days in list order.
fn state(m: &Meridian) -> (String, Revisions) {
    let team = m.team().expect("team");
    (m.export_document().expect("export"), team.revisions)
}

fn sample() -> Meridian {
    meridian::api::verify_writes(true);
    let mut m = Meridian::open_in_memory().expect("memory");
    m.load_sample_team().expect("sample");
    m
}

fn with_plan(m: &mut Meridian) {
    let plan = m.plan_rotation(None, None, None).expect("plan");
    m.accept_rotation(&plan).expect("accept");
}

#[test]
fn undo_of_an_applied_balance_restores_the_document_and_revisions_and_redo_applies_it_again() {
    let mut m = sample();
    let before = state(&m);
    let moves = m.balance_stored(None, None).expect("plan").proposed_moves();
    assert!(!moves.is_empty(), "the sample's balance proposes moves");
    m.apply_balance(&moves).expect("applied");
    let after = state(&m);
    assert_ne!(before, after);
    let undo = m.undo_state().expect("state");
    assert!(
        undo.undo
            .as_deref()
            .is_some_and(|w| w.starts_with("Undo: ")),
        "{undo:?}"
    );
    m.undo().expect("undo");
    assert_eq!(state(&m), before);
    let redo = m.undo_state().expect("state");
    assert_eq!(redo.undo_steps, 0);
    assert_eq!(redo.redo_steps, 1);
    m.redo().expect("redo");
    assert_eq!(state(&m), after);
    m.undo().expect("undo again");
    assert_eq!(state(&m), before);
}

#[test]
fn undo_of_an_accepted_plan_brings_back_the_office_days_there_were() {
    let mut m = sample();
    with_plan(&mut m);
    // A second plan over other locks changes days that exist already.
    let before = state(&m);
    let rot = m
        .team()
        .expect("team")
        .scenario
        .requests
        .rotation
        .expect("window");
    let plan = m
        .plan_rotation(Some(rot.from), Some(3), None)
        .expect("plan");
    m.accept_rotation(&plan).expect("accept");
    assert_ne!(state(&m), before);
    m.undo().expect("undo");
    assert_eq!(state(&m), before);
}

#[test]
fn undo_of_a_deleted_meeting_brings_it_back_in_its_place() {
    let mut m = sample();
    let before = state(&m);
    let meetings = m.list::<Meeting>().expect("meetings");
    let victim = &meetings[meetings.len() / 2];
    m.delete::<Meeting>(&victim.item.id, Some(victim.revision))
        .expect("delete");
    let words = m.undo_state().expect("state").undo.expect("undoable");
    assert_eq!(words, format!("Undo: delete meeting {}", victim.item.title));
    m.undo().expect("undo");
    assert_eq!(state(&m), before);
    m.redo().expect("redo");
    assert!(m.get::<Meeting>(&victim.item.id).is_err());
}

#[test]
fn undo_of_a_deleted_office_brings_back_its_reps_office_days_and_meetings() {
    let mut m = sample();
    with_plan(&mut m);
    let before = state(&m);
    let office = m.list::<Office>().expect("offices")[0].item.id.clone();
    let days_before = m.scenario().expect("sc").office_days.len();
    m.delete::<Office>(&office, None).expect("delete");
    assert!(m.scenario().expect("sc").office_days.len() < days_before);
    m.undo().expect("undo");
    assert_eq!(state(&m), before);
}

#[test]
fn an_undo_after_another_writer_changed_the_item_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("m.db");
    let mut app = Meridian::open(&path).expect("open");
    app.set_source("the app");
    app.load_sample_team().expect("sample");
    let mut cli = Meridian::open(&path).expect("open");
    cli.set_source("the command line");
    let task = app.list::<Task>().expect("tasks")[0].clone();
    let mut edited = task.item.clone();
    edited.title = "Renamed in the app".into();
    app.update(edited, Some(task.revision)).expect("app edit");
    let mut theirs = app.get::<Task>(&task.item.id).expect("task").item;
    theirs.title = "Renamed on the command line".into();
    cli.update(theirs, None).expect("cli edit");
    // The command line's change is not the app's to undo.
    assert!(app.undo_state().expect("state").undo.is_some());
    let before = state(&app);
    let err = app.undo().expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Conflict);
    let text = err.to_string();
    assert!(text.contains("Renamed on the command line"), "{text}");
    assert!(text.contains("the command line"), "{text}");
    assert_eq!(state(&app), before);
    // The command line undoes its own change; then the app's undo goes through.
    cli.undo().expect("cli undo");
    app.undo().expect("app undo");
    assert_eq!(app.get::<Task>(&task.item.id).expect("task"), task);
}

#[test]
fn a_redo_after_another_writer_changed_the_item_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("m.db");
    let mut app = Meridian::open(&path).expect("open");
    app.set_source("the app");
    app.load_sample_team().expect("sample");
    let meeting = app.list::<Meeting>().expect("meetings")[0].item.id.clone();
    app.delete::<Meeting>(&meeting, None).expect("delete");
    app.undo().expect("undo");
    let mut cli = Meridian::open(&path).expect("open");
    cli.set_source("the command line");
    let mut m = cli.get::<Meeting>(&meeting).expect("back").item;
    m.title = "Changed".into();
    cli.update(m, None).expect("cli edit");
    let before = state(&app);
    let err = app.redo().expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(state(&app), before);
}

#[test]
fn an_undo_that_would_bring_back_a_meeting_of_a_removed_rep_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("m.db");
    let mut app = Meridian::open(&path).expect("open");
    app.set_source("the app");
    app.load_sample_team().expect("sample");
    let meeting = app.list::<Meeting>().expect("meetings")[0].item.clone();
    app.delete::<Meeting>(&meeting.id, None).expect("delete");
    let mut cli = Meridian::open(&path).expect("open");
    cli.set_source("the command line");
    cli.delete::<meridian::model::Rep>(&meeting.attendees[0], None)
        .expect("rep removed");
    let before = state(&app);
    let err = app.undo().expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(state(&app), before);
}

#[test]
fn the_history_keeps_the_last_50_changes_and_a_new_change_clears_redo() {
    let mut m = sample();
    let task = m.list::<Task>().expect("tasks")[0].item.clone();
    for i in 0..55 {
        let mut t = task.clone();
        t.title = format!("Edit {i}");
        m.update(t, None).expect("edit");
    }
    assert_eq!(m.undo_state().expect("state").undo_steps, 50);
    for _ in 0..50 {
        m.undo().expect("undo");
    }
    assert_eq!(m.get::<Task>(&task.id).expect("task").item.title, "Edit 4");
    let err = m.undo().expect_err("nothing left");
    assert_eq!(err.code(), ErrorCode::NotFound);
    m.redo().expect("redo");
    assert_eq!(m.get::<Task>(&task.id).expect("task").item.title, "Edit 5");
    let mut t = task.clone();
    t.title = "New".into();
    m.update(t, None).expect("edit");
    let s = m.undo_state().expect("state");
    assert_eq!((s.undo_steps, s.redo_steps), (2, 0));
    assert_eq!(m.redo().expect_err("cleared").code(), ErrorCode::NotFound);
}

#[test]
fn a_refused_write_records_no_undo_entry_and_an_import_ends_the_history() {
    let mut m = sample();
    let before = m.undo_state().expect("state");
    assert_eq!(before.undo_steps, 0, "loading a team is not undoable");
    let mut task = m.list::<Task>().expect("tasks")[0].item.clone();
    task.assignee = Some("nobody".into());
    assert!(m.update(task, None).is_err());
    assert_eq!(m.undo_state().expect("state").undo_steps, 0);
    let meeting = m.list::<Meeting>().expect("meetings")[0].item.id.clone();
    m.delete::<Meeting>(&meeting, None).expect("delete");
    assert_eq!(m.undo_state().expect("state").undo_steps, 1);
    m.load_sample_team().expect("sample again");
    assert_eq!(m.undo_state().expect("state").undo_steps, 0);
}
