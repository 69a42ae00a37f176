//! The utilisation and compliance reports (issue 16) against figures
//! recomputed here, plainly, from the stored office days: on a hand-made
//! team (with a traveller, a closed day, an override and an over-full day)
//! and on a generated team planned and accepted through the facade. Also
//! privacy (per-person rows only for the lead's team), exports without
//! names, CSV read back, and the CLI on a team document.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

use meridian::api::screens::Window;
use meridian::api::{ReportExport, ReportFormat, ReportKind, ReportQuery};
use meridian::model::{Scenario, Team};
use meridian::plan::report::{ComplianceStatus, UseLevel};
use meridian::rules::{office_open, rule1_blocks};
use meridian::{AppError, Meridian};

use crate::bench_common;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

const ALL: Window = Window {
    offset: 0,
    limit: 500,
};

/// London (2 desks, closed Thu 3 Dec) and New York (1 desk); Alpha (anchor
/// Tue) and Beta (anchor Wed). Ana is off on Tue 1 Dec and prefers Mon and
/// Wed; Bo keeps to one day a week and visits New York on 8–9 Dec; Eve is
/// remote; Fay has no team. Policy 2–3 days.
fn doc() -> Value {
    let od =
        |rep: &str, date: &str, office: &str| json!({ "rep": rep, "date": date, "office": office });
    json!({
        "format": "meridian.scenario/1",
        "teams": [
            { "id": "alpha", "name": "Alpha", "anchor_days": ["tue"] },
            { "id": "beta", "name": "Beta", "anchor_days": ["wed"] }
        ],
        "offices": [
            { "id": "lon", "name": "London", "time_zone": "Europe/London", "desks": 2,
              "closed_dates": ["2026-12-03"] },
            { "id": "nyc", "name": "New York", "time_zone": "America/New_York", "desks": 1 }
        ],
        "policy": { "office_days_per_week": { "min": 2, "max": 3 } },
        "reps": [
            { "id": "rep-ana-7", "name": "Ana Silva", "team": "alpha", "time_zone": "Europe/London",
              "office": "lon", "preferred_office_days": ["mon", "wed"],
              "time_off": [{ "start": "2026-12-01", "end": "2026-12-01" }] },
            { "id": "rep-bo-8", "name": "Bo Kent", "team": "alpha", "time_zone": "Europe/London",
              "office": "lon", "office_days_per_week": { "min": 1, "max": 1 },
              "travel": [{ "from": "2026-12-08", "to": "2026-12-09", "office": "nyc" }] },
            { "id": "rep-cy-9", "name": "Cy Wu", "team": "beta", "time_zone": "Europe/London", "office": "lon" },
            { "id": "rep-dee-3", "name": "Dee Moss", "team": "beta", "time_zone": "America/New_York", "office": "nyc" },
            { "id": "rep-eve-4", "name": "Eve Park", "time_zone": "UTC" },
            { "id": "rep-fay-5", "name": "Fay Lund", "time_zone": "Europe/London", "office": "lon" }
        ],
        "office_days": [
            od("rep-ana-7", "2026-11-30", "lon"), od("rep-ana-7", "2026-12-02", "lon"),
            od("rep-bo-8", "2026-11-30", "lon"), od("rep-bo-8", "2026-12-01", "lon"),
            od("rep-cy-9", "2026-11-30", "lon"), od("rep-fay-5", "2026-12-01", "lon"),
            od("rep-dee-3", "2026-12-01", "nyc"), od("rep-dee-3", "2026-12-02", "nyc"),
            od("rep-ana-7", "2026-12-08", "lon"), od("rep-ana-7", "2026-12-09", "lon"),
            od("rep-ana-7", "2026-12-10", "lon"), od("rep-ana-7", "2026-12-11", "lon"),
            od("rep-bo-8", "2026-12-08", "nyc"), od("rep-bo-8", "2026-12-09", "nyc"),
            od("rep-dee-3", "2026-12-08", "nyc"), od("rep-cy-9", "2026-12-09", "lon")
        ]
    })
}

fn hand_made() -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&doc().to_string(), "t").expect("import");
    m
}

fn query(from: &str, weeks: u32) -> ReportQuery {
    ReportQuery {
        from: Some(day(from)),
        weeks: Some(weeks),
    }
}

fn export(m: &Meridian, kind: ReportKind, format: ReportFormat, q: ReportQuery) -> String {
    let req = ReportExport {
        kind,
        format,
        query: q,
        anonymous: false,
        team: None,
    };
    m.export_report(&req, day("2026-11-30")).expect("export")
}

fn json_export(m: &Meridian, kind: ReportKind, q: ReportQuery) -> Value {
    serde_json::from_str(&export(m, kind, ReportFormat::Json, q)).expect("json")
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The reports' figures recomputed from the scenario's office days, one
/// plain loop per definition in DESIGN.md "Reports (issue 16)".
struct Oracle<'a> {
    sc: &'a Scenario,
    dates: Vec<NaiveDate>,
    mondays: Vec<NaiveDate>,
    days: Vec<(&'a str, NaiveDate, &'a str)>,
}

impl<'a> Oracle<'a> {
    fn new(sc: &'a Scenario, from: &str, weeks: u32) -> Oracle<'a> {
        let first = monday(day(from));
        let dates: Vec<NaiveDate> = (0..7 * i64::from(weeks))
            .map(|k| first + Duration::days(k))
            .collect();
        let last = *dates.last().expect("dates");
        Oracle {
            sc,
            mondays: dates.iter().copied().step_by(7).collect(),
            days: sc
                .office_days
                .iter()
                .filter(|d| d.date >= first && d.date <= last)
                .map(|d| (d.rep.as_str(), d.date, d.office.as_str()))
                .collect(),
            dates,
        }
    }

    fn team_of(&self, rep: &str) -> Option<&'a str> {
        self.sc
            .reps
            .iter()
            .find(|r| r.id == rep)
            .and_then(|r| r.team.as_deref())
    }

    /// (used, capacity) per office over the window, and used per date.
    fn desks(&self, office: &str) -> (Vec<u32>, u32, u32) {
        let o = self
            .sc
            .offices
            .iter()
            .find(|o| o.id == office)
            .expect("office");
        let per_day: Vec<u32> = self
            .dates
            .iter()
            .map(|&d| {
                self.days
                    .iter()
                    .filter(|x| x.1 == d && x.2 == office)
                    .count() as u32
            })
            .collect();
        let open = self.dates.iter().filter(|&&d| office_open(o, d)).count() as u32;
        let used = per_day.iter().sum();
        (per_day, used, o.desks * open)
    }

    /// (member days, together days, pairs) of a team in the week of `monday`.
    fn presence(&self, team: &str, monday: NaiveDate) -> (u32, u32, u32) {
        let mine: Vec<&(&str, NaiveDate, &str)> = self
            .days
            .iter()
            .filter(|x| x.1 >= monday && x.1 < monday + Duration::days(7))
            .filter(|x| self.team_of(x.0) == Some(team))
            .collect();
        let together = mine
            .iter()
            .filter(|a| mine.iter().any(|b| b.0 != a.0 && b.1 == a.1 && b.2 == a.2))
            .count() as u32;
        let mut pairs = 0;
        for (i, a) in mine.iter().enumerate() {
            for b in &mine[i + 1..] {
                if a.1 == b.1 && a.2 == b.2 {
                    pairs += 1;
                }
            }
        }
        (mine.len() as u32, together, pairs)
    }

    /// (office days, available, status, anchor attended/available,
    /// preferred granted/available) of a rep in the week of `monday`.
    fn week(&self, rep: &str, monday: NaiveDate) -> (u32, u32, ComplianceStatus, [u32; 4]) {
        let r = self.sc.reps.iter().find(|r| r.id == rep).expect("rep");
        let range = r
            .office_days_per_week
            .unwrap_or(self.sc.policy.office_days_per_week);
        let anchors = r
            .team
            .as_ref()
            .and_then(|t| self.sc.teams.iter().find(|x| &x.id == t))
            .map(|t: &Team| t.anchor_days.clone())
            .unwrap_or_default();
        let (mut n, mut avail, mut f) = (0, 0, [0u32; 4]);
        for d in (0..7).map(|k| monday + Duration::days(k)) {
            let here = self.days.iter().any(|x| x.0 == rep && x.1 == d);
            n += u32::from(here);
            if rule1_blocks(r, &self.sc.offices, d).is_some() {
                continue;
            }
            avail += 1;
            let wd = meridian::model::Weekday::of(d);
            if anchors.contains(&wd) {
                f[1] += 1;
                f[0] += u32::from(here);
            }
            if r.preferred_office_days.contains(&wd) {
                f[3] += 1;
                f[2] += u32::from(here);
            }
        }
        let status = if n < range.min.min(avail) {
            ComplianceStatus::Below
        } else if n > range.max {
            ComplianceStatus::Above
        } else {
            ComplianceStatus::Within
        };
        (n, avail, status, f)
    }

    fn counted(&self) -> Vec<&'a str> {
        let (first, last) = (self.dates[0], *self.dates.last().expect("dates"));
        self.sc
            .reps
            .iter()
            .filter(|r| {
                r.office.is_some() || r.travel.iter().any(|t| t.from <= last && t.to >= first)
            })
            .map(|r| r.id.as_str())
            .collect()
    }
}

fn status_of(v: &Value) -> ComplianceStatus {
    serde_json::from_value(v.clone()).expect("status")
}

/// Every figure of the three JSON exports equals the oracle's.
fn check_against_oracle(m: &Meridian, from: &str, weeks: u32, lead: &str) {
    let sc = m.scenario().expect("scenario");
    let o = Oracle::new(&sc, from, weeks);
    let q = query(from, weeks);

    let desks = json_export(m, ReportKind::Desks, q);
    let offices = desks["offices"].as_array().expect("offices");
    assert_eq!(offices.len(), sc.offices.len());
    for row in offices {
        let (per_day, used, capacity) = o.desks(row["office"].as_str().expect("id"));
        let got: Vec<u32> = row["days"]
            .as_array()
            .expect("days")
            .iter()
            .map(|d| d["used"].as_u64().expect("used") as u32)
            .collect();
        assert_eq!(got, per_day, "{}", row["office"]);
        assert_eq!(row["used"], json!(used));
        assert_eq!(row["capacity"], json!(capacity));
    }

    let teams = json_export(m, ReportKind::Teams, q);
    let teams = teams["teams"].as_array().expect("teams");
    assert_eq!(teams.len(), sc.teams.len());
    for t in teams {
        let id = t["team"].as_str().expect("id");
        let mut sum = (0, 0, 0);
        for (w, &mon) in o.mondays.iter().enumerate() {
            let (md, tog, pairs) = o.presence(id, mon);
            let f = &t["weeks"][w]["figures"];
            assert_eq!(
                (
                    f["member_days"].clone(),
                    f["together_days"].clone(),
                    f["pairs"].clone()
                ),
                (json!(md), json!(tog), json!(pairs)),
                "{id} week {w}"
            );
            sum = (sum.0 + md, sum.1 + tog, sum.2 + pairs);
        }
        assert_eq!(t["total"]["member_days"], json!(sum.0));
        assert_eq!(t["total"]["together_days"], json!(sum.1));
        assert_eq!(t["total"]["pairs"], json!(sum.2));
    }

    let req = ReportExport {
        kind: ReportKind::Compliance,
        format: ReportFormat::Json,
        query: q,
        anonymous: false,
        team: Some(lead.to_string()),
    };
    let c: Value =
        serde_json::from_str(&m.export_report(&req, day(from)).expect("export")).expect("json");
    let counted = o.counted();
    let listed: HashSet<&str> = c["reps"]
        .as_array()
        .expect("reps")
        .iter()
        .map(|r| r["rep"].as_str().expect("id"))
        .collect();
    let expected: HashSet<&str> = counted
        .iter()
        .copied()
        .filter(|r| o.team_of(r) == Some(lead))
        .collect();
    assert_eq!(
        listed, expected,
        "only the lead's team, every counted member"
    );
    for r in c["reps"].as_array().expect("reps") {
        let id = r["rep"].as_str().expect("id");
        for (w, &mon) in o.mondays.iter().enumerate() {
            let (n, avail, status, f) = o.week(id, mon);
            let x = &r["weeks"][w];
            assert_eq!(x["office_days"], json!(n), "{id} {w}");
            assert_eq!(x["available"], json!(avail), "{id} {w}");
            assert_eq!(status_of(&x["status"]), status, "{id} {w}");
            assert_eq!(
                [
                    &x["anchor_attended"],
                    &x["anchor_available"],
                    &x["preferred_granted"],
                    &x["preferred_available"]
                ],
                f.map(|v| json!(v)).each_ref(),
                "{id} {w}"
            );
        }
    }
    // Team totals: every counted rep-week summed by the rep's team.
    for t in c["teams"].as_array().expect("teams") {
        let team = t["team"].as_str();
        let members: Vec<&str> = counted
            .iter()
            .copied()
            .filter(|r| o.team_of(r) == team)
            .collect();
        assert_eq!(t["reps"], json!(members.len()));
        let mut sums: HashMap<&str, u32> = HashMap::new();
        for r in &members {
            for &mon in &o.mondays {
                let (n, _, status, f) = o.week(r, mon);
                *sums.entry("office_days").or_default() += n;
                let key = match status {
                    ComplianceStatus::Below => "below",
                    ComplianceStatus::Within => "within",
                    ComplianceStatus::Above => "above",
                };
                *sums.entry(key).or_default() += 1;
                for (k, v) in [
                    "anchor_attended",
                    "anchor_available",
                    "preferred_granted",
                    "preferred_available",
                ]
                .into_iter()
                .zip(f)
                {
                    *sums.entry(k).or_default() += v;
                }
            }
        }
        for (k, v) in [
            "office_days",
            "below",
            "within",
            "above",
            "anchor_attended",
            "anchor_available",
            "preferred_granted",
            "preferred_available",
        ]
        .map(|k| (k, sums.get(k).copied().unwrap_or(0)))
        {
            assert_eq!(t["total"][k], json!(v), "{team:?} {k}");
        }
    }
}

#[test]
fn hand_made_team_figures_match_the_definitions_and_the_recount() {
    let m = hand_made();
    check_against_oracle(&m, "2026-11-30", 2, "alpha");
    check_against_oracle(&m, "2026-12-02", 2, "beta");

    // A few figures worked out by hand.
    let desks = m
        .desk_report(&query("2026-11-30", 2), ALL, day("2026-11-30"))
        .expect("desks");
    let lon = desks
        .rows
        .rows
        .iter()
        .find(|r| r.office == "lon")
        .expect("lon");
    let cell = |d: &str| lon.days.iter().find(|x| x.date == day(d)).expect("column");
    assert_eq!(
        (cell("2026-11-30").used, cell("2026-11-30").level),
        (3, UseLevel::Over)
    );
    assert!(cell("2026-12-03").closed);
    assert_eq!(cell("2026-12-03").level, UseLevel::Closed);
    assert_eq!(cell("2026-12-01").percent, Some(100));
    // Weekends are no columns (no office opens), holidays and closures are.
    assert_eq!(desks.weeks[0].days.len(), 5);
    let nyc = desks
        .rows
        .rows
        .iter()
        .find(|r| r.office == "nyc")
        .expect("nyc");
    let tue = nyc
        .days
        .iter()
        .find(|x| x.date == day("2026-12-08"))
        .expect("tue");
    assert_eq!(tue.used, 2, "the traveller counts at the visited office");

    let teams = m
        .team_report(&query("2026-11-30", 2), ALL, day("2026-11-30"))
        .expect("teams");
    let names: Vec<&str> = teams.rows.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Beta", "No team"]);
    let alpha = teams.rows.rows[0].presence.as_ref().expect("presence");
    assert_eq!(
        (
            alpha.weeks[0].figures.member_days,
            alpha.weeks[0].figures.together_days,
            alpha.weeks[0].figures.pairs
        ),
        (4, 2, 1)
    );
    assert_eq!(alpha.weeks[0].figures.percent, Some(50));
    assert_eq!(
        (
            alpha.total.member_days,
            alpha.total.together_days,
            alpha.total.percent
        ),
        (10, 2, Some(20))
    );
    let no_team = &teams.rows.rows[2];
    assert!(no_team.presence.is_none());
    assert_eq!(
        no_team.compliance.reps, 1,
        "Fay; Eve is remote and not counted"
    );
    assert_eq!(no_team.compliance.total.below, 2);
}

#[test]
fn per_person_rows_only_for_the_leads_team_which_a_team_removal_clears() {
    let mut m = hand_made();
    let q = query("2026-11-30", 2);
    let today = day("2026-11-30");
    let people = m.people_report(&q, ALL, today).expect("people");
    assert_eq!(people.lead_team, None);
    assert!(people.rows.rows.is_empty());
    assert_eq!(people.rows.total, 0);
    let c = json_export(&m, ReportKind::Compliance, q);
    assert_eq!(c["reps"], json!([]), "no team chosen: aggregates only");

    assert!(matches!(
        m.set_lead_team(Some("nope".into())),
        Err(AppError::NotFound { .. })
    ));
    let changes = m.set_lead_team(Some("alpha".into())).expect("set");
    assert!(changes.counter > 0);
    assert_eq!(m.lead_team().expect("lead"), Some("alpha".into()));
    let people = m.people_report(&q, ALL, today).expect("people");
    assert_eq!(
        people.lead_team.as_ref().map(|t| t.name.as_str()),
        Some("Alpha")
    );
    let ids: Vec<&str> = people.rows.rows.iter().map(|r| r.rep.as_str()).collect();
    assert_eq!(ids, ["rep-ana-7", "rep-bo-8"], "by name");
    let ana = &people.rows.rows[0];
    assert_eq!(
        ana.weeks
            .iter()
            .map(|w| (w.office_days, w.available, w.required, w.status))
            .collect::<Vec<_>>(),
        [
            (2, 3, 2, ComplianceStatus::Within),
            (4, 5, 2, ComplianceStatus::Above)
        ]
    );
    assert_eq!(
        (
            ana.weeks[0].anchor_available,
            ana.weeks[0].preferred_granted
        ),
        (0, 2)
    );
    assert_eq!(
        (ana.weeks[1].anchor_attended, ana.weeks[1].preferred_granted),
        (1, 1)
    );
    let bo = &people.rows.rows[1];
    assert_eq!(
        (bo.weeks[1].min, bo.weeks[1].max, bo.weeks[1].status),
        (1, 1, ComplianceStatus::Above)
    );
    let c = json_export(&m, ReportKind::Compliance, q);
    let reps: Vec<&str> = c["reps"]
        .as_array()
        .expect("reps")
        .iter()
        .map(|r| r["rep"].as_str().expect("id"))
        .collect();
    assert_eq!(reps, ["rep-ana-7", "rep-bo-8"]);
    let text = export(&m, ReportKind::Compliance, ReportFormat::Json, q);
    for other in [
        "rep-cy-9",
        "Cy Wu",
        "rep-dee-3",
        "Dee Moss",
        "rep-fay-5",
        "Fay Lund",
    ] {
        assert!(!text.contains(other), "{other} is not in the lead's team");
    }
    // A typed date no document can hold is refused before any arithmetic.
    let far = ReportQuery {
        from: NaiveDate::from_ymd_opt(262_000, 1, 1),
        weeks: Some(2),
    };
    match m.people_report(&far, ALL, today) {
        Err(AppError::Invalid(e)) => assert_eq!(e.problems[0].path, "from"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // The app's export names no other team's people, whatever it is sent;
    // the lead's own team may be named.
    let other = ReportExport {
        kind: ReportKind::Compliance,
        format: ReportFormat::Json,
        query: q,
        anonymous: false,
        team: Some("beta".into()),
    };
    match m.export_lead_report(&other, today) {
        Err(AppError::Invalid(e)) => assert_eq!(e.problems[0].path, "team"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let own = ReportExport {
        team: Some("alpha".into()),
        ..other
    };
    let text = m.export_lead_report(&own, today).expect("own team");
    assert!(text.contains("rep-ana-7") && !text.contains("rep-cy-9"));
    // A page of the people: the window cuts in Rust.
    let page = m
        .people_report(
            &q,
            Window {
                offset: 1,
                limit: 1,
            },
            today,
        )
        .expect("page");
    assert_eq!(
        (page.rows.rows.len(), page.rows.total, page.rows.offset),
        (1, 2, 1)
    );

    let rev = m.get::<Team>("alpha").expect("alpha").revision;
    m.delete::<Team>("alpha", Some(rev)).expect("delete");
    assert_eq!(
        m.lead_team().expect("lead"),
        None,
        "cleared in the same write"
    );
    m.set_lead_team(Some("beta".into())).expect("set");
    m.set_lead_team(None).expect("clear");
    assert_eq!(m.lead_team().expect("lead"), None);
}

#[test]
fn importing_a_team_without_the_leads_team_forgets_it() {
    let mut m = hand_made();
    m.set_lead_team(Some("beta".into())).expect("set");
    let mut d = doc();
    d["teams"] = json!([{ "id": "alpha", "name": "Alpha" }]);
    for r in d["reps"].as_array_mut().expect("reps") {
        if r["team"] == json!("beta") {
            r["team"] = Value::Null;
        }
    }
    m.import_document(&d.to_string(), "t").expect("import");
    assert_eq!(m.lead_team().expect("lead"), None);
}

#[test]
fn an_anonymous_export_holds_no_rep_id_or_name_and_numbers_reps_stably() {
    let mut m = hand_made();
    m.set_lead_team(Some("alpha".into())).expect("set");
    let sc = m.scenario().expect("scenario");
    for format in [ReportFormat::Csv, ReportFormat::Json] {
        for kind in [ReportKind::Desks, ReportKind::Teams, ReportKind::Compliance] {
            let req = ReportExport {
                kind,
                format,
                query: query("2026-11-30", 2),
                anonymous: true,
                team: None,
            };
            let text = m.export_report(&req, day("2026-11-30")).expect("export");
            let bytes = text.as_bytes();
            for r in &sc.reps {
                for needle in [r.id.as_bytes(), r.name.as_bytes()] {
                    assert!(
                        !bytes.windows(needle.len()).any(|w| w == needle),
                        "{kind:?} {format:?} holds {:?}",
                        String::from_utf8_lossy(needle)
                    );
                }
            }
            assert_eq!(
                text,
                m.export_report(&req, day("2026-11-30")).expect("again")
            );
        }
    }
    let req = ReportExport {
        kind: ReportKind::Compliance,
        format: ReportFormat::Json,
        query: query("2026-11-30", 2),
        anonymous: true,
        team: None,
    };
    let c: Value =
        serde_json::from_str(&m.export_report(&req, day("2026-11-30")).expect("x")).expect("json");
    let labels: Vec<(&str, &str)> = c["reps"]
        .as_array()
        .expect("reps")
        .iter()
        .map(|r| {
            (
                r["rep"].as_str().expect("id"),
                r["name"].as_str().expect("name"),
            )
        })
        .collect();
    // In id order: rep-ana-7 < rep-bo-8.
    assert_eq!(labels, [("Rep 1", "Rep 1"), ("Rep 2", "Rep 2")]);
    assert_eq!(
        c["reps"][0]["weeks"][1]["office_days"],
        json!(4),
        "Rep 1 is Ana"
    );
    assert!(c["teams"].to_string().contains("Alpha"), "team names stay");
}

#[test]
fn csv_exports_read_back_with_the_csv_crate_to_the_json_figures() {
    let mut m = hand_made();
    m.set_lead_team(Some("alpha".into())).expect("set");
    let q = query("2026-11-30", 2);
    let read = |text: &str| -> Vec<HashMap<String, String>> {
        let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().expect("header").clone();
        r.records()
            .map(|rec| {
                let rec = rec.expect("record");
                header
                    .iter()
                    .map(str::to_string)
                    .zip(rec.iter().map(str::to_string))
                    .collect()
            })
            .collect()
    };
    let desks = read(&export(&m, ReportKind::Desks, ReportFormat::Csv, q));
    assert_eq!(desks.len(), 2 * 14, "one row per office and date");
    let json = json_export(&m, ReportKind::Desks, q);
    for row in &desks {
        let o = json["offices"]
            .as_array()
            .expect("offices")
            .iter()
            .find(|o| o["office"] == json!(row["office_id"]))
            .expect("office");
        let d = o["days"]
            .as_array()
            .expect("days")
            .iter()
            .find(|d| d["date"] == json!(row["date"]))
            .expect("day");
        assert_eq!(row["used"], d["used"].to_string());
        assert_eq!(row["closed"] == "yes", d["closed"] == json!(true));
    }
    let teams = read(&export(&m, ReportKind::Teams, ReportFormat::Csv, q));
    let alpha_total = teams
        .iter()
        .find(|r| r["team_id"] == "alpha" && r["week"] == "total")
        .expect("total");
    assert_eq!(
        (
            alpha_total["member_days"].as_str(),
            alpha_total["pairs"].as_str(),
            alpha_total["percent"].as_str()
        ),
        ("10", "1", "20")
    );
    let c = read(&export(&m, ReportKind::Compliance, ReportFormat::Csv, q));
    let ana_w50 = c
        .iter()
        .find(|r| r["level"] == "rep" && r["rep_id"] == "rep-ana-7" && r["week"] == "2026-W50")
        .expect("row");
    assert_eq!(
        (
            ana_w50["status"].as_str(),
            ana_w50["office_days"].as_str(),
            ana_w50["team"].as_str()
        ),
        ("above", "4", "Alpha")
    );
    let beta = c
        .iter()
        .find(|r| r["level"] == "team" && r["team_id"] == "beta" && r["week"] == "total")
        .expect("beta");
    assert_eq!(beta["below"], "3");
    assert!(c
        .iter()
        .all(|r| r["level"] == "team" || r["team_id"] == "alpha"));
}

#[test]
fn a_formula_in_a_name_is_guarded_in_the_csv() {
    let mut d = doc();
    d["offices"][0]["name"] = json!("=HYPERLINK(\"x\")");
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&d.to_string(), "t").expect("import");
    let text = export(
        &m,
        ReportKind::Desks,
        ReportFormat::Csv,
        query("2026-11-30", 1),
    );
    assert!(text.contains("'=HYPERLINK"));
}

#[test]
fn windows_are_whole_weeks_of_at_most_104_and_desks_take_no_team() {
    let m = hand_made();
    let today = day("2026-11-30");
    for weeks in [0, 105] {
        let err = m
            .desk_report(&query("2026-11-30", weeks), ALL, today)
            .expect_err("weeks");
        assert!(err.to_string().contains("1 to 104 weeks"), "{err}");
    }
    assert!(m.desk_report(&query("2026-11-30", 104), ALL, today).is_ok());
    let req = ReportExport {
        kind: ReportKind::Desks,
        format: ReportFormat::Csv,
        query: query("2026-11-30", 1),
        anonymous: false,
        team: Some("alpha".into()),
    };
    assert!(m.export_report(&req, today).is_err());
    let req = ReportExport {
        kind: ReportKind::Teams,
        team: Some("ghost".into()),
        ..req
    };
    assert!(matches!(
        m.export_report(&req, today),
        Err(AppError::NotFound { .. })
    ));
    // Without a window: the week of today, 4 weeks.
    let r = m
        .desk_report(&ReportQuery::default(), ALL, day("2026-12-02"))
        .expect("default");
    assert_eq!((r.window.from, r.window.weeks), (day("2026-11-30"), 4));
    // Pages of offices: at most 500 rows, by name.
    let r = m
        .desk_report(
            &query("2026-11-30", 1),
            Window {
                offset: 0,
                limit: 10_000,
            },
            today,
        )
        .expect("page");
    let names: Vec<&str> = r.rows.rows.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["London", "New York"]);
}

#[test]
fn a_generated_team_planned_and_accepted_through_the_facade_matches_the_recount() {
    let doc = bench_common::rotation_team::team_doc(64, 4, 3, 16);
    let mut m = Meridian::open_in_memory().expect("db");
    m.import_document(&doc.to_string(), "generated")
        .expect("import");
    let plan = m.plan_rotation(None, None, None).expect("plan");
    assert!(
        plan.infeasible_reason.is_none(),
        "{:?}",
        plan.infeasible_reason
    );
    m.accept_rotation(&plan).expect("accept");
    let sc = m.scenario().expect("scenario");
    assert!(
        sc.office_days.len() > 100,
        "{} office days",
        sc.office_days.len()
    );
    let lead = sc.teams[1].id.clone();
    check_against_oracle(&m, "2026-03-02", 3, &lead);
    // A window that starts mid-plan and runs past it.
    check_against_oracle(&m, "2026-03-11", 3, &sc.teams[0].id);

    // The pairs the report counts are the rotation objective's co-presence.
    let t = json_export(&m, ReportKind::Teams, query("2026-03-02", 3));
    let pairs: u64 = t["teams"]
        .as_array()
        .expect("teams")
        .iter()
        .map(|t| t["total"]["pairs"].as_u64().expect("pairs"))
        .sum();
    let objective = plan.objective.expect("objective");
    assert_eq!(pairs as i64, objective.co_presence);

    // Compliance: an accepted feasible plan keeps rule 3 for every rep-week.
    let req = ReportExport {
        kind: ReportKind::Compliance,
        format: ReportFormat::Json,
        query: query("2026-03-02", 3),
        anonymous: true,
        team: Some(lead),
    };
    let text = m.export_report(&req, day("2026-03-02")).expect("export");
    let c: Value = serde_json::from_str(&text).expect("json");
    for t in c["teams"].as_array().expect("teams") {
        assert_eq!(t["total"]["below"], json!(0), "{}", t["name"]);
        assert_eq!(t["total"]["above"], json!(0), "{}", t["name"]);
    }
    for r in &sc.reps {
        assert!(
            !text.contains(&format!("\"{}\"", r.id)),
            "{} in an anonymous export",
            r.id
        );
    }
}

#[test]
fn the_cli_reports_a_team_document_as_json_and_csv() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("team.json");
    std::fs::write(&file, doc().to_string()).expect("write");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
            .arg("report")
            .args(args)
            .arg("--scenario")
            .arg(&file)
            .args(["--from", "2026-11-30", "--weeks", "2"])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let m = hand_made();
    let q = query("2026-11-30", 2);
    for (kind, name) in [(ReportKind::Desks, "desks"), (ReportKind::Teams, "teams")] {
        let cli: Value = serde_json::from_str(&run(&[name, "--json"])).expect("json");
        assert_eq!(cli, json_export(&m, kind, q), "{name}");
        let csv = run(&[name, "--csv"]);
        assert_eq!(
            Some(csv.as_str()),
            export(&m, kind, ReportFormat::Csv, q).strip_prefix('\u{feff}')
        );
    }
    let csv = run(&["compliance", "--csv", "--team", "beta", "--anonymous"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("record")).collect();
    assert!(rows.iter().any(|x| &x[0] == "rep" && &x[3] == "Rep 1"));
    for needle in ["rep-cy-9", "Cy Wu", "rep-dee-3", "Dee Moss", "rep-ana-7"] {
        assert!(!csv.contains(needle), "{needle}");
    }
    let c: Value = serde_json::from_str(&run(&["compliance", "--json"])).expect("json");
    assert_eq!(
        c["reps"],
        json!([]),
        "a document has no lead's team: aggregates only"
    );
    // Bad usage: no format, or a team for desks.
    let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(["report", "desks", "--team", "alpha", "--json", "--scenario"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("teams and compliance"));
    let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(["report", "desks", "--scenario"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

/// A report file is read by others and by programs: exported from a German
/// window it is the same file, "No team" row included.
#[test]
fn a_report_file_is_english_whatever_the_window_shows() {
    use meridian::i18n::{with_language, Lang};
    let mut m = hand_made();
    m.set_lead_team(Some("alpha".into())).expect("set");
    for kind in [ReportKind::Desks, ReportKind::Teams, ReportKind::Compliance] {
        for format in [ReportFormat::Csv, ReportFormat::Json] {
            let english = export(&m, kind, format, query("2026-11-30", 2));
            let german = with_language(Lang::De, || {
                export(&m, kind, format, query("2026-11-30", 2))
            });
            assert_eq!(german, english, "{kind:?} {format:?}");
        }
    }
    let teams = export(
        &m,
        ReportKind::Compliance,
        ReportFormat::Csv,
        query("2026-11-30", 2),
    );
    assert!(teams.contains("No team"), "{teams}");
    // The screen itself speaks German.
    let screen = with_language(Lang::De, || {
        m.team_report(&query("2026-11-30", 2), ALL, day("2026-11-30"))
            .expect("teams")
    });
    assert!(
        screen.rows.rows.iter().any(|r| r.name == "Kein Team"),
        "{:?}",
        screen.rows.rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
}
