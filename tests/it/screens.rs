//! The screen queries: the directory, pages of the People list, free ids.

use meridian::api::screens::{PeopleQuery, TeamFilter, Window, MAX_PAGE_ROWS};
use meridian::model::{Rep, Team};
use meridian::store::changes::ItemKind;
use meridian::Meridian;

fn team_of(n: usize) -> Meridian {
    let mut core = Meridian::open_in_memory().expect("memory");
    core.create(Team {
        id: "emea".into(),
        name: "EMEA".into(),
        anchor_days: vec![],
    })
    .expect("team");
    for i in 0..n {
        let mut rep = Rep::new(
            &format!("r{i:04}"),
            &format!("Rep {:04}", n - i),
            "Europe/Berlin",
        );
        if i % 2 == 0 {
            rep.team = Some("emea".into());
        }
        core.create(rep).expect("rep");
    }
    core
}

fn all() -> PeopleQuery {
    PeopleQuery::default()
}

#[test]
fn the_directory_counts_reps_per_team_and_office_and_carries_the_rules_limits() {
    let mut core = Meridian::open_in_memory().expect("memory");
    core.load_sample_team().expect("sample");
    let d = core.directory().expect("directory");
    let sc = core.scenario().expect("scenario");
    assert_eq!(d.counts.reps as usize, sc.reps.len());
    assert_eq!(d.counts.meetings as usize, sc.meetings.len());
    assert_eq!(d.counts.tasks as usize, sc.tasks.len());
    for row in &d.teams {
        let n = sc
            .reps
            .iter()
            .filter(|r| r.team.as_deref() == Some(&row.team.id))
            .count();
        assert_eq!(row.reps as usize, n, "{}", row.team.id);
    }
    for row in &d.offices {
        let n = sc
            .reps
            .iter()
            .filter(|r| r.office.as_deref() == Some(&row.office.id))
            .count();
        assert_eq!(row.reps as usize, n, "{}", row.office.id);
    }
    let remote = sc.reps.iter().filter(|r| r.office.is_none()).count();
    assert_eq!(d.counts.remote_reps as usize, remote);
    assert_eq!(
        d.limits.name_chars as usize,
        meridian::rules::limits::NAME_CHARS
    );
    assert_eq!(
        d.limits.attendees as usize,
        meridian::rules::limits::ATTENDEES
    );
    assert_eq!(d.counter, core.counter().expect("counter"));
}

#[test]
fn a_whole_team_comes_in_one_answer_sorted_by_name() {
    let core = team_of(250);
    let team = core.team_members("emea").expect("members");
    assert_eq!(team.total, 125);
    assert_eq!(team.members.len(), 125);
    assert!(team.members.iter().all(|m| m
        .id
        .trim_start_matches('r')
        .parse::<u32>()
        .is_ok_and(|i| i % 2 == 0)));
    assert_eq!(team.members[0].name, "Rep 0002");
    assert_eq!(team.members[0].time_zone, "Europe/Berlin");
    assert!(team.members.windows(2).all(|w| w[0].name < w[1].name));
    let none = core.team_members("nobody").expect("members");
    assert_eq!((none.total, none.members.len()), (0, 0));
}

#[test]
fn people_come_sorted_by_name_one_page_at_a_time() {
    let core = team_of(250);
    let first = core
        .people(
            &all(),
            Window {
                offset: 0,
                limit: 100,
            },
        )
        .expect("page");
    assert_eq!(first.total, 250);
    assert_eq!(first.rows.len(), 100);
    assert_eq!(first.rows[0].name, "Rep 0001");
    assert_eq!(first.rows[99].name, "Rep 0100");
    let last = core
        .people(
            &all(),
            Window {
                offset: 200,
                limit: 100,
            },
        )
        .expect("page");
    assert_eq!((last.offset, last.rows.len()), (200, 50));
    assert_eq!(last.rows[49].name, "Rep 0250");
    let beyond = core
        .people(
            &all(),
            Window {
                offset: 900,
                limit: 100,
            },
        )
        .expect("page");
    assert_eq!(
        (beyond.offset, beyond.rows.len(), beyond.total),
        (250, 0, 250)
    );
}

#[test]
fn a_page_never_holds_more_than_the_cap() {
    let core = team_of(MAX_PAGE_ROWS as usize + 20);
    let page = core
        .people(
            &all(),
            Window {
                offset: 0,
                limit: u32::MAX,
            },
        )
        .expect("page");
    assert_eq!(page.rows.len(), MAX_PAGE_ROWS as usize);
}

#[test]
fn search_words_and_the_team_filter_narrow_the_list_in_rust() {
    let core = team_of(40);
    let emea = PeopleQuery {
        search: String::new(),
        team: TeamFilter::Team("emea".into()),
    };
    let page = core
        .people(
            &emea,
            Window {
                offset: 0,
                limit: 100,
            },
        )
        .expect("page");
    assert_eq!(page.total, 20);
    assert!(page
        .rows
        .iter()
        .all(|r| r.team_name.as_deref() == Some("EMEA")));
    let none = PeopleQuery {
        search: String::new(),
        team: TeamFilter::NoTeam,
    };
    assert_eq!(
        core.people(
            &none,
            Window {
                offset: 0,
                limit: 100
            }
        )
        .expect("page")
        .total,
        20
    );
    // Every word must match somewhere, case-insensitively: name, zone, team, "remote".
    let q = PeopleQuery {
        search: "  rep 0007  BERLIN remote ".into(),
        team: TeamFilter::All,
    };
    let page = core
        .people(
            &q,
            Window {
                offset: 0,
                limit: 100,
            },
        )
        .expect("page");
    assert_eq!(
        page.rows
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        // "0007" is in Rep 0007's name and in Rep 0033's id (r0007).
        ["Rep 0007", "Rep 0033"]
    );
    let q = PeopleQuery {
        search: "rep emea nobody".into(),
        team: TeamFilter::All,
    };
    assert_eq!(
        core.people(
            &q,
            Window {
                offset: 0,
                limit: 100
            }
        )
        .expect("page")
        .total,
        0
    );
}

#[test]
fn rows_carry_the_revision_a_form_opens_with() {
    let mut core = team_of(3);
    let before = core
        .people(
            &all(),
            Window {
                offset: 0,
                limit: 10,
            },
        )
        .expect("page");
    let row = &before.rows[0];
    let mut rep = core.get::<Rep>(&row.id).expect("rep").item;
    rep.name = "Aaron First".into();
    core.update(rep, Some(row.revision))
        .expect("update with the row's revision");
    let after = core
        .people(
            &all(),
            Window {
                offset: 0,
                limit: 10,
            },
        )
        .expect("page");
    assert_eq!(after.rows[0].name, "Aaron First");
    assert!(after.rows[0].revision > row.revision);
    assert!(after.counter > before.counter);
}

#[test]
fn a_free_id_skips_the_ids_in_use() {
    let core = team_of(3);
    assert_eq!(
        core.free_id(ItemKind::Rep, "r0000").expect("id").as_deref(),
        Some("r0000-2")
    );
    assert_eq!(
        core.free_id(ItemKind::Rep, "ana").expect("id").as_deref(),
        Some("ana")
    );
    assert_eq!(
        core.free_id(ItemKind::Team, "emea").expect("id").as_deref(),
        Some("emea-2")
    );
    assert_eq!(core.free_id(ItemKind::Rep, "").expect("id"), None);
    assert_eq!(core.free_id(ItemKind::Policy, "x").expect("id"), None);
}
