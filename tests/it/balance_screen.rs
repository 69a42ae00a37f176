//! The Workload screen's core queries: rep rows paged, sorted and filtered
//! in Rust with the held plan's figures; tasks paged by owner; each change's
//! reason in names stating its own effect; a task already past due held
//! back in the app while the contract's answer is unchanged; cancellation;
//! and the notice when the proposals change after Apply.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;
use meridian::api::screens::workload::{
    replan_notice, ChangeFilter, HeldBalance, LoadBand, TaskOwner, TaskQuery, WorkloadQuery,
    WorkloadSort,
};
use meridian::api::screens::{TeamFilter, Window};
use meridian::model::BalanceRequest;
use meridian::{ErrorCode, Meridian};
use serde_json::json;

fn d(s: &str) -> NaiveDate {
    meridian::model::parse_date(s).expect("date")
}

fn team(doc: serde_json::Value) -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&doc.to_string(), "test team")
        .expect("a valid team");
    m
}

fn task(id: &str, title: &str, hours: u32, due: &str, who: &str) -> serde_json::Value {
    json!({"id": id, "title": title, "hours": hours, "due": due, "assignee": who})
}

/// Freya has 48 h of work in a 40 h week (120%), Kai 16 h (40%).
fn freya_and_kai() -> Meridian {
    let mut tasks: Vec<serde_json::Value> = (1..=6)
        .map(|k| {
            task(
                &format!("f{k}"),
                &format!("Freya's task {k}"),
                8,
                "2026-12-04",
                "freya",
            )
        })
        .collect();
    tasks.push(task("k1", "Kai's task 1", 8, "2026-12-04", "kai"));
    tasks.push(task("k2", "Kai's task 2", 8, "2026-12-04", "kai"));
    team(json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "north", "name": "North"}],
        "reps": [
            {"id": "freya", "name": "Freya Berg", "time_zone": "Europe/Oslo", "team": "north"},
            {"id": "kai", "name": "Kai Tanaka", "time_zone": "Asia/Tokyo"}
        ],
        "tasks": tasks,
        "requests": {"balance": {"from": "2026-11-30", "to": "2026-12-04"}}
    }))
}

fn never() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

fn hold(m: &Meridian, today: &str) -> HeldBalance {
    m.hold_balance(None, None, d(today), &never())
        .expect("a plan")
}

#[test]
fn each_change_says_its_own_effect_in_names() {
    let m = freya_and_kai();
    let held = hold(&m, "2026-11-30");
    let changes = held.changes(
        ChangeFilter::Proposed,
        Window {
            offset: 0,
            limit: 50,
        },
    );
    assert_eq!(changes.total, 2, "two 8 h tasks even the load: {changes:?}");
    for c in &changes.rows {
        assert_eq!(
            (c.from_name.as_deref(), c.to_name.as_str()),
            (Some("Freya Berg"), "Kai Tanaka")
        );
        // The change's own effect, not the whole plan's 120% → 80%.
        assert!(
            c.reason
                .starts_with("moves 8 h from Freya Berg (120% → 100%) to Kai Tanaka (40% → 60%)"),
            "{}",
            c.reason
        );
        assert!(
            c.reason.contains("Kai Tanaka has 24 h free"),
            "{}",
            c.reason
        );
        assert!(
            !c.reason.contains("freya") && !c.reason.contains("kai "),
            "{}",
            c.reason
        );
    }
    // The whole plan's figures are the summary's.
    let s = held.summary(None);
    assert_eq!(s.before.max_utilization, Some(1.2));
    assert_eq!(s.after.max_utilization, Some(0.8));
    assert_eq!(s.proposed, 2);
    // The command line's answer carries the same reasons.
    let cli = m.balance_stored(None, None).expect("plan");
    assert_eq!(cli, held.plan.answer);
}

#[test]
fn a_past_due_task_is_held_back_in_the_app_and_kept_in_the_contract_answer() {
    // Three 8 h tasks due Tuesday: Freya has 16 h by then, so one is at risk
    // and the contract's plan moves it. On Thursday it is already past due.
    let m = team(json!({
        "format": "meridian.scenario/1",
        "reps": [
            {"id": "freya", "name": "Freya Berg", "time_zone": "Europe/Oslo"},
            {"id": "kai", "name": "Kai Tanaka", "time_zone": "Europe/Oslo"}
        ],
        "tasks": [
            task("a", "Renewals", 8, "2026-12-01", "freya"),
            task("b", "Quotes", 8, "2026-12-01", "freya"),
            task("c", "Deck", 8, "2026-12-01", "freya")
        ],
        "requests": {"balance": {"from": "2026-11-30", "to": "2026-12-04"}}
    }));
    let contract = m.balance_stored(None, None).expect("plan");
    assert!(contract.objective.moves >= 1, "{:?}", contract.objective);

    let before = hold(&m, "2026-11-30");
    assert_eq!(before.summary(None).held_back, 0, "nothing is past due yet");

    let held = hold(&m, "2026-12-03");
    assert_eq!(
        held.plan.answer, contract,
        "the contract's answer is unchanged"
    );
    let s = held.summary(None);
    assert_eq!(s.proposed, 0);
    assert_eq!(s.held_back, contract.objective.moves);
    let back = held.changes(
        ChangeFilter::HeldBack,
        Window {
            offset: 0,
            limit: 10,
        },
    );
    for c in &back.rows {
        let why = c.held_back.as_deref().expect("a reason");
        assert!(
            why.contains("already past due (Tue 1 Dec, 2 days ago)"),
            "{why}"
        );
    }
    // The figures after the app's plan leave the held-back tasks where they are.
    assert_eq!(s.after.moves, 0);
    assert_eq!(s.after.at_risk, s.before.at_risk);
    // Applying "everything" never applies a held-back change.
    assert!(held.accepted(&[], true).is_empty());
}

#[test]
fn rows_are_paged_sorted_and_filtered_with_the_held_plans_figures() {
    let m = freya_and_kai();
    let window = BalanceRequest {
        from: d("2026-11-30"),
        to: d("2026-12-04"),
    };
    let all = Window {
        offset: 0,
        limit: 10,
    };
    let q = WorkloadQuery::default();
    let page = m.workload(window, None, &q, all).expect("rows");
    let names: Vec<&str> = page.rows.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Freya Berg", "Kai Tanaka"], "most loaded first");
    let freya = &page.rows.rows[0];
    assert_eq!(freya.capacity_minutes, 40 * 60);
    assert_eq!(freya.now.load_minutes, 48 * 60);
    assert_eq!(freya.now.band, LoadBand::Over);
    assert_eq!(freya.team_name.as_deref(), Some("North"));
    assert!(freya.after.is_none() && !page.planned);
    assert_eq!(page.totals.over, 1);
    assert_eq!(page.totals.load_minutes, 64 * 60);

    let by_name = WorkloadQuery {
        sort: WorkloadSort::Name,
        ..WorkloadQuery::default()
    };
    let second = m
        .workload(
            window,
            None,
            &by_name,
            Window {
                offset: 1,
                limit: 1,
            },
        )
        .expect("rows");
    assert_eq!((second.rows.offset, second.rows.total), (1, 2));
    assert_eq!(second.rows.rows[0].name, "Kai Tanaka");

    let search = WorkloadQuery {
        search: "TANAKA".into(),
        ..WorkloadQuery::default()
    };
    let found = m.workload(window, None, &search, all).expect("rows");
    assert_eq!(found.rows.total, 1);
    let no_team = WorkloadQuery {
        team: TeamFilter::NoTeam,
        ..WorkloadQuery::default()
    };
    assert_eq!(
        m.workload(window, None, &no_team, all)
            .expect("rows")
            .rows
            .rows[0]
            .rep,
        "kai"
    );

    // With the plan held: the after-figures, and only for its own window.
    let held = hold(&m, "2026-11-30");
    let planned = m.workload(window, Some(&held), &q, all).expect("rows");
    assert!(planned.planned && !planned.stale);
    let after = planned.rows.rows[0].after.expect("figures after the plan");
    assert_eq!(after.utilization, Some(0.8));
    assert_eq!(after.band, LoadBand::Full);
    let other = BalanceRequest {
        from: d("2026-11-30"),
        to: d("2026-12-11"),
    };
    assert!(
        !m.workload(other, Some(&held), &q, all)
            .expect("rows")
            .planned
    );
}

#[test]
fn tasks_come_a_page_at_a_time_by_owner_and_due_date() {
    let mut m = freya_and_kai();
    m.create(meridian::model::Task {
        id: "loose".into(),
        title: "Nobody's yet".into(),
        hours: meridian::model::Hours::from_whole(2),
        due: Some(d("2026-12-01")),
        assignee: None,
        skills_required: vec![],
        pinned: false,
    })
    .expect("task");
    let window = BalanceRequest {
        from: d("2026-11-30"),
        to: d("2026-12-04"),
    };
    let figures = m.workload_figures(window).expect("figures");
    let kai = TaskQuery {
        owner: TaskOwner::Rep("kai".into()),
        ..TaskQuery::default()
    };
    let page = m
        .workload_tasks(
            &kai,
            Some(&figures),
            Window {
                offset: 0,
                limit: 1,
            },
        )
        .expect("tasks");
    assert_eq!((page.total, page.rows.len()), (2, 1));
    assert_eq!(page.rows[0].assignee_name.as_deref(), Some("Kai Tanaka"));
    let loose = TaskQuery {
        owner: TaskOwner::Unassigned,
        ..TaskQuery::default()
    };
    let page = m
        .workload_tasks(
            &loose,
            None,
            Window {
                offset: 0,
                limit: 10,
            },
        )
        .expect("tasks");
    assert_eq!(page.rows.len(), 1);
    let all = m
        .workload_tasks(
            &TaskQuery::default(),
            Some(&figures),
            Window {
                offset: 0,
                limit: 20,
            },
        )
        .expect("tasks");
    assert_eq!(all.rows[0].task.id, "loose", "earliest due first");
    // Freya's 48 h in 40 h: her last tasks are at risk as things stand.
    assert!(all
        .rows
        .iter()
        .any(|r| r.at_risk && r.task.assignee.as_deref() == Some("freya")));
    assert!(!all
        .rows
        .iter()
        .any(|r| r.at_risk && r.task.assignee.as_deref() == Some("kai")));
}

#[test]
fn a_cancelled_plan_is_an_error_and_never_a_partial_plan() {
    let m = freya_and_kai();
    let flag = Arc::new(AtomicBool::new(true));
    let err = m
        .hold_balance(None, None, d("2026-11-30"), &flag)
        .expect_err("cancelled");
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(err.to_string(), "planning was cancelled");
    flag.store(false, Ordering::Relaxed);
    let again = m
        .hold_balance(None, None, d("2026-11-30"), &flag)
        .expect("a plan");
    assert_eq!(
        again,
        hold(&m, "2026-11-30"),
        "deterministic once not cancelled"
    );
}

#[test]
fn the_default_window_is_one_constant_for_the_app_and_the_command_line() {
    let m = Meridian::open_in_memory().expect("db");
    let s = m.workload_settings(d("2026-12-02")).expect("settings");
    assert_eq!(
        (s.from, s.to, s.stored),
        (d("2026-12-02"), d("2026-12-15"), false)
    );
    assert_eq!(s.max_window_days, 366);
    assert_eq!(s.full_from_percent, 80);
    let w = meridian::plan::balance::default_window(d("2026-12-02"));
    assert_eq!((w.from, w.to), (s.from, s.to));
    let stored = freya_and_kai()
        .workload_settings(d("2026-12-02"))
        .expect("settings");
    assert_eq!(
        (stored.from, stored.to, stored.stored),
        (d("2026-11-30"), d("2026-12-04"), true)
    );
}

#[test]
fn proposals_that_change_after_apply_are_said_in_words() {
    let m = freya_and_kai();
    let old = hold(&m, "2026-11-30");
    let first = old.plan.changes[0].task.clone();
    // Nothing but the applied change gone: nothing to say.
    let mut same = old.clone();
    same.plan.changes.retain(|c| c.task != first);
    assert_eq!(
        replan_notice(&old, std::slice::from_ref(&first), &same),
        None
    );

    // The other change now goes elsewhere, and a new one appears.
    let mut new = same.clone();
    new.plan.changes[0].to = "someone".into();
    new.plan.changes[0].to_name = "Someone Else".into();
    let mut extra = new.plan.changes[0].clone();
    extra.task = "k1".into();
    extra.title = "Kai's task 1".into();
    new.plan.changes.push(extra);
    let notice = replan_notice(&old, &[first], &new).expect("a notice");
    assert!(notice.contains("1 new proposal (Kai's task 1)"), "{notice}");
    assert!(notice.contains("now to Someone Else"), "{notice}");
}

#[test]
fn applying_a_balance_planned_before_a_write_is_refused_inside_the_write() {
    let mut m = freya_and_kai();
    let held = hold(&m, "2026-11-30");
    let moves = held.accepted(&[], true);
    assert!(!moves.is_empty(), "the plan moves work from Freya");
    assert_eq!(held.counter, m.counter().expect("counter"));

    let stored = m.get::<meridian::model::Task>("k1").expect("k1");
    let mut k1 = stored.item;
    k1.title = "Kai's renamed task".to_string();
    m.update(k1, Some(stored.revision))
        .expect("an edit after planning");
    let err = m
        .apply_balance_at(&moves, Some(held.counter))
        .expect_err("the team changed since the plan");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert!(err.to_string().contains("re-plan to see it"), "{err}");
    let owners: Vec<Option<String>> = moves
        .iter()
        .map(|mv| {
            m.get::<meridian::model::Task>(&mv.task)
                .expect("task")
                .item
                .assignee
        })
        .collect();
    assert!(
        owners.iter().all(|o| o.as_deref() == Some("freya")),
        "nothing moved"
    );

    let held = hold(&m, "2026-11-30");
    m.apply_balance_at(&held.accepted(&[], true), Some(held.counter))
        .expect("a current plan applies");
}
