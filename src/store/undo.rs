//! The undo history (migration 0007): `undo_entries` and `undo_images`.
//!
//! Invariants: an entry is written inside the transaction of the write it
//! undoes, so it exists exactly when that write committed; every item the
//! write touched has one image row with its stored form before and after
//! (`NULL`: absent); each writer (`source`) has its own history, in which
//! the entries with `undone = 1` (the redo side) all have a larger `seq`
//! than those without; at most [`KEEP`] entries per writer and [`BYTES`]
//! bytes in all are kept, the oldest trimmed first.

use rusqlite::{params, Connection, OptionalExtension};

use super::changes::ItemKind;
use super::StoreError;

/// How many changes of one writer can be undone.
pub const KEEP: i64 = 50;
/// The most the kept images may take together, in bytes (an accepted plan of
/// a large team is big; older entries make room for it).
pub const BYTES: i64 = 64 * 1024 * 1024;

/// One item's stored form at one moment: its JSON (`None`: absent) and
/// where its rows sat (JSON rowids; not compared, only used to put a
/// restored row back in its place).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    pub body: Option<String>,
    pub place: Option<String>,
}

impl Image {
    /// Its size in bytes, for the history's cap.
    pub fn bytes(&self) -> usize {
        self.body.as_ref().map_or(0, String::len) + self.place.as_ref().map_or(0, String::len)
    }
}

/// One item a change touched, before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemImages {
    pub kind: ItemKind,
    pub id: String,
    pub before: Image,
    pub after: Image,
}

/// One undoable change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: i64,
    pub words: String,
    pub undone: bool,
    /// The task moves it recorded, as JSON.
    pub moves: String,
}

/// Records change `seq` of `source` as undoable, clears that writer's redo
/// side (a new change replaces what was undone) and trims the history to
/// [`KEEP`] entries per writer and [`BYTES`] bytes.
pub fn record(
    conn: &Connection,
    seq: i64,
    source: &str,
    words: &str,
    moves: &str,
    images: &[ItemImages],
) -> Result<(), StoreError> {
    clear_redo(conn, source)?;
    let bytes: usize = images
        .iter()
        .map(|i| i.before.bytes() + i.after.bytes() + i.id.len())
        .sum::<usize>()
        + moves.len();
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "INSERT INTO undo_entries (seq, source, words, undone, bytes, moves)
         VALUES (?1, ?2, ?3, 0, ?4, ?5)",
    )?
    .execute(params![seq, source, words, bytes, moves])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO undo_images (seq, kind, item, before, before_place, after, after_place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for i in images {
        insert.execute(params![
            seq,
            i.kind.as_str(),
            i.id,
            i.before.body,
            i.before.place,
            i.after.body,
            i.after.place
        ])?;
    }
    trim(conn, source)
}

/// Forgets everything `source` undid (its redo side).
pub fn clear_redo(conn: &Connection, source: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM undo_entries WHERE undone = 1 AND source = ?1")?
        .execute([source])?;
    Ok(())
}

/// Forgets the whole history: a change that cannot be undone came after it.
pub fn clear(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM undo_entries")?
        .execute([])?;
    Ok(())
}

fn trim(conn: &Connection, source: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM undo_entries WHERE source = ?1 AND seq NOT IN
         (SELECT seq FROM undo_entries WHERE source = ?1 ORDER BY seq DESC LIMIT ?2)",
    )?
    .execute(params![source, KEEP])?;
    // The newest entry is always kept, whatever its size (the writer checked
    // it against the cap before recording it).
    conn.prepare_cached(
        "DELETE FROM undo_entries WHERE seq IN (
           SELECT seq FROM (
             SELECT seq, SUM(bytes) OVER (ORDER BY seq DESC) AS newer FROM undo_entries
           ) WHERE newer > ?1 AND seq < (SELECT MAX(seq) FROM undo_entries))",
    )?
    .execute([BYTES])?;
    Ok(())
}

fn entry(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
    Ok(Entry {
        seq: r.get(0)?,
        words: r.get(1)?,
        undone: r.get(2)?,
        moves: r.get(3)?,
    })
}

/// The change the next undo of `source` reverts: its newest not undone.
pub fn next_undo(conn: &Connection, source: &str) -> Result<Option<Entry>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT seq, words, undone, moves FROM undo_entries WHERE source = ?1 AND undone = 0
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([source], entry)
        .optional()?)
}

/// The change the next redo of `source` applies again: the one it undid
/// last (the oldest undone, since undo goes from the newest back).
pub fn next_redo(conn: &Connection, source: &str) -> Result<Option<Entry>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT seq, words, undone, moves FROM undo_entries WHERE source = ?1 AND undone = 1
             ORDER BY seq LIMIT 1",
        )?
        .query_row([source], entry)
        .optional()?)
}

/// How many changes `source` can undo and redo.
pub fn depth(conn: &Connection, source: &str) -> Result<(i64, i64), StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(SUM(undone = 0), 0), COALESCE(SUM(undone = 1), 0)
             FROM undo_entries WHERE source = ?1",
        )?
        .query_row([source], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// Moves entry `seq` to the redo side (`true`) or back (`false`).
pub fn set_undone(conn: &Connection, seq: i64, undone: bool) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE undo_entries SET undone = ?2 WHERE seq = ?1")?
        .execute(params![seq, undone])?;
    Ok(())
}

/// Every item image of entry `seq`.
pub fn images(conn: &Connection, seq: i64) -> Result<Vec<ItemImages>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, item, before, before_place, after, after_place FROM undo_images
         WHERE seq = ?1 ORDER BY rowid",
    )?;
    let mut rows = stmt.query([seq])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let kind = ItemKind::from_column(r.get(0)?, "undo_images")?;
        out.push(ItemImages {
            kind,
            id: r.get(1)?,
            before: Image {
                body: r.get(2)?,
                place: r.get(3)?,
            },
            after: Image {
                body: r.get(4)?,
                place: r.get(5)?,
            },
        });
    }
    Ok(out)
}

/// The rowid of item `id` in `table` (one of the five item tables).
pub fn rowid_of(conn: &Connection, table: &str, id: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached(&format!("SELECT rowid FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Puts item `id` of `table` back at `rowid` when that place is free (a
/// row added since may have taken it; then it stays where it is).
pub fn move_to(conn: &Connection, table: &str, id: &str, rowid: i64) -> Result<(), StoreError> {
    let taken: Option<String> = conn
        .prepare_cached(&format!("SELECT id FROM {table} WHERE rowid = ?1"))?
        .query_row([rowid], |r| r.get(0))
        .optional()?;
    if taken.is_none() {
        conn.prepare_cached(&format!("UPDATE {table} SET rowid = ?2 WHERE id = ?1"))?
            .execute(params![id, rowid])?;
    }
    Ok(())
}

/// One rep's office days with their rowids, in list order.
pub fn office_days_with_place(
    conn: &Connection,
    rep: &str,
) -> Result<Vec<(chrono::NaiveDate, String, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, office, rowid FROM office_days WHERE rep = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([rep], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts an office day at `rowid` when that place is free, else at the end.
pub fn insert_office_day_at(
    conn: &Connection,
    rep: &str,
    date: chrono::NaiveDate,
    office: &str,
    rowid: Option<i64>,
) -> Result<(), StoreError> {
    let free = match rowid {
        Some(id) => conn
            .prepare_cached("SELECT 1 FROM office_days WHERE rowid = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_none(),
        None => false,
    };
    if free {
        conn.prepare_cached(
            "INSERT INTO office_days (rowid, rep, date, office) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![rowid, rep, date, office])?;
    } else {
        conn.prepare_cached("INSERT INTO office_days (rep, date, office) VALUES (?1, ?2, ?3)")?
            .execute(params![rep, date, office])?;
    }
    Ok(())
}

/// Deletes every office day of a rep.
pub fn delete_office_days_of(conn: &Connection, rep: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM office_days WHERE rep = ?1")?
        .execute([rep])?;
    Ok(())
}

/// Deletes one recorded task move (the first row that matches it).
pub fn delete_task_move(
    conn: &Connection,
    m: &super::task_moves::TaskMove,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM task_moves WHERE id = (SELECT id FROM task_moves
         WHERE seq = ?1 AND task = ?2 AND from_rep = ?3 AND to_rep = ?4 AND date = ?5
         ORDER BY id DESC LIMIT 1)",
    )?
    .execute(params![m.seq, m.task, m.from_rep, m.to_rep, m.date])?;
    Ok(())
}
