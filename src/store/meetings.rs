//! The `meetings` table and their attendees (`meeting_attendees`).

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::{Revisions, StoreError, Stored};
use crate::model::{LocalDateTime, Meeting};

const COLUMNS: &str =
    "id, title, start_local, time_zone, duration_minutes, rrule, in_person_office, revision";

fn row(r: &rusqlite::Row) -> Result<Stored<Meeting>, StoreError> {
    let id: String = r.get(0)?;
    let start_text: String = r.get(2)?;
    let start = LocalDateTime::parse(&start_text).ok_or_else(|| StoreError::Corrupt {
        table: "meetings",
        id: id.clone(),
        detail: format!("start_local: {start_text:?}"),
    })?;
    Ok(Stored {
        item: Meeting {
            title: r.get(1)?,
            start,
            time_zone: r.get(3)?,
            duration_minutes: r.get(4)?,
            rrule: r.get(5)?,
            in_person_office: r.get(6)?,
            attendees: Vec::new(),
            id,
        },
        revision: r.get(7)?,
    })
}

pub fn list_meetings(conn: &Connection) -> Result<Vec<Stored<Meeting>>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM meetings ORDER BY rowid"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, m)| (m.item.id.clone(), i))
        .collect();
    let mut stmt = conn
        .prepare_cached("SELECT meeting, rep FROM meeting_attendees ORDER BY meeting, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let meeting: String = r.get(0)?;
        if let Some(&i) = index.get(&meeting) {
            out[i].item.attendees.push(r.get(1)?);
        }
    }
    Ok(out)
}

pub fn get_meeting(conn: &Connection, id: &str) -> Result<Option<Stored<Meeting>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM meetings WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    let Some(mut m) = rows.next()?.map(row).transpose()? else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached("SELECT rep FROM meeting_attendees WHERE meeting = ?1 ORDER BY position")?;
    let reps = stmt.query_map([id], |r| r.get(0))?;
    m.item.attendees = reps.collect::<Result<_, _>>()?;
    Ok(Some(m))
}

/// The ids of the meetings `rep` attends, in document order.
pub fn meetings_of(conn: &Connection, rep: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id FROM meetings m JOIN meeting_attendees a ON a.meeting = m.id
         WHERE a.rep = ?1 ORDER BY m.rowid",
    )?;
    let rows = stmt.query_map([rep], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The ids of the in-person meetings at `office`.
pub fn meetings_at(conn: &Connection, office: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM meetings WHERE in_person_office = ?1 ORDER BY rowid")?;
    let rows = stmt.query_map([office], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts the meeting or replaces the row with its id (keeping its place),
/// with its attendees.
pub fn upsert_meeting(conn: &Connection, m: &Meeting, revision: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO meetings (id, title, start_local, time_zone, duration_minutes, rrule,
                               in_person_office, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title,
             start_local = excluded.start_local, time_zone = excluded.time_zone,
             duration_minutes = excluded.duration_minutes, rrule = excluded.rrule,
             in_person_office = excluded.in_person_office, revision = excluded.revision",
    )?;
    stmt.execute(params![
        m.id,
        m.title,
        m.start.to_string(),
        m.time_zone,
        m.duration_minutes,
        m.rrule,
        m.in_person_office,
        revision
    ])?;
    conn.prepare_cached("DELETE FROM meeting_attendees WHERE meeting = ?1")?
        .execute([&m.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO meeting_attendees (meeting, rep, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, a) in m.attendees.iter().enumerate() {
        insert.execute(params![m.id, a, i as i64])?;
    }
    Ok(())
}

pub fn delete_meeting(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM meetings WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

pub fn meeting_revisions(conn: &Connection, out: &mut Revisions) -> Result<(), StoreError> {
    super::read_revisions(conn, "meetings", &mut out.meetings)
}
