//! The change counter and log (`changes`, `changed_items`).
//!
//! Invariants: every committed write adds exactly one `changes` row whose
//! `seq` is one more than the largest before it (taken inside the write's
//! `IMMEDIATE` transaction, so two writers never share one), and every item
//! row a write touches gets that `seq` as its revision. The log keeps the last
//! [`KEEP`] writes; older ones are trimmed, so a reader far behind reloads.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::StoreError;

/// How many writes the log remembers.
pub const KEEP: i64 = 1000;

/// What kind of stored thing a change touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Team,
    Office,
    Rep,
    Meeting,
    Task,
    /// The accepted office-day plan (item id: the rep).
    OfficeDays,
    Policy,
    /// The planning requests: rotation window and locks, balance window, meeting requests.
    Requests,
    /// Everything: an import, a restore or the sample team replaced the team.
    All,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Team => "team",
            ItemKind::Office => "office",
            ItemKind::Rep => "rep",
            ItemKind::Meeting => "meeting",
            ItemKind::Task => "task",
            ItemKind::OfficeDays => "office_days",
            ItemKind::Policy => "policy",
            ItemKind::Requests => "requests",
            ItemKind::All => "all",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<ItemKind> {
        Some(match s {
            "team" => ItemKind::Team,
            "office" => ItemKind::Office,
            "rep" => ItemKind::Rep,
            "meeting" => ItemKind::Meeting,
            "task" => ItemKind::Task,
            "office_days" => ItemKind::OfficeDays,
            "policy" => ItemKind::Policy,
            "requests" => ItemKind::Requests,
            "all" => ItemKind::All,
            _ => return None,
        })
    }

    /// The kind stored in a column of `table`; an unknown one is damage.
    pub(crate) fn from_column(s: String, table: &'static str) -> Result<ItemKind, StoreError> {
        ItemKind::parse(&s).ok_or(StoreError::Corrupt {
            table,
            id: s,
            detail: "unknown kind".to_string(),
        })
    }
}

/// One item one write touched.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangedItem {
    pub kind: ItemKind,
    pub id: String,
    pub removed: bool,
}

/// Who made a write and when (UTC, RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub source: String,
    pub at: String,
}

/// The database's change counter: the `seq` of the last committed write (0
/// for a database never written through the log).
pub fn counter(conn: &Connection) -> Result<i64, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM changes")?;
    Ok(stmt.query_row([], |r| r.get(0))?)
}

/// Records a write as `seq` (which must be `counter + 1`, read in the same
/// transaction) and trims the log.
pub fn record(
    conn: &Connection,
    seq: i64,
    source: &str,
    summary: &str,
    items: &[ChangedItem],
) -> Result<(), StoreError> {
    let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    conn.prepare_cached("INSERT INTO changes (seq, at, source, summary) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![seq, at, source, summary])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO changed_items (seq, kind, item, removed) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(seq, kind, item) DO UPDATE SET removed = excluded.removed",
    )?;
    for it in items {
        insert.execute(params![seq, it.kind.as_str(), it.id, it.removed])?;
    }
    conn.prepare_cached("DELETE FROM changes WHERE seq <= ?1")?
        .execute([seq - KEEP])?;
    Ok(())
}

/// The items changed by the writes after `seq`, oldest first; `None` when
/// the log no longer reaches back that far (the reader should reload all).
pub fn since(conn: &Connection, seq: i64) -> Result<Option<Vec<ChangedItem>>, StoreError> {
    let oldest: Option<i64> = conn
        .prepare_cached("SELECT MIN(seq) FROM changes")?
        .query_row([], |r| r.get(0))?;
    let now = counter(conn)?;
    if now <= seq {
        return Ok(Some(Vec::new()));
    }
    if oldest.is_none_or(|o| o > seq + 1) {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT kind, item, removed FROM changed_items WHERE seq > ?1 ORDER BY seq, rowid",
    )?;
    let mut rows = stmt.query([seq])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind = ItemKind::from_column(r.get(0)?, "changed_items")?;
        out.push(ChangedItem {
            kind,
            id: r.get(1)?,
            removed: r.get(2)?,
        });
    }
    Ok(Some(out))
}

/// Who made write `seq`, if the log still has it.
pub fn author(conn: &Connection, seq: i64) -> Result<Option<Author>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT source, at FROM changes WHERE seq = ?1")?;
    Ok(stmt
        .query_row([seq], |r| {
            Ok(Author {
                source: r.get(0)?,
                at: r.get(1)?,
            })
        })
        .optional()?)
}
