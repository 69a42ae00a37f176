//! The `task_moves` table: the history of tasks given from one rep to
//! another (migration 0006), which the fairness ledger counts.
//!
//! Invariant: a write records at most one row per task (its first rep to
//! its last), and only when both are reps and differ.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::StoreError;
pub use crate::plan::ledger::TaskMove;

/// Records one move. The caller folds several moves of one task in one
/// write into one, from its first rep to its last (and none when it ends
/// where it started).
pub fn record_move(conn: &Connection, m: &TaskMove) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO task_moves (seq, task, from_rep, to_rep, date) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![m.seq, m.task, m.from_rep, m.to_rep, m.date])?;
    Ok(())
}

/// The moves made on local dates `first..=last`, oldest first.
pub fn moves_between(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<TaskMove>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, task, from_rep, to_rep, date FROM task_moves
         WHERE date BETWEEN ?1 AND ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![first, last], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every recorded move, oldest first.
pub fn list_moves(conn: &Connection) -> Result<Vec<TaskMove>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT seq, task, from_rep, to_rep, date FROM task_moves ORDER BY id")?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<TaskMove> {
    Ok(TaskMove {
        seq: r.get(0)?,
        task: r.get(1)?,
        from_rep: r.get(2)?,
        to_rep: r.get(3)?,
        date: r.get(4)?,
    })
}
