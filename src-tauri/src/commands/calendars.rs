//! Commands of issue 13: publishing each team's plan to a CalDAV calendar
//! (the Publishing page) and following a team calendar (My week).
//!
//! The core does the work ([`meridian::api::calendars`]); this file adds
//! what only the running app has: passwords ([`crate::secrets`]), the
//! progress event of a publish ([`PublishActivity`]), its Cancel, and the
//! background retry with backoff after an outage ([`Publishing`], ticked by
//! the watcher through [`retry_due`]).
//!
//! Invariants: a password arrives from the page, goes to the keyring or to
//! memory and to the core's call, and never comes back (no answer here has
//! a password field); a publish or a follow runs on a writing core of its
//! own ([`Db::run_apart`]): it records what the server confirmed as it
//! goes, in short transactions, and a minute of network must not hold the
//! shared writer that saves wait on; one publish per team at a time.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, NaiveDate, Utc};
use meridian::api::calendars::{
    FollowReport, FollowedCalendar, PublishPreview, PublishProgress, PublishReport, PublishTarget,
    Resolution,
};
use meridian::api::screens::{FollowedReps, FollowedWeek};
use meridian::io::ics::publish::Include;
use meridian::model::Weekday;
use meridian::{ErrorCode, Problem};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

use crate::error::{CommandError, ShellError};
use crate::plans::{blocking, Runs};
use crate::secrets::{Password, PasswordKept, Secrets};
use crate::state::Db;

/// What a publish is doing, for the page's progress bar: sent as requests
/// are answered (at most every [`PROGRESS_EVERY`]) and once more when the
/// run ends (`finished`), also for background retries.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct PublishActivity {
    pub team: String,
    pub progress: PublishProgress,
    pub finished: bool,
}

/// The least time between two progress events of one publish.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The wait before background retry `failures` (1 = after the first failed
/// attempt): 30 s, then doubling, at most 15 min.
pub fn backoff(failures: u32) -> Duration {
    const FIRST: u64 = 30;
    const MAX: u64 = 15 * 60;
    let doublings = failures.saturating_sub(1).min(16);
    Duration::from_secs((FIRST << doublings).min(MAX))
}

/// A background retry waiting for its time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Retry {
    due: DateTime<Utc>,
    user: String,
    url: String,
}

/// Publishing runs of this session: their cancel flags, the teams being
/// published now, and the retries waiting after an outage.
#[derive(Default)]
pub struct Publishing {
    runs: Runs,
    tokens: AtomicU64,
    busy: Mutex<HashSet<String>>,
    retries: Mutex<HashMap<String, Retry>>,
}

/// A team being published; freed when dropped, however the run ends.
struct Busy<'a> {
    publishing: &'a Publishing,
    team: String,
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.publishing
            .busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&self.team);
    }
}

impl Publishing {
    fn claim(&self, team: &str) -> Result<Busy<'_>, CommandError> {
        let mut busy = self.busy.lock().map_err(|_| ShellError::Poisoned)?;
        if !busy.insert(team.to_string()) {
            return Err(CommandError {
                code: ErrorCode::Conflict,
                message: format!("team {team:?} is being published already: wait for it to finish"),
                problems: Vec::new(),
            });
        }
        Ok(Busy {
            publishing: self,
            team: team.to_string(),
        })
    }

    fn is_busy(&self, team: &str) -> bool {
        self.busy.lock().map(|b| b.contains(team)).unwrap_or(false)
    }

    fn retry_of(&self, team: &str) -> Option<Retry> {
        self.retries.lock().ok()?.get(team).cloned()
    }

    fn schedule(&self, team: &str, retry: Option<Retry>) {
        let mut retries = self
            .retries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match retry {
            Some(r) => retries.insert(team.to_string(), r),
            None => retries.remove(team),
        };
    }

    /// The retries due at `now` whose team is not being published; they
    /// leave the schedule (the run schedules the next one if needed).
    fn take_due(&self, now: DateTime<Utc>) -> Vec<(String, Retry)> {
        let mut retries = self
            .retries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let due: Vec<String> = retries
            .iter()
            .filter(|(team, r)| r.due <= now && !self.is_busy(team))
            .map(|(team, _)| team.clone())
            .collect();
        due.into_iter()
            .filter_map(|team| retries.remove(&team).map(|r| (team, r)))
            .collect()
    }
}

/// When the next background attempt after a failed one is due: the
/// failed run's time (the target's `last_run`) plus [`backoff`].
fn next_retry(target: &PublishTarget, now: DateTime<Utc>) -> DateTime<Utc> {
    let last = target
        .last_run
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map_or(now, |t| t.with_timezone(&Utc));
    let wait = chrono::Duration::from_std(backoff(target.failures.max(1)))
        .unwrap_or(chrono::Duration::minutes(15));
    last + wait
}

/// A team's publishing row: the target, what is waiting (from the database
/// alone, so it shows offline), where its password is, and the next retry.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct PublishRow {
    pub target: PublishTarget,
    pub preview: Option<PublishPreview>,
    /// Why the preview could not be made (then `preview` is null).
    pub preview_error: Option<String>,
    pub password: PasswordKept,
    /// The local time (`HH:MM`) of the next background attempt.
    pub retry_at: Option<String>,
    /// A publish of this team is running now.
    pub publishing: bool,
}

/// The Publishing page.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct PublishingPage {
    pub targets: Vec<PublishRow>,
    /// Passwords can be kept in the OS keyring on this computer.
    pub keyring: bool,
}

/// A followed calendar and where its password is.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct FollowedRow {
    pub calendar: FollowedCalendar,
    pub password: PasswordKept,
}

/// My week's followed calendars.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct FollowedPage {
    pub calendars: Vec<FollowedRow>,
    pub keyring: bool,
}

/// What following a calendar did, and where its password is kept.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct FollowAnswer {
    pub report: FollowReport,
    pub password: PasswordKept,
}

/// The error for a calendar whose password this computer does not have:
/// `invalid` with the problem on `password`, so the form asks for it.
fn password_needed(user: &str, url: &str) -> CommandError {
    CommandError {
        code: ErrorCode::Invalid,
        message: meridian::tr!("shell-password-needed", user = user, url = url),
        problems: vec![Problem {
            path: "password".into(),
            message: meridian::tr!("shell-password-not-kept"),
        }],
    }
}

/// Refuses an address with a user name or password in it before the core
/// sees it: the core's error would repeat the address, password included.
fn no_credentials_in(url: &str) -> Result<(), CommandError> {
    let rest = url.trim().split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(CommandError {
            code: ErrorCode::Invalid,
            message: meridian::tr!("shell-credentials-in-address"),
            problems: vec![Problem {
                path: "url".into(),
                message: meridian::tr!("shell-credentials-in-address-problem"),
            }],
        });
    }
    Ok(())
}

fn empty_password(p: Option<String>) -> Option<Password> {
    p.filter(|p| !p.is_empty()).map(Password::new)
}

/// Every team's publishing target with what is waiting, its password's
/// place and its next retry.
#[tauri::command]
#[specta::specta]
pub async fn publish_targets(
    db: State<'_, Db>,
    publishing: State<'_, Publishing>,
    secrets: State<'_, Secrets>,
) -> Result<PublishingPage, CommandError> {
    let now = Utc::now();
    let rows = db
        .read(move |core| {
            let targets = core.publish_targets()?;
            Ok(targets
                .into_iter()
                .map(|t| {
                    let preview = core.publish_preview(&t.team, now);
                    (t, preview.map_err(|e| e.to_string()))
                })
                .collect::<Vec<_>>())
        })
        .await?;
    let secrets = secrets.inner().clone();
    let kept = blocking(move || {
        let keyring = secrets.keyring_available();
        let kept: Vec<PasswordKept> = rows
            .iter()
            .map(|(t, _)| secrets.kept(&t.user, &t.url))
            .collect();
        Ok((rows, kept, keyring))
    })
    .await?;
    let (rows, kept, keyring) = kept;
    let targets = rows
        .into_iter()
        .zip(kept)
        .map(|((target, preview), password)| {
            let retry_at = publishing
                .retry_of(&target.team)
                .map(|r| r.due.with_timezone(&Local).format("%H:%M").to_string());
            let (preview, preview_error) = match preview {
                Ok(p) => (Some(p), None),
                Err(e) => (None, Some(e)),
            };
            PublishRow {
                publishing: publishing.is_busy(&target.team),
                target,
                preview,
                preview_error,
                password,
                retry_at,
            }
        })
        .collect();
    Ok(PublishingPage { targets, keyring })
}

/// Sets where team `team` is published and what is included; with
/// `password`, keeps it (in the keyring when `remember` and one answers).
/// Answers where the password is now.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn set_publish_target(
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
    team: String,
    url: String,
    user: String,
    include: Include,
    password: Option<String>,
    remember: bool,
) -> Result<PasswordKept, CommandError> {
    no_credentials_in(&url)?;
    let password = empty_password(password);
    let stored = db
        .run(move |core| {
            core.set_publish_target(&team, &url, &user, include)?;
            let target = core.publish_targets()?.into_iter().find(|t| t.team == team);
            Ok(target)
        })
        .await?;
    let Some(target) = stored else {
        return Ok(PasswordKept::Missing);
    };
    let secrets = secrets.inner().clone();
    blocking(move || {
        Ok(match password {
            Some(p) => secrets.remember(&target.user, &target.url, p, remember),
            None => secrets.kept(&target.user, &target.url),
        })
    })
    .await
}

/// Stops publishing team `team` (the server's calendar stays) and forgets
/// its password unless a followed calendar or another team uses the same
/// account and address.
#[tauri::command]
#[specta::specta]
pub async fn remove_publish_target(
    db: State<'_, Db>,
    publishing: State<'_, Publishing>,
    secrets: State<'_, Secrets>,
    team: String,
) -> Result<(), CommandError> {
    let key = team.clone();
    let gone = db
        .run(move |core| {
            let gone = core.publish_targets()?.into_iter().find(|t| t.team == key);
            core.remove_publish_target(&key)?;
            Ok(gone.map(|t| (t.user, t.url)))
        })
        .await?;
    publishing.schedule(&team, None);
    forget_unless_used(&db, &secrets, gone).await
}

/// Forgets the password of `account` (user, address) unless a publish
/// target or a followed calendar still uses it.
async fn forget_unless_used(
    db: &State<'_, Db>,
    secrets: &State<'_, Secrets>,
    account: Option<(String, String)>,
) -> Result<(), CommandError> {
    let Some((user, url)) = account else {
        return Ok(());
    };
    let (u, l) = (user.clone(), url.clone());
    let still_used = db
        .read(move |core| {
            Ok(core
                .publish_targets()?
                .iter()
                .any(|t| t.user == u && t.url == l)
                || core
                    .followed_calendars()?
                    .iter()
                    .any(|f| f.user == u && f.url == l))
        })
        .await?;
    if !still_used {
        let secrets = secrets.inner().clone();
        blocking(move || {
            secrets.forget(&user, &url);
            Ok(())
        })
        .await?;
    }
    Ok(())
}

/// Publishes team `team` now, with `password` when given, else the one
/// kept on this computer. A typed password is kept (as
/// [`set_publish_target`] keeps it) once the server did not refuse it:
/// after a success or an outage, never after a refusal (a wrong password
/// is not remembered). Progress goes to the page as [`PublishActivity`]
/// events; [`cancel_publish`] stops it after the requests in flight.
/// Server failures are in the report (`error`, `retry`); after an outage
/// (`retry`) the app tries again by itself with backoff while it runs.
#[tauri::command]
#[specta::specta]
pub async fn publish_team(
    app: AppHandle,
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
    team: String,
    password: Option<String>,
    remember: bool,
) -> Result<PublishReport, CommandError> {
    let key = team.clone();
    let target = db
        .read(move |core| Ok(core.publish_targets()?.into_iter().find(|t| t.team == key)))
        .await?
        .ok_or_else(|| {
            CommandError::from(meridian::AppError::NotFound {
                kind: "publishing target",
                id: team.clone(),
            })
        })?;
    let secrets = secrets.inner().clone();
    let typed = empty_password(password);
    let password = match &typed {
        Some(p) => p.clone(),
        None => {
            let (keep, user, url) = (secrets.clone(), target.user.clone(), target.url.clone());
            blocking(move || Ok(keep.password(&user, &url)))
                .await?
                .ok_or_else(|| password_needed(&target.user, &target.url))?
        }
    };
    let report = publish_with(&app, team, password).await?;
    if let Some(p) = typed.filter(|_| report.error.is_none() || report.retry) {
        blocking(move || {
            secrets.remember(&target.user, &target.url, p, remember);
            Ok(())
        })
        .await?;
    }
    Ok(report)
}

/// Runs one publish of `team` (a Publish click or a background retry):
/// one at a time per team, progress as events, and the retry schedule
/// updated from its outcome.
async fn publish_with(
    app: &AppHandle,
    team: String,
    password: Password,
) -> Result<PublishReport, CommandError> {
    let publishing = app.state::<Publishing>();
    let busy = publishing.claim(&team)?;
    let token = publishing.tokens.fetch_add(1, Ordering::Relaxed);
    let run = publishing.runs.start(token)?;
    let cancel = run.flag();
    let db = app.state::<Db>();
    let (events, name) = (app.clone(), team.clone());
    let outcome = db
        .run_apart(move |core| {
            let last = Mutex::new(None::<Instant>);
            let progress = |p: PublishProgress| {
                let mut last = last
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let due = last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) || p.done >= p.total;
                if due {
                    *last = Some(Instant::now());
                    emit(&events, &name, p, false);
                }
            };
            let report = core.publish(&name, password.expose(), Utc::now(), &progress, &cancel)?;
            let target = core.publish_targets()?.into_iter().find(|t| t.team == name);
            Ok((report, target))
        })
        .await;
    drop(run);
    let retry = match &outcome {
        Ok((report, Some(target))) if report.retry => Some(Retry {
            due: next_retry(target, Utc::now()),
            user: target.user.clone(),
            url: target.url.clone(),
        }),
        _ => None,
    };
    publishing.schedule(&team, retry);
    drop(busy);
    let report = outcome.map(|(report, _)| report);
    let done = match &report {
        Ok(r) => PublishProgress {
            done: r.created + r.updated + r.deleted,
            total: r.created + r.updated + r.deleted + r.pending,
        },
        Err(_) => PublishProgress { done: 0, total: 0 },
    };
    emit(app, &team, done, true);
    report
}

fn emit(app: &AppHandle, team: &str, progress: PublishProgress, finished: bool) {
    let event = PublishActivity {
        team: team.to_string(),
        progress,
        finished,
    };
    if let Err(err) = event.emit(app) {
        eprintln!("meridian: cannot tell the window how the publish goes: {err}");
    }
}

/// Starts the background retries that are due (called by the watcher every
/// second). A retry needs the password in memory: it never asks the
/// keyring from the watcher's thread.
pub fn retry_due(app: &AppHandle) {
    let publishing = app.state::<Publishing>();
    let due = publishing.take_due(Utc::now());
    for (team, retry) in due {
        let Some(password) = app.state::<Secrets>().in_memory(&retry.user, &retry.url) else {
            continue;
        };
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            // The outcome is recorded (status line, next retry) and shown
            // by the page when the finishing event reads the targets again.
            let _ = publish_with(&app, team, password).await;
        });
    }
}

/// Stops the publishes running now after their requests in flight; what
/// the server confirmed is kept, the rest stays waiting.
#[tauri::command]
#[specta::specta]
pub async fn cancel_publish(publishing: State<'_, Publishing>) -> Result<(), CommandError> {
    publishing.runs.cancel()
}

/// Settles conflict `uid` of team `team`'s calendar; answers what is
/// waiting now.
#[tauri::command]
#[specta::specta]
pub async fn resolve_publish_conflict(
    db: State<'_, Db>,
    team: String,
    uid: String,
    resolution: Resolution,
) -> Result<PublishPreview, CommandError> {
    db.run(move |core| {
        let now = Utc::now();
        core.resolve_publish_conflict(&team, &uid, resolution, now)?;
        core.publish_preview(&team, now)
    })
    .await
}

/// Follows the calendar at `url` as `user` (read-only) and fetches it into
/// the local copy; the password is kept only once the server accepted it.
#[tauri::command]
#[specta::specta]
pub async fn follow_calendar(
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
    url: String,
    user: String,
    password: String,
    remember: bool,
) -> Result<FollowAnswer, CommandError> {
    no_credentials_in(&url)?;
    let password = Password::new(password);
    let sent = password.clone();
    let name = user.clone();
    let report = db
        .run_apart(move |core| core.follow_calendar(&url, &name, sent.expose(), Utc::now()))
        .await?;
    let secrets = secrets.inner().clone();
    let at = report.url.clone();
    let kept = blocking(move || Ok(secrets.remember(&user, &at, password, remember))).await?;
    Ok(FollowAnswer {
        report,
        password: kept,
    })
}

/// Fetches what changed in the followed calendar at `url`, with `password`
/// when given, else the one kept on this computer.
#[tauri::command]
#[specta::specta]
pub async fn refresh_followed(
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
    url: String,
    password: Option<String>,
    remember: bool,
) -> Result<FollowReport, CommandError> {
    let key = url.clone();
    let followed = db
        .read(move |core| {
            Ok(core
                .followed_calendars()?
                .into_iter()
                .find(|f| f.url == key))
        })
        .await?
        .ok_or_else(|| {
            CommandError::from(meridian::AppError::NotFound {
                kind: "followed calendar",
                id: url.clone(),
            })
        })?;
    let given = empty_password(password);
    let secrets = secrets.inner().clone();
    let (user, at) = (followed.user.clone(), followed.url.clone());
    let keep = secrets.clone();
    let password = blocking(move || {
        Ok(match given {
            Some(p) => Some((p, true)),
            None => secrets.password(&user, &at).map(|p| (p, false)),
        })
    })
    .await?;
    let Some((password, typed)) = password else {
        return Err(password_needed(&followed.user, &followed.url));
    };
    let (user, at) = (followed.user.clone(), followed.url.clone());
    let sent = password.clone();
    let report = db
        .run_apart(move |core| core.follow_calendar(&at, &user, sent.expose(), Utc::now()))
        .await?;
    if typed {
        blocking(move || {
            keep.remember(&followed.user, &followed.url, password, remember);
            Ok(())
        })
        .await?;
    }
    Ok(report)
}

/// Stops following the calendar at `url`, drops its local copy and forgets
/// its password unless a publish target uses the same account and address.
#[tauri::command]
#[specta::specta]
pub async fn unfollow_calendar(
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
    url: String,
) -> Result<(), CommandError> {
    let key = url.clone();
    let gone = db
        .run(move |core| {
            let gone = core
                .followed_calendars()?
                .into_iter()
                .find(|f| f.url == key);
            core.unfollow_calendar(&key)?;
            Ok(gone.map(|f| (f.user, f.url)))
        })
        .await?;
    forget_unless_used(&db, &secrets, gone).await
}

/// The followed calendars with their state and where each password is.
#[tauri::command]
#[specta::specta]
pub async fn followed_calendars(
    db: State<'_, Db>,
    secrets: State<'_, Secrets>,
) -> Result<FollowedPage, CommandError> {
    let list = db.read(|core| core.followed_calendars()).await?;
    let secrets = secrets.inner().clone();
    blocking(move || {
        let keyring = secrets.keyring_available();
        let calendars = list
            .into_iter()
            .map(|calendar| FollowedRow {
                password: secrets.kept(&calendar.user, &calendar.url),
                calendar,
            })
            .collect();
        Ok(FollowedPage { calendars, keyring })
    })
    .await
}

/// The first `limit` reps of the followed calendars matching `search`
/// (My week's picker on a computer that only follows).
#[tauri::command]
#[specta::specta]
pub async fn followed_reps(
    db: State<'_, Db>,
    search: String,
    limit: u32,
) -> Result<FollowedReps, CommandError> {
    db.read(move |core| core.followed_reps(&search, limit))
        .await
}

/// Followed rep `rep`'s week containing `date`, from the local copy;
/// `null` when no followed calendar names the rep.
#[tauri::command]
#[specta::specta]
pub async fn followed_week(
    db: State<'_, Db>,
    rep: String,
    date: NaiveDate,
    first_day: Weekday,
) -> Result<Option<FollowedWeek>, CommandError> {
    db.read(move |core| core.followed_week(&rep, date, first_day))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_30_s_then_double_up_to_15_min() {
        let schedule: Vec<u64> = (1..=8).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(schedule, [30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(backoff(0).as_secs(), 30, "a first failure not yet counted");
        assert_eq!(backoff(u32::MAX).as_secs(), 900);
    }

    fn target(failures: u32, last_run: Option<&str>) -> PublishTarget {
        PublishTarget {
            team: "emea".into(),
            team_name: "EMEA".into(),
            url: "http://127.0.0.1:5232/lead/emea/".into(),
            user: "lead".into(),
            include: Include::default(),
            last_run: last_run.map(str::to_string),
            last_ok: None,
            last_error: Some("did not answer".into()),
            failures,
        }
    }

    #[test]
    fn the_next_retry_counts_from_the_failed_run() {
        let now = "2026-12-05T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let at = |failures, last| next_retry(&target(failures, last), now).to_rfc3339();
        assert_eq!(
            at(1, Some("2026-12-05T09:59:50Z")),
            "2026-12-05T10:00:20+00:00"
        );
        assert_eq!(
            at(3, Some("2026-12-05T09:59:50Z")),
            "2026-12-05T10:01:50+00:00"
        );
        assert_eq!(
            at(9, Some("2026-12-05T09:50:00Z")),
            "2026-12-05T10:05:00+00:00"
        );
        assert_eq!(
            at(2, None),
            "2026-12-05T10:01:00+00:00",
            "no run recorded: from now"
        );
    }

    #[test]
    fn only_due_retries_of_idle_teams_are_taken_and_each_once() {
        let p = Publishing::default();
        let now = "2026-12-05T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let retry = |secs: i64| Retry {
            due: now + chrono::Duration::seconds(secs),
            user: "lead".into(),
            url: "http://127.0.0.1/x/".into(),
        };
        p.schedule("due", Some(retry(-1)));
        p.schedule("later", Some(retry(60)));
        p.schedule("running", Some(retry(-5)));
        let busy = p.claim("running").expect("idle");
        let taken: Vec<String> = p.take_due(now).into_iter().map(|(t, _)| t).collect();
        assert_eq!(taken, ["due"]);
        assert!(p.take_due(now).is_empty(), "taken once");
        assert!(p.claim("running").is_err(), "one publish per team");
        drop(busy);
        assert_eq!(p.take_due(now).len(), 1, "once the run ended");
        assert!(p.retry_of("later").is_some());
    }

    #[test]
    fn an_address_with_a_password_in_it_is_refused_without_repeating_it() {
        let err = no_credentials_in("https://lead:hunter2@dav.example.com/cal/").unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(!err.message.contains("hunter2") && !format!("{err:?}").contains("hunter2"));
        assert!(no_credentials_in("https://dav.example.com/u/lead@example.com/cal/").is_ok());
        assert!(no_credentials_in("http://127.0.0.1:5232/lead/emea/").is_ok());
    }

    /// What the page receives never holds a password: the answers have no
    /// field for it, and a kept password does not leak into them.
    #[test]
    fn no_answer_to_the_page_carries_the_password() {
        let secrets = Secrets::new(std::sync::Arc::new(
            crate::secrets::tests::MemoryVault::default(),
        ));
        let t = target(1, None);
        let kept = secrets.remember(&t.user, &t.url, Password::new("hunter2".into()), true);
        let page = PublishingPage {
            targets: vec![PublishRow {
                password: secrets.kept(&t.user, &t.url),
                target: t.clone(),
                preview: Some(PublishPreview::default()),
                preview_error: None,
                retry_at: Some("10:01".into()),
                publishing: false,
            }],
            keyring: true,
        };
        let followed = FollowedPage {
            calendars: vec![FollowedRow {
                calendar: FollowedCalendar {
                    url: t.url.clone(),
                    user: t.user.clone(),
                    name: "EMEA".into(),
                    last_updated: None,
                    last_error: None,
                    events: 3,
                },
                password: kept,
            }],
            keyring: true,
        };
        for json in [
            serde_json::to_string(&page).unwrap(),
            serde_json::to_string(&followed).unwrap(),
            serde_json::to_string(&password_needed(&t.user, &t.url)).unwrap(),
        ] {
            assert!(!json.contains("hunter2"), "{json}");
            assert!(
                json.contains("keyring") || json.contains("password"),
                "{json}"
            );
        }
        assert_eq!(kept, PasswordKept::Keyring);
    }
}
