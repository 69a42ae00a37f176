//! The `offices` table.

use rusqlite::{params, Connection, OptionalExtension};

use super::json_column::{from_text, to_text};
use super::{Revisions, StoreError, Stored};
use crate::model::{Office, Rep};

const COLUMNS: &str = "id, name, time_zone, desks, open_days, closed_dates, revision, holidays";

fn row(r: &rusqlite::Row) -> Result<Stored<Office>, StoreError> {
    let id: String = r.get(0)?;
    let open_days = from_text("offices", &id, "open_days", &r.get::<_, String>(4)?)?;
    let mut closed_dates: Vec<chrono::NaiveDate> =
        from_text("offices", &id, "closed_dates", &r.get::<_, String>(5)?)?;
    // `crate::rules` looks dates up by binary search; rows written before
    // closed dates were kept sorted may hold them in any order.
    closed_dates.sort();
    closed_dates.dedup();
    Ok(Stored {
        item: Office {
            name: r.get(1)?,
            time_zone: r.get(2)?,
            desks: r.get(3)?,
            open_days,
            closed_dates,
            holidays: r.get(7)?,
            id,
        },
        revision: r.get(6)?,
    })
}

pub fn list_offices(conn: &Connection) -> Result<Vec<Stored<Office>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM offices ORDER BY rowid"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    Ok(out)
}

pub fn get_office(conn: &Connection, id: &str) -> Result<Option<Stored<Office>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM offices WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    rows.next()?.map(row).transpose()
}

/// Adds to `into` the offices `rep` works from (home, and each office a
/// trip visits) that are stored and not in it yet.
pub fn add_rep_offices(
    conn: &Connection,
    rep: &Rep,
    into: &mut Vec<Office>,
) -> Result<(), StoreError> {
    let named = rep
        .office
        .iter()
        .chain(rep.travel.iter().map(|t| &t.office));
    for oid in named {
        if !into.iter().any(|o| &o.id == oid) {
            into.extend(get_office(conn, oid)?.map(|s| s.item));
        }
    }
    Ok(())
}

pub fn office_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM offices WHERE id = ?1")?;
    Ok(stmt.query_row([id], |_| Ok(())).optional()?.is_some())
}

/// Inserts the office or replaces the row with its id (keeping its place).
/// Closed dates are stored sorted and without repeats (rule lookups rely on it).
pub fn upsert_office(conn: &Connection, o: &Office, revision: i64) -> Result<(), StoreError> {
    let mut closed = o.closed_dates.clone();
    closed.sort();
    closed.dedup();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO offices (id, name, time_zone, desks, open_days, closed_dates, revision,
             holidays)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
             desks = excluded.desks, open_days = excluded.open_days,
             closed_dates = excluded.closed_dates, revision = excluded.revision,
             holidays = excluded.holidays",
    )?;
    stmt.execute(params![
        o.id,
        o.name,
        o.time_zone,
        o.desks,
        to_text(&o.open_days),
        to_text(&closed),
        revision,
        o.holidays
    ])?;
    Ok(())
}

pub fn delete_office(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM offices WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

pub fn office_revisions(conn: &Connection, out: &mut Revisions) -> Result<(), StoreError> {
    super::read_revisions(conn, "offices", &mut out.offices)
}
