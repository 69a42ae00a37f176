//! The `reps` table, their time off (`rep_time_off`) and trips (`rep_travel`).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::json_column::{from_text, to_text};
use super::{Revisions, StoreError, Stored};
use crate::model::{DateRange, DayRange, Hours, Rep, Trip};

const COLUMNS: &str = "id, name, team, time_zone, office, working_hours, stretch_hours,
    capacity_hours, min_office_days, max_office_days, preferred_office_days, no_office_days,
    skills, revision, holidays";

fn row(r: &rusqlite::Row) -> Result<Stored<Rep>, StoreError> {
    let id: String = r.get(0)?;
    let cap: String = r.get(7)?;
    let capacity_hours_per_week = Hours::parse(&cap).ok_or_else(|| StoreError::Corrupt {
        table: "reps",
        id: id.clone(),
        detail: format!("capacity_hours: {cap:?}"),
    })?;
    let min: Option<u32> = r.get(8)?;
    let max: Option<u32> = r.get(9)?;
    Ok(Stored {
        item: Rep {
            name: r.get(1)?,
            team: r.get(2)?,
            time_zone: r.get(3)?,
            office: r.get(4)?,
            working_hours: from_text("reps", &id, "working_hours", &r.get::<_, String>(5)?)?,
            stretch_hours: from_text("reps", &id, "stretch_hours", &r.get::<_, String>(6)?)?,
            capacity_hours_per_week,
            office_days_per_week: min.zip(max).map(|(min, max)| DayRange { min, max }),
            preferred_office_days: from_text(
                "reps",
                &id,
                "preferred_office_days",
                &r.get::<_, String>(10)?,
            )?,
            no_office_days: from_text("reps", &id, "no_office_days", &r.get::<_, String>(11)?)?,
            skills: from_text("reps", &id, "skills", &r.get::<_, String>(12)?)?,
            time_off: Vec::new(),
            holidays: holidays_from_column(r.get(14)?),
            travel: Vec::new(),
            id,
        },
        revision: r.get(13)?,
    })
}

/// `reps.holidays` (migration 0004): NULL when the rep names no region,
/// '' for the document's `null`.
pub(crate) fn holidays_from_column(v: Option<String>) -> Option<Option<String>> {
    v.map(|code| (!code.is_empty()).then_some(code))
}

fn holidays_to_column(h: &Option<Option<String>>) -> Option<&str> {
    h.as_ref().map(|code| code.as_deref().unwrap_or(""))
}

pub fn list_reps(conn: &Connection) -> Result<Vec<Stored<Rep>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM reps ORDER BY rowid"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (r.item.id.clone(), i))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT rep, start_date, end_date FROM rep_time_off ORDER BY rep, position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let rep: String = r.get(0)?;
        if let Some(&i) = index.get(&rep) {
            out[i].item.time_off.push(DateRange {
                start: r.get(1)?,
                end: r.get(2)?,
            });
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT rep, from_date, to_date, office FROM rep_travel ORDER BY rep, position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let rep: String = r.get(0)?;
        if let Some(&i) = index.get(&rep) {
            out[i].item.travel.push(Trip {
                from: r.get(1)?,
                to: r.get(2)?,
                office: r.get(3)?,
            });
        }
    }
    Ok(out)
}

/// The columns a list of people shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepLine {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub time_zone: String,
    pub office: Option<String>,
}

/// Every rep's id, name, team, zone and office, in document order: what a
/// list shows, without parsing hours or skills.
pub fn list_rep_lines(conn: &Connection) -> Result<Vec<RepLine>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, team, time_zone, office FROM reps ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok(RepLine {
            id: r.get(0)?,
            name: r.get(1)?,
            team: r.get(2)?,
            time_zone: r.get(3)?,
            office: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get_rep(conn: &Connection, id: &str) -> Result<Option<Stored<Rep>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM reps WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    let Some(mut rep) = rows.next()?.map(row).transpose()? else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT start_date, end_date FROM rep_time_off WHERE rep = ?1 ORDER BY position",
    )?;
    let blocks = stmt.query_map([id], |r| {
        Ok(DateRange {
            start: r.get(0)?,
            end: r.get(1)?,
        })
    })?;
    rep.item.time_off = blocks.collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT from_date, to_date, office FROM rep_travel WHERE rep = ?1 ORDER BY position",
    )?;
    let trips = stmt.query_map([id], |r| {
        Ok(Trip {
            from: r.get(0)?,
            to: r.get(1)?,
            office: r.get(2)?,
        })
    })?;
    rep.item.travel = trips.collect::<Result<_, _>>()?;
    Ok(Some(rep))
}

pub fn rep_exists(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM reps WHERE id = ?1")?;
    Ok(stmt.query_row([id], |_| Ok(())).optional()?.is_some())
}

/// The ids of the reps whose home office is `office`.
pub fn reps_in_office(conn: &Connection, office: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM reps WHERE office = ?1 ORDER BY rowid")?;
    let rows = stmt.query_map([office], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The ids of the reps with a trip to `office`.
pub fn reps_visiting(conn: &Connection, office: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT rep FROM rep_travel WHERE office = ?1 ORDER BY rep")?;
    let rows = stmt.query_map([office], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every rep's trips by rep id, in date order (as stored): what the checks
/// of office days at the office of the day read without loading whole reps.
pub fn trips_by_rep(conn: &Connection) -> Result<HashMap<String, Vec<Trip>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT rep, from_date, to_date, office FROM rep_travel ORDER BY rep, position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: HashMap<String, Vec<Trip>> = HashMap::new();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(Trip {
            from: r.get(1)?,
            to: r.get(2)?,
            office: r.get(3)?,
        });
    }
    Ok(out)
}

/// The ids of the reps of `team`.
pub fn reps_in_team(conn: &Connection, team: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM reps WHERE team = ?1 ORDER BY rowid")?;
    let rows = stmt.query_map([team], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Inserts the rep or replaces the row with its id (keeping its place in
/// document order), with its time off.
pub fn upsert_rep(conn: &Connection, r: &Rep, revision: i64) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO reps (id, name, team, time_zone, office, working_hours, stretch_hours,
                           capacity_hours, min_office_days, max_office_days,
                           preferred_office_days, no_office_days, skills, revision,
                           holidays)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, team = excluded.team,
             time_zone = excluded.time_zone, office = excluded.office,
             working_hours = excluded.working_hours, stretch_hours = excluded.stretch_hours,
             capacity_hours = excluded.capacity_hours,
             min_office_days = excluded.min_office_days,
             max_office_days = excluded.max_office_days,
             preferred_office_days = excluded.preferred_office_days,
             no_office_days = excluded.no_office_days, skills = excluded.skills,
             revision = excluded.revision, holidays = excluded.holidays",
    )?;
    stmt.execute(params![
        r.id,
        r.name,
        r.team,
        r.time_zone,
        r.office,
        to_text(&r.working_hours),
        to_text(&r.stretch_hours),
        r.capacity_hours_per_week.to_string(),
        r.office_days_per_week.map(|d| d.min),
        r.office_days_per_week.map(|d| d.max),
        to_text(&r.preferred_office_days),
        to_text(&r.no_office_days),
        to_text(&r.skills),
        revision,
        holidays_to_column(&r.holidays),
    ])?;
    conn.prepare_cached("DELETE FROM rep_time_off WHERE rep = ?1")?
        .execute([&r.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO rep_time_off (rep, position, start_date, end_date) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, t) in r.time_off.iter().enumerate() {
        insert.execute(params![r.id, i as i64, t.start, t.end])?;
    }
    conn.prepare_cached("DELETE FROM rep_travel WHERE rep = ?1")?
        .execute([&r.id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO rep_travel (rep, position, from_date, to_date, office)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, t) in r.travel.iter().enumerate() {
        insert.execute(params![r.id, i as i64, t.from, t.to, t.office])?;
    }
    Ok(())
}

/// Deletes the rep; its time off, attendances and office days go with it
/// (foreign-key cascades), tasks and other references are the caller's.
pub fn delete_rep(conn: &Connection, id: &str) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM reps WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

pub fn rep_revisions(conn: &Connection, out: &mut Revisions) -> Result<(), StoreError> {
    super::read_revisions(conn, "reps", &mut out.reps)
}

/// A rep as a list row shows them: no hours, time off or office rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepCard {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub time_zone: String,
    pub office: Option<String>,
    pub skills: Vec<String>,
    pub revision: i64,
}

/// Every rep's list row, in document order: one statement, no per-rep reads.
pub fn list_rep_cards(conn: &Connection) -> Result<Vec<RepCard>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, team, time_zone, office, skills, revision FROM reps ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let skills = from_text("reps", &id, "skills", &r.get::<_, String>(5)?)?;
        out.push(RepCard {
            name: r.get(1)?,
            team: r.get(2)?,
            time_zone: r.get(3)?,
            office: r.get(4)?,
            skills,
            revision: r.get(6)?,
            id,
        });
    }
    Ok(out)
}
