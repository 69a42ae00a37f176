//! The `reps` table and their time off (`rep_time_off`).

use rusqlite::{Connection, Transaction};

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::{DateRange, DayRange, Hours, Rep};

pub fn list_reps(conn: &Connection) -> Result<Vec<Rep>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, team, time_zone, office, working_hours, stretch_hours, capacity_hours,
                min_office_days, max_office_days, preferred_office_days, no_office_days, skills
         FROM reps ORDER BY rowid",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let cap: String = r.get(7)?;
        let capacity_hours_per_week = Hours::parse(&cap).ok_or_else(|| StoreError::Corrupt {
            table: "reps",
            id: id.clone(),
            detail: format!("capacity_hours: {cap:?}"),
        })?;
        let min: Option<u32> = r.get(8)?;
        let max: Option<u32> = r.get(9)?;
        out.push(Rep {
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
            id,
        });
    }
    let mut stmt =
        conn.prepare("SELECT rep, start_date, end_date FROM rep_time_off ORDER BY rep, position")?;
    let mut rows = stmt.query([])?;
    let index: std::collections::HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    while let Some(r) = rows.next()? {
        let rep: String = r.get(0)?;
        let (start, end): (chrono::NaiveDate, chrono::NaiveDate) = (r.get(1)?, r.get(2)?);
        if let Some(&i) = index.get(&rep) {
            out[i].time_off.push(DateRange { start, end });
        }
    }
    Ok(out)
}

pub fn insert_rep(tx: &Transaction, r: &Rep) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO reps (id, name, team, time_zone, office, working_hours, stretch_hours,
                           capacity_hours, min_office_days, max_office_days,
                           preferred_office_days, no_office_days, skills)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        rusqlite::params![
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
        ],
    )?;
    for (i, t) in r.time_off.iter().enumerate() {
        tx.execute(
            "INSERT INTO rep_time_off (rep, position, start_date, end_date) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![r.id, i as i64, t.start, t.end],
        )?;
    }
    Ok(())
}
