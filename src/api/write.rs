//! The unit of every write: one `IMMEDIATE` transaction that reads what it
//! changes inside it, writes only the rows that change, records the write in
//! the change log and commits; and [`Changes`], what it hands back.
//!
//! Invariant: every item row a write touches (directly or by a cascade) goes
//! through [`Tx`], so it gets the write's revision and appears in both the
//! returned [`Changes`] and the change log other processes read.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::Meridian;
use crate::error::AppError;
use crate::io::scenario;
use crate::model::{Meeting, Office, OfficeDay, Policy, Rep, Requests, Task, Team};
use crate::store::changes::{self, ChangedItem, ItemKind};
use crate::store::undo::{self as history, Image, ItemImages};
use crate::store::{self, Stored};

/// A rep's office day, by its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepDate {
    pub rep: String,
    pub date: NaiveDate,
}

/// What one write changed: every item it stored (with its new revision),
/// every item it removed, and the database's change counter after it. A
/// screen patches its lists with it instead of reloading the team.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Changes {
    pub counter: i64,
    pub teams: Vec<Stored<Team>>,
    pub offices: Vec<Stored<Office>>,
    pub reps: Vec<Stored<Rep>>,
    pub meetings: Vec<Stored<Meeting>>,
    pub tasks: Vec<Stored<Task>>,
    /// Items removed (kind and id).
    pub removed: Vec<ChangedItem>,
    pub office_days_removed: Vec<RepDate>,
    pub office_days_added: Vec<OfficeDay>,
    /// The new policy, when it changed.
    pub policy: Option<Policy>,
    /// The new planning requests, when they changed.
    pub requests: Option<Requests>,
    /// The whole team was replaced (import, restore, sample team): reload.
    pub replaced: bool,
}

impl Changes {
    /// Every item this write touched, for the change log.
    pub(crate) fn touched(&self) -> Vec<ChangedItem> {
        let put = |kind, id: &str| ChangedItem {
            kind,
            id: id.to_string(),
            removed: false,
        };
        let mut out: Vec<ChangedItem> = Vec::new();
        if self.replaced {
            out.push(put(ItemKind::All, ""));
        }
        out.extend(self.teams.iter().map(|s| put(ItemKind::Team, &s.item.id)));
        out.extend(
            self.offices
                .iter()
                .map(|s| put(ItemKind::Office, &s.item.id)),
        );
        out.extend(self.reps.iter().map(|s| put(ItemKind::Rep, &s.item.id)));
        out.extend(
            self.meetings
                .iter()
                .map(|s| put(ItemKind::Meeting, &s.item.id)),
        );
        out.extend(self.tasks.iter().map(|s| put(ItemKind::Task, &s.item.id)));
        out.extend(self.removed.iter().cloned());
        let mut day_reps: Vec<&str> = self
            .office_days_removed
            .iter()
            .map(|d| d.rep.as_str())
            .chain(self.office_days_added.iter().map(|d| d.rep.as_str()))
            .collect();
        day_reps.sort_unstable();
        day_reps.dedup();
        out.extend(day_reps.into_iter().map(|r| put(ItemKind::OfficeDays, r)));
        if self.policy.is_some() {
            out.push(put(ItemKind::Policy, ""));
        }
        if self.requests.is_some() {
            out.push(put(ItemKind::Requests, ""));
        }
        out
    }
}

/// Replaces the entry with the same id, or appends.
fn record<T: Clone>(list: &mut Vec<Stored<T>>, item: &T, revision: i64, id: impl Fn(&T) -> &str) {
    let stored = Stored {
        item: item.clone(),
        revision,
    };
    match list.iter().position(|s| id(&s.item) == id(item)) {
        Some(i) => list[i] = stored,
        None => list.push(stored),
    }
}

/// A write in progress: the transaction's connection, the revision this
/// write gives what it touches, and what it changed so far.
pub struct Tx<'c> {
    pub conn: &'c Connection,
    pub seq: i64,
    pub changes: Changes,
    undo: UndoLog,
}

/// How a write takes part in the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UndoMode {
    /// An ordinary change: recorded so it can be undone.
    Record,
    /// An undo or redo: moves through the history, records nothing.
    Skip,
    /// A change that cannot be undone (a whole-team replacement, the
    /// holiday table's own write): the history before it is forgotten.
    Forget,
}

/// What a write keeps for the undo history while it runs: each touched
/// item's stored form from before its first change in this write.
struct UndoLog {
    mode: UndoMode,
    before: BTreeMap<(ItemKind, String), Image>,
    words: Option<String>,
    log_summary: Option<String>,
    moves: Vec<store::task_moves::TaskMove>,
}

impl Tx<'_> {
    /// Keeps the stored form of an item before this write first changes it
    /// (every change through `Tx` calls it; so does a delete, before it).
    pub(crate) fn capture(&mut self, kind: ItemKind, id: &str) -> Result<(), AppError> {
        if self.undo.mode != UndoMode::Record {
            return Ok(());
        }
        let key = (kind, id.to_string());
        if !self.undo.before.contains_key(&key) {
            let image = super::undo::image_of(self.conn, kind, id)?;
            self.undo.before.insert(key, image);
        }
        Ok(())
    }

    /// What this change does in a lead's words, for "Undo: …" (else the
    /// change log's summary).
    pub(crate) fn describe(&mut self, words: String) {
        self.undo.words = Some(words);
    }

    pub(crate) fn set_undo_mode(&mut self, mode: UndoMode) {
        self.undo.mode = mode;
    }

    /// The change log's summary, when it is known only inside the write.
    pub(crate) fn set_log_summary(&mut self, summary: String) {
        self.undo.log_summary = Some(summary);
    }

    pub(crate) fn restore_team(&mut self, s: &Stored<Team>) -> Result<(), AppError> {
        store::teams::upsert_team(self.conn, &s.item, s.revision)?;
        record(&mut self.changes.teams, &s.item, s.revision, |x| &x.id);
        Ok(())
    }
    pub(crate) fn restore_office(&mut self, s: &Stored<Office>) -> Result<(), AppError> {
        store::offices::upsert_office(self.conn, &s.item, s.revision)?;
        record(&mut self.changes.offices, &s.item, s.revision, |x| &x.id);
        Ok(())
    }
    pub(crate) fn restore_rep(&mut self, s: &Stored<Rep>) -> Result<(), AppError> {
        store::reps::upsert_rep(self.conn, &s.item, s.revision)?;
        record(&mut self.changes.reps, &s.item, s.revision, |x| &x.id);
        Ok(())
    }
    pub(crate) fn restore_meeting(&mut self, s: &Stored<Meeting>) -> Result<(), AppError> {
        store::meetings::upsert_meeting(self.conn, &s.item, s.revision)?;
        record(&mut self.changes.meetings, &s.item, s.revision, |x| &x.id);
        Ok(())
    }
    pub(crate) fn restore_task(&mut self, s: &Stored<Task>) -> Result<(), AppError> {
        store::tasks::upsert_task(self.conn, &s.item, s.revision)?;
        record(&mut self.changes.tasks, &s.item, s.revision, |x| &x.id);
        Ok(())
    }

    pub fn put_team(&mut self, t: &Team) -> Result<(), AppError> {
        self.capture(ItemKind::Team, &t.id)?;
        store::teams::upsert_team(self.conn, t, self.seq)?;
        record(&mut self.changes.teams, t, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_office(&mut self, o: &Office) -> Result<(), AppError> {
        self.capture(ItemKind::Office, &o.id)?;
        store::offices::upsert_office(self.conn, o, self.seq)?;
        record(&mut self.changes.offices, o, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_rep(&mut self, r: &Rep) -> Result<(), AppError> {
        self.capture(ItemKind::Rep, &r.id)?;
        store::reps::upsert_rep(self.conn, r, self.seq)?;
        record(&mut self.changes.reps, r, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_meeting(&mut self, m: &Meeting) -> Result<(), AppError> {
        self.capture(ItemKind::Meeting, &m.id)?;
        store::meetings::upsert_meeting(self.conn, m, self.seq)?;
        record(&mut self.changes.meetings, m, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_task(&mut self, t: &Task) -> Result<(), AppError> {
        self.capture(ItemKind::Task, &t.id)?;
        store::tasks::upsert_task(self.conn, t, self.seq)?;
        record(&mut self.changes.tasks, t, self.seq, |x| &x.id);
        Ok(())
    }

    /// Notes that an item was removed (the caller deleted its row).
    pub fn removed(&mut self, kind: ItemKind, id: &str) {
        match kind {
            ItemKind::Team => self.changes.teams.retain(|s| s.item.id != id),
            ItemKind::Office => self.changes.offices.retain(|s| s.item.id != id),
            ItemKind::Rep => self.changes.reps.retain(|s| s.item.id != id),
            ItemKind::Meeting => self.changes.meetings.retain(|s| s.item.id != id),
            ItemKind::Task => self.changes.tasks.retain(|s| s.item.id != id),
            _ => {}
        }
        self.changes.removed.push(ChangedItem {
            kind,
            id: id.to_string(),
            removed: true,
        });
    }

    pub fn remove_office_day(&mut self, rep: &str, date: NaiveDate) -> Result<(), AppError> {
        self.capture(ItemKind::OfficeDays, rep)?;
        if store::office_days::delete_office_day(self.conn, rep, date)? {
            self.changes.office_days_removed.push(RepDate {
                rep: rep.to_string(),
                date,
            });
        }
        Ok(())
    }

    /// Notes office days a cascade deleted with their rep or office.
    pub fn office_days_gone(&mut self, days: Vec<OfficeDay>) -> Result<(), AppError> {
        for d in &days {
            self.capture(ItemKind::OfficeDays, &d.rep)?;
        }
        self.changes
            .office_days_removed
            .extend(days.into_iter().map(|d| RepDate {
                rep: d.rep,
                date: d.date,
            }));
        Ok(())
    }

    pub fn add_office_day(&mut self, d: &OfficeDay) -> Result<(), AppError> {
        self.capture(ItemKind::OfficeDays, &d.rep)?;
        store::office_days::insert_office_day(self.conn, d)?;
        self.changes.office_days_added.push(d.clone());
        Ok(())
    }

    /// Records in the task-move history that this write gives `task` from
    /// rep `from` to rep `to`, dated with this computer's local date. The
    /// caller calls it once per task and write, and only when `from != to`.
    pub fn record_task_move(&mut self, task: &str, from: &str, to: &str) -> Result<(), AppError> {
        let m = store::task_moves::TaskMove {
            seq: self.seq,
            task: task.to_string(),
            from_rep: from.to_string(),
            to_rep: to.to_string(),
            date: chrono::Local::now().date_naive(),
        };
        store::task_moves::record_move(self.conn, &m)?;
        self.undo.moves.push(m);
        Ok(())
    }

    pub fn set_requests(&mut self, r: &Requests) -> Result<(), AppError> {
        self.capture(ItemKind::Requests, "")?;
        store::requests::set_requests(self.conn, r)?;
        self.changes.requests = Some(r.clone());
        Ok(())
    }

    pub fn set_policy(&mut self, p: &Policy) -> Result<(), AppError> {
        self.capture(ItemKind::Policy, "")?;
        store::settings::set_policy(self.conn, p)?;
        self.changes.policy = Some(*p);
        Ok(())
    }
}

/// Records the write in the undo history as its mode says: an ordinary
/// change that touched items gets an entry with every item's before and
/// after image (and clears the redo side); one that cannot be undone ends
/// the history. A change too big to keep ([`history::BYTES`]) cannot be
/// undone either.
fn finish_undo(
    conn: &Connection,
    seq: i64,
    source: &str,
    summary: &str,
    touched: &[ChangedItem],
    log: &mut UndoLog,
) -> Result<(), AppError> {
    match log.mode {
        UndoMode::Skip => return Ok(()),
        UndoMode::Forget => {
            history::clear(conn)?;
            return Ok(());
        }
        UndoMode::Record => {}
    }
    if touched.iter().any(|c| c.kind == ItemKind::All) {
        history::clear(conn)?;
        return Ok(());
    }
    if touched.is_empty() {
        return Ok(());
    }
    // Every change goes through `Tx`, which captured its item first; one
    // that did not would be undone only in part, so none of it is.
    let missing = touched
        .iter()
        .find(|c| !log.before.contains_key(&(c.kind, c.id.clone())));
    if let Some(c) = missing {
        if cfg!(debug_assertions) {
            panic!("write \"{summary}\" touched {c:?} without capturing it");
        }
        history::clear(conn)?;
        return Ok(());
    }
    let mut images = Vec::with_capacity(log.before.len());
    let mut bytes = 0usize;
    for ((kind, id), before) in std::mem::take(&mut log.before) {
        let after = super::undo::image_of(conn, kind, &id)?;
        if after.body == before.body && after.place == before.place {
            continue;
        }
        bytes += before.bytes() + after.bytes();
        images.push(ItemImages {
            kind,
            id,
            before,
            after,
        });
    }
    if images.is_empty() {
        return Ok(());
    }
    if i64::try_from(bytes).unwrap_or(i64::MAX) > history::BYTES {
        history::clear(conn)?;
        return Ok(());
    }
    let moves = serde_json::to_string(&log.moves).map_err(|e| store::StoreError::Corrupt {
        table: "task_moves",
        id: seq.to_string(),
        detail: e.to_string(),
    })?;
    let words = log.words.take().unwrap_or_else(|| summary.to_string());
    history::record(conn, seq, source, &words, &moves, &images)?;
    Ok(())
}

static VERIFY: LazyLock<AtomicBool> = LazyLock::new(|| {
    AtomicBool::new(std::env::var_os("MERIDIAN_VERIFY_WRITES").is_some_and(|v| v == "1"))
});

/// Turns on (tests) the check that the whole stored document still passes
/// the import rules after every write, before it commits. Debug builds only;
/// also on when `MERIDIAN_VERIFY_WRITES=1`.
pub fn verify_writes(on: bool) {
    VERIFY.store(on, Ordering::Relaxed);
}

fn verify(conn: &Connection, summary: &str) -> Result<(), AppError> {
    if !cfg!(debug_assertions) || !VERIFY.load(Ordering::Relaxed) {
        return Ok(());
    }
    let sc = store::load_scenario(conn)?;
    if let Err(problems) = scenario::validate(&sc) {
        let shown: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
        panic!(
            "store invariant broken by \"{summary}\": the stored team fails validation: {}",
            shown.join("; ")
        );
    }
    Ok(())
}

impl Tx<'_> {
    /// Refuses the write when `expected` (the change counter a held plan was
    /// made at) is not the counter read inside this transaction: another
    /// write came between planning and accepting. `None` checks nothing.
    ///
    /// # Errors
    /// [`AppError::StalePlan`] naming how many writes came since and who
    /// made the last one.
    pub(crate) fn expect_counter(&self, expected: Option<i64>) -> Result<(), AppError> {
        let now = self.seq - 1;
        let Some(at) = expected.filter(|&at| at != now) else {
            return Ok(());
        };
        let writes = now - at;
        let author = changes::author(self.conn, now)?;
        let what = match (writes > 0, author) {
            (true, None) => crate::tr!("api-stale-changes", count = writes),
            (true, Some(a)) => crate::tr!(
                "api-stale-changes-by",
                count = writes,
                by = super::by_author(&a)
            ),
            (false, None) => crate::tr!("api-stale-replaced"),
            (false, Some(a)) => crate::tr!("api-stale-replaced-by", by = super::by_author(&a)),
        };
        Err(AppError::StalePlan(what))
    }
}

impl Meridian {
    /// Runs `f` as one write: `BEGIN IMMEDIATE`, `f` reads and changes rows
    /// through the [`Tx`], the write is logged as `summary`, then it commits.
    /// An error from `f` rolls everything back.
    pub(crate) fn write<R>(
        &mut self,
        summary: &str,
        f: impl FnOnce(&mut Tx) -> Result<R, AppError>,
    ) -> Result<(R, Changes), AppError> {
        self.writable()?;
        let source = self.source.clone();
        let run = || -> Result<(R, Changes), AppError> {
            let tx = store::write(&mut self.conn)?;
            let seq = changes::counter(&tx)? + 1;
            let mut w = Tx {
                conn: &tx,
                seq,
                changes: Changes {
                    counter: seq,
                    ..Changes::default()
                },
                undo: UndoLog {
                    mode: UndoMode::Record,
                    before: BTreeMap::new(),
                    words: None,
                    log_summary: None,
                    moves: Vec::new(),
                },
            };
            let out = f(&mut w)?;
            let touched = w.changes.touched();
            finish_undo(&tx, seq, &source, summary, &touched, &mut w.undo)?;
            let summary = w
                .undo
                .log_summary
                .take()
                .unwrap_or_else(|| summary.to_string());
            let changes = w.changes;
            changes::record(&tx, seq, &source, &summary, &touched)?;
            verify(&tx, &summary)?;
            tx.commit().map_err(store::StoreError::from)?;
            Ok((out, changes))
        };
        let result = run();
        match result {
            Ok((out, changes)) => {
                // Only when no other writer committed since the last look:
                // otherwise the next poll must still report their writes.
                if self.seen == changes.counter - 1 {
                    self.seen = changes.counter;
                }
                Ok((out, changes))
            }
            Err(e) => Err(self.locate(e)),
        }
    }
}
