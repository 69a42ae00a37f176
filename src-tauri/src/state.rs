//! The managed state: the one open database, shared by all commands.
//!
//! Invariants: opening never panics, and a failed open is not final. If the
//! database cannot be opened at start-up the app still starts, every command
//! answers with the open error (the UI shows it with "Try again"), and the next
//! command tries to open it again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use meridian::{AppError, Meridian};

use crate::error::{CommandError, ShellError};

/// The database file inside the app data folder; `Meridian::default_db_path()`
/// names the same file, so the CLI and the app share their data.
pub const DB_FILE: &str = "meridian.db";

/// The app's database: where it lives, once opened the core that writes to
/// it, and read-only cores for screen queries and planning runs, so a long
/// plan never holds up a page of rows or a save.
pub struct Db {
    path: Result<PathBuf, CommandError>,
    core: Arc<Mutex<Option<Meridian>>>,
    /// Idle read-only cores; a read takes one (or opens one) and puts it back.
    readers: Arc<Mutex<Vec<Meridian>>>,
    /// The writer has opened (created, migrated) the database once.
    opened: Arc<AtomicBool>,
}

/// Idle read-only cores kept for the next read; more may be open while busy.
const IDLE_READERS: usize = 3;

/// Reads and writes that take longer than this built enough to be worth
/// returning to the OS at once.
const BIG_READ: Duration = Duration::from_millis(50);

impl Db {
    /// Opens (creating and migrating if needed) the database at `path`; on
    /// failure the error is printed and kept for the first command to report.
    pub fn open(path: &Path) -> Db {
        let core = match open_core(path) {
            Ok(core) => Some(core),
            Err(err) => {
                eprintln!("meridian: {}", err.message);
                None
            }
        };
        Db {
            path: Ok(path.to_path_buf()),
            opened: Arc::new(AtomicBool::new(core.is_some())),
            core: Arc::new(Mutex::new(core)),
            readers: Arc::default(),
        }
    }

    /// Opens `<data_dir>/meridian.db`, or keeps the error that prevented it.
    pub fn open_in(data_dir: Result<PathBuf, ShellError>) -> Db {
        match data_dir {
            Ok(dir) => Db::open(&dir.join(DB_FILE)),
            Err(err) => {
                eprintln!("meridian: {err}");
                Db {
                    path: Err(err.into()),
                    core: Arc::new(Mutex::new(None)),
                    readers: Arc::default(),
                    opened: Arc::default(),
                }
            }
        }
    }

    /// Runs `f` on the core in a blocking task, off the main thread, opening
    /// the database first if it is not open yet.
    ///
    /// # Errors
    /// The open error, the core's error mapped to a [`CommandError`], or a
    /// [`ShellError`] if the task panicked now or before.
    pub async fn run<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Meridian) -> Result<T, AppError> + Send + 'static,
    {
        let path = self.path.clone()?;
        let core = Arc::clone(&self.core);
        let opened = Arc::clone(&self.opened);
        tauri::async_runtime::spawn_blocking(move || {
            let mut slot = core.lock().map_err(|_| ShellError::Poisoned)?;
            let core = match &mut *slot {
                Some(core) => core,
                empty => {
                    let core = empty.insert(open_core(&path)?);
                    opened.store(true, Ordering::Release);
                    core
                }
            };
            let started = Instant::now();
            let out = f(core).map_err(CommandError::from);
            if started.elapsed() > BIG_READ {
                meridian::allocator::hand_back_freed_memory();
            }
            out
        })
        .await
        .map_err(ShellError::Task)?
    }

    /// Runs the read `f` on a read-only core of its own, off the main thread
    /// and beside writes and other reads (WAL readers do not wait for the
    /// writer). The database is opened (and migrated) by the writer first.
    ///
    /// # Errors
    /// As [`Db::run`].
    pub async fn read<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Meridian) -> Result<T, AppError> + Send + 'static,
    {
        // The writer creates and migrates the file; a reader never does.
        if !self.opened.load(Ordering::Acquire) {
            self.run(|_| Ok(())).await?;
        }
        let path = self.path.clone()?;
        let readers = Arc::clone(&self.readers);
        tauri::async_runtime::spawn_blocking(move || {
            let idle = readers.lock().map_err(|_| ShellError::Poisoned)?.pop();
            let reader = match idle {
                Some(reader) => reader,
                None => Meridian::open_read_only(&path).map_err(CommandError::from)?,
            };
            let started = Instant::now();
            let out = f(&reader).map_err(CommandError::from);
            // A long read (Workload's figures, a planning run) freed what it
            // built on this pool thread, which may now idle for minutes:
            // hand it back (0.1–15 ms; a page of rows skips this).
            if started.elapsed() > BIG_READ {
                meridian::allocator::hand_back_freed_memory();
            }
            let mut idle = readers.lock().map_err(|_| ShellError::Poisoned)?;
            if idle.len() < IDLE_READERS {
                idle.push(reader);
            }
            out
        })
        .await
        .map_err(ShellError::Task)?
    }
}

impl Db {
    /// Runs `f` on a writing core of its own (its own SQLite connection),
    /// apart from the shared writer, for long network-bound work whose
    /// writes are short transactions of their own (publishing, following):
    /// a minute of publishing must not make a save wait. SQLite orders the
    /// two connections' writes (each waits for the other's transaction).
    ///
    /// # Errors
    /// As [`Db::run`].
    pub async fn run_apart<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Meridian) -> Result<T, AppError> + Send + 'static,
    {
        // The writer creates and migrates the file first.
        if !self.opened.load(Ordering::Acquire) {
            self.run(|_| Ok(())).await?;
        }
        let path = self.path.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            let mut core = open_core(&path)?;
            let started = Instant::now();
            let out = f(&mut core).map_err(CommandError::from);
            if started.elapsed() > BIG_READ {
                meridian::allocator::hand_back_freed_memory();
            }
            out
        })
        .await
        .map_err(ShellError::Task)?
    }
}

/// Who the app is in the change log and in other writers' conflict messages.
pub const SOURCE: &str = "the app";

/// `Meridian::open`, with the file named in the error message; the app's
/// writes are logged as [`SOURCE`].
fn open_core(path: &Path) -> Result<Meridian, CommandError> {
    let mut core = Meridian::open(path).map_err(|err| {
        let mut err = CommandError::from(err);
        err.message = format!("cannot open {}: {}", path.display(), err.message);
        err
    })?;
    core.set_source(SOURCE);
    Ok(core)
}

#[cfg(test)]
mod tests {
    use meridian::model::Rep;
    use meridian::ErrorCode;
    use tauri::async_runtime::block_on;

    use super::*;

    #[test]
    fn a_database_that_cannot_be_opened_fails_every_command_with_its_code() {
        let db = Db::open(Path::new("/dev/null/meridian/meridian.db"));
        let err = block_on(db.run(|core| core.scenario())).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(
            err.message.contains("/dev/null/meridian"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_failed_open_is_retried_by_the_next_command() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "a file where the data folder should be").unwrap();
        let db = Db::open_in(Ok(blocker.clone()));
        let err = block_on(db.run(|core| core.scenario())).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);

        std::fs::remove_file(&blocker).unwrap();
        let scenario = block_on(db.run(|core| core.scenario())).unwrap();
        assert!(scenario.reps.is_empty());
    }

    #[test]
    fn a_missing_data_folder_is_an_io_error_not_a_panic() {
        let db = Db::open_in(Err(ShellError::DataDir(tauri::Error::UnknownPath)));
        let err = block_on(db.run(|core| Ok(core.about()))).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
    }

    #[test]
    fn commands_see_each_others_writes_and_core_errors_keep_their_code() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open_in(Ok(dir.path().join("data")));
        let changes = block_on(db.run(|core| core.load_sample_team())).unwrap();
        assert!(changes.replaced);

        let rep = Rep::new("zoe", "Zoë Ng", "Europe/Lisbon");
        let again = rep.clone();
        let added = block_on(db.run(move |core| core.create(rep))).unwrap();
        assert_eq!(added.reps[0].item.id, "zoe");
        assert_eq!(added.reps[0].revision, added.counter);
        let err = block_on(db.run(move |core| core.create(again))).unwrap_err();
        assert_eq!(err.code, ErrorCode::DuplicateId);

        let about = block_on(db.run(|core| Ok(core.about()))).unwrap();
        let expected = dir.path().join("data").join(DB_FILE);
        assert_eq!(about.db_path.as_deref(), expected.to_str());
    }

    #[test]
    fn an_invalid_edit_reports_the_problems_by_json_path() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DB_FILE));
        let rep = Rep::new("x", "X", "Mars/Olympus_Mons");
        let err = block_on(db.run(move |core| core.create(rep))).unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(
            err.problems.iter().any(|p| p.path.contains("time_zone")),
            "{:?}",
            err.problems
        );
    }

    #[test]
    fn a_suggested_slot_books_as_a_meeting_and_a_bad_request_names_its_field() {
        use meridian::model::MeetingRequest;
        use meridian::plan::meeting::{Booking, ListOrder};

        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DB_FILE));
        block_on(db.run(|core| core.load_sample_team())).unwrap();
        let request = MeetingRequest {
            id: "find-a-time".into(),
            title: "Find a time".into(),
            duration_minutes: 30,
            required: vec!["kai".into(), "tara".into()],
            optional: vec![],
            from: "2026-11-30".parse().unwrap(),
            to: "2026-12-04".parse().unwrap(),
            time_zone: "Europe/London".into(),
            granularity_minutes: 15,
            max_results: 3,
            repeat_weeks: 1,
            fair_rotation: false,
            min_optional: None,
        };
        let mut bad = request.clone();
        bad.required[1] = "nobody".into();
        let err =
            block_on(db.run(move |core| core.suggest_meeting(bad, ListOrder::Exact))).unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(
            err.problems.iter().any(|p| p.path == "required[1]"),
            "{:?}",
            err.problems
        );

        let answer =
            block_on(db.run(move |core| core.suggest_meeting(request, ListOrder::Exact))).unwrap();
        let first = answer
            .suggestions
            .first()
            .expect("a slot for two EMEA reps");
        let booking = Booking {
            id: "review".into(),
            title: "Review".into(),
            time_zone: "Europe/London".into(),
            duration_minutes: 30,
            attendees: vec!["kai".into(), "tara".into()],
            starts: vec![first.start.clone()],
            weeks: 6,
        };
        let booked = block_on(db.run(move |core| core.book_meeting(booking))).unwrap();
        let stored = booked
            .meetings
            .iter()
            .find(|m| m.item.id == "review")
            .unwrap();
        assert_eq!(stored.item.rrule.as_deref(), Some("FREQ=WEEKLY;COUNT=6"));
        let revision = Some(stored.revision);
        let removed = block_on(
            db.run(move |core| core.delete::<meridian::model::Meeting>("review", revision)),
        )
        .unwrap();
        assert!(removed
            .removed
            .iter()
            .any(|r| r.id == "review" && r.removed));
    }

    #[test]
    fn a_lock_is_kept_by_the_next_plan_and_an_accepted_plan_becomes_the_office_days() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DB_FILE));
        block_on(db.run(|core| core.load_sample_team())).unwrap();
        let from: chrono::NaiveDate = "2026-11-30".parse().unwrap();
        block_on(db.run(move |core| core.set_rotation_window(from, 1))).unwrap();

        // Lock kai out of a day the plan gave him, then plan again.
        let plan = block_on(db.run(|core| core.plan_rotation(None, None, None))).unwrap();
        let day = plan
            .assignments
            .iter()
            .find(|a| a.rep == "kai")
            .map(|a| a.date)
            .expect("kai has an office day in the sample's first week");
        block_on(db.run(move |core| core.set_rotation_lock("kai", day, Some(false)))).unwrap();
        let plan = block_on(db.run(|core| core.plan_rotation(None, None, None))).unwrap();
        assert!(
            plan.infeasible_reason.is_none(),
            "{:?}",
            plan.infeasible_reason
        );
        assert!(!plan
            .assignments
            .iter()
            .any(|a| a.rep == "kai" && a.date == day));

        // A lock the rules forbid (carlos is off that day) is refused.
        let err = block_on(db.run(move |core| core.set_rotation_lock("carlos", from, Some(true))))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);

        let accepted = plan.assignments.len();
        block_on(db.run(move |core| core.accept_rotation(&plan))).unwrap();
        let team = block_on(db.run(|core| core.team())).unwrap().scenario;
        assert_eq!(team.office_days.len(), accepted);
        let locks = team.requests.rotation.expect("the window is kept").locks;
        assert!(locks
            .iter()
            .any(|l| l.rep == "kai" && l.date == day && !l.in_office));
    }

    #[test]
    fn another_writers_change_is_polled_once_and_the_apps_own_never() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        let db = Db::open(&path);
        block_on(db.run(|core| core.create(Rep::new("kai", "Kai", "Europe/Lisbon")))).unwrap();
        assert_eq!(block_on(db.run(|core| core.poll_changes())).unwrap(), None);

        let mut cli = meridian::Meridian::open(&path).unwrap();
        cli.set_source("the command line");
        let theirs = cli
            .create(Rep::new("tara", "Tara", "Africa/Lagos"))
            .unwrap();

        let seen = block_on(db.run(|core| core.poll_changes()))
            .unwrap()
            .expect("the command line's write is noticed");
        assert_eq!(seen.counter, theirs.counter);
        let items = seen.items.expect("one write is listed item by item");
        assert!(items.iter().any(|i| i.id == "tara"), "{items:?}");
        assert_eq!(block_on(db.run(|core| core.poll_changes())).unwrap(), None);
    }
}
