//! The `tasks` table.

use rusqlite::{Connection, Transaction};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::{Hours, Task};

pub fn list_tasks(conn: &Connection) -> Result<Vec<Task>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, title, hours, due, assignee, skills_required, pinned FROM tasks ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let hours_text: String = r.get(2)?;
        let hours = Hours::parse(&hours_text).ok_or_else(|| StoreError::Corrupt {
            table: "tasks",
            id: id.clone(),
            detail: format!("hours: {hours_text:?}"),
        })?;
        out.push(Task {
            title: r.get(1)?,
            hours,
            due: r.get(3)?,
            assignee: r.get(4)?,
            skills_required: from_text("tasks", &id, "skills_required", &r.get::<_, String>(5)?)?,
            pinned: r.get(6)?,
            id,
        });
    }
    Ok(out)
}

pub fn insert_task(tx: &Transaction, t: &Task) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO tasks (id, title, hours, due, assignee, skills_required, pinned)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            t.id,
            t.title,
            t.hours.to_string(),
            t.due,
            t.assignee,
            to_text(&t.skills_required),
            t.pinned
        ],
    )?;
    Ok(())
}
