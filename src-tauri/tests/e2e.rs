//! Desktop end-to-end test: drives the real `meridian-app` binary (built UI,
//! real SQLite file) through `tauri-driver` + `WebKitWebDriver`.
//!
//! Gated by `MERIDIAN_E2E=1` because it needs an X display, `tauri-driver` and
//! `WebKitWebDriver`; `scripts/test` runs it under
//! `xvfb-run -a -s '-screen 0 1280x800x24'`. Without the gate it says it was
//! skipped and passes.
//!
//! The WebDriver client is a few W3C calls over blocking HTTP (`ureq`), with a
//! timeout on every request and every wait. Platform pitfalls handled here:
//! the binary comes from `CARGO_BIN_EXE_meridian-app` (not `tauri dev`'s),
//! `DISPLAY` is asserted before connecting, the app data lives in a temp
//! `XDG_DATA_HOME`, and `tauri-driver` is stopped with SIGTERM so it stops its
//! `WebKitWebDriver` child.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const APP: &str = env!("CARGO_BIN_EXE_meridian-app");

/// How the test finds things in the UI (the UI owns the markup): its visible
/// labels and ARIA names, the same ones a person and a screen reader use.
mod ui {
    use super::Sel::{self, Css, XPath};
    /// The first-start screen's button (the database has no reps yet).
    pub const LOAD_SAMPLE: Sel = XPath("//button[normalize-space()='Load sample team']");
    /// The people table; its text holds every rep's name.
    pub const REP_LIST: Sel = Css("table[aria-label='People']");
    /// Opens the empty rep form.
    pub const ADD_REP: Sel = XPath("//button[normalize-space()='Add person']");
    /// The rep form's name input (the id is suggested from it, the zone defaults).
    pub const REP_NAME: Sel = Css("#rep-name");
    /// Submits the rep form.
    pub const REP_SAVE: Sel = Css("form[aria-label='Person'] button[type='submit']");
    /// The main navigation's screens.
    pub const NAV_FIND: Sel = XPath("//nav//button[contains(normalize-space(), 'Find a time')]");
    pub const NAV_MEETINGS: Sel = XPath("//nav//button[contains(normalize-space(), 'Meetings')]");
    /// Find a time: the people search, the window's dates, the run button.
    pub const PEOPLE_SEARCH: Sel = Css("#ft-people");
    pub const ADD_FIRST_REQUIRED: Sel = Css("button[aria-label='Add Kai Tanaka as required']");
    pub const ADD_SECOND_REQUIRED: Sel = Css("button[aria-label='Add Tara Okafor as required']");
    pub const FIND_TIMES: Sel = XPath("//button[normalize-space()='Find times']");
    /// The first ranked slot's Book button, and the booking dialog.
    pub const BOOK_FIRST: Sel = Css("button[aria-label='Book suggestion 1']");
    pub const BOOK_TITLE: Sel = Css("#book-title");
    pub const BOOK_SAVE: Sel = Css("form[aria-label='Booking'] button[type='submit']");
    /// The status line that confirms a change ("Booked …").
    pub const STATUS: Sel = Css(".toast-region");
    /// The Meetings list's visible rows (one tab: upcoming or past); its
    /// text holds their titles and first attendees.
    pub const MEETING_LIST: Sel = Css("#meetings-list");
    /// The Past tab: the window booked below (30 Nov – 4 Dec 2026) is over.
    pub const MEETINGS_PAST: Sel = Css("#tab-past");
    /// Office days: the screen, its Plan / Re-plan button, the plan's score,
    /// the note that locks changed since the plan, and Accept plan.
    pub const NAV_OFFICE_DAYS: Sel =
        XPath("//nav//button[contains(normalize-space(), 'Office days')]");
    pub const PLAN: Sel = Css("form[aria-label='Plan office days'] button[type='submit']");
    pub const PLAN_SCORE: Sel = Css("section[aria-label='Plan score']");
    pub const STALE_NOTE: Sel =
        XPath("//p[contains(normalize-space(), 'Locks changed since this plan')]");
    pub const ACCEPT_PLAN: Sel = XPath("//button[normalize-space()='Accept plan']");
    /// The why-panel's lock control (a click on a cell only selects it).
    pub const LOCK_IN: Sel =
        XPath("//aside[@aria-label='Why these days']//button[normalize-space()='Lock in']");
    /// Office days: "Try a policy", its min box, Try, the two plans, Adopt
    /// and the confirmation's Adopt.
    pub const TRY_POLICY: Sel = XPath("//button[normalize-space()='Try a policy']");
    pub const WHAT_IF_MIN: Sel = Css("#wi-min");
    pub const WHAT_IF_TRY: Sel =
        XPath("//section[@aria-label='Try a policy']//button[normalize-space()='Try']");
    pub const CURRENT_PLAN: Sel = Css("section[aria-label='Current plan']");
    pub const TRIED_PLAN: Sel = Css("section[aria-label='Tried plan']");
    pub const ADOPT: Sel = XPath("//button[normalize-space()='Adopt…']");
    pub const CONFIRM_ADOPT: Sel =
        XPath("//div[@role='dialog']//button[normalize-space()='Adopt']");
    pub const ADOPTED: Sel = XPath("//p[contains(normalize-space(), 'The policy was adopted')]");
    /// Workload: the screen, the proposed changes (each `li` carries the task
    /// and the rep it would go to), Apply accepted, and the task table.
    pub const NAV_WORKLOAD: Sel = XPath("//nav//button[contains(normalize-space(), 'Workload')]");
    pub const FIRST_CHANGE: Sel = Css("ul[aria-label='Proposed changes'] li[data-task]");
    pub const APPLY_ACCEPTED: Sel =
        XPath("//button[starts-with(normalize-space(), 'Apply accepted (1)')]");
    pub fn accept_change(task: &str) -> String {
        format!("ul[aria-label='Proposed changes'] li[data-task='{task}'] button[aria-pressed]")
    }
    pub fn task_row(task: &str) -> String {
        format!("table[aria-label='Tasks'] tr[data-task='{task}']")
    }
    /// People: import reps from CSV (the preview's confirm button), and My
    /// week: who I am, export my calendar.
    pub const IMPORT_CSV: Sel = XPath("//button[normalize-space()='Import CSV…']");
    pub const CONFIRM_CSV: Sel =
        XPath("//div[@role='dialog']//button[starts-with(normalize-space(), 'Import 1 person')]");
    pub const NAV_MY_WEEK: Sel = XPath("//nav//button[contains(normalize-space(), 'My week')]");
    pub const WHO_AM_I: Sel = Css("#mw-rep");
    pub const EXPORT_ICS: Sel = XPath("//button[normalize-space()='Export calendar (.ics)…']");
    /// Publishing: the screen, the team calendar form, the publish dialog.
    pub const NAV_PUBLISHING: Sel =
        XPath("//nav//button[contains(normalize-space(), 'Publishing')]");
    pub const ADD_CALENDAR: Sel = XPath("//button[normalize-space()=\"Add a team's calendar…\"]");
    pub const CALENDAR_TEAM: Sel = Css("#pt-team");
    pub const CALENDAR_URL: Sel = Css("#pt-url");
    pub const CALENDAR_USER: Sel = Css("#pt-user");
    pub const CALENDAR_PASSWORD: Sel = Css("#pt-password");
    pub const CALENDAR_SAVE: Sel = Css("form[aria-label='Team calendar'] button[type='submit']");
    pub const PUBLISH: Sel = Css("form[aria-label='Publish'] button[type='submit']");
    pub const DIALOG: Sel = Css("[role='dialog']");
    pub const DIALOG_CLOSE: Sel =
        XPath("//div[@role='dialog']//button[normalize-space()='Close' and not(@aria-label)]");
    /// The card of the team the publishing test publishes.
    pub const EMEA_CALENDAR: Sel =
        Css("ul[aria-label='Team calendars'] li[data-team='emea-mid-market']");
    /// My week: follow a team calendar, and the followed calendars' list.
    pub const FOLLOW: Sel = XPath("//button[normalize-space()='Follow a team calendar…']");
    pub const FOLLOW_URL: Sel = Css("#fc-url");
    pub const FOLLOW_USER: Sel = Css("#fc-user");
    pub const FOLLOW_PASSWORD: Sel = Css("#fc-password");
    pub const FOLLOW_SUBMIT: Sel =
        Css("form[aria-label='Follow a team calendar'] button[type='submit']");
    pub const FOLLOW_CANCEL: Sel =
        XPath("//form[@aria-label='Follow a team calendar']//button[normalize-space()='Cancel']");
    pub const FOLLOWED: Sel = Css("section[aria-labelledby='followed-title']");
    /// My week's days, one line each (weekday, date, office, who is in).
    pub const DAYS: Sel = Css("ol[aria-label='Days of the week']");
    /// Offices: the screen, the office form's holidays region and save.
    pub const NAV_OFFICES: Sel = XPath("//nav//button[contains(normalize-space(), 'Offices')]");
    pub const OFFICE_HOLIDAYS: Sel = Css("#office-holidays");
    pub const OFFICE_SAVE: Sel = Css("form[aria-label='Office'] button[type='submit']");
    pub const NEXT_WEEK: Sel = Css("button[aria-label='Next week']");
    pub const PREVIOUS_WEEK: Sel = Css("button[aria-label='Previous week']");
    /// A rep's Edit button in the people table.
    pub fn edit_rep(name: &str) -> String {
        format!("button[aria-label='Edit {name}']")
    }
    /// The first board cell, not past, in which the shown plan has the rep remote.
    pub fn remote_cell(rep: &str) -> String {
        format!(
            "[role='grid'][aria-label='Office days board'] button[data-rep='{rep}'][data-state='remote'][data-past='false']"
        )
    }
    /// A board cell (a button) of a rep on a date.
    pub fn cell(rep: &str, date: &str) -> String {
        format!(
            "[role='grid'][aria-label='Office days board'] button[data-rep='{rep}'][data-date='{date}']"
        )
    }
}

/// A WebDriver locator.
#[derive(Clone, Copy, Debug)]
enum Sel {
    Css(&'static str),
    XPath(&'static str),
}

impl Sel {
    fn locator(self) -> Value {
        match self {
            Sel::Css(css) => json!({ "using": "css selector", "value": css }),
            Sel::XPath(xpath) => json!({ "using": "xpath", "value": xpath }),
        }
    }
}

/// A name from the bundled sample team, and the rep this test adds.
const SAMPLE_REP: &str = "Hana Johansson";
const NEW_REP: &str = "Ines Testwell";

const STEP_TIMEOUT: Duration = Duration::from_secs(30);
const HTTP_TIMEOUT: Duration = Duration::from_secs(60);
/// One try at a screenshot (a healthy one takes well under a second).
const SCREENSHOT_TIMEOUT: Duration = Duration::from_secs(15);

/// The app's own database under `xdg_data_home`, opened by the core after
/// the app has stopped.
fn app_core(xdg_data_home: &Path) -> meridian::Meridian {
    let db = xdg_data_home
        .join(meridian::APP_IDENTIFIER)
        .join("meridian.db");
    meridian::Meridian::open(&db).expect("open the app's database")
}

/// The team the app stored under `xdg_data_home`.
fn stored_team(xdg_data_home: &Path) -> meridian::model::Scenario {
    app_core(xdg_data_home)
        .scenario()
        .expect("read the app's database")
}

/// Whether the desktop tests run here; panics if asked to run without a display.
fn e2e_enabled() -> bool {
    if std::env::var("MERIDIAN_E2E").as_deref() != Ok("1") {
        eprintln!(
            "desktop e2e skipped: set MERIDIAN_E2E=1 and run under xvfb-run (scripts/test does)"
        );
        return false;
    }
    if !cfg!(feature = "e2e") {
        panic!("MERIDIAN_E2E=1 needs the app built with its test seam: --features meridian-app/e2e (scripts/test passes it)");
    }
    // Without a display the WebDriver session hangs instead of failing.
    let display = std::env::var("DISPLAY").unwrap_or_default();
    assert!(
        !display.is_empty(),
        "MERIDIAN_E2E=1 needs an X display: run under xvfb-run -a -s '-screen 0 1280x800x24'"
    );
    true
}

/// Each screen and what shows that it drew its first rows (the same
/// selectors as `scripts/bench_ui.py`, which times them).
const SCREEN_ROWS: &[(&str, &str)] = &[
    ("Teams", "table[aria-label='Teams'] tbody tr"),
    ("Offices", "table[aria-label='Offices'] tbody tr"),
    ("Meetings", "#meetings-list li .when"),
    ("Find a time", "form[aria-label='Find a time'] input"),
    ("Office days", "main button[data-row][data-rep]"),
    ("Workload", "main tr[data-rep]"),
    ("Team week", "main [data-week-row]"),
    ("My week", "#mw-rep"),
    ("Backups", "main table tbody tr, main .empty-inline"),
    (
        "People",
        "table[aria-label='People'] tbody tr[aria-rowindex]",
    ),
];

/// A team of `reps` made by the shared generator, or `None` (with a note)
/// when `../shared/tools` is not beside the checkout.
fn generated_team(dir: &Path, reps: usize, tasks: usize) -> Option<PathBuf> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/gen_scenario.py");
    if !tool.exists() {
        eprintln!("skipped: {} is not here", tool.display());
        return None;
    }
    let out = dir.join(format!("team-{reps}.json"));
    let status = Command::new("python3")
        .arg(&tool)
        .args([
            "--reps",
            &reps.to_string(),
            "--offices",
            "100",
            "--teams",
            "500",
        ])
        .args([
            "--weeks",
            "4",
            "--tasks",
            &tasks.to_string(),
            "--seed",
            "12",
        ])
        .args(["--zones", "global", "--start", "2026-11-30", "--out"])
        .arg(&out)
        .status()
        .expect("run gen_scenario.py");
    assert!(status.success(), "gen_scenario.py failed");
    Some(out)
}

#[test]
fn with_5000_reps_every_screen_draws_its_first_rows() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let Some(team) = generated_team(data.path(), 5000, 35_000) else {
        return;
    };
    let summary = app_core(data.path())
        .import_file(&team)
        .expect("import the team");
    assert_eq!(summary.reps, 5000, "{summary}");
    let driver = TauriDriver::start(data.path());
    let s = driver.new_session();
    s.wait_for_css(SCREEN_ROWS[SCREEN_ROWS.len() - 1].1);
    let open = |screen: &str| {
        let clicked = s.execute(&format!(
            "const b = [...document.querySelectorAll('nav button')]\
               .find((x) => x.textContent.trim().startsWith('{screen}'));\
             if (b) b.click(); return !!b;"
        ));
        assert_eq!(clicked, Value::Bool(true), "no navigation button {screen}");
    };
    for (screen, rows) in SCREEN_ROWS {
        open(screen);
        s.wait_for_css(rows);
        // Only what the screen shows is in the page, never the whole team.
        let in_page = s.execute(
            "return document.querySelectorAll('main tr, main li, main [data-week-row], main button[data-row]').length",
        );
        let n = in_page.as_u64().unwrap_or(u64::MAX);
        assert!(n < 2000, "{screen}: {n} rows in the page for 5,000 reps");
    }
    // My week on one rep: find them through the search, then their week.
    open("My week");
    s.fill(Sel::Css("#mw-rep"), "a");
    s.click(&s.wait_for_css("button[aria-label^='Choose ']"));
    s.wait_for_css("main .ec-event, main .ec-body");
    s.save_screenshot("e2e-5000-my-week.png");
    drop(s);
    drop(driver);
}

#[test]
fn a_rep_added_through_the_form_is_still_listed_after_a_restart() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());

    // First run: empty database, load the sample team, add a rep by the form.
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::ADD_REP));
        s.fill(ui::REP_NAME, NEW_REP);
        s.click(&s.wait_for(ui::REP_SAVE));
        s.wait_for_text(ui::REP_LIST, NEW_REP);
    } // ends the session, which closes the app

    // Second run on the same data folder: the rep is read back from SQLite.
    {
        let s = driver.new_session();
        let list = s.wait_for_text(ui::REP_LIST, NEW_REP);
        assert!(
            list.contains(SAMPLE_REP),
            "sample team lost on restart: {list}"
        );
    }

    // The app wrote where the CLI looks: $XDG_DATA_HOME/<identifier>/meridian.db.
    let scenario = stored_team(data.path());
    assert!(
        scenario.reps.iter().any(|r| r.name == NEW_REP),
        "{NEW_REP} missing from the app's database"
    );
    drop(driver);
}

#[test]
fn a_suggested_slot_booked_through_find_a_time_is_listed_after_a_restart() {
    if !e2e_enabled() {
        return;
    }
    const TITLE: &str = "E2E deal review";
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());

    // First run: the sample team, two of its EMEA reps, the sample's first week.
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_FIND));
        s.fill(ui::PEOPLE_SEARCH, "Kai Tanaka");
        s.click(&s.wait_for(ui::ADD_FIRST_REQUIRED));
        s.fill(ui::PEOPLE_SEARCH, "Tara");
        s.click(&s.wait_for(ui::ADD_SECOND_REQUIRED));
        // Date inputs differ between engines: set them as the user's input would.
        s.execute(
            "for (const [id, v] of [['ft-from', '2026-11-30'], ['ft-to', '2026-12-04']]) {
               const el = document.getElementById(id);
               el.value = v;
               el.dispatchEvent(new Event('input', { bubbles: true }));
               el.dispatchEvent(new Event('change', { bubbles: true }));
             }
             return true;",
        );
        s.click(&s.wait_for(ui::FIND_TIMES));
        s.click(&s.wait_for(ui::BOOK_FIRST));
        s.fill(ui::BOOK_TITLE, TITLE);
        s.click(&s.wait_for(ui::BOOK_SAVE));
        // Stored: the dialog has closed and the status line says so.
        s.wait_for_text(ui::STATUS, &format!("Booked {TITLE}"));
        s.click(&s.wait_for(ui::NAV_MEETINGS));
        s.click(&s.wait_for(ui::MEETINGS_PAST));
        s.wait_for_text(ui::MEETING_LIST, TITLE);
    }

    // Second run: the booked meeting is read back from SQLite.
    {
        let s = driver.new_session();
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_MEETINGS));
        s.click(&s.wait_for(ui::MEETINGS_PAST));
        let list = s.wait_for_text(ui::MEETING_LIST, TITLE);
        assert!(list.contains("Kai Tanaka"), "attendees missing: {list}");
    }

    let scenario = stored_team(data.path());
    let booked = scenario
        .meetings
        .iter()
        .find(|m| m.title == TITLE)
        .unwrap_or_else(|| panic!("{TITLE} missing from the app's database"));
    assert_eq!(booked.id, "e2e-deal-review");
    assert_eq!(booked.attendees, ["kai", "tara"]);
    // The organiser zone is the app's default (the system's or UTC): a day either side.
    let day = booked.start.0.format("%Y-%m-%d").to_string();
    assert!(
        ("2026-11-29"..="2026-12-05").contains(&day.as_str()),
        "booked outside the window: {day}"
    );
    drop(driver);
}

#[test]
fn a_rep_locked_in_on_the_office_days_board_is_in_after_a_re_plan_and_the_lock_survives_a_restart()
{
    if !e2e_enabled() {
        return;
    }
    const REP: &str = "kai";
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());

    // First run: the sample team (its stored weeks start 2026-11-30), plan them.
    let date = {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_OFFICE_DAYS));
        s.click(&s.wait_for(ui::PLAN));
        s.wait_for(ui::PLAN_SCORE);

        // A day the plan keeps kai at home although he could come in.
        let date = s.execute(&format!(
            "const b = document.querySelector(\"{}\"); return b ? b.dataset.date : null;",
            ui::remote_cell(REP)
        ));
        let date = date
            .as_str()
            .unwrap_or_else(|| panic!("the plan has no remote day for {REP}"))
            .to_string();
        let cell = ui::cell(REP, &date);
        s.click(&s.wait_for_css(&cell));
        s.click(&s.wait_for(ui::LOCK_IN));
        s.wait_until(&format!(
            "return document.querySelector(\"{cell}\")?.dataset.lock === 'in';"
        ));
        s.wait_for(ui::STALE_NOTE);

        // Re-plan around the lock: the new plan has kai in on that day. The
        // click on the cell scrolled the board; the button is back at the top,
        // under the sticky title, where the driver would call it covered.
        s.execute("document.querySelector('main')?.scrollTo(0, 0); return true;");
        s.click(&s.wait_for(ui::PLAN));
        s.wait_gone(ui::STALE_NOTE);
        s.wait_until(&format!(
            "const b = document.querySelector(\"{cell}\");
             return !!b && b.dataset.state === 'in' && b.dataset.lock === 'in';"
        ));
        // The picture for the README: the top of the board, once the toast is gone.
        s.execute("document.querySelector('main')?.scrollTo(0, 0); return true;");
        s.wait_until("return !document.querySelector('.toast');");
        s.save_screenshot("office-days.png");
        s.click(&s.wait_for(ui::ACCEPT_PLAN));
        s.wait_for_text(ui::STATUS, "office days");
        date
    };

    // Second run: the lock and the accepted day are read back from SQLite.
    {
        let s = driver.new_session();
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_OFFICE_DAYS));
        let cell = ui::cell(REP, &date);
        s.wait_until(&format!(
            "const b = document.querySelector(\"{cell}\");
             return !!b && b.dataset.state === 'in' && b.dataset.lock === 'in';"
        ));
    }

    let scenario = stored_team(data.path());
    let locks = scenario
        .requests
        .rotation
        .map(|r| r.locks)
        .unwrap_or_default();
    assert!(
        locks
            .iter()
            .any(|l| l.rep == REP && l.date.to_string() == date && l.in_office),
        "lock missing: {locks:?}"
    );
    assert!(
        scenario
            .office_days
            .iter()
            .any(|d| d.rep == REP && d.date.to_string() == date),
        "the accepted plan lacks {REP} on {date}"
    );
    drop(driver);
}

#[test]
fn a_policy_tried_beside_the_current_plan_and_adopted_is_the_stored_policy_after_a_restart() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_OFFICE_DAYS));
        s.click(&s.wait_for(ui::TRY_POLICY));
        s.wait_until("return document.querySelector('#wi-min')?.value === '2';");
        s.fill(ui::WHAT_IF_MIN, "3");
        s.click(&s.wait_for(ui::WHAT_IF_TRY));
        // Both plans side by side: the tried one beside the current one.
        let current = s.wait_for_text(ui::CURRENT_PLAN, "Score");
        assert!(!current.is_empty());
        s.wait_for(ui::TRIED_PLAN);
        let beside = s.execute(
            "const c = document.querySelector(\"section[aria-label='Current plan']\").getBoundingClientRect();
             const t = document.querySelector(\"section[aria-label='Tried plan']\").getBoundingClientRect();
             return t.left >= c.right - 1 && Math.abs(t.top - c.top) < 2;",
        );
        assert_eq!(beside, Value::Bool(true), "the plans are not side by side");
        s.save_screenshot("what-if.png");
        s.click(&s.wait_for(ui::ADOPT));
        s.click(&s.wait_for(ui::CONFIRM_ADOPT));
        s.wait_for(ui::ADOPTED);
    }
    // Second run: the policy is read back from SQLite.
    {
        let s = driver.new_session();
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_OFFICE_DAYS));
        s.click(&s.wait_for(ui::TRY_POLICY));
        s.wait_until("return document.querySelector('#wi-min')?.value === '3';");
    }
    drop(driver);
    let policy = stored_team(data.path()).policy.office_days_per_week;
    assert_eq!(
        (policy.min, policy.max),
        (3, 3),
        "the adopted policy is stored"
    );
    let backups = app_core(data.path()).backups().expect("backups");
    assert!(
        backups.iter().any(|b| b.file.contains("what-if")),
        "no what-if backup: {:?}",
        backups.iter().map(|b| &b.file).collect::<Vec<_>>()
    );
}

#[test]
fn a_balance_move_accepted_and_applied_on_the_workload_screen_is_kept_after_a_restart() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());

    // First run: the sample team has a stored balance window; the screen
    // balances it on opening. Accept the first proposed change and apply it.
    let (task, rep) = {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_WORKLOAD));
        s.wait_for(ui::FIRST_CHANGE);
        // The picture for the README, once the toast is gone.
        s.wait_until("return !document.querySelector('.toast');");
        s.save_screenshot("workload.png");
        let attr = |name: &str| {
            s.execute(&format!(
                "return document.querySelector(\"ul[aria-label='Proposed changes'] li[data-task]\")?.dataset.{name} ?? null;"
            ))
            .as_str()
            .unwrap_or_else(|| panic!("the first proposed change has no data-{name}"))
            .to_string()
        };
        let (task, rep) = (attr("task"), attr("rep"));
        // The first of the change's two buttons is Accept.
        s.click(&s.wait_for_css(&ui::accept_change(&task)));
        s.click(&s.wait_for(ui::APPLY_ACCEPTED));
        s.wait_for_text(ui::STATUS, "Moved 1 task");
        (task, rep)
    };

    // Second run: the task's new assignee is read back from SQLite.
    {
        let s = driver.new_session();
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_WORKLOAD));
        let row = ui::task_row(&task);
        s.wait_until(&format!(
            "return document.querySelector(\"{row}\")?.dataset.assignee === '{rep}';"
        ));
    }

    let scenario = stored_team(data.path());
    let stored = scenario.tasks.iter().find(|t| t.id == task);
    assert_eq!(
        stored.and_then(|t| t.assignee.as_deref()),
        Some(rep.as_str()),
        "task {task} should be {rep}'s after applying the move"
    );
    drop(driver);
}

#[test]
fn reps_imported_from_csv_are_listed_and_an_exported_calendar_reads_in_python_with_the_expected_events(
) {
    if !e2e_enabled() {
        return;
    }
    const CSV_REP: &str = "Ines Csvwell";
    const ICS_REP: &str = "kai";
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let files = data.path().join("files");
    let driver = TauriDriver::start(data.path());

    // The CSV a lead would write: the sample's columns, one new rep, made
    // with the core's own export so the test does not restate the format.
    let csv = {
        let mut core = meridian::Meridian::open_in_memory().expect("in-memory core");
        core.load_sample_team().expect("sample");
        let mut rep = meridian::model::Rep::new("ines", CSV_REP, "America/Sao_Paulo");
        rep.skills = vec!["portuguese".into()];
        core.create(rep).expect("a valid rep");
        let all = core.export_reps_csv().expect("export");
        let mut lines = all.lines();
        let header = lines.next().expect("a header");
        let row = lines
            .find(|l| l.contains(CSV_REP))
            .expect("the new rep's row");
        format!("{header}\r\n{row}\r\n")
    };
    std::fs::write(files.join("new-reps.csv"), csv).expect("write the CSV");

    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::IMPORT_CSV));
        s.click(&s.wait_for(ui::CONFIRM_CSV));
        s.wait_for_text(ui::STATUS, "Imported 1 person");
        s.wait_for_text(ui::REP_LIST, CSV_REP);

        s.click(&s.wait_for(ui::NAV_MY_WEEK));
        s.wait_for(ui::WHO_AM_I);
        s.execute(&format!(
            "const el = document.querySelector('#mw-rep'); el.value = '{ICS_REP}';
             el.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"
        ));
        // The picture for the README: kai's week (the sample's first week).
        s.wait_for_css("[aria-label^='Week calendar of']");
        s.wait_until("return !document.querySelector('.toast');");
        s.save_screenshot("my-week.png");
        s.click(&s.wait_for(ui::EXPORT_ICS));
        s.wait_for_text(ui::STATUS, "Saved meridian-rep-kai.ics");
    }

    // The rep came in through the CSV and is stored.
    let scenario = stored_team(data.path());
    assert!(
        scenario
            .reps
            .iter()
            .any(|r| r.id == "ines" && r.time_zone == "America/Sao_Paulo"),
        "the CSV's rep is not stored"
    );

    // The exported file, read by Python's icalendar + recurring_ical_events:
    // every meeting occurrence of kai's agenda is there at the same instant.
    let ics = files.join("meridian-rep-kai.ics");
    let d = |s: &str| meridian::model::parse_date(s).expect("date");
    let agenda = app_core(data.path())
        .agenda(ICS_REP, d("2026-11-30"), d("2026-12-27"))
        .expect("kai's agenda");
    let want: Vec<(String, String)> = agenda
        .items
        .iter()
        .filter_map(|i| match i {
            meridian::plan::agenda::AgendaItem::Meeting { title, start, .. } => {
                Some((title.clone(), start.clone()))
            }
            _ => None,
        })
        .collect();
    assert!(!want.is_empty(), "kai has meetings in the sample");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/tools/ics_occurrences.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(&ics)
        .args(["2026-11-30T00:00:00Z", "2026-12-28T00:00:00Z"])
        .output()
        .expect("python3 (scripts/test installs icalendar and recurring-ical-events)");
    assert!(
        out.status.success(),
        "the independent reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: Value = serde_json::from_slice(&out.stdout).expect("JSON from the reader");
    let got: Vec<(String, String)> = read
        .as_array()
        .expect("a list of occurrences")
        .iter()
        .filter(|o| o["start"].is_string())
        .map(|o| {
            (
                o["summary"].as_str().unwrap_or_default().to_string(),
                o["start"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for w in &want {
        assert!(
            got.contains(w),
            "{w:?} missing from the exported file: {got:?}"
        );
    }
    assert_eq!(got.len(), want.len(), "timed events: {got:?}");
    drop(driver);
}

/// The `meridian` command line the workspace build puts beside this test's
/// binary (`target/debug/meridian`): `cargo run` is too slow inside a test.
fn cli_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/debug/deps/e2e-<hash> → target/debug/meridian
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("meridian"))
        .expect("target/debug");
    assert!(
        bin.exists(),
        "{} is missing: build the workspace first (cargo build --workspace)",
        bin.display()
    );
    bin
}

/// Changes a rep the way a person at a terminal does, while the app runs:
/// `meridian --db DB reps put -` with the rep as JSON on stdin; where this
/// CLI has no `put` yet, `reps import-csv` of a one-row CSV.
fn cli_save_rep(db: &Path, rep: &meridian::model::Rep) {
    use std::io::Write;
    let mut child = Command::new(cli_bin())
        .arg("--db")
        .arg(db)
        .args(["reps", "put", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the meridian CLI");
    let json = serde_json::to_string(rep).expect("rep as JSON");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(json.as_bytes())
        .expect("write the rep to the CLI");
    let out = child.wait_with_output().expect("the CLI finished");
    if out.status.success() {
        return;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    // clap's usage error (exit 2): this CLI has no `reps put` yet.
    assert_eq!(
        out.status.code(),
        Some(2),
        "meridian reps put failed: {err}"
    );
    let mut scratch = meridian::Meridian::open_in_memory().expect("memory core");
    scratch.create(rep.clone()).expect("the rep alone is valid");
    let all = scratch.export_reps_csv().expect("export");
    let csv = std::env::temp_dir().join(format!("meridian-e2e-{}.csv", std::process::id()));
    std::fs::write(&csv, all).expect("write the CSV");
    let out = Command::new(cli_bin())
        .arg("--db")
        .arg(db)
        .args(["reps", "import-csv"])
        .arg(&csv)
        .output()
        .expect("run the meridian CLI");
    let _ = std::fs::remove_file(&csv);
    assert!(
        out.status.success(),
        "meridian reps import-csv failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_offices_holidays_region_shows_its_holiday_on_the_office_days_board_and_in_my_week() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);

        // The London office takes England's public holidays, picked from the
        // region list: typed, then its option clicked once the list shows it
        // (`.current`: the option whose code is the text). A key sent through
        // WebDriver may refocus the input first, which closes the list, so
        // Enter would submit the form instead; the keyboard path is the
        // picker's unit test's.
        s.click(&s.wait_for(ui::NAV_OFFICES));
        s.click(&s.wait_for_css("button[aria-label='Edit London']"));
        s.fill(ui::OFFICE_HOLIDAYS, "GB-ENG");
        s.click(&s.wait_for_css("#office-holidays-list [role='option'].current"));
        // The preview under the picker names the next holidays from Rust.
        s.wait_for_css("#office-holidays-preview .holiday");
        s.click(&s.wait_for(ui::OFFICE_SAVE));
        s.wait_gone(ui::DIALOG);

        // The board's London row names Christmas Day on the 25th (the sample's
        // stored window is the four weeks from 2026-11-30). The date is en-GB
        // as the app's ICU writes it: `Fri 25 Dec`, or `Fri, 25 Dec` in
        // WebKitGTK's older ICU.
        s.click(&s.wait_for(ui::NAV_OFFICE_DAYS));
        s.wait_until(
            "return [...document.querySelectorAll('.desk')].some(d =>
           /Fri,? 25 Dec: closed \\(Christmas Day\\)/.test(d.getAttribute('aria-label') || ''));",
        );

        // My week of a London rep (kai) on the week of 21 December.
        s.click(&s.wait_for(ui::NAV_MY_WEEK));
        s.wait_for(ui::WHO_AM_I);
        s.execute(
            "const el = document.querySelector('#mw-rep'); el.value = 'kai';
         el.dispatchEvent(new Event('change', { bubbles: true })); return true;",
        );
        s.wait_for_css("[aria-label^='Week calendar of']");
        let today = chrono::Local::now().date_naive();
        let monday = |d: chrono::NaiveDate| {
            d - chrono::Duration::days(i64::from(
                chrono::Datelike::weekday(&d).num_days_from_monday(),
            ))
        };
        let target = chrono::NaiveDate::from_ymd_opt(2026, 12, 21).expect("date");
        let weeks = (target - monday(today)).num_days() / 7;
        let button = if weeks >= 0 {
            ui::NEXT_WEEK
        } else {
            ui::PREVIOUS_WEEK
        };
        for _ in 0..weeks.abs() {
            s.click(&s.wait_for(button));
        }
        let days = s.wait_for_text(ui::DAYS, "Christmas Day");
        assert!(days.contains("Public holiday"), "{days}");
    } // ends the session, which closes the app

    let sc = stored_team(data.path());
    let lon = sc.offices.iter().find(|o| o.id == "lon").expect("London");
    assert_eq!(lon.holidays.as_deref(), Some("GB-ENG"));
    drop(driver);
}

#[test]
fn a_rep_edited_in_the_app_and_another_changed_by_the_cli_both_show_without_a_restart() {
    if !e2e_enabled() {
        return;
    }
    const APP_NAME: &str = "Hana Johansson-Berg";
    const CLI_NAME: &str = "Kai Tanaka (CLI)";
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let db = data
        .path()
        .join(meridian::APP_IDENTIFIER)
        .join("meridian.db");
    let driver = TauriDriver::start(data.path());
    let s = driver.new_session();
    s.click(&s.wait_for(ui::LOAD_SAMPLE));
    s.wait_for_text(ui::REP_LIST, SAMPLE_REP);

    // The app edits one rep through its form...
    s.click(&s.wait_for_css(&ui::edit_rep(SAMPLE_REP)));
    s.fill(ui::REP_NAME, APP_NAME);
    s.click(&s.wait_for(ui::REP_SAVE));
    s.wait_for_text(ui::REP_LIST, APP_NAME);

    // ...and the command line changes another while the app is open.
    let mut kai = meridian::Meridian::open_read_only(&db)
        .expect("read the app's database")
        .get::<meridian::model::Rep>("kai")
        .expect("kai is in the sample team")
        .item;
    kai.name = CLI_NAME.into();
    let wrote = Instant::now();
    cli_save_rep(&db, &kai);
    let list = s.wait_for_text(ui::REP_LIST, CLI_NAME);
    let seen_after = wrote.elapsed();
    assert!(
        list.contains(APP_NAME),
        "the app's own edit was lost: {list}"
    );
    assert!(
        seen_after < Duration::from_secs(5),
        "the CLI's change took {seen_after:?} to show"
    );
    s.wait_for_text(ui::STATUS, "Updated: changes made elsewhere");
    eprintln!("the CLI's change showed in the app after {seen_after:?}");
    drop(s);

    let team = stored_team(data.path());
    for name in [APP_NAME, CLI_NAME] {
        assert!(
            team.reps.iter().any(|r| r.name == name),
            "{name} missing from the database"
        );
    }
    drop(driver);
}

#[test]
fn the_page_may_call_only_the_apps_own_commands_and_run_no_inline_script() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start(data.path());
    let s = driver.new_session();
    s.wait_for(ui::LOAD_SAMPLE);

    let invoke = |cmd: &str| {
        s.execute_async(
            "const [cmd, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(cmd).then(
               () => done('allowed'),
               (e) => done('denied: ' + (typeof e === 'string' ? e : JSON.stringify(e))));",
            json!([cmd]),
        )
    };
    // The app's own commands pass the ACL (capabilities/default.json)...
    assert_eq!(invoke("about"), json!("allowed"));
    // ...core plugins' commands do not: the capability grants none of them.
    for cmd in [
        "plugin:app|version",
        "plugin:window|close",
        "plugin:path|resolve_directory",
        // The dialog plugin is registered for Rust's own use only: the page
        // can neither open a file dialog nor learn a path from one.
        "plugin:dialog|open",
        "plugin:dialog|save",
    ] {
        let answer = invoke(cmd);
        assert!(
            answer.as_str().is_some_and(|a| a.starts_with("denied")),
            "{cmd} was {answer}"
        );
    }
    // The CSP allows only the bundle's own scripts: an injected inline script never runs.
    let ran = s.execute(
        "const el = document.createElement('script');
         el.textContent = 'window.__injected = true';
         document.body.appendChild(el);
         return window.__injected === true;",
    );
    assert_eq!(
        ran,
        json!(false),
        "an inline script ran: the CSP is not applied"
    );
}

/// A real CalDAV server (Radicale) on loopback, from the Python harness
/// `tests/caldav/servers.py` (users lead/s3cret and rep/r3p; rep may read
/// lead's calendars). Stopped when its stdin closes (on drop).
struct Radicale {
    child: Child,
    stdin: Option<std::process::ChildStdin>,
    stdout: std::io::BufReader<std::process::ChildStdout>,
    /// Where lead's calendars live (`http://127.0.0.1:PORT/lead/`).
    home: String,
    _dir: tempfile::TempDir,
}

impl Radicale {
    fn start() -> Radicale {
        let dir = tempfile::tempdir().expect("a folder for the server");
        let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/caldav/servers.py");
        let mut child = Command::new("python3")
            .arg(&tool)
            .args(["serve", "radicale"])
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("python3 {}: {e}", tool.display()));
        let stdin = child.stdin.take();
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        let info = Radicale::answer(&mut stdout, "serve");
        let home = info["home"]
            .as_str()
            .expect("home in servers.py's answer")
            .to_string();
        Radicale {
            child,
            stdin,
            stdout,
            home,
            _dir: dir,
        }
    }

    fn answer(out: &mut std::io::BufReader<std::process::ChildStdout>, what: &str) -> Value {
        use std::io::BufRead;
        let mut line = String::new();
        out.read_line(&mut line).expect("read servers.py");
        serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("servers.py {what}: {e}: {line:?} (is radicale installed?)"))
    }

    /// `stop` (keeps port and storage) or `start`.
    fn command(&mut self, line: &str) {
        use std::io::Write;
        let stdin = self.stdin.as_mut().expect("the server's stdin");
        writeln!(stdin, "{line}")
            .and_then(|()| stdin.flush())
            .expect("talk to servers.py");
        Radicale::answer(&mut self.stdout, line);
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

/// The lead publishes a team from the app to a real Radicale; a second app
/// profile (its own data folder, no team of its own) follows that calendar
/// as a read-only rep and shows a rep's office day (with the teammates in)
/// and meetings in My week, and still does after the server stopped. The
/// apps have no keyring (as in CI): passwords are kept for the session
/// only, which the page says.
#[test]
fn a_team_published_from_the_app_is_followed_by_a_second_profile_and_shown_offline() {
    if !e2e_enabled() {
        return;
    }
    const TEAM: &str = "emea-mid-market";
    const TEAM_NAME: &str = "EMEA Mid Market";
    const SYNC: &str = "sync-0005";
    // A week of the sample in which the team's weekly sync takes place.
    let monday: chrono::NaiveDate = "2026-12-07".parse().expect("a date");
    let mut server = Radicale::start();
    let calendar = format!("{}emea/", server.home);

    // The lead loads the sample team in the app; a week of office days is
    // accepted (by the core, between two runs of the app: the office-days
    // journey has its own test).
    let lead = tempfile::tempdir().expect("the lead's XDG_DATA_HOME");
    let driver = TauriDriver::start(lead.path());
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::LOAD_SAMPLE));
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
    }
    let team = {
        let mut core = app_core(lead.path());
        let plan = core
            .plan_rotation(Some(monday), Some(1), None)
            .expect("a rotation");
        core.accept_rotation(&plan).expect("accepted");
        core.scenario().expect("the team")
    };
    // The rep to look at: at the weekly sync, with an office day that week
    // shared with a teammate; what My week must then say about that day.
    let member = |id: &str| {
        team.reps
            .iter()
            .find(|r| r.id == id && r.team.as_deref() == Some(TEAM))
    };
    let sync = team
        .meetings
        .iter()
        .find(|m| m.id == SYNC)
        .expect("the sample's weekly sync");
    let (rep, day, office, mate) = sync
        .attendees
        .iter()
        .filter_map(|a| member(a))
        .find_map(|r| {
            let day = team.office_days.iter().find(|d| {
                d.rep == r.id && d.date >= monday && d.date < monday + chrono::Duration::days(7)
            })?;
            let mate = team.office_days.iter().find_map(|d| {
                (d.date == day.date && d.office == day.office && d.rep != r.id)
                    .then(|| member(&d.rep))
                    .flatten()
            })?;
            let office = team.offices.iter().find(|o| o.id == day.office)?;
            Some((r.clone(), day.date, office.name.clone(), mate.name.clone()))
        })
        .expect("an attendee of the sync shares an office day with a teammate that week");

    // The lead adds the team's calendar and publishes it.
    {
        let s = driver.new_session();
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);
        s.click(&s.wait_for(ui::NAV_PUBLISHING));
        s.click(&s.wait_for(ui::ADD_CALENDAR));
        s.wait_for(ui::CALENDAR_TEAM);
        s.execute(&format!(
            "const el = document.querySelector('#pt-team'); el.value = '{TEAM}';
             el.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"
        ));
        s.fill(ui::CALENDAR_URL, &calendar);
        s.fill(ui::CALENDAR_USER, "lead");
        s.fill(ui::CALENDAR_PASSWORD, "s3cret");
        s.click(&s.wait_for(ui::CALENDAR_SAVE));
        let text = s.wait_for_text(ui::EMEA_CALENDAR, "changes waiting to publish");
        assert!(
            text.contains("Password kept until Meridian closes"),
            "no keyring here: the page says the password lasts the session: {text}"
        );
        s.click(&s.wait_for_css(&format!("button[aria-label='Publish {TEAM_NAME}…']")));
        s.click(&s.wait_for(ui::PUBLISH));
        let result = s.wait_for_text(ui::DIALOG, "Published.");
        assert!(
            result.contains("Made the calendar") && result.contains("created"),
            "{result}"
        );
        s.click(&s.wait_for(ui::DIALOG_CLOSE));
        s.wait_for_text(ui::EMEA_CALENDAR, "Up to date");
    }
    drop(driver);
    let core = app_core(lead.path());
    let target = core
        .publish_targets()
        .expect("targets")
        .into_iter()
        .find(|t| t.team == TEAM)
        .expect("the team's target is stored");
    assert!(
        target.last_ok.is_some() && target.last_error.is_none(),
        "{target:?}"
    );
    assert_eq!(
        core.publish_preview(TEAM, chrono::Utc::now())
            .expect("preview")
            .pending(),
        0,
        "everything went out"
    );

    // The rep's own computer: an empty database, following the calendar.
    let rep_home = tempfile::tempdir().expect("the rep's XDG_DATA_HOME");
    let driver = TauriDriver::start(rep_home.path());
    let weekday = day.format("%A").to_string();
    let show_week = |s: &Session<'_>| {
        // Either the rep chosen in an earlier session is remembered, or the
        // picker (the followed calendar's reps, searched in Rust) asks.
        s.wait_until(
            "return !!document.querySelector(\"[aria-labelledby='fw-who']\")
               || document.body.innerText.includes('Find yourself above');",
        );
        if s.find(ui::WHO_AM_I).is_ok() {
            s.fill(ui::WHO_AM_I, &rep.id);
            s.click(&s.wait_for_css(&format!("button[aria-label='Choose {}']", rep.name)));
        }
        let monday_of = |d: chrono::NaiveDate| {
            use chrono::Datelike;
            d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
        };
        // From this week (under the main pane's header, scrolled to the top).
        s.execute(
            "document.querySelector('main')?.scrollTo(0, 0);
             [...document.querySelectorAll(\"nav[aria-label='Week'] button\")]
               .find((b) => b.textContent.trim() === 'This week')?.click();
             return true;",
        );
        let weeks = (monday - monday_of(chrono::Local::now().date_naive())).num_days() / 7;
        let step = if weeks > 0 {
            "Next week"
        } else {
            "Previous week"
        };
        for _ in 0..weeks.abs() {
            s.click(&s.wait_for_css(&format!("button[aria-label='{step}']")));
        }
        s.wait_for_css(&format!(
            "[aria-label='Week calendar of {}'] .ec-event[data-kind='meeting'][aria-label^='{}']",
            rep.name, sync.title
        ));
        let days = s.wait_for_text(ui::DAYS, &weekday);
        let line = days
            .split(&weekday)
            .nth(1)
            .and_then(|rest| rest.lines().take(4).find(|l| l.contains("In the office")))
            .unwrap_or_default()
            .to_string();
        assert!(
            line.contains(&office),
            "{}'s {weekday}: in the office at {office}; the days read: {days}",
            rep.name
        );
        assert!(
            days.contains(&mate),
            "{mate} is in with {} on {day}: {days}",
            rep.name
        );
    };
    {
        let s = driver.new_session();
        // No team here: My week opens past the welcome screen.
        s.click(&s.wait_for(ui::NAV_MY_WEEK));
        s.click(&s.wait_for(ui::FOLLOW));
        s.fill(ui::FOLLOW_URL, &calendar);
        s.fill(ui::FOLLOW_USER, "rep");
        s.fill(ui::FOLLOW_PASSWORD, "r3p");
        s.click(&s.wait_for(ui::FOLLOW_SUBMIT));
        let listed = s.wait_for_text(ui::FOLLOWED, TEAM_NAME);
        assert!(listed.contains("Last updated"), "{listed}");
        show_week(&s);
    }

    // The server goes away: the local copy still shows the week after a
    // restart, and a refresh says why it could not read the calendar.
    server.command("stop");
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::NAV_MY_WEEK));
        show_week(&s);
        s.click(&s.wait_for_css(&format!("button[aria-label='Refresh {TEAM_NAME}']")));
        // The password lasted the first session only: the app asks again.
        s.fill(ui::FOLLOW_PASSWORD, "r3p");
        s.click(&s.wait_for(ui::FOLLOW_SUBMIT));
        s.wait_for_text(ui::FOLLOWED, "did not answer");
        s.click(&s.wait_for(ui::FOLLOW_CANCEL));
        s.wait_gone(ui::FOLLOW_CANCEL);
        show_week(&s);
    }
    drop(driver);
}

/// A running `tauri-driver` on free local ports; SIGTERM on drop.
struct TauriDriver {
    child: Child,
    url: String,
    agent: ureq::Agent,
    /// Held until the driver (and its app) has stopped: dropped after `drop`.
    _display: Display,
}

/// The tests' windows share one X display and so one keyboard focus: a new
/// window takes it. A test that presses keys on whatever has focus (the
/// keyboard-only journey, Ctrl+Z) holds the display alone; the others share it.
static DISPLAY: std::sync::RwLock<()> = std::sync::RwLock::new(());

enum Display {
    Shared(#[allow(dead_code)] std::sync::RwLockReadGuard<'static, ()>),
    Alone(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>),
}

impl Display {
    // A test that failed while holding the display poisons it; the next
    // test still gets it.
    fn shared() -> Display {
        Display::Shared(DISPLAY.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn alone() -> Display {
        Display::Alone(DISPLAY.write().unwrap_or_else(|e| e.into_inner()))
    }
}

impl TauriDriver {
    fn start(xdg_data_home: &Path) -> TauriDriver {
        // The assertions read dates and times as an en-GB computer writes
        // them, whatever the locale of the machine running the tests.
        TauriDriver::start_in(xdg_data_home, "en_GB.UTF-8")
    }

    /// As [`TauriDriver::start`], with no other test's window on the display
    /// while it runs (for key presses that go to the focused window).
    fn start_alone(xdg_data_home: &Path) -> TauriDriver {
        TauriDriver::launch(xdg_data_home, "en_GB.UTF-8", Display::alone())
    }

    /// With the app's locale `lang` (`de_DE.UTF-8`): WebKitGTK takes
    /// `navigator.language` from LANGUAGE, then LC_ALL, LC_MESSAGES, LANG.
    fn start_in(xdg_data_home: &Path, lang: &str) -> TauriDriver {
        TauriDriver::launch(xdg_data_home, lang, Display::shared())
    }

    fn launch(xdg_data_home: &Path, lang: &str, display: Display) -> TauriDriver {
        let [port, native_port] = free_ports();
        // Native file dialogs cannot be driven over WebDriver: the app's test
        // seam saves to and opens from this folder instead (src/files.rs).
        let files = xdg_data_home.join("files");
        std::fs::create_dir_all(&files).expect("the dialogs' folder");
        let child = Command::new(tauri_driver_bin())
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("XDG_DATA_HOME", xdg_data_home)
            .env("MERIDIAN_E2E_FILES", &files)
            // Never a developer's keyring: the app keeps calendar passwords
            // for the session, as on a computer without one (and in CI).
            .env("MERIDIAN_KEYRING", "none")
            .env("LANG", lang)
            .env("LANGUAGE", lang.split('.').next().unwrap_or(lang))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::null())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --version 2.1.0 --locked)");
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .timeout_global(Some(HTTP_TIMEOUT))
                .http_status_as_error(false)
                .build(),
        );
        let driver = TauriDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            agent,
            _display: display,
        };
        let deadline = Instant::now() + STEP_TIMEOUT;
        while driver
            .agent
            .get(format!("{}/status", driver.url))
            .call()
            .is_err()
        {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            sleep(Duration::from_millis(200));
        }
        driver
    }

    fn new_session(&self) -> Session<'_> {
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "tauri:options": { "application": APP }
        }}});
        let value = send(
            self.agent
                .post(format!("{}/session", self.url))
                .send_json(caps),
        )
        .unwrap_or_else(|e| panic!("new session: {e}"));
        let id = value["sessionId"].as_str().expect("sessionId").to_string();
        Session {
            driver: self,
            base: format!("{}/session/{id}", self.url),
        }
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        // SIGTERM, never SIGKILL: only then does tauri-driver stop WebKitWebDriver.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            sleep(Duration::from_millis(100));
        }
        eprintln!("tauri-driver ignored SIGTERM; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One WebDriver session, i.e. one run of the app; ended (app closed) on drop.
struct Session<'d> {
    driver: &'d TauriDriver,
    base: String,
}

impl Session<'_> {
    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        send(
            self.driver
                .agent
                .post(format!("{}{path}", self.base))
                .send_json(body),
        )
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        send(self.driver.agent.get(format!("{}{path}", self.base)).call())
    }

    fn find(&self, sel: Sel) -> Result<String, String> {
        self.find_by(sel.locator())
    }

    fn find_by(&self, locator: Value) -> Result<String, String> {
        let found = self.post("/element", locator)?;
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("no element id in {found}"))
    }

    /// Waits until the element is present, then returns its WebDriver id.
    fn wait_for(&self, sel: Sel) -> String {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            match self.find(sel) {
                Ok(id) => return id,
                Err(e) if Instant::now() >= deadline => {
                    panic!("{sel:?} never appeared: {e}\n{}", self.page())
                }
                Err(_) => sleep(Duration::from_millis(200)),
            }
        }
    }

    /// [`Session::wait_for`] with a CSS selector built at run time.
    fn wait_for_css(&self, css: &str) -> String {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            match self.find_by(json!({ "using": "css selector", "value": css })) {
                Ok(id) => return id,
                Err(e) if Instant::now() >= deadline => {
                    panic!("{css} never appeared: {e}\n{}", self.page())
                }
                Err(_) => sleep(Duration::from_millis(200)),
            }
        }
    }

    /// Waits until the element is no longer in the page.
    fn wait_gone(&self, sel: Sel) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        while self.find(sel).is_ok() {
            assert!(
                Instant::now() < deadline,
                "{sel:?} never went away\n{}",
                self.page()
            );
            sleep(Duration::from_millis(200));
        }
    }

    /// Waits until `script` (a function body) returns `true` in the page.
    fn wait_until(&self, script: &str) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        while self.execute(script) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "never true: {script}\n{}",
                self.page()
            );
            sleep(Duration::from_millis(200));
        }
    }

    /// Saves a PNG of the window as `CARGO_TARGET_TMPDIR/e2e/<name>` (the
    /// README's screenshots are copied from there).
    ///
    /// The picture is an artefact, not a check: WebKitWebDriver's snapshot
    /// has once hung for the whole request timeout under Xvfb (a fresh-clone
    /// CI run, nothing else wrong), so a shot that does not come in two short
    /// tries is reported and the test goes on to its real assertions.
    fn save_screenshot(&self, name: &str) {
        use base64::Engine as _;
        let url = format!("{}/screenshot", self.base);
        let mut shot = None;
        for attempt in 1..=2 {
            let reply = self
                .driver
                .agent
                .get(&url)
                .config()
                .timeout_global(Some(SCREENSHOT_TIMEOUT))
                .build()
                .call();
            match send(reply) {
                Ok(v) => {
                    shot = Some(v);
                    break;
                }
                Err(e) => eprintln!("warning: screenshot {name}, try {attempt} of 2: {e}"),
            }
        }
        let Some(shot) = shot else {
            eprintln!("warning: no screenshot {name}; the README's copy stays as it is");
            return;
        };
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot.as_str().unwrap_or_default())
            .expect("a base64 PNG from the driver");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(name), png).expect("write the screenshot");
        eprintln!("screenshot: {}", dir.join(name).display());
    }

    /// Waits until the element's text contains `needle`; returns that text.
    fn wait_for_text(&self, sel: Sel, needle: &str) -> String {
        let deadline = Instant::now() + STEP_TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(id) = self.find(sel) {
                if let Ok(text) = self.get(&format!("/element/{id}/text")) {
                    last = text.as_str().unwrap_or_default().to_string();
                    if last.contains(needle) {
                        return last;
                    }
                }
            }
            sleep(Duration::from_millis(200));
        }
        panic!(
            "{sel:?} never showed {needle:?}; last text: {last:?}\n{}",
            self.page()
        )
    }

    fn click(&self, element: &str) {
        self.post(&format!("/element/{element}/click"), json!({}))
            .unwrap_or_else(|e| panic!("click: {e}"));
    }

    /// Replaces the text of an input, as typing does.
    fn fill(&self, sel: Sel, text: &str) {
        let element = self.wait_for(sel);
        self.post(&format!("/element/{element}/clear"), json!({}))
            .unwrap_or_else(|e| panic!("clear {sel:?}: {e}"));
        self.post(
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        )
        .unwrap_or_else(|e| panic!("type into {sel:?}: {e}"));
    }

    /// Runs `script` in the page and returns its value.
    fn execute(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": [] }))
            .unwrap_or_else(|e| panic!("execute: {e}"))
    }

    /// Runs `script`, whose last argument is the callback that returns its value.
    fn execute_async(&self, script: &str, args: Value) -> Value {
        self.post("/execute/async", json!({ "script": script, "args": args }))
            .unwrap_or_else(|e| panic!("execute async: {e}"))
    }

    /// The page source, for failure messages.
    fn page(&self) -> String {
        match self.get("/source") {
            Ok(Value::String(s)) => s.chars().take(4000).collect(),
            other => format!("(no page source: {other:?})"),
        }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self.driver.agent.delete(&self.base).call();
    }
}

/// The `value` of a W3C WebDriver response, or its error message.
fn send(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Value, String> {
    let mut response = response.map_err(|e| e.to_string())?;
    let status = response.status();
    let mut text = String::new();
    response
        .body_mut()
        .as_reader()
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    let body: Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
    let value = body.get("value").cloned().unwrap_or(Value::Null);
    if status.is_success() {
        Ok(value)
    } else {
        Err(format!("HTTP {status}: {value}"))
    }
}

/// Two distinct free local ports (both held until chosen, so they differ): a
/// leftover driver from another run cannot collide with this one.
fn free_ports() -> [u16; 2] {
    let a = TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let b = TcpListener::bind("127.0.0.1:0").expect("a free local port");
    [a, b].map(|l| l.local_addr().expect("local address").port())
}

/// `tauri-driver` from PATH, else from cargo's bin folder.
fn tauri_driver_bin() -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match cargo_bin {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Started with `LANG=de_DE.UTF-8`, the app speaks German and writes dates
/// and times the German way; English chosen in Settings is kept after a restart.
#[test]
fn a_german_computer_gets_german_until_english_is_chosen_in_settings() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start_in(data.path(), "de_DE.UTF-8");
    let nav = |s: &Session<'_>, label: &str| {
        s.wait_until(&format!(
            "const b = [...document.querySelectorAll('nav button')]\
               .find((x) => x.textContent.trim().startsWith('{label}'));\
             if (b) b.click(); return !!b;"
        ));
    };
    {
        let s = driver.new_session();
        let lang = s.execute("return navigator.language;");
        assert!(
            lang.as_str().is_some_and(|l| l.starts_with("de")),
            "navigator.language is {lang} under LANG=de_DE.UTF-8"
        );
        s.click(&s.wait_for(Sel::XPath(
            "//button[normalize-space()='Beispielteam laden']",
        )));
        // The People table is there once the sample team is stored.
        s.wait_for(Sel::Css("table[aria-label='Personen'] tbody tr"));
        // A date in German order and a time on the 24-hour clock.
        nav(&s, "Einstellungen");
        let formats = s.wait_for_text(Sel::Css("dl.formats"), "24 Stunden");
        let date = s.execute(
            "return /\\b\\d{2}\\.\\d{2}\\.\\d{4}\\b/.test(document.querySelector('dl.formats').innerText);",
        );
        assert_eq!(date, Value::Bool(true), "no DD.MM.YYYY date in {formats:?}");
        nav(&s, "Meine Woche");
        let heading = s.wait_for_text(Sel::Css("h2.week-title"), "Woche ");
        assert!(heading.contains(". "), "German day-month in {heading:?}");
        // What Rust writes is German too: the window told it its language.
        let refused = rust_message(&s);
        assert_eq!(refused, "Keine Person mit der ID \"nobody\"", "{refused}");
        s.save_screenshot("e2e-german.png");
        // English, chosen in Settings: the window reloads in English.
        nav(&s, "Einstellungen");
        s.execute(
            "const select = document.querySelector('main select');
             select.value = 'en';
             select.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
        );
        s.wait_for_text(Sel::Css("nav"), "People");
    }
    {
        // The choice is stored on this computer: after a restart, English.
        let s = driver.new_session();
        let text = s.wait_for_text(Sel::Css("nav"), "People");
        assert!(!text.contains("Personen"), "{text}");
        assert_eq!(rust_message(&s), "no rep with id \"nobody\"");
    }
    drop(driver);
}

/// The message of an error Rust writes: asking for a rep that does not exist.
fn rust_message(s: &Session<'_>) -> String {
    let answer = s.execute_async(
        "const [done] = arguments;
         window.__TAURI_INTERNALS__.invoke('get_rep', { id: 'nobody' }).then(
           () => done('no error'),
           (e) => done(e && typeof e.message === 'string' ? e.message : JSON.stringify(e)));",
        json!([]),
    );
    answer.as_str().unwrap_or_default().to_string()
}

/// Started with `LANG=en_US.UTF-8`, whose weeks start on Sunday: My week and
/// Team week's whole week start on Sunday and are named by their dates
/// (a Sunday-to-Saturday week is no ISO week), the work week is still
/// Monday to Friday.
#[test]
fn an_american_computer_sees_its_weeks_from_sunday() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start_in(data.path(), "en_US.UTF-8");
    let s = driver.new_session();
    let nav = |label: &str| {
        s.wait_until(&format!(
            "const b = [...document.querySelectorAll('nav button')]\
               .find((x) => x.textContent.trim().startsWith('{label}'));\
             if (b) b.click(); return !!b;"
        ));
    };
    s.click(&s.wait_for(Sel::XPath("//button[normalize-space()='Load sample team']")));
    s.wait_for(Sel::Css("table[aria-label='People'] tbody tr"));
    nav("Settings");
    s.wait_for_text(Sel::Css("dl.formats"), "Sunday");
    nav("My week");
    let heading = s.wait_for_text(Sel::Css("h2.week-title"), "–");
    assert!(
        !heading.starts_with("Week"),
        "a Sunday week has no ISO number: {heading:?}"
    );
    nav("Team week");
    // The work week first: Monday to Friday, an ISO week's five days.
    s.wait_for_text(Sel::Css("h2.week-title"), "Week ");
    let first_day = "return [...document.querySelectorAll('.tw-day[role=columnheader]')]\
                       .map((d) => d.textContent.trim()).join('|');";
    let work = s.execute(first_day);
    assert!(
        work.as_str().is_some_and(|d| d.starts_with("Mon")),
        "work week columns: {work}"
    );
    s.click(&s.wait_for(Sel::XPath("//button[normalize-space()='Whole week']")));
    s.wait_until(
        "const d = document.querySelector('.tw-day[role=columnheader]');\
         return !!d && d.textContent.trim().startsWith('Sun');",
    );
    let title = s.wait_for_text(Sel::Css("h2.week-title"), "–");
    assert!(!title.starts_with("Week"), "{title:?}");
    drop(s);
    drop(driver);
}

/// The keyboard-only journey's key presses: WebDriver key actions on whatever
/// has focus, as a person's keyboard sends them (never a click, never an
/// element's focus() from the test).
mod key {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SHIFT: &str = "\u{E008}";
    pub const SPACE: &str = "\u{E00D}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const RIGHT: &str = "\u{E014}";
    pub const DOWN: &str = "\u{E015}";
}

/// How far Tab or Shift+Tab may walk to reach one control: the main
/// navigation, a screen's toolbar and a form are well within it.
const MAX_TAB_STOPS: usize = 120;

/// The focused element's visible focus indicator, asked of the page: `true`,
/// or what is focused and why no indicator shows. An indicator is a computed
/// outline or box shadow on the focused element. (Not `:focus-visible` alone:
/// WebKit focuses a date input's inner field, and the input itself then
/// matches `:focus` only, while the app's `.input:focus` draws its outline.)
const FOCUS_SHOWN: &str = "
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return 'focus is on the page itself (lost)';
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== '' && s.boxShadow !== 'none';
    if (outline || shadow) return true;
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} \"${name}\": `
      + `focus-visible ${el.matches(':focus-visible')}, outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}`;";

impl Session<'_> {
    /// Presses keys together (the first ones held), then releases them.
    fn chord(&self, keys: &[&str]) {
        let mut actions: Vec<Value> = keys
            .iter()
            .map(|k| json!({ "type": "keyDown", "value": k }))
            .collect();
        actions.extend(
            keys.iter()
                .rev()
                .map(|k| json!({ "type": "keyUp", "value": k })),
        );
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
        .unwrap_or_else(|e| panic!("keys {keys:?}: {e}"));
    }

    fn press(&self, key: &str) {
        self.chord(&[key]);
    }

    /// Types `text` into whatever has focus, one key per character.
    fn type_keys(&self, text: &str) {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                let c = c.to_string();
                [
                    json!({ "type": "keyDown", "value": c }),
                    json!({ "type": "keyUp", "value": c }),
                ]
            })
            .collect();
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
        .unwrap_or_else(|e| panic!("type {text:?}: {e}"));
    }

    /// Whether the focused element, `el` in the JavaScript `test`, passes it.
    fn focused_where(&self, test: &str) -> bool {
        let script = format!("const el = document.activeElement; return !!el && !!({test});");
        self.execute(&script) == json!(true)
    }

    /// Whether the focused element matches `css`.
    fn focused_is(&self, css: &str) -> bool {
        self.focused_where(&format!("el.matches({})", json!(css)))
    }

    /// Panics unless the focused element shows a focus indicator; `step` says where.
    fn assert_focus_shown(&self, step: &str) {
        let shown = self.execute(FOCUS_SHOWN);
        assert_eq!(
            shown,
            json!(true),
            "{step}: no visible focus indicator: {shown}"
        );
    }

    /// Presses Tab (or Shift+Tab) until the focused element passes `test`
    /// (JavaScript on `el`), checking the focus indicator at every stop.
    fn tab_until(&self, test: &str, backwards: bool) {
        for _ in 0..MAX_TAB_STOPS {
            if backwards {
                self.chord(&[key::SHIFT, key::TAB]);
            } else {
                self.press(key::TAB);
            }
            self.assert_focus_shown(&format!("tabbing to {test}"));
            if self.focused_where(test) {
                return;
            }
        }
        panic!(
            "{test} not reached in {MAX_TAB_STOPS} {}\n{}",
            if backwards { "Shift+Tabs" } else { "Tabs" },
            self.page()
        );
    }

    /// [`Session::tab_until`] the focused element matches `css`.
    fn tab_to(&self, css: &str, backwards: bool) {
        self.tab_until(&format!("el.matches({})", json!(css)), backwards);
    }

    /// [`Session::tab_until`] a button whose text (trimmed) starts with `text`.
    fn tab_to_button(&self, text: &str, backwards: bool) {
        self.tab_until(
            &format!(
                "el.tagName === 'BUTTON' && el.textContent.trim().startsWith({})",
                json!(text)
            ),
            backwards,
        );
    }

    /// [`Session::tab_until`] the main navigation's button for a screen.
    fn tab_to_screen(&self, label: &str, backwards: bool) {
        self.tab_until(
            &format!(
                "el.closest(\"nav[aria-label='Main']\") && el.textContent.trim().startsWith({})",
                json!(label)
            ),
            backwards,
        );
    }

    /// Presses `key` until the focused element matches `css` (arrow keys on the board).
    fn arrow_to(&self, key: &str, css: &str, most: usize) {
        for _ in 0..most {
            if self.focused_is(css) {
                return;
            }
            self.press(key);
            self.assert_focus_shown(&format!("arrowing to {css}"));
        }
        assert!(
            self.focused_is(css),
            "{css} not reached with {most} arrow presses\n{}",
            self.page()
        );
    }
}

/// Issue 17: a lead who uses only the keyboard finds a time and books it, locks
/// an office day and accepts the plan, and accepts a workload move; focus is
/// visible at every stop and every result is in the app's SQLite file.
#[test]
fn a_lead_using_only_the_keyboard_books_a_meeting_locks_and_accepts_a_day_and_applies_a_move() {
    if !e2e_enabled() {
        return;
    }
    const TITLE: &str = "Keyboard review";
    const REP: &str = "kai";
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let driver = TauriDriver::start_alone(data.path());
    let (date, task, to) = {
        let s = driver.new_session();
        // The first start: Load sample team, reached with Tab.
        s.wait_for(ui::LOAD_SAMPLE);
        s.tab_to_button("Load sample team", false);
        s.press(key::ENTER);
        s.wait_for_text(ui::REP_LIST, SAMPLE_REP);

        // Find a time: two required people, Find times, book the first slot.
        s.tab_to_screen("Find a time", false);
        s.press(key::ENTER);
        s.wait_for(ui::PEOPLE_SEARCH);
        s.tab_to("#ft-people", false);
        s.type_keys("Kai Tanaka");
        s.wait_for(ui::ADD_FIRST_REQUIRED);
        s.tab_to("button[aria-label='Add Kai Tanaka as required']", false);
        s.press(key::ENTER);
        s.tab_to("#ft-people", true);
        s.type_keys("Tara");
        s.wait_for(ui::ADD_SECOND_REQUIRED);
        s.tab_to("button[aria-label='Add Tara Okafor as required']", false);
        s.press(key::ENTER);
        s.tab_to(
            "form[aria-label='Find a time'] button[type='submit']",
            false,
        );
        s.press(key::ENTER);
        s.wait_for(ui::BOOK_FIRST);
        s.tab_to("button[aria-label='Book suggestion 1']", false);
        s.press(key::ENTER);
        // The dialog takes focus to its title field.
        s.wait_for(ui::BOOK_TITLE);
        s.wait_until("return document.activeElement?.id === 'book-title';");
        s.assert_focus_shown("the booking dialog opened");
        s.type_keys(TITLE);
        s.press(key::ENTER);
        s.wait_for_text(ui::STATUS, &format!("Booked {TITLE}"));
        s.wait_gone(ui::DIALOG);
        // Focus is not lost with the dialog: it is somewhere the keyboard goes on from.
        s.assert_focus_shown("the booking dialog closed");

        // Office days: plan, lock a day kai is at home with L, re-plan, accept.
        s.tab_to_screen("Office days", true);
        s.press(key::ENTER);
        s.wait_for(ui::PLAN);
        s.tab_to(
            "form[aria-label='Plan office days'] button[type='submit']",
            false,
        );
        s.press(key::ENTER);
        s.wait_for(ui::PLAN_SCORE);
        let date = s
            .execute(&format!(
                "const b = document.querySelector(\"{}\"); return b ? b.dataset.date : null;",
                ui::remote_cell(REP)
            ))
            .as_str()
            .unwrap_or_else(|| panic!("the plan has no remote day for {REP}"))
            .to_string();
        let cell = ui::cell(REP, &date);
        s.tab_to("[aria-label='Office days board'] button.cell", false);
        s.arrow_to(key::DOWN, &format!("button.cell[data-rep='{REP}']"), 60);
        s.arrow_to(key::RIGHT, &cell, 40);
        s.type_keys("l");
        s.wait_until(&format!(
            "return document.querySelector(\"{cell}\")?.dataset.lock === 'in';"
        ));
        s.assert_focus_shown("locked a day with L");
        s.wait_for(ui::STALE_NOTE);
        s.tab_to(
            "form[aria-label='Plan office days'] button[type='submit']",
            true,
        );
        s.press(key::ENTER);
        s.wait_gone(ui::STALE_NOTE);
        s.wait_until(&format!(
            "const b = document.querySelector(\"{cell}\");
             return !!b && b.dataset.state === 'in' && b.dataset.lock === 'in';"
        ));
        s.tab_to_button("Accept plan", false);
        s.press(key::ENTER);
        s.wait_for_text(ui::STATUS, "office days");
        s.assert_focus_shown("accepted the plan");

        // Workload: accept the first proposed move with Space, apply with Enter.
        s.tab_to_screen("Workload", true);
        s.press(key::ENTER);
        s.wait_for(ui::FIRST_CHANGE);
        let attr = |name: &str| {
            s.execute(&format!(
                "return document.querySelector(\"ul[aria-label='Proposed changes'] li[data-task]\")?.dataset.{name} ?? null;"
            ))
            .as_str()
            .unwrap_or_else(|| panic!("the first proposed change has no data-{name}"))
            .to_string()
        };
        let (task, to) = (attr("task"), attr("rep"));
        s.tab_to(&ui::accept_change(&task), false);
        s.press(key::SPACE);
        s.wait_until(&format!(
            "return document.querySelector(\"{}\")?.getAttribute('aria-pressed') === 'true';",
            ui::accept_change(&task)
        ));
        // Apply sits in the list's heading, before the changes.
        s.tab_to_button("Apply accepted (1)", true);
        s.press(key::ENTER);
        s.wait_for_text(ui::STATUS, "Moved 1 task");
        // Apply is off once applied; focus waits for the re-plan to offer Re-plan.
        s.wait_until("const el = document.activeElement; return !!el && el !== document.body;");
        s.assert_focus_shown("applied the move");
        // Escape on a screen with no dialog changes nothing stored.
        s.press(key::ESCAPE);
        (date, task, to)
    };
    drop(driver);

    let scenario = stored_team(data.path());
    let booked = scenario.meetings.iter().find(|m| m.title == TITLE);
    assert_eq!(
        booked.map(|m| m.attendees.clone()),
        Some(vec!["kai".to_string(), "tara".to_string()]),
        "{TITLE} booked with its two people"
    );
    let locks = scenario
        .requests
        .rotation
        .map(|r| r.locks)
        .unwrap_or_default();
    assert!(
        locks
            .iter()
            .any(|l| l.rep == REP && l.date.to_string() == date && l.in_office),
        "lock on {date} missing: {locks:?}"
    );
    assert!(
        scenario
            .office_days
            .iter()
            .any(|d| d.rep == REP && d.date.to_string() == date),
        "the accepted plan lacks {REP} on {date}"
    );
    assert_eq!(
        scenario
            .tasks
            .iter()
            .find(|t| t.id == task)
            .and_then(|t| t.assignee.as_deref()),
        Some(to.as_str()),
        "task {task} should be {to}'s after the move"
    );
}

/// Undo (issue 17): a meeting deleted on the Meetings screen comes back
/// with Ctrl+Z (a real key press through WebDriver's actions, focus on the
/// page, not in a field), and is still there after a restart, with the
/// revision it had before.
#[test]
fn a_meeting_deleted_in_the_app_is_back_after_ctrl_z_and_a_restart() {
    if !e2e_enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp XDG_DATA_HOME");
    let before = {
        let mut core = app_core(data.path());
        core.load_sample_team().expect("sample");
        core.list::<meridian::model::Meeting>().expect("meetings")
    };
    let driver = TauriDriver::start_alone(data.path());
    let title = {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::NAV_MEETINGS));
        s.wait_for(ui::MEETING_LIST);
        let delete = s.wait_for_css("button[aria-label^='Delete meeting ']");
        let label = s
            .get(&format!("/element/{delete}/attribute/aria-label"))
            .expect("label");
        let title = label
            .as_str()
            .and_then(|l| l.strip_prefix("Delete meeting "))
            .expect("the button names its meeting")
            .to_string();
        s.click(&delete);
        s.click(&s.wait_for(Sel::XPath(
            "//div[@role='dialog']//button[normalize-space()='Delete meeting']",
        )));
        s.wait_for_text(ui::STATUS, &format!("Deleted meeting {title}"));
        // Focus leaves the dialog's button for the page, as after a click.
        s.execute("document.activeElement?.blur(); return true;");
        let ctrl_z = json!({ "actions": [{
            "type": "key", "id": "keyboard", "actions": [
                { "type": "keyDown", "value": "\u{E009}" },
                { "type": "keyDown", "value": "z" },
                { "type": "keyUp", "value": "z" },
                { "type": "keyUp", "value": "\u{E009}" }
            ]
        }]});
        s.post("/actions", ctrl_z)
            .unwrap_or_else(|e| panic!("press Ctrl+Z: {e}"));
        s.wait_for_text(ui::STATUS, &format!("Undone: delete meeting {title}"));
        s.wait_for_text(ui::MEETING_LIST, &title);
        title
    };
    // Second run: the meeting was restored in the database, not only on screen.
    {
        let s = driver.new_session();
        s.click(&s.wait_for(ui::NAV_MEETINGS));
        s.wait_for_text(ui::MEETING_LIST, &title);
    }
    drop(driver);
    let after = app_core(data.path())
        .list::<meridian::model::Meeting>()
        .expect("meetings");
    assert_eq!(
        after, before,
        "the meetings are exactly as before the delete"
    );
}
