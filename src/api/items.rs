//! One create / update / put / delete for the five kinds of stored items
//! (teams, offices, reps, meetings, tasks), and the rules each kind's write
//! must keep.
//!
//! How the document's rules hold under per-item writes (see ARCHITECTURE.md):
//! - ids are unique: the tables' primary keys, and `create` refuses a taken id;
//! - an item's own rules (zones, hours, intervals, limits): the import's walk
//!   run on the item alone ([`crate::io::scenario::check_rep`] and friends);
//! - references (a rep's team and office, attendees, assignees): looked up
//!   inside the write, and kept whole by foreign keys;
//! - what depends on an item (accepted office days, rotation locks, attendee
//!   lists, assignments) is pruned in the same write when an edit or removal
//!   makes it impossible, exactly as the document model's edits do
//!   ([`crate::model::Scenario::remove_rep`], `prune_dependents`).

use std::collections::HashSet;

use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::write::Tx;
use super::{Meridian, Problem};
use crate::error::{AppError, Conflict};
use crate::io::scenario::{self, ScenarioError};
use crate::model::{Meeting, Office, Rep, Task, Team};
use crate::rules::limits;
use crate::store::changes::{self, ItemKind};
use crate::store::{self, StoreError, Stored};

use super::write::Changes;

/// A kind of item the lead keeps in lists: stored row by row.
pub trait Item: Clone + Serialize + DeserializeOwned + Send + 'static {
    const KIND: ItemKind;
    /// The word for one, in messages ("rep", "office").
    const NOUN: &'static str;
    /// The document's list it lives in ("reps").
    const LIST: &'static str;
    /// How many a team may hold ([`crate::rules::limits`]).
    const LIMIT: usize;

    fn id(&self) -> &str;
    /// What a person calls it: a name or a title.
    fn label(&self) -> &str;
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError>;
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError>;
    /// The item's own rules and its references, read inside the write.
    fn check(&self, conn: &Connection) -> Result<Vec<Problem>, AppError>;
    /// Writes the item and prunes what the change makes impossible.
    fn store(tx: &mut Tx, item: &Self, old: Option<&Self>) -> Result<(), AppError>;
    /// Removes the item and whatever refers to it.
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError>;
    /// Writes the item exactly as stored once, revision included (undo and
    /// redo), pruning nothing.
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError>;
    /// The item with its values in their stored spelling (a holidays region
    /// typed `gb-eng` is `GB-ENG`), as the document parser writes them.
    fn canonical(self) -> Self {
        self
    }
}

/// A holidays region code in the table's spelling; an unknown one as it
/// is (the item's check refuses it).
fn canonical_region(code: &mut String) {
    if let Some(r) = crate::holidays::Region::find(code) {
        if r.code() != code {
            *code = r.code().to_string();
        }
    }
}

/// Which way a write treats an existing or missing item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Create,
    Update,
    Put,
}

impl Meridian {
    /// Adds an item; its id must be new.
    ///
    /// # Errors
    /// [`AppError::DuplicateId`], or [`AppError::Invalid`] with paths
    /// relative to the item (`time_zone`, `attendees[2]`).
    pub fn create<T: Item>(&mut self, item: T) -> Result<Changes, AppError> {
        self.save(item, None, Mode::Create)
    }

    /// Replaces the stored item with the same id. With `revision` (the one
    /// the form was opened with) the write is refused when the item changed
    /// since.
    ///
    /// # Errors
    /// [`AppError::NotFound`], [`AppError::Conflict`] for a stale revision,
    /// or [`AppError::Invalid`] with paths relative to the item.
    pub fn update<T: Item>(&mut self, item: T, revision: Option<i64>) -> Result<Changes, AppError> {
        self.save(item, revision, Mode::Update)
    }

    /// Creates the item or replaces the one with its id (the command line's
    /// `put`); with `revision` it is refused when the stored item changed
    /// since, or was removed.
    ///
    /// # Errors
    /// As [`Meridian::update`].
    pub fn put<T: Item>(&mut self, item: T, revision: Option<i64>) -> Result<Changes, AppError> {
        self.save(item, revision, Mode::Put)
    }

    /// Removes the item with this id and what refers to it (a rep leaves its
    /// meetings, its tasks become unassigned; an office's reps become
    /// remote...). With `revision`, refused when it changed since.
    ///
    /// # Errors
    /// [`AppError::NotFound`], [`AppError::Conflict`].
    pub fn delete<T: Item>(
        &mut self,
        id: &str,
        revision: Option<i64>,
    ) -> Result<Changes, AppError> {
        let summary = crate::tr!("api-log-removed", kind = T::NOUN, id = id);
        let (_, changes) = self.write(&summary, |tx| {
            let stored = T::load(tx.conn, id)?;
            let Some(stored) = stored else {
                return match revision {
                    Some(_) => Err(conflict::<T>(tx.conn, id, id, None)?),
                    None => Err(not_found(T::NOUN, id)),
                };
            };
            check_revision(tx.conn, &stored, revision)?;
            tx.capture(T::KIND, id)?;
            tx.describe(crate::tr!(
                "api-undo-delete",
                kind = T::NOUN,
                name = stored.item.label()
            ));
            T::remove(tx, &stored.item)?;
            tx.removed(T::KIND, id);
            Ok(())
        })?;
        Ok(changes)
    }

    /// One stored item with its revision.
    ///
    /// # Errors
    /// [`AppError::NotFound`].
    pub fn get<T: Item>(&self, id: &str) -> Result<Stored<T>, AppError> {
        self.read(|c| Ok(T::load(c, id)?))?
            .ok_or_else(|| not_found(T::NOUN, id))
    }

    /// Every stored item of a kind, in document order, with revisions.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn list<T: Item>(&self) -> Result<Vec<Stored<T>>, AppError> {
        self.read(|c| Ok(T::load_all(c)?))
    }

    /// Every rep's id, name, team, zone and office, in document order: what
    /// a list of people shows, read without parsing hours or skills.
    ///
    /// # Errors
    /// [`AppError::Storage`].
    pub fn rep_lines(&self) -> Result<Vec<store::reps::RepLine>, AppError> {
        self.read(|c| Ok(store::reps::list_rep_lines(c)?))
    }

    fn save<T: Item>(
        &mut self,
        item: T,
        revision: Option<i64>,
        mode: Mode,
    ) -> Result<Changes, AppError> {
        let item = item.canonical();
        let id = item.id().to_string();
        let summary = match mode {
            Mode::Create => crate::tr!("api-log-added", kind = T::NOUN, id = id.as_str()),
            _ => crate::tr!("api-log-saved", kind = T::NOUN, id = id.as_str()),
        };
        let (_, changes) = self.write(&summary, |tx| {
            let old = T::load(tx.conn, &id)?;
            match (&old, mode) {
                (Some(_), Mode::Create) => return Err(duplicate(T::NOUN, &id)),
                (None, Mode::Update | Mode::Put) if revision.is_some() => {
                    return Err(conflict::<T>(tx.conn, &id, item.label(), None)?)
                }
                (None, Mode::Update) => return Err(not_found(T::NOUN, &id)),
                (Some(stored), _) => check_revision(tx.conn, stored, revision)?,
                (None, _) => {
                    let count: i64 = tx.conn.query_row(
                        &format!("SELECT COUNT(*) FROM {}", T::LIST),
                        [],
                        |r| r.get(0),
                    )?;
                    if usize::try_from(count).unwrap_or(usize::MAX) >= T::LIMIT {
                        return Err(AppError::Invalid(ScenarioError {
                            file: T::NOUN.to_string(),
                            problems: vec![Problem {
                                path: String::new(),
                                message: crate::tr!(
                                    "api-item-limit",
                                    count = count,
                                    list = T::LIST
                                ),
                            }],
                        }));
                    }
                }
            }
            let problems = item.check(tx.conn)?;
            if !problems.is_empty() {
                return Err(AppError::Invalid(ScenarioError {
                    file: T::NOUN.to_string(),
                    problems,
                }));
            }
            tx.describe(if old.is_some() {
                crate::tr!("api-undo-edit", kind = T::NOUN, name = item.label())
            } else {
                crate::tr!("api-undo-add", kind = T::NOUN, name = item.label())
            });
            T::store(tx, &item, old.as_ref().map(|s| &s.item))
        })?;
        Ok(changes)
    }
}

fn check_revision<T: Item>(
    conn: &Connection,
    stored: &Stored<T>,
    revision: Option<i64>,
) -> Result<(), AppError> {
    match revision {
        Some(r) if r != stored.revision => Err(conflict::<T>(
            conn,
            stored.item.id(),
            stored.item.label(),
            Some(stored.revision),
        )?),
        _ => Ok(()),
    }
}

/// The conflict error for an item changed (`now` is its stored revision) or
/// removed (`None`) by another writer.
fn conflict<T: Item>(
    conn: &Connection,
    id: &str,
    label: &str,
    now: Option<i64>,
) -> Result<AppError, AppError> {
    let by = match now {
        Some(rev) => changes::author(conn, rev)?,
        None => None,
    };
    Ok(AppError::Conflict(Conflict {
        kind: T::NOUN,
        id: id.to_string(),
        name: label.to_string(),
        removed: now.is_none(),
        by: by.as_ref().map(super::by_author),
    }))
}

pub(crate) fn not_found(kind: &'static str, id: &str) -> AppError {
    AppError::NotFound {
        kind,
        id: id.to_string(),
    }
}

pub(crate) fn duplicate(kind: &'static str, id: &str) -> AppError {
    AppError::DuplicateId {
        kind,
        id: id.to_string(),
    }
}

/// The ids among `ids` that exist in the table of `exists`.
fn existing<'a>(
    conn: &Connection,
    ids: impl IntoIterator<Item = &'a String>,
    exists: fn(&Connection, &str) -> Result<bool, StoreError>,
) -> Result<scenario::IdSet, AppError> {
    let mut out = scenario::IdSet::default();
    for id in ids {
        if !out.contains(id) && exists(conn, id)? {
            out.insert(id.clone());
        }
    }
    Ok(out)
}

impl Item for Team {
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError> {
        tx.restore_team(stored)
    }
    const KIND: ItemKind = ItemKind::Team;
    const NOUN: &'static str = "team";
    const LIST: &'static str = "teams";
    const LIMIT: usize = limits::TEAMS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError> {
        store::teams::get_team(conn, id)
    }
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError> {
        store::teams::list_teams(conn)
    }
    fn check(&self, _: &Connection) -> Result<Vec<Problem>, AppError> {
        Ok(scenario::check_team(self))
    }
    fn store(tx: &mut Tx, item: &Self, _: Option<&Self>) -> Result<(), AppError> {
        tx.put_team(item)
    }
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError> {
        for rid in store::reps::reps_in_team(tx.conn, &item.id)? {
            if let Some(mut r) = store::reps::get_rep(tx.conn, &rid)? {
                r.item.team = None;
                tx.put_rep(&r.item)?;
            }
        }
        store::teams::delete_team(tx.conn, &item.id)?;
        // "My team" names no team that is gone.
        if store::settings::lead_team(tx.conn)?.as_deref() == Some(item.id.as_str()) {
            store::settings::set_lead_team(tx.conn, None)?;
        }
        Ok(())
    }
}

impl Item for Office {
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError> {
        tx.restore_office(stored)
    }
    const KIND: ItemKind = ItemKind::Office;
    const NOUN: &'static str = "office";
    const LIST: &'static str = "offices";
    const LIMIT: usize = limits::OFFICES;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError> {
        store::offices::get_office(conn, id)
    }
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError> {
        store::offices::list_offices(conn)
    }
    fn check(&self, _: &Connection) -> Result<Vec<Problem>, AppError> {
        Ok(scenario::check_office(self))
    }
    fn canonical(mut self) -> Self {
        if let Some(code) = &mut self.holidays {
            canonical_region(code);
        }
        self
    }
    fn store(tx: &mut Tx, item: &Self, old: Option<&Self>) -> Result<(), AppError> {
        tx.put_office(item)?;
        let days_changed = old.is_some_and(|o| {
            o.open_days != item.open_days
                || o.closed_dates != item.closed_dates
                || o.holidays != item.holidays
        });
        if days_changed {
            for d in store::office_days::office_days_at(tx.conn, &item.id)? {
                if !scenario::office_open(item, d.date) {
                    tx.remove_office_day(&d.rep, d.date)?;
                }
            }
            let mut reps = store::reps::reps_in_office(tx.conn, &item.id)?;
            reps.extend(store::reps::reps_visiting(tx.conn, &item.id)?);
            prune_locks(tx, &reps)?;
        }
        Ok(())
    }
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError> {
        let mut reps = store::reps::reps_in_office(tx.conn, &item.id)?;
        tx.office_days_gone(store::office_days::office_days_at(tx.conn, &item.id)?)?;
        for rid in &reps {
            if let Some(mut r) = store::reps::get_rep(tx.conn, rid)? {
                r.item.office = None;
                tx.put_rep(&r.item)?;
            }
        }
        // Trips to the office end with it (the rep stays home those days).
        for rid in store::reps::reps_visiting(tx.conn, &item.id)? {
            if let Some(mut r) = store::reps::get_rep(tx.conn, &rid)? {
                let old = r.item.clone();
                r.item.travel.retain(|t| t.office != item.id);
                tx.put_rep(&r.item)?;
                drop_moved_locks(tx, &old, &r.item)?;
                reps.push(rid);
            }
        }
        for mid in store::meetings::meetings_at(tx.conn, &item.id)? {
            if let Some(mut m) = store::meetings::get_meeting(tx.conn, &mid)? {
                m.item.in_person_office = None;
                tx.put_meeting(&m.item)?;
            }
        }
        store::offices::delete_office(tx.conn, &item.id)?;
        prune_locks(tx, &reps)
    }
}

impl Item for Rep {
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError> {
        tx.restore_rep(stored)
    }
    const KIND: ItemKind = ItemKind::Rep;
    const NOUN: &'static str = "rep";
    const LIST: &'static str = "reps";
    const LIMIT: usize = limits::REPS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError> {
        store::reps::get_rep(conn, id)
    }
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError> {
        store::reps::list_reps(conn)
    }
    fn canonical(mut self) -> Self {
        if let Some(Some(code)) = &mut self.holidays {
            canonical_region(code);
        }
        // Trips are sorted in `store`, after the check: its problems name
        // trips by their place in the list as sent (the form's rows).
        self
    }
    fn check(&self, conn: &Connection) -> Result<Vec<Problem>, AppError> {
        let teams = existing(conn, self.team.iter(), store::teams::team_exists)?;
        let named = self
            .office
            .iter()
            .chain(self.travel.iter().map(|t| &t.office));
        let offices = existing(conn, named, store::offices::office_exists)?;
        Ok(scenario::check_rep(self, &teams, &offices))
    }
    fn store(tx: &mut Tx, item: &Self, old: Option<&Self>) -> Result<(), AppError> {
        let sorted;
        let item = if item.travel.is_sorted() {
            item
        } else {
            let mut copy = item.clone();
            copy.travel.sort_unstable();
            sorted = copy;
            &sorted
        };
        tx.put_rep(item)?;
        if old.is_some() {
            let mut offices: Vec<Office> = Vec::new();
            store::offices::add_rep_offices(tx.conn, item, &mut offices)?;
            for d in store::office_days::office_days_of(tx.conn, &item.id)? {
                let keeps = item.office_on(d.date) == Some(d.office.as_str())
                    && offices
                        .iter()
                        .any(|o| o.id == d.office && scenario::office_open(o, d.date));
                if !keeps {
                    tx.remove_office_day(&d.rep, d.date)?;
                }
            }
            if let Some(old) = old {
                drop_moved_locks(tx, old, item)?;
            }
            prune_locks(tx, std::slice::from_ref(&item.id))?;
        }
        Ok(())
    }
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError> {
        let id = item.id.as_str();
        for mid in store::meetings::meetings_of(tx.conn, id)? {
            if let Some(mut m) = store::meetings::get_meeting(tx.conn, &mid)? {
                m.item.attendees.retain(|a| a != id);
                tx.put_meeting(&m.item)?;
            }
        }
        for mut t in store::tasks::tasks_of(tx.conn, id)? {
            t.item.assignee = None;
            t.item.pinned = false;
            tx.put_task(&t.item)?;
        }
        tx.office_days_gone(store::office_days::office_days_of(tx.conn, id)?)?;
        let mut requests = store::requests::get_requests(tx.conn)?;
        let before = requests.clone();
        for r in &mut requests.meetings {
            r.required.retain(|a| a != id);
            r.optional.retain(|a| a != id);
        }
        // A request nobody is required at is no request.
        requests.meetings.retain(|r| !r.required.is_empty());
        if let Some(rot) = &mut requests.rotation {
            rot.locks.retain(|l| l.rep != id);
        }
        if requests != before {
            tx.set_requests(&requests)?;
        }
        store::reps::delete_rep(tx.conn, id)?;
        Ok(())
    }
}

impl Item for Meeting {
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError> {
        tx.restore_meeting(stored)
    }
    const KIND: ItemKind = ItemKind::Meeting;
    const NOUN: &'static str = "meeting";
    const LIST: &'static str = "meetings";
    const LIMIT: usize = limits::MEETINGS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.title
    }
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError> {
        store::meetings::get_meeting(conn, id)
    }
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError> {
        store::meetings::list_meetings(conn)
    }
    fn check(&self, conn: &Connection) -> Result<Vec<Problem>, AppError> {
        let reps = existing(conn, self.attendees.iter(), store::reps::rep_exists)?;
        let offices = existing(
            conn,
            self.in_person_office.iter(),
            store::offices::office_exists,
        )?;
        Ok(scenario::check_meeting(self, &reps, &offices))
    }
    fn store(tx: &mut Tx, item: &Self, _: Option<&Self>) -> Result<(), AppError> {
        tx.put_meeting(item)
    }
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError> {
        store::meetings::delete_meeting(tx.conn, &item.id)?;
        Ok(())
    }
}

impl Item for Task {
    fn restore(tx: &mut Tx, stored: &Stored<Self>) -> Result<(), AppError> {
        tx.restore_task(stored)
    }
    const KIND: ItemKind = ItemKind::Task;
    const NOUN: &'static str = "task";
    const LIST: &'static str = "tasks";
    const LIMIT: usize = limits::TASKS;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.title
    }
    fn load(conn: &Connection, id: &str) -> Result<Option<Stored<Self>>, StoreError> {
        store::tasks::get_task(conn, id)
    }
    fn load_all(conn: &Connection) -> Result<Vec<Stored<Self>>, StoreError> {
        store::tasks::list_tasks(conn)
    }
    fn check(&self, conn: &Connection) -> Result<Vec<Problem>, AppError> {
        let reps = existing(conn, self.assignee.iter(), store::reps::rep_exists)?;
        Ok(scenario::check_task(self, &reps))
    }
    fn store(tx: &mut Tx, item: &Self, old: Option<&Self>) -> Result<(), AppError> {
        // Only a task given from one rep to another is a move; taking one
        // from nobody or leaving it with nobody is not (DESIGN.md "Fairness").
        if let (Some(from), Some(to)) = (old.and_then(|t| t.assignee.as_deref()), &item.assignee) {
            if from != to {
                tx.record_task_move(&item.id, from, to)?;
            }
        }
        tx.put_task(item)
    }
    fn remove(tx: &mut Tx, item: &Self) -> Result<(), AppError> {
        store::tasks::delete_task(tx.conn, &item.id)?;
        Ok(())
    }
}

/// Drops the in-office rotation locks of `reps` that rule 1 now forbids
/// (the rep moved office, took time off, an office closed a day).
/// Drops the rep's in-office locks on dates whose office a changed trip
/// moved (a trip shortened, removed, or sent elsewhere): a lock in at New
/// York does not become a lock in at London.
fn drop_moved_locks(tx: &mut Tx, old: &Rep, new: &Rep) -> Result<(), AppError> {
    if old.travel == new.travel {
        return Ok(());
    }
    let mut requests = store::requests::get_requests(tx.conn)?;
    let Some(rot) = &mut requests.rotation else {
        return Ok(());
    };
    let before = rot.locks.len();
    // Only trip days: a lock on a day at home follows the rep to a new
    // home office, as it did before travel.
    let on_trip = |d| old.trip_on(d).is_some() || new.trip_on(d).is_some();
    rot.locks.retain(|l| {
        l.rep != new.id
            || !l.in_office
            || !on_trip(l.date)
            || old.office_on(l.date) == new.office_on(l.date)
    });
    if rot.locks.len() != before {
        tx.set_requests(&requests)?;
    }
    Ok(())
}

pub(crate) fn prune_locks(tx: &mut Tx, reps: &[String]) -> Result<(), AppError> {
    if reps.is_empty() {
        return Ok(());
    }
    let mut requests = store::requests::get_requests(tx.conn)?;
    let Some(rot) = &mut requests.rotation else {
        return Ok(());
    };
    let wanted: HashSet<&str> = reps.iter().map(String::as_str).collect();
    if !rot
        .locks
        .iter()
        .any(|l| l.in_office && wanted.contains(l.rep.as_str()))
    {
        return Ok(());
    }
    let mut facts = std::collections::HashMap::new();
    for id in &wanted {
        let rep = store::reps::get_rep(tx.conn, id)?.map(|s| s.item);
        let mut offices: Vec<Office> = Vec::new();
        if let Some(r) = &rep {
            store::offices::add_rep_offices(tx.conn, r, &mut offices)?;
        }
        facts.insert(*id, (rep, offices));
    }
    let before = rot.locks.len();
    rot.locks.retain(|l| {
        if !l.in_office {
            return true;
        }
        match facts.get(l.rep.as_str()) {
            None => true,
            Some((Some(rep), offices)) => scenario::rule1_blocks(rep, offices, l.date).is_none(),
            Some((None, _)) => false,
        }
    });
    if rot.locks.len() != before {
        tx.set_requests(&requests)?;
    }
    Ok(())
}
