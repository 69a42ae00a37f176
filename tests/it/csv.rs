//! Reps CSV import and export, and the rotation grid export, through the
//! facade: separators, byte-order marks and quoting, errors placed by row and
//! column, all-or-nothing imports, round trips on the sample and generated
//! teams, and the formula-injection guard.

use meridian::io::csv_reps::{RepsCsvPreview, RowAction};
use meridian::model::{Office, Rep, Team, Weekday};
use meridian::{ErrorCode, Meridian};

use crate::shared;

fn sample() -> Meridian {
    let mut m = Meridian::open_in_memory().expect("db");
    m.load_sample_team().expect("sample");
    m
}

fn preview(m: &Meridian, text: &str) -> RepsCsvPreview {
    m.preview_reps_csv(text).expect("preview")
}

fn errors(p: &RepsCsvPreview) -> Vec<String> {
    p.errors.iter().map(ToString::to_string).collect()
}

fn rep(m: &Meridian, id: &str) -> Rep {
    m.scenario()
        .expect("read")
        .reps
        .into_iter()
        .find(|r| r.id == id)
        .expect("rep stored")
}

/// One row for a new rep `zoe`, written every way the import accepts.
#[test]
fn separators_byte_order_marks_and_line_ends_read_the_same() {
    let base = "id,name,time_zone,working_hours,skills\nzoe,Zoë Ng,Asia/Kathmandu,mon-fri 09:00-17:00,nepali\n";
    let variants: Vec<(&str, String)> = vec![
        ("comma, LF", base.to_string()),
        ("BOM", format!("\u{feff}{base}")),
        ("CRLF", base.replace('\n', "\r\n")),
        ("semicolon", base.replace(',', ";")),
        ("semicolon, BOM, CRLF", format!("\u{feff}{}", base.replace(',', ";").replace('\n', "\r\n"))),
        ("trailing empty lines", format!("{base}\n\n\r\n")),
        ("no final line break", base.trim_end().to_string()),
        ("quoted cells", "\"id\",\"name\",\"time_zone\",\"working_hours\",\"skills\"\n\"zoe\",\"Zoë Ng\",\"Asia/Kathmandu\",\"mon-fri 09:00-17:00\",\"nepali\"\n".to_string()),
        ("spaces around cells", "id , name,time_zone ,working_hours,skills\n zoe ,Zoë Ng , Asia/Kathmandu,mon-fri 09:00-17:00 , nepali\n".to_string()),
        ("header case and spaces", "ID,Name,Time Zone,Working-Hours,SKILLS\nzoe,Zoë Ng,Asia/Kathmandu,mon-fri 09:00-17:00,nepali\n".to_string()),
    ];
    let mut want = Rep::new("zoe", "Zoë Ng", "Asia/Kathmandu");
    want.skills = vec!["nepali".into()];
    for (what, text) in variants {
        let mut m = sample();
        let p = preview(&m, &text);
        assert_eq!(errors(&p), Vec::<String>::new(), "{what}");
        assert_eq!(p.rows.len(), 1, "{what}");
        assert_eq!(p.rows[0].action, RowAction::Add, "{what}");
        m.import_reps_csv(&text).expect(what);
        assert_eq!(rep(&m, "zoe"), want, "{what}");
    }
}

#[test]
fn the_separator_is_told_by_the_header_line() {
    let m = sample();
    assert_eq!(preview(&m, "id;time_zone\nx;UTC\n").separator, ";");
    assert_eq!(preview(&m, "id,time_zone\nx;y,UTC\n").separator, ",");
    // A quoted header cell holding semicolons does not count.
    assert_eq!(preview(&m, "id,\"a;b;c\",time_zone\n").separator, ",");
}

#[test]
fn quoted_cells_may_hold_separators_quotes_and_line_breaks() {
    let mut m = sample();
    let text = "id,name,time_zone,working_hours,skills\n\
                zoe,\"Ng, Zoë \"\"Z\"\"\",Asia/Kathmandu,\"mon-fri 09:00-12:00, 13:00-17:00\nsat 10:00-12:00\",key accounts|nepali\n\
                bad,Bad,Mars/Base,,\n";
    let p = preview(&m, text);
    // The quoted line break keeps the next record on spreadsheet row 3
    // (file line 4).
    assert_eq!(
        errors(&p),
        vec!["row 3, column time_zone: unknown time zone \"Mars/Base\" (use an IANA name like Europe/London)"]
    );
    assert_eq!((p.errors[0].row, p.errors[0].line), (Some(3), Some(4)));
    let fixed = text.replace("Mars/Base", "UTC");
    m.import_reps_csv(&fixed).expect("import");
    let zoe = rep(&m, "zoe");
    assert_eq!(zoe.name, "Ng, Zoë \"Z\"");
    assert_eq!(zoe.skills, vec!["key accounts", "nepali"]);
    assert_eq!(zoe.working_hours.len(), 6);
    assert_eq!(zoe.working_hours[&Weekday::Mon].len(), 2);
}

/// Each bad file with the errors it must give, placed by row and column.
#[test]
fn bad_rows_are_reported_by_row_and_column() {
    let check = |text: &str, want: &[&str]| {
        let p = preview(&sample(), text);
        assert_eq!(errors(&p), want, "{text}");
    };
    check(
        "id,time_zone,office\nzoe,UTC,nowhere\n",
        &[r#"row 2, column office: unknown office "nowhere"; the offices are "sfo", "lon", "mad""#],
    );
    check(
        "id,time_zone,team\nzoe,UTC,EMEA mid market\n",
        &[
            r#"row 2, column team: unknown team "EMEA mid market"; did you mean its id "emea-mid-market"?"#,
        ],
    );
    check(
        "id,time_zone\nzoe,europe/london\n",
        &[
            r#"row 2, column time_zone: unknown time zone "europe/london"; did you mean "Europe/London"?"#,
        ],
    );
    check(
        "id,timezone\nzoe,UTC\n",
        &[
            r#"row 1, column timezone: unknown column; did you mean "time_zone"?"#,
            r#"row 2: "zoe" is a new rep and needs a time_zone, but the file has no time_zone column"#,
        ],
    );
    check(
        "name,time_zone\nZoë,UTC\n",
        &["row 1: the header has no id column (the first row must name the columns: id, name, team, time_zone, office, working_hours, stretch_hours, capacity_hours_per_week, office_days_min, office_days_max, preferred_office_days, no_office_days, time_off, holidays, travel, skills)"],
    );
    check(
        "id,time_zone,office_days_min\nzoe,UTC,2\n",
        &["row 1: office_days_min and office_days_max go together; add a office_days_max column"],
    );
    check(
        "id,time_zone\nzoe,UTC\n,UTC\nzoe,UTC\n",
        &[
            "row 3, column id: every row needs an id",
            r#"row 4, column id: id "zoe" is already on row 2"#,
        ],
    );
    check(
        "id,time_zone,working_hours,stretch_hours\nzoe,UTC,mon-fri 09:00-17:00,mon 08:00-09:30\n",
        &["row 2, column stretch_hours: mon: stretch 08:00-09:30 overlaps working 09:00-17:00"],
    );
    check(
        "id,time_zone,capacity_hours_per_week,office_days_min,office_days_max\nzoe,UTC,-3,3,2\n",
        &[
            "row 2, column capacity_hours_per_week: must not be negative, got -3",
            "row 2, column office_days_max: max 2 is less than min 3",
        ],
    );
    check(
        "id,time_zone\nzoe,UTC,extra\n",
        &[r#"row 2: the row has 3 cells but the header names 2; cell 3 is "extra""#],
    );
    check("", &["the file is empty: its first row must be the header (id, name, team, time_zone, office, working_hours, stretch_hours, capacity_hours_per_week, office_days_min, office_days_max, preferred_office_days, no_office_days, time_off, holidays, travel, skills)"]);
    check(
        "id,time_zone,capacity_hours_per_week\nzoe,UTC,99999999999999\n",
        &["row 2, column capacity_hours_per_week: too large: 99999999999999"],
    );
}

#[test]
fn the_error_messages_of_a_bad_file_read_well() {
    let text = "id;name;time_zone;office;team;working_hours;stretch_hours;preferred_office_days;time_off;skils;email\n\
                ana;Ana;Europe/Lisbon;lon;emea;mon-fri 9:00-17:00;;tue wed;;x;ana@example.com\n\
                hana;;America/Los_Angeles;;;mon-fri 17:00-09:00;;;;;\n\
                bo;Bo;Mars/Base;;;monday 09:00-12:00, 11:00-13:00;sat;funday;2026-12-31..2026-12-01;;\n\
                ;no id;UTC;;;;;;;;\n\
                cy;Cy;UTC;;;09:00-17:00;;;2026-02-30;;\n";
    let p = preview(&sample(), text);
    assert_eq!(p.warnings.len(), 1, "email is ignored with a warning");
    insta::assert_snapshot!(errors(&p).join("\n"));
}

#[test]
fn an_ignored_column_is_a_warning_not_an_error() {
    let mut m = sample();
    let text = "id,email,time_zone\nzoe,zoe@example.com,UTC\n";
    let p = preview(&m, text);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(
        p.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["row 1, column email: Meridian does not store this column; its cells are ignored"]
    );
    m.import_reps_csv(text).expect("import");
}

#[test]
fn a_bad_row_stores_nothing() {
    let mut m = sample();
    let before = m.export_document().expect("export");
    let text = "id,time_zone,skills\nnew-rep,UTC,x\nhana,Mars/Base,y\n";
    let err = m.import_reps_csv(text).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Invalid);
    let problems: Vec<(String, String)> = err
        .problems()
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect();
    assert_eq!(
        problems,
        vec![(
            "row 3, column time_zone".to_string(),
            "unknown time zone \"Mars/Base\" (use an IANA name like Europe/London)".to_string()
        )]
    );
    assert_eq!(
        err.to_string(),
        "reps CSV: row 3, column time_zone: unknown time zone \"Mars/Base\" (use an IANA name like Europe/London)"
    );
    assert_eq!(
        m.export_document().expect("export"),
        before,
        "store unchanged"
    );
}

#[test]
fn rows_update_stored_reps_add_new_ones_and_keep_the_rest() {
    let mut m = sample();
    let before = m.scenario().expect("read");
    let hana = rep(&m, "hana");
    let text = "id,time_zone,skills,preferred_office_days\n\
                hana,America/Los_Angeles,enterprise portuguese|spanish,Mon-Wed\n\
                zoe,Asia/Kathmandu,,\n";
    let p = preview(&m, text);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!((p.added, p.updated, p.unchanged), (1, 1, 0));
    assert_eq!(p.rows[0].action, RowAction::Update);
    assert_eq!(p.rows[0].changed, vec!["preferred_office_days", "skills"]);
    m.import_reps_csv(text).expect("import");
    let after = m.scenario().expect("read");
    assert_eq!(after.reps.len(), before.reps.len() + 1);
    let new_hana = rep(&m, "hana");
    assert_eq!(new_hana.skills, vec!["enterprise portuguese", "spanish"]);
    assert_eq!(
        new_hana.preferred_office_days,
        vec![Weekday::Mon, Weekday::Tue, Weekday::Wed]
    );
    // Columns the file does not have keep their stored values.
    assert_eq!(new_hana.name, hana.name);
    assert_eq!(new_hana.office, hana.office);
    assert_eq!(new_hana.time_off, hana.time_off);
    // Reps not in the file are kept as they were, in place.
    for (a, b) in before.reps.iter().zip(&after.reps) {
        if a.id != "hana" {
            assert_eq!(a, b);
        }
    }
    assert_eq!(after.reps.last().map(|r| r.id.as_str()), Some("zoe"));
}

#[test]
fn empty_cells_mean_the_document_defaults() {
    let mut m = sample();
    let text = "id,name,team,time_zone,office,working_hours,stretch_hours,capacity_hours_per_week,office_days_min,office_days_max,preferred_office_days,no_office_days,time_off,skills\n\
                hana,,,America/Los_Angeles,,,,,,,,,,\n";
    m.import_reps_csv(text).expect("import");
    let mut want = Rep::new("hana", "hana", "America/Los_Angeles");
    want.working_hours = meridian::model::default_working_hours();
    assert_eq!(rep(&m, "hana"), want);
    // `none` is no working hours at all.
    m.import_reps_csv("id,time_zone,working_hours\nhana,UTC,none\n")
        .expect("import");
    assert!(rep(&m, "hana").working_hours.is_empty());
}

#[test]
fn the_template_imports_once_its_team_and_office_exist() {
    let mut m = Meridian::open_in_memory().expect("db");
    let template = Meridian::reps_csv_template();
    let p = preview(&m, &template);
    assert_eq!(
        errors(&p),
        vec![
            "row 2, column team: unknown team \"emea\"; there are no teams yet: add one first",
            "row 2, column office: unknown office \"lon\"; there are no offices yet: add one first",
            "row 2, column travel: unknown office \"nyc\"; there are no offices yet: add one first",
        ]
    );
    m.create(Team {
        id: "emea".into(),
        name: "EMEA".into(),
        anchor_days: vec![],
    })
    .expect("team");
    m.create(Office {
        id: "lon".into(),
        name: "London".into(),
        time_zone: "Europe/London".into(),
        desks: 4,
        open_days: Weekday::WORKWEEK.to_vec(),
        closed_dates: vec![],
        holidays: None,
    })
    .expect("office");
    m.create(Office {
        id: "nyc".into(),
        name: "New York".into(),
        time_zone: "America/New_York".into(),
        desks: 4,
        open_days: Weekday::WORKWEEK.to_vec(),
        closed_dates: vec![],
        holidays: None,
    })
    .expect("office");
    m.import_reps_csv(&template).expect("template imports");
    let sc = m.scenario().expect("read");
    assert_eq!(sc.reps.len(), 2);
    assert_eq!(sc.reps[1].skills, vec!["key accounts", "japanese"]);
    assert_eq!(m.export_reps_csv().expect("export"), template);
}

/// Export → import gives the same team, both onto the team it came from
/// (every row unchanged) and onto the same team without reps (every rep
/// added back identical).
fn round_trip(m: &Meridian, source: &str) {
    let csv = m.export_reps_csv().expect("export");
    let before = m.scenario().expect("read");
    let p = preview(m, &csv);
    assert!(
        p.errors.is_empty(),
        "{source}: {:?}",
        &p.errors[..p.errors.len().min(5)]
    );
    assert_eq!(p.unchanged as usize, before.reps.len(), "{source}");

    let mut bare = before.clone();
    bare.reps.clear();
    bare.meetings.clear();
    bare.tasks.clear();
    bare.office_days.clear();
    bare.requests = Default::default();
    let mut empty = Meridian::open_in_memory().expect("db");
    empty
        .import_document(&meridian::io::scenario::to_document(&bare), source)
        .expect("bare team");
    empty.import_reps_csv(&csv).expect("re-import");
    let sc = empty.scenario().expect("read");
    assert_eq!(
        sc.reps, before.reps,
        "{source}: reps differ after the round trip"
    );
    assert_eq!(empty.export_reps_csv().expect("export"), csv, "{source}");
}

#[test]
fn the_sample_team_survives_an_export_import_round_trip() {
    round_trip(&sample(), "sample");
}

#[test]
fn generated_teams_survive_an_export_import_round_trip() {
    for (zones, seed) in [("global", "11"), ("mixed", "12"), ("emea", "13")] {
        let Some(text) = shared::generate(&[
            "--reps",
            "600",
            "--offices",
            "4",
            "--teams",
            "50",
            "--weeks",
            "2",
            "--tasks",
            "10",
            "--seed",
            seed,
            "--zones",
            zones,
        ]) else {
            eprintln!("../shared is missing: generated teams not checked");
            return;
        };
        let mut m = Meridian::open_in_memory().expect("db");
        m.import_document(&text, "generated").expect("import");
        round_trip(&m, &format!("generated {zones} {seed}"));
    }
}

#[test]
fn formula_like_cells_are_guarded_and_read_back() {
    let mut m = sample();
    let mut evil = Rep::new("-1+1", "=HYPERLINK(\"http://x\",\"click\")", "Etc/GMT+5");
    evil.skills = vec!["@sum".into(), "+x".into()];
    m.create(evil.clone()).expect("create");
    let mut quoted = Rep::new("'=already", "'Ana", "UTC");
    quoted.skills = vec!["=x".into(), "\u{e9}t\u{e9}".into()];
    m.create(quoted.clone()).expect("create");
    let csv = m.export_reps_csv().expect("export");
    let line = csv.lines().find(|l| l.contains("HYPERLINK")).expect("row");
    assert!(
        line.starts_with("'-1+1,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",,Etc/GMT+5,"),
        "{line}"
    );
    assert!(line.ends_with(",'@sum +x"), "{line}");
    for cell_start in csv.lines().flat_map(|l| l.split(',')) {
        let c = cell_start.trim_start_matches('"');
        assert!(
            !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unguarded cell {cell_start:?}"
        );
    }
    round_trip(&m, "formulas");
    assert_eq!(rep(&m, "-1+1"), evil);
    assert_eq!(rep(&m, "'=already"), quoted);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_place() {
    let mut m = sample();
    let before = m.export_document().expect("export");
    let bytes = b"id,name,time_zone\nzoe,Zo\xeb,UTC\n";
    let p = m.preview_reps_csv_bytes(bytes).expect("preview");
    assert_eq!(
        errors(&p),
        vec!["not UTF-8 text: byte 24 (line 2) is 0xeb; save the file as \"CSV UTF-8\""]
    );
    let err = m.import_reps_csv_bytes(bytes).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(err.to_string().contains("byte 24 (line 2)"), "{err}");
    let utf16 = m
        .preview_reps_csv_bytes(b"\xff\xfei\x00d\x00")
        .expect("preview");
    assert!(errors(&utf16)[0].contains("UTF-16"));
    // With a byte-order mark the bytes read as text.
    let ok = m
        .import_reps_csv_bytes("\u{feff}id,time_zone\nzoe,UTC\n".as_bytes())
        .expect("import");
    assert!(ok.reps.iter().any(|r| r.item.id == "zoe"));
    assert_ne!(m.export_document().expect("export"), before);
}

#[test]
fn moving_a_rep_drops_office_days_at_the_old_office() {
    let mut m = sample();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let plan = m.plan_rotation(Some(from), Some(1), None).expect("plan");
    m.accept_rotation(&plan).expect("accept");
    let sc = m.scenario().expect("read");
    let moved = sc.office_days[0].rep.clone();
    let kept = sc.office_days.len() - sc.office_days.iter().filter(|d| d.rep == moved).count();
    m.import_reps_csv(&format!("id,office\n{moved},\n"))
        .expect("import");
    let after = m.scenario().expect("read");
    assert_eq!(after.office_days.len(), kept);
}

#[test]
fn the_rotation_grid_has_one_cell_per_office_day() {
    let mut m = sample();
    // Nothing accepted yet: every rep with an office, no date columns.
    assert_eq!(
        m.export_rotation_csv().expect("export"),
        format!(
            "\u{feff}id,name,team,office,days\n{}",
            rotation_rows_without_days(&m)
        )
    );
    let from = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let plan = m.plan_rotation(Some(from), Some(2), None).expect("plan");
    m.accept_rotation(&plan).expect("accept");
    let sc = m.scenario().expect("read");
    let csv = m.export_rotation_csv().expect("export");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(
        &header[..6],
        &["id", "name", "team", "office", "days", "2026-11-30 mon"]
    );
    assert_eq!(header.len(), 5 + 10, "two weeks of Monday to Friday");
    let mut cells = 0;
    for line in lines {
        let row: Vec<&str> = line.split(',').collect();
        let r = sc.reps.iter().find(|r| r.id == row[0]).expect("a rep");
        let days: Vec<&str> = row[5..].iter().copied().filter(|c| !c.is_empty()).collect();
        assert_eq!(row[4], days.len().to_string());
        assert!(days.iter().all(|d| Some(*d) == r.office.as_deref()));
        cells += days.len();
    }
    assert_eq!(cells, sc.office_days.len());
}

fn rotation_rows_without_days(m: &Meridian) -> String {
    let sc = m.scenario().expect("read");
    let mut rows: Vec<(usize, usize, usize, &Rep)> = sc
        .reps
        .iter()
        .enumerate()
        .filter(|(_, r)| r.office.is_some())
        .map(|(i, r)| {
            let o = sc
                .offices
                .iter()
                .position(|o| Some(&o.id) == r.office.as_ref());
            let t = sc.teams.iter().position(|t| Some(&t.id) == r.team.as_ref());
            (o.unwrap_or(usize::MAX), t.unwrap_or(usize::MAX), i, r)
        })
        .collect();
    rows.sort_by_key(|x| (x.0, x.1, x.2));
    rows.iter()
        .map(|(_, _, _, r)| {
            format!(
                "{},{},{},{},0\n",
                r.id,
                r.name,
                r.team.as_deref().unwrap_or(""),
                r.office.as_deref().unwrap_or("")
            )
        })
        .collect()
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("meridian-cli-test-data"),
        )
        .output()
        .expect("meridian runs")
}

#[test]
fn the_cli_previews_imports_and_exports_reps_csv() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let db = db.to_str().expect("path");
    let team = dir.path().join("team.json");
    std::fs::write(&team, meridian::SAMPLE_TEAM).expect("write");
    assert!(cli(&["--db", db, "import", team.to_str().expect("path")])
        .status
        .success());

    let csv = dir.path().join("reps.csv");
    std::fs::write(
        &csv,
        "id;time_zone;skills\nhana;America/Los_Angeles;x\nzoe;UTC;\n",
    )
    .expect("write");
    let csv = csv.to_str().expect("path");
    let out = cli(&["--db", db, "reps", "import-csv", csv, "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("1 to add, 1 to update, 0 unchanged, 0 error(s)"),
        "{stdout}"
    );
    assert!(stdout.contains("dry run: nothing stored"), "{stdout}");
    let listed = cli(&["--db", db, "reps", "list"]);
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("zoe"));

    let out = cli(&["--db", db, "reps", "import-csv", csv]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = cli(&["--db", db, "reps", "list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("zoe"));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,time_zone\nbo,Mars/Base\n").expect("write");
    let out = cli(&[
        "--db",
        db,
        "reps",
        "import-csv",
        bad.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.csv: row 2, column time_zone: unknown time zone"),
        "{stderr}"
    );

    let exported = dir.path().join("out.csv");
    let out = cli(&[
        "--db",
        db,
        "reps",
        "export-csv",
        exported.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    let out = cli(&[
        "--db",
        db,
        "reps",
        "import-csv",
        exported.to_str().expect("path"),
        "--dry-run",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 to add, 0 to update, 26 unchanged"));

    let out = cli(&["--db", db, "reps", "csv-template"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("id,name,team,time_zone,office,"));
    let out = cli(&["--db", db, "export-rotation-csv"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("id,name,team,office,days\n"));
}

#[test]
fn the_holidays_column_reads_a_region_none_or_the_offices_and_round_trips() {
    let mut m = sample();
    let text = "id,time_zone,holidays\nzoe,UTC,gb-eng\nkim,UTC,none\nlee,UTC,\nbad,UTC,GB-ENGL\n";
    let p = preview(&m, text);
    let errs = errors(&p);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("row 5, column holidays: unknown holidays region \"GB-ENGL\""),
        "{errs:?}"
    );
    assert!(errs[0].contains("GB-ENG"), "{errs:?}");
    m.import_reps_csv(&text.replace("bad,UTC,GB-ENGL\n", ""))
        .expect("import");
    assert_eq!(rep(&m, "zoe").holidays, Some(Some("GB-ENG".to_string())));
    assert_eq!(rep(&m, "kim").holidays, Some(None));
    assert_eq!(rep(&m, "lee").holidays, None);
    // The export writes the three back, and reading it changes nothing.
    let before = m.scenario().expect("read");
    let out = m.export_reps_csv().expect("export");
    assert!(out.contains(",GB-ENG,") && out.contains(",none,"), "{out}");
    m.import_reps_csv(&out).expect("import the export");
    assert_eq!(m.scenario().expect("read").reps, before.reps);
}

#[test]
fn the_travel_column_reads_trips_places_their_errors_and_round_trips() {
    let mut m = sample();
    // Out of order on purpose: the import keeps trips sorted, as the
    // document does.
    let text = "id,time_zone,office,travel\n\
                zoe,Europe/London,lon,2027-01-04 .. 2027-01-05 mad; 2026-12-07..2026-12-11 sfo\n\
                kim,UTC,,2026-12-24 lon\n\
                lee,UTC,lon,\n";
    let p = preview(&m, text);
    assert!(p.errors.is_empty(), "{:?}", errors(&p));
    m.import_reps_csv(text).expect("import");
    let trips = |id: &str| -> Vec<String> {
        rep(&m, id)
            .travel
            .iter()
            .map(|t| format!("{}..{} {}", t.from, t.to, t.office))
            .collect()
    };
    assert_eq!(
        trips("zoe"),
        ["2026-12-07..2026-12-11 sfo", "2027-01-04..2027-01-05 mad"]
    );
    // A remote rep may travel; one day is written as one date.
    assert_eq!(trips("kim"), ["2026-12-24..2026-12-24 lon"]);
    assert!(trips("lee").is_empty());

    let out = m.export_reps_csv().expect("export");
    assert!(
        out.contains(",2026-12-07..2026-12-11 sfo; 2027-01-04..2027-01-05 mad,"),
        "{out}"
    );
    assert!(out.contains(",2026-12-24 lon,"), "{out}");
    round_trip(&m, "sample with trips");

    // Each mistake is named by row and column: the cell's syntax, an
    // unknown office (with the known ids), and the document's rules
    // (overlap, the home office) checked on the merged team.
    let bad = "id,time_zone,office,travel\n\
               a,UTC,lon,2026-12-07..2026-12-01 sfo\n\
               b,UTC,lon,2026-12-07..2026-12-11\n\
               c,UTC,lon,2026-12-07 nyc\n\
               d,UTC,lon,2026-12-07..2026-12-11 sfo; 2026-12-10 mad\n\
               e,UTC,lon,2026-12-07 lon\n\
               f,UTC,lon,07/12/2026 sfo\n";
    let p = preview(&m, bad);
    assert_eq!(
        errors(&p),
        [
            "row 2, column travel: 2026-12-07..2026-12-01 ends before it starts",
            "row 3, column travel: the trip \"2026-12-07..2026-12-11\" names no office (write trips as 2026-12-07..2026-12-11 nyc)",
            "row 4, column travel: unknown office \"nyc\"; the offices are \"sfo\", \"lon\", \"mad\"",
            "row 5, column travel: [1]: trip 2026-12-10..2026-12-10 overlaps the trip 2026-12-07..2026-12-11: a rep is at one office a day",
            "row 6, column travel: [0].office: \"lon\" is the rep's home office: a trip goes to another office",
            "row 7, column travel: \"07/12/2026\" is not a date YYYY-MM-DD (write trips as 2026-12-07..2026-12-11 nyc)",
        ]
    );
    assert!(m.import_reps_csv(bad).is_err());
}

#[test]
fn a_travel_cell_over_the_trip_limit_is_refused_with_one_problem_before_its_trips_are_read() {
    let m = sample();
    // 1,001 trips, each to an office that does not exist: were the trips
    // read, each would be a problem of its own.
    let cell: Vec<String> = (0..1_001)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i);
            format!("{day} nowhere")
        })
        .collect();
    let text = format!(
        "id,time_zone,office,travel\nzoe,UTC,lon,{}\n",
        cell.join("; ")
    );
    let p = preview(&m, &text);
    assert_eq!(
        errors(&p),
        ["row 2, column travel: 1001 trips is more than the limit of 1000"]
    );
}

#[test]
fn a_travel_cell_naming_three_unknown_offices_is_one_problem() {
    let m = sample();
    let text = "id,time_zone,office,travel\n\
                zoe,UTC,lon,2026-12-07 nyc; 2026-12-08 sfo; 2026-12-09 ber; 2026-12-10 tyo\n";
    let p = preview(&m, text);
    assert_eq!(
        errors(&p),
        ["row 2, column travel: unknown office \"nyc\"; the offices are \"sfo\", \"lon\", \"mad\""]
    );
}
