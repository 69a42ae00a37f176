//! The `requests` table: the document's planning requests, each kept whole.

use rusqlite::Connection;

use super::json_column::{from_text, to_text};
use super::StoreError;
use crate::model::Requests;

pub fn get_requests(conn: &Connection) -> Result<Requests, StoreError> {
    let mut stmt =
        conn.prepare("SELECT kind, position, body FROM requests ORDER BY kind, position")?;
    let mut rows = stmt.query([])?;
    let mut out = Requests::default();
    while let Some(r) = rows.next()? {
        let (kind, pos, body): (String, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let id = format!("{kind}[{pos}]");
        match kind.as_str() {
            "meeting" => out
                .meetings
                .push(from_text("requests", &id, "body", &body)?),
            "rotation" => out.rotation = Some(from_text("requests", &id, "body", &body)?),
            "balance" => out.balance = Some(from_text("requests", &id, "body", &body)?),
            _ => {
                return Err(StoreError::Corrupt {
                    table: "requests",
                    id,
                    detail: "unknown kind".to_string(),
                })
            }
        }
    }
    Ok(out)
}

pub fn set_requests(tx: &Connection, r: &Requests) -> Result<(), StoreError> {
    tx.execute("DELETE FROM requests", [])?;
    let mut insert =
        tx.prepare("INSERT INTO requests (kind, position, body) VALUES (?1, ?2, ?3)")?;
    for (i, m) in r.meetings.iter().enumerate() {
        insert.execute(rusqlite::params!["meeting", i as i64, to_text(m)])?;
    }
    if let Some(rot) = &r.rotation {
        insert.execute(rusqlite::params!["rotation", 0, to_text(rot)])?;
    }
    if let Some(b) = &r.balance {
        insert.execute(rusqlite::params!["balance", 0, to_text(b)])?;
    }
    Ok(())
}
