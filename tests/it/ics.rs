//! Calendar interop: the ICS export (a snapshot of one rep's file, the team
//! scope, the CLI) and an independent check of every exported occurrence
//! with Python's icalendar + recurring_ical_events across the 2026 DST
//! changes of both hemispheres.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use chrono::{DateTime, Utc};
use meridian::io::ics::export::{write_calendar, IcsScope};
use meridian::io::scenario::parse_document;
use meridian::model::Scenario;
use meridian::plan::calendar::meeting_occurrences;
use meridian::tz::{self, Zone};
use meridian::{ErrorCode, Meridian};
use serde_json::{json, Value};

fn stamp() -> DateTime<Utc> {
    "2026-11-28T12:00:00Z".parse().expect("stamp")
}

fn doc(v: &Value) -> Scenario {
    match parse_document(&v.to_string(), "test") {
        Ok(sc) => sc,
        Err(e) => panic!("{e}"),
    }
}

fn small_team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "emea", "name": "EMEA Sales"}],
        "offices": [{"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 5}],
        "reps": [
            {"id": "ana", "name": "Ana Silva", "team": "emea", "time_zone": "Europe/Lisbon",
             "office": "lon", "time_off": [{"start": "2026-12-21", "end": "2026-12-24"}]},
            {"id": "bo", "name": "Bo Chen", "team": "emea", "time_zone": "America/New_York"},
            {"id": "cy", "name": "Cy", "time_zone": "Asia/Kolkata"}
        ],
        "meetings": [
            {"id": "m1", "title": "Pipeline review; Q4, all regions", "start": "2026-12-01T10:00",
             "time_zone": "America/New_York", "duration_minutes": 60,
             "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=10", "attendees": ["ana", "bo"],
             "in_person_office": "lon"},
            {"id": "utc-1", "title": "Standup", "start": "2026-12-02T09:00", "time_zone": "UTC",
             "duration_minutes": 15, "attendees": ["ana"]},
            {"id": "cy-only", "start": "2026-12-02T09:00", "time_zone": "Asia/Kolkata",
             "duration_minutes": 30, "attendees": ["cy"]}
        ],
        "office_days": [{"rep": "ana", "date": "2026-12-02", "office": "lon"}]
    })
}

#[test]
fn a_reps_calendar_reads_as_expected() {
    let text =
        write_calendar(&doc(&small_team()), &IcsScope::Rep("ana".into()), stamp()).expect("export");
    assert!(text.lines().all(|l| l.len() <= 76), "folded lines");
    assert!(
        text.split('\n').all(|l| l.is_empty() || l.ends_with('\r')),
        "CRLF"
    );
    let version = format!("Meridian {}", env!("CARGO_PKG_VERSION"));
    insta::assert_snapshot!(text
        .replace(&version, "Meridian [version]")
        .replace(tz::tzdata_version(), "[tzdata]")
        .replace("\r\n", "\n"));
}

#[test]
fn a_team_calendar_lists_each_meeting_once_and_names_day_items_per_rep() {
    let text = write_calendar(&doc(&small_team()), &IcsScope::Team("emea".into()), stamp())
        .expect("export");
    assert_eq!(text.matches("UID:meeting-m1@meridian").count(), 1);
    assert!(text.contains("SUMMARY:Ana Silva — Office: London"));
    assert!(text.contains("SUMMARY:Ana Silva — Time off"));
    assert!(!text.contains("cy-only"), "cy is not in the team");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York"));
    assert!(!text.contains("TZID:UTC"), "UTC needs no VTIMEZONE");
}

#[test]
fn unknown_reps_and_teams_are_not_found() {
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&small_team().to_string(), "test")
        .expect("import");
    let e = m
        .export_ics(IcsScope::Rep("zed".into()), stamp())
        .expect_err("unknown rep");
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(e.to_string(), "no rep with id \"zed\"");
    let e = m
        .export_ics(IcsScope::Team("apac".into()), stamp())
        .expect_err("unknown team");
    assert_eq!(e.to_string(), "no team with id \"apac\"");
    assert_eq!(
        Meridian::ics_file_name(&IcsScope::Team("emea".into())),
        "meridian-team-emea.ics"
    );
}

fn meridian_cli(args: &[&std::ffi::OsStr], dir: &std::path::Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .env("XDG_DATA_HOME", dir)
        .output()
        .expect("meridian runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_writes_a_reps_or_a_teams_calendar_and_names_unknown_ids() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("team.json");
    std::fs::write(&file, small_team().to_string()).expect("write");
    let out_file = dir.path().join("ana.ics");
    let (ok, _, err) = meridian_cli(
        &[
            "export-ics".as_ref(),
            "--scenario".as_ref(),
            file.as_os_str(),
            "--rep".as_ref(),
            "ana".as_ref(),
            out_file.as_os_str(),
        ],
        dir.path(),
    );
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&out_file).expect("written");
    assert!(text.contains("UID:meeting-m1@meridian\r\n"));
    let (ok, out, err) = meridian_cli(
        &[
            "export-ics".as_ref(),
            "--scenario".as_ref(),
            file.as_os_str(),
            "--team".as_ref(),
            "emea".as_ref(),
        ],
        dir.path(),
    );
    assert!(ok, "{err}");
    assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
    let (ok, _, err) = meridian_cli(
        &[
            "export-ics".as_ref(),
            "--scenario".as_ref(),
            file.as_os_str(),
            "--rep".as_ref(),
            "zed".as_ref(),
        ],
        dir.path(),
    );
    assert!(!ok);
    let mut lines = err.lines();
    assert_eq!(lines.next(), Some("error: no rep with id \"zed\""));
    let hint = lines.next().unwrap_or_default();
    assert!(
        hint.starts_with("hint: the ids are the `id` fields of the reps in ")
            && hint.ends_with("team.json"),
        "{err}"
    );
    let (ok, _, err) = meridian_cli(
        &[
            "export-ics".as_ref(),
            "--scenario".as_ref(),
            file.as_os_str(),
        ],
        dir.path(),
    );
    assert!(!ok);
    assert!(err.contains("--rep"), "{err}");
}

/// Reps in both hemispheres and a zone without DST, with meetings whose
/// occurrences cross the 2026 changes, start in a gap or a fold, and use
/// every UNTIL form, COUNT with a start that is not one of the rule's
/// dates, and monthly and yearly rules.
fn dst_team() -> Value {
    let meeting =
        |id: &str, start: &str, zone: &str, minutes: u32, rule: Option<&str>, who: &str| {
            json!({"id": id, "title": format!("{id} call"), "start": start, "time_zone": zone,
               "duration_minutes": minutes, "rrule": rule, "attendees": [who]})
        };
    json!({
        "format": "meridian.scenario/1",
        "offices": [{"id": "syd", "name": "Sydney", "time_zone": "Australia/Sydney", "desks": 3}],
        "reps": [
            {"id": "lon", "time_zone": "Europe/London"},
            {"id": "nyc", "time_zone": "America/New_York",
             "time_off": [{"start": "2026-03-06", "end": "2026-03-09"}]},
            {"id": "syd", "time_zone": "Australia/Sydney", "office": "syd"},
            {"id": "scl", "time_zone": "America/Santiago"},
            {"id": "blr", "time_zone": "Asia/Kolkata"}
        ],
        "meetings": [
            meeting("lon-weekly", "2026-01-05T09:00", "Europe/London", 45, Some("FREQ=WEEKLY;BYDAY=MO,TH"), "lon"),
            meeting("lon-floating-until", "2026-03-02T00:30", "Europe/London", 60, Some("FREQ=WEEKLY;UNTIL=20261102T003000"), "lon"),
            meeting("lon-night", "2026-10-24T23:30", "Europe/London", 120, Some("FREQ=DAILY;COUNT=4"), "lon"),
            meeting("nyc-until-utc", "2026-02-03T10:00", "America/New_York", 30, Some("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T150000Z"), "nyc"),
            meeting("nyc-gap", "2026-03-08T02:30", "America/New_York", 30, Some("FREQ=WEEKLY;COUNT=5"), "nyc"),
            meeting("nyc-fold", "2026-11-01T01:30", "America/New_York", 30, Some("FREQ=DAILY;COUNT=3"), "nyc"),
            meeting("nyc-unsynced", "2026-10-28T16:00", "America/New_York", 60, Some("FREQ=WEEKLY;BYDAY=TU;COUNT=4"), "nyc"),
            meeting("nyc-last-friday", "2026-01-30T12:00", "America/New_York", 50, Some("FREQ=MONTHLY;BYDAY=-1FR"), "nyc"),
            meeting("syd-fortnightly", "2026-01-07T08:30", "Australia/Sydney", 60, Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=30"), "syd"),
            meeting("syd-fold", "2026-04-04T02:30", "Australia/Sydney", 30, Some("FREQ=DAILY;COUNT=3"), "syd"),
            meeting("syd-gap", "2026-10-03T02:15", "Australia/Sydney", 30, Some("FREQ=DAILY;COUNT=3"), "syd"),
            meeting("scl-midnight", "2026-09-01T00:30", "America/Santiago", 30, Some("FREQ=DAILY;UNTIL=20260915"), "scl"),
            meeting("scl-fold", "2026-04-03T23:30", "America/Santiago", 45, Some("FREQ=DAILY;COUNT=4"), "scl"),
            meeting("scl-monthly", "2026-01-15T18:00", "America/Santiago", 60, Some("FREQ=MONTHLY;BYMONTHDAY=15,-1"), "scl"),
            meeting("blr-monthly", "2026-01-15T14:00", "Asia/Kolkata", 90, Some("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12"), "blr"),
            meeting("blr-yearly", "2026-01-31T11:00", "Asia/Kolkata", 30, Some("FREQ=YEARLY;BYMONTH=1,3,10"), "blr"),
            meeting("utc-weekly", "2026-03-02T16:00", "UTC", 30, Some("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=40"), "blr"),
            meeting("lon-once", "2026-03-29T00:30", "Europe/London", 120, None, "lon")
        ],
        "office_days": [
            {"rep": "syd", "date": "2026-04-06", "office": "syd"},
            {"rep": "syd", "date": "2026-10-05", "office": "syd"}
        ]
    })
}

fn tool() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tools/ics_occurrences.py")
}

/// Runs the Python reader; fails (never skips) when it cannot run.
fn python_occurrences(file: &std::path::Path, from: &str, to: &str, custom: bool) -> Vec<Value> {
    let mut cmd = Command::new("python3");
    cmd.arg(tool()).arg(file).arg(from).arg(to);
    if custom {
        cmd.arg("--custom-tzids");
    }
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => panic!(
            "python3 is needed for this test ({e}); CI installs it with \
             `python3 -m pip install icalendar recurring-ical-events tzdata`"
        ),
    };
    assert!(
        out.status.success(),
        "ics_occurrences.py failed (exit {:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the tool prints JSON")
}

/// One meeting occurrence as Meridian expands it: its exact end, and
/// whether the zone changes offset during it or it starts in a gap.
struct Expected {
    end: String,
    spans_change: bool,
    /// For a start in a gap, where a reader that puts wall times in a gap
    /// after it (dateutil's VTIMEZONE reading, against RFC 5545 §3.3.5)
    /// starts it.
    gap_reading: Option<String>,
}

#[test]
fn every_exported_occurrence_matches_an_independent_reader_across_dst_in_both_hemispheres() {
    let sc = doc(&dst_team());
    let dir = tempfile::tempdir().expect("tmp");
    let (from, to) = ("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    let lo = tz::minute_of(from.parse().expect("from"));
    let hi = tz::minute_of(to.parse().expect("to"));
    let mut spanning = 0;
    for rep in &sc.reps {
        let text = write_calendar(&sc, &IcsScope::Rep(rep.id.clone()), stamp()).expect("export");
        let file = dir.path().join(format!("{}.ics", rep.id));
        std::fs::write(&file, &text).expect("write");

        let mut want: BTreeMap<(String, String), Expected> = BTreeMap::new();
        for m in sc.meetings.iter().filter(|m| m.attendees.contains(&rep.id)) {
            let zone = Zone::get(&m.time_zone).expect("zone");
            for (s, e) in meeting_occurrences(m, &zone, lo, hi).expect("expands") {
                // Also a start in a gap: its wall clock is not the written one.
                let spans_change = zone.offset_minutes(s) != zone.offset_minutes(e)
                    || zone.local_minute(s).rem_euclid(tz::DAY)
                        != i64::from(m.start.minute_of_day());
                spanning += usize::from(spans_change);
                // The written wall clock of this occurrence.
                let wall = zone.local_minute(s).div_euclid(tz::DAY) * tz::DAY
                    + i64::from(m.start.minute_of_day());
                let in_gap = zone.local_minute(s) > wall;
                want.insert(
                    (format!("meeting-{}@meridian", m.id), tz::fmt_utc(s)),
                    Expected {
                        end: tz::fmt_utc(e),
                        spans_change,
                        gap_reading: in_gap.then(|| tz::fmt_utc(wall - zone.offset_minutes(s))),
                    },
                );
            }
        }
        assert!(!want.is_empty(), "{} has meetings", rep.id);
        let mut want_days: BTreeSet<(String, String)> = BTreeSet::new();
        for od in sc.office_days.iter().filter(|d| d.rep == rep.id) {
            let end = od.date.succ_opt().expect("date");
            want_days.insert((
                format!("office-{}-{}@meridian", rep.id, od.date.format("%Y%m%d")),
                format!("{}..{end}", od.date),
            ));
        }
        for off in &rep.time_off {
            let end = off.end.succ_opt().expect("date");
            want_days.insert((
                format!("timeoff-{}-{}@meridian", rep.id, off.start.format("%Y%m%d")),
                format!("{}..{end}", off.start),
            ));
        }

        for custom in [false, true] {
            let how = if custom {
                "from the file's VTIMEZONEs"
            } else {
                "with IANA names"
            };
            let got = python_occurrences(&file, from, to, custom);
            let mut got_timed: BTreeMap<(String, String), String> = BTreeMap::new();
            let mut got_days = BTreeSet::new();
            for o in &got {
                let uid = o["uid"].as_str().expect("uid").to_string();
                match (o["start"].as_str(), o["date"].as_str()) {
                    (Some(start), _) => {
                        let end = o["end"].as_str().expect("end").to_string();
                        let before = got_timed.insert((uid.clone(), start.to_string()), end);
                        assert!(before.is_none(), "{uid} at {start} twice {how}");
                    }
                    (None, Some(date)) => {
                        let end = o["end_date"].as_str().expect("end date");
                        got_days.insert((uid, format!("{date}..{end}")));
                    }
                    _ => panic!("occurrence without a start: {o}"),
                }
            }
            if custom {
                for ((uid, start), x) in &want {
                    let Some(alt) = &x.gap_reading else { continue };
                    if let Some(end) = got_timed.remove(&(uid.clone(), alt.clone())) {
                        got_timed.insert((uid.clone(), start.clone()), end);
                    }
                }
            }
            let missing: Vec<_> = want
                .keys()
                .filter(|k| !got_timed.contains_key(*k))
                .collect();
            let extra: Vec<_> = got_timed
                .keys()
                .filter(|k| !want.contains_key(*k))
                .collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{} read {how}: Meridian has but the reader lacks {missing:#?}\n\
                 the reader has but Meridian lacks {extra:#?}",
                rep.id
            );
            for (key, x) in &want {
                let end = &got_timed[key];
                // The reader adds a length on the wall clock (Python's
                // aware-datetime arithmetic, and zoneinfo puts a wall time
                // in a gap after it), so across a change its end is not the
                // exact one the file states, nor after a start in a gap; only
                // the start is compared there.
                if !x.spans_change {
                    assert_eq!(end, &x.end, "{key:?} {how}");
                }
            }
            assert_eq!(got_days, want_days, "{} day items {how}", rep.id);
        }
    }
    // nyc-fold's first call, scl-fold's, lon-night's and lon-once span a
    // change; nyc-gap, syd-gap and scl-midnight start in gaps.
    assert!(spanning >= 4, "{spanning}");
}

// ---- import of busy times -------------------------------------------------

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name);
    std::fs::read_to_string(&path).expect("fixture")
}

fn today() -> chrono::NaiveDate {
    "2026-12-01".parse().expect("date")
}

fn team_db() -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&small_team().to_string(), "test")
        .expect("import");
    m
}

/// `title @ start zone (minutes)` of each imported meeting.
fn summary(p: &meridian::io::ics::import::IcsPreview) -> Vec<String> {
    p.events
        .iter()
        .map(|e| {
            let m = &e.meeting;
            format!(
                "{} @ {} {} ({} min{})",
                m.title,
                m.start,
                m.time_zone,
                m.duration_minutes,
                m.rrule
                    .as_deref()
                    .map(|r| format!(", {r}"))
                    .unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn a_google_export_imports_utc_zoned_recurring_all_day_and_moved_events() {
    let m = team_db();
    let p = m
        .preview_ics_busy("ana", &fixture("google.ics"), today())
        .expect("preview");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(
        summary(&p),
        [
            "Dentist @ 2026-12-01T15:00 UTC (60 min)",
            "Customer standup @ 2026-12-02T09:00 America/New_York (30 min, FREQ=WEEKLY;BYDAY=WE;UNTIL=20270127T140000Z)",
            "Lunch & learn @ 2026-12-03T12:00 America/New_York (60 min)",
            "Lunch & learn (moved) @ 2026-12-11T14:00 America/New_York (30 min)",
            "Sales offsite @ 2026-12-14T00:00 Europe/Lisbon (2880 min)",
            "Lunch & learn @ 2026-12-17T12:00 America/New_York (60 min)",
            "Lunch & learn @ 2026-12-31T12:00 America/New_York (60 min)",
            "Lunch & learn @ 2027-01-07T12:00 America/New_York (60 min)",
        ]
    );
    let reasons: Vec<&str> = p.skipped.iter().map(|n| n.reason.as_str()).collect();
    assert!(reasons[0].contains("TRANSPARENT"), "{reasons:?}");
    assert_eq!(reasons[1], "cancelled");
    assert!(reasons[2].contains("no time between"), "{reasons:?}");
    assert_eq!(p.cancelled_ids.len(), 1);
    assert!(p.events.iter().all(|e| e.meeting.attendees == ["ana"]));
}

#[test]
fn an_outlook_export_maps_windows_zone_names_and_unfolds_lines() {
    let m = team_db();
    let p = m
        .preview_ics_busy("bo", &fixture("outlook.ics"), today())
        .expect("preview");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(
        summary(&p),
        [
            "Quarterly planning with the DACH partners – Berlin, München and Zürich offices @ 2026-12-07T10:00 Europe/Berlin (90 min, FREQ=WEEKLY;UNTIL=20270301T090000Z;INTERVAL=1;BYDAY=MO;WKST=SU)",
            "Call with Boston @ 2026-12-08T09:00 America/New_York (45 min)",
            "Out of office @ 2026-12-18T00:00 America/New_York (1440 min)",
        ]
    );
    assert_eq!(p.skipped[0].reason, "shown as free in Outlook");
    assert_eq!(p.events[0].line, 37);
}

#[test]
fn floating_times_are_read_in_the_reps_zone_and_other_rules_are_expanded() {
    let m = team_db();
    let p = m
        .preview_ics_busy("bo", &fixture("floating.ics"), today())
        .expect("preview");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(
        summary(&p),
        [
            "Gym, before work @ 2026-12-02T08:30 America/New_York (45 min)",
            "First Friday drinks @ 2026-12-04T17:00 America/New_York (60 min)",
            "Saturday shift @ 2026-12-05T00:00 America/New_York (1440 min)",
            "Saturday shift @ 2026-12-12T00:00 America/New_York (1440 min)",
            "First Friday drinks @ 2027-01-01T17:00 America/New_York (60 min)",
            "First Friday drinks @ 2027-02-05T17:00 America/New_York (60 min)",
        ]
    );
    assert_eq!(p.events.iter().filter(|e| e.expanded).count(), 5);
}

#[test]
fn broken_events_are_reported_by_line_and_skipped_only_with_consent() {
    let mut m = team_db();
    let text = fixture("broken.ics");
    let p = m.preview_ics_busy("ana", &text, today()).expect("preview");
    let problems: Vec<String> = p
        .problems
        .iter()
        .map(|p| format!("line {}: {}", p.line, p.message))
        .collect();
    insta::assert_snapshot!(problems.join("\n"));
    assert_eq!(summary(&p), ["Good one @ 2026-12-02T10:00 UTC (60 min)"]);

    let before = m.scenario().expect("load");
    let e = m
        .import_ics_busy("ana", &text, today(), false)
        .expect_err("refused without consent");
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert_eq!(e.problems()[0].path, "line 14");
    assert_eq!(m.scenario().expect("load"), before, "nothing stored");

    m.import_ics_busy("ana", &text, today(), true)
        .expect("imported with consent");
    let sc = m.scenario().expect("load");
    assert_eq!(sc.meetings.len(), before.meetings.len() + 1);
}

#[test]
fn importing_the_same_file_again_updates_instead_of_duplicating() {
    let mut m = team_db();
    let text = fixture("google.ics");
    m.import_ics_busy("ana", &text, today(), false)
        .expect("import");
    let once = m.scenario().expect("read");
    m.import_ics_busy("ana", &text, today(), false)
        .expect("again");
    let twice = m.scenario().expect("read");
    assert_eq!(once.meetings, twice.meetings);
    let moved = text.replace("SUMMARY:Dentist", "SUMMARY:Dentist (rebooked)");
    m.import_ics_busy("ana", &moved, today(), false)
        .expect("updated");
    let thrice = m.scenario().expect("read");
    assert_eq!(thrice.meetings.len(), once.meetings.len());
    assert!(thrice
        .meetings
        .iter()
        .any(|x| x.title == "Dentist (rebooked)"));
    // A cancelled event removes what an earlier import stored for it.
    let cancel = text.replace(
        "STATUS:CONFIRMED\r\nSUMMARY:Dentist\r\n",
        "STATUS:CANCELLED\r\nSUMMARY:Dentist\r\n",
    );
    m.import_ics_busy("ana", &cancel, today(), false)
        .expect("cancelled");
    let after = m.scenario().expect("read");
    assert_eq!(after.meetings.len(), once.meetings.len() - 1);
    // Another rep importing the same file gets their own meetings.
    m.import_ics_busy("bo", &text, today(), false).expect("bo");
    let bo = m.scenario().expect("read");
    let imported = once.meetings.len() - 3;
    assert_eq!(bo.meetings.len(), after.meetings.len() + imported);
}

#[test]
fn unreadable_files_are_refused_with_the_reason() {
    let m = team_db();
    let e = m
        .preview_ics_busy("ana", "hello", today())
        .expect_err("not ics");
    assert!(e.to_string().contains("not an iCalendar file"), "{e}");
    let e = m
        .preview_ics_busy("zed", &fixture("google.ics"), today())
        .expect_err("unknown rep");
    assert_eq!(e.code(), ErrorCode::NotFound);
    let huge = format!(
        "BEGIN:VCALENDAR\r\nX-A:{}\r\nEND:VCALENDAR\r\n",
        "a".repeat(70_000)
    );
    let e = m
        .preview_ics_busy("ana", &huge, today())
        .expect_err("long line");
    assert_eq!(e.problems()[0].path, "line 2");
    let many = format!(
        "BEGIN:VCALENDAR\r\n{}END:VCALENDAR\r\n",
        "BEGIN:X\r\nEND:X\r\n".repeat(60_000)
    );
    let e = m
        .preview_ics_busy("ana", &many, today())
        .expect_err("too many");
    assert!(e.to_string().contains("more than 50000 components"), "{e}");
}

#[test]
fn endless_and_never_matching_imported_rules_stay_bounded() {
    let m = team_db();
    let event = |rule: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20261201T100000Z\r\nDURATION:PT1H\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let started = std::time::Instant::now();
    // Outside the subset, every minute: more occurrences than the cap.
    let p = m
        .preview_ics_busy("ana", &event("FREQ=MINUTELY"), today())
        .expect("preview");
    assert!(
        p.problems[0].message.contains("more than 1000 occurrences"),
        "{:?}",
        p.problems
    );
    // A 30 February never comes.
    let p = m
        .preview_ics_busy(
            "ana",
            &event("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
            today(),
        )
        .expect("preview");
    assert_eq!(p.events.len(), 1, "only the start: {:?}", p.problems);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn every_file_of_the_ics_fuzz_corpus_reads_without_panicking() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/ics_import");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fuzz/corpus/ics_import is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert!(!files.is_empty(), "fuzz/corpus/ics_import is empty");
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for zone in ["Europe/London", "America/Santiago"] {
            let run = std::panic::catch_unwind(|| {
                meridian::io::ics::import::read_busy(text, "ana", zone, today())
            });
            assert!(run.is_ok(), "{} panics", file.display());
        }
    }
}

/// Ana (London, English holidays) in New York over Thanksgiving week and
/// over the English early-May bank holiday.
fn travelling_team() -> Value {
    json!({
        "format": "meridian.scenario/1",
        "teams": [{"id": "emea", "name": "EMEA Sales"}],
        "offices": [
            {"id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 5,
             "holidays": "GB-ENG"},
            {"id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 5,
             "holidays": "US-NY"}
        ],
        "reps": [
            {"id": "ana", "name": "Ana Silva", "team": "emea", "time_zone": "Europe/London",
             "office": "lon",
             "travel": [{"from": "2026-11-23", "to": "2026-11-27", "office": "nyc"},
                        {"from": "2027-05-03", "to": "2027-05-04", "office": "nyc"}]}
        ]
    })
}

/// The content lines of the event with `uid` (unfolded lines are enough:
/// the lines looked at are short).
fn event_lines<'t>(text: &'t str, uid: &str) -> Vec<&'t str> {
    let lines: Vec<&str> = text.split("\r\n").collect();
    let at = lines
        .iter()
        .position(|l| *l == format!("UID:{uid}"))
        .unwrap_or_else(|| panic!("no event {uid}"));
    let start = lines[..at]
        .iter()
        .rposition(|l| *l == "BEGIN:VEVENT")
        .expect("begin");
    let end = at
        + lines[at..]
            .iter()
            .position(|l| *l == "END:VEVENT")
            .expect("end");
    lines[start..=end].to_vec()
}

#[test]
fn each_trip_is_an_all_day_free_event_at_the_visited_office_and_trip_days_take_its_holidays() {
    let sc = doc(&travelling_team());
    let text = write_calendar(&sc, &IcsScope::Rep("ana".into()), stamp()).expect("export");
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("ana.ics");
    std::fs::write(&file, &text).expect("write");
    let read = python_occurrences(&file, "2026-11-01T00:00:00Z", "2027-06-01T00:00:00Z", false);
    let by_uid = |uid: &str| -> Vec<&Value> { read.iter().filter(|e| e["uid"] == uid).collect() };

    // One event per trip, all its days, named after the office.
    for (uid, first, end) in [
        ("travel-ana-20261123@meridian", "2026-11-23", "2026-11-28"),
        ("travel-ana-20270503@meridian", "2027-05-03", "2027-05-05"),
    ] {
        let events = by_uid(uid);
        assert_eq!(events.len(), 1, "{uid}: {read:?}");
        assert_eq!(events[0]["summary"], "In New York office");
        assert_eq!(events[0]["date"], first);
        assert_eq!(events[0]["end_date"], end);
        let lines = event_lines(&text, uid);
        assert!(lines.contains(&"TRANSP:TRANSPARENT"), "{lines:?}");
        assert!(lines.contains(&"LOCATION:New York"), "{lines:?}");
    }
    // Trip days take New York's holidays: Thanksgiving is a day off, the
    // English bank holiday is not; at home the English ones stay.
    let holiday = |uid: &str| by_uid(uid).len();
    assert_eq!(holiday("holiday-ana-US-NY-20261126@meridian"), 1);
    assert_eq!(holiday("holiday-ana-GB-ENG-20270503@meridian"), 0);
    assert_eq!(holiday("holiday-ana-GB-ENG-20261225@meridian"), 1);
    assert!(
        read.iter()
            .filter(|e| e["uid"].as_str().is_some_and(|u| u.contains("US-NY")))
            .all(|e| e["date"] == "2026-11-26"),
        "only the trip days' New York holidays: {read:?}"
    );

    // The team's calendar names the rep; UIDs stay when another trip is
    // added, so a re-import updates instead of duplicating.
    let team = write_calendar(&sc, &IcsScope::Team("emea".into()), stamp()).expect("team");
    assert!(
        team.contains("SUMMARY:Ana Silva — In New York office"),
        "{team}"
    );
    let mut more = travelling_team();
    more["reps"][0]["travel"]
        .as_array_mut()
        .expect("trips")
        .insert(
            0,
            json!({"from": "2026-11-02", "to": "2026-11-03", "office": "nyc"}),
        );
    let again = write_calendar(&doc(&more), &IcsScope::Rep("ana".into()), stamp()).expect("again");
    for uid in [
        "travel-ana-20261102@meridian",
        "travel-ana-20261123@meridian",
        "travel-ana-20270503@meridian",
    ] {
        assert_eq!(again.matches(&format!("UID:{uid}\r\n")).count(), 1, "{uid}");
    }
}
