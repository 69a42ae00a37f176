//! The `office_days` table: the accepted office-day plan.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::StoreError;
use crate::model::OfficeDay;

fn collect(
    stmt: &mut rusqlite::CachedStatement,
    p: impl rusqlite::Params,
) -> Result<Vec<OfficeDay>, StoreError> {
    let rows = stmt.query_map(p, |r| {
        Ok(OfficeDay {
            rep: r.get(0)?,
            date: r.get(1)?,
            office: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn list_office_days(conn: &Connection) -> Result<Vec<OfficeDay>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT rep, date, office FROM office_days ORDER BY rowid")?;
    collect(&mut stmt, [])
}

/// One rep's accepted office days, by date.
pub fn office_days_of(conn: &Connection, rep: &str) -> Result<Vec<OfficeDay>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT rep, date, office FROM office_days WHERE rep = ?1 ORDER BY date")?;
    collect(&mut stmt, [rep])
}

/// The accepted office days at one office, by date.
pub fn office_days_at(conn: &Connection, office: &str) -> Result<Vec<OfficeDay>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT rep, date, office FROM office_days WHERE office = ?1 ORDER BY date, rowid",
    )?;
    collect(&mut stmt, [office])
}

/// The accepted office days between two dates (both included).
pub fn office_days_between(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<OfficeDay>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT rep, date, office FROM office_days WHERE date BETWEEN ?1 AND ?2 ORDER BY rowid",
    )?;
    collect(&mut stmt, params![first, last])
}

pub fn insert_office_day(conn: &Connection, d: &OfficeDay) -> Result<(), StoreError> {
    let mut stmt =
        conn.prepare_cached("INSERT INTO office_days (rep, date, office) VALUES (?1, ?2, ?3)")?;
    stmt.execute(params![d.rep, d.date, d.office])?;
    Ok(())
}

pub fn delete_office_day(
    conn: &Connection,
    rep: &str,
    date: NaiveDate,
) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM office_days WHERE rep = ?1 AND date = ?2")?;
    Ok(stmt.execute(params![rep, date])? > 0)
}
