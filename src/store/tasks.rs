//! The `tasks` table.

use rusqlite::{params, Connection};

use super::json_column::{from_text, to_text};
use super::{Revisions, StoreError, Stored};
use crate::model::{Hours, Task};

const COLUMNS: &str = "id, title, hours, due, assignee, skills_required, pinned, revision";

fn row(r: &rusqlite::Row) -> Result<Stored<Task>, StoreError> {
    let id: String = r.get(0)?;
    let hours_text: String = r.get(2)?;
    let hours = Hours::parse(&hours_text).ok_or_else(|| StoreError::Corrupt {
        table: "tasks",
        id: id.clone(),
        detail: format!("hours: {hours_text:?}"),
    })?;
    Ok(Stored {
        item: Task {
            title: r.get(1)?,
            hours,
            due: r.get(3)?,
            assignee: r.get(4)?,
            skills_required: from_text("tasks", &id, "skills_required", &r.get::<_, String>(5)?)?,
            pinned: r.get(6)?,
            id,
        },
        revision: r.get(7)?,
    })
}

fn collect(
    stmt: &mut rusqlite::CachedStatement,
    p: impl rusqlite::Params,
) -> Result<Vec<Stored<Task>>, StoreError> {
    let mut rows = stmt.query(p)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    Ok(out)
}

pub fn list_tasks(conn: &Connection) -> Result<Vec<Stored<Task>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM tasks ORDER BY rowid"))?;
    collect(&mut stmt, [])
}

pub fn get_task(conn: &Connection, id: &str) -> Result<Option<Stored<Task>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM tasks WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    rows.next()?.map(row).transpose()
}

/// The tasks assigned to a rep, in document order.
pub fn tasks_of(conn: &Connection, rep: &str) -> Result<Vec<Stored<Task>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tasks WHERE assignee = ?1 ORDER BY rowid"
    ))?;
    collect(&mut stmt, [rep])
}

/// Inserts the task or replaces the row with its id (keeping its place).
pub fn upsert_task(conn: &Connection, t: &Task, revision: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO tasks (id, title, hours, due, assignee, skills_required, pinned, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, hours = excluded.hours,
             due = excluded.due, assignee = excluded.assignee,
             skills_required = excluded.skills_required, pinned = excluded.pinned,
             revision = excluded.revision",
    )?;
    stmt.execute(params![
        t.id,
        t.title,
        t.hours.to_string(),
        t.due,
        t.assignee,
        to_text(&t.skills_required),
        t.pinned,
        revision
    ])?;
    Ok(())
}

pub fn delete_task(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM tasks WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

pub fn task_revisions(conn: &Connection, out: &mut Revisions) -> Result<(), StoreError> {
    super::read_revisions(conn, "tasks", &mut out.tasks)
}
