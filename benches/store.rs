//! Store v2 benchmarks: per-item writes and the reads screens make, through
//! the [`meridian::Meridian`] facade on a database file (WAL,
//! `synchronous=FULL`, as the app runs):
//!
//! | bench | what | target |
//! |---|---|---|
//! | `store_rep_edit_{200,2000,10000}` | `update(rep with a changed name, None)` | ≤ 5 ms at 10,000; 10,000/200 ≤ 3 |
//! | `store_task_edit_{200,2000,10000}` | `update(task, None)` | ≤ 5 ms at 10,000; 10,000/200 ≤ 3 |
//! | `store_rep_list_{200,2000,10000}` | `rep_lines()` (what `reps list` reads) | ≤ 30 ms at 10,000 |
//! | `store_rep_list_json_{200,2000,10000}` | `list::<Rep>()` (every field: `reps list --json`) | none (for the record) |
//! | `store_week_agenda_{200,2000,10000}` | one rep's week `agenda(rep, monday, sunday)` | ≤ 10 ms at 10,000 |
//! | `store_import_10000_reps` | `import_document` of a 10,000-rep team into a new file | ≤ 1.5 s |
//! | `store_validate_50000_reps` | `io::scenario::parse_document` of a 50,000-rep team (one task per rep, compact JSON: a file under the 64 MiB read limit) | ≤ 1 s |
//!
//! Not a timing: the bytes one rep edit appends to the WAL at 10,000 reps
//! (after a `wal_checkpoint(TRUNCATE)`, 100 edits, the `-wal` size / 100),
//! printed as a `quality store_bytes_per_rep_edit_10000: …` line (target
//! ≤ 64 KiB) that `scripts/bench` copies into `bench-report.md`.
//!
//! Teams are built here from the model types, deterministically: about ten
//! teams, one office per fifty reps, seven tasks per rep, and per group of
//! eight reps a weekly sync, a bi-weekly 1:1 with the group's first rep and
//! a one-off review (a few meetings per rep).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use meridian::model::{
    ClockTime, DateRange, Hours, Interval, LocalDateTime, Meeting, Office, Rep, Scenario, Task,
    Team, Weekday,
};
use meridian::Meridian;

mod common;
use common::{Draw, Rng};

const ZONES: [&str; 10] = [
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn clock(minutes: u16) -> ClockTime {
    ClockTime::from_minutes(minutes).expect("a clock time")
}

/// A team of `n` reps (see the module docs).
fn team(n: usize, seed: u64, tasks_per_rep: usize) -> Scenario {
    let mut rng = Rng(seed);
    let mut sc = Scenario::default();
    let n_teams = 10.min(n.max(1));
    for t in 0..n_teams {
        sc.teams.push(Team {
            id: format!("team-{t}"),
            name: format!("Team {t}"),
            anchor_days: vec![*rng.pick(&Weekday::WORKWEEK)],
        });
    }
    let n_offices = (n / 50).max(1);
    for o in 0..n_offices {
        sc.offices.push(Office {
            id: format!("office-{o}"),
            name: format!("Office {o}"),
            time_zone: ZONES[o % ZONES.len()].to_string(),
            desks: 30,
            open_days: Weekday::WORKWEEK.to_vec(),
            closed_dates: vec![date(2026, 12, 25)],
            holidays: None,
        });
    }
    for i in 0..n {
        let office = i % n_offices;
        let mut rep = Rep::new(&format!("rep-{i}"), &format!("Rep {i}"), ZONES[office % 10]);
        rep.team = Some(format!("team-{}", i % n_teams));
        rep.office = (!rng.chance(20)).then(|| format!("office-{office}"));
        let start = *rng.pick(&[420u16, 480, 540]);
        rep.working_hours = Weekday::WORKWEEK
            .into_iter()
            .map(|d| (d, vec![Interval(clock(start), clock(start + 480))]))
            .collect();
        rep.stretch_hours = Weekday::WORKWEEK
            .into_iter()
            .map(|d| (d, vec![Interval(clock(start + 480), clock(start + 600))]))
            .collect();
        rep.capacity_hours_per_week = Hours::from_whole(*rng.pick(&[32u32, 36, 40]));
        rep.preferred_office_days = vec![*rng.pick(&Weekday::WORKWEEK)];
        if rng.chance(30) {
            let d = date(2026, 12, 1 + rng.below(20) as u32);
            rep.time_off.push(DateRange {
                start: d,
                end: d + chrono::Days::new(rng.below(4) as u64),
            });
        }
        rep.skills = vec![format!("skill-{}", rng.below(12))];
        sc.reps.push(rep);
        for k in 0..tasks_per_rep {
            sc.tasks.push(Task {
                id: format!("task-{i}-{k}"),
                title: format!("Task {k} of rep {i}"),
                hours: Hours::from_whole(1 + rng.below(8) as u32),
                due: Some(date(2026, 12, 1 + rng.below(28) as u32)),
                assignee: Some(format!("rep-{i}")),
                skills_required: Vec::new(),
                pinned: false,
            });
        }
    }
    let at = |d: NaiveDate, m: u16| {
        LocalDateTime(d.and_time(chrono::NaiveTime::MIN) + chrono::Duration::minutes(i64::from(m)))
    };
    for (g, group) in (0..n).collect::<Vec<_>>().chunks(8).enumerate() {
        let ids: Vec<String> = group.iter().map(|i| format!("rep-{i}")).collect();
        let zone = ZONES[(group[0] % n_offices) % 10].to_string();
        sc.meetings.push(Meeting {
            id: format!("sync-{g}"),
            title: format!("Group {g} weekly sync"),
            start: at(date(2026, 11, 30), 600),
            time_zone: zone.clone(),
            duration_minutes: 30,
            rrule: Some("FREQ=WEEKLY;BYDAY=MO;COUNT=20".to_string()),
            attendees: ids.clone(),
            in_person_office: None,
        });
        for (j, other) in ids.iter().enumerate().skip(1) {
            sc.meetings.push(Meeting {
                id: format!("one-on-one-{g}-{j}"),
                title: format!("1:1 {} / {other}", ids[0]),
                start: at(date(2026, 12, 1 + (j as u32 % 5)), 660),
                time_zone: zone.clone(),
                duration_minutes: 30,
                rrule: Some("FREQ=WEEKLY;INTERVAL=2;COUNT=10".to_string()),
                attendees: vec![ids[0].clone(), other.clone()],
                in_person_office: None,
            });
        }
        sc.meetings.push(Meeting {
            id: format!("review-{g}"),
            title: format!("Group {g} pipeline review"),
            start: at(date(2026, 12, 2 + rng.below(3) as u32), 840),
            time_zone: zone,
            duration_minutes: 60,
            rrule: None,
            attendees: ids,
            in_person_office: None,
        });
    }
    sc
}

fn document(n: usize, tasks_per_rep: usize) -> String {
    let sc = team(n, 0x5EED ^ n as u64, tasks_per_rep);
    if let Err(problems) = meridian::io::scenario::validate(&sc) {
        panic!(
            "the generated team is invalid: {:?}",
            &problems[..problems.len().min(5)]
        );
    }
    // Compact, as a file under the 64 MiB read limit must be at 50,000 reps.
    serde_json::to_string(&sc).expect("serialisable")
}

/// A database file holding a team of `n` reps.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
    m: Meridian,
}

fn database(n: usize) -> Db {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store-bench.db");
    let mut m = Meridian::open(&path).expect("open");
    m.import_document(&document(n, 7), "generated")
        .expect("import");
    Db { _dir: dir, path, m }
}

fn wal_size(db: &Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0)
}

/// Bytes the WAL grows by per one-rep edit (averaged over 100 edits).
fn bytes_per_rep_edit(db: &mut Db) -> u64 {
    let side = rusqlite::Connection::open(&db.path).expect("side connection");
    side.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    let before = wal_size(&db.path);
    let mut rep = db.m.get::<Rep>("rep-7").expect("rep").item;
    for i in 0..100 {
        rep.name = format!("Rep 7 (wal {i})");
        db.m.update(rep.clone(), None).expect("edit");
    }
    (wal_size(&db.path) - before) / 100
}

fn store(c: &mut Criterion) {
    let mut g = c.benchmark_group("store");
    g.sample_size(30).measurement_time(Duration::from_secs(4));
    for n in [200usize, 2_000, 10_000] {
        let started = Instant::now();
        let mut db = database(n);
        println!("setup {n} reps: {:.2} s", started.elapsed().as_secs_f64());
        if n == 10_000 {
            let bytes = bytes_per_rep_edit(&mut db);
            println!(
                "quality store_bytes_per_rep_edit_{n}: {bytes} bytes ({:.1} KiB) appended to the WAL per one-rep edit (target <= 64 KiB)",
                bytes as f64 / 1024.0
            );
        }
        let rep_id = format!("rep-{}", n / 2);
        let mut rep = db.m.get::<Rep>(&rep_id).expect("rep").item;
        let mut i = 0u64;
        g.bench_function(format!("store_rep_edit_{n}"), |b| {
            b.iter(|| {
                i += 1;
                rep.name = format!("Rep {} v{i}", n / 2);
                black_box(db.m.update(rep.clone(), None).expect("edit"));
            })
        });
        let mut task =
            db.m.get::<Task>(&format!("task-{}-3", n / 2))
                .expect("task")
                .item;
        g.bench_function(format!("store_task_edit_{n}"), |b| {
            b.iter(|| {
                i += 1;
                task.title = format!("Task v{i}");
                black_box(db.m.update(task.clone(), None).expect("edit"));
            })
        });
        g.bench_function(format!("store_rep_list_{n}"), |b| {
            b.iter(|| black_box(db.m.rep_lines().expect("lines")))
        });
        g.bench_function(format!("store_rep_list_json_{n}"), |b| {
            b.iter(|| black_box(db.m.list::<Rep>().expect("list")))
        });
        let (monday, sunday) = (date(2026, 12, 7), date(2026, 12, 13));
        g.bench_function(format!("store_week_agenda_{n}"), |b| {
            b.iter(|| black_box(db.m.agenda(&rep_id, monday, sunday).expect("agenda")))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("store_big");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let doc = document(10_000, 7);
    g.bench_function("store_import_10000_reps", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let m = Meridian::open(&dir.path().join("import.db")).expect("open");
                (dir, m)
            },
            |(dir, mut m)| {
                black_box(m.import_document(&doc, "generated").expect("import"));
                (dir, m)
            },
            BatchSize::PerIteration,
        )
    });
    drop(doc);
    let doc = document(50_000, 1);
    println!(
        "50,000-rep document: {:.1} MiB",
        doc.len() as f64 / 1048576.0
    );
    g.bench_function("store_validate_50000_reps", |b| {
        b.iter(|| {
            black_box(meridian::io::scenario::parse_document(&doc, "generated").expect("valid"))
        })
    });
    g.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
