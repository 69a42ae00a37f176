//! The `offices` table.

use rusqlite::{Connection, Transaction};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::Office;

pub fn list_offices(conn: &Connection) -> Result<Vec<Office>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, time_zone, desks, open_days, closed_dates FROM offices ORDER BY rowid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, time_zone, desks, open, closed) = row?;
        let open_days = from_text("offices", &id, "open_days", &open)?;
        let mut closed_dates: Vec<chrono::NaiveDate> =
            from_text("offices", &id, "closed_dates", &closed)?;
        // Rows written by edits before closed dates were kept sorted may hold
        // them in any order; `crate::rules` relies on sorted dates.
        closed_dates.sort();
        closed_dates.dedup();
        out.push(Office {
            id,
            name,
            time_zone,
            desks,
            open_days,
            closed_dates,
        });
    }
    Ok(out)
}

pub fn insert_office(tx: &Transaction, o: &Office) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO offices (id, name, time_zone, desks, open_days, closed_dates)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        (
            &o.id,
            &o.name,
            &o.time_zone,
            o.desks,
            to_text(&o.open_days),
            to_text(&o.closed_dates),
        ),
    )?;
    Ok(())
}
