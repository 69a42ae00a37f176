//! The `office_days` table: the accepted office-day plan.

use rusqlite::{Connection, Transaction};

use super::StoreError;
use crate::model::OfficeDay;

pub fn list_office_days(conn: &Connection) -> Result<Vec<OfficeDay>, StoreError> {
    let mut stmt = conn.prepare("SELECT rep, date, office FROM office_days ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok(OfficeDay {
            rep: r.get(0)?,
            date: r.get(1)?,
            office: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert_office_day(tx: &Transaction, d: &OfficeDay) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO office_days (rep, date, office) VALUES (?1, ?2, ?3)",
        rusqlite::params![d.rep, d.date, d.office],
    )?;
    Ok(())
}
