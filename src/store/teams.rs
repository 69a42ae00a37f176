//! The `teams` table.

use rusqlite::{params, Connection, OptionalExtension};

use super::json_column::{from_text, to_text};
use super::{Revisions, StoreError, Stored};
use crate::model::Team;

const COLUMNS: &str = "id, name, anchor_days, revision";

fn row(r: &rusqlite::Row) -> Result<Stored<Team>, StoreError> {
    let id: String = r.get(0)?;
    let anchor_days = from_text("teams", &id, "anchor_days", &r.get::<_, String>(2)?)?;
    Ok(Stored {
        item: Team {
            name: r.get(1)?,
            anchor_days,
            id,
        },
        revision: r.get(3)?,
    })
}

pub fn list_teams(conn: &Connection) -> Result<Vec<Stored<Team>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM teams ORDER BY rowid"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    Ok(out)
}

pub fn get_team(conn: &Connection, id: &str) -> Result<Option<Stored<Team>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM teams WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    rows.next()?.map(row).transpose()
}

pub fn team_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM teams WHERE id = ?1")?;
    Ok(stmt.query_row([id], |_| Ok(())).optional()?.is_some())
}

/// Inserts the team or replaces the row with its id (keeping the row's place
/// in document order).
pub fn upsert_team(conn: &Connection, t: &Team, revision: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO teams (id, name, anchor_days, revision) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name,
             anchor_days = excluded.anchor_days, revision = excluded.revision",
    )?;
    stmt.execute(params![t.id, t.name, to_text(&t.anchor_days), revision])?;
    Ok(())
}

pub fn delete_team(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM teams WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

pub fn team_revisions(conn: &Connection, out: &mut Revisions) -> Result<(), StoreError> {
    super::read_revisions(conn, "teams", &mut out.teams)
}
