//! The `teams` table.

use rusqlite::{Connection, Transaction};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::Team;

pub fn list_teams(conn: &Connection) -> Result<Vec<Team>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name, anchor_days FROM teams ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, anchors) = row?;
        let anchor_days = from_text("teams", &id, "anchor_days", &anchors)?;
        out.push(Team {
            id,
            name,
            anchor_days,
        });
    }
    Ok(out)
}

pub fn insert_team(tx: &Transaction, t: &Team) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO teams (id, name, anchor_days) VALUES (?1, ?2, ?3)",
        (&t.id, &t.name, to_text(&t.anchor_days)),
    )?;
    Ok(())
}
