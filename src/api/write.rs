//! The unit of every write: one `IMMEDIATE` transaction that reads what it
//! changes inside it, writes only the rows that change, records the write in
//! the change log and commits; and [`Changes`], what it hands back.
//!
//! Invariant: every item row a write touches (directly or by a cascade) goes
//! through [`Tx`], so it gets the write's revision and appears in both the
//! returned [`Changes`] and the change log other processes read.

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
    fn items(&self) -> Vec<ChangedItem> {
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
}

impl Tx<'_> {
    pub fn put_team(&mut self, t: &Team) -> Result<(), AppError> {
        store::teams::upsert_team(self.conn, t, self.seq)?;
        record(&mut self.changes.teams, t, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_office(&mut self, o: &Office) -> Result<(), AppError> {
        store::offices::upsert_office(self.conn, o, self.seq)?;
        record(&mut self.changes.offices, o, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_rep(&mut self, r: &Rep) -> Result<(), AppError> {
        store::reps::upsert_rep(self.conn, r, self.seq)?;
        record(&mut self.changes.reps, r, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_meeting(&mut self, m: &Meeting) -> Result<(), AppError> {
        store::meetings::upsert_meeting(self.conn, m, self.seq)?;
        record(&mut self.changes.meetings, m, self.seq, |x| &x.id);
        Ok(())
    }
    pub fn put_task(&mut self, t: &Task) -> Result<(), AppError> {
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
        if store::office_days::delete_office_day(self.conn, rep, date)? {
            self.changes.office_days_removed.push(RepDate {
                rep: rep.to_string(),
                date,
            });
        }
        Ok(())
    }

    /// Notes office days a cascade deleted with their rep or office.
    pub fn office_days_gone(&mut self, days: Vec<OfficeDay>) {
        self.changes
            .office_days_removed
            .extend(days.into_iter().map(|d| RepDate {
                rep: d.rep,
                date: d.date,
            }));
    }

    pub fn add_office_day(&mut self, d: &OfficeDay) -> Result<(), AppError> {
        store::office_days::insert_office_day(self.conn, d)?;
        self.changes.office_days_added.push(d.clone());
        Ok(())
    }

    /// Records in the task-move history that this write gives `task` from
    /// rep `from` to rep `to`, dated with this computer's local date. The
    /// caller calls it once per task and write, and only when `from != to`.
    pub fn record_task_move(&mut self, task: &str, from: &str, to: &str) -> Result<(), AppError> {
        store::task_moves::record_move(
            self.conn,
            &store::task_moves::TaskMove {
                seq: self.seq,
                task: task.to_string(),
                from_rep: from.to_string(),
                to_rep: to.to_string(),
                date: chrono::Local::now().date_naive(),
            },
        )?;
        Ok(())
    }

    pub fn set_requests(&mut self, r: &Requests) -> Result<(), AppError> {
        store::requests::set_requests(self.conn, r)?;
        self.changes.requests = Some(r.clone());
        Ok(())
    }

    pub fn set_policy(&mut self, p: &Policy) -> Result<(), AppError> {
        store::settings::set_policy(self.conn, p)?;
        self.changes.policy = Some(*p);
        Ok(())
    }
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
        let mut what = if writes > 0 {
            format!("{writes} change(s) since")
        } else {
            "the database was replaced".to_string()
        };
        if let Some(a) = changes::author(self.conn, now)? {
            what.push_str(&format!(
                ", the last by {} at {}",
                a.source,
                a.at.replace('T', " ").replace('Z', " UTC")
            ));
        }
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
            };
            let out = f(&mut w)?;
            let changes = w.changes;
            changes::record(&tx, seq, &source, summary, &changes.items())?;
            verify(&tx, summary)?;
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
