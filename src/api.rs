//! [`Meridian`]: the one facade over a team database that the CLI, the desktop
//! shell and the tests call.
//!
//! Invariant: every write loads the stored document, applies the change to
//! the typed model, validates the *whole* result with the import rules, and
//! only then replaces the stored rows in one `IMMEDIATE` transaction. A refused
//! edit or import leaves the database exactly as it was.

mod csv;
mod ics;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Problem};
use crate::io::scenario::{self, ScenarioError};
use crate::model::{
    Lock, Meeting, MeetingRequest, Office, OfficeDay, Policy, Rep, RotationRequest, Scenario, Task,
    Team,
};
use crate::plan::balance::{self, AcceptedMove, BalanceAnswer};
use crate::plan::meeting::{self, MeetingAnswer};
use crate::plan::rotation::{self, RotationAnswer};
use crate::plan::PlanError;
use crate::rules::limits::MAX_FILE_BYTES;
use crate::{store, tz, APP_IDENTIFIER, SAMPLE_TEAM};
use chrono::NaiveDate;

/// What the app says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct About {
    pub version: String,
    /// The IANA zone data release in use, e.g. `2026f`.
    pub tzdata: String,
    /// The database file; `None` for an in-memory database.
    pub db_path: Option<String>,
}

/// Counts of what an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    pub teams: u32,
    pub offices: u32,
    pub reps: u32,
    pub meetings: u32,
    pub tasks: u32,
    pub office_days: u32,
}

impl ImportSummary {
    fn of(sc: &Scenario) -> ImportSummary {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        ImportSummary {
            teams: n(sc.teams.len()),
            offices: n(sc.offices.len()),
            reps: n(sc.reps.len()),
            meetings: n(sc.meetings.len()),
            tasks: n(sc.tasks.len()),
            office_days: n(sc.office_days.len()),
        }
    }
}

/// An open team database.
pub struct Meridian {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Meridian {
    /// Opens (or creates) the database at `path`, creating its folder and
    /// applying pending migrations.
    ///
    /// # Errors
    /// [`AppError::Io`] when the folder cannot be made, [`AppError::Storage`]
    /// when SQLite cannot open or migrate the file.
    pub fn open(path: &Path) -> Result<Meridian, AppError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| AppError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        Ok(Meridian {
            conn: store::open(path)?,
            path: Some(path.to_path_buf()),
        })
    }

    /// A fresh database in memory (nothing is written anywhere).
    ///
    /// # Errors
    /// [`AppError::Storage`] if SQLite cannot start.
    pub fn open_in_memory() -> Result<Meridian, AppError> {
        Ok(Meridian {
            conn: store::open_in_memory()?,
            path: None,
        })
    }

    /// The desktop app's database: `$XDG_DATA_HOME/<APP_IDENTIFIER>/meridian.db`
    /// on Linux (the folder Tauri's `app_data_dir` names), the platform's
    /// equivalent elsewhere.
    ///
    /// # Errors
    /// [`AppError::NoDataDir`] when the user has no home or data folder.
    pub fn default_db_path() -> Result<PathBuf, AppError> {
        let dirs = directories::BaseDirs::new().ok_or(AppError::NoDataDir)?;
        Ok(dirs.data_dir().join(APP_IDENTIFIER).join("meridian.db"))
    }

    pub fn about(&self) -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            tzdata: tz::tzdata_version().to_string(),
            db_path: self.path.as_ref().map(|p| p.display().to_string()),
        }
    }

    /// The whole stored team document.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn scenario(&self) -> Result<Scenario, AppError> {
        Ok(store::load_scenario(&self.conn)?)
    }

    /// Replaces everything stored with the document in `text`; `source` names
    /// it in error messages. All or nothing.
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem (nothing is changed), or
    /// [`AppError::Storage`].
    pub fn import_document(&mut self, text: &str, source: &str) -> Result<ImportSummary, AppError> {
        let sc = scenario::parse_document(text, source)?;
        self.replace_all(&sc)?;
        Ok(ImportSummary::of(&sc))
    }

    /// What importing the document in `text` would store (counts per list),
    /// without storing anything.
    ///
    /// # Errors
    /// [`AppError::Invalid`] listing every problem with its JSON path.
    pub fn preview_document(&self, text: &str, source: &str) -> Result<ImportSummary, AppError> {
        Ok(ImportSummary::of(&scenario::parse_document(text, source)?))
    }

    /// Reads a document file and imports it (see [`Meridian::import_document`]).
    ///
    /// # Errors
    /// [`AppError::Io`] when the file cannot be read, else as `import_document`.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportSummary, AppError> {
        let text = read_text(path)?;
        self.import_document(&text, &path.display().to_string())
    }

    /// The stored team as a `meridian.scenario/1` document.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn export_document(&self) -> Result<String, AppError> {
        Ok(scenario::to_document(&self.scenario()?))
    }

    /// Replaces everything stored with the bundled sample team.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn load_sample_team(&mut self) -> Result<Scenario, AppError> {
        self.import_document(SAMPLE_TEAM, "sample team")?;
        self.scenario()
    }

    pub fn create_rep(&mut self, rep: Rep) -> Result<Scenario, AppError> {
        self.edit("rep", &rep.id.clone(), |sc| {
            if sc.reps.iter().any(|r| r.id == rep.id) {
                return Err(duplicate("rep", &rep.id));
            }
            sc.reps.push(rep);
            Ok(sc.reps.len() - 1)
        })
    }

    pub fn update_rep(&mut self, rep: Rep) -> Result<Scenario, AppError> {
        self.edit("rep", &rep.id.clone(), |sc| {
            let i =
                position(&sc.reps, |r| r.id == rep.id).ok_or_else(|| not_found("rep", &rep.id))?;
            sc.reps[i] = rep;
            sc.prune_dependents();
            Ok(i)
        })
    }

    pub fn delete_rep(&mut self, id: &str) -> Result<Scenario, AppError> {
        self.remove(|sc| sc.remove_rep(id), "rep", id)
    }

    pub fn create_team(&mut self, team: Team) -> Result<Scenario, AppError> {
        self.edit("team", &team.id.clone(), |sc| {
            if sc.teams.iter().any(|t| t.id == team.id) {
                return Err(duplicate("team", &team.id));
            }
            sc.teams.push(team);
            Ok(sc.teams.len() - 1)
        })
    }

    pub fn update_team(&mut self, team: Team) -> Result<Scenario, AppError> {
        self.edit("team", &team.id.clone(), |sc| {
            let i = position(&sc.teams, |t| t.id == team.id)
                .ok_or_else(|| not_found("team", &team.id))?;
            sc.teams[i] = team;
            Ok(i)
        })
    }

    pub fn delete_team(&mut self, id: &str) -> Result<Scenario, AppError> {
        self.remove(|sc| sc.remove_team(id), "team", id)
    }

    pub fn create_office(&mut self, mut office: Office) -> Result<Scenario, AppError> {
        sort_closed_dates(&mut office);
        self.edit("office", &office.id.clone(), |sc| {
            if sc.offices.iter().any(|o| o.id == office.id) {
                return Err(duplicate("office", &office.id));
            }
            sc.offices.push(office);
            Ok(sc.offices.len() - 1)
        })
    }

    pub fn update_office(&mut self, mut office: Office) -> Result<Scenario, AppError> {
        sort_closed_dates(&mut office);
        self.edit("office", &office.id.clone(), |sc| {
            let i = position(&sc.offices, |o| o.id == office.id)
                .ok_or_else(|| not_found("office", &office.id))?;
            sc.offices[i] = office;
            sc.prune_dependents();
            Ok(i)
        })
    }

    pub fn delete_office(&mut self, id: &str) -> Result<Scenario, AppError> {
        self.remove(|sc| sc.remove_office(id), "office", id)
    }

    /// Sets the team-wide office-days policy.
    ///
    /// # Errors
    /// [`AppError::Invalid`] with paths relative to the policy (`office_days_per_week`).
    pub fn update_policy(&mut self, policy: Policy) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        sc.policy = policy;
        self.commit_edit(sc, Some("policy."))
    }

    /// Applies `change` (which returns the index of the edited item in its
    /// list) and stores the result if the whole document stays valid.
    fn edit(
        &mut self,
        kind: &'static str,
        _id: &str,
        change: impl FnOnce(&mut Scenario) -> Result<usize, AppError>,
    ) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        let i = change(&mut sc)?;
        let list = match kind {
            "rep" => "reps",
            "team" => "teams",
            "meeting" => "meetings",
            "task" => "tasks",
            _ => "offices",
        };
        self.commit_edit(sc, Some(&format!("{list}[{i}].")))
    }

    fn remove(
        &mut self,
        change: impl FnOnce(&mut Scenario) -> bool,
        kind: &'static str,
        id: &str,
    ) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        if !change(&mut sc) {
            return Err(not_found(kind, id));
        }
        self.commit_edit(sc, None)
    }

    /// Answers the meeting requests stored with the team (all of them in
    /// document order, or the one with `id`).
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::UnknownRequest`] for an unknown id.
    pub fn suggest_stored_meetings(
        &self,
        id: Option<&str>,
    ) -> Result<Vec<MeetingAnswer>, AppError> {
        let sc = self.scenario()?;
        let reqs: Vec<&MeetingRequest> = match id {
            Some(id) => vec![sc
                .requests
                .meetings
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| PlanError::UnknownRequest(id.to_string()))?],
            None => sc.requests.meetings.iter().collect(),
        };
        reqs.into_iter()
            .map(|r| meeting::suggest(&sc, r).map_err(AppError::from))
            .collect()
    }

    /// A rep's agenda (contract §5) over the local dates `[from, to]` in
    /// their zone.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`], [`PlanError::Dates`] for backward dates.
    pub fn agenda(
        &self,
        rep: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<crate::plan::agenda::Agenda, AppError> {
        Ok(crate::plan::agenda::agenda(
            &self.scenario()?,
            rep,
            from,
            to,
        )?)
    }

    /// The calendar of `reps` over the dates `[from, to]` of the display
    /// zone `zone`, as wall-clock events for the week screens
    /// ([`crate::plan::week`]).
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`], [`PlanError::Zone`] for an unknown zone,
    /// [`PlanError::Dates`] for a backwards or too long span.
    pub fn calendar_view(
        &self,
        reps: &[&str],
        from: NaiveDate,
        to: NaiveDate,
        zone: &str,
        opts: crate::plan::week::ViewOptions,
    ) -> Result<crate::plan::week::CalendarView, AppError> {
        Ok(crate::plan::week::calendar_view(
            &self.scenario()?,
            reps,
            from,
            to,
            zone,
            opts,
        )?)
    }

    /// Plans the stored rotation request.
    ///
    /// # Errors
    /// [`AppError::Plan`] with [`PlanError::MissingRequest`] when none is stored.
    pub fn rotate_stored(&self) -> Result<RotationAnswer, AppError> {
        Ok(rotation::rotate_stored(&self.scenario()?)?)
    }

    /// Plans office days over the stored team with the stored locks: the
    /// stored rotation window unless `from`/`weeks` say otherwise (locks
    /// outside the window are left out), for one office or all.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses,
    /// [`PlanError::MissingRequest`] when no window is given or stored,
    /// [`PlanError::UnknownOffice`].
    pub fn plan_rotation(
        &self,
        from: Option<NaiveDate>,
        weeks: Option<u32>,
        office: Option<&str>,
    ) -> Result<RotationAnswer, AppError> {
        let mut sc = self.scenario()?;
        let stored = sc.requests.rotation.clone();
        let from = match (from, &stored) {
            (Some(f), _) => f,
            (None, Some(r)) => r.from,
            (None, None) => return Err(PlanError::MissingRequest("rotation").into()),
        };
        let weeks = weeks.or(stored.as_ref().map(|r| r.weeks)).unwrap_or(4);
        let (first, last) = scenario::rotation_days(from, weeks.max(1));
        let locks = stored
            .map(|r| r.locks)
            .unwrap_or_default()
            .into_iter()
            .filter(|l| l.date >= first && l.date <= last)
            .collect();
        sc.requests.rotation = Some(RotationRequest { from, weeks, locks });
        check_request(&sc, "requests.rotation.")?;
        let req = sc
            .requests
            .rotation
            .as_ref()
            .ok_or(PlanError::MissingRequest("rotation"))?;
        Ok(rotation::rotate_office(&sc, req, office)?)
    }

    /// Sets the weeks the rotation covers; locks outside them are dropped
    /// (the lead moved on from those weeks).
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses.
    pub fn set_rotation_window(
        &mut self,
        from: NaiveDate,
        weeks: u32,
    ) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        let (first, last) = scenario::rotation_days(from, weeks.max(1));
        let locks = sc
            .requests
            .rotation
            .take()
            .map(|r| r.locks)
            .unwrap_or_default()
            .into_iter()
            .filter(|l| l.date >= first && l.date <= last)
            .collect();
        sc.requests.rotation = Some(RotationRequest { from, weeks, locks });
        self.commit_edit(sc, Some("requests.rotation."))
    }

    /// Locks a rep in (`Some(true)`) or out (`Some(false)`) of the office on
    /// a date of the stored rotation window, or releases the lock (`None`).
    ///
    /// # Errors
    /// [`PlanError::MissingRequest`] when no window is stored,
    /// [`AppError::Invalid`] when the lock breaks a rule (e.g. the office is
    /// closed that day) or lies outside the window.
    pub fn set_rotation_lock(
        &mut self,
        rep: &str,
        date: NaiveDate,
        in_office: Option<bool>,
    ) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        if !sc.reps.iter().any(|r| r.id == rep) {
            return Err(not_found("rep", rep));
        }
        let req = sc
            .requests
            .rotation
            .as_mut()
            .ok_or(PlanError::MissingRequest("rotation"))?;
        req.locks.retain(|l| !(l.rep == rep && l.date == date));
        if let Some(in_office) = in_office {
            req.locks.push(Lock {
                rep: rep.to_string(),
                date,
                in_office,
            });
        }
        req.locks
            .sort_by(|a, b| (a.date, &a.rep).cmp(&(b.date, &b.rep)));
        self.commit_edit(sc, Some("requests.rotation."))
    }

    /// Saves a plan as the accepted office days: the stored office days of
    /// the plan's weeks (of its office's reps, when the plan is for one
    /// office) are replaced by the plan's, all or nothing.
    ///
    /// # Errors
    /// [`AppError::Invalid`] when an assignment breaks a rule.
    pub fn accept_rotation(&mut self, plan: &RotationAnswer) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        let (first, last) = scenario::rotation_days(plan.from, plan.weeks.max(1));
        let covered = |rep: &str| match &plan.office {
            None => true,
            Some(o) => sc
                .reps
                .iter()
                .any(|r| r.id == rep && r.office.as_deref() == Some(o.as_str())),
        };
        let keep: Vec<OfficeDay> = sc
            .office_days
            .iter()
            .filter(|d| d.date < first || d.date > last || !covered(&d.rep))
            .cloned()
            .collect();
        sc.office_days = keep;
        sc.office_days
            .extend(plan.assignments.iter().map(|a| OfficeDay {
                rep: a.rep.clone(),
                date: a.date,
                office: a.office.clone(),
            }));
        sc.office_days
            .sort_by(|a, b| (a.date, &a.rep).cmp(&(b.date, &b.rep)));
        self.commit_edit(sc, None)
    }

    /// Suggests slots for an ad-hoc request over the stored team; the request
    /// is validated like one in a document (paths relative to it).
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a bad request.
    pub fn suggest_meeting(&self, request: MeetingRequest) -> Result<MeetingAnswer, AppError> {
        let mut sc = self.scenario()?;
        sc.requests.meetings = vec![request];
        if let Err(problems) = scenario::validate(&sc) {
            return Err(AppError::Invalid(ScenarioError {
                file: "request".to_string(),
                problems: problems
                    .into_iter()
                    .map(|p| relative(p, Some("requests.meetings[0].")))
                    .collect(),
            }));
        }
        Ok(meeting::suggest(&sc, &sc.requests.meetings[0])?)
    }

    /// Adds a meeting (e.g. a booked suggestion); its id must be new.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`], or [`AppError::Invalid`] with paths relative
    /// to the meeting.
    pub fn create_meeting(&mut self, m: Meeting) -> Result<Scenario, AppError> {
        self.edit("meeting", &m.id.clone(), |sc| {
            if sc.meetings.iter().any(|x| x.id == m.id) {
                return Err(duplicate("meeting", &m.id));
            }
            sc.meetings.push(m);
            Ok(sc.meetings.len() - 1)
        })
    }

    /// Books a suggestion (or a fair plan) as meetings in one step: all of
    /// them are stored or none.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`] when an id is taken, [`AppError::Invalid`]
    /// for a bad start, zone or attendee.
    pub fn book_meeting(&mut self, booking: meeting::Booking) -> Result<Scenario, AppError> {
        let meetings = meeting::booked_meetings(&booking).map_err(|message| {
            AppError::Invalid(ScenarioError {
                file: "booking".to_string(),
                problems: vec![Problem {
                    path: "starts".to_string(),
                    message,
                }],
            })
        })?;
        let mut sc = self.scenario()?;
        let first = sc.meetings.len();
        for m in meetings {
            if sc.meetings.iter().any(|x| x.id == m.id) {
                return Err(duplicate("meeting", &m.id));
            }
            sc.meetings.push(m);
        }
        self.commit_edit(sc, Some(&format!("meetings[{first}].")))
    }

    pub fn update_meeting(&mut self, m: Meeting) -> Result<Scenario, AppError> {
        self.edit("meeting", &m.id.clone(), |sc| {
            let i = position(&sc.meetings, |x| x.id == m.id)
                .ok_or_else(|| not_found("meeting", &m.id))?;
            sc.meetings[i] = m;
            Ok(i)
        })
    }

    pub fn delete_meeting(&mut self, id: &str) -> Result<Scenario, AppError> {
        self.remove(
            |sc| {
                let before = sc.meetings.len();
                sc.meetings.retain(|m| m.id != id);
                sc.meetings.len() != before
            },
            "meeting",
            id,
        )
    }

    /// Adds a task; its id must be new.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`], or [`AppError::Invalid`] with paths relative
    /// to the task (`hours`, `assignee`, `skills_required[0]`...).
    pub fn create_task(&mut self, task: Task) -> Result<Scenario, AppError> {
        self.edit("task", &task.id.clone(), |sc| {
            if sc.tasks.iter().any(|t| t.id == task.id) {
                return Err(duplicate("task", &task.id));
            }
            sc.tasks.push(task);
            Ok(sc.tasks.len() - 1)
        })
    }

    /// Replaces the task with the same id.
    ///
    /// # Errors
    /// [`AppError::NotFound`], or [`AppError::Invalid`] with paths relative to
    /// the task.
    pub fn update_task(&mut self, task: Task) -> Result<Scenario, AppError> {
        self.edit("task", &task.id.clone(), |sc| {
            let i = position(&sc.tasks, |t| t.id == task.id)
                .ok_or_else(|| not_found("task", &task.id))?;
            sc.tasks[i] = task;
            Ok(i)
        })
    }

    /// Removes the task with this id.
    ///
    /// # Errors
    /// [`AppError::NotFound`].
    pub fn delete_task(&mut self, id: &str) -> Result<Scenario, AppError> {
        self.remove(
            |sc| {
                let before = sc.tasks.len();
                sc.tasks.retain(|t| t.id != id);
                sc.tasks.len() != before
            },
            "task",
            id,
        )
    }

    /// Balances the stored team's tasks (contract §4) over `from`..`to`.
    /// A missing `from` is the stored balance request's; a missing `to` is
    /// the stored request's when the window starts where it does, else two
    /// weeks from `from` (`from` + 13 days).
    ///
    /// # Errors
    /// [`PlanError::MissingRequest`] when no `from` is given or stored,
    /// [`AppError::Invalid`] for a window the contract refuses (paths
    /// relative to the request: `to`).
    pub fn balance_stored(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<BalanceAnswer, AppError> {
        let mut sc = self.scenario()?;
        let stored = sc.requests.balance;
        let from = from
            .or(stored.map(|r| r.from))
            .ok_or(PlanError::MissingRequest("balance"))?;
        let to = to.unwrap_or_else(|| match stored {
            Some(r) if r.from == from => r.to,
            _ => from + chrono::Duration::days(13),
        });
        let req = crate::model::BalanceRequest { from, to };
        // The stored document is valid; only a new window needs checking.
        if stored != Some(req) {
            sc.requests.balance = Some(req);
            check_request(&sc, "requests.balance.")?;
        }
        Ok(balance::balance(&sc, &req)?)
    }

    /// Stores the window the balancer works on.
    ///
    /// # Errors
    /// [`AppError::Invalid`] for a window the contract refuses.
    pub fn set_balance_window(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        sc.requests.balance = Some(crate::model::BalanceRequest { from, to });
        self.commit_edit(sc, Some("requests.balance."))
    }

    /// Gives tasks to the reps of accepted balance moves, all in one
    /// transaction (all of them or none).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown task or rep, [`AppError::Invalid`]
    /// when a move would take a pinned task from its assignee (unpin it
    /// first) or the result breaks a rule.
    pub fn apply_balance(&mut self, moves: &[AcceptedMove]) -> Result<Scenario, AppError> {
        let mut sc = self.scenario()?;
        for (k, m) in moves.iter().enumerate() {
            if !sc.reps.iter().any(|r| r.id == m.rep) {
                return Err(not_found("rep", &m.rep));
            }
            let i = position(&sc.tasks, |t| t.id == m.task)
                .ok_or_else(|| not_found("task", &m.task))?;
            let task = &mut sc.tasks[i];
            if task.pinned && task.assignee.as_deref() != Some(m.rep.as_str()) {
                return Err(AppError::Invalid(ScenarioError {
                    file: "balance moves".to_string(),
                    problems: vec![Problem {
                        path: format!("[{k}].rep"),
                        message: format!(
                            "task {} is pinned to {}; unpin it before moving it",
                            task.id,
                            task.assignee.as_deref().unwrap_or("nobody")
                        ),
                    }],
                }));
            }
            task.assignee = Some(m.rep.clone());
        }
        self.commit_edit(sc, None)
    }

    /// Validates and stores; problems under `prefix` are reported relative to
    /// the edited item so a form can show them beside its fields.
    fn commit_edit(&mut self, sc: Scenario, prefix: Option<&str>) -> Result<Scenario, AppError> {
        if let Err(problems) = scenario::validate(&sc) {
            let problems = problems.into_iter().map(|p| relative(p, prefix)).collect();
            return Err(AppError::Invalid(ScenarioError {
                file: "edit".to_string(),
                problems,
            }));
        }
        self.replace_all(&sc)?;
        Ok(sc)
    }

    fn replace_all(&mut self, sc: &Scenario) -> Result<(), AppError> {
        let tx = store::write(&mut self.conn)?;
        store::replace_scenario(&tx, sc)?;
        tx.commit().map_err(store::StoreError::from)?;
        Ok(())
    }
}

/// Validates a document whose only new part is a request, reporting
/// problems relative to it.
fn check_request(sc: &Scenario, prefix: &str) -> Result<(), AppError> {
    scenario::validate(sc).map_err(|problems| {
        AppError::Invalid(ScenarioError {
            file: "request".to_string(),
            problems: problems
                .into_iter()
                .map(|p| relative(p, Some(prefix)))
                .collect(),
        })
    })
}

fn relative(p: Problem, prefix: Option<&str>) -> Problem {
    let Some(prefix) = prefix else { return p };
    let whole = prefix.trim_end_matches('.');
    if let Some(rest) = p.path.strip_prefix(prefix) {
        Problem {
            path: rest.to_string(),
            message: p.message,
        }
    } else if p.path == whole {
        Problem {
            path: String::new(),
            message: p.message,
        }
    } else {
        p
    }
}

fn position<T>(items: &[T], pred: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(pred)
}

fn not_found(kind: &'static str, id: &str) -> AppError {
    AppError::NotFound {
        kind,
        id: id.to_string(),
    }
}

/// Keeps the invariant of `crate::rules`: an office's closed dates are sorted
/// without repeats (as the validator builds them from a document).
fn sort_closed_dates(office: &mut Office) {
    office.closed_dates.sort();
    office.closed_dates.dedup();
}

fn duplicate(kind: &'static str, id: &str) -> AppError {
    AppError::DuplicateId {
        kind,
        id: id.to_string(),
    }
}

/// Reads a whole file of at most [`MAX_FILE_BYTES`] bytes.
///
/// # Errors
/// [`AppError::Io`] naming the path, of kind `FileTooLarge` for a larger file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, AppError> {
    use std::io::Read;
    let io = |source| AppError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |n: u64| {
        io(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("{n} bytes is more than the limit of {MAX_FILE_BYTES}"),
        ))
    };
    let limit = MAX_FILE_BYTES as u64;
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > limit {
        return Err(too_large(len));
    }
    // The length can change while reading: read one byte past the limit at most.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a UTF-8 text file of at most [`MAX_FILE_BYTES`] bytes.
///
/// # Errors
/// [`AppError::Io`] naming the path.
pub fn read_text(path: &Path) -> Result<String, AppError> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes).map_err(|e| AppError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8: {e}")),
    })
}
