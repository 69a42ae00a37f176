//! The `meetings` table and their attendees (`meeting_attendees`).

use std::collections::HashMap;

use rusqlite::{Connection, Transaction};

use super::StoreError;
use crate::model::{LocalDateTime, Meeting};

pub fn list_meetings(conn: &Connection) -> Result<Vec<Meeting>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, title, start_local, time_zone, duration_minutes, rrule, in_person_office
         FROM meetings ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let start_text: String = r.get(2)?;
        let start = LocalDateTime::parse(&start_text).ok_or_else(|| StoreError::Corrupt {
            table: "meetings",
            id: id.clone(),
            detail: format!("start_local: {start_text:?}"),
        })?;
        out.push(Meeting {
            title: r.get(1)?,
            start,
            time_zone: r.get(3)?,
            duration_minutes: r.get(4)?,
            rrule: r.get(5)?,
            in_person_office: r.get(6)?,
            attendees: Vec::new(),
            id,
        });
    }
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    let mut stmt =
        conn.prepare("SELECT meeting, rep FROM meeting_attendees ORDER BY meeting, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (meeting, rep): (String, String) = (r.get(0)?, r.get(1)?);
        if let Some(&i) = index.get(&meeting) {
            out[i].attendees.push(rep);
        }
    }
    Ok(out)
}

pub fn insert_meeting(tx: &Transaction, m: &Meeting) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO meetings (id, title, start_local, time_zone, duration_minutes, rrule,
                               in_person_office)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            m.id,
            m.title,
            m.start.to_string(),
            m.time_zone,
            m.duration_minutes,
            m.rrule,
            m.in_person_office
        ],
    )?;
    for (i, a) in m.attendees.iter().enumerate() {
        tx.execute(
            "INSERT INTO meeting_attendees (meeting, rep, position) VALUES (?1, ?2, ?3)",
            rusqlite::params![m.id, a, i as i64],
        )?;
    }
    Ok(())
}
