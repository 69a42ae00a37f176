//! Publishing each team's plan to a CalDAV calendar, and following one
//! (issue 13). The CLI and the app call these the same way; the password
//! is always a parameter (the app keeps it in the OS keyring, the CLI reads
//! it from an environment variable), never stored here.
//!
//! How a publish decides (DESIGN.md "Publishing to CalDAV"):
//! - What should be there: [`team_objects`] of the stored team now.
//! - What Meridian last put there: the `published` rows (UID, resource
//!   name, content hash, ETag).
//! - What is there: one PROPFIND listing of the collection. A resource of
//!   ours whose ETag moved, or that is gone, was changed on the server by
//!   someone else: it becomes a conflict the lead resolves, and Meridian
//!   leaves it alone until then.
//! - Then each difference is one conditional request (create with
//!   `If-None-Match: *`, update and delete with `If-Match`), a few at a
//!   time; each confirmed result is recorded in the database within a
//!   fraction of a second, so an outage or a crash mid-publish loses
//!   nothing: the next publish starts from what the server confirmed.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::items::not_found;
use super::Meridian;
use crate::caldav::{Collection, DavError};
use crate::error::AppError;
use crate::io::ics::followed::{self, Followed};
use crate::io::ics::publish::{team_objects, CalendarObject, Include};
use crate::plan::agenda::{self, Agenda};
use crate::plan::PlanError;
use crate::store::calendars::{self as rows, Conflict, Published};
use crate::store::{self, StoreError};

/// Requests in flight at once during a publish.
pub const PUBLISH_WORKERS: usize = 4;
/// The largest event kept in a followed calendar's local copy.
pub const MAX_OBJECT_BYTES: usize = 1 << 20;
/// Confirmed results recorded per database transaction.
const RECORD_BATCH: usize = 64;

/// A team's publishing settings and state, as the Publishing page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishTarget {
    pub team: String,
    pub team_name: String,
    pub url: String,
    pub user: String,
    pub include: Include,
    pub last_run: Option<String>,
    pub last_ok: Option<String>,
    pub last_error: Option<String>,
    /// Failed attempts since the last complete publish (for the backoff).
    pub failures: u32,
}

/// What a publish would do, from the database alone (works offline).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishPreview {
    pub create: u32,
    pub update: u32,
    pub delete: u32,
    pub unchanged: u32,
    pub conflicts: Vec<PublishConflict>,
}

impl PublishPreview {
    /// Changes waiting to be sent.
    pub fn pending(&self) -> u32 {
        self.create + self.update + self.delete
    }
}

/// An event someone changed or deleted on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishConflict {
    pub uid: String,
    pub summary: String,
    /// `edited` or `deleted`.
    pub kind: String,
    pub found: String,
}

/// What a publish did (the CLI's `--json`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishReport {
    pub team: String,
    pub url: String,
    /// The collection was made by this publish (MKCALENDAR).
    pub made_calendar: bool,
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    pub unchanged: u32,
    /// Every conflict waiting for the lead, new ones included.
    pub conflicts: Vec<PublishConflict>,
    /// Changes not sent because the run stopped (see `error`).
    pub pending: u32,
    /// Why the run stopped early, if it did.
    pub error: Option<String>,
    /// The error was an outage: trying again later may succeed.
    pub retry: bool,
}

/// How the lead settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Keep the server's version (or its deletion); Meridian leaves the
    /// event alone until its own content for it changes.
    KeepTheirs,
    /// Put Meridian's version back at the next publish.
    UseMeridian,
}

/// Progress of a publish: requests answered of those to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishProgress {
    pub done: u32,
    pub total: u32,
}

/// A followed calendar, as My week lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowedCalendar {
    pub url: String,
    pub user: String,
    pub name: String,
    pub last_updated: Option<String>,
    pub last_error: Option<String>,
    pub events: u32,
}

/// What a refresh of a followed calendar did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowReport {
    pub url: String,
    pub name: String,
    pub added: u32,
    pub changed: u32,
    pub removed: u32,
    pub unchanged: u32,
    /// Events left out of the agenda, each with why.
    pub skipped: Vec<String>,
}

fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// One request to send.
enum Job<'a> {
    Create(&'a CalendarObject),
    Update(&'a CalendarObject, String),
    Delete {
        uid: String,
        name: String,
        etag: String,
    },
}

/// Its answer.
enum Done {
    Stored {
        uid: String,
        row: Published,
        created: bool,
    },
    Deleted {
        uid: String,
    },
    Conflict(Conflict),
    Failed(DavError),
}

impl Meridian {
    /// Runs `f` as one write that is not team data (no change log, no
    /// revision): publishing and following bookkeeping.
    fn bookkeep<R>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<R, StoreError>,
    ) -> Result<R, AppError> {
        self.writable()?;
        let tx = store::write(&mut self.conn)?;
        let out = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    fn team_name(&self, team: &str) -> Result<String, AppError> {
        self.read(|c| Ok(store::teams::get_team(c, team)?))?
            .map(|t| t.item.name)
            .ok_or_else(|| not_found("team", team))
    }

    /// Every team's publishing target.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn publish_targets(&self) -> Result<Vec<PublishTarget>, AppError> {
        let targets = self.read(|c| Ok(rows::targets(c)?))?;
        targets
            .into_iter()
            .map(|t| {
                let team_name = self.team_name(&t.team).unwrap_or_else(|_| t.team.clone());
                Ok(PublishTarget {
                    team_name,
                    team: t.team,
                    url: t.url,
                    user: t.user,
                    include: t.include,
                    last_run: t.last_run,
                    last_ok: t.last_ok,
                    last_error: t.last_error,
                    failures: t.failures,
                })
            })
            .collect()
    }

    /// Sets where team `team` is published (checking the address, not the
    /// server). A new address starts that calendar afresh.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown team; [`DavError::BadUrl`].
    pub fn set_publish_target(
        &mut self,
        team: &str,
        url: &str,
        user: &str,
        include: Include,
    ) -> Result<(), AppError> {
        self.team_name(team)?;
        let url = crate::caldav::collection_url(url)?;
        if user.trim().is_empty() || user.chars().count() > 256 {
            return Err(AppError::Calendar(DavError::BadUrl {
                url: url.to_string(),
                why: crate::tr!("api-caldav-user-name"),
            }));
        }
        self.bookkeep(|tx| rows::put_target(tx, team, url.as_str(), user.trim(), include))
    }

    /// Stops publishing team `team` (the server's calendar stays as it is).
    ///
    /// # Errors
    /// [`AppError::NotFound`] when it was not published.
    pub fn remove_publish_target(&mut self, team: &str) -> Result<(), AppError> {
        if self.bookkeep(|tx| rows::remove_target(tx, team))? {
            Ok(())
        } else {
            Err(not_found("publishing target", team))
        }
    }

    fn target(&self, team: &str) -> Result<rows::Target, AppError> {
        self.read(|c| Ok(rows::target(c, team)?))?
            .ok_or_else(|| not_found("publishing target", team))
    }

    fn desired(
        &self,
        team: &str,
        include: Include,
        now: DateTime<Utc>,
    ) -> Result<Vec<CalendarObject>, AppError> {
        // Only the team's members, their meetings and those meetings' other
        // attendees (a name and a zone each): publishing 200 teams must not
        // read the whole document 200 times.
        let sc = self.read(|c| {
            let members: Vec<String> = c
                .prepare_cached("SELECT id FROM reps WHERE team = ?1")?
                .query_map([team], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let mut sc = store::load_for_reps(c, &members, false)?;
            let known: BTreeSet<String> = sc.reps.iter().map(|r| r.id.clone()).collect();
            let others: BTreeSet<String> = sc
                .meetings
                .iter()
                .flat_map(|m| m.attendees.iter())
                .filter(|a| !known.contains(*a))
                .cloned()
                .collect();
            // Their office and holidays too: the rep line carries their
            // holidays region (`publish::rep_line`), whichever team's
            // calendar a follower reads first.
            let mut stmt = c.prepare_cached(
                "SELECT name, time_zone, office, holidays FROM reps WHERE id = ?1",
            )?;
            for id in others {
                let found = stmt
                    .query_row([&id], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<String>>(2)?,
                            r.get::<_, Option<String>>(3)?,
                        ))
                    })
                    .optional()?;
                if let Some((name, zone, office, holidays)) = found {
                    let mut rep = crate::model::Rep::new(&id, &name, &zone);
                    rep.office = office;
                    rep.holidays = store::reps::holidays_from_column(holidays);
                    sc.reps.push(rep);
                }
            }
            Ok(sc)
        })?;
        team_objects(&sc, team, include, now).map_err(|e| match e {
            crate::io::ics::export::ExportError::UnknownTeam(id) => not_found("team", &id),
            crate::io::ics::export::ExportError::UnknownRep(id) => not_found("rep", &id),
            crate::io::ics::export::ExportError::Meeting { meeting, message } => {
                AppError::Plan(PlanError::Rule { meeting, message })
            }
        })
    }

    /// What publishing team `team` would send now, from the database alone.
    ///
    /// # Errors
    /// [`AppError::NotFound`], [`AppError::Storage`].
    pub fn publish_preview(
        &self,
        team: &str,
        now: DateTime<Utc>,
    ) -> Result<PublishPreview, AppError> {
        let target = self.target(team)?;
        self.publish_preview_to(team, &target.url, target.include, now)
    }

    /// What publishing team `team` to `url` with `include` would send now,
    /// without storing anything (the CLI's `--dry-run`): against what was
    /// published there, or everything when the team is published elsewhere.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown team, [`DavError::BadUrl`],
    /// [`AppError::Storage`].
    pub fn publish_preview_to(
        &self,
        team: &str,
        url: &str,
        include: Include,
        now: DateTime<Utc>,
    ) -> Result<PublishPreview, AppError> {
        let url = crate::caldav::collection_url(url)?;
        let desired = self.desired(team, include, now)?;
        let same = self
            .read(|c| Ok(rows::target(c, team)?))?
            .is_some_and(|t| t.url == url.as_str());
        let (published, conflicts) = if same {
            self.read(|c| Ok((rows::published(c, team)?, rows::conflicts(c, team)?)))?
        } else {
            (BTreeMap::new(), Vec::new())
        };
        let held: BTreeSet<&str> = conflicts.iter().map(|c| c.uid.as_str()).collect();
        let mut p = PublishPreview {
            conflicts: conflicts.iter().map(conflict_row).collect(),
            ..PublishPreview::default()
        };
        let wanted: BTreeSet<&str> = desired.iter().map(|o| o.uid.as_str()).collect();
        for o in desired.iter().filter(|o| !held.contains(o.uid.as_str())) {
            match published.get(&o.uid) {
                None => p.create += 1,
                Some(row) if row.hash != o.hash => p.update += 1,
                Some(_) => p.unchanged += 1,
            }
        }
        p.delete = count(published.iter().filter(|(uid, row)| {
            !wanted.contains(uid.as_str()) && !held.contains(uid.as_str()) && !row.theirs
        }));
        Ok(p)
    }

    /// Publishes team `team` to its calendar: makes the collection if it is
    /// missing, detects what others changed there, and sends only what
    /// changed since the last publish. `progress` is called as requests are
    /// answered; setting `cancel` stops after the requests in flight.
    ///
    /// A run that stops early (server down, wrong password) still records
    /// every change the server confirmed; its report says why it stopped.
    ///
    /// # Errors
    /// Only local failures ([`AppError::NotFound`], [`AppError::Storage`]);
    /// server failures are in the report.
    pub fn publish(
        &mut self,
        team: &str,
        password: &str,
        now: DateTime<Utc>,
        progress: &(dyn Fn(PublishProgress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<PublishReport, AppError> {
        let target = self.target(team)?;
        let team_name = self.team_name(team)?;
        let desired = self.desired(team, target.include, now)?;
        let mut report = PublishReport {
            team: team.to_string(),
            url: target.url.clone(),
            ..PublishReport::default()
        };
        let outcome = self.publish_to(
            &target,
            &team_name,
            password,
            &desired,
            now,
            progress,
            cancel,
            &mut report,
        );
        let error = match outcome {
            Ok(()) => None,
            Err(e) => {
                report.retry = e.is_transient();
                Some(e.to_string())
            }
        };
        report.error = error.clone();
        let at = stamp(now);
        self.bookkeep(|tx| rows::record_run(tx, team, &at, error.as_deref()))?;
        if report.error.is_some() {
            // Stopped before or while sending: what is left, from the database.
            report.pending = self.publish_preview(team, now)?.pending();
        }
        report.conflicts = self
            .read(|c| Ok(rows::conflicts(c, team)?))?
            .iter()
            .map(conflict_row)
            .collect();
        Ok(report)
    }

    #[allow(clippy::too_many_arguments)]
    fn publish_to(
        &mut self,
        target: &rows::Target,
        team_name: &str,
        password: &str,
        desired: &[CalendarObject],
        now: DateTime<Utc>,
        progress: &(dyn Fn(PublishProgress) + Sync),
        cancel: &AtomicBool,
        report: &mut PublishReport,
    ) -> Result<(), DavError> {
        let team = target.team.as_str();
        let dav = Collection::new(&target.url, &target.user, password)?;
        report.made_calendar = dav.ensure_calendar(team_name)?;
        let on_server: BTreeMap<String, Option<String>> = dav
            .list()?
            .resources
            .into_iter()
            .map(|r| (r.name, r.etag))
            .collect();
        let local = |e: AppError| DavError::Protocol {
            url: target.url.clone(),
            detail: crate::tr!("api-caldav-local-database", error = e.to_string()),
        };
        let (mut published, conflicts) = self
            .read(|c| Ok((rows::published(c, team)?, rows::conflicts(c, team)?)))
            .map_err(local)?;
        let mut held: BTreeSet<String> = conflicts.into_iter().map(|c| c.uid).collect();
        let by_uid: BTreeMap<&str, &CalendarObject> =
            desired.iter().map(|o| (o.uid.as_str(), o)).collect();
        let found = stamp(now);

        // 1. What others did to our resources since we last looked.
        let mut new_conflicts: Vec<Conflict> = Vec::new();
        let mut forget: Vec<String> = Vec::new();
        for (uid, row) in &published {
            if row.theirs || held.contains(uid) {
                continue;
            }
            let wanted = by_uid.get(uid.as_str());
            let summary = wanted.map_or_else(|| row.name.clone(), |o| o.summary.clone());
            match on_server.get(&row.name) {
                None if wanted.is_none() => forget.push(uid.clone()),
                None => new_conflicts.push(Conflict {
                    uid: uid.clone(),
                    name: row.name.clone(),
                    summary,
                    kind: "deleted".into(),
                    server_etag: None,
                    found: found.clone(),
                }),
                // `*`: the lead chose Meridian's version whatever the server holds.
                Some(etag)
                    if row.etag.is_some()
                        && row.etag.as_deref() != Some("*")
                        && etag.is_some()
                        && *etag != row.etag =>
                {
                    new_conflicts.push(Conflict {
                        uid: uid.clone(),
                        name: row.name.clone(),
                        summary,
                        kind: "edited".into(),
                        server_etag: etag.clone(),
                        found: found.clone(),
                    });
                }
                Some(_) => {}
            }
        }
        // Ours on the server but not recorded (a crash after the server
        // confirmed, or another Meridian published it): the same content is
        // adopted, different content is a conflict.
        let unrecorded: Vec<&str> = desired
            .iter()
            .filter(|o| {
                !published.contains_key(&o.uid)
                    && !held.contains(&o.uid)
                    && on_server.contains_key(&o.name)
            })
            .map(|o| o.name.as_str())
            .collect();
        let mut adopt: Vec<(String, Published)> = Vec::new();
        if !unrecorded.is_empty() {
            let by_name: BTreeMap<&str, &CalendarObject> =
                desired.iter().map(|o| (o.name.as_str(), o)).collect();
            for r in dav.fetch(&unrecorded)? {
                let Some(o) = by_name.get(r.name.as_str()) else {
                    continue;
                };
                let text = r.text.unwrap_or_default();
                if same_event(&text, &o.text) {
                    adopt.push((
                        o.uid.clone(),
                        Published {
                            name: o.name.clone(),
                            hash: o.hash.clone(),
                            etag: r.etag,
                            theirs: false,
                        },
                    ));
                } else {
                    new_conflicts.push(Conflict {
                        uid: o.uid.clone(),
                        name: o.name.clone(),
                        summary: o.summary.clone(),
                        kind: "edited".into(),
                        server_etag: r.etag,
                        found: found.clone(),
                    });
                }
            }
        }
        self.bookkeep(|tx| {
            for uid in &forget {
                rows::remove_published(tx, team, uid)?;
            }
            for (uid, row) in &adopt {
                rows::set_published(tx, team, uid, row)?;
            }
            for c in &new_conflicts {
                rows::put_conflict(tx, team, c)?;
            }
            Ok(())
        })
        .map_err(local)?;
        for uid in &forget {
            published.remove(uid);
        }
        for (uid, row) in adopt {
            published.insert(uid, row);
        }
        held.extend(new_conflicts.into_iter().map(|c| c.uid));

        // 2. What to send.
        let mut jobs: Vec<Job> = Vec::new();
        for o in desired.iter().filter(|o| !held.contains(&o.uid)) {
            match published.get(&o.uid) {
                None => jobs.push(Job::Create(o)),
                Some(row) if row.hash == o.hash => report.unchanged += 1,
                Some(row) => match &row.etag {
                    Some(etag) => jobs.push(Job::Update(o, etag.clone())),
                    None => jobs.push(Job::Create(o)),
                },
            }
        }
        for (uid, row) in &published {
            if by_uid.contains_key(uid.as_str()) || held.contains(uid) || row.theirs {
                continue;
            }
            jobs.push(Job::Delete {
                uid: uid.clone(),
                name: row.name.clone(),
                etag: row.etag.clone().unwrap_or_else(|| "*".into()),
            });
        }

        // 3. Send them, a few at a time; record each answer.
        let total = u32::try_from(jobs.len()).unwrap_or(u32::MAX);
        progress(PublishProgress { done: 0, total });
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let (tx, rx) = mpsc::channel::<Done>();
        let mut first_error: Option<DavError> = None;
        let mut pending_rows: Vec<Done> = Vec::new();
        let mut done = 0u32;
        let mut turned_conflicts = 0u32;
        std::thread::scope(|scope| -> Result<(), DavError> {
            for _ in 0..PUBLISH_WORKERS.min(jobs.len()) {
                let tx = tx.clone();
                let (jobs, next, stop, dav, found) = (&jobs, &next, &stop, &dav, &found);
                scope.spawn(move || loop {
                    if stop.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { return };
                    let answer = run(dav, job, found);
                    if matches!(answer, Done::Failed(_)) {
                        stop.store(true, Ordering::Relaxed);
                    }
                    if tx.send(answer).is_err() {
                        return;
                    }
                });
            }
            drop(tx);
            for answer in rx {
                done += 1;
                match answer {
                    Done::Failed(e) => {
                        first_error.get_or_insert(e);
                    }
                    other => {
                        match &other {
                            Done::Stored { created: true, .. } => report.created += 1,
                            Done::Stored { created: false, .. } => report.updated += 1,
                            Done::Deleted { .. } => report.deleted += 1,
                            Done::Conflict(_) => turned_conflicts += 1,
                            Done::Failed(_) => {}
                        }
                        pending_rows.push(other);
                    }
                }
                if pending_rows.len() >= RECORD_BATCH {
                    self.record(team, &mut pending_rows).map_err(local)?;
                }
                progress(PublishProgress { done, total });
            }
            Ok(())
        })?;
        self.record(team, &mut pending_rows).map_err(local)?;
        let answered = report.created + report.updated + report.deleted + turned_conflicts;
        report.pending = total.saturating_sub(answered);
        if let Some(e) = first_error {
            return Err(e);
        }
        if cancel.load(Ordering::Relaxed) && done < total {
            return Err(DavError::Status {
                url: target.url.clone(),
                status: 0,
                detail: crate::tr!("api-caldav-stopped", done = done, total = total),
            });
        }
        Ok(())
    }

    fn record(&mut self, team: &str, answers: &mut Vec<Done>) -> Result<(), AppError> {
        if answers.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(answers);
        self.bookkeep(|tx| {
            for a in &batch {
                match a {
                    Done::Stored { uid, row, .. } => rows::set_published(tx, team, uid, row)?,
                    Done::Deleted { uid } => rows::remove_published(tx, team, uid)?,
                    Done::Conflict(c) => rows::put_conflict(tx, team, c)?,
                    Done::Failed(_) => {}
                }
            }
            Ok(())
        })
    }

    /// Settles a conflict of team `team`'s calendar (see [`Resolution`]).
    ///
    /// # Errors
    /// [`AppError::NotFound`] when there is no such conflict.
    pub fn resolve_publish_conflict(
        &mut self,
        team: &str,
        uid: &str,
        how: Resolution,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let target = self.target(team)?;
        let desired = self.desired(team, target.include, now)?;
        let wanted = desired.iter().find(|o| o.uid == uid);
        let conflict = self
            .read(|c| Ok(rows::conflicts(c, team)?))?
            .into_iter()
            .find(|c| c.uid == uid)
            .ok_or_else(|| not_found("conflict", uid))?;
        self.bookkeep(|tx| {
            rows::remove_conflict(tx, team, uid)?;
            match (how, wanted) {
                // Meridian no longer has it: the server's copy is theirs now.
                (_, None) => rows::remove_published(tx, team, uid)?,
                (Resolution::KeepTheirs, Some(o)) => rows::set_published(
                    tx,
                    team,
                    uid,
                    &Published {
                        name: conflict.name.clone(),
                        hash: o.hash.clone(),
                        etag: conflict.server_etag.clone(),
                        theirs: true,
                    },
                )?,
                (Resolution::UseMeridian, Some(_)) if conflict.kind == "deleted" => {
                    rows::remove_published(tx, team, uid)?;
                }
                // An edit: the next publish replaces it, over whatever the
                // server holds then (the lead chose so).
                (Resolution::UseMeridian, Some(_)) => rows::set_published(
                    tx,
                    team,
                    uid,
                    &Published {
                        name: conflict.name.clone(),
                        // Never equal to a real hash: the next publish sends it.
                        hash: String::new(),
                        etag: Some("*".into()),
                        theirs: false,
                    },
                )?,
            }
            Ok(())
        })
    }

    /// Follows (or refreshes) the calendar at `url`: fetches what changed
    /// since the local copy and replaces the copy in one write, so the
    /// copy is always one whole state of the server's calendar.
    ///
    /// # Errors
    /// [`AppError::Calendar`] when the server cannot be read (the local copy
    /// stays as it was); [`AppError::Storage`].
    pub fn follow_calendar(
        &mut self,
        url: &str,
        user: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<FollowReport, AppError> {
        let dav = Collection::new(url, user, password)?;
        let url = dav.url().to_string();
        let result = self.pull(&dav, &url, user, now);
        if let Err(e) = &result {
            let message = e.to_string();
            let known = self
                .read(|c| Ok(rows::followed(c)?))?
                .iter()
                .any(|f| f.url == url);
            if known {
                self.bookkeep(|tx| rows::set_followed_status(tx, &url, None, Some(&message)))?;
            }
        }
        result
    }

    fn pull(
        &mut self,
        dav: &Collection,
        url: &str,
        user: &str,
        now: DateTime<Utc>,
    ) -> Result<FollowReport, AppError> {
        let listing = dav.list()?;
        let name = listing.name.unwrap_or_else(|| url.to_string());
        let local = self.read(|c| Ok(rows::followed_etags(c, url)?))?;
        let on_server: BTreeMap<String, Option<String>> = listing
            .resources
            .into_iter()
            .map(|r| (r.name, r.etag))
            .collect();
        let changed: Vec<&str> = on_server
            .iter()
            .filter(|(n, e)| {
                local
                    .get(*n)
                    .is_none_or(|l| l.is_none() || e.is_none() || l != *e)
            })
            .map(|(n, _)| n.as_str())
            .collect();
        let fetched = dav.fetch(&changed)?;
        let removed: Vec<&String> = local
            .keys()
            .filter(|n| !on_server.contains_key(*n))
            .collect();
        let mut report = FollowReport {
            url: url.to_string(),
            name: name.clone(),
            added: 0,
            changed: 0,
            removed: count(removed.iter()),
            unchanged: count(on_server.keys().filter(|n| !changed.contains(&n.as_str()))),
            skipped: Vec::new(),
        };
        for r in &fetched {
            if local.contains_key(&r.name) {
                report.changed += 1;
            } else {
                report.added += 1;
            }
        }
        let at = stamp(now);
        self.bookkeep(|tx| {
            rows::put_followed(tx, url, user, &name)?;
            for n in &removed {
                rows::remove_followed_object(tx, url, n)?;
            }
            for r in &fetched {
                match &r.text {
                    // A calendar app's event with a huge attachment is not
                    // one of ours; keeping it would only fill the copy.
                    Some(text) if text.len() <= MAX_OBJECT_BYTES => {
                        rows::put_followed_object(tx, url, &r.name, r.etag.as_deref(), text)?;
                    }
                    _ => {}
                }
            }
            rows::set_followed_status(tx, url, Some(&at), None)
        })?;
        report.skipped = self.followed()?.skipped;
        Ok(report)
    }

    /// Stops following the calendar at `url` and drops its local copy.
    ///
    /// # Errors
    /// [`AppError::NotFound`] when it was not followed.
    pub fn unfollow_calendar(&mut self, url: &str) -> Result<(), AppError> {
        let url = crate::caldav::collection_url(url)?.to_string();
        if self.bookkeep(|tx| rows::remove_followed(tx, &url))? {
            Ok(())
        } else {
            Err(not_found("followed calendar", &url))
        }
    }

    /// The followed calendars with their state.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn followed_calendars(&self) -> Result<Vec<FollowedCalendar>, AppError> {
        self.read(|c| {
            let list = rows::followed(c)?;
            let mut out = Vec::with_capacity(list.len());
            for f in list {
                let events = count(rows::followed_etags(c, &f.url)?.iter());
                out.push(FollowedCalendar {
                    url: f.url,
                    user: f.user,
                    name: f.name,
                    last_updated: f.last_updated,
                    last_error: f.last_error,
                    events,
                });
            }
            Ok(out)
        })
    }

    /// The local copy of every followed calendar, read back into a team.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn followed(&self) -> Result<Followed, AppError> {
        let objects = self.read(|c| Ok(rows::followed_objects(c)?))?;
        Ok(followed::read_objects(
            objects.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        ))
    }

    /// A rep's agenda (contract §5) from the followed calendars' local copy.
    ///
    /// # Errors
    /// [`PlanError::UnknownRep`] when no followed event names the rep.
    pub fn followed_agenda(
        &self,
        rep: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Agenda, AppError> {
        let followed = self.followed()?;
        Ok(agenda::agenda(&followed.team, rep, from, to)?)
    }
}

/// Whether two calendar objects say the same thing to a follower: servers
/// re-serialise what they store (property order, folding), so the text
/// cannot be compared.
fn same_event(a: &str, b: &str) -> bool {
    let (x, y) = (
        followed::read_objects([("server", a)]),
        followed::read_objects([("meridian", b)]),
    );
    x.skipped.is_empty() && y.skipped.is_empty() && x.team == y.team
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

fn conflict_row(c: &Conflict) -> PublishConflict {
    PublishConflict {
        uid: c.uid.clone(),
        summary: c.summary.clone(),
        kind: c.kind.clone(),
        found: c.found.clone(),
    }
}

/// Sends one job, trying again after a short wait when the server
/// stumbles (a 5xx or 423: Xandikos answers so to writes that race in its
/// git store), at most [`TRIES`] times in all.
fn run(dav: &Collection, job: &Job<'_>, found: &str) -> Done {
    let mut wait = std::time::Duration::from_millis(100);
    for _ in 1..TRIES {
        match send(dav, job, found) {
            Done::Failed(e @ DavError::Status { .. }) if e.is_transient() => {
                std::thread::sleep(wait);
                wait *= 4;
            }
            done => return done,
        }
    }
    send(dav, job, found)
}

/// Attempts per request when the server stumbles.
const TRIES: u32 = 3;

/// Sends one job once; a refusal because someone else changed the resource
/// is a conflict, not a failure.
fn send(dav: &Collection, job: &Job<'_>, found: &str) -> Done {
    let conflict = |uid: &str, name: &str, summary: &str, kind: &str| {
        Done::Conflict(Conflict {
            uid: uid.to_string(),
            name: name.to_string(),
            summary: summary.to_string(),
            kind: kind.to_string(),
            server_etag: None,
            found: found.to_string(),
        })
    };
    let stored = |o: &CalendarObject, etag: Option<String>, created: bool| Done::Stored {
        uid: o.uid.clone(),
        row: Published {
            name: o.name.clone(),
            hash: o.hash.clone(),
            etag,
            theirs: false,
        },
        created,
    };
    match job {
        Job::Create(o) => match dav.create(&o.name, &o.text) {
            Ok(etag) => stored(o, etag, true),
            // Created meanwhile by someone else: the next publish compares it.
            Err(DavError::Changed { .. }) => conflict(&o.uid, &o.name, &o.summary, "edited"),
            Err(e) => Done::Failed(e),
        },
        Job::Update(o, etag) => match dav.update(&o.name, &o.text, etag) {
            Ok(etag) => stored(o, etag, false),
            Err(DavError::Changed { .. }) => conflict(&o.uid, &o.name, &o.summary, "edited"),
            Err(DavError::NotFound { .. }) => conflict(&o.uid, &o.name, &o.summary, "deleted"),
            Err(e) => Done::Failed(e),
        },
        Job::Delete { uid, name, etag } => match dav.delete(name, etag) {
            Ok(()) => Done::Deleted { uid: uid.clone() },
            Err(DavError::Changed { .. }) => conflict(uid, name, name, "edited"),
            Err(e) => Done::Failed(e),
        },
    }
}
