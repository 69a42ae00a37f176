//! Publishing to and following real CalDAV servers (issue 13): Radicale and
//! Xandikos, each started on loopback by `tests/caldav/servers.py`, read
//! back with an independent client (`tests/caldav/read_calendar.py`:
//! Python `caldav`, `icalendar`, `recurring_ical_events`). Never a mock.
//!
//! These tests need python3 with radicale, xandikos, caldav, icalendar,
//! recurring-ical-events and tzdata (`scripts/test` installs them); they
//! fail, never skip, without them.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use chrono::{NaiveDate, Utc};
use meridian::api::calendars::{PublishProgress, PublishReport, Resolution};
use meridian::io::ics::publish::Include;
use meridian::Meridian;
use serde_json::Value;

const TEAM: &str = "emea-mid-market";
const FROM: &str = "2026-11-30";
const TO: &str = "2027-01-31";

fn tool(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/caldav")
        .join(name)
}

/// A real server, stopped when dropped.
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    home: String,
    user: String,
    password: String,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start(kind: &str) -> Server {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut child = Command::new("python3")
            .arg(tool("servers.py"))
            .arg("serve")
            .arg(kind)
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("python3 is needed for the CalDAV tests: {e}"));
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let info = read_json(&mut stdout, kind);
        let field = |k: &str| info[k].as_str().unwrap_or_default().to_string();
        Server {
            home: field("home"),
            user: field("user"),
            password: field("password"),
            child,
            stdin,
            stdout,
            _dir: dir,
        }
    }

    fn command(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("the server's stdin");
        writeln!(stdin, "{line}")
            .and_then(|()| stdin.flush())
            .expect("talk to servers.py");
        read_json(&mut self.stdout, line);
    }

    fn collection(&self, name: &str) -> String {
        format!("{}{name}/", self.home)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

fn read_json(out: &mut BufReader<ChildStdout>, what: &str) -> Value {
    let mut line = String::new();
    out.read_line(&mut line).expect("read servers.py");
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("servers.py {what}: {e}: {line:?}"))
}

fn python(args: &[&str]) -> Value {
    let out = Command::new("python3")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the tool prints JSON")
}

fn server_agenda(url: &str, s: &Server, rep: &str) -> Value {
    python(&[
        tool("read_calendar.py").to_str().unwrap_or_default(),
        "--url",
        url,
        "--user",
        &s.user,
        "--password",
        &s.password,
        "--rep",
        rep,
        "--from",
        FROM,
        "--to",
        TO,
    ])
}

fn server_dump(url: &str, s: &Server) -> Vec<Value> {
    let v = python(&[
        tool("read_calendar.py").to_str().unwrap_or_default(),
        "--url",
        url,
        "--user",
        &s.user,
        "--password",
        &s.password,
        "--dump",
    ]);
    v.as_array().cloned().unwrap_or_default()
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// The sample team with four weeks of office days accepted.
fn team(path: &Path) -> Meridian {
    let mut m = Meridian::open(path).expect("open");
    m.load_sample_team().expect("the sample team");
    let plan = m
        .plan_rotation(Some(date("2026-12-07")), Some(4), None)
        .expect("a rotation");
    m.accept_rotation(&plan).expect("accepted");
    m
}

fn members(m: &Meridian) -> Vec<String> {
    let sc = m.scenario().expect("the team");
    sc.reps
        .iter()
        .filter(|r| r.team.as_deref() == Some(TEAM))
        .map(|r| r.id.clone())
        .collect()
}

fn publish(m: &mut Meridian, s: &Server) -> PublishReport {
    m.publish(
        TEAM,
        &s.password,
        Utc::now(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("a local failure")
}

fn counts(r: &PublishReport) -> (u32, u32, u32, u32) {
    (r.created, r.updated, r.deleted, r.unchanged)
}

fn assert_server_agrees(m: &Meridian, url: &str, s: &Server) {
    for rep in members(m) {
        let ours = serde_json::to_value(m.agenda(&rep, date(FROM), date(TO)).expect("agenda"))
            .expect("json");
        let theirs = server_agenda(url, s, &rep);
        assert_eq!(ours, theirs, "{rep}'s agenda: Meridian vs the server");
    }
}

fn publishes_changes_only_and_leaves_others_edits(kind: &str) {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = Server::start(kind);
    let url = s.collection("emea");
    let mut m = team(&dir.path().join("lead.db"));
    m.set_publish_target(TEAM, &url, &s.user, Include::default())
        .expect("target");

    // First publish: the collection is made and everything goes out.
    let first = publish(&mut m, &s);
    assert_eq!(first.error, None, "{first:?}");
    assert!(first.made_calendar);
    assert!(
        first.created > 10 && first.updated == 0 && first.deleted == 0,
        "{first:?}"
    );
    assert_eq!(server_dump(&url, &s).len() as u32, first.created);
    assert_server_agrees(&m, &url, &s);

    // Nothing changed: nothing is sent.
    let again = publish(&mut m, &s);
    assert_eq!(counts(&again), (0, 0, 0, first.created));

    // One office day less (the office still has others in that day) and one
    // meeting deleted: one event updated, one deleted, the rest unchanged.
    let mut doc: Value = serde_json::from_str(&m.export_document().expect("export")).expect("json");
    let days = doc["office_days"].as_array().cloned().unwrap_or_default();
    let team_reps = members(&m);
    let shared = days
        .iter()
        .position(|d| {
            let rep = d["rep"].as_str().unwrap_or_default();
            team_reps.iter().any(|r| r == rep)
                && days
                    .iter()
                    .filter(|o| {
                        o["date"] == d["date"]
                            && o["office"] == d["office"]
                            && o["rep"] != d["rep"]
                            && team_reps
                                .iter()
                                .any(|r| Some(r.as_str()) == o["rep"].as_str())
                    })
                    .count()
                    > 0
        })
        .expect("a day two members share");
    doc["office_days"]
        .as_array_mut()
        .expect("days")
        .remove(shared);
    let meetings = doc["meetings"].as_array_mut().expect("meetings");
    let gone = meetings
        .iter()
        .position(|mt| {
            mt["attendees"].as_array().is_some_and(|a| {
                a.iter()
                    .all(|x| team_reps.iter().any(|r| Some(r.as_str()) == x.as_str()))
            })
        })
        .expect("a meeting of the team only");
    meetings.remove(gone);
    let file = dir.path().join("changed.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    m.import_file(&file).expect("import");
    let second = publish(&mut m, &s);
    assert_eq!(counts(&second), (0, 1, 1, first.created - 2), "{second:?}");
    assert_server_agrees(&m, &url, &s);

    // Someone edits an event in their calendar app: the next publish
    // reports it and leaves it, even when Meridian's version changes too.
    let victim = server_dump(&url, &s)
        .into_iter()
        .find(|o| o["kind"] == "away")
        .expect("an away event");
    let uid = victim["uid"].as_str().unwrap_or_default().to_string();
    python(&[
        tool("server_edit.py").to_str().unwrap_or_default(),
        "--url",
        &url,
        "--user",
        &s.user,
        "--password",
        &s.password,
        "--edit",
        &uid,
        "--summary",
        "Out skiing",
    ]);
    let third = publish(&mut m, &s);
    assert_eq!(third.error, None);
    assert_eq!(third.conflicts.len(), 1, "{third:?}");
    assert_eq!(third.conflicts[0].uid, uid);
    assert_eq!(third.conflicts[0].kind, "edited");
    let edited = |s: &Server| {
        server_dump(&url, s)
            .into_iter()
            .find(|o| o["uid"] == uid.as_str())
            .map(|o| o["summary"].clone())
    };
    assert_eq!(edited(&s), Some(Value::from("Out skiing")));
    let fourth = publish(&mut m, &s);
    assert_eq!(fourth.conflicts.len(), 1, "still waiting for the lead");
    assert_eq!(
        edited(&s),
        Some(Value::from("Out skiing")),
        "never overwritten"
    );

    // The lead puts Meridian's version back.
    m.resolve_publish_conflict(TEAM, &uid, Resolution::UseMeridian, Utc::now())
        .expect("resolve");
    let fifth = publish(&mut m, &s);
    assert_eq!((fifth.updated, fifth.conflicts.len()), (1, 0), "{fifth:?}");
    assert_server_agrees(&m, &url, &s);

    // The server goes down mid-publish: what it confirmed is kept, the rest
    // waits; after a restart the rest goes out and the server agrees.
    let mut doc: Value = serde_json::from_str(&m.export_document().expect("export")).expect("json");
    for mt in doc["meetings"].as_array_mut().expect("meetings") {
        if let Some(t) = mt["title"].as_str() {
            mt["title"] = Value::from(format!("{t} (moved)"));
        }
    }
    std::fs::write(&file, doc.to_string()).expect("write");
    m.import_file(&file).expect("import");
    let server = Mutex::new(&mut s);
    let stopped = AtomicBool::new(false);
    let stop_at_three = |p: PublishProgress| {
        if p.done == 3 && !stopped.swap(true, Ordering::SeqCst) {
            if let Ok(mut s) = server.lock() {
                s.command("stop");
            }
        }
    };
    let password = server
        .lock()
        .map(|s| s.password.clone())
        .unwrap_or_default();
    let cut = m
        .publish(
            TEAM,
            &password,
            Utc::now(),
            &stop_at_three,
            &AtomicBool::new(false),
        )
        .expect("a local failure");
    assert!(cut.error.is_some() && cut.retry, "{cut:?}");
    assert!(cut.updated >= 3 && cut.pending > 0, "{cut:?}");
    let waiting = m
        .publish_preview(TEAM, Utc::now())
        .expect("preview")
        .pending();
    assert_eq!(waiting, cut.pending);
    let s = server.into_inner().expect("the server");
    s.command("start");
    // As the app does: an outage is retried after a wait (Xandikos may
    // answer 423 for a moment after a restart, its git store locked).
    let mut rest = publish(&mut m, s);
    for _ in 0..5 {
        if !rest.retry {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
        let before = rest.updated;
        rest = publish(&mut m, s);
        rest.updated += before;
    }
    assert_eq!(
        (rest.error.clone(), rest.updated, rest.pending),
        (None, waiting, 0),
        "{rest:?}"
    );
    assert_server_agrees(&m, &url, s);
}

#[test]
fn radicale_gets_only_changes_and_others_edits_are_left_alone() {
    publishes_changes_only_and_leaves_others_edits("radicale");
}

#[test]
fn xandikos_gets_only_changes_and_others_edits_are_left_alone() {
    publishes_changes_only_and_leaves_others_edits("xandikos");
}

#[test]
fn a_wrong_password_says_so_and_records_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Server::start("radicale");
    let url = s.collection("emea");
    let mut m = team(&dir.path().join("lead.db"));
    m.set_publish_target(TEAM, &url, &s.user, Include::default())
        .expect("target");
    let before = m.publish_preview(TEAM, Utc::now()).expect("preview");
    let r = m
        .publish(TEAM, "wrong", Utc::now(), &|_| {}, &AtomicBool::new(false))
        .expect("a local failure");
    let error = r.error.clone().unwrap_or_default();
    assert!(
        error.contains("401") && error.contains("password"),
        "{error}"
    );
    assert!(!r.retry, "a wrong password is not retried");
    assert_eq!((r.created, r.updated, r.deleted), (0, 0, 0));
    assert_eq!(
        m.publish_preview(TEAM, Utc::now()).expect("preview"),
        before
    );
    let target = &m.publish_targets().expect("targets")[0];
    assert_eq!(target.failures, 1);
    assert!(target
        .last_error
        .as_deref()
        .is_some_and(|e| e.contains("401")));
}

#[test]
fn a_rep_follows_the_team_calendar_and_reads_it_offline() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut s = Server::start("radicale");
    let url = s.collection("emea");
    let mut lead = team(&dir.path().join("lead.db"));
    lead.set_publish_target(TEAM, &url, &s.user, Include::default())
        .expect("target");
    assert_eq!(publish(&mut lead, &s).error, None);

    // The rep's own app: an empty database of its own, a read-only account.
    let mut rep = Meridian::open(&dir.path().join("rep.db")).expect("open");
    let first = rep
        .follow_calendar(&url, "rep", "r3p", Utc::now())
        .expect("follow");
    assert!(first.added > 10 && first.skipped.is_empty(), "{first:?}");
    assert_eq!(first.name, "EMEA Mid Market");
    let again = rep
        .follow_calendar(&url, "rep", "r3p", Utc::now())
        .expect("refresh");
    assert_eq!((again.added, again.changed, again.removed), (0, 0, 0));
    for id in members(&lead) {
        let ours = lead.agenda(&id, date(FROM), date(TO)).expect("agenda");
        let followed = rep
            .followed_agenda(&id, date(FROM), date(TO))
            .expect("followed");
        assert_eq!(
            ours, followed,
            "{id}: the lead's agenda vs the follower's copy"
        );
    }

    // The server goes away: the copy still answers; a refresh says why not.
    s.command("stop");
    let id = &members(&lead)[0];
    assert_eq!(
        rep.followed_agenda(id, date(FROM), date(TO))
            .expect("offline"),
        lead.agenda(id, date(FROM), date(TO)).expect("agenda")
    );
    let down = rep
        .follow_calendar(&url, "rep", "r3p", Utc::now())
        .unwrap_err();
    assert!(down.to_string().contains("did not answer"), "{down}");
    let listed = &rep.followed_calendars().expect("list")[0];
    assert!(listed.last_error.is_some() && listed.last_updated.is_some());
}

/// A team of 60 reps with ten time-off ranges each: 600 events to publish.
fn big_team(path: &Path) -> PathBuf {
    let reps: Vec<Value> = (0..60)
        .map(|i| {
            let time_off: Vec<Value> = (0..10)
                .map(|k| {
                    let start = date("2027-01-04") + chrono::Duration::days(7 * k);
                    serde_json::json!({"start": start.to_string(),
                                       "end": (start + chrono::Duration::days(1)).to_string()})
                })
                .collect();
            serde_json::json!({"id": format!("r{i:02}"), "name": format!("Rep {i}"), "team": "big",
                               "time_zone": "Europe/Madrid", "time_off": time_off})
        })
        .collect();
    let doc = serde_json::json!({"format": "meridian.scenario/1",
                                 "teams": [{"id": "big", "name": "Big team"}], "reps": reps});
    let file = path.join("big.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    file
}

#[test]
fn a_publisher_killed_mid_run_loses_nothing_and_the_next_run_finishes() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Server::start("radicale");
    let url = s.collection("big");
    let db = dir.path().join("lead.db");
    let cli = |args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_meridian"));
        c.arg("--db").arg(&db).args(args).env("CAL_PW", &s.password);
        c
    };
    let file = big_team(dir.path());
    assert!(cli(&["import", file.to_str().unwrap_or_default()])
        .status()
        .expect("import")
        .success());
    let publish = [
        "calendars",
        "publish",
        "--url",
        &url,
        "--team",
        "big",
        "--user",
        &s.user,
        "--password-env",
        "CAL_PW",
        "--json",
    ];
    let mut run = cli(&publish)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let _ = run.kill(); // SIGKILL
    let _ = run.wait();
    let sent_before = server_dump(&url, &s).len();
    assert!(
        sent_before < 600,
        "killed before the end ({sent_before} sent)"
    );

    let out = cli(&publish).output().expect("publish again");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in [
        "url",
        "created",
        "updated",
        "deleted",
        "unchanged",
        "conflicts",
    ] {
        assert!(r.get(key).is_some(), "--json has {key}: {r}");
    }
    assert_eq!(r["conflicts"], serde_json::json!([]), "{r}");
    assert_eq!(r["error"], Value::Null, "{r}");
    // What reached the server before the kill, recorded or not, is kept
    // (adopted when the same), never sent twice.
    assert_eq!(r["created"].as_u64(), Some(600 - sent_before as u64), "{r}");
    assert_eq!(server_dump(&url, &s).len(), 600);
    // Everything is recorded now: a third run sends nothing.
    let out = cli(&publish).output().expect("third publish");
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (
            r["created"].as_u64(),
            r["updated"].as_u64(),
            r["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(600)),
        "{r}"
    );
}
